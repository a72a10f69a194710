#!/usr/bin/env python3
"""Checks that the desktop entry, the AppStream metadata and the macOS Info.plist agree with the build: one app id,
the project's version as the newest release, natter:// links handed to the app. (desktop-file-validate and
appstreamcli check the formats; this checks what they cannot know.)"""

import argparse
import configparser
import plistlib
import sys
import xml.etree.ElementTree as ElementTree

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


def check_desktop_entry(path, app_id):
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    expect(section.get("Icon") == app_id, f"{path}: Icon should be {app_id}")
    mime_types = [m for m in section.get("MimeType", "").split(";") if m]
    expect("x-scheme-handler/natter" in mime_types, f"{path}: MimeType should include x-scheme-handler/natter")
    exec_line = section.get("Exec", "").split()
    expect(exec_line[:1] == ["natter"] and "%u" in exec_line, f"{path}: Exec should run natter with %u")


def check_metainfo(path, app_id, version):
    root = ElementTree.parse(path).getroot()
    expect(root.findtext("id") == app_id, f"{path}: id should be {app_id}")
    expect(root.findtext("launchable") == f"{app_id}.desktop", f"{path}: launchable should be {app_id}.desktop")
    releases = root.findall("releases/release")
    expect(bool(releases), f"{path}: no releases")
    if releases:
        newest = releases[0].get("version")
        expect(newest == version,
               f"{path}: the newest release is {newest}, the project is {version} (add a <release> for it)")


def check_info_plist(path, app_id, version):
    with open(path, "rb") as file:
        plist = plistlib.load(file)
    expect(plist.get("CFBundleIdentifier") == app_id, f"{path}: CFBundleIdentifier should be {app_id}")
    expect(plist.get("CFBundleShortVersionString") == version, f"{path}: CFBundleShortVersionString should be {version}")
    expect(plist.get("CFBundleExecutable") == "Natter",
           f"{path}: CFBundleExecutable should name the executable")
    expect(plist.get("CFBundleIconFile") == "natter.icns", f"{path}: CFBundleIconFile should be natter.icns")
    schemes = [s for url_type in plist.get("CFBundleURLTypes", []) for s in url_type.get("CFBundleURLSchemes", [])]
    expect("natter" in schemes, f"{path}: CFBundleURLTypes should claim the natter scheme")
    unfilled = [k for k, v in plist.items() if isinstance(v, str) and ("${" in v or not v)]
    expect(not unfilled, f"{path}: empty or unfilled values: {', '.join(unfilled)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--version", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--desktop", required=True)
    parser.add_argument("--metainfo", required=True)
    parser.add_argument("--info-plist", required=True)
    args = parser.parse_args()
    check_desktop_entry(args.desktop, args.app_id)
    check_metainfo(args.metainfo, args.app_id, args.version)
    check_info_plist(args.info_plist, args.app_id, args.version)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
