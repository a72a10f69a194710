#!/usr/bin/env bash
# Installs what the tests need, builds everything (debug, warnings as errors) and runs the test suite.
#   scripts/test.sh            the whole suite
#   NATTER_PRESET=asan scripts/test.sh   the same under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_BUILD_PACKAGES[@]}" "${NATTER_TEST_PACKAGES[@]}"

# The store tests also run against PostgreSQL, on a cluster of their own that is removed afterwards.
source scripts/postgres-for-tests.sh
trap natter_postgres_stop EXIT
natter_postgres_start

preset="${NATTER_PRESET:-dev}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
# No display is needed; GUI tests render offscreen.
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" --parallel "$(nproc)"

# Fuzz the parsers that read what clients send: 60 s in all under ASan + UBSan (scripts/fuzz.sh, Clang build).
bash scripts/fuzz.sh
