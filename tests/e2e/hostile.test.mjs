// End-to-end tests that text from a file never reaches the page as HTML: layer names, labels
// and element names full of markup are shown as the characters they are, nothing they name
// is fetched or run, and the page has no inline script and a Content-Security-Policy that
// allows none. Run through run.sh.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  READY,
  assertClean,
  browser,
  clickAt,
  counts,
  openEditor,
  server,
  startForFile,
} from './harness.mjs';

startForFile();

// Each would set window.__pwned (self is the window), or fetch a file, if it ever became
// markup. (Not spelt "window": a layer with that word in its name is read as windows.)
const IMG = '<img src=x onerror="self.__pwned=1">';
const SCRIPT = '<script>self.__pwned=2</script>';
const ENTITY = '&lt;b&gt; &amp; &#x3C;i&#x3E; & <b>bold</b>';

/** A DXF (R12 entities only) with walls on layers named with markup, and a label. */
function hostileDxf() {
  const g = (code, value) => `${code}\n${value}\n`;
  const line = (layer, x1, y1, x2, y2) =>
    g(0, 'LINE') + g(8, layer) + g(10, x1) + g(20, y1) + g(30, 0) + g(11, x2) + g(21, y2) + g(31, 0);
  const box = (layer, w, h) =>
    line(layer, 0, 0, w, 0) + line(layer, w, 0, w, h) + line(layer, w, h, 0, h) + line(layer, 0, h, 0, 0);
  return (
    g(0, 'SECTION') + g(2, 'HEADER') + g(9, '$INSUNITS') + g(70, 6) + g(0, 'ENDSEC') +
    g(0, 'SECTION') + g(2, 'ENTITIES') +
    box(`WALL ${IMG}`, 12, 8) +
    line(`WALL ${SCRIPT}`, 6, 0, 6, 8) +
    g(0, 'TEXT') + g(8, `TEXT ${ENTITY}`) + g(10, 2) + g(20, 4) + g(30, 0) + g(40, 0.3) + g(1, `Room ${SCRIPT}`) +
    g(0, 'ENDSEC') + g(0, 'EOF')
  );
}

/** A GeoJSON plan whose room and access point carry markup in their names. */
function hostileGeoJson() {
  const f = (geometry, properties) => ({ type: 'Feature', geometry, properties });
  const ring = [[0, 0], [10, 0], [10, 6], [0, 6], [0, 0]];
  return JSON.stringify({
    type: 'FeatureCollection',
    tailplan: { version: 1 },
    features: [
      f({ type: 'Polygon', coordinates: [ring] }, { kind: 'wall', material: 'brick', name: ENTITY }),
      f({ type: 'Polygon', coordinates: [ring] }, { kind: 'room', name: IMG }),
      f({ type: 'Point', coordinates: [5, 3] }, { kind: 'ap', name: SCRIPT, band: '5' }),
    ],
  });
}

async function assertNothingRan(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup from a file ran');
  assert.equal(await page.locator('img[src="x"], b, i').count(), 0, 'markup from a file became elements');
}

describe('text from files', () => {
  test('layer names and labels of a DXF are shown as text', { timeout: 180_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await page.getByTestId('file-input').setInputFiles({
      name: 'hostile.dxf',
      mimeType: 'application/dxf',
      buffer: Buffer.from(hostileDxf()),
    });
    await page.getByTestId('import-dialog').waitFor({ timeout: 60_000 });
    const table = await page.getByTestId('import-layers').innerText();
    assert.ok(table.includes(`WALL ${IMG}`), table);
    assert.ok(table.includes(`WALL ${SCRIPT}`), table);
    assert.ok(table.includes(`TEXT ${ENTITY}`), table);
    await assertNothingRan(page);
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]'));
    await page.waitForFunction(() => document.querySelector('[data-testid="project-name"]').innerText.includes('hostile'));
    assert.ok((await counts(page)).wall >= 4, JSON.stringify(await counts(page)));
    await assertNothingRan(page);
    assertClean(log);
    await context.close();
  });

  test('names in a GeoJSON plan are shown as text, in the properties and the tables', { timeout: 180_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await page.getByTestId('file-input').setInputFiles({
      name: 'hostile.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(hostileGeoJson()),
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="project-name"]').innerText.includes('hostile'));
    await page.waitForSelector(READY);
    await page.getByTestId('fit-button').click();
    await clickAt(page, 5, 3);
    assert.equal(await page.getByTestId('prop-name').inputValue(), SCRIPT);
    // The room's name in the coverage panel's table of rooms.
    await page.getByTestId('layer-heatmap').click();
    await page.getByTestId('panel-coverage').click();
    await page.getByTestId('coverage-rooms').waitFor({ timeout: 120_000 });
    assert.ok((await page.getByTestId('coverage-rooms').innerText()).includes(IMG));
    await assertNothingRan(page);
    assertClean(log);
    await context.close();
  });

  test('the page has no inline script, allows none, and no other origin', { timeout: 60_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = Object.fromEntries(
      csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]),
    );
    assert.deepEqual(directives['default-src'], ["'self'"]);
    for (const [name, sources] of Object.entries(directives)) {
      for (const s of sources) {
        assert.ok(
          ["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:'].includes(s),
          `${name} allows ${s}`,
        );
      }
    }
    assert.equal(await page.locator('script:not([src])').count(), 0, 'an inline script in the page');
    // An inline script added now is refused by the policy.
    const ran = await page.evaluate(() => new Promise((ok) => {
      document.addEventListener('securitypolicyviolation', () => ok('refused'), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      setTimeout(() => ok(window.__inline === 1 ? 'ran' : 'not run'), 500);
    }));
    assert.equal(ran, 'refused');
    // The refusal is reported on the console; nothing else may be.
    log.consoleErrors = log.consoleErrors.filter((e) => !/Content Security Policy/.test(e));
    assertClean(log);
    await context.close();
  });
});
