// The reference pages `make bench` measures the story against, made from the built page itself so
// that they carry the same article:
//  - the article as bare HTML: its title, byline, headings, paragraphs and captions, in reading
//    order, with a few lines of CSS and no script (the best this content can do: the limit);
//  - the story's own HTML with its scripts removed (what the markup and stylesheet cost alone);
//  - a peer: the story's HTML with countUp.js counting each figure when it scrolls into view and
//    scrollama stepping each scene (the usual vanilla-JS build of such a page).
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { TYPES } from '../e2e/harness.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The text of an HTML fragment: tags dropped, entities of the escaper undone, what only screen
 *  readers read (`sr-only`) and the drawings' markup left out by the caller. */
function text(html) {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article as bare HTML, from the served page: every heading, paragraph (scene steps too) and
 *  caption in reading order. */
export function bareArticle(index) {
  // The article's paragraphs are plain <p>s (the graphics' words have classes), its headings
  // <h1>/<h2>, the photos' captions <figcaption>s; what only screen readers read is left out.
  const body = index.slice(index.indexOf('<main'), index.lastIndexOf('</main>'))
    .replace(/<span class="sr-only">[\s\S]*?<\/span>/g, '');
  const blocks = [...body.matchAll(/<(h1|h2|p|figcaption)(?: (?:id|class="byline|class="story-caption)[^>]*)?>([\s\S]*?)<\/\1>/g)]
    .map(([, tag, inner]) => [tag === 'figcaption' ? 'p' : tag, text(inner)])
    .filter(([, t]) => t);
  const title = text(/<title>([\s\S]*?)<\/title>/.exec(index)?.[1] ?? '');
  const lines = blocks.map(([tag, t]) => `<${tag}>${escape(t)}</${tag}>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{margin:0 auto;max-width:40em;padding:0 1.25rem;font-family:sans-serif;font-size:1.0625rem;line-height:1.8}</style>
</head><body><main>
${lines}
</main></body></html>`;
}

/** The served page with every script and preload removed. */
export function withoutScripts(index) {
  const page = index
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link[^>]*rel="?(modulepreload|preload)[^>]*>/g, '');
  if (!/<style>/.test(page) || /<script|<link[^>]*stylesheet/.test(page)) throw new Error('the page without scripts still has some');
  return page;
}

/** The countUp.js + scrollama peer: the page without its scripts, plus theirs (served from
 *  `/peer/`, see `peerFiles`). */
export function peer(index) {
  return withoutScripts(index)
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace('</body>', '<script src="/peer/countUp.umd.js"></script><script src="/peer/scrollama.min.js"></script><script src="/peer/peer.js"></script></body>');
}

/** The peer's scripts, by path. */
export const peerFiles = {
  '/peer/countUp.umd.js': readFileSync(join(HERE, 'node_modules/countup.js/dist/countUp.umd.js')),
  '/peer/scrollama.min.js': readFileSync(join(HERE, 'node_modules/scrollama/build/scrollama.min.js')),
  // Each figure counts with countUp.js when it scrolls into view (its scroll spy); each scene's
  // state follows scrollama's step (the last state for the steps after it).
  '/peer/peer.js': Buffer.from(`
for (const num of document.querySelectorAll('[data-counter] .num')) {
  const final = num.dataset.final;
  const decimals = (final.split('.')[1] || '').length;
  new countUp.CountUp(num, parseFloat(final), { decimalPlaces: decimals, separator: '', enableScrollSpy: true, scrollSpyOnce: true });
}
for (const scene of document.querySelectorAll('.scene')) {
  const shown = [...scene.querySelectorAll('[data-show]')].flatMap((e) => e.dataset.show.split(' ').map(Number));
  const last = Math.max(0, ...shown);
  scrollama().setup({ step: [...scene.querySelectorAll('.step')], offset: 0.6 })
    .onStepEnter(({ index }) => { scene.dataset.at = String(Math.min(index, last)); });
}
`),
};

/** The response headers of the story and its reference pages, as a function of the path: the
 *  story's policy `csp` on every page but the peer's (its libraries write innerHTML, which the
 *  policy's Trusted Types forbid: they would throw, and the peer would do nothing while read),
 *  and `extra` on all. */
export function referenceHeaders(csp, extra = {}) {
  return (path) => ({ ...(path === '/peer.html' ? {} : { 'content-security-policy': csp }), ...extra });
}

/** The reference pages made from the served page `index`, with the peer's scripts, as the routes of
 *  the harness's `serve` (path → [type, body, brotli body]): compressed once, before any is
 *  measured, as a web server serves the build's precompressed files. */
export function references(index) {
  const compress = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return Object.fromEntries(Object.entries({
    '/article.html': bareArticle(index),
    '/static.html': withoutScripts(index),
    '/peer.html': peer(index),
    ...peerFiles,
  }).map(([path, body]) => [path, [TYPES[extname(path)] ?? 'application/octet-stream', Buffer.from(body), compress(body)]]));
}
