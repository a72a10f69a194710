#!/usr/bin/env bash
# Renders the main window with a realistic conversation, light and dark, to docs/screenshots/*.png.
# Needs no display: Qt's offscreen platform with the software renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_BUILD_PACKAGES[@]}"
cmake --preset release >/dev/null
cmake --build --preset release --target natter-screenshots
export QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software
build/release/app/natter-screenshots docs/screenshots/main-light.png
build/release/app/natter-screenshots docs/screenshots/main-dark.png --dark
