# reinstall-kit — every build and test step. Two commands do everything on a
# fresh Debian machine with rustup, node 20, npm and python3 (as root):
#   make serve   build the wasm package and serve the page on http://127.0.0.1:$(PORT)
#   make test    every test: native, wasm in Node and Chromium, npm package, page
# Installs are idempotent and quick when already done.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
CRATE := reinstall_kit
WASM_TARGET := wasm32-unknown-unknown
PKG := pkg
# The provider features, as Cargo.toml's `all-providers` lists them: each
# gets its own package entry.
PROVIDERS := $(shell sed -n 's/^all-providers = \[\(.*\)\]/\1/p' Cargo.toml | tr -d '",')
# Fuzzing (cargo-fuzz, nightly): `make fuzz` runs each target FUZZ_SECONDS,
# `make test` runs each FUZZ_SMOKE_SECONDS. Crashes land in fuzz/artifacts/<target>/.
FUZZ_SECONDS ?= 180
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_TARGETS := validate validate_value sign_json sign_structured encode password
FUZZ_FLAGS := -timeout=10 -rss_limit_mb=2048 -print_final_stats=1

.PHONY: all pkg serve test test-native test-wasm-node test-wasm-browser test-pkg test-e2e \
	deps deps-rust deps-node deps-chromium deps-e2e lint clean \
	bench deps-bench fuzz test-fuzz deps-fuzz

all: pkg

## ---- installs (idempotent) -------------------------------------------------

deps-rust:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 3 minutes)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

deps-node: node_modules/.package-lock.json

deps-chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "installing Debian chromium and chromium-driver"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

tests/e2e/node_modules/.package-lock.json: tests/e2e/package.json tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund
	@touch $@

deps-e2e: tests/e2e/node_modules/.package-lock.json

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	@touch $@

deps-bench: bench/node_modules/.package-lock.json

deps-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz

deps: deps-rust deps-node deps-chromium deps-e2e

## ---- the npm package ------------------------------------------------------

# cargo → wasm-bindgen (--target web) → wasm-opt -Oz (npm binaryen; Debian's
# wasm-opt 108 emits modules that fail to load) → the hand-written files.
# The wasm leaves out the form texts (no `descriptions` feature); they ship as
# JSON files beside it, written from the same tables by examples/descriptions.rs.
# Every provider (the default entry), then one entry per provider for a
# console that serves one cloud: `reinstall-kit/providers/<id>`
# (scripts/wasm-entry.sh builds each).
pkg: deps-rust deps-node
	rm -rf $(PKG) && mkdir -p $(PKG)
	cargo run --quiet --example descriptions -- $(PKG)/descriptions
	cargo run --quiet --example locales -- $(PKG)/locales
	scripts/wasm-entry.sh $(PKG) all-providers
	cp pkg-template/* $(PKG)/
	@for p in $(PROVIDERS); do \
		mkdir -p $(PKG)/providers/$$p/descriptions && cp $(PKG)/descriptions/$$p.*.json $(PKG)/providers/$$p/descriptions/ && \
		cp -r $(PKG)/locales $(PKG)/providers/$$p/ && \
		scripts/wasm-entry.sh $(PKG)/providers/$$p $$p; \
	done

serve: pkg
	node scripts/serve.mjs --port $(PORT)

## ---- tests ----------------------------------------------------------------

test: test-native test-wasm-node test-wasm-browser test-pkg test-e2e test-fuzz
	@echo "make test: all suites passed"

test-native:
	cargo test --all-targets

test-wasm-node: deps-rust
	cargo test --target $(WASM_TARGET)

test-wasm-browser: deps-rust deps-chromium
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$$(command -v chromedriver) cargo test --target $(WASM_TARGET)

test-pkg: pkg
	node --test tests/node/

test-e2e: pkg deps-chromium deps-e2e
	node --test tests/e2e/

# Seeds fuzz/corpus/<target>/ from tests/vectors (fuzz/seed.mjs), builds every
# target, then runs each one for FUZZ_SECONDS; a crash, a failed assertion, a
# timeout (10 s per input) or 2 GB of memory fails the run. The log of each run
# is fuzz/target/<target>.log.
fuzz: deps-fuzz
	node fuzz/seed.mjs
	cargo +nightly fuzz build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/corpus/$$t; \
		log=fuzz/target/$$t.log; \
		if cargo +nightly fuzz run $$t fuzz/corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) >$$log 2>&1; then \
			echo "fuzz $$t: $$(grep -m1 -o 'Done [0-9]* runs in [0-9]* second(s)' $$log || echo done)"; \
		else \
			tail -n 60 $$log; echo "fuzz $$t FAILED (log: $$log, input: fuzz/artifacts/$$t/)"; exit 1; \
		fi; \
	done

test-fuzz:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

## ---- benchmarks -----------------------------------------------------------

# Size, start-up and speed against ajv and the providers' JS signers; rewrites
# bench/RESULTS.md (a few minutes; ROUNDS=, ROUND_MS=, STARTUP_RUNS=, NO_BROWSER=1).
bench: pkg deps-bench deps-chromium
	node bench/run.mjs

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

clean:
	rm -rf $(PKG) target node_modules tests/e2e/node_modules
