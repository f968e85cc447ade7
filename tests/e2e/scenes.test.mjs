// Scenes in the built page (dist/), as readers get them at 390×844 and 1280×800: each graphic stays
// pinned while its steps pass and changes with them, going down and back up; deep links and jumps land
// on the right state; no layout shift; print, JavaScript off and reduced motion show final states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watch, recordLayoutShifts, DIST, PHONE, DESKTOP } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every scene: its id, its steps' ids, and the state each step shows. */
const scenes = (page) => page.$$eval('.scene', (els) => els.map((s) => ({
  name: s.dataset.scene,
  steps: [...s.querySelectorAll('.step')].map((st) => st.id),
})));

/** Scrolls so that the step's top sits just above the scene's trigger line, as a reader gets there. */
async function readStep(page, id) {
  await page.evaluate((id) => {
    const step = document.getElementById(id);
    const scene = step.closest('.scene');
    const fig = scene.querySelector('.scene-figure').getBoundingClientRect();
    const list = scene.querySelector('.scene-steps').getBoundingClientRect();
    const beside = fig.right <= list.left || fig.left >= list.right;
    const vh = window.innerHeight;
    // The figure's pinned bottom, once it sticks (what the reader sees while reading steps).
    const top = parseFloat(getComputedStyle(scene.querySelector('.scene-figure')).top) || 0;
    const line = beside ? vh * 0.55 : (top + fig.height) + (vh - top - fig.height) / 3;
    window.scrollTo({ top: window.scrollY + step.getBoundingClientRect().top - line + 20, behavior: 'instant' });
  }, id);
}

const stepOf = (page, name) => page.$eval(`.scene[data-scene="${name}"]`, (s) => Number(s.dataset.step));

for (const [label, device] of [['phone 390×844', PHONE], ['desktop 1280×800', DESKTOP]]) {
  test(`${label}: each scene steps through its states down and back up, its graphic pinned`, async () => {
    const context = await browser.newContext(device);
    const page = await context.newPage();
    const problems = watch(page, [server.origin]);
    await recordLayoutShifts(page);
    await page.goto(server.url);
    await page.waitForSelector('.scene');
    await page.waitForTimeout(300);
    const all = await scenes(page);
    assert.deepEqual(all.map((s) => s.name), ['ranking', 'roads', 'greening', 'financing', 'departments']);
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

test('on a 320 px phone every step card fits below the pinned graphic', async () => {
  for (const [width, height] of [[320, 568], [375, 667], [430, 932]]) {
    const context = await browser.newContext({ ...PHONE, viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('.scene');
    const fits = await page.$$eval('.scene', (all) => all.map((s) => {
      const fig = s.querySelector('.scene-figure');
      const space = window.innerHeight - parseFloat(getComputedStyle(fig).top) - fig.getBoundingClientRect().height;
      return [...s.querySelectorAll('.step')].map((c) => ({ id: c.id, space: Math.round(space), card: Math.round(c.getBoundingClientRect().height) }));
    }).flat());
    const over = fits.filter((f) => f.card > f.space).map((f) => `${f.id}: ${f.card}px card, ${f.space}px below the graphic`);
    assert.deepEqual(over, [], `${width}×${height}`);
    await context.close();
  }
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

test('print, JavaScript off and reduced motion: every graphic in its final state, nothing animating', async () => {
  const finals = async (page) => page.$$eval('.scene', (all) => all.map((s) => ({
    name: s.dataset.scene,
    final: Number(s.dataset.step) === s.querySelectorAll('.step').length - 1,
    hidden: [...s.querySelectorAll('[data-from]')].filter((l) => getComputedStyle(l).opacity !== '1').length,
  })));
  // JavaScript off: the served HTML.
  let context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  let page = await context.newPage();
  await page.goto(server.url);
  for (const s of await finals(page)) assert.deepEqual(s, { name: s.name, final: true, hidden: 0 });
  assert.equal(await page.$eval('.scene-figure', (f) => getComputedStyle(f).position), 'static', 'nothing sticks without script');
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
  const printed = await page.$$eval('[data-from]', (ls) => ls.filter((l) => getComputedStyle(l).opacity !== '1').length);
  assert.equal(printed, 0, 'a layer is hidden in print');
  assert.equal(await page.$eval('.scene-figure', (f) => getComputedStyle(f).position), 'static');
  await context.close();

  // Reduced motion: states change at once.
  context = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.scene');
  await page.evaluate(() => document.getElementById('roads-4').scrollIntoView({ behavior: 'instant' }));
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0, 'something animates under reduced motion');
  await context.close();
});
