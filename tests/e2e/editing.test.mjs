// End-to-end tests of editing, as a user does it: Debian's Chromium driven by playwright-core
// against the release build in dist/. Clicks land on world coordinates through the canvas's
// `data-view` (the view transform), so the tests read like the plan: "click the AP at
// (7.5, 3)". Run through run.sh, or `node --test` here once dist/ is built.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  FIXTURES,
  HERE,
  READY,
  SCREENSHOTS,
  assertClean,
  browser,
  clickAt,
  counts,
  openEditor,
  openSample,
  screenOf,
  server,
  startForFile,
  waitKept,
  waitReplaced,
  watch,
} from './harness.mjs';

const SMALL = join(HERE, '../../floorplans/small.tailplan.json');
const PLAN = join(FIXTURES, 'plan.geojson');
const DXF = join(FIXTURES, 'annex.dxf');

startForFile();

const pressed = (page, id) => page.getByTestId(id).getAttribute('aria-pressed');
const prop = (page, key) => page.getByTestId(`prop-${key}`);

/** Sets a property field as a user does: type, then Enter. */
async function setProp(page, key, value) {
  const field = prop(page, key);
  await field.fill(value);
  await field.press('Enter');
}

/** Presses a tool's key and checks its button shows it in hand. */
async function tool(page, key, name) {
  await page.keyboard.press(key);
  assert.equal(await pressed(page, `tool-${name}`), 'true', `${key} picks ${name}`);
}

/** Opens the small sample (30 x 15 m, TR-0 at (11.5, 10.5), a tray along y = 7). */
async function small(page) {
  await page.waitForSelector(READY, { timeout: 60_000 });
  await openSample(page, 'small');
  assert.equal(await page.getByTestId('project-name').innerText(), 'tailplan sample: Small floor');
}

/** Drags with the left button from one world point to another, in steps. */
async function drag(page, from, to, { release = true } = {}) {
  const a = await screenOf(page, ...from);
  const b = await screenOf(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 12 });
  if (release) await page.mouse.up();
}

