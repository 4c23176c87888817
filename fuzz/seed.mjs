// Writes the fuzz seed corpus from the test vectors (tests/vectors/*.json:
// signing inputs; tests/vectors/requests/*.json: each provider's documented
// example with its context) into fuzz/corpus/<target>/seed-*. Idempotent;
// the corpus directories are git-ignored (libFuzzer adds what it finds there).
// Usage: node fuzz/seed.mjs
import { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const vectors = new URL('tests/vectors/', root);
const corpus = new URL('fuzz/corpus/', root);
// The provider ids in the order of reinstall_kit::providers::ALL (the validate
// targets' first byte picks ALL[byte % ALL.len()]), read from the registration
// lines in src/providers/mod.rs and each provider file's `id`: no build needed.
const PROVIDERS = registeredProviders();

function registeredProviders() {
  const src = new URL('src/providers/', root);
  const mod = readFileSync(new URL('mod.rs', src), 'utf8');
  // `pub static ALL: &[&Provider] = &[ #[cfg(feature = "x")] &x::PROVIDER, ... ];`
  const list = mod.match(/pub static ALL\b[^=]*=\s*&?\[([\s\S]*?)\];/)?.[1] ?? '';
  const modules = [...list.matchAll(/&(\w+)::PROVIDER\b/g)].map((m) => m[1]);
  if (modules.length === 0) throw new Error('fuzz/seed.mjs: no `pub static ALL = &[&x::PROVIDER, ...];` in src/providers/mod.rs');
  return modules.map((m) => {
    const file = [`${m}.rs`, `${m}/mod.rs`].map((f) => new URL(f, src)).find(existsSync);
    const text = file ? readFileSync(file, 'utf8') : '';
    const at = text.search(/\bPROVIDER\s*:/);
    const id = at < 0 ? undefined : text.slice(at).match(/\bid:\s*"([^"]+)"/)?.[1];
    if (!id) throw new Error(`fuzz/seed.mjs: no \`id: "..."\` in the PROVIDER of src/providers/${m}`);
    return id;
  });
}

function write(target, name, bytes) {
  const dir = new URL(`${target}/`, corpus);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`seed-${name}`, dir), bytes);
}

let count = 0;
const strings = new Set(['2024-05-06T07:08:09Z', '2024-02-29T23:59:59.123+00:00', '%E4%B8%AD+%2x%', 'https://h:443/a/../b//c?x=1&y&=z#f']);

// signRequest inputs, one per vector.
for (const file of readdirSync(vectors).filter((f) => f.endsWith('.json'))) {
  const { scheme, vectors: list } = JSON.parse(readFileSync(new URL(file, vectors)));
  list.forEach((v, i) => {
    write('sign_json', `${scheme}-${i}`, JSON.stringify({ scheme, ...v.input }));
    strings.add(v.input.url);
    strings.add(v.input.timestamp);
    count++;
  });
}

// validate params: each documented example, for every option variant.
const dir = new URL('requests/', vectors);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const doc = JSON.parse(readFileSync(new URL(file, dir)));
  const inputs = [doc.input, doc.acs3?.input, doc.rpcV1?.input].filter(Boolean);
  inputs.forEach((input, i) => {
    const p = PROVIDERS.indexOf(doc.provider);
    if (p < 0) throw new Error(`${file}: provider ${doc.provider} is not in providers::ALL (${PROVIDERS.join(', ')})`);
    const text = JSON.stringify(input.params);
    // flags = provider + ALL.len() * variant: no os/en, linux/en, windows/en, no os/zh.
    for (const variant of [0, 1, 2, 3]) {
      const flags = p + PROVIDERS.length * variant;
      if (flags > 255) throw new Error(`fuzz/seed.mjs: ${PROVIDERS.length} providers do not fit the flags byte`);
      write('validate', `${doc.provider}-${i}-${variant}`, Buffer.concat([Buffer.from([flags]), Buffer.from(text)]));
      count++;
    }
    strings.add(input.context?.timestamp ?? '');
  });
}

// The encoders, URL and time parsers.
[...strings].filter(Boolean).forEach((s, i) => { write('encode', `${i}`, s); count++; });
console.log(`fuzz seeds: ${count} files in fuzz/corpus/`);
