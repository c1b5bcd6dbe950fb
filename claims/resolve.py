"""Source resolution across articles: canonical people and organizations, every decision a row.

Input is the ``sources`` table (one row per mention, with the in-article ``name`` the extractor
resolved). The stage, run at the end of every build, recomputes from scratch (idempotent):

1. Each mention gets a kind (person / organization) and a name to compare: ``sources.name``,
   else a proper name read from ``sources.text``; a pronoun follows its antecedent. Mentions
   that are not named (anonymity other than ``named``, or a role noun such as "A senior
   Netanyahu aide" whose name is someone else's) are never resolved: no fuzzy match can merge an
   unnamed source into a named entity.
2. In-article: a surname alone ("Price") whose article names exactly one person with that
   surname ("Ned Price") takes that full name (method ``in_article``).
3. Blocking: people by the consonant skeleton of the surname (``skeleton``), organizations by their first
   significant word. Within a block, ``rapidfuzz.process.cdist`` scores every distinct full
   name against the others (``fuzz.ratio`` on normalized, sorted tokens); pairs at or above
   ``THRESHOLD`` are joined by union-find. A surname alone joins the single full name of its block
   that ends with it (method ``surname``); with two candidates it stays on its own.
4. One ``entities`` row per group (canonical name = the most frequent longest name; aliases;
   titles), one ``entity_links`` row per resolved mention (score, threshold, method, scorer,
   block), and ``sources.entity`` filled.
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from rapidfuzz import fuzz, process

THRESHOLD = 90.0
SCORER = "rapidfuzz.fuzz.ratio on normalized names, tokens sorted (= token_sort_ratio)"

PERSON_TYPES = {"official", "spokesperson", "expert", "individual", "reporter"}
ORG_TYPES = {"organization", "group", "media", "document"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "prime", "minister", "secretary",
              "spokesman", "spokeswoman", "spokesperson", "ambassador", "adviser", "advisor", "chief", "director",
              "former", "sir", "lord", "lady", "king", "queen", "prince", "senator", "governor", "general"}
ROLE_HEADS = re.compile(r"\b(?:officials?|aides?|spokes(?:man|woman|person|people)|sources?|advisers?|diplomats?|"
                        r"staffers?|members?|people|person|someone|analysts?|experts?|allies|ally|readout)\s*$", re.I)
ORG_STOP = {"the", "of", "for", "and", "a", "an", "s"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i"}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("’", "'").replace("‘", "'")


def person_tokens(name: str) -> list[str]:
    s = fold(name).lower()
    s = re.sub(r"'s\b", "", s)
    toks = [t.strip(".-") for t in re.split(r"[^\w\-]+", s) if t.strip(".-")]
    while len(toks) > 1 and toks[0] in HONORIFICS:
        toks = toks[1:]
    return toks


def org_tokens(name: str) -> list[str]:
    s = fold(name).lower().replace("u.s.", "us").replace("u.k.", "uk").replace("u.n.", "un")
    s = re.sub(r"'s\b", "", s)
    return [t for t in re.split(r"[^\w]+", s) if t and t not in ORG_STOP]


@dataclass
class Mention:
    id: str
    article: str
    text: str
    kind: str
    name: Optional[str]
    anonymity: str
    role: Optional[str]
    antecedent: Optional[str]
    tokens: list[str] = field(default_factory=list)
    method: str = ""
    is_pronoun: bool = False
    in_article_from: Optional[str] = None


def _kind(row: dict, name: str) -> str:
    st = row.get("source_type")
    if st in PERSON_TYPES:
        return "person"
    if st in ORG_TYPES:
        # a capitalised one- or two-word name that the article also gives as a person's surname is a person
        return "organization"
    return "person" if len(name.split()) <= 3 and all(w[:1].isupper() for w in name.split()) else "organization"


def _named(row: dict) -> Optional[str]:
    """The name to compare for a mention, or None when the mention does not name anyone."""
    if row.get("anonymity") != "named":
        return None
    name = (row.get("name") or "").strip()
    text = (row.get("text") or "").strip()
    if not name:
        return None
    if name.lower() in PRONOUNS:
        return None
    # "A senior Netanyahu aide", "A senior Biden administration official": the name is someone else's
    if ROLE_HEADS.search(text) and not fold(text).rstrip(". ").lower().endswith(fold(name).lower()):
        return None
    return name


def _title(text: str, name: str) -> Optional[str]:
    """'State Department spokesman' from 'State Department spokesman Ned Price'."""
    i = text.find(name)
    if i <= 0:
        return None
    t = re.sub(r"^(?:the|a|an)\b", "", text[:i].strip(" ,"), flags=re.I).strip(" ,")
    return t or None


def _surface(text: str, name: str) -> Optional[str]:
    """The name as the mention writes it ('Price', 'State Department'), None for pronouns and phrases."""
    t = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I).strip()
    if not t or t.lower() in PRONOUNS or not t[:1].isupper():
        return None
    title = _title(text, name)
    if title and t.startswith(title):
        t = t[len(title):].strip()
    return t if len(t.split()) <= 5 else None


def load_mentions(db) -> list[Mention]:
    rows = {r["id"]: r for r in db.query("select * from sources order by article, start, id")}
    out: list[Mention] = []
    for r in rows.values():
        name = _named(r)
        if name is None and r.get("is_pronoun") and r.get("antecedent") in rows:
            # a pronoun with a named antecedent is resolved through it (method antecedent)
            ante, seen = rows[r["antecedent"]], {r["id"]}
            while ante.get("is_pronoun") and ante.get("antecedent") in rows and ante["antecedent"] not in seen:
                seen.add(ante["id"])
                ante = rows[ante["antecedent"]]
            if _named(ante):
                out.append(Mention(r["id"], r["article"], r["text"], "", None, r["anonymity"], r.get("role"),
                                   ante["id"], method="antecedent"))
            continue
        if name is None:
            # a bare capitalised surname the extractor left unnamed ("Price said"): a candidate for in-article resolution
            t = (r.get("text") or "").strip()
            if re.fullmatch(r"[A-Z][\w’'\-]+", t) and t.lower() not in PRONOUNS and not r.get("is_pronoun"):
                out.append(Mention(r["id"], r["article"], r["text"], "person", t, r["anonymity"], r.get("role"),
                                   None, method="bare_surname"))
            continue
        kind = _kind(r, name)
        m = Mention(r["id"], r["article"], r["text"], kind, name, r["anonymity"], r.get("role"), r.get("antecedent"),
                    is_pronoun=bool(r.get("is_pronoun")))
        out.append(m)
    return out


def _in_article(mentions: list[Mention]) -> None:
    """A surname alone takes the full name of the one person of its article with that surname."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.name:
            by_article[m.article].append(m)
    for ms in by_article.values():
        full: dict[str, set[str]] = defaultdict(set)
        for m in ms:
            toks = person_tokens(m.name)
            if len(toks) >= 2 and m.kind == "person":
                full[toks[-1]].add(m.name)
        for m in ms:
            toks = person_tokens(m.name)
            if len(toks) == 1 and len(full.get(toks[0], ())) == 1:
                m.in_article_from = m.name
                m.name = next(iter(full[toks[0]]))
                m.kind = "person"
                m.method = "in_article"
    # bare surnames that found no full name are not sources we can name
    mentions[:] = [m for m in mentions if m.method != "bare_surname"]


