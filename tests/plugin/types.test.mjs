// The package's TypeScript types, with the TypeScript compiler (the npm package typescript):
// - no `any` anywhere in the package's .d.ts files;
// - consumer.ts, a host using the API, type-checks under `strict`, and its `@ts-expect-error`
//   lines fail as they should (the types are precise);
// - the values the API returns for the sample office are what the types declare: every
//   member declared is there (unless optional), nothing undeclared is there, every value has
//   the declared type. The types are generated from the Rust types; this checks that what
//   crosses into JavaScript is what they say.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { Project } from 'tailplan';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const PKG = dirname(require.resolve('tailplan/package.json'));
const FLOORPLANS = join(HERE, '../../floorplans');

const DTS = ['tailplan.d.ts', 'web/tailplan.d.ts', 'nodejs/tailplan.d.ts', 'tailplan_bg.wasm.d.ts'];

test('no any in the package types', () => {
  for (const file of DTS) {
    const text = readFileSync(join(PKG, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const found = [];
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.AnyKeyword) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1}: ${text.split('\n')[line].trim()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    assert.deepEqual(found, [], 'any in the public types');
  }
});

const OPTIONS = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.esnext.disposable.d.ts'],
  types: [],
  skipLibCheck: false,
};

test('a strict TypeScript host type-checks against the package', () => {
  const program = ts.createProgram([join(HERE, 'consumer.ts')], OPTIONS);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
  assert.deepEqual(diagnostics, []);
});

/** The declared type of every value `consumer.ts`-style code gets back, checked at run time. */
function checker() {
  const file = join(HERE, 'probe.generated.ts');
  const text = `import type * as T from 'tailplan';\nexport type All = { [K in keyof typeof T]: 0 };\n`;
  const host = ts.createCompilerHost(OPTIONS);
  const read = host.readFile;
  host.readFile = (f) => (f === file ? text : read(f));
  host.fileExists = ((exists) => (f) => f === file || exists(f))(host.fileExists);
  const program = ts.createProgram([file], OPTIONS, host);
  const tc = program.getTypeChecker();
  const module = tc.getSymbolAtLocation(program.getSourceFile(file).statements[0].moduleSpecifier);
  const exports = new Map(tc.getExportsOfModule(module).map((s) => [s.name, s]));
  const typeOf = (name) => {
    const symbol = exports.get(name);
    assert.ok(symbol, `tailplan exports no type ${name}`);
    return tc.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? tc.getAliasedSymbol(symbol) : symbol);
  };
  return { tc, typeOf };
}

