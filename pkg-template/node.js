// reinstall-kit — Node entry (import and require): the module is loaded
// synchronously from disk, so no init() call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync(readFileSync(new URL('./reinstall_kit_bg.wasm', import.meta.url)));

/** Already initialised in Node; kept so code written for browsers runs unchanged. */
export default async function init() {}
export { init, initSync };
export { providers, validate, buildRequest, signRequest, generatePassword, newClientToken } from './index.js';
