// Scenes in the built page (dist/), as readers get them at 390×844 and 1280×800: each graphic stays
// pinned while its steps pass and changes with them, going down and back up; deep links and jumps land
// on the right state; no layout shift; where nothing sticks (print, JavaScript off, a short screen
// for its text size) each step carries its snapshot of the graphic; reduced motion animates nothing.
// The first two for every story in dist/, the others for the root story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watch, recordLayoutShifts, DIST, PHONE, DESKTOP, STORIES, ROOT_STORY, triggerLine, inPage, withinAScreen } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every scene: its id, its steps' ids, and the state each step shows. */
const scenes = (page) => page.$$eval('.scene', (els) => els.map((s) => ({
  name: s.dataset.scene,
  steps: [...s.querySelectorAll('.step')].map((st) => st.id),
})));

/** Scrolls so that the step's top sits just above the scene's trigger line (where the app draws it,
 *  `triggerLine`: from where the graphic pins), as a reader gets there. */
async function readStep(page, id) {
  await page.evaluate(`(${(id, triggerLine) => {
    const step = document.getElementById(id);
    const line = triggerLine(step.closest('.scene'));
    window.scrollTo({ top: window.scrollY + step.getBoundingClientRect().top - line + 20, behavior: 'instant' });
  }})(${JSON.stringify(id)}, ${triggerLine})`);
}

const stepOf = (page, name) => page.$eval(`.scene[data-scene="${name}"]`, (s) => Number(s.dataset.step));

