// Type definitions for reinstall-kit (hand-written; the JS API is in index.js).

export type ProviderId = 'huaweicloud' | 'otc' | 'ksyun' | 'aliyun' | 'volcengine';
export type SchemeId =
  | 'huawei-sdk-hmac-sha256'
  | 'aws-sigv4'
  | 'aliyun-rpc-v1'
  | 'aliyun-acs3'
  | 'volc-hmac-sha256';
/** Each provider's API names, the default first (see `ProviderInfo.operations`). */
export type OperationName =
  | 'ChangeServerOsWithoutCloudInit'
  | 'ModifyInstanceImage'
  | 'ReplaceSystemDisk'
  | 'ReplaceSystemVolume';
export type Locale = 'en' | 'zh';
export type Os = 'linux' | 'windows';

/**
 * A form text by language. In Node both are there; in the browser entry only
 * the languages whose descriptions were loaded (`loadDescriptions`).
 */
export interface Text {
  en?: string;
  zh?: string;
}

/** A text every build carries in both languages (provider names). */
export interface BuiltInText {
  en: string;
  zh: string;
}

export interface FieldConstraints {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  pattern?: string;
  format?: 'uuid' | 'base64' | 'ascii' | 'password' | 'path-segment';
  /** Special characters a password may use (as the document lists them). */
  specialCharacters?: string;
  /** A password needs at least this many of: upper, lower, digit, special. */
  minClasses?: number;
  /** A password needs every one of these classes. */
  requiredClasses?: Array<'upper' | 'lower' | 'digit'>;
  /** Characters the sources disagree on: accepted, with a warning. */
  disputedCharacters?: string;
  /** "visible": any other visible ASCII character is allowed too (space and non-ASCII warned, control characters refused). */
  otherCharacters?: 'visible';
  /** Prefixes a password must not start with (some only on Windows). */
  forbiddenPrefixes?: Array<{ prefix: string; windowsOnly: boolean }>;
  /** Windows: not the username, nor reversed, nor any 3 consecutive characters of it (see ValidateOptions.username). */
  windowsUsernameRule?: boolean;
  /** Control characters are refused. */
  noControl?: boolean;
  maxItems?: number;
  uniqueItems?: boolean;
  /** The provider's code for a rule that has its own, by the rule's key (`minimum`, `maximum`, `maxItems`…); other rules answer the field's `code`. */
  codes?: Record<string, string>;
  /**
   * Uncertain rules (from sources other than the API document): reported as
   * warnings only. `code` when the rule has its own; `null` when the server
   * takes the value (a hint).
   */
  advisory?: Array<Omit<FieldConstraints, 'advisory' | 'codes'> & { code?: string | null }>;
}

export interface FieldInfo {
  /** The documented name as the API spells it: "os-change.adminpass", "SystemDisk.Size", "KeyId.N". */
  name: string;
  location: 'path' | 'query' | 'body';
  /** 'object' fields are containers of the dotted fields below them; 'list' fields repeat ("KeyId.N"). */
  type: 'string' | 'integer' | 'boolean' | 'object' | 'list';
  /** Item type of a list. */
  items?: 'string' | 'integer' | 'boolean';
  required: boolean;
  /** A password: never persist it or put it in a URL. */
  secret: boolean;
  generator?: 'password' | 'clientToken';
  deprecated: boolean;
  /** Deprecated, hidden or not-for-public parameters: show them folded away. */
  advanced: boolean;
  /** false: the same API elsewhere has this parameter, this provider refuses it. */
  supported: boolean;
  replacedBy?: string;
  constraints: FieldConstraints;
  /** The provider's error code for a malformed value, where documented. */
  code?: string;
  /** Form texts: present for the languages loaded (always in Node). */
  label?: Text;
  help?: Text;
  example?: string;
}

