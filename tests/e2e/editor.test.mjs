// End-to-end tests of the editor as a user meets it: Debian's Chromium, driven by
// playwright-core, against the release build in dist/ served by server.mjs.
//
// Run through run.sh (which installs what is missing), or `node --test` here once dist/ is
// built with `trunk build --release --offline`. TAILPLAN_DIST serves another directory.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  DIST,
  READY,
  SCREENSHOTS,
  assertClean,
  browser,
  nextFrame,
  openEditor as open,
  server,
  startForFile,
} from './harness.mjs';

// The material colours of tailplan-core's default library, for files that carry none.
const DEFAULT_MATERIAL_COLOURS = {
  drywall: '#8c96a0',
  glass: '#4fa3d1',
  low_e_glass: '#1f6f9f',
  wood: '#a0703c',
  brick: '#b5523b',
  concrete: '#4a4f55',
  metal: '#2b2d42',
};

startForFile();

/** Opens the editor in a fresh context (its own storage: the first sample opens). */
const openEditor = (options) => open(browser, server, options);

/** The colours walls can have in `sample`: its own library's, else the default one's. */
function wallColours(sample) {
  const project = JSON.parse(readFileSync(join(DIST, sample), 'utf8'));
  const library = Array.isArray(project.materials)
    ? Object.fromEntries(project.materials.map((m) => [m.name, m.color]))
    : DEFAULT_MATERIAL_COLOURS;
  return Object.values(library).map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
}

/** Counts canvas pixels near any of `colours`, and pixels that are not the background. */
async function countPixels(page, colours) {
  return page.evaluate((colours) => {
    const canvas = document.querySelector('[data-testid="plan-canvas"]');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const bg = [0xf5, 0xf6, 0xf8];
    let matching = 0;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 24) drawn += 1;
      for (const [cr, cg, cb] of colours) {
        if (Math.abs(r - cr) <= 10 && Math.abs(g - cg) <= 10 && Math.abs(b - cb) <= 10) {
          matching += 1;
          break;
        }
      }
    }
    return { matching, drawn, total: data.length / 4, width: canvas.width, height: canvas.height };
  }, colours);
}

const statusScale = (page) => page.getByTestId('status-scale').innerText();
const denominator = (text) => Number(text.replace(/^1:/, '').replaceAll(',', ''));

