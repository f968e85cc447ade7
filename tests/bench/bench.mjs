// Benchmark of a story's release build (dist/, or the folder BENCH_DIST names: `make bench` runs it
// for the default story and for a story 10 times as long, tests/bench/long-story.mjs). Prints figures
// and checks the goals (the size budgets only for the stories of dist/):
//  - sizes: raw / gzip / brotli of every file and the budgets, as scripts/check-release.sh checks them;
//  - Lighthouse 12 mobile (simulated slow 4G, 4× CPU): performance 100, accessibility 100,
//    best-practices ≥ 96, SEO 100, TBT 0 ms in every run, CLS 0.000, LCP and FCP within 5 % of the
//    article as bare HTML (its words with a few lines of CSS and no script: the limit; pages.mjs),
//    interleaved runs in the same session;
//  - start-up at 4× CPU: no task running the app over 25 ms (from traces, median of 5 loads); no
//    long task at load (unthrottled);
//  - reading at 4× CPU (scroll.mjs), with a touch drag and with a mouse wheel: the main thread's
//    work per pixel scrolled within 1.3 × the bare article's, against the story's HTML without
//    scripts and a countUp.js + scrollama peer, measured in the same run; no frame over 33 ms and
//    no long task while scrolling; memory.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { references, referenceHeaders } from './pages.mjs';
import { median, recorder, scrollCost, throttledPhone, DRIVERS, STEP_PX, STEP_MS, PACE_PX, PACE_PX_S } from './scroll.mjs';
import * as chromeLauncher from 'chrome-launcher';
// The end-to-end tests' harness: one static server, one Chromium (its browsers come from
// scroll.mjs's throttledPhone, which launches them through the harness).
import { ROOT, CHROME, serve, idleWorkDone, inPage, withinAScreen } from '../e2e/harness.mjs';

const DIST = join(ROOT, process.env.BENCH_DIST || 'dist');
// A story of dist/ (the size budgets of the test command apply), or one built elsewhere.
const PUBLISHED = !process.env.BENCH_DIST;
const CSP = readFileSync(join(DIST, 'content-security-policy.txt'), 'utf8'); // written by the build
const RUNS = Number(process.env.BENCH_RUNS || 5);
const results = [];
const goal = (name, ok, figure) => { results.push({ name, ok, figure }); };

