// End-to-end test of the Scenarios tab on the office: the device classes on the plan, a
// scenario of the user's compared beside the built-in ones in the files worker (its figures
// equal those of the built-in scenario that does the same), a scenario file with phases (the
// development plan's table and chart) and its comparison sheet downloaded, and a bad file refused with its member named while the
// page keeps working. Run through run.sh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { READY, SCREENSHOTS, assertClean, browser, openEditor, server, startForFile } from './harness.mjs';

startForFile();

/** The comparison table as { header: [...], rows: { label: [cells] } }. */
const comparison = (page) =>
  page.getByTestId('scenarios-table').evaluate((t) => ({
    header: [...t.querySelectorAll('thead th')].slice(1).map((h) => h.textContent),
    rows: Object.fromEntries(
      [...t.querySelectorAll('tbody tr')].map((r) => {
        const cells = [...r.querySelectorAll('td')].map((c) => c.textContent);
        return [cells[0], cells.slice(1)];
      }),
    ),
    best: [...t.querySelectorAll('.table__cell--best')].length,
  }));

test('scenarios: the user’s own beside the built-in ones, then a file with phases', { timeout: 240_000 }, async () => {
  const { context, page, log } = await openEditor(browser, server, { acceptDownloads: true });
  await page.waitForSelector(READY, { timeout: 60_000 });
  await page.getByTestId('panel-scenarios').click();
  await page.getByTestId('scenarios-panel').waitFor();

  // The office's device classes are listed; put the sensors on SPE, as spe-sensors does.
  const classes = await page.getByTestId('scenario-classes').innerText();
  assert.match(classes, /sensor/);
  await page.getByTestId('scenario-name').fill('SPE for sensors');
  await page.getByTestId('scenario-class-sensor').selectOption('spe');
  await page.getByTestId('compare-scenarios').click();
  await page.getByTestId('scenarios-table').waitFor({ timeout: 180_000 });
  const c = await comparison(page);
  assert.deepEqual(c.header, ['as-drawn', 'all-copper', 'spe-sensors', 'wireless-first', 'SPE for sensors']);
  // The same rules, the same design: every figure of the user's scenario is spe-sensors'.
  for (const [label, cells] of Object.entries(c.rows)) {
    assert.equal(cells[4], cells[2], `${label}: ${cells}`);
  }
  assert.notEqual(c.rows['SPE ports'][2], '0', 'sensors on SPE take SPE ports');
  assert.ok(c.best > 0, 'each row’s best is marked');
  for (const chart of ['capex', 'ports', 'metres', 'energy']) {
    assert.equal(await page.getByTestId(`chart-${chart}`).locator('g').count(), 5, `${chart}: a bar per scenario`);
  }
  assert.match(await page.getByTestId('scenarios-summary').innerText(), /5 scenarios compared in \d+ ms/);
  await page.screenshot({ path: join(SCREENSHOTS, 'scenarios-compared.png') });

  // wireless-first on the plan: its proposed gateways drawn (as many as the table says).
  await page.getByTestId('scenario-on-plan').selectOption({ label: 'wireless-first' });
  const note = await page.getByTestId('scenario-on-plan-note').innerText();
  assert.ok(note.includes(`(${c.rows['of them proposed'][3]} on all floors)`), note);
  await page.waitForSelector(READY);
  await page.screenshot({ path: join(SCREENSHOTS, 'scenarios-on-plan.png') });
  await page.getByTestId('scenario-on-plan').selectOption({ label: 'the project as drawn' });
  assert.equal(await page.getByTestId('scenario-on-plan-note').count(), 0);

  // A scenario file with phases: its scenarios replace the built-in ones, the user's stays;
  // the plan's years are listed and charted.
  const file = {
    scenarios: [{ name: 'copper-everywhere', rules: [{ match: { kind: 'device' }, medium: 'cat6a' }] }],
    phases: [
      { name: 'lower floors', year: 2027, floors: ['0', '1'], scenario: 'copper-everywhere' },
      { name: 'upper floors', year: 2029, floors: ['2', '3'], scenario: 'spe-sensors', after: ['lower floors'] },
    ],
  };
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByTestId('scenario-file').waitFor();
  await page.getByTestId('compare-scenarios').click();
  await page.getByTestId('scenario-plan').waitFor({ timeout: 180_000 });
  const planned = await comparison(page);
  assert.deepEqual(planned.header, ['copper-everywhere', 'SPE for sensors']);
  const years = await page.getByTestId('plan-table').locator('tbody tr td:first-child').allInnerTexts();
  assert.deepEqual(years, ['as drawn', '2027', '2029']);
  assert.equal(await page.getByTestId('chart-plan').locator('rect').count(), 2, 'a bar per year');
  await page.getByTestId('scenario-plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'scenarios-plan.png') });

  // The comparison shown, as its design sheet: the same scenarios and years, not compared anew.
  const [sheet] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('scenario-sheet').click(),
  ]);
  assert.match(sheet.suggestedFilename(), /-scenarios\.svg$/);
  const svg = readFileSync(await sheet.path(), 'utf8');
  assert.ok(svg.startsWith('<?xml'), 'an SVG document');
  for (const word of ['copper-everywhere', 'SPE for sensors', 'lower floors', '2029', 'TP-SCN']) {
    assert.ok(svg.includes(word), `the sheet names ${word}`);
  }
  writeFileSync(join(SCREENSHOTS, 'scenarios-sheet.svg'), svg);
  // And as a PDF page to print.
  await page.getByTestId('scenario-sheet-pdf').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="scenario-sheet-pdf"]').disabled);
  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('scenario-sheet-pdf').click(),
  ]);
  assert.match(pdf.suggestedFilename(), /-scenarios\.pdf$/);
  const bytes = readFileSync(await pdf.path());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  writeFileSync(join(SCREENSHOTS, 'scenarios-sheet.pdf'), bytes);

  // A bad file: refused naming the member; the last comparison and the project stay.
  await page.getByLabel('Close the scenario file').click();
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ scenarios: [{ name: 'x', rules: [{ match: { kind: 'device' }, medium: 'copper' }] }] })),
  });
  await page.getByTestId('compare-scenarios').click();
  const error = page.getByTestId('scenarios-error');
  await error.waitFor({ timeout: 60_000 });
  assert.match(await error.innerText(), /bad\.json: scenarios\[0\]\.rules\[0\]\.medium/);
  assert.equal(await page.getByTestId('scenarios-table').count(), 1, 'the last comparison stays');
  assert.equal(await page.getByTestId('compare-scenarios').isEnabled(), true);

  assertClean(log);
  await context.close();
});
