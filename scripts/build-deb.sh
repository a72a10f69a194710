#!/usr/bin/env bash
# Builds the Debian package: installs the build dependencies, builds a preset (release unless another is given)
# and runs cpack. Prints the path of build/<preset>/natter_<version>_<arch>.deb on stdout.
#   scripts/build-deb.sh          the package of the optimised build
#   scripts/build-deb.sh dev      the package of the debug build (scripts/test.sh tests the one it built)
# The container image (Dockerfile) builds its package with this script too.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_BUILD_PACKAGES[@]}"

preset="${1:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" >&2
build_dir="$PWD/build/$preset"
rm -f "$build_dir"/natter_*.deb "$build_dir"/natter_*.deb.sha256
(cd "$build_dir" && cpack -G DEB >&2)
ls "$build_dir"/natter_*.deb
