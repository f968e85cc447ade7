// A minimal W3C WebDriver client, so that one reader-path test runs the same way in every engine:
// Blink (Debian's chromedriver + chromium), Gecko (geckodriver from crates.io + Debian's Firefox ESR)
// and WebKit (Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser, on a virtual display from
// xvfb-run). Nothing is downloaded: scripts/setup.sh installs the drivers.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

const MINIBROWSER = (() => {
  try {
    return execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })
      .split('\n').find((l) => l.endsWith('/MiniBrowser'));
  } catch { return undefined; }
})();
const GECKODRIVER = [join(homedir(), '.cargo/bin/geckodriver'), '/usr/local/bin/geckodriver'].find(existsSync) ?? 'geckodriver';

/** How to start each engine's driver, and the capabilities of a phone-sized session. */
export const ENGINES = {
  chromium: {
    driver: (port) => ['chromedriver', [`--port=${port}`]],
    capabilities: { browserName: 'chrome', 'goog:chromeOptions': { binary: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=390,844'] } },
  },
  firefox: {
    driver: (port) => [GECKODRIVER, ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] } },
  },
  webkit: {
    // MiniBrowser needs a display: xvfb-run gives it one. `--automation` lets the driver control it.
    driver: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
  },
};

const freePort = () => new Promise((ok) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Starts `engine`'s driver (with `env` added to its environment, which the browser inherits) and
 *  opens a session; `close()` ends both. */
export async function open(engine, { env = {} } = {}) {
  const spec = ENGINES[engine];
  const port = await freePort();
  const [cmd, args] = spec.driver(port);
  // Its own process group, so that closing also ends what xvfb-run started.
  const proc = spawn(cmd, args, { stdio: 'ignore', detached: true, env: { ...process.env, ...env } });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${engine} ${method} ${path}: ${json.value?.message ?? res.status}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try { if ((await call('GET', '/status')).ready !== false) break; } catch (e) { if (i > 100) throw e; }
    await sleep(100);
  }
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: spec.capabilities } });
  const s = `/session/${sessionId}`;
  /** The WebDriver id of the first element matching the CSS `selector`. */
  const find = async (selector) => {
    const found = await call('POST', `${s}/element`, { using: 'css selector', value: selector });
    return found['element-6066-11e4-a52e-4a6c3a1e4ab0'] ?? Object.values(found)[0];
  };
  const session = {
    engine,
    get: (url) => call('POST', `${s}/url`, { url }),
    /** Runs `fn(...args)` in the page and returns its result. */
    run: (fn, ...args) => call('POST', `${s}/execute/sync`, { script: `return (${fn})(...arguments);`, args }),
    /** Sizes the window so that the page's viewport is `width` × `height` (browser chrome differs
     *  by engine: measured, then corrected). Returns the viewport reached. */
    async setViewport(width, height) {
      for (let i = 0; i < 3; i++) {
        const [w, h, ow, oh] = await session.run(() => [innerWidth, innerHeight, outerWidth, outerHeight]);
        if (w === width && h === height) break;
        await call('POST', `${s}/window/rect`, { width: ow + width - w, height: oh + height - h });
      }
      return session.run(() => [innerWidth, innerHeight]);
    },
    /** Clicks the first element matching the CSS `selector`, as a reader would (a user activation). */
    async click(selector) {
      await call('POST', `${s}/element/${await find(selector)}/click`, {});
    },
    /** Sends `keys` (WebDriver key codes: '\uE007' Enter, '\uE00D' Space) to the element `selector`
     *  finds, focused as a keyboard reader would focus it. */
    async press(selector, keys) {
      await call('POST', `${s}/element/${await find(selector)}/value`, { text: keys });
    },
    /** Waits until `fn(...args)` is truthy in the page. */
    async until(what, ms, fn, ...args) {
      for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
        if (await session.run(fn, ...args)) return;
      }
      throw new Error(`${engine}: timed out after ${ms} ms waiting for ${what}`);
    },
    async close() {
      await call('DELETE', s).catch(() => {});
      try { process.kill(-proc.pid, 'SIGTERM'); } catch {}
    },
  };
  return session;
}
