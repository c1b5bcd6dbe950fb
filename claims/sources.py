"""Sources: describe each source mention and resolve it inside its article.

For every mention: source_type, anonymity, count, affiliation, role, seniority, status,
knowledge basis; then coreference inside the article (pronouns, surnames, anaphoric phrases
such as "the officials" or "one of the officials" take the name, type and anonymity of what
they refer to) and the reason the article gives for anonymity ("spoke on condition of
anonymity because ..."), linked to the anonymous mention it explains.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from .attribution import RE_AGENT_NOUN, Cand, _tok_end, _tok_start
from .lexicon import (DEMONYMS, DOCUMENT, EXPERT, EXPERT_SUFFIXES, FAMILY, GROUP, INDIVIDUAL, KNOWLEDGE, MEDIA,
                      MEDIA_NAMES, NUMBER_WORDS, OFFICIAL, ORG, ORG_DESIGNATORS, PRONOUN_NUMBER, RANK, RE_MEDIA_PHRASE,
                      REASON, SENTENCE_WORDS, SPOKES, STANCE, TITLE_ABBREV, UNIQUE_ROLES)
from .models import Article, Claim, SourceMention


@dataclass
class Desc:
    source_type: str
    anonymity: str
    count: Optional[int] = None
    affiliation: Optional[str] = None
    role: Optional[str] = None
    seniority: Optional[str] = None
    status: Optional[str] = None
    knowledge_basis: Optional[str] = None
    name: Optional[str] = None
    plural: bool = False
    head: str = ""
    person_name: Optional[str] = None
    is_pronoun: bool = False


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span]


_PHRASES: dict[int, tuple[set, list[tuple[str, re.Pattern]]]] = {}


def _multiword(vocab: set[str]) -> list[tuple[str, re.Pattern]]:
    """The vocabulary's multi-word phrases, longest first, each with its word-bounded pattern (cached)."""
    hit = _PHRASES.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        hit = (vocab, [(v, re.compile(rf"\b{re.escape(v)}\b")) for v in sorted(vocab, key=len, reverse=True) if " " in v])
        _PHRASES[id(vocab)] = hit
    return hit[1]


def _role_words(span: Span) -> list[str]:
    """The span's words outside prepositional objects and possessors ('professor emeritus of nutrition
    at King's College London' -> 'professor emeritus'; 'the State Department's spokesman' -> 'the spokesman')."""
    out = []
    for t in span:
        a, inside = t, False
        while a.i != a.head.i and span.start <= a.i < span.end:
            if a.dep_ in ("pobj", "poss") and a.head.i != a.i:
                inside = True
                break
            a = a.head
        if not inside:
            out.append(t.lower_)
    return out


def _expert_in(words: list[str]) -> Optional[str]:
    """An expert's word: a trade named by its suffix ('meteorologist'), or one of the EXPERT words."""
    return next((w for w in words if w.endswith(EXPERT_SUFFIXES)), None) or _phrase_in(words, EXPERT)


def _phrase_in(words: list[str], vocab: set[str]) -> Optional[str]:
    joined = " ".join(words)
    for v, pat in _multiword(vocab):
        if v in joined and pat.search(joined):
            return v
    for w in words:
        if w in vocab:
            return w
    return None


def _spokes_in(words: list[str]) -> Optional[str]:
    """A spokesperson's word, unless it is part of an office ('attorney general', 'district attorney')."""
    hit = _phrase_in(words, SPOKES)
    if hit is None:
        return None
    office = _phrase_in(words, OFFICIAL)
    return None if office and " " in office and hit in office.split() else hit


_DEMONYM_PATTERNS = [(key, re.compile(rf"(?<![\w.]){re.escape(key)}(?:'s)?(?![\w])"))
                     for key in sorted(DEMONYMS, key=len, reverse=True)]


def affiliation_of(span: Span) -> Optional[str]:
    text = span.text.lower().replace("’", "'")
    for key, pat in _DEMONYM_PATTERNS:
        if key in text and pat.search(text):
            return DEMONYMS[key]
    for ent in span.ents:
        if ent.label_ in ("GPE", "NORP", "ORG") and ent.root.dep_ in ("poss", "compound", "amod", "pobj", "nmod", "nsubj"):
            name = re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I).replace("’s", "").replace("'s", "")
            return DEMONYMS.get(name.lower(), name)
    return None


