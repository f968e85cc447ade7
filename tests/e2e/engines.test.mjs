// The reader's path in every engine readers use: Blink (Android, desktop), Gecko (Firefox) and WebKit
// (every browser on iPhone, WeChat's in-app browser there), through W3C WebDriver (webdriver.mjs). The
// prerendered page hydrates; scrolling through the whole story at phone width lands every counter on
// its exact figure and leaves every scene in its last state; a deep link lands on its step; nothing
// throws. For every story in dist/ (one browser session each). One engine alone:
// ENGINES=webkit node --test tests/e2e/engines.test.mjs; one story: STORIES=shuzi.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, DIST, STORIES, triggerLine, idleWorkDone, progressShown, withinAScreen } from './harness.mjs';
import { open, ENGINES } from './webdriver.mjs';

const engines = (process.env.ENGINES || Object.keys(ENGINES).join(',')).split(',');
let server;
before(async () => { server = await serve(DIST); });
after(async () => { await server?.close(); });

for (const engine of engines) {
  for (const story of STORIES) {
    test(`${engine}: ${story.name} hydrates, every counter and scene lands at phone width, deep links work`, async () => {
      const page = await open(engine);
      const url = server.url + story.path;
      try {
        await page.get(url);
        // 390 px where the engine allows it; Firefox's and WebKitGTK's windows stop at 500 and 447 px,
        // still the phone layout (its breakpoints are 640 and 1024 px), which is checked below.
        const [width] = await page.setViewport(390, 844);
        assert.ok(width >= 390 && width <= 500, `viewport ${width} px wide`);
        await page.until('hydration', 20000, () => document.querySelector('.replay') && !document.querySelector('.replay').hidden);
        const stacked = await page.run(() => [...document.querySelectorAll('.scene')].every((s) =>
          s.querySelector('.scene-figure').getBoundingClientRect().bottom <= s.querySelector('.step').getBoundingClientRect().top));
        assert.ok(stacked, 'phone layout: each graphic above its steps');
        // Before the reader scrolls, the app lays out what the first paint skipped, loads the
        // drawings and gives the far parts back to the stylesheet, in idle time
        // (requestIdleCallback, or where WebKit has none a timer that waits for the page to be
        // still). Within 30 s: a machine busy with other work has fewer idle periods long enough
        // (10 s was once too short for Chromium on a CI machine under load). (Not "no part
        // skipped": that holds only between the last layout and the first part given back, which
        // a poll missed in Firefox.)
        await page.until('the idle work done', 30000, new Function(`const withinAScreen = ${withinAScreen};\nreturn (${idleWorkDone})();`));
        await page.run(() => {
          window.__errors = [];
          addEventListener('error', (e) => window.__errors.push(String(e.message)));
          addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
        });

        // A reader flicking through the whole story, each figure in view for a moment (a counter
        // counts once half of it has been in view for 150 ms: one flung past waits at 0).
        // To the real end: the page's height is read again at each step (a section far from the
        // viewport holds an estimate of its height until it is first laid out).
        const height = () => page.run(() => document.documentElement.scrollHeight);
        for (let y = 0; y <= await height() + 900; y += 350) {
          await page.run((y) => window.scrollTo(0, y), y);
          await new Promise((ok) => setTimeout(ok, 150));
        }
        await page.until('the counters to settle', 10000, () => !document.querySelector('[data-counter][data-state="running"]'));
        const counters = await page.run(() => [...document.querySelectorAll('[data-counter]')].map((el) => ({
          id: el.dataset.counter, state: el.dataset.state,
          digits: el.querySelector('.num').textContent, final: el.querySelector('.num').dataset.final,
        })));
        assert.equal(counters.length, story.counters, 'the counted figures prerendered');
        if (story.name === 'ruzhou') assert.equal(counters.length, 16, 'counted figures on the page (13, 3 of them twice)');
        for (const c of counters) assert.deepEqual([c.id, c.state, c.digits], [c.id, 'done', c.final]);
        const scenes = await page.run(() => [...document.querySelectorAll('.scene')].map((s) =>
          [s.dataset.scene, Number(s.dataset.step), s.querySelectorAll('.step').length - 1]));
        assert.deepEqual(scenes.map(([name]) => name), story.scenes);
        for (const [name, step, last] of scenes) assert.equal(step, last, `${name} did not reach its last step`);
        // The progress bar followed the reader to the end (a few times a second while they scroll,
        // and once after they stop).
        await page.until('the progress bar at the end', 2000, new Function(`return (${progressShown})() > 0.99;`))
          .catch(async (e) => assert.fail(`${e.message}: it shows ${await page.run(progressShown)}`));
        assert.deepEqual(await page.run(() => window.__errors), []);

        // A slow reader (8 px every 40 ms) reaching the roads scene's second step: its card is
        // wholly in view as its top crosses the trigger line, so only the line's own observer sees
        // it (visibility thresholds alone changed the graphic some 350 px late). The scene follows
        // within 64 px (its dwell is 100 ms: 20 px at this pace).
        if (story.name === 'ruzhou') {
          const line = () => triggerLine(document.querySelector('.scene[data-scene="roads"]'));
          await page.run(() => { const c = document.getElementById('roads-2'); window.scrollTo(0, window.scrollY + c.getBoundingClientRect().top - 600); });
          await new Promise((ok) => setTimeout(ok, 500));
          // In the page, with `triggerLine` and `line` (WebDriver sends a function's source).
          const withLine = (body) => new Function(`const triggerLine = ${triggerLine};\nconst line = ${line};\n${body}`);
          await page.run(withLine("window.scrollBy(0, document.getElementById('roads-2').getBoundingClientRect().top - line() - 120);"));
          await page.until('the roads scene at its first step', 5000, () => document.querySelector('.scene[data-scene="roads"]').dataset.step === '0');
          await page.run(withLine(`
            const card = document.getElementById('roads-2');
            const scene = document.querySelector('.scene[data-scene="roads"]');
            window.__slow = { crossed: null, lag: null, done: false };
            let k = 0;
            const tick = () => {
              window.scrollBy(0, 8);
              if (window.__slow.crossed === null && card.getBoundingClientRect().top <= line()) window.__slow.crossed = window.scrollY;
              if (scene.dataset.step === '1') window.__slow.lag = window.__slow.crossed === null ? -1 : window.scrollY - window.__slow.crossed;
              if (window.__slow.lag !== null || ++k > 80) window.__slow.done = true; else setTimeout(tick, 40);
            };
            tick();`));
          await page.until('the slow read', 15000, () => window.__slow.done);
          const lag = await page.run(() => window.__slow.lag);
          assert.ok(lag !== null && lag >= 0 && lag <= 64, `roads-2: the scene followed ${lag} px after the card crossed the line`);
        }

        // A deep link to a step of a scene: the fourth of the financing scene, else the second of
        // the last scene that has two.
        const [name, step] = story.name === 'ruzhou' ? ['financing', 4]
          : [scenes.filter(([, , last]) => last > 0).at(-1)?.[0], 2];
        if (name) {
          await page.get(`${url}#${name}-${step}`);
          await page.until('the deep-linked step', 10000, (name, step) =>
            document.querySelector(`.scene[data-scene="${name}"]`)?.dataset.step === String(step - 1), name, step);
        }
        if (story.name === 'ruzhou') assert.equal(await page.run(() => document.querySelector('.scene[data-scene="financing"]').dataset.state), 'bond');
      } finally {
        await page.close();
      }
    });
  }
}
