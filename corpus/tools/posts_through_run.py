#!/usr/bin/env python3
"""Macro-F1 of a model on labelled posts fed to `run` one post to a file, as a user with a folder of comments does.

`argminer evaluate` scores each labelled post as a row; `run` reads each file's layout first (title, headings, body) and
splits the text into sentences itself. This script measures the second: for each labelled data set given (the same
`FILE#labels=OVERLAY` forms `evaluate` takes), it asks `argminer evaluate --predictions` for the posts' texts and gold
labels, writes each post as one file in a temporary folder (never the repository), runs `argminer run` over the folder,
and scores each post by the label of its longest `run` sentence. Prints macro-F1 and per-class F1 per data set.

    python3 corpus/tools/posts_through_run.py [--model M] DATA [DATA ...] [-- COMMAND ...]

COMMAND defaults to this checkout's Release build (`dotnet src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll`).
Session 37 used it on the WNUT-17 held-out posts and the Twitter posts outside the recipe (README, "Measured figures").
"""
import csv
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELS = ["claim", "evidence", "opinion", "other"]


def macro_f1(pairs):
    scores = []
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores), scores


def main(args):
    model = None
    if args[:1] == ["--model"]:
        if len(args) < 2:
            raise SystemExit("--model needs a value")
        model, args = args[1], args[2:]
    command = ["dotnet", os.path.join(ROOT, "src", "ArgMiner.Cli", "bin", "Release", "net10.0", "argminer.dll")]
    if "--" in args:
        at = args.index("--")
        args, command = args[:at], args[at + 1:]
    if not args:
        raise SystemExit(__doc__)
    with_model = ["--model", model] if model else []
    for data in args:
        with tempfile.TemporaryDirectory() as work:
            predictions = os.path.join(work, "predictions.csv")
            subprocess.run(command + ["evaluate", "--predictions", predictions, "--data", data] + with_model,
                           check=True, stdout=subprocess.DEVNULL)
            with open(predictions, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            folder = os.path.join(work, "posts")
            os.makedirs(folder)
            gold = {}
            for i, row in enumerate(rows):
                key = f"p{i:06d}"
                with open(os.path.join(folder, key + ".txt"), "w", encoding="utf-8", newline="") as f:
                    f.write(row["text"] + "\n")
                gold[key] = row["gold"]
            out = os.path.join(work, "out")
            subprocess.run(command + ["run", folder, "--out", out, "--format", "csv", "--jobs", "1"] + with_model,
                           check=True, stdout=subprocess.DEVNULL)
            longest = {}
            with open(os.path.join(out, "sentences.csv"), encoding="utf-8-sig", newline="") as f:
                for r in csv.DictReader(f):
                    length = int(r["end"]) - int(r["start"])
                    if r["doc_id"] not in longest or length > longest[r["doc_id"]][0]:
                        longest[r["doc_id"]] = (length, r["label"])
            pairs = [(g, longest[k][1] if k in longest else "other") for k, g in gold.items()]
            score, per_class = macro_f1(pairs)
            name = data.split("#labels=")[-1].split("/")[-1]
            print(f"{name}: {len(pairs)} posts  macro-F1 {score:.4f}  ("
                  + "  ".join(f"{label} {f:.3f}" for label, f in zip(LABELS, per_class)) + ")")


if __name__ == "__main__":
    main(sys.argv[1:])
