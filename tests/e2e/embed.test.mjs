// Embedding: dist/ served from a sub-folder of one origin, host pages (pym.js 1.3.2 and the story's
// own embed.js) on another origin. The iframe fits the story's height, counters run when the host
// page is scrolled, untrusted messages are ignored, no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watch, counterStates, settled, DIST, ROOT } from './harness.mjs';

const BASE = '/news/2026/ruzhou/';
let story, host, browser;

before(async () => {
  story = await serve(DIST, { base: BASE });
  const xdomain = story.origin.replace(/^https?:\/\//, '').replace(/[.]/g, '\\.');
  const page = async (name) => (await readFile(join(ROOT, 'tests/e2e/host', name), 'utf8'))
    .replaceAll('STORY_URL', story.url).replaceAll('STORY_XDOMAIN', xdomain);
  const pym = await readFile(join(ROOT, 'tests/e2e/node_modules/pym.js/dist/pym.v1.min.js'));
  host = await serve(join(ROOT, 'tests/e2e/host'), {
    routes: {
      '/pym.html': ['text/html; charset=utf-8', await page('pym.html')],
      '/plain.html': ['text/html; charset=utf-8', await page('plain.html')],
      '/pym.v1.min.js': ['text/javascript', pym],
      '/favicon.ico': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await story?.close(); await host?.close(); });

test('dist/ works from a sub-folder: every asset loads, the story renders', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems = watch(page, [story.origin]);
  await page.goto(story.url);
  await page.waitForSelector('[data-counter]');
  assert.equal(await page.$$eval('section', (s) => s.length), 5);
  assert.ok(await page.isVisible('.progress'), 'standalone page keeps its progress bar');
  assert.deepEqual(problems, []);
  await page.close();
});

const frameOf = async (page) => {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('[data-counter]');
  return { handle, frame };
};

/** Waits until the iframe's height equals the story's content height (±2 px). */
async function fits(page, handle, frame, what) {
  let iframe = 0, content = -100;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    iframe = (await handle.boundingBox()).height;
    content = await frame.evaluate(() => document.body.offsetHeight);
    if (Math.abs(iframe - content) <= 2) return content;
  }
  assert.fail(`${what}: iframe ${iframe}px, story ${content}px`);
}

for (const kind of ['pym', 'plain']) {
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    test(`${kind} host at ${width}px: the iframe fits the story, counters run when the host scrolls`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      const problems = watch(page, [story.origin, host.origin]);
      page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
      await page.goto(`${host.origin}/${kind}.html`);
      const { handle, frame } = await frameOf(page);
      assert.equal(await handle.getAttribute('title'), '汝州市产业集聚区：一座新城的崛起');
      const tall = await fits(page, handle, frame, 'after load');
      assert.ok(tall > 3000, `story height ${tall}`);
      assert.equal(await frame.isVisible('.progress'), false, 'embed mode drops the progress bar');
      assert.equal(await frame.evaluate(() => window.scrollY), 0);

      // Counters below the host's fold wait, then land when the host page is scrolled to them.
      const waiting = (await counterStates(frame)).filter((c) => c.state === 'idle');
      assert.ok(waiting.length > 10, 'counters below the fold wait for the reader');
      const total = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < total; y += 400) {
        await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), y);
        await page.waitForTimeout(100);
      }
      await settled(frame);
      for (const c of await counterStates(frame)) {
        assert.equal(c.state, 'done', c.id);
        assert.equal(c.digits, c.final, c.id);
      }
      // Scenes lie flat in the frame (nothing can stick in a frame as tall as its content): each
      // graphic above its text, in its final state, every layer shown.
      const scenes = await frame.$$eval('.scene', (all) => all.map((s) => ({
        final: Number(s.dataset.step) === s.querySelectorAll('.step').length - 1,
        sticky: getComputedStyle(s.querySelector('.scene-figure')).position,
        hidden: [...s.querySelectorAll('[data-from]')].filter((l) => getComputedStyle(l).opacity !== '1').length,
      })));
      assert.equal(scenes.length, 5);
      for (const s of scenes) assert.deepEqual(s, { final: true, sticky: 'static', hidden: 0 });

      // A section link inside the full-height iframe scrolls the host page to that section.
      await frame.click('.section-nav a[href="#management"]');
      await page.waitForFunction(async () => {
        const frameTop = document.querySelector('iframe').getBoundingClientRect().top;
        return frameTop < -1000;
      }, null, { timeout: 3000, polling: 100 });
      await page.waitForTimeout(300);
      const frameTop = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top);
      const sectionTop = await frame.evaluate(() => document.getElementById('management').getBoundingClientRect().top);
      assert.ok(Math.abs(frameTop + sectionTop) <= 2, `section at ${frameTop + sectionTop}px in the host viewport`);

      // Resize (rotate the phone / narrow the window): the iframe follows the story's new height.
      await page.setViewportSize({ width: width === 390 ? 844 : 700, height: width === 390 ? 390 : 900 });
      const after = await fits(page, handle, frame, 'after resize');
      assert.notEqual(after, tall, 'the story reflowed at the new width');

      // Untrusted messages: to the story (wrong id, navigateTo, script URLs, junk) and to the host
      // (a height from a window that is not the story iframe). None has any effect.
      const src = frame.url();
      const hostY = await page.evaluate(() => window.scrollY);
      await page.evaluate(() => {
        const w = document.querySelector('iframe').contentWindow;
        for (const m of ['pymxPYMxruzhou-storyxPYMxnavigateToxPYMxjavascript:alert(1)',
          'pymxPYMxruzhou-storyxPYMxwidthxPYMxjavascript:alert(1)', 'pymxPYMxotherxPYMxwidthxPYMx100',
          '<img src=x onerror=alert(1)>', { width: 1 }, null]) w.postMessage(m, '*');
        window.postMessage('pymxPYMxruzhou-storyxPYMxheightxPYMx10', '*');
        window.postMessage('pymxPYMxruzhou-storyxPYMxscrollToChildPosxPYMx0', '*');
      });
      await page.waitForTimeout(500);
      assert.equal(frame.url(), src, 'the story navigated');
      assert.equal(await page.evaluate(() => window.scrollY), hostY, 'a forged scroll message moved the host page');
      assert.ok(Math.abs((await handle.boundingBox()).height - after) <= 2, 'a forged height message resized the iframe');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}
