// Pure logic of the page: no DOM. Turns providers() metadata into a form tree,
// form values into `params`, issues back onto form fields, and the form into
// a share link / stored state and back. Secrets never pass through the
// storage and share helpers.

export const CONTEXT_KEYS = ['region', 'endpoint', 'accessKeyId', 'secretAccessKey', 'securityToken', 'scheme', 'os'];
const SHARE_RESERVED = new Set(['provider', 'os', 'region', 'endpoint', 'scheme']);

/** Suggested values: the enum of an advisory constraint (e.g. disk types known from Terraform). */
export function suggestions(field) {
  const adv = (field.constraints && field.constraints.advisory) || [];
  for (const a of adv) if (a && Array.isArray(a.enum) && a.enum.length) return a.enum.map(String);
  return [];
}

export function isList(field) {
  return field.type === 'list';
}

/** "KeyId.N" → "KeyId"; other names unchanged. */
export function listBase(name) {
  return name.endsWith('.N') ? name.slice(0, -2) : name;
}

/** The params key a scalar field is sent under ("Arn.N.RoleType" → "Arn.1.RoleType"). */
export function paramKey(name) {
  return name.replace(/\.N\./g, '.1.');
}

/**
 * Builds the form tree of one provider: containers (type "object") hold the
 * fields whose dotted names start with theirs; advanced fields go into a
 * separate section. Order follows providers().
 */
export function buildModel(provider) {
  // Fields this provider refuses (supported: false) are not offered at all.
  const fields = (provider.fields || [])
    .filter((f) => f && typeof f.name === 'string' && f.supported !== false)
    .map((f) => ({ ...f, constraints: f.constraints || {} }));
  const byName = new Map(fields.map((f) => [f.name, f]));
  const objects = fields.filter((f) => f.type === 'object');
  const parentOf = (name) => {
    let best = null;
    for (const o of objects) {
      if (name !== o.name && name.startsWith(o.name + '.') && (!best || o.name.length > best.name.length)) best = o;
    }
    return best;
  };
  const nodes = new Map(fields.map((f) => [f.name, { field: f, children: [] }]));
  const root = [];
  const advanced = [];
  for (const f of fields) {
    const node = nodes.get(f.name);
    const parent = parentOf(f.name);
    if (parent && (!f.advanced || parent.advanced)) nodes.get(parent.name).children.push(node);
    else if (f.advanced) advanced.push(node);
    else root.push(node);
  }
  return { provider, fields, byName, root, advanced, parentOf };
}

const present = (v) => v !== undefined && v !== null && v !== '';

/** The documented name of item `i` (0-based) of a list field: "KeyId.N" → "KeyId.3", "Arn.N.RoleType" → "Arn.3.RoleType". */
export function listItemName(name, i) {
  return name.endsWith('.N') ? `${name.slice(0, -2)}.${i + 1}` : name.replace('.N.', `.${i + 1}.`);
}

/**
 * Form values → params for validate/buildRequest. Empty inputs are left out.
 * Fields under a declared container are nested in it ({"os-change": {...}});
 * lists ending in ".N" are arrays under their base name, other lists
 * ("Arn.N.RoleType") flat with their 1-based positions. Also returns, per list
 * field, which form row each sent item came from (to place issues).
 */
export function toParams(model, values) {
  const params = {};
  const rows = {};
  const put = (name, v) => {
    const chain = [];
    for (let p = model.parentOf(name); p; p = model.parentOf(p.name)) chain.unshift(p.name);
    let obj = params;
    let prefix = '';
    for (const c of chain) {
      const key = prefix ? c.slice(prefix.length + 1) : c;
      if (!obj[key] || typeof obj[key] !== 'object' || Array.isArray(obj[key])) obj[key] = {};
      obj = obj[key];
      prefix = c;
    }
    obj[prefix ? name.slice(prefix.length + 1) : name] = v;
  };
  for (const f of model.fields) {
    if (f.type === 'object') continue;
    const v = values[f.name];
    if (isList(f)) {
      const items = Array.isArray(v) ? v : present(v) ? [v] : [];
      if (f.name.endsWith('.N')) {
        const sent = [];
        const from = [];
        items.forEach((x, i) => {
          if (present(x)) {
            sent.push(String(x));
            from.push(i);
          }
        });
        if (sent.length) {
          put(listBase(f.name), sent);
          rows[f.name] = from;
        }
      } else {
        items.forEach((x, i) => {
          if (present(x)) put(listItemName(f.name, i), String(x));
        });
      }
    } else if (f.type === 'boolean') {
      if (v === true || v === false) put(paramKey(f.name), v);
    } else if (present(v)) {
      put(paramKey(f.name), typeof v === 'string' ? v : String(v));
    }
  }
  return { params, rows };
}

