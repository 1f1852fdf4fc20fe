#!/usr/bin/env python3
"""Select the held-out GMB news sentences (Voice of America) on which the numbers grammar is measured, and
write them OUTSIDE the repository (the sentences are not ours to copy).

Usage: python3 corpus/tools/numbers_heldout_sample.py ../shared/corpora/gmb-ner/ner_dataset.csv OUTDIR [COUNT]
       python3 corpus/tools/numbers_heldout_sample.py --set 2 ../shared/corpora/gmb-ner/ner_dataset.csv OUTDIR [COUNT]

Selection (deterministic, COUNT = 200 by default):
- only the sentences ArgMiner's entity model holds out: sentence number % 10 == 0, the number counting the
  "Sentence: N" rows from 1 (TaggingCorpora.ReadGmb's rule), so no shipped model was trained on them and the
  numbers grammar was never tuned on them;
- each sentence rebuilt from its tokens by detokenize() below;
- kept when it holds a digit or a number word (NUMBER_WORDS, whole words, any case);
- the first COUNT of those in ascending order of the SHA-256 of the sentence number written in decimal
  ("10", "20", ...); with --set K, the K-th block of COUNT in that order (set 2: the next COUNT after set 1's,
  so the two sets never share a sentence).

Writes OUTDIR/sentences.tsv (row = GMB sentence number, text; in hash order) and OUTDIR/sentences.jsonl
({"id": "gmb-N", "body": text}) for `argminer run`. corpus/tools/evaluate_quantities.py imports
read_sentences/select from here, so the evaluation rebuilds exactly these sentences.
"""

import csv
import hashlib
import json
import os
import re
import sys

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion dozen half percent").split()
NUMBER_RE = re.compile(r"[0-9]|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "n't"}
NO_SPACE_AFTER = {"(", "$"}


def detokenize(words):
    """Joins GMB tokens with single spaces, except: no space before , . ; : ? ! % ) n't or a token starting
    with an apostrophe ('s, 're, a lone '), and none after ( or $. Quotation marks keep their spaces."""
    out = []
    for i, w in enumerate(words):
        if i > 0 and not (w in NO_SPACE_BEFORE or w.startswith("'") or words[i - 1] in NO_SPACE_AFTER):
            out.append(" ")
        out.append(w)
    return "".join(out)


def read_sentences(path):
    """All sentences of the GMB CSV as (number, text), numbered from 1 as TaggingCorpora.ReadGmb does."""
    sentences = []
    words = []
    number = 0
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for cols in reader:
            if not cols:
                continue
            if len(cols) != 4:
                raise SystemExit(f"{path}: expected 4 columns, got {cols!r}")
            if cols[0]:
                if words:
                    sentences.append((number, detokenize(words)))
                words = []
                number += 1
                label = cols[0].removeprefix("Sentence: ").strip()
                if label.isdigit() and int(label) != number:
                    raise SystemExit(f"{path}: sentence {cols[0]!r} is the {number}th sentence")
            words.append(cols[1])
    if words:
        sentences.append((number, detokenize(words)))
    return sentences


def check(text):
    """First 8 hex digits of the SHA-256 of the text with runs of white space made one space."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def select(path, count=200, block=1):
    """The evaluation sentences of set BLOCK as (number, text), in ascending order of SHA-256 of the number."""
    candidates = [(n, t) for n, t in read_sentences(path) if n % 10 == 0 and NUMBER_RE.search(t)]
    candidates.sort(key=lambda nt: hashlib.sha256(str(nt[0]).encode("ascii")).hexdigest())
    return candidates[(block - 1) * count:block * count]


def main(argv):
    block = 1
    if len(argv) > 2 and argv[1] == "--set":
        block = int(argv[2])
        argv = [argv[0]] + argv[3:]
    if len(argv) not in (3, 4) or block < 1:
        raise SystemExit(__doc__)
    path, outdir = argv[1], argv[2]
    count = int(argv[3]) if len(argv) == 4 else 200
    chosen = select(path, count, block)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "sentences.tsv"), "w", encoding="utf-8") as f:
        f.write("row\ttext\n")
        for n, t in chosen:
            f.write(f"{n}\t{t}\n")
    with open(os.path.join(outdir, "sentences.jsonl"), "w", encoding="utf-8") as f:
        for n, t in chosen:
            f.write(json.dumps({"id": f"gmb-{n}", "body": t}, ensure_ascii=False) + "\n")
    held = sum(1 for n, _ in read_sentences(path) if n % 10 == 0)
    print(f"{len(chosen)} sentences written to {outdir} (of {held} held-out sentences)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
