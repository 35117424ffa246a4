// End-to-end test of a campus in the editor: the building picker, then the floor; routing the
// two buildings with their distributors and backbone; the distributors table; the riser
// diagrams and rack maps in the sheet viewer; a development plan building by building. Run
// through run.sh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import {
  READY,
  SCREENSHOTS,
  assertClean,
  browser,
  openEditor,
  openSample,
  server,
  startForFile,
} from './harness.mjs';

startForFile();

const options = (page, id) => page.getByTestId(id).locator('option').evaluateAll((os) => os.map((o) => o.textContent));

test('a campus: building then floor, routed with its distributors and backbone', { timeout: 300_000 }, async () => {
  const { context, page, log } = await openEditor(browser, server, { acceptDownloads: true });
  await page.waitForSelector(READY, { timeout: 60_000 });
  // A single building shows no building picker.
  assert.equal(await page.getByTestId('building-select').count(), 0);
  await openSample(page, 'campus');

  // Building A's three floors, then building B's two.
  assert.deepEqual(await options(page, 'building-select'), ['Building A', 'Building B']);
  assert.equal((await options(page, 'floor-select')).length, 3);
  await page.getByTestId('building-select').selectOption({ label: 'Building B' });
  await page.waitForFunction(() => document.querySelector('[data-testid="floor-select"]').options.length === 2);
  assert.equal(await page.getByTestId('floor-select').inputValue(), 'B0');
  await page.getByTestId('floor-select').selectOption('B1');
  await page.waitForSelector(READY);
  assert.equal(await page.getByTestId('building-select').inputValue(), 'B0');

  // Route both buildings: 80 cables, 3 of them backbone in the schedule.
  await page.getByTestId('panel-cabling').click();
  await page.getByTestId('route-all').click();
  await page.getByTestId('routing-summary').waitFor({ timeout: 120_000 });
  assert.match(await page.getByTestId('routing-summary').innerText(), /80\s+cables/);
  await page.getByTestId('cabling-tab-schedule').click();
  assert.equal(await page.getByTestId('table-schedule').getAttribute('data-rows'), '83');
  await page.getByTestId('table-filter').fill('backbone');
  await page.waitForFunction(() => document.querySelector('[data-testid="table-schedule"] tbody').innerText.includes('A1A/A0A-01'));

  // The distributors: the CD, a BD, two FDs, each with its switches and parent.
  await page.getByTestId('table-filter').fill('');
  await page.getByTestId('cabling-tab-distributors').click();
  const table = page.getByTestId('table-distributors');
  assert.equal(await table.getAttribute('data-rows'), '4');
  const text = await table.innerText();
  for (const word of ['CD', 'BD', 'FD', 'TR-B0', 'generic-48p-poe+', 'Building A']) {
    assert.ok(text.includes(word), `${word} in the distributors table`);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'campus-distributors.png') });

  // The riser diagram of the building on screen (B), drawn by the files worker and shown as
  // an image; its rack maps in the list; then the campus's; Esc closes it.
  await page.getByTestId('riser-diagram').click();
  await page.getByTestId('sheet-viewer').waitFor();
  const image = page.getByTestId('sheet-image');
  await image.waitFor({ timeout: 120_000 });
  const drawn = () => image.evaluate((i) => i.complete && i.naturalWidth > 0);
  await page.waitForFunction(() => {
    const i = document.querySelector('[data-testid="sheet-image"]');
    return i && i.complete && i.naturalWidth > 0;
  });
  assert.ok(await drawn(), 'the sheet is drawn');
  const building = await options(page, 'sheet-pick');
  assert.match(building[0], /Building B: riser diagram/);
  assert.ok(building.some((o) => /rack/i.test(o)), `rack maps listed: ${building}`);
  assert.ok(!building.some((o) => /Campus/.test(o)), 'not the campus diagram');
  await page.screenshot({ path: join(SCREENSHOTS, 'campus-riser-building.png') });
  await page.getByTestId('sheet-pick').selectOption({ index: 1 });
  await page.waitForFunction((first) => document.querySelector('[data-testid="sheets-heading"], #sheets-heading').textContent !== first, building[0].split(' · ')[1]);
  await page.getByTestId('sheets-campus').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="sheet-pick"]');
    return s && [...s.options].some((o) => o.textContent.includes('Campus: riser diagram'));
  }, null, { timeout: 120_000 });
  const campus = await options(page, 'sheet-pick');
  assert.match(campus[0], /Campus: riser diagram/);
  assert.ok(campus.length > building.length, 'the campus has both buildings');
  await page.waitForFunction(() => {
    const i = document.querySelector('[data-testid="sheet-image"]');
    return i && i.complete && i.naturalWidth > 0;
  });
  await page.screenshot({ path: join(SCREENSHOTS, 'campus-riser-campus.png') });
  // The shown sheet downloads as SVG, from the page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sheet-download').click()]);
  assert.equal(download.suggestedFilename(), 'riser-campus.svg');
  await page.keyboard.press('Escape');
  await page.getByTestId('sheet-viewer').waitFor({ state: 'detached' });

  // A development plan building by building: A in 2027, B in 2028; the plan of building A
  // moves in 2027 and stays in 2028, while the campus moves both years.
  await page.getByTestId('panel-scenarios').click();
  const file = {
    scenarios: [{ name: 'copper', rules: [{ match: { kind: 'device' }, medium: 'cat6a' }] }],
    phases: [
      { name: 'A', year: 2027, buildings: ['A'], scenario: 'spe-sensors' },
      { name: 'B', year: 2028, buildings: ['B'], scenario: 'spe-sensors', after: ['A'] },
    ],
  };
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'by-building.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByTestId('compare-scenarios').click();
  await page.getByTestId('scenario-plan').waitFor({ timeout: 120_000 });
  const rows = () => page.getByTestId('plan-table').locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
  const campusRows = await rows();
  assert.deepEqual(await options(page, 'plan-of'), ['the campus', 'Building A', 'Building B']);
  await page.getByTestId('plan-of').selectOption({ label: 'Building A' });
  await page.getByTestId('plan-of-note').waitFor();
  const a = await rows();
  assert.deepEqual(a.map((r) => r[0]), ['as drawn', '2027', '2028']);
  // Columns: year, phases, capex, so far, ports, switches, PoE, unserved.
  assert.deepEqual(a.map((r) => r[2]), campusRows.map((r) => r[2]), 'the capex is the campus’s');
  assert.notDeepEqual(a.map((r) => r[4]), campusRows.map((r) => r[4]), 'the building’s own ports');
  assert.deepEqual(a[2].slice(4), a[1].slice(4), 'building A does not change in 2028');
  await page.getByTestId('scenario-plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'campus-plan-of-a.png') });
  assertClean(log);
  await context.close();
});
