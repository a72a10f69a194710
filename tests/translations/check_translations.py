#!/usr/bin/env python3
"""Checks translations/natter_*.ts against the sources.

Runs lupdate exactly as the `update_translations` target does, on copies of the .ts files, and fails when
  - a message is unfinished, untranslated, obsolete or vanished,
  - the code has a string that is not in a .ts file, or a .ts file has one the code no longer has,
  - a translation loses a placeholder (%1, %n) or a menu mnemonic (&), or has the wrong number of plural forms
    for its language (as lupdate gives a new file in that language),
  - a .ts file is not byte for byte what update_translations would write.
Every problem is reported with its file, context and source text.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:L?\d+|n)")
# "&File" or "Sa&ve": one ampersand before a letter; "&&" is a literal ampersand.
MNEMONIC = re.compile(r"(?<!&)&(?!&)\w")


def run(command):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, command))} exited with {result.returncode}:\n{result.stdout}")
    return result.stdout


def messages(path):
    """(context, source, comment) -> the <message> element, for every message in a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def describe(key):
    context, source, comment = key
    return f"[{context}] \"{source}\"" + (f" ({comment})" if comment else "")


def check_message(key, message, plural_forms):
    problems = []
    source = key[1]
    translation = message.find("translation")
    kind = translation.get("type") if translation is not None else "unfinished"
    if kind in ("unfinished", "obsolete", "vanished"):
        return [f"{kind}: {describe(key)}"]
    if message.get("numerus") == "yes":
        texts = [form.text or "" for form in translation.iter("numerusform")]
        if plural_forms is not None and len(texts) != plural_forms:
            problems.append(f"{len(texts)} plural forms instead of {plural_forms}: {describe(key)}")
    else:
        texts = [translation.text or ""]
    wanted = sorted(PLACEHOLDER.findall(source))
    for text in texts:
        if not text:
            problems.append(f"untranslated: {describe(key)}")
        elif sorted(PLACEHOLDER.findall(text)) != wanted:
            problems.append(f"placeholders {sorted(PLACEHOLDER.findall(text))} instead of {wanted} in \"{text}\": "
                            f"{describe(key)}")
        elif bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(text)):
            problems.append(f"the keyboard mnemonic (&) is missing or extra in \"{text}\": {describe(key)}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--project", required=True, help="the lupdate project that qt_add_lupdate describes")
    parser.add_argument("--project-generator", required=True, help="Qt's GenerateLUpdateProject.cmake")
    parser.add_argument("--ts-dir", required=True, type=Path)
    parser.add_argument("lupdate_options", nargs=argparse.REMAINDER, help="after --: update_translations' options")
    args = parser.parse_args()
    options = [option for option in args.lupdate_options if option != "--"]

    ts_files = sorted(args.ts_dir.glob("natter_*.ts"))
    if not ts_files:
        sys.exit(f"FAIL: no natter_*.ts in {args.ts_dir}")

    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        project = temp / "project.json"
        run([args.cmake, f"-DIN_FILE={args.project}", f"-DOUT_FILE={project}", "-P", args.project_generator])
        (temp / "updated").mkdir()
        (temp / "fresh").mkdir()
        updated = [temp / "updated" / ts.name for ts in ts_files]
        for ts, copy in zip(ts_files, updated):
            shutil.copyfile(ts, copy)
        # What update_translations would write, and new files in each language (for the number of plural forms).
        run([args.lupdate, "-project", project, *options, "-ts", *updated])
        fresh = [temp / "fresh" / ts.name for ts in ts_files]
        run([args.lupdate, "-project", project, *options, "-ts", *fresh])

        problems = []
        for ts, after, new in zip(ts_files, updated, fresh):
            committed = messages(ts)
            current = messages(after)
            forms = {key: len(list(message.iter("numerusform"))) for key, message in messages(new).items()}
            file_problems = []
            for key in current.keys() - committed.keys():
                file_problems.append(f"not in the file, but in the code: {describe(key)}")
            for key in committed.keys() - current.keys():
                file_problems.append(f"no longer in the code: {describe(key)}")
            for key, message in committed.items():
                file_problems.extend(check_message(key, message, forms.get(key)))
            if not file_problems and ts.read_bytes() != after.read_bytes():
                file_problems.append("differs from what update_translations writes (run it and commit the result)")
            problems.extend(f"{ts.name}: {problem}" for problem in sorted(file_problems))

    if problems:
        print("\n".join(f"FAIL: {problem}" for problem in problems))
        print(f"{len(problems)} problem(s). Run `cmake --build --preset dev --target update_translations`, translate "
              "what is new (Qt Linguist), and commit translations/*.ts.")
        return 1
    count = len(messages(ts_files[0]))
    print(f"{len(ts_files)} translations complete, {count} messages each, as update_translations writes them: "
          + ", ".join(ts.stem for ts in ts_files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
