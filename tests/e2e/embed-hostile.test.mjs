// Embedding against hostile and odd hosts (issue #20): the story served with its policy and
// `frame-ancestors` as headers, host pages made of the README's snippets on a second origin, and a
// third origin for an ad network's frames. What each host script protects (README "Embedding"):
// embed.js ignores every window but the story's own iframe; pym.js, even with `xdomain`, obeys every
// window of the story's origin, which this file shows as well, so that the README's warning stays true.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watch, DIST, ROOT, CSP } from './harness.mjs';
import { hostPages, frameOf, fits, PYM_JS, PYM_PATH } from './hosts.mjs';

const BASE = '/news/2026/ruzhou/';
const HTML = 'text/html; charset=utf-8';
/** The story's response headers: its policy, and `frame-ancestors` for the host's origin only. */
const headers = { 'content-security-policy': CSP };
const hostRoutes = {};
const adRoutes = {};
let story, host, ads, browser;

/** A pym.js message from the story with child id `id`. */
const pym = (id, type, value) => `pymxPYMx${id}xPYMx${type}xPYMx${value}`;
/** The child id pym.js gives the story in the README's snippet (its container's id). */
const PYM_ID = 'ruzhou-story-embed';
/** The child id of a story sized by embed.js. */
const PLAIN_ID = 'ruzhou-story';

