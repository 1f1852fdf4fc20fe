#!/usr/bin/env python3
"""Builds the project's label overlays for UD English EWT train from the labelling work files.

Usage: python3 corpus/tools/make_ud_overlays.py ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu WORKDIR corpus/external
       python3 corpus/tools/make_ud_overlays.py --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu WORKDIR corpus/external

WORKDIR holds what ud_label_sample.py wrote (selection.tsv and, after rounds 2 and 3, selection2.tsv and
selection3.tsv, selection4.tsv, selection5.tsv; chunk-K.tsv)
and the annotators' files: passN/chunk-K.tsv (row, label) for each independent pass N = 1, 2, 3..., and
adjudicated*.tsv (row, label, note) for rows the passes leave undecided. A sentence's final label is the
adjudicated one when there is one, else the label most of its passes give (a strict majority), else, for a
sentence only one pass labelled, that pass's label; a tie without adjudication keeps the lowest-numbered
pass's label and is counted. Writes, as `row,label,check` overlays (no sentence text):
- ud-ewt-train.labels: the final labels of the training documents;
- ud-ewt-train.heldout.labels: the final labels of the held-out documents (never trained on), and
  ud-ewt-train.heldout-GENRE.labels: the same split by genre (weblog, newsgroup, email, reviews, answers);
- ud-ewt-train.passN.labels: each pass, for the agreement figures (pairwise agreement and Cohen's kappa are
  printed).
With --dev (UD EWT dev, every document held out, from `ud_label_sample.py --all`): ud-ewt-dev.labels (all of
it), ud-ewt-dev-GENRE.labels and ud-ewt-dev.passN.labels.
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


def main(conllu, work, out, dev=False):
    texts = {row: text for row, _, text in read_sentences(conllu)}
    selection = []
    heldout = set()
    genre_of = {}
    for name in ("selection.tsv", "selection2.tsv", "selection3.tsv", "selection4.tsv", "selection5.tsv"):
        if not os.path.exists(os.path.join(work, name)):
            continue
        with open(os.path.join(work, name), encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                selection.append(int(r["row"]))
                genre_of[int(r["row"])] = r["genre"]
                if r["heldout"] in ("1", "True"):
                    heldout.add(int(r["row"]))
    selection.sort()
    selection, passes, adjudicated = read_passes(work, selection)
    final, missing = decide(selection, passes, adjudicated)
    name = "ud-ewt-dev" if dev else "ud-ewt-train"
    if dev:
        write(os.path.join(out, f"{name}.labels"), selection, final, texts)
    else:
        write(os.path.join(out, f"{name}.labels"), [r for r in selection if r not in heldout], final, texts)
        write(os.path.join(out, f"{name}.heldout.labels"), [r for r in selection if r in heldout], final, texts)
    for genre in sorted(set(genre_of.values())):
        rows = [r for r in selection if r in heldout and genre_of[r] == genre]
        write(os.path.join(out, f"{name}-{genre}.labels" if dev else f"{name}.heldout-{genre}.labels"), rows, final, texts)
    for n in sorted(passes):
        write(os.path.join(out, f"{name}.pass{n}.labels"), [r for r in selection if r in passes[n]], passes[n], texts)
    print(f"{len(selection)} sentences; {len(missing)} undecided (no majority, not adjudicated)")
    print_agreement(selection, passes)


def read_passes(work, selection):
    """Reads WORKDIR's passN/chunk-*.tsv files (N = 1, 2, ... while the folder exists) and adjudicated*.tsv; returns
    the selection without the rows no pass labelled (said in one line), the passes and the adjudicated labels."""
    passes = {}
    n = 1
    while os.path.isdir(os.path.join(work, f"pass{n}")):
        labels = {}
        for name in sorted(os.listdir(os.path.join(work, f"pass{n}"))):
            if name.startswith("chunk-") and name.endswith(".tsv"):
                labels.update(read_labels(os.path.join(work, f"pass{n}", name)))
        passes[n] = labels
        n += 1
    unlabelled = {r for r in selection if not any(r in p for p in passes.values())}
    if unlabelled:
        print(f"{len(unlabelled)} selected sentences have no pass; left out")
        selection = [r for r in selection if r not in unlabelled]
    adjudicated = {}
    for name in sorted(os.listdir(work)):
        if name.startswith("adjudicated") and name.endswith(".tsv"):
            adjudicated.update(read_labels(os.path.join(work, name)))
    return selection, passes, adjudicated


def decide(selection, passes, adjudicated):
    """The final label of each row: the adjudicated one, else the strict majority of the passes, else the only
    pass's label; a tie without adjudication keeps the lowest-numbered pass's label and is returned in the list."""
    final = {}
    ties = []
    for row in selection:
        given = [passes[n][row] for n in sorted(passes) if row in passes[n]]
        top = max(set(given), key=lambda label: (given.count(label), -given.index(label)))
        if row in adjudicated:
            final[row] = adjudicated[row]
        elif given.count(top) * 2 > len(given) or len(given) == 1:
            final[row] = top
        else:
            final[row] = given[0]
            ties.append(row)
    return final, ties


def print_agreement(selection, passes):
    """Prints pairwise agreement and Cohen's kappa of the passes on the rows both labelled."""
    for a in sorted(passes):
        for b in sorted(passes):
            if a < b:
                both = [r for r in selection if r in passes[a] and r in passes[b]]
                if both:
                    agree = sum(passes[a][r] == passes[b][r] for r in both)
                    print(f"pass{a} vs pass{b}: {len(both)} sentences, agree on {agree} ({agree / len(both):.3f}), kappa {kappa([passes[a][r] for r in both], [passes[b][r] for r in both]):.3f}")


def kappa(x, y):
    """Cohen's kappa of two label lists."""
    n = len(x)
    observed = sum(a == b for a, b in zip(x, y)) / n
    labels = set(x) | set(y)
    expected = sum((x.count(label) / n) * (y.count(label) / n) for label in labels)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


if __name__ == "__main__":
    args = sys.argv[1:]
    dev = args[:1] == ["--dev"]
    args = args[1:] if dev else args
    if len(args) != 3:
        sys.exit(__doc__)
    main(*args, dev=dev)
