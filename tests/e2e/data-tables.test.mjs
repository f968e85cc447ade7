// 查看数据 (issue #19): under every data graphic a native disclosure with its figures as a table —
// each figure's words, the figure as the article writes it, its unit, and the sentence it comes from.
// In the built page (dist/): the tables follow the data graphics only (drawings tagged 示意图 have
// none), closed; they open by keyboard; their figures and sentences are exactly the article's; the
// graphic points to its table; with JavaScript off they are there and open; in print they are shown
// (JavaScript on and off); axe finds nothing with them open, light and dark; they are legible and
// never widen the page from 320 to 1280 px at 100 % and 200 % text; and in all three engines
// (WebDriver) they are closed, open from the keyboard and keep their print copy off screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watch, renderAll, setTextSize, AXE, DIST, ROOT, PHONE, DESKTOP } from './harness.mjs';
import { open, ENGINES } from './webdriver.mjs';

const DATA_SCENES = ['ranking', 'greening', 'financing'];
const DRAWINGS = ['roads', 'departments'];

let server, browser;
before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The source article's lines, as the page's own checks read them. */
async function sourceLines() {
  const text = await readFile(join(ROOT, 'tests/source-article.txt'), 'utf8');
  return text.split('\n').map((l) => l.trim().replace('： ', '：')).filter(Boolean);
}

/** Whether a sentence stands in the source: whole, or split by the PDF dump across two lines (its
 *  head ends one, its tail starts another: a photo caption cut one sentence in two). */
function inSource(sentence, lines) {
  const chars = [...sentence];
  return lines.join('').includes(sentence) || chars.some((_, i) => i > 0
    && lines.some((l) => l.endsWith(chars.slice(0, i).join(''))) && lines.some((l) => l.startsWith(chars.slice(i).join(''))));
}

/** Each table in the page: the scene before it, its rows and sentence groups, and what the live
 *  graphic and the scene's steps say (run in the page). */
function tables() {
  const cells = (table) => [...table.tBodies].map((body) => ({
    rows: [...body.rows].filter((r) => !r.classList.contains('data-from'))
      .map((r) => [...r.cells].map((c) => c.textContent)),
    from: [...body.rows].filter((r) => r.classList.contains('data-from')).map((r) => [...r.cells].map((c) => c.textContent)),
  }));
  return [...document.querySelectorAll('.scene-data')].map((wrap) => {
    const scene = wrap.previousElementSibling;
    const details = wrap.querySelector('details.data-table');
    const graphic = scene.querySelector('.scene-figure .graphic');
    const steps = [...scene.querySelectorAll('.step > p')].map((p) => {
      const copy = p.cloneNode(true);
      // Each counter at its final value (its face shows 0 until the reader gets to it).
      copy.querySelectorAll('.counter-face, .gap-note').forEach((e) => e.remove());
      return copy.textContent;
    });
    return {
      scene: scene.dataset.scene,
      id: details.id,
      open: details.open,
      summary: details.querySelector('summary').textContent,
      headers: [...details.querySelectorAll('thead th')].map((th) => th.textContent),
      caption: details.querySelector('caption').textContent,
      title: graphic.getAttribute('aria-label'),
      groups: cells(details.querySelector('table')),
      print: wrap.querySelector('.data-print').textContent,
      screen: details.querySelector('.data-box').textContent,
      details: graphic.getAttribute('aria-details'),
      description: document.getElementById(graphic.getAttribute('aria-describedby')).textContent,
      graphicText: graphic.textContent,
      // The figures of its steps: counted ones, and facts (places, ranks, totals).
      figures: [...scene.querySelectorAll('.step [data-counter] .sr-only, .step [data-fact]')].map((e) => e.textContent),
      steps,
    };
  });
}

/** A page of the story in a new context with `options`, at the reader's text size `px` (16 is the
 *  browsers' default; 32 is 200 %, emulated as a browser's or an in-app font setting does), once
 *  the app runs (unless JavaScript is off), every section laid out. */
async function reader(options = PHONE, px = 16) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  if (px !== 16) await setTextSize(context, page, px);
  await page.goto(server.url);
  if (options.javaScriptEnabled !== false) await page.waitForSelector('html[data-app]');
  // Every table laid out, as it is when the reader gets there.
  await renderAll(page);
  return { context, page };
}

/** Whether each element `selector` finds is rendered (a closed <details> lays its content out but
 *  does not render it: checkVisibility, not its box, tells). */
