#!/usr/bin/env bash
# `npm run lab`: JupyterLab (pinned in requirements.txt, inside .venv) on this repository, opened on
# notebooks/. prelab ran the bootstrap (which registers the tslab kernel with absolute paths) and the build
# (the notebooks import the compiled library, dist/, with its types). Extra arguments go to `jupyter lab`
# (e.g. `npm run lab -- --no-browser --port 8890`).
set -euo pipefail
cd "$(dirname "$0")/.."
root_flag=()
[ "$(id -u)" = "0" ] && root_flag=(--allow-root) # containers often run as root; JupyterLab refuses it otherwise
exec .venv/bin/jupyter lab --ServerApp.root_dir="$PWD" --LabApp.default_url=/lab/tree/notebooks "${root_flag[@]}" "$@"
