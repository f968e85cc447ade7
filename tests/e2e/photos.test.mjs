// The story's photos (src/photos.rs, src/photo_encode.rs), as a reader gets them. The test makes up
// camera-like photos (src/bin/test-photo.rs: no photo is in the repository) for the test story
// stories/_photos/, builds that story (its own release build, into target/e2e-photos/: a few
// minutes, the wasm compiled for it), and checks the built site: every size of every photo exists
// as the markup says (WebP and JPEG, never wider than the photo, width and height read from the
// file, a photo taken upright upright), no original is copied, the lead photo is fetched at once
// and every other one only when the reader comes near it, a blurred placeholder fills each photo's
// box until it comes, nothing moves when it comes, the CSP holds; and in Chromium at 390 px, which
// file the browser chose (currentSrc) and how many bytes it is, against the camera's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, recordLayoutShifts, renderAll, scrollThrough, ROOT, PHONE, DESKTOP } from './harness.mjs';

const STORY = join(ROOT, 'stories/_photos');
const OUT = join(ROOT, 'target/e2e-photos');
/** The test story's photos: file, stored width and height, EXIF orientation; shown width and height. */
const PHOTOS = [
  { src: 'photos/road.jpg', made: [4000, 3000], shown: [4000, 3000] },
  { src: 'photos/park.png', made: [2000, 1500], shown: [2000, 1500] },
  { src: 'photos/upright.jpg', made: [4000, 3000, 6], shown: [3000, 4000] },
  { src: 'photos/night.jpg', made: [1600, 1200], shown: [1600, 1200] },
];
const FIGURE_SIZES = '(min-width: 38.5rem) 36rem, calc(100vw - 2.5rem)';
const GALLERY_SIZES = '(min-width: 64rem) 20.7rem, (min-width: 40rem) 19.5rem, calc(82vw - 2rem)';

/** Runs `script` in bash at the repository's root with the project's tools on PATH. */
function sh(script) {
  execFileSync('bash', ['-c', `source scripts/env.sh && ${script}`], { cwd: ROOT, stdio: 'inherit' });
}

