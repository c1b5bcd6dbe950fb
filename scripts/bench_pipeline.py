#!/usr/bin/env python3
"""Benchmark the build pipeline against spaCy parsing alone, in one run.

    make bench                       # or:
    .venv/bin/python scripts/bench_pipeline.py [--articles 500] [--workers 2] [--profile]
    .venv/bin/python scripts/bench_pipeline.py --texts FOLDER [--articles 300] [--repeat 3]   # real news: a folder of texts

Steps (all in this process tree, on the corpus from scripts/gen_corpus.py, generated if missing, or with
--texts on the first --articles files of a folder of real articles, in name order):
1. seed score: the seeds built with 1 worker and with N workers score the same against
   eval/seeds.gold.jsonl (exit 1 if not); the full-parse score (prefilter off) is printed alongside;
2. parser alone: ``nlp.pipe`` over the body text of every article with the model as it ships
   (``spacy.load``: every component, none of the project's own), batch_size 16;
3. build, 1 worker: ``claims.pipeline.build_atomic`` (what ``claims build`` runs) from the files to a fresh database;
   with --repeat K, steps 2 and 3 run K times, alternating (parse, build, parse, build ...), and the ratio
   reported is the median of the K ratios, each build against the parse run just before it (on a shared
   machine the time of one run moves by 10% or more; each pair sees about the same load);
4. build, N workers: the same with ``workers=N``; its database must equal the 1-worker one;
5. the prefilter: the share of body words it sends through the full pipeline (every article), the
   share of tokens the entity recognizer reads, and the agreement of the attributed claims with
   a full parse, whole rows but for the sentence number (first --profile-articles articles);
6. with --profile: CPU time by stage of a 1-worker build of the first --profile-articles articles.

Peak RSS is the largest sum of RSS over this process and all its children (psutil), sampled
every 50 ms. Results go to stdout and bench/out/bench_pipeline.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import psutil  # noqa: E402


class TreeRSS:
    """Samples the RSS of this process and all its descendants; peak per phase."""

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak = 0
        self.phase_peak: dict[str, int] = {}
        self.phase = "start"
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def sample() -> int:
        me = psutil.Process(os.getpid())
        total = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self):
        while not self._stop.is_set():
            rss = self.sample()
            self.peak = max(self.peak, rss)
            self.phase_peak[self.phase] = max(self.phase_peak.get(self.phase, 0), rss)
            self._stop.wait(self.interval)

    def start(self):
        self._t.start()
        return self

    def stop(self):
        self._stop.set()
        self._t.join()


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: robust to other load on the machine."""
    t = psutil.Process(os.getpid()).cpu_times()
    return t.user + t.system + t.children_user + t.children_system


def mb(n: int) -> float:
    return round(n / 2**20, 1)


def seed_scores(workers: int, tmp: Path) -> dict:
    from claims import evaluate as ev
    from claims import export as ex
    from claims.parallel import comparable_rows
    from claims.pipeline import build, extract_stage, read_stage, write_stage, iter_items, BuildReport
    from claims.store import ensure_db_shape, open_db, start_run

    gold = ev.load_jsonl(ROOT / "eval" / "seeds.gold.jsonl")
    seeds = ROOT / "seeds"
    out = {}
    rows = {}
    for name, w in (("1 worker", 1), (f"{workers} workers", workers)):
        db = open_db(tmp / f"seeds_w{w}.db")
        build(db, [seeds], workers=w)
        res = ev.score(gold, list(ex.claim_rows(db)))
        out[name] = {"precision": round(res.precision, 4), "recall": round(res.recall, 4), "f1": round(res.f1, 4),
                     "score": round(res.score, 4)}
        rows[name] = comparable_rows(db)
        db.close()
    # the same seeds with the prefilter off (every unit through the full pipeline), for comparison
    db = open_db(tmp / "seeds_full.db")
    run_id = start_run(db, model="full", config={}, started="")
    rep = BuildReport(run=run_id)
    pairs = read_stage(db, iter_items([seeds]), rep, run_id, max_bytes=10 * 2**20, force=True, inputs_meta=[])
    write_stage(db, extract_stage(pairs, prefilter=False), rep, run_id)
    ensure_db_shape(db)
    res = ev.score(gold, list(ex.claim_rows(db)))
    out["prefilter off"] = {"precision": round(res.precision, 4), "recall": round(res.recall, 4),
                            "f1": round(res.f1, 4), "score": round(res.score, 4)}
    out["workers_equal"] = rows["1 worker"] == rows[f"{workers} workers"]
    return out


