#!/usr/bin/env python3
"""PDFs set as newspapers set text: how many words of `run`'s text a PDF's hyphenation leaves wrong, and how many
paragraphs come out exactly as written.

Usage: python3 corpus/tools/pdf_hyphenation_eval.py [--shared DIR] [--set written|heldout] [--columns 1|2] [--chromium]
                                                      [ARGMINER...]

Needs LibreOffice Writer with English hyphenation patterns (`apt-get install libreoffice-writer-nogui hyphen-en-us`).
Builds, in a temporary folder (the treebank's text never enters the repository), one Word document per UD EWT document
(its `# newpar` paragraphs, sentences joined by a space), set justified in a narrow column with automatic hyphenation on,
as newspapers and reports are set; LibreOffice prints each to PDF; `argminer run` reads the PDFs; each document's text is
compared with its source, word by word (white-space words, edge punctuation trimmed, as multisets): printed are the
words of the output that are not in the source (in all, and with a hyphen in them) and the source's words the output lacks;
and paragraph by paragraph: the source's paragraphs found exactly as paragraphs of the output. `--columns 2` sets the
text in two columns of 9-point type with a 0.3 cm gutter instead of one 11-point column 11 cm wide. `--chromium` writes
the first 25 documents of the set as web pages (one `<p>` a paragraph) and prints them with Chromium's headless
`--print-to-pdf` (its date, title, address and page-count margins included; `apt-get install chromium`) instead.

Sets: `written` (the 50 weblog and newsgroup documents of UD EWT dev, then train, of at least 1,500 characters: the
documents the PDF reader's broken-word rules were written on) and `heldout` (the first 60 e-mail, answers and review
documents of UD EWT train of at least 1,000 characters, not looked at when the rules were written).
"""
import collections
import html
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>')
PACKAGE_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOCUMENT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>')
SETTINGS = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W}"><w:autoHyphenation/><w:consecutiveHyphenLimit w:val="0"/></w:settings>'


def documents(path, genres):
    docs, doc, par = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = {"id": line[len("# newdoc id = "):], "pars": []}
                docs.append(doc)
                par = None
            elif line.startswith("# newpar") and doc is not None:
                par = []
                doc["pars"].append(par)
            elif line.startswith("# text = ") and doc is not None:
                if par is None:
                    par = []
                    doc["pars"].append(par)
                par.append(line[len("# text = "):])
    return [(d["id"], [" ".join(p) for p in d["pars"] if p]) for d in docs if d["id"].startswith(genres)]


def write_docx(path, paragraphs, columns):
    size, margins, cols = (("18", 'w:right="1000" w:bottom="1440" w:left="1000"', '<w:cols w:num="2" w:space="170"/>') if columns == 2
                           else ("22", 'w:right="4200" w:bottom="1440" w:left="1440"', ""))
    body = "".join(f'<w:p><w:pPr><w:jc w:val="both"/><w:spacing w:after="200"/></w:pPr><w:r><w:rPr><w:lang w:val="en-US"/><w:sz w:val="{size}"/></w:rPr>'
                   f'<w:t xml:space="preserve">{html.escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}'
                f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" {margins}/>{cols}</w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/settings.xml", SETTINGS)


def words(text):
    return collections.Counter(w.strip(".,;:!?\"()[]'“”‘’") for w in text.split())


def main(argv):
    shared, which, columns, chromium, argminer = os.path.join(ROOT, "..", "shared"), "heldout", 1, False, None
    args = argv[1:]
    while args and args[0].startswith("--"):
        if args[0] == "--shared":
            shared, args = args[1], args[2:]
        elif args[0] == "--set":
            which, args = args[1], args[2:]
        elif args[0] == "--columns":
            columns, args = int(args[1]), args[2:]
        elif args[0] == "--chromium":
            chromium, args = True, args[1:]
        else:
            raise SystemExit(__doc__)
    argminer = args or ["dotnet", os.path.join(ROOT, "src/ArgMiner.Cli/bin/Release/net10.0/argminer.dll")]
    ud = os.path.join(shared, "corpora", "ud-english-ewt")
    if which == "written":
        chosen = [d for f in ("en_ewt-ud-dev.conllu", "en_ewt-ud-train.conllu")
                  for d in documents(os.path.join(ud, f), ("weblog", "newsgroup")) if sum(map(len, d[1])) >= 1500][:50]
    else:
        chosen = [d for d in documents(os.path.join(ud, "en_ewt-ud-train.conllu"), ("email", "answers", "reviews"))
                  if sum(map(len, d[1])) >= 1000][:60]
    with tempfile.TemporaryDirectory() as work:
        docx, pdf, out = (os.path.join(work, x) for x in ("docx", "pdf", "out"))
        os.makedirs(docx)
        gold = {}
        chosen = chosen[:25] if chromium else chosen
        os.makedirs(pdf)
        for doc_id, paragraphs in chosen:
            name = doc_id.replace("/", "_")
            gold[name] = "\n\n".join(paragraphs)
            if chromium:
                page = os.path.join(docx, name + ".html")
                with open(page, "w", encoding="utf-8") as f:
                    f.write(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(name)}</title></head><body>'
                            + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</body></html>")
                subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={os.path.join(pdf, name + '.pdf')}",
                                "file://" + page], check=True, capture_output=True, timeout=120)
            else:
                write_docx(os.path.join(docx, name + ".docx"), paragraphs, columns)
        if not chromium:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", pdf]
                           + sorted(os.path.join(docx, f) for f in os.listdir(docx)), check=True, capture_output=True)
        subprocess.run(argminer + ["run", pdf, "--out", out, "--format", "jsonl"], check=True, capture_output=True)
        extra, missing = collections.Counter(), collections.Counter()
        exact = total = 0
        with open(os.path.join(out, "documents.jsonl"), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                g, o = words(gold[d["id"]]), words(d["text"])
                extra.update(o - g)
                missing.update(g - o)
                found = set(d["text"].split("\n\n"))
                source = gold[d["id"]].split("\n\n")
                exact += sum(p in found for p in source)
                total += len(source)
    layout = "Chromium" if chromium else f"{columns} column(s)"
    print(f"{which} set, {layout}, {len(chosen)} documents: paragraphs exact {exact} of {total}; words of the output not in the source {sum(extra.values())} "
          f"(with a hyphen {sum(c for w, c in extra.items() if '-' in w)}); source words missing {sum(missing.values())}")


if __name__ == "__main__":
    main(sys.argv)