def describe(span: Span) -> Desc:
    """What a source mention says about its source, from its own words."""
    words = _words(span)
    root = span.root
    if root.lower_ in ("one", "some", "many", "several", "most", "all", "both", "each", "two", "three", "none", "few"):
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            root = pobj
    head = root.lower_
    lemma = root.lemma_.lower()
    d = Desc(source_type="unknown", anonymity="bare", head=head)
    d.plural = root.tag_ in ("NNS", "NNPS") or (root.lower_ in ("they", "we"))
    if root.lower_ in PRONOUN_NUMBER and len(span) == 1:
        d.is_pronoun = True
        d.source_type = "unknown"
        d.anonymity = "bare"
        d.plural = PRONOUN_NUMBER[root.lower_] == "pl"
        return d
    persons = [e for e in span.ents if e.label_ == "PERSON"]
    orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")]
    first = words[0] if words else ""
    if first in NUMBER_WORDS:
        d.count = NUMBER_WORDS[first]
    for t in span:
        if t.like_num and t.dep_ == "nummod":
            try:
                d.count = int(t.text)
            except ValueError:
                d.count = NUMBER_WORDS.get(t.lower_, d.count)
    if re.match(r"^one of\b", span.text.lower()):
        d.count = 1
    if d.count is None and not d.plural and root.pos_ in ("NOUN",) and first in ("a", "an", "one", "another"):
        d.count = 1
    d.seniority = next((w for w in words if w in RANK and w != "chief"), None)
    d.status = "former" if any(w in ("former", "ex", "ex-", "retired", "onetime", "erstwhile") for w in words) else None
    m = KNOWLEDGE.search(span.text)
    d.knowledge_basis = m.group(0).strip(" ,") if m else None
    d.affiliation = affiliation_of(span)
    role = _spokes_in(words) or _phrase_in(words, OFFICIAL) or _expert_in(words)
    d.role = role
    # a person's name: the run of proper nouns ending at the head ("... President Moon Jae-in"),
    # or a PERSON entity / apposition that is the head
    name_tokens = None
    title_words = OFFICIAL | SPOKES | EXPERT | {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "lord"}
    company = root.pos_ == "PROPN" and root.lower_ in ORG_DESIGNATORS and root.i > span.start and \
        span.doc[root.i - 1].pos_ == "PROPN"  # "Helix Pharma", "Vantor Industries", "Acme Corp."
    # a person's name the recognizer cut short ('Ursula von der' PERSON + 'Leyen' GPE)
    person_run = root.i > span.start and span.doc[root.i - 1].ent_type_ == "PERSON" and span.doc[root.i - 1].dep_ == "compound"
    # a name in apposition with a person's role is a person's, whatever the recognizer says
    # ('Oleh Kiper, the regional governor' read as an organization)
    person_run = person_run or any(
        c.dep_ == "appos" and (c.lower_ in OFFICIAL | SPOKES | EXPERT | INDIVIDUAL or c.lower_.endswith(EXPERT_SUFFIXES))
        and c.tag_ in ("NN", "NNP") for c in root.children)
    if root.pos_ == "PROPN" and root.lower_ not in title_words and not company and \
            (person_run or root.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART")) \
            and root.lower_ not in ORG | DOCUMENT | MEDIA and not MEDIA_NAMES.fullmatch(root.text):
        j = root.i
        while j - 1 >= span.start and span.doc[j - 1].pos_ == "PROPN" and span.doc[j - 1].lower_ not in title_words \
                and not span.doc[j - 1].lower_.endswith(EXPERT_SUFFIXES) \
                and (span.doc[j - 1].ent_type_ not in ("ORG", "GPE", "NORP", "FAC") or person_run and span.doc[j - 1].dep_ == "compound"):
            j -= 1
        name_tokens = span.doc[j: root.i + 1]
        # a title the word lists do not know ('Councilmember Eric Tran'): the person entity is the name
        pent = next((e for e in persons if e.start <= root.i < e.end), None)
        if pent is not None and name_tokens.start < pent.start and pent.end == root.i + 1 and len(pent) >= 2:
            name_tokens = pent
        if len(name_tokens) == 1 and root.ent_type_ != "PERSON" and not any(t.lower_ in title_words for t in span):
            name_tokens = None if orgs else name_tokens
    if name_tokens is None and len(span) == 1 and root.pos_ == "NOUN" and root.text[:1].isupper() and root.is_alpha \
            and root.lower_ not in ORG | DOCUMENT | MEDIA | GROUP | OFFICIAL | SPOKES | EXPERT | INDIVIDUAL | FAMILY \
            and root.lemma_.lower() not in ORG | DOCUMENT | MEDIA | GROUP | OFFICIAL | SPOKES | EXPERT | INDIVIDUAL:
        name_tokens = span  # a capitalized word alone as a source is a surname the tagger took for a noun ('Mendes')
    if name_tokens is None and not company:
        for c in root.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON":
                name_tokens = next((e for e in persons if e.start <= c.i < e.end), None)
        ent = next((e for e in persons if e.start <= root.i < e.end), None)
        if ent is not None:
            name_tokens = ent
    media_name = MEDIA_NAMES.search(span.text)

    if lemma in DOCUMENT or head in DOCUMENT:
        d.source_type = "document"
        d.anonymity = "named" if (orgs or persons or any(t.pos_ == "PROPN" for t in span) or
                                  any(t.dep_ == "poss" for t in span)) else "bare"
        d.name = None
        return d
    if (head in MEDIA or lemma in MEDIA) or RE_MEDIA_PHRASE.search(span.text) or \
            (media_name and (root.pos_ == "PROPN" or root.ent_type_ == "ORG") and not persons):
        d.source_type = "media"
        d.anonymity = "named" if media_name or orgs else "bare"
        d.name = _clean_org(span) if d.anonymity == "named" else None
        return d
    if name_tokens is not None:
        d.person_name = re.sub(r"['’]s$", "", name_tokens.text)
        d.name = d.person_name
        d.anonymity = "named"
        d.count = 1
        # the person's role is in the title and apposition, not in the names of the places and bodies
        # they belong to ('a professor ... at King's College London' is no king)
        rw = _role_words(span)
        d.source_type = ("spokesperson" if _spokes_in(rw) else
                         "official" if _phrase_in(rw, OFFICIAL) else
                         "expert" if _expert_in(rw) else "individual")
        return d
    if _spokes_in(words):
        d.source_type = "spokesperson"
    elif lemma in ("person", "people", "source", "sources", "someone", "individual", "insider", "insiders"):
        d.source_type = "unknown"
    elif head in GROUP or lemma in GROUP or (root.ent_type_ == "NORP" and d.plural):
        d.source_type = "official" if lemma in ("official",) else "group"
    elif _phrase_in(words, OFFICIAL) and (lemma in OFFICIAL or head in OFFICIAL or root.lower_ in OFFICIAL):
        d.source_type = "official"
    elif lemma in EXPERT or head in EXPERT or head.endswith(EXPERT_SUFFIXES):
        d.source_type = "expert"
    elif lemma in INDIVIDUAL or head in INDIVIDUAL:
        d.source_type = "individual"
    elif lemma in ORG or head in ORG or root.ent_type_ in ("ORG", "GPE") or (root.ent_type_ == "NORP" and not d.plural) or \
            (root.pos_ == "PROPN" and orgs):
        d.source_type = "organization"
        d.anonymity = "named"
        d.name = _clean_org(span)
        return d
    elif root.pos_ == "NOUN" and (lemma in FAMILY or head in FAMILY or RE_AGENT_NOUN.match(head)):
        d.source_type = "group" if d.plural else "individual"  # 'the actor', 'Kim's sister', 'novelists'
    elif root.pos_ == "PROPN":
        d.source_type = "organization"
        d.anonymity = "named"
        d.name = _clean_org(span)
        return d
    # anonymous people: how identifiable?
    generic = {"official", "officials", "expert", "experts", "analyst", "analysts", "source", "sources", "people",
               "person", "critics", "critic", "observers", "observer", "researchers", "scientists", "economists",
               "diplomats", "insiders", "residents", "witnesses", "others", "many", "some", "activists"}
    has_aff = d.affiliation is not None or any(t.dep_ == "poss" and t.pos_ in ("PROPN",) for t in span) or \
        any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span if t.i != root.i) or \
        any(t.dep_ in ("compound", "nmod") and t.pos_ == "NOUN" and t.lower_ in ORG and t.head.i == root.i
            for t in span if t.i < root.i)  # 'an energy ministry official', 'an administration official'
    definite = first in ("the",) or any(t.dep_ == "poss" for t in span if t.i < root.i)
    unique = _phrase_in(words, UNIQUE_ROLES)
    if not d.plural and definite and unique and first not in ("a", "an", "one", "another") and d.count in (None, 1) \
            and not re.match(r"^one of\b", span.text.lower()):
        d.anonymity = "identifiable"
        d.count = 1
    elif has_aff or (d.seniority and d.source_type in ("official", "spokesperson")) or \
            (d.role and d.role not in generic and d.source_type != "group" and not d.plural):
        # a plural trade with no affiliation or rank ('forecasters said', 'lawmakers say') is as bare
        # as 'officials said'; one holder of a role ('a spokesperson') is described
        d.anonymity = "described"
    elif d.knowledge_basis:
        d.anonymity = "vague"
    else:
        d.anonymity = "bare"
    return d


