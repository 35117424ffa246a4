// End-to-end test of the Survey tab on the office: the generated site survey imported (kept in
// the project, one undo step), the model against it (statistics per access point, the worst
// rows, the points on the plan coloured by error), calibration in the engine worker applied as
// one undo step that more than halves the error, the check again of the calibrated project
// saying what the calibration said, undo, the points coloured by the signal measured, and a
// broken survey refused with its line named while the page keeps working. Run through run.sh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import {
  HERE,
  READY,
  SCREENSHOTS,
  assertClean,
  browser,
  nextFrame,
  openEditor,
  server,
  startForFile,
} from './harness.mjs';

startForFile();

const SURVEY = join(HERE, '../../floorplans/office.survey.csv');

/** The "all rows" line of the statistics: [rows, mean, MAE, RMSE, std] as numbers. */
const allRows = async (page, testid) => {
  const cells = await page.getByTestId(testid).locator('td').allInnerTexts();
  return cells.slice(1).map((c) => Number(c.replace('−', '-')));
};

test('survey: imported, checked, calibrated as one step, undone', { timeout: 240_000 }, async () => {
  const { context, page, log } = await openEditor(browser, server);
  await page.waitForSelector(READY, { timeout: 60_000 });
  await page.getByTestId('panel-survey').click();
  await page.getByTestId('survey-panel').waitFor();
  assert.match(await page.getByTestId('survey-calibration').innerText(), /Not calibrated/);

  await page.getByTestId('survey-file-input').setInputFiles(SURVEY);
  await page.getByTestId('survey-list').waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('survey-list').innerText(), /office\.survey\.csv · \d{4} rows/);
  assert.match(await page.getByTestId('notice').innerText(), /Survey “office\.survey\.csv”/);
  await page.getByTestId('survey-all').waitFor({ timeout: 120_000 });
  const [rows, mean, , rmse] = await allRows(page, 'survey-all');
  assert.ok(rows > 4000, `${rows} rows`);
  assert.ok(mean > 8, `the sample project is optimistic: mean ${mean}`);
  assert.match(await page.getByTestId('survey-skipped').innerText(), /11 of access points the project does not have/);
  await page.waitForSelector(READY);
  await page.screenshot({ path: join(SCREENSHOTS, 'survey-errors.png') });

  // The plan's canvases stay the same elements whatever notices and progress come and go.
  await page.evaluate(() => {
    for (const c of document.querySelectorAll('canvas')) c.__kept = true;
  });
  await page.getByTestId('calibrate').click();
  await page.getByTestId('calibration-after').waitFor({ timeout: 120_000 });
  const after = await allRows(page, 'calibration-after');
  assert.ok(after[3] < rmse / 2, `RMSE ${rmse} → ${after[3]}`);
  assert.match(await page.getByTestId('notice').innerText(), /Calibrated against office\.survey\.csv: RMSE .* Ctrl\+Z takes it back/);
  assert.match(await page.getByTestId('survey-calibration').innerText(), /Calibrated against office\.survey\.csv/);
  assert.match(await page.getByTestId('calibration-moved').innerText(), /drywall at 5 GHz/);
  // The calibrated project checked again: what the calibration reported.
  await page.waitForFunction(
    (want) => {
      const cells = document.querySelectorAll('[data-testid="survey-all"] td');
      return cells.length > 4 && Number(cells[4].innerText.replace('−', '-')) === want;
    },
    after[3],
    { timeout: 120_000 },
  );
  await page.waitForSelector(READY);
  await nextFrame(page);
  const plan = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="plan-canvas"]');
    const px = c.getContext('2d').getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
    return { kept: c.__kept === true, overlayKept: document.querySelector('[data-testid="plan-overlay"]').__kept === true, alpha: px[3] };
  });
  assert.deepEqual(plan, { kept: true, overlayKept: true, alpha: 255 }, 'the floor is drawn on the page’s canvas');
  await page.screenshot({ path: join(SCREENSHOTS, 'survey-calibrated.png') });

  await page.getByTestId('survey-colour').selectOption('measured');
  await page.waitForSelector(READY);
  await page.screenshot({ path: join(SCREENSHOTS, 'survey-measured.png') });

  // One undo takes the whole calibration away.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() =>
    /Not calibrated/.test(document.querySelector('[data-testid="survey-calibration"]')?.innerText ?? ''),
  );

  // A broken survey: refused with the file and line named; the project keeps its survey.
  await page.getByTestId('survey-file-input').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y,ap,rssi_dbm\n1,2,AP-0-01,-50\n3,NaN,AP-0-01,-50\n'),
  });
  const banner = page.getByTestId('error');
  await banner.waitFor({ timeout: 60_000 });
  assert.match(await banner.innerText(), /broken\.csv.*line 3/);
  assert.match(await page.getByTestId('survey-list').innerText(), /office\.survey\.csv/);
  assertClean(log);
  await context.close();
});
