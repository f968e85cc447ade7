// 听新闻, the read-aloud, on the built page (dist/). Against a scripted stand-in for speechSynthesis
// (speech-standin.js, loaded before the page's scripts by a copy of the page this server adds,
// listen.html, under the page's strict CSP): in Chromium (Playwright) the whole article read sentence by
// sentence with its figures as the article writes them, the highlight and scroll that follow it and the
// scenes that follow the scroll, the controls by keyboard, the background stop that iOS makes, the
// missing voice, the layout, axe; in all three engines (WebDriver) the reader's path through the
// controls. Then a real voice where the machine has one (speech-dispatcher + espeak-ng), in Chromium and
// Firefox; skipped, saying why, where it has none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watch, AXE, DIST, ROOT, PHONE, DESKTOP } from './harness.mjs';
import { open, ENGINES } from './webdriver.mjs';

const STANDIN = await readFile(join(ROOT, 'tests/e2e/speech-standin.js'), 'utf8');
const PAGE = await readFile(join(DIST, 'index.html'), 'utf8');
/** The story with the stand-in as its first script (a file of the same origin: the CSP allows it). */
const LISTEN_PAGE = PAGE.replace('</head>', '<script src="speech-standin.js"></script></head>');
const SOURCE_TEXT = await readFile(join(ROOT, 'tests/source-article.txt'), 'utf8');
const SOURCE = SOURCE_TEXT.replace(/\s+/g, '');
const SOURCE_LINES = SOURCE_TEXT.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);

