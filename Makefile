# The two commands of the README:
#   make serve   install what is missing, then serve the page at http://127.0.0.1:8080
#                (`make serve STORY=<name>`: the story of stories/<name>/; it rebuilds when the
#                story's files are saved)
#   make test    install what is missing, then run every check and test, for every story
SHELL := /bin/bash
ENV := source scripts/env.sh && source scripts/stories.sh &&

.PHONY: setup serve build test lint unit web-test release-check e2e bench new-story

# `make new-story NAME=my-story` (or `make new-story my-story`): a new story from the template.
ifeq (new-story,$(firstword $(MAKECMDGOALS)))
  NAME ?= $(word 2,$(MAKECMDGOALS))
  ifneq ($(NAME),)
    $(eval $(NAME):;@:)
  endif
endif
new-story:
	scripts/new-story.sh "$(NAME)"

setup:
	scripts/setup.sh

# One story (STORY, else the default of .cargo/config.toml), built into target/serve/<name>/ so
# that dist/ stays whole.
serve: setup
	$(ENV) trunk serve --dist "target/serve/$$STORY"

# Every published story: the default one into dist/, the others into dist/<name>/.
build: setup
	scripts/build.sh

test: setup lint unit web-test release-check e2e

lint:
	$(ENV) cargo fmt --all -- --check
	$(ENV) cargo clippy --all-targets -- -D warnings
	$(ENV) cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	$(ENV) cargo clippy --all-targets --no-default-features --features ssr -- -D warnings
	$(ENV) cargo clippy --lib --bins --target wasm32-unknown-unknown --no-default-features --features hydrate -- -D warnings

# Native unit tests: data file, formatter, easing, sentence and figure checks against the source;
# then the prerender's own (the server build: the share card's words) and the photos' files, made
# from photos the tests make up (src/photo_encode.rs).
unit:
	$(ENV) cargo test
	$(ENV) cargo test --no-default-features --features ssr --bin prerender
	$(ENV) cargo test --no-default-features --features ssr --lib photo_encode

# Browser tests (tests/web.rs) in headless Chromium and Firefox, through chromedriver and geckodriver.
# The runner's time limit is for the whole file: 20 s by default, and its tests take about 22 s.
web-test: export WASM_BINDGEN_TEST_TIMEOUT = 90
web-test:
	$(ENV) wasm-pack test --headless --chrome -- --test web
	$(ENV) wasm-pack test --headless --firefox -- --test web

# The release build: dist/ complete, every story's sizes printed, each wasm under its budget.
release-check: build
	scripts/check-release.sh

# End-to-end checks of dist/ (node --test tests/e2e/): the reader's path, CLS, reduced motion, axe,
# history, graphics at four widths and two text sizes, embedding and hostile hosts, the read-aloud,
# the data tables, JavaScript off, print; in headless Chromium (Playwright), and the reader's path
# in Firefox and WebKit too (W3C WebDriver: tests/e2e/engines.test.mjs).
e2e: release-check
	$(ENV) node --test tests/e2e/

# Performance benchmark (not part of `make test`): sizes, Lighthouse 12 mobile against a static copy
# of the article, long tasks and memory, for the default story and for a generated story 10 times
# as long (tests/bench/long-story.mjs), after the build time of both (scripts/bench-build.sh);
# reading with a touch drag and a mouse wheel (the long story with touch alone: a wheel takes
# minutes to its bottom). Prints figures and exits 1 when a goal is missed.
bench: build
	cd tests/bench && (npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund)
	$(ENV) scripts/bench-build.sh; built=$$?; \
	  node tests/bench/bench.mjs; one=$$?; \
	  BENCH_DIST=target/bench/_bench10x BENCH_DRIVERS=touch node tests/bench/bench.mjs; ten=$$?; \
	  exit $$(( built || one || ten ))
