#!/usr/bin/env python3
"""Select IBM Debater (CE-EMNLP-2015) article sentences for the project to label by its guidelines, and split
them into labelling chunks (kept OUTSIDE the repository: the sentences are Wikipedia's, not ours to copy).

Usage: python3 corpus/tools/ibm_article_sample.py ../shared/corpora/ibm-ce-emnlp-2015 OUTDIR [CHUNKS]

Rows: the corpus's articles listed in articles.txt, in ascending article id, are cut into paragraphs (lines)
and sentences by the FROZEN rule below, which ArgMiner.Training's IbmArticles reader repeats exactly; a
sentence's row is its 1-based position in that sequence (the `row` of corpus/external/ibm-articles*.labels,
read as `--data ../shared/corpora/ibm-ce-emnlp-2015/articles#labels=FILE`). Changing the rule renumbers the
rows; the overlays' checks then refuse the old labels instead of mislabelling.

Selection (deterministic): articles of the 39 "train and test" motions only and of the 19 held-out motions
only (no article belongs to both), each in ascending order of the SHA-256 of "ibm-article-ID"; from each,
its first FIRST sentences (the lead and what follows: whole paragraphs of context), until TRAIN and HELDOUT
sentences are taken. Held-out articles are never trained on (their motions are IBM's held-out ones too).
Writes OUTDIR/chunk-K.tsv (row, doc, genre, text) and OUTDIR/selection.tsv (row, doc, genre, heldout).
"""
import csv
import hashlib
import os
import re
import sys

FIRST = 36
TRAIN = 800
HELDOUT = 400
# Abbreviations after which a point does not end a sentence (compared in lower case, without the point).
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "no", "inc",
    "ltd", "co", "gen", "col", "lt", "sgt", "rev", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "approx",
    "cf", "al", "fig", "vol", "ca", "c", "pp", "ed", "eds", "u.n", "d.c", "ph.d",
}
CLOSERS = "\"')]\u201d\u2019"
OPENERS = "\"'([\u201c\u2018"
REF = re.compile(r"\s*\[REF\]")


def sentences(paragraph):
    """The frozen sentence rule: [REF] marks dropped, then a cut after . ! or ? (and closing quotes or brackets)
    followed by white space and an ASCII capital or digit (optionally after an opening quote or bracket), unless
    the word before a point is a single capital letter (an initial) or a listed abbreviation."""
    s = REF.sub("", paragraph).strip()
    out = []
    start = 0
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch in ".!?":
            j = i + 1
            while j < n and s[j] in CLOSERS:
                j += 1
            if j < n and s[j].isspace():
                k = j
                while k < n and s[k].isspace():
                    k += 1
                m = k + 1 if k < n and s[k] in OPENERS else k
                if m < n and ("A" <= s[m] <= "Z" or "0" <= s[m] <= "9"):
                    w = i
                    while w > start and not s[w - 1].isspace():
                        w -= 1
                    word = s[w:i]
                    initial = len(word) == 1 and "A" <= word <= "Z"
                    if not (ch == "." and (initial or word.lower() in ABBREVIATIONS)):
                        out.append(s[start:j])
                        start = k
                        i = k
                        continue
        i += 1
    if start < n:
        out.append(s[start:])
    return [x for x in out if any(c.isalpha() for c in x)]


def article_ids(folder):
    """Ids of the articles listed in articles.txt, ascending, with whether their motions are held out."""
    held = {}
    with open(os.path.join(folder, "motions.txt"), encoding="utf-8") as f:
        for r in list(csv.reader(f, delimiter="\t"))[1:]:
            held[r[1].strip()] = "held-out" in r[2]
    ids = {}
    with open(os.path.join(folder, "articles.txt"), encoding="utf-8") as f:
        for r in list(csv.reader(f, delimiter="\t"))[1:]:
            ids.setdefault(int(r[2]), set()).add(held[r[0].strip()])
    return {i: v for i, v in sorted(ids.items())}


def read_rows(folder):
    """Yields (row, article id, text) for every sentence of the listed articles, in row order."""
    row = 0
    for aid in article_ids(folder):
        with open(os.path.join(folder, "articles", f"clean_{aid}.txt"), encoding="utf-8") as f:
            for line in f.read().split("\n"):
                for sentence in sentences(line):
                    row += 1
                    yield row, aid, sentence


def main(folder, outdir, chunks=6):
    ids = article_ids(folder)
    by_article = {}
    for row, aid, text in read_rows(folder):
        by_article.setdefault(aid, []).append((row, text))
    digest = lambda aid: hashlib.sha256(f"ibm-article-{aid}".encode("utf-8")).hexdigest()
    chosen = []
    heldout = set()
    for held, wanted in ((False, TRAIN), (True, HELDOUT)):
        taken = 0
        for aid in sorted((a for a, v in ids.items() if v == {held} and a in by_article), key=digest):
            if taken >= wanted:
                break
            chosen.append(aid)
            taken += len(by_article[aid][:FIRST])
            if held:
                heldout.add(aid)
    os.makedirs(outdir, exist_ok=True)
    sizes = [0] * chunks
    assignment = {}
    for aid in sorted(chosen, key=lambda a: (-len(by_article[a][:FIRST]), a)):
        k = min(range(chunks), key=lambda c: (sizes[c], c))
        assignment[aid] = k
        sizes[k] += len(by_article[aid][:FIRST])
    files = [open(os.path.join(outdir, f"chunk-{k}.tsv"), "w", encoding="utf-8") for k in range(chunks)]
    with open(os.path.join(outdir, "selection.tsv"), "w", encoding="utf-8") as sel:
        sel.write("row\tdoc\tgenre\theldout\n")
        for f in files:
            f.write("row\tdoc\tgenre\ttext\n")
        for aid in sorted(chosen):
            for row, text in by_article[aid][:FIRST]:
                files[assignment[aid]].write(f"{row}\tibm-article-{aid}\twikipedia\t{text}\n")
                sel.write(f"{row}\tibm-article-{aid}\twikipedia\t{int(aid in heldout)}\n")
    for f in files:
        f.close()
    print("chunks:", sizes, "total:", sum(sizes), "held out:", sum(len(by_article[a][:FIRST]) for a in heldout))


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    main(args[0], args[1], int(args[2]) if len(args) > 2 else 6)
