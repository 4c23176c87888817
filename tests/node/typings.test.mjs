// pkg-template/index.d.ts is hand-written: its id unions must name exactly the
// registered providers and schemes (as the built package's providers() reports
// them), so that a new provider or scheme without typings fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROVIDERS, SCHEMES, OPERATIONS } from './registry.mjs';

const dts = readFileSync(new URL('../../pkg-template/index.d.ts', import.meta.url), 'utf8');

/** The string literals of `export type <name> = 'a' | 'b' ...;`. */
function union(name) {
  const m = dts.match(new RegExp(`^export type ${name}\\s*=([^;]*);`, 'm'));
  assert.ok(m, `index.d.ts has no \`export type ${name} = ...;\``);
  const body = m[1].replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const parts = body.split('|').map((s) => s.trim()).filter(Boolean);
  const ids = parts.map((s) => s.match(/^'([^']*)'$/)?.[1] ?? s.match(/^"([^"]*)"$/)?.[1]);
  assert.ok(ids.every((id) => id !== undefined), `${name}: only string literals expected, got ${body.trim()}`);
  assert.equal(new Set(ids).size, ids.length, `${name}: an id listed twice`);
  return ids;
}

function sameIds(typed, registered, what) {
  const missing = registered.filter((id) => !typed.includes(id));
  const extra = typed.filter((id) => !registered.includes(id));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] },
    `index.d.ts ${what}: add the missing ids, remove the unregistered ones`);
}

test('index.d.ts ProviderId lists exactly the ids of providers()', () => {
  sameIds(union('ProviderId'), PROVIDERS, 'ProviderId');
});

test("index.d.ts SchemeId lists exactly the schemes of providers()", () => {
  sameIds(union('SchemeId'), SCHEMES, 'SchemeId');
});

test('the id types are the ones the API signatures use', () => {
  for (const fn of ['validate', 'buildRequest', 'generatePassword']) {
    assert.match(dts, new RegExp(`export function ${fn}\\(\\s*provider: ProviderId\\b`), fn);
  }
  assert.match(dts, /\bschemes: SchemeId\[\];/);
  assert.match(dts, /\bid: ProviderId;/);
});

test('index.d.ts OperationName lists exactly the operations of providers()', () => {
  sameIds(union('OperationName'), [...new Set(OPERATIONS.map((o) => o.name))], 'OperationName');
  assert.match(dts, /\boperation\?: OperationName;/);
});
