#!/usr/bin/env bash
# Installs what the tests need, builds everything (debug, warnings as errors), runs the test suite, then builds the
# .deb from that build and tests it installed on this machine (tests/installer/test-deb.sh: apt-get install, the
# installed server, apt-get remove --purge).
#   scripts/test.sh            the whole suite and the package test
#   NATTER_PRESET=asan scripts/test.sh   the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   NATTER_TEST_PACKAGE=0 scripts/test.sh   without the package test (it installs and purges the natter package)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_BUILD_PACKAGES[@]}" "${NATTER_TEST_PACKAGES[@]}"

# The store tests also run against PostgreSQL, on a cluster of their own that is removed afterwards, and the cluster
# tests (several servers) against that and a Redis of their own.
source scripts/postgres-for-tests.sh
source scripts/redis-for-tests.sh
trap 'natter_redis_stop; natter_postgres_stop' EXIT
natter_postgres_start
natter_redis_start

preset="${NATTER_PRESET:-dev}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
# No display is needed; GUI tests render offscreen.
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" --parallel "$(nproc)"

# Fuzz the parsers that read what clients send: 60 s in all under ASan + UBSan (scripts/fuzz.sh, Clang build).
bash scripts/fuzz.sh

# The package is tested from the debug or optimised build (a sanitizer build's binary is no package).
if [[ ${NATTER_TEST_PACKAGE:-1} != 0 && $preset != asan ]]; then
    deb=$(bash scripts/build-deb.sh "$preset")
    NATTER_TEST_PACKAGE_INSTALL=1 bash tests/installer/test-deb.sh "$deb"
fi
