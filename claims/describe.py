"""Describe one source mention from its own words: source_type, anonymity, count, affiliation,
role, seniority, status, knowledge basis, and the name it gives (``describe``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from .attribution import RE_AGENT_NOUN
from .descriptors import phrase_in as _phrase_in
from .lexicon import (CANDIDACY, EXECUTIVE, IDEOLOGIES, MEDIA_ROLES, PARTIES, DEMONYMS, DOCUMENT, EXPERT, EXPERT_SUFFIXES, FAMILY, GROUP, HONORIFICS, INDIVIDUAL, KNOWLEDGE, MEDIA,
                      MEDIA_NAMES, NUMBER_WORDS, OFFICIAL, ORG, ORG_DESIGNATORS, PRONOUN_NUMBER, RANK, RE_MEDIA_PHRASE,
                      SHARES, SPOKES, UNIQUE_ROLES)


@dataclass
class Desc:
    source_type: str
    anonymity: Optional[str]
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


def _role_words(span: Span, name: Optional[Span] = None) -> list[str]:
    """The span's words outside prepositional objects and possessors ('professor emeritus of nutrition
    at King's College London' -> 'professor emeritus'; 'the State Department's spokesman' -> 'the spokesman'),
    and outside the person's name ('Mr. King' is no king)."""
    out = []
    for t in span:
        if name is not None and name.start <= t.i < name.end:
            continue
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


