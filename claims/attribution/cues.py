"""Cue words: which words can start an attribution (the prefilter) and which verbs are cues (with the
constructions some need), from the cue lexicon (claims/data/cues.yml)."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from ..lexicon import (AGREEMENT_PREPOSITIONS, AMOUNT_NEARNESS, AMOUNT_PREPOSITIONS, CALL_PREPOSITIONS, CLEAR_ADJECTIVES, CLEAR_VERB_FORMS, CONCERN_NOUNS, CUE_ADJECTIVES, CUE_NOUN_FORMS, CUE_NOUNS, DECLINE_LEMMAS, LIGHT_VERB_FORMS_OF, NEGATED_ONLY_LEMMAS, NO_RESPONSE,
                       OTHER_CUE_WORDS, POSSESSIVE_PRONOUNS, SPEECH_LEMMAS, SPEECH_OBJECTS, TIME_NOUNS, VERBS, verb_forms, CueVerb)
from .text import to_infinitive

# Agent nouns (English derivational suffixes): 'actor', 'novelist', 'historian', 'applicant', 'employee'.
RE_AGENT_NOUN = re.compile(r"(?![a-z]*ments?$)[a-z]{2,}(?:er|or|ist|ian|ant|ent|ee|eer|ess)s?$"
                           r"|[a-z]{2,}(?:man|woman|men|women|person|persons)$|[a-z]{3,}ates$|candidate")
# Closed classes the rules test tokens against.
REL_PRONOUNS = {"which", "who", "that", "whom"}
QUOTE_MARKS = {'"', "“", "”", "‘", "’", "``", "''"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}


def _cue_words() -> frozenset[str]:
    words = set(OTHER_CUE_WORDS) | set(CUE_ADJECTIVES)
    for lemma in SPEECH_LEMMAS | DECLINE_LEMMAS | NO_RESPONSE:
        words |= verb_forms(lemma)
    return frozenset(words)

# The prefilter: a sentence without one of these words (and without a quote mark) cannot hold an
# attribution the Finder recognises, so it need not be parsed. Built from the lexicon above.
CUE_WORDS = _cue_words()

RE_WORD = re.compile(r"[A-Za-z]+")

# Lemmas that are cues only in a construction: "did not return calls", "could not be reached";
# the noun-verb homograph "state(s)" only before what it states.
RE_NEGATION_BEFORE = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno)\W+(?:\w+\W+){0,3}$", re.I)

NEGATED_ONLY = {f for lemma in NEGATED_ONLY_LEMMAS for f in verb_forms(lemma)}

# A cue noun counts only after a possessor ("her call for", "the mayor's support for"), up to three words before.
RE_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(POSSESSIVE_PRONOUNS)) + r")|\w['’]s?)\s+(?:[\w-]+,?\s+){0,3}$", re.I)

# ... or after a light verb it can follow, up to three words before ("made the point", "took a swipe").
_by_verbs: dict[frozenset, re.Pattern] = {}
RE_LIGHT_VERB_BEFORE = {form: _by_verbs.setdefault(verbs, re.compile(r"\b(?:" + "|".join(sorted(verbs)) + r")\s+(?:[\w-]+,?\s+){0,3}$", re.I))
                        for form, verbs in LIGHT_VERB_FORMS_OF.items()}

# ... or, with no one's, before the clause it reports ("complaints that the count was rigged").
CLAUSE_NOUN_FORMS = frozenset(f for f, lemma in CUE_NOUN_FORMS.items()
                              if CUE_NOUNS[lemma].clause and not CUE_NOUNS[lemma].light_only and CUE_NOUNS[lemma].act != "belief")
RE_THAT_AFTER = re.compile(r"\s+that\b", re.I)

# A clarity adjective counts after a verb it goes with, up to two words before ("made clear", "made it very clear").
RE_CLEAR_VERB_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(CLEAR_VERB_FORMS)) + r")\s+(?:[\w-]+\s+){0,2}$", re.I)

RE_STATES_WHAT = re.compile(r"\s*(?:that\b|:|[\"“‘']|,)", re.I)

def has_cue_hint(text: str, start: int = 0, end: Optional[int] = None) -> bool:
    """Does text[start:end] hold a word that can start an attribution the Finder recognises?

    A capitalised cue word inside a sentence is part of a name ('Secretary of State', 'the
    Washington Post', 'Point Reyes') and does not count; some lemmas count only in their
    construction (see NEGATED_ONLY, RE_STATES_WHAT)."""
    end = len(text) if end is None else end
    for m in RE_WORD.finditer(text, start, end):
        w = m.group(0)
        low = w.lower()
        if low in CLEAR_ADJECTIVES and RE_CLEAR_VERB_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            return True
        if low not in CUE_WORDS:
            if low in CUE_NOUN_FORMS and (RE_POSSESSIVE_BEFORE.search(text, max(start, m.start() - 60), m.start()) or
                                          RE_LIGHT_VERB_BEFORE[low].search(text, max(start, m.start() - 60), m.start()) or
                                          low in CLAUSE_NOUN_FORMS and RE_THAT_AFTER.match(text, m.end(), end)):
                return True
            continue
        if w[0].isupper() and re.search(r"[\w,;]\s*$", text[start:m.start()]):
            continue  # inside a name, not the first word of the sentence or clause
        if low in NEGATED_ONLY and not RE_NEGATION_BEFORE.search(text[max(start, m.start() - 40):m.start()]):
            continue
        if low in ("state", "states") and not RE_STATES_WHAT.match(text, m.end(), end):
            continue
        return True
    return False

def takes_clause_frame(lemma: str) -> bool:
    """Does the cue verb take a clause or quotation as content (speech and thought), rather than only a
    phrase (praise, plans, talk about something)? (A verb outside the lexicon takes neither.)"""
    entry = VERBS.get(lemma)
    return entry is not None and bool({"clause", "complement", "object", "quote"} & set(entry.frames))

def _concern_object(t: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in CONCERN_NOUNS or c.lower_ in CONCERN_NOUNS)
               for c in t.children)

def as_clause_predicate(c: Token) -> bool:
    """'sees the party as insufficiently committed', 'see the campaign as most unfair': a predicate the
    parser read as an adverbial clause that 'as' opens, after the object."""
    return c.dep_ == "advcl" and c.left_edge.lower_ == "as" and c.left_edge.dep_ in ("mark", "advmod") and \
        any(o.dep_ in ("dobj", "obj") and o.i < c.i for o in c.head.children)


def _as_phrase(t: Token) -> bool:
    # "described the revelations as shocking": a verdict; "described the scene" is narration
    return any(c.dep_ in ("prep", "oprd") and c.lower_ == "as" for c in t.subtree if c.head.i in (t.i,) or c.head.head.i == t.i) \
        or any(as_clause_predicate(c) for c in t.children)

def _account(t: Token) -> bool:
    # "described the plan as reckless" (a verdict), and an account of what happened: "described how the
    # talks failed" ("described the scene" is narration)
    return _as_phrase(t) or any(c.dep_ == "ccomp" and c.i > t.i for c in t.children)


def agreed_to(t: Token) -> bool:
    """'agreed to pay the fine', 'agreed to a settlement', 'agreed on a date': what is agreed, an infinitive or the
    object of 'to' or 'on' after the verb (not the object of a relative clause: 'the one thing they agree on', 'a
    debate that the rivals agreed to hold'). What two parties named together agree to do ('Lowell and Morrow agreed to meet again') is a
    deal between them, an act, not what either says."""
    joint = any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in t.children)
    return any(c.dep_ == "xcomp" and c.left_edge.i > t.i and to_infinitive(c) and not joint or
               c.dep_ == "prep" and c.i > t.i and c.lower_ in AGREEMENT_PREPOSITIONS and not (joint and c.lower_ == "to") and
               any(g.dep_ in ("pobj", "pcomp") and g.i > c.i for g in c.children)
               for c in t.children)


def amount_phrase(t: Token) -> Optional[Token]:
    """'put her support at 40 percent', 'put the tally closer to 900': the phrase after the verb's object that
    gives an amount (cues.yml amount_prepositions, or 'to' after a word of amount_nearness, whose object holds a
    number)."""
    for c in t.children:
        if c.i <= t.i:
            continue
        prep = c if c.dep_ == "prep" and c.lower_ in AMOUNT_PREPOSITIONS else next(
            (p for p in c.children if p.dep_ == "prep" and p.lower_ == "to"), None) \
            if c.dep_ == "advmod" and c.lemma_.lower() in AMOUNT_NEARNESS else None
        if prep is not None and any(x.like_num or x.text in ("$", "%") for g in prep.children if g.dep_ == "pobj"
                                    for x in g.subtree):
            return c
    return None


def _call_frame(t: Token) -> bool:
    kids = {c.dep_ for c in t.children}
    # (and a name the parser read as an open complement with no 'to', 'with Morrow calling Lowell a fraud')
    return bool(kids & {"oprd", "ccomp"}) or bool(call_objects(t)) or naming_object(t) is not None or \
        any(c.dep_ == "xcomp" and c.i > t.i and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and
            not any(g.dep_ in ("aux", "auxpass") for g in c.children) for c in t.children)  # (not 'called back hoping to ...')


def call_preps(t: Token) -> list[Token]:
    """'called for a ceasefire', 'called on the board to resign': 'on' or 'for' (call_prepositions in cues.yml;
    a preposition, or a particle with its object) after no object, with no
    time for its object ('called her mother on Sunday', 'called on Tuesday' are calls, not demands); and
    'for' as the mark of an infinitive clause ('called Wednesday for the judge to resign')."""
    if any(c.dep_ in ("dobj", "obj") and not is_time(c) or c.dep_ == "oprd" for c in t.children):
        return []  # (nor after a name: 'has been called "the boss" for years')
    preps = [c for c in t.children if c.dep_ in ("prep", "prt") and c.lower_ in CALL_PREPOSITIONS and c.i > t.i and
             not any(g.dep_ == "pobj" and is_time(g) for g in c.children)]
    return preps + [m for c in t.children if c.dep_ == "advcl" and c.i > t.i for m in c.children
                    if m.dep_ == "mark" and m.lower_ == "for" and m.i == c.left_edge.i]


def call_objects(t: Token) -> list[Token]:
    """What a call is for or on: the objects of call_preps, or the clause 'for' marks."""
    return [g for p in call_preps(t) for g in ([p.head] if p.dep_ == "mark" else p.children)
            if g.dep_ in ("pobj", "pcomp", "advcl")]


def is_time(t: Token) -> bool:
    return t.lower_ in TIME_NOUNS or t.ent_type_ in ("DATE", "TIME")


def naming_object(t: Token) -> Optional[Token]:
    """'called the move "a disaster"', 'called his rules a step forward', 'called protesters "thugs"': the
    object and the name given to it, which the parser read as one noun phrase (the name an apposition with
    no comma before it, or a quoted noun the object modifies). 'called Smith, his friend,' is no naming."""
    for obj in (c for c in t.children if c.dep_ in ("dobj", "obj") and c.i > t.i):
        doc = obj.doc
        if any(a.dep_ == "appos" and a.i > obj.i and doc[a.left_edge.i - 1].text != "," for a in obj.children):
            return obj
        sub = list(obj.subtree)
        if any(q.text in QUOTE_MARKS and q.i > sub[0].i and doc[q.i - 1].pos_ in ("NOUN", "PROPN", "PRON") and
               doc[q.i - 1].i < obj.i for q in sub):
            return obj
        if name_inside(obj, sub) or name_after(t, obj) is not None:
            return obj
    return None


def name_inside(obj: Token, sub: list[Token]) -> bool:
    """'called the feud with the auditors unusual', 'called those running the ferry "amateurs"': the name
    the parser hung inside the object, an adjective after the noun it would modify that ends the object, or a
    quotation that opens right after one of the object's nouns."""
    doc = obj.doc
    words = [x for x in sub if not x.is_punct]
    last = words[-1].i if words else obj.i
    for x in sub:
        if x.i <= obj.i:
            continue
        if x.dep_ == "amod" and x.pos_ == "ADJ" and x.head.i < x.i and x.right_edge.i >= last:
            return True
        if x.text in QUOTE_MARKS and not x.whitespace_ and doc[x.i - 1].whitespace_ and \
                doc[x.i - 1].pos_ in ("NOUN", "PROPN", "PRON") and doc[x.i - 1].i >= obj.i:
            return True
    return False


def name_after(t: Token, obj: Token) -> Optional[Token]:
    """'calling him "a fine clerk"', 'called that "plain nonsense"': the name after the object, which the
    parser hung on the verb as a second object or as a phrase the quotation opens."""
    for x in t.children:
        if x.i <= obj.right_edge.i or x.is_punct:
            continue
        if x.dep_ in ("dobj", "obj") or x.left_edge.i == obj.right_edge.i + 1 and x.left_edge.text in QUOTE_MARKS \
                and x.dep_ not in ("punct", "cc", "conj") and x.left_edge.i < x.i:
            return x
        return None
    return None


def _speech_object(t: Token) -> bool:
    # rejecting a claim is a denial; rejecting a request, a deal or an offer is an act
    # ('dismissed the dispute as absurd' is a verdict on whatever it dismisses)
    objs = [c for c in t.children if c.dep_ in ("dobj", "obj")]
    return not objs or any(c.lemma_.lower() in SPEECH_OBJECTS for c in objs) or any(c.dep_ == "ccomp" for c in t.children) \
        or _as_phrase(t)

def _cites_object(t: Token) -> bool:
    """'..., citing fears of terrorism', '..., citing two county clerks', 'Citing the storm, Lowell ...', 'by citing
    her record': a participle of 'cite' with an object, which its subject cites (the object is what was cited)."""
    obj = next((c for c in t.children if c.dep_ in ("dobj", "obj")), None)
    head = t.head.head if t.dep_ == "pcomp" else t.head
    return obj is not None and t.head.i != t.i and head.pos_ in ("VERB", "AUX")

# The constructions some cue verbs need (``only_with`` in claims/data/cues.yml).
CONDITIONS = {
    "concern_object": _concern_object,
    "particle_out": lambda t: any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children),
    "particle_back": lambda t: any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in t.children),
    "clause_complement": lambda t: any(c.dep_ == "ccomp" for c in t.children),
    "call_frame": _call_frame,
    "as_phrase": _as_phrase,
    "as_phrase_or_account": _account,
    "speech_object": _speech_object,
    # (an object only with the charge: 'charged the clerk with fraud', not 'charged a fee')
    "with_charge": lambda t: not any(c.dep_ in ("dobj", "obj") for c in t.children) or
    any(c.dep_ == "prep" and c.lower_ == "with" and c.i > t.i for c in t.children),
    # a clause, whom one agrees with, or what is agreed ('agreed that ...', 'agreed with the clerk', 'agreed to pay')
    "agreement": lambda t: agreed_to(t) or any(c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ == "with" for c in t.children),
    "out_or_to": lambda t: any(c.dep_ == "prt" and c.lower_ == "out" or c.dep_ == "prep" and c.lower_ == "to"
                               for c in t.children),
    "back_or_for": lambda t: any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" or c.dep_ == "prep" and c.lower_ == "for"
                                 for c in t.children),
    # ... or an infinitive: 'pushed to repeal the levy', 'is pushing the board to resign'
    "back_for_or_to": lambda t: CONDITIONS["back_or_for"](t) or any(
        c.dep_ == "xcomp" and c.i > t.i and to_infinitive(c) for c in t.children),
    # a finite verb, or a participle whose object is what is cited ('..., citing fears of terrorism'); a cited
    # source ('..., citing officials') is also the source of the clause it stands in (prepositions.py)
    "finite": lambda t: t.tag_ != "VBG" or _cites_object(t),
    # 'as one strategist put it, ...'
    "as_put_it": lambda t: any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children) and
    any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children),
    # a noun object only after 'up' or with the topic ('talked up her plan'; 'as Harlan talks progress' is a noun read
    # as the verb)
    "up_for_noun_object": lambda t: any(c.dep_ == "prt" and c.lower_ == "up" or c.dep_ == "prep" and
                                        c.lower_ in VERBS[t.lemma_.lower()].preps for c in t.children) or
    not any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" for c in t.children),
    # ... or an estimate: 'the poll puts her support at 40 percent'
    "as_put_it_or_amount": lambda t: CONDITIONS["as_put_it"](t) or
    any(c.dep_ in ("dobj", "obj") for c in t.children) and amount_phrase(t) is not None,
}

