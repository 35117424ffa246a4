// Serves browser.html with the web build of the harness and the sample office on localhost,
// opens it in Debian's headless Chromium (playwright-core from tests/e2e) and times each
// run as the CPU time of the renderer's main thread (Linux's /proc/PID/task/TID/schedstat,
// nanoseconds), which other processes on a shared machine do not inflate, and as wall time;
// medians. See run.sh --browser.
import { createServer } from 'node:http';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, extname } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../../../..');
const require = createRequire(join(root, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const file = path === '/office.tailplan.json'
    ? join(root, 'floorplans/office.tailplan.json')
    : join(here, path.replace(/^\/+/, ''));
  if (!file.startsWith(root) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

// The main threads of Chromium's renderer processes: their CPU time so far, ns.
function renderers() {
  const out = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      out.set(pid, Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]));
    } catch { /* gone meanwhile */ }
  }
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
function median(xs) { xs.sort((a, b) => a - b); return xs[Math.floor(xs.length / 2)].toFixed(2); }
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/browser.html`);
  await page.waitForFunction(() => window.benchReady, null, { timeout: 60_000 });
  const floor = process.argv[2] || '3';
  const aps = await page.evaluate((f) => window.bench.load(f), floor);
  const ua = await page.evaluate(() => navigator.userAgent);
  console.log(`office floor ${floor}: ${aps} access points, 0.25 m cells, in ${ua}`);
  async function time(label, name, n) {
    const cpu = [], wall = [];
    for (let i = 0; i < n; i++) {
      const before = renderers();
      const w = performance.now();
      await page.evaluate((k) => window.bench[k](), name);
      wall.push(performance.now() - w);
      const after = renderers();
      let most = 0;
      for (const [pid, t] of after) most = Math.max(most, t - (before.get(pid) ?? t));
      cpu.push(most / 1e6);
    }
    console.log(`${label}: cpu ${median(cpu)} ms, wall ${median(wall)} ms (median of ${n})`);
  }
  await time('all APs best server', 'all', 9);
  await time('progressive coarse step (1 m)', 'coarse', 15);
  await page.evaluate(() => window.bench.warm());
  await time('one moved AP', 'moved', 41);
} finally {
  await browser.close();
  server.close();
}
