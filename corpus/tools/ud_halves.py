#!/usr/bin/env python3
"""Split UD English EWT train into two halves by document, for the sentence splitter (issue 10 §1): half A to
tune the rules on, half B held out. UD EWT test is not in ../shared, and dev has been tuned on, so half B is the
held-out sentence figure. Written OUTSIDE the repository (the text is not ours to copy).

Usage: python3 corpus/tools/ud_halves.py ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu OUTDIR

A document (from one `# newdoc id = ...` line to the next) goes to half A when the SHA-256 of its id, as an
integer, is even, else to half B: 273 documents (6,942 sentences) in A, 267 (5,602) in B.
Writes OUTDIR/train-A.conllu and OUTDIR/train-B.conllu; then
    argminer evaluate-text --ud OUTDIR/train-B.conllu
"""
import hashlib
import os
import sys


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    src, outdir = argv[1], argv[2]
    docs, cur = [], []
    with open(src, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc") and cur:
                docs.append(cur)
                cur = []
            cur.append(line)
    if cur:
        docs.append(cur)
    os.makedirs(outdir, exist_ok=True)
    counts = [0, 0]
    with open(os.path.join(outdir, "train-A.conllu"), "w", encoding="utf-8") as a, \
            open(os.path.join(outdir, "train-B.conllu"), "w", encoding="utf-8") as b:
        for d in docs:
            ids = [line for line in d if line.startswith("# newdoc id")]
            key = ids[0].split("=", 1)[1].strip() if ids else "".join(d[:3])
            half = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2
            (a if half == 0 else b).writelines(d)
            counts[half] += 1
    print(f"{len(docs)} documents: {counts[0]} in half A, {counts[1]} in half B", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