const shown = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.checkVisibility() && e.getBoundingClientRect().height > 0));

test('the data graphics have their tables after their scenes, closed; the drawings have none', async () => {
  const { context, page } = await reader();
  const problems = watch(page, [server.origin]);
  const all = await page.evaluate(tables);
  assert.deepEqual(all.map((t) => t.scene), DATA_SCENES);
  for (const t of all) {
    assert.equal(t.id, `scene-${t.scene}-data`);
    assert.equal(t.open, false, `${t.scene}: open before the reader asks`);
    assert.equal(t.summary, '查看数据');
    assert.deepEqual(t.headers, ['项目', '数值', '单位']);
    assert.equal(t.caption, t.title, `${t.scene}: the table is named as its graphic`);
    // The graphic's text alternative points to its table, and says where it is.
    assert.equal(t.details, t.id);
    assert.ok(t.description.endsWith('各项数据见下方“查看数据”。'), t.description);
    assert.equal(t.print, t.screen, `${t.scene}: the print copy differs from the table`);
  }
  assert.deepEqual(await shown(page, '.data-table .data-box'), [false, false, false], 'closed: the tables take no room');
  assert.deepEqual(await shown(page, '.data-table > summary'), [true, true, true]);
  assert.deepEqual(await shown(page, '.data-print'), [false, false, false], 'the print copies stay off screen');
  for (const name of DRAWINGS) {
    const [details, next] = await page.$eval(`.scene[data-scene="${name}"]`, (s) => [
      s.querySelector('.graphic').getAttribute('aria-details'), s.nextElementSibling?.className ?? '']);
    assert.deepEqual([details, next.includes('scene-data')], [null, false], `${name} is a drawing: no table`);
  }
  // After the scene, not in it: the graphic pinned on a phone never covers it.
  for (const name of DATA_SCENES) {
    await page.evaluate((n) => document.getElementById(`scene-${n}-data`).scrollIntoView({ block: 'center', behavior: 'instant' }), name);
    await page.waitForTimeout(100);
    const hit = await page.$eval(`#scene-${name}-data > summary`, (s) => {
      const r = s.getBoundingClientRect();
      return s.contains(document.elementFromPoint(r.left + 10, r.top + r.height / 2));
    });
    assert.ok(hit, `${name}: something covers the summary`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the figures and sentences are exactly the article\'s', async () => {
  const { context, page } = await reader();
  const all = await page.evaluate(tables);
  const lines = await sourceLines();
  for (const t of all) {
    const rows = t.groups.flatMap((g) => g.rows);
    // Each figure the graphic shows, once: a figure of the scene's text drawn in its graphic.
    const drawn = [...new Set(t.figures.filter((f) => t.graphicText.includes(f)))];
    assert.deepEqual(rows.map((r) => r[1]).sort(), drawn.sort(), `${t.scene}: the figures differ from the graphic's`);
    const text = t.steps.join('');
    for (const g of t.groups) {
      assert.equal(g.from.length, 1, `${t.scene}: one sentence a group`);
      const [head, sentence] = g.from[0];
      assert.equal(head, '出处');
      assert.ok(sentence.endsWith('。') && text.includes(sentence) && inSource(sentence, lines), `${t.scene}: not the article's sentence: ${sentence}`);
      for (const [label, value, unit] of g.rows) {
        assert.ok(sentence.includes(value), `${t.scene}: ${value} is not in its sentence`);
        assert.ok(value.endsWith(unit), `${t.scene}: ${value} does not end with its unit ${unit}`);
        assert.ok(text.includes(label), `${t.scene}: 「${label}」 (for ${value}) is not the article's words`);
      }
    }
  }
  const financing = all.find((t) => t.scene === 'financing');
  assert.deepEqual(financing.groups.flatMap((g) => g.rows), [
    ['公司资产升至80亿元', '80亿元', '元'],
    ['12亿公司债', '12亿', ''],
    ['45个项目招投标', '45个', '个'],
    ['累计融资到账近20亿元', '近20亿元', '元'],
  ]);
  assert.match(financing.groups[3].from[0][1], /^数据显示，.*累计融资到账近20亿元，.*正常推进。$/);
  const ranking = all.find((t) => t.scene === 'ranking');
  assert.deepEqual(ranking.groups.map((g) => g.rows.map((r) => r[1])), [['179个', '第18位', '20强']], 'one sentence, three figures');
  assert.equal(all.find((t) => t.scene === 'greening').groups.flatMap((g) => g.rows).length, 9);
  await context.close();
});

test('keyboard: the summary takes focus, Enter opens, Space closes, Tab then reaches the table\'s box', async () => {
  const { context, page } = await reader();
  for (const name of DATA_SCENES) {
    const summary = `#scene-${name}-data > summary`;
    await page.focus(summary);
    assert.ok(await page.$eval(summary, (s) => document.activeElement === s && s.tabIndex === 0), `${name}: the summary is not in the tab order`);
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval(`#scene-${name}-data`, (d) => d.open), true, `${name}: Enter`);
    assert.deepEqual(await shown(page, `#scene-${name}-data .data-box`), [true]);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'data-box', `${name}: Tab into the table's box`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    assert.equal(await page.$eval(`#scene-${name}-data`, (d) => d.open), false, `${name}: Space`);
  }
  await context.close();
});

test('with JavaScript off the tables are there, closed, and open by click and by keyboard', async () => {
  const { context, page } = await reader({ ...PHONE, javaScriptEnabled: false });
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-app')), false, 'the app ran');
  assert.deepEqual(await page.$$eval('details.data-table', (ds) => ds.map((d) => [d.id, d.open])),
    DATA_SCENES.map((n) => [`scene-${n}-data`, false]));
  await page.click('#scene-ranking-data > summary');
  await page.focus('#scene-financing-data > summary');
  await page.keyboard.press('Enter');
  assert.deepEqual(await shown(page, '.data-table .data-box'), [true, false, true]);
  const rows = await page.$$eval('#scene-financing-data tbody tr:not(.data-from) .data-value', (v) => v.map((x) => x.textContent));
  assert.deepEqual(rows, ['80亿元', '12亿', '45个', '近20亿元']);
  await context.close();
});

for (const js of [true, false]) {
  test(`print${js ? '' : ', JavaScript off'}: every table shown, whole, without its summary`, async () => {
    const { context, page } = await reader({ ...PHONE, javaScriptEnabled: js });
    // One opened on screen before printing, the others closed: all print alike.
    await page.click('#scene-greening-data > summary');
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await shown(page, '.data-print'), [true, true, true]);
    assert.deepEqual(await shown(page, 'details.data-table'), [false, false, false], 'the disclosures print as their copies');
    const printed = await page.$$eval('.data-print', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      const table = e.querySelector('table').getBoundingClientRect();
      return { rows: e.querySelectorAll('tbody tr:not(.data-from)').length, whole: table.width <= r.width + 1 && e.scrollWidth <= e.clientWidth + 1 };
    }));
    assert.deepEqual(printed, [{ rows: 3, whole: true }, { rows: 9, whole: true }, { rows: 4, whole: true }]);
    // And a PDF is made with them (Chromium prints what the print media shows).
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000);
    await context.close();
  });
}

