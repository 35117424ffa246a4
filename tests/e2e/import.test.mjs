// End-to-end tests of importing drawings through the import dialog: a DXF's layer table
// (what each layer becomes), an SVG without a scale calibrated with two points and a
// distance, its embedded scan drawn under the plan, and an IFC model's storey table (which
// storeys become floors). Run through run.sh.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import {
  FIXTURES,
  HERE,
  READY,
  SCREENSHOTS,
  assertClean,
  browser,
  counts,
  openEditor,
  server,
  startForFile,
} from './harness.mjs';

const LAYERED = join(FIXTURES, 'annex-layers.dxf');
const BUREAUX = join(HERE, '../../floorplans/bureaux-r1.svg');
const KONTOR = join(HERE, '../../floorplans/kontor.ifc');

startForFile();

/** The page position of the world point (x, y) on the import preview. */
async function previewPoint(page, x, y) {
  const canvas = page.getByTestId('import-preview');
  const [view, box] = await Promise.all([canvas.getAttribute('data-view'), canvas.boundingBox()]);
  const [scale, ox, oy] = view.split(' ').map(Number);
  return { x: box.x + ox + x * scale, y: box.y + oy - y * scale };
}

/** The preview's import counts: { walls, rooms }. */
async function previewCounts(page) {
  const text = await page.getByTestId('import-counts').innerText();
  return { walls: Number(/(\d+) walls/.exec(text)[1]), rooms: Number(/(\d+) rooms/.exec(text)[1]) };
}

