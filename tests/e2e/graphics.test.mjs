// The scenes' graphics as readers see them, in every state of every scene: at 320, 390, 768 and
// 1280 px, at the default text size and at 200 % (the browser's or an in-app font setting,
// emulated with CDP Page.setFontSizes). Every label is legible (≥ 12 px and ≥ 0.8 × the text), none
// overlaps another or leaves the graphic, the labels follow the text size, and the layout adapts:
// where the graphic and a step no longer fit on the screen together, each step carries its own
// snapshot of the graphic. Also at 200 %: the section bar is never cut, and no justified line opens
// gaps between its characters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, setTextSize, DIST } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SIZES = [
  { width: 320, height: 640, mobile: true },
  { width: 390, height: 844, mobile: true },
  { width: 768, height: 1024, mobile: true },
  { width: 1280, height: 800, mobile: false },
];

/** A page at `size`, with the reader's default font size `px` (16 is the browsers' default). */
async function open(size, px) {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height }, deviceScaleFactor: 2,
    isMobile: size.mobile, hasTouch: size.mobile,
    // The test's own stylesheet (no transitions: the states are measured as they end) is inline.
    bypassCSP: true,
  });
  const page = await context.newPage();
  await setTextSize(context, page, px);
  await page.goto(server.url);
  await page.waitForSelector('html[data-app]');
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  return { context, page };
}

/**
 * Every scene in every state as the page shows it: in the pinned figure (its `data-at` set to the
 * state) or, where the figure gives way to snapshots, in each snapshot. For each: the visible text
 * boxes (one per line of each text node: font size, rectangle), the graphic's box, the text size.
 */
function measure(page) {
  return page.evaluate(async () => {
    const shown = (el, root) => {
      for (let e = el; e && e !== root.parentElement; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
      }
      return true;
    };
    const texts = (root) => {
      const out = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node; (node = walker.nextNode());) {
        if (!node.textContent.trim() || !shown(node.parentElement, root)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width < 1 || r.height < 1) continue;
          out.push({ text: node.textContent.trim(), px: parseFloat(getComputedStyle(node.parentElement).fontSize),
            l: r.left, r: r.right, t: r.top, b: r.bottom });
        }
      }
      return out;
    };
    const box = (el) => { const r = el.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom, h: r.height }; };
    const body = parseFloat(getComputedStyle(document.querySelector('.step p')).fontSize);
    const out = [];
    for (const scene of document.querySelectorAll('.scene')) {
      const figure = scene.querySelector('.scene-figure');
      scene.scrollIntoView({ block: 'start', behavior: 'instant' });
      await new Promise((r) => setTimeout(r, 50));
      // The states: the first, and every one something shows in only some states is shown in.
      const states = [...new Set(['0', ...[...scene.querySelectorAll('[data-show]')]
        .flatMap((e) => e.dataset.show.split(' '))])].map(Number).sort((a, b) => a - b);
      if (getComputedStyle(figure).display !== 'none') {
        const graphic = figure.querySelector('.graphic');
        for (const at of states) {
          scene.dataset.at = String(at);
          out.push({ scene: scene.dataset.scene, state: at, mode: 'pinned', body, box: box(graphic), figure: box(figure), texts: texts(graphic) });
        }
      } else {
        for (const snap of scene.querySelectorAll('.snapshot')) {
          out.push({ scene: scene.dataset.scene, state: snap.closest('.step').id, mode: 'snapshot', body, box: box(snap), texts: texts(snap) });
        }
      }
    }
    return out;
  });
}

/** Whether two text boxes overlap: the middle 70 % of their height (a CJK font's content box is
 *  taller than its glyphs, and taller than a line of 1.4), by more than a pixel. */
function overlap(a, b) {
  const trim = (x) => ({ ...x, t: x.t + (x.b - x.t) * 0.15, b: x.b - (x.b - x.t) * 0.15 });
  const [p, q] = [trim(a), trim(b)];
  return Math.min(p.r, q.r) - Math.max(p.l, q.l) > 1 && Math.min(p.b, q.b) - Math.max(p.t, q.t) > 1;
}

/** What is wrong with one view of a graphic: small labels, collisions, labels out of the box. */
function problems(view) {
  const where = `${view.scene} ${view.state} (${view.mode})`;
  const out = [];
  const least = Math.max(12, 0.8 * view.body);
  for (const t of view.texts) {
    if (t.px < least - 0.01) out.push(`${where}: 「${t.text}」 ${t.px.toFixed(1)} px < ${least.toFixed(1)} px`);
    if (t.l < view.box.l - 1 || t.r > view.box.r + 1) out.push(`${where}: 「${t.text}」 leaves the graphic`);
  }
  for (let i = 0; i < view.texts.length; i++) {
    for (let j = i + 1; j < view.texts.length; j++) {
      if (overlap(view.texts[i], view.texts[j])) out.push(`${where}: 「${view.texts[i].text}」 overlaps 「${view.texts[j].text}」`);
    }
  }
  return out;
}

const smallest = (views) => Math.min(...views.flatMap((v) => v.texts.map((t) => t.px)));