/** One API of a provider. */
export interface OperationInfo {
  /** The API version ("2014-05-26"), or the path's version ("v1"). */
  version: string;
  method: 'GET' | 'POST';
  /** As documented, placeholders in braces: "/v1/{project_id}/cloudservers/{server_id}/changeos". */
  path: string;
  docs: string;
  /** Signing schemes; the first is the default. */
  schemes: SchemeId[];
  /** Parameters with one allowed value (Action, Version). */
  fixed: Record<string, string>;
  fields: FieldInfo[];
  /** What the server checks and this library cannot (instance must be stopped…); with the descriptions loaded. */
  preconditions?: Text[];
  /** The API document's example request; it validates with ok: true. With the descriptions loaded. */
  example?: Record<string, unknown>;
}

/** A provider; its default operation's members also stand at the top level. */
export interface ProviderInfo extends OperationInfo {
  id: ProviderId;
  name: BuiltInText;
  /** The default operation's name. */
  operation: OperationName;
  /**
   * `endpoint`: the published pattern, `{region}` to be replaced; `hosts`:
   * the regions whose host the official SDK takes from its endpoint map instead.
   */
  region: { required: boolean; example: string; endpoint: string; hosts: Record<string, string> };
  /** Every operation, the default first. */
  operations: Array<OperationInfo & { name: OperationName }>;
}

/** The content of one `descriptions/<provider>.<locale>.json` file. */
export interface Descriptions {
  provider: ProviderId;
  locale: Locale;
  operations: Record<
    string,
    {
      fields: Record<string, { label: string; help: string; example?: string }>;
      preconditions: string[];
      example: Record<string, unknown>;
    }
  >;
}

export interface Issue {
  /** The documented parameter name ("os-change.adminpass", "SystemDisk.Size", "KeyId.2"); "" for the whole input. */
  field: string;
  /** A stable rule id ("password.length", "exclusive", "unknown", …). */
  rule: string;
  /** The provider's own error code for this violation where its document gives one. */
  code: string | null;
  severity: 'error' | 'warning';
  /** In the requested locale; never contains the password or secret. */
  message: string;
}

export interface ValidateOptions {
  /** The provider's API name; default: its default operation. Unknown: throws UNKNOWN_OPERATION. */
  operation?: OperationName;
  locale?: Locale;
  /** The OS after the reinstall, where known: enables OS-specific rules. */
  os?: Os;
  /** Administrator name for the Windows password rule (default "Administrator"). */
  username?: string;
}