test('axe-core finds no violations with the tables open: light and dark, phone and desktop, 200 % text', async () => {
  for (const [label, device, px] of [['390 light', { ...PHONE, colorScheme: 'light' }, 16], ['390 dark', { ...PHONE, colorScheme: 'dark' }, 16],
    ['320 200 % dark', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, colorScheme: 'dark' }, 32],
    ['1280 light', { ...DESKTOP, colorScheme: 'light' }, 16]]) {
    // bypassCSP: axe is injected as an inline script, which the page's CSP rightly refuses.
    const { context, page } = await reader({ ...device, reducedMotion: 'reduce', bypassCSP: true }, px);
    await page.$$eval('details.data-table', (ds) => ds.forEach((d) => { d.open = true; }));
    await page.addScriptTag({ path: AXE });
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], label);
    // The open tables were checked, not left for review: the contrast of every text in them (a
    // background image behind the text, e.g., would leave it unchecked), their headers. (At 200 %
    // on a phone their boxes scroll: what is out of sight there is left for review.)
    if (px !== 16) { await context.close(); continue; }
    const scoped = await page.evaluate(() => window.axe.run('.scene-data', { resultTypes: ['passes', 'incomplete'] }));
    // (axe leaves out a text of symbols alone: the unit 「%」.)
    const texts = await page.$$eval('.data-table :is(summary, caption, th, td)', (els) => els.filter((e) => /[\p{L}\p{N}]/u.test(e.textContent)).length);
    const nodes = (list, id) => list.find((r) => r.id === id)?.nodes.length ?? 0;
    assert.deepEqual([nodes(scoped.passes, 'color-contrast'), nodes(scoped.incomplete, 'color-contrast')], [texts, 0], `${label}: contrast checked of the tables' ${texts} texts`);
    assert.equal(nodes(scoped.passes, 'th-has-data-cells'), 3, `${label}: the tables' headers`);
    await context.close();
  }
});

