# Sourced by the scripts and the Makefile recipes: puts the project's tools first on PATH and keeps
# Trunk and wasm-pack from reaching for the network.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_root/.tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# Debian's chromium, for wasm-pack (through chromedriver) and for the end-to-end scripts.
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
unset _root
