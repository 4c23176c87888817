// The built npm package (pkg/) as users load it: `import` and `require` in
// Node (no init call), the browser entry with initSync, and the whole JS
// contract of DESIGN.md including hostile inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { OPERATIONS, PASSWORD_FIELDS, PROVIDERS, REGIONS, SCHEMES } from './registry.mjs';

const pkgDir = new URL('../../pkg/', import.meta.url);
const kit = await import(new URL('node.js', pkgDir));
const require = createRequire(import.meta.url);


test('package.json exports resolve for import and require', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir)));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].node, './node.js');
  assert.equal(pkg.exports['.'].default, './index.js');
  for (const f of pkg.files) assert.ok(existsSync(new URL(f, pkgDir)), f); // "descriptions/" is a directory
  const viaRequire = require('../../pkg');
  assert.equal(typeof viaRequire.validate, 'function');
  assert.deepEqual(viaRequire.validate('volcengine', {}).ok, false);
});

test('browser entry works after initSync and refuses calls before init', async () => {
  const web = await import(new URL('index.js?fresh', pkgDir));
  assert.throws(() => web.providers(), (e) => e.code === 'NOT_INITIALIZED');
  web.initSync(readFileSync(new URL('reinstall_kit_bg.wasm', pkgDir)));
  assert.deepEqual(web.providers().map((p) => p.id), PROVIDERS);
});

test('providers() describes every provider and field', () => {
  const all = kit.providers();
  assert.ok(PROVIDERS.length > 0);
  assert.equal(new Set(PROVIDERS).size, PROVIDERS.length, 'provider ids are unique');
  for (const p of all) {
    assert.match(p.id, /^[a-z][a-z0-9-]*$/);
    assert.ok(p.name.en && p.name.zh && p.operation && p.schemes.length);
    assert.ok(p.preconditions.length > 0);
    for (const f of p.fields) {
      assert.ok(['path', 'query', 'body'].includes(f.location), f.name);
      assert.ok(['string', 'integer', 'boolean', 'object', 'list'].includes(f.type), f.name);
      assert.ok(f.label.en && f.label.zh && f.help.en && f.help.zh, f.name);
    }
    assert.equal(kit.validate(p.id, p.example).ok, true, p.id);
  }
});

test('signRequest accepts every scheme an operation offers; buildRequest signs each operation with each', () => {
  assert.ok(SCHEMES.length > 0);
  const input = {
    method: 'GET', url: 'https://ecs.example.com/?Action=Describe', headers: {}, body: '',
    timestamp: '2024-05-06T07:08:09Z', nonce: 'n-1', accessKeyId: 'AK', secretAccessKey: 'SK',
    region: 'cn-north-4', service: 'ecs',
  };
  for (const scheme of SCHEMES) {
    const out = kit.signRequest({ ...input, scheme });
    assert.equal(typeof out.canonicalRequest, 'string', scheme);
    assert.equal(typeof out.signature, 'string', scheme);
  }
  for (const op of OPERATIONS) {
    const what = `${op.provider} ${op.name}`;
    assert.equal(kit.validate(op.provider, op.example, { operation: op.name }).ok, true, what);
    for (const scheme of op.schemes) {
      const out = kit.buildRequest(op.provider, op.example, {
        region: REGIONS[op.provider], accessKeyId: 'AK', secretAccessKey: 'SK', timestamp: '2024-05-06T07:08:09Z', nonce: 'n-1',
        operation: op.name, scheme,
      });
      assert.equal(out.ok, true, `${what} ${scheme}`);
      assert.equal(out.signing.scheme, scheme, what);
      assert.equal(typeof out.signing.signature, 'string', `${what} ${scheme}`);
    }
  }
});

test('validate reports field, rule, code, severity and a localized message', () => {
  const r = kit.validate('aliyun', { InstanceId: 'i-1', ImageId: 'm-1', DiskId: 'd-1' });
  assert.equal(r.ok, false);
  const conflict = r.issues.find((i) => i.code === 'InvalidParameter.Conflict');
  assert.ok(conflict);
  assert.equal(conflict.severity, 'error');
  const zh = kit.validate('aliyun', { InstanceId: 'i-1', ImageId: 'm-1', DiskId: 'd-1' }, { locale: 'zh' });
  assert.notEqual(zh.issues[0].message, r.issues[0].message);
});

