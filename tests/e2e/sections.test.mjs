// The sections (on phones) and scenes far from the viewport are skipped until the reader nears them
// (`content-visibility: auto`, public/style.css): the first paint lays out the opening alone; then,
// in idle time before the reader scrolls, the app lays out the rest and loads the drawings. Each
// skipped part holds the height the build estimated for it (src/section_size.rs), so the page is
// about as long before as after; nothing a part holds is clipped by it; what is in a skipped part
// still works when the reader gets there: counters count, scenes step; in embed mode and in print
// nothing is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, hydrated, scrollThrough, recordLayoutShifts, DIST, PHONE, DESKTOP, STORIES, storyPolicy, inPage, withinAScreen } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve(DIST, { headers: storyPolicy() });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** In the page: each of the parts `all`: id, whether its content is skipped now, its height now,
 *  its estimate (px), whether the page's script has set its `content-visibility`. */
const describe = (all) => all.map((s) => ({
  id: s.id,
  // Skipped: a child it displays is not rendered for now (`contentVisibilityAuto`).
  skipped: [...s.children].filter((c) => c.checkVisibility()).some((c) => !c.checkVisibility({ contentVisibilityAuto: true })),
  height: s.getBoundingClientRect().height,
  estimate: parseFloat(getComputedStyle(s).containIntrinsicHeight.replace('auto', '')) || null,
  touched: s.style.contentVisibility !== '',
}));

/** Each section or scene `selector` finds, described. */
const parts = (page, selector) => page.$$eval(selector, describe);

/** Before the page's scripts: describes the sections and scenes in the second frame after the
 *  document is parsed (the first paint's layout), as `window.__firstPaint`; leaves `describe` to
 *  the page as `window.__describe` (the page's policy forbids evaluating a string). */
const atFirstPaint = (describe) => (window.__describe = describe) && addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => requestAnimationFrame(() => {
  window.__firstPaint = {
    sections: describe([...document.querySelectorAll('.story-section')]),
    scenes: describe([...document.querySelectorAll('.scene')]),
    height: document.documentElement.scrollHeight,
    drawings: [...document.querySelectorAll('img[loading][src$=".svg"]')].map((i) => i.complete && i.naturalWidth > 0),
  };
})));

/** Checks that each of `list` but those `except` has an estimate within `tolerance` of its height
 *  (or 100 px of a short one). */
function estimated(list, tolerance, except = []) {
  for (const s of list.filter((x) => !except.includes(x.id))) {
    assert.ok(s.estimate > 0, `${s.id} has an estimate`);
    const off = Math.abs(s.estimate - s.height);
    assert.ok(off <= Math.max(tolerance * s.height, 100), `${s.id}: estimated ${s.estimate} px, laid out ${Math.round(s.height)} px`);
  }
}

