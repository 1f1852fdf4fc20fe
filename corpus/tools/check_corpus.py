#!/usr/bin/env python3
"""Validate corpus CSV files and print their statistics.

Usage: python3 corpus/tools/check_corpus.py corpus/labelled/part-a.csv [more.csv ...]
Checks: exact header, UTF-8 without BOM, valid labels and registers, no empty cells, no duplicate
texts (within and across the given files), each document's rows consecutive, one topic per document.
Exit code 1 when any check fails.
"""
import collections
import csv
import sys

HEADER = ["text", "label", "doc", "register", "topic"]
LABELS = ["claim", "evidence", "opinion", "other"]
REGISTERS = {"oped", "news", "comment"}


def main(paths):
    errors = []
    seen_text = {}
    seen_doc_file = {}
    for path in paths:
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            errors.append(f"{path}: has a BOM")
        rows = list(csv.reader(raw.decode("utf-8").splitlines(True)))
        if not rows or rows[0] != HEADER:
            errors.append(f"{path}: bad header {rows[:1]}")
            continue
        body = rows[1:]
        labels = collections.Counter()
        topics = collections.Counter()
        registers = collections.Counter()
        docs = collections.OrderedDict()
        doc_topic = {}
        closed = set()
        last_doc = None
        for i, row in enumerate(body, 2):
            if len(row) != 5:
                errors.append(f"{path}:{i}: {len(row)} cells")
                continue
            text, label, doc, register, topic = row
            if any(not c.strip() for c in row):
                errors.append(f"{path}:{i}: empty cell")
            if text != text.strip():
                errors.append(f"{path}:{i}: text has surrounding whitespace")
            if label not in LABELS:
                errors.append(f"{path}:{i}: bad label {label!r}")
            if register not in REGISTERS:
                errors.append(f"{path}:{i}: bad register {register!r}")
            if text in seen_text:
                errors.append(f"{path}:{i}: duplicate text (first at {seen_text[text]}): {text[:50]!r}")
            seen_text.setdefault(text, f"{path}:{i}")
            if doc != last_doc:
                if doc in closed:
                    errors.append(f"{path}:{i}: document {doc} not consecutive")
                if last_doc is not None:
                    closed.add(last_doc)
                last_doc = doc
            if doc in seen_doc_file and seen_doc_file[doc] != path:
                errors.append(f"{path}:{i}: document id {doc} also used in {seen_doc_file[doc]}")
            seen_doc_file.setdefault(doc, path)
            if doc_topic.setdefault(doc, topic) != topic:
                errors.append(f"{path}:{i}: document {doc} has two topics")
            labels[label] += 1
            topics[topic] += 1
            registers[register] += 1
            docs[doc] = docs.get(doc, 0) + 1
        n = len(body)
        print(f"== {path}: {n} rows, {len(docs)} documents")
        for lab in LABELS:
            print(f"  {lab:9s} {labels[lab]:5d}  {100 * labels[lab] / max(n, 1):5.1f}%")
        print("  registers: " + ", ".join(f"{k} {v}" for k, v in sorted(registers.items())))
        docs_per_topic = collections.Counter(doc_topic[d] for d in docs)
        print(f"  topics ({len(topics)}):")
        for t, c in sorted(topics.items()):
            print(f"    {t:28s} {c:4d} sentences, {docs_per_topic[t]:2d} docs")
        sizes = sorted(docs.values())
        print(f"  sentences per document: min {sizes[0]}, median {sizes[len(sizes) // 2]}, max {sizes[-1]}")
    for e in errors[:50]:
        print("ERROR", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
