// www/model.js: the page's pure logic (form tree, params, issue placement, share links).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildModel, toParams, locateIssue, valuesFromParams, publicValues, encodeShare, decodeShare, valuesFromShare,
  prettyBody, signingTimestamp, listItemName,
} from '../../www/model.js';

const F = (name, type = 'string', o = {}) => ({ name, location: 'query', type, required: false, secret: false, deprecated: false, advanced: false, constraints: {}, label: { en: name, zh: name }, help: { en: '', zh: '' }, ...o });
const provider = {
  id: 'demo',
  schemes: ['s1', 's2'],
  fields: [
    F('project_id', 'string', { location: 'path', required: true }),
    F('os-change', 'object', { location: 'body', required: true }),
    F('os-change.adminpass', 'string', { location: 'body', secret: true, generator: 'password' }),
    F('os-change.imageid', 'string', { location: 'body' }),
    F('os-change.metadata', 'object', { location: 'body' }),
    F('os-change.metadata.BYOL', 'string', { location: 'body' }),
    F('os-change.isAutoPay', 'string', { location: 'body', supported: false, advanced: true }),
    F('SystemDisk.Size', 'integer'),
    F('KeyId.N', 'list'),
    F('KeepImageLogin', 'boolean'),
    F('DiskId', 'string', { deprecated: true, advanced: true }),
    F('Arn.N.RoleType', 'list', { advanced: true }),
  ],
};

describe('www/model.js', () => {
  const model = buildModel(provider);

  it('builds the tree: containers hold their dotted children, advanced fields apart, unsupported ones gone', () => {
    assert.deepEqual(model.root.map((n) => n.field.name), ['project_id', 'os-change', 'SystemDisk.Size', 'KeyId.N', 'KeepImageLogin']);
    const osChange = model.root[1];
    assert.deepEqual(osChange.children.map((n) => n.field.name), ['os-change.adminpass', 'os-change.imageid', 'os-change.metadata']);
    assert.deepEqual(osChange.children[2].children.map((n) => n.field.name), ['os-change.metadata.BYOL']);
    assert.deepEqual(model.advanced.map((n) => n.field.name), ['DiskId', 'Arn.N.RoleType']);
    assert.equal(model.byName.has('os-change.isAutoPay'), false);
  });

  it('turns form values into params: nested containers, arrays, flat positions, no empties', () => {
    const { params, rows } = toParams(model, {
      project_id: 'p1',
      'os-change.adminpass': 'pw',
      'os-change.metadata.BYOL': 'true',
      'os-change.imageid': '',
      'SystemDisk.Size': '80',
      'KeyId.N': ['', 'k2', 'k3'],
      KeepImageLogin: true,
      'Arn.N.RoleType': ['r1', '', 'r3'],
    });
    assert.deepEqual(params, {
      project_id: 'p1',
      'os-change': { adminpass: 'pw', metadata: { BYOL: 'true' } },
      'SystemDisk.Size': '80',
      KeyId: ['k2', 'k3'],
      KeepImageLogin: true,
      'Arn.1.RoleType': 'r1',
      'Arn.3.RoleType': 'r3',
    });
    assert.deepEqual(rows, { 'KeyId.N': [1, 2] });
    assert.equal(listItemName('KeyId.N', 2), 'KeyId.3');
    assert.equal(listItemName('Arn.N.RoleType', 0), 'Arn.1.RoleType');
  });

  it('places issues on fields, list rows, containers and context inputs', () => {
    const rows = { 'KeyId.N': [1, 2] };
    assert.deepEqual(locateIssue(model, 'os-change.adminpass', rows), { name: 'os-change.adminpass' });
    assert.deepEqual(locateIssue(model, 'KeyId.1', rows), { name: 'KeyId.N', row: 1 });
    assert.deepEqual(locateIssue(model, 'KeyId.N', rows), { name: 'KeyId.N' });
    assert.deepEqual(locateIssue(model, 'KeyId', rows), { name: 'KeyId.N' });
    assert.deepEqual(locateIssue(model, 'Arn.3.RoleType', rows), { name: 'Arn.N.RoleType', row: 2 });
    assert.deepEqual(locateIssue(model, 'os-change.metadata.unknown', rows), { name: 'os-change.metadata' });
    assert.deepEqual(locateIssue(model, 'context.region', rows), { context: 'region' });
    assert.deepEqual(locateIssue(model, 'accessKeyId', rows), { context: 'accessKeyId' });
    assert.equal(locateIssue(model, '', rows), null);
    assert.equal(locateIssue(model, 'Whatever', rows), null);
  });

  it('reads examples, nested or flat', () => {
    assert.deepEqual(valuesFromParams(model, { 'os-change': { adminpass: 'x', metadata: { BYOL: 'true' } }, 'KeyId.1': 'a', 'KeyId.2': 'b', 'SystemDisk.Size': 80, KeepImageLogin: false }), {
      'os-change.adminpass': 'x', 'os-change.metadata.BYOL': 'true', 'KeyId.N': ['a', 'b'], 'SystemDisk.Size': '80', KeepImageLogin: false,
    });
    assert.deepEqual(valuesFromParams(model, { KeyId: ['a'], SystemDisk: { Size: 20 } }), { 'KeyId.N': ['a'], 'SystemDisk.Size': '20' });
  });

  it('keeps secrets out of stored values and share links, and reads share links back', () => {
    const values = { project_id: 'p 1', 'os-change.adminpass': 'Secret#1', 'KeyId.N': ['a', ''], KeepImageLogin: true };
    assert.deepEqual(publicValues(model, values), { project_id: 'p 1', 'KeyId.N': ['a', ''], KeepImageLogin: true });
    const hash = encodeShare(model, { provider: 'demo', os: 'linux', region: 'r1', scheme: 's2', values });
    assert.ok(!hash.includes('Secret'));
    const share = decodeShare(`#${hash}`);
    assert.equal(share.provider, 'demo');
    assert.equal(share.region, 'r1');
    assert.equal(share.scheme, 's2');
    assert.deepEqual(valuesFromShare(model, share.entries), { project_id: 'p 1', 'KeyId.N': ['a'], KeepImageLogin: true });
    // A crafted link cannot plant a password.
    assert.deepEqual(valuesFromShare(model, decodeShare('#provider=demo&os-change.adminpass=x').entries), {});
    assert.equal(decodeShare(''), null);
    assert.equal(decodeShare('#foo=bar'), null);
  });

  it('pretty-prints JSON bodies and formats signing timestamps', () => {
    assert.equal(prettyBody('{"a":{"b":1}}', 'application/json'), '{\n  "a": {\n    "b": 1\n  }\n}');
    assert.equal(prettyBody('a=1&b=2', 'application/x-www-form-urlencoded'), 'a=1&b=2');
    assert.equal(prettyBody('{not json', ''), '{not json');
    assert.equal(signingTimestamp(new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 123))), '2024-05-06T07:08:09Z');
  });
});
