// Two builds of the story read side by side (a probe, not part of `make bench`): the story of each
// build scrolled top to bottom as `make bench` reads it (scroll.mjs: a touch drag at 4× CPU on a
// 390 px phone, 1.5 s after the app starts), the builds alternating round by round in one session,
// so that the machine's drift falls on both alike; then each figure's median and every round's.
// This machine's noise is large (the same build's busy time differs by 10–15 % between rounds):
// a difference smaller than the rounds' spread is not one.
//   node tests/bench/ab.mjs DIR_A DIR_B [rounds, default 7]   (directories relative to the repo)
// AB_WAIT=ms: how long after the app starts each read begins (default 1500, as make bench reads; a
// reader who reads the opening first gives the app's idle work more time). AB_PATCH=file: a script
// run before the page's own in DIR_B's pages only (an A/B without a build, DIR_B may be DIR_A: a
// rule put in the stylesheet through the CSSOM). AB_DRIVER: one of scroll.mjs's DRIVERS (default
// touch; pace reads at a reader's pace).
import { join } from 'node:path';
import { ROOT, serve } from '../e2e/harness.mjs';
import { median, recorder, scrollCost, throttledPhone, DRIVERS } from './scroll.mjs';

const [a, b, rounds = '7'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node tests/bench/ab.mjs DIR_A DIR_B [rounds]');
const builds = await Promise.all([a, b].map(async (dir) => ({ dir, server: await serve(join(ROOT, dir), { precompressed: true }), reads: [] })));

for (let round = 0; round < Number(rounds); round++) {
  for (const build of round % 2 ? [...builds].reverse() : builds) {
    const { browser, page, cdp } = await throttledPhone();
    await page.addInitScript(recorder);
    if (process.env.AB_PATCH && build === builds[1]) await page.addInitScript({ path: process.env.AB_PATCH });
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', () => console.debug('ab: app started')));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${build.server.origin}/`);
    await page.waitForEvent('console', { predicate: (m) => m.text() === 'ab: app started', timeout: 30000 });
    await page.waitForTimeout(Number(process.env.AB_WAIT || 1500));
    build.reads.push(await scrollCost(page, cdp, process.env.AB_DRIVER || 'touch'));
    await browser.close();
    if (errors.length) throw new Error(`${build.dir}: the page's scripts failed: ${errors.join('; ')}`);
  }
}
const figures = [['busy ms per 1000 px', 'busyPer1000'], ['style + layout ms', 'styleLayoutMs'], ['layouts', 'layouts'], ['frames over 33 ms', 'over33'], ['script ms', 'scriptMs']];
console.log(`story read with ${DRIVERS[process.env.AB_DRIVER || 'touch']}, ${rounds} rounds each, alternating (median; each round)`);
for (const [name, key] of figures) {
  const cells = builds.map((bd) => `${median(bd.reads.map((r) => r[key])).toFixed(0).padStart(5)} (${bd.reads.map((r) => r[key].toFixed(0)).join(' ')})`);
  console.log(`  ${name.padEnd(22)} ${builds[0].dir}: ${cells[0]}   ${builds[1].dir}: ${cells[1]}`);
}
for (const bd of builds) await bd.server.close();