describe('importing', () => {
  test('a DXF through its layer table', { timeout: 180_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await page.getByTestId('file-input').setInputFiles(LAYERED);
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor({ timeout: 60_000 });
    const rows = page.locator('[data-testid="import-layers"] tbody tr');
    assert.equal(await rows.count(), 3);
    // Walls by their name; the partition's layer no rule knows: not imported yet.
    assert.equal(await page.getByTestId('layer-role-A-WALL').inputValue(), 'wall:drywall');
    assert.equal(await page.getByTestId('layer-role-Z-ANNEX-17').inputValue(), 'ignored');
    const before = await previewCounts(page);
    assert.equal(before.walls, 4);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-dxf-layers.png') });

    // The partitions are glass walls: the preview is imported again with them.
    await page.getByTestId('layer-role-Z-ANNEX-17').selectOption('wall:glass');
    await page.waitForFunction(() => /(\d+) walls/.exec(document.querySelector('[data-testid="import-counts"]').innerText)?.[1] > 4);
    assert.equal(await page.getByTestId('layer-role-Z-ANNEX-17').inputValue(), 'wall:glass');
    assert.match(await rows.filter({ hasText: 'Z-ANNEX-17' }).innerText(), /your choice/);
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]'));
    await page.waitForFunction(() => document.querySelector('[data-testid="project-name"]').innerText.includes('annex-layers'));
    assert.ok((await counts(page)).wall >= 6, JSON.stringify(await counts(page)));
    await page.screenshot({ path: join(SCREENSHOTS, 'import-dxf-done.png') });

    // Cancelling leaves the project as it was.
    await page.getByTestId('file-input').setInputFiles(LAYERED);
    await dialog.waitFor({ timeout: 60_000 });
    await page.getByTestId('import-cancel').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]'));
    assert.ok((await counts(page)).wall >= 6);
    assertClean(log);
    await context.close();
  });

  test('an SVG calibrated with two points, its scan drawn under the plan', { timeout: 180_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await page.getByTestId('file-input').setInputFiles(BUREAUX);
    await page.getByTestId('import-dialog').waitFor({ timeout: 60_000 });
    // No scale yet: shown at a provisional one, and Import waits for a calibration.
    assert.match(await page.getByTestId('import-blocker').innerText(), /no scale/);
    assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
    const canvas = page.getByTestId('import-preview');
    await page.waitForFunction(() => document.querySelector('[data-testid="import-preview"]').dataset.view);
    const s = Number(await canvas.getAttribute('data-m-per-unit'));
    assert.ok(s > 0);

    // The façade's two ends, 3,000 units (30 m) apart: the SVG's (0, 0) and (3000, 0). The
    // view box starts at (-100, -100) and is 1,600 high: y is flipped about its bottom.
    const world = (x, y) => [(x + 100) * s, (1500 - y) * s];
    await page.getByTestId('calibrate-start').click();
    const a = await previewPoint(page, ...world(0, 0));
    const b = await previewPoint(page, ...world(3000, 0));
    await page.mouse.click(a.x, a.y);
    await page.mouse.move((a.x + b.x) / 2, a.y + 40);
    await page.mouse.click(b.x, b.y);
    await page.getByTestId('calibrate-distance').fill('30');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-calibration.png') });
    await page.getByTestId('calibrate-apply').click();
    await page.waitForFunction(() => /calibrated/.test(document.querySelector('[data-testid="import-scale"]').innerText));
    const scale = Number(/Scale: ([\d.]+) m per unit/.exec(await page.getByTestId('import-scale').innerText())[1]);
    assert.ok(Math.abs(scale - 0.01) < 0.0005, `0.01 m per unit, within the clicks' precision: ${scale}`);
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-confirm"]').disabled);
    const { walls, rooms } = await previewCounts(page);
    assert.ok(walls > 30 && rooms >= 10, `${walls} walls, ${rooms} rooms`);
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]'));
    await page.waitForSelector(READY);

    // The embedded scan is drawn under the plan: with everything but the underlay hidden,
    // the plan is not empty.
    for (const layer of ['walls', 'rooms', 'openings', 'trays', 'routes', 'devices']) {
      await page.getByTestId(`layer-${layer}`).click();
    }
    const drawn = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="plan-canvas"]');
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - 0xf5) + Math.abs(data[i + 1] - 0xf6) + Math.abs(data[i + 2] - 0xf8) > 60) n += 1;
      }
      return n;
    });
    assert.ok(drawn > 2_000, `the underlay draws: ${drawn} pixels`);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-svg-underlay.png') });
    assertClean(log);
    await context.close();
  });

  test('an IFC model through its storey table', { timeout: 180_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await page.getByTestId('file-input').setInputFiles(KONTOR);
    await page.getByTestId('import-dialog').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="import-preview"]').dataset.view);

    // Two storeys, lowest first, both with walls: both ticked, each its own floor.
    const rows = page.locator('[data-testid="import-storeys"] tbody tr');
    assert.equal(await rows.count(), 2);
    assert.equal(await page.getByTestId('storey-0').isChecked(), true);
    assert.equal(await page.getByTestId('storey-1').isChecked(), true);
    const eg = await rows.nth(0).innerText();
    const og = await rows.nth(1).innerText();
    assert.match(eg, /EG[\s\S]*0\.00 m[\s\S]*14 walls · 9 doors · 15 windows · 8 spaces[\s\S]*Erdgeschoss/);
    assert.match(og, /OG 1[\s\S]*3\.50 m[\s\S]*10 walls · 7 doors · 18 windows · 7 spaces[\s\S]*1\. Obergeschoss/);
    // A model is in its own units: no units, scale or layers to set.
    for (const id of ['import-units', 'import-scale', 'calibrate-start', 'import-layers']) {
      assert.equal(await page.getByTestId(id).count(), 0, id);
    }
    // What its materials became, and what it left out.
    const materials = await page.getByTestId('import-materials').innerText();
    assert.match(materials, /Stahlbeton\s+concrete\s+11/);
    assert.match(materials, /Dämmung\s+none/);
    const skipped = await page.getByTestId('import-skipped').innerText();
    assert.match(skipped, /IfcFurnishingElement/);
    assert.match(skipped, /IfcFlowTerminal/);
    assert.match(await page.getByTestId('import-counts').innerText(), /^Erdgeschoss: \d+ walls .*2 floors in all/);
    assert.equal(await page.getByTestId('import-confirm').isDisabled(), false);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-ifc-storeys.png') });

    // OG 1 unticked: imported again without it.
    await page.getByTestId('storey-1').uncheck();
    await page.waitForFunction(() => {
      const counts = document.querySelector('[data-testid="import-counts"]').innerText;
      return !/floors in all|updating/.test(counts) && !document.querySelector('[data-testid="import-confirm"]').disabled;
    });
    assert.equal(await page.getByTestId('storey-0').isChecked(), true);
    assert.equal(await page.getByTestId('storey-1').isChecked(), false);
    assert.match(await rows.nth(1).innerText(), /—/);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-ifc-one-storey.png') });

    // Nothing ticked: Import waits for a storey.
    await page.getByTestId('storey-0').uncheck();
    assert.match(await page.getByTestId('import-blocker').innerText(), /at least one storey/);
    assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
    await page.getByTestId('storey-0').check();
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-confirm"]').disabled);

    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]'));
    await page.waitForFunction(() => /kontor/i.test(document.querySelector('[data-testid="project-name"]').innerText));
    await page.waitForSelector(READY);
    const floors = await page.getByTestId('floor-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(floors, ['EG']);
    assert.equal(await page.getByTestId('plan-canvas').getAttribute('data-floor'), 'EG');
    assert.ok((await counts(page)).wall >= 10, JSON.stringify(await counts(page)));
    // Nothing selected: the floor panel shows the model's slab, and changing it is an edit.
    const slab = page.getByTestId('prop-floor-slab_material');
    assert.equal(await slab.inputValue(), 'concrete');
    await slab.selectOption('');
    await page.waitForFunction(() => document.querySelector('[data-testid="prop-floor-slab_material"]').value === '');
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[data-testid="prop-floor-slab_material"]').value === 'concrete');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-ifc-done.png') });
    assert.equal(await page.getByTestId('error').count(), 0, 'no error banner');
    assertClean(log);
    await context.close();
  });
});
