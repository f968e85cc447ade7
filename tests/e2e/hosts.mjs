// The embedding tests' host pages: a news site's article page (tests/e2e/host/page.html) with one
// of the README's snippets pasted in as it is, the story's URL and origin filled in.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** pym.js as the host page loads it (its npm package, `tests/e2e/package.json`). */
export const PYM_JS = join(ROOT, 'tests/e2e/node_modules/pym.js/dist/pym.v1.min.js');
/** Where the host pages load pym.js from (in place of the README's CDN). */
export const PYM_PATH = '/pym.v1.min.js';

/** The README's snippet after `marker` (its first ```html block). */
function snippet(readme, marker) {
  const from = readme.indexOf(marker);
  assert.ok(from >= 0, `README: no ${marker}`);
  const start = readme.indexOf('```html\n', from) + 8;
  return readme.slice(start, readme.indexOf('\n```', start));
}

/**
 * The host pages for the story served at `story` ({ origin, url }, `url` ending in `/`):
 * `snippets.pym` and `snippets.plain` are the README's two snippets, filled in; `page(body, style)`
 * is the host page with `body` in it and the README's stylesheet rule (plus `style`).
 */
export async function hostPages(story) {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const rule = /`(\.ruzhou-story-frame \{[^`]*\})`/.exec(readme)[1];
  const template = await readFile(join(ROOT, 'tests/e2e/host/page.html'), 'utf8');
  const origin = '^' + story.origin.replace(/[.]/g, '\\.') + '$';
  const fill = (text) => text
    .replaceAll('STORY', story.url.slice(0, -1))
    .replaceAll('^https://story\\.example\\.com$', origin)
    .replaceAll('https://your-cdn/pym.v1.min.js', PYM_PATH.slice(1));
  return {
    snippets: { pym: fill(snippet(readme, '**With pym.js**')), plain: fill(snippet(readme, '**With embed.js')) },
    page: (body, style = '') => template.replace('STYLE', () => `${rule}\n    ${style}`).replace('SNIPPET', () => body),
  };
}

/** The story's iframe (`selector`) and its frame, once the story's counters are there. */
export async function frameOf(page, selector = 'iframe') {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('[data-counter]');
  return { handle, frame };
}

/** Waits until the iframe's height equals the story's content height (±2 px). */
export async function fits(page, handle, frame, what) {
  let iframe = 0, content = -100;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    iframe = (await handle.boundingBox()).height;
    content = await frame.evaluate(() => document.body.offsetHeight);
    if (Math.abs(iframe - content) <= 2) return content;
  }
  assert.fail(`${what}: iframe ${iframe}px, story ${content}px`);
}