// --- sizes: the release check's table and budgets (one piece of code measures them) -------------
let sizes = '';
let sizesOk = true;
try {
  // The folder measured only.
  sizes = execFileSync(join(ROOT, 'scripts/check-release.sh'), [DIST], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (e) {
  sizes = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  sizesOk = false;
}
console.log(`\n${DIST}: sizes (bytes), from scripts/check-release.sh`);
console.log(sizes.trimEnd());
const firstView = Number(/^first view.*?(\d+)\s*$/m.exec(sizes)?.[1] ?? NaN);
if (PUBLISHED) {
  goal('size budgets of the test command (scripts/check-release.sh)', sizesOk, `${(firstView / 1000).toFixed(1)} KB`);
  goal('first view ≤ 90 KB brotli', firstView <= 90000, `${(firstView / 1000).toFixed(1)} KB`);
}

// --- servers: the story and the pages it is measured against ------------------------------------
const index = await readFile(join(DIST, 'index.html'), 'utf8');
// Served as a web server would serve dist/: the precompressed .br beside each file when the browser
// accepts brotli; the reference pages are compressed the same way, once, before any is measured.
const server = await serve(DIST, {
  routes: references(index),
  precompressed: true,
  headers: referenceHeaders(CSP, { 'cache-control': 'no-cache' }),
});
const { origin } = server;

// --- Lighthouse --------------------------------------------------------------------------------
async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    const score = (c) => Math.round(lhr.categories[c].score * 100);
    const failed = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual').map((a) => a.id);
    return {
      performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
      lcp: lhr.audits['largest-contentful-paint'].numericValue, fcp: lhr.audits['first-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue, cls: lhr.audits['cumulative-layout-shift'].numericValue, failed,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => `${t.url?.split('/').pop() || '?'} ${Math.round(t.duration)} ms @${Math.round(t.startTime)}`),
    };
  } finally {
    await chrome.kill();
  }
}
const story = [], plain = [];
for (let i = 0; i < RUNS; i++) {
  story.push(await audit(`${origin}/`));
  plain.push(await audit(`${origin}/article.html`));
}
const pick = (runs, k) => median(runs.map((r) => r[k]));
const s = Object.fromEntries(['performance', 'accessibility', 'bestPractices', 'seo', 'lcp', 'fcp', 'tbt', 'cls'].map((k) => [k, pick(story, k)]));
const p = Object.fromEntries(['lcp', 'fcp'].map((k) => [k, pick(plain, k)]));
const ratio = s.lcp / p.lcp;
const fcpRatio = s.fcp / p.fcp;
console.log(`\nLighthouse 12 mobile (simulated slow 4G, 4× CPU), median of ${RUNS} runs`);
console.log(`  story : performance ${s.performance}, accessibility ${s.accessibility}, best-practices ${s.bestPractices}, SEO ${s.seo}`);
console.log(`          FCP ${s.fcp.toFixed(0)} ms, LCP ${s.lcp.toFixed(0)} ms, TBT ${s.tbt.toFixed(0)} ms, CLS ${s.cls.toFixed(3)}`);
console.log(`  bare article: FCP ${p.fcp.toFixed(0)} ms, LCP ${p.lcp.toFixed(0)} ms`);
console.log(`  ratio story / bare article: LCP ${ratio.toFixed(3)}, FCP ${fcpRatio.toFixed(3)}`);
// How fast this machine is (Lighthouse's BenchmarkIndex: higher is faster), for comparing figures
// between machines: every throttled figure here is this machine's speed divided by 4.
console.log(`  this machine's Lighthouse BenchmarkIndex, median: ${median([...story, ...plain].map((r) => r.benchmarkIndex)).toFixed(0)}`);
// Every run, interleaved as measured: the simulated timings vary by about ±100 ms between runs here.
const runs = (xs) => xs.map((r) => `${r.fcp.toFixed(0)}/${r.lcp.toFixed(0)}`).join(' ');
console.log(`  each run, FCP/LCP ms: story ${runs(story)}; bare ${runs(plain)}`);
if (story[0].longTasks.length) console.log(`  long tasks (simulated): ${story[0].longTasks.join('; ')}`);
const notFull = [...new Set(story.flatMap((r) => r.failed))];
if (notFull.length) console.log(`  audits below full score (story): ${notFull.join(', ')}`);
goal('Lighthouse performance 100', s.performance === 100, s.performance);
goal('Lighthouse accessibility 100', s.accessibility === 100, s.accessibility);
goal('Lighthouse best-practices ≥ 96', s.bestPractices >= 96, s.bestPractices);
goal('Lighthouse SEO 100', s.seo === 100, s.seo);
goal('LCP ≤ 1.05 × the bare article', ratio <= 1.05, ratio.toFixed(3));
goal('FCP ≤ 1.05 × the bare article', fcpRatio <= 1.05, fcpRatio.toFixed(3));
goal('TBT 0 ms in every run', story.every((r) => r.tbt === 0), story.map((r) => `${r.tbt.toFixed(0)}`).join(', ') + ' ms');
goal('CLS 0.000', s.cls.toFixed(3) === '0.000', s.cls.toFixed(3));

// --- start-up tasks, long tasks and memory while the counters run (4× CPU) -----------------------
// Start-up is read from a Chromium trace: every main-thread task from the boot script's start (its
// User Timing mark `app-boot`, after the first paint) until a second after the app started. A task
// "runs the app" when it runs script (the glue, the wasm's instantiation, timers, microtasks); the
// others are the browser's own style, layout and paint. The longest such task varies about 1.5×
// between loads on a shared machine (in the slow loads its wall time is well above its thread
// time: something else had the CPU), so, like Lighthouse's figures, the goal is on the median of
// STARTUP_RUNS fresh loads; every load's figure is printed, with its thread time.
const SCRIPT = /^(TimerFire|FunctionCall|RunMicrotasks|EvaluateScript|v8\.evaluateModule|v8\.compileModule|v8\.wasm\.|V8\.)/;
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS || 5);

