// Hostile input through the JS API of the built package (pkg/): every
// function, every argument position, against values JSON cannot carry or a
// caller should never send. Each call returns its normal answer (issues for
// validate and buildRequest) or throws a clean Error with a string `code` —
// never a WebAssembly trap — in bounded time, and the module keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLES as examples, PASSWORD_FIELDS, PROVIDERS, REGIONS, SCHEMES } from './registry.mjs';

const kit = await import(new URL('../../pkg/node.js', import.meta.url));

const LIMIT_MS = 2000;

const ctxFor = (id) => ({
  region: REGIONS[id], accessKeyId: 'AKIDHOSTILE', secretAccessKey: 'hostile-secret',
  timestamp: '2024-05-06T07:08:09Z', nonce: 'n-1',
});
const SIGN = {
  scheme: 'aws-sigv4', method: 'GET', url: 'https://kec.api.ksyun.com/?Action=ModifyInstanceImage&Version=2016-03-04',
  headers: { Accept: 'application/json' }, body: '', timestamp: '2024-05-06T07:08:09Z',
  accessKeyId: 'AK', secretAccessKey: 'SK', region: 'cn-beijing-6', service: 'kec',
};

function deepArray(n) { const root = []; let cur = root; for (let i = 0; i < n; i++) { const next = []; cur.push(next); cur = next; } return root; }
function deepObject(n) { const root = {}; let cur = root; for (let i = 0; i < n; i++) { cur.a = {}; cur = cur.a; } return root; }

/** name → a factory (fresh value per use: some are mutated or huge). */
const HOSTILE = {
  undefined: () => undefined,
  null: () => null,
  NaN: () => NaN,
  Infinity: () => Infinity,
  '-Infinity': () => -Infinity,
  'field NaN/Infinity': () => ({ InstanceId: NaN, ImageId: Infinity, 'SystemDisk.Size': -Infinity }),
  BigInt: () => 10n,
  'field BigInt': () => ({ InstanceId: 10n }),
  Symbol: () => Symbol('s'),
  'field Symbol': () => ({ InstanceId: Symbol('s') }),
  'Symbol key': () => ({ [Symbol('k')]: 1, InstanceId: 'i-1' }),
  function: () => () => 1,
  'field function': () => ({ InstanceId() { return 1; } }),
  '__proto__ / constructor keys': () => JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "prototype": 1}'),
  '10 MB string': () => 'x'.repeat(10 * 1024 * 1024),
  '10 MB field': () => ({ InstanceId: 'x'.repeat(10 * 1024 * 1024) }),
  '10 MB key': () => ({ ['k'.repeat(10 * 1024 * 1024)]: 1 }),
  '3 MB key over a list': () => ({ ['k'.repeat(3 * 1024 * 1024)]: new Array(500).fill(1) }),
  '10 000-deep arrays': () => deepArray(10000),
  '10 000-deep objects': () => deepObject(10000),
  '100 000 keys': () => Object.fromEntries(Array.from({ length: 100000 }, (_, i) => [`k${i}`, i])),
  cyclic: () => { const o = { a: 1 }; o.self = o; return o; },
  'cyclic array': () => { const a = [1]; a.push(a); return a; },
  frozen: () => Object.freeze({ ...examples.aliyun, nested: Object.freeze({ a: 1 }) }),
  'throwing getter': () => ({ get InstanceId() { throw new Error('getter boom'); } }),
  'throwing toJSON': () => ({ toJSON() { throw new Error('toJSON boom'); } }),
  'Proxy throwing on ownKeys': () => new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } }),
  'Proxy throwing on get': () => new Proxy({ a: 1 }, { get() { throw new Error('get trap'); } }),
  'revoked Proxy': () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; },
  'array with holes': () => [1, , 3, , , 'x'], // eslint-disable-line no-sparse-arrays
  'sparse array, 2 M long': () => { const a = []; a[2_000_000] = 1; return a; },
  'field with holes': () => ({ KeyId: [, 'k-1', , 'k-2'] }), // eslint-disable-line no-sparse-arrays
  'Date, Map, Set, RegExp': () => ({ a: new Date(0), b: new Map([[1, 2]]), c: new Set([1]), d: /x/g }),
  'typed array': () => new Uint8Array(1024),
  'String object': () => new String('aliyun'), // eslint-disable-line no-new-wrappers
  'object with toString': () => ({ toString() { return 'aliyun'; } }),
  'lone surrogates': () => ({ InstanceId: '\ud800\udfff\udc00', '\ud800': '\udfff' }),
  'NUL and controls': () => ({ InstanceId: 'a\u0000b\r\n', 'x\u0000': 1 }),
};

