// Shared helpers for the end-to-end checks: the stories in dist/, a static server for it and
// Debian's headless Chromium.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** The page's Content-Security-Policy, as the build wrote it for the server's header (src/csp.txt
 *  plus the hash of the inline stylesheet; the pages' <meta> carries the same): the root story's. */
export const CSP = readFileSync(join(DIST, 'content-security-policy.txt'), 'utf8');
/** The story at the root of dist/: the default of .cargo/config.toml (scripts/stories.sh). */
export const ROOT_STORY = /^STORY\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, '.cargo/config.toml'), 'utf8'))[1];

/** A story built in `dir` (its folder of dist/), served at `path` under dist/'s URL. What the
 *  general tests expect of it is read from its prerendered page: its counters, its scenes. */
function story(name, path) {
  const dir = join(DIST, path);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return {
    name, path, dir,
    root: name === ROOT_STORY,
    csp: readFileSync(join(dir, 'content-security-policy.txt'), 'utf8'),
    counters: html.match(/data-counter="/g)?.length ?? 0,
    scenes: [...html.matchAll(/data-scene="([^"]+)"/g)].map((m) => m[1]),
    sections: html.match(/<section /g)?.length ?? 0,
  };
}

/** Every story in dist/ (scripts/build.sh): the root story, then each one of a folder of its
 *  own (dist/<name>/index.html), by name. `STORIES=a,b` picks some. */
export const STORIES = [story(ROOT_STORY, ''), ...readdirSync(DIST, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(DIST, d.name, 'index.html')))
  .map((d) => story(d.name, `${d.name}/`))
  .sort((a, b) => a.name.localeCompare(b.name))]
  .filter((s) => !process.env.STORIES || process.env.STORIES.split(',').includes(s.name));
/** The Content-Security-Policy header for `path`, with dist/ served at `base`: the policy of the
 *  story whose folder it is in, as a server of every story must send it (`extra` appended). */
export function storyPolicy(base = '/', extra = '') {
  const inner = STORIES.filter((s) => !s.root);
  return (path) => {
    const story = inner.find((s) => path.startsWith(base + s.path)) ?? STORIES.find((s) => s.root) ?? STORIES[0];
    return { 'content-security-policy': story.csp + extra };
  };
}

/** The phone every reader-path test uses. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** The desktop width the layout tests use. */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** Sets the reader's text size for `page` of `context` to `px` (16 is the browsers' default; 32 is
 *  200 %), as a browser's or an in-app font setting does (CDP `Page.setFontSizes`; Chromium only). */
export async function setTextSize(context, page, px) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round(px * 13 / 16) } });
}

/**
 * The trigger line of the scene element `scene` (px from the viewport's top) where it is now, as the
 * app draws it (`trigger_line` and `pinned` in src/scrolly.rs): 55 % of the viewport with the
 * graphic beside the steps; below the graphic where it pins (its sticky `top`), a third of the way
 * down the space left under it. It runs in the page: pass its source (`${triggerLine}`) to an init
 * script or a WebDriver script.
 */
export function triggerLine(scene) {
  const figure = scene.querySelector('.scene-figure');
  const fig = figure.getBoundingClientRect();
  const list = scene.querySelector('.scene-steps').getBoundingClientRect();
  const top = parseFloat(getComputedStyle(figure).top);
  const bottom = fig.height > 0 && Number.isFinite(top) ? top + fig.height : fig.bottom;
  const below = Math.max(0, bottom);
  return fig.right <= list.left || fig.left >= list.right ? innerHeight * 0.55 : below + (innerHeight - below) / 3;
}

/**
 * Whether `el` is within a viewport's height of the viewport, above or below it: where the app's
 * idle layout leaves a part it laid out visible (`scrolly::within_a_screen` in src/scrolly.rs, which
 * this mirrors). It runs in the page: install it with `page.addInitScript(inPage(withinAScreen))`
 * (an init script runs under the story's CSP too, where a string passed later may not be).
 */
export function withinAScreen(el) {
  const { top, bottom } = el.getBoundingClientRect();
  return bottom > -innerHeight && top < 2 * innerHeight;
}

/**
 * In the page, with `withinAScreen` installed: whether the app's idle work is done: every drawing
 * loaded (the app loads them once every part is laid out), and no part more than a screen away
 * still made visible by the app (each is given back to its stylesheet's `content-visibility: auto`
 * after its layout, so "no part skipped" holds only for a moment, if ever).
 */
