// Form texts ship as descriptions/<provider>.<locale>.json beside the wasm:
// the browser entry starts without them and merges what it loads; the Node
// entry reads them all, so providers() there describes everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const pkg = new URL('../../pkg/', import.meta.url);
// A module instance of its own (the Node entry below loads index.js with every file).
const browser = await import(new URL('index.js?browser', pkg));
browser.initSync(readFileSync(new URL('reinstall_kit_bg.wasm', pkg)));
const node = await import(new URL('node.js', pkg));

const file = (name) => JSON.parse(readFileSync(new URL(`descriptions/${name}`, pkg), 'utf8'));
const ids = browser.providers().map((p) => p.id);

test('one file per provider and language, and nothing else', () => {
  const names = readdirSync(new URL('descriptions/', pkg)).sort();
  assert.deepEqual(names, ids.flatMap((id) => [`${id}.en.json`, `${id}.zh.json`]).sort());
  for (const id of ids) {
    for (const locale of ['en', 'zh']) {
      const d = file(`${id}.${locale}.json`);
      assert.equal(d.provider, id);
      assert.equal(d.locale, locale);
    }
  }
});

test('the browser entry starts with structure only, and merges what it is given', () => {
  const before = browser.providers();
  for (const p of before) {
    assert.ok(p.name.en && p.name.zh, 'provider names are built in');
    for (const f of p.fields) assert.equal(f.label, undefined, `${p.id} ${f.name}`);
    assert.equal(p.example, undefined);
  }
  assert.equal(browser.hasDescriptions('aliyun', 'en'), false);
  browser.addDescriptions(file('aliyun.en.json'));
  assert.equal(browser.hasDescriptions('aliyun', 'en'), true);
  assert.equal(browser.hasDescriptions('aliyun', 'zh-CN'), false);
  const aliyun = browser.providers().find((p) => p.id === 'aliyun');
  for (const f of aliyun.fields) {
    assert.ok(f.label.en && f.help.en, f.name);
    assert.equal(f.label.zh, undefined, f.name);
  }
  assert.ok(aliyun.example && aliyun.preconditions.every((t) => t.en && !t.zh));
  assert.deepEqual(browser.validate('aliyun', aliyun.example).ok, true);
  // A JSON module's namespace (`{ default }`) is accepted as well.
  browser.addDescriptions({ default: file('aliyun.zh.json') });
  const both = browser.providers().find((p) => p.id === 'aliyun');
  assert.ok(both.fields.every((f) => f.label.en && f.label.zh));
  // Other providers are untouched.
  assert.ok(browser.providers().find((p) => p.id === 'ksyun').fields.every((f) => f.label === undefined));
});

test('what is merged in the browser equals what Node describes', () => {
  for (const id of ids) for (const l of ['en', 'zh']) browser.addDescriptions(file(`${id}.${l}.json`));
  assert.deepEqual(browser.providers(), node.providers());
  for (const p of node.providers()) {
    for (const op of p.operations) {
      for (const f of op.fields) assert.ok(f.label.en && f.label.zh && f.help.en && f.help.zh, `${p.id} ${f.name}`);
      assert.ok(op.example && Array.isArray(op.preconditions));
    }
  }
});

test('addDescriptions refuses what is not a descriptions file', () => {
  for (const bad of [null, 42, 'x', {}, { provider: 'aliyun' }, { provider: 7, operations: {} }]) {
    assert.throws(() => browser.addDescriptions(bad), (e) => e.code === 'INVALID_INPUT' || e.code === 'UNKNOWN_PROVIDER', String(bad));
  }
  assert.throws(() => browser.addDescriptions({ provider: 'nope', locale: 'en', operations: {} }), (e) => e.code === 'UNKNOWN_PROVIDER');
  // Hostile keys change nothing outside the provider's own texts.
  browser.addDescriptions({ provider: 'otc', locale: 'en', operations: { __proto__: { fields: { x: 1 } }, constructor: {} } });
  assert.equal({}.fields, undefined);
});

test('loadDescriptions refuses unknown providers and reports what it cannot fetch', async () => {
  await assert.rejects(browser.loadDescriptions('nope', 'en'), (e) => e.code === 'UNKNOWN_PROVIDER');
  // Node's fetch cannot read file: URLs; the error is coded, not a raw TypeError.
  const fresh = await import(new URL('index.js?fresh', pkg));
  fresh.initSync(readFileSync(new URL('reinstall_kit_bg.wasm', pkg)));
  await assert.rejects(fresh.loadDescriptions('aliyun', 'en'), (e) => e.code === 'DESCRIPTIONS_UNAVAILABLE');
});
