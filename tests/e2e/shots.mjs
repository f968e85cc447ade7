// Screenshots for a reader's look at the built page (not a test):
//   [STORY=<name>] [TEXT=<px>] node tests/e2e/shots.mjs [out-dir] [scenes]
// phone/desktop × light/dark: the top and a few scroll positions; with `scenes`, every state of
// every scene instead (each step scrolled to the trigger line, as a reader reaches it). STORY: a
// story in dist/ (the root story by default). TEXT: the reader's text size in px (32: 200 %; the
// browsers' default is 16), the files named with it (`phone-200-top.png`).
import { serve, launch, setTextSize, DIST, PHONE, DESKTOP, STORIES, ROOT_STORY } from './harness.mjs';

const out = process.argv[2] || '/tmp';
const scenesOnly = process.argv[3] === 'scenes';
const story = STORIES.find((s) => s.name === (process.env.STORY || ROOT_STORY));
if (!story) throw new Error(`no story ${process.env.STORY} in dist/`);
const text = Number(process.env.TEXT || 16);
const suffix = text === 16 ? '' : `-${Math.round((text * 100) / 16)}`;
const server = await serve(DIST);
const browser = await launch();
const shots = [
  ['phone', PHONE, 'light'],
  ['phone-dark', PHONE, 'dark'],
  ['desktop', DESKTOP, 'light'],
  ['desktop-dark', DESKTOP, 'dark'],
];
for (const [name, device, colorScheme] of shots) {
  const context = await browser.newContext({ ...device, colorScheme });
  const page = await context.newPage();
  if (text !== 16) await setTextSize(context, page, text);
  await page.goto(server.url + story.path);
  await page.waitForTimeout(1500);
  if (scenesOnly) {
    const steps = await page.$$eval('.step', (els) => els.map((e) => e.id));
    for (const id of steps) {
      await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'start', behavior: 'instant' }), id);
      await page.waitForTimeout(900);
      await page.screenshot({ path: `${out}/${name}${suffix}-${id}.png` });
    }
  } else {
    await page.screenshot({ path: `${out}/${name}${suffix}-top.png` });
    for (const y of [1, 2, 3]) {
      await page.evaluate((y) => window.scrollTo(0, y * document.documentElement.scrollHeight / 4), y);
      await page.waitForTimeout(2800);
      await page.screenshot({ path: `${out}/${name}${suffix}-${y}.png` });
    }
  }
  await context.close();
}
await browser.close();
await server.close();
console.log(`screenshots of ${story.name} in ${out}`);
