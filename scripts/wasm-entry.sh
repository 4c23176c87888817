#!/usr/bin/env bash
# One package entry: the wasm built with the given cargo features, its
# wasm-bindgen glue, wasm-opt'ed, and the JS wrappers (index.js, node.js).
# Usage: scripts/wasm-entry.sh OUT_DIR FEATURES   (run by `make pkg`)
set -euo pipefail
out=$1
features=$2
crate=reinstall_kit
target=wasm32-unknown-unknown
# Features the Rust wasm32 target enables by default; wasm-opt must know them.
opt_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
# Smallest brotli measured (bench/RESULTS.md is brotli): -Oz repeated until it
# stops shrinking; single-caller functions left out of line (a larger module,
# but ~1.5 KB smaller once compressed); the low 1 KiB is unused (Rust puts the
# 1 MiB stack first, growing down, and data after it), which folds offsets.
opt_flags=(-Oz --converge --one-caller-inline-max-function-size=0
  --always-inline-max-function-size=5 --low-memory-unused)

cargo build --quiet --release --target "$target" --lib --no-default-features --features "$features"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$crate" \
  "target/$target/release/$crate.wasm"
node_modules/.bin/wasm-opt "${opt_flags[@]}" "${opt_features[@]}" --strip-debug --strip-producers \
  --strip-target-features -o "$out/${crate}_bg.wasm" "$out/${crate}_bg.wasm"
cp pkg-template/index.js pkg-template/node.js "$out/"
printf '%s: %s bytes wasm, %s bytes gzip\n' "$out" "$(wc -c < "$out/${crate}_bg.wasm")" \
  "$(gzip -9c "$out/${crate}_bg.wasm" | wc -c)"
