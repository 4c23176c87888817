export { default as Signer } from '@volcengine/openapi/lib/base/sign.js';
