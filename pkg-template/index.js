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

/** Every provider with its fields, constraints and help texts (en, zh). */
export function providers() {
  requireReady();
  if (!providersCache) providersCache = unwrap(wasm.providers_json());
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
