// The JS chain a console team would write instead of reinstall-kit: ajv with
// the strictest JSON Schema we could write (schemas/*.json), then the
// provider's own JS signer, fed the same request, time and nonce as
// reinstall-kit builds so that both produce the same signature.
//
// Adaptations, each the smallest that makes the signatures comparable (the
// work stays the same):
// - Huawei/OTC: the JS SDK's AKSKSigner hashes JSON.stringify(request.data),
//   while the request the Python SDK sends (and reinstall-kit builds) has
//   Python's json.dumps spacing; the peer hashes the body text it sends.
// - Volcengine: the JS signer never signs Content-Type, the Python SDK (and
//   reinstall-kit) does; the peer is told Content-Type is signable.
// - Kingsoft (SigV4): @smithy/signature-v4 with applyChecksum off (kscore
//   sends no X-Amz-Content-Sha256) and the same X-Action/X-Version headers.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createHash, createHmac } from 'node:crypto';
import { PROVIDERS, TIMESTAMP, NONCE, CLIENT_TOKEN, ACCESS_KEY_ID, SECRET, REGIONS } from './inputs.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const { SignatureV4 } = require('@smithy/signature-v4');
const OpenApiUtil = require('@alicloud/openapi-util').default;
const VolcSigner = require('@volcengine/openapi/lib/base/sign.js').default;
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js');

export const versions = () => Object.fromEntries(
  ['ajv', '@smithy/signature-v4', '@alicloud/openapi-util', '@volcengine/openapi', '@huaweicloud/huaweicloud-sdk-core', 'esbuild', 'playwright-core']
    .map((name) => [name, require(`${name}/package.json`).version]),
);

/** One compiled ajv validator per provider (allErrors: every error, as reinstall-kit reports). */
export function compileValidators() {
  const ajv = new Ajv({ allErrors: true });
  return Object.fromEntries(PROVIDERS.map((id) => [
    id, ajv.compile(JSON.parse(readFileSync(new URL(`schemas/${id}.json`, import.meta.url), 'utf8'))),
  ]));
}

const sha256hex = (s) => createHash('sha256').update(s).digest('hex');
const basicTime = (iso) => iso.replace(/[-:]/g, '');

// Python's json.dumps (", " and ": " separators, ASCII only): the body the
// Huawei Python SDK sends.
function pyJson(v) {
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (v && typeof v === 'object') return '{' + Object.keys(v).map((k) => pyJson(k) + ': ' + pyJson(v[k])).join(', ') + '}';
  return JSON.stringify(v);
}

class HuaweiBodySigner extends AKSKSigner {
  static buildPayloadHash(request) {
    return request.body ? this.Hex(request.body) : this.EMPTY_BODY_SHA256;
  }
}

class VolcSignerWithContentType extends VolcSigner {
  isSignableHeader(key) {
    return key === 'content-type' || super.isSignableHeader(key);
  }
}

/** node:crypto as the SHA-256 of @smithy/signature-v4 (what @smithy/hash-node does in Node). */
class NodeSha256 {
  constructor(secret) { this.h = secret ? createHmac('sha256', secret) : createHash('sha256'); }
  update(data) { this.h.update(data); }
  digest() { return Promise.resolve(new Uint8Array(this.h.digest())); }
}

const rpcQuery = (params, fixed) => {
  const q = { ...fixed };
  for (const [k, v] of Object.entries(params)) q[k] = String(v);
  return q;
};

function huaweiJob(validate, host) {
  const credential = { getAk: () => ACCESS_KEY_ID, getSk: () => SECRET };
  return (params) => {
    if (!validate(params)) return { ok: false, errors: validate.errors };
    const body = pyJson({ 'os-change': params['os-change'] });
    const path = `/v1/${params.project_id}/cloudservers/${params.server_id}/changeos`;
    const headers = HuaweiBodySigner.sign({
      endpoint: `https://${host}${path}`, method: 'POST', body, queryParams: {},
      headers: { 'Content-Type': 'application/json;charset=utf-8', 'X-Project-Id': params.project_id, 'X-Sdk-Date': basicTime(TIMESTAMP) },
    }, credential);
    return { ok: true, authorization: headers.Authorization, body };
  };
}

/** The JS chain of each provider: params → { ok, authorization } (a Promise for SigV4, whose signer is async). */
export function chains(validators) {
  const ksyunSigner = new SignatureV4({
    service: 'kec', region: REGIONS.ksyun, sha256: NodeSha256, applyChecksum: false,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET },
  });
  const signingDate = new Date(TIMESTAMP);
  return {
    huaweicloud: huaweiJob(validators.huaweicloud, `ecs.${REGIONS.huaweicloud}.myhuaweicloud.com`),
    otc: huaweiJob(validators.otc, `ecs.${REGIONS.otc}.otc.t-systems.com`),
    ksyun: async (params) => {
      const validate = validators.ksyun;
      if (!validate(params)) return { ok: false, errors: validate.errors };
      const signed = await ksyunSigner.sign({
        method: 'GET', protocol: 'https:', hostname: 'kec.api.ksyun.com', path: '/',
        query: rpcQuery(params, { Action: 'ModifyInstanceImage', Version: '2016-03-04' }),
        headers: { Accept: 'application/json', 'X-Action': 'ModifyInstanceImage', 'X-Version': '2016-03-04', host: 'kec.api.ksyun.com' },
      }, { signingDate });
      return { ok: true, authorization: signed.headers.authorization };
    },
    aliyun: (params) => {
      const validate = validators.aliyun;
      if (!validate(params)) return { ok: false, errors: validate.errors };
      const query = rpcQuery(params, {});
      if (query.ClientToken === undefined) query.ClientToken = CLIENT_TOKEN;
      const payload = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(''), 'ACS3-HMAC-SHA256'));
      const request = {
        pathname: '/', method: 'POST', query,
        headers: {
          // The host alibabacloud-ecs20140526's endpoint map gives cn-hangzhou.
          host: 'ecs-cn-hangzhou.aliyuncs.com', 'x-acs-action': 'ReplaceSystemDisk', 'x-acs-version': '2014-05-26',
          'x-acs-date': TIMESTAMP, 'x-acs-signature-nonce': NONCE, 'x-acs-content-sha256': payload, accept: 'application/json',
        },
      };
      return { ok: true, authorization: OpenApiUtil.getAuthorization(request, 'ACS3-HMAC-SHA256', payload, ACCESS_KEY_ID, SECRET) };
    },
    volcengine: (params) => {
      const validate = validators.volcengine;
      if (!validate(params)) return { ok: false, errors: validate.errors };
      const query = rpcQuery(params, { Action: 'ReplaceSystemVolume', Version: '2020-04-01' });
      if (query.ClientToken === undefined) query.ClientToken = CLIENT_TOKEN;
      const request = {
        region: REGIONS.volcengine, method: 'GET', pathname: '/', params: query,
        headers: { 'Content-Type': 'text/plain', Host: 'open.volcengineapi.com', 'X-Content-Sha256': sha256hex('') },
      };
      new VolcSignerWithContentType(request, 'ecs').addAuthorization({ accessKeyId: ACCESS_KEY_ID, secretKey: SECRET }, signingDate);
      return { ok: true, authorization: request.headers.Authorization };
    },
  };
}
