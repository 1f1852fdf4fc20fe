#!/usr/bin/env python3
"""Where do the reader comments start? `run --comments` measured on IBM articles with real comment text appended.

Usage: python3 corpus/tools/comment_start_eval.py [--shared DIR] [--half tuning|heldout|both] [--mode auto|blank-lines]
                                                   [--keep DIR] [ARGMINER...]

Plain-text articles often end with reader comments, and `run` decides where they begin (CommentDetection.cs).
This script builds test documents in a temporary folder (the corpora's text never enters the repository): each IBM
Wikipedia article (ibm-ce-emnlp-2015/articles; none has comments) once with 1 to 6 comment blocks appended, and one
article in three a second time with no comments but its last paragraphs cut into short one-sentence paragraphs (the
false-positive risk). The comment text is real: WNUT-17 posts (CoNLL tokens, detokenised by wnut_comment_sample.py's
frozen rule) and UD EWT reviews, answers and newsgroup documents (`# text =` lines, one treebank paragraph a
paragraph). The blocks take the forms sites export: after one, two or four blank lines; with or without a "Comments",
"N comments", "Reader comments" or "Comments (N)" line; with or without a "username wrote:", "Posted by X at 10:42"
or "X said:" line over each block; one sentence, a whole post, or several paragraphs.

The halves: an article is held out when the first byte of SHA-256("comments:" + file name) is 128 or more; tuning
documents take WNUT train and dev posts and UD EWT train documents, held-out documents WNUT test posts and UD EWT dev
documents. Tune on the tuning half only. Every choice is drawn from a random generator seeded by the article's name,
so the documents are the same on every run.

Printed per half: documents whose comment start `run` found exactly (the first comment sentence starts at the first
comment line, or at the comments heading; no comment sentence when there are none), in all and by each trait of the
form (blank lines before the comments, heading or not, writers' lines or not, comment length); comment-vs-article
precision and recall over sentences (a comments heading is scored as neither); and the sentences `run` takes for
comments in the unmodified IBM articles and in corpus/articles (the seeds' 29 are real comments).
"""
import collections
import csv
import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # the import below must leave no .pyc in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wnut_comment_sample as wnut  # noqa: E402  (the frozen detokeniser)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMENT_GENRES = ("reviews", "answers", "newsgroup")
HEADINGS = [None, None, None, None, "Comments", "{n} comments", "Reader comments", "Comments ({n})", "{n} Comments"]
USER_LINES = [None, None, None, "{u} wrote:", "Posted by {u} at {t}", "{u} said:"]
SEPARATORS = ["\n\n", "\n\n\n", "\n\n\n\n\n"]
# Made-up user names and times for the header lines (written for this script, not read from a corpus).
USERS = ["harbourwatcher", "J. Miller", "anon_1987", "Sarah K", "oldtimer", "mike.t", "Concerned Reader", "dave_b", "Priya", "northsider"]
TIMES = ["10:42", "9:15 AM", "11:03 pm", "22:17", "7:58 AM"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])")


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def held_out(name):
    return hashlib.sha256(("comments:" + name).encode("utf-8")).digest()[0] >= 128


def wnut_posts(path):
    """Each post's text: its sentences (the frozen cut) joined by one space; posts of fewer than 4 words are left out."""
    out = []
    for tokens in wnut.posts(path):
        text = " ".join(wnut.detokenize(run) for run in wnut.sentences(wnut.unescape(tokens)))
        if wnut.has_letter(text) and len(text.split()) >= 4:
            out.append([[text]])
    return out


def ud_documents(path):
    """Comment-like UD EWT documents as paragraphs of sentences (reviews, answers, newsgroup)."""
    docs, doc, genre, para, text = [], None, None, None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = []
                genre = line[len("# newdoc id = "):].split("-")[0]
                if genre in COMMENT_GENRES:
                    docs.append(doc)
                para = None
            elif line.startswith("# newpar"):
                para = None
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line == "" and text is not None and doc is not None:
                if para is None:
                    para = []
                    doc.append(para)
                para.append(text)
                text = None
    return [d for d in docs if d and wnut.has_letter(" ".join(d[0]))]


def paragraphs(article):
    return [p.strip() for p in article.split("\n\n") if p.strip()]


def comment_text(rng, source):
    """One comment's paragraphs: a single sentence, the first paragraph, or up to three paragraphs (long)."""
    shape = rng.choice(["single", "post", "post", "long"])
    if shape == "single":
        first = source[0][0]
        return [SENTENCE_END.split(first)[0]], shape
    if shape == "post":
        return [" ".join(source[0])], shape
    return [" ".join(p[:4]) for p in source[:3]], "long" if len(source) > 1 else "post"


def build(name, article, pool, rng):
    """(text, gold comment start in UTF-16 units or None, heading span or None, form) for one article with comments."""
    n = rng.randint(1, 6)
    sep = rng.choice(SEPARATORS)
    heading = rng.choice(HEADINGS)
    user = rng.choice(USER_LINES)
    between = rng.choice(["\n\n", "\n\n", "\n"])
    body = article.rstrip() + sep
    heading_span = None
    if heading:
        line = heading.format(n=n)
        heading_span = (utf16_len(body), utf16_len(body + line))
        body += line + "\n" + rng.choice(["", "\n"])
    start = utf16_len(body)
    shapes = set()
    for k in range(n):
        paras, shape = comment_text(rng, rng.choice(pool))
        shapes.add(shape)
        block = ""
        if user:
            block += user.format(u=rng.choice(USERS), t=rng.choice(TIMES)) + "\n"
        block += "\n".join(paras) if between == "\n" else "\n\n".join(paras)
        if between == "\n" and len(paras) > 1:
            between = "\n\n"  # a multi-paragraph comment needs blank lines between blocks
        body += ("" if k == 0 else between) + block
    shape = "long" if "long" in shapes else "single" if shapes == {"single"} else "post"
    form = (f"{sep.count(chr(10)) - 1} blank lines", "heading" if heading else "no heading", "user lines" if user else "no user lines",
            f"{shape} comments")
    return body + "\n", start, heading_span, form