def _clean_org(span: Span) -> Optional[str]:
    """The organization's name, when the mention gives one ('the State Department' -> 'State Department')."""
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "FAC") for t in span):
        return None
    t = re.sub(r"^(?:the|a|an)\s+", "", span.text, flags=re.I)
    # an apposition after the name describes it ('NHTSA, the federal safety agency')
    t = re.split(r",\s+(?:the|a|an|which|who)\s", t, maxsplit=1, flags=re.I)[0]
    return t.strip(" ,")


# ---------------------------------------------------------------- coreference inside the article


@dataclass
class Mention:
    id: str
    start: int
    end: int
    text: str
    desc: Desc
    antecedent: Optional["Mention"] = None
    reason: Optional[tuple[int, int]] = None  # the article's stated reason for anonymity (offsets)

    @property
    def root(self) -> "Mention":
        m, hops = self, 0
        while m.antecedent is not None and hops < 10:
            m, hops = m.antecedent, hops + 1
        return m


def _compatible(anaphor: Desc, ante: Desc) -> bool:
    if anaphor.affiliation and ante.affiliation and anaphor.affiliation != ante.affiliation:
        return False
    return True


def resolve_mention(m: Mention, prior: list[Mention], persons: list[tuple[int, str, Optional[Span]]]) -> None:
    """Point a mention at what it refers back to (pronoun, surname, anaphoric phrase)."""
    d = m.desc
    text_l = m.text.lower()
    if d.is_pronoun:
        want = PRONOUN_NUMBER.get(text_l, "sg_person")
        for p in reversed(prior):
            pd = p.root.desc
            if want == "sg_person" and (pd.person_name or pd.source_type in ("official", "spokesperson", "expert", "individual")) and not pd.plural:
                m.antecedent = p
                return
            if want == "pl" and (pd.plural or pd.source_type in ("organization", "group")):
                m.antecedent = p
                return
            if want == "sg_thing" and pd.source_type in ("organization", "document", "media"):
                m.antecedent = p
                return
        return
    # a bare name (surname) matching an earlier, fuller mention of a person ("Price", "Moon",
    # "Hassan Rouhani"); also a capitalized word the tagger took for a noun ("Price said")
    words = m.text.split()
    name_like = d.person_name or (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                                  and d.source_type in ("unknown", "organization", "individual"))
    if name_like:
        parts = set(re.findall(r"[\w\-]+", d.person_name or m.text))
        for p in reversed(prior):
            pn = p.root.desc.person_name
            if pn and p.text != m.text and parts <= set(re.findall(r"[\w\-]+", pn)):
                # a name inside a fuller source mention ("the state's attorney general, Chris Carr")
                # refers back to that mention, which says who the person is
                m.antecedent = next((q for q in prior if q is not p and q.start <= p.start and p.end <= q.end
                                     and q.root.desc.person_name == pn), p)
                return
    # "the company", "the ministry": the latest organization named before
    if re.match(r"^the\b", text_l) and d.source_type in ("organization", "document") and d.anonymity != "named" or \
            re.match(r"^the\b", text_l) and d.source_type == "organization" and d.name is None:
        for p in reversed(prior):
            pd = p.root.desc
            if pd.source_type == d.source_type and (pd.name or pd.anonymity == "named") and _compatible(d, pd) and \
                    (d.source_type == "organization" or p.desc.head == d.head):
                m.antecedent = p
                return
    # anaphoric definite phrase: "the officials", "the U.S. official", "one of the officials"
    if re.match(r"^(?:the|this|that|these|those|one of the|some of the|both|each of the)\b", text_l) and not d.person_name:
        for p in reversed(prior):
            pd = p.root.desc
            same_head = p.desc.head.rstrip("s") == d.head.rstrip("s") or (pd.head.rstrip("s") == d.head.rstrip("s"))
            if same_head and _compatible(d, pd) and not pd.is_pronoun:
                m.antecedent = p
                return


