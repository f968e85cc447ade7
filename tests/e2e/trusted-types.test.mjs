// The release build under Trusted Types (`require-trusted-types-for 'script'`, sent as a
// report-only policy beside the page's own, so that a break is reported, not caused): a reader's
// whole path through the page and through the story embedded both ways uses no string-to-script
// sink (innerHTML, script URLs, eval and the like) that the policy would refuse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watch, scrollThrough, settled, DIST, ROOT, CSP, PHONE } from './harness.mjs';
import { hostPages, frameOf, fits, PYM_JS, PYM_PATH } from './hosts.mjs';

const BASE = '/news/2026/ruzhou/';
const HTML = 'text/html; charset=utf-8';
const REPORT_ONLY = "require-trusted-types-for 'script'";
let story, host, browser;

before(async () => {
  story = await serve(DIST, { base: BASE, headers: { 'content-security-policy': CSP, 'content-security-policy-report-only': REPORT_ONLY } });
  const { snippets, page } = await hostPages(story);
  host = await serve(join(ROOT, 'tests/e2e/host'), {
    routes: {
      '/pym.html': [HTML, page(snippets.pym)],
      '/plain.html': [HTML, page(snippets.plain)],
      [PYM_PATH]: ['text/javascript', await readFile(PYM_JS)],
      '/favicon.ico': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await story?.close(); await host?.close(); });

/** Records every CSP violation (reported or enforced) in every frame of `page`, and the app's start. */
async function recordViolations(page) {
  const violations = [];
  await page.exposeFunction('__violation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__violation(
      `${location.pathname}: ${e.disposition} ${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
    addEventListener('TrunkApplicationStarted', () => { window.__started = true; });
  });
  return violations;
}

test('the page under Trusted Types: load, a full scroll, replay, a deep link and a resize report no violation', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watch(page, [story.origin]);
  const violations = await recordViolations(page);
  const response = await page.goto(story.url);
  assert.equal(response.headers()['content-security-policy-report-only'], REPORT_ONLY);
  await page.waitForFunction(() => window.__started, null, { timeout: 10000 });
  await scrollThrough(page);
  await settled(page);
  await page.click('.replay');
  await settled(page);
  await page.goto(`${story.url}#financing-4`);
  await page.waitForFunction(() => document.querySelector('.scene[data-scene="financing"]')?.dataset.step === '3', null, { timeout: 10000 });
  await page.setViewportSize({ width: 844, height: 390 });
  await page.waitForTimeout(500);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const kind of ['pym', 'plain']) {
  test(`the story embedded with ${kind === 'pym' ? 'pym.js' : 'embed.js'} under Trusted Types: no violation`, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watch(page, [story.origin, host.origin]);
    const violations = await recordViolations(page);
    await page.goto(`${host.origin}/${kind}.html`);
    const { handle, frame } = await frameOf(page);
    await frame.waitForFunction(() => window.__started, null, { timeout: 10000 });
    await fits(page, handle, frame, 'after load');
    await scrollThrough(page, { step: 600, pause: 60 });
    await settled(frame);
    await frame.click('.section-nav a[href="#management"]');
    await page.waitForTimeout(500);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
