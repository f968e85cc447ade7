#!/usr/bin/env bash
# Checks the release build of every published story (scripts/stories.sh; with names as
# arguments, only those; an argument that is a folder is checked as a built story), each in its
# folder of dist/, as it will be served: both pages prerendered; the strict CSP (src/csp.txt plus
# two hashes) first in each page's head, one inline boot script and one inline stylesheet that its
# hashes allow, no style attribute or inline handler; the share card (a 1200 × 630 PNG under
# 150 KB); no article word in the wasm; a .br and .gz beside every asset. Then prints raw / gzip /
# brotli sizes of every file and fails over the wasm's, the first view's and each page's HTML's
# budgets (brotli bytes),
# each story's own: a story's reader loads its own folder only. `make bench` prints its table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/stories.sh

# Budgets, brotli-compressed bytes. The wasm's: 65.2–65.5 KB measured without, 66.2 KB with the
# idle-time layout (2026-12-03: island hydration, only the parts that move hydrated, the article's
# words left out, opt-level z, LTO, wasm-opt -Oz, and wasm-streams' exported classes cut out by
# the stand-in of vendor/wasm-streams, 5.2 KB) plus ~1.2 %: the real wasm-streams back would fail
# it; the first view (HTML + JS + wasm + favicon; the
# CSS and the boot script are in the HTML) must stay within 90 KB.
WASM_BROTLI_BUDGET=${WASM_BROTLI_BUDGET:-67000}
FIRST_VIEW_BUDGET=${FIRST_VIEW_BUDGET:-90000}
# Each page's HTML (its first response, the inline CSS and boot script included) must arrive in the
# first round trip: TCP's initial congestion window is 10 segments, 14 600 bytes with the headers.
# Measured (Lighthouse, simulated slow 4G, 2026-12-02): index.html at 13 670 bytes, FCP 684 ms; the
# same page padded to 14 752 bytes, 830 ms; without its stylesheet, 9 533 bytes, 690 ms: under the
# window a kilobyte costs nothing, over it a whole round trip.
HTML_BROTLI_BUDGET=${HTML_BROTLI_BUDGET:-14000}

fail() { echo "check-release: $name: $*" >&2; exit 1; }
# The base64 SHA-256 of the inline content that the Perl pattern $2 captures in file $1 (what a CSP
# hash allows).
inline_sha256() { perl -0777 -ne "print \$1 if m{$2}s" "$1" | openssl dgst -sha256 -binary | base64; }

