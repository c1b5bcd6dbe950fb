#!/usr/bin/env python3
"""Check that the table-driven attribute ruler and lemmatizer (claims/fast_components.py) give the stock
components' output on a folder of texts, token for token, and time both.

    .venv/bin/python scripts/check_fast_components.py --texts corpora/polnear/data/train/text [--articles N]

Every paragraph of every text goes through the model as it ships and through the model with the two
components swapped (entity recognizer left out, as the build runs it); tag, part of speech, morphology,
lemma, dependency and head must agree for every token. Then the two components alone are timed (CPU
seconds) on the first 4,000 paragraphs, each pipeline on its own copy of the parsed Docs. Exit 1 on any
difference.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    import spacy

    from claims.fast_components import token_rows, use_table_components
    from claims.segment import MODEL

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", required=True, type=Path, help="a folder of .txt articles")
    ap.add_argument("--articles", type=int, default=0, help="only the first N files by name (0: all)")
    a = ap.parse_args()
    files = sorted(a.texts.glob("*.txt"))[: a.articles or None]
    paragraphs = [p for f in files for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    stock, table = spacy.load(MODEL), use_table_components(spacy.load(MODEL))
    tokens = differ = 0
    for i in range(0, len(paragraphs), 500):
        chunk = paragraphs[i:i + 500]
        for x, y in zip(stock.pipe(chunk, disable=["ner"]), table.pipe(chunk, disable=["ner"])):
            tokens += len(x)
            for s, u, rs, ru in zip(x, y, token_rows(x), token_rows(y)):
                if rs != ru:
                    differ += 1
                    if differ <= 10:
                        print("differs:", repr(s.text), rs, ru)
    print(f"{len(files)} articles, {len(paragraphs)} paragraphs, {tokens} tokens, {differ} differ")
    for nlp in (stock, table):
        docs = [nlp.make_doc(p) for p in paragraphs[:4000]]
        for name, proc in nlp.pipeline:
            if name == "ner":
                continue
            t = time.process_time()
            docs = list(proc.pipe(docs))
            if name in ("attribute_ruler", "lemmatizer"):
                print(f"{type(proc).__name__}: {time.process_time() - t:.3f} CPU s")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