// A fresh browser and phone-sized page at `rate`× CPU, the app's start announced on the console.
async function phonePage(rate = 4) {
  const { browser, page, cdp } = await throttledPhone(rate, ['--enable-precise-memory-info']);
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__started = performance.now();
      window.__wasm = e.detail.wasm;
      console.debug('bench: app started');
    });
  });
  return { browser, page, cdp };
}

// One traced load: the longest task running the app and the longest browser-only task (ms, with
// their largest parts), and the `hydrate` measures. Leaves the page open for what follows.
async function tracedStart(browser, page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  await page.goto(`${origin}/`);
  // Waiting on a console message, not on a page function: Playwright's injected script would run on
  // the page's main thread inside the traced window (a 35–65 ms task at 4× CPU).
  await page.waitForEvent('console', { predicate: (m) => m.text() === 'bench: app started', timeout: 30000 });
  await page.waitForTimeout(1000);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const thread = trace.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const main = trace.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const boot = trace.find((e) => e.name === 'app-boot');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ts + e.dur >= (boot?.ts ?? Infinity)).map((task) => {
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const parts = {};
    for (const e of inside) parts[e.name] = Math.max(parts[e.name] ?? 0, e.dur / 1000);
    const top = Object.entries(parts).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, ms]) => `${n} ${ms.toFixed(1)}`);
    return { ms: task.dur / 1000, cpu: (task.tdur ?? task.dur) / 1000, app: inside.some((e) => SCRIPT.test(e.name)), top: top.join(', ') };
  });
  const longest = (list) => list.reduce((a, t) => (t.ms > a.ms ? t : a), { ms: 0, top: '' });
  const hydrate = await page.evaluate(() => performance.getEntriesByName('hydrate', 'measure').map((e) => e.duration));
  // The islands (src/islands.rs: the progress bar, the section bar, the read-aloud control, the
  // scenes, the counters).
  const islands = await page.evaluate(() => document.querySelectorAll('.progress, .section-nav, .listen, .scene[data-scene], [data-counter]').length);
  return { booted: Boolean(boot), app: longest(tasks.filter((t) => t.app)), browser: longest(tasks.filter((t) => !t.app)), hydrate, islands };
}

const starts = [];
for (let i = 0; i < STARTUP_RUNS - 1; i++) {
  const { browser, page } = await phonePage();
  starts.push(await tracedStart(browser, page));
  await browser.close();
}
// The last load goes on: a full scroll with every counter running.
const { browser, page } = await phonePage();
starts.push(await tracedStart(browser, page));
const countingFrom = await page.evaluate(() => performance.now());
const height = () => page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0; y < await height(); y += 300) {
  await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), y);
  await page.waitForTimeout(150);
}
await page.waitForTimeout(3000);
const m = await page.evaluate((from) => ({
  counting: window.__long.filter((t) => t.start >= from).map((t) => Math.round(t.duration)),
  wasm: window.__wasm.memory.buffer.byteLength,
  heap: performance.memory?.usedJSHeapSize ?? 0,
  started: window.__started,
}), countingFrom);
await browser.close();

// --- long tasks at load, unthrottled: the page's own first layout and style included ------------
const load = await phonePage(1);
await load.page.goto(`${origin}/`);
await load.page.waitForEvent('console', { predicate: (msg) => msg.text() === 'bench: app started', timeout: 30000 });
await load.page.waitForTimeout(1000);
const loadTasks = await load.page.evaluate(() => window.__long.map((t) => Math.round(t.duration)));
await load.browser.close();

