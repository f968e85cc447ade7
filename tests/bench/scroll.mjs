// What reading costs: a page scrolled top to bottom at a fling's pace on a throttled phone, and the
// main thread's work meanwhile (the DevTools Performance metrics), frame by frame.
import { launch, PHONE } from '../e2e/harness.mjs';

/** Scrolling speed: a reader's finger dragging the page up at 120 px every 16 ms (7 500 px/s,
 *  about a fling), as the browser's compositor scrolls it for a touch. */
export const STEP_PX = 120;
export const STEP_MS = 16;

/** A reader's pace: a finger dragging the page up 360 px a second (a screen every 2–3 s), for the
 *  first 5 400 px (15 s). A fling is the worst case for the work a scroll brings (counters, scenes,
 *  parts coming near); at a reader's pace what costs is what the page does in every frame. */
export const PACE_PX_S = 360;
export const PACE_PX = 5400;

/** Before the page's scripts: records every long task, and gives `__recordFrames()`, which records
 *  every animation frame's start from then on. The frames are recorded only while the page is
 *  read: a requestAnimationFrame loop running from the load would keep the page from ever being
 *  idle (each frame asked for is a main-thread frame), which a reader's phone is between the load
 *  and the first scroll, and the page's idle-time work would never run. */
export function recorder() {
  window.__frames = [];
  window.__longTasks = [];
  const frame = (t) => { window.__frames.push(t); requestAnimationFrame(frame); };
  window.__recordFrames = () => requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** A fresh browser (the e2e harness's, with `args`) and a page on the harness's phone at `rate`×
 *  CPU: the reader the bench's figures and where.mjs's are measured for. */
export async function throttledPhone(rate = 4, args = []) {
  const browser = await launch({ args });
  const page = await browser.newPage(PHONE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { browser, page, cdp };
}

/** The middle value of `xs` (the upper of the two middle ones for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount'];

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]));
}

/** The ways a reader scrolls, by name: `touch` (a finger's drag: the compositor scrolls and the
 *  page gets its scroll events) and `wheel` (a mouse wheel or trackpad: each notch is an input
 *  event the page's main thread sees before the compositor scrolls it smoothly); `script`, the
 *  page scrolled by `scrollTo` a step at a time, for probes. */
export const DRIVERS = {
  touch: 'a touch drag',
  pace: "a touch drag at a reader's pace",
  wheel: 'a mouse wheel',
  script: 'scrollTo steps',
};

/**
 * Scrolls `page` (loaded, settled, at the top; `recorder` installed) to the bottom with `driver`
 * (one of DRIVERS) at STEP_PX every STEP_MS (`pace`: its first PACE_PX at PACE_PX_S), and returns
 * what the main thread did meanwhile: busy ms per 1 000 px scrolled, script, style + layout ms,
 * layouts, frames over 33 ms, the worst frame, long tasks.
 */
export async function scrollCost(page, cdp, driver = 'touch') {
  if (!(driver in DRIVERS)) throw new Error(`no scroll driver ${driver}`);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const { from, width, height } = await page.evaluate(async () => {
    window.__recordFrames();
    // The first frame recorded, then the reading begins.
    await new Promise((ok) => requestAnimationFrame(() => ok()));
    return { from: performance.now(), width: innerWidth, height: innerHeight };
  });
  // How far is left to the bottom: read again after each drag, since the page may grow a little
  // while it is read (a section far from the viewport holds an estimate of its height until it is
  // first laid out).
  const left = () => page.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY);
  const before = await metrics(cdp);
  if (driver === 'wheel') {
    await page.mouse.move(Math.round(width / 2), Math.round(height / 2));
    for (let passes = 0, rest = await left(); rest > 1 && passes < 5; passes++, rest = await left()) {
      // A notch per step, as many as the rest of the page needs, then a look at how far is left.
      for (let y = 0; y < rest; y += STEP_PX) {
        await page.mouse.wheel(0, STEP_PX);
        await page.waitForTimeout(STEP_MS);
      }
      await page.waitForTimeout(200);
    }
  } else if (driver === 'script') {
    await page.evaluate(async ([stepPx, stepMs]) => {
      await new Promise((done) => {
        const step = () => {
          const end = document.documentElement.scrollHeight - innerHeight;
          scrollTo({ top: Math.min(end, scrollY + stepPx), behavior: 'instant' });
          if (scrollY < end - 1) setTimeout(step, stepMs); else setTimeout(done, 200);
        };
        step();
      });
    }, [STEP_PX, STEP_MS]);
  } else if (driver === 'pace') {
    await cdp.send('Input.synthesizeScrollGesture', {
      x: Math.round(width / 2), y: Math.round(height * 0.8), yDistance: -Math.round(Math.min(PACE_PX, await left())),
      speed: PACE_PX_S, gestureSourceType: 'default', preventFling: true,
    });
    await page.waitForTimeout(200);
  } else {
    for (let drags = 0, rest = await left(); rest > 1 && drags < 5; drags++, rest = await left()) {
      await cdp.send('Input.synthesizeScrollGesture', {
        x: Math.round(width / 2), y: Math.round(height * 0.8), yDistance: -Math.round(rest),
        speed: Math.round((STEP_PX * 1000) / STEP_MS), gestureSourceType: 'default', preventFling: true,
      });
    }
    await page.waitForTimeout(200);
  }
  const after = await metrics(cdp);
  const run = await page.evaluate((from) => {
    const frames = window.__frames.filter((t) => t >= from);
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    return {
      px: scrollY,
      over33: gaps.filter((g) => g > 33.4).length,
      worst: Math.max(0, ...gaps),
      longTasks: window.__longTasks.filter((t) => t.start >= from).map((t) => Math.round(t.duration)),
    };
  }, from);
  const d = (k) => after[k] - before[k];
  return {
    ...run,
    busyPer1000: (d('TaskDuration') * 1000) / (run.px / 1000),
    scriptMs: d('ScriptDuration') * 1000,
    styleLayoutMs: (d('LayoutDuration') + d('RecalcStyleDuration')) * 1000,
    layouts: d('LayoutCount'),
  };
}