RE_ONE_NAME = re.compile(r"[A-Z][a-z][\w’'\-]*")


def _surnames_of_people_named_elsewhere(mentions: list[Mention]) -> list[Mention]:
    """A one-word name, typed as a person's or as an organization ('Trump said', which the recognizer reads as
    a company's name), is a person's surname when its article names no one in full with that surname and the collection
    does: one person, or one in at least twice as many articles as all the others with the surname together,
    in at least two articles and at least twice as many as the one-word name stands in ('Ford said' in a
    corpus about the carmaker stays the carmaker). Such a mention takes that person's name, as a surname
    does in its own article (method ``surname_of_person``). The ones typed as organizations are returned, so
    that their rows can be retyped."""
    named_in: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # surname -> person -> articles
    written: dict[str, Counter] = defaultdict(Counter)   # person (first and last name) -> names as written
    for m in mentions:
        if m.name and m.kind == "person":
            toks = person_tokens(m.name)
            if len(toks) >= 2:
                person = f"{toks[0]} {toks[-1]}"
                named_in[toks[-1]][person].add(m.article)
                written[person][m.name] += 1
    # one-word names of either kind (a second run reads the retyped row as a person's and must decide the same), in
    # articles that name no one with the surname in full
    alone = [m for m in mentions if m.name and RE_ONE_NAME.fullmatch(m.name) and m.text.strip() == m.name
             and not m.is_pronoun and m.method != "in_article"
             and not any(m.article in arts for arts in named_in.get(fold(m.name).lower(), {}).values())]
    stands_in: dict[str, set[str]] = defaultdict(set)
    for m in alone:
        stands_in[m.name.lower()].add(m.article)
    taken = []
    for m in alone:
        people = named_in.get(fold(m.name).lower())
        if not people:
            continue
        person, arts = max(people.items(), key=lambda kv: (len(kv[1]), kv[0]))
        others = set().union(*(a for p, a in people.items() if p != person))
        if len(arts) >= 2 and len(arts) >= 2 * len(others) and len(arts) >= 2 * len(stands_in[m.name.lower()]):
            was = m.kind
            m.in_article_from, m.name = m.name, written[person].most_common(1)[0][0]
            m.kind, m.method = "person", "surname_of_person"
            if was == "organization":
                taken.append(m)
    return taken


class UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def skeleton(word: str) -> str:
    """Blocking key of a surname: first letter and its consonants, doubled letters collapsed
    ('sullivan' and 'sulivan' -> 'slvn'), so a typo in a vowel or a doubled letter stays in the block."""
    w = re.sub(r"[^a-z0-9]", "", fold(word).lower())
    if not w:
        return word
    out = w[0]
    for ch in w[1:]:
        if ch not in "aeiouy" and ch != out[-1]:
            out += ch
    return out


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-") or "entity"


@dataclass
class ResolveStats:
    mentions: int = 0
    resolved: int = 0
    entities: int = 0
    names: int = 0
    pairs_compared: int = 0
    all_pairs: int = 0
    seconds: float = 0.0
    typed_elsewhere: int = 0

    @property
    def mentions_per_second(self) -> float:
        return self.mentions / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["mentions_per_second"] = round(self.mentions_per_second, 1)
        d["seconds"] = round(self.seconds, 4)
        return d


def resolve(db) -> ResolveStats:
    """Recompute entities, entity_links and sources.entity from the sources table."""
    t0 = time.perf_counter()
    stats = ResolveStats()
    stats.mentions = db.execute("select count(*) from sources").fetchone()[0]
    mentions = load_mentions(db)
    _in_article(mentions)
    taken = _surnames_of_people_named_elsewhere(mentions)
    named = [m for m in mentions if m.name]

    # distinct normalized names per kind, and their blocks
    key_of: dict[str, tuple[str, str]] = {}          # mention id -> (kind, normalized key)
    display: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for m in named:
        toks = person_tokens(m.name) if m.kind == "person" else org_tokens(m.name)
        if not toks:
            continue
        key = (m.kind, " ".join(sorted(toks)) if m.kind == "organization" else " ".join(toks))
        key_of[m.id] = key
        display[key][m.name] += 1
    keys = sorted(display)
    stats.names = len(keys)
    stats.all_pairs = len(keys) * (len(keys) - 1) // 2

    def block_of(key: tuple[str, str]) -> str:
        kind, norm = key
        toks = norm.split()
        if kind == "person":
            return f"person:{skeleton(toks[-1])}"
        return f"organization:{min(toks)[:3]}" if len(toks) > 1 else f"organization:{toks[0][:3]}"

    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k in keys:
        blocks[block_of(k)].append(k)

    uf = UnionFind()
    link_info: dict[tuple[str, str], tuple[str, str]] = {}  # key -> (method, block)
    for bkey, ks in blocks.items():
        for k in ks:
            uf.find(k)
        full = [k for k in ks if k[0] == "organization" or len(k[1].split()) >= 2]
        single = [k for k in ks if k not in full]
        if len(full) >= 2:
            texts = [" ".join(sorted(k[1].split())) for k in full]
            m = process.cdist(texts, texts, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=int(THRESHOLD), workers=-1)
            stats.pairs_compared += len(full) * (len(full) - 1) // 2
            ii, jj = np.nonzero(np.triu(m, 1))
            for i, j in zip(ii.tolist(), jj.tolist()):
                uf.union(full[i], full[j])
                link_info.setdefault(full[j], ("fuzzy", bkey))
                link_info.setdefault(full[i], ("fuzzy", bkey))
        for k in single:
            if k[0] != "person":
                continue
            cands = {uf.find(f) for f in full if f[1].split()[-1] == k[1]}
            stats.pairs_compared += len(full)
            if len(cands) == 1:
                uf.union(k, next(iter(cands)))
                link_info[k] = ("surname", bkey)

    groups: dict = defaultdict(list)
    for k in keys:
        groups[uf.find(k)].append(k)

    # entity rows
    def canonical(ks: list[tuple[str, str]]) -> str:
        names = Counter()
        for k in ks:
            names.update(display[k])
        return sorted(names, key=lambda n: (-len(n.split()), -names[n], n))[0]

    entity_of_key: dict[tuple[str, str], dict] = {}
    used: set[str] = set()
    for root in sorted(groups, key=lambda r: canonical(groups[r])):
        ks = groups[root]
        name = canonical(ks)
        eid = base = slug(name) if ks[0][0] == "person" else "org-" + slug(name)
        n = 2
        while eid in used:
            eid, n = f"{base}-{n}", n + 1
        used.add(eid)
        ent = {"id": eid, "name": name, "kind": ks[0][0], "aliases": set(), "titles": set(), "mentions": 0,
               "norm": " ".join(sorted(person_tokens(name) if ks[0][0] == "person" else org_tokens(name)))}
        for k in ks:
            entity_of_key[k] = ent

    links: list[dict] = []
    for m in named:
        if m.id not in key_of:
            continue
        k = key_of[m.id]
        ent = entity_of_key[k]
        norm_sorted = " ".join(sorted(k[1].split()))
        score = float(fuzz.ratio(norm_sorted, ent["norm"]))
        method, bkey = link_info.get(k, ("exact", block_of(k)))
        if norm_sorted == ent["norm"]:
            method = "exact"
        if m.is_pronoun:
            method = "antecedent"
        elif m.method == "in_article" or fold(m.name).lower() not in fold(m.text).lower():
            method = "in_article"
        if method == "surname":
            score = float(fuzz.ratio(k[1], ent["norm"].split()[-1] if ent["kind"] == "person" else ent["norm"]))
            score = max(score, float(fuzz.ratio(k[1], person_tokens(ent["name"])[-1])))
        if m.method == "surname_of_person":
            method = m.method
        for a in (m.in_article_from, m.name, _surface(m.text, m.name)):
            if a:
                ent["aliases"].add(a)
        for t in (_title(m.text, m.in_article_from or m.name), m.role):
            if t:
                ent["titles"].add(t)
        ent["mentions"] += 1
        links.append({"id": m.id, "mention": m.id, "entity": ent["id"], "name": m.name, "score": score,
                      "threshold": THRESHOLD if method == "fuzzy" else None, "method": method, "scorer": SCORER,
                      "block": bkey})
    link_of = {l["mention"]: l for l in links}
    for m in mentions:
        if m.method == "antecedent" and m.antecedent in link_of:
            src = link_of[m.antecedent]
            ent = next(e for e in entity_of_key.values() if e["id"] == src["entity"])
            ent["mentions"] += 1
            links.append({"id": m.id, "mention": m.id, "entity": src["entity"], "name": src["name"], "score": 100.0,
                          "threshold": None, "method": "antecedent", "scorer": None, "block": None})

    entities = {e["id"]: e for e in entity_of_key.values()}
    rows = []
    for e in sorted(entities.values(), key=lambda e: e["id"]):
        aliases = sorted(a for a in e["aliases"] if a != e["name"])
        rows.append({"id": e["id"], "name": e["name"], "kind": e["kind"], "mentions": e["mentions"],
                     "aliases": json.dumps(aliases, ensure_ascii=False),
                     "titles": json.dumps(sorted(e["titles"]), ensure_ascii=False)})
    with db.atomic():
        db.execute("update sources set entity = null where entity is not null")
        db.execute("delete from entity_links")
        db.execute("delete from entities")
        db["entities"].insert_all(rows, pk="id")
        db["entity_links"].insert_all(sorted(links, key=lambda l: l["id"]), pk="id")
        db.conn.executemany("update sources set entity = ? where id = ?", [(l["entity"], l["mention"]) for l in links])
        # a surname taken for an organization is a person: typed as one whose type the article does not say (the
        # other articles' type comes next), and its claims with it
        ids = [(m.id,) for m in taken]
        db.conn.executemany("update sources set source_type = 'individual', described_as = null where id = ?", ids)
        db.conn.executemany("update claims set source_type = 'individual' where source_id = ?", ids)
    stats.resolved = len(links)
    stats.entities = len(rows)
    stats.typed_elsewhere = type_from_other_articles(db)
    stats.seconds = time.perf_counter() - t0
    return stats


