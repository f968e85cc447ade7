// The built page (dist/) as readers get it: whole article, counters that land exactly, no layout
// shift, reduced motion, no third-party requests, no console errors, no axe violations. The first
// three for every story in dist/, the others for the root story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watch, hydrated, recordLayoutShifts, scrollThrough, counterStates, settled, idleWorkDone, inPage, progressShown, withinAScreen, AXE, DIST, PHONE, STORIES } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


for (const story of STORIES) {
  test(`${story.name}: a phone reader scrolls the whole story: every counter lands exactly, CLS 0, no errors`, async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = watch(page, [server.origin]);
    await recordLayoutShifts(page);
    await page.goto(server.url + story.path);
    await hydrated(page);
    // Once the app runs (it hydrates the counters last, in short tasks), those out of sight go back
    // to 0 and wait for the reader.
    await page.waitForFunction(() => document.querySelector('[data-counter][data-state="idle"]'), null, { timeout: 10000 })
      .catch(() => assert.fail('counters below the fold wait for the reader'));
    await scrollThrough(page);
    await page.waitForTimeout(300);
    await settled(page);
    const states = await counterStates(page);
    assert.ok(states.length > 0 && states.length === story.counters, `${states.length} counters, ${story.counters} prerendered`);
    if (story.name === 'ruzhou') assert.equal(states.length, 16, 'number of counters on the page (13 counted figures, 3 of them twice; places, ranks, frequencies and a whole with its parts are facts)');
    for (const c of states) {
      assert.equal(c.state, 'done', `${c.id} did not finish`);
      assert.equal(c.digits, c.final, `${c.id} ends short`);
      assert.equal(c.face, c.label, `${c.id}: the visible text differs from its label`);
    }
    // The progress bar (an island of its own) followed the reader to the end.
    const scale = await page.evaluate(progressShown);
    assert.ok(scale > 0.99, `the progress bar shows ${scale} at the end`);
    const cls = await page.evaluate(() => window.__cls);
    assert.equal(cls.toFixed(3), '0.000', `layout shift ${cls}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${story.name}: with reduced motion every counter shows its final value at once`, async () => {
    const context = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
    const page = await context.newPage();
    // Every state a counter takes, from the first byte of the page.
    await page.addInitScript(() => {
      window.__states = [];
      new MutationObserver((records) => {
        for (const r of records) if (r.target.dataset.counter) window.__states.push(`${r.target.dataset.counter}:${r.target.dataset.state}`);
      }).observe(document, { subtree: true, attributeFilter: ['data-state'] });
    });
    await page.goto(server.url + story.path);
    await hydrated(page);
    await scrollThrough(page, { step: 600, pause: 60 });
    const states = await page.evaluate(() => window.__states);
    assert.deepEqual(states.filter((s) => !s.endsWith(':done')), [], 'a counter left its final state');
    for (const c of await counterStates(page)) {
      assert.equal(c.state, 'done', c.id);
      assert.equal(c.digits, c.final, c.id);
    }
    assert.equal(await page.isVisible('.replay'), false, 'no replay control when nothing moves');
    await context.close();
  });

  test(`${story.name}: axe-core finds no accessibility violations, in light and dark mode`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      // bypassCSP: axe is injected as an inline script, which the page's CSP rightly refuses.
      const context = await browser.newContext({ ...PHONE, colorScheme, reducedMotion: 'reduce', bypassCSP: true });
      const page = await context.newPage();
      await page.goto(server.url + story.path);
      await hydrated(page);
      await page.addScriptTag({ path: AXE });
      const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], colorScheme);
      await context.close();
    }
  });
}

test('replay: keyboard-reachable, counts again and lands exactly', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.replay:not([hidden])');
  await page.evaluate(() => document.querySelector('.summary').scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.waitForFunction(() => [...document.querySelectorAll('.summary [data-counter]')].every((e) => e.dataset.state === 'done'), null, { timeout: 5000 });
  // Tab to the button (the section bar sticks at the top) and press Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('replay'))) break;
  }
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('replay')), 'replay not reachable by Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.summary [data-counter]').dataset.state !== 'done', null, { timeout: 1000 });
  await page.waitForTimeout(300);
  await settled(page);
  for (const c of (await counterStates(page)).filter((c) => c.state !== 'idle')) assert.equal(c.digits, c.final, c.id);
  await context.close();
});

test('the replay control waits in its place: showing it changes no layout', async () => {
  const bar = (page) => page.evaluate(() => [document.querySelector('.section-nav ul'), document.querySelector('.replay')]
    .map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }));
  let context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  let page = await context.newPage();
  await page.goto(server.url);
  const before = await bar(page);
  assert.equal(await page.isVisible('.replay'), false, 'nothing to press without the app');
  await context.close();
  context = await browser.newContext(PHONE);
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.replay:not([hidden])');
  assert.deepEqual(await bar(page), before, 'the section links and the button where they were');
  assert.equal(await page.isVisible('.replay'), true);
  await context.close();
});

