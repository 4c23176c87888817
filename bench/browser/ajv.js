// ajv with the five schemas, compiled in the page (allErrors), as the JS chain validates.
import Ajv from 'ajv';
import huaweicloud from '../schemas/huaweicloud.json';
import otc from '../schemas/otc.json';
import ksyun from '../schemas/ksyun.json';
import aliyun from '../schemas/aliyun.json';
import volcengine from '../schemas/volcengine.json';

const schemas = { huaweicloud, otc, ksyun, aliyun, volcengine };
const ajv = new Ajv({ allErrors: true });
const compiled = {};
export function validate(provider, params) {
  const v = compiled[provider] || (compiled[provider] = ajv.compile(schemas[provider]));
  return v(params) ? { ok: true, errors: [] } : { ok: false, errors: v.errors };
}