before(async () => {
  story = await serve(DIST, { base: BASE, headers });
  host = await serve(join(ROOT, 'tests/e2e/host'), { routes: hostRoutes });
  ads = await serve(join(ROOT, 'tests/e2e/host'), { routes: adRoutes });
  headers['content-security-policy'] = `${CSP}; frame-ancestors ${host.origin}`;
  const { snippets, page } = await hostPages(story);
  const frames = `
  <iframe id="ad" src="${ads.origin}/ad.html" height="100" title="ad"></iframe>
  <iframe id="sibling" src="${story.url}embed.html?childId=sibling" height="300" title="sibling"></iframe>`;
  const withoutXdomain = snippets.pym.replace(/\n\s*data-pym-xdomain="[^"]*"/, '');
  assert.notEqual(withoutXdomain, snippets.pym, 'the README\'s pym.js snippet has no data-pym-xdomain');
  Object.assign(hostRoutes, {
    // The README's snippets with an ad network's frame and a frame of the story's origin beside the story.
    '/pym.html': [HTML, page(snippets.pym + frames)],
    '/plain.html': [HTML, page(snippets.plain + frames)],
    // The pym.js snippet without its xdomain, with an ad.
    '/pym-open.html': [HTML, page(withoutXdomain + frames)],
    // A plain iframe and no host script: the test plays the parent.
    '/bare.html': [HTML, page(`<iframe id="story" src="${story.url}embed.html" height="600" width="100%" title="story"></iframe>`)],
    // Host pages that stretch or zoom their content.
    ...Object.fromEntries(['pym', 'plain'].flatMap((kind) => [
      [`/${kind}-full.html`, [HTML, page(snippets[kind], 'html, body, .ruzhou-story-embed { height: 100%; }')]],
      [`/${kind}-zoom.html`, [HTML, page(snippets[kind], 'body { zoom: 1.5; }')]],
    ])),
    // embed.js sizing a story whose child id is this page's `?id=`.
    '/ids.html': [HTML, page(`<div id="slot"></div>
  <script>
    const frame = document.createElement('iframe');
    frame.setAttribute('data-ruzhou-story', '');
    frame.className = 'ruzhou-story-frame';
    frame.title = 'story';
    frame.height = '600';
    frame.src = '${story.url}embed.html?childId=' + encodeURIComponent(new URLSearchParams(location.search).get('id'));
    document.getElementById('slot').replaceWith(frame);
  </script>
  <script src="${story.url}embed.js" async></script>`)],
    // The README's snippets with a sandbox that leaves out allow-same-origin.
    // The allowed host with an ad frame that frames the story itself.
    '/nested.html': [HTML, page(`<iframe id="ad" src="${ads.origin}/ad-story.html" height="600" title="ad"></iframe>`)],
    '/pym-sandbox.html': [HTML, page(snippets.pym.replace('data-pym-sandbox="allow-scripts allow-same-origin"', 'data-pym-sandbox="allow-scripts"'))],
    '/plain-sandbox.html': [HTML, page(snippets.plain.replace('sandbox="allow-scripts allow-same-origin"', 'sandbox="allow-scripts"'))],
    [PYM_PATH]: ['text/javascript', await readFile(PYM_JS)],
    '/favicon.ico': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  });
  Object.assign(adRoutes, {
    '/ad.html': [HTML, '<!doctype html><title>ad</title><p>an ad</p>'],
    // A site that is not in the story's frame-ancestors, with the README's snippet; an ad that frames the story.
    '/third.html': [HTML, page(snippets.plain)],
    '/ad-story.html': [HTML, `<!doctype html><title>ad</title><iframe src="${story.url}embed.html" title="story"></iframe>`],
    '/favicon.ico': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await story?.close(); await host?.close(); await ads?.close(); });

/** A phone-sized page; `away` lists the requests to the site `x` that the host page is sent to. */
async function hostPage() {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const away = [];
  for (const url of ['https://x/**', 'http://x/**']) {
    await page.route(url, (route) => { away.push(route.request().url()); route.fulfill({ contentType: 'text/html', body: 'away' }); });
  }
  return { page, away };
}

const frameIn = async (page, selector) => {
  const frame = await (await page.waitForSelector(selector)).contentFrame();
  await frame.waitForLoadState();
  return frame;
};

/** Posts each message to the window's parent, from `frame`. */
const post = (frame, messages) => frame.evaluate((ms) => { for (const m of ms) parent.postMessage(m, '*'); }, messages);

/** Records the height messages the top page gets, and the wasm's memory. */
async function recordLoad(page) {
  await page.addInitScript(() => {
    if (window === top) {
      window.__heights = [];
      addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.includes('xPYMxheightxPYMx')) window.__heights.push(e.data); });
    }
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
}

test('hostile child ids: the story, its boot script and embed.js apply one rule', async () => {
  // The rule of src/embed.rs (valid_child_id): 1 to 64 code points, no control character (Cc), no xPYMx.
  const ids = [
    ['a'.repeat(64), true], ['a'.repeat(65), false], ['😀'.repeat(64), true], ['😀'.repeat(65), false],
    ['故'.repeat(64), true], ['a\x85b', false], ['a\x9fb', false], ['a\u2028b', true], ['a\x7fb', false],
    ['xPYMx', false], ['axPYMxb', false], ['axPYM', true], ['新闻 1', true],
  ];
  for (const [id, valid] of ids) {
    const name = JSON.stringify(id.length > 10 ? `${id.slice(0, 4)}…(${[...id].length})` : id);
    const url = `${host.origin}/ids.html?id=${encodeURIComponent(id)}`;
    const heights = (page) => page.evaluate(() => window.__heights);
    // Before the app: the boot script's first height, then embed.js given a height with this id.
    let { page } = await hostPage();
    await recordLoad(page);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(url);
    let frame = await frameIn(page, 'iframe[data-ruzhou-story]');
    await frame.waitForSelector('.story');
    await page.waitForTimeout(1500);
    const first = await heights(page);
    assert.deepEqual(first.map((m) => m.replace(/\d+$/, '')), valid ? [pym(id, 'height', '')] : [], `${name}: the boot script's first height`);
    await post(frame, [pym(id, 'height', 1234)]);
    await page.waitForTimeout(300);
    assert.equal(await page.$eval('iframe', (f) => f.getAttribute('height')) === '1234', valid, `${name}: embed.js`);
    await page.close();

    // The app echoes the id, or falls back to its own with a warning.
    ({ page } = await hostPage());
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await recordLoad(page);
    await page.goto(url);
    frame = await frameIn(page, 'iframe[data-ruzhou-story]');
    await frame.waitForFunction(() => window.__wasm, null, { timeout: 10000 });
    await page.waitForTimeout(500);
    const sent = new Set((await heights(page)).map((m) => m.replace(/xPYMxheightxPYMx\d+$/, '')));
    assert.deepEqual([...sent], [`pymxPYMx${valid ? id : PLAIN_ID}`], `${name}: the app's heights`);
    assert.equal(warnings.some((w) => w.includes('childId must be')), !valid, `${name}: the app's warning`);
    await page.close();
  }
});

test('embed.js: a click in the host page or in another frame lets no story scroll the page; a click in the story does', async () => {
  const { page } = await hostPage();
  const problems = watch(page, [story.origin, host.origin, ads.origin]);
  await page.goto(`${host.origin}/plain.html`);
  const { handle, frame } = await frameOf(page, 'iframe[data-ruzhou-story]');
  await fits(page, handle, frame, 'after load');
  const y = () => page.evaluate(() => window.scrollY);
  /** Asks for a scroll 3000 px down the story; the page's scroll position 300 ms later. */
  const request = async () => {
    await post(frame, [pym(PLAIN_ID, 'scrollToChildPos', 3000)]);
    await page.waitForTimeout(300);
    return y();
  };

  await page.click('.site-header');
  assert.equal(await page.evaluate(() => navigator.userActivation.isActive), true, 'the click gave the host page no activation');
  assert.equal(await request(), 0, 'a click in the host page let the story scroll it');
  for (const selector of ['#sibling', '#ad']) {
    await (await frameIn(page, selector)).click('p, h2');
    assert.equal(await page.evaluate(() => document.activeElement.id), selector.slice(1), 'the click did not focus the frame');
    const at = await y();
    assert.equal(await request(), at, `a click in ${selector} let the story scroll the page`);
  }

  await frame.click('h2');
  const target = await page.evaluate(() => Math.min(
    document.querySelector('iframe[data-ruzhou-story]').getBoundingClientRect().top + window.scrollY + 3000,
    document.documentElement.scrollHeight - innerHeight));
  assert.ok(Math.abs(await request() - target) <= 2, 'a click in the story did not let it scroll the page');
  assert.deepEqual(problems, []);
  await page.close();
});

/**
 * Runs `work` under a Chromium trace and returns its result and the longest main-thread task of
 * the renderer meanwhile (the host page and its same-site frames share it), in ms: `own` is the
 * task's thread time (the main thread's own work, without the time this shared machine gave to
 * other processes) capped at its wall time (the thread clock ticks in steps of a few ms here),
 * `wall` the longest wall time of any task. With `frame` (a test of a frame's URL), only the tasks
 * that run script of that frame count.
 */
async function longestTask(page, work, { frame } = {}) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const result = await work();
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  if (frame) {
    const ids = new Set(events.flatMap((e) => e.args?.data?.frames ?? []).filter((f) => f.url && frame(f.url)).map((f) => f.frame));
    assert.ok(ids.size > 0, 'no such frame in the trace');
    const script = events.filter((e) => ids.has(e.args?.data?.frame) && e.ph === 'X');
    tasks = tasks.filter((t) => script.some((e) => e.tid === t.tid && e.ts >= t.ts && e.ts <= t.ts + t.dur));
  }
  const own = Math.max(0, ...tasks.map((t) => Math.min(t.dur, t.tdur ?? t.dur)));
  return { result, own: own / 1000, wall: Math.max(0, ...tasks.map((t) => t.dur)) / 1000, tasks: tasks.length };
}

