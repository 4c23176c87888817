// reinstall-kit — Node entry (import and require): the module is loaded
// synchronously from disk, so no init() call is needed.
import { readFileSync, readdirSync } from 'node:fs';
import { initSync, addDescriptions, addLocale } from './index.js';

initSync(readFileSync(new URL('./reinstall_kit_bg.wasm', import.meta.url)));

// The Chinese messages and every provider's form texts in every language,
// read now: in Node, everything is there at once, as it always was.
addLocale(readFileSync(new URL('./locales/zh.json', import.meta.url), 'utf8'));
const descriptionsDir = new URL('./descriptions/', import.meta.url);
for (const name of readdirSync(descriptionsDir).filter((n) => n.endsWith('.json')).sort()) {
  addDescriptions(JSON.parse(readFileSync(new URL(name, descriptionsDir), 'utf8')));
}

/** Already initialised in Node; kept so code written for browsers runs unchanged. */
export default async function init() {}
export { init, initSync };
export {
  providers, validate, buildRequest, signRequest, generatePassword, newClientToken,
  loadDescriptions, addDescriptions, hasDescriptions, loadLocale, addLocale, hasLocale,
} from './index.js';
