#!/usr/bin/env python3
"""Measure the numbers grammar's quantity recall and precision on the 200 held-out GMB news sentences of
corpus/external/gmb-quantities-heldout.tsv (conventions: corpus/external/gmb-quantities-heldout.md).

Usage: python3 corpus/tools/evaluate_quantities.py GMB_CSV GOLD ARGMINER_CMD...
  e.g. python3 corpus/tools/evaluate_quantities.py ../shared/corpora/gmb-ner/ner_dataset.csv \\
           corpus/external/gmb-quantities-heldout.tsv dotnet src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll

Steps:
1. Rebuilds the sentences with corpus/tools/numbers_heldout_sample.py's rule (held-out tenth, detokenize,
   a digit or number word, 200 in SHA-256 order) and refuses to go on unless they are exactly the gold
   file's rows and every row's check (first 8 hex of the SHA-256 of the sentence) agrees.
2. Writes them as JSON Lines ({"id": "gmb-N", "body": text}) to a temporary folder and runs
   `ARGMINER_CMD run SENTENCES.jsonl --out DIR --format csv`.
3. Reads DIR/numbers.csv. Claims of the kinds the gold conventions exclude (EXCLUDED_KINDS: ordinal) are
   left out and counted.
4. Matches a predicted claim to a gold quantity (one to one, the larger overlap first) when they are in the
   same sentence, their character spans overlap and the value agrees: values equal within 1e-6 relative,
   or low and high both equal. Recall = gold matched / gold, precision = predicted matched / predicted.
   A span-only match is a gold quantity left unmatched that overlaps an unmatched prediction (the span is
   found, the value differs).
5. Lists the misses and the false positives, grouped by the form of the quantity, with the sentence
   fragment around each.
"""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numbers_heldout_sample import check, select  # noqa: E402

EXCLUDED_KINDS = {"ordinal"}
NUMBER_WORD_RE = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|dozen|half|third|quarter)\b", re.IGNORECASE)
VAGUE_RE = re.compile(r"\b(dozens|hundreds|thousands|millions|several|a day or two)\b", re.IGNORECASE)


def num(s):
    return float(s) if s not in ("", None) else None


def agree(a, b):
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def values_agree(gold, pred):
    if gold["value"] is not None and agree(gold["value"], pred["value"]):
        return True
    return (gold["low"] is not None and gold["high"] is not None
            and agree(gold["low"], pred["low"]) and agree(gold["high"], pred["high"]))


def read_gold(path, sentences):
    gold = []
    rows = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["row", "check", "quantity", "value", "low", "high"]:
            raise SystemExit(f"{path}: unexpected header {header}")
        taken = {}
        for lineno, line in enumerate(f, 2):
            row, chk, quantity, value, low, high = line.rstrip("\n").split("\t")
            row = int(row)
            rows[row] = chk
            if not quantity:
                continue
            text = sentences.get(row)
            if text is None:
                raise SystemExit(f"{path}:{lineno}: row {row} is not one of the selected sentences")
            # the first occurrence not taken by an earlier line of the same row
            start = text.find(quantity)
            while start >= 0 and any(s < start + len(quantity) and start < e for s, e in taken.get(row, [])):
                start = text.find(quantity, start + 1)
            if start < 0:
                raise SystemExit(f"{path}:{lineno}: {quantity!r} is not in sentence {row}")
            taken.setdefault(row, []).append((start, start + len(quantity)))
            gold.append({"row": row, "start": start, "end": start + len(quantity), "text": quantity,
                         "value": num(value), "low": num(low), "high": num(high)})
    return gold, rows


