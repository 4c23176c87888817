// Writes the fuzz seed corpus from the test vectors (tests/vectors/*.json:
// signing inputs; tests/vectors/requests/*.json: each provider's documented
// example with its context) into fuzz/corpus/<target>/seed-*. Idempotent;
// the corpus directories are git-ignored (libFuzzer adds what it finds there).
// Usage: node fuzz/seed.mjs
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const vectors = new URL('tests/vectors/', root);
const corpus = new URL('fuzz/corpus/', root);
// Index in reinstall_kit::providers::ALL (the validate target's first byte % 5).
const PROVIDERS = ['huaweicloud', 'otc', 'ksyun', 'aliyun', 'volcengine'];

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
    const text = JSON.stringify(input.params);
    // flags = provider + 5 * variant: no os/en, linux/en, windows/en, no os/zh.
    for (const variant of [0, 1, 2, 3]) {
      write('validate', `${doc.provider}-${i}-${variant}`, Buffer.concat([Buffer.from([p + 5 * variant]), Buffer.from(text)]));
      count++;
    }
    strings.add(input.context?.timestamp ?? '');
  });
}

// The encoders, URL and time parsers.
[...strings].filter(Boolean).forEach((s, i) => { write('encode', `${i}`, s); count++; });
console.log(`fuzz seeds: ${count} files in fuzz/corpus/`);
