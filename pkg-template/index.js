// reinstall-kit — browser and bundler entry. Call `await init()` once, then
// use the functions. Every call crosses into WebAssembly as JSON text: the
// argument is stringified here inside a try/catch, so cyclic objects, BigInt
// or throwing getters become an issue (validate) or a clean Error (others),
// never a trap that would poison the module.
import initWasm, { initSync as initWasmSync } from './reinstall_kit.js';
import * as wasm from './reinstall_kit.js';

let ready = false;

/**
 * Loads the WebAssembly module. `input` is optional: a URL, Response,
 * BufferSource or WebAssembly.Module (bundlers that do not copy the .wasm,
 * such as esbuild, pass its URL here).
 */
export default async function init(input) {
  if (ready) return;
  await initWasm(input === undefined ? undefined : { module_or_path: input });
  ready = true;
}

/** Synchronous initialisation from bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  if (ready) return;
  initWasmSync({ module });
  ready = true;
}

export { init };

function requireReady() {
  if (!ready) {
    const err = new Error('reinstall-kit is not initialised: call `await init()` first');
    err.code = 'NOT_INITIALIZED';
    throw err;
  }
}

/** JSON text for Rust, or undefined when the value cannot be represented. */
function toJson(value) {
  try {
    const text = JSON.stringify(value === undefined ? null : value);
    return text === undefined ? undefined : text;
  } catch {
    return undefined;
  }
}

function unwrap(text) {
  const answer = JSON.parse(text);
  if (answer.error) {
    const err = new Error(answer.error.message);
    err.code = answer.error.code;
    throw err;
  }
  return answer.value;
}

function providerId(provider) {
  if (typeof provider !== 'string') {
    const err = new Error('provider must be a string id such as "aliyun"');
    err.code = 'UNKNOWN_PROVIDER';
    throw err;
  }
  return provider;
}

function inputText(value, what) {
  const text = toJson(value);
  if (text === undefined) {
    const err = new Error(`${what} must be a plain JSON-like object`);
    err.code = 'INVALID_INPUT';
    throw err;
  }
  return text;
}

/**
 * Issues cross as one flat array, five values per issue (Rust
 * `AnswerForm::Transport`): building the objects here is about 2.5 times
 * quicker than letting JSON.parse build them.
 */
function withIssueObjects(answer) {
  const flat = answer.issues;
  const issues = [];
  for (let i = 0; i < flat.length; i += 5) {
    issues.push({ code: flat[i], field: flat[i + 1], message: flat[i + 2], rule: flat[i + 3], severity: flat[i + 4] });
  }
  answer.issues = issues;
  return answer;
}

let providersCache;
let rawProviders;

/** `providers()` as the wasm describes them (no form texts), parsed once. */
function registered() {
  requireReady();
  if (!rawProviders) rawProviders = unwrap(wasm.providers_json());
  return rawProviders;
}

/**
 * Form texts (labels, help, examples, preconditions) are not in the wasm:
 * they ship as `descriptions/<provider>.<locale>.json`, one small file per
 * provider and language, so a page downloads only what it shows. Loaded
 * ones are merged into what `providers()` returns. Key: `provider.locale`.
 */
const descriptions = new Map();

/** `zh`, `zh-CN`, `zh_Hans`… are Chinese; anything else is English (as Rust's `Locale::parse`). */
function localeTag(locale) {
  const lower = String(locale ?? 'en').trim().toLowerCase();
  return lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_') ? 'zh' : 'en';
}

function invalid(message) {
  const err = new Error(message);
  err.code = 'INVALID_INPUT';
  return err;
}

/** One operation's texts in one language, merged into its `providers()` entry. */
function applyTexts(op, texts, lang) {
  if (!texts || typeof texts !== 'object') return;
  const fields = texts.fields && typeof texts.fields === 'object' ? texts.fields : {};
  for (const f of op.fields) {
    const t = Object.hasOwn(fields, f.name) ? fields[f.name] : undefined;
    if (!t || typeof t !== 'object') continue;
    if (typeof t.label === 'string') f.label = { ...f.label, [lang]: t.label };
    if (typeof t.help === 'string') f.help = { ...f.help, [lang]: t.help };
    if (typeof t.example === 'string') f.example = t.example;
  }
  if (Array.isArray(texts.preconditions)) {
    const before = Array.isArray(op.preconditions) ? op.preconditions : [];
    op.preconditions = texts.preconditions.map((text, i) => ({ ...before[i], [lang]: String(text) }));
  }
  if (texts.example && typeof texts.example === 'object') op.example = texts.example;
}

function withDescriptions(list) {
  for (const d of descriptions.values()) {
    const p = list.find((x) => x.id === d.provider);
    if (!p) continue;
    const ops = d.operations;
    for (const op of p.operations) applyTexts(op, Object.hasOwn(ops, op.name) ? ops[op.name] : undefined, d.locale);
    // The top level repeats the default operation.
    applyTexts(p, Object.hasOwn(ops, p.operation) ? ops[p.operation] : undefined, d.locale);
  }
  return list;
}

/**
 * Adds the texts of one `descriptions/<provider>.<locale>.json` file (for
 * bundlers: `addDescriptions(await import('reinstall-kit/descriptions/aliyun.en.json'))`).
 */
export function addDescriptions(texts) {
  requireReady();
  const d = texts && typeof texts === 'object' && texts.default && !texts.provider ? texts.default : texts;
  if (!d || typeof d !== 'object' || typeof d.provider !== 'string' || !d.operations || typeof d.operations !== 'object') {
    throw invalid('descriptions must be the content of a descriptions/<provider>.<locale>.json file');
  }
  const lang = localeTag(d.locale);
  registeredId(d.provider);
  descriptions.set(`${d.provider}.${lang}`, { provider: d.provider, locale: lang, operations: d.operations });
  providersCache = undefined;
}