/**
 * Where an issue belongs: { name, row? } for a form field (row = form row of a
 * list item), { context } for a context input, or null (request-wide).
 */
export function locateIssue(model, field, rows = {}) {
  if (typeof field !== 'string' || field === '') return null;
  if (model.byName.has(field)) return { name: field };
  if (CONTEXT_KEYS.includes(field)) return { context: field };
  if (field.startsWith('context.') && CONTEXT_KEYS.includes(field.slice(8))) return { context: field.slice(8) };
  if (model.byName.has(field + '.N')) return { name: field + '.N' };
  const item = /^(.*)\.(\d+)$/.exec(field);
  if (item) {
    const list = model.byName.get(item[1] + '.N');
    if (list && isList(list)) {
      const k = Number(item[2]) - 1;
      const from = rows[list.name];
      return { name: list.name, row: from && from[k] !== undefined ? from[k] : k };
    }
  }
  const generic = field.replace(/\.\d+(?=\.)/g, '.N');
  if (generic !== field && model.byName.has(generic)) {
    const f = model.byName.get(generic);
    const pos = /\.(\d+)\./.exec(field);
    return isList(f) && pos ? { name: generic, row: Number(pos[1]) - 1 } : { name: generic };
  }
  // Fall back to the closest declared container ("os-change.foo" → "os-change").
  let prefix = field;
  while (prefix.includes('.')) {
    prefix = prefix.slice(0, prefix.lastIndexOf('.'));
    if (model.byName.has(prefix)) return { name: prefix };
  }
  return null;
}

function setValue(model, values, name, v) {
  let f = model.byName.get(name);
  if (!f && model.byName.has(name + '.N')) f = model.byName.get((name = name + '.N'));
  if (!f) {
    const item = /^(.*)\.(\d+)$/.exec(name);
    const list = item && model.byName.get(item[1] + '.N');
    if (list && isList(list)) {
      const arr = Array.isArray(values[list.name]) ? values[list.name] : [];
      arr[Number(item[2]) - 1] = v == null ? '' : String(v);
      values[list.name] = Array.from(arr, (x) => (x == null ? '' : x));
      return true;
    }
    const generic = name.replace(/\.\d+(?=\.)/g, '.N');
    f = model.byName.get(generic);
    if (!f) return false;
    name = generic;
  }
  if (f.type === 'object') return false;
  if (isList(f)) {
    const arr = Array.isArray(v) ? v : [v];
    values[f.name] = arr.filter((x) => x != null && typeof x !== 'object').map(String);
  } else if (f.type === 'boolean') {
    if (v === true || v === 'true') values[f.name] = true;
    else if (v === false || v === 'false') values[f.name] = false;
  } else if (v != null && typeof v !== 'object') {
    values[f.name] = String(v);
  } else if (v != null) {
    values[f.name] = JSON.stringify(v);
  }
  return true;
}

/** A params object (nested or flat, lists as arrays or "Key.1") → form values. */
export function valuesFromParams(model, params) {
  const values = {};
  const walk = (obj, prefix) => {
    for (const [k, v] of Object.entries(obj)) {
      const name = prefix ? `${prefix}.${k}` : k;
      const f = model.byName.get(name);
      if (Array.isArray(v)) {
        if (model.byName.has(name + '.N') || (f && isList(f))) setValue(model, values, name, v);
        else v.forEach((x, i) => (x && typeof x === 'object' ? walk(x, `${name}.${i + 1}`) : setValue(model, values, `${name}.${i + 1}`, x)));
      } else if (v && typeof v === 'object' && (!f || f.type === 'object')) {
        walk(v, name);
      } else {
        setValue(model, values, name, v);
      }
    }
  };
  if (params && typeof params === 'object') walk(params, '');
  return values;
}

/** Drops secret fields (passwords) and empty entries: what may be stored or shared. */
export function publicValues(model, values) {
  const out = {};
  for (const f of model.fields) {
    if (f.secret || f.type === 'object') continue;
    const v = values[f.name];
    if (isList(f)) {
      if (Array.isArray(v) && v.some(present)) out[f.name] = v.map((x) => (x == null ? '' : String(x)));
    } else if (f.type === 'boolean') {
      if (v === true || v === false) out[f.name] = v;
    } else if (present(v)) {
      out[f.name] = String(v);
    }
  }
  return out;
}

/** Form → the text after "#" of a share link. No secrets, no access key ID. */
export function encodeShare(model, { provider, os, region, endpoint, scheme, values }) {
  const q = new URLSearchParams();
  q.set('provider', provider);
  if (os) q.set('os', os);
  if (region) q.set('region', region);
  if (endpoint) q.set('endpoint', endpoint);
  if (scheme && scheme !== (model.provider.schemes || [])[0]) q.set('scheme', scheme);
  const pub = publicValues(model, values);
  for (const f of model.fields) {
    if (!(f.name in pub)) continue;
    const key = SHARE_RESERVED.has(f.name) ? `field:${f.name}` : f.name;
    const v = pub[f.name];
    if (Array.isArray(v)) v.filter(present).forEach((x) => q.append(key, x));
    else q.set(key, String(v));
  }
  return q.toString();
}

