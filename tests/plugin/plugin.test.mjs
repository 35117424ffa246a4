// The npm package's nodejs build against the `tailplan` CLI, on the project's sample buildings:
// the same coverage grids, statistics, schedules, bills of materials, reports, CSV tables and
// design sheets, number for number, and the same error messages for the same bad input.
//
// TAILPLAN_CLI is the CLI binary (run.sh builds it); the package is the one installed from the
// .tgz into node_modules (run.sh), imported as a host imports it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Project, apModels, version } from 'tailplan';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const FLOORPLANS = join(ROOT, 'floorplans');
const CLI = process.env.TAILPLAN_CLI ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug/tailplan');

let work;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'tailplan-plugin-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI in `cwd`; returns its exit code and output. */
function cli(args, cwd = FLOORPLANS) {
  const r = spawnSync(CLI, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's one-line error, without its `tailplan: error: ` prefix. */
function cliError(args, cwd) {
  const r = cli(args, cwd);
  assert.equal(r.code, 2, `tailplan ${args.join(' ')} should fail with exit code 2:\n${r.stderr}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith('tailplan: error: '));
  assert.ok(line, `no error line in:\n${r.stderr}`);
  return line.slice('tailplan: error: '.length);
}

/**
 * The CLI's message with its flags named as the package names its options: the same error of
 * tailplan-app, worded by each front end with its own names (`--cell` is `cellM`).
 */
const OPTION_OF = [
  ['tailplan import --max-entities N', 'the option maxEntities'],
  ['tailplan import --max-points N', 'the option maxPoints'],
  ['tailplan import --max-nesting N', 'the option maxNesting'],
  ['--max-file-mb', 'the option maxFileMb'],
  ['--max-grid-cells', 'maxGridCells'],
  ['--cell', 'cellM'],
  ['--floor', 'floor'],
  ['--band', 'band'],
  ['--tech', 'tech'],
  ['--date', 'date'],
  ['--paper', 'paper'],
  ['--scale', 'scale'],
  ['--kind', 'kind'],
];
function asOptions(message) {
  return OPTION_OF.reduce((m, [flag, option]) => m.replaceAll(flag, option), message);
}

/** The message `f` throws; it must throw a JavaScript Error (a Rust panic would be a trap). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `a wasm trap (a Rust panic): ${e}`);
    return e.message;
  }
  assert.fail('did not throw');
}

/** Rust's `(v * 100.0).round() / 100.0`: halves away from zero. */
function round2(v) {
  const y = v * 100;
  return (y < 0 ? -Math.round(-y) : Math.round(y)) / 100;
}

/** The CLI's `round_numbers`: every number of a JSON value to 0.01. */
function roundNumbers(v) {
  if (typeof v === 'number') return round2(v);
  if (Array.isArray(v)) return v.map(roundNumbers);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundNumbers(x)]));
  return v;
}

/** Deep equality with numbers equal to a relative 1e-9 (platform maths: sin, log10...). */
function assertClose(actual, expected, path = '$') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = 1e-9 * Math.max(1, Math.abs(expected));
    assert.ok(Math.abs(actual - expected) <= tol, `${path}: ${actual} != ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${path}: length`);
    expected.forEach((e, i) => assertClose(actual[i], e, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path}: members`);
    for (const k of Object.keys(expected)) assertClose(actual[k], expected[k], `${path}.${k}`);
    return;
  }
  assert.equal(actual, expected, path);
}

/** Equal texts; else where they first differ, not the whole of both. */
function sameText(actual, expected, what) {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const at = (t) => JSON.stringify(t.slice(Math.max(0, i - 60), i + 60));
  assert.fail(`${what}: differs at character ${i} of ${expected.length}:\n  got      ${at(actual)}\n  expected ${at(expected)}`);
}

const read = (name) => readFileSync(join(FLOORPLANS, name), 'utf8');
const open = (name) => Project.fromJSON(read(name), name);

test('the package is the crate', () => {
  const require = createRequire(import.meta.url);
  assert.equal(version(), require('tailplan/package.json').version);
  // require() of the same package works too (CommonJS hosts).
  const { Project: Cjs } = require('tailplan');
  assert.deepEqual(new Cjs().floorIds(), []);
});

describe('coverage equals the CLI, number for number', () => {
  const cases = [
    ['small.tailplan.json', {}, []],
    ['office.tailplan.json', { floor: '1' }, ['--floor', '1']],
    ['office.tailplan.json', { floor: '2', band: '2.4', cellM: 1 }, ['--floor', '2', '--band', '2.4', '--cell', '1']],
    ['office.tailplan.json', { floor: '0', tech: 'gateway' }, ['--floor', '0', '--tech', 'gateway']],
  ];
  for (const [file, options, flags] of cases) {
    test(`${file} ${flags.join(' ')}`, () => {
      const project = open(file);
      if (options.tech === 'gateway') {
        // The technology of the floor's gateways.
        options.tech = project.floor('0').gateways[0].tech;
        flags[3] = options.tech;
      }
      const out = join(work, `coverage-${flags.join('')}.json`);
      const r = cli(['coverage', file, ...flags, '--out-json', out]);
      assert.equal(r.code, 0, r.stderr);
      const expected = JSON.parse(readFileSync(out, 'utf8'));
      const map = project.coverage(options);
      for (const k of ['floor', 'band', 'tech', 'cell_m', 'origin', 'cols', 'rows', 'transmitters']) {
        assert.deepEqual(map[k], expected[k], k);
      }
      assert.ok(map.best_rssi_dbm instanceof Float32Array);
      assert.equal(map.best_rssi_dbm.length, expected.cols * expected.rows);
      assert.equal(expected.best_rssi_dbm.length, map.best_rssi_dbm.length);
      let differ = 0;
      map.best_rssi_dbm.forEach((v, i) => {
        if (round2(v) !== expected.best_rssi_dbm[i]) differ++;
      });
      assert.equal(differ, 0, `${differ} of ${map.best_rssi_dbm.length} cells differ`);
      assert.deepEqual(roundNumbers(map.stats), expected.stats);
      assert.deepEqual(map.links === undefined ? undefined : roundNumbers(map.links), expected.links);
      if (options.tech) assert.ok(map.links.devices.length > 0);
      project.free();
    });
  }
});

describe('routing equals the CLI', () => {
  for (const file of ['small.tailplan.json', 'office.tailplan.json', 'campus.tailplan.json']) {
    test(`${file}: schedule, bill of materials, findings, cables, summary`, () => {
      const out = join(work, `route-${file}.json`);
      const r = cli(['route', file, '--json', out]);
      assert.equal(r.code, 0, r.stderr);
      const expected = JSON.parse(readFileSync(out, 'utf8'));
      const project = open(file);
      const routed = project.route();
      assert.deepEqual(routed.summary, expected.summary);
      assert.ok(routed.schedule.length > 10);
      assert.deepEqual(routed.schedule, expected.schedule);
      assert.deepEqual(routed.bill_of_materials, expected.bill_of_materials);
      assert.deepEqual(routed.distributors, expected.distributors);
      if (file.startsWith('campus')) {
        // The campus: backbone cables in the schedule, every distributor below the CD has a parent.
        assert.ok(routed.schedule.some((row) => row.kind === 'backbone'));
        assert.ok(routed.distributors.filter((d) => d.role !== 'cd').every((d) => d.parent));
        assert.ok(routed.routing.findings.some((f) => f.rule === 'horizontal-other-floor'));
      }
      const { final_tail: tail, ...rest } = routed.routing;
      const { final_tail: expectedTail, ...expectedRest } = expected.routing;
      assert.deepEqual(rest, expectedRest);
      // Radio margins go through log10: equal to 1e-9.
      assertClose(tail, expectedTail);
      project.free();
    });
  }

  test('office: every CSV table is the bytes the CLI writes', () => {
    const dir = mkdtempSync(join(work, 'csv-'));
    const files = { schedule: 'schedule', bill_of_materials: 'bom', tray_fill: 'fill', rooms: 'rooms', final_tail: 'final-tail', distributors: 'distributors' };
    const r = cli(['route', 'office.tailplan.json', ...Object.values(files).flatMap((f) => [`--${f}`, join(dir, `${f}.csv`)])]);
    assert.equal(r.code, 0, r.stderr);
    const project = open('office.tailplan.json');
    for (const [table, f] of Object.entries(files)) {
      sameText(project.csv(table), readFileSync(join(dir, `${f}.csv`), 'utf8'), table);
    }
    assert.ok(project.csv('findings').startsWith('severity,') || project.csv('findings').length > 0);
    assert.equal(
      thrown(() => project.csv('wiring')),
      'unknown table "wiring": expected schedule, bill_of_materials, tray_fill, rooms, findings, final_tail or distributors',
    );
    project.free();
  });

  test('office: the routed project is the one `route -o` writes', () => {
    const out = join(work, 'routed.tailplan.json');
    assert.equal(cli(['route', 'office.tailplan.json', '-o', out]).code, 0);
    const project = open('office.tailplan.json');
    const routed = project.routedProject();
    sameText(routed.toJSONText(), readFileSync(out, 'utf8'), 'routed project');
    routed.free();
    project.free();
  });
});

describe('placement equals the CLI', () => {
  test('small: access points, the file `place-aps --out` writes', () => {
    const out = join(work, 'aps.json');
    const r = cli(['place-aps', 'small.tailplan.json', '--secondary', '--spacing', '3', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const project = open('small.tailplan.json');
    const placed = project.placeAps({ secondary: true, spacingM: 3 });
    assert.ok(placed.proposals.length > 0);
    assert.deepEqual(roundNumbers(placed), JSON.parse(readFileSync(out, 'utf8')));
    project.free();
  });

  test('office floor 2: the channel plan `plan-channels --out` writes; applied, one undo step', () => {
    const out = join(work, 'channels.json');
    const r = cli(['plan-channels', 'office.tailplan.json', '--floor', '2', '--width', '40', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const project = open('office.tailplan.json');
    const before = project.toJSONText();
    const plan = project.planChannels({ floor: '2', widthMhz: 40 });
    assert.deepEqual(roundNumbers(plan), JSON.parse(readFileSync(out, 'utf8')));
    assert.equal(project.toJSONText(), before, 'a proposal changes nothing');
    project.planChannels({ floor: '2', widthMhz: 40, apply: true });
    assert.notEqual(project.toJSONText(), before);
    assert.ok(project.undo());
    assert.equal(project.toJSONText(), before);
    project.free();
  });

  test('office floor 1: clients per radio as `capacity --out` reports them', () => {
    const out = join(work, 'capacity.json');
    const r = cli(['capacity', 'office.tailplan.json', '--floor', '1', '--cell', '1', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const project = open('office.tailplan.json');
    const c = project.capacity({ floor: '1', cellM: 1 });
    assert.ok(c.floors[0].radios.length > 0);
    assertClose(roundNumbers(c), JSON.parse(readFileSync(out, 'utf8')));
    assert.match(thrown(() => project.capacity({ floor: '1', cellM: -1 })), /cellM -1/);
    assert.match(thrown(() => project.capacity({ floors: '1' })), /floors/);
    project.free();
  });

  test('office survey: `accuracy` and `calibrate` as the CLI reports them', () => {
    const out = join(work, 'accuracy.json');
    let r = cli(['accuracy', 'office.tailplan.json', '--survey', 'office.survey.csv', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const project = open('office.tailplan.json');
    const bytes = readFileSync(join(FLOORPLANS, 'office.survey.csv'));
    const added = project.addSurvey('office.survey.csv', bytes);
    assert.ok(added.rows > 4000, JSON.stringify(added));
    const a = project.accuracy();
    for (const m of ['points', 'mean_error_db', 'mae_db', 'rmse_db', 'std_db', 'per_ap', 'per_room', 'worst']) {
      assert.ok(m in a, m);
    }
    assertClose(roundNumbers(a), JSON.parse(readFileSync(out, 'utf8')));
    const report = join(work, 'calibration.json');
    const calibrated = join(work, 'calibrated.tailplan.json');
    r = cli(['calibrate', 'office.tailplan.json', '--survey', 'office.survey.csv', '--fit', 'offsets,exponent', '-o', calibrated, '--json', report]);
    assert.equal(r.code, 0, r.stderr);
    const c = project.calibrate({ fit: 'offsets,exponent' });
    const fromCli = JSON.parse(readFileSync(report, 'utf8'));
    // The CLI kept the survey it was given; the package's project held it already.
    assert.deepEqual(fromCli.surveys_kept, ['office.survey.csv']);
    assert.deepEqual(c.surveys_kept, []);
    delete fromCli.surveys_kept;
    delete c.surveys_kept;
    assertClose(roundNumbers(c), fromCli);
    assert.ok(c.after.rmse_db < a.rmse_db / 2);
    assert.match(thrown(() => project.calibrate({ folds: 1 })), /folds 1/);
    assert.match(thrown(() => project.calibrate({ wallPriorRows: -2 })), /wallPriorRows -2/);
    assert.match(thrown(() => project.calibrate({ fit: 'doors' })), /fit doors: unknown term "doors"/);
    assert.ok(project.undo());
    assert.equal(project.toJSON().settings.calibration, undefined);
    assert.ok(project.redo());
    project.resetCalibration();
    assert.equal(project.toJSON().settings.radio.path_loss_exponent, 2);
    assert.match(thrown(() => project.addSurvey('bad.csv', new TextEncoder().encode('x,y,ap,rssi_dbm\n1,2,A,NaN\n'))), /bad\.csv.*line 2/);
    project.free();
  });

  test('small: placement for capacity as `place-aps --capacity --out` proposes it', () => {
    const out = join(work, 'capacity-placement.json');
    const r = cli(['place-aps', 'small.tailplan.json', '--capacity', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const project = open('small.tailplan.json');
    const placed = project.placeAps({ capacity: true });
    assert.ok(placed.capacity);
    assert.deepEqual(roundNumbers(placed), JSON.parse(readFileSync(out, 'utf8')));
    project.free();
  });

  test('the access point models are `ap-models --json`', () => {
    const r = cli(['ap-models', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const models = apModels();
    assert.deepEqual(models, JSON.parse(r.stdout));
    assert.ok(models.some((m) => m.name === 'generic-tri-band-ceiling' && m.radios.length === 3));
  });

  test('an antenna pattern file enters the library as `antenna add` puts it', () => {
    const bytes = readFileSync(join(FLOORPLANS, '../tests/antennas/patch-5ghz.msi'));
    const project = open('small.tailplan.json');
    const added = project.addAntenna('patch-5ghz.msi', bytes);
    assert.equal(added.gain_dbi, 8);
    assert.equal(project.toJSON().antennas[0].name, added.name);
    const copy = join(work, 'antenna.tailplan.json');
    copyFileSync(join(FLOORPLANS, 'small.tailplan.json'), copy);
    const r = cli(['antenna', 'add', copy, join(FLOORPLANS, '../tests/antennas/patch-5ghz.msi')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(readFileSync(copy, 'utf8')).antennas, project.toJSON().antennas);
    assert.match(thrown(() => project.addAntenna('empty.msi', new Uint8Array())), /^empty\.msi/);
    project.free();
  });

  test('small: gateways of every technology the devices use, `place-gateways --out`', () => {
    const out = join(work, 'gateways.json');
    const r = cli(['place-gateways', 'small.tailplan.json', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const project = open('small.tailplan.json');
    const placed = project.placeGateways();
    assert.ok(placed.placements.length > 0);
    assertClose(roundNumbers(placed), JSON.parse(readFileSync(out, 'utf8')));
    project.free();
  });

  test('bad targets: the CLI message with the options named', () => {
    const project = open('small.tailplan.json');
    const cases = [
      [{ targetDbm: 5 }, ['--target', '5'], ['--target', 'targetDbm']],
      [{ coveragePercent: 101 }, ['--coverage', '101'], ['--coverage', 'coveragePercent']],
      [{ band: '7' }, ['--band', '7'], ['--band', 'band']],
      [{ spacingM: 0 }, ['--spacing', '0'], ['--spacing', 'spacingM']],
    ];
    for (const [options, flags, [flag, option]] of cases) {
      const message = cliError(['place-aps', 'small.tailplan.json', ...flags]);
      assert.equal(thrown(() => project.placeAps(options)), message.replace(flag, option), flags.join(' '));
    }
    const message = cliError(['place-gateways', 'small.tailplan.json', '--margin', '500']);
    assert.equal(thrown(() => project.placeGateways({ marginDb: 500 })), message.replace('--margin', 'marginDb'));
    project.free();
  });
});

test('scenarios equal `tailplan scenarios --json`: the built-in ones, and a file with phases', () => {
  const file = join(work, 'scenarios.json');
  const scenarios = {
    scenarios: [
      { name: 'spe-sensors', rules: [{ match: { kind: 'device', class: 'sensor' }, medium: 'spe' }] },
      { name: 'thread', rules: [{ match: { kind: 'device' }, medium: 'wireless', tech: 'thread' }], prices: { gateway: 600 } },
    ],
    phases: [
      { name: 'first', year: 2027, floors: ['0'], scenario: 'spe-sensors' },
      { name: 'then', year: 2028, floors: ['0'], scenario: 'thread', after: ['first'] },
    ],
  };
  writeFileSync(file, JSON.stringify(scenarios));
  const project = open('small.tailplan.json');
  for (const [options, flags] of [
    [undefined, []],
    [{ scenarios, dutyCycle: 0.5 }, ['--scenarios', file, '--duty-cycle', '0.5']],
    [{ scenarios: JSON.stringify(scenarios), gatewayW: 8 }, ['--scenarios', file, '--gateway-w', '8']],
  ]) {
    const r = cli(['scenarios', 'small.tailplan.json', '--json', ...flags]);
    assert.equal(r.code, 0, r.stderr);
    const compared = project.scenarios(options);
    assertClose(roundNumbers(compared), JSON.parse(r.stdout));
  }
  const compared = project.scenarios({ scenarios });
  // No Thread gateway on the floor: the scenario proposes them, and serves every device.
  const thread = compared.scenarios[1].totals;
  assert.ok(thread.gateways_proposed > 0, 'gateways are proposed for the Thread devices');
  assert.deepEqual(compared.plan.years.map((y) => y.year), [2027, 2028]);
  // The file's comparison sheet: `tailplan sheet --kind scenarios --scenarios FILE`.
  const sheet = join(work, 'scenarios-sheet.svg');
  const drawn = cli(['sheet', 'small.tailplan.json', '--kind', 'scenarios', '--scenarios', file, '--duty-cycle', '0.5', '--date', '2025-01-31', '-o', sheet]);
  assert.equal(drawn.code, 0, drawn.stderr);
  sameText(project.sheet({ kind: 'scenarios', scenarios, dutyCycle: 0.5, date: '2025-01-31' }), readFileSync(sheet, 'utf8'), 'scenario file sheet');
  assert.match(thrown(() => project.sheet({ kind: 'cabling', dutyCycle: 0.5 })), /are for kind "scenarios"/);
  // A bad file: the CLI's message, the file named `scenarios`.
  const bad = { scenarios: [{ name: 'x', rules: [{ match: { kind: 'device' }, medium: 'copper' }] }] };
  writeFileSync(file, JSON.stringify(bad));
  const message = cliError(['scenarios', 'small.tailplan.json', '--scenarios', file]);
  assert.equal(thrown(() => project.scenarios({ scenarios: bad })), message.replace(file, 'scenarios'));
  project.free();
});

test('info equals `tailplan info --json`', () => {
  for (const file of ['small.tailplan.json', 'office.tailplan.json']) {
    const r = cli(['info', file, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const project = open(file);
    assert.deepEqual(project.info(), JSON.parse(r.stdout));
    project.free();
  }
});

describe('design sheets are the bytes `tailplan sheet` writes', () => {
  test('small: the cabling, coverage and scenario comparison sheets', () => {
    const project = open('small.tailplan.json');
    for (const kind of ['cabling', 'coverage', 'scenarios']) {
      const out = join(work, `small-${kind}.svg`);
      assert.equal(cli(['sheet', 'small.tailplan.json', '--kind', kind, '--date', '2025-01-31', '-o', out]).code, 0);
      sameText(project.sheet({ kind, date: '2025-01-31' }), readFileSync(out, 'utf8'), kind);
    }
    project.free();
  });

  test('office floor 1: the cabling sheet and its continuation sheets', () => {
    const project = open('office.tailplan.json');
    const out = join(work, 'office-cabling-1.svg');
    assert.equal(cli(['sheet', 'office.tailplan.json', '--floor', '1', '--date', '2025-01-31', '-o', out]).code, 0);
    const sheets = project.sheets({ floor: '1', date: '2025-01-31' });
    sheets.forEach((s, k) => {
      const file = k === 0 ? out : out.replace(/\.svg$/, `-${k + 1}.svg`);
      sameText(s.svg, readFileSync(file, 'utf8'), s.name);
    });
    project.free();
  });

  test('small: the sheet set', () => {
    const dir = join(work, 'set');
    assert.equal(cli(['sheet', 'small.tailplan.json', '--all', '--date', '2025-01-31', '-o', dir]).code, 0);
    const project = open('small.tailplan.json');
    const set = project.sheetSet({ date: '2025-01-31' });
    assert.deepEqual(set.map((s) => `${s.name}.svg`).sort(), readdirSync(dir).sort());
    for (const s of set) sameText(s.svg, readFileSync(join(dir, `${s.name}.svg`), 'utf8'), s.name);
    project.free();
  });

  test('PDF: the bytes `tailplan sheet -o OUT.pdf` writes (a floor, the set, the scenario sheet)', () => {
    const project = open('small.tailplan.json');
    for (const [bytes, flags] of [
      [project.sheetPdf({ date: '2025-01-31' }), []],
      [project.sheetSetPdf({ date: '2025-01-31' }), ['--all']],
      [project.sheetPdf({ kind: 'scenarios', date: '2025-01-31' }), ['--kind', 'scenarios']],
    ]) {
      const out = join(work, `small${flags.join('')}.pdf`);
      const r = cli(['sheet', 'small.tailplan.json', ...flags, '--date', '2025-01-31', '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(bytes instanceof Uint8Array, 'bytes');
      assert.ok(Buffer.from(bytes).equals(readFileSync(out)), `${flags}: the same bytes`);
    }
    assert.match(thrown(() => project.sheetPdf({ date: '31/01/2025' })), /31\/01\/2025/);
    project.free();
  });
});

describe('imports equal the CLI', () => {
  const cases = [
    ['office-wing.dxf', {}, []],
    ['praxis-og1.dxf', { floor: '1' }, ['--floor', '1']],
    ['bureaux-r1.svg', { scale: 0.01 }, ['--scale', '0.01']],
    ['kontor.ifc', {}, []],
    ['kontor.ifc', { storeys: ['OG 1'] }, ['--storeys', 'OG 1']],
  ];
  for (const [file, options, flags] of cases) {
    test(`${file} ${flags.join(' ')}`, () => {
      const out = join(work, `${file}${flags.join('').replace(/[^A-Za-z0-9.-]/g, '_')}.tailplan.json`);
      const r = cli(['import', file, ...flags, '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      const project = Project.importFile(file, readFileSync(join(FLOORPLANS, file)), options);
      // Arcs and bulges go through sin and cos: equal to 1e-9.
      assertClose(project.toJSON(), JSON.parse(readFileSync(out, 'utf8')));
      project.free();
    });
  }

  test('a project file given to importFile is opened', () => {
    const p = Project.importFile('small.tailplan.json', readFileSync(join(FLOORPLANS, 'small.tailplan.json')));
    sameText(p.toJSONText(), open('small.tailplan.json').toJSONText(), 'project');
    p.free();
  });
});

describe('errors are the CLI messages', () => {
  const write = (name, text) => {
    writeFileSync(join(work, name), text);
    return text;
  };

  test('project files', () => {
    const syntax = write('bad.tailplan.json', '{"format": "tailplan-project", "version": }');
    assert.equal(thrown(() => Project.fromJSON(syntax, 'bad.tailplan.json')), cliError(['info', 'bad.tailplan.json'], work));
    const file = JSON.parse(read('small.tailplan.json'));
    file.floors[0].walls[0].thickness_m = -2;
    const invalid = write('invalid.tailplan.json', JSON.stringify(file));
    const message = cliError(['info', 'invalid.tailplan.json'], work);
    assert.match(message, /thickness_m -2/);
    assert.equal(thrown(() => Project.fromJSON(invalid, 'invalid.tailplan.json')), message);
    // The object form reads the same way.
    assert.equal(thrown(() => Project.fromJSON(file, 'invalid.tailplan.json')), message);
    const newer = write('newer.tailplan.json', '{"format": "tailplan-project", "version": 99}');
    assert.equal(thrown(() => Project.fromJSON(newer, 'newer.tailplan.json')), cliError(['info', 'newer.tailplan.json'], work));
  });

  test('GeoJSON', () => {
    const text = write(
      'plan.geojson',
      '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 1]}, "properties": {"kind": "ap", "tx_dbm": 900}}]}',
    );
    const message = cliError(['info', 'plan.geojson'], work);
    assert.match(message, /^plan\.geojson: .*tx_dbm/);
    assert.equal(thrown(() => Project.fromGeoJSON(text, { name: 'plan.geojson' })), message);
    assert.equal(
      thrown(() => Project.importFile('plan.geojson', Buffer.from(text))),
      cliError(['import', 'plan.geojson', '-o', 'out.json'], work),
    );
  });

  test('plans tailplan refuses', () => {
    const cases = [
      ['plan.dwg', Buffer.from('AC1032\0\0\0\0\0\0 a DWG'), {}, []],
      ['scan.pdf', Buffer.from('%PDF-1.7\n'), {}, []],
      ['evil.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), { scale: 0.01 }, ['--scale', '0.01']],
      ['unscaled.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><line x1="0" y1="0" x2="10" y2="0"/></svg>'), {}, []],
      ['broken.dxf', Buffer.from('0\nSECTION\n2\nENTITIES\n0\nLINE\n10\nabc\n'), {}, []],
    ];
    for (const [name, bytes, options, flags] of cases) {
      writeFileSync(join(work, name), bytes);
      const message = cliError(['import', name, ...flags, '-o', 'out.json'], work);
      assert.equal(thrown(() => Project.importFile(name, bytes, options)), message, name);
    }
    // The import limits: the CLI's refusal, naming the option where the CLI names its flag.
    const lines = Array.from({ length: 5 }, (_, i) => `0\nLINE\n8\nA-WALL\n10\n0\n20\n${i}\n11\n5\n21\n${i}\n`).join('');
    const dxf = Buffer.from(`0\nSECTION\n2\nENTITIES\n${lines}0\nENDSEC\n0\nEOF\n`);
    writeFileSync(join(work, 'five.dxf'), dxf);
    const limits = [
      [{ maxEntities: 3 }, ['--max-entities', '3'], 'tailplan import --max-entities N', 'the option maxEntities'],
      [{ maxPoints: 4 }, ['--max-points', '4'], 'tailplan import --max-points N', 'the option maxPoints'],
      [{ maxFileMb: 0 }, ['--max-file-mb', '0'], '--max-file-mb raises', 'the option maxFileMb raises'],
    ];
    for (const [options, flags, flag, option] of limits) {
      const message = cliError(['import', 'five.dxf', '--units', 'm', ...flags, '-o', 'out.json'], work);
      assert.ok(message.includes(flag), message);
      assert.equal(thrown(() => Project.importFile('five.dxf', dxf, { units: 'm', ...options })), message.replace(flag, option));
      assert.equal(asOptions(message), message.replace(flag, option));
    }
    assert.equal(Project.importFile('five.dxf', dxf, { units: 'm', maxEntities: 5 }).floor('0').walls.length > 0, true);
  });

  test('coverage', () => {
    const office = open('office.tailplan.json');
    const cases = [
      [{ floor: '9' }, ['--floor', '9']],
      [{}, []],
      [{ floor: '1', band: '7' }, ['--floor', '1', '--band', '7']],
      [{ floor: '1', tech: 'wifi' }, ['--floor', '1', '--tech', 'wifi']],
      [{ floor: '1', cellM: 0 }, ['--floor', '1', '--cell', '0']],
      [{ floor: '1', cellM: -1 }, ['--floor', '1', '--cell', '-1']],
      [{ floor: '1', cellM: 0.001 }, ['--floor', '1', '--cell', '0.001']],
      [{ floor: '1', maxGridCells: 1000 }, ['--floor', '1', '--max-grid-cells', '1000']],
      [{ floor: '1', maxGridCells: -1 }, null],
    ];
    for (const [options, flags] of cases) {
      if (flags === null) {
        assert.match(thrown(() => office.coverage(options)), /^coverage options: maxGridCells: invalid value/);
        continue;
      }
      // The same message, naming the options where the CLI names its flags.
      const message = asOptions(cliError(['coverage', 'office.tailplan.json', ...flags]));
      assert.ok(!message.includes('--'), message);
      assert.equal(thrown(() => office.coverage(options)), message, flags.join(' '));
    }
    // A floor without access points or gateways, made by edits and saved for the CLI.
    const small = open('small.tailplan.json');
    const floor = small.floor('0');
    small.apply({
      edit: 'batch',
      edits: [...floor.access_points, ...floor.gateways].map((e) => ({ edit: 'remove_element', id: e.id })),
    });
    write('quiet.tailplan.json', small.toJSONText());
    assert.equal(
      thrown(() => small.coverage()),
      asOptions(cliError(['coverage', 'quiet.tailplan.json'], work)).replace('quiet.tailplan.json', 'small.tailplan.json'),
    );
    office.free();
    small.free();
  });

  test('sheets', () => {
    const office = open('office.tailplan.json');
    const cases = [
      [{ floor: '1', date: '31/01/2025' }, ['--floor', '1', '--date', '31/01/2025']],
      [{ floor: '1', paper: 'A4', scale: '1:50', date: '2025-01-31' }, ['--floor', '1', '--paper', 'A4', '--scale', '1:50', '--date', '2025-01-31']],
      [{ floor: '7', date: '2025-01-31' }, ['--floor', '7', '--date', '2025-01-31']],
    ];
    for (const [options, flags] of cases) {
      const message = asOptions(cliError(['sheet', 'office.tailplan.json', ...flags, '-o', join(work, 'x.svg')]));
      assert.equal(thrown(() => office.sheet(options)), message, flags.join(' '));
    }
    office.free();
  });
});

describe('what the CLI and the package decide in one place (tailplan-app)', () => {
  // A room with one 5 GHz access point and three LoRaWAN gateways, thresholds out of order.
  const point = (x, y, properties) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties });
  const mixed = JSON.stringify({
    type: 'FeatureCollection',
    tailplan: { version: 2, settings: { radio: { wifi_thresholds_dbm: [-75, -67, -70, -67] } } },
    features: [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]]] }, properties: { kind: 'room', name: 'Hall' } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[10, 0], [10, 6]] }, properties: { kind: 'wall', material: 'brick' } },
      point(5, 5, { kind: 'ap', name: 'AP-1', band: '5', channel: 36 }),
      point(2, 2, { kind: 'gateway', name: 'GW-1', tech: 'lorawan' }),
      point(18, 2, { kind: 'gateway', name: 'GW-2', tech: 'lorawan' }),
      point(18, 8, { kind: 'gateway', name: 'GW-3', tech: 'lorawan' }),
    ],
  });

  test('the same floor gives the same service in coverage, its sheet and the package', () => {
    writeFileSync(join(work, 'mixed.geojson'), mixed);
    const out = join(work, 'mixed-map.json');
    assert.equal(cli(['coverage', 'mixed.geojson', '--out-json', out], work).code, 0);
    const expected = JSON.parse(readFileSync(out, 'utf8'));
    const project = Project.fromGeoJSON(mixed, { name: 'mixed.geojson' });
    const map = project.coverage();
    assert.equal(expected.band, '5');
    assert.equal(map.band, '5');
    assert.equal(map.tech, undefined);
    // Thresholds strongest first, each once, in both.
    const thresholds = (stats) => stats.floor.thresholds.map((t) => t.threshold_dbm);
    assert.deepEqual(thresholds(map.stats), [-67, -70, -75]);
    assert.deepEqual(thresholds(expected.stats), [-67, -70, -75]);
    const svg = join(work, 'mixed-coverage.svg');
    assert.equal(cli(['sheet', 'mixed.geojson', '--kind', 'coverage', '--date', '2025-01-31', '-o', svg], work).code, 0);
    const sheet = project.sheet({ kind: 'coverage', date: '2025-01-31' });
    sameText(sheet, readFileSync(svg, 'utf8'), 'coverage sheet');
    assert.ok(sheet.includes('coverage, Wi-Fi 5 GHz'));
    project.free();
  });

  test('impossible dates are refused by both, with the same message', () => {
    const project = open('small.tailplan.json');
    for (const date of ['2025-02-31', '2023-02-29', '2025-13-01']) {
      const message = asOptions(cliError(['sheet', 'small.tailplan.json', '--date', date, '-o', join(work, 'x.svg')]));
      assert.equal(message, `date ${date}: not a date: write YYYY-MM-DD`);
      assert.equal(thrown(() => project.sheet({ date })), message);
      assert.equal(thrown(() => project.sheetSet({ date })), message);
    }
    project.free();
  });

  test('check is `tailplan check --json`', () => {
    for (const file of ['small.tailplan.json', 'office.tailplan.json']) {
      const r = cli(['check', file, '--json']);
      const project = open(file);
      assert.deepEqual(project.check(), JSON.parse(r.stdout));
      assert.equal(r.code, project.check().errors > 0 ? 1 : 0);
      project.free();
    }
  });
});

describe('edits, undo and redo', () => {
  test('moving an access point changes the map; undo gives it back exactly', () => {
    const p = open('small.tailplan.json');
    const before = p.coverage();
    const text = p.toJSONText();
    const ap = p.floor('0').access_points[0];
    assert.equal(p.canUndo, false);
    p.apply({ edit: 'replace_element', element: { ...ap, element: 'access_point', position: [ap.position[0] + 3, ap.position[1]] } });
    assert.equal(p.canUndo, true);
    const moved = p.coverage();
    assert.notDeepEqual(moved.best_rssi_dbm, before.best_rssi_dbm);
    assert.equal(p.undo(), true);
    assert.equal(p.toJSONText(), text);
    assert.deepEqual(p.coverage().best_rssi_dbm, before.best_rssi_dbm);
    assert.equal(p.canRedo, true);
    assert.equal(p.redo(), true);
    assert.deepEqual(p.coverage().best_rssi_dbm, moved.best_rssi_dbm);
    assert.equal(p.redo(), false);
    p.free();
  });

  test('an element added with a fresh id; refused edits change nothing', () => {
    const p = open('small.tailplan.json');
    const id = p.newId('ap');
    p.apply({
      edit: 'add_element',
      floor: '0',
      element: { element: 'access_point', id, name: 'AP-new', position: [5, 5], band: '5', channel: 36, tx_dbm: 20, height_m: 2.5 },
    });
    assert.equal(p.info().floors[0].counts.ap, 3);
    const text = p.toJSONText();
    assert.equal(thrown(() => p.apply({ edit: 'remove_element', id: 'nope' })), 'no element "nope"');
    assert.equal(
      thrown(() => p.apply({ edit: 'replace_element', element: { element: 'access_point', id, name: 'x', position: [5, 5], band: '5', tx_dbm: 400, height_m: 2.5 } })),
      `ap "${id}": tx_dbm 400 must be at least -30 and at most 60`,
    );
    assert.match(thrown(() => p.apply({ edit: 'paint' })), /unknown variant `paint`/);
    assert.equal(thrown(() => p.apply(undefined)), 'edit: expected an edit object');
    assert.equal(p.toJSONText(), text);
    p.free();
  });
});

test('round trips: toJSON, JSON.stringify, GeoJSON', () => {
  const p = open('office.tailplan.json');
  sameText(p.toJSONText(), read('office.tailplan.json'), 'office');
  const again = Project.fromJSON(p.toJSON(), 'copy');
  sameText(again.toJSONText(), p.toJSONText(), 'again');
  assert.deepEqual(JSON.parse(JSON.stringify(p)), p.toJSON());
  const geo = Project.fromGeoJSON(p.toGeoJSON(), { name: 'office.geojson' });
  assert.deepEqual(geo.info().floors.map((f) => f.counts), p.info().floors.map((f) => f.counts));
  const r = cli(['export', 'office.tailplan.json', '--geojson', join(work, 'office.geojson')]);
  assert.equal(r.code, 0, r.stderr);
  sameText(p.toGeoJSON(), readFileSync(join(work, 'office.geojson'), 'utf8'), 'GeoJSON');
  for (const x of [p, again, geo]) x.free();
});

test('no input makes it panic: everything odd is an Error, and the module still works', () => {
  const p = open('small.tailplan.json');
  const odd = [
    () => Project.fromJSON(undefined),
    () => Project.fromJSON(42),
    () => Project.fromJSON({ toJSON: () => { throw new TypeError('no'); } }),
    () => Project.fromJSON({ big: 1n }),
    () => Project.fromJSON('{"format": "tailplan-project", "version": 1, "floors": [{"id": "0", "name": "x", "elevation_m": 1e999, "ceiling_m": 3}]}'),
    () => Project.fromGeoJSON('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0]]}, "properties": {"kind": "wall"}}]}'),
    () => Project.fromGeoJSON('{}', { crs: 'mercator' }),
    () => Project.fromGeoJSON('{}', { name: 7 }),
    () => Project.importFile('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])),
    () => Project.importFile('x.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])),
    () => Project.importFile('x.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0])),
    () => Project.importFile('x.dxf', new Uint8Array(0)),
    () => Project.importFile('x.svg', Buffer.from('<svg width="1e400"/>'), { scale: 0.01 }),
    () => Project.importFile('x.svg', Buffer.from('<svg/>'), { scalePoints: [0, 0, 0, 0, 1] }),
    () => Project.importFile('x.dxf', Buffer.from('0\nEOF\n'), { layers: '=door' }),
    () => p.coverage({ cellM: Number.NaN }),
    () => p.coverage({ cellM: Infinity }),
    () => p.coverage({ cellM: 1e-300 }),
    () => p.coverage({ band: '5', tech: 'ble' }),
    () => p.coverage('5'),
    () => p.floor('nope'),
    () => p.apply({ edit: 'add_floor', floor: { id: '0', name: 'dup', elevation_m: 0, ceiling_m: 3 } }),
    () => p.apply({ edit: 'set_floor_info', id: '0', name: 'x', elevation_m: 0, ceiling_m: -1 }),
    () => p.apply({ edit: 'remove_material', name: 'concrete' }),
    () => p.apply({ edit: 'batch', edits: [{ edit: 'remove_element', id: 'nope' }] }),
    () => p.apply([]),
    () => p.sheet({ paper: 'B2' }),
    () => p.sheet({ scale: '1:0' }),
    () => p.sheet({ kind: 'wiring' }),
    () => p.sheetSet({ kinds: ['cabling', 'x'] }),
    () => p.csv(''),
    // A map too big for WebAssembly's memory is refused before it traps.
    () => {
      const office = open('office.tailplan.json');
      try {
        office.coverage({ floor: '1', cellM: 0.05 });
      } finally {
        office.free();
      }
    },
  ];
  for (const f of odd) {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${f}: ${e}`);
      assert.ok(e.message.length > 0, `${f}: an empty message`);
    }
  }
  // Still usable afterwards.
  assert.equal(p.coverage().cols * p.coverage().rows, p.coverage().best_rssi_dbm.length);
  assert.ok(p.route().schedule.length > 0);
  p.free();
});
