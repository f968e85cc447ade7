#!/usr/bin/env bash
# Installs, idempotently and with a version check, every tool the build and the tests need.
# Only package registries are used (crates.io, Debian, npm): nothing is downloaded from elsewhere,
# and Trunk / wasm-pack find all their tools on PATH, so they never try to download one either.
#
#   scripts/setup.sh          install what is missing, then check every version
#   scripts/setup.sh --check  only check; exit 1 with a message naming what is missing or wrong
#
# Tools that are not on PATH by default end up in ~/.cargo/bin and .tools/node_modules/.bin;
# scripts/env.sh puts both first on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh

TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.51.4
GECKODRIVER_VERSION=0.37.1
# Browsers for the tests: Chromium (Blink), Firefox ESR (Gecko) and WebKitGTK (WebKit, through its
# WebDriver and MiniBrowser, on a virtual display from xvfb-run); CJK fonts; brotli; openssl (the
# release check recomputes the CSP's SHA-256 hashes with it); speech-dispatcher with espeak-ng, whose
# Mandarin voice (`cmn`) Firefox and Chromium (--enable-speech-dispatcher) offer to speechSynthesis:
# the read-aloud's real-voice test (tests/e2e/listen.test.mjs).
DEBIAN_PACKAGES=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb fonts-noto-cjk brotli openssl
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)
CHECK_ONLY=0
[[ "${1:-}" == "--check" ]] && CHECK_ONLY=1

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31msetup: %s\033[0m\n' "$*" >&2; exit 1; }

# The wasm-bindgen version in Cargo.lock: the CLI must be exactly this version.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
[[ -f Cargo.lock ]] || die "Cargo.lock is missing: it pins wasm-bindgen; restore it from git."
WASM_BINDGEN_VERSION="$(lock_version wasm-bindgen)"
[[ -n "$WASM_BINDGEN_VERSION" ]] || die "no wasm-bindgen in Cargo.lock"

# version_of CMD: the first x.y.z in `CMD --version`, or nothing.
version_of() { "$@" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)*' | head -n1 || true; }

need() { # need NAME HAVE WANT INSTALL-COMMAND...
  local name="$1" have="$2" want="$3"; shift 3
  if [[ "$have" == "$want" ]]; then return 0; fi
  if (( CHECK_ONLY )); then
    die "$name: need $want, found ${have:-nothing}. Run scripts/setup.sh (or make setup) to install it."
  fi
  say "installing $name $want (found ${have:-nothing})"
  "$@"
}

# 1. The wasm32 target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  (( CHECK_ONLY )) && die "the wasm32-unknown-unknown target is missing: run scripts/setup.sh"
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: the three engines and their drivers (browser tests, screenshots), CJK fonts,
#    brotli, openssl, a Mandarin voice.
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  (( CHECK_ONLY )) && die "Debian packages missing: ${missing[*]}. Run scripts/setup.sh"
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# 3. wasm-opt from npm's binaryen (Debian's binaryen 108 silently breaks the wasm).
need "wasm-opt (npm binaryen)" "$(version_of "$ROOT/.tools/node_modules/.bin/wasm-opt" )" "${BINARYEN_VERSION%%.*}" \
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --save-exact "binaryen@$BINARYEN_VERSION"

# 3b. terser from npm: minifies the JS glue in release builds (scripts/post-build.sh; Trunk's own
#     minifier stops at its `export default` and leaves the file whole).
need "terser (npm)" "$(version_of "$ROOT/.tools/node_modules/.bin/terser")" "$TERSER_VERSION" \
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --save-exact "terser@$TERSER_VERSION"

# 4. The end-to-end checks' npm packages (playwright-core drives Debian's chromium; no browser download).
if ! (cd tests/e2e && npm ls --depth=0 >/dev/null 2>&1); then
  (( CHECK_ONLY )) && die "tests/e2e packages missing: run scripts/setup.sh"
  say "installing tests/e2e packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/e2e --no-audit --no-fund
fi

# 5. Cargo tools (each ~6-13 minutes to compile on 2 cores the first time).
need trunk "$(version_of trunk)" "$TRUNK_VERSION" \
  cargo install --locked trunk --version "$TRUNK_VERSION"
# Without --locked: the CLI's own lockfile pins a crate version the registry no longer has.
need wasm-bindgen-cli "$(version_of wasm-bindgen)" "$WASM_BINDGEN_VERSION" \
  cargo install --force wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
need wasm-pack "$(version_of wasm-pack)" "$WASM_PACK_VERSION" \
  cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
# Firefox's WebDriver, from crates.io (no binary download).
need geckodriver "$(version_of geckodriver)" "$GECKODRIVER_VERSION" \
  cargo install geckodriver --version "=$GECKODRIVER_VERSION"

# 6. Final check of everything, from the PATH the build uses.
check() { # check NAME WANT HAVE
  [[ "$3" == "$2" ]] || die "$1: need $2, found ${3:-nothing} ($(command -v "${1%% *}" || echo 'not on PATH'))"
}
check trunk "$TRUNK_VERSION" "$(version_of trunk)"
check wasm-bindgen "$WASM_BINDGEN_VERSION" "$(version_of wasm-bindgen)"
check wasm-pack "$WASM_PACK_VERSION" "$(version_of wasm-pack)"
check wasm-opt "${BINARYEN_VERSION%%.*}" "$(version_of wasm-opt | cut -d. -f1)"
check terser "$TERSER_VERSION" "$(version_of terser)"
command -v chromium >/dev/null || die "chromium is not on PATH"
command -v chromedriver >/dev/null || die "chromedriver is not on PATH"
[[ "$(version_of chromium | cut -d. -f1)" == "$(version_of chromedriver | cut -d. -f1)" ]] \
  || die "chromium and chromedriver versions differ: reinstall chromium chromium-driver together"
check geckodriver "$GECKODRIVER_VERSION" "$(version_of geckodriver)"
for tool in firefox WebKitWebDriver xvfb-run; do
  command -v "$tool" >/dev/null || die "$tool is not on PATH: run scripts/setup.sh"
done
[[ "$(dpkg -L libwebkit2gtk-4.1-0 2>/dev/null)" == *"/MiniBrowser"* ]] \
  || die "WebKitGTK's MiniBrowser is missing: reinstall webkit2gtk-driver"
say "ok: trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-pack $WASM_PACK_VERSION, wasm-opt $(version_of wasm-opt), geckodriver $GECKODRIVER_VERSION, $(chromium --version 2>/dev/null), $(firefox --version 2>/dev/null)"
