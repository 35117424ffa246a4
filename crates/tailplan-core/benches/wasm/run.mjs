// Times the coverage engine in wasm (V8, one thread) on the sample office; see run.sh.
// Reported: the median over runs of the process's CPU time (user + system), which other
// processes on a shared machine do not inflate, and of the wall time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
const m = await import('./pkg/wasmbench.js');
const here = fileURLToPath(new URL('.', import.meta.url));
const text = readFileSync(here + '../../../../floorplans/office.tailplan.json', 'utf8');
const floor = process.argv[2] || '3';
console.log(`office floor ${floor}: ${m.load(text, floor)} access points, 0.25 m cells`);
function median(xs) { xs.sort((a, b) => a - b); return xs[Math.floor(xs.length / 2)].toFixed(2); }
function time(label, f, n) {
  const cpu = [], wall = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage(), w = performance.now();
    f();
    const d = process.cpuUsage(c);
    wall.push(performance.now() - w);
    cpu.push((d.user + d.system) / 1000);
  }
  console.log(`${label}: cpu ${median(cpu)} ms, wall ${median(wall)} ms (median of ${n})`);
}
time('all APs best server', () => m.all(), 9);
time('progressive coarse step (1 m)', () => m.coarse(), 15);
m.warm();
time('one moved AP', () => { if (m.moved() !== 1) throw new Error('more than one field computed'); }, 41);
