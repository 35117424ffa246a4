// What every end-to-end test file shares: the server, the browser, a fresh editor page that
// records everything that goes wrong, and helpers that do what a user does on the plan.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { DEFAULT_ROOT, startServer } from './server.mjs';

export const HERE = fileURLToPath(new URL('.', import.meta.url));
export const DIST = resolve(process.env.TAILPLAN_DIST ?? DEFAULT_ROOT);
export const SCREENSHOTS = join(HERE, 'screenshots');
export const FIXTURES = join(HERE, 'fixtures');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const READY = '[data-testid="plan-canvas"][data-ready="true"]';
export const VIEWPORT = { width: 1440, height: 900 };

/** Starts the server on dist/ and the browser. */
export async function startAll() {
  assert.ok(
    existsSync(join(DIST, 'index.html')),
    `${DIST}/index.html is missing: build the editor first (trunk build --release --offline)`,
  );
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startServer({ root: DIST });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return { server, browser };
}

/** The test file's server and browser, set by {@link startForFile} (live bindings: a file
 * that imports them sees them once its `before` hook has run). */
export let server;
export let browser;

/** Starts the server and the browser before the test file's tests, and closes both after. */
export function startForFile() {
  before(async () => {
    ({ server, browser } = await startAll());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Starts the test file's server again on `port`, after a test has closed it. */
export async function restartServer(port) {
  server = await startServer({ root: DIST, port });
}

/** Records console errors, uncaught exceptions, failed and foreign requests of a page. */
export function watch(page, server, log = newLog()) {
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    log.requests.push(r.url());
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== server.origin) {
      log.foreign.push(r.url());
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) log.httpErrors.push(`${r.status()} ${r.url()}`);
  });
  return log;
}

export function newLog() {
  return { consoleErrors: [], pageErrors: [], failed: [], httpErrors: [], foreign: [], requests: [] };
}

/** A fresh browser context (its own storage) with the editor open in it. */
export async function openEditor(browser, server, { route, deviceScaleFactor = 1, acceptDownloads = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor, acceptDownloads });
  const page = await context.newPage();
  // Generous: the machine running these is small and shared (2 cores).
  page.setDefaultTimeout(60_000);
  const log = watch(page, server);
  if (route) await route(page);
  await page.goto(server.url);
  return { context, page, log };
}

export function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'uncaught exceptions (a Rust panic shows here)');
  assert.deepEqual(log.consoleErrors, [], 'console errors');
  assert.deepEqual(log.failed, [], 'failed requests');
  assert.deepEqual(log.httpErrors, [], 'HTTP errors');
  assert.deepEqual(log.foreign, [], 'requests to other origins');
}

/** Waits for the browser to paint once more. */
export const nextFrame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));

/** The page position of the world point (x, y) metres, from the canvas's `data-view`. */
export async function screenOf(page, x, y) {
  const canvas = page.getByTestId('plan-canvas');
  const [view, box] = await Promise.all([canvas.getAttribute('data-view'), canvas.boundingBox()]);
  const [scale, ox, oy] = view.split(' ').map(Number);
  return { x: box.x + ox + x * scale, y: box.y + oy - y * scale };
}

/** Clicks the world point (x, y). */
export async function clickAt(page, x, y, options = {}) {
  const p = await screenOf(page, x, y);
  await page.mouse.move(p.x, p.y);
  await page.mouse.click(p.x, p.y, options);
}

/** Waits until the project on screen is kept in the browser. */
export async function waitKept(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="save-status"]');
    return s && s.dataset.state === 'saved' && s.dataset.key === s.dataset.savedKey;
  });
}

/** The counts in the status bar by singular name: { wall: 64, AP: 2, 'cable route': 1 }. */
export async function counts(page) {
  const text = await page.getByTestId('status-counts').innerText();
  return Object.fromEntries(
    [...text.matchAll(/(\d+) ([A-Za-z ]+?)(?= ·|$)/g)].map(([, n, what]) => [what.trim().replace(/s$/, ''), Number(n)]),
  );
}

/**
 * Waits until the project name is no longer `before`; when the editor asks whether to
 * replace a project with unsaved changes, answers `answer` (a confirm-* test id) first.
 */
export async function waitReplaced(page, before, answer = 'confirm-discard') {
  await page.waitForFunction(
    (b) =>
      document.querySelector('[data-testid="confirm-dialog"]') ||
      document.querySelector('[data-testid="project-name"]').innerText !== b,
    before,
  );
  if ((await page.getByTestId('confirm-dialog').count()) > 0) {
    await page.getByTestId(answer).click();
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="project-name"]').innerText !== b,
      before,
      );
  }
  await page.waitForSelector(READY);
}

/** Opens a sample from the sample menu and waits for it. */
export async function openSample(page, key) {
  const before = await page.getByTestId('project-name').innerText();
  await page.getByTestId('sample-menu').click();
  await page.getByTestId(`sample-${key}`).click();
  await waitReplaced(page, before);
}
