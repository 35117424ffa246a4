// Assembles the npm package `tailplan` from wasm-pack's three builds (build.sh):
//
//   node assemble.mjs STAGE PKG
//
// STAGE holds web/, bundler/ and nodejs/ (wasm-pack's output for each target) and
// tailplan_bg.wasm (the one wasm, optimised). PKG becomes:
//
//   package.json  README.md  LICENSE-MIT  LICENSE-APACHE
//   tailplan.js tailplan_bg.js tailplan.d.ts   the bundler target (webpack, Vite...), as
//   tailplan_bg.wasm                            wasm-pack lays it out: the one wasm
//   web/       tailplan.js tailplan.d.ts       ES module for browsers without a bundler
//   nodejs/    tailplan.js tailplan.d.ts       CommonJS for Node (require or import)
//
// The bundler target stays at the root beside the wasm, because a bundler resolves the
// wasm's own import (`./tailplan_bg.js`) next to it. The web and nodejs glue instantiate the
// wasm themselves: wasm-bindgen has them load `tailplan_bg.wasm` beside themselves, here
// they load the one in the package's root. Every edit of generated code is an exact
// replacement that must happen exactly once, so a wasm-bindgen that writes its glue
// differently fails the build instead of shipping a broken package.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [stage, pkg] = process.argv.slice(2);
if (!stage || !pkg) {
  console.error('usage: node assemble.mjs STAGE PKG');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const crate = join(here, '..');

/** `text` with `from` replaced by `to`, which must occur exactly once. */
function replaceOnce(file, text, from, to) {
  const n = text.split(from).length - 1;
  if (n !== 1) {
    throw new Error(`${file}: expected "${from}" once, found it ${n} times: has wasm-bindgen changed its glue?`);
  }
  return text.replace(from, () => to);
}

/**
 * The raw exports' ABI types are written `any` by wasm-bindgen (`InitOutput` of the web
 * target, `tailplan_bg.wasm.d.ts`): they are `unknown` here, so that no `any` is in the
 * package's types. Nothing but the glue calls them.
 */
function noAny(text) {
  return text.replace(/(\(|, )([a-z]): any\b/g, '$1$2: unknown');
}

function copy(from, to, edit = (t) => t) {
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, edit(readFileSync(from, 'utf8')));
}

const cargo = readFileSync(join(crate, '../../Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1];
if (!version) throw new Error('no [workspace.package] version in Cargo.toml');

// web: `new URL('tailplan_bg.wasm', import.meta.url)`.
copy(join(stage, 'web/tailplan.js'), join(pkg, 'web/tailplan.js'), (t) =>
  replaceOnce('web/tailplan.js', t, "new URL('tailplan_bg.wasm', import.meta.url)", "new URL('../tailplan_bg.wasm', import.meta.url)"),
);
copy(join(stage, 'web/tailplan.d.ts'), join(pkg, 'web/tailplan.d.ts'), noAny);

// bundler: at the root, as it is.
copy(join(stage, 'bundler/tailplan.js'), join(pkg, 'tailplan.js'));
copy(join(stage, 'bundler/tailplan_bg.js'), join(pkg, 'tailplan_bg.js'));
copy(join(stage, 'bundler/tailplan.d.ts'), join(pkg, 'tailplan.d.ts'), noAny);

// nodejs: `${__dirname}/tailplan_bg.wasm`.
copy(join(stage, 'nodejs/tailplan.js'), join(pkg, 'nodejs/tailplan.js'), (t) =>
  replaceOnce('nodejs/tailplan.js', t, '`${__dirname}/tailplan_bg.wasm`', '`${__dirname}/../tailplan_bg.wasm`'),
);
copy(join(stage, 'nodejs/tailplan.d.ts'), join(pkg, 'nodejs/tailplan.d.ts'), noAny);

// The folders' module kinds (the root's is in package.json).
writeFileSync(join(pkg, 'web/package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
writeFileSync(join(pkg, 'nodejs/package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');

copyFileSync(join(stage, 'tailplan_bg.wasm'), join(pkg, 'tailplan_bg.wasm'));
copy(join(stage, 'bundler/tailplan_bg.wasm.d.ts'), join(pkg, 'tailplan_bg.wasm.d.ts'), noAny);
for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
  copyFileSync(join(crate, f), join(pkg, f));
}

const entry = (dir) => ({ types: `./${dir}/tailplan.d.ts`, default: `./${dir}/tailplan.js` });
const bundler = { types: './tailplan.d.ts', default: './tailplan.js' };
const manifest = {
  name: 'tailplan',
  version,
  description:
    "tailplan's cabling and coverage design for the final tail of a building's network, as a library: open or import a plan (GeoJSON, IMDF, DXF, SVG), edit it with undo, compute Wi-Fi and IoT coverage heatmaps, route every cable, draw design sheets",
  license: 'MIT OR Apache-2.0',
  repository: { type: 'git', url: 'https://github.com/tailplan/tailplan' },
  keywords: ['cad', 'bim', 'wifi', 'coverage', 'heatmap', 'cabling', 'structured-cabling', 'iot', 'wasm'],
  type: 'module',
  files: [
    'tailplan.js',
    'tailplan_bg.js',
    'tailplan.d.ts',
    'tailplan_bg.wasm',
    'tailplan_bg.wasm.d.ts',
    'web/',
    'nodejs/',
    'README.md',
    'LICENSE-MIT',
    'LICENSE-APACHE',
  ],
  main: './nodejs/tailplan.js',
  module: './tailplan.js',
  types: './nodejs/tailplan.d.ts',
  exports: {
    '.': {
      node: entry('nodejs'),
      default: bundler,
    },
    './web': entry('web'),
    './bundler': bundler,
    './nodejs': entry('nodejs'),
    './tailplan_bg.wasm': './tailplan_bg.wasm',
    './package.json': './package.json',
  },
  sideEffects: ['./tailplan.js'],
  engines: { node: '>=20' },
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
console.error(`assemble.mjs: tailplan ${version} in ${pkg}`);
