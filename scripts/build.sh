#!/usr/bin/env bash
# Builds the published stories (scripts/stories.sh), each with its own `trunk build --release`:
# the root story into dist/ first (Trunk empties the folder it builds into), then every other one
# into dist/<name>/, each complete (its pages, share card, CSP, wasm and photos). With names as
# arguments, only those. Prints each story's build time.
#
# STORY_PUBLIC_URL is the public URL of dist/ (see the README): a story in dist/<name>/ is
# published at $STORY_PUBLIC_URL/<name>.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
source scripts/stories.sh

fail() { echo "build: $*" >&2; exit 1; }
names=("$@")
[[ ${#names[@]} -gt 0 ]] || mapfile -t names < <(stories)
# The root story first: its build empties dist/, the other stories' folders with it.
ordered=()
for name in "${names[@]}"; do
  [[ -f "stories/$name/story.toml" ]] || fail "no story \`$name\` (stories/$name/story.toml)"
  if [[ "$name" == "$ROOT_STORY" ]]; then ordered=("$name" "${ordered[@]}"); else ordered+=("$name"); fi
done
for name in "${ordered[@]}"; do
  dist=$(story_dist "$name")
  url=${STORY_PUBLIC_URL:-}
  if [[ -n "$url" && "$name" != "$ROOT_STORY" ]]; then url="${url%/}/$name"; fi
  start=$(date +%s%N)
  STORY="$name" STORY_PUBLIC_URL="$url" trunk build --release --dist "$dist"
  printf 'build: %s -> %s/ in %.1f s\n' "$name" "$dist" "$(( $(date +%s%N) - start ))e-9"
done