/** Reads a share hash ("#provider=…&…" or without "#"). Returns null when it has no provider. */
export function decodeShare(hash) {
  const text = String(hash || '').replace(/^#/, '');
  if (!text) return null;
  let q;
  try {
    q = new URLSearchParams(text);
  } catch {
    return null;
  }
  const provider = q.get('provider');
  if (!provider) return null;
  const entries = [];
  for (const [k, v] of q) {
    if (SHARE_RESERVED.has(k)) continue;
    entries.push([k.startsWith('field:') ? k.slice(6) : k, v]);
  }
  return {
    provider,
    os: q.get('os') || undefined,
    region: q.get('region') || undefined,
    endpoint: q.get('endpoint') || undefined,
    scheme: q.get('scheme') || undefined,
    entries,
  };
}

/** Share entries → form values for one provider (secret fields are ignored). */
export function valuesFromShare(model, entries) {
  const values = {};
  for (const [k, v] of entries) {
    const f = model.byName.get(k);
    if (!f || f.secret || f.type === 'object') continue;
    if (isList(f)) (values[k] = values[k] || []).push(v);
    else if (f.type === 'boolean') {
      if (v === 'true') values[k] = true;
      else if (v === 'false') values[k] = false;
    } else values[k] = v;
  }
  return values;
}

const FORMAT_KEYS = { uuid: 'c.uuid', base64: 'c.base64', ascii: 'c.ascii' };

function rangeHints(c, field, out, prefix = '') {
  const isPassword = c.format === 'password';
  if (!isPassword) {
    if (c.minLength != null && c.maxLength != null) {
      out.push(c.minLength === c.maxLength ? [`${prefix}c.exactLength`, { n: c.minLength }] : [`${prefix}c.length`, { min: c.minLength, max: c.maxLength }]);
    } else if (c.minLength != null && c.minLength > 1) out.push([`${prefix}c.minLength`, { min: c.minLength }]);
    else if (c.maxLength != null) out.push([`${prefix}c.maxLength`, { max: c.maxLength }]);
  }
  if (c.minimum != null && c.maximum != null) out.push([`${prefix}c.range`, { min: c.minimum, max: c.maximum }]);
  else if (c.minimum != null) out.push([`${prefix}c.minimum`, { min: c.minimum }]);
  else if (c.maximum != null) out.push([`${prefix}c.maximum`, { max: c.maximum }]);
  if (c.maxItems != null) out.push([`${prefix}c.maxItems`, { n: c.maxItems }]);
  if (FORMAT_KEYS[c.format]) out.push([`${prefix}${FORMAT_KEYS[c.format]}`, {}]);
}

/**
 * Short hints for a field's constraints: [[i18nKey, vars], …]. Lengths of
 * passwords are left to the help text (which states the whole rule).
 * Advisory constraints (from sources other than the document, checked as
 * warnings) come as "c.advisory" with the hints joined.
 */
export function constraintHints(field) {
  const c = field.constraints || {};
  const out = [];
  rangeHints(c, field, out);
  if (field.type === 'integer' && c.minimum == null && c.maximum == null) out.push(['c.integer', {}]);
  if (Array.isArray(c.advisory) && c.advisory.length) {
    const adv = [];
    for (const a of c.advisory) if (a && typeof a === 'object') rangeHints(a, field, adv);
    // Advisory minimum and maximum often come as two entries: merge them into one range.
    const min = adv.find(([k]) => k === 'c.minimum');
    const max = adv.find(([k]) => k === 'c.maximum');
    const merged = min && max ? [['c.range', { min: min[1].min, max: max[1].max }], ...adv.filter((x) => x !== min && x !== max)] : adv;
    if (merged.length) out.push(['c.advisory', { parts: merged }]);
  }
  return out;
}

/** Counts errors and warnings. */
export function countIssues(issues) {
  let errors = 0;
  let warnings = 0;
  for (const i of issues || []) {
    if (i.severity === 'warning') warnings++;
    else errors++;
  }
  return { errors, warnings };
}

/** Pretty-prints a body when it is JSON; returns it unchanged otherwise. */
export function prettyBody(body, contentType = '') {
  if (typeof body !== 'string' || body === '') return body || '';
  const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(body);
  if (!looksJson) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Timestamp for signing: RFC 3339 UTC without fractions. */
export function signingTimestamp(date = new Date()) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
