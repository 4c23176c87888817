// The registered providers and schemes as the built package (pkg/) reports
// them: the one source of the ids the Node tests iterate (no hand-kept list).
// Not a test file itself; the *.test.mjs files import it.

const kit = await import(new URL('../../pkg/node.js', import.meta.url));

const all = kit.providers();

/** Provider ids, in the order of `providers()` (reinstall_kit::providers::ALL). */
export const PROVIDERS = all.map((p) => p.id);

/**
 * Every operation of every provider, the default first: { provider, name,
 * schemes, fields, example }.
 */
export const OPERATIONS = all.flatMap((p) => p.operations.map((op) => ({ ...op, provider: p.id })));

/** Scheme ids: the union of every operation's `schemes`, first use first. */
export const SCHEMES = [...new Set(OPERATIONS.flatMap((op) => op.schemes))];

/** Each provider's example region. */
export const REGIONS = Object.fromEntries(all.map((p) => [p.id, p.region.example]));

/** Each provider's example params. */
export const EXAMPLES = Object.fromEntries(all.map((p) => [p.id, p.example]));

/**
 * provider id → the name of its password field (the supported field with the
 * password generator, e.g. `os-change.adminpass`), for the providers that take one.
 */
export const PASSWORD_FIELDS = Object.fromEntries(all.flatMap((p) => {
  const f = p.fields.find((x) => x.generator === 'password' && x.supported !== false);
  return f ? [[p.id, f.name]] : [];
}));
