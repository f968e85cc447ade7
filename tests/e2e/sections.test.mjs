// The sections far from the viewport are skipped until the reader nears them
// (`content-visibility: auto`, public/style.css): the first paint lays out the opening alone. Each
// skipped section holds the height the build estimated for it (src/section_size.rs), so the page
// is about as long before as after; what is in a skipped section still works when the reader gets
// there: counters count, scenes step; in embed mode and in print nothing is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, hydrated, renderAll, scrollThrough, recordLayoutShifts, DIST, PHONE, DESKTOP, STORIES, storyPolicy } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve(DIST, { headers: storyPolicy() });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Each section: id, whether its content is skipped now, its height now, its estimate (px). */
const sections = (page) => page.$$eval('.story-section', (all) => all.map((s) => ({
  id: s.id,
  skipped: !(s.firstElementChild ?? s).checkVisibility({ contentVisibilityAuto: true }),
  height: s.getBoundingClientRect().height,
  estimate: parseFloat(getComputedStyle(s).containIntrinsicHeight.replace('auto', '')) || null,
})));

for (const story of STORIES) {
  for (const [device, tolerance] of [[PHONE, 0.15], [DESKTOP, 0.25]]) {
    const width = device.viewport.width;
    test(`${story.name} at ${width} px: far sections skipped at load, each held at about its height`, async () => {
      const context = await browser.newContext(device);
      const page = await context.newPage();
      await page.goto(server.url + story.path);
      await hydrated(page);
      const atLoad = await sections(page);
      assert.equal(atLoad[0].skipped, false, 'the opening is laid out');
      const far = atLoad.filter((s) => s.skipped);
      if (story.sections > 2) assert.ok(far.length >= 1, `sections skipped at load: ${far.map((s) => s.id)}`);
      const heightAtLoad = await page.evaluate(() => document.documentElement.scrollHeight);
      await renderAll(page);
      const laidOut = await sections(page);
      for (const [i, s] of laidOut.entries()) {
        if (i === 0) continue;
        assert.ok(s.estimate > 0, `${s.id} has an estimate`);
        // Within the tolerance, or 100 px of a short section.
        const off = Math.abs(s.estimate - s.height);
        assert.ok(off <= Math.max(tolerance * s.height, 100), `${s.id}: estimated ${s.estimate} px, laid out ${Math.round(s.height)} px`);
      }
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(Math.abs(height - heightAtLoad) / height <= tolerance, `page ${heightAtLoad} px at load, ${height} px laid out`);
      await context.close();
    });
  }

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
    assert.deepEqual((await sections(page)).filter((s) => s.skipped).map((s) => s.id), [], 'embed');
    await page.goto(server.url + story.path);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual((await sections(page)).filter((s) => s.skipped).map((s) => s.id), [], 'print');
    await context.close();
  });
}