def lone_name(m: Mention, text: str) -> None:
    """A single capitalised name as a source that refers back to nobody ('Pfizer said', 'Blinken said').

    News names a person in full on first reference and by surname after, so: if the text before
    it names someone in full with this surname, it is that person (even where nothing was parsed);
    otherwise a lone name on first reference is an organization's."""
    d = m.desc
    word = m.text.strip()
    if " " in word or not word[:1].isupper() or d.is_pronoun or d.person_name != word or \
            d.source_type not in ("individual", "unknown"):
        return
    full = None
    before = text[:m.start]
    titles = TITLE_ABBREV | {w for w in OFFICIAL | SPOKES | EXPERT if " " not in w} | {"state", "house", "of", "the", "foreign"}
    for hit in re.finditer(rf"\b((?:(?:[A-Z]\.|[A-Z][\w’'\-]+\.?|van|von|de|der|ten|al|bin|of|of the)\s+)+){re.escape(word)}\b", before):
        words = hit.group(1).split()
        dropped = []
        while words and (words[0].lower().strip(".") in titles or words[0].lower() in SENTENCE_WORDS):
            dropped.append(words[0].lower())
            words = words[1:]
        role = [w for w in dropped if w.strip(".") in titles and w not in ("of", "the", "state", "house", "foreign")]
        if (words and words[-1] not in ("of", "the")) or (not words and role):  # 'Bank of England' names no person;
            full = " ".join(words[-2:] + [word])                                  # 'President Trump' does
            d.source_type = ("spokesperson" if _spokes_in(role) else "official" if (_phrase_in(role, OFFICIAL) or any(
                w.strip(".") in TITLE_ABBREV - {"mr", "mrs", "ms", "dr", "prof", "rev", "sir", "dame"} for w in role))
                else "expert" if (_expert_in(role) or "dr." in role or "prof." in role) else "individual")
    # family name first ('Moon Jae-in', 'Xi Jinping'): the name goes on after it, and is no company's
    after_name = re.search(rf"\b{re.escape(word)}\s+([A-Z][\w’'\-]+)\b", before)
    if full is None and after_name and after_name.group(1).lower() not in ORG_DESIGNATORS and after_name.group(1).strip(".").lower() not in ORG_DESIGNATORS:
        full = after_name.group(0)
    if full is not None:
        d.person_name = d.name = " ".join(full.split())
        return
    m.desc = Desc(source_type="organization", anonymity="named", name=word, head=d.head, count=None)


