#!/usr/bin/env bash
# Smoke check of the release build in dist/: the page and its assets exist, and the wasm stays
# under its size budget. Prints raw / gzip / brotli sizes of every file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Budget for the optimised wasm, brotli-compressed (bytes). Set from the measured size plus ~15 %.
WASM_BROTLI_BUDGET=${WASM_BROTLI_BUDGET:-120000}

fail() { echo "check-release: $*" >&2; exit 1; }
[[ -f dist/index.html ]] || fail "dist/index.html is missing: run trunk build --release"
wasm=$(ls dist/*_bg.wasm 2>/dev/null | head -n1) || true
[[ -n "$wasm" ]] || fail "no wasm in dist/"
ls dist/*.js >/dev/null 2>&1 || fail "no JS glue in dist/"
ls dist/*.css >/dev/null 2>&1 || fail "no stylesheet in dist/"

printf '%-44s %9s %9s %9s\n' file raw gzip brotli
total_br=0
for f in dist/*; do
  [[ -f "$f" ]] || continue
  case "$f" in *.gz|*.br) continue ;; esac
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total_br=$((total_br + br))
  printf '%-44s %9d %9d %9d\n' "${f#dist/}" "$raw" "$gz" "$br"
  [[ "$f" == "$wasm" ]] && wasm_br=$br
done
printf '%-44s %29d\n' "total (brotli)" "$total_br"
(( wasm_br <= WASM_BROTLI_BUDGET )) || fail "wasm is $wasm_br bytes brotli, over its budget of $WASM_BROTLI_BUDGET"
echo "check-release: ok (wasm $wasm_br bytes brotli, budget $WASM_BROTLI_BUDGET)"