/** `provider` when it is a registered id, else an UNKNOWN_PROVIDER error (as the wasm throws it). */
function registeredId(provider) {
  if (!registered().some((p) => p.id === providerId(provider))) {
    const err = new Error(`unknown provider "${provider.slice(0, 64)}"`);
    err.code = 'UNKNOWN_PROVIDER';
    throw err;
  }
  return provider;
}

/** Whether a provider's texts in that language are loaded. */
export function hasDescriptions(provider, locale) {
  return descriptions.has(`${provider}.${localeTag(locale)}`);
}

// A parameter, not a literal, as first argument: bundlers leave it alone
// instead of trying to resolve a folder at build time.
function packageUrl(path) {
  return new URL(path, import.meta.url);
}

/**
 * Fetches a provider's form texts in one language (once) and merges them into
 * `providers()`. `url` overrides where the file is, for bundles that copy it elsewhere.
 */
export async function loadDescriptions(provider, locale = 'en', url) {
  requireReady();
  const lang = localeTag(locale);
  if (descriptions.has(`${registeredId(provider)}.${lang}`)) return;
  const href = url ?? packageUrl(`./descriptions/${provider}.${lang}.json`);
  let texts;
  try {
    const response = await fetch(href);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    texts = await response.json();
  } catch (e) {
    const err = new Error(`could not load the ${lang} descriptions of ${provider}: ${e && e.message ? e.message : e}`);
    err.code = 'DESCRIPTIONS_UNAVAILABLE';
    throw err;
  }
  addDescriptions(texts);
}

/**
 * Messages in a second language are a bundle loaded on demand
 * (`locales/zh.json`); English is built in. Until it is loaded, a call asking
 * for Chinese throws LOCALE_NOT_LOADED (the Node entry loads it at start-up).
 */
const locales = new Set(['en']);

/** Installs a locale bundle: its JSON text, or the parsed file (bundlers: `addLocale(await import('reinstall-kit/locales/zh.json'))`). */
export function addLocale(bundle) {
  requireReady();
  const value = bundle && typeof bundle === 'object' && bundle.default && !bundle.texts ? bundle.default : bundle;
  const text = typeof value === 'string' ? value : toJson(value);
  if (text === undefined) throw invalid('a locale bundle must be the content of locales/<locale>.json');
  unwrap(wasm.load_locale_json(text));
  locales.add('zh');
  // Provider names in that language now appear in providers().
  rawProviders = undefined;
  providersCache = undefined;
}

/** Whether messages in that language can be written. */
export function hasLocale(locale) {
  return locales.has(localeTag(locale));
}

/** Fetches `locales/<locale>.json` from beside the package (or `url`) once and installs it; English needs nothing. */
export async function loadLocale(locale, url) {
  requireReady();
  const lang = localeTag(locale);
  if (locales.has(lang)) return;
  let text;
  try {
    const response = await fetch(url ?? packageUrl(`./locales/${lang}.json`));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (e) {
    const err = new Error(`could not load the ${lang} messages: ${e && e.message ? e.message : e}`);
    err.code = 'LOCALE_UNAVAILABLE';
    throw err;
  }
  addLocale(text);
}

/**
 * Every provider with its operations, fields and constraints; labels, help
 * texts, examples and preconditions for the languages loaded (all of them in Node).
 */
export function providers() {
  requireReady();
  if (!providersCache) providersCache = withDescriptions(structuredClone(registered()));
  return structuredClone(providersCache);
}

/** Checks `params` against every documented rule of `provider`. Never throws for bad params. */
export function validate(provider, params, options) {
  requireReady();
  // No options: nothing to stringify, copy or parse (Rust reads absent and null alike).
  const answer = wasm.validate_json(providerId(provider), toJson(params), options == null ? undefined : toJson(options));
  // No answer text means the clean answer: built here, nothing to decode or parse.
  return answer === undefined ? { ok: true, issues: [] } : withIssueObjects(unwrap(answer));
}

/** Validates, then builds the HTTP request and its signing strings (and the signature with a secret). */
export function buildRequest(provider, params, context) {
  requireReady();
  let ctx;
  try {
    // Copying runs the caller's getters and Proxy traps: whatever they throw
    // becomes a clean INVALID_INPUT error.
    ctx = context && typeof context === 'object' ? { ...context } : {};
  } catch {
    const err = new Error('context must be a plain JSON-like object');
    err.code = 'INVALID_INPUT';
    throw err;
  }
  if (ctx.now === undefined) ctx.now = Date.now();
  const answer = withIssueObjects(unwrap(wasm.build_request_json(providerId(provider), toJson(params), inputText(ctx, 'context'))));
  const { signing, request } = answer;
  if (signing) {
    // The signed request's body, headers and url cross once, under `request`;
    // `signing` holds placeholders in their places (Rust `AnswerForm::Transport`).
    signing.body = request.body;
    signing.headers = { ...request.headers };
    signing.url = request.url;
  }
  return answer;
}

/** Signs an arbitrary request with one scheme. */
export function signRequest(input) {
  requireReady();
  return unwrap(wasm.sign_request_json(inputText(input, 'signRequest input')));
}

/** A random password that passes `provider`'s own rules for the given OS. */
export function generatePassword(provider, options) {
  requireReady();
  return unwrap(wasm.generate_password_json(providerId(provider), toJson(options)));
}

/** A random UUID v4, for ClientToken. */
export function newClientToken() {
  requireReady();
  return unwrap(wasm.new_client_token_json());
}