def type_from_other_articles(db) -> int:
    """A person an article names without saying what they are ('Trump said', where the article never
    calls him a candidate) takes the type the other articles give the same entity, when they agree
    (the type most of the articles that describe the person give, in at least half of them); the
    sources row keeps the description and names the article it comes from (``described_in``).
    Recomputed from scratch: rows typed so by an earlier run are reset first. Returns rows typed."""
    cols = set(db["sources"].columns_dict) if db["sources"].exists() else set()
    if not {"entity", "described_as", "described_in"} <= cols:
        return 0
    with db.conn:
        touched = [r[0] for r in db.execute("select id from sources where described_in is not null")]
        db.execute("update sources set source_type = 'individual', described_as = null, described_in = null "
                   "where described_in is not null")
        votes: dict[str, Counter] = defaultdict(Counter)
        said: dict[tuple[str, str], tuple[str, str]] = {}
        for r in db.query("""select entity, article, source_type, described_as from sources
                             where entity is not null and described_as is not null group by entity, article"""):
            votes[r["entity"]][r["source_type"]] += 1
            said.setdefault((r["entity"], r["source_type"]), (r["described_as"], r["article"]))
        rows = []
        for r in db.query("""select id, entity from sources where entity is not null and described_as is null
                             and source_type = 'individual'"""):
            v = votes.get(r["entity"])
            if not v:
                continue
            best, n = v.most_common(1)[0]
            if best != "individual" and n * 2 >= sum(v.values()):
                desc, art = said[(r["entity"], best)]
                rows.append((best, desc, art, r["id"]))
        db.conn.executemany("update sources set source_type = ?, described_as = ?, described_in = ? where id = ?", rows)
        db.conn.executemany("""update claims set source_type = (select s.source_type from sources s where s.id = ?)
                               where source_id = ?""", [(i, i) for i in set(touched) | {r[3] for r in rows}])
    return len(rows)