def _persons_and_orgs(span: Span) -> tuple[list[Span], list[Span]]:
    """The span's PERSON entities and its organization or place entities (its entities read once: each reading
    walks the whole Doc's)."""
    ents = span.ents
    return [e for e in ents if e.label_ == "PERSON"], [e for e in ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")]


def describe(span: Span) -> Desc:
    """What a source mention says about its source, from its own words."""
    words = _words(span)
    root = span.root
    if root.lower_ in ("one", "some", "many", "several", "most", "all", "both", "each", "two", "three", "none", "few") or \
            root.lower_ in SHARES:  # '31 percent of those surveyed', 'a majority of Republicans': those surveyed
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            root = pobj
    if root.pos_ == "NUM" and span[0].lower_ in ("those", "these") and span[0].i != root.i:
        root = span[0]  # 'those over 60' read as a number with a determiner: those
    of_them = root.i != span.root.i and root.lower_ in ("them", "us", "you") and span.root.lower_ in SHARES
    if root.lower_ in SHARES or of_them:
        # 'Thirty-seven percent', 'only 7 percent' (of those polled), 'nearly 10 percent of them': a plurality,
        # described when the clause says whose share it is ('Among union members, 61 percent said ...')
        among = _among(span)
        return Desc(source_type="group", anonymity="described" if among is not None and _affiliated(among) else "bare",
                    head=span.root.lower_ if of_them else root.lower_, plural=True)
    conj = [c for c in root.children if c.dep_ == "conj" and span.start <= c.i < span.end and c.pos_ in ("NOUN", "PROPN")]
    if root.pos_ == "PRON" and conj:
        # 'she and another reporter': a pronoun joined to a description; the description says what kind of
        # source the pair is, and the pair is no better named than its least named member
        c = conj[0]
        d = describe(span.doc[c.left_edge.i: c.right_edge.i + 1])
        d.plural, d.count, d.person_name, d.name, d.head = True, None, None, None, root.lower_
        d.anonymity = "described" if d.anonymity == "named" else d.anonymity
        return d
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
    persons, orgs = _persons_and_orgs(span)
    first = words[0] if words else ""
    if first in NUMBER_WORDS:
        d.count = NUMBER_WORDS[first]
    for t in span:
        if t.like_num and t.dep_ == "nummod":
            try:
                d.count = int(t.text.replace(",", ""))
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
    title_words = OFFICIAL | SPOKES | EXPERT | CANDIDACY | EXECUTIVE | MEDIA_ROLES | GROUP | {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "lord"}
    company = root.pos_ == "PROPN" and root.lower_ in ORG_DESIGNATORS and root.i > span.start and \
        span.doc[root.i - 1].pos_ == "PROPN"  # "Helix Pharma", "Vantor Industries", "Acme Corp."
    # a person's name the recognizer cut short ('Ursula von der' PERSON + 'Leyen' GPE)
    person_run = root.i > span.start and span.doc[root.i - 1].ent_type_ == "PERSON" and span.doc[root.i - 1].dep_ == "compound"
    # a name in apposition with a person's role is a person's, whatever the recognizer says
    # ('Oleh Kiper, the regional governor' read as an organization)
    person_run = person_run or any(
        c.dep_ == "appos" and (c.lower_ in OFFICIAL | SPOKES | EXPERT | INDIVIDUAL or c.lower_.endswith(EXPERT_SUFFIXES))
        and c.tag_ in ("NN", "NNP") for c in root.children)
    # an honorific before a surname makes it a name, never a title ('Mr. King', 'Ms. Bishop')
    honored = root.i > span.start and span.doc[root.i - 1].lower_.rstrip(".") in HONORIFICS
    if root.pos_ == "PROPN" and (root.lower_ not in title_words or honored) and not company and \
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
            and root.lower_ not in CANDIDACY | EXECUTIVE | MEDIA_ROLES \
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

    if (lemma in DOCUMENT or head in DOCUMENT) and not (root.text[:1].isupper() and MEDIA_NAMES.fullmatch(root.text)):
        # a document is named by its title or issuer ('a Pew poll', 'her memo'); one described but not
        # issued ('a police report', 'exit polls') is described; 'polls' alone is bare
        d.source_type = "document"
        issuer = orgs or persons or any(t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") for t in span) or \
            any(t.text[:1].isupper() and t.head.dep_ == "prep" and t.head.lower_ in ("by", "from", "of") for t in span) or \
            any(t.dep_ == "poss" and t.pos_ in ("PROPN", "PRON") for t in span)
        modified = any(t.dep_ in ("amod", "compound", "nmod", "acl", "relcl", "prep") and t.head.i == root.i
                       for t in span.doc[span.start:span.end] if t.i != root.i) or \
            any(t.dep_ == "poss" for t in span)
        d.anonymity = "named" if issuer else "described" if modified else "bare"
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
        rw = _role_words(span, name_tokens)
        d.source_type = ("spokesperson" if _spokes_in(rw) else
                         "official" if _phrase_in(rw, OFFICIAL) or _phrase_in(rw, CANDIDACY) or _phrase_in(rw, EXECUTIVE) else
                         "expert" if _expert_in(rw) else "individual")
        return d
    if _spokes_in(words):
        d.source_type = "spokesperson"
    elif lemma in ("person", "people", "source", "sources", "someone", "individual", "insider", "insiders"):
        d.source_type = "unknown"
    elif head in GROUP or lemma in GROUP or (root.ent_type_ == "NORP" and d.plural):
        d.source_type = "official" if lemma in ("official",) else "group"
    elif head in MEDIA_ROLES or lemma in MEDIA_ROLES:
        d.source_type = "media"  # 'reporters', 'a columnist': journalists
    elif lemma in CANDIDACY or head in CANDIDACY or lemma in EXECUTIVE or head in EXECUTIVE or \
            _ends_at_head(_phrase_in(words, CANDIDACY), head) or _ends_at_head(_phrase_in(words, EXECUTIVE), head):
        d.source_type = "official"  # 'candidates', 'executives', "the governor's campaign manager": offices sought and held
    elif lemma in OFFICIAL or _phrase_in(words, OFFICIAL) and (head in OFFICIAL or root.lower_ in OFFICIAL):
        d.source_type = "official"
    elif lemma in EXPERT or head in EXPERT or head.endswith(EXPERT_SUFFIXES):
        d.source_type = "expert"
    elif lemma in INDIVIDUAL or head in INDIVIDUAL:
        d.source_type = "group" if d.plural else "individual"  # 'a teacher'; 'teachers' are a plurality
    elif not d.plural and first in ("a", "an", "one", "another") and \
            (root.ent_type_ == "NORP" or len(head) > 1 and head in PARTIES or head in DEMONYMS):
        # one person told by party or nation ('one Harlan County Democrat', 'a Canadian'): a private person
        # described, not the party's or the nation's voice; with a rank, one who holds a post ('one senior Democrat')
        d.source_type = "official" if d.seniority else "individual"
        d.anonymity = "described"
        return d
    elif d.plural and root.pos_ == "NOUN" and (lemma in ORG or head in ORG) and not orgs and \
            not any(t.pos_ == "PROPN" for t in span):
        d.source_type = "organization"  # 'companies', 'some campaigns': organizations no one names
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
    has_aff = d.affiliation is not None or _affiliated(span, root)
    definite = first in ("the",) or any(t.dep_ == "poss" for t in span if t.i < root.i)
    unique = _phrase_in(words, UNIQUE_ROLES)
    if not d.plural and definite and unique and first not in ("a", "an", "one", "another") and d.count in (None, 1) \
            and not re.match(r"^one of\b", span.text.lower()):
        d.anonymity = "identifiable"
        d.count = 1
    elif has_aff or (d.seniority and d.source_type in ("official", "spokesperson")):
        d.anonymity = "described"  # 'two senior Israeli officials', 'a spokesperson for the ministry'
    elif d.knowledge_basis:
        d.anonymity = "vague"  # 'officials familiar with the talks'
    elif (d.role and d.source_type != "group" and not d.plural) or \
            (not d.plural and root.pos_ == "NOUN" and d.source_type not in ("unknown", "document")) or \
            (d.plural and d.source_type in ("official", "organization")) or \
            (d.plural and d.count is not None and d.source_type == "group" and lemma in INDIVIDUAL):
        # one person described ('a reporter', 'the man'); holders of an office and bodies of a kind
        # ('officials said', 'candidates say', 'companies said': the story says whose); a counted trade
        # ('1,409 teachers'). A plurality with no more than a trade or a stance ('critics say', 'experts
        # say', 'voters said') is bare
        d.anonymity = "described"
    else:
        d.anonymity = "bare"
    return d


def _ends_at_head(phrase: Optional[str], head: str) -> bool:
    """Is the phrase found in a mention the mention's head ('campaign manager' in "the governor's campaign manager")?"""
    return phrase is not None and phrase.split()[-1] == head


def _affiliated(span: Span, root=None) -> bool:
    """Does the mention say whose side, body or cause it belongs to: a possessor or an entity name
    ('union voters', 'his aides', 'the company's engineers'), a body ('agency officials'), a party or an
    ideology?"""
    root = span.root if root is None else root
    return any(t.dep_ == "poss" and t.pos_ == "PRON" and t.head.i == root.i for t in span) or \
        any(t.dep_ in ("poss", "compound") and t.pos_ == "PROPN" and t.i < root.i and not t.like_num and
               t.ent_type_ not in ("PERCENT", "CARDINAL", "QUANTITY", "DATE", "MONEY") and not any(ch.isdigit() for ch in t.text)
               and t.text[:1].isupper() and not all(w in NUMBER_WORDS for w in t.lower_.split("-"))
               for t in span) or \
        any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span if t.i != root.i) or \
        any(t.dep_ in ("compound", "nmod") and t.pos_ == "NOUN" and t.lower_ in ORG and t.head.i == root.i
            for t in span if t.i < root.i) or \
        any(t.lower_ in IDEOLOGIES or t.lower_ in PARTIES and len(t.lower_) > 1 for t in span) or \
        any(p.dep_ == "prep" and p.lower_ in ("for", "with", "at", "from", "of") and any(
            o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.lemma_.lower() in ORG) for o in p.children)
            for p in root.children if span.start <= p.i < span.end)  # 'lawyers for the county'


def _among(span: Span) -> Optional[Span]:
    """The plurality a share is taken from, named by 'among' in its clause or a clause above it
    ('Among Democrats, 60 percent said ..., while 30 percent said ...')."""
    a = span.root
    while a.head.i != a.i:
        a = a.head
        for c in a.children:
            if c.dep_ == "prep" and c.lower_ == "among" and not (span.start <= c.i < span.end):
                pobj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if pobj is not None:
                    return span.doc[pobj.left_edge.i: pobj.right_edge.i + 1]
    return None


def _clean_org(span: Span) -> Optional[str]:
    """The organization's name, when the mention gives one ('the State Department' -> 'State Department')."""
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "FAC") for t in span):
        return None
    t = re.sub(r"^(?:the|a|an)\s+", "", span.text, flags=re.I)
    # an apposition after the name describes it ('NHTSA, the federal safety agency')
    t = re.split(r",\s+(?:the|a|an|which|who)\s", t, maxsplit=1, flags=re.I)[0]
    return t.strip(" ,")