def body_texts(files: list[Path]):
    from claims.ingest import read_file

    texts, words = [], 0
    for f in files:
        ing = read_file(f)
        texts.append("\n\n".join(r.text for r in ing.body_regions()))
        words += ing.article.words
    return texts, words


def prefilter_share(files: list[Path], sample: int = 100) -> dict:
    """How much of the body text the prefilter sends through the full spaCy pipeline (all files:
    units and words in candidate pieces), how many tokens the entity recognizer reads, and how far
    the prefiltered extraction agrees with the full parse (attributed claims, first ``sample``
    files; the full parse costs one more parse of each)."""
    from claims.attribution import entity_windows, find_claims
    from claims.ingest import read_file
    from claims.pipeline import extract
    from claims.segment import pair_quotes, parse_units, plan_unit, recognise_entities, units_for

    units = full = w_all = w_full = 0
    for f in files:
        ing = read_file(f)
        regions = ing.body_regions()
        quotes, _ = pair_quotes(ing.article.text, regions)
        for u in units_for(ing.article.text, regions, quotes):
            units += 1
            w_all += len(u.text.split())
            pieces = [(a, b) for a, b, whole in (plan_unit(u) or []) if whole]
            full += bool(pieces)
            w_full += sum(len(u.text[a:b].split()) for a, b in pieces)
    out = {"units": units, "units_parsed": full, "words": w_all, "words_full_parse": w_full,
           "word_share_full_parse": round(w_full / w_all, 3) if w_all else None}

    tokens = ner_tokens = 0
    agree = both = 0
    # the sentence number is left out: it counts the sentences before the claim, and one boundary the
    # cheap sentencizer puts elsewhere than the parser renumbers every later claim of the article
    key = lambda c: c.model_dump(exclude={"run", "sentence"})  # noqa: E731
    for f in files[:sample]:
        ing = read_file(f)
        art, regions = ing.article, ing.body_regions()
        quotes, _ = pair_quotes(art.text, regions)
        docs = parse_units(units_for(art.text, regions, quotes), art.id, entities=False)
        tokens += sum(len(d) for d in docs)
        ner_tokens += recognise_entities(entity_windows(docs, find_claims(docs, art)))
        fast = [key(c) for c in extract(ing).claims if c.kind != "reporter"]
        slow = [key(c) for c in extract(ing, prefilter=False).claims if c.kind != "reporter"]
        agree += sum(1 for c in fast if c in slow)
        both += len(fast) + len(slow) - sum(1 for c in fast if c in slow)
    out.update({"sample_articles": min(sample, len(files)), "ner_token_share": round(ner_tokens / tokens, 3) if tokens else None,
                "claims_equal_to_full_parse": agree, "claims_in_either": both,
                "agreement_with_full_parse": round(agree / both, 4) if both else None})
    return out


def timed_build(corpus: Path, db_path: Path, workers: int, rss: TreeRSS, phase: str) -> dict:
    import claims.pipeline as pl

    for p in db_path.parent.glob(db_path.name + "*"):
        p.unlink()
    import claims.extraction as ex

    ext = {"s": 0.0, "n": 0}
    originals = {"plan": ex.plan, "_finish": ex._finish}

    def timed(name):  # only runs in this process (workers=1): extraction time per article (planning, then the
        fn = originals[name]  # rest of the steps of a few articles at once)

        def run(*args, **kw):
            t = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                ext["s"] += time.perf_counter() - t
                ext["n"] += name == "plan"
        return run

    rss.phase = phase
    for name in originals:
        setattr(ex, name, timed(name))
    try:
        c0, t0 = cpu_seconds(), time.perf_counter()
        rep = pl.build_atomic(db_path, [corpus], workers=workers)  # what `claims build` runs
        secs = time.perf_counter() - t0
        cpu = cpu_seconds() - c0
    finally:
        for name, fn in originals.items():
            setattr(ex, name, fn)
    out = {"seconds": round(secs, 2), "cpu_seconds": round(cpu, 2), "articles": rep.articles, "claims": rep.claims, "problems": len(rep.problems)}
    if ext["n"]:
        out["extract_seconds"] = round(ext["s"], 2)
        out["extract_seconds_per_1000_articles"] = round(ext["s"] / ext["n"] * 1000, 1)
    return out