def build_short_ending(article, rng):
    """The article with its last one or two paragraphs cut into one-sentence paragraphs: no comments."""
    paras = paragraphs(article)
    cut = rng.choice([1, 2])
    head, tail = paras[:-cut], paras[-cut:]
    shorts = [s for p in tail for s in SENTENCE_END.split(p) if s.strip()]
    sep = rng.choice(["\n\n", "\n\n\n"])
    return "\n\n".join(head) + sep + sep.join(shorts) + "\n"


def run_sections(command, folder, out, mode):
    subprocess.run(command + ["run", folder, "--out", out, "--format", "csv", "--comments", mode],
                   check=True, stdout=subprocess.DEVNULL)
    result = collections.defaultdict(list)
    with open(os.path.join(out, "sentences.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            result[r["doc_id"]].append((int(r["start"]), int(r["end"]), r["section"]))
    return result


def score(docs, predicted):
    """docs: key -> (gold start or None, heading span or None, form). Prints exact-start and sentence figures."""
    exact, total = collections.Counter(), collections.Counter()
    tp = fp = fn = 0
    for key, (gold, heading, form) in docs.items():
        sentences = predicted.get(key, [])
        comments = [s for s, _, sec in sentences if sec == "comment"]
        first = min(comments) if comments else None
        ok = first is None if gold is None else first is not None and (first == gold or (heading and first == heading[0]))
        groups = ["all without"] if gold is None else ["all with comments"] + list(form)
        for group in groups:
            total[group] += 1
            exact[group] += bool(ok)
        for s, e, sec in sentences:
            if heading and s >= heading[0] and e <= heading[1]:
                continue
            is_gold = gold is not None and s >= gold
            is_pred = sec == "comment"
            tp += is_gold and is_pred
            fp += is_pred and not is_gold
            fn += is_gold and not is_pred
    for group in ["all with comments", "all without"] + sorted(g for g in total if not g.startswith("all")):
        if group not in total:
            continue
        print(f"    {group:28} exact start {exact[group]:4} / {total[group]:4}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"    sentences: comment precision {precision:.3f} ({tp}/{tp + fp}), recall {recall:.3f} ({tp}/{tp + fn})")


def main(argv):
    args = argv[1:]
    shared = os.environ.get("ARGMINER_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
    half, mode, keep = "both", "auto", None
    while args and args[0] in ("--shared", "--half", "--mode", "--keep"):
        if len(args) < 2:
            raise SystemExit(f"{args[0]} needs a value")
        option, value = args[0], args[1]
        if option == "--shared":
            shared = value
        elif option == "--half":
            half = value
        elif option == "--mode":
            mode = value
        else:
            keep = value
        args = args[2:]
    command = args or ["dotnet", os.path.join(ROOT, "src", "ArgMiner.Cli", "bin", "Release", "net10.0", "argminer.dll")]
    corpora = os.path.join(shared, "corpora")
    w = os.path.join(corpora, "wnut17")
    ud = os.path.join(corpora, "ud-english-ewt")
    pools = {
        "tuning": wnut_posts(os.path.join(w, "wnut17train.conll")) + wnut_posts(os.path.join(w, "emerging.dev.conll"))
        + ud_documents(os.path.join(ud, "en_ewt-ud-train.conllu")),
        "heldout": wnut_posts(os.path.join(w, "emerging.test.annotated")) + ud_documents(os.path.join(ud, "en_ewt-ud-dev.conllu")),
    }
    ibm = os.path.join(corpora, "ibm-ce-emnlp-2015", "articles")
    names = sorted(os.listdir(ibm))
    halves = ["tuning", "heldout"] if half == "both" else [half]
    with tempfile.TemporaryDirectory() as work:
        work = keep or work
        for h in halves:
            folder = os.path.join(work, h)
            os.makedirs(folder, exist_ok=True)
            docs = {}
            for name in names:
                if held_out(name) != (h == "heldout"):
                    continue
                with open(os.path.join(ibm, name), encoding="utf-8") as f:
                    article = f.read()
                if len(paragraphs(article)) < 3:
                    continue
                rng = random.Random("comments:" + name)
                stem = name[:-4]
                text, start, heading, form = build(name, article, pools[h], rng)
                with open(os.path.join(folder, stem + ".c.txt"), "w", encoding="utf-8", newline="") as f:
                    f.write(text)
                docs[stem + ".c"] = (start, heading, form)
                if rng.random() < 1 / 3:
                    with open(os.path.join(folder, stem + ".s.txt"), "w", encoding="utf-8", newline="") as f:
                        f.write(build_short_ending(article, rng))
                    docs[stem + ".s"] = (None, None, ())
            predicted = run_sections(command, folder, os.path.join(work, h + "-out"), mode)
            print(f"{h} half ({len(docs)} documents, --comments {mode})")
            score(docs, predicted)
        for label, folder, out in (("unmodified IBM articles", ibm, "ibm-out"),
                                   ("corpus/articles", os.path.join(ROOT, "corpus", "articles"), "seeds-out")):
            predicted = run_sections(command, folder, os.path.join(work, out), mode)
            n = sum(1 for ss in predicted.values() for _, _, sec in ss if sec == "comment")
            print(f"{label}: {n} sentences taken for comments (--comments {mode})")


if __name__ == "__main__":
    main(sys.argv)
