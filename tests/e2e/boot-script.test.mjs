// The served page's boot script (src/prerender.rs, `boot_script`), run as it is in dist/index.html
// against stand-ins for the browser's APIs on a clock the test moves: what it does, and when. The
// app's module and wasm are requested only after the page has been painted (or a second has passed
// in a tab that never paints); a pym.js frame with a valid child id hears the page's first height
// before the app loads, an invalid id none; in an opaque origin nothing is requested at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './harness.mjs';

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const BOOT = /<script type="module">([\s\S]*?)<\/script>/.exec(html)[1];
const AsyncFunction = (async () => {}).constructor;
const GLOBALS = ['window', 'self', 'location', 'document', 'performance', 'PerformanceObserver',
  'requestAnimationFrame', 'setTimeout', 'fetch', 'WebAssembly', 'dispatchEvent', 'CustomEvent', 'Event', '__import'];

/**
 * Starts the boot script in a stand-in browser: `types` the entry types PerformanceObserver
 * supports, `framed` whether the page is in a frame, `search` its query string, `origin` its
 * origin. Returns the log of what the script did, the observers it started (`paint(entries)` fires
 * them) and `advance(ms)`, which moves the clock, running due timers and frames.
 */
function boot({ types = ['largest-contentful-paint', 'paint'], framed = false, search = '', origin = 'http://127.0.0.1' } = {}) {
  const log = [];
  let now = 0;
  let timers = [];
  const observers = [];
  const setTimeout = (fn, ms = 0) => { timers.push({ at: now + ms, fn }); };
  const window = { location: { search }, wasmBindings: undefined };
  window.parent = framed ? { postMessage: (message, target) => log.push(`post ${message} ${target}`) } : window;
  class PerformanceObserver {
    static supportedEntryTypes = types;
    constructor(callback) { this.callback = callback; observers.push(this); }
    observe(options) { log.push(`observe ${options.type}`); }
    disconnect() { this.disconnected = true; }
  }
  const api = {
    window, self: { origin }, location: window.location, document: { body: { offsetHeight: 1234 } },
    performance: { mark: (name) => log.push(`mark ${name}`) },
    PerformanceObserver,
    requestAnimationFrame: (fn) => setTimeout(fn, 16),
    setTimeout,
    fetch: async (url) => { log.push(`fetch ${url}`); return { arrayBuffer: async () => new ArrayBuffer(8) }; },
    WebAssembly: { compile: async () => { log.push('compile'); return { wasm: true }; } },
    dispatchEvent: (event) => log.push(`event ${event.type}`),
    CustomEvent: class { constructor(type) { this.type = type; } },
    Event: class { constructor(type) { this.type = type; } },
    __import: async (url) => {
      log.push(`import ${url}`);
      return { default: async (options) => { log.push(`init ${(await options.module_or_path).wasm ? 'module' : '?'}`); return {}; } };
    },
  };
  const code = BOOT.replace(/\bimport\(/g, '__import(');
  const done = new AsyncFunction(...GLOBALS, code)(...GLOBALS.map((g) => api[g])).then(() => log.push('started'));
  const settle = () => new Promise((ok) => setImmediate(ok));
  return {
    log,
    done,
    paint(entries) { for (const o of observers.filter((o) => !o.disconnected)) o.callback({ getEntriesByName: (n) => entries.filter((e) => e.name === n) }, o); },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at);
        if (!timers.length || timers[0].at > end) break;
        const timer = timers.shift();
        now = timer.at;
        log.push('task');
        timer.fn();
      }
      now = end;
      await settle();
    },
  };
}

const requests = (log) => log.filter((l) => /^(fetch|import)/.test(l));