/** The renderer's JS heap after a garbage collection (bytes; the host page and its same-site frames). */
async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

const MiB = 1024 * 1024;
/** The longest main-thread task a flood may cause (ms of the thread's own time, see longestTask). */
const LONG_TASK = 50;

test('a parent flooding 10 000 width messages in 2 s: a few answers, no long task, memory flat', async () => {
  const { page } = await hostPage();
  const problems = watch(page, [story.origin, host.origin]);
  await recordLoad(page);
  await page.goto(`${host.origin}/bare.html`);
  const { frame } = await frameOf(page, '#story');
  await frame.waitForFunction(() => window.__wasm, null, { timeout: 10000 });
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  const wasm = () => frame.evaluate(() => window.__wasm.memory.buffer.byteLength);
  const before = { heap: await heap(cdp), wasm: await wasm() };
  const { result: ms, own, wall } = await longestTask(page, () => page.evaluate(async (message) => {
    window.__heights = [];
    const story = document.getElementById('story').contentWindow;
    const start = performance.now();
    for (let batch = 0; batch < 200; batch++) {
      for (let i = 0; i < 50; i++) story.postMessage(message, '*');
      await new Promise((next) => setTimeout(next, 10));
    }
    await new Promise((next) => setTimeout(next, 300));
    return performance.now() - start;
  }, pym(PLAIN_ID, 'width', 390)));
  const after = { heap: await heap(cdp), wasm: await wasm() };
  const replies = await page.evaluate(() => window.__heights);
  console.log(`10 000 width messages in ${Math.round(ms - 300)} ms: ${replies.length} answers; longest task ${own.toFixed(1)} ms `
    + `(wall ${wall.toFixed(1)}); JS heap ${(before.heap / MiB).toFixed(2)} -> ${(after.heap / MiB).toFixed(2)} MiB, wasm ${before.wasm} -> ${after.wasm} bytes`);
  assert.ok(replies.length >= 1 && replies.length <= Math.ceil(ms / 100) + 1, `${replies.length} answers`);
  assert.equal(replies.at(-1), pym(PLAIN_ID, 'height', await frame.evaluate(() => document.body.offsetHeight)), 'the last answer is the height after the flood');
  assert.ok(own < LONG_TASK, `a ${own.toFixed(1)} ms task`);
  assert.ok(after.heap - before.heap < MiB, `JS heap grew by ${((after.heap - before.heap) / MiB).toFixed(2)} MiB`);
  assert.equal(after.wasm, before.wasm, 'the wasm memory grew');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a sibling frame flooding the story with 100 KB strings and ArrayBuffers: none is read, no long task, the story still answers', async () => {
  const { page } = await hostPage();
  const problems = watch(page, [story.origin, host.origin, ads.origin]);
  await recordLoad(page);
  // In the story's frames: every read of a message's data (which deserializes it) that came from a
  // window other than the parent.
  await page.addInitScript(() => {
    if (window === top) return;
    const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data').get;
    window.__foreignReads = 0;
    Object.defineProperty(MessageEvent.prototype, 'data', {
      configurable: true,
      enumerable: true,
      get() {
        if (this.source !== window.parent) window.__foreignReads++;
        return data.call(this);
      },
    });
  });
  await page.goto(`${host.origin}/plain.html`);
  const { handle, frame } = await frameOf(page, 'iframe[data-ruzhou-story]');
  await frame.waitForFunction(() => window.__wasm, null, { timeout: 10000 });
  await fits(page, handle, frame, 'after load');
  const flood = (other) => other.evaluate(async () => {
    const story = parent.frames[0];
    const text = 'x'.repeat(100 * 1024);
    for (let batch = 0; batch < 20; batch++) {
      for (let i = 0; i < 10; i++) {
        story.postMessage(text, '*');
        story.postMessage(new ArrayBuffer(100 * 1024), '*');
        const buffer = new ArrayBuffer(100 * 1024);
        story.postMessage(buffer, '*', [buffer]);
      }
      await new Promise((next) => setTimeout(next, 100));
    }
  });
  const [ad, sibling] = [await frameIn(page, '#ad'), await frameIn(page, '#sibling')];
  // The story's own tasks: the flooding frames' work (and the garbage collections of their 120 MB)
  // is theirs.
  const { own, wall, tasks } = await longestTask(page, async () => {
    await Promise.all([flood(ad), flood(sibling)]);
    await page.waitForTimeout(300);
  }, { frame: (url) => url.endsWith('/embed.html') });
  const reads = await frame.evaluate(() => window.__foreignReads);
  console.log(`sibling flood, 2 × 600 messages of 100 KB: ${reads} read by the story; its longest task of ${tasks} ${own.toFixed(1)} ms (wall ${wall.toFixed(1)})`);
  assert.equal(reads, 0, 'the story read the data of messages from other windows');
  assert.ok(tasks >= 1200, `the story ran ${tasks} tasks: not one per message`);
  assert.ok(own < LONG_TASK, `a ${own.toFixed(1)} ms task`);
  await page.setViewportSize({ width: 420, height: 844 });
  await fits(page, handle, frame, 'after the flood');
  assert.deepEqual(problems, []);
  await page.close();
});

