#!/usr/bin/env bash
# `npm run repro`: the whole DVC pipeline on the bundled default data (bootstrap + build ran in prerepro).
# Extra arguments go to `dvc repro` (e.g. `npm run repro -- teacher`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PWD/node_modules/.bin:$PATH"
dvc repro "$@"
dvc metrics show 2>/dev/null || true