test('the app is requested only once the largest paint is reported, then compiled and started', async () => {
  const page = boot();
  await page.advance(900);
  assert.deepEqual(page.log.filter((l) => l !== 'task'), ['observe largest-contentful-paint'], 'nothing before the paint');
  page.paint([{ name: '' }]);
  await page.advance(200);
  const at = (prefix) => page.log.findIndex((l) => l.startsWith(prefix));
  assert.ok(at('mark app-boot') > 0, page.log.join('\n'));
  assert.ok(at('mark app-boot') < at('fetch') && at('fetch') < at('import') && at('import') < at('init'), page.log.join('\n'));
  assert.equal(page.log.filter((l) => l.startsWith('fetch')).length, 1, 'the wasm, once');
  assert.match(page.log[at('fetch')], /_bg\.wasm/);
  assert.match(page.log[at('import')], /\.js/);
  assert.equal(page.log[at('init')], 'init module', 'init gets the module compiled off the main thread');
  assert.ok(page.log.includes('started'));
  // The wasm's request, the glue's and the wasm's start each in a task of its own.
  const tasks = (from, to) => page.log.slice(at(from), at(to)).filter((l) => l === 'task').length;
  assert.ok(tasks('fetch', 'import') >= 1 && tasks('import', 'init') >= 1, page.log.join('\n'));
  assert.ok(!page.log.some((l) => l.startsWith('post')), 'no message outside a frame');
});

test('where only Paint Timing exists, the first contentful paint starts it, not the first paint', async () => {
  const page = boot({ types: ['paint'] });
  await page.advance(10);
  page.paint([{ name: 'first-paint' }]);
  await page.advance(100);
  assert.deepEqual(requests(page.log), [], 'a first paint without content');
  page.paint([{ name: 'first-contentful-paint' }]);
  await page.advance(100);
  assert.equal(requests(page.log).length, 2, page.log.join('\n'));
});

test('without paint entries it waits for a frame; a tab that never paints starts after a second', async () => {
  const noObserver = boot({ types: [] });
  await noObserver.advance(5);
  assert.deepEqual(requests(noObserver.log), []);
  await noObserver.advance(100);
  assert.equal(requests(noObserver.log).length, 2, 'after the next frame');
  const hidden = boot();
  await hidden.advance(999);
  assert.deepEqual(requests(hidden.log), [], 'a hidden tab: not yet');
  await hidden.advance(50);
  assert.equal(requests(hidden.log).length, 2, 'a second on');
});

test('a pym.js frame hears the first height before the app loads, only for a valid child id', async () => {
  const frame = boot({ framed: true, search: '?childId=story-1' });
  frame.paint([{ name: '' }]);
  await frame.advance(100);
  const post = frame.log.findIndex((l) => l.startsWith('post'));
  assert.equal(frame.log[post], 'post pymxPYMxstory-1xPYMxheightxPYMx1234 *');
  assert.ok(post < frame.log.findIndex((l) => l.startsWith('fetch')), frame.log.join('\n'));
  for (const id of ['a\u0085b', 'xPYMx', 'x'.repeat(65), '']) {
    const bad = boot({ framed: true, search: `?childId=${encodeURIComponent(id)}` });
    bad.paint([{ name: '' }]);
    await bad.advance(100);
    assert.ok(!bad.log.some((l) => l.startsWith('post')), `child id ${JSON.stringify(id)}: ${bad.log.join('\n')}`);
    assert.equal(requests(bad.log).length, 2, 'the app still loads');
  }
  const plain = boot({ framed: true });
  plain.paint([{ name: '' }]);
  await plain.advance(100);
  assert.ok(!plain.log.some((l) => l.startsWith('post')), 'no child id, no message');
});

test('in an opaque origin the page posts its height and requests nothing', async () => {
  const page = boot({ framed: true, search: '?childId=story-1', origin: 'null' });
  page.paint([{ name: '' }]);
  await page.advance(5000);
  assert.ok(page.log.some((l) => l.startsWith('post pymxPYMxstory-1')), page.log.join('\n'));
  assert.deepEqual(requests(page.log), []);
  assert.ok(!page.log.includes('started'));
});
