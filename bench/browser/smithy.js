// Kingsoft Cloud (SigV4) in a browser: @smithy/signature-v4 with @aws-crypto/sha256-js.
export { SignatureV4 } from '@smithy/signature-v4';
export { Sha256 } from '@aws-crypto/sha256-js';