def profile_build(files: list[Path], tmp: Path) -> dict:
    """Where a 1-worker build spends its CPU time: each stage's function in ``claims.pipeline`` or
    ``claims.extraction`` is wrapped with a CPU-time counter (cProfile's per-call overhead would inflate the
    Python rules several times over against spaCy's compiled code, so it is not used for the shares)."""
    import claims.extraction as ex
    import claims.pipeline as pl

    sub = tmp / "profile_corpus"
    sub.mkdir(exist_ok=True)
    for f in files:
        shutil.copy(f, sub / f.name)
    stages = {
        "read_item": "ingest (read_item)",
        "pair_quotes": "pair_quotes",
        "units_for": "units_for",
        "plan_parse": "plan_parse (the prefilter)",
        "parse_pieces": "spaCy: parse_pieces (tagger, parser, lemmas)",
        "docs_of": "docs_of (Docs of the units)",
        "recognise_entities": "spaCy: recognise_entities (NER on windows)",
        "find_claims": "find_claims (attribution rules)",
        "entity_windows": "entity_windows",
        "describe_sources": "describe_sources",
        "write_article": "write_article (SQLite)",
    }
    modules = {name: pl if name in ("read_item", "write_article") else ex for name in stages}
    spent = {label: 0.0 for label in stages.values()}
    originals = {name: getattr(modules[name], name) for name in stages}

    def timed(name, fn):
        def run(*args, **kw):
            t = time.process_time()
            try:
                return fn(*args, **kw)
            finally:
                spent[stages[name]] += time.process_time() - t
        return run

    for name, fn in originals.items():
        setattr(modules[name], name, timed(name, fn))
    try:
        c0 = time.process_time()
        pl.build_atomic(tmp / "profile.db", [sub])
        total = time.process_time() - c0
    finally:
        for name, fn in originals.items():
            setattr(modules[name], name, fn)
    spent["other (runs, links, clusters, db shape)"] = total - sum(spent.values())
    return {"articles": len(files), "cpu_seconds": round(total, 2),
            "cpu_seconds_by_stage": {k: round(v, 2) for k, v in spent.items()},
            "share_of_build": {k: round(v / total, 3) for k, v in spent.items()}}