def run_argminer(cmd, sentences):
    tmp = tempfile.mkdtemp(prefix="argminer-quantities-")
    jsonl = os.path.join(tmp, "sentences.jsonl")
    with open(jsonl, "w", encoding="utf-8") as f:
        for n, t in sentences.items():
            f.write(json.dumps({"id": f"gmb-{n}", "body": t}, ensure_ascii=False) + "\n")
    out = os.path.join(tmp, "out")
    full = cmd + ["run", jsonl, "--out", out, "--format", "csv"]
    print("running: " + " ".join(full), file=sys.stderr)
    subprocess.run(full, check=True, stdout=sys.stderr)
    preds, excluded = [], {}
    with open(os.path.join(out, "numbers.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["kind"] in EXCLUDED_KINDS:
                excluded[r["kind"]] = excluded.get(r["kind"], 0) + 1
                continue
            row = int(r["doc_id"].removeprefix("gmb-"))
            start, end = int(r["start"]), int(r["end"])
            if sentences[row][start:end] != r["text"]:
                raise SystemExit(f"numbers.csv: {r['text']!r} is not at {start}-{end} of sentence {row}")
            preds.append({"row": row, "start": start, "end": end, "text": r["text"], "kind": r["kind"],
                          "value": num(r["value"]), "low": num(r["low"]), "high": num(r["high"]),
                          "qualifier": r["qualifier"], "unit": r["unit"]})
    shutil.rmtree(tmp)
    return preds, excluded


def overlap(a, b):
    return a["row"] == b["row"] and a["start"] < b["end"] and b["start"] < a["end"]


def overlap_len(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def fragment(sentences, q, width=30):
    t = sentences[q["row"]]
    s, e = q["start"], q["end"]
    left = t[max(0, s - width):s]
    right = t[e:e + width]
    return f"{q['row']}: …{left}[{t[s:e]}]{right}…"


def show_value(q):
    if q["low"] is not None or q["high"] is not None:
        return f"{q['low']:g}..{q['high']:g}" if q["low"] is not None and q["high"] is not None else \
            f"{q['low']}..{q['high']}"
    return "–" if q["value"] is None else f"{q['value']:g}"


def gold_form(g):
    t = g["text"]
    if g["low"] is not None:
        return "vague magnitude" if VAGUE_RE.search(t) else "range or change"
    if re.search(r"\d+-[a-z]|[a-z]+-(year|day|hour|month|member|seat|nation|decade)", t, re.IGNORECASE):
        return "hyphenated adjective (24-hour, 15-member, 65-year-old)"
    if g["value"] is not None and 0 < g["value"] < 1:
        return "fraction"
    if re.search(r"\d", t):
        return "digits"
    if NUMBER_WORD_RE.search(t):
        return "number word"
    return "other"


def pred_form(p, sentences):
    t = p["text"]
    after = sentences[p["row"]][p["end"]:p["end"] + 12].lower()
    if re.match(r"-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", after, re.IGNORECASE):
        return "a tennis score GMB mangled into a date (06-Apr)"
    before = sentences[p["row"]][max(0, p["start"] - 8):p["start"]]
    if re.fullmatch(r"(1[89]|20)\d\d", t) or re.search(r"(1[89]|20)\d\d -? ?(to )?$", before):
        return "a year or the end of a span of years"
    if re.fullmatch(r"(1[89]|20)\d\d", t):
        return "a year"
    if re.fullmatch(r"one", t, re.IGNORECASE):
        return 'the word "one"' + (' ("one of")' if after.startswith(" of") else "")
    if re.search(r"[A-Za-z]\d|\d[A-Za-z]|-\d", t) and not re.search(r"\d-[a-z]", t):
        return "inside a name or code"
    return f"kind {p['kind']}"


def main(argv):
    if len(argv) < 4:
        raise SystemExit(__doc__)
    gmb, gold_path, cmd = argv[1], argv[2], argv[3:]
    # The gold file's rows say which set it labels (numbers_heldout_sample.py --set K): set 1 or set 2.
    with open(gold_path, encoding="utf-8") as f:
        gold_rows = {line.split("\t", 1)[0] for line in list(f)[1:]}
    chosen = next((c for c in (select(gmb, 200, k) for k in (1, 2)) if str(c[0][0]) in gold_rows), select(gmb, 200))
    sentences = dict(chosen)
    gold, rows = read_gold(gold_path, sentences)
    if set(rows) != set(sentences):
        raise SystemExit(f"{gold_path}: its rows are not the 200 selected sentences "
                         f"({len(set(rows) - set(sentences))} extra, {len(set(sentences) - set(rows))} missing)")
    bad = [r for r, c in rows.items() if check(sentences[r]) != c]
    if bad:
        raise SystemExit(f"{gold_path}: {len(bad)} sentences changed (check differs), e.g. row {bad[0]}")
    print(f"{len(sentences)} sentences rebuilt, checks agree; {len(gold)} gold quantities in "
          f"{len({g['row'] for g in gold})} sentences")

    preds, excluded = run_argminer(cmd, sentences)
    if excluded:
        print("left out (kinds the gold conventions exclude): "
              + ", ".join(f"{k} {v}" for k, v in sorted(excluded.items())))

    pairs = [(overlap_len(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)
             if overlap(g, p) and values_agree(g, p)]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    gold_hit, pred_hit = {}, {}
    for _, gi, pi in pairs:
        if gi not in gold_hit and pi not in pred_hit:
            gold_hit[gi], pred_hit[pi] = pi, gi
    span_only = {}
    for gi, g in enumerate(gold):
        if gi in gold_hit:
            continue
        for pi, p in enumerate(preds):
            if pi not in pred_hit and pi not in span_only.values() and overlap(g, p):
                span_only[gi] = pi
                break

    recall = len(gold_hit) / len(gold) if gold else 0.0
    precision = len(pred_hit) / len(preds) if preds else 0.0
    print(f"predicted claims: {len(preds)} (after leaving out excluded kinds)")
    print(f"recall    {recall:.3f}  ({len(gold_hit)}/{len(gold)} gold quantities matched)")
    print(f"precision {precision:.3f}  ({len(pred_hit)}/{len(preds)} predicted claims matched)")
    print(f"span-only {len(span_only)}  (span found, value wrong)")
    lenient = sum(1 for gi, pi in span_only.items() if gold[gi]["low"] is not None and preds[pi]["value"] is not None
                  and gold[gi]["low"] <= preds[pi]["value"] <= gold[gi]["high"])
    print(f"  of which a vague magnitude or range whose predicted single value lies inside the gold bounds: {lenient}")

    groups = {}
    for gi, g in enumerate(gold):
        if gi in gold_hit:
            continue
        if gi in span_only:
            p = preds[span_only[gi]]
            key = f"span found, value differs: {gold_form(g)}"
            line = f"{fragment(sentences, g)}  gold {show_value(g)}, predicted {p['text']!r} {p['kind']} {show_value(p)}"
        else:
            key = f"not found: {gold_form(g)}"
            line = f"{fragment(sentences, g)}  gold {show_value(g)}"
        groups.setdefault(key, []).append(line)
    print(f"\nMISSES ({len(gold) - len(gold_hit)})")
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        print(f"  {key} ({len(groups[key])})")
        for line in groups[key]:
            print(f"    {line}")

    groups = {}
    for pi, p in enumerate(preds):
        if pi in pred_hit:
            continue
        if pi in span_only.values():
            key = "value differs from the gold quantity there (the span-only matches above)"
        else:
            key = f"no gold quantity there: {pred_form(p, sentences)}"
        groups.setdefault(key, []).append(f"{fragment(sentences, p)}  {p['kind']} {show_value(p)}")
    print(f"\nFALSE POSITIVES ({len(preds) - len(pred_hit)})")
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        print(f"  {key} ({len(groups[key])})")
        for line in groups[key]:
            print(f"    {line}")


if __name__ == "__main__":
    main(sys.argv)
