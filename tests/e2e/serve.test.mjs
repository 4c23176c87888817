// scripts/serve.mjs: headers, MIME types, containment. No browser needed.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createStaticServer, CSP } from '../../scripts/serve.mjs';
import { ROOT } from './harness.mjs';

describe('scripts/serve.mjs', () => {
  let server;
  let base;
  let pkg;
  before(async () => {
    pkg = await mkdtemp(join(tmpdir(), 'reinstall-kit-serve-'));
    await writeFile(join(pkg, 'index.js'), 'export default 1;\n');
    await writeFile(join(pkg, 'reinstall_kit_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    server = createStaticServer({ root: join(ROOT, 'www'), pkg });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await rm(pkg, { recursive: true, force: true });
  });

  const get = (path, init) => fetch(base + path, init);

  it('sends the CSP, no-store and the right type for the page', async () => {
    const res = await get('/');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-security-policy'), CSP);
    assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:");
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(await res.text(), /<link rel="icon" href="data:,">/);
  });

  it('serves JS, CSS and the package with their MIME types', async () => {
    assert.match((await get('/app.js')).headers.get('content-type'), /^text\/javascript/);
    assert.match((await get('/app.css')).headers.get('content-type'), /^text\/css/);
    assert.match((await get('/pkg/index.js')).headers.get('content-type'), /^text\/javascript/);
    const wasm = await get('/pkg/reinstall_kit_bg.wasm');
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-security-policy'), CSP);
  });

  it('answers 404 with the CSP, and never leaves its folders', async () => {
    for (const path of ['/nope.js', '/../Cargo.toml', '/%2e%2e/Cargo.toml', '/pkg/../../Cargo.toml', '/pkg/..%2f..%2fCargo.toml', '/..%5cCargo.toml']) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('content-security-policy'), CSP);
      await res.text();
    }
  });

  it('only answers GET and HEAD', async () => {
    const res = await get('/', { method: 'POST', body: 'x' });
    assert.equal(res.status, 405);
    await res.text();
    const head = await get('/app.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
  });
});
