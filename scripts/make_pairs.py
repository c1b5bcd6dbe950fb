"""Write the labelled pair set of the same-claim matcher, tests/fixtures/pairs/same_claim.jsonl, or measure it.

    python scripts/make_pairs.py            # (re)write same_claim.jsonl
    python scripts/make_pairs.py --measure  # precision and recall of claims.match at its threshold, and a sweep

The pairs come from
* the project's fixtures: the seeds and the syndicated AP copy (tests/fixtures/syndicated) built into a
  database; every claim the two AP copies share word for word is a positive ('syndicated'), a refusal among
  them a negative ('refusal'); the 20 pairs of different claims of different articles with the highest
  token-set ratio are negatives ('fixture_negative': different claims sharing many words);
* tests/fixtures/pairs/stories.yml (written for this project): per story, wire copy ~ lightly edited copy
  ('edited'), wire copy and edited copy ~ another outlet's wording ('other_outlet'), both against a hard
  negative ('hard_negative');
* tests/fixtures/pairs/refusals.yml: refusals and very short contents ('refusal', 'short'), never the same claim.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAIRS = ROOT / "tests" / "fixtures" / "pairs"


def side(text: str, kind: str = "indirect", **extra) -> dict:
    return {"text": text, "kind": kind, **{k: v for k, v in extra.items() if v}}


def fixture_pairs() -> list[dict]:
    from rapidfuzz import fuzz, utils

    from claims.pipeline import build
    from claims.store import open_db

    with tempfile.TemporaryDirectory() as d:
        db = open_db(Path(d) / "claims.db")
        assert build(db, [ROOT / "seeds", ROOT / "tests" / "fixtures" / "syndicated"]).ok
        rows = list(db.query("""select c.id, c.article, c.kind, c.stance, c.content, s.entity from claims c
                                left join sources s on s.id = c.source_id
                                where c.status = 'current' order by c.article, c.start"""))
    out, negatives = [], []
    for a, b in itertools.combinations(rows, 2):
        if a["article"] == b["article"]:
            continue
        sa = side(a["content"], a["kind"], stance=a["stance"], entity=a["entity"])
        sb = side(b["content"], b["kind"], stance=b["stance"], entity=b["entity"])
        twins = {a["article"][:3], b["article"][:3]} == {"002", "003"}
        if twins and a["content"] == b["content"]:
            refusal = "declined" in (a["kind"], b["kind"]) or "refusal" in (a["stance"], b["stance"])
            out.append({"group": "refusal" if refusal else "syndicated", "same": not refusal, "a": sa, "b": sb,
                        "origin": f"{a['id']} / {b['id']}"})
        elif "003_courier_ap_blinken" not in (a["article"], b["article"]):  # the copy would repeat 002's pairs
            negatives.append((fuzz.token_set_ratio(a["content"], b["content"], processor=utils.default_process),
                              {"group": "fixture_negative", "same": False, "a": sa, "b": sb,
                               "origin": f"{a['id']} / {b['id']}"}))
    negatives.sort(key=lambda x: (-x[0], x[1]["origin"]))
    return out + [p for _, p in negatives[:20]]


def written_pairs() -> list[dict]:
    out = []
    for n, s in enumerate(yaml.safe_load((PAIRS / "stories.yml").read_text(encoding="utf-8")), 1):
        origin = f"stories.yml #{n}"
        w, e, o, x = (side(s[k]) for k in ("wire", "edited", "other", "negative"))
        out += [{"group": "edited", "same": True, "a": w, "b": e, "origin": origin},
                {"group": "other_outlet", "same": True, "a": w, "b": o, "origin": origin},
                {"group": "other_outlet", "same": True, "a": e, "b": o, "origin": origin},
                {"group": "hard_negative", "same": False, "a": w, "b": x, "origin": origin},
                {"group": "hard_negative", "same": False, "a": o, "b": x, "origin": origin}]
    for n, r in enumerate(yaml.safe_load((PAIRS / "refusals.yml").read_text(encoding="utf-8")), 1):
        a, b = side(r["a"], r.get("a_kind", "indirect")), side(r["b"], r.get("b_kind", "indirect"))
        group = "refusal" if "declined" in (a["kind"], b["kind"]) else "short"
        out.append({"group": group, "same": False, "a": a, "b": b, "origin": f"refusals.yml #{n}"})
    return out


def load() -> list[dict]:
    return [json.loads(line) for line in (PAIRS / "same_claim.jsonl").read_text(encoding="utf-8").splitlines()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--measure", action="store_true", help="measure claims.match on the committed pairs")
    args = ap.parse_args()
    if not args.measure:
        pairs = fixture_pairs() + written_pairs()
        with open(PAIRS / "same_claim.jsonl", "w", encoding="utf-8") as f:
            for i, p in enumerate(pairs, 1):
                f.write(json.dumps({"id": i, **p}, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{len(pairs)} pairs written to {PAIRS / 'same_claim.jsonl'}")
        return
    from collections import Counter

    from claims.match import THRESHOLD, measure, pair_scores

    pairs = load()
    scores = pair_scores(pairs)
    groups = Counter((p["group"], p["same"]) for p in pairs)
    print(f"{len(pairs)} pairs: " + ", ".join(f"{g} {'same' if s else 'different'} {n}" for (g, s), n in sorted(groups.items())))
    for t in sorted({THRESHOLD, 40, 50, 55, 60, 65, 70, 80}):
        m = measure(pairs, t, scores)
        mark = "  <- default" if t == THRESHOLD else ""
        print(f"threshold {t:5.1f}: precision {m.precision:.3f} recall {m.recall:.3f} "
              f"(true {m.true_pos}, false positives {m.false_pos}, missed {m.false_neg}){mark}")
    by_group: dict = {}
    for p, s in zip(pairs, scores):
        ok = (s >= THRESHOLD) == p["same"]
        by_group.setdefault(p["group"], [0, 0])[ok] += 1
    print("at the default threshold, right/wrong by group: "
          + ", ".join(f"{g} {r}/{w}" for g, (w, r) in sorted(by_group.items())))


if __name__ == "__main__":
    main()