export interface ValidationResult {
  /** No error-severity issue. Warnings do not make it false. */
  ok: boolean;
  issues: Issue[];
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SigningResult {
  scheme: SchemeId;
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders?: string;
  credentialScope?: string;
  /** Only when a secret was given. */
  signature?: string;
  /**
   * Only when a secret was given, and never for aliyun-rpc-v1 (its signature
   * travels in the URL's `Signature` parameter).
   */
  authorization?: string;
  /** Every header to send. */
  headers: Record<string, string>;
  /** The final URL (aliyun-rpc-v1: with the common parameters and Signature). */
  url: string;
  body: string;
}

export interface BuildContext {
  region?: string;
  /** Overrides the endpoint derived from the region ("https://host[:port]"). */
  endpoint?: string;
  accessKeyId?: string;
  /** Optional: without it the result is ready-to-sign. Never returned in any output. */
  secretAccessKey?: string;
  securityToken?: string;
  /** RFC 3339 UTC; default now. */
  timestamp?: string;
  /** Default: random. */
  nonce?: string;
  /**
   * For providers with ClientToken: default a random UUID when the params
   * have none; `false` sends none. A given token is sent as the ClientToken
   * parameter and checked as that parameter is (issues on `context.clientToken`).
   */
  clientToken?: string | false;
  /** Sent as `User-Agent` (and signed where the scheme signs it). */
  userAgent?: string;
  /** The clock in milliseconds since 1970, when `timestamp` is not given; default `Date.now()`. */
  now?: number;
  scheme?: SchemeId;
  /** The provider's API name; default: its default operation. Unknown: throws UNKNOWN_OPERATION. */
  operation?: OperationName;
  locale?: Locale;
  os?: Os;
  username?: string;
}

export interface BuildResult extends ValidationResult {
  request?: HttpRequest;
  signing?: SigningResult;
  /** The request as a curl command (with the signature when a secret was given). */
  curl?: string;
}

export interface SignInput {
  scheme: SchemeId;
  method: string;
  /** Absolute, query percent-encoded. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** RFC 3339 UTC, e.g. "2024-05-06T07:08:09Z". */
  timestamp: string;
  /**
   * Required by aliyun-rpc-v1 and aliyun-acs3 (SignatureNonce,
   * x-acs-signature-nonce) unless the URL or headers already carry one;
   * unused by the other schemes.
   */
  nonce?: string;
  accessKeyId: string;
  secretAccessKey?: string;
  securityToken?: string;
  /** Required by aws-sigv4 and volc-hmac-sha256 (the credential scope). */
  region?: string;
  /** Required by aws-sigv4 and volc-hmac-sha256 (the credential scope). */
  service?: string;
}

/** An Error thrown for a caller's programming error. */
export interface ReinstallKitError extends Error {
  code:
    | 'UNKNOWN_PROVIDER'
    | 'UNKNOWN_OPERATION'
    | 'DESCRIPTIONS_UNAVAILABLE'
    | 'LOCALE_NOT_LOADED'
    | 'LOCALE_UNAVAILABLE'
    | 'UNKNOWN_SCHEME'
    | 'UNSUPPORTED_SCHEME'
    | 'INVALID_INPUT'
    | 'INVALID_TIMESTAMP'
    | 'INVALID_URL'
    | 'INVALID_METHOD'
    | 'INVALID_HEADER'
    | 'MISSING_INPUT'
    | 'NO_PASSWORD'
    | 'NOT_INITIALIZED'
    | 'RANDOM_UNAVAILABLE'
    | 'INPUT_TOO_LARGE';
}

/** Loads the WebAssembly module (browsers and bundlers; a no-op in Node). */
export default function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
export { init };
export function initSync(module: BufferSource | WebAssembly.Module): void;

/** Providers and their operations; form texts for the languages loaded (all of them in Node). */
export function providers(): ProviderInfo[];
/**
 * Fetches `descriptions/<provider>.<locale>.json` beside the package (or from
 * `url`) once, and merges it into `providers()`. Throws DESCRIPTIONS_UNAVAILABLE.
 */
export function loadDescriptions(provider: ProviderId, locale?: Locale, url?: string | URL): Promise<void>;
/** Merges an already imported descriptions file (bundlers: `await import('reinstall-kit/descriptions/aliyun.en.json')`). */
export function addDescriptions(descriptions: Descriptions | { default: Descriptions }): void;
export function hasDescriptions(provider: ProviderId, locale?: Locale): boolean;
/**
 * Messages in English are built in; Chinese ones are a bundle fetched once from
 * `locales/zh.json` beside the package (or `url`). Until then, asking for
 * `locale: 'zh'` throws LOCALE_NOT_LOADED (the Node entry loads it at start-up).
 * Throws LOCALE_UNAVAILABLE when the file cannot be fetched.
 */
export function loadLocale(locale: Locale, url?: string | URL): Promise<void>;
/** Installs an already imported bundle (bundlers: `addLocale(await import('reinstall-kit/locales/zh.json'))`). */
export function addLocale(bundle: string | { locale: Locale; texts: Record<string, string> } | { default: unknown }): void;
export function hasLocale(locale: Locale): boolean;
export function validate(provider: ProviderId, params: unknown, options?: ValidateOptions): ValidationResult;
export function buildRequest(provider: ProviderId, params: unknown, context?: BuildContext): BuildResult;
export function signRequest(input: SignInput): SigningResult;
/** Throws `INVALID_INPUT` for an unknown `os`, `NO_PASSWORD` for a provider without a password (otc). */
export function generatePassword(
  provider: ProviderId,
  options?: { os?: Os; username?: string; operation?: OperationName },
): string;
export function newClientToken(): string;
