// Embedding: dist/ served from a sub-folder of one origin (with the CSP as a header), host pages on
// another origin made of the README's own snippets (pym.js 1.3.2, and the story's embed.js). The
// iframe fits the story's height, counters run when the host page is scrolled, untrusted and hostile
// messages are ignored, no console errors. Every story in dist/ works from the sub-folder and
// embedded both ways; the rest is the root story's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watch, counterStates, settled, storyPolicy, DIST, ROOT, STORIES } from './harness.mjs';
import { hostPages, frameOf, fits, PYM_JS, PYM_PATH } from './hosts.mjs';

const BASE = '/news/2026/ruzhou/';
let story, host, browser;

before(async () => {
  // Each story's folder with its own policy as the header (its hashes are its own).
  story = await serve(DIST, { base: BASE, headers: storyPolicy(BASE) });
  const { snippets, page } = await hostPages(story);
  const html = 'text/html; charset=utf-8';
  host = await serve(join(ROOT, 'tests/e2e/host'), {
    routes: {
      '/pym.html': [html, page(snippets.pym)],
      '/plain.html': [html, page(snippets.plain)],
      // Both kinds on one page: two stories.
      '/both.html': [html, page(snippets.pym + '\n' + snippets.plain)],
      // A page with the plain snippet, a sibling iframe of the story's origin without the data
      // attribute, and one of its own origin: both forge the story's messages.
      '/hostile.html': [html, page(snippets.plain + `
  <iframe id="sibling" src="${story.url}embed.html" height="300" title="sibling"></iframe>
  <iframe id="evil" src="/evil.html" height="100" title="evil"></iframe>`)],
      '/evil.html': [html, '<!doctype html><title>evil</title><p>another frame</p>'],
      // A fixed-height iframe and no parent script at all.
      '/bare.html': [html, page(`<iframe src="${story.url}embed.html" height="600" width="100%" title="story"></iframe>`)],
      // Each story of dist/ with both snippets, its own folder's URL in them.
      ...Object.fromEntries(await Promise.all(STORIES.map(async (s) => {
        const { snippets: own } = await hostPages({ origin: story.origin, url: story.url + s.path });
        return [`/story-${s.name}.html`, [html, page(own.pym + '\n' + own.plain)]];
      }))),
      [PYM_PATH]: ['text/javascript', await readFile(PYM_JS)],
      '/favicon.ico': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await story?.close(); await host?.close(); });

for (const s of STORIES) {
  test(`${s.name}: dist/ works from a sub-folder: every asset loads, the story renders`, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watch(page, [story.origin]);
    await page.goto(story.url + s.path);
    await page.waitForSelector('[data-counter]');
    assert.equal(await page.$$eval('section', (all) => all.length), s.sections);
    if (s.name === 'ruzhou') assert.equal(s.sections, 5);
    assert.ok(await page.isVisible('.progress'), 'standalone page keeps its progress bar');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${s.name}: embedded with pym.js and with embed.js on one host page, each iframe fits, its counters land`, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watch(page, [story.origin, host.origin]);
    await page.goto(`${host.origin}/story-${s.name}.html`);
    for (const selector of ['#ruzhou-story-embed iframe', 'iframe[data-ruzhou-story]']) {
      const { handle, frame } = await frameOf(page, selector);
      assert.ok(await fits(page, handle, frame, selector) > 2000, selector);
      assert.equal(await frame.isVisible('.progress'), false, 'embed mode drops the progress bar');
      await handle.scrollIntoViewIfNeeded();
      const box = await handle.boundingBox();
      const top = await page.evaluate(() => window.scrollY);
      // Each figure in view for a moment: a counter counts once half of it has been in view for
      // 150 ms.
      for (let y = top + box.y; y < top + box.y + box.height; y += 400) {
        await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), y);
        await page.waitForTimeout(250);
      }
      await settled(frame);
      const counters = await counterStates(frame);
      assert.equal(counters.length, s.counters, selector);
      for (const c of counters) assert.deepEqual([c.id, c.state, c.digits], [c.id, 'done', c.final], selector);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
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
      // step that changes the picture starts with its snapshot of the graphic, all of it shown.
      const scenes = await frame.$$eval('.scene', (all) => all.map((s) => ({
        final: Number(s.dataset.step) === s.querySelectorAll('.step').length - 1,
        pinned: getComputedStyle(s.querySelector('.scene-figure')).display !== 'none',
        snapshots: [...s.querySelectorAll('.snapshot')].filter((x) => getComputedStyle(x).display !== 'none').length > 1,
        hidden: [...s.querySelectorAll('.snapshot *')].filter((l) => getComputedStyle(l).opacity === '0').length,
      })));
      assert.equal(scenes.length, 5);
      for (const s of scenes) assert.deepEqual(s, { final: true, pinned: false, snapshots: true, hidden: 0 });

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

test('a hostile host page: forged, oversized and malformed messages, scrolls without a click', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems = watch(page, [story.origin, host.origin]);
  // Whether the host page counted a reader's gesture when each message arrived.
  await page.addInitScript(() => {
    window.__activations = [];
    addEventListener('message', () => window.__activations.push(navigator.userActivation.isActive));
  });
  await page.goto(`${host.origin}/hostile.html`);
  const { handle, frame } = await frameOf(page, 'iframe[data-ruzhou-story]');
  const tall = await fits(page, handle, frame, 'after load');
  const sibling = await (await page.waitForSelector('#sibling')).contentFrame();
  await sibling.waitForSelector('[data-counter]');
  const evil = await (await page.$('#evil')).contentFrame();
  const heights = () => page.$$eval('iframe', (fs) => fs.map((f) => f.getAttribute('height')));
  const before = await heights();

  // Messages copied from the story, sent by a sibling of the story's origin and by another origin.
  for (const f of [sibling, evil]) {
    await f.evaluate(() => {
      parent.postMessage('pymxPYMxruzhou-storyxPYMxheightxPYMx10', '*');
      parent.postMessage('pymxPYMxruzhou-storyxPYMxscrollToChildPosxPYMx5000', '*');
    });
  }
  await page.waitForTimeout(300);
  assert.deepEqual(await heights(), before, 'a forged height resized an iframe');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'a forged scroll moved the page');

  // From the story itself: malformed heights are ignored, a giant one is capped.
  for (const h of ['-5', '12.5', '1e9', 'abc', '', '0', '12345678']) {
    await frame.evaluate((h) => parent.postMessage(`pymxPYMxruzhou-storyxPYMxheightxPYMx${h}`, '*'), h);
  }
  await page.waitForTimeout(200);
  assert.equal(await handle.getAttribute('height'), String(tall), 'a malformed height was taken');
  await frame.evaluate(() => parent.postMessage('pymxPYMxruzhou-storyxPYMxheightxPYMx9999999', '*'));
  await page.waitForTimeout(300);
  assert.equal(await handle.getAttribute('height'), '200000', 'a giant height is capped');

  // A scroll request without a reader's click does nothing; right after a click it is followed,
  // but never past the iframe.
  // (Playwright's evaluate() counts as a user gesture, so the request is sent from a timer once that
  // activation has expired: 5 s in Chromium.)
  await frame.evaluate(() => setTimeout(() => parent.postMessage('pymxPYMxruzhou-storyxPYMxscrollToChildPosxPYMx3000', '*'), 5600));
  await page.waitForTimeout(6100);
  const acts = await page.evaluate(() => window.__activations);
  assert.equal(acts.at(-1), false, 'the request came with a gesture still active: the check proves nothing');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'a scroll without a click moved the page');
  await frame.click('h2');
  await frame.evaluate(() => parent.postMessage('pymxPYMxruzhou-storyxPYMxscrollToChildPosxPYMx9999999', '*'));
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 2000 });
  const [y, frameBottom] = await page.evaluate(() => {
    const f = document.querySelector('iframe[data-ruzhou-story]').getBoundingClientRect();
    return [window.scrollY, f.bottom + window.scrollY];
  });
  assert.ok(y <= frameBottom, `scrolled to ${y}, past the iframe's end at ${frameBottom}`);

  // 20 MB posted to the story by another frame: no error, and the story still answers for its height.
  await evil.evaluate(() => parent.frames[0].postMessage('x'.repeat(20 * 1024 * 1024), '*'));
  await page.setViewportSize({ width: 400, height: 844 });
  const after = await fits(page, handle, frame, 'after 20 MB');
  assert.ok(after > 3000 && after < 200000, `height ${after}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a plain fixed-height iframe with no parent script: section links scroll inside the frame', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems = watch(page, [story.origin, host.origin]);
  await page.goto(`${host.origin}/bare.html`);
  const { frame } = await frameOf(page);
  await page.waitForTimeout(300);
  await frame.click('.section-nav a[href="#management"]');
  await frame.waitForFunction(() => Math.abs(document.getElementById('management').getBoundingClientRect().top) < 120, null, { timeout: 3000 });
  assert.ok(await frame.evaluate(() => window.scrollY) > 1000, 'the frame did not scroll');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the host page moved');
  assert.deepEqual(problems, []);
  await page.close();
});

test('pym.js host: the iframe gets the story\'s height before the app has loaded', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${host.origin}/pym.html`);
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('.story');
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 3000, null, { timeout: 5000 });
  assert.equal(await frame.evaluate(() => document.querySelector('.scene').dataset.step !== undefined), true);
  const [iframe, content] = [(await handle.boundingBox()).height, await frame.evaluate(() => document.body.offsetHeight)];
  assert.ok(Math.abs(iframe - content) <= 2, `iframe ${iframe}px, story ${content}px, without the app`);
  await page.close();
});

test('two stories on one page, one with pym.js and one with embed.js: both fit', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems = watch(page, [story.origin, host.origin]);
  await page.goto(`${host.origin}/both.html`);
  for (const selector of ['#ruzhou-story-embed iframe', 'iframe[data-ruzhou-story]']) {
    const { handle, frame } = await frameOf(page, selector);
    assert.ok(await fits(page, handle, frame, selector) > 3000, selector);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
