"""Fact-checkers' corrections, kept in a YAML file under version control and re-applied on every build.

The file (``corrections.yml`` next to the database, or ``claims build --corrections FILE``)::

    corrections:
      - claim: 002_9d32781f785c34bc-1a2b3c4d5e     # the claim id
        exact: "the sides \\"are not on the cusp of any breakthrough.\\""   # its TextQuoteSelector
        prefix: "..."                               # optional, disambiguates a repeated quote
        suffix: "..."
        set: {source_type: spokesperson, anonymity: named, source_name: Ned Price}
        author: jdoe
        note: Price is the State Department spokesman
      - claim: 001_ef5535af60425131-0f0f0f0f0f
        exact: "..."
        not_a_claim: true                           # status becomes 'rejected'
      - claim: ...
        exact: ...
        set: {entity: null}                         # undo a resolution (or name another entity id)

A correction finds its claim by id (when the claim there still has the same text), else by its
quote in the same article (the re-anchored claim, whatever its id now is). Each applied field is a
``corrections`` row with the value it replaced; a correction removed from the file gives the claim
back the value it had replaced.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml
from rapidfuzz import fuzz

from .errors import ClaimsError
from .models import Anonymity, Channel, Claim, Kind, SourceType, Stance

CLAIM_FIELDS = {"source", "source_name", "source_type", "anonymity", "kind", "cue", "stance", "channel"}
ENTITY_FIELD = "entity"
# the fields whose values are a closed vocabulary (claims.models), and those a correction may empty
VOCABULARIES = {"kind": {k.value for k in Kind}, "source_type": {t.value for t in SourceType},
                "anonymity": {a.value for a in Anonymity}, "stance": {s.value for s in Stance},
                "channel": {c.value for c in Channel}}
NULLABLE = {name for name, f in Claim.model_fields.items() if type(None) in getattr(f.annotation, "__args__", ())}


def default_path(db) -> Optional[Path]:
    """corrections.yml next to the database file, when the database is a file."""
    for row in db.execute("pragma database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2]).with_name("corrections.yml")
    return None


def load(path: Path) -> list[dict]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ClaimsError(f"{path}: cannot read corrections ({e})") from None
    items = data.get("corrections", []) if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) and i.get("claim") for i in items):
        raise ClaimsError(f"{path}: expected a list of corrections, each with a 'claim' id")
    for n, i in enumerate(items, 1):
        bad = set(i.get("set") or {}) - CLAIM_FIELDS - {ENTITY_FIELD}
        if bad:
            raise ClaimsError(f"{path}: correction of {i['claim']}: cannot correct {', '.join(sorted(bad))}")
        for field, value in (i.get("set") or {}).items():
            allowed = VOCABULARIES.get(field)
            if allowed and value not in allowed and not (value is None and field in NULLABLE):
                raise ClaimsError(f"{path}: correction {n} (claim {i['claim']}): {value!r} is not a {field} "
                                  f"(one of: {', '.join(sorted(allowed))})")
    return items


def find_claim(db, item: dict) -> tuple[Optional[dict], Optional[str]]:
    key, exact = item["claim"], item.get("exact")
    row = next(db.query("select * from claims where id = ?", [key]), None)
    if row is not None and (exact is None or row["content"] == exact):
        return row, "id"
    if exact is None:
        return None, None
    article = row["article"] if row else key.rsplit("-", 1)[0]
    cands = list(db.query("select * from claims where article = ? and content = ?", [article, exact]))
    if not cands:
        return None, None

    def fit(c: dict) -> float:
        return fuzz.ratio(item.get("prefix") or "", c.get("prefix") or "") + \
            fuzz.ratio(item.get("suffix") or "", c.get("suffix") or "") + (1 if c.get("status") == "current" else 0)
    return max(cands, key=fit), "quote"


def apply(db, path: Optional[Path]) -> dict:
    """Apply the corrections file to the database; record each field in ``corrections``."""
    items = load(path) if path is not None and Path(path).exists() else []
    before = {r["id"]: r for r in db.query("select * from corrections")}
    rows: dict[str, dict] = {}
    for n, item in enumerate(items, 1):
        claim, how = find_claim(db, item)
        fields = dict(item.get("set") or {})
        if item.get("not_a_claim"):
            fields["not_a_claim"] = True
        for field, value in fields.items():
            rid = f"{n}:{field}"
            row = {"id": rid, "claim": claim["id"] if claim else None, "key": item["claim"], "exact": item.get("exact"),
                   "field": field, "value": None if value is None else str(value), "previous": None,
                   "matched_by": how, "status": "applied" if claim else "unmatched", "author": item.get("author"),
                   "note": item.get("note"), "file": str(path)}
            if claim is not None:
                if field == "not_a_claim":
                    current = claim.get("status")
                    new = current if current == "orphaned" else "rejected"  # gone from the text: stays orphaned
                    db["claims"].update(claim["id"], {"status": new})
                elif field == ENTITY_FIELD:
                    current = _set_entity(db, claim, value)
                    new = value
                else:
                    current, new = claim.get(field), value
                    db["claims"].update(claim["id"], {field: value})
                old = before.get(rid)
                same_target = old is not None and old["claim"] == claim["id"] and old["field"] == field
                row["previous"] = old["previous"] if same_target and str(current) == str(new) else \
                    (None if current is None else str(current))
            rows[rid] = row
    # corrections that left the file: give their claims back what they replaced
    for rid, old in before.items():
        if old["status"] != "applied" or old["claim"] is None:
            continue
        new = rows.get(rid)
        if new is not None and new["claim"] == old["claim"] and new["field"] == old["field"]:
            continue
        if old["field"] == "not_a_claim":
            db["claims"].update(old["claim"], {"status": old["previous"] or "current"})
        elif old["field"] == ENTITY_FIELD:
            pass  # the resolution stage, run before this one, has recomputed the entity already
        else:
            db["claims"].update(old["claim"], {old["field"]: old["previous"]})
    with db.atomic():
        db.execute("delete from corrections")
        db["corrections"].insert_all([rows[k] for k in sorted(rows)], pk="id")
    return {"file": str(path) if path else None, "corrections": len(items),
            "applied": sum(r["status"] == "applied" for r in rows.values()),
            "unmatched": sum(r["status"] == "unmatched" for r in rows.values())}


def _set_entity(db, claim: dict, entity: Optional[str]) -> Optional[str]:
    """Point the claim's source mention at another entity (or none); an entity_links row says so."""
    sid = claim.get("source_id")
    if not sid:
        return None
    current = db.execute("select entity from sources where id = ?", [sid]).fetchone()
    current = current[0] if current else None
    if entity is not None and db.execute("select 1 from entities where id = ?", [entity]).fetchone() is None:
        raise ClaimsError(f"correction of {claim['id']}: no entity {entity!r}")
    with db.atomic():
        db.execute("delete from entity_links where mention = ?", [sid])
        db.execute("update sources set entity = ? where id = ?", [entity, sid])
        if entity is not None:
            db["entity_links"].insert({"id": sid, "mention": sid, "entity": entity, "name": claim.get("source_name") or claim.get("source") or "",
                                       "score": 100.0, "threshold": None, "method": "correction", "scorer": None,
                                       "block": None}, pk="id")
    return current