test('a tab put in the background mid-count shows exact finals when it comes back', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-counter="roads-km"]');
  await page.waitForTimeout(500);
  await page.evaluate(() => document.querySelector('#infrastructure [data-counter="roads-km"]').scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.waitForFunction(() => document.querySelector('#infrastructure [data-counter="roads-km"]').dataset.state === 'running', null, { timeout: 3000 });
  // Another tab in front: this one is hidden, its frames stop.
  const other = await context.newPage();
  await other.goto('about:blank');
  await other.bringToFront();
  await page.waitForTimeout(3000);
  await page.bringToFront();
  await page.waitForTimeout(200);
  for (const c of (await counterStates(page)).filter((c) => c.state !== 'idle')) {
    assert.equal(c.state, 'done', c.id);
    assert.equal(c.digits, c.final, c.id);
  }
  await context.close();
});

test('resizing and rotating mid-count never leaves a counter short', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watch(page, [server.origin]);
  await page.goto(server.url);
  await hydrated(page);
  for (const size of [[844, 390], [390, 844], [1280, 800], [320, 640]]) {
    await page.setViewportSize({ width: size[0], height: size[1] });
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(150);
    await page.mouse.wheel(0, -400);
  }
  await scrollThrough(page, { step: 900, pause: 60 });
  await page.waitForTimeout(300);
  await settled(page);
  for (const c of (await counterStates(page)).filter((c) => c.state !== 'idle')) {
    assert.equal(c.digits, c.final, c.id);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('deep links land on their sections, and going back returns to the same place', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(server.url + '#financing');
  await page.waitForSelector('#financing h2');
  await page.waitForTimeout(500);
  const top = await page.evaluate(() => document.getElementById('financing').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 120, `#financing is at ${top}px, not at the top`);

  await page.goto(server.url);
  await page.waitForSelector('.section-nav a');
  await page.evaluate(() => window.scrollTo({ top: 600, behavior: 'instant' }));
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 500, `scrolled to ${before}`);
  await page.click('.section-nav a[href="#management"]');
  // Wait for the (smooth) scroll to settle with the section at the top, as a reader would.
  let last = -1;
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(150);
    const [top, y] = await page.evaluate(() => [document.getElementById('management').getBoundingClientRect().top, window.scrollY]);
    if (y === last && Math.abs(top) < 120) break;
    last = y;
  }
  const landed = await page.evaluate(() => document.getElementById("management").getBoundingClientRect().top);
  assert.ok(landed >= 0 && landed < 120, `#management is at ${landed}px after the click`);
  const current = () => page.$$eval('.section-nav a[aria-current="location"]', (a) => a.map((x) => x.getAttribute('href')));
  assert.deepEqual(await current(), ['#management'], 'the bar marks the section being read');
  await page.goBack();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, before, { timeout: 3000 });
  await page.waitForTimeout(100);
  assert.deepEqual(await current(), [], 'back in the opening: no section marked');
  await context.close();
});

test('the progress bar follows a reader scrolling a few times a second, not in every frame, and ends where they stop', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.addInitScript(inPage(withinAScreen));
  await page.goto(server.url);
  await hydrated(page);
  // The page's height settled (the idle work lays out what the first paint skipped).
  await page.waitForFunction(idleWorkDone, null, { timeout: 30000, polling: 250 });
  const scale = () => page.evaluate(progressShown);
  await page.waitForTimeout(300);
  assert.ok(await scale() < 0.01, 'empty at the top');
  // 2 s of scrolling, 30 px in every frame, the bar's style changes counted meanwhile.
  const { frames, changes } = await page.evaluate(() => new Promise((done) => {
    const bar = document.querySelector('.progress-bar');
    let changes = 0;
    const seen = new MutationObserver((list) => { changes += list.length; });
    seen.observe(bar, { attributes: true, attributeFilter: ['style'] });
    let frames = 0;
    const start = performance.now();
    const frame = (t) => {
      if (t - start < 2000) { scrollBy(0, 30); frames++; requestAnimationFrame(frame); } else setTimeout(() => { seen.disconnect(); done({ frames, changes }); }, 400);
    };
    requestAnimationFrame(frame);
  }));
  // The app follows at most every 150 ms (components/progress_bar.rs EVERY_MS), and once more
  // after the last scroll.
  assert.ok(frames > 60, `${frames} frames scrolled`);
  assert.ok(changes >= 5 && changes <= Math.ceil(2000 / 150) + 2, `the bar changed ${changes} times in ${frames} scrolled frames`);
  const fraction = await page.evaluate(() => scrollY / (document.documentElement.scrollHeight - innerHeight));
  assert.ok(Math.abs(await scale() - fraction) < 0.001, `the bar shows ${await scale()} at ${fraction} of the page`);
  await context.close();
});

test('print: the final figures, no navigation or progress bar', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(server.url);
  await hydrated(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.section-nav'), false);
  assert.equal(await page.isVisible('.progress-bar'), false);
  assert.equal(await page.isVisible('#infrastructure [data-counter="trees"] .counter-face'), false);
  const printed = await page.$eval('#infrastructure [data-counter="trees"] .sr-only', (e) => [getComputedStyle(e).position, e.getBoundingClientRect().width > 20, e.textContent]);
  assert.deepEqual(printed, ['static', true, '6.5万余棵']);
  await context.close();
});
