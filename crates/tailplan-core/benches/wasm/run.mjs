// Times the coverage engine in wasm (V8, one thread) on the sample office; see run.sh.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
const m = await import('./pkg/wasmbench.js');
const here = fileURLToPath(new URL('.', import.meta.url));
const text = readFileSync(here + '../../../../floorplans/office.tailplan.json', 'utf8');
const floor = process.argv[2] || '3';
console.log('aps', m.load(text, floor));
function median(f, n) { const t = []; for (let i = 0; i < n; i++) { const a = performance.now(); f(); t.push(performance.now() - a); } t.sort((x, y) => x - y); return t[Math.floor(n / 2)].toFixed(2); }
console.log('all APs best server (ms)', median(() => m.all(), 7));
console.log('coarse 1 m (ms)', median(() => m.coarse(), 15));
m.warm();
console.log('one moved AP (ms)', median(() => { if (m.moved() !== 1) throw new Error('not 1'); }, 41));
