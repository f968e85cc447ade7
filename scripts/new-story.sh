#!/usr/bin/env bash
# make new-story NAME: a new story in stories/NAME/, copied from the template (stories/_template:
# a data file, a placeholder source text and a drawing), valid as it is (cargo test checks the
# template and every story). NAME is the folder's name and the story's URL (dist/NAME/):
# lower-case letters, digits and `-`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/stories.sh

name=${1:-}
fail() { echo "new-story: $*" >&2; exit 1; }
[[ -n "$name" ]] || fail "name the story: make new-story NAME=my-story (lower-case letters, digits and -)"
[[ "$name" =~ ^[a-z0-9][a-z0-9-]*$ ]] || fail "\`$name\`: a story's name is lower-case letters, digits and - (it is the story's URL)"
# The root story's own folders and files live in dist/ beside the other stories' folders.
[[ "$name" != photos ]] || fail "\`photos\` is the root story's photo folder in dist/: choose another name"
[[ ! -e "stories/$name" ]] || fail "stories/$name already exists"
cp -R stories/_template "stories/$name"
echo "new-story: stories/$name/ is ready:"
echo "  1. put the article, word for word, in stories/$name/source.txt"
echo "  2. write the story in stories/$name/story.toml (the README's authoring guide explains it)"
echo "  3. make serve STORY=$name   shows it at http://127.0.0.1:8080, again each time you save"
echo "  4. make test                checks every story, this one too"
