#!/usr/bin/env python3
"""Score the labels a `run` wrote against a labelled corpus file whose sentences are those of the run's documents.

Usage: python3 corpus/tools/score_run_labels.py RUN_OUT/sentences.csv corpus/labelled/seeds.csv

Matches sentences by their text (white space folded) and prints accuracy, macro-F1 and per-class F1 over the four
labels: the figure a user gets from `run` (layout rules applied: titles, headings and footers are other), where
`argminer evaluate --data seeds.csv` scores the sentences without their layout. A second line gives the same over
issue 9's three editorial classes: argument (claim or opinion, gold and predicted alike), evidence and other.
"""
import csv
import sys

LABELS = ["claim", "evidence", "opinion", "other"]


def fold(text):
    return " ".join(text.split())


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    with open(argv[2], encoding="utf-8-sig", newline="") as f:
        gold = {fold(row["text"]): row["label"] for row in csv.DictReader(f)}
    with open(argv[1], encoding="utf-8-sig", newline="") as f:
        predicted = [(fold(row["text"]), row["label"]) for row in csv.DictReader(f)]
    pairs = [(gold[text], label) for text, label in predicted if text in gold]
    if len(pairs) != len(gold):
        raise SystemExit(f"{len(pairs)} of the {len(gold)} labelled sentences found in the run's output")
    score(pairs, LABELS, "")
    three = [(ARGUMENT.get(g, g), ARGUMENT.get(p, p)) for g, p in pairs]
    score(three, ["argument", "evidence", "other"], "argument / evidence / other: ")


# Issue 9's editorial measure folds the two argumentative labels into one.
ARGUMENT = {"claim": "argument", "opinion": "argument"}


def score(pairs, labels, prefix):
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs)
    print(f"{prefix}sentences {len(pairs)}  accuracy {accuracy:.4f}  macro-F1 {sum(f1s) / len(labels):.4f}  "
          + "  ".join(f"{label} {f1:.4f}" for label, f1 in zip(labels, f1s)))

if __name__ == "__main__":
    main(sys.argv)