# Checks the story `$1` built in the folder `$2`.
check_story() {
  local name=$1 d=$2
  [[ -f $d/index.html ]] || fail "$d/index.html is missing: run make build"
  wasm=$(ls $d/*_bg.wasm 2>/dev/null | head -n1) || true
  [[ -n "$wasm" ]] || fail "no wasm in $d/"
  ls $d/*.js >/dev/null 2>&1 || fail "no JS glue in $d/"

  # The policy: src/csp.txt plus the hashes of the one inline stylesheet and the one inline (boot)
  # script, written by the build to $d/content-security-policy.txt (what the server sends as a
  # header, and the pages' <meta>).
  [[ -f $d/content-security-policy.txt ]] || fail "$d/content-security-policy.txt is missing"
  CSP=$(cat $d/content-security-policy.txt)
  [[ "$(sed -E "s/ 'sha256-[A-Za-z0-9+\/=]+'//g" <<<"$CSP")" == "$(cat src/csp.txt)" ]] \
    || fail "$d/content-security-policy.txt is not src/csp.txt plus hashes: $CSP"
  [[ "$(grep -o "'sha256-" <<<"$CSP" | wc -l)" == 2 ]] || fail "the CSP allows more than a style and a script: $CSP"
  for page in index.html embed.html; do
    [[ -f "$d/$page" ]] || fail "$d/$page is missing"
    grep -q 'class="story"' "$d/$page" || fail "$d/$page has no prerendered story"
    # Strict CSP: the policy first in <head> (a <meta> policy covers only what follows it), every
    # script from a file or allowed by its hash, no style attribute, no inline event handler.
    first=$(grep -oE '<(meta|link|script|style|title|base)[^>]*>' "$d/$page" | head -n 2 | tail -n 1)
    [[ "$first" == "<meta http-equiv=\"Content-Security-Policy\" content=\"$CSP\">" ]] \
      || fail "$d/$page: the first tag after the charset is not the CSP <meta> of src/csp.txt: $first"
    # One inline script, the boot script, allowed by its hash; any other has a src=. (A JSON-LD data
    # block is never run, so the CSP does not apply to it.)
    inline=$(grep -oE '<script[^>]*>' "$d/$page" | grep -v 'type="application/ld+json"' | grep -v ' src=' | sort | uniq -c)
    [[ "$(awk '{s+=$1} END {print s}' <<<"$inline")" == 1 && "$inline" == *'<script type="module">' ]] \
      || fail "$d/$page: not exactly one inline script (the boot script): $inline"
    hash=$(inline_sha256 "$d/$page" '<script type="module">(.*?)</script>')
    [[ "$CSP" == *"'sha256-$hash'"* ]] || fail "$d/$page: its boot script (sha256-$hash) is not the one the CSP allows"
    grep -q '<meta property="og:image" content="[^"]*share-[0-9a-f]*\.png">' "$d/$page" || fail "$d/$page has no og:image"
    # No style attribute, no inline event handler, whatever separates the attributes (a tab, a
    # newline or `/` as well as a space).
    scripts/inline-attributes.pl "$d/$page" >&2 || fail "$d/$page has a style attribute or an inline event handler (above)"
    # One inline stylesheet (the first paint needs no other request), allowed by its hash.
    [[ "$(grep -o '<style' "$d/$page" | wc -l)" == 1 ]] || fail "$d/$page: not exactly one <style>"
    hash=$(inline_sha256 "$d/$page" '<style>(.*?)</style>')
    [[ "$CSP" == *"'sha256-$hash'"* ]] || fail "$d/$page: its <style> (sha256-$hash) is not the one the CSP allows"
    if grep -qE '<link[^>]*rel="?(modulepreload|stylesheet)' "$d/$page"; then fail "$d/$page still links a stylesheet or preloads a module"; fi
  done
  # The share card: a 1200 × 630 PNG under 150 KB (IHDR: width and height, big-endian, at bytes 16–23).
  card=$(ls $d/share-*.png 2>/dev/null | head -n1) || true
  [[ -n "$card" ]] || fail "no share card ($d/share-*.png)"
  [[ "$(head -c 8 "$card" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] || fail "$card is not a PNG"
  size=$(od -An -tu1 -j16 -N8 "$card" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
  [[ "$size" == "1200x630" ]] || fail "$card is $size, not 1200x630"
  (( $(stat -c %s "$card") < 150000 )) || fail "$card is $(stat -c %s "$card") bytes, over 150 000"

  # The hydrate build leaves the article's words out of the wasm (build.rs, src/islands.rs): the
  # served page has them. Every paragraph's first 8 characters must be absent from the wasm.
  paragraphs=$(perl -CSD -ne 'while (m{<p>([^<]{8})}g) { print "$1\n" }' $d/index.html)
  [[ -n "$paragraphs" ]] || fail "no paragraph found in $d/index.html"
  while IFS= read -r words; do
    if grep -qF "$words" "$wasm"; then fail "the wasm carries the article's words: $words"; fi
  done <<<"$paragraphs"

  shopt -s nullglob
  for f in $d/*.html $d/*.js $d/*.css $d/*.wasm; do
    [[ -f "$f.br" && -f "$f.gz" ]] || fail "$f has no precompressed .br/.gz beside it"
  done

  printf '%-44s %9s %9s %9s\n' file raw gzip brotli
  total_br=0
  first_view=0
  for f in $d/*; do
    [[ -f "$f" ]] || continue
    case "$f" in *.gz|*.br) continue ;; esac
    raw=$(stat -c %s "$f")
    gz=$(gzip -9c "$f" | wc -c)
    br=$(brotli -q 11 -c "$f" | wc -c)
    total_br=$((total_br + br))
    printf '%-44s %9d %9d %9d\n' "${f#"$d"/}" "$raw" "$gz" "$br"
    [[ "$f" == "$wasm" ]] && wasm_br=$br
    # The share card is for other sites; the page never loads it.
    case "${f#"$d"/}" in embed.*|share-*.png|content-security-policy.txt) ;; *) first_view=$((first_view + br)) ;; esac
  done
  printf '%-44s %29d\n' "total (brotli)" "$total_br"
  printf '%-44s %29d\n' "first view: index.html and its assets (brotli)" "$first_view"
  (( first_view <= FIRST_VIEW_BUDGET )) || fail "first view is $first_view bytes brotli, over $FIRST_VIEW_BUDGET"
  (( wasm_br <= WASM_BROTLI_BUDGET )) || fail "wasm is $wasm_br bytes brotli, over its budget of $WASM_BROTLI_BUDGET"
  for page in index.html embed.html; do
    br=$(brotli -q 11 -c "$d/$page" | wc -c)
    (( br <= HTML_BROTLI_BUDGET )) || fail "$page is $br bytes brotli, over $HTML_BROTLI_BUDGET: it no longer arrives in the first round trip"
  done
  echo "check-release: ok (wasm $wasm_br bytes brotli, budget $WASM_BROTLI_BUDGET; pages' HTML within $HTML_BROTLI_BUDGET)"
}

names=("$@")
[[ ${#names[@]} -gt 0 ]] || mapfile -t names < <(stories)
for arg in "${names[@]}"; do
  if [[ -d "$arg" ]]; then name=$(basename "$arg") dir=${arg%/}; else name=$arg dir=$(story_dist "$arg"); fi
  echo "== $name ($dir/)"
  check_story "$name" "$dir"
done