let server, browser;
before(async () => {
  server = await serve(DIST, {
    routes: {
      '/listen.html': ['text/html; charset=utf-8', LISTEN_PAGE],
      '/speech-standin.js': ['text/javascript', STANDIN],
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** In the page: what is being read. The highlighted sentence's text as it is heard (the range's
 *  contents less what is aria-hidden and the gap marker), its box, the band it must be kept in (below
 *  the section bar once it sticks, above the read-aloud bar), its block, and for a scene's step, the step's index and
 *  the step the scene shows. Where the browser has no Highlight API, the marked block stands in. */
function reading() {
  const highlight = window.CSS && CSS.highlights && CSS.highlights.get('listen');
  const marked = document.querySelector('.listen-reading');
  let range = highlight && [...highlight][0];
  if (!range && marked) { range = document.createRange(); range.selectNodeContents(marked); }
  if (!range) return null;
  const heard = range.cloneContents();
  heard.querySelectorAll('[aria-hidden="true"], .gap').forEach((e) => e.remove());
  const node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
  // The sentence's box, or its block's where the engine has none for it (WebKitGTK 2.50 has none
  // for text in a scene it has just laid out again: `content-visibility: auto`).
  const own = range.getBoundingClientRect();
  const rect = own.width || own.height ? own : (marked ?? node).getBoundingClientRect();
  const bar = document.querySelector('.listen-bar').getBoundingClientRect();
  const nav = document.querySelector('.section-nav').getBoundingClientRect();
  const step = node.closest('.step');
  return {
    text: heard.textContent, top: rect.top, bottom: rect.bottom, api: !!highlight,
    band: [nav.top <= 0.5 ? nav.bottom : 0, bar.height ? bar.top : innerHeight],
    marked: !!marked && marked.contains(node),
    step: step && [...step.parentElement.children].indexOf(step),
    sceneStep: step && Number(step.closest('.scene').dataset.step),
    spoken: window.__speech ? window.__speech.current : null,
    play: document.querySelector('.listen').dataset.play,
  };
}

/** A page of the stand-in's story, with the stand-in's `config`. */
async function standIn(options = {}, config = {}) {
  const context = await browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  const problems = watch(page, [server.origin]);
  await page.addInitScript((c) => { window.__speechConfig = c; }, config);
  await page.goto(server.url + 'listen.html');
  return { context, page, problems };
}

const now = (page) => page.evaluate(reading);

/** Waits until the stand-in speaks something other than `previous`, and returns it. */
async function nextSpoken(page, previous) {
  await page.waitForFunction((p) => window.__speech.current && window.__speech.current !== p, previous, { timeout: 3000 });
  return page.evaluate(() => window.__speech.current);
}

test('without a Chinese voice the control says so and offers nothing to press', async () => {
  // The browser lists voices, none of them Chinese.
  let { context, page } = await standIn({}, { voices: [{ name: 'English', lang: 'en-US', localService: true, default: true }] });
  await page.waitForSelector('.listen[data-voice="missing"]');
  assert.equal(await page.isVisible('.listen-note'), true, 'the note is shown');
  assert.ok((await page.textContent('.listen-note')).length > 4);
  assert.equal(await page.isVisible('.listen-start'), false);
  await context.close();
  // No speech synthesis at all.
  context = await browser.newContext(PHONE);
  page = await context.newPage();
  await page.addInitScript(() => { delete window.speechSynthesis; delete Window.prototype.speechSynthesis; });
  await page.goto(server.url);
  await page.waitForSelector('.listen[data-voice="missing"]');
  assert.equal(await page.isVisible('.listen-note'), true);
  await context.close();
  // Voices that load late (speech-dispatcher's take 3-4 s): the button shows when they come.
  ({ context, page } = await standIn({}, { late: 1500 }));
  await page.waitForSelector('.listen[data-voice="found"]', { timeout: 6000 });
  assert.equal(await page.isVisible('.listen-note'), false);
  assert.equal(await page.evaluate(() => window.__speech.log.length), 0, 'it never starts by itself');
  await context.close();
});

test('it reads the whole article in zh-CN, sentence after sentence, figures as the article writes them', async () => {
  const { context, page, problems } = await standIn({}, { msPerChar: 0.5 });
  await page.click('.listen-start');
  await page.waitForFunction(() => document.querySelector('.listen').dataset.play === 'playing');
  await page.waitForFunction(() => document.querySelector('.listen').dataset.play === 'stopped', null, { timeout: 60000, polling: 200 });
  const log = await page.evaluate(() => window.__speech.log);
  assert.ok(log.length > 30, `${log.length} utterances`);
  for (const u of log) {
    assert.deepEqual([u.lang, u.voice, u.rate], ['zh-CN', 'Stand-in 普通话', 1], u.text);
    // Each utterance is one sentence (or title, heading), verbatim from the source article (a
    // sentence the story mends across one of the source's page breaks in two pieces).
    const words = u.text.replace(/\s+/g, '');
    const verbatim = [...words].some((_, k) => SOURCE.includes(words.slice(0, k || undefined)) && (k === 0 || SOURCE.includes(words.slice(k))));
    assert.ok(verbatim, `not in the source: ${u.text}`);
    assert.equal(u.text.slice(0, -1).replace(/[。！？](?![”’」』）》。！？])/g, '|').includes('|'), false, `more than a sentence: ${u.text}`);
  }
  const heard = log.map((u) => u.text).join('');
  assert.equal(log[0].text, '汝州市产业集聚区：一座新城的崛起', 'the title first');
  for (const figure of ['6.5万余棵', '近20亿元', '第18位', '21.2公里', '250余名']) assert.ok(heard.includes(figure), figure);
  assert.ok(log.some((u) => u.text.startsWith('即打响。')), 'the sentence after the gap, without its marker');
  for (const never of ['……即', '原文此处缺字', '数说新城']) assert.ok(!heard.includes(never), `read: ${never}`);
  // The whole article: every sentence of the source that ends in 。 is heard.
  const sentences = SOURCE_LINES.flatMap((l) => l.split(/(?<=。)/)).filter((s) => s.endsWith('。'));
  const missed = sentences.filter((s) => !heard.replace(/\s+/g, '').includes(s));
  assert.deepEqual(missed, [], 'sentences not read');
  assert.equal(await page.evaluate(() => CSS.highlights.has('listen') || !!document.querySelector('.listen-reading')), false, 'no highlight after the end');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the sentence being read is highlighted and kept in view; the scenes follow it', async () => {
  for (const device of [PHONE, DESKTOP]) {
    const { context, page, problems } = await standIn({ ...device, reducedMotion: 'reduce' }, { manual: true });
    await page.click('.listen-start');
    let spoken = await nextSpoken(page, null);
    const scenesSeen = new Set();
    for (let i = 0; ; i++) {
      // The scroll is instant under reduced motion; the scene reads the layout in its observer's
      // next report.
      let r = await now(page);
      for (const end = Date.now() + 2000; r.step !== r.sceneStep && Date.now() < end; r = await now(page)) await page.waitForTimeout(30);
      assert.equal(r.text, spoken, 'the highlight is the sentence heard');
      assert.ok(r.api && r.marked, 'a CSS highlight, its paragraph marked');
      assert.ok(r.top >= r.band[0] - 1 && r.bottom <= r.band[1] + 1, `sentence ${i} out of view: ${JSON.stringify(r)}`);
      if (r.step !== null) {
        assert.equal(r.sceneStep, r.step, `the scene shows the step being read: ${spoken}`);
        scenesSeen.add(await page.evaluate(() => document.querySelector('.listen-reading').closest('.scene').dataset.scene));
      }
      if (scenesSeen.size === 5 && r.step === null) break;
      await page.evaluate(() => window.__speech.end());
      const play = await page.evaluate(() => document.querySelector('.listen').dataset.play);
      if (play === 'stopped') break;
      spoken = await nextSpoken(page, spoken).catch(() => null);
      if (spoken === null) break;
    }
    assert.equal(scenesSeen.size, 5, 'every scene followed the reading');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('pause, resume, rate, skip and stop by keyboard; focus follows', async () => {
  const { context, page, problems } = await standIn({}, { manual: true });
  await page.waitForSelector('.listen[data-voice="found"]');
  const focused = () => page.evaluate(() => document.activeElement?.dataset.listen ?? document.activeElement?.className);
  for (let i = 0; i < 10 && (await focused()) !== 'start'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'start', 'the start button is reachable by Tab');
  await page.keyboard.press('Enter');
  const title = await nextSpoken(page, null);
  assert.equal(title, '汝州市产业集聚区：一座新城的崛起');
  await page.waitForFunction(() => document.activeElement?.dataset.listen === 'toggle');
  // Pause after a word boundary, then resume from it.
  await page.evaluate(() => window.__speech.boundary(6));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.listen').dataset.play === 'paused');
  assert.equal(await page.evaluate(() => window.__speech.current), null, 'silent while paused');
  assert.equal((await now(page)).text, title, 'the highlight stays on the sentence');
  await page.keyboard.press('Enter');
  assert.equal(await nextSpoken(page, null), title.slice(6), 'resumed from the word boundary');
  // Faster: the same sentence goes on at 1.25.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'faster');
  await page.evaluate(() => window.__speech.boundary(2));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__speech.log.at(-1).rate === 1.25);
  assert.equal(await page.evaluate(() => window.__speech.current), title.slice(8));
  assert.match(await page.textContent('.listen-rate'), /1\.25×$/);
  // Next paragraph, previous paragraph.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'next');
  await page.keyboard.press('Enter');
  const first = await nextSpoken(page, title.slice(8));
  assert.ok(first.startsWith('这里，是一座生态宜居的魅力之城'), first);
  await page.keyboard.press('Enter');
  const second = await nextSpoken(page, first);
  assert.ok(second.startsWith('在汝州如火如荼的建设大潮中'), second);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'previous');
  await page.keyboard.press('Enter');
  assert.equal(await nextSpoken(page, second), first);
  // Stop: silence, no highlight, the focus back on the start button.
  for (let i = 0; i < 6 && (await focused()) !== 'stop'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.listen').dataset.play === 'stopped');
  await page.waitForFunction(() => document.activeElement?.classList.contains('listen-start'));
  assert.equal(await page.evaluate(() => window.__speech.current), null);
  assert.equal(await now(page), null, 'no highlight');
  assert.equal(await page.isVisible('.listen-bar'), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('speech the platform stops in the background (iOS) goes on from that sentence', async () => {
  for (const hiddenStops of [true, false]) {
    const { context, page, problems } = await standIn({}, { manual: true, hiddenStops });
    await page.click('.listen-start');
    let spoken = await nextSpoken(page, null);
    await page.evaluate(() => window.__speech.end());
    spoken = await nextSpoken(page, spoken);
    await page.evaluate(() => window.__speech.boundary(8));
    const spokenBefore = await page.evaluate(() => window.__speech.log.length);
    // The page is hidden, then shown again (headless Chromium keeps every tab visible: the
    // platform's part is played here, as a phone's would be).
    const visibility = (hidden) => page.evaluate((hidden) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await visibility(true);
    await page.waitForTimeout(300);
    await visibility(false);
    await page.waitForTimeout(300);
    const log = await page.evaluate(() => window.__speech.log.map((u) => u.text));
    if (hiddenStops) {
      assert.deepEqual(log.slice(spokenBefore), [spoken], 'the interrupted sentence again, from its start');
      assert.equal(await page.evaluate(() => window.__speech.current), spoken);
      assert.equal((await now(page)).play, 'playing');
    } else {
      assert.equal(log.length, spokenBefore, 'speech that went on in the background is left alone');
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('without the CSS Custom Highlight API the block being read is marked instead', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watch(page, [server.origin]);
  await page.addInitScript(() => {
    window.__speechConfig = { manual: true };
    Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });
  });
  await page.goto(server.url + 'listen.html');
  await page.click('.listen-start');
  const title = await nextSpoken(page, null);
  const r = await now(page);
  assert.equal(r.api, false);
  assert.ok(r.marked && r.text === title, 'the title is marked as being read');
  await page.click('[data-listen="next"]');
  await nextSpoken(page, title);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.listen-reading').length), 1, 'one block marked');
  await page.click('[data-listen="stop"]');
  await page.waitForFunction(() => !document.querySelector('.listen-reading'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the control waits in its place: showing it, or the note, changes no layout', async () => {
  const boxes = (page) => page.evaluate(() => ['.masthead', '.listen', '.section-nav', '.story-section > p']
    .map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return [s, r.x, r.y, r.width, r.height].map((v) => (typeof v === 'number' ? Math.round(v) : v)); }));
  let context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  let page = await context.newPage();
  await page.goto(server.url + 'listen.html');
  const before = await boxes(page);
  assert.equal(await page.isVisible('.listen-start'), false, 'nothing to press without the app');
  await context.close();
  for (const voices of [undefined, [{ name: 'English', lang: 'en-US', localService: true, default: true }]]) {
    ({ context, page } = await standIn({}, voices ? { voices } : {}));
    await page.waitForSelector(`.listen[data-voice="${voices ? 'missing' : 'found'}"]`);
    assert.deepEqual(await boxes(page), before, voices ? 'with the note' : 'with the button');
    await context.close();
  }
});

test('axe-core finds no violations with the control, and while reading, in light and dark mode', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await standIn({ colorScheme, reducedMotion: 'reduce', bypassCSP: true }, { manual: true });
    await page.waitForSelector('.listen[data-voice="found"]');
    await page.addScriptTag({ path: AXE });
    const axe = () => page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
      .then(({ violations }) => violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`));
    assert.deepEqual(await axe(), [], `${colorScheme}, ready`);
    await page.click('.listen-start');
    await nextSpoken(page, null);
    await page.evaluate(() => window.__speech.end());
    await page.click('[data-listen="next"]');
    await page.click('[data-listen="next"]');
    await page.waitForFunction(() => window.__speech.current);
    assert.deepEqual(await axe(), [], `${colorScheme}, reading`);
    await page.click('[data-listen="toggle"]');
    await page.waitForFunction(() => document.querySelector('.listen').dataset.play === 'paused');
    assert.deepEqual(await axe(), [], `${colorScheme}, paused`);
    await context.close();
  }
});

// The three engines, through WebDriver: a reader clicks through the controls.
const engines = (process.env.ENGINES || Object.keys(ENGINES).join(',')).split(',');
for (const engine of engines) {
  test(`${engine}: read-aloud with the stand-in: start, highlight in view, scenes follow, pause, skip, stop`, async () => {
    const page = await open(engine);
    try {
      await page.get(server.url + 'listen.html');
      await page.setViewport(390, 844);
      await page.until('the read-aloud control', 20000, () => document.querySelector('.listen')?.dataset.voice === 'found');
      await page.run(() => {
        window.__speech.config.manual = true;
        window.__errors = [];
        addEventListener('error', (e) => window.__errors.push(String(e.message)));
        addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
      });
      const state = () => page.run(reading);
      await page.click('.listen-start');
      await page.until('the title to be read', 5000, () => window.__speech.current === '汝州市产业集聚区：一座新城的崛起');
      let r = await state();
      assert.equal(r.text, '汝州市产业集聚区：一座新城的崛起');
      assert.ok(r.marked, 'its block is marked');
      // Skip to the first scene's steps, then read on: the step is brought into view (smoothly) and
      // the scene follows.
      for (let i = 0; i < 12 && (await state()).step === null; i++) {
        await page.click('[data-listen="next"]');
        await new Promise((ok) => setTimeout(ok, 150));
      }
      await page.run(() => window.__speech.end());
      await page.until('the scene to show the step being read', 5000, () => {
        const step = document.querySelector('.listen-reading')?.closest('.step');
        return step && Number(step.closest('.scene').dataset.step) === [...step.parentElement.children].indexOf(step);
      });
      await new Promise((ok) => setTimeout(ok, 800));
      r = await state();
      assert.equal(r.text, r.spoken, 'the highlight is the sentence heard');
      assert.ok(r.top >= r.band[0] - 1 && r.bottom <= r.band[1] + 1, `out of view: ${JSON.stringify(r)}`);
      // Pause, resume, stop.
      await page.click('[data-listen="toggle"]');
      await page.until('paused', 3000, () => document.querySelector('.listen').dataset.play === 'paused' && !window.__speech.current);
      await page.click('[data-listen="toggle"]');
      await page.until('resumed', 3000, () => document.querySelector('.listen').dataset.play === 'playing' && window.__speech.current);
      await page.click('[data-listen="stop"]');
      await page.until('stopped', 3000, () => document.querySelector('.listen').dataset.play === 'stopped' && !window.__speech.current);
      assert.equal(await state(), null, 'no highlight');
      assert.deepEqual(await page.run(() => window.__errors), []);
    } finally {
      await page.close();
    }
  });
}

/** Environment for a browser that speaks through speech-dispatcher, with its audio sent to ALSA's
 *  null device (a test machine has no sound card and no sound server; the default output, PulseAudio,
 *  would leave every utterance hanging after its start). */
async function speechDispatcherEnv() {
  const dir = await mkdtemp(join(tmpdir(), 'speechd-'));
  await mkdir(join(dir, 'config/speech-dispatcher'), { recursive: true });
  await mkdir(join(dir, 'run'), { mode: 0o700 });
  await writeFile(join(dir, 'config/speech-dispatcher/speechd.conf'), 'AudioOutputMethod "alsa"\nAudioALSADevice "null"\n');
  return { XDG_CONFIG_HOME: join(dir, 'config'), XDG_RUNTIME_DIR: join(dir, 'run') };
}

const NO_VOICE = 'no Chinese voice here (scripts/setup.sh installs speech-dispatcher and espeak-ng, whose Mandarin voice `cmn` is one)';

/** With a real voice: the title is read, then the engine's end events carry the reading on from block
 *  to block (each block marked in turn, recorded as it happens: a voice with nowhere to play can finish
 *  a sentence faster than a test could look). */
async function readsWithARealVoice(t, { run, click }) {
  const voice = await run(() => document.querySelector('.listen').dataset.voice);
  if (voice !== 'found') return t.skip(NO_VOICE);
  await run(() => {
    window.__marked = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.classList.contains('listen-reading')) window.__marked.push(r.target.textContent.slice(0, 12));
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await click('.listen-start');
  let marked = [];
  for (const end = Date.now() + 30000; Date.now() < end && marked.length < 4; await new Promise((ok) => setTimeout(ok, 100))) {
    marked = await run(() => window.__marked);
  }
  assert.equal(marked[0], '汝州市产业集聚区：一座新城的崛起'.slice(0, 12), 'the title first');
  assert.ok(marked.length >= 4, `the reading did not go on: ${JSON.stringify(marked)}`);
  await click('[data-listen="stop"]');
}

test('a real voice: Chromium with speech-dispatcher', async (t) => {
  const real = await launch({
    args: ['--enable-speech-dispatcher'],
    env: { ...process.env, ...(await speechDispatcherEnv()) },
  });
  try {
    const page = await (await real.newContext(PHONE)).newPage();
    const problems = watch(page, [server.origin]);
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('.listen')?.dataset.voice !== 'checking', null, { timeout: 20000 });
    await readsWithARealVoice(t, { run: (fn) => page.evaluate(fn), click: (s) => page.click(s) });
    assert.deepEqual(problems, []);
  } finally {
    await real.close();
  }
});

test('a real voice: Firefox with speech-dispatcher', { skip: !engines.includes('firefox') && 'ENGINES leaves Firefox out' }, async (t) => {
  const page = await open('firefox', { env: await speechDispatcherEnv() });
  try {
    await page.get(server.url);
    await page.until('the voices', 20000, () => document.querySelector('.listen')?.dataset.voice !== 'checking');
    await readsWithARealVoice(t, { run: (fn) => page.run(fn), click: (s) => page.click(s) });
  } finally {
    await page.close();
  }
});