// Megabytes each: tried in every argument, and in the first field of a
// context or signing input only (the rest of the fields take the same path).
const LARGE = new Set(['10 MB string', '10 MB field', '10 MB key', '3 MB key over a list', '100 000 keys', 'sparse array, 2 M long']);
const fieldsFor = (name, fields) => (LARGE.has(name) ? fields.slice(0, 1) : fields);

function ok(what, result) {
  assert.ok(result !== undefined, `${what}: no answer`);
}

/** Runs `fn`; it must return or throw an Error with a code, within LIMIT_MS. */
function call(what, fn, check = () => {}) {
  const start = performance.now();
  let result, error;
  try {
    result = fn();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - start;
  assert.ok(ms < LIMIT_MS, `${what}: took ${ms.toFixed(0)} ms`);
  if (error !== undefined) {
    assert.ok(error instanceof Error, `${what}: threw a non-Error ${String(error)}`);
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `${what}: wasm trap ${error.message}`);
    assert.equal(typeof error.code, 'string', `${what}: Error without a code: ${error.message}`);
    assert.ok(error.code.length > 0 && error.message.length > 0, what);
    assert.ok(error.message.length < 1000, `${what}: ${error.message.length}-char message`);
    return { error };
  }
  check(result);
  return { result };
}

function isIssues(what) {
  return (r) => {
    assert.equal(typeof r.ok, 'boolean', what);
    assert.ok(Array.isArray(r.issues), what);
    for (const i of r.issues) {
      assert.equal(typeof i.message, 'string', what);
      assert.ok(i.field.length <= 300, `${what}: ${i.field.length}-char field`);
    }
    assert.ok(r.issues.length < 1000, `${what}: ${r.issues.length} issues`);
    if (!r.ok) assert.equal(r.request, undefined, `${what}: a request despite errors`);
  };
}

function stillUsable(what) {
  for (const id of PROVIDERS) {
    assert.equal(kit.validate(id, examples[id]).ok, true, `${what}: ${id} example no longer valid`);
  }
  assert.equal(kit.buildRequest('aliyun', examples.aliyun, ctxFor('aliyun')).ok, true, what);
  assert.equal(typeof kit.signRequest(SIGN).signature, 'string', what);
  assert.equal(typeof kit.generatePassword('aliyun', { os: 'windows' }), 'string', what);
}

test('validate: hostile params and options return issues (or a coded Error for the provider)', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    for (const id of PROVIDERS) {
      const what = `validate(${id}, ${name})`;
      const { error } = call(what, () => kit.validate(id, make()), isIssues(what));
      assert.equal(error, undefined, `${what}: params never throw`);
    }
    const { error } = call(`validate options ${name}`, () => kit.validate('ksyun', examples.ksyun, make()), isIssues(name));
    assert.equal(error, undefined, `validate options ${name}: options never throw`);
    call(`validate provider ${name}`, () => kit.validate(make(), {}), isIssues(name));
  }
  stillUsable('after validate');
});