// --- reading: top to bottom at 4× CPU, each page ROUNDS times, interleaved, for each driver ------
const SETTLED = '/?settled';
const ROUNDS = Number(process.env.BENCH_SCROLL_ROUNDS || 3);
const readers = [
  ['the article as bare HTML (no script)', '/article.html'],
  ['the story\'s HTML without its scripts', '/static.html'],
  ['the story\'s HTML with countUp.js + scrollama', '/peer.html'],
  ['the story', '/'],
  // The same, read once the app's idle work is done (a reader who reads the opening first): every
  // part laid out, the drawings loaded, the far parts skipped again (browser::use_idle_layout).
  ['the story, read once its idle work is done', SETTLED],
];
// A touch drag, as most readers scroll, at a fling's pace and at a reader's, and a mouse wheel,
// where each notch reaches the main thread (BENCH_DRIVERS: a comma list of scroll.mjs's DRIVERS;
// the wheel is slow to reach the bottom of a very long page).
const drivers = (process.env.BENCH_DRIVERS || 'touch,pace,wheel').split(',');
const readings = Object.fromEntries(drivers.map((d) => [d, Object.fromEntries(readers.map(([, path]) => [path, []]))]));
for (let round = 0; round < ROUNDS; round++) {
  for (const driver of drivers) {
    for (const [, path] of readers) {
      const reader = await phonePage();
      // A page whose scripts fail measures nothing of what it is there for.
      const errors = [];
      reader.page.on('pageerror', (e) => errors.push(e.message));
      await reader.page.addInitScript(recorder);
      await reader.page.addInitScript(inPage(withinAScreen));
      await reader.page.goto(origin + path);
      if (path === '/' || path === SETTLED) await reader.page.waitForEvent('console', { predicate: (msg) => msg.text() === 'bench: app started', timeout: 30000 });
      if (path === SETTLED) await reader.page.waitForFunction(idleWorkDone, null, { timeout: 180000, polling: 500 });
      await reader.page.waitForTimeout(1500);
      readings[driver][path].push(await scrollCost(reader.page, reader.cdp, driver));
      if (errors.length) throw new Error(`${path}: the page's scripts failed: ${errors.join('; ')}`);
      await reader.browser.close();
    }
  }
}
await server.close();
const reads = {};
for (const driver of drivers) {
  const med = (path, k) => median(readings[driver][path].map((r) => r[k]));
  const bare = med('/article.html', 'busyPer1000');
  const html = med('/static.html', 'busyPer1000');
  const how = driver === 'pace' ? `${PACE_PX_S} px a second, the first ${PACE_PX} px` : `${STEP_PX} px every ${STEP_MS} ms from top to bottom`;
  console.log(`\nreading with ${DRIVERS[driver]} (Chromium, 4× CPU, 390×844, ${how}, median of ${ROUNDS} rounds)`);
  console.log('  page                                          busy ms/1000 px  ÷ bare  ÷ own HTML  style+layout ms  layouts  frames > 33 ms  worst frame  long tasks');
  for (const [name, path] of readers) {
    const cells = [
      med(path, 'busyPer1000').toFixed(0).padStart(15), (med(path, 'busyPer1000') / bare).toFixed(2).padStart(7),
      (med(path, 'busyPer1000') / html).toFixed(2).padStart(11),
      med(path, 'styleLayoutMs').toFixed(0).padStart(16), med(path, 'layouts').toFixed(0).padStart(8),
      med(path, 'over33').toFixed(0).padStart(15), `${med(path, 'worst').toFixed(0)} ms`.padStart(12),
      readings[driver][path].flatMap((r) => r.longTasks).join(' ') || 'none',
    ];
    console.log(`  ${name.padEnd(44)}${cells.join(' ')}`);
  }
  reads[driver] = {
    ratio: med('/', 'busyPer1000') / bare, own: med('/', 'busyPer1000'), bare,
    over33: readings[driver]['/'].map((r) => r.over33), long: readings[driver]['/'].flatMap((r) => r.longTasks),
  };
}