for (const size of SIZES) {
  test(`${size.width} px: every label legible and apart in every state, at 100, 112.5, 125, 150 and 200 % text`, async (t) => {
    const found = [];
    const least = {};
    for (const px of [16, 18, 20, 24, 32]) {
      const { context, page } = await open(size, px);
      const views = await measure(page);
      assert.equal(views.length, 18, 'every state of every scene (2 + 3 + 4 + 6 + 3)');
      for (const scene of new Set(views.map((v) => v.scene))) {
        assert.ok(views.some((v) => v.scene === scene && v.texts.length > 0), `${scene}: no text measured`);
      }
      found.push(...views.flatMap(problems).map((p) => `${px} px text: ${p}`));
      least[px] = smallest(views);
      // Pinned, a graphic stays within the height the stylesheet allows it (deep links land
      // below it), and every step's card fits on the screen below it.
      const pinned = views.filter((v) => v.mode === 'pinned');
      if (pinned.length && size.mobile) {
        const limit = await page.evaluate(() => {
          const probe = document.createElement('div');
          probe.style.height = 'var(--figure-max)';
          document.body.append(probe);
          const h = probe.getBoundingClientRect().height;
          probe.remove();
          return h;
        });
        for (const v of pinned) {
          assert.ok(v.box.h <= limit + 1, `${px} px text: ${v.scene} graphic ${Math.round(v.box.h)} px > ${Math.round(limit)} px`);
        }
        const cards = await page.$$eval('.scene', (all) => all.flatMap((s) => {
          const fig = s.querySelector('.scene-figure');
          const space = window.innerHeight - parseFloat(getComputedStyle(fig).top) - fig.getBoundingClientRect().height;
          return [...s.querySelectorAll('.step')].map((c) => ({ id: c.id, space, card: c.getBoundingClientRect().height }));
        }));
        const over = cards.filter((c) => c.card > c.space).map((c) => `${c.id}: ${Math.round(c.card)} px card, ${Math.round(c.space)} px below`);
        assert.deepEqual(over, [], `${px} px text`);
      }
      await context.close();
    }
    t.diagnostic(`smallest label (px) by text size: ${Object.entries(least).map(([px, l]) => `${px} → ${l.toFixed(1)}`).join(', ')}`);
    assert.deepEqual(found, []);
    assert.ok(least[32] >= 1.8 * least[16], `labels do not follow the text size: ${least[16]} px → ${least[32]} px`);
  });
}

test('at 200 % text on a phone: snapshots with every step, the section bar whole, no gaps in justified lines', async () => {
  const { context, page } = await open(SIZES[1], 32);
  // The figure gives way to snapshots: each step that changes the picture starts with one.
  const layout = await page.$$eval('.scene', (all) => all.map((s) => ({
    name: s.dataset.scene,
    figure: getComputedStyle(s.querySelector('.scene-figure')).display,
    snapshots: [...s.querySelectorAll('.snapshot')].filter((x) => getComputedStyle(x).display !== 'none').length,
  })));
  for (const s of layout) {
    assert.equal(s.figure, 'none', `${s.name}: the pinned figure stays at 200 %`);
    assert.ok(s.snapshots >= 2, `${s.name}: ${s.snapshots} snapshots`);
  }
  // Every link of the section bar is whole on the screen.
  const cut = await page.$$eval('.section-nav a, .section-nav button', (els) => els.filter((a) => {
    const r = a.getBoundingClientRect();
    const box = a.closest('.section-nav').getBoundingClientRect();
    return r.left < 0 || r.right > window.innerWidth || r.bottom > box.bottom + 1 || r.top < box.top - 1;
  }).map((a) => a.textContent.trim()));
  assert.deepEqual(cut, []);
  // Adjacent characters of a line sit side by side: justification would open gaps between them.
  const gaps = await page.evaluate(() => {
    const out = [];
    for (const p of document.querySelectorAll('main p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node; (node = walker.nextNode());) {
        const text = node.textContent;
        const px = parseFloat(getComputedStyle(node.parentElement).fontSize);
        let prev = null;
        for (let i = 0; i < text.length; i++) {
          if (/\s/.test(text[i])) { prev = null; continue; }
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          if (prev && Math.abs(r.top - prev.top) < 2 && r.left - prev.right > 0.25 * px) {
            out.push(`${text.slice(Math.max(0, i - 3), i + 2)} (${Math.round(r.left - prev.right)} px)`);
          }
          prev = r;
        }
      }
    }
    return out;
  });
  assert.deepEqual(gaps.slice(0, 10), [], `${gaps.length} gaps`);
  await context.close();
});

test('the checks catch what they look for', () => {
  const view = (texts) => ({ scene: 's', state: 0, mode: 'pinned', body: 17, box: { l: 0, r: 300 }, texts });
  const label = (text, l, t, px = 16) => ({ text, px, l, r: l + 4 * px, t, b: t + 1.45 * px });
  // Two lines of one label (line height 1.4 < the font's 1.45 content box) do not collide.
  assert.deepEqual(problems(view([label('a', 0, 0), label('b', 0, 22.4)])), []);
  assert.deepEqual(problems(view([label('a', 0, 0), label('b', 64, 0)])), [], 'side by side');
  assert.equal(problems(view([label('a', 0, 0), label('b', 30, 6)])).length, 1, 'one over the other');
  assert.match(problems(view([label('a', 0, 0, 11)]))[0], /11\.0 px < 13\.6 px/);
  assert.match(problems(view([label('a', 280, 0)]))[0], /leaves the graphic/);
});
