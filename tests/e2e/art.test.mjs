// The drawings that stand in for photos (src/art_paint.rs, src/components/illustration.rs), as a
// reader gets them: not in the page's HTML (the first round trip carries text only) but images
// beside it, each painted twice by the build, light and dark; the screen's scheme picks one; each
// is fetched only when the reader nears it; its box is the drawing's shape from the first paint,
// so nothing moves when it comes; the CSP holds (no stylesheet or script inside an image).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, watch, recordLayoutShifts, DIST, PHONE, STORIES, storyPolicy } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve(DIST, { headers: storyPolicy() });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

for (const story of STORIES) {
  const html = readFileSync(join(DIST, story.path, 'index.html'), 'utf8');
  const drawings = [...html.matchAll(/<div class="art">([\s\S]*?)<\/div>/g)].map(([, inner]) => inner);
  // A story may have no drawing (《数说新城》 has figures and scenes only).
  const skip = !drawings.length && `${story.name} has no drawing`;

  test(`${story.name}: every drawing is an image file, painted light and dark, none inline`, { skip }, () => {
    assert.doesNotMatch(html, /<svg[^>]*focusable="false"[^>]*>\s*<rect class="sky"/, 'no drawing inline');
    for (const inner of drawings) {
      assert.doesNotMatch(inner, /<svg/, 'no drawing is inline');
      const dark = /<source media="\(prefers-color-scheme: dark\)" srcset="([^"]+)"/.exec(inner)?.[1];
      const img = /<img[^>]*>/.exec(inner)?.[0] ?? '';
      const light = /src="([^"]+)"/.exec(img)?.[1];
      assert.ok(dark && light && dark !== light, inner);
      assert.match(img, /alt=""/);
      assert.match(img, /loading="lazy"/);
      assert.match(img, /width="\d+" height="\d+"/);
      for (const file of [light, dark]) {
        const svg = readFileSync(join(DIST, story.path, file), 'utf8');
        assert.match(svg, /^<svg width="\d+" height="\d+" /, file);
        assert.doesNotMatch(svg, /class=|style|<script|\son\w+=/i, `${file}: colours in attributes only`);
      }
    }
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`${story.name}, ${colorScheme}: each drawing comes when the reader nears it, in its scheme, and nothing moves`, { skip }, async () => {
      const context = await browser.newContext({ ...PHONE, colorScheme });
      const page = await context.newPage();
      await recordLayoutShifts(page);
      const problems = watch(page, [server.origin]);
      const fetched = [];
      page.on('request', (r) => { if (r.url().includes('/art/')) fetched.push(r.url()); });
      await page.goto(server.url + story.path);
      await page.waitForLoadState('load');
      const count = await page.locator('.art img').count();
      assert.equal(count, drawings.length);
      assert.ok(fetched.length < count, `only the drawings near the first screen come at once (${fetched.length} of ${count})`);
      for (let i = 0; i < count; i++) {
        const img = page.locator('.art img').nth(i);
        const before = await img.evaluate((e) => e.getBoundingClientRect().height);
        await img.scrollIntoViewIfNeeded();
        await img.evaluate((e) => e.decode());
        const seen = await img.evaluate((e) => ({ src: e.currentSrc, w: e.naturalWidth, h: e.getBoundingClientRect().height, box: e.getBoundingClientRect().width }));
        assert.ok(seen.w > 0, `${seen.src} drawn`);
        assert.equal(/-dark-[0-9a-f]{16}\.svg$/.test(seen.src), colorScheme === 'dark', seen.src);
        assert.ok(before > 0 && Math.abs(seen.h - before) < 0.5, `its box was ${before} px tall before it came, ${seen.h} after`);
        assert.ok(Math.abs(seen.h / seen.box - 9 / 16) < 0.01, 'the drawing keeps its shape');
      }
      assert.equal(new Set(fetched).size, count, 'each drawing came once');
      assert.equal(await page.evaluate(() => window.__cls), 0);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