const appLongest = median(starts.map((r) => r.app.ms));
const typical = starts.find((r) => r.app.ms === appLongest);
const hydrate = starts.flatMap((r) => r.hydrate);
console.log('\nmain thread and memory (Chromium, 4× CPU throttling, 390×844, full scroll with every counter running)');
console.log(`  app started at ${m.started.toFixed(0)} ms (last load); hydration in ${(hydrate.length / starts.length).toFixed(1)} tasks a load (measure "hydrate"), longest ${Math.max(...hydrate).toFixed(1)} ms`);
// The hydration's work per island: what grows with a story's length.
const islands = starts[0].islands;
const hydrateMs = median(starts.map((r) => r.hydrate.reduce((a, b) => a + b, 0)));
console.log(`  hydration work: ${hydrateMs.toFixed(1)} ms a load (median) for ${islands} islands: ${(hydrateMs / islands).toFixed(2)} ms per island`);
console.log(`  start-up (trace, from the boot script's start after the first paint), the longest tasks, median of ${starts.length} loads:`);
console.log(`    running the app: ${appLongest.toFixed(1)} ms (${typical.app.top}); each load: ${starts.map((r) => r.app.ms.toFixed(1)).join(', ')} ms`);
// Wall time is the goal (what a reader waits). Thread time shows how much of it was the page's own
// work: where wall time is well above it, this machine ran something else meanwhile.
console.log(`      the same tasks' main-thread time: ${starts.map((r) => r.app.cpu.toFixed(1)).join(', ')} ms`);
console.log(`    style/layout/paint only: ${median(starts.map((r) => r.browser.ms)).toFixed(1)} ms; each load: ${starts.map((r) => r.browser.ms.toFixed(1)).join(', ')} ms`);
console.log(`  long tasks while counters and scenes run: ${m.counting.length ? m.counting.join(', ') + ' ms' : 'none'}`);
console.log(`  wasm linear memory: ${(m.wasm / 1024).toFixed(0)} KiB; JS heap used: ${(m.heap / 1024 / 1024).toFixed(1)} MiB`);
goal(`start-up: no task running the app over 25 ms at 4× CPU (median of ${starts.length} loads)`, starts.every((r) => r.booted) && appLongest > 0 && appLongest <= 25, `${appLongest.toFixed(1)} ms`);
goal('no long task over 50 ms while counters run', m.counting.every((d) => d <= 50), m.counting.length ? `max ${Math.max(...m.counting)} ms` : 'none');
goal('no long task at load (unthrottled)', loadTasks.length === 0, loadTasks.length ? `${loadTasks.join(', ')} ms` : 'none');
for (const driver of drivers) {
  const r = reads[driver];
  goal(`reading with ${DRIVERS[driver]}: main-thread time per px scrolled ≤ 1.3 × the bare article`, r.ratio <= 1.3, `${r.ratio.toFixed(2)} × (${r.own.toFixed(0)} vs ${r.bare.toFixed(0)} ms per 1000 px)`);
  goal(`reading with ${DRIVERS[driver]}: no frame over 33 ms`, r.over33.every((n) => n === 0), r.over33.join(', '));
  goal(`reading with ${DRIVERS[driver]}: no long task while scrolling`, r.long.length === 0, r.long.length ? `${r.long.join(', ')} ms` : 'none');
}
goal('wasm memory stays small (≤ 2 MiB)', m.wasm <= 2 * 1024 * 1024, `${(m.wasm / 1024).toFixed(0)} KiB`);

console.log(`\ngoals (${DIST})`);
for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}: ${r.figure}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
