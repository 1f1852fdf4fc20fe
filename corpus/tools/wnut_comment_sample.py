#!/usr/bin/env python3
"""WNUT-17 comment sentences for labelling by the guidelines (issue 9: real reader-comment prose).

Reads the WNUT-17 Emerging Entities files (CoNLL: a token and a BIO tag a line, a blank line between posts),
rebuilds each post's text from its tokens and cuts it into sentences by a FROZEN rule, written twice,
identically, here and in ArgMiner.Training's `ConllPosts` (the C# reader of `--data FILE#labels=...`).
A change to either must keep both cutting the same rows, or the overlays' checks refuse the old labels.

Rows are numbered from 1 in file order over every sentence of every post; a sentence without a letter is
not a row. The overlay's check is the first 8 hex digits of the SHA-256 of the sentence with runs of white
space made one space (corpus/external/README.md).

  wnut_comment_sample.py FILE.conll OUT_DIR   writes OUT_DIR/rows.tsv (row, doc, check, held-out flag, text)

The text goes to OUT_DIR (outside the repository): the corpus's sentences are never copied into the project.
A post is held out (never trained on) when the first byte of SHA-256("wnut17:" + doc) is below 77 (30 %).
"""
import hashlib
import os
import re
import sys

GLUE_LEFT = {",", ".", "!", "?", ";", ":", ")", "]", "}", "%", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}
GLUE_RIGHT = {"(", "[", "{", "$"}
CONTRACTIONS = {"s", "t", "ve", "ll", "re", "d", "m"}
FINAL = re.compile(r"^[.!?]+$")
CLOSERS = {'"', ")", "]", "'", "\u201d", "\u2019"}
ENTITIES = {("&", "gt", ";"): ">", ("&", "lt", ";"): "<", ("&", "amp", ";"): "&"}


def posts(path):
    tokens = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield tokens
                    tokens = []
                continue
            tokens.append(line.split("\t")[0])
    if tokens:
        yield tokens


def unescape(tokens):
    out = []
    i = 0
    while i < len(tokens):
        three = tuple(tokens[i:i + 3])
        if three in ENTITIES:
            out.append(ENTITIES[three])
            i += 3
        else:
            out.append(tokens[i])
            i += 1
    return out


def sentences(tokens):
    """Token runs of one post: a cut after a run of final-mark tokens and the closers that follow it."""
    runs, start, i, n = [], 0, 0, len(tokens)
    while i < n:
        if FINAL.match(tokens[i]):
            j = i + 1
            while j < n and FINAL.match(tokens[j]):
                j += 1
            while j < n and tokens[j] in CLOSERS:
                j += 1
            if j < n:
                runs.append(tokens[start:j])
                start = j
            i = j
            continue
        i += 1
    if start < n:
        runs.append(tokens[start:])
    return runs


def detokenize(tokens):
    text = ""
    quote_open = False
    glue_next = False
    i = 0
    while i < len(tokens):
        t = tokens[i]
        # "ca n ' t": the "n" of a negation's "n't" joins the word before it.
        if t == "n" and text and text[-1].isalpha() and tokens[i + 1:i + 3] in (["'", "t"], ["\u2019", "t"], ["\u00b4", "t"]):
            text += "n"
            i += 1
            continue
        # "It ' s", "don ' t": an apostrophe token between a word and a contraction's tail joins both.
        if t in ("'", "\u2019", "\u00b4") and text and text[-1].isalnum() and i + 1 < len(tokens) and tokens[i + 1].lower() in CONTRACTIONS:
            text += t + tokens[i + 1]
            i += 2
            glue_next = False
            continue
        if t == '"':
            if quote_open:
                text += '"'
                quote_open = False
            else:
                text += ('' if not text or glue_next else ' ') + '"'
                quote_open = True
                glue_next = True
                i += 1
                continue
        elif not text or glue_next or t in GLUE_LEFT or FINAL.match(t) and text[-1] in ".!?":
            text += t
        else:
            text += " " + t
        glue_next = t in GLUE_RIGHT
        i += 1
    return text


URL_OR_HANDLE = re.compile(r"(https?:\S*|www\.\S*|@\s?\S+)")
TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def has_letter(s):
    """A row needs two letters in a row outside URLs and @handles: a bare link or emoji is not a sentence."""
    return TWO_LETTERS.search(URL_OR_HANDLE.sub(" ", s)) is not None


def check(s):
    return hashlib.sha256(" ".join(s.split()).encode("utf-8")).hexdigest()[:8]


def rows(path):
    name = os.path.basename(path)
    row = 0
    for p, tokens in enumerate(posts(path), 1):
        doc = f"wnut17-{name}-{p}"
        for run in sentences(unescape(tokens)):
            s = detokenize(run)
            if has_letter(s):
                row += 1
                yield row, doc, s


def held_out(doc):
    return hashlib.sha256(("wnut17:" + doc).encode("utf-8")).digest()[0] < 77


def main():
    path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "rows.tsv"), "w", encoding="utf-8") as f:
        for row, doc, s in rows(path):
            f.write(f"{row}\t{doc}\t{check(s)}\t{int(held_out(doc))}\t{s}\n")


if __name__ == "__main__":
    main()
