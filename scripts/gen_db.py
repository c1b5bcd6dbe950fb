#!/usr/bin/env python3
"""Generate a large synthetic claims database (default: 1,000,000 claims over 50,000 articles).

Rows are made with the project's models (claims.models) and written with the project's store
code (``store.write_article``, one article per transaction, then ``store.ensure_db_shape`` for
indexes, full-text search and views), streaming article by article: memory stays flat.
Texts are built sentence by sentence, so every claim's and source's offsets point at its words
in the article text. Claims 12 and 13 of every 14 in an article are relayed by the claim before them
(claims.parent; chains of depth 1 and 2) when both are attributed. Seeded, so the same arguments give
the same database.

    .venv/bin/python scripts/gen_db.py bench/out/db1m/claims.db --articles 50000 --claims 1000000
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.models import Article, Claim, Region, SourceMention  # noqa: E402
from claims import store  # noqa: E402

OUTLETS = ["Axios", "Reuters", "Associated Press", "The New York Times", "The Washington Post", "Politico",
           "The Times of Israel", "Haaretz", "Al-Monitor", "BBC News", "The Guardian", "CNN", "NPR", "Bloomberg",
           "The Wall Street Journal", "Financial Times", "Agence France-Presse", "Al Jazeera", "The Hill",
           "Foreign Policy", "Yahoo News", "NBC News", "CBS News", "ABC News", "The Atlantic", "Vox",
           "Jerusalem Post", "Ynet", "Kan News", "Der Spiegel"]
FIRST = ("Ana Ben Carla David Elena Farid Grace Hannah Ivan Julia Karim Lena Marco Nadia Omar Priya Rafael Sara "
         "Tomas Uma Victor Wen Yara Zoe Amir Dana Eitan Noa Lior Reza Maryam Kenji Aiko Pedro Lucia Femi Chloe "
         "Ned Jake Antony Naftali Yair Benny Josep Hussein Ebrahim Wendy Robert Linda").split()
LAST = ("Adler Barrett Castillo Dorfman Estrada Fischer Gallo Haddad Ishikawa Jansen Kovacs Lindqvist Moreau Novak "
        "Okafor Petrov Quinn Rahimi Sato Tanaka Ueda Varga Weiss Xu Yilmaz Zamora Brandt Cohen Levi Mizrahi Navarro "
        "Ortega Park Rossi Silva Tehrani Walsh Price Sullivan Blinken Bennett Lapid Gantz Borrell Sherman Malley "
        "Raisi Grossi Kirby Psaki").split()
ROLES = ["spokesperson", "spokesman", "foreign minister", "national security adviser", "ambassador", "official",
         "diplomat", "analyst", "defense minister", "senator", "envoy", "adviser"]
AFFIL = ["Israeli", "U.S.", "Iranian", "European", "Saudi", "Emirati", "Egyptian", "Qatari", "French", "German",
         "British", "Russian", "Chinese"]
BASIS = ["familiar with the talks", "briefed on the meeting", "involved in the negotiations",
         "with knowledge of the matter", "close to the prime minister"]
CUES = [("said", "neutral", "public"), ("told me", "neutral", "told_this_outlet"),
        ("told Axios", "neutral", "told_this_outlet"), ("told Reuters", "neutral", "told_other_outlet"),
        ("said in a statement", "neutral", "statement"), ("according to", "neutral", "unknown"),
        ("claimed", "distancing", "public"), ("denied", "denial", "public"), ("stressed", "endorsing", "public"),
        ("tweeted", "neutral", "social_post"), ("noted", "neutral", "public"), ("warned", "neutral", "public"),
        ("declined to comment", "refusal", "unknown"), ("suggested", "hedged", "public")]
VOCAB = ("talks nuclear deal sanctions Iran Israel Washington Tehran Vienna agreement administration government "
         "security officials meeting enrichment uranium inspectors diplomacy ceasefire Gaza hostages negotiations "
         "proposal pressure strategy region allies coalition parliament election budget economy inflation oil "
         "prices energy military strike missile drone defense intelligence report week month year plan program "
         "policy minister president envoy delegation summit framework compliance breakout timeline concessions "
         "guarantees relief frozen assets embassy visit call conference working group border humanitarian aid "
         "convoy reconstruction trade tariffs markets investors bank currency reform court ruling protest "
         "opposition vote bill senate congress cabinet ministry agency watchdog atomic centrifuges facility").split()
KINDS = [("direct", 30), ("indirect", 30), ("mixed", 8), ("according_to", 10), ("declined", 2), ("reporter", 20)]


def weighted(rng: random.Random, pairs):
    vals, weights = zip(*pairs)
    return rng.choices(vals, weights=weights)[0]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(VOCAB) for _ in range(n)]
    return " ".join(words).capitalize()


def make_source(rng: random.Random):
    """(text, fields) of a source mention."""
    r = rng.random()
    if r < 0.45:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        role = rng.choice(ROLES)
        text = f"{rng.choice(AFFIL)} {role} {first} {last}"
        return text, dict(source_type="spokesperson" if "spokes" in role else "official", anonymity="named",
                          name=f"{first} {last}", role=role, count=1)
    if r < 0.65:
        aff, role = rng.choice(AFFIL), rng.choice(["official", "officials", "diplomat", "diplomats"])
        n = rng.choice(["a senior", "two senior", "an", "three", "a"]) if not role.endswith("s") else rng.choice(["two senior", "three", "several"])
        text = f"{n} {aff} {role}".replace("an I", "an I")
        return text, dict(source_type="official", anonymity="described", affiliation=aff, role=role.rstrip("s"),
                          count=2 if role.endswith("s") else 1, seniority="senior" if "senior" in n else None)
    if r < 0.8:
        basis = rng.choice(BASIS)
        text = f"{rng.choice(['a source', 'two sources', 'people', 'a person'])} {basis}"
        return text, dict(source_type="unknown", anonymity="vague", knowledge_basis=basis)
    if r < 0.9:
        text = f"the {rng.choice(AFFIL)} {rng.choice(['Foreign Ministry', 'prime minister’s office', 'State Department', 'embassy'])}"
        return text, dict(source_type="organization", anonymity="identifiable")
    text = rng.choice(["a spokesperson", "an expert", "a report", "analysts"])
    return text, dict(source_type=rng.choice(["spokesperson", "expert", "document", "expert"]), anonymity="bare")


def make_article(rng: random.Random, n: int, n_claims: int, run_id: int, now: str):
    aid = f"synth_{n:06d}"
    outlet = rng.choice(OUTLETS)
    published = (date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))).isoformat()
    title = sentence(rng, rng.randint(6, 10))
    parts: list[str] = [f"{published} - World", "", title, ""]
    pos = sum(len(p) + 1 for p in parts)  # text = "\n".join(parts)
    regions: list[Region] = []
    sources: list[SourceMention] = []
    claims: list[Claim] = []
    for k in range(n_claims):
        kind = weighted(rng, KINDS)
        content = sentence(rng, rng.randint(8, 22))
        para_start = pos
        if kind == "reporter":
            line = content + "."
            c = Claim(id=f"{aid}-{k:04d}", article=aid, content=content, start=pos, end=pos + len(content), kind=kind,
                      paragraph=len(regions), sentence=k, rule="reporter", run=run_id)
        else:
            src_text, fields = make_source(rng)
            cue, stance, channel = rng.choice(CUES)
            if kind == "according_to":
                cue, stance, channel = "according to", "neutral", "unknown"
            if cue == "according to":
                line = f"{content}, according to {src_text}."
                c_start, s_start, cue_start = pos, pos + len(content) + 15, pos + len(content) + 2
            elif kind in ("direct", "mixed"):
                line = f"“{content},” {src_text} {cue}."
                c_start = pos + 1
                s_start = pos + len(content) + 4
                cue_start = s_start + len(src_text) + 1
            else:
                line = f"{src_text[:1].upper()}{src_text[1:]} {cue} that {content.lower()}."
                content = content.lower()
                s_start, cue_start = pos, pos + len(src_text) + 1
                c_start = cue_start + len(cue) + 6
            sid = f"{aid}:s{s_start}"
            sources.append(SourceMention(id=sid, article=aid, text=src_text[:1].upper() + src_text[1:] if s_start == pos else src_text,
                                         start=s_start, end=s_start + len(src_text), **fields))
            c = Claim(id=f"{aid}-{k:04d}", article=aid, content=content, start=c_start, end=c_start + len(content),
                      kind=kind, cue=cue, cue_start=cue_start, source=sources[-1].text, source_id=sid,
                      source_name=fields.get("name"), source_type=fields["source_type"], anonymity=fields["anonymity"],
                      stance=stance, polarity="negative" if stance == "denial" else "positive", channel=channel,
                      recipient="me" if cue == "told me" else None, paragraph=len(regions), sentence=k,
                      rule=f"synthetic_{kind}", run=run_id)
        regions.append(Region(id=f"{aid}:r{len(regions)}", article=aid, role="body", start=para_start,
                              end=para_start + len(line), text=line, reason="synthetic"))
        # nested attribution (relay chains), without drawing from rng (the rest of the data stays the same):
        # claims 12 and 13 of every 14 are relayed by the claim before them (13 then has depth 2)
        if k % 14 in (12, 13) and c.kind != "reporter" and claims and claims[-1].kind != "reporter":
            c.parent = claims[-1].id
        claims.append(c)
        parts += [line, ""]
        pos += len(line) + 2
    text = "\n".join(parts)
    for c in claims:  # offsets must point at the words
        assert text[c.start:c.end] == c.content, (c.id, text[c.start:c.end], c.content)
    words = len(text.split())
    art = Article(id=aid, path=f"synthetic/{aid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), title=title,
                  outlet=outlet, published=published, byline=f"{rng.choice(FIRST)} {rng.choice(LAST)}", text=text,
                  words=words, ingested_at=now, run=run_id)
    return art, regions, sources, claims


def generate(path: Path, n_articles: int, n_claims: int, seed: int = 11, progress: bool = True) -> dict:
    from claims.ingest import now_iso

    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    db = store.open_db(path)
    db.execute("pragma journal_mode = wal")
    db.execute("pragma synchronous = off")  # a throw-away benchmark database: no fsync per article
    store.ensure_tables(db)
    for t in ("claims", "sources", "regions"):  # write_article looks rows up by article: index it first
        db[t].create_index(["article"], if_not_exists=True)
    run_id = store.start_run(db, model="synthetic", config={"seed": seed, "generator": "scripts/gen_db.py"},
                             started=now_iso())
    now = now_iso()
    base, extra = divmod(n_claims, n_articles)
    total = 0
    for n in range(n_articles):
        k = base + (1 if n < extra else 0)
        art, regions, sources, claims = make_article(rng, n, k, run_id, now)
        total += store.write_article(db, art, regions, sources, claims)
        if progress and (n + 1) % 5000 == 0:
            print(f"  {n + 1} articles, {total} claims, {time.perf_counter() - t0:.0f} s", flush=True)
    t_rows = time.perf_counter() - t0
    t_shape = time.perf_counter()
    store.ensure_db_shape(db)  # indexes, full-text search, views, summary tables
    t_shape = time.perf_counter() - t_shape
    store.finish_run(db, run_id, ended=now_iso(), articles=n_articles, unchanged=0, claims=total, skipped=0, inputs=[])
    db.execute("pragma wal_checkpoint(truncate)")
    db.disable_wal()  # served immutable (-i): nothing may stay in a WAL
    db.execute("analyze")
    db.close()
    secs = time.perf_counter() - t0
    return {"articles": n_articles, "claims": total, "seconds_rows": round(t_rows, 1),
            "seconds_shape": round(t_shape, 1), "seconds_total": round(secs, 1), "bytes": path.stat().st_size}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path, nargs="?", default=ROOT / "bench" / "out" / "db1m" / "claims.db")  # named claims.db: metadata.yml applies
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args(argv)
    res = generate(a.db, a.articles, a.claims, a.seed)
    import json

    res["mb"] = round(res["bytes"] / 2**20, 1)
    print(json.dumps(res))
    (a.db.parent / (a.db.stem + ".gen.json")).write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
