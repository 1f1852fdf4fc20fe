#!/usr/bin/env python3
"""Per-genre macro-F1 of a model on the held-out UD EWT documents as a user gets it: whole documents through `run`.

Usage: python3 corpus/tools/ud_through_run.py [--model MODEL|accurate] [--shared DIR] [--wrap COLUMNS] [ARGMINER...]

`argminer evaluate` scores the labelled UD sentences one row at a time, with no layout: a review's title is a row like
any other, and no section reaches the featurizer. `run` reads a document's layout first (its title, headings, body),
gives each sentence its section and labels titles, headings and footers `other`, as the guidelines rule, and splits the
text into sentences itself. This script measures the second: it rebuilds each document of UD EWT dev and of the held-out
UD EWT train documents (`corpus/external/ud-ewt-train.heldout.labels`) as plain text, one paragraph of the treebank
(`# newpar`) per line with a blank line between paragraphs, the sentences of a paragraph joined by one space, in a
temporary folder (the text never enters the repository); runs `argminer run` on it; gives each labelled UD sentence the
label of the `run` sentence that overlaps it most; and prints macro-F1 and per-class F1 per genre, dev and held-out
documents pooled as README's issue-9 rows pool them. The gold labels are the overlays in corpus/external.
With --wrap N each paragraph is hard-wrapped at N columns first, as e-mail and newsgroup posts are sent (the offsets do
not move: a space becomes a line break), to measure how `run` reads wrapped text.
"""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELS = ["claim", "evidence", "opinion", "other"]
SETS = [
    ("dev", "en_ewt-ud-dev.conllu", "ud-ewt-dev.labels"),
    ("heldout", "en_ewt-ud-train.conllu", "ud-ewt-train.heldout.labels"),
]


def read_conllu(path):
    """Documents in file order: (doc id, paragraphs, each a list of (row number, sentence text))."""
    docs, row, text, newdoc, newpar = [], 0, None, None, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                newdoc = line[len("# newdoc id = "):].strip()
            elif line.startswith("# newpar"):
                newpar = True
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line == "" and text is not None:
                row += 1
                if newdoc is not None or not docs:
                    docs.append((newdoc or "", []))
                    newdoc, newpar = None, True
                paragraphs = docs[-1][1]
                if newpar or not paragraphs:
                    paragraphs.append([])
                    newpar = False
                paragraphs[-1].append((row, text))
                text = None
    return docs


def read_overlay(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {int(r["row"]): r["label"].strip().lower() for r in csv.DictReader(f)}


def macro_f1(pairs):
    per, total = {}, 0.0
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        if tp + fp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += per[label]
    return (total / len(per) if per else 0.0), per


def hard_wrap(text, width):
    """The text with each paragraph wrapped greedily at width columns, as a mail reader or `fold -s` wraps it: a space
    becomes a line break where the next word would not fit. Offsets do not move (a space for a line break); 0 leaves
    the text as it is."""
    if width <= 0:
        return text
    out = list(text)
    line_start, last_space = 0, -1
    for i, c in enumerate(text):
        if c == "\n":
            line_start, last_space = i + 1, -1
        elif c == " ":
            last_space = i
        elif i - line_start >= width and last_space > line_start:
            out[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    return "".join(out)


def main(argv):
    args = argv[1:]
    model, shared = None, os.environ.get("ARGMINER_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
    wrap = 0
    while args and args[0] in ("--model", "--shared", "--wrap"):
        if len(args) < 2:
            raise SystemExit(f"{args[0]} needs a value")
        if args[0] == "--model":
            model = args[1]
        elif args[0] == "--wrap":
            wrap = int(args[1])
        else:
            shared = args[1]
        args = args[2:]
    command = args or ["dotnet", os.path.join(ROOT, "src", "ArgMiner.Cli", "bin", "Release", "net10.0", "argminer.dll")]
    ud = os.path.join(shared, "corpora", "ud-english-ewt")
    pairs = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as work:
        for name, conllu, overlay in SETS:
            gold = read_overlay(os.path.join(ROOT, "corpus", "external", overlay))
            docs = [d for d in read_conllu(os.path.join(ud, conllu)) if any(r in gold for p in d[1] for r, _ in p)]
            folder = os.path.join(work, name)
            os.makedirs(folder)
            spans = {}
            for i, (doc, paragraphs) in enumerate(docs):
                key = f"d{i:05d}"
                parts, at, where = [], 0, []
                for paragraph in paragraphs:
                    if parts:
                        parts.append("\n\n")
                        at += 2
                    for j, (row, text) in enumerate(paragraph):
                        if j:
                            parts.append(" ")
                            at += 1
                        parts.append(text)
                        where.append((row, at, at + len(text)))
                        at += len(text)
                with open(os.path.join(folder, key + ".txt"), "w", encoding="utf-8", newline="") as f:
                    f.write(hard_wrap("".join(parts), wrap) + "\n")
                spans[key] = (doc.split("-")[0], where)
            out = os.path.join(work, name + "-out")
            run = command + ["run", folder, "--out", out, "--format", "csv", "--jobs", "1"] + (["--model", model] if model else [])
            subprocess.run(run, check=True, stdout=subprocess.DEVNULL)
            predicted = collections.defaultdict(list)
            with open(os.path.join(out, "sentences.csv"), encoding="utf-8-sig", newline="") as f:
                for r in csv.DictReader(f):
                    predicted[r["doc_id"]].append((int(r["start"]), int(r["end"]), r["label"]))
            for key, (genre, where) in spans.items():
                for row, start, end in where:
                    if row not in gold:
                        continue
                    best, overlap = "other", 0
                    for s, e, label in predicted[key]:
                        o = min(e, end) - max(s, start)
                        if o > overlap:
                            best, overlap = label, o
                    pairs[genre].append((gold[row], best))
                    pairs["all"].append((gold[row], best))
    print(f"model {model or '(shipped)'}, UD EWT dev + held-out train documents through run, per genre")
    for genre in sorted(pairs):
        f1, per = macro_f1(pairs[genre])
        classes = "  ".join(f"{label} {per[label]:.3f}" for label in LABELS if label in per)
        print(f"  {genre:10} {len(pairs[genre]):5} sentences  macro-F1 {f1:.3f}  ({classes})")


if __name__ == "__main__":
    main(sys.argv)