async function canvasCentre(page) {
  const box = await page.getByTestId('plan-canvas').boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('the editor', () => {
  test('opens the office sample and draws its walls, cleanly', { timeout: 60_000 }, async () => {
    const { context, page, log } = await openEditor();
    await page.waitForSelector(READY, { timeout: 30_000 });
    const canvas = page.getByTestId('plan-canvas');
    assert.ok(await canvas.getAttribute('data-floor'), 'data-floor is set');

    // The toolbar shows the project, a floor and the layer toggles.
    assert.notEqual(await page.getByTestId('project-name').innerText(), 'No project');
    for (const layer of ['walls', 'rooms', 'openings', 'trays', 'devices']) {
      assert.equal(await page.getByTestId(`layer-${layer}`).getAttribute('aria-pressed'), 'true');
    }
    assert.match(await page.getByTestId('status-bar').innerText(), /\d+ walls?/);
    assert.match(await statusScale(page), /^1:[\d,]+$/);

    // Walls are on the canvas in their material colours: many pixels of them, and most go
    // when the walls layer is switched off.
    const colours = wallColours('office.tailplan.json');
    const withWalls = await countPixels(page, colours);
    assert.ok(withWalls.matching > 2_000, `wall pixels: ${JSON.stringify(withWalls)}`);
    assert.ok(withWalls.drawn > withWalls.total * 0.05, 'the plan covers the canvas');
    await page.screenshot({ path: join(SCREENSHOTS, 'office.png') });

    await page.getByTestId('layer-walls').click();
    assert.equal(await page.getByTestId('layer-walls').getAttribute('aria-pressed'), 'false');
    await nextFrame(page);
    const withoutWalls = await countPixels(page, colours);
    assert.ok(
      withoutWalls.matching < withWalls.matching * 0.3,
      `walls hidden: ${withoutWalls.matching} vs ${withWalls.matching}`,
    );
    await page.getByTestId('layer-walls').click();

    // The favicon is served (an SVG, not a 404).
    const favicon = await page.evaluate(async () => {
      const href = document.querySelector('link[rel~="icon"]')?.href;
      if (!href) return null;
      const r = await fetch(href);
      return { status: r.status, type: r.headers.get('content-type') };
    });
    assert.deepEqual(favicon, { status: 200, type: 'image/svg+xml' });

    assert.equal(await page.getByTestId('error').count(), 0, 'no error banner');
    assertClean(log);
    await context.close();
  });

  test('switching floors redraws the chosen floor', { timeout: 60_000 }, async () => {
    const { context, page, log } = await openEditor();
    await page.waitForSelector(READY, { timeout: 30_000 });
    const select = page.getByTestId('floor-select');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(options.length >= 2, `the office sample has several floors: ${options}`);
    const canvas = page.getByTestId('plan-canvas');
    const first = await canvas.getAttribute('data-floor');
    assert.equal(await select.inputValue(), first);
    const other = options.find((id) => id !== first);
    await select.selectOption(other);
    await page.waitForSelector(`[data-testid="plan-canvas"][data-floor="${other}"][data-ready="true"]`);
    assert.equal(await select.inputValue(), other);
    await page.screenshot({ path: join(SCREENSHOTS, 'office-other-floor.png') });
    assertClean(log);
    await context.close();
  });

  test('the wheel zooms about the cursor, Fit and the keyboard restore', { timeout: 60_000 }, async () => {
    const { context, page, log } = await openEditor();
    await page.waitForSelector(READY, { timeout: 30_000 });
    const fitted = await statusScale(page);
    const { x, y } = await canvasCentre(page);
    await page.mouse.move(x + 120, y - 60);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="status-scale"]').innerText !== before,
      fitted,
    );
    const zoomed = await statusScale(page);
    assert.ok(denominator(zoomed) < denominator(fitted), `zoomed in: ${fitted} -> ${zoomed}`);
    // The cursor position is shown in metres.
    assert.match(await page.getByTestId('status-cursor').innerText(), /^x -?\d+\.\d\d m\s+y -?\d+\.\d\d m$/);

    // Zoom in further (labels appear), drag to pan, and take a look.
    await page.mouse.wheel(0, -400);
    await page.mouse.down();
    await page.mouse.move(x - 100, y - 40, { steps: 8 });
    await page.mouse.up();
    await page.screenshot({ path: join(SCREENSHOTS, 'office-zoomed.png') });

    await page.getByTestId('fit-button').click();
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="status-scale"]').innerText === want,
      fitted,
    );

    // Keyboard: + zooms in on the focused plan, F fits again.
    await page.getByTestId('plan-canvas').focus();
    await page.keyboard.press('+');
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="status-scale"]').innerText !== before,
      fitted,
    );
    await page.keyboard.press('f');
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="status-scale"]').innerText === want,
      fitted,
    );
    assertClean(log);
    await context.close();
  });

  test('panning the biggest floor stays smooth', { timeout: 90_000 }, async (t) => {
    const { context, page, log } = await openEditor();
    await page.waitForSelector(READY, { timeout: 30_000 });
    // Find the floor with the most walls by looking at each one's status line.
    const select = page.getByTestId('floor-select');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
    let biggest = { id: options[0], walls: -1 };
    for (const id of options) {
      await select.selectOption(id);
      await page.waitForSelector(`[data-testid="plan-canvas"][data-floor="${id}"]`);
      const counts = await page.getByTestId('status-counts').innerText();
      const walls = Number(/(\d+) walls?/.exec(counts)?.[1] ?? 0);
      if (walls > biggest.walls) biggest = { id, walls };
    }
    await select.selectOption(biggest.id);
    await page.waitForSelector(`[data-testid="plan-canvas"][data-floor="${biggest.id}"]`);
    await page.getByTestId('fit-button').click();

    // Time full redraws: each pan (a middle-button drag) redraws the whole floor.
    const ms = await page.evaluate(async () => {
      const canvas = document.querySelector('[data-testid="plan-canvas"]');
      const r = canvas.getBoundingClientRect();
      const at = (x) => ({ clientX: r.left + x, clientY: r.top + r.height / 2, pointerId: 1, button: 1, buttons: 4, bubbles: true, isPrimary: true, pointerType: 'mouse' });
      canvas.dispatchEvent(new PointerEvent('pointerdown', at(400)));
      const frames = 40;
      const start = performance.now();
      for (let i = 1; i <= frames; i += 1) {
        canvas.dispatchEvent(new PointerEvent('pointermove', at(400 + (i % 2 ? 3 : -3))));
        await new Promise((ok) => requestAnimationFrame(ok));
      }
      const elapsed = performance.now() - start;
      canvas.dispatchEvent(new PointerEvent('pointerup', at(400)));
      return elapsed / frames;
    });
    t.diagnostic(`floor ${biggest.id} (${biggest.walls} walls): ${ms.toFixed(1)} ms per pan frame`);
    // Generous for a software-rendered headless browser on a small CI machine.
    assert.ok(ms < 120, `${ms.toFixed(1)} ms per frame`);
    assertClean(log);
    await context.close();
  });

  test('opens the small floor from the sample menu, crisp on a 2x display', { timeout: 60_000 }, async () => {
    const { context, page, log } = await openEditor({ deviceScaleFactor: 2 });
    await page.waitForSelector(READY, { timeout: 30_000 });
    const officeName = await page.getByTestId('project-name').innerText();
    const menu = page.getByTestId('sample-menu');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.getByTestId('sample-small').click();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="project-name"]').innerText !== before,
      officeName,
    );
    await page.waitForSelector(READY);
    // The backing store has device pixels.
    // (Its CSS size may be fractional: clientWidth rounds, the bounding box does not.)
    const size = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="plan-canvas"]');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cw: r.width, ch: r.height };
    });
    assert.equal(size.w, Math.round(size.cw * 2));
    assert.equal(size.h, Math.round(size.ch * 2));
    const drawn = await countPixels(page, wallColours('small.tailplan.json'));
    assert.ok(drawn.matching > 2_000, `wall pixels: ${JSON.stringify(drawn)}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'small-2x.png') });
    assertClean(log);
    await context.close();
  });

  test('a missing sample is reported in a banner, not a panic', { timeout: 60_000 }, async () => {
    const { context, page, log } = await openEditor({
      route: (page) =>
        page.route('**/office.tailplan.json', (r) => r.fulfill({ status: 404, body: 'not found' })),
    });
    const banner = page.getByTestId('error');
    await banner.waitFor({ timeout: 30_000 });
    const text = await banner.innerText();
    assert.match(text, /office\.tailplan\.json/);
    assert.match(text, /404/);
    assert.equal(await page.getByTestId('plan-canvas').getAttribute('data-ready'), 'false');
    await page.screenshot({ path: join(SCREENSHOTS, 'missing-sample.png') });
    assert.deepEqual(log.pageErrors, [], 'no uncaught exception');
    // The 404 itself is the only error the browser logs.
    assert.ok(log.consoleErrors.every((m) => /404/.test(m)), log.consoleErrors.join('\n'));

    // The other sample still opens, and the banner can be dismissed.
    await page.getByTestId('sample-menu').click();
    await page.getByTestId('sample-small').click();
    await page.waitForSelector(READY, { timeout: 30_000 });
    assert.equal(await banner.count(), 0, 'a successful load clears the banner');
    await context.close();
  });

  test('a corrupt project file is reported with its line and column', { timeout: 60_000 }, async () => {
    const { context, page, log } = await openEditor({
      route: (page) =>
        page.route('**/office.tailplan.json', (r) =>
          r.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "tailplan-project",\n  "version": }' }),
        ),
    });
    const banner = page.getByTestId('error');
    await banner.waitFor({ timeout: 30_000 });
    assert.match(await banner.innerText(), /line 2, column \d+/);
    await banner.getByRole('button', { name: /dismiss/i }).click();
    assert.equal(await banner.count(), 0);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
});
