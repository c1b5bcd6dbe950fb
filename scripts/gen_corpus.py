#!/usr/bin/env python3
"""Generate a reproducible benchmark corpus of news-like articles from the seeds and test fixtures.

Every body paragraph of the source articles (seeds/*.txt and any tests/fixtures/**/*.txt) is
read through the project's own ingest, grouped into *blocks* (a paragraph with the bullets under
it), then blocks are shuffled across articles. Each generated article gets its own person names
(the PERSON entities of the sources, mapped to names drawn from pools), numbers, weekdays and
dates, so no article repeats another verbatim. Output files use the seeds' layout: a dateline
header ("Sep 22, 2021 - World"), a blank line, the title, a blank line, then body paragraphs
separated by blank lines, bullets indented with "  • ".

    .venv/bin/python scripts/gen_corpus.py bench/out/corpus --articles 500 --seed 7
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = ("Ana Ben Carla David Elena Farid Grace Hannah Ivan Julia Karim Lena Marco Nadia Omar Priya Rafael Sara "
         "Tomas Uma Victor Wen Yara Zoe Amir Dana Eitan Noa Lior Reza Maryam Kenji Aiko Pedro Lucia Femi Chloe").split()
LAST = ("Adler Barrett Castillo Dorfman Estrada Fischer Gallo Haddad Ishikawa Jansen Kovacs Lindqvist Moreau Novak "
        "Okafor Petrov Quinn Rahimi Sato Tanaka Ueda Varga Weiss Xu Yilmaz Zamora Brandt Cohen Levi Mizrahi Navarro "
        "Ortega Park Rossi Silva Tehrani Walsh").split()
SECTIONS = ["World", "Politics", "Economy", "Security", "Diplomacy"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
RE_NUM = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w])")
RE_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
RE_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")


def source_files() -> list[Path]:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    fx = ROOT / "tests" / "fixtures"
    if fx.is_dir():
        files += sorted(p for p in fx.rglob("*.txt") if p.is_file())
    return files


def blocks_of(path: Path) -> tuple[list[list[tuple[str, str]]], list[str]]:
    """Blocks of (role, text) body paragraphs, and the title, of one source article."""
    from claims.ingest import read_file

    try:
        ing = read_file(path)
    except Exception:
        return [], []
    blocks: list[list[tuple[str, str]]] = []
    titles = [ing.article.title] if ing.article.title else []
    for r in ing.body_regions():
        text = " ".join(r.text.split())
        if r.role == "title":
            continue
        if r.role == "bullet":
            text = re.sub(r"^[•·*-]\s*", "", text)
            if blocks:
                blocks[-1].append(("bullet", text))
                continue
        if len(text.split()) < 6:
            continue
        blocks.append([("body", text)])
    return blocks, titles


def person_names(texts: list[str]) -> list[str]:
    """Multi-word PERSON names found by the project's spaCy model in the source texts."""
    from claims.segment import load_nlp

    nlp = load_nlp()
    names: set[str] = set()
    for doc in nlp.pipe(texts, batch_size=16):
        for ent in doc.ents:
            words = ent.text.split()
            if ent.label_ == "PERSON" and 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
                names.add(ent.text)
    return sorted(names, key=lambda n: (-len(n), n))


class Varier:
    """Per-article substitutions: person names, numbers, weekdays, months."""

    def __init__(self, rng: random.Random, names: list[str]):
        self.rng = rng
        self.map: dict[str, str] = {}
        for n in names:
            new_first, new_last = rng.choice(FIRST), rng.choice(LAST)
            self.map[n] = f"{new_first} {new_last}"
            last = n.split()[-1]
            self.map.setdefault(last, new_last)
        keys = sorted(self.map, key=len, reverse=True)
        self.re_name = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b") if keys else None

    def _num(self, m: re.Match) -> str:
        s = m.group(0)
        digits = re.sub(r"\D", "", s)
        if len(digits) == 4 and s.isdigit() and s.startswith(("19", "20")):  # a year: stay plausible
            return str(self.rng.randint(2005, 2025))
        if s.isdigit():
            lo = 10 ** (len(s) - 1) if len(s) > 1 else 1
            return str(self.rng.randint(lo, 10 ** len(s) - 1))
        return s[:-1] + str(self.rng.randint(0, 9))

    def __call__(self, text: str) -> str:
        if self.re_name is not None:
            text = self.re_name.sub(lambda m: self.map[m.group(0)], text)
        text = RE_NUM.sub(self._num, text)
        text = RE_WEEKDAY.sub(lambda m: self.rng.choice(WEEKDAYS), text)
        text = RE_MONTH.sub(lambda m: self.rng.choice(MONTHS), text)
        return text


def generate(out: Path, n_articles: int, seed: int, min_blocks: int = 6, max_blocks: int = 14) -> list[Path]:
    rng = random.Random(seed)
    pool: list[list[tuple[str, str]]] = []
    titles: list[str] = []
    for p in source_files():
        b, t = blocks_of(p)
        pool += b
        titles += t
    if not pool:
        raise SystemExit("no source paragraphs found (seeds/ empty?)")
    names = person_names([t for blk in pool for _, t in blk] + titles)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    seen: set[str] = set()
    paths: list[Path] = []
    deck: list[int] = []
    start = date(2019, 1, 1)
    i = 0
    while len(paths) < n_articles:
        vary = Varier(rng, names)
        k = rng.randint(min_blocks, min(max_blocks, len(pool)))
        chosen = []
        for _ in range(k):  # deal blocks from a reshuffled deck so every block is used evenly
            if not deck:
                deck = list(range(len(pool)))
                rng.shuffle(deck)
            chosen.append(pool[deck.pop()])
        day = start + timedelta(days=rng.randint(0, 6 * 365))
        header = f"{day.strftime('%b')} {day.day}, {day.year} - {rng.choice(SECTIONS)}"
        title = vary(rng.choice(titles)) if titles else vary(chosen[0][0][1][:80])
        lines = [header, "", title, ""]
        for blk in chosen:  # a paragraph, its bullets on the lines right under it, then a blank line
            for role, text in blk:
                lines.append(("  • " if role == "bullet" else "") + vary(text))
            lines.append("")
        text = "\n".join(lines).rstrip() + "\n"
        digest = hashlib.sha256(text.encode()).hexdigest()
        i += 1
        if digest in seen:  # never a verbatim repeat
            continue
        seen.add(digest)
        path = out / f"bench_{len(paths):05d}_{digest[:12]}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, nargs="?", default=ROOT / "bench" / "out" / "corpus")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    paths = generate(a.out, a.articles, a.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