test('buildRequest: hostile params, context and context fields', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    for (const id of PROVIDERS) {
      call(`buildRequest(${id}, ${name})`, () => kit.buildRequest(id, make(), ctxFor(id)), isIssues(name));
    }
    call(`buildRequest context ${name}`, () => kit.buildRequest('aliyun', examples.aliyun, make()), isIssues(name));
    const fields = ['secretAccessKey', 'region', 'endpoint', 'accessKeyId', 'securityToken', 'timestamp', 'now', 'nonce', 'clientToken', 'scheme', 'userAgent', 'os', 'locale'];
    for (const field of fieldsFor(name, fields)) {
      call(`buildRequest context.${field} = ${name}`,
        () => kit.buildRequest('volcengine', examples.volcengine, { ...ctxFor('volcengine'), [field]: make() }), isIssues(name));
    }
    call(`buildRequest provider ${name}`, () => kit.buildRequest(make(), {}, {}), isIssues(name));
  }
  stillUsable('after buildRequest');
});

test('signRequest: hostile input and input fields', () => {
  const signed = (what) => (r) => assert.equal(typeof r.canonicalRequest, 'string', what);
  for (const [name, make] of Object.entries(HOSTILE)) {
    call(`signRequest(${name})`, () => kit.signRequest(make()), signed(name));
    for (const field of fieldsFor(name, ['headers', ...Object.keys(SIGN).filter((k) => k !== 'headers')])) {
      call(`signRequest .${field} = ${name}`, () => kit.signRequest({ ...SIGN, [field]: make() }), signed(name));
    }
    for (const scheme of fieldsFor(name, SCHEMES.filter((s) => s !== SIGN.scheme))) {
      call(`signRequest ${scheme} headers = ${name}`,
        () => kit.signRequest({ ...SIGN, scheme, nonce: 'n', headers: make() }), signed(name));
    }
  }
  stillUsable('after signRequest');
});

test('generatePassword: hostile provider and options', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    for (const id of Object.keys(PASSWORD_FIELDS)) {
      call(`generatePassword(${id}, ${name})`, () => kit.generatePassword(id, make()),
        (pw) => assert.equal(typeof pw, 'string'));
    }
    call(`generatePassword provider ${name}`, () => kit.generatePassword(make()), (pw) => assert.equal(typeof pw, 'string'));
  }
  stillUsable('after generatePassword');
});

test('the limits are enforced: a 4 MiB input, 512 entries, 8 levels, 64 KiB context', () => {
  const big = { InstanceId: 'x'.repeat(4 * 1024 * 1024) };
  assert.equal(kit.validate('aliyun', big).issues[0].rule, 'params.too_large');
  const wide = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`K${i}`, i]));
  assert.ok(kit.validate('aliyun', wide).issues.some((i) => i.rule === 'params.too_many'));
  let deep = 'leaf'; for (let i = 0; i < 9; i++) deep = { a: deep };
  assert.ok(kit.validate('aliyun', { Deep: deep }).issues.some((i) => i.rule === 'params.too_deep'));
  assert.throws(() => kit.buildRequest('aliyun', examples.aliyun, { ...ctxFor('aliyun'), pad: 'x'.repeat(65 * 1024) }),
    (e) => e.code === 'INPUT_TOO_LARGE');
  assert.throws(() => kit.signRequest({ ...SIGN, body: 'x'.repeat(4 * 1024 * 1024) }), (e) => e.code === 'INPUT_TOO_LARGE');
  const headers = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`X-H${i}`, 'v']));
  assert.throws(() => kit.signRequest({ ...SIGN, headers }), (e) => e.code === 'INPUT_TOO_LARGE');
  // Options over 64 KiB are ignored, not read.
  assert.equal(typeof kit.generatePassword('aliyun', { os: 'windows', pad: 'x'.repeat(65 * 1024) }), 'string');
  stillUsable('after the limits');
});

test('nothing was polluted', () => {
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  assert.equal(Array.prototype.polluted, undefined);
  ok('providers', kit.providers());
});
