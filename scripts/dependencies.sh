#!/usr/bin/env bash
# Installs the Debian 12 packages Natter needs. Sourced by run.sh and test.sh; run as root.
# Why each package is here is explained in README.md ("Dependencies").
set -euo pipefail

# What the installed app needs besides the libraries it links (dpkg-shlibdeps finds those): the QML modules its QML
# imports and Qt's SQL drivers, which Qt loads as plugins, and libsecret, which QtKeychain loads at run time to reach
# the Secret Service. installer/Packaging.cmake puts these into the .deb's Depends, and tests/installer/test-deb.sh
# checks them against the QML imports.
NATTER_RUNTIME_PACKAGES=(
    qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qtquick qml6-module-qtquick-controls
    qml6-module-qtquick-layouts qml6-module-qtquick-templates qml6-module-qtquick-window
    qml6-module-qt-labs-settings
    libqt6sql6-sqlite libqt6sql6-psql
    libsecret-1-0
)
NATTER_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-websockets-dev qt6-declarative-dev qt6-tools-dev qt6-l10n-tools
    "${NATTER_RUNTIME_PACKAGES[@]}"
    qml6-module-qtquick-dialogs qml6-module-qt-labs-platform
    fonts-dejavu-core
    libsodium-dev
    libhiredis-dev
    qtkeychain-qt6-dev
    qt6-translations-l10n
    # The icons in the hicolor sizes are rendered from the SVG; cpack's .deb needs dpkg-shlibdeps.
    librsvg2-bin dpkg-dev
)
# Only the test suite needs these: Qt Quick Test for the QML components, promtool for the /metrics format,
# python3 for the translation check, validators for the desktop entry, the AppStream metadata and the systemd
# unit, curl for the package test, a D-Bus session bus and GNOME Keyring for the keychain test (tst_keychain),
# openssl to make the TLS tests' certificates and keys, redis-server for the cluster tests (tst_cluster).
NATTER_TEST_PACKAGES=(
    qml6-module-qttest
    prometheus
    postgresql libqt6sql6-psql libqt6sql6-sqlite python3
    desktop-file-utils appstream systemd curl
    dbus-daemon gnome-keyring
    openssl
    redis-server
)
# scripts/platform-icons.sh: the Windows and macOS icons from the SVG.
NATTER_ICON_TOOL_PACKAGES=(librsvg2-bin icoutils python3)

# Only scripts/fuzz.sh needs these: Clang, its libFuzzer and sanitizer runtimes, llvm-symbolizer for readable reports.
NATTER_FUZZ_PACKAGES=(
    clang libclang-rt-dev llvm
)

# Only bench/run.sh needs these, and installs them itself when missing: gnuplot-nox draws the latency chart; nodejs
# and npm run the Node.js reference server (bench/reference/node), installed only when `node` or `npm` is not there.
NATTER_BENCH_PACKAGES=(gnuplot-nox)
NATTER_BENCH_NODE_PACKAGES=(nodejs npm)

natter_install_packages() {
    local missing=()
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "These packages are missing: ${missing[*]}; run this script as root (or install them) first." >&2
        exit 1
    fi
    echo "==> installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs built .deb files (absolute paths) with what they depend on; the package test and the container image
# install Natter this way.
natter_install_deb() {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
