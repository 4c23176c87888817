// One package entry per provider (`reinstall-kit/providers/<id>`): a console
// that serves one cloud downloads only that provider's rules and schemes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROVIDERS, OPERATIONS } from './registry.mjs';

const pkg = new URL('../../pkg/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', pkg), 'utf8'));

test('the package exports a providers/<id> entry', () => {
  const entry = manifest.exports['./providers/*'];
  assert.equal(entry.node, './providers/*/node.js');
  assert.equal(entry.default, './providers/*/index.js');
  assert.ok(manifest.files.includes('providers/'));
});

for (const id of PROVIDERS) {
  test(`providers/${id} holds ${id} alone, with its schemes and texts`, async () => {
    const kit = await import(new URL(`providers/${id}/node.js`, pkg));
    const listed = kit.providers();
    assert.deepEqual(listed.map((p) => p.id), [id]);
    const ops = OPERATIONS.filter((o) => o.provider === id);
    assert.deepEqual(listed[0].operations.map((o) => o.name), ops.map((o) => o.name));
    for (const op of ops) {
      assert.ok(listed[0].operations.find((o) => o.name === op.name).fields.every((f) => f.label.en && f.label.zh));
      assert.equal(kit.validate(id, op.example, { operation: op.name }).ok, true, `${id} ${op.name}`);
    }
    const other = PROVIDERS.find((p) => p !== id);
    assert.throws(() => kit.validate(other, {}), (e) => e.code === 'UNKNOWN_PROVIDER');
    // signRequest knows this provider's schemes only.
    const mine = new Set(ops.flatMap((o) => o.schemes));
    const base = { method: 'GET', url: 'https://h.example.com/', timestamp: '2024-05-06T07:08:09Z',
      nonce: 'n', accessKeyId: 'AK', region: 'r', service: 's' };
    for (const scheme of mine) assert.ok(kit.signRequest({ ...base, scheme }).stringToSign, scheme);
    for (const scheme of ['aws-sigv4', 'volc-hmac-sha256', 'aliyun-acs3', 'huawei-sdk-hmac-sha256'].filter((s) => !mine.has(s))) {
      assert.throws(() => kit.signRequest({ ...base, scheme }), (e) => e.code === 'UNKNOWN_SCHEME', scheme);
    }
  });
}
