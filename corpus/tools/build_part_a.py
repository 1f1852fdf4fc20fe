#!/usr/bin/env python3
"""Store the hand-written part-A sentences as corpus/labelled/part-a.csv.

The sentences are written by hand, document by document, in corpus/source/part-a/<nn>-<topic>.txt.
This script only converts that storage format to the corpus CSV; it generates no text.

Storage format (UTF-8):
  @doc <doc-id> <register> <topic>     starts a document (register: oped | news | comment)
  <l>|<sentence>                        one sentence; l = c claim, e evidence, o opinion, x other
Blank lines are ignored.
"""
import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
LABELS = {"c": "claim", "e": "evidence", "o": "opinion", "x": "other"}
REGISTERS = {"oped", "news", "comment"}


def read_rows(path):
    rows = []
    doc = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("@doc "):
            parts = line.split()
            if len(parts) != 4 or parts[2] not in REGISTERS:
                sys.exit(f"{path}:{n}: bad @doc line")
            doc = parts[1:]
            continue
        code, sep, text = line.partition("|")
        if not sep or code not in LABELS or not text.strip() or text != text.strip():
            sys.exit(f"{path}:{n}: bad sentence line: {line[:60]!r}")
        if doc is None:
            sys.exit(f"{path}:{n}: sentence before any @doc")
        rows.append([text, LABELS[code], doc[0], doc[1], doc[2]])
    return rows


def main():
    rows = []
    for path in sorted((ROOT / "source" / "part-a").glob("*.txt")):
        rows.extend(read_rows(path))
    dest = ROOT / "labelled" / "part-a.csv"
    with dest.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["text", "label", "doc", "register", "topic"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {dest}")


if __name__ == "__main__":
    main()
