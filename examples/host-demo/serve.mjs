// Serves the host demo on 127.0.0.1, same origin for everything it loads:
//
//   node examples/host-demo/serve.mjs [port]        (after bash crates/tailplan-wasm/build.sh)
//
//   /            this folder (index.html, demo.js, ramp.js, demo.css)
//   /tailplan/   the npm package: crates/tailplan-wasm/pkg/, or the folder given to
//                startDemoServer (the browser test serves the package installed from the .tgz)
//   /samples/    the project's sample buildings (floorplans/)
//
// What a web host does and nothing more: no directory listings, 404 for anything missing.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
export const DEFAULT_PACKAGE = join(ROOT, 'crates/tailplan-wasm/pkg');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.dxf': 'application/dxf',
};

/** Serves the demo; resolves to { url, origin, close() } once listening. */
export async function startDemoServer({ pkg = DEFAULT_PACKAGE, port = 0 } = {}) {
  const mounts = [
    ['/tailplan/', resolve(pkg)],
    ['/samples/', join(ROOT, 'floorplans')],
    ['/', resolve(HERE)],
  ];
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path === '/') path = '/index.html';
      const [prefix, base] = mounts.find(([p]) => path.startsWith(p));
      const file = resolve(join(base, path.slice(prefix.length)));
      const info = file.startsWith(base + sep) ? await stat(file).catch(() => null) : null;
      if (!info?.isFile() || file.endsWith('serve.mjs')) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${err}\n`);
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}/`, origin, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startDemoServer({ port: Number(process.argv[2] ?? 8090) });
  console.log(`the host demo on ${url} (Ctrl-C stops)`);
}
