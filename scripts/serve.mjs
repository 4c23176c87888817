#!/usr/bin/env node
// Tiny static server for the reinstall-kit page. Zero dependencies.
//
//   node scripts/serve.mjs [--port N] [--root DIR] [--pkg DIR]
//
//   --root DIR  directory served at /      (default: www/ next to this script's parent)
//   --pkg DIR   directory served at /pkg/  (default: pkg/, the built npm package)
//   --port N    port on 127.0.0.1 (default: $PORT or 8080; 0 picks a free port)
//
// Binds 127.0.0.1 only. Every response carries the page's Content-Security-Policy,
// `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`. Only GET and
// HEAD are answered. Prints "Serving http://127.0.0.1:PORT/" once listening.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, '..');

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function parseArgs(argv) {
  const opts = {
    port: process.env.PORT !== undefined && process.env.PORT !== '' ? process.env.PORT : '8080',
    root: join(project, 'www'),
    pkg: join(project, 'pkg'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(0, eq) : a;
    const take = () => (eq > 0 ? a.slice(eq + 1) : argv[++i]);
    if (key === '--port') opts.port = take();
    else if (key === '--root') opts.root = resolve(take());
    else if (key === '--pkg') opts.pkg = resolve(take());
    else if (key === '--help' || key === '-h') {
      console.log('usage: node scripts/serve.mjs [--port N] [--root DIR] [--pkg DIR]');
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument ${a}`);
      process.exit(2);
    }
  }
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: bad port ${opts.port}`);
    process.exit(2);
  }
  opts.port = port;
  return opts;
}

function baseHeaders(type) {
  return {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function send(res, status, text) {
  res.writeHead(status, baseHeaders('text/plain; charset=utf-8'));
  res.end(text);
}

// Maps a URL path to a file inside root, or null when it would escape it.
function inside(root, rel) {
  const file = resolve(root, '.' + sep + rel);
  return file === root || file.startsWith(root + sep) ? file : null;
}

export function createStaticServer({ root, pkg }) {
  return createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, 405, 'method not allowed\n');
      }
      let path;
      try {
        path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        return send(res, 400, 'bad request\n');
      }
      if (path.includes('\0')) return send(res, 400, 'bad request\n');
      let base = root;
      let rel = path;
      if (path === '/pkg') {
        res.writeHead(301, { ...baseHeaders('text/plain; charset=utf-8'), Location: '/pkg/' });
        return res.end();
      }
      if (path.startsWith('/pkg/')) {
        base = pkg;
        rel = path.slice('/pkg/'.length);
      }
      let file = inside(base, rel);
      if (!file) return send(res, 404, 'not found\n');
      let info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { ...baseHeaders('text/plain; charset=utf-8'), Location: path + '/' });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info || !info.isFile()) return send(res, 404, 'not found\n');
      const type = MIME[extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { ...baseHeaders(type), 'Content-Length': info.size });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    }
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const server = createStaticServer(opts);
  server.on('error', (e) => {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(1);
  });
  server.listen(opts.port, '127.0.0.1', () => {
    const { port } = server.address();
    console.log(`Serving http://127.0.0.1:${port}/  (www: ${opts.root}, pkg: ${opts.pkg})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
