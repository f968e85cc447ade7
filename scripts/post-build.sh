#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml), for the story $STORY (scripts/stories.sh). Hooks of one stage
# run in parallel, so this one does, in order:
#  1. prerender: the app's HTML into index.html and embed.html (Leptos SSR, src/bin/prerender.rs),
#     and the story's photos made into photos/ in the sizes the page asks for (src/photo_encode.rs;
#     the originals are not copied: no reader downloads a camera's 6 MB), and the drawings painted
#     light and dark into art/ (build.rs, src/art_paint.rs);
#  2. release only: the JS glue minified (terser; Trunk's own minifier stops at its `export default`
#     and leaves it whole: 52 KB raw, 7.8 KB brotli, 6.0 KB minified), then precompressed .br and .gz
#     beside every text asset, for web servers that serve them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/stories.sh
cargo run --quiet --bin prerender --no-default-features --features ssr
if [[ "${TRUNK_PROFILE:-}" == "release" ]]; then
  command -v brotli >/dev/null || { echo "post-build: brotli is missing: run scripts/setup.sh" >&2; exit 1; }
  command -v terser >/dev/null || { echo "post-build: terser is missing: run scripts/setup.sh" >&2; exit 1; }
  for f in "$TRUNK_STAGING_DIR"/ruzhou-story-*.js; do
    terser "$f" --module --compress --mangle --output "$f"
  done
  for f in "$TRUNK_STAGING_DIR"/*.{html,js,css,wasm,svg} "$TRUNK_STAGING_DIR"/art/*.svg; do
    [[ -f "$f" ]] || continue
    gzip -9 -k -f -n "$f"
    brotli -q 11 -k -f "$f"
  done
fi
