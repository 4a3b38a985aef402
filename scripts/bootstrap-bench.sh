#!/usr/bin/env bash
# Idempotent bench bootstrap: installs the bench-only Python packages (requirements-bench.txt: the
# reference LightGBM and what it needs) into .venv, after scripts/bootstrap.sh has created it.
# A stamp in .bootstrap/ records the hash of what was installed, so a second run costs a few ms.
set -euo pipefail
cd "$(dirname "$0")/.."
STAMPS="$(pwd)/.bootstrap"
mkdir -p "$STAMPS"

log() { printf '[bootstrap-bench] %s\n' "$*" >&2; }

[ -x .venv/bin/python ] || { log ".venv is missing: run scripts/bootstrap.sh first"; exit 3; }
bench_hash=$(sha256sum requirements-bench.txt | cut -c1-16)
if [ "$(cat "$STAMPS/bench" 2>/dev/null)" != "$bench_hash" ] \
  || ! compgen -G '.venv/lib/python3*/site-packages/lightgbm/__init__.py' >/dev/null; then
  log "installing bench-only Python packages into .venv (requirements-bench.txt)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt >&2
  echo "$bench_hash" > "$STAMPS/bench"
fi