export function idleWorkDone() {
  return [...document.querySelectorAll('img[loading][src$=".svg"]')].every((i) => i.complete && i.naturalWidth > 0)
    && [...document.querySelectorAll('.story-section, .scene')].every((s) => !s.style.contentVisibility || withinAScreen(s));
}

/** In the page: how far the progress bar is filled, 0 to 1 (its `scaleX`). */
export function progressShown() {
  return new DOMMatrix(getComputedStyle(document.querySelector('.progress-bar')).transform).a;
}

/** An init script that makes `fn` a global of the page under its own name. */
export const inPage = (fn) => `window.${fn.name} = ${fn};`;

/** Content types by file extension, as a web server sends them. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` under the URL prefix `base` (e.g. "/news/2026/ruzhou/") on 127.0.0.1.
 * `routes` maps extra paths to [content-type, body, brotli body (optional)]; `headers` are added to
 * every response (an object, or a function of the path that returns one). `precompressed`: as a
 * web server serves the build, the `.br` beside a file (a route's brotli body) to a browser that
 * accepts brotli, so that no response costs a compression while it is measured (`make bench`).
 */
export async function serve(dir, { base = '/', routes = {}, headers: given = {}, precompressed = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = typeof given === 'function' ? given(path) : given;
    const br = precompressed && /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    if (routes[path]) {
      const [type, body, compressed] = routes[path];
      const encoded = br && compressed !== undefined;
      res.writeHead(200, { 'content-type': type, ...headers, ...(encoded ? { 'content-encoding': 'br' } : {}) });
      return res.end(encoded ? compressed : body);
    }
    if (!path.startsWith(base)) { res.writeHead(404); return res.end('not found'); }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const compressed = br ? await readFile(`${file}.br`).catch(() => undefined) : undefined;
      const body = compressed ?? await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers,
        ...(compressed ? { 'content-encoding': 'br' } : {}) });
      res.end(body);
    } catch {
      res.writeHead(404); res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + base, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium (or CHROME_PATH). */
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Headless Chromium, with `args`, more command-line switches, and `env` for its process. */
export async function launch({ args = [], env } = {}) {
  return chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...args],
    ...(env ? { env } : {}),
  });
}

/** Records console errors, page errors, failed responses and requests to origins other than `allowed`. */
export function watch(page, allowed) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && !allowed.includes(u.origin)) problems.push(`request to ${r.url()}`);
  });
  return problems;
}

/** Starts summing layout shifts (CLS without the session windows: every shift counts). */
export async function recordLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Scrolls `frame` (a page or frame) from top to bottom in steps, like a reader flicking through,
 *  to the real end: the page's height is read again at each step (a section far from the viewport
 *  holds an estimate of its height until it is first laid out). */
export async function scrollThrough(page, { step = 300, pause = 120 } = {}) {
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= await height(); y += step) {
    await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), y);
    await page.waitForTimeout(pause);
  }
}

/** Waits until the app has hydrated every island of the prerendered page (`<html data-app="hydrated">`). */
export async function hydrated(page, timeout = 15000) {
  await page.waitForSelector('html[data-app="hydrated"]', { state: 'attached', timeout });
}

/** Every counter's state: id, data-state, the digits shown, the final digits, face and label text. */
export function counterStates(frame) {
  return frame.$$eval('[data-counter]', (els) => els.map((el) => ({
    id: el.dataset.counter,
    state: el.dataset.state,
    digits: el.querySelector('.num').textContent,
    final: el.querySelector('.num').dataset.final,
    face: el.querySelector('.counter-face').textContent,
    label: el.querySelector('.sr-only').textContent,
  })));
}

export const AXE = join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js');

/** Waits until no counter of `frame` is running (each runs ≤ 2.5 s; the timeout leaves room for a loaded machine). */
export async function settled(frame, timeout = 8000) {
  // Poll on a timer: frames (and rAF polling) pause in an iframe scrolled out of view.
  await frame.waitForFunction(() => !document.querySelector('[data-counter][data-state="running"]'), null, { timeout, polling: 100 });
}

/** Lays out every section and scene of the page (those far from the viewport are skipped until the
 *  reader nears them: `content-visibility: auto`), for checks that read the whole page at once (its
 *  text, its contrast). Set through the CSSOM, which the page's CSP allows. */
export function renderAll(frame) {
  return frame.evaluate(() => {
    for (const s of document.querySelectorAll('.story-section, .scene')) s.style.contentVisibility = 'visible';
  });
}
