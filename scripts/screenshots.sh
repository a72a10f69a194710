#!/usr/bin/env bash
# Renders the main window with a realistic conversation, light and dark, to docs/screenshots/*.png.
# Needs no display: Qt's offscreen platform with the software renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_BUILD_PACKAGES[@]}"
cmake --preset release >/dev/null
cmake --build --preset release --target natter-screenshots
# A real locale for dates and times (Qt carries its own locale data, nothing to install).
export QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8
build/release/app/natter-screenshots docs/screenshots/main-light.png
build/release/app/natter-screenshots docs/screenshots/main-dark.png --dark
