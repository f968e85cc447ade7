// Embedding against hostile and odd hosts (issue #20): the story served with its policy and
// `frame-ancestors` as headers, host pages made of the README's snippets on a second origin, and a
// third origin for an ad network's frames.
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