for (const story of STORIES) {
  for (const [label, device] of [['phone 390×844', PHONE], ['desktop 1280×800', DESKTOP]]) {
    test(`${story.name}, ${label}: each scene steps through its states down and back up, its graphic pinned`, async () => {
      const context = await browser.newContext(device);
      const page = await context.newPage();
      const problems = watch(page, [server.origin]);
      await recordLayoutShifts(page);
      await page.goto(server.url + story.path);
      await page.waitForSelector('.scene');
      await page.waitForTimeout(300);
      const all = await scenes(page);
      assert.deepEqual(all.map((s) => s.name), story.scenes);
      if (story.name === 'ruzhou') assert.deepEqual(story.scenes, ['ranking', 'roads', 'greening', 'financing', 'departments']);
      for (const scene of all) {
        const order = [...scene.steps.keys(), ...[...scene.steps.keys()].reverse()];
        const pinned = [];
        for (const i of order) {
          await readStep(page, scene.steps[i]);
          await page.waitForFunction(([n, i]) => Number(document.querySelector(`.scene[data-scene="${n}"]`).dataset.step) === i,
            [scene.name, i], { timeout: 2000 }).catch(() => {});
          assert.equal(await stepOf(page, scene.name), i, `${scene.name}: step ${i + 1} of ${scene.steps.length}`);
          const active = await page.$$eval(`.scene[data-scene="${scene.name}"] .step[data-active]`, (e) => e.map((x) => x.id));
          assert.deepEqual(active, [scene.steps[i]]);
          pinned.push(await page.$eval(`.scene[data-scene="${scene.name}"] .scene-figure`, (f) =>
            Math.round(f.getBoundingClientRect().top - parseFloat(getComputedStyle(f).top))));
        }
        // While its steps pass, the graphic stays at its sticky top (within a pixel).
        assert.ok(pinned.slice(1, -1).every((d) => Math.abs(d) <= 1), `${scene.name} graphic moved: ${pinned}`);
      }
      const cls = await page.evaluate(() => window.__cls);
      assert.equal(cls.toFixed(3), '0.000', `layout shift ${cls}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  if (story.name === ROOT_STORY) {
    for (const [label, device] of [['phone 390×844', PHONE], ['desktop 1280×800', DESKTOP]]) {
      test(`${story.name}, ${label}: read slowly, each scene changes as its card crosses the trigger line, down and back up`, async () => {
        const context = await browser.newContext(device);
        await context.addInitScript(`window.__triggerLine = ${triggerLine};`);
        const page = await context.newPage();
        await page.goto(server.url + story.path);
        await page.waitForSelector('.scene');
        await page.waitForTimeout(300);
        const late = [];
        for (const scene of await scenes(page)) {
          for (let i = 1; i < scene.steps.length; i++) {
            // From 120 px before card i's top meets the line, 8 px every 40 ms (a slow reader), down
            // until the scene shows step i, then back up until it shows step i - 1; at each position,
            // whether the card's top has passed the line (triggerLine: where the app draws it). The
            // scene may follow a dwell later (STEP_DWELL_MS, 100 ms: 20 px at this pace).
            await readStep(page, scene.steps[i]);
            await page.evaluate(() => window.scrollBy({ top: -140, behavior: 'instant' }));
            await page.waitForFunction(([n, i]) => Number(document.querySelector(`.scene[data-scene="${n}"]`).dataset.step) === i - 1,
              [scene.name, i], { timeout: 2000 }).catch(() => {});
            const follow = async (dy, want) => {
              let crossed = null;
              for (let k = 0; k < 60; k++) {
                const [y, passed, at] = await page.evaluate(([dy, n, id]) => {
                  window.scrollBy({ top: dy, behavior: 'instant' });
                  const s = document.querySelector(`.scene[data-scene="${n}"]`);
                  const line = window.__triggerLine(s);
                  return [window.scrollY, document.getElementById(id).getBoundingClientRect().top <= line, Number(s.dataset.step)];
                }, [dy, scene.name, scene.steps[i]]);
                if (crossed === null && passed === (dy > 0)) crossed = y;
                if (at === want) return crossed === null ? 'early' : Math.abs(y - crossed);
                await page.waitForTimeout(40);
              }
              return 'never';
            };
            const lag = [await follow(8, i), await follow(-8, i - 1)];
            if (lag.some((px) => typeof px !== 'number' || px > 64)) late.push(`${scene.steps[i]}: ${lag.join(' px down, ')} px up`);
          }
        }
        assert.deepEqual(late, [], 'steps the scene followed more than 64 px after the card crossed the line');
        await context.close();
      });
    }
  }

  test(`${story.name}: on phones every step card fits below the pinned graphic, or the step carries the graphic itself`, async () => {
    for (const [width, height, pinned] of [[320, 568, false], [375, 667, true], [390, 664, true], [430, 932, true], [844, 390, false]]) {
      const context = await browser.newContext({ ...PHONE, viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(server.url + story.path);
      await page.waitForSelector('.scene');
      const scenes = await page.$$eval('.scene', (all) => all.map((s) => {
        const fig = s.querySelector('.scene-figure');
        const space = window.innerHeight - parseFloat(getComputedStyle(fig).top) - fig.getBoundingClientRect().height;
        return {
          pinned: getComputedStyle(fig).display !== 'none',
          snapshots: [...s.querySelectorAll('.snapshot')].filter((x) => getComputedStyle(x).display !== 'none').length,
          steps: [...s.querySelectorAll('.step')].map((c) => ({ id: c.id, space: Math.round(space), card: Math.round(c.getBoundingClientRect().height) })),
        };
      }));
      for (const s of scenes) {
        assert.equal(s.pinned, pinned, `${width}×${height}: pinned`);
        assert.equal(s.snapshots > 0, !pinned, `${width}×${height}: snapshots`);
      }
      const over = scenes.filter((s) => s.pinned).flatMap((s) => s.steps).filter((f) => f.card > f.space)
        .map((f) => `${f.id}: ${f.card}px card, ${f.space}px below the graphic`);
      assert.deepEqual(over, [], `${width}×${height}`);
      await context.close();
    }
  });
}

test('read on a phone, a scene watches one trigger line, and its steps only while it is in view; its state changes lay nothing in the graphic out again', async () => {
  const context = await browser.newContext(PHONE);
  // How many observers of a band (a root margin: the trigger lines, the section bar's line) the
  // page makes, and which elements the live observers watch.
  await context.addInitScript(inPage(withinAScreen));
  await context.addInitScript(() => {
    window.__bands = 0;
    window.__watched = new Set();
    const IO = window.IntersectionObserver;
    window.IntersectionObserver = function (callback, options) {
      if (options?.rootMargin) window.__bands++;
      const io = new IO(callback, options);
      const mine = new Set();
      const { observe, unobserve, disconnect } = io;
      io.observe = (el) => { mine.add(el); window.__watched.add(el); observe.call(io, el); };
      io.unobserve = (el) => { mine.delete(el); window.__watched.delete(el); unobserve.call(io, el); };
      io.disconnect = () => { for (const el of mine) window.__watched.delete(el); mine.clear(); disconnect.call(io); };
      return io;
    };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-app="hydrated"]');
  await page.waitForTimeout(300);
  const cdp = await context.newCDPSession(page);
  const invalidations = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value) if (e.name === 'LayoutInvalidationTracking') invalidations.push(`${e.args.data.reason}: ${e.args.data.nodeName}`);
  });
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline.invalidationTracking'] } });
  const all = await scenes(page);
  const bandsBefore = await page.evaluate(() => window.__bands);
  // Down the whole page as a reader scrolls, 120 px at a time, each scene reaching every state.
  const steps = [];
  const far = [];
  for (let y = 0, end = 1; y < end; y += 120) {
    end = await page.evaluate((y) => { window.scrollTo({ top: y, behavior: 'instant' }); return document.documentElement.scrollHeight - innerHeight; }, y);
    await page.waitForTimeout(60);
    steps.push(await page.$$eval('.scene', (els) => els.map((s) => s.dataset.at).join()));
    // The steps still watched of each scene more than a viewport away from the one in view.
    far.push(...await page.evaluate((y) => [...document.querySelectorAll('.scene')].filter((s) => !withinAScreen(s)).flatMap((s) => [...s.querySelectorAll('.step')].filter((st) => window.__watched.has(st)).map((st) => `${st.id} at ${y} px`)), y));
  }
  await page.waitForTimeout(600);
  await cdp.send('Tracing.end');
  await done;
  const bands = (await page.evaluate(() => window.__bands)) - bandsBefore;
  // Each scene went through its states (the read is real).
  const seen = all.map((_, k) => new Set(steps.map((s) => s.split(',')[k])).size);
  assert.ok(seen.every((n) => n > 1), `states seen per scene: ${seen}`);
  // One band per scene, made when it is first reached (the line drawn from where the graphic
  // pins: before, a band was made again in every report while the graphic came up, 25–37 in a read).
  assert.ok(bands <= all.length, `${bands} band observers made in a read of ${all.length} scenes`);
  // A scene far from the viewport costs no intersection in a frame: its steps are not observed
  // (before, every step of every scene was, all along: in a 50-scene story their intersections
  // were a quarter of the main thread's time while read).
  assert.deepEqual(far.slice(0, 5), [], `${far.length} steps observed in scenes far from the viewport`);
  // Fading a part of a graphic lays nothing out again (each part is a layer from the start); a
  // part first laid out as its scene comes near (`Added to layout`) is not a state change.
  const inGraphics = invalidations.filter((i) => /class='g-/.test(i) && !i.startsWith('Added to layout'));
  assert.deepEqual(inGraphics, [], 'layout invalidations in the graphics while they changed state');
  await context.close();
});

test('a deep link to a step and a jump to the end land on the right states', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(server.url + '#financing-4');
  await page.waitForSelector('.scene');
  await page.waitForFunction(() => document.querySelector('.scene[data-scene="financing"]').dataset.step === '3', null, { timeout: 3000 });
  assert.equal(await page.$eval('.scene[data-scene="financing"]', (s) => s.dataset.state), 'bond');
  // The deep-linked step is not hidden under the pinned graphic.
  const [stepTop, figBottom] = await page.evaluate(() => [
    document.getElementById('financing-4').getBoundingClientRect().top,
    document.querySelector('.scene[data-scene="financing"] .scene-figure').getBoundingClientRect().bottom]);
  assert.ok(stepTop >= figBottom, `step at ${stepTop}px under the graphic ending at ${figBottom}px`);
  // End key: every scene above is in its last state.
  await page.keyboard.press('End');
  await page.waitForTimeout(800);
  const ends = await page.$$eval('.scene', (all) => all.map((s) => [s.dataset.scene, Number(s.dataset.step), s.querySelectorAll('.step').length - 1]));
  for (const [name, step, last] of ends) assert.equal(step, last, name);
  await context.close();
});

test('print, JavaScript off and reduced motion: each step with its snapshot, nothing animating', async () => {
  /** Each scene's layout: the pinned figure shown, its snapshots shown, anything hidden in them. */
  const flat = async (page) => page.$$eval('.scene', (all) => all.map((s) => ({
    name: s.dataset.scene,
    figure: getComputedStyle(s.querySelector('.scene-figure')).display !== 'none',
    snapshots: [...s.querySelectorAll('.snapshot')].filter((x) => getComputedStyle(x).display !== 'none').length,
    changes: [...s.querySelectorAll('.step')].filter((st) => st.querySelector('.snapshot')).length,
    hidden: [...s.querySelectorAll('.snapshot *')].filter((l) => getComputedStyle(l).opacity === '0').length,
  })));
  const expectFlat = (views) => {
    for (const s of views) assert.deepEqual(s, { name: s.name, figure: false, snapshots: s.changes, changes: s.changes, hidden: 0 });
    assert.ok(views.every((s) => s.snapshots >= 2), 'a snapshot for each state');
  };
  // JavaScript off: the served HTML.
  let context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  let page = await context.newPage();
  await page.goto(server.url);
  expectFlat(await flat(page));
  await context.close();

  // Print, after the reader scrolled into the middle of a scene.
  context = await browser.newContext(PHONE);
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.scene');
  await page.evaluate(() => document.getElementById('greening-1').scrollIntoView({ behavior: 'instant' }));
  await page.waitForFunction(() => document.querySelector('.scene[data-scene="greening"]').dataset.step === '0', null, { timeout: 2000 });
  // Once the scene animates its changes, switching to print must not fade layers in (CI caught one mid-fade).
  await page.waitForSelector('.scene[data-scene="greening"].animated');
  await page.emulateMedia({ media: 'print' });
  expectFlat(await flat(page));
  await context.close();

  // Reduced motion: states change at once.
  context = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.scene');
  await page.evaluate(() => document.getElementById('roads-4').scrollIntoView({ behavior: 'instant' }));
  await page.waitForTimeout(400);
  // Nothing moves by itself.
  const moving = await page.evaluate(() => document.getAnimations().map((a) => a.animationName ?? a.constructor.name));
  assert.deepEqual(moving, [], 'something animates under reduced motion');
  await context.close();
});
