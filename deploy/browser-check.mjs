// Opens the editor served by nginx (deploy/test.sh) in headless Chromium and fails on any
// console error, uncaught exception, Content-Security-Policy violation, failed or foreign
// request, or HTTP error; checks that the page, its worker and its service worker start.
//   node deploy/browser-check.mjs http://127.0.0.1:PORT/
// playwright-core comes from tests/e2e/node_modules (its package-lock.json), the browser is
// Debian's chromium.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const url = process.argv[2];
assert.ok(url, 'usage: node deploy/browser-check.mjs URL');
const origin = new URL(url).origin;
const READY = '[data-testid="plan-canvas"][data-ready="true"]';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Every CSP violation the page (or its worker, through the console) reports.
  await context.addInitScript(() => {
    self.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Permissions.Policy/i.test(m.text())) {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e}`));
  context.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) problems.push(`foreign request: ${r.url()}`);
  });
  const fetched = new Set();
  context.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    else fetched.add(new URL(r.url()).pathname);
  });
  const workers = [];
  page.on('worker', (w) => {
    workers.push(w);
    w.on('console', (m) => {
      if (m.type() === 'error') problems.push(`worker ${w.url()} console error: ${m.text()}`);
    });
  });

  const started = Date.now();
  const response = await page.goto(url);
  assert.equal(response.status(), 200, 'the page');
  assert.match(response.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/, 'the CSP header');
  await page.waitForSelector(READY, { timeout: 30_000 });
  const readyMs = Date.now() - started;
  // The service worker (sw.js, under the header's policy) installs and takes the page.
  const sw = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return 'no service worker support';
    const reg = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise((ok) => setTimeout(() => ok(null), 30_000)),
    ]);
    return reg?.active ? 'active' : 'not active after 30 s';
  });
  assert.equal(sw, 'active', 'the service worker');
  // Once more, from the browser's cache and the service worker: still clean.
  await page.reload();
  await page.waitForSelector(READY, { timeout: 30_000 });
  // Let late messages (the worker's start, the service worker) come in.
  await page.waitForTimeout(1500);
  console.log(`browser-check: the editor is ready ${readyMs} ms after navigation; service worker ${sw}`);
  // The page's workers run under the header's policy (the loader's response carries it):
  // each may compile wasm ('wasm-unsafe-eval') and fetched its own.
  const workerState = [];
  for (const w of workers) {
    const state = await w
      .evaluate(async () => {
        try {
          await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        } catch (e) {
          return `wasm refused: ${e.message}`;
        }
        const t0 = Date.now();
        while (!performance.getEntriesByType('resource').some((e) => e.name.endsWith('_bg.wasm'))) {
          if (Date.now() - t0 > 20_000) return 'its wasm was not fetched';
          await new Promise((ok) => setTimeout(ok, 100));
        }
        return 'ok';
      })
      .catch(() => 'gone');
    if (state !== 'ok' && state !== 'gone') problems.push(`worker ${w.url()}: ${state}`);
    workerState.push(`${new URL(w.url()).pathname} (${state})`);
  }
  if (workers.length && !workerState.some((s) => s.endsWith('(ok)'))) problems.push('no worker left running');
  console.log(`browser-check: workers ${workerState.join(', ') || 'none'}`);
} catch (e) {
  problems.push(String(e.message ?? e).split('\n')[0]);
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(`browser-check: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('browser-check: no console error, no CSP violation, no failed or foreign request');
