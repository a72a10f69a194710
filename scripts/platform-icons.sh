#!/usr/bin/env bash
# Renders the Windows and macOS icons, resources/icons/natter.ico and natter.icns, from resources/icons/natter.svg.
# The Linux build renders its own PNGs from the SVG; these two files are committed instead, because the Windows and
# macOS builds have no SVG renderer. Run this after changing the SVG (as root on Debian 12, so it can install the
# tools it needs) and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_ICON_TOOL_PACKAGES[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --output "$work/$size.png" resources/icons/natter.svg
done

# Windows: the small sizes as bitmaps (what Explorer and the taskbar use), 256 as PNG.
icotool --create --output resources/icons/natter.ico "$work"/{16,24,32,48,64}.png --raw="$work/256.png"

# macOS: PNG elements, as iconutil writes them: the 1x types, and the @2x types reusing the doubled renderings.
python3 - "$work" resources/icons/natter.icns <<'PY'
import struct
import sys

work, output = sys.argv[1], sys.argv[2]
elements = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
            (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512)]
body = b""
for kind, size in elements:
    with open(f"{work}/{size}.png", "rb") as png:
        data = png.read()
    body += kind + struct.pack(">I", 8 + len(data)) + data
with open(output, "wb") as icns:
    icns.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
echo "==> wrote resources/icons/natter.ico and resources/icons/natter.icns" >&2