def merged(m: Mention) -> Desc:
    """The mention's description, filled in from its antecedent chain."""
    d = m.desc
    if m.antecedent is None:
        return d
    r = merged(m.antecedent)
    out = Desc(**{**r.__dict__})
    out.is_pronoun = d.is_pronoun
    out.head = d.head
    if d.count is not None and not r.plural:
        out.count = d.count
    elif d.count is not None:
        out.count = d.count
    if re.match(r"^one of\b", m.text.lower()):
        out.count = 1
        out.plural = False
    return out


# ---------------------------------------------------------------- rows


def channel_for(c: Cand, d: Desc, article: Article) -> Optional[str]:
    rec = (c.recipient or "").lower()
    cue = (c.cue or "").lower()
    if c.kind == "reporter":
        return None
    if rec in ("me", "us", "this reporter", "this newspaper") or re.search(r"\b(?:tell|told|telling) (?:me|us)\b", cue):
        return "told_this_outlet"
    if rec:
        if article.outlet and article.outlet.lower().split()[-1] in rec:
            return "told_this_outlet"
        if MEDIA_NAMES.search(c.recipient or "") or rec.startswith("the "):
            return "told_other_outlet"
        return "told_other"
    if "statement" in cue or "release" in cue:
        return "statement"
    if d is not None and d.source_type == "document":
        return "readout" if d.head == "readout" else "document"
    if c.cue_lemma in ("tweet", "post"):
        return "social_post"
    return "unknown" if c.kind != "declined" else None