const SIZES = [[320, 640, true], [390, 844, true], [768, 1024, true], [1280, 800, false]];
for (const [width, height, mobile] of SIZES) {
  test(`${width} px: open tables legible, within the page, at 100 % and 200 % text`, async () => {
    for (const px of [16, 32]) {
      const { context, page } = await reader({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile }, px);
      // The page's width before any table opens (a phone's layout viewport grows with what
      // overflows it: opening a table must not widen it).
      const closed = await page.evaluate(() => [innerWidth, document.documentElement.scrollWidth]);
      await page.$$eval('details.data-table', (ds) => ds.forEach((d) => { d.open = true; }));
      const m = await page.evaluate(() => ({
        viewport: [innerWidth, document.documentElement.scrollWidth],
        page: document.documentElement.scrollWidth - innerWidth,
        text: parseFloat(getComputedStyle(document.querySelector('.step p')).fontSize),
        boxes: [...document.querySelectorAll('.data-table .data-box')].map((b) => {
          const r = b.getBoundingClientRect();
          return { right: r.right, scrolls: b.scrollWidth - b.clientWidth, overflow: getComputedStyle(b).overflowX, focusable: b.tabIndex === 0 };
        }),
        small: [...document.querySelectorAll('.data-table th, .data-table td, .data-table caption')]
          .map((c) => [c.textContent, parseFloat(getComputedStyle(c).fontSize)]).filter(([, s]) => s < 12),
        broken: [...document.querySelectorAll('.data-table .data-value, .data-table .data-unit')].filter((v) => {
          const range = document.createRange();
          range.selectNodeContents(v);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((v) => v.textContent),
      }));
      const where = `${width} px, ${px} px text`;
      assert.deepEqual(m.viewport, closed, `${where}: opening the tables widened the page`);
      assert.ok(m.page <= 0, `${where}: the page is ${m.page} px wider than the screen`);
      assert.deepEqual(m.small, [], `${where}: text under 12 px`);
      assert.deepEqual(m.broken, [], `${where}: a figure breaks across lines`);
      for (const b of m.boxes) {
        assert.ok(b.right <= closed[0] + 0.5, `${where}: a table's box leaves the page`);
        assert.equal(b.overflow, 'auto');
        assert.ok(b.focusable);
        // At the reader's default text size every table fits its box; at 200 % on a phone its box
        // may scroll sideways (a figure and its unit never break).
        if (px === 16) assert.ok(b.scrolls <= 0, `${where}: a table scrolls sideways by ${b.scrolls} px`);
      }
      await context.close();
    }
  });
}

const engines = (process.env.ENGINES || Object.keys(ENGINES).join(',')).split(',');
for (const engine of engines) {
  test(`${engine}: the tables are closed, open from the keyboard and keep their print copy off screen`, async () => {
    const page = await open(engine);
    try {
      await page.get(server.url);
      await page.setViewport(390, 844);
      await page.until('the page', 20000, () => document.querySelectorAll('details.data-table').length === 3);
      const state = () => [...document.querySelectorAll('.scene-data')].map((w) => {
        const d = w.querySelector('details');
        return [w.previousElementSibling.dataset.scene, d.open, d.querySelector('.data-box').checkVisibility(),
          w.querySelector('.data-print').getBoundingClientRect().height, getComputedStyle(w.querySelector('.data-print')).display];
      });
      assert.deepEqual(await page.run(state), DATA_SCENES.map((n) => [n, false, false, 0, 'none']));
      await page.press('#scene-financing-data > summary', '\uE007');
      await page.until('Enter to open the table', 2000, () => document.getElementById('scene-financing-data').open);
      assert.deepEqual(await page.run(state), DATA_SCENES.map((n) => [n, n === 'financing', n === 'financing', 0, 'none']));
      const values = await page.run(() => [...document.querySelectorAll('#scene-financing-data .data-value')].map((v) => v.textContent));
      assert.deepEqual(values, ['80亿元', '12亿', '45个', '近20亿元']);
      const page_ = await page.run(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(page_ <= 0, `the open table widens the page by ${page_} px`);
      await page.press('#scene-financing-data > summary', '\uE00D');
      await page.until('Space to close it', 2000, () => !document.getElementById('scene-financing-data').open);
    } finally {
      await page.close();
    }
  });
}
