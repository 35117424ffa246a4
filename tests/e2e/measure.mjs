// Measures the editor's quality bars on the release build in dist/ (docs/editor.md, Quality bars):
//   node tests/e2e/measure.mjs
// - the initial download: every file the page fetched until the office sample is on screen
//   and interactive, each compressed with gzip -9 (what a web server sends);
// - the time from navigation to the plan being ready (data-ready) and to the first click on
//   the plan being answered (the selection shown);
// - dragging an access point on the biggest floor with the live heatmap on: frames per
//   second (requestAnimationFrame callbacks while the drag goes on), the longest frame, and
//   how many heatmap updates arrived during the drag;
// - proposing access points on the hospital sample (floorplans/hospital.geojson), timed from
//   the click to the proposal shown.
// - a campus of 10 buildings of 6 floors (tailplan-samples' campus-scale, some 30 MB): the
//   time to open it, and to switch building and floor (from the choice to the plan ready).
// Figures only: this is a measurement, not a test (speed goals live in benchmarks).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { DIST, HERE, READY, VIEWPORT, screenOf, startAll } from './harness.mjs';

const { server, browser } = await startAll();
try {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const fetched = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.origin) fetched.push(u.pathname);
  });
  // When the plan is first ready, in the page's own clock (0 = navigation start).
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      const c = document.querySelector('[data-testid="plan-canvas"][data-ready="true"]');
      if (c && window.__readyAt === undefined) {
        window.__readyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await page.goto(server.url);
  await page.waitForSelector(READY);
  const readyAt = await page.evaluate(() => window.__readyAt);

  // Interactive: a click on an access point is answered with its properties.
  const office = JSON.parse(readFileSync(join(DIST, 'office.tailplan.json'), 'utf8'));
  const shown = await page.getByTestId('floor-select').inputValue();
  const ap0 = office.floors.find((f) => f.id === shown).access_points[0];
  const p0 = await screenOf(page, ...ap0.position);
  const clickedAt = await page.evaluate(() => performance.now());
  await page.mouse.click(p0.x, p0.y);
  await page.waitForFunction((name) => document.querySelector('[data-testid="prop-name"]')?.value === name, ap0.name);
  const answeredAt = await page.evaluate(() => performance.now());

  // The download until then.
  const files = [...new Set(fetched)].filter((p) => !p.endsWith('.tailplan.json'));
  let raw = 0;
  let gz = 0;
  const rows = [];
  for (const path of files) {
    const file = join(DIST, path === '/' ? 'index.html' : decodeURIComponent(path.slice(1)));
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    const z = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += z;
    rows.push(`  ${path}: ${(bytes.length / 1024).toFixed(1)} KB, ${(z / 1024).toFixed(1)} KB gzipped`);
  }
  const samples = [...new Set(fetched)].filter((p) => p.endsWith('.tailplan.json'));
  console.log(`initial download (${files.length} files, samples apart): ${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped`);
  for (const r of rows) console.log(r);
  console.log(`  and the sample opened: ${samples.join(', ')}`);
  console.log(`plan ready ${readyAt.toFixed(0)} ms after navigation; a click answered in ${(answeredAt - clickedAt).toFixed(0)} ms`);

  // The biggest floor, its heatmap on, an access point dragged across it.
  const biggest = office.floors.reduce((a, f) => (f.walls.length > a.walls.length ? f : a));
  await page.getByTestId('floor-select').selectOption(biggest.id);
  await page.waitForSelector(`[data-testid="plan-canvas"][data-floor="${biggest.id}"]`);
  await page.getByTestId('fit-button').click();
  await page.getByTestId('layer-heatmap').click();
  await page.waitForFunction(() => / fine$/.test(document.querySelector('[data-testid="plan-canvas"]').dataset.heat || ''));
  const ap = biggest.access_points[Math.floor(biggest.access_points.length / 2)];
  await page.keyboard.press('v');
  const a = await screenOf(page, ...ap.position);
  const b = await screenOf(page, ap.position[0] + 12, ap.position[1] + 6);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.evaluate(() => {
    const w = (window.__drag = { frames: [], heats: new Set() });
    const tick = (t) => {
      w.frames.push(t);
      w.heats.add(document.querySelector('[data-testid="plan-canvas"]').dataset.heat);
      if (!w.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const steps = 120;
  for (let i = 1; i <= steps; i += 1) {
    const k = i / steps;
    await page.mouse.move(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k);
    await page.waitForTimeout(16);
  }
  const drag = await page.evaluate(() => {
    const w = window.__drag;
    w.stop = true;
    const f = w.frames;
    let longest = 0;
    for (let i = 1; i < f.length; i += 1) longest = Math.max(longest, f[i] - f[i - 1]);
    return { frames: f.length, seconds: (f[f.length - 1] - f[0]) / 1000, longest, heats: w.heats.size };
  });
  await page.mouse.up();
  console.log(
    `dragging an AP on floor ${biggest.id} (${biggest.walls.length} walls, ${biggest.access_points.length} APs) with the heatmap on: ` +
      `${(drag.frames / drag.seconds).toFixed(1)} frames per second over ${drag.seconds.toFixed(1)} s, ` +
      `longest frame ${drag.longest.toFixed(0)} ms, ${drag.heats} heatmap states shown during the drag`,
  );

  // Placement on the 515 x 351 m hospital floor (its GeoJSON opened as a user opens it): the
  // time from "Propose access points" to the proposal on screen, in the worker.
  const before = await page.getByTestId('project-name').innerText();
  await page.getByTestId('file-input').setInputFiles(join(HERE, '../../floorplans/hospital.geojson'));
  // The drag changed the office: its changes are let go.
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="confirm-discard"]') || document.querySelector('[data-testid="project-name"]').innerText !== b,
    before,
    { timeout: 120_000 },
  );
  if (await page.getByTestId('confirm-discard').isVisible()) await page.getByTestId('confirm-discard').click();
  await page.waitForFunction((b) => document.querySelector('[data-testid="project-name"]').innerText !== b, before);
  await page.getByTestId('panel-coverage').click();
  const proposeAt = await page.evaluate(() => performance.now());
  await page.getByTestId('place-button').click();
  const proposal = page.getByTestId('proposal');
  await proposal.waitFor({ timeout: 600_000 });
  const proposedAt = await page.evaluate(() => performance.now());
  const head = (await proposal.locator('.proposal__head').innerText()).trim();
  console.log(`placement on the hospital floor (515 x 351 m, 72 rooms) in the browser: ${((proposedAt - proposeAt) / 1000).toFixed(1)} s, ${head}`);

  // The campus: 10 buildings of 6 floors, opened as a file, then building and floor switched.
  const campusFile = join(tmpdir(), 'tailplan-campus-10x6.tailplan.json');
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'tailplan-samples', '--bin', 'campus-scale', '--', '10', '6', campusFile], {
    cwd: join(HERE, '../..'),
    stdio: 'inherit',
  });
  const mb = (readFileSync(campusFile).length / 1e6).toFixed(1);
  const before2 = await page.getByTestId('project-name').innerText();
  const openAt = await page.evaluate(() => performance.now());
  await page.getByTestId('file-input').setInputFiles(campusFile);
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="confirm-discard"]') || document.querySelector('[data-testid="project-name"]').innerText !== b,
    before2,
    { timeout: 300_000 },
  );
  if (await page.getByTestId('confirm-discard').isVisible()) await page.getByTestId('confirm-discard').click();
  await page.waitForFunction((b) => document.querySelector('[data-testid="project-name"]').innerText !== b, before2, { timeout: 300_000 });
  await page.waitForSelector(READY);
  const openedAt = await page.evaluate(() => performance.now());
  const switches = [];
  for (const [building, floor] of [['C05-0', 'C05-3'], ['C09-0', 'C09-5'], ['C00-0', 'C00-2']]) {
    for (const [id, value] of [['building-select', building], ['floor-select', floor]]) {
      const t0 = await page.evaluate(() => performance.now());
      await page.getByTestId(id).selectOption(value);
      await page.waitForSelector(`[data-testid="plan-canvas"][data-floor="${value}"][data-ready="true"]`);
      switches.push((await page.evaluate(() => performance.now())) - t0);
    }
  }
  console.log(
    `a campus of 10 buildings x 6 floors (${mb} MB): opened in ${((openedAt - openAt) / 1000).toFixed(1)} s; ` +
      `building and floor switched in ${switches.map((t) => t.toFixed(0)).join(', ')} ms (longest ${Math.max(...switches).toFixed(0)} ms)`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
