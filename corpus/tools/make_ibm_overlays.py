#!/usr/bin/env python3
"""Builds the project's label overlays for IBM Debater article sentences from the labelling work files.

Usage: python3 corpus/tools/make_ibm_overlays.py ../shared/corpora/ibm-ce-emnlp-2015 WORKDIR corpus/external

WORKDIR holds what ibm_article_sample.py wrote (selection.tsv, chunk-K.tsv) and the annotators' files
passN/chunk-K.tsv (row, label) and adjudicated*.tsv (row, label, note). The final label is the adjudicated
one when there is one, else the strict majority of the passes, else (one pass) that pass's label; a tie without
adjudication keeps pass 1's label and is counted. Writes `row,label,check` overlays (no sentence text), read as
`--data ../shared/corpora/ibm-ce-emnlp-2015/articles#labels=FILE`:
- ibm-articles.labels: articles of IBM's train-and-test motions (trained on);
- ibm-articles.heldout.labels: articles of IBM's held-out motions (never trained on);
- ibm-articles.passN.labels: each pass, for the agreement figures (printed).
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from ibm_article_sample import read_rows  # noqa: E402
from make_ud_overlays import decide, print_agreement, read_passes, write  # noqa: E402


def main(corpus, work, out):
    texts = {row: text for row, _, text in read_rows(corpus)}
    selection = []
    heldout = set()
    with open(os.path.join(work, "selection.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            selection.append(int(r["row"]))
            if r["heldout"] == "1":
                heldout.add(int(r["row"]))
    selection, passes, adjudicated = read_passes(work, selection)
    final, ties = decide(selection, passes, adjudicated)
    write(os.path.join(out, "ibm-articles.labels"), [r for r in selection if r not in heldout], final, texts)
    write(os.path.join(out, "ibm-articles.heldout.labels"), [r for r in selection if r in heldout], final, texts)
    for k in sorted(passes):
        write(os.path.join(out, f"ibm-articles.pass{k}.labels"), [r for r in selection if r in passes[k]], passes[k], texts)
    counts = {}
    for r in selection:
        counts[final[r]] = counts.get(final[r], 0) + 1
    print(f"{len(selection)} sentences ({len(heldout & set(selection))} held out); {len(ties)} undecided (no majority, not adjudicated); labels {counts}")
    print_agreement(selection, passes)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
