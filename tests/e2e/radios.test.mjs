// End-to-end tests of access points' radios, models and antennas in the editor, and of
// "Plan channels": what a user sets in the property panel, drawn on the plan, and the
// building's interior outlined on a plan without rooms. Run through run.sh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  HERE,
  READY,
  SCREENSHOTS,
  assertClean,
  browser,
  clickAt,
  openEditor,
  openSample,
  server,
  startForFile,
  waitReplaced,
} from './harness.mjs';

startForFile();

const prop = (page, key) => page.getByTestId(`prop-${key}`);

/** Sets a property field as a user does: a choice picked, or text typed then Enter. */
async function setProp(page, key, value) {
  const field = prop(page, key);
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') {
    await field.selectOption(value);
  } else {
    await field.fill(value);
    await field.press('Enter');
  }
}

test('an access point becomes a tri-band model with a turned patch antenna; channels are planned', { timeout: 120_000 }, async () => {
  const { context, page, log } = await openEditor(browser, server);
  await page.waitForSelector(READY, { timeout: 60_000 });
  await openSample(page, 'small');
  // AP-0-01 of the small sample stands at (7.5, 7.0).
  await clickAt(page, 7.5, 7.0);
  await page.waitForSelector('[data-testid="prop-model"]');
  assert.equal(await prop(page, 'radios').inputValue(), '1');

  await setProp(page, 'model', 'generic-tri-band-ceiling');
  await page.waitForFunction(() => document.querySelector('[data-testid="prop-radios"]')?.value === '3');
  assert.equal(await prop(page, 'radio3_band').inputValue(), '6');
  assert.equal(await prop(page, 'radio2_antenna').inputValue(), 'tailplan omni ceiling 4 dBi');

  // The 5 GHz radio gets the patch, turned east: drawn on the plan as its pattern.
  await setProp(page, 'radio2_antenna', 'tailplan patch 70deg 8 dBi');
  await page.waitForSelector('[data-testid="prop-radio2_azimuth_deg"]');
  await setProp(page, 'radio2_azimuth_deg', '90');
  await page.waitForFunction(() => document.querySelector('[data-testid="prop-radio2_azimuth_deg"]')?.value === '90');
  await page.screenshot({ path: join(SCREENSHOTS, 'radios-antenna.png') });

  // A manufacturer's pattern file, opened: it joins the library and the radio takes it.
  const before = await page.getByTestId('project-name').innerText();
  await page.getByTestId('file-input').setInputFiles(join(HERE, '../antennas/patch-5ghz.msi'));
  const added = page.getByTestId('notice');
  await added.waitFor();
  assert.match(await added.innerText(), /^Antenna pattern “.+” \(\d+\.\d dBi\) added to the project's library/);
  assert.equal(await page.getByTestId('project-name').innerText(), before, 'the project stays open');
  const name = (await added.innerText()).match(/“(.+)”/)[1];
  await clickAt(page, 7.5, 7.0);
  await page.waitForSelector('[data-testid="prop-radio2_antenna"]');
  await setProp(page, 'radio2_antenna', name);
  await page.waitForFunction((n) => document.querySelector('[data-testid="prop-radio2_antenna"]')?.value === n, name);

  // Plan channels on the coverage tab: a notice says what changed; Ctrl+Z takes it back.
  await page.getByTestId('panel-coverage').click();
  await page.getByTestId('plan-channels').click();
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /GHz channels: \d+ of \d+ radio\(s\) changed/);
  await page.screenshot({ path: join(SCREENSHOTS, 'radios-plan-channels.png') });
  assertClean(log);
  await context.close();
});

test('a plan without rooms shows its building interior', { timeout: 120_000 }, async () => {
  const { context, page, log } = await openEditor(browser, server);
  await page.waitForSelector(READY, { timeout: 60_000 });
  await openSample(page, 'small');
  const before = await page.getByTestId('project-name').innerText();
  // Walls alone, an L-shaped building with a doorway, as a DXF of walls arrives.
  const wall = (coords) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: { kind: 'wall', material: 'brick' } });
  const plan = {
    type: 'FeatureCollection',
    features: [
      wall([[0, 0], [30, 0], [30, 12], [14, 12], [14, 25], [0, 25], [0, 11]]),
      wall([[0, 10], [0, 0]]),
      wall([[14, 0], [14, 12]]),
      { type: 'Feature', geometry: { type: 'Point', coordinates: [7, 6] }, properties: { kind: 'ap', band: '5' } },
    ],
  };
  const path = join(SCREENSHOTS, 'roomless.geojson');
  writeFileSync(path, JSON.stringify(plan));
  await page.getByTestId('file-input').setInputFiles(path);
  await waitReplaced(page, before);
  await page.getByTestId('panel-coverage').click();
  const sub = page.locator('.coverage .panel__sub');
  await sub.first().waitFor({ timeout: 60_000 });
  try {
    await page.waitForFunction(() => /inside the walls/.test(document.querySelector('.coverage')?.textContent ?? ''), null, { timeout: 60_000 });
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOTS, 'radios-interior-failed.png') });
    throw new Error(`${e.message}\n${await page.locator('.coverage').innerText()}\n${JSON.stringify(log.consoleErrors.concat(log.pageErrors))}`);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'radios-interior.png') });
  assertClean(log);
  await context.close();
});

test('clients per radio: a crowded room makes its radio a finding; the map shows the load', { timeout: 120_000 }, async () => {
  const { context, page, log } = await openEditor(browser, server);
  await page.waitForSelector(READY, { timeout: 60_000 });
  await openSample(page, 'small');
  await page.getByTestId('panel-coverage').click();
  await page.getByTestId('coverage-metric').selectOption('clients');
  const table = page.getByTestId('capacity-radios');
  await table.waitFor({ timeout: 60_000 });
  assert.equal(await table.locator('tbody tr').count(), 2);
  const people = async () => Number((await page.getByTestId('capacity-summary').innerText()).match(/^(\d+) people · \d+ clients/)[1]);
  const before = await people();

  // A room of 200 people at (2.5, 3.0): its access point serves more than it should.
  await page.getByTestId('panel-properties').click();
  await clickAt(page, 2.5, 3.0);
  await page.waitForSelector('[data-testid="prop-people"]');
  await setProp(page, 'category', 'conferenceroom');
  await setProp(page, 'people', '200');
  await page.waitForFunction(() => document.querySelector('[data-testid="prop-people"]')?.value === '200');
  await page.getByTestId('panel-coverage').click();
  await page.waitForFunction((n) => {
    const m = document.querySelector('[data-testid="capacity-summary"]')?.innerText.match(/^(\d+) people/);
    return m && Number(m[1]) > n + 150;
  }, before, { timeout: 60_000 });
  assert.ok((await table.locator('.table__row--warn').count()) >= 1);
  assert.match(await page.getByTestId('capacity-summary').innerText(), /radio\(s\) over the limits/);
  assert.match(await page.getByTestId('heat-legend').innerText(), /Clients per radio/);
  await page.screenshot({ path: join(SCREENSHOTS, 'radios-clients.png') });
  assertClean(log);
  await context.close();
});
