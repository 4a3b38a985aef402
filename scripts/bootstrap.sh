#!/usr/bin/env bash
# Idempotent bootstrap: installs only what is missing or stale.
#   - npm packages from the committed lockfile (npm ci) when node_modules is absent or the lockfile changed
#   - a project-local .venv with the pinned Python tools (dvc, nbconvert, nbclient, jupyter_client, ipykernel,
#     jupyterlab)
#   - the tslab Jupyter kernels registered inside that venv with absolute paths (no PATH needed)
#   - the DVC project (dvc init --no-scm is never used: the repo is a git repo)
#   - Debian chromium and redis-server for the browser and queue tests (root + apt-get only)
#   - the offline page template of `dvc plots show` (.dvc/plots/page.html: Vega bundles from node_modules)
# Stamps in .bootstrap/ record the hash of what was installed, so a second run costs ~100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STAMPS="$ROOT/.bootstrap"
mkdir -p "$STAMPS"

log() { printf '[bootstrap] %s\n' "$*" >&2; }
hash_of() { sha256sum "$@" | sha256sum | cut -c1-16; }

need_node_major=20
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt "$need_node_major" ]; then
  log "Node.js >= $need_node_major is required (found $(node --version 2>/dev/null || echo none))"
  exit 3
fi

# 1. npm packages
npm_hash=$(hash_of package.json package-lock.json)
if [ ! -d node_modules ] || [ "$(cat "$STAMPS/npm" 2>/dev/null)" != "$npm_hash" ]; then
  # `npm install` (not `npm ci`): the registry here does not serve other platforms' optional binaries
  # (e.g. @biomejs/cli-win32-x64), which npm ci treats as a lockfile mismatch. With an in-sync
  # lockfile, npm install resolves exactly the locked versions and leaves the lockfile untouched.
  log "installing npm packages from package-lock.json"
  npm install --no-audit --no-fund --loglevel=error >&2
  echo "$npm_hash" > "$STAMPS/npm"
fi

# 1b. The page template `dvc plots show` / `dvc plots diff` fill (.dvc/config plots.html_template): the Vega
#     bundles inlined from node_modules, so plot pages render offline. Rewritten when the npm packages change.
if [ ! -f .dvc/plots/page.html ] || [ "$(cat "$STAMPS/plots-page" 2>/dev/null)" != "$npm_hash" ]; then
  if node scripts/plots-page.mjs >/dev/null; then
    echo "$npm_hash" > "$STAMPS/plots-page"
  else
    log "could not write .dvc/plots/page.html: dvc plots show needs the vega, vega-lite and vega-embed packages"
  fi
fi

# 2. Python venv with pinned tools
py_hash=$(hash_of requirements.txt)
if [ ! -x .venv/bin/python ] || [ "$(cat "$STAMPS/venv" 2>/dev/null)" != "$py_hash" ]; then
  PY=${PYTHON:-python3}
  command -v "$PY" >/dev/null || { log "python3 is required to create .venv (set PYTHON=...)"; exit 3; }
  [ -x .venv/bin/python ] || { log "creating .venv"; "$PY" -m venv .venv; }
  log "installing pinned Python tools into .venv (requirements.txt)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt >&2
  echo "$py_hash" > "$STAMPS/venv"
fi

# 3. tslab kernels (TypeScript, JavaScript) registered in the venv with absolute paths to node and tslab, so
#    jupyter (nbconvert, JupyterLab) starts them without node_modules/.bin on PATH. Rewritten whenever node or
#    the checkout moves (the spec is compared with what it should be, no stamp).
node_bin=$(realpath "$(command -v node)")
tslab_bin=$(realpath node_modules/tslab/bin/tslab)
kernels=.venv/share/jupyter/kernels
for k in tslab jslab; do
  if ! grep -qsF "\"$node_bin\"" "$kernels/$k/kernel.json" || ! grep -qsF "\"$tslab_bin\"" "$kernels/$k/kernel.json"; then
    log "registering the tslab kernels in .venv ($tslab_bin)"
    node scripts/register-kernels.mjs "$kernels" "$node_bin" "$tslab_bin"
    break
  fi
done

# 4. DVC project
if [ ! -d .dvc ]; then
  log "initialising DVC"
  .venv/bin/dvc init -q
fi

# 5. System packages the browser and queue tests drive: Debian's chromium (driven by playwright-core, never
#    a downloaded browser build) and redis-server (BullMQ workers, started by the tests on a loopback port).
missing_pkgs=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing_pkgs+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing_pkgs+=(redis-server)
if [ "${#missing_pkgs[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing_pkgs[*]} (apt-get)"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >&2
  else
    log "missing ${missing_pkgs[*]}: browser/queue tests need them (apt-get install ${missing_pkgs[*]})"
  fi
fi
