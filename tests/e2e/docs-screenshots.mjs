// Makes the editor's screenshots in README.md and docs/editor.md from the release build in dist/:
//   node tests/e2e/docs-screenshots.mjs        writes docs/screenshots/editor-*.png
// Each is a state a user reaches by hand: a route drawn to the telecom room, a wall being
// drawn with its snap, a property refused, the shortcuts, a floor's coverage, every cable
// routed with the schedule, a DXF's import dialog.

import { join } from 'node:path';

import { HERE, READY, clickAt, screenOf, startAll, watch } from './harness.mjs';

const OUT = join(HERE, '../../docs/screenshots');

async function zoomTo(page, x, y, scale) {
  for (let i = 0; i < 30; i += 1) {
    const [s] = (await page.getByTestId('plan-canvas').getAttribute('data-view')).split(' ').map(Number);
    if (s >= scale) break;
    const p = await screenOf(page, x, y);
    await page.mouse.move(p.x, p.y);
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(30);
  }
}

async function moveTo(page, x, y) {
  const p = await screenOf(page, x, y);
  await page.mouse.move(p.x, p.y, { steps: 4 });
}

const { server, browser } = await startAll();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const log = watch(page, server);
  await page.goto(server.url);
  await page.waitForSelector(READY, { timeout: 30_000 });
  await zoomTo(page, 58, 26, 26);

  // A cable route drawn by hand from AP-0-30 along the trays to TR-0, selected.
  await page.keyboard.press('c');
  await clickAt(page, 45, 30);
  await clickAt(page, 45, 18.8);
  await clickAt(page, 60, 18.8);
  await clickAt(page, 60, 27.5);
  await moveTo(page, 64, 12);
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(OUT, 'editor-office.png') });

  // A concrete wall being drawn: one wall made, the next snapping onto a partition.
  await page.keyboard.press('w');
  await page.getByTestId('wall-material').selectOption('concrete');
  await clickAt(page, 69, 30);
  await clickAt(page, 73, 30);
  await moveTo(page, 73.05, 37.8);
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(OUT, 'editor-drawing.png') });
  await page.keyboard.press('Escape');

  // An access point's properties, with an impossible power refused by the core.
  await page.keyboard.press('v');
  await clickAt(page, 75, 30);
  const tx = page.getByTestId('prop-radio1_tx_dbm');
  await tx.fill('400');
  await tx.press('Enter');
  await page.getByTestId('property-error').waitFor();
  await moveTo(page, 84, 26);
  await page.screenshot({ path: join(OUT, 'editor-properties.png') });

  // The shortcuts.
  await page.getByTestId('plan-canvas').focus();
  await page.keyboard.press('?');
  await page.getByTestId('help-panel').waitFor();
  await page.screenshot({ path: join(OUT, 'editor-help.png') });

  await page.keyboard.press('Escape');

  // Coverage: the office's floor 1 with its heatmap and the coverage panel.
  await page.getByTestId('floor-select').selectOption('1');
  await page.waitForSelector('[data-testid="plan-canvas"][data-floor="1"]');
  await page.getByTestId('fit-button').click();
  await page.getByTestId('layer-heatmap').click();
  await page.getByTestId('panel-coverage').click();
  await page.waitForFunction(() => / fine$/.test(document.querySelector('[data-testid="plan-canvas"]').dataset.heat || ''), null, { timeout: 120_000 });
  await page.getByTestId('coverage-stats').waitFor({ timeout: 120_000 });
  await moveTo(page, 40, 30);
  await page.screenshot({ path: join(OUT, 'editor-coverage.png') });
  await page.getByTestId('layer-heatmap').click();

  // Cabling: every cable routed, coloured by telecom room, the schedule beside the plan.
  await page.getByTestId('panel-cabling').click();
  await page.getByTestId('route-all').click();
  await page.getByTestId('routing-summary').waitFor({ timeout: 120_000 });
  await page.getByTestId('cabling-tab-schedule').click();
  await page.screenshot({ path: join(OUT, 'editor-cabling.png') });

  // Importing a DXF: the layer table, and the preview of what the plan becomes.
  await page.getByTestId('file-input').setInputFiles(join(HERE, '../../floorplans/office-wing.dxf'));
  await page.getByTestId('import-dialog').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'editor-import.png') });
  await page.getByTestId('import-cancel').click();

  if (log.pageErrors.length || log.consoleErrors.length || log.foreign.length) {
    throw new Error(`the page was not clean: ${JSON.stringify(log)}`);
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