_missing = {v.only_with for v in VERBS.values() if v.only_with} - set(CONDITIONS)

SUBJECT_WORDS = ("compound", "poss", "det", "amod", "nmod", "nsubj")


def verb_read_as_noun(t: Token) -> bool:
    """'The county's union plans to strike', 'Morrow promises to "end" the levy', 'The Morrow campaign projects
    that ...': a verb in the third person that the parser read as a plural noun heading the sentence, its subject
    read as the noun's modifiers and its infinitive, or the that-clause of a verb that takes one, hung on it."""
    entry = VERBS.get(t.lemma_.lower())
    if not (t.tag_ == "NNS" and t.dep_ == "ROOT" and t.lower_.endswith("s") and entry is not None and t.i > t.sent.start and
            any(c.dep_ in ("compound", "nmod", "nsubj") and c.i == t.i - 1 for c in t.children)):
        return False
    if "to" in entry.frames and any(c.dep_ == "xcomp" and c.i > t.i and
                                    any(a.dep_ == "aux" and a.lower_ == "to" and a.i == t.i + 1 for a in c.children)
                                    for c in t.children):
        return True
    return takes_clause_frame(entry.lemma) and that_clause_on_noun(t) is not None


def that_clause_on_noun(t: Token) -> Optional[Token]:
    """The clause opened by 'that' right after t that the parser hung on t as its complement or as a relative
    clause ('projects that a toll would raise ...': 'that' read as the clause's mark, not as its subject)."""
    return next((c for c in t.children if c.dep_ in ("ccomp", "relcl", "acl") and c.i > t.i and c.pos_ in ("VERB", "AUX") and
                 any(m.dep_ == "mark" and m.lower_ == "that" and m.i == t.i + 1 for m in c.children)), None)


