// scripts/inline-attributes.pl, which scripts/check-release.sh runs on the built pages: it finds
// every style attribute and inline event handler the way a browser's HTML parser reads the tag
// (any white space or `/` before the name, any case, `>` inside a quoted value), and nothing in
// text, comments, scripts or stylesheets; the built pages of every story have none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, STORIES } from './harness.mjs';

const SCRIPT = join(ROOT, 'scripts/inline-attributes.pl');

/** What the script reports for `file` (its lines, without the file name). */
function report(file) {
  try {
    execFileSync(SCRIPT, [file], { encoding: 'utf8' });
    return [];
  } catch (e) {
    assert.equal(e.status, 1, e.stderr);
    return e.stdout.trim().split('\n').map((l) => l.slice(file.length + 2));
  }
}

/** What the script reports for a page made of `html`. */
function found(html) {
  const dir = mkdtempSync(join(tmpdir(), 'inline-attributes-'));
  writeFileSync(join(dir, 'page.html'), html);
  try {
    return report(join(dir, 'page.html'));
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test('style attributes and inline handlers are found however the tag is written', () => {
  for (const [html, report] of [
    ['<div style="color:red">x</div>', '<div> style'],
    ['<div\tstyle="color:red">x</div>', '<div> style'],
    ['<div\nstyle="color:red">x</div>', '<div> style'],
    ['<div class="a"\r\n  STYLE = "color:red">x</div>', '<div> style'],
    ['<svg/onload=alert(1)>', '<svg> onload'],
    ['<img src=x\fonerror=alert(1)>', '<img> onerror'],
    ['<a title=">" onclick="x()">y</a>', '<a> onclick'],
    ['<p class=\'a>b\'\tOnClick=x>y</p>', '<p> onclick'],
  ]) assert.deepEqual(found(html), [report], JSON.stringify(html));
});

test('text, comments, scripts, stylesheets and look-alike attributes are not markup', () => {
  assert.deepEqual(found('<p data-style="a" title="style=x onclick=y" class=onx>style=x onclick=y</p>'
    + '<script type="module">if (a<b style=1) x("<i onclick=y>")</script><style>a::before{content:"<b style=x>"}</style>'
    + '<!-- <b onclick=x> --><title>&lt;b style=x&gt;</title><textarea><b onclick=x></textarea>'), []);
});

test('the built pages of every story have neither', () => {
  for (const story of STORIES) {
    for (const page of ['index.html', 'embed.html']) assert.deepEqual(report(join(story.dir, page)), [], `${story.name}: ${page}`);
  }
});