describe('editing', () => {
  test('place an AP, draw a wall and a tray, route by hand, edit, undo, redo, delete', { timeout: 120_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await small(page);
    const start = await counts(page);
    assert.equal(start.AP, 2);

    // Place an access point: A, then a click.
    await tool(page, 'a', 'ap');
    await clickAt(page, 7.5, 3.0);
    assert.equal((await counts(page)).AP, 3);
    assert.equal(await page.getByTestId('properties-kind').innerText(), 'Access point');
    assert.equal(await prop(page, 'name').inputValue(), 'AP-1');
    assert.equal(await prop(page, 'x').inputValue(), '7.5');
    assert.equal(await page.getByTestId('undo').isEnabled(), true);
    await page.screenshot({ path: join(SCREENSHOTS, 'edit-placed-ap.png') });

    // Edit a property; an impossible value is refused with the core's message.
    await setProp(page, 'radio1_tx_dbm', '17');
    await page.waitForFunction(() => document.querySelector('[data-testid="prop-radio1_tx_dbm"]').value === '17');
    await setProp(page, 'radio1_tx_dbm', '400');
    const error = page.getByTestId('property-error');
    await error.waitFor();
    assert.equal(await error.innerText(), 'ap "ap-1": tx_dbm 400 must be at least -30 and at most 60');
    assert.equal(await prop(page, 'radio1_tx_dbm').inputValue(), '17', 'the refused value changed nothing');
    await page.screenshot({ path: join(SCREENSHOTS, 'edit-property-refused.png') });
    await setProp(page, 'radio1_tx_dbm', 'loud');
    assert.equal(await error.innerText(), 'radio1_tx_dbm: “loud” is not a number');
    await setProp(page, 'radio1_tx_dbm', '18');
    await page.waitForFunction(() => !document.querySelector('[data-testid="property-error"]'));

    // Text being typed survives the editor drawing again meanwhile (here: the pointer's
    // position in the status bar, as the mouse crosses the plan).
    await prop(page, 'name').fill('AP-TYPED');
    const cursor = await page.getByTestId('status-cursor').innerText();
    for (const x of [12, 14, 16]) {
      const p = await screenOf(page, x, 5);
      await page.mouse.move(p.x, p.y);
    }
    await page.waitForFunction((c) => document.querySelector('[data-testid="status-cursor"]').innerText !== c, cursor);
    assert.equal(await prop(page, 'name').inputValue(), 'AP-TYPED', 'still what was typed');
    await prop(page, 'name').press('Enter');
    assert.equal(await prop(page, 'name').inputValue(), 'AP-TYPED');
    // It was the edit made: one undo takes it back, and only it.
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="prop-name"]').value === 'AP-1');
    assert.equal(await prop(page, 'radio1_tx_dbm').inputValue(), '18');

    // A wall: W, click, click, Enter.
    await tool(page, 'w', 'wall');
    await clickAt(page, 20, 12);
    await clickAt(page, 26, 12);
    const wall = await page.screenshot({ path: join(SCREENSHOTS, 'edit-drawing-wall.png') });
    assert.ok(wall.length > 0);
    await page.keyboard.press('Enter');
    assert.equal((await counts(page)).wall, start.wall + 1);
    assert.equal(await page.getByTestId('properties-kind').innerText(), 'Wall');
    assert.equal(await prop(page, 'length_m').innerText(), '6.00');

    // A tray: T, clicks, Enter.
    await tool(page, 't', 'tray');
    await clickAt(page, 18, 13.5);
    await clickAt(page, 28, 13.5);
    await page.keyboard.press('Enter');
    assert.equal((await counts(page)).tray, start.tray + 1);

    // A cable route by hand: from the new AP along the corridor tray to TR-0.
    await tool(page, 'c', 'route');
    await clickAt(page, 7.5, 3.0);
    await clickAt(page, 7.5, 7.0);
    await clickAt(page, 11.5, 7.0);
    await clickAt(page, 11.5, 10.5);
    assert.equal((await counts(page))['cable route'], (start['cable route'] ?? 0) + 1);
    assert.equal(await page.getByTestId('properties-kind').innerText(), 'Cable route');
    assert.equal(await prop(page, 'from').inputValue(), 'AP-1');
    assert.equal(await prop(page, 'to').inputValue(), 'TR-0');
    // The legend names the room the route refers to (by its id).
    assert.match(await page.getByTestId('legend').innerText(), /Cables to TR-0/i);
    await page.screenshot({ path: join(SCREENSHOTS, 'edit-route.png') });

    // Undo and redo, by keys and by buttons.
    const routes = (await counts(page))['cable route'];
    await page.keyboard.press('Control+z');
    assert.equal((await counts(page))['cable route'] ?? 0, routes - 1);
    await page.keyboard.press('Control+Shift+z');
    assert.equal((await counts(page))['cable route'], routes);
    await page.getByTestId('undo').click();
    assert.equal((await counts(page))['cable route'] ?? 0, routes - 1);
    await page.keyboard.press('Control+y');
    assert.equal((await counts(page))['cable route'], routes);
    await page.getByTestId('undo').click();
    await page.getByTestId('redo').click();
    assert.equal((await counts(page))['cable route'], routes);

    // The route refers to the AP by id: renaming the AP keeps the route, which shows the
    // new name. Undo puts the old name back.
    await tool(page, 'v', 'select');
    await clickAt(page, 7.5, 3.0);
    assert.equal(await page.getByTestId('properties-kind').innerText(), 'Access point');
    await setProp(page, 'name', 'AP-LOBBY');
    await clickAt(page, 7.5, 5.0);
    assert.equal(await page.getByTestId('properties-kind').innerText(), 'Cable route');
    assert.equal(await prop(page, 'from').inputValue(), 'AP-LOBBY');
    assert.equal((await counts(page))['cable route'], routes);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[data-testid="prop-from"]')?.value === 'AP-1');

    // Select the wall and delete it; undo brings it back.
    await tool(page, 'v', 'select');
    await clickAt(page, 23, 12);
    assert.equal(await page.getByTestId('properties-kind').innerText(), 'Wall');
    await page.keyboard.press('Delete');
    assert.equal((await counts(page)).wall, start.wall);
    assert.match(await page.getByTestId('notice').innerText(), /Deleted 1 element/);
    await page.keyboard.press('Control+z');
    assert.equal((await counts(page)).wall, start.wall + 1);

    // Drag the AP one metre: one edit, one undo.
    await drag(page, [7.5, 3.0], [8.5, 3.0]);
    assert.equal(await page.getByTestId('properties-kind').innerText(), 'Access point');
    assert.equal(await prop(page, 'x').inputValue(), '8.5');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[data-testid="prop-x"]')?.value === '7.5');
    // Arrow keys move it too (Shift: 1 m).
    await page.getByTestId('plan-canvas').focus();
    await page.keyboard.press('Shift+ArrowUp');
    assert.equal(await prop(page, 'y').inputValue(), '4');

    assert.equal(await page.getByTestId('error').count(), 0, 'no error banner');
    assertClean(log);
    await context.close();
  });

  test('the work survives a reload and a killed tab', { timeout: 120_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await small(page);
    await tool(page, 'a', 'ap');
    await clickAt(page, 7.5, 3.0);
    await setProp(page, 'name', 'AP-KEPT');
    await page.waitForFunction(() => document.querySelector('[data-testid="prop-name"]').value === 'AP-KEPT');
    await waitKept(page);
    assert.equal(await page.getByTestId('unsaved').count(), 1, 'marked as not saved to a file');

    // A reload restores it, with a fresh history.
    await page.reload();
    await page.waitForSelector(READY, { timeout: 60_000 });
    assert.equal(await page.getByTestId('project-name').innerText(), 'tailplan sample: Small floor');
    assert.equal((await counts(page)).AP, 3);
    assert.match(await page.getByTestId('notice').innerText(), /Restored/);
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'the history starts afresh');
    assert.equal(await page.getByTestId('unsaved').count(), 1, 'still not saved to a file');

    // A crash in the middle of work: a wall drawn, a drag under way, the page killed.
    await tool(page, 'w', 'wall');
    await clickAt(page, 20, 12);
    await clickAt(page, 26, 12);
    const walls = (await counts(page)).wall;
    await waitKept(page);
    await tool(page, 'v', 'select');
    await drag(page, [22.5, 3.0], [25, 4.0], { release: false });
    // Kill the tab's renderer process (Chrome's "Aw, Snap!"): no beforeunload, no unload, no
    // last write; only what autosave had already stored can come back.
    const crashed = new Promise((ok) => page.once('crash', ok));
    const cdp = await context.newCDPSession(page);
    cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
    await crashed;
    const again = await context.newPage();
    const log2 = watch(again, server);
    await again.goto(server.url);
    await again.waitForSelector(READY, { timeout: 60_000 });
    assert.equal((await counts(again)).wall, walls, 'the wall drawn before the crash is there');
    assert.equal((await counts(again)).AP, 3);
    // The AP renamed earlier, by selecting it.
    await clickAt(again, 7.5, 3.0);
    assert.equal(await again.getByTestId('prop-name').inputValue(), 'AP-KEPT');
    assertClean(log);
    assertClean(log2);
    await context.close();
  });

  test('open a project file, import a GeoJSON plan, drop a file, refuse a broken one', { timeout: 120_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const input = page.getByTestId('file-input');

    // A project file through the file input (what the Open button shows).
    let before = await page.getByTestId('project-name').innerText();
    await input.setInputFiles(SMALL);
    await waitReplaced(page, before);
    assert.equal(await page.getByTestId('project-name').innerText(), 'tailplan sample: Small floor');
    assert.equal((await counts(page)).wall, 64);

    // Make a change: opening another file now asks first.
    await tool(page, 'a', 'ap');
    await clickAt(page, 7.5, 3.0);
    before = await page.getByTestId('project-name').innerText();
    await input.setInputFiles(PLAN);
    await page.getByTestId('confirm-dialog').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-replace.png') });
    await page.getByTestId('confirm-cancel').click();
    assert.equal(await page.getByTestId('project-name').innerText(), before, 'cancel keeps the project');
    assert.equal((await counts(page)).AP, 3);
    await input.setInputFiles(PLAN);
    await waitReplaced(page, before, 'confirm-discard');
    assert.equal(await page.getByTestId('project-name').innerText(), 'plan');
    assert.equal(await page.getByTestId('floor-select').inputValue(), '1');
    const annex = await counts(page);
    assert.deepEqual([annex.wall, annex.room, annex.AP], [5, 2, 1]);

    // A DXF drawing in millimetres: two walls drawn as their two faces become two walls.
    // A drawing goes through the import dialog (its layer table) first.
    before = await page.getByTestId('project-name').innerText();
    await input.setInputFiles(DXF);
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-confirm').click();
    await waitReplaced(page, before);
    assert.equal(await page.getByTestId('project-name').innerText(), 'annex');
    assert.equal((await counts(page)).wall, 2);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-dxf.png') });
    await input.setInputFiles(PLAN);
    await waitReplaced(page, 'annex');

    // A broken project file: a readable message, the project intact.
    await input.setInputFiles({
      name: 'broken.tailplan.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "tailplan-project",\n "version": 1, "floors": [{"id": 3}]}'),
    });
    const banner = page.getByTestId('error');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Could not open “broken\.tailplan\.json”: floors\[0\]/);
    assert.equal(await page.getByTestId('project-name').innerText(), 'plan');
    assert.deepEqual(await counts(page), annex);
    await page.screenshot({ path: join(SCREENSHOTS, 'error-broken-file.png') });
    await banner.getByRole('button', { name: /dismiss/i }).click();

    // A format nobody reads: said so.
    await input.setInputFiles({ name: 'tower.dwg', mimeType: 'application/octet-stream', buffer: Buffer.from('AC1032\0\0\0\0') });
    await banner.waitFor();
    assert.match(await banner.innerText(), /tower\.dwg/);
    await banner.getByRole('button', { name: /dismiss/i }).click();

    // A file dropped on the plan opens like one picked.
    before = await page.getByTestId('project-name').innerText();
    const text = readFileSync(SMALL, 'utf8');
    await page.evaluate((text) => {
      const plan = document.querySelector('.plan');
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.tailplan.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        plan.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, text);
    await waitReplaced(page, before);
    assert.equal(await page.getByTestId('project-name').innerText(), 'tailplan sample: Small floor');

    // The broken file's and the DWG's errors were shown as banners, not in the console.
    assertClean(log);
    await context.close();
  });

  test('save downloads a project file that opens again', { timeout: 120_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server, { acceptDownloads: true });
    await small(page);
    await tool(page, 'a', 'ap');
    await clickAt(page, 7.5, 3.0);
    assert.equal(await page.getByTestId('unsaved').count(), 1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    assert.equal(download.suggestedFilename(), 'small.tailplan.json');
    const path = join(SCREENSHOTS, 'downloaded.tailplan.json');
    await download.saveAs(path);
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(saved.format, 'tailplan-project');
    assert.equal(saved.version, 4);
    assert.ok(saved.floors[0].access_points.every((a) => Array.isArray(a.radios)), 'written with radios');
    assert.equal(saved.floors[0].access_points.length, 3);
    await page.waitForFunction(() => !document.querySelector('[data-testid="unsaved"]'));

    // It opens again (through tailplan-core's project_file, compiled into the editor).
    await openSample(page, 'office');
    const before = await page.getByTestId('project-name').innerText();
    await page.getByTestId('file-input').setInputFiles(path);
    await waitReplaced(page, before);
    assert.equal((await counts(page)).AP, 3);
    // The Save button does the same.
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-save').click()]);
    assert.equal(again.suggestedFilename(), 'downloaded.tailplan.json');

    // A project file of format version 1 (its route by names) opens, and saves as this
    // version, the route by ids.
    await openSample(page, 'office');
    const office = await page.getByTestId('project-name').innerText();
    await page.getByTestId('file-input').setInputFiles(join(HERE, '../migrations/v1/small.tailplan.json'));
    await waitReplaced(page, office);
    assert.equal((await counts(page)).AP, 2);
    const [upgraded] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-save').click()]);
    const current = JSON.parse(readFileSync(await upgraded.path(), 'utf8'));
    assert.equal(current.version, 4);
    assert.deepEqual(current.floors[0].access_points[0].radios, [{ band: '5', channel: 36, tx_dbm: 20 }]);
    const route = current.floors[0].routes[0];
    assert.deepEqual([route.from, route.to], ['dev-0-005', 'tr-0']);
    assertClean(log);
    await context.close();
  });

  test('a new project, measuring, snapping, boxes and zooming to the selection', { timeout: 120_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await small(page);
    const fitted = await page.getByTestId('status-scale').innerText();

    // Measure across the building, corner to corner (the corners snap).
    await tool(page, 'm', 'measure');
    await clickAt(page, 0.1, 0.1);
    await clickAt(page, 29.9, 0.1);
    assert.match(await page.getByTestId('measure-result').innerText(), /^30\.00 m/);

    // The snap indicator shows where a click lands: on a wall, it says so.
    await tool(page, 'w', 'wall');
    const near = await screenOf(page, 3.3, 6.15);
    await page.mouse.move(near.x, near.y);
    const orange = await page.evaluate(({ x, y }) => {
      const c = document.querySelector('[data-testid="plan-overlay"]');
      const r = c.getBoundingClientRect();
      const k = c.width / r.width;
      const { data } = c.getContext('2d').getImageData((x - r.left - 40) * k, (y - r.top - 40) * k, 120 * k, 80 * k);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - 0xe8) < 20 && Math.abs(data[i + 1] - 0x59) < 20 && Math.abs(data[i + 2] - 0x0c) < 20) n += 1;
      }
      return n;
    }, near);
    assert.ok(orange > 20, `snap indicator pixels: ${orange}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'edit-snap.png') });
    await page.keyboard.press('Escape');

    // A box around the whole floor selects it all; Z zooms to it; Esc clears.
    await tool(page, 'v', 'select');
    await drag(page, [-0.5, 15.5], [30.5, -0.5]);
    const selected = Number((await page.getByTestId('status-selected').innerText()).split(' ')[0]);
    assert.ok(selected > 100, `${selected} selected`);
    assert.equal(await page.getByTestId('properties-kind').innerText(), `${selected} elements`);
    await page.screenshot({ path: join(SCREENSHOTS, 'edit-box-selection.png') });
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('status-selected').count(), 0);
    await clickAt(page, 22.5, 7.0); // AP-0-02
    await page.getByTestId('zoom-selection').click();
    assert.notEqual(await page.getByTestId('status-scale').innerText(), fitted);
    await page.keyboard.press('f');
    await page.waitForFunction((f) => document.querySelector('[data-testid="status-scale"]').innerText === f, fitted);

    // The help lists every tool with its key; Esc closes it.
    await page.keyboard.press('?');
    const help = page.getByTestId('help-panel');
    await help.waitFor();
    const text = await help.innerText();
    for (const t of ['Wall', 'Door', 'Window', 'Room', 'Access point', 'IoT gateway', 'Device', 'Outlet', 'Cable tray', 'Riser', 'Telecom room', 'Cable route', 'Measure']) {
      assert.ok(text.includes(t), `help lists ${t}`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'help.png') });
    await page.keyboard.press('Escape');
    assert.equal(await help.count(), 0);

    // A new project: one empty floor to draw a room on.
    const before = await page.getByTestId('project-name').innerText();
    await page.getByTestId('file-new').click();
    await waitReplaced(page, before);
    assert.equal(await page.getByTestId('project-name').innerText(), 'Untitled project');
    await tool(page, 'r', 'room');
    for (const [x, y] of [[0, 0], [6, 0], [6, 4], [0, 4]]) await clickAt(page, x, y);
    await page.keyboard.press('Enter');
    assert.equal((await counts(page)).room, 1);
    assertClean(log);
    await context.close();
  });

  test('every tool is a labelled button the keyboard reaches, with visible focus', { timeout: 120_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server);
    await page.waitForSelector(READY, { timeout: 60_000 });
    const tools = await page.locator('[data-testid^="tool-"]:not([data-testid="tool-palette"]):not([data-testid="tool-hint"])').evaluateAll((bs) =>
      bs.map((b) => ({ id: b.dataset.testid, label: b.getAttribute('aria-label'), title: b.title, tag: b.tagName })),
    );
    assert.equal(tools.length, 15);
    for (const t of tools) {
      assert.equal(t.tag, 'BUTTON', t.id);
      assert.ok(t.label && t.title, `${t.id} has a label and a title`);
    }
    // Tab through the page: every tool is reached, and focus shows.
    const reached = new Set();
    let outline = null;
    for (let i = 0; i < 80 && reached.size < tools.length; i += 1) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return { id: el.dataset?.testid ?? '', outline: `${s.outlineStyle} ${s.outlineWidth}` };
      });
      if (f.id.startsWith('tool-')) {
        reached.add(f.id);
        outline = f.outline;
      }
    }
    assert.equal(reached.size, tools.length, `reached ${[...reached]}`);
    assert.match(outline, /^solid [1-9]/, 'a visible focus ring');
    // Enter on a focused tool button picks it.
    await page.getByTestId('tool-tray').focus();
    await page.keyboard.press('Enter');
    assert.equal(await pressed(page, 'tool-tray'), 'true');
    assertClean(log);
    await context.close();
  });

  test('opening the big sample shows progress', { timeout: 120_000 }, async () => {
    const { context, page, log } = await openEditor(browser, server, {
      route: (page) =>
        page.route('**/office.tailplan.json', async (r) => {
          await new Promise((ok) => setTimeout(ok, 1_500));
          await r.continue();
        }),
    });
    const progress = page.getByTestId('progress');
    await progress.waitFor({ timeout: 10_000 });
    assert.match(await progress.getAttribute('aria-label'), /Opening the sample “Office building”/);
    await page.screenshot({ path: join(SCREENSHOTS, 'progress.png') });
    await page.waitForSelector(READY, { timeout: 60_000 });
    assert.equal(await progress.count(), 0);
    // The page declares a policy that forbids other origins.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'/);
    assertClean(log);
    await context.close();
  });
});