test('a password never appears in any message', () => {
  const pw = 'Zq9!secretcanary-' + 'x'.repeat(40);
  for (const id of PROVIDERS) {
    const params = { ...kit.providers().find((p) => p.id === id).example };
    params.Password = pw; params.InstancePassword = pw; params['os-change'] = { ...(params['os-change'] || {}), adminpass: pw };
    const [outer, inner] = (PASSWORD_FIELDS[id] ?? '').split('.');
    if (inner) params[outer] = { ...(params[outer] || {}), [inner]: pw };
    else if (outer) params[outer] = pw;
    const text = JSON.stringify(kit.validate(id, params));
    assert.ok(!text.includes('secretcanary'), id);
  }
});

test('hostile inputs come back as issues, never a crash', () => {
  const cyclic = {}; cyclic.self = cyclic;
  const throwing = { get InstanceId() { throw new Error('boom'); } };
  const deep = []; let cur = deep; for (let i = 0; i < 10000; i++) { const n = []; cur.push(n); cur = n; }
  const inputs = [undefined, null, 0, NaN, Infinity, 'text', [], [1, 2], true, cyclic, throwing, deep,
    { InstanceId: 10n }, { InstanceId: Symbol('x') }, { InstanceId: () => 1 },
    JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}'),
    Object.freeze({ InstanceId: 'i-1' }), { InstanceId: 'x'.repeat(10 * 1024 * 1024) }];
  for (const id of PROVIDERS) {
    for (const input of inputs) {
      const r = kit.validate(id, input);
      assert.equal(typeof r.ok, 'boolean');
      assert.ok(Array.isArray(r.issues));
    }
  }
  assert.equal({}.polluted, undefined);
  // The module is still usable afterwards.
  for (const p of kit.providers()) assert.equal(kit.validate(p.id, p.example).ok, true, p.id);
});

test('only programming errors throw, with a code', () => {
  assert.throws(() => kit.validate('nope', {}), (e) => e.code === 'UNKNOWN_PROVIDER');
  assert.throws(() => kit.validate(42, {}), (e) => e.code === 'UNKNOWN_PROVIDER');
  assert.throws(() => kit.signRequest({ scheme: 'nope' }), (e) => e.code === 'UNKNOWN_SCHEME');
  assert.throws(() => kit.generatePassword('otc'), (e) => e.code === 'NO_PASSWORD');
});

test('generatePassword passes its provider rules; newClientToken is a UUID v4', () => {
  assert.ok(Object.keys(PASSWORD_FIELDS).length > 0);
  for (const [id, fieldName] of Object.entries(PASSWORD_FIELDS)) {
    const name = fieldName.split('.');
    for (const os of ['linux', 'windows']) {
      for (let i = 0; i < 50; i++) {
        const pw = kit.generatePassword(id, { os });
        const issues = kit.validate(id, { [name[0]]: name.length > 1 ? { [name[1]]: pw } : pw }, { os }).issues;
        assert.deepEqual(issues.filter((x) => x.field === fieldName), [], `${id}/${os}: ${pw.length} chars`);
      }
    }
  }
  for (const id of PROVIDERS.filter((p) => !(p in PASSWORD_FIELDS))) {
    assert.throws(() => kit.generatePassword(id), (e) => e.code === 'NO_PASSWORD', id);
  }
  assert.match(kit.newClientToken(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('buildRequest builds and signs every example; the secret never leaks', () => {
  const secret = 'CANARY-SECRET-5b9e';
  for (const p of kit.providers()) {
    const out = kit.buildRequest(p.id, p.example, {
      region: REGIONS[p.id], accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret,
      timestamp: '2024-05-06T07:08:09Z', nonce: 'n-1',
    });
    assert.equal(out.ok, true, p.id);
    assert.ok(out.request.url.startsWith('http'), p.id);
    assert.ok(out.signing.signature, p.id);
    assert.ok(out.curl.startsWith('curl -X'), p.id);
    assert.ok(!JSON.stringify(out).includes(secret), p.id);
    const unsigned = kit.buildRequest(p.id, p.example, { region: REGIONS[p.id], accessKeyId: 'AKIDEXAMPLE' });
    assert.ok(unsigned.signing.stringToSign && !unsigned.signing.signature, p.id);
  }
});
