# Sourced by the scripts and the Makefile: the stories of stories/ and where each one builds to.
#   STORY          the story a build compiles: the environment's, else the default of
#                  .cargo/config.toml (where cargo reads it too)
#   ROOT_STORY     that default: the story at the root of dist/ (dist/index.html …)
#   stories        the published stories, the root story first: every stories/<name>/story.toml
#                  whose name does not start with `_` (stories/_template and the like are not
#                  published)
#   story_dist N   story N's folder of dist/: dist for the root story, dist/N for the others
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT_STORY="$(sed -n 's/^STORY *= *"\([^"]*\)".*/\1/p' "$_root/.cargo/config.toml")"
STORY="${STORY:-$ROOT_STORY}"
export STORY
stories() {
  echo "$ROOT_STORY"
  local f name
  for f in "$_root"/stories/*/story.toml; do
    name="$(basename "$(dirname "$f")")"
    [[ "$name" == _* || "$name" == "$ROOT_STORY" ]] || echo "$name"
  done
}
story_dist() {
  if [[ "$1" == "$ROOT_STORY" ]]; then echo dist; else echo "dist/$1"; fi
}
