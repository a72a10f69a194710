#!/usr/bin/env bash
# Installs what Natter needs, builds it (release) and runs it. Arguments go to natter, e.g.:
#   scripts/run.sh --server --port 8082
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_BUILD_PACKAGES[@]}"

cmake --preset release >/dev/null
cmake --build --preset release --target natter
exec build/release/app/natter "$@"
