#!/usr/bin/env bash
# `npm run repro`: the whole DVC pipeline on the bundled default data (bootstrap ran in prerepro; the stages
# transpile what they run themselves, scripts/run-stage.mjs).
# Extra arguments go to `dvc repro` (e.g. `npm run repro -- teacher`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PWD/node_modules/.bin:$PATH"
dvc repro "$@"
# A readable summary instead of the (very wide) `dvc metrics show` table; the metrics stay available there.
if [ -f reports/validation/promotion_checklist.json ] && [ -f data/models/student/evaluation_metrics.json ]; then
  node scripts/results-table.mjs
fi
