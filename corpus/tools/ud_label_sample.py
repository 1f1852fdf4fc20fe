#!/usr/bin/env python3
"""Select the UD English EWT train sentences the project labels by its guidelines, and split them into
labelling chunks (kept OUTSIDE the repository: the sentences are not ours to copy).

Usage: python3 corpus/tools/ud_label_sample.py ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu OUTDIR [CHUNKS]
       python3 corpus/tools/ud_label_sample.py --round2 CONLLU OUTDIR [CHUNKS]
       python3 corpus/tools/ud_label_sample.py --round3 CONLLU OUTDIR [CHUNKS]
       python3 corpus/tools/ud_label_sample.py --round4 CONLLU OUTDIR [CHUNKS]
       python3 corpus/tools/ud_label_sample.py --round5 CONLLU OUTDIR [CHUNKS]
       python3 corpus/tools/ud_label_sample.py --all en_ewt-ud-dev.conllu OUTDIR [CHUNKS]

Selection (deterministic):
- every weblog and newsgroup document (the blog and forum prose the model had not seen);
- reviews, answers and email (reader-comment-like prose): whole documents in ascending order of the
  SHA-256 of their doc id, until at least PER_GENRE sentences of that genre are taken.

Rows are the sentence's 1-based position in the CoNLL-U file: the `row` of an overlay
(`--data FILE.conllu#labels=corpus/external/ud-ewt-train.labels`).
Round 2 (reader-comment prose, where round 1 had too little opinion): the next reviews and answers
documents in the same hash order, skipping round 1's, until ROUND2 sentences of each are taken; its held-out
documents are chosen among its own documents by the same rule, so round 1's split never changes. Round 2
writes chunk-K.tsv numbered after round 1's and selection2.tsv. Round 3 (more reader-comment prose, so the
per-genre figures of reviews and answers rest on more than a few hundred held-out sentences) takes the next
documents after rounds 1 and 2 the same way (ROUNDS[3] sentences of each genre), numbers its chunks from 8
and writes selection3.tsv. Round 4 takes every reviews and answers document still left (chunks from 14,
selection4.tsv), so every review and answer of UD EWT train is labelled. Round 5 takes every e-mail document still
left (chunks from 24, selection5.tsv): after it every sentence of UD EWT train is labelled.
--all takes every document of the file and marks it held out (for UD EWT dev: an evaluation set of every genre
that no model trains on; its own work folder, chunks from 0, selection.tsv).
Writes OUTDIR/chunk-K.tsv (row, doc, genre, text), documents kept whole, genres spread across chunks,
and OUTDIR/selection.tsv (row, doc, genre, heldout) where heldout marks the documents kept out of
training for evaluation: per genre, whole documents in ascending order of the SHA-256 of their doc id
until at least a quarter of that genre's selected sentences are held out.
"""
import hashlib
import os
import sys

PER_GENRE = 260
ROUNDS = {2: {"reviews": 1000, "answers": 600}, 3: {"reviews": 700, "answers": 500}, 4: {"reviews": 100000, "answers": 100000},
          5: {"email": 100000}}
# Each round numbers its chunk files after the previous rounds' (round 1 and 2 wrote four each, round 3 six).
FIRST_CHUNK = {2: 4, 3: 8, 4: 14, 5: 24}
FULL_GENRES = ("weblog", "newsgroup")
SAMPLED_GENRES = ("reviews", "answers", "email")


def read_sentences(path):
    """Yields (row, doc, text) for every sentence of a CoNLL-U file."""
    row = 0
    doc = None
    text = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = line[len("# newdoc id = "):].strip()
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line == "":
                if text is not None:
                    row += 1
                    yield row, doc, text
                text = None
    if text is not None:
        yield row + 1, doc, text


def digest(doc):
    return hashlib.sha256(doc.encode("utf-8")).hexdigest()


def main(conllu, outdir, chunks=4, round_no=1, every=False):
    docs = {}
    order = []
    for row, doc, text in read_sentences(conllu):
        if doc not in docs:
            docs[doc] = []
            order.append(doc)
        docs[doc].append((row, text))

    def genre(doc):
        return doc.split("-")[0]

    chosen = [d for d in order if genre(d) in FULL_GENRES]
    for g in SAMPLED_GENRES:
        taken = 0
        for d in sorted((d for d in order if genre(d) == g), key=digest):
            if taken >= PER_GENRE:
                break
            chosen.append(d)
            taken += len(docs[d])
    first_chunk = 0
    suffix = ""
    for r in range(2, round_no + 1):
        done = done | set(chosen) if r > 2 else set(chosen)
        chosen = []
        for g, wanted in ROUNDS[r].items():
            taken = 0
            for d in sorted((d for d in order if genre(d) == g and d not in done), key=digest):
                if taken >= wanted:
                    break
                chosen.append(d)
                taken += len(docs[d])
    if round_no > 1:
        first_chunk = FIRST_CHUNK[round_no]
        suffix = str(round_no)
    if every:
        chosen = list(order)
    chosen.sort(key=lambda d: docs[d][0][0])

    os.makedirs(outdir, exist_ok=True)
    # Spread documents over chunks greedily by size (largest first), so chunks are balanced and mixed.
    sizes = [0] * chunks
    assignment = {}
    for d in sorted(chosen, key=lambda d: (-len(docs[d]), docs[d][0][0])):
        k = min(range(chunks), key=lambda i: (sizes[i], i))
        assignment[d] = k
        sizes[k] += len(docs[d])
    heldout = set(chosen) if every else set()
    for g in () if every else FULL_GENRES + SAMPLED_GENRES:
        of_genre = [d for d in chosen if genre(d) == g]
        total = sum(len(docs[d]) for d in of_genre)
        held = 0
        for d in sorted(of_genre, key=digest):
            if held * 4 >= total:
                break
            heldout.add(d)
            held += len(docs[d])
    files = [open(os.path.join(outdir, f"chunk-{first_chunk + k}.tsv"), "w", encoding="utf-8") for k in range(chunks)]
    with open(os.path.join(outdir, f"selection{suffix}.tsv"), "w", encoding="utf-8") as sel:
        sel.write("row\tdoc\tgenre\theldout\n")
        for f in files:
            f.write("row\tdoc\tgenre\ttext\n")
        for d in chosen:
            held = d in heldout
            for row, text in docs[d]:
                files[assignment[d]].write(f"{row}\t{d}\t{genre(d)}\t{text}\n")
                sel.write(f"{row}\t{d}\t{genre(d)}\t{int(held)}\n")
    for f in files:
        f.close()
    print("chunks:", sizes, "total:", sum(sizes))


if __name__ == "__main__":
    args = sys.argv[1:]
    every = args[:1] == ["--all"]
    args = args[1:] if every else args
    round_no = int(args[0][len("--round"):]) if args[:1] and args[0].startswith("--round") else 1
    args = args[1:] if round_no > 1 else args
    if len(args) < 2 or round_no not in (1, *ROUNDS):
        sys.exit(__doc__)
    main(args[0], args[1], int(args[2]) if len(args) > 2 else 4, round_no, every)