/** Errors of `value` against `type`, with the path: [] when it conforms. */
function conform(tc, type, value, path = '$', depth = 0) {
  const f = type.flags;
  if (f & ts.TypeFlags.Union) {
    const tries = type.types.map((t) => conform(tc, t, value, path, depth));
    return tries.some((e) => e.length === 0) ? [] : tries.sort((a, b) => a.length - b.length)[0];
  }
  if (f & ts.TypeFlags.Intersection) return type.types.flatMap((t) => conform(tc, t, value, path, depth));
  if (f & ts.TypeFlags.Undefined) return value === undefined ? [] : [`${path}: ${JSON.stringify(value)} is not undefined`];
  if (f & ts.TypeFlags.Null) return value === null ? [] : [`${path}: not null`];
  if (f & ts.TypeFlags.StringLiteral) return value === type.value ? [] : [`${path}: ${JSON.stringify(value)} is not "${type.value}"`];
  if (f & ts.TypeFlags.NumberLiteral) return value === type.value ? [] : [`${path}: ${value} is not ${type.value}`];
  if (f & ts.TypeFlags.BooleanLiteral) return value === (tc.typeToString(type) === 'true') ? [] : [`${path}: not ${tc.typeToString(type)}`];
  if (f & ts.TypeFlags.String) return typeof value === 'string' ? [] : [`${path}: ${JSON.stringify(value)} is not a string`];
  if (f & ts.TypeFlags.Number) return typeof value === 'number' ? [] : [`${path}: ${JSON.stringify(value)} is not a number`];
  if (f & ts.TypeFlags.Boolean) return typeof value === 'boolean' ? [] : [`${path}: not a boolean`];
  if (f & ts.TypeFlags.Never) return [`${path}: never`];
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return [`${path}: typed ${tc.typeToString(type)}`];
  if (depth > 40) return [];
  const name = tc.typeToString(type);
  if (name.startsWith('Float32Array')) return value instanceof Float32Array ? [] : [`${path}: not a Float32Array`];
  if (name === 'JsonValue') return [];
  if (tc.isTupleType(type)) {
    const items = tc.getTypeArguments(type);
    if (!Array.isArray(value) || value.length !== items.length) return [`${path}: not a ${items.length}-tuple`];
    return items.flatMap((t, i) => conform(tc, t, value[i], `${path}[${i}]`, depth + 1));
  }
  if (tc.isArrayType(type)) {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    const [item] = tc.getTypeArguments(type);
    // The first few and the last: enough to catch a shape, fast on 1,667 cables.
    const sample = value.length <= 6 ? value.map((v, i) => [v, i]) : [0, 1, 2, value.length - 1].map((i) => [value[i], i]);
    return sample.flatMap(([v, i]) => conform(tc, item, v, `${path}[${i}]`, depth + 1));
  }
  if (f & ts.TypeFlags.Object) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
    const errors = [];
    const props = tc.getPropertiesOfType(type);
    const index = tc.getIndexInfoOfType(type, ts.IndexKind.String);
    const known = new Set(props.map((p) => p.name));
    for (const p of props) {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(p.name in value)) {
        if (!optional) errors.push(`${path}.${p.name}: missing`);
        continue;
      }
      errors.push(...conform(tc, tc.getTypeOfSymbol(p), value[p.name], `${path}.${p.name}`, depth + 1));
    }
    for (const k of Object.keys(value)) {
      if (known.has(k)) continue;
      if (index) errors.push(...conform(tc, index.type, value[k], `${path}[${JSON.stringify(k)}]`, depth + 1));
      else errors.push(`${path}.${k}: not declared`);
    }
    return errors;
  }
  return [`${path}: cannot check ${name}`];
}

test('what the API returns is what the types declare', () => {
  const { tc, typeOf } = checker();
  const office = Project.fromJSON(readFileSync(join(FLOORPLANS, 'office.tailplan.json'), 'utf8'), 'office.tailplan.json');
  const small = Project.fromJSON(readFileSync(join(FLOORPLANS, 'small.tailplan.json'), 'utf8'), 'small.tailplan.json');
  const gatewayTech = office.floor('0').gateways?.[0]?.tech;
  const cases = [
    ['ProjectFile', office.toJSON()],
    ['ProjectInfo', office.info()],
    ['Floor', office.floor('1')],
    ['CoverageResult', office.coverage({ floor: '1' })],
    ['CoverageResult', office.coverage({ floor: '0', tech: gatewayTech })],
    ['RouteResult', office.route()],
    ['RouteResult', small.route()],
    ['CheckResult', office.check()],
    ['ApPlacement', small.placeAps()],
    ['GatewayPlacements', small.placeGateways()],
    ['SheetResult', small.sheets({ date: '2025-01-31' })[0]],
    ['Diagnostic', { severity: 'warning', location: 'x', message: 'y' }],
  ];
  for (const [name, value] of cases) {
    assert.deepEqual(conform(tc, typeOf(name), value).slice(0, 10), [], `${name} does not conform`);
  }
  // And the checker does catch what does not conform.
  assert.notDeepEqual(conform(tc, typeOf('ProjectInfo'), { ...office.info(), extra: 1 }), []);
  assert.notDeepEqual(conform(tc, typeOf('CoverageResult'), { ...office.coverage({ floor: '1' }), best_rssi_dbm: [] }), []);
  office.free();
  small.free();
});