let server, browser, csp, html;
before(async () => {
  for (const { src, made } of PHOTOS) {
    sh(`cargo run --quiet --no-default-features --features ssr --bin test-photo -- ${join(STORY, src)} ${made.join(' ')}`);
  }
  sh('STORY=_photos trunk build --release --dist target/e2e-photos');
  csp = readFileSync(join(OUT, 'content-security-policy.txt'), 'utf8');
  html = readFileSync(join(OUT, 'index.html'), 'utf8');
  server = await serve(OUT, { headers: { 'content-security-policy': csp } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** An attribute of a tag's markup. */
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** Every <picture> of the page: its <source> and <img> tags. */
function pictures() {
  return [...html.matchAll(/<picture>(<source[^>]*>)(<img[^>]*>)<\/picture>/g)].map(([, source, img]) => ({ source, img }));
}

/** [format, width, height] of an image file, read from its header (JPEG's frame header, WebP's VP8 one). */
function header(file) {
  const b = readFileSync(file);
  if (b.subarray(0, 4).toString() === 'RIFF' && b.subarray(12, 16).toString() === 'VP8 ') {
    return ['webp', b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff];
  }
  assert.equal(b.readUInt16BE(0), 0xffd8, `${file} is neither lossy WebP nor JPEG`);
  for (let at = 2; at < b.length;) {
    const code = b[at + 1];
    if (code >= 0xc0 && code <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(code)) return ['jpeg', b.readUInt16BE(at + 7), b.readUInt16BE(at + 5)];
    at += 2 + b.readUInt16BE(at + 2);
  }
  assert.fail(`${file}: no frame header`);
}

/** The candidates of a srcset: [file, width]. */
const candidates = (srcset) => srcset.split(', ').map((c) => { const [file, w] = c.split(' '); return [file, Number.parseInt(w, 10)]; });

test('every size of every photo is made as the markup says, and no original is copied', () => {
  const found = pictures();
  assert.equal(found.length, PHOTOS.length);
  for (const [i, { source, img }] of found.entries()) {
    const { src, shown: [width, height] } = PHOTOS[i];
    const inGallery = i >= 2;
    assert.equal(attr(img, 'width'), String(width), `${src}: width read from the file`);
    assert.equal(attr(img, 'height'), String(height), `${src}: height read from the file`);
    assert.equal(attr(source, 'type'), 'image/webp');
    assert.equal(attr(source, 'sizes'), inGallery ? GALLERY_SIZES : FIGURE_SIZES, src);
    assert.equal(attr(img, 'sizes'), attr(source, 'sizes'));
    assert.equal(attr(img, 'decoding'), 'async');
    assert.equal(attr(img, 'loading'), i === 0 ? 'eager' : 'lazy', `${src}: only the lead photo is fetched at once`);
    assert.equal(attr(img, 'fetchpriority'), i === 0 ? 'high' : undefined, src);
    assert.ok(attr(img, 'alt'), `${src} has words for screen readers`);
    const widths = made(width);
    for (const [srcset, format] of [[attr(source, 'srcset'), 'webp'], [attr(img, 'srcset'), 'jpeg']]) {
      assert.deepEqual(candidates(srcset).map(([, w]) => w), widths, `${src} ${format}`);
      for (const [file, w] of candidates(srcset)) {
        assert.deepEqual(header(join(OUT, file)), [format, w, Math.round((height * w) / width)], file);
      }
    }
    assert.ok(candidates(attr(img, 'srcset')).some(([file]) => file === attr(img, 'src')), `${src}: its src is one of its sizes`);
  }
  // Only what the markup names is in photos/: no camera original.
  const named = new Set(pictures().flatMap(({ source, img }) => [...candidates(attr(source, 'srcset')), ...candidates(attr(img, 'srcset'))].map(([f]) => f)));
  for (const file of readdirSync(join(OUT, 'photos'))) {
    const path = `photos/${file}`;
    assert.match(file, /^[a-z0-9-]+-[0-9a-f]{12}-(\d+\.(webp|jpg)|blur\.webp)$/, path);
    assert.ok(named.has(path) || file.endsWith('-blur.webp'), `${path} is not in the page`);
  }
  for (const { src } of PHOTOS) assert.ok(!existsSync(join(OUT, src)), `${src} was copied as it is`);
});

test('the placeholders are rules of the inline stylesheet the CSP allows: no style attribute, no data: image', () => {
  const style = html.match(/<style>(.*?)<\/style>/s)[1];
  const hash = createHash('sha256').update(style).digest('base64');
  assert.ok(csp.includes(`'sha256-${hash}'`), 'the CSP allows the stylesheet with its placeholders by its hash');
  assert.equal(csp.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, ''), readFileSync(join(ROOT, 'src/csp.txt'), 'utf8'), 'the CSP is src/csp.txt plus hashes');
  assert.ok(!/img-src|data:/.test(csp), 'images come from the page\'s own origin only');
  for (const { img } of pictures()) {
    const placeholder = attr(img, 'class').split(' ').find((c) => c.startsWith('ph-'));
    const rule = style.match(new RegExp(`\\.${placeholder}\\{background-image:url\\(([^)]*)\\)\\}`));
    assert.ok(rule, `${placeholder}: no rule in the stylesheet`);
    assert.deepEqual(header(join(OUT, rule[1])).slice(0, 2), ['webp', 24], rule[1]);
    assert.ok(statSync(join(OUT, rule[1])).size < 600, `${rule[1]} is a few hundred bytes`);
  }
  for (const page of ['index.html', 'embed.html']) {
    execFileSync(join(ROOT, 'scripts/inline-attributes.pl'), [join(OUT, page)], { stdio: 'inherit' });
  }
});

/** The width `sizes` gives a photo (a figure, or a gallery's) in a viewport `width` px wide. */
function slot(width, inGallery) {
  if (inGallery) return width >= 1024 ? 20.7 * 16 : width >= 640 ? 19.5 * 16 : 0.82 * width - 32;
  return width >= 616 ? 576 : width - 40;
}

/** The width Chromium takes of `widths` for a slot of `px` CSS px at `dpr`: the narrowest at least
 *  as dense as the screen (the widest when none is). */
const sharp = (widths, px, dpr) => widths.find((w) => w >= px * dpr) ?? widths.at(-1);

/** The widths made of a photo `width` px wide: the standard ones (all four from 1600 px up), else
 *  those at least 15 % narrower than the photo, then its own. */
const made = (width) => (width >= 1600 ? [480, 800, 1200, 1600] : [...[480, 800, 1200].filter((w) => w * 100 <= width * 85), width]);

/** Opens the page in `device`, brings every photo into view in turn, and returns for each the file
 *  the browser chose (currentSrc, relative to the page), its bytes, and its width on the page. */
async function chosen(device) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = [];
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await page.goto(server.url);
  const files = [];
  for (let i = 0; i < PHOTOS.length; i++) {
    const img = page.locator('picture img').nth(i);
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => { const im = document.querySelectorAll('picture img')[i]; return im.complete && im.naturalWidth > 0; }, i, { timeout: 10000 });
    const { src, width } = await img.evaluate((im) => ({ src: im.currentSrc, width: im.getBoundingClientRect().width }));
    const file = src.slice(server.url.length);
    files.push({ file, bytes: statSync(join(OUT, file)).size, width });
  }
  const violations = await page.evaluate(() => window.__violations);
  await context.close();
  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(problems, []);
  // `sizes` says the width each photo is shown at (at most a pixel wider: never a larger file).
  for (const [i, { width }] of files.entries()) {
    const says = slot(device.viewport.width, i >= 2);
    assert.ok(width <= says + 0.5 && width >= says - 1.5, `${PHOTOS[i].src}: shown ${width} px wide, sizes says ${says}`);
  }
  return files;
}

test('a phone of 390 px takes a WebP as wide as it shows, a small part of the camera\'s file', async () => {
  const report = [];
  for (const dpr of [3, 2, 1]) {
    const files = await chosen({ ...PHONE, deviceScaleFactor: dpr });
    for (const [i, { file, bytes, width }] of files.entries()) {
      const { src, shown: [w, h] } = PHOTOS[i];
      const source = statSync(join(STORY, src)).size;
      report.push(`390 px at ${dpr}x: ${src} (${source} B) -> ${file} (${bytes} B), shown ${width} px wide`);
      assert.match(file, new RegExp(`-${sharp(made(w), slot(390, i >= 2), dpr)}\\.webp$`), `${src} at ${dpr}×`);
      // The most a phone takes of a camera's photo: under 200 KB for a 4:3 one (a photo taken
      // upright has 16/9 as many pixels at the same width).
      const budget = 200_000 * Math.max(1, (h / w) / 0.75);
      assert.ok(bytes < budget, `${file}: ${bytes} B, over ${budget}`);
    }
    // The figure at 3× takes the 1200 WebP: a 25th of the camera's 6 MB.
    if (dpr === 3) assert.match(files[0].file, /-1200\.webp$/);
    assert.ok(files[0].bytes * 25 < statSync(join(STORY, PHOTOS[0].src)).size, files[0].file);
  }
  console.log(report.join('\n'));
});

test('a desktop takes the size its column shows', async () => {
  // The column's 36rem (576 px): 800 at 1×, 1200 at 2×; a gallery's half column (330 px): 480, 800.
  for (const [dpr, figure, gallery] of [[1, 800, 480], [2, 1200, 800]]) {
    const files = await chosen({ ...DESKTOP, deviceScaleFactor: dpr });
    files.forEach(({ file }, i) => assert.match(file, new RegExp(`-${i < 2 ? figure : gallery}\\.webp$`), `${PHOTOS[i].src} at ${dpr}×`));
  }
});

test('below the fold nothing is fetched until the reader comes near; each box is kept from the start, its placeholder in it', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await recordLayoutShifts(page);
  const fetched = [];
  page.on('request', (r) => { if (/\/photos\//.test(r.url())) fetched.push(r.url().slice(server.url.length)); });
  await page.goto(server.url);
  await page.waitForLoadState('networkidle');
  // The lead photo at once; the gallery, more than 3000 px below the fold (farther than Chromium
  // fetches lazy images ahead on any connection), not yet.
  const sized = fetched.filter((f) => !f.endsWith('-blur.webp'));
  assert.match(sized[0], /^photos\/road-/, 'the lead photo first');
  // The boxes' places and shapes, every section laid out (those far from the reader are not yet).
  await renderAll(page);
  const below = await page.$$eval('.gallery img', (imgs) => imgs.map((im) => im.getBoundingClientRect().top - innerHeight));
  assert.ok(below.every((d) => d > 3000), `the gallery is ${below} px below the fold`);
  for (const photo of ['upright', 'night']) assert.ok(!sized.some((f) => f.startsWith(`photos/${photo}-`)), `${photo} fetched at once: ${sized}`);
  // Every photo's box has its shape before its photo comes, its placeholder as background.
  const boxes = await page.$$eval('picture img', (imgs) => imgs.map((im) => ({
    ratio: im.getBoundingClientRect().height / im.getBoundingClientRect().width,
    background: getComputedStyle(im).backgroundImage,
    complete: im.complete && im.naturalWidth > 0,
  })));
  for (const [i, box] of boxes.entries()) {
    const [w, h] = PHOTOS[i].shown;
    assert.ok(Math.abs(box.ratio - h / w) < 0.01, `${PHOTOS[i].src}: box ${box.ratio}, photo ${h / w}`);
    assert.match(box.background, /photos\/[a-z0-9-]+-blur\.webp/, PHOTOS[i].src);
  }
  assert.ok(!boxes[3].complete, 'the gallery\'s photos have not come yet');
  await scrollThrough(page);
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => window.__cls);
  assert.equal(cls.toFixed(3), '0.000', `layout shift ${cls}`);
  assert.ok(fetched.filter((f) => !f.endsWith('-blur.webp')).length >= PHOTOS.length, 'every photo came as the reader reached it');
  await context.close();
});
