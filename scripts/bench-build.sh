#!/usr/bin/env bash
# Build time as stories grow (make bench): writes stories/_bench10x (the default story × 10,
# tests/bench/long-story.mjs), then builds the default story and it the same way, one after the
# other (each data file touched first, so that each build compiles its story: the dependencies are
# built already), with `trunk build --release` into target/bench/<name>/. Prints both times and
# fails when the 10× story takes more than 10 times as long: its build must grow no more than
# linearly with the story.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
source scripts/stories.sh

node tests/bench/long-story.mjs 10 _bench10x
declare -A took
for name in "$ROOT_STORY" _bench10x; do
  touch "stories/$name/story.toml"
  start=$(date +%s%N)
  STORY="$name" trunk build --release --dist "target/bench/$name" >"target/bench-$name.log" 2>&1 \
    || { tail -n 30 "target/bench-$name.log" >&2; echo "bench-build: $name failed (target/bench-$name.log)" >&2; exit 1; }
  took[$name]=$(( ($(date +%s%N) - start) / 1000000 ))
done
one=${took[$ROOT_STORY]} ten=${took[_bench10x]}
lines() { grep -c '' "stories/$1/story.toml"; }
printf '\nbuild time (trunk build --release, one story, dependencies built)\n'
printf '  1×  %-10s %5d lines of data  %6.1f s\n' "$ROOT_STORY" "$(lines "$ROOT_STORY")" "${one}e-3"
printf '  10× %-10s %5d lines of data  %6.1f s  (%.2f × the 1× build)\n' _bench10x "$(lines _bench10x)" "${ten}e-3" "$(bc -l <<<"$ten / $one")"
if (( ten > 10 * one )); then
  echo "bench-build: FAIL: the 10× story's build took more than 10 × the 1× build's" >&2
  exit 1
fi
echo "  PASS  the build grows no more than linearly with the story (10× ≤ 10 × 1×)"