for (const kind of ['pym', 'plain']) {
  test(`${kind} host with sandbox="allow-scripts" only: the prerendered story, no error`, async () => {
    const { page } = await hostPage();
    const problems = watch(page, [story.origin, host.origin]);
    await page.goto(`${host.origin}/${kind}-sandbox.html`);
    const frame = await frameIn(page, 'iframe');
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'the frame is not sandboxed');
    await frame.waitForSelector('.story [data-counter]');
    await page.waitForTimeout(3000);
    assert.equal(await frame.evaluate(() => document.documentElement.hasAttribute('data-app')), false, 'the app started');
    assert.ok((await frame.evaluate(() => document.body.innerText)).includes('汝州'), 'the article is shown');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

/** Every message a forged story would send: a height, a scroll, and the page sent to https://x and //x. */
const forgeries = (id) => [pym(id, 'height', 10), pym(id, 'scrollToChildPos', 5000), pym(id, 'navigateTo', 'https://x/'), pym(id, 'navigateTo', '//x/')];

test('pym.js host (README snippet): an ad frame of another origin is ignored; a window of the story\'s origin is obeyed (pym.js does not check the sender)', async () => {
  const { page, away } = await hostPage();
  const problems = watch(page, [story.origin, host.origin, ads.origin]);
  await page.goto(`${host.origin}/pym.html`);
  const { handle, frame } = await frameOf(page, '#ruzhou-story-embed iframe');
  const tall = await fits(page, handle, frame, 'after load');
  await post(await frameIn(page, '#ad'), forgeries(PYM_ID));
  await page.waitForTimeout(500);
  assert.deepEqual(away, [], 'an ad frame sent the page away: is data-pym-xdomain set?');
  assert.equal(page.url(), `${host.origin}/pym.html`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'an ad frame scrolled the page');
  assert.ok(Math.abs((await handle.boundingBox()).height - tall) <= 2, 'an ad frame resized the story');
  assert.deepEqual(problems, []);

  // The limitation the README states: any window of the story's origin moves the page.
  const sibling = await frameIn(page, '#sibling');
  await post(sibling, [pym(PYM_ID, 'scrollToChildPos', 3000)]);
  await page.waitForFunction(() => window.scrollY > 1000, null, { timeout: 3000 })
    .catch(() => assert.fail('pym.js refused a scroll from another window of the story\'s origin: update the README\'s pym.js paragraph'));
  await post(sibling, [pym(PYM_ID, 'height', 10)]);
  await page.waitForFunction(() => document.querySelector('#ruzhou-story-embed iframe').getAttribute('height') === '10px', null, { timeout: 3000 })
    .catch(() => assert.fail('pym.js refused a height from another window of the story\'s origin: update the README\'s pym.js paragraph'));
  await post(sibling, [pym(PYM_ID, 'navigateTo', 'https://x/')]);
  await page.waitForURL('https://x/', { timeout: 3000 });
  await page.goto(`${host.origin}/pym.html`);
  await post(await frameIn(page, '#sibling'), [pym(PYM_ID, 'navigateTo', '//x/')]);
  await page.waitForURL('http://x/', { timeout: 3000 });
  assert.deepEqual(away, ['https://x/', 'http://x/']);
  await page.close();
});

test('pym.js host without data-pym-xdomain: an ad frame of any origin sends the news page away', async () => {
  const { page, away } = await hostPage();
  await page.goto(`${host.origin}/pym-open.html`);
  await frameOf(page, '#ruzhou-story-embed iframe');
  await post(await frameIn(page, '#ad'), [pym(PYM_ID, 'navigateTo', 'https://x/')]);
  await page.waitForURL('https://x/', { timeout: 3000 });
  assert.deepEqual(away, ['https://x/']);
  await page.close();
});

test('embed.js host (README snippet): neither an ad frame nor a window of the story\'s origin, nor the story itself, can resize, scroll or navigate the page', async () => {
  const { page, away } = await hostPage();
  const problems = watch(page, [story.origin, host.origin, ads.origin]);
  await page.goto(`${host.origin}/plain.html`);
  const { handle, frame } = await frameOf(page, 'iframe[data-ruzhou-story]');
  const tall = await fits(page, handle, frame, 'after load');
  for (const selector of ['#ad', '#sibling']) {
    await post(await frameIn(page, selector), [...forgeries(PLAIN_ID), ...forgeries(PYM_ID), ...forgeries('sibling')]);
  }
  await post(frame, [pym(PLAIN_ID, 'navigateTo', 'https://x/'), pym(PLAIN_ID, 'navigateTo', '//x/'), pym(PLAIN_ID, 'navigateTo', 'javascript:alert(1)')]);
  await page.waitForTimeout(500);
  assert.deepEqual(away, []);
  assert.equal(page.url(), `${host.origin}/plain.html`);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.equal(await handle.getAttribute('height'), String(tall));
  assert.equal(await page.$eval('#sibling', (f) => f.getAttribute('height')), '300');
  assert.deepEqual(problems, []);
  await page.close();
});

for (const kind of ['pym', 'plain']) {
  for (const [file, what] of [['full', 'html, body and container at height: 100%'], ['zoom', 'zoom: 1.5']]) {
    test(`${kind} host with ${what}: the height settles (no resize loop)`, async () => {
      const { page } = await hostPage();
      const problems = watch(page, [story.origin, host.origin]);
      await recordLoad(page);
      await page.goto(`${host.origin}/${kind}-${file}.html`);
      const { frame } = await frameOf(page, 'iframe');
      await frame.waitForFunction(() => window.__wasm, null, { timeout: 10000 });
      // Settled: a second without a height message (at most 15 s).
      let quiet = 0;
      for (let seen = -1, i = 0; i < 150 && quiet < 10; i++) {
        const n = await page.evaluate(() => window.__heights.length);
        quiet = n === seen ? quiet + 1 : 0;
        seen = n;
        await page.waitForTimeout(100);
      }
      assert.equal(quiet, 10, 'the height never settled');
      const from = await page.evaluate(() => window.__heights.length);
      await page.waitForTimeout(3000);
      const later = (await page.evaluate(() => window.__heights)).slice(from);
      const [frameHeight, content] = [await page.$eval('iframe', (f) => f.getAttribute('height')), await frame.evaluate(() => document.body.offsetHeight)];
      console.log(`${kind}, ${what}: ${later.length} height messages in 3 s after settling; iframe height ${frameHeight}, story ${content} px`);
      assert.ok(later.length <= 2, `height messages after settling: ${later.join(', ')}`);
      assert.ok(Math.abs(parseInt(frameHeight, 10) - content) <= 2, `iframe ${frameHeight}, story ${content} px`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}

test('frame-ancestors sent as a header: the allowed host frames the story, a third origin and an ad frame in the host cannot', async () => {
  const { page } = await hostPage();
  const refused = [];
  page.on('console', (m) => { if (m.type() === 'error' && m.text().includes('frame-ancestors')) refused.push(m.text()); });
  const response = page.waitForResponse((r) => r.url().endsWith('/embed.html'));
  await page.goto(`${host.origin}/plain.html`);
  assert.match((await (await response).headerValue('content-security-policy')) ?? '', new RegExp(`; frame-ancestors ${host.origin}$`));
  const { handle, frame } = await frameOf(page, 'iframe[data-ruzhou-story]');
  await fits(page, handle, frame, 'the allowed host');

  for (const [url, depth] of [[`${ads.origin}/third.html`, 1], [`${host.origin}/nested.html`, 2]]) {
    await page.goto(url);
    await page.waitForTimeout(1500);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    assert.equal(frames.length, depth, url);
    assert.equal(await frames.at(-1).$('.story'), null, `${url}: the story loaded under an origin that is not allowed`);
  }
  assert.equal(refused.length, 2, `refusals: ${refused.join('\n')}`);
  await page.close();
});
