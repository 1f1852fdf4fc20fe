#!/usr/bin/env python3
"""Builds corpus/external/wnut17-*.labels from the annotators' work folder (issue 9: real reader comments).

  make_wnut_overlays.py WORK [--disagreements FILE] [--outside-recipe CHUNK,...]

WORK holds what wnut_comment_sample.py wrote (WORK/dev/rows.tsv, WORK/test/rows.tsv and, when the training file's
sample is labelled too, WORK/train/rows.tsv) and the annotators' files WORK/labels/pass1-chunkK.tsv, pass2-chunkK.tsv
(`ID<TAB>label`, ID = dev:ROW, test:ROW or train:ROW) and, once the
disagreements are decided, WORK/labels/adjudicated*.tsv (`ID<TAB>label`). Prints agreement (raw and Cohen's kappa)
and the commonest splits; with --disagreements writes each disputed sentence in its post for the adjudicator
(outside the repository: it holds the corpus's text). Writes, per source file (dev = emerging.dev.conll, test =
emerging.test.annotated, train = wnut17train.conll): wnut17-SRC.labels (training posts), wnut17-SRC.heldout.labels
(held-out posts, never trained on; dev and test only: every labelled post of the training file trains the model, the
held-out set stays the dev and test files' held-out posts), wnut17-SRC.pass1.labels and .pass2.labels (the blind
passes). Only the training file's labelled sample has rows in its overlays. The training overlays carry the optional
section column: posts read as a comment thread (see comment_section). wnut17-SRC.heldout-comments.labels
hold the held-out posts again, every row read as a comment (the figure for `run`'s comment threads). With
--outside-recipe (chunk names such as t8,t9: the K of passP-chunkK.tsv) the training file's rows labelled in those chunks
go to wnut17-train.outside-recipe.labels instead of wnut17-train.labels: labelled and kept, but not trained on (samples
whose retraining did not meet its rule; models/sentence-classifier.md). The work folder is not kept.
"""
import collections
import glob
import os
import sys

LABELS = ("claim", "evidence", "opinion", "other")
SOURCES = ("dev", "test", "train")
HELD_OUT_SOURCES = ("dev", "test")


def read_rows(work):
    rows = {}
    for src in SOURCES:
        path = os.path.join(work, src, "rows.tsv")
        if src not in HELD_OUT_SOURCES and not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            row, doc, check, held, text = line.rstrip("\n").split("\t")
            rows[f"{src}:{row}"] = (src, int(row), doc, check, held == "1" and src in HELD_OUT_SOURCES, text)
    return rows


def read_pass(work, n, chunk_of=None):
    """One pass's labels; `chunk_of`, when given, receives each ID's chunk name (the K of passN-chunkK.tsv)."""
    labels = {}
    for path in sorted(glob.glob(os.path.join(work, "labels", f"pass{n}-chunk*.tsv"))):
        chunk = os.path.basename(path)[len(f"pass{n}-chunk"):-len(".tsv")]
        for k, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.strip()
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 2 or parts[1].strip().lower() not in LABELS:
                sys.exit(f"{path}:{k}: expected ID<TAB>label, got {line!r}")
            if parts[0] in labels:
                sys.exit(f"{path}:{k}: {parts[0]} labelled twice in pass {n}")
            labels[parts[0]] = parts[1].strip().lower()
            if chunk_of is not None:
                chunk_of[parts[0]] = chunk
    return labels


def kappa(a, b, ids):
    n = len(ids)
    agree = sum(a[i] == b[i] for i in ids) / n
    ca, cb = collections.Counter(a[i] for i in ids), collections.Counter(b[i] for i in ids)
    expected = sum(ca[l] * cb[l] for l in LABELS) / (n * n)
    return agree, (agree - expected) / (1 - expected)


