#!/usr/bin/env python3
"""Compares Passend's Flesch-Douma with PyPI textstat (language nl) on the
texts in tests/fixtures/leesbaarheid: each must agree within 3 points.

    scripts/compare-textstat.py PASSEND_BIN
"""
import json
import pathlib
import subprocess
import sys

import textstat

TOLERANCE = 3.0


def main() -> int:
    binary = sys.argv[1]
    folder = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "leesbaarheid"
    textstat.set_lang("nl")
    passed = failed = 0
    print(f"{'text':<22} {'passend':>8} {'textstat':>9} {'diff':>6}")
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out = subprocess.run([binary, "leesbaarheid", "--format", "json", str(path)], capture_output=True, check=True, text=True)
        ours = json.loads(out.stdout)["flesch_douma"]
        theirs = textstat.flesch_reading_ease(text)
        diff = ours - theirs
        ok = abs(diff) <= TOLERANCE
        passed += ok
        failed += not ok
        print(f"{path.stem:<22} {ours:8.1f} {theirs:9.1f} {diff:+6.1f} {'ok' if ok else 'TOO FAR APART'}")
    if passed + failed < 10:
        print("fewer than 10 texts", file=sys.stderr)
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