def median_run(runs: list[dict], key: str = "ratio") -> dict:
    """The run whose ``key`` is the median of all runs' (of an even count, the upper of the two middle ones:
    the figure reported never flatters the build)."""
    if not runs:
        raise ValueError("no runs")
    return sorted(runs, key=lambda r: r[key])[len(runs) // 2]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "bench" / "out" / "corpus")
    ap.add_argument("--articles", type=int, default=500, help="corpus size when it has to be generated")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--regenerate", action="store_true")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the parser alone and the 1-worker build this many times, alternating; report the median ratio")
    ap.add_argument("--profile", action="store_true", help="also time each stage of a 1-worker build (CPU seconds)")
    ap.add_argument("--profile-articles", type=int, default=100)
    ap.add_argument("--texts", type=Path, default=None,
                    help="real-news mode: a folder of article texts (never generated); the first --articles of them")
    ap.add_argument("--out", type=Path, default=None, help="default: bench/out/bench_pipeline[_texts].json")
    a = ap.parse_args(argv)
    if a.repeat < 1:
        ap.error("--repeat must be at least 1")
    a.out = a.out or ROOT / "bench" / "out" / ("bench_pipeline_texts.json" if a.texts else "bench_pipeline.json")

    if a.texts is not None:
        files = sorted(a.texts.glob("*.txt"))[: a.articles]
        if not files:
            ap.error(f"{a.texts}: no .txt files")
        # the builds read the same files: a folder of copies of them
        a.corpus = Path(tempfile.mkdtemp(prefix="claims-bench-texts-"))
        for f in files:
            shutil.copyfile(f, a.corpus / f.name)
        files = sorted(a.corpus.glob("*.txt"))
    else:
        files = sorted(a.corpus.glob("*.txt")) if a.corpus.is_dir() else []
        if a.regenerate or len(files) < a.articles:
            import gen_corpus

            files = gen_corpus.generate(a.corpus, a.articles, a.seed)
        files = sorted(files)
    rss = TreeRSS().start()
    tmp = Path(tempfile.mkdtemp(prefix="claims-bench-"))
    result: dict = {"machine": {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
                                "python": sys.version.split()[0]},
                    "corpus": {"path": str(a.texts or a.corpus), "articles": len(files),
                               "kind": "real news" if a.texts else "generated"}}
    try:
        import spacy
        from claims.segment import MODEL, load_nlp

        rss.phase = "seed score"
        result["seed_score"] = seed_scores(a.workers, tmp)
        print("seed score:", json.dumps(result["seed_score"]), flush=True)

        rss.phase = "read texts"
        texts, words = body_texts(files)
        result["corpus"]["body_words"] = words
        load_nlp()  # the build's own pipeline, loaded before its timing as the stock one is here
        nlp = spacy.load(MODEL)  # the reference: the model as it ships, every component, nothing of ours

        pairs = []
        for k in range(a.repeat):
            rss.phase = "parser alone"
            c0, t0 = cpu_seconds(), time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=16):
                pass
            parse_s = time.perf_counter() - t0
            parse_cpu = cpu_seconds() - c0
            parser = {"model": MODEL, "seconds": round(parse_s, 2), "cpu_seconds": round(parse_cpu, 2),
                      "words_per_s": round(words / parse_s)}
            print("parser alone:", parser, flush=True)
            w1 = timed_build(a.corpus, tmp / "w1.db", 1, rss, "build 1 worker")
            w1["articles_per_s"] = round(len(files) / w1["seconds"], 2)
            w1["words_per_s"] = round(words / w1["seconds"])
            print("build, 1 worker:", w1, flush=True)
            pairs.append({"parser_alone": parser, "build_1_worker": w1,
                          "ratio": round(w1["seconds"] / parse_s, 3), "ratio_cpu": round(w1["cpu_seconds"] / parse_cpu, 3)})
            print(f"ratio build / parser alone (wall, CPU), run {k + 1} of {a.repeat}:", pairs[-1]["ratio"],
                  pairs[-1]["ratio_cpu"], flush=True)
        del texts
        mid = median_run(pairs)
        result["parser_alone"], result["build_1_worker"] = mid["parser_alone"], mid["build_1_worker"]
        result["ratio_build_to_parser"] = mid["ratio"]
        result["ratio_build_to_parser_cpu"] = median_run(pairs, "ratio_cpu")["ratio_cpu"]
        result["runs"] = pairs
        if a.repeat > 1:
            print("ratio build / parser alone, median of", a.repeat, "(wall, CPU):", result["ratio_build_to_parser"],
                  result["ratio_build_to_parser_cpu"], "; every run (wall):", [p["ratio"] for p in pairs], flush=True)

        if a.workers > 1:
            wn = timed_build(a.corpus, tmp / "wn.db", a.workers, rss, f"build {a.workers} workers")
            wn["articles_per_s"] = round(len(files) / wn["seconds"], 2)
            wn["words_per_s"] = round(words / wn["seconds"])
            wn["speedup"] = round(result["build_1_worker"]["seconds"] / wn["seconds"], 2)
            wn["load_average_1min"] = round(os.getloadavg()[0], 2)  # other load on the machine skews this
            from claims.parallel import comparable_rows
            from claims.store import open_db

            d1, dn = open_db(tmp / "w1.db"), open_db(tmp / "wn.db")
            wn["db_equals_1_worker"] = comparable_rows(d1) == comparable_rows(dn)
            d1.close()
            dn.close()
            result[f"build_{a.workers}_workers"] = wn
            print(f"build, {a.workers} workers:", wn, flush=True)

        rss.phase = "prefilter share"
        result["prefilter"] = prefilter_share(files, sample=a.profile_articles)
        print("prefilter:", result["prefilter"], flush=True)
        if a.profile:
            rss.phase = "profile"
            result["profile"] = profile_build(files[: a.profile_articles], tmp)
            print("profile:", json.dumps(result["profile"], indent=1), flush=True)
    finally:
        rss.stop()
        shutil.rmtree(tmp, ignore_errors=True)
        if a.texts is not None:
            shutil.rmtree(a.corpus, ignore_errors=True)
    result["peak_rss_mb"] = {k: mb(v) for k, v in rss.phase_peak.items()}
    result["peak_rss_mb"]["overall"] = mb(rss.peak)
    print("peak RSS (MB, process tree):", result["peak_rss_mb"])
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=1))
    ok = result["seed_score"]["workers_equal"] and result["seed_score"]["1 worker"] == result["seed_score"][f"{a.workers} workers"]
    if a.workers > 1:
        ok = ok and result[f"build_{a.workers}_workers"]["db_equals_1_worker"]
    print("OK" if ok else "FAILED: the N-worker build differs from the 1-worker build")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