for (const story of STORIES) {
  for (const [device, tolerance] of [[PHONE, 0.15], [DESKTOP, 0.25]]) {
    const width = device.viewport.width;
    const phone = width < 1024;
    test(`${story.name} at ${width} px: far ${phone ? 'sections and ' : ''}scenes skipped at first paint, each held at about its height, nothing clipped; laid out in idle time before the reader scrolls, then skipped again at their real height`, async () => {
      const context = await browser.newContext(device);
      const page = await context.newPage();
      await recordLayoutShifts(page);
      await page.addInitScript(`(${atFirstPaint})(${describe})`);
      await page.addInitScript(inPage(withinAScreen));
      await page.addInitScript(() => {
        // The parts whose own content-visibility the app set, then took away.
        window.__givenBack = new Set();
        const set = new Set();
        new MutationObserver((list) => {
          for (const { target } of list) {
            if (target.style.contentVisibility) set.add(target);
            else if (set.has(target)) window.__givenBack.add(target);
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'] });
      });
      await page.goto(server.url + story.path);
      await page.waitForFunction(() => window.__firstPaint);
      const { sections, scenes, height: heightAtLoad, drawings } = await page.evaluate(() => window.__firstPaint);
      assert.deepEqual([...sections, ...scenes].filter((s) => s.touched).map((s) => s.id), [], 'read before the app laid anything out');
      assert.equal(sections[0].skipped, false, 'the opening is laid out');
      if (phone && story.sections > 2) assert.ok(sections.some((s) => s.skipped), 'sections far away skipped');
      // On a desktop a scene is wider than the column: its section would clip it.
      if (!phone) assert.deepEqual(sections.filter((s) => s.skipped).map((s) => s.id), []);
      assert.ok(scenes.at(-1).skipped, 'the last scene is skipped at first paint');
      if (drawings.length) assert.ok(drawings.includes(false), 'drawings far away wait at first paint');
      // Then, the reader still at the top, the app lays out what was skipped, each part once, and
      // gives it back to the stylesheet, then loads the drawings (browser::use_idle_layout),
      // moving nothing in view.
      await hydrated(page);
      // Looked at every 250 ms, not every frame (Playwright's default): a page asked for a frame all
      // the time is never idle.
      const idle = { timeout: 30000, polling: 250 }; // 30 s: fewer idle periods on a busy machine
      await page.waitForFunction(() => [...document.querySelectorAll('img[loading][src$=".svg"]')].every((i) => i.complete && i.naturalWidth > 0), null, idle);
      // Each part far from the viewport was made visible, then given back to the stylesheet (one
      // near it stays visible: given back in view, it would be skipped for a frame).
      await page.waitForFunction(() => [...document.querySelectorAll('.story-section + .story-section, .scene')]
        .every((s) => withinAScreen(s) || window.__givenBack.has(s)), null, idle);
      assert.equal(await page.evaluate(() => scrollY), 0, 'the reader did not move');
      assert.equal(await page.evaluate(() => window.__cls), 0, 'no layout shift');
      // What is far is skipped again, each part at the height it was laid out at: made visible,
      // none changes (a part never laid out would hold its estimate).
      assert.ok((await parts(page, '.scene')).at(-1).skipped, 'the last scene is skipped again');
      const changed = await page.$$eval('.story-section, .scene', (all) => all.map((s) => {
        const skipped = s.getBoundingClientRect().height;
        s.style.contentVisibility = 'visible';
        return [s.id, skipped, s.getBoundingClientRect().height];
      }).filter(([, a, b]) => Math.abs(a - b) > 0.5).map(([id, a, b]) => `${id}: ${a} → ${b} px`));
      assert.deepEqual(changed, [], 'heights of the parts skipped again, against their layout');
      if (phone) estimated((await parts(page, '.story-section')).slice(1), tolerance);
      estimated(await parts(page, '.scene'), tolerance);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(Math.abs(height - heightAtLoad) / height <= tolerance, `page ${heightAtLoad} px at load, ${height} px laid out`);
      await context.close();
    });
  }

  test(`${story.name}: a part made visible (as the app lays it out in idle time) keeps the height it had, phone and desktop`, async () => {
    for (const device of [PHONE, DESKTOP]) {
      const context = await browser.newContext(device);
      const page = await context.newPage();
      // The stylesheet alone: the app would make every part visible itself.
      await page.route('**/*.wasm', (r) => r.abort());
      await page.goto(server.url + story.path);
      const changed = await page.evaluate(async () => {
        const out = [];
        for (const s of document.querySelectorAll('.story-section + .story-section, .scene')) {
          s.scrollIntoView();
          await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
          const auto = s.getBoundingClientRect().height;
          s.style.contentVisibility = 'visible';
          const visible = s.getBoundingClientRect().height;
          if (Math.abs(auto - visible) > 0.5) out.push(`${s.id}: ${auto} → ${visible} px`);
        }
        return out;
      });
      assert.deepEqual(changed, [], `${device.viewport.width} px`);
      await context.close();
    }
  });

  test(`${story.name}: a scene reaches past its section's column, unclipped (phone and desktop)`, async () => {
    for (const device of [PHONE, DESKTOP]) {
      const context = await browser.newContext(device);
      const page = await context.newPage();
      await page.goto(server.url + story.path);
      await hydrated(page);
      // The last scene (in a section skipped at load), its second step being read.
      const name = story.scenes.at(-1);
      const hits = await page.evaluate(async (name) => {
        const scene = document.querySelector(`.scene[data-scene="${name}"]`);
        const step = scene.querySelectorAll('.step')[Math.min(1, scene.querySelectorAll('.step').length - 1)];
        step.scrollIntoView({ block: 'center', behavior: 'instant' });
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        const at = (el, x, y) => { const hit = document.elementFromPoint(x, y); return !!hit && el.contains(hit); };
        const figure = scene.querySelector('.scene-figure').getBoundingClientRect();
        const card = step.getBoundingClientRect();
        // The text column: the story's content box.
        const story = document.querySelector('.story');
        const box = story.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(story).paddingLeft);
        const column = { left: box.left + pad, right: box.right - pad };
        return {
          // The pinned graphic's background reaches the screen's edges on a phone (text scrolls
          // under it), and a card its right edge beside the column on a desktop.
          figureEdge: at(scene.querySelector('.scene-figure'), Math.max(1, figure.left + 2), figure.top + 4),
          cardEdge: at(step, card.right - 4, card.top + card.height / 2),
          wider: figure.left < column.left || card.right > column.right,
        };
      }, name);
      assert.ok(hits.wider, `${device.viewport.width} px: the scene stays in the column`);
      assert.ok(hits.figureEdge, `${device.viewport.width} px: the graphic's edge is hidden`);
      assert.ok(hits.cardEdge, `${device.viewport.width} px: the card's edge is hidden`);
      await context.close();
    }
  });

  test(`${story.name}: what a skipped section holds works when the reader gets there`, async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await recordLayoutShifts(page);
    await page.goto(server.url + story.path);
    await hydrated(page);
    // Counters out of sight wait at 0, those in skipped sections too (none keeps the server's final
    // value, which would never count).
    const first = await page.$$eval('[data-counter]', (all) => all.map((c) => ({
      id: c.dataset.counter, state: c.dataset.state, below: c.getBoundingClientRect().top > innerHeight,
      counts: c.querySelector('.num') !== null,
    })));
    const waiting = first.filter((c) => c.below && c.counts);
    assert.ok(waiting.length > 0);
    for (const c of waiting) assert.equal(c.state, 'idle', `${c.id} waits for the reader`);
    await page.evaluate(() => {
      window.__ran = new Set();
      new MutationObserver((list) => { for (const m of list) if (m.target.dataset.state === 'running') window.__ran.add(m.target); })
        .observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    // A reader scrolling down, each screen in turn, to the real end.
    await scrollThrough(page, { step: 400 });
    await page.waitForFunction(() => !document.querySelector('[data-counter][data-state="running"]'), null, { timeout: 8000 });
    const ran = await page.$$eval('[data-counter]', (all) => all.map((c) => window.__ran.has(c)));
    const idle = first.map((c, i) => [c, ran[i]]).filter(([c]) => c.below && c.counts);
    for (const [c, didRun] of idle) assert.ok(didRun, `${c.id} counted when the reader reached it`);
    const scenes = await page.$$eval('.scene', (all) => all.map((s) => [s.dataset.scene, Number(s.dataset.step), s.querySelectorAll('.step').length - 1]));
    for (const [name, step, last] of scenes) assert.equal(step, last, `${name} followed the reader to its last step`);
    assert.equal(await page.evaluate(() => window.__cls), 0, 'no layout shift');
    await context.close();
  });

  test(`${story.name}: nothing is skipped in embed mode or in print`, async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(server.url + story.path + 'embed.html');
    assert.deepEqual((await parts(page, '.story-section, .scene')).filter((s) => s.skipped).map((s) => s.id), [], 'embed');
    await page.goto(server.url + story.path);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual((await parts(page, '.story-section, .scene')).filter((s) => s.skipped).map((s) => s.id), [], 'print');
    await context.close();
  });
}
