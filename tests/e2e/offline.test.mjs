// The editor works offline after the first visit: its service worker keeps its files, so a
// reload with the server gone opens the editor, the project kept in the browser, and the
// worker that computes coverage. Its own server, stopped half-way. Run through run.sh.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import {
  READY,
  SCREENSHOTS,
  assertClean,
  browser,
  openEditor,
  restartServer,
  server,
  startForFile,
} from './harness.mjs';

startForFile();

describe('offline', () => {
  test('a reload with the network gone opens the editor and computes coverage', { timeout: 180_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    // The service worker has kept every file once it is active.
    const cached = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('tailplan-')));
      return { active: !!reg.active, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    assert.ok(cached.active);
    for (const f of ['/', '/office.tailplan.json', '/tailplan-worker_bg.wasm', '/tailplan-files_bg.wasm']) {
      assert.ok(cached.files.includes(f), `${f} is kept: ${cached.files}`);
    }
    const name = await page.getByTestId('project-name').innerText();

    // The server goes away; the page reloads from the browser alone.
    const port = new URL(server.url).port;
    await server.close();
    await page.reload();
    await page.waitForSelector(READY, { timeout: 60_000 });
    assert.equal(await page.getByTestId('project-name').innerText(), name);
    // The worker starts from the cache too: a heatmap.
    await page.getByTestId('layer-heatmap').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="plan-canvas"]').dataset.heat?.endsWith('fine'),
      undefined,
      { timeout: 120_000 },
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'offline.png') });
    // Nothing failed but what the missing server must fail, and nothing left the origin.
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.foreign, []);
    log.failed = [];
    log.consoleErrors = log.consoleErrors.filter((m) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(m));
    assertClean(log);
    await context.close();
    // The other tests of this file (none now) would need it back.
    await restartServer(Number(port));
  });
});