def plural_compound_before(t: Token) -> Optional[Token]:
    """The plural noun right before t that the parser hung on t as its compound ('county records show': records)."""
    prev = t.doc[t.i - 1] if t.i > 0 else None
    return prev if prev is not None and prev.dep_ == "compound" and prev.head.i == t.i and prev.tag_ == "NNS" else None


def tail_verb_read_as_noun(t: Token) -> bool:
    """'Morrow paid the fee in March, county records show.': a cue verb closing the sentence that the parser read
    as a noun heading it, the plural noun before it as its compound and the clause before it as its complement."""
    if t.dep_ != "ROOT" or t.tag_ != "NN" or t.lemma_.lower() not in VERBS or t.i < 2:
        return False
    if quoted_tail_read_as_noun(t):
        return True
    return plural_compound_before(t) is not None and \
        not any(c.dep_ in ("det", "poss", "nsubj") for c in t.children) and \
        any(c.dep_ == "ccomp" and c.i < t.i for c in t.children)


def quoted_tail_read_as_noun(t: Token) -> bool:
    """'"...," the memo read.': the cue verb closing a short tail after a quotation, which the parser read as a
    noun with the tail's subject as its determiner and modifiers and the quoted clause as its complement."""
    doc = t.doc
    if t.i + 1 < len(doc) and not doc[t.i + 1].is_punct or not any(c.dep_ == "ccomp" and c.i < t.i for c in t.children):
        return False
    words = list(doc[t.sent.start: t.i])
    mark = next((w for w in reversed(words) if w.text in ('"', "”", "''")), None)
    if mark is None or mark.i < 1 or doc[mark.i - 1].text not in (",", "?", "!"):
        return False
    tail = [w for w in doc[mark.i + 1: t.i] if not w.is_space]
    inside = {w.i for w in tail} | {t.i}
    return 1 <= len(tail) <= 5 and tail[-1].tag_ in ("NN", "NNS", "NNP", "JJ") and tail[-1].head.i == t.i and \
        all(w.head.i in inside and w.dep_ in SUBJECT_WORDS for w in tail)


def misread_subject(t: Token) -> list[Token]:
    """The subject of a verb read as a noun (``verb_read_as_noun``): the modifiers right before it."""
    inside = {x.i for c in t.children if c.i < t.i and c.dep_ in SUBJECT_WORDS and c.dep_ != "punct" for x in c.subtree}
    lo = t.i
    while lo - 1 in inside and t.doc[lo - 1].text not in (",", "—", ":"):
        lo -= 1
    return list(t.doc[lo:t.i])


def is_cue_verb(t: Token) -> bool:
    if t.pos_ not in ("VERB", "AUX") and not (t.tag_.startswith("VB")) and not verb_read_as_noun(t) and \
            not tail_verb_read_as_noun(t):
        return False
    entry = VERBS.get(t.lemma_.lower())
    if entry is None:
        return False
    return entry.only_with is None or CONDITIONS[entry.only_with](t)


def says_a_noun(entry: CueVerb) -> bool:
    """Is the cue a verb of speech that takes a noun phrase ('echo', 'deny', 'mention')?"""
    return entry.act == "statement" and bool({"np", "object"} & set(entry.frames))
