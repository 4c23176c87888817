// reinstall-kit — Node entry (import and require): the module is loaded
// synchronously from disk, so no init() call is needed.
import { readFileSync, readdirSync } from 'node:fs';
import { initSync, addDescriptions } from './index.js';

initSync(readFileSync(new URL('./reinstall_kit_bg.wasm', import.meta.url)));

// Every provider's form texts in every language, read now: in Node,
// providers() describes everything, as it always did.
const descriptionsDir = new URL('./descriptions/', import.meta.url);
for (const name of readdirSync(descriptionsDir).filter((n) => n.endsWith('.json')).sort()) {
  addDescriptions(JSON.parse(readFileSync(new URL(name, descriptionsDir), 'utf8')));
}

/** Already initialised in Node; kept so code written for browsers runs unchanged. */
export default async function init() {}
export { init, initSync };
export {
  providers, validate, buildRequest, signRequest, generatePassword, newClientToken,
  loadDescriptions, addDescriptions, hasDescriptions,
} from './index.js';