def stance_for(c: Cand) -> Optional[str]:
    if c.kind == "reporter":
        return None
    if c.kind == "declined":
        return "refusal"
    if c.cue_lemma and c.cue_lemma in STANCE:
        return STANCE[c.cue_lemma]
    if c.negated:
        return "denial"
    return "neutral"


def describe_sources(cands: list[Cand], docs: list[Doc], article: Article) -> tuple[list[Claim], list[SourceMention]]:
    text = article.text
    mentions: dict[tuple[int, int], Mention] = {}
    prior: list[Mention] = []
    persons: list[tuple[int, str, Optional[Span]]] = []
    # every PERSON named in the parsed text, with the title before it, can be an antecedent
    person_mentions: list[Mention] = []
    for doc in docs:
        if not doc._.parsed:
            continue
        quotes = doc._.quotes or []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.text[:1].isupper() and \
                    not any(qs < ent.start_char < qe for qs, qe in quotes):
                lo = ent.start
                while lo > 0 and doc[lo - 1].dep_ in ("compound", "amod", "nmod", "poss", "case") and doc[lo - 1].head.i >= ent.start - 6:
                    lo -= 1
                span = doc[lo: ent.end]
                s, e = _tok_start(span[0]), _tok_end(span[-1])
                dd = describe(span)
                if dd.person_name:
                    person_mentions.append(Mention(f"{article.id}:p{s}", s, e, text[s:e], dd))

    # a person named in full is mentioned again by surname ("Raj Mehta ... Mehta shrugs off the
    # criticism. 'Let them doubt,' he says."): each later bare surname outside quotes is a mention
    # of that person, which a later pronoun can refer back to, even in a sentence nobody parsed
    all_quotes = sorted({q for d in docs for q in ((d._.offset + a, d._.offset + b) for a, b in (d._.quotes or []))})
    echoed: set[int] = set()

    def echo(m: Mention) -> None:
        name = merged(m).person_name
        if not name or id(m) in echoed:
            return
        echoed.add(id(m))
        parts = [w for w in re.findall(r"[\w\-’']+", name) if w.lower().strip(".") not in ("jr", "sr", "ii", "iii")]
        if len(parts) < 2 or len(parts[-1]) < 3 or not parts[-1][:1].isupper():
            return
        for hit in re.finditer(rf"(?<![\w\-]){re.escape(parts[-1])}(?![\w\-])", text[m.end:]):
            a = m.end + hit.start()
            if any(qs < a < qe for qs, qe in all_quotes) or text[max(0, a - len(parts[-2]) - 1):a].strip() == parts[-2]:
                continue
            d = Desc(source_type="individual", anonymity="named", person_name=name, name=name, count=1,
                     head=parts[-1].lower())
            e_ = Mention(f"{article.id}:n{a}", a, a + len(parts[-1]), parts[-1], d)
            e_.antecedent = m
            person_mentions.append(e_)

    for pm in list(person_mentions):
        echo(pm)

    attributed = [c for c in cands if c.kind != "reporter"]
    order = sorted(attributed, key=lambda c: (c.source_start if c.source_tokens is None and c.source_start is not None
                                                else (_tok_start(c.source_tokens[0]) if c.source_tokens is not None else c.start)))
    cand_mention: dict[int, Optional[Mention]] = {}
    for c in order:
        if c.follows is not None:
            continue
        if c.source_tokens is not None:
            span = c.source_tokens
            s, e = _tok_start(span[0]), _tok_end(span[-1])
            d = describe(span)
        elif c.source_text and c.source_start is not None:
            s, e = c.source_start, c.source_end or c.source_start + len(c.source_text)
            d = Desc(source_type="individual", anonymity="named", person_name=c.source_text, name=c.source_text, count=1)
        else:
            cand_mention[id(c)] = None
            continue
        key = (s, e)
        if key not in mentions:
            m = Mention(f"{article.id}:s{s}", s, e, text[s:e], d)
            # a name inside an earlier source mention ("Labour's shadow health secretary, Wes Streeting")
            # is that mention, which says more about the person
            earlier = sorted([p for p in prior if p.start < s] +
                             [p for p in person_mentions if p.end <= s and (p.start, p.end) not in mentions
                              and not any(q.start <= p.start and p.end <= q.end for q in prior)],
                             key=lambda p: p.start)
            resolve_mention(m, earlier, persons)
            if m.antecedent is None:
                lone_name(m, text)
            mentions[key] = m
            prior.append(m)
            echo(m)
        cand_mention[id(c)] = mentions[key]

    # reasons for anonymity
    reasons: list[tuple[int, int]] = []
    for doc in docs:
        for sent in doc.sents:
            if REASON.search(sent.text):
                reasons.append((_tok_start(sent[0]), _tok_end(sent[-1])))
    for rs, re_ in reasons:
        anon = [m for m in prior if m.start < re_ and merged(m).anonymity != "named"]
        if not anon:
            continue
        target = anon[-1].root
        for m in prior:
            if m.root is target:
                m.reason = (rs, re_)

    sources: list[SourceMention] = []
    # the mentions a source refers back to, and what those refer back to, are rows too
    chain: dict[tuple[int, int], Mention] = {}
    for m in prior:
        a = m.antecedent
        while a is not None and (a.start, a.end) not in mentions and (a.start, a.end) not in chain:
            chain[(a.start, a.end)] = a
            a = a.antecedent
    all_mentions = {**chain, **mentions}
    for (s, e), m in sorted(all_mentions.items()):
        d = merged(m)
        reason = m.reason or m.root.reason
        sources.append(SourceMention(
            id=m.id, article=article.id, text=m.text, start=s, end=e, source_type=d.source_type, anonymity=d.anonymity,
            count=d.count, affiliation=d.affiliation, role=d.role, seniority=d.seniority, status=d.status,
            knowledge_basis=d.knowledge_basis, anonymity_reason=text[reason[0]:reason[1]] if reason else None,
            anonymity_reason_start=reason[0] if reason else None, name=d.name,
            is_pronoun=d.is_pronoun or m.antecedent is not None,
            antecedent=all_mentions.get((m.antecedent.start, m.antecedent.end), m.antecedent).id if m.antecedent else None))

    claims: list[Claim] = []
    for c in cands:
        src = c
        hops = 0
        while src.follows is not None and hops < 20:
            src, hops = src.follows, hops + 1
        m = cand_mention.get(id(src)) if src.kind != "reporter" else None
        d = merged(m) if m is not None else None
        if c.kind == "reporter":
            source_type = anonymity = None
        elif d is None:
            source_type, anonymity = "unknown", "bare"
        else:
            source_type, anonymity = d.source_type, d.anonymity
        claims.append(Claim(
            id=c.id, article=article.id, content=text[c.start:c.end], start=c.start, end=c.end, kind=c.kind,
            cue=c.cue if c.kind != "reporter" else None, cue_start=c.cue_start,
            source=m.text if m is not None else None, source_id=m.id if m is not None else None,
            source_name=d.name if d is not None else None, source_type=source_type, anonymity=anonymity,
            parent=c.parent.id if c.parent is not None else None, inherited=c.inherited, stance=stance_for(c),
            polarity="negative" if c.negated else "positive",
            channel=channel_for(src, d, article) if d is not None or c.kind != "reporter" else None,
            recipient=src.recipient if c.kind != "reporter" else None, paragraph=c.paragraph, sentence=c.sent_index,
            rule=c.rule, note="; ".join(c.notes) or None))
    return claims, sources
