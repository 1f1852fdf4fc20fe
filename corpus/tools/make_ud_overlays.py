#!/usr/bin/env python3
"""Builds the project's label overlays for UD English EWT train from the labelling work files.

Usage: python3 corpus/tools/make_ud_overlays.py ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu WORKDIR corpus/external

WORKDIR holds what ud_label_sample.py wrote (selection.tsv and, after round 2, selection2.tsv; chunk-K.tsv)
and the annotators' files: pass1/chunk-K.tsv and pass2/chunk-K.tsv (row, label) and adjudicated*.tsv (row,
label, note) for the rows the two passes disagree on. Writes, as `row,label,check` overlays (no sentence text):
- ud-ewt-train.labels: the final labels of the training documents;
- ud-ewt-train.heldout.labels: the final labels of the held-out documents (never trained on), and
  ud-ewt-train.heldout-GENRE.labels: the same split by genre (weblog, newsgroup, email, reviews, answers);
- ud-ewt-train.pass1.labels, ud-ewt-train.pass2.labels: the two passes, for the agreement figures.
"""
import csv
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from ud_label_sample import read_sentences  # noqa: E402


def check(text):
    collapsed = " ".join(text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()[:8]


def read_labels(path):
    with open(path, encoding="utf-8") as f:
        return {int(r["row"]): r["label"].strip() for r in csv.DictReader(f, delimiter="\t")}


def write(path, rows, labels, texts):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("row,label,check\n")
        for row in rows:
            f.write(f"{row},{labels[row]},{check(texts[row])}\n")


def main(conllu, work, out):
    texts = {row: text for row, _, text in read_sentences(conllu)}
    selection = []
    heldout = set()
    genre_of = {}
    for name in ("selection.tsv", "selection2.tsv"):
        if not os.path.exists(os.path.join(work, name)):
            continue
        with open(os.path.join(work, name), encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                selection.append(int(r["row"]))
                genre_of[int(r["row"])] = r["genre"]
                if r["heldout"] in ("1", "True"):
                    heldout.add(int(r["row"]))
    selection.sort()
    pass1, pass2 = {}, {}
    k = 0
    while os.path.exists(os.path.join(work, f"chunk-{k}.tsv")):
        both = [os.path.join(work, p, f"chunk-{k}.tsv") for p in ("pass1", "pass2")]
        if all(os.path.exists(f) for f in both):
            pass1.update(read_labels(both[0]))
            pass2.update(read_labels(both[1]))
        k += 1
    unlabelled = [r for r in selection if r not in pass1 or r not in pass2]
    if unlabelled:
        print(f"{len(unlabelled)} selected sentences lack one of the two passes; left out")
        selection = [r for r in selection if r in pass1 and r in pass2]
    adjudicated = {}
    for name in sorted(os.listdir(work)):
        if name.startswith("adjudicated") and name.endswith(".tsv"):
            adjudicated.update(read_labels(os.path.join(work, name)))
    final = {}
    for row in selection:
        a, b = pass1[row], pass2[row]
        final[row] = a if a == b else adjudicated.get(row, a)
    missing = [r for r in selection if pass1[r] != pass2[r] and r not in adjudicated]
    write(os.path.join(out, "ud-ewt-train.labels"), [r for r in selection if r not in heldout], final, texts)
    write(os.path.join(out, "ud-ewt-train.heldout.labels"), [r for r in selection if r in heldout], final, texts)
    for genre in sorted(set(genre_of.values())):
        rows = [r for r in selection if r in heldout and genre_of[r] == genre]
        write(os.path.join(out, f"ud-ewt-train.heldout-{genre}.labels"), rows, final, texts)
    write(os.path.join(out, "ud-ewt-train.pass1.labels"), selection, pass1, texts)
    write(os.path.join(out, "ud-ewt-train.pass2.labels"), selection, pass2, texts)
    agree = sum(pass1[r] == pass2[r] for r in selection)
    print(f"{len(selection)} sentences, passes agree on {agree}, {len(missing)} disagreements not adjudicated")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
