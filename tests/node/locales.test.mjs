// Chinese messages are a bundle (locales/zh.json) the browser entry loads on
// demand; English is built in. Once loaded, every message equals what the
// Node entry (which loads it at start-up) writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

// No Node entry before the third test: it shares the wasm instance, and it
// loads the bundle at start-up.
const pkg = new URL('../../pkg/', import.meta.url);
const browser = await import(new URL('index.js', pkg));
browser.initSync(readFileSync(new URL('reinstall_kit_bg.wasm', pkg)));
for (const name of readdirSync(new URL('descriptions/', pkg))) {
  browser.addDescriptions(JSON.parse(readFileSync(new URL(`descriptions/${name}`, pkg), 'utf8')));
}
const OPERATIONS = browser.providers().flatMap((p) => p.operations.map((op) => ({ ...op, provider: p.id })));
const bundle = readFileSync(new URL('locales/zh.json', pkg), 'utf8');

const broken = (op) => {
  const params = structuredClone(op.example);
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string') params[k] = 'x';
  params.Unknwon = 1;
  return params;
};

test('Chinese before the bundle is a coded error; English needs nothing', () => {
  assert.equal(browser.hasLocale('en'), true);
  assert.equal(browser.hasLocale('zh-CN'), false);
  const op = OPERATIONS[0];
  assert.ok(browser.validate(op.provider, broken(op), { locale: 'en' }).issues.length > 0);
  assert.throws(() => browser.validate(op.provider, {}, { locale: 'zh' }), (e) => e.code === 'LOCALE_NOT_LOADED');
  assert.throws(() => browser.buildRequest(op.provider, {}, { locale: 'zh-CN' }), (e) => e.code === 'LOCALE_NOT_LOADED');
  // Provider names carry English only until then.
  assert.ok(browser.providers().every((p) => p.name.en && p.name.zh === undefined));
  assert.ok(browser.providers().every((p) => p.fields.every((f) => f.label.en && f.label.zh)), 'form texts are apart');
});

test('a malformed bundle is refused', () => {
  for (const bad of ['', '{}', '{"locale":"fr","texts":{}}', '{"locale":"zh","texts":{"a":1}}', 42]) {
    assert.throws(() => browser.addLocale(bad), (e) => e.code === 'INVALID_INPUT', String(bad));
  }
  assert.equal(browser.hasLocale('zh'), false);
});

test('with the bundle, messages and names are the Node entry\'s, word for word', async () => {
  browser.addLocale(bundle);
  const node = await import(new URL('node.js', pkg));
  assert.equal(browser.hasLocale('zh'), true);
  for (const op of OPERATIONS) {
    for (const params of [op.example, broken(op), {}, []]) {
      for (const os of ['linux', 'windows']) {
        const options = { locale: 'zh', os, operation: op.name };
        const got = browser.validate(op.provider, params, options);
        assert.deepEqual(got, node.validate(op.provider, params, options), `${op.provider} ${op.name}`);
        for (const issue of got.issues) assert.match(issue.message, /[\u4e00-\u9fff]/, issue.message);
      }
    }
  }
  assert.deepEqual(browser.providers().map((p) => p.name), node.providers().map((p) => p.name));
});

test('loadLocale reports what it cannot fetch with a code', async () => {
  // A module instance of its own (its JS state; the wasm is shared).
  const fresh = await import(new URL('index.js?fresh-locale', pkg));
  fresh.initSync(readFileSync(new URL('reinstall_kit_bg.wasm', pkg)));
  await fresh.loadLocale('en');
  // Node's fetch cannot read file: URLs.
  await assert.rejects(fresh.loadLocale('zh', new URL('locales/zh.json', pkg)), (e) => e.code === 'LOCALE_UNAVAILABLE');
});
