#!/usr/bin/env bash
# Rebuilds dist/ from src/ (from an empty dist/: ncc does not remove the chunks of an earlier
# build) and fails when it differs from the committed bundle, a leftover chunk included (the
# action runs dist/, so a stale bundle ships old code), or when ncc left an @@notfound stub (a
# module it could not resolve, which crashes at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
if grep -rl '@@notfound' dist/; then
  echo "check-dist: dist/ contains an @@notfound stub: ncc could not resolve a module (see above)." >&2
  exit 1
fi
if [ -n "$(git status --porcelain -- dist/)" ]; then
  echo "check-dist: dist/ differs from the committed bundle; run 'npm run build' and commit dist/:" >&2
  git status --porcelain -- dist/ >&2
  git diff --stat -- dist/ >&2
  exit 1
fi
echo "check-dist: dist/ matches src/ ($(du -sh dist/index.js | cut -f1) bundle)"
