// Screenshots for a reader's look at the built page (not a test):
//   node tests/e2e/shots.mjs [out-dir]   → phone/desktop, light/dark, top and a few scroll positions.
import { serve, launch, DIST } from './harness.mjs';

const out = process.argv[2] || '/tmp';
const server = await serve(DIST);
const browser = await launch();
const shots = [
  ['phone', { width: 390, height: 844 }, 'light'],
  ['phone-dark', { width: 390, height: 844 }, 'dark'],
  ['desktop', { width: 1280, height: 800 }, 'light'],
];
for (const [name, viewport, colorScheme] of shots) {
  const page = await browser.newPage({ viewport, colorScheme });
  await page.goto(server.url);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${out}/${name}-top.png` });
  for (const y of [1, 2, 3]) {
    await page.evaluate((y) => window.scrollTo(0, y * document.documentElement.scrollHeight / 4), y);
    await page.waitForTimeout(2800);
    await page.screenshot({ path: `${out}/${name}-${y}.png` });
  }
  await page.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
