// The host demo (examples/host-demo) in headless Chromium, on the package installed from its
// .tgz: the page loads under its strict Content-Security-Policy with nothing but its own
// origin, draws the office's plan, and the heatmap on its canvas is the package's coverage
// grid, read back pixel by pixel; routes are summed up as the package routes them; moving an
// access point is an edit that Undo takes back to the same pixels.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { Project } from 'tailplan';

import { startDemoServer } from '../../examples/host-demo/serve.mjs';
import { colour } from '../../examples/host-demo/ramp.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const PKG = dirname(require.resolve('tailplan/package.json'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let browser;
before(async () => {
  server = await startDemoServer({ pkg: PKG });
  browser = await chromium.launch({
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
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on the demo, recording everything that goes wrong. */
async function openDemo() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // Generous: the machine running these is small and shared.
  page.setDefaultTimeout(90_000);
  const log = { errors: [], foreign: [], failed: [] };
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('requestfailed', (r) => log.failed.push(r.url()));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== server.origin) log.foreign.push(r.url());
  });
  await page.goto(server.url);
  await page.waitForSelector('#plan[data-ready="true"]');
  return { context, page, log };
}

/** The canvas's view (`scale ox oy`) and floor. */
async function view(page) {
  const canvas = page.locator('#plan');
  const [scale, ox, oy] = (await canvas.getAttribute('data-view')).split(' ').map(Number);
  return { scale, ox, oy, floor: await canvas.getAttribute('data-floor') };
}

/** The canvas pixels at the centres of every cell of `map`: [r, g, b, a] each. */
async function cellPixels(page, map, v) {
  const points = [];
  for (let r = 0; r < map.rows; r++) {
    for (let c = 0; c < map.cols; c++) {
      const x = map.origin[0] + (c + 0.5) * map.cell_m;
      const y = map.origin[1] + (r + 0.5) * map.cell_m;
      points.push([Math.floor(v.ox + x * v.scale), Math.floor(v.oy - y * v.scale)]);
    }
  }
  return page.evaluate((points) => {
    const canvas = document.getElementById('plan');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return points.map(([x, y]) => Array.from(data.slice((y * canvas.width + x) * 4, (y * canvas.width + x) * 4 + 4)));
  }, points);
}

test('the host demo draws the package’s heatmap, pixel for pixel', async (t) => {
  const { context, page, log } = await openDemo();
  const v = await view(page);
  assert.equal(await page.locator('#plan').getAttribute('data-cells') !== '0', true, 'a heatmap is drawn');

  // The same floor's map, from the package in Node.
  const office = Project.fromJSON(readFileSync(join(HERE, '../../floorplans/office.tailplan.json'), 'utf8'));
  const map = office.coverage({ floor: v.floor });
  const pixels = await cellPixels(page, map, v);
  let coloured = 0;
  let same = 0;
  map.best_rssi_dbm.forEach((dbm, i) => {
    const want = colour(dbm);
    if (!want) return;
    coloured++;
    const [r, g, b, a] = pixels[i];
    if (r === want[0] && g === want[1] && b === want[2] && a === 255) same++;
  });
  assert.ok(coloured > 10_000, `${coloured} cells with a signal`);
  // Walls, trays, routes and equipment are drawn over some cell centres; the rest show the
  // colour of exactly the package's value.
  t.diagnostic(`${same} of ${coloured} cell centres show their value's colour`);
  assert.ok(same / coloured > 0.75, `${same} of ${coloured} cell centres show their value's colour`);

  // The routes: the summary the package gives.
  const routed = office.route();
  const summary = await page.locator('#route-summary').innerText();
  assert.match(summary, new RegExp(`^${routed.summary.cables} of ${routed.summary.endpoints} cables routed`));
  assert.equal(await page.locator('#schedule tbody tr').count(), 12);

  assert.deepEqual(log, { errors: [], foreign: [], failed: [] });
  office.free();
  await context.close();
});

test('moving an access point is an edit; Undo gives the same pixels back', async (t) => {
  const { context, page, log } = await openDemo();
  const v = await view(page);
  const office = Project.fromJSON(readFileSync(join(HERE, '../../floorplans/office.tailplan.json'), 'utf8'));
  const map = office.coverage({ floor: v.floor });
  const before = await cellPixels(page, map, v);

  const box = await page.locator('#plan').boundingBox();
  const size = await page.evaluate(() => [document.getElementById('plan').width, document.getElementById('plan').height]);
  const toPage = ([x, y]) => ({
    x: box.x + ((v.ox + x * v.scale) * box.width) / size[0],
    y: box.y + ((v.oy - y * v.scale) * box.height) / size[1],
  });
  const ap = office.floor(v.floor).access_points[0];
  let p = toPage(ap.position);
  await page.mouse.click(p.x, p.y);
  p = toPage([ap.position[0] + 6, ap.position[1] + 3]);
  await page.mouse.click(p.x, p.y);
  await page.waitForSelector('#undo:not([disabled])');
  const moved = await cellPixels(page, map, v);
  const changed = moved.filter((px, i) => px.join() !== before[i].join()).length;
  t.diagnostic(`${changed} cells changed colour`);
  assert.ok(changed > 50, `${changed} cells changed colour`);

  await page.locator('#undo').click();
  await page.waitForSelector('#undo[disabled]');
  assert.deepEqual(await cellPixels(page, map, v), before);

  // The cabling sheet downloads as SVG.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#sheet').click()]);
  assert.match(download.suggestedFilename(), /^cabling-.*\.svg$/);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.ok(svg.startsWith('<?xml') && svg.includes('<svg'), 'an SVG');

  assert.deepEqual(log, { errors: [], foreign: [], failed: [] });
  office.free();
  await context.close();
});

test('a bad file shows the library’s message; the page keeps working', async () => {
  const { context, page, log } = await openDemo();
  await page.locator('#file').setInputFiles({ name: 'plan.dwg', mimeType: 'application/octet-stream', buffer: Buffer.from('AC1032\0\0\0\0 a DWG') });
  await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
  assert.match(await page.locator('#status').innerText(), /^plan\.dwg: not UTF-8 text: this is a binary AutoCAD DWG/);
  await page.locator('#file').setInputFiles(join(HERE, '../../floorplans/office-wing.dxf'));
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('office-wing.dxf'));
  assert.deepEqual(log, { errors: [], foreign: [], failed: [] });
  await context.close();
});
