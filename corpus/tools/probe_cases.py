#!/usr/bin/env python3
"""Accuracy per hard case on the held-out guideline probes (corpus/probes/guideline-cases.csv).

Usage: python3 corpus/tools/probe_cases.py [MODEL] [ARGMINER...]

Scores every probe sentence alone with `argminer classify` (the first stage, as a line of `classify` is scored)
and prints the accuracy per `case` and overall. MODEL defaults to the shipped model; ARGMINER to the Release
build of the command (`dotnet src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll`).
"""
import collections
import csv
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROBES = os.path.join(ROOT, "corpus", "probes", "guideline-cases.csv")


def main(argv):
    model = argv[1] if len(argv) > 1 else None
    command = argv[2:] or ["dotnet", os.path.join(ROOT, "src", "ArgMiner.Cli", "bin", "Release", "net10.0", "argminer.dll")]
    with open(PROBES, encoding="utf-8", newline="") as f:
        gold = list(csv.DictReader(f))
    with tempfile.TemporaryDirectory() as work:
        lines = os.path.join(work, "probes.txt")
        out = os.path.join(work, "labels.csv")
        with open(lines, "w", encoding="utf-8") as f:
            # One sentence a line: classify reads lines, and no probe holds a line break.
            f.writelines(" ".join(row["text"].split()) + "\n" for row in gold)
        args = command + ["classify", "--input", lines, "--out", out] + (["--model", model] if model else [])
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        with open(out, encoding="utf-8-sig", newline="") as f:
            predicted = list(csv.DictReader(f))
    if len(predicted) != len(gold):
        raise SystemExit(f"classify wrote {len(predicted)} rows for {len(gold)} probes")
    right, total = collections.Counter(), collections.Counter()
    for g, p in zip(gold, predicted):
        total[g["case"]] += 1
        right[g["case"]] += g["label"] == p["label"]
    for case in total:
        print(f"{case:24} {right[case]:3d} / {total[case]:3d}")
    hits = sum(right.values())
    print(f"{'all':24} {hits:3d} / {len(gold):3d}  accuracy {hits / len(gold):.3f}")


if __name__ == "__main__":
    main(sys.argv)
