// The served HTML before and without the wasm: the article is readable with JavaScript off, the app
// takes over without a flash, and the page runs under the strict CSP with no violation. For every
// story in dist/, each served from its folder with its own policy as the header; the root story's
// words are checked against the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watch, counterStates, renderAll, ROOT, PHONE, STORIES, ROOT_STORY } from './harness.mjs';

let servers, browser;
before(async () => {
  servers = Object.fromEntries(await Promise.all(STORIES.map(async (story) =>
    [story.name, await serve(story.dir, { headers: { 'content-security-policy': story.csp } })])));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers ?? {}).map((s) => s.close()));
});

/** The source article's sentences (split after 。), without blank lines. */
async function sourceSentences() {
  const text = await readFile(join(ROOT, 'tests/source-article.txt'), 'utf8');
  return text.split('\n').map((l) => l.trim().replace('： ', '：')).filter(Boolean)
    .flatMap((l) => l.split(/(?<=。)/)).filter((s) => s.trim());
}

test('with JavaScript off at least 95 % of the article is readable', { skip: !STORIES.some((s) => s.root) && 'STORIES leaves the root story out' }, async () => {
  const server = servers[ROOT_STORY];
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  // What a sighted reader sees (the visually hidden copies of the figures left out), each section
  // laid out as it is when the reader gets there.
  await renderAll(page);
  const shown = (await page.evaluate(() => {
    document.querySelectorAll('.sr-only').forEach((e) => e.remove());
    return document.body.innerText;
  })).replace(/\s+/g, '');
  const sentences = await sourceSentences();
  const total = sentences.reduce((n, s) => n + s.length, 0);
  const found = sentences.filter((s) => shown.includes(s.replace(/\s+/g, ''))).reduce((n, s) => n + s.length, 0);
  const share = found / total;
  console.log(`readable without JavaScript: ${(share * 100).toFixed(1)} % of the article's characters`);
  assert.ok(share >= 0.95, `only ${(share * 100).toFixed(1)} %`);
  // Figures show their final values, not zeros.
  assert.equal(await page.textContent('.summary [data-counter="funds-yuan"] .counter-face'), '近20亿元');
  assert.equal(await page.getAttribute('meta[property="og:title"]', 'content'), '汝州市产业集聚区：一座新城的崛起');
  assert.match(await page.getAttribute('meta[name="description"]', 'content'), /^在汝州如火如荼的建设大潮中/);
  await context.close();
});

for (const story of STORIES) {
  test(`${story.name}: with JavaScript off every figure shows its final value, the page its title`, async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(servers[story.name].url);
    const counters = await counterStates(page);
    assert.equal(counters.length, story.counters);
    for (const c of counters) assert.deepEqual([c.id, c.face, c.digits], [c.id, c.label, c.final]);
    const title = await page.$eval('h1', (h) => h.textContent);
    assert.ok(title.length > 0);
    assert.equal(await page.title(), title);
    assert.equal(await page.getAttribute('meta[property="og:title"]', 'content'), title);
    // Every part of the story is on screen: no section, scene step or paragraph left empty.
    await renderAll(page);
    const empty = await page.$$eval('.story-section, .step, .story-section > p', (all) =>
      all.filter((e) => !e.innerText.trim()).map((e) => e.id || e.className));
    assert.deepEqual(empty, []);
    await context.close();
  });

  test(`${story.name}: the app takes over the prerendered page without a flash, under the strict CSP`, async () => {
    const server = servers[story.name];
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = watch(page, [server.origin]);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      window.__started = new Promise((ok) => addEventListener('TrunkApplicationStarted', ok));
      // From the first frame on, sample every counter that is in view at first paint (the first
      // frame with one: on a loaded machine a frame may come before the parser reaches them).
      window.__samples = {};
      let inView = [];
      const sample = () => {
        if (!inView.length) inView = [...document.querySelectorAll('[data-counter]')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        });
        for (const el of inView) (window.__samples[el.dataset.counter] ??= new Set()).add(el.querySelector('.num').textContent);
        if (performance.now() < 8000) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    // Opened at the headline figures (a shared link to them): they are in view at first paint.
    await page.goto(server.url + '#summary-heading');
    await page.evaluate(() => window.__started);
    await page.waitForTimeout(1500);
    const samples = await page.evaluate(() => Object.fromEntries(Object.entries(window.__samples).map(([id, s]) => [id, [...s]])));
    const finals = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-counter]')].map((el) => [el.dataset.counter, [el.querySelector('.num').dataset.final]])));
    assert.ok(Object.keys(samples).length >= 1, 'no counter in view at first paint');
    for (const [id, seen] of Object.entries(samples)) assert.deepEqual(seen, finals[id], `${id}, in view from the first paint, changed when the app took over`);
    // The app runs: counters out of sight went back to 0, waiting for the reader.
    assert.ok((await counterStates(page)).some((c) => c.state === 'idle'), 'the app did not take over');
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