def write(path, entries, sections=None):
    """Writes an overlay; with `sections` (row -> section name or "") it has the optional section column."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("row,label,check" + (",section" if sections is not None else "") + "\n")
        for row, label, check in sorted(entries):
            f.write(f"{row},{label},{check}" + (f",{sections[row]}" if sections is not None else "") + "\n")


def comment_section(doc):
    """The training posts read as a comment thread: every other post (even post numbers), the rest bare.

    `run` gives the sentences of an article's comment thread the section `comment`. With no real comment read
    that way the cue was learned from the project's written comments only and cost real comments about 0.03;
    with every dev and test post read that way UD dev lost 0.014 (models/sentence-classifier.md). Half of the
    posts each way teaches the cue from real comments and keeps bare informal text. The training file's Twitter
    sample was tried both ways too (every post, or every other post) and half of it did better on UD dev."""
    return "comment" if int(doc.rsplit("-", 1)[1]) % 2 == 0 else ""


def main():
    work = sys.argv[1]
    rows = read_rows(work)
    chunk_of = {}
    p1, p2 = read_pass(work, 1, chunk_of), read_pass(work, 2)
    outside_chunks = set()
    if "--outside-recipe" in sys.argv:
        outside_chunks = set(sys.argv[sys.argv.index("--outside-recipe") + 1].split(","))
    outside = {i for i, c in chunk_of.items() if c in outside_chunks and i.startswith("train:")}
    # The training file is sampled: only its rows that either pass labelled count; dev and test are labelled whole.
    rows = {i: r for i, r in rows.items() if r[0] in HELD_OUT_SOURCES or i in p1 or i in p2}
    missing = [i for i in rows if i not in p1 or i not in p2]
    unknown = [i for i in list(p1) + list(p2) if i not in rows]
    if unknown:
        sys.exit(f"labels for unknown rows: {unknown[:5]}")
    both = [i for i in rows if i in p1 and i in p2]
    agree, k = kappa(p1, p2, both)
    print(f"rows {len(rows)}, labelled by both passes {len(both)}, missing {len(missing)}")
    print(f"agreement {agree:.3f}, Cohen's kappa {k:.3f}")
    splits = collections.Counter(tuple(sorted((p1[i], p2[i]))) for i in both if p1[i] != p2[i])
    for (a, b), n in splits.most_common():
        print(f"  {a} vs {b}: {n}")
    disputed = [i for i in both if p1[i] != p2[i]]
    if "--disagreements" in sys.argv:
        out = sys.argv[sys.argv.index("--disagreements") + 1]
        by_doc = collections.defaultdict(list)
        for i, r in rows.items():
            by_doc[(r[0], r[2])].append((r[1], i))
        with open(out, "w", encoding="utf-8") as f:
            for i in disputed:
                src, row, doc, _, _, text = rows[i]
                f.write(f"\n## {i}  (pass A: {p1[i]}, pass B: {p2[i]})\n")
                for _, j in sorted(by_doc[(src, doc)]):
                    f.write(("> " if j == i else "  ") + rows[j][5] + "\n")
        print(f"wrote {len(disputed)} disagreements to {out}")
    adjudicated = {}
    for path in sorted(glob.glob(os.path.join(work, "labels", "adjudicated*.tsv"))):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                i, label = line.strip().split("\t")
                adjudicated[i] = label.strip().lower()
    final, took = {}, collections.Counter()
    for i in both:
        if p1[i] == p2[i]:
            final[i] = p1[i]
        elif i in adjudicated:
            final[i] = adjudicated[i]
            took["pass 1" if adjudicated[i] == p1[i] else "pass 2" if adjudicated[i] == p2[i] else "neither"] += 1
    print(f"adjudicated {sum(took.values())} of {len(disputed)}: {dict(took)}")
    print("final labels:", dict(collections.Counter(final.values())))
    out = os.path.join(os.path.dirname(__file__), "..", "external")
    for src in SOURCES:
        ids = [i for i in rows if rows[i][0] == src]
        if not ids:
            continue
        src_both = [i for i in ids if i in p1 and i in p2]
        if src_both:
            src_agree, src_kappa = kappa(p1, p2, src_both)
            print(f"{src}: agreement {src_agree:.3f}, kappa {src_kappa:.3f} over {len(src_both)}")
        sections = {rows[i][1]: comment_section(rows[i][2]) for i in ids}
        write(os.path.join(out, f"wnut17-{src}.labels"),
              [(rows[i][1], final[i], rows[i][3]) for i in ids if i in final and not rows[i][4] and i not in outside], sections)
        kept_out = [(rows[i][1], final[i], rows[i][3]) for i in ids if i in final and i in outside]
        if kept_out:
            write(os.path.join(out, f"wnut17-{src}.outside-recipe.labels"), kept_out, sections)
            print(f"{src}: {len(kept_out)} labelled rows outside the recipe", dict(collections.Counter(l for _, l, _ in kept_out)))
        if src in HELD_OUT_SOURCES:
            held_out = [(rows[i][1], final[i], rows[i][3]) for i in ids if i in final and rows[i][4]]
            write(os.path.join(out, f"wnut17-{src}.heldout.labels"), held_out)
            # The same held-out posts read as a comment thread, as `run` reads the comments after an article.
            write(os.path.join(out, f"wnut17-{src}.heldout-comments.labels"), held_out, {row: "comment" for row, _, _ in held_out})
        write(os.path.join(out, f"wnut17-{src}.pass1.labels"), [(rows[i][1], p1[i], rows[i][3]) for i in ids if i in p1])
        write(os.path.join(out, f"wnut17-{src}.pass2.labels"), [(rows[i][1], p2[i], rows[i][3]) for i in ids if i in p2])
        held = [i for i in ids if i in final and rows[i][4]]
        print(f"{src}: train {sum(1 for i in ids if i in final and not rows[i][4] and i not in outside)}, held out {len(held)}",
              dict(collections.Counter(final[i] for i in held)))


if __name__ == "__main__":
    main()
