// Where a read's main-thread time goes (a probe, not part of `make bench`): each page scrolled top
// to bottom as `make bench` reads it (scroll.mjs: a touch drag at 4× CPU on a 390 px phone), traced,
// and the main thread's time split by trace event (self time: an event's own, its children's
// taken out), the largest first. Tracing slows every page down (its figures are not the bench's);
// what it gives is the shares, and what differs between the pages.
//   node tests/bench/where.mjs [paths, default /article.html,/static.html,/]
// /article.html is the bare article, /static.html the story's HTML without scripts, / the story
// (pages.mjs); BENCH_DIST: a build other than dist/. Environment, each optional:
//   TOP=20       how many events to list; NAMES=a,b  only these events; DRIVER=pace  (scroll.mjs)
//   WAIT=6000    ms between the load and the read (the story lays out what its first paint
//                skipped in that time)
//   PATCH=file   a script run in each page before its own (an A/B without a build: a rule put in
//                the stylesheet through the CSSOM, an observer counted); what it leaves in
//                `window.__probe` is printed after the read (tests/bench/observers.js: the
//                page's IntersectionObservers, their reports and the time their callbacks take)
//   LONG=ms      each task longer than that, with its largest events
//   INV=1        what invalidated style and layout (invalidation tracking), by reason and element
//   CALLS=1      the script's calls (FunctionCall events) by function and what called it, their
//                total time (children included)
//   ANIM=1       the animations that ran, and why any was not composited (`compositeFailed`, a
//                bit set of Blink's FailureReason: 1 << 17 is "no visible change")
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serve } from '../e2e/harness.mjs';
import { references, referenceHeaders } from './pages.mjs';
import { recorder, scrollCost, throttledPhone } from './scroll.mjs';

const DIST = join(ROOT, process.env.BENCH_DIST || 'dist');
const CSP = await readFile(join(DIST, 'content-security-policy.txt'), 'utf8');
const { TOP = 20, NAMES, PATCH, LONG, INV, ANIM, CALLS } = process.env;
const WAIT = Number(process.env.WAIT || 6000);
const paths = (process.argv[2] || '/article.html,/static.html,/').split(',');
const server = await serve(DIST, {
  routes: references(await readFile(join(DIST, 'index.html'), 'utf8')),
  precompressed: true,
  headers: referenceHeaders(CSP),
});

/** Self time (ms) and count of each event name among `events` (complete events of one thread). */
function selfTimes(events) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const inner = new Map();
  for (const e of sorted) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) inner.set(parent, (inner.get(parent) ?? 0) + e.dur);
    stack.push(e);
  }
  const by = {};
  for (const e of sorted) {
    const row = (by[e.name] ??= { ms: 0, n: 0 });
    row.ms += (e.dur - (inner.get(e) ?? 0)) / 1000;
    row.n++;
  }
  return by;
}

for (const path of paths) {
  const { browser, page, cdp } = await throttledPhone();
  await page.addInitScript(recorder);
  if (PATCH) await page.addInitScript({ path: PATCH });
  await page.goto(server.origin + path);
  await page.waitForTimeout(WAIT);
  await browser.startTracing(page, { categories: [...(INV ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []), 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8.execute'] });
  const read = await scrollCost(page, cdp, process.env.DRIVER || 'touch');
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const probe = PATCH && (await page.evaluate(() => window.__probe));
  await browser.close();
  const thread = trace.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const main = trace.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const by = selfTimes(main);
  const total = Object.values(by).reduce((a, r) => a + r.ms, 0);
  console.log(`\n${path}: ${read.px} px scrolled, ${total.toFixed(0)} ms of main thread traced (${(total / (read.px / 1000)).toFixed(0)} per 1000 px); ${read.layouts} layouts, ${read.over33} frames over 33 ms`);
  for (const [name, { ms, n }] of Object.entries(by).sort((a, b) => b[1].ms - a[1].ms).filter(([n]) => !NAMES || NAMES.split(',').includes(n)).slice(0, Number(TOP))) {
    console.log(`  ${ms.toFixed(1).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${String(n).padStart(5)}×  ${name}`);
  }
  if (probe) console.log('  window.__probe', JSON.stringify(probe));
  /** Prints the `n` most frequent of `keys`. */
  const tally = (keys, n) => {
    const count = {};
    for (const k of keys) count[k] = (count[k] ?? 0) + 1;
    for (const [k, c] of Object.entries(count).sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${String(c).padStart(5)}×  ${k}`);
  };
  if (CALLS) {
    const by = {};
    for (const e of main.filter((e) => e.name === 'FunctionCall')) {
      const d = e.args?.data ?? {};
      const key = `${d.functionName || '(anonymous)'} ${(d.url || '').split('/').pop()}:${d.lineNumber ?? ''}`;
      const row = (by[key] ??= { ms: 0, n: 0 });
      row.ms += e.dur / 1000;
      row.n++;
    }
    for (const [k, { ms, n }] of Object.entries(by).sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(TOP))) console.log(`  ${ms.toFixed(1).padStart(8)} ms ${String(n).padStart(5)}×  ${k}`);
  }
  if (ANIM) tally(trace.filter((e) => e.name === 'Animation' && e.args?.data).map((e) => JSON.stringify(e.args.data)), 25);
  if (INV) {
    tally(trace.filter((e) => /InvalidationTracking$/.test(e.name)).map(({ name, args: { data: d = {} } }) =>
      `${name.replace('InvalidationTracking', '')} ${d.reason || d.changedAttribute || d.changedClass || d.changedPseudo || ''} ${(d.nodeName || '').slice(0, 60)}`), 30);
  }
  if (LONG) {
    for (const t of main.filter((e) => e.name === 'RunTask' && e.dur > Number(LONG) * 1000)) {
      const inner = selfTimes(main.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur));
      const top = Object.entries(inner).sort((a, b) => b[1].ms - a[1].ms).slice(0, 6).map(([n, r]) => `${n} ${r.ms.toFixed(1)}`);
      console.log(`  a task of ${(t.dur / 1000).toFixed(1)} ms: ${top.join(', ')}`);
    }
  }
}
await server.close();
