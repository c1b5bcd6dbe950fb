"""Attribution: find the attributed claims in parsed units.

Rules of English news attribution, applied to spaCy's dependency parse and the article's
paired quote marks (never the wording of particular articles):

* verb cues: a reporting verb (say, tell, stress, warn, claim, deny, announce, write ...)
  with its subject as the source and its clausal or object complement as the content; the
  verb may come first ("X said (that) ..."), last ("..., X told me"), in the middle
  ("A," she said, "B."), inverted ("said X, a spokesman for Y"), as a participle
  ("..., stressing that ..."), coordinated ("... and said ..."), in a relative clause
  ("the administration, which says ..."), or in the passive ("was quoted as saying");
* prepositional cues: "according to X", "per X", "citing X";
* declines: "declined to comment", "refused to say", "did not respond", "could not be
  reached": claims about the source, with what was declined as content;
* quotes: a quote with a cue beside it is direct; a quoted sentence with no cue continues the
  previous speaker (inherited); a quote block followed by a line naming its speaker is that
  speaker's; quoted words inside a paraphrase make it mixed, unless they are scare quotes
  (a coined term, a name, a quoted modifier);
* nesting: a claim whose cue stands inside another claim's content is relayed by it (parent);
* scope: sentences of bullets under a lead paragraph that ends with an attribution inherit it.

Every sentence without an attribution becomes a ``reporter`` claim.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from .lexicon import (CHANNEL_NOUNS, CLAUSE_ONLY, CONCERN_NOUNS, DECLINE_LEMMAS, DECLINE_XCOMP, DOCUMENT_ONLY,  # noqa: F401
                      HUMAN_SUBJECT, NEGATED_ONLY_LEMMAS, NO_RESPONSE, OBJECT_CONTENT, OTHER_CUE_WORDS, QUOTE_INTRODUCERS,
                      SPEECH_LEMMAS, SPEECH_OBJECTS, STANCE, VERBS, ACT, HEADLINE_LABELS, NEVER_SPEECH, MESSAGE_NOUNS, layout_verb,
                      verb_forms)
from .models import Article
from .spans import Spans

# ---------------------------------------------------------------- lexicon

# Agent nouns (English derivational suffixes): 'actor', 'novelist', 'historian', 'applicant', 'employee'.
RE_AGENT_NOUN = re.compile(r"(?![a-z]*ments?$)[a-z]{2,}(?:er|or|ist|ian|ant|ent|ee|eer|ess)s?$"
                           r"|[a-z]{2,}(?:man|woman|men|women|person|persons)$|[a-z]{3,}ates$|candidate")
DOC_NOUNS = {"report", "reports", "study", "studies", "survey", "surveys", "poll", "polls", "data", "analysis",
             "readout", "statement", "statements", "document", "documents", "memo", "letter", "filing", "ruling",
             "record", "records", "review", "audit", "assessment", "estimate", "estimates", "figures", "census",
             "research", "investigation", "release", "transcript", "complaint", "indictment", "lawsuit", "order",
             "findings", "evidence", "footage", "video", "email", "emails", "tweet", "post", "post", "message",
             "messages", "court", "judge", "model", "models", "projections", "numbers", "statistics", "tally", "count",
             "calculation", "calculations", "tabulation", "filings", "documents", "papers", "testimony", "affidavit",
             "minutes", "communique", "survey", "forecast", "forecasts", "budget", "database", "registry"}
SOURCE_NOUNS = {"official", "officials", "source", "sources", "person", "people", "spokesperson", "spokesman",
                "spokeswoman", "spokespeople", "aide", "aides", "diplomat", "diplomats", "adviser", "advisers",
                "advisor", "advisors", "expert", "experts", "analyst", "analysts", "minister", "ministry", "office",
                "department", "agency", "government", "administration", "officer", "officers", "representative",
                "representatives", "lawyer", "lawyers", "attorney", "attorneys", "witness", "witnesses", "resident",
                "residents", "leader", "leaders", "member", "members", "executive", "executives", "insider",
                "insiders", "observer", "observers", "critic", "critics", "group", "company", "firm", "police",
                "military", "army", "embassy", "team", "campaign", "party", "side", "investigators", "prosecutors",
                "authorities", "president", "director", "chief", "commander", "researchers", "scientists",
                "economists", "media", "newspaper", "broadcaster", "network", "agency", *DOC_NOUNS}
UNIT_NOUNS = {"cent", "percent", "capita", "year", "month", "week", "day", "hour", "minute", "second", "head",
              "share", "unit", "barrel", "ton", "tonne", "mile", "kilometer", "kilometre", "person", "annum", "se",
              "gallon", "liter", "litre", "pound", "kilogram", "dollar", "game", "season", "night", "visit"}
NAMING_WORDS = {"code", "named", "dubbed", "nicknamed", "so", "called", "known", "titled", "term", "word", "phrase",
                "slogan", "label", "labelled", "labeled", "branded", "entitled", "hashtag", "headline", "motto"}
REL_PRONOUNS = {"which", "who", "that", "whom"}
# Shares and counts of people that can be a source ("most said", "half of the voters say")
QUANTIFIERS = {"one", "some", "many", "several", "most", "all", "both", "each", "none", "few", "others", "half",
               "majority", "minority", "third", "quarter", "plurality"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}


def _cue_words() -> frozenset[str]:
    words = set(OTHER_CUE_WORDS)
    for lemma in SPEECH_LEMMAS | DECLINE_LEMMAS | NO_RESPONSE:
        words |= verb_forms(lemma)
    return frozenset(words)


# The prefilter: a sentence without one of these words (and without a quote mark) cannot hold an
# attribution the Finder recognises, so it need not be parsed. Built from the lexicon above.
CUE_WORDS = _cue_words()
RE_WORD = re.compile(r"[A-Za-z]+")
# Lemmas that are cues only in a construction: "did not return calls", "could not be reached";
# "agreed that" (not "agreed to"); the noun-verb homograph "state(s)" only before what it states.
RE_NEGATION_BEFORE = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno)\W+(?:\w+\W+){0,3}$", re.I)
NEGATED_ONLY = {f for lemma in NEGATED_ONLY_LEMMAS for f in verb_forms(lemma)}
RE_AGREE_TO = re.compile(r"\s+(?:to|on|upon)\b", re.I)
RE_STATES_WHAT = re.compile(r"\s*(?:that\b|:|[\"“‘']|,)", re.I)


def has_cue_hint(text: str, start: int = 0, end: Optional[int] = None) -> bool:
    """Does text[start:end] hold a word that can start an attribution the Finder recognises?

    A capitalised cue word inside a sentence is part of a name ('Secretary of State', 'the
    Washington Post', 'Point Reyes') and does not count; some lemmas count only in their
    construction (see NEGATED_ONLY, RE_AGREE_TO, RE_STATES_WHAT)."""
    end = len(text) if end is None else end
    for m in RE_WORD.finditer(text, start, end):
        w = m.group(0)
        low = w.lower()
        if low not in CUE_WORDS:
            continue
        if w[0].isupper() and re.search(r"[\w,;]\s*$", text[start:m.start()]):
            continue  # inside a name, not the first word of the sentence or clause
        if low in NEGATED_ONLY and not RE_NEGATION_BEFORE.search(text[max(start, m.start() - 40):m.start()]):
            continue
        if low.startswith("agree") and RE_AGREE_TO.match(text, m.end(), end):
            continue
        if low in ("state", "states") and not RE_STATES_WHAT.match(text, m.end(), end):
            continue
        return True
    return False


# ---------------------------------------------------------------- candidates


@dataclass
class Cand:
    """A claim before its source is described. Offsets are article offsets."""

    doc: Doc
    sent_index: int
    start: int
    end: int
    kind: str
    rule: str
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_lemma: Optional[str] = None
    source_tokens: Optional[Span] = None  # the source mention in its Doc
    source_text: Optional[str] = None  # for sources not in a parse (quote-block names)
    source_start: Optional[int] = None
    source_end: Optional[int] = None
    recipient: Optional[str] = None
    channel_hint: Optional[str] = None
    inherited: bool = False
    follows: Optional["Cand"] = None  # the claim whose source this one takes (continuations, scope)
    parent: Optional["Cand"] = None
    negated: bool = False
    relayed_by: Optional[int] = None  # offset of the cue of the claim that relays this one ("citing")
    reach_paragraph: Optional[int] = None  # the last paragraph a continued quotation reaches
    gaps: list[tuple[int, int]] = field(default_factory=list)  # between the pieces of a continued quotation
    notes: list[str] = field(default_factory=list)
    id: str = ""

    @property
    def paragraph(self) -> int:
        return self.doc._.paragraph


# Hot paths read the Doc extensions straight from ``doc.user_data`` (where spaCy keeps them,
# under ("._.", name, None, None)): ``doc._.x`` builds an accessor object on every call.
_OFFSET_KEY = ("._.", "offset", None, None)
_INQ_KEY = "claims.in_quote"


def _off(doc: Doc) -> int:
    return doc.user_data.get(_OFFSET_KEY, 0)


def _aoff(doc: Doc, i: int) -> int:
    return _off(doc) + i


def _tok_start(t: Token) -> int:
    return _off(t.doc) + t.idx


def _tok_end(t: Token) -> int:
    return _off(t.doc) + t.idx + len(t.text)


def _quotes(doc: Doc) -> list[tuple[int, int]]:
    off = _off(doc)
    return [(off + s, off + e) for s, e in (doc._.quotes or [])]


def _inside_quote(doc: Doc, pos: int) -> Optional[tuple[int, int]]:
    for s, e in _quotes(doc):
        if s < pos < e - 1 or (s < pos and pos < e and e == s):
            return (s, e)
    return None


def _in_quote_flags(doc: Doc) -> list[bool]:
    """For each token of the Doc: does it stand inside a quote (marks excluded)? Computed once."""
    flags = doc.user_data.get(_INQ_KEY)
    if flags is None:
        # sorted by start, with the farthest (end - 1) reached so far: one bisect per token, not one
        # pass over every quote (a paragraph of 16,000 quote marks stays linear)
        quotes = sorted(doc._.quotes or [])
        starts = [s for s, _ in quotes]
        reach = list(accumulate((e - 1 for _, e in quotes), max))
        flags = []
        for t in doc:
            k = bisect_left(starts, t.idx)
            flags.append(k > 0 and reach[k - 1] > t.idx and t.text not in '"“”‘’')
        doc.user_data[_INQ_KEY] = flags
    return flags


def _ends_with_quote(toks: list[Token]) -> bool:
    """Do these tokens end with a closing quote mark (then perhaps a comma)?"""
    k = len(toks) - 1
    while k >= 0 and toks[k].text in (",", "'", "’"):
        k -= 1
    return k >= 0 and toks[k].text in QUOTE_TOKENS and toks[k].text not in ("‘", "“", "``", "«", "„") and \
        any(not t.is_punct for t in toks[:k])


def _tok_in_quote(t: Token) -> bool:
    return _in_quote_flags(t.doc)[t.i]


# "CHICAGO (AP) — ", "KYIV, Ukraine (Reuters) - ", "LONDON — ": a place in capitals, an optional
# region and agency, then a dash
RE_DATELINE_LEAD = re.compile(r"(?=[A-Z .'\-]*[A-Z]{3})[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z0-9.\- ]{1,30})?\s*"
                              r"(?:\([A-Za-z.&\- ]{1,40}\))?\s*(?:—|–|--|-)\s+")
RE_DASH_SIGNATURE = re.compile(r"[ \t]*(?:—|–|--)[ \t]*([A-Z][\w.'’\-]*(?:[ \t]+(?:of|for|at|the|[A-Z][\w.'’\-]*)){0,8})")
QUOTE_CHARS = '"“”«»„‘’'
QUOTE_PAIRS = ("''", "``")  # ASCII double marks of newspaper archives and typeset text
QUOTE_TOKENS = frozenset(QUOTE_CHARS) | frozenset(QUOTE_PAIRS)


def mark_width(text: str, pos: int) -> int:
    """Width of the quote mark starting at pos (0 when there is none)."""
    if text[pos:pos + 2] in QUOTE_PAIRS:
        return 2
    return 1 if text[pos:pos + 1] and text[pos] in QUOTE_CHARS else 0


def mark_width_before(text: str, end: int) -> int:
    """Width of the quote mark ending at end (0 when there is none)."""
    if end >= 2 and text[end - 2:end] in QUOTE_PAIRS:
        return 2
    return 1 if end >= 1 and text[end - 1] in QUOTE_CHARS else 0
TRIM = " \t\n,;:—–-"


def trim_span(text: str, s: int, e: int, *, keep_quotes: bool = True) -> tuple[int, int]:
    """Shrink [s, e) past surrounding spaces and separators (and, optionally, quote marks)."""
    chars = TRIM + ("" if keep_quotes else QUOTE_CHARS)
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


class Scare:
    """Decides which quotes are speech and which are scare quotes (terms, names, modifiers)."""

    def __init__(self, text: str, all_quotes: list[tuple[int, int]], title: Optional[str]):
        self.text = text
        inner = [self._norm(self.inner(s, e)) for s, e in all_quotes]
        if title:
            inner += [self._norm(m) for m in re.findall(r'["“]([^"”]{1,60})["”]', title)]
        self.counts: dict[str, int] = {}
        for q in inner:
            self.counts[q] = self.counts.get(q, 0) + 1

    def inner(self, s: int, e: int) -> str:
        """What a quote says, without its marks."""
        a = s + mark_width(self.text, s)
        b = e - mark_width_before(self.text, e)
        return self.text[a:b] if b > a else ""

    @staticmethod
    def _norm(s: str) -> str:
        return " ".join(re.findall(r"\w+", s.lower()))

    def is_speech(self, s: int, e: int) -> bool:
        inner = self.inner(s, e)
        words = re.findall(r"[\w’']+", inner)
        if len(words) >= 4 or re.search(r"[.!?,]\s*$", inner):
            return True
        if not words:
            return False
        if self.counts.get(self._norm(inner), 0) >= 2:
            return False  # the same words quoted again: a term the article uses
        before = self.text[max(0, s - 25):s].lower()
        if re.search(r"(?:code-named|dubbed|nicknamed|so-called|known as|titled|named|entitled|term|word|phrase|"
                     r"slogan|label(?:l?ed)?|branded|hashtag|the|a|an|his|her|its|their|our)\s*$", before) and len(words) <= 2:
            return False
        after = self.text[e:e + 20]
        if len(words) <= 3 and re.match(r"\s+[a-z]+(?:s)?\b", after) and not re.match(
                r"\s+(?:and|or|but|if|to|for|with|on|in|at|about|from|by|as|that|of|after|before|when|while|because)\b", after):
            return False  # a quoted modifier: the "maximum pressure" campaign
        return True


# ---------------------------------------------------------------- helpers on the parse


def takes_clause_frame(lemma: str) -> bool:
    """Does the cue verb take a clause or quotation as content (speech and thought), rather than only a
    phrase (praise, plans, talk about something)? (A verb outside the lexicon takes neither.)"""
    entry = VERBS.get(lemma)
    return entry is not None and bool({"clause", "complement", "object", "quote"} & set(entry.frames))


def _concern_object(t: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in CONCERN_NOUNS or c.lower_ in CONCERN_NOUNS)
               for c in t.children)


def _as_phrase(t: Token) -> bool:
    # "described the revelations as shocking": a verdict; "described the scene" is narration
    return any(c.dep_ in ("prep", "oprd") and c.lower_ == "as" for c in t.subtree if c.head.i in (t.i,) or c.head.head.i == t.i)


def _call_frame(t: Token) -> bool:
    kids = {c.dep_ for c in t.children}
    return bool(kids & {"oprd", "ccomp"}) or any(c.dep_ == "prep" and c.lower_ in ("on", "for") for c in t.children)


def _speech_object(t: Token) -> bool:
    # rejecting a claim is a denial; rejecting a request, a deal or an offer is an act
    objs = [c for c in t.children if c.dep_ in ("dobj", "obj")]
    return not objs or any(c.lemma_.lower() in SPEECH_OBJECTS for c in objs) or any(c.dep_ == "ccomp" for c in t.children)


# The constructions some cue verbs need (``only_with`` in claims/data/cues.yml).
CONDITIONS = {
    "concern_object": _concern_object,
    "particle_out": lambda t: any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children),
    "particle_back": lambda t: any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in t.children),
    "clause_complement": lambda t: any(c.dep_ == "ccomp" for c in t.children),
    "call_frame": _call_frame,
    "as_phrase": _as_phrase,
    "speech_object": _speech_object,
    "clause_or_with": lambda t: any(c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ == "with" for c in t.children),
    "out_or_to": lambda t: any(c.dep_ == "prt" and c.lower_ == "out" or c.dep_ == "prep" and c.lower_ == "to"
                               for c in t.children),
    "back_or_for": lambda t: any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" or c.dep_ == "prep" and c.lower_ == "for"
                                 for c in t.children),
    # a finite verb, not the participle that the prepositional rules read ('citing X')
    "finite": lambda t: t.tag_ != "VBG",
    # 'as one strategist put it, ...'
    "as_put_it": lambda t: any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children) and
    any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children),
}
_missing = {v.only_with for v in VERBS.values() if v.only_with} - set(CONDITIONS)
assert not _missing, f"claims/data/cues.yml names constructions the rules do not know: {_missing}"


def is_cue_verb(t: Token) -> bool:
    if t.pos_ not in ("VERB", "AUX") and not (t.tag_.startswith("VB")):
        return False
    entry = VERBS.get(t.lemma_.lower())
    if entry is None:
        return False
    return entry.only_with is None or CONDITIONS[entry.only_with](t)


def _finder_noun(t: Token) -> bool:
    """People who find, estimate or conclude: researchers, analysts, investigators, officials, a named person."""
    from .lexicon import EXPERT, OFFICIAL

    low, lem = t.lower_, t.lemma_.lower()
    return low in EXPERT or lem in EXPERT or low in OFFICIAL or lem in OFFICIAL or low.endswith(("ologist", "ologists")) \
        or t.ent_type_ in ("PERSON", "ORG") or (t.pos_ == "PROPN" and t.dep_ in ("nsubj",)) or low in ("they", "we", "he", "she", "i")


def can_speak(t: Token, verb: Optional[Token] = None) -> bool:
    """Whether a subject can be a source: people, organizations, documents, media, pronouns, names;
    not events or things ('the meeting underscored ...'). The subject of a verb that only a speaker
    or thinker can be the subject of ('said', 'believes') is a source whatever its noun."""
    from .lexicon import DOCUMENT, EXPERT, GROUP, INDIVIDUAL, MEDIA, OFFICIAL, ORG, SPOKES

    if t.pos_ in ("PRON", "PROPN") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
        return True
    if t.pos_ in ("NUM", "ADJ") and t.dep_ in ("nsubj", "nsubjpass") and verb is not None and verb.lemma_.lower() in HUMAN_SUBJECT:
        return True  # "Six in 10 say ...", "39 have said ...", "said the 46-year-old"
    if t.pos_ == "NOUN" and (verb is not None and verb.lemma_.lower() in HUMAN_SUBJECT or RE_AGENT_NOUN.match(t.lower_)):
        return True
    if t.lower_ in QUANTIFIERS:
        # "most said they were worried", "half of the voters say": shares of people, with a speech verb
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) or t.lower_ in ("many", "some", "others", "few") \
            or verb is not None and verb.lemma_.lower() in HUMAN_SUBJECT
    lem, low = t.lemma_.lower(), t.lower_
    vocab = OFFICIAL | SPOKES | EXPERT | INDIVIDUAL | GROUP | ORG | DOCUMENT | MEDIA | SOURCE_NOUNS
    if lem in vocab or low in vocab or (t.text[:1].isupper() and t.i > t.sent.start):
        return True
    # "Price said ...": a capitalized singular noun with no determiner is a name the tagger missed
    return t.text[:1].isupper() and t.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in t.children)


def subject_of(v: Token, depth: int = 0) -> Optional[Token]:
    """The source noun of a cue verb, following coordination, participles and relative clauses."""
    if depth > 4:
        return None
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    if agent is not None and v.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        # a passive participle with its agent ('when asked by a reporter if ...'): the agent is the source
        return next((g for g in agent.children if g.dep_ == "pobj"), None)
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if c.lower_ in REL_PRONOUNS and v.dep_ == "relcl":
                return v.head
            if c.dep_ == "nsubjpass":
                if agent is not None:
                    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                    return pobj
                if c.lower_ == "it":
                    return None  # "it is said that ...": no source
                if depth == 0 and is_cue_verb(v):
                    return None  # "residents were told that ...": the passive subject is the addressee
            if c.dep_ == "csubj":
                return None
            return c
    if v.dep_ == "conj":
        h = v.head
        if h.dep_ == "ccomp" and is_cue_verb(v) and not is_cue_verb(h) and is_cue_verb(h.head) and h.head.i < h.i:
            return subject_of(h.head, depth + 1)  # "X stressed that A and said B": said belongs to X
        return subject_of(h, depth + 1)
    if v.dep_ in ("advcl", "xcomp", "acl", "pcomp", "conj") and v.tag_ == "VBG" and not _tok_in_quote(v) and _tok_in_quote(v.head):
        # '"...," he said, adding that ...' with 'adding' hung on a verb inside the quotation: the
        # participle goes with the nearest cue before it outside the quotation
        outer = next((t for t in reversed(v.doc[v.sent.start: v.i]) if not _tok_in_quote(t) and is_cue_verb(t)), None)
        if outer is not None:
            return subject_of(outer, depth + 1)
    if v.dep_ in ("advcl", "xcomp", "acl", "pcomp") and v.tag_ in ("VBG", "VBN"):
        h = v.head
        if h.dep_ == "prep" and h.lower_ in ("as", "before", "after", "while", "by"):
            h = h.head  # "was quoted as saying", "said ..., before adding that ..."
        if _reports_outer(v):
            h = h.head  # "X said A, adding that B": the participle reports X, not A's subject
        if h.pos_ in ("VERB", "AUX"):
            return subject_of(h, depth + 1)
        if h.pos_ in ("NOUN", "PROPN"):  # "a statement saying ..."
            return h
    if v.dep_ in ("xcomp", "advcl") and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        # "He went on to say ...", "was quick to say": the subject of the verb (or adjective) it completes;
        # "urged him to say": its object
        h = v.head
        obj = next((c for c in h.children if c.dep_ in ("dobj", "obj") and c.i < v.i), None)
        if obj is not None and obj.pos_ in ("PRON", "PROPN", "NOUN"):
            return obj
        if h.pos_ == "ADJ" and h.dep_ in ("acomp", "amod"):
            h = h.head
        if h.pos_ in ("VERB", "AUX"):
            return subject_of(h, depth + 1)
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head
    if depth == 0:
        # "Long said ...", "Young argued ...": a sentence-initial surname the tagger read as an
        # adverb or adjective, right before a cue verb that has no subject of its own
        first = v.sent[0]
        if first.i == v.i - 1 and first.head.i == v.i and first.text[:1].isupper() and first.is_alpha and \
                first.tag_ in ("NNP", "NN", "JJ", "RB") and first.dep_ in ("advmod", "npadvmod", "amod", "compound", "dep") \
                and first.lower_ not in NOT_SURNAMES and is_cue_verb(v):
            return first
        # '"...," said retired neurosurgeon Ben Carson, asked about ...': the inverted source right
        # after a cue that follows a closing quote, which the parser gave to another verb
        if v.i >= 2 and _ends_with_quote(list(v.doc[v.sent.start:v.i])):
            head = None
            last = None
            for t in v.doc[v.i + 1: v.sent.end]:
                if t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or t.tag_ == "POS" or \
                        t.dep_ in ("amod", "compound", "poss", "det", "nummod") and head is None:
                    if t.pos_ in ("NOUN", "PROPN"):
                        head = t
                    last = t
                    continue
                break
            if head is None and last is not None and last.pos_ in ("ADJ", "NUM") and last.i > v.i + 1:
                head = last  # '"...," said the 46-year-old.
            if head is not None:
                return head
    return None


# Sentence-initial words that stand before a verb as what they are, never as a surname.
NOT_SURNAMES = {"then", "also", "later", "earlier", "now", "still", "often", "never", "once", "previously",
                "separately", "meanwhile", "instead", "publicly", "privately", "recently", "repeatedly", "again",
                "officially", "yesterday", "today", "finally", "first", "last", "next", "initially", "however",
                "indeed", "already", "always", "just", "only", "even", "similarly", "likewise", "critically",
                "reportedly", "allegedly", "apparently", "frequently", "openly", "soon"}


def _reports_outer(v: Token) -> bool:
    """Is v a participial cue set off by a comma after a reported clause ('X said A, adding that B'),
    so that it reports the outer speaker?"""
    h = v.head
    if v.dep_ != "advcl" or v.tag_ != "VBG" or v.i == 0 or v.doc[v.i - 1].text != ",":
        return False
    return h.dep_ == "ccomp" and h.head.i < h.i < v.i and is_cue_verb(h.head)


def mention_tokens(head: Token) -> list[Token]:
    """The source mention around its head noun: modifiers, titles, appositions; no relative clauses."""
    drop: set[int] = set()
    for t in head.subtree:
        if t.dep_ in ("relcl",) or (t.dep_ == "acl" and t.i > head.i and (t.tag_ not in ("VBN", "VBG") or
                                                                          t.tag_ == "VBG" and is_cue_verb(t))) or \
                (t.dep_ in ("advcl", "parataxis")) or \
                (t.dep_ == "acl" and t.tag_ == "VBG" and t.i > head.i and t.doc[t.i - 1].text == ","):
            # relative clauses and participles set off by commas ("an official, speaking on
            # condition of anonymity,") say something about the source; they are not its name
            drop.update(x.i for x in t.subtree)
        if t.dep_ == "appos" and any(x.dep_ == "relcl" for x in t.children):
            drop.update(x.i for x in t.subtree if x.dep_ == "relcl" or x.head.dep_ == "relcl")
        if t.dep_ == "punct" and t.text in "()":
            drop.add(t.i)
    toks = [t for t in head.subtree if t.i not in drop]
    # keep a contiguous run around the head
    idx = [t.i for t in toks]
    lo = hi = head.i
    s = set(idx)
    while lo - 1 in s:
        lo -= 1
    while hi + 1 in s:
        hi += 1
    doc = head.doc
    while lo < hi and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    return [doc[i] for i in range(lo, hi + 1)]


def complement_of(v: Token) -> Optional[Token]:
    """The clausal complement of a cue verb (or of its 'concerns' noun); of clauses on both sides of
    the verb, the one after it ('... they lean left: 42% say they are liberal')."""
    comps = [c for c in v.children if c.dep_ == "ccomp"]
    if not comps and v.lemma_.lower() in ("ask", "wonder", "question"):
        # 'asked the students if they were serious': the question, parsed as an adverbial clause
        comps = [c for c in v.children if c.dep_ == "advcl" and c.i > v.i and
                 any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
    if comps:
        before = [c for c in comps if c.i < v.i]
        if before and _ends_with_quote(list(v.doc[before[0].left_edge.i: v.i])):
            return before[0]  # '"...," said Carlson, asked about ...': the quotation is the complement
        return next((c for c in comps if c.i > v.i), comps[0])
    lem = v.lemma_.lower()
    if lem in CLAUSE_ONLY:
        # "told reporters outside the courthouse that he would appeal": a that-clause with its own
        # subject that the parser hung on a noun of the recipient or place after the verb
        for t in v.subtree:
            if t.i > v.i and t.dep_ in ("acl", "relcl") and t.pos_ in ("VERB", "AUX") and \
                    any(m.dep_ == "mark" and m.lower_ == "that" and m.i < t.i for m in t.children) and \
                    any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in REL_PRONOUNS for c in t.children):
                h, ok = t.head, True
                while h.i != v.i:
                    if h.dep_ not in ("pobj", "prep", "dobj", "dative", "npadvmod", "compound", "amod"):
                        ok = False
                        break
                    h = h.head
                if ok:
                    return t
    for c in v.children:  # "X reported, citing Y, that ...": the parser hangs the clause on 'citing'
        if c.dep_ == "advcl" and c.lemma_.lower() == "cite":
            cc = next((g for g in c.children if g.dep_ == "ccomp"), None)
            if cc is not None:
                return cc
    for c in v.children:
        if c.dep_ in ("dobj",) and c.lemma_.lower() in CONCERN_NOUNS:
            for g in c.subtree:
                if g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children):
                    return g
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in ("about", "over"):
                    return g
    if lem in ("say", "tell", "write", "add", "report", "announce", "claim", "warn"):
        for c in v.children:
            if c.dep_ in ("xcomp",) and lem in ("warn", "tell") and any(x.dep_ == "dobj" for x in v.children):
                return c
    return None


def _cites_inside_report(t: Token) -> bool:
    """'X reported, citing Y, that ...' parsed with 'citing' under the reported clause."""
    h = t.head
    return t.dep_ == "advcl" and h.dep_ == "ccomp" and h.head.i < t.i < h.i and is_cue_verb(h.head)


def _content_first(comp: Token) -> Token:
    """The first token of a clausal complement's content: past a leading 'citing Y,' (which the
    parser may hang on the clause), commas and the complementizer 'that'."""
    doc = comp.doc
    lo = next(comp.subtree)
    for c in comp.children:
        if c.i < comp.i and c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() == "cite" and c.i == lo.i:
            lo = doc[max(x.i for x in c.subtree) + 1]
    while lo.i < comp.i and (lo.is_punct and lo.text not in QUOTE_TOKENS or lo.dep_ == "mark" and lo.lower_ == "that"):
        lo = doc[lo.i + 1]
    return lo


def recipient_of(v: Token) -> Optional[list[Token]]:
    """Whom the source told: the indirect or direct object of 'tell', 'inform', 'brief', 'assure'."""
    if v.lemma_.lower() not in ("tell", "inform", "brief", "assure", "warn", "remind", "promise", "write"):
        return None
    for c in v.children:
        if c.dep_ == "dobj" and (c.lemma_.lower() in MESSAGE_NOUNS or c.lower_ in MESSAGE_NOUNS):
            continue  # 'told the story of ...': what was told, not whom
        if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and v.lemma_.lower() in ("tell", "inform", "brief", "assure", "remind")):
            if any(x.dep_ in ("ccomp", "xcomp") and x.i > c.i for x in v.children) or c.i == max(
                    (x.i for x in v.children if x.dep_ not in ("punct",)), default=c.i) or c.pos_ in ("PRON", "PROPN"):
                return list(c.subtree)
    return None


# ---------------------------------------------------------------- the finder


class Finder:
    def __init__(self, docs: list[Doc], article: Article):
        self.docs = docs
        self.article = article
        self.text = article.text
        all_quotes = sorted({q for d in docs for q in _quotes(d)})
        self.quotes = all_quotes
        self.scare = Scare(self.text, all_quotes, article.title)
        self.speech = [q for q in all_quotes if self.scare.is_speech(*q)]
        self.speech_index = Spans(self.speech)
        self.speech_starts = [q[0] for q in self.speech]
        self.cands: list[Cand] = []
        self.speaker_units: set[int] = set()
        self.split_used: set[tuple[int, int]] = set()  # quotes already closing a split quotation
        self.quote_paragraphs: dict[tuple[int, int], Optional[int]] = {}  # quotes introduced in the next paragraph

    # -- quotes
    def speech_quote_at(self, pos: int) -> Optional[tuple[int, int]]:
        for s, e in self.speech:
            if s <= pos < e:
                return (s, e)
        return None

    def kind_for(self, s: int, e: int) -> str:
        inner = self.speech_index.overlapping(s, e)
        if not inner:
            return "indirect"
        for qs, qe in inner:
            if qs <= s + 1 and qe >= e - 1 and self._only_quote(s, e, qs, qe):
                return "direct"
        return "mixed"

    def _only_quote(self, s: int, e: int, qs: int, qe: int) -> bool:
        outside = self.text[s:max(s, qs)] + self.text[min(e, qe):e]
        return not re.search(r"\w", outside)

    def strip_quote(self, s: int, e: int) -> tuple[int, int]:
        """For direct content: drop the marks, keep what is inside."""
        s, e = trim_span(self.text, s, e)
        if s < e:
            s += mark_width(self.text, s)
        if e > s:
            e -= mark_width_before(self.text, e)
        return trim_span(self.text, s, e)

    def extend_over_quotes(self, s: int, e: int) -> tuple[int, int]:
        """A content span that starts or ends inside a speech quote runs to that quote's mark.
        (Quotes ending by both s and e change nothing; from the first that may, in order, until
        one starts past both.)"""
        idx = self.speech_index
        j = bisect_right(idx.reach, min(s, e))
        for qs, qe in idx.spans[j:]:
            if qs >= s and qs >= e:
                break
            if qs < s < qe and qs < e:
                s = qs
            if qs < e < qe:
                e = qe
        return s, e

    # -- main
    def run(self) -> list[Cand]:
        sent_index = 0
        self.sent_of: list[tuple[Doc, Span, int]] = []
        for doc in self.docs:
            for sent in doc.sents:
                self.sent_of.append((doc, sent, sent_index))
                sent_index += 1
        self.sent_starts = [_tok_start(sent[0]) for _, sent, _ in self.sent_of]
        for doc, sent, si in self.sent_of:
            if not doc._.parsed:
                continue
            self.verb_cues(doc, sent, si)
            self.prep_cues(doc, sent, si)
        self.headline_speakers()
        self.quote_pass()
        self.nest()
        self.scope()
        self.reporter()
        self.cands.sort(key=lambda c: (c.start, c.end, c.kind))
        return self.cands

    # -- verb cues
    def verb_cues(self, doc: Doc, sent: Span, si: int) -> None:
        for v in sent:
            if _tok_in_quote(v):
                continue
            lem = v.lemma_.lower()
            if lem in DECLINE_LEMMAS:
                self.decline(doc, sent, si, v)
                continue
            if self._no_response(v):
                self.no_response(doc, sent, si, v)
                continue
            if self._under_decline(v):
                continue
            if is_cue_verb(v):
                self.verb_claim(doc, sent, si, v)
            elif v.pos_ == "VERB" and lem not in NEVER_SPEECH and lem not in VERBS and v.dep_ not in ("amod", "aux", "auxpass"):
                self.verb_claim(doc, sent, si, v, layout_only=True)

    def _under_decline(self, v: Token) -> bool:
        """'declined to comment or to confirm that ...': confirm is not asserted. A verb coordinated
        with the decline itself ('declined to comment, but said ...') is."""
        t, hops = v, 0
        while t.dep_ in ("xcomp", "conj", "ccomp") and hops < 4:
            rel, t = t.dep_, t.head
            hops += 1
            declining = t.lemma_.lower() in DECLINE_LEMMAS or (t.lemma_.lower() in NO_RESPONSE and self._negated(t))
            if declining:
                return rel != "conj" or hops > 1
        return False

    @staticmethod
    def _negated(v: Token) -> bool:
        return any(c.dep_ == "neg" for c in v.children)

    def _no_response(self, v: Token) -> bool:
        lem = v.lemma_.lower()
        if lem not in NO_RESPONSE or not self._negated(v):
            return False
        if lem == "reach":
            return any(c.dep_ == "auxpass" for c in v.children)
        if lem in ("say", "comment"):
            return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "will", "did", "does", "do") for c in v.children) and \
                not any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in v.children)
        return True

    def _cue_text(self, v: Token, extra: Iterable[Token] = ()) -> tuple[str, int]:
        toks = [v] + [c for c in v.children if c.dep_ in ("prt",) or (c.dep_ in ("aux",) and c.i == v.i - 1 and c.lower_ in ("has", "have", "had"))]
        toks += list(extra)
        for c in v.children:
            if c.dep_ in ("dobj",) and c.lemma_.lower() in CONCERN_NOUNS and v.lemma_.lower() in ("raise", "express", "voice"):
                toks.append(c)
            if c.dep_ == "prep" and c.lower_ in ("on", "for") and v.lemma_.lower() in ("call", "push"):
                toks.append(c)
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back" and v.lemma_.lower() == "push") or \
                    (c.dep_ == "dobj" and c.lower_ == "it" and v.lemma_.lower() == "put"):
                toks.append(c)
        # "said in a statement", "wrote in a post on X", "said in an interview with the Guardian"
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "in" and c.i > v.i and \
                    any(g.dep_ == "pobj" and g.lemma_.lower() in CHANNEL_NOUNS for g in c.children):
                toks.extend(c.subtree)
        toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
        s, e = _tok_start(toks[0]), _tok_end(toks[-1])
        return self.text[s:e], s

    def verb_claim(self, doc: Doc, sent: Span, si: int, v: Token, layout_only: bool = False) -> None:
        """The claim of a cue verb. With ``layout_only`` the verb is not in the lexicon and counts only
        where a quotation's layout makes it a cue (split around it, closed right before it, introduced by it)."""
        lem = v.lemma_.lower()
        entry = layout_verb(lem) if layout_only else VERBS[lem]
        if layout_only and (not self._quote_layout_near(v, sent) or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)):
            return  # (a passive introduces no one's words: 'was joined on stage by ...')
        if lem == "ask" and not any(c.dep_ == "agent" for c in v.children) and (
                v.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)
                or not any(c.dep_ == "nsubj" for c in v.children) and v.dep_ != "relcl"):
            return  # "was asked about", "..., asked about his claims": the question is put to the source
            # (by someone the article names, 'was asked by the moderator whether ...', it is the asker's)
        if v.tag_ in ("VBD", "VBN") and v.i > 1 and doc[v.i - 1].text == "," and \
                any(c.dep_ == "nsubj" and c.i == v.i - 2 and not any(x.dep_ in ("appos", "relcl") for x in c.children)
                    for c in v.children) and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return  # "Carlson, asked about his claims": a participle after the name, which the parser read as its verb
        if v.tag_ == "VB" and v.dep_ in ("xcomp", "advcl") and not takes_clause_frame(lem) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return  # "not authorized to discuss the matter", "plans to criticize": an act to come, not a claim
        if not layout_only and not self._phrase_cue_ok(v, lem):
            return
        subj = subject_of(v)
        rec = recipient_of(v)
        rec_idx = {t.i for t in rec} if rec else set()
        if subj is not None and (subj.i in rec_idx or _tok_in_quote(subj)):
            return
        if lem in DOCUMENT_ONLY and (subj is None or (subj.lemma_.lower() not in DOC_NOUNS and subj.lower_ not in DOC_NOUNS
                                                       and not _finder_noun(subj))):
            return  # "the move suggests", "the game showed": things do not report; documents and people do
        if subj is not None and not can_speak(subj, v) and not (layout_only and subj.pos_ == "NOUN"):
            return  # (a quotation's layout makes any noun a speaker: '"Hello," the crowd roared')
        src = mention_tokens(subj) if subj is not None else None
        if subj is not None and subj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "X") and subj.ent_type_ == "" \
                and subj.lower_ not in QUANTIFIERS:
            return
        passive_it = subj is None and any(c.dep_ == "nsubjpass" for c in v.children) and \
            (any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in v.children) or
             any(c.dep_ == "ccomp" and c.i > v.i for c in v.children))  # "it was reported that", "they were told that"
        if subj is None and not passive_it and not (v.dep_ == "relcl"):
            return
        cue_extra = list(rec) if rec else []
        cue, cue_start = self._cue_text(v, cue_extra)
        src_lo = min((t.i for t in src), default=v.i) if src else v.i
        src_hi = max((t.i for t in src), default=v.i) if src else v.i
        # a participle or coordinated verb takes its source from another clause ('..., Trump said,
        # referring to Kerry'): its own attribution clause is the verb and what it governs
        borrowed = subj is not None and subj.head.i != v.i and subj.i < v.i and v.dep_ in ("advcl", "conj", "xcomp", "acl", "pcomp")
        attr_lo = v.i if borrowed else min(src_lo, v.i)
        attr_hi = max(v.i if borrowed else src_hi, v.i, max((t.i for t in rec), default=v.i) if rec else v.i)

        comp = complement_of(v)
        content: Optional[tuple[int, int]] = None
        rule = ""
        as_clause = self._as_clause_content(v, sent) if not layout_only else None
        if as_clause is not None:
            content, rule = as_clause, "verb:as_clause"
        elif v.dep_ == "relcl" and comp is not None and comp.pos_ in ("VERB", "AUX") and not layout_only and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.lower_ not in REL_PRONOUNS for c in comp.children):
            # "a rule change that he said would make it harder", "the deal, which officials expect will
            # pass": the reported clause is what follows the cue (its subject is the antecedent)
            own = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in REL_PRONOUNS), None)
            rest = [t for t in comp.subtree if t.i > v.i]
            if own is None or not rest:
                return
            end = next((t.i for t in rest if t.i > rest[0].i + 1 and self._reporters_addition(t, v, rest[0])), None)
            rest = [t for t in rest if end is None or t.i < end]
            while len(rest) > 1 and rest[-1].is_punct and rest[-1].text not in QUOTE_TOKENS:
                rest.pop()
            content, rule = (_tok_start(rest[0]), _tok_end(rest[-1])), "verb:relative"
        # "A," she said, "B." — one quotation split by its attribution
        q_before = self._quote_ending_at(_tok_start(doc[attr_lo]))
        q_after = self._quote_starting_at(_tok_end(doc[attr_hi]))
        if q_before and q_after and q_before in self.split_used:
            q_before = None  # '"A," he said, "B," he added, "C."': B went with A; this cue takes C
            rule = "verb:quote_after"
        if q_before and q_after and q_before != q_after:
            self.split_used.add(q_after)
            s_, e_ = self.strip_quote(q_before[0], q_after[1])
            self.add(Cand(doc, si, s_, e_, "direct", "verb:split_quote", cue=cue, cue_start=cue_start, cue_lemma=lem,
                          source_tokens=doc[src[0].i: src[-1].i + 1] if src else None,
                          recipient=self.text[_tok_start(rec[0]):_tok_end(rec[-1])] if rec else None,
                          notes=["quotation split by its attribution"]))
            return
        sent_s, sent_e = _tok_start(sent[0]), _tok_end(sent[-1])
        q_intro = self._introduced_quote(doc, attr_hi, lem, layout_only)
        # -- tail: "..., X said." / "'...,' X told me." (content before the attribution clause)
        before = [t for t in sent if t.i < attr_lo]
        if q_before and not any(not t.is_punct for t in before) and not q_intro and rule != "verb:quote_after" and \
                (comp is None or comp.i < attr_lo) and q_before not in self.split_used and \
                (re.search(r"[,?!—–-]\W*$", self.text[q_before[0]:q_before[1]]) or
                 not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "oprd", "dative") or c.dep_ == "prep" and c.lower_ in entry.preps
                         for c in v.children if c.i > v.i and c.i not in rec_idx)):
            # '"A? B!" O'Malley said.': the quotation before, which the sentence splitter cut off (not when
            # the quotation is a finished sentence and the cue has content of its own: '..." She noted a rally')
            content, rule = q_before, "verb:tail"
        after = [t for t in sent if t.i > attr_hi]
        if subj is not None and subj.i > v.i:
            # an inverted source's relative clause ('says Linda Osei, a scientist who has studied ...')
            # describes the source: it is neither content nor a reason to doubt the attribution
            own = {t.i for t in subj.subtree}
            after = [t for t in after if t.i not in own]
        # a second cue of the same source after the tail ('..., Mendes said, before adding that ...')
        # starts a claim of its own
        nxt = next((t for t in after if t.tag_ == "VBG" and is_cue_verb(t) and
                    (t.head.i == v.i or t.head.dep_ == "prep" and t.head.head.i == v.i)), None)
        if nxt is not None:
            after = [t for t in after if t.i < nxt.i and not (t.dep_ == "prep" and t.i == nxt.i - 1)]
        # prepositional phrases of the cue ('..., Waller said in remarks prepared for delivery at a
        # conference in Frankfurt') say where and how it was said: neither content nor a reason to doubt;
        # when the reported clause stands before the cue, nothing after it is content
        comp_before = comp is not None and comp.i < attr_lo
        for c in v.children:
            if c.dep_ in ("prep", "npadvmod", "agent") + (("advmod", "acl", "oprd", "ccomp", "xcomp") if comp_before else ()) and c.i > v.i:
                sub = list(c.subtree)
                if comp_before and not (is_cue_verb(c) and c.tag_ == "VBG") or not any(t.dep_ == "ccomp" or is_cue_verb(t) for t in sub):
                    own_sub = {t.i for t in sub}
                    after = [t for t in after if t.i not in own_sub]
        # an adverbial clause of the cue ('..., X said on Tuesday, as officials weigh ...', '..., said
        # Carson, asked about his claims') is the reporter's context, not content
        for c in v.children:
            if c.dep_ == "advcl" and c.i > v.i and not is_cue_verb(c):
                sub = {t.i for t in c.subtree}
                after = [t for t in after if t.i not in sub]
        # a clause coordinated with the attribution ('..., Ms. Gil said, and the boys trailed behind';
        # '..., he said; his agents found them') is a sentence of its own: the content stays before
        stop = self._next_clause(sent, v, attr_hi)
        if stop is not None:
            after = [t for t in after if t.i < stop]
        after_ok = all(t.is_punct or t.dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod", "nummod",
                                                 "dative", "dobj", "poss", "case", "cc", "conj") and not is_cue_verb(t)
                       and t.dep_ != "ccomp" and not any(c.dep_ == "ccomp" for c in t.children) for t in after)
        # the preposed reported clause of a tail attribution is set off by a comma, quote mark or dash,
        # and the attribution is the main clause ("..., officials said."), not a verb inside the content;
        # after a closing quote mark the layout says so whatever the parse ('"...," Mr. W wrote')
        quote_tail = _ends_with_quote(before) and subj is not None and (subj.i < v.i or subj.i > v.i) and (comp is None or comp.i < attr_lo)
        # a reported clause has a verb; an opening phrase ('Throughout the night, his family talked about
        # ...', 'But despite his own opposition, Tester pointed to ...') is the reporter's
        clause_before = quote_tail or any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before)
        tail_ok = bool(before) and before[-1].is_punct and before[-1].text != ":" and not (q_intro and not quote_tail) \
            and content is None and clause_before and (v.dep_ in ("ROOT", "parataxis") or (comp is not None and comp.i < attr_lo)
                                                            or v.dep_ == "conj" and v.head.dep_ in ("ROOT", "parataxis")
                                                            # "..., manager Erik Larsen confirmed on Monday." read
                                                            # as an adverbial clause: no 'as', 'when' or 'because'
                                                            or v.dep_ == "advcl" and v.head.dep_ in ("ROOT", "parataxis")
                                                            and v.head.i < v.i and subj is not None and subj.i < v.i
                                                            and subj.head.i == v.i
                                                            and not any(c.dep_ == "mark" for c in v.children)
                                                            or quote_tail)
        leftover = [t for t in after if not t.is_punct]
        # "A comic tone, she said, would make ...": an attribution set off by commas inside its content
        parenthetical = not quote_tail and bool(before) and before[-1].text == "," and bool(after) and after[0].text == "," and \
            any(t.pos_ in ("VERB", "AUX") for t in leftover) and v.dep_ in ("parataxis", "ROOT", "advcl", "conj", "ccomp") \
            and subj is not None and subj.i < v.i and not any(c.dep_ in ("ccomp", "xcomp") and c.i > v.i for c in v.children)
        takes_clause = takes_clause_frame(lem)
        opener = [t for t in before if not t.is_punct]
        if content is not None:
            pass  # the quotation before a sentence of its own, or a relative clause
        elif parenthetical and len(opener) == 1 and opener[0].pos_ in ("ADV", "CCONJ", "INTJ", "SCONJ") and leftover \
                and not layout_only:
            # "Still, he said, officials have to decide ...": the opening adverb is the reporter's
            kept = [t for t in after if not t.is_punct or t.text in QUOTE_TOKENS]
            first = next(t for t in after if not t.is_punct or t.text in QUOTE_TOKENS)
            content, rule = (_tok_start(first), _tok_end(max(kept, key=lambda t: t.i))), "verb:parenthetical"
        elif (tail_ok or parenthetical) and rule != "verb:quote_after" and (comp is None or comp.i < attr_lo or parenthetical) and \
                (not layout_only or quote_tail and not parenthetical) and \
                sum(1 for t in before if not t.is_punct) >= (1 if parenthetical and opener and opener[0].pos_ in ("NOUN", "PROPN", "PRON")
                                                             else 2 if parenthetical else 1 if quote_tail else 3) and \
                (after_ok or len(after) <= 6 or parenthetical or quote_tail) and \
                not any(c.dep_ in ("dobj",) and c.i > v.i and c.i not in rec_idx and lem not in ("tell",)
                        and not (quote_tail and subj is not None and c.i == subj.i) for c in v.children):
            s = _tok_start(before[0])
            e = _tok_end(before[-1])
            # "According to X, ..., X tell me": keep, the according-to claim is separate
            content = (s, e)
            rule = "verb:tail"
            if leftover and not quote_tail and (parenthetical or any(t.dep_ == "ccomp" or (t.pos_ == "VERB" and t.dep_ in ("conj",))
                                                                     for t in after)):
                kept = [t for t in after if not t.is_punct or t.text in QUOTE_TOKENS]
                content = (s, _tok_end(max(kept, key=lambda t: t.i)))
                rule = "verb:parenthetical"
        elif comp is not None and comp.i > v.i and takes_clause:
            lo = _content_first(comp)
            # a subjectless complement after an object the parser took from it (headline style:
            # "Official warns inflation fight is not over"): the object is the complement's subject
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children):
                obj = next((c for c in v.children if c.dep_ == "dobj" and v.i < c.i < comp.i and c.i not in rec_idx
                            and c.pos_ in ("NOUN", "PROPN")), None)
                if obj is not None and obj.left_edge.i < lo.i:
                    lo = obj.left_edge
            s = _tok_start(lo)
            e = self._forward_end(sent, v, lo)
            content = (s, e)
            rule = "verb:complement"
        elif lem in CLAUSE_ONLY and lem not in ("tell", "inform", "brief", "assure", "ask") and any(
                c.dep_ == "dobj" and c.i > v.i and c.i not in rec_idx and any(g.dep_ in ("acl", "relcl") and g.tag_ in ("VBD", "VBN")
                                                                            and g.i > c.i for g in c.children)
                for c in v.children):
            # the parser read a clause as an object with a participle ("said [the findings] [held] ..."):
            # a verb that takes only clauses has a clause here
            obj = next(c for c in v.children if c.dep_ == "dobj" and c.i > v.i and c.i not in rec_idx)
            lo = obj.left_edge
            content = (_tok_start(lo), self._forward_end(sent, v, lo))
            rule = "verb:complement"
        elif lem in CLAUSE_ONLY and any(c.dep_ in ("dobj", "xcomp") and c.i > v.i and c.i not in rec_idx and
                                        (c.lemma_.lower() in MESSAGE_NOUNS or c.lower_ in MESSAGE_NOUNS or c.tag_ == "VBG")
                                        for c in v.children):
            # a message for an object ('told the story of how ...', 'said the same', 'said yes'), or a gerund
            # ('recalled sitting in on the talks', 'reported spending $6 million')
            obj = next(c for c in v.children if c.dep_ in ("dobj", "xcomp") and c.i > v.i and c.i not in rec_idx and
                       (c.lemma_.lower() in MESSAGE_NOUNS or c.lower_ in MESSAGE_NOUNS or c.tag_ == "VBG"))
            sub = list(obj.subtree)
            content, rule = (_tok_start(sub[0]), _tok_end(sub[-1])), "verb:object"
        elif lem in OBJECT_CONTENT or lem in ("raise", "express", "voice"):
            objs = [c for c in v.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp") and c.i > v.i and c.i not in rec_idx
                    and (c.lemma_.lower() not in CONCERN_NOUNS or lem not in ("raise", "express", "voice"))]
            if lem in ("call",) and not any(c.dep_ == "oprd" for c in v.children):
                preps = [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "for")]
                objs = [g for p in preps for g in p.children if g.dep_ == "pobj"] + [c for c in v.children if c.dep_ == "xcomp"]
            if lem in ("raise", "express", "voice"):
                nouns = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in CONCERN_NOUNS]
                objs = [g for n in nouns for g in n.children if g.dep_ == "prep" and g.lower_ in ("about", "over", "that")]
                if not objs and lem != "raise":
                    # "expressed support for the plan", "voiced regret for ...": the feeling and what it is about
                    objs = [c for c in v.children if c.dep_ == "dobj" and c.i > v.i]
            if objs:
                lo = min((t for o in objs for t in o.subtree), key=lambda t: t.i)
                s = _tok_start(lo)
                e = self._forward_end(sent, v, lo)
                if not any(o.dep_ in ("ccomp", "xcomp") for o in objs):
                    # a noun phrase is the content: it ends with the phrase ('announced the partnership
                    # after cutting ties ...', 'confirmed the meeting on condition of anonymity'), and
                    # what is said of it ('described the plan as reckless')
                    preds = [c for c in v.children if c.i > lo.i and (c.dep_ == "oprd" or c.dep_ == "prep" and (
                        c.lower_ == "as" or c.lower_ in VERBS[lem].preps or
                        # what a feeling is about: 'expressed regret for ...', 'voiced concern over ...'
                        lem in ("express", "voice") and c.lower_ in ("for", "about", "over", "at", "with", "toward", "towards")))]
                    hi = max((t for o in objs + preds for t in o.subtree), key=lambda t: t.i)
                    e = min(e, _tok_end(hi))
                content = (s, e)
                rule = "verb:object"
        if content is None and not layout_only and rule != "verb:quote_after":
            span = self._frame_content(v, entry, rec_idx)
            if span is not None:
                content, rule = span, "verb:frame"
        if content is None and q_after and rule == "verb:quote_after":
            content = q_after
        if content is None and q_intro:
            content = q_intro
            rule = "verb:colon_quote"
        if content is None:
            return
        s, e = self.extend_over_quotes(*content)
        s, e = trim_span(self.text, s, e)
        if e - s < 2 or not re.search(r"\w", self.text[s:e]):
            return
        kind = self.kind_for(s, e)
        if kind == "direct":
            s, e = self.strip_quote(s, e)
        negated = self._negated(v) or lem in ("deny", "reject", "dispute")
        src_span = doc[src[0].i: src[-1].i + 1] if src else None
        c = Cand(doc, si, s, e, kind, rule, cue=cue, cue_start=cue_start, cue_lemma=lem,
                 source_tokens=src_span, recipient=self.text[_tok_start(rec[0]):_tok_end(rec[-1])] if rec else None,
                 negated=negated)
        if rule == "verb:colon_quote":
            c.notes.append("colon attribution")
            c.reach_paragraph = self.quote_paragraphs.get(content)
        self.add(c)

    @staticmethod
    def _phrase_cue_ok(v: Token, lem: str) -> bool:
        """Where a verb that takes a phrase (praise, want, call X Y, support) is no attribution: as an
        adjective ('pledged delegates', 'a collection called "Yuge!"'), modifying a noun ('groups supporting
        gay rights'), in the passive without its agent ('who has been called a Republican Obama'), in a
        relative clause whose object is its antecedent ('what he calls a corrupt process'), wanting something
        done to oneself ('did not want to be named'), or with a generic 'you' ('if you want to understand')."""
        if v.dep_ == "amod" or v.dep_ == "acl" and v.tag_ == "VBN":
            return False
        entry = VERBS[lem]
        if takes_clause_frame(lem) and lem not in ("call", "describe", "characterize", "characterise"):
            return True
        if v.dep_ == "acl" and entry.act != "statement":
            return False
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) and not any(c.dep_ == "agent" for c in v.children):
            return False
        if v.dep_ == "relcl" and not any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "prep", "oprd") and c.i > v.i for c in v.children):
            return False
        if v.dep_ == "relcl" and any(c.dep_ == "oprd" for c in v.children) and not any(c.dep_ == "dobj" for c in v.children) \
                or any(c.dep_ in ("dobj", "obj") and c.i < v.i for c in v.children):
            return False  # the object is the antecedent, or fronted: 'what he calls a corrupt process'
        if any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in v.children) and \
                not any(c.dep_ == "dobj" for c in v.children):
            return False
        if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in v.children) and entry.act != "statement":
            return False
        return True

    def _as_clause_content(self, v: Token, sent: Span) -> Optional[tuple[int, int]]:
        """'As the mayor noted, prices rose', '..., as police have said', 'As one aide put it, "..."': a
        cue in an as-clause attributes the main clause it is set off from by a comma."""
        if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children) or \
                any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
            return None
        doc = v.doc
        lo, hi = v.left_edge.i, v.right_edge.i
        if hi + 1 < sent.end and doc[hi + 1].text == "," and lo == sent.start:
            rest = [t for t in doc[hi + 2: sent.end] if not (t.is_punct and t.text not in QUOTE_TOKENS)]
        elif lo > sent.start and doc[lo - 1].text == ",":
            rest = [t for t in doc[sent.start: lo - 1] if not (t.is_punct and t.text not in QUOTE_TOKENS)]
        else:
            return None
        if len(rest) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
            return None
        return _tok_start(rest[0]), _tok_end(rest[-1])

    def _quote_layout_near(self, v: Token, sent: Span) -> bool:
        """Is there a speech quote in the verb's sentence, or closing right before it?"""
        s, e = _tok_start(sent[0]) - 3, _tok_end(sent[-1])
        k = bisect_left(self.speech_starts, e)  # quotes are disjoint: the last one starting before e, or the one before it
        return any(self.speech[j][1] > s for j in range(max(0, k - 2), k))

    def _frame_content(self, v: Token, entry, rec_idx: set[int]) -> Optional[tuple[int, int]]:
        """Content that is not a that-clause, by the frames the cue lexicon gives the verb: an
        infinitive ('plans to run'), an object and what was asked of it ('urged the board to resign'),
        a noun phrase with the phrase that goes with it ('praised the mayor for the plan', 'sees him as
        a rival', 'accused X of lying'), or the object of a preposition ('spoke about the economy',
        'voted for the bill'). Bounded by the phrase, not the sentence."""
        kids = [c for c in v.children if c.i > v.i and c.i not in rec_idx]
        obj = next((c for c in kids if c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in CONCERN_NOUNS), None)
        inf = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        picked: list[Token] = []
        for frame in entry.frames:
            if frame == "to" and inf is not None and obj is None:
                picked = [inf]
            elif frame == "np_to" and inf is not None and obj is not None and obj.i < inf.i:
                picked = [obj, inf]
            elif frame == "np" and obj is not None:
                picked = [obj] + [c for c in kids if c.dep_ in ("prep", "oprd") and c.i > obj.i and
                                  c.lower_ in ("as", "for", "of", "to", "on", "with", "over", "into")][:1]
            elif frame == "np_as" and obj is not None:
                pred = [c for c in kids if c.i > obj.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")][:1] + \
                    [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"][:1]
                picked = [obj] + pred[:1] if pred else []
            elif frame == "prep" and obj is None:
                pp = next((c for c in kids if c.dep_ in ("prep", "prt", "agent") and c.lower_ in entry.preps), None)
                if pp is not None:
                    objs = [g for g in pp.children if g.dep_ in ("pobj", "pcomp")]
                    picked = objs or []
            if picked:
                break
        if not picked:
            return None
        toks = [t for p in picked for t in p.subtree]
        lo, hi = min(t.i for t in toks), max(t.i for t in toks)
        doc = v.doc
        for t in doc[lo:hi + 1]:
            if t.i > lo + 1 and self._reporters_addition(t, v, doc[lo]):
                hi = t.i - 1
                break
        while hi > lo and (doc[hi].is_punct and doc[hi].text not in QUOTE_TOKENS or doc[hi].dep_ == "cc"):
            hi -= 1
        return _tok_start(doc[lo]), _tok_end(doc[hi])

    def _introduced_quote(self, doc: Doc, attr_hi: int, lem: str, layout: bool = False) -> Optional[tuple[int, int]]:
        """The quotation an attribution clause introduces: 'X said: "..."', 'X said, "..."', and a
        clause ending its paragraph with a colon before a paragraph that opens with a quote."""
        end = _tok_end(doc[attr_hi])
        # past the cue's own adjuncts: 'said Wednesday, "..."', 'said in an interview, "..."'
        v = doc[attr_hi]
        adj = [c for c in v.children if c.i > attr_hi and c.dep_ in ("npadvmod", "advmod", "prep") and
               not any(_tok_in_quote(t) or t.text in QUOTE_TOKENS for t in c.subtree)]
        if adj:
            end = max(end, max(_tok_end(c.right_edge) for c in adj))
        m = re.compile(r"[ \t]*([:,])[ \t]*(?=[\"“‘]|''|``)").match(self.text, end)
        speech_verb = lem in QUOTE_INTRODUCERS or lem in VERBS and VERBS[lem].act == "statement" and takes_clause_frame(lem)
        if m and (speech_verb or layout or m.group(1) == ":"):
            return self.speech_quote_at(m.end())
        m = re.compile(r"[ \t]*:[ \t]*\n\s*").match(self.text, end)
        if m and mark_width(self.text, m.end()):
            q = self.speech_quote_at(m.end())
            if q is not None:
                self.quote_paragraphs[q] = next((d._.paragraph for d in self.docs
                                                 if d._.offset <= q[0] < d._.offset + len(d.text)), None)
            return q
        return None

    def _quote_ending_at(self, pos: int) -> Optional[tuple[int, int]]:
        """A speech quote that ends right before pos (only commas and spaces between): the first,
        in text order, of those ending in the run of commas and spaces before pos (found by bisection)."""
        r = pos
        while r > 0 and self.text[r - 1] in " \t,\u00a0":
            r -= 1
        ends = self._speech_by_end()
        hits = ends[bisect_left(ends, (r, -1)):bisect_left(ends, (pos + 1, -1))]
        return min(((qs, qe) for qe, qs in hits), default=None)

    def _speech_by_end(self) -> list[tuple[int, int]]:
        if getattr(self, "_by_end", None) is None:
            self._by_end = sorted((qe, qs) for qs, qe in self.speech)
        return self._by_end

    def _quote_starting_at(self, pos: int) -> Optional[tuple[int, int]]:
        """A speech quote that starts right after pos (only a comma and spaces between). Quotes are
        sorted by start, so only those from the first starting at pos on, while nothing but commas
        and spaces lies between, can match."""
        k = bisect_left(self.speech, (pos, -1))
        for qs, qe in self.speech[k:]:
            between = self.text[pos:qs]
            if re.fullmatch(r"[ \t\u00a0]*,[ \t\u00a0]*", between):
                return (qs, qe)
            if not re.fullmatch(r"[ \t,\u00a0]*", between):
                break
        return None

    def _forward_end(self, sent: Span, v: Token, lo: Token) -> int:
        """Content after the cue runs to the end of the sentence, but stops before a coordinated
        or participial cue of the same source (", but said ...", "and urged ...", ", stressing ...")."""
        end_tok = sent[-1]
        if v.head.i > v.i and v.right_edge.i < end_tok.i and v.right_edge.i >= lo.i:
            # a cue inside a preposed clause ("Moscow has denied any involvement, the ministry
            # said"): its content ends with its own clause
            end_tok = v.right_edge
        while end_tok.i > lo.i and (end_tok.is_punct and end_tok.text not in QUOTE_TOKENS or self._opens_quote(end_tok)):
            # (an opening mark the sentence splitter left at the end belongs to the next sentence)
            end_tok = end_tok.doc[end_tok.i - 1]
        doc = sent.doc
        for t in sent:
            if t.i <= lo.i:
                continue
            if self._trailing_attribution(t, sent):
                cut = t.i - 1
                while cut > lo.i and (doc[cut].is_punct or doc[cut].dep_ == "cc"):
                    cut -= 1
                end_tok = doc[cut]
                break
            if (t.dep_ in ("conj",) and (t.head.i == v.i or self._coord_cue(t, v)) and (is_cue_verb(t) or t.lemma_.lower() in DECLINE_LEMMAS)) or \
                    (t.dep_ == "advcl" and t.head.i == v.i and t.tag_ == "VBG" and is_cue_verb(t)) or \
                    (t.head.head.i == v.i and is_cue_verb(t) and _reports_outer(t)) or \
                    self._reporters_addition(t, v, lo):
                cut = t.i - 1
                while cut > lo.i and (doc[cut].dep_ in ("cc",) or doc[cut].is_punct or doc[cut].dep_ == "advmod"):
                    cut -= 1
                end_tok = doc[cut]
                break
        return _tok_end(end_tok)

    def _opens_quote(self, t: Token) -> bool:
        """Is t the opening mark of a quote?"""
        k = bisect_left(self.speech_starts, _tok_start(t))
        return t.text in QUOTE_TOKENS and k < len(self.speech_starts) and self.speech_starts[k] == _tok_start(t)

    def _reporters_addition(self, t: Token, v: Token, lo: Token) -> bool:
        """Does the reporter's own sentence go on at t, after the reported content: a participle
        clause of the cue ('..., throwing a wrench in ...'), an adverbial clause of the cue ('admitted it
        erred when a pediatrician reported ...'), a sentence-final relative clause (', which raised
        concerns'), or a contrasting clause with a subject of its own (', but for Republicans it is
        ...', ', though voters are more likely to say ...')? Never inside a quotation."""
        doc = t.doc
        if _tok_in_quote(t) or t.i <= lo.i + 1:
            return False
        comma = doc[t.i - 1].text == ","
        if t.head.i == v.i and t.dep_ == "advcl" and (comma or any(m.dep_ in ("mark", "advmod") and m.i < t.i for m in t.children)):
            return t.left_edge.i > lo.i
        if comma and t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.head.i == v.i and t.head.dep_ == "ccomp" and \
                t.right_edge.i >= t.sent.end - 2:
            return True  # '... declared that he cannot support him, throwing a wrench in ...' (sentence-final)
        if t.text in ("—", "–", "--") and not any(x.text in ("—", "–", "--") for x in doc[t.i + 1: t.sent.end]) and \
                not any(x.text in ("—", "–", "--") for x in doc[lo.i: t.i]):
            rest = doc[t.i + 1: t.sent.end]
            verb = next((x for x in rest if x.dep_ in ("ROOT", "conj", "parataxis", "ccomp", "appos") and x.pos_ in ("VERB", "AUX")), None)
            if verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
                    not any(_tok_in_quote(x) or x.text in QUOTE_TOKENS for x in rest):
                return True  # '... will fail — an apparent act of sabotage led to ...': a sentence of the reporter's
        if comma and t.lower_ in ("which", "who") and not any(x.text in (",", ";", ":") or x.text in QUOTE_TOKENS
                                                              for x in doc[t.i + 1: t.sent.end]):
            return True  # a sentence-final relative clause set off by a comma
        if comma and t.lower_ in ("but", "though", "although", "while", "whereas", "yet") and t.i + 1 < t.sent.end and \
                not doc[t.i + 1].tag_.startswith("VB"):  # ', but required candidates to ...' goes on with a verb: content
            rest = doc[t.i + 1: t.sent.end]
            verb = next((x for x in rest if x.pos_ in ("VERB", "AUX") and x.dep_ not in ("aux", "auxpass", "amod")), None)
            return verb is not None and not any(x.lower_ == "that" and x.dep_ == "mark" for x in rest[:2]) and \
                not any(_tok_in_quote(x) or x.text in QUOTE_TOKENS for x in rest) and (
                is_cue_verb(verb) or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) or
                any(is_cue_verb(x) for x in rest))
        return False

    @staticmethod
    def _next_clause(sent: Span, v: Token, attr_hi: int) -> Optional[int]:
        """Where a clause of its own starts after an attribution clause: after a semicolon, or at the
        comma or conjunction before a verb coordinated with the cue that has a subject of its own."""
        doc = sent.doc
        for t in sent:
            if t.i <= attr_hi:
                continue
            if t.text == ";" or t.text == "," and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("and", "but", "or", "so", "yet"):
                return t.i
            if t.dep_ in ("conj", "parataxis") and (t.head.i == v.i or t.head.i < v.i) and t.pos_ in ("VERB", "AUX") and \
                    any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
                lo = t.left_edge.i
                while lo - 1 > attr_hi and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
                    lo -= 1
                return lo
        return None

    def _trailing_attribution(self, t: Token, sent: Span) -> bool:
        """Is t the start of a sentence-final attribution: ', according to X.', ', per X.', ', X said.'"""
        doc = sent.doc
        if t.i == sent.start or doc[t.i - 1].text != ",":
            return False
        if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
            return True
        if t.lower_ == "per" and t.pos_ == "ADP":
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            return pobj is not None and self._source_like(pobj)
        # ", the officials said." — a subject and a cue verb and nothing after but its dependents
        for v in sent:
            if v.i > t.i and is_cue_verb(v):
                subj = subject_of(v)
                if subj is not None and min(x.i for x in mention_tokens(subj)) == t.i and \
                        all(x.is_punct or x.head.i == v.i or x.head.head.i == v.i for x in sent if x.i > v.i):
                    return True
                break
        return False

    def _coord_cue(self, t: Token, v: Token) -> bool:
        """'X stressed that A and said B': the parser hangs 'said' on A; treat it as v's conjunct."""
        h = t.head
        return h.dep_ == "ccomp" and h.head.i == v.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)

    # -- declines
    def decline(self, doc: Doc, sent: Span, si: int, v: Token) -> None:
        x = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if x is None:
            return
        if x.lemma_.lower() in ("identify", "name", "quote") and any(c.dep_ == "auxpass" for c in x.children):
            return  # "declined to be identified": why the source is anonymous, not a refusal to comment
        subj = subject_of(v)
        src = mention_tokens(subj) if subj is not None else None
        cue_toks = [v] + [c for c in x.children if c.dep_ == "aux" and c.lower_ == "to"] + [x]
        cue_s, cue_e = _tok_start(min(cue_toks, key=lambda t: t.i)), _tok_end(max(cue_toks, key=lambda t: t.i))
        rest = [t for t in x.subtree if t.i > x.i]
        if rest:
            s, e = _tok_start(rest[0]), _tok_end(rest[-1])
        else:
            s = e = cue_e
        s, e = trim_span(self.text, s, e)
        src_span = doc[src[0].i: src[-1].i + 1] if src else None
        self.add(Cand(doc, si, s, max(s, e), "declined", "decline", cue=self.text[cue_s:cue_e], cue_start=cue_s,
                      cue_lemma=v.lemma_.lower(), source_tokens=src_span, negated=True))

    def no_response(self, doc: Doc, sent: Span, si: int, v: Token) -> None:
        subj = subject_of(v)
        if subj is None:
            return
        src = mention_tokens(subj)
        toks = [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < v.i] + [v]
        cue_s, cue_e = _tok_start(min(toks, key=lambda t: t.i)), _tok_end(v)
        rest = [t for c in v.children if c.i > v.i and c.dep_ not in ("punct", "cc", "conj") for t in c.subtree]
        s, e = (_tok_start(min(rest, key=lambda t: t.i)), _tok_end(max(rest, key=lambda t: t.i))) if rest else (cue_e, cue_e)
        s, e = trim_span(self.text, s, e)
        self.add(Cand(doc, si, s, max(s, e), "declined", "no_response", cue=self.text[cue_s:cue_e], cue_start=cue_s,
                      cue_lemma=v.lemma_.lower(), source_tokens=doc[src[0].i: src[-1].i + 1], negated=True))

    # -- according to, per, citing
    def prep_cues(self, doc: Doc, sent: Span, si: int) -> None:
        for t in sent:
            if _tok_in_quote(t):
                continue
            low = t.lower_
            head_tok = None
            cue_toks: list[Token] = []
            if low == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
                to = doc[t.i + 1]
                head_tok = next((c for c in to.children if c.dep_ == "pobj"), None)
                cue_toks = [t, to]
            elif low == "per" and t.pos_ == "ADP":
                head_tok = next((c for c in t.children if c.dep_ == "pobj"), None)
                if head_tok is None or not self._source_like(head_tok):
                    continue
                cue_toks = [t]
            elif low == "citing" or (t.lemma_.lower() == "cite" and t.tag_ == "VBG"):
                head_tok = next((c for c in t.children if c.dep_ == "dobj"), None)
                if head_tok is None or not self._source_like(head_tok):
                    continue
                cue_toks = [t]
            if head_tok is None:
                continue
            src = mention_tokens(head_tok)
            # the parser may hang the clause after a set-off comma on the source ('According to an
            # analysis by X, nearly 300,000 voters lack ...'): the source ends at that comma, unless
            # what follows is an apposition or a relative clause ('..., a spokesman', '..., which')
            for k, x in enumerate(src):
                if x.text == "," and x.i > head_tok.i and k + 1 < len(src):
                    rest = src[k + 1:]
                    finite = any(r.tag_ in ("VBD", "VBP", "VBZ", "MD") for r in rest)
                    # or the parse is so broken that no verb is left for the content after the source
                    verbless = not any(r.pos_ in ("VERB", "AUX") for r in sent if r.i > src[-1].i)
                    if (finite or verbless) and rest[0].lower_ not in REL_PRONOUNS and rest[0].tag_ not in ("WDT", "WP", "WP$"):
                        src = src[:k]
                        break
            phrase_lo = cue_toks[0].i
            phrase_hi = max(src[-1].i, cue_toks[-1].i)
            sent_toks = [x for x in sent]
            first_word = next((x for x in sent_toks if not x.is_punct), sent[0])
            if phrase_lo <= first_word.i + 1:  # sentence-initial: content follows the comma
                after = [x for x in sent_toks if x.i > phrase_hi]
                while after and after[0].is_punct and after[0].text not in QUOTE_TOKENS:
                    after = after[1:]
                while after and after[-1].is_punct and after[-1].text not in QUOTE_TOKENS:
                    after = after[:-1]  # the sentence's full stop is not content
                if not after:
                    continue
                s = _tok_start(after[0])
                e = _tok_end(after[-1])
                # stop before a trailing attribution of the same content (", officials tell me")
                tail = self._tail_attribution_start(sent, after[0].i)
                if tail is not None:
                    e = tail
            else:
                before = [x for x in sent_toks if x.i < phrase_lo]
                after = [x for x in sent_toks if x.i > phrase_hi and not x.is_punct]
                if not before:
                    continue
                s = _tok_start(before[0])
                e = _tok_end(before[-1]) if not after or low == "citing" else _tok_end(sent[-1])
                if low == "citing":
                    # "X reported, citing Y, that ...": the content is the reported clause (which the
                    # parser may also take for the head of 'citing')
                    comp = next((c for c in t.children if c.dep_ == "ccomp"), None) or \
                        next((c for c in t.head.children if c.dep_ == "ccomp"), None)
                    if comp is None and _cites_inside_report(t):
                        comp = t.head
                    if comp is not None:
                        sub = list(comp.subtree)
                        lo = _content_first(comp)
                        s, e = _tok_start(lo), _tok_end(sub[-1])
            s, e = self.extend_over_quotes(s, e)
            s, e = trim_span(self.text, s, e)
            if e - s < 2:
                continue
            cue_s, cue_e = _tok_start(cue_toks[0]), _tok_end(cue_toks[-1])
            c = Cand(doc, si, s, e, "according_to", f"prep:{cue_toks[0].lower_}", cue=self.text[cue_s:cue_e],
                     cue_start=cue_s, cue_lemma="according to" if low == "according" else low,
                     source_tokens=doc[src[0].i: src[-1].i + 1])
            if low == "citing" and t.head.i != t.i:
                # the reporting verb that cites this source
                c.relayed_by = _tok_start(t.head.head if _cites_inside_report(t) else t.head)
            self.add(c)

    def _tail_attribution_start(self, sent: Span, after_i: int) -> Optional[int]:
        for v in sent:
            if v.i <= after_i or not is_cue_verb(v):
                continue
            subj = subject_of(v)
            if subj is None or subj.i < after_i:
                continue
            lo = min(t.i for t in mention_tokens(subj))
            if lo - 1 > after_i and sent.doc[lo - 1].text == ",":
                return _tok_end(sent.doc[lo - 2])
        return None

    @staticmethod
    def _source_like(t: Token) -> bool:
        lem = t.lemma_.lower()
        if lem in UNIT_NOUNS or t.like_num:
            return False
        if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if lem in SOURCE_NOUNS or t.lower_ in SOURCE_NOUNS:
            return any(c.dep_ in ("det", "nummod", "amod", "compound", "poss") for c in t.children) or t.tag_ == "NNS"
        return False

    # -- quotes without a verb cue
    def quote_pass(self) -> None:
        covered = Spans((c.start, c.end) for c in self.cands)
        attributed = sorted((c for c in self.cands if c.kind != "declined"), key=lambda c: c.start)
        units = [d._.unit for d in self.docs]
        # the Doc a quote stands in, by bisection over the Docs' offsets (in text order), and each Doc's
        # sentences: per quote, the sentences of its Doc only, not of the whole article
        offsets = [d._.offset for d in self.docs]
        sents_of: dict[int, list[tuple[Span, int]]] = {}
        for d, x_s, x in self.sent_of:
            sents_of.setdefault(id(d), []).append((x_s, x))
        for qs, qe in self.speech:
            if covered.contains(qs + 2, qe - 2) or covered.overlaps(qs + 1, qe - 1):
                continue
            k = bisect_right(offsets, qs) - 1
            doc_i = k if k >= 0 and qs < offsets[k] + len(self.docs[k].text) else None
            if doc_i is None:
                continue
            doc = self.docs[doc_i]
            si0 = next((x for x_s, x in sents_of.get(id(doc), []) if _tok_start(x_s[0]) <= qs < _tok_end(x_s[-1]) + 1), 0)
            # a quote signed with a dash: "..." —Commissioner Geoffrey Starks
            m = RE_DASH_SIGNATURE.match(self.text, qe)
            if m and doc._.parsed:
                span = doc.char_span(m.start(1) - doc._.offset, m.end(1) - doc._.offset, alignment_mode="expand")
                if span is not None:
                    self.add(Cand(doc, si0, *self.strip_quote(qs, qe), "direct", "quote:dash", cue=m.group(0)[: m.start(1) - m.start()].strip(),
                                  cue_start=m.start(), source_tokens=span))
                    covered.add(qs, qe)
                    continue
            # a quotation led by a clause or a name that ends with a colon: 'Trump boomed: "..."',
            # 'Republican pollster Jane Roe: "..."'
            lead = self._colon_lead(qs)
            if lead is not None:
                src_span, (src_s, src_e), cue_text, cue_at = lead
                c = Cand(doc, si0, *self.strip_quote(qs, qe), "direct", "quote:colon", cue=cue_text, cue_start=cue_at,
                         source_tokens=src_span, source_text=self.text[src_s:src_e], source_start=src_s, source_end=src_e)
                c.notes.append("colon attribution")
                self.add(c)
                attributed.append(c)
                attributed.sort(key=lambda c: c.start)
                covered.add(qs, qe)
                continue
            # the quote must be (most of) its own sentence(s): a floating quote
            sent_spans = [(_tok_start(s[0]), _tok_end(s[-1]), si) for s, si in sents_of.get(id(doc), [])]
            # sentences of the quote's words (a sentence splitter may leave the opening mark on the sentence before)
            inner_s, inner_e = qs + mark_width(self.text, qs), qe - mark_width_before(self.text, qe)
            touching = [x for x in sent_spans if x[0] < inner_e and x[1] > inner_s]
            if not touching:
                continue
            ts, te = touching[0][0], touching[-1][1]
            outside = self.text[ts:max(ts, qs)] + self.text[min(te, qe):te]
            if len(re.findall(r"\w+", outside)) > 2:
                continue
            si = touching[0][2]
            s, e = self.strip_quote(qs, qe)
            if e - s < 2:
                continue
            # a quote block followed by a line that names the speaker
            nxt = units[doc_i + 1] if doc_i + 1 < len(units) else None
            nxt_doc = self.docs[doc_i + 1] if doc_i + 1 < len(self.docs) else None
            if nxt is not None and te >= doc._.offset + len(doc.text.rstrip()) - 1 and self._speaker_line(nxt_doc):
                name_end = self._speaker_name_end(nxt_doc)
                c = Cand(doc, si, s, e, "direct", "quote:block", cue="", cue_start=None, source_text=self.text[nxt.start:name_end],
                         source_start=nxt.start, source_end=name_end)
                c.notes.append("speaker named on the line after the quote")
                self.speaker_units.add(doc_i + 1)
                self.add(c)
                covered.add(s, e)
                continue
            prev = [c for c in attributed if c.start < qs and c.kind != "reporter" and (c.source_tokens is not None or c.source_text)]
            prev = [c for c in prev if doc._.paragraph - (c.paragraph if c.reach_paragraph is None else c.reach_paragraph) <= 1]
            quoted = next((c for c in reversed(prev) if c.kind in ("direct", "mixed")), None)
            if quoted is not None and self._continues_quotation(quoted, qs, doc._.paragraph):
                # '"A," she said. "B."' and a quotation over several paragraphs are one quotation
                p = quoted
                p.gaps.append((p.end, s))
                p.end = max(p.end, e)
                p.reach_paragraph = doc._.paragraph
                if "quotation continued" not in p.notes:
                    p.notes.append("quotation continued")
                covered.add(s, e)
                continue
            if prev:
                p = prev[-1]
                c = Cand(doc, si, s, e, "direct", "quote:continues", cue="", cue_start=None, inherited=True, follows=p)
                self.add(c)
                attributed.append(c)
                attributed.sort(key=lambda c: c.start)
                covered.add(s, e)

    def _colon_lead(self, qs: int) -> Optional[tuple[Optional[Span], tuple[int, int], str, int]]:
        """The speaker of a quotation that a colon introduces, in the same sentence or ending the paragraph
        before: the subject of the clause before the colon ('Trump boomed:', 'He went even further:',
        'the company released the following statement:'), or the name that is all there is before it
        ('Carl Bialik:', also on a line of its own). Returns the source span (None where nothing was parsed),
        its offsets, the cue (the clause's verb up to the colon, or the colon) and where the cue starts."""
        m = re.search(r":[ \t]*(?:\n\s*)?$", self.text[max(0, qs - 8):qs])
        if m is None:
            return None
        colon = max(0, qs - 8) + m.start()
        found = next(((d, s, si) for d, s, si in self.sent_of if _tok_start(s[0]) <= colon < _tok_end(s[-1])), None)
        if found is None:  # a line of its own, which the reader took for a label
            line_start = self.text.rfind("\n", 0, colon) + 1
            name = re.fullmatch(r"[ \t]*((?:[A-Z][\w.'’&\-]*|of|the|at|for)(?:[ \t]+(?:[A-Z][\w.'’&\-]*|of|the|at|for|[a-z]+)){0,7})[ \t]*",
                                self.text[line_start:colon])
            if name is None or not re.search(r"\b[A-Z][a-z]+[ \t]+[A-Z]", name.group(1)) or \
                    name.group(1).split()[0].lower() in HEADLINE_LABELS:
                return None
            return None, (line_start + name.start(1), line_start + name.end(1)), ":", colon
        doc, sent, si = found
        toks = [t for t in sent if _tok_end(t) <= colon]
        if not toks or len(toks) > 30 or not doc._.parsed:
            return None
        verbs = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "amod", "acl", "relcl")]
        if not verbs:
            if len(toks) <= 8 and all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "NUM") or t.tag_ == "POS" for t in toks) \
                    and any(t.pos_ == "PROPN" for t in toks) and toks[0].lower_ not in HEADLINE_LABELS:
                return doc[toks[0].i: toks[-1].i + 1], (_tok_start(toks[0]), _tok_end(toks[-1])), ":", colon
            return None
        v = verbs[0] if verbs[0].dep_ == "ROOT" or len(verbs) == 1 else next((t for t in verbs if t.dep_ == "ROOT"), verbs[0])
        subj = subject_of(v)
        if subj is None or not (subj.pos_ in ("PRON", "PROPN", "NOUN") or subj.ent_type_ in ("PERSON", "ORG")):
            return None  # what a quotation follows, its subject says (any noun: 'the candidate boomed:')
        if subj.lower_ in ("it", "this", "that", "there", "which"):
            return None
        src = mention_tokens(subj)
        return doc[src[0].i: src[-1].i + 1], (_tok_start(src[0]), _tok_end(src[-1])), self.text[_tok_start(v):colon + 1], \
            _tok_start(v)

    def headline_speakers(self) -> None:
        """'Gingrich: Trump Must Decide ...': a headline led by a short name and a colon is that speaker's."""
        for doc, sent, si in self.sent_of:
            if doc._.role != "title" or si != next((x for d, s, x in self.sent_of if d is doc), si):
                continue
            start = _tok_start(sent[0])
            m = re.match(r"([A-Z][\w.'’&\-]*(?:[ \t]+[A-Z][\w.'’&\-]*){0,4})[ \t]*:[ \t]+(\S.*\S)", self.text[start:doc._.offset + len(doc.text)])
            if m is None or m.group(1).lower() in HEADLINE_LABELS or m.group(1).split()[0].lower() in HEADLINE_LABELS:
                continue
            s, e = trim_span(self.text, start + m.start(2), start + m.end(2))
            e = e - 1 if self.text[e - 1:e] in ".!?" and not mark_width_before(self.text, e - 1) else e
            c = Cand(doc, si, s, e, self.kind_for(s, e), "headline:colon", cue=":", cue_start=start + m.end(1),
                     source_text=m.group(1), source_start=start, source_end=start + m.end(1))
            if c.kind == "direct":
                c.start, c.end = self.strip_quote(s, e)
            self.add(c)

    def _continues_quotation(self, p: Cand, qs: int, paragraph: int) -> bool:
        """Does the floating quote at qs go on with the quotation of claim p: the next sentence of its
        paragraph, with nothing between but p's own attribution ('"A," she said. "B."'), or the
        paragraph after the one p's quotation reached, opening with a quote mark?"""
        if p.kind not in ("direct", "mixed") or p.inherited or p.rule.startswith("prep:") or p.end > qs:
            return False
        if self.speech_quote_at(max(p.start, p.end - 1)) is None and self.speech_quote_at(p.end) is None:
            return False  # p does not end in a quotation
        gap = self.text[p.end:qs]
        # what stands between is p's own attribution clause, perhaps with a participle of the same source
        # ('"A," Trump said in August, referring to Kerry. "B."'), never another source's claim
        if any(o is not p and o.kind != "reporter" and p.end <= o.start < qs and
               not (o.cue and o.cue.split()[0].lower().endswith("ing") and o.cue_start is not None and o.cue_start < qs)
               for o in self.cands):
            return False
        reached = p.reach_paragraph if p.reach_paragraph is not None else p.paragraph
        head, _, tail = gap.partition("\n")
        # at most p's own attribution sentence between (sentence starts as the parser found them: 'Mr.
        # Rhodes said.' is one sentence)
        starts = bisect_left(self.sent_starts, qs) - bisect_right(self.sent_starts, p.end)
        if len(re.findall(r"\w+", head)) > 40 or starts > 1:
            return False
        if paragraph == reached:
            return "\n" not in gap
        # the next paragraph: only when the quotation was left open at the end of the last one (the
        # newspaper convention); a closed quotation followed by a new quoted paragraph is a new claim
        q = self.speech_quote_at(max(p.start, p.end - 1))
        left_open = q is not None and not mark_width_before(self.text, q[1]) and not re.search(r"\w", self.text[p.end:q[1]])
        return paragraph == reached + 1 and left_open and not re.search(r"\w", tail)

    def _speaker_line(self, doc: Optional[Doc]) -> bool:
        if doc is None or len(doc) == 0 or len(doc) > 20:
            return False
        if mark_width(self.text, doc._.offset):
            return False
        first = doc[0]
        if doc._.parsed:
            if first.ent_type_ != "PERSON" and first.pos_ != "PROPN":
                return False
            return not any(is_cue_verb(t) for t in doc) and not re.search(r"[.!?]$", doc.text.strip())
        return bool(re.match(r"^[A-Z][a-z]+ [A-Z][\w\-]+", doc.text)) and not re.search(r"[.!?]$", doc.text.strip())

    def _speaker_name_end(self, doc: Doc) -> int:
        if doc._.parsed:
            t = doc[0]
            ent = next((e for e in doc.ents if e.start == 0 and e.label_ == "PERSON"), None)
            if ent is not None:
                return _tok_end(ent[-1])
            i = 0
            while i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                i += 1
            return _tok_end(doc[i])
        m = re.match(r"^(?:[A-Z][\w\-’']+\s?){1,4}", doc.text)
        return doc._.offset + len(m.group(0).rstrip()) if m else doc._.offset + len(doc.text)

    # -- nesting
    def nest(self) -> None:
        outer = [c for c in self.cands if c.kind not in ("reporter",)]
        by_cue: dict[int, list[Cand]] = {}
        for p in outer:
            by_cue.setdefault(p.cue_start, []).append(p)
        # the claims that can contain a point, found by bisection over starts with the farthest end
        # so far (n log n over the article, not every claim against every other)
        order = sorted(range(len(outer)), key=lambda i: outer[i].start)
        starts = [outer[i].start for i in order]
        reach = list(accumulate((outer[i].end for i in order), max))
        for c in outer:
            if c.relayed_by is not None:
                c.parent = next((p for p in by_cue.get(c.relayed_by, []) if p is not c), None)
                continue
            if c.cue_start is None:
                continue
            src_s = _tok_start(c.source_tokens[0]) if c.source_tokens is not None else c.cue_start
            lo, hi = min(c.cue_start, src_s), max(c.cue_start, src_s)
            k = bisect_right(starts, lo)
            best = None
            for p in (outer[i] for i in sorted(order[bisect_right(reach, hi, 0, k):k])):
                if p is c or p.kind == "declined":
                    continue
                if p.start <= c.cue_start < p.end and p.start <= src_s < p.end and (p.end - p.start) > (c.end - c.start) - 1 \
                        and not any(a <= c.cue_start < b for a, b in p.gaps):
                    if best is None or (p.end - p.start) < (best.end - best.start):
                        best = p
            c.parent = best
        # a speaker reporting their own belief or plan is one claim, not two: in "The minister
        # said he believed the talks would fail" the content starts with the pronoun subject of the
        # inner cue ("(that) he believed ..."), which is the speaker again
        self_reports = [c for c in outer if c.parent is not None and c.source_tokens is not None and len(c.source_tokens) == 1
                        and c.source_tokens[0].lower_ in PRONOUNS
                        and re.fullmatch(r"\s*(?:that\s+)?", self.text[c.parent.start:_tok_start(c.source_tokens[0])] or "")]
        # "He says X, though he declined to name it": the refusal is the reporter's report about the
        # speaker, not something the speaker relays
        for c in outer:
            if c.kind == "declined" and c.parent is not None and c.source_tokens is not None and len(c.source_tokens) == 1 \
                    and c.source_tokens[0].lower_ in PRONOUNS:
                c.parent = None
        # a sourceless passive inside reported content ("the papers show that officials were told
        # that ...") is part of that content, not a claim of its own
        self_reports += [c for c in outer if c.parent is not None and c.source_tokens is None and not c.source_text
                         and c.follows is None and c.kind not in ("declined",)]
        if self_reports:
            drop = {id(c) for c in self_reports}
            self.cands = [c for c in self.cands if id(c) not in drop]
            for c in self.cands:  # a claim relayed by a dropped one is relayed by what relayed that one
                while c.parent is not None and id(c.parent) in drop:
                    c.parent = c.parent.parent

    # -- scope: bullets under an attributed lead
    def scope(self) -> None:
        by_sent = {}
        for c in self.cands:
            by_sent.setdefault(c.sent_index, []).append(c)
        lead: Optional[Cand] = None
        lead_para = None
        for doc, sent, si in self.sent_of:
            role = doc._.role
            own = [c for c in by_sent.get(si, []) if not c.inherited]
            if role != "bullet":
                if own and doc._.unit is not None:
                    last = max(own, key=lambda c: c.end)
                    lead = last if self.text[last.end: _tok_end(sent[-1]) + 1].strip(" .”\"") == "" or \
                        self.text[_tok_end(sent[-1]) - 1] == ":" else None
                elif doc._.paragraph != lead_para:
                    lead = None
                lead_para = doc._.paragraph
                continue
            if own or lead is None:
                continue
            s, e = trim_span(self.text, _tok_start(sent[0]), _tok_end(sent[-1]))
            if e - s < 10:
                continue
            self.add(Cand(doc, si, s, e, self.kind_for(s, e), "scope:bullet", cue="", inherited=True, follows=lead))

    # -- everything else is the reporter's
    def reporter(self) -> None:
        spans = sorted([(c.start, c.end) for c in self.cands] + [(c.cue_start, c.cue_start + len(c.cue or "")) for c in self.cands if c.cue_start is not None])
        starts = [a for a, _ in spans]
        reach = list(accumulate((b for _, b in spans), max))
        speaker_docs = {id(self.docs[j]) for j in self.speaker_units}
        for i, (doc, sent, si) in enumerate(self.sent_of):
            s, e = trim_span(self.text, _tok_start(sent[0]), _tok_end(sent[-1]))
            if e - s < 3 or not re.search(r"[A-Za-z]{2}", self.text[s:e]):
                continue
            k = bisect_left(starts, e)  # some span with a < e and b > s
            if k > 0 and reach[k - 1] > s:
                continue
            if doc._.unit is not None and id(doc) in speaker_docs:
                continue
            self.cands.append(Cand(doc, si, s, e, "reporter", "reporter:sentence"))

    def add(self, c: Cand) -> None:
        # a paraphrase starts after its complementizer ('told CNBC that he saw ...' -> 'he saw ...')
        if c.kind in ("indirect", "mixed") and re.match(r"that\s", self.text[c.start:c.end]) and c.end - c.start > 8:
            first = c.doc.char_span(c.start - _off(c.doc), c.start - _off(c.doc) + 4)
            if first is not None and len(first) == 1 and first[0].dep_ in ("mark", "advmod"):
                c.start += len(re.match(r"that\s+", self.text[c.start:c.end]).group(0))
        # a wire dateline opening the paragraph ("CHICAGO (AP) — ") is not part of what is claimed
        if c.kind != "reporter" and c.start == _off(c.doc):
            m = RE_DATELINE_LEAD.match(self.text, c.start, c.end)
            if m and m.end() < c.end:
                c.start = m.end()
        # the same claim found twice is kept once: the candidates indexed by kind, start and cue (which
        # never change once added; the end may, when a quotation goes on), brought up to date with
        # self.cands, which nest() replaces and reporter() extends
        if getattr(self, "_keyed", None) is not self.cands:
            self._keyed, self._by_key, self._n_keyed = self.cands, {}, 0
        for o in self.cands[self._n_keyed:]:
            self._by_key.setdefault((o.kind, o.start, o.cue_start), []).append(o)
        self._n_keyed = len(self.cands)
        if any(o.end == c.end for o in self._by_key.get((c.kind, c.start, c.cue_start), ())):
            return
        self.cands.append(c)


def act_of(c: Cand) -> Optional[str]:
    """What a candidate attributes: the act of its cue in the lexicon; refusals for declines;
    statements for quotations, prepositional cues and cues the lexicon does not list."""
    if c.kind == "reporter":
        return None
    if c.kind == "declined":
        return "refusal"
    return ACT.get(c.cue_lemma or "", "statement")


def claim_id(article_id: str, c: Cand) -> str:
    key = f"{article_id}|{c.start}|{c.end}|{c.kind}|{c.cue_start}"
    return f"{article_id}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def entity_windows(docs: list[Doc], cands: list[Cand], context: int = 4) -> list[Span]:
    """Where the entity recognizer is needed: where a source can be named. That is every source
    mention that holds a name (a proper noun, or a capitalised word after the first), and every
    other run of two or more capitalised proper nouns in the parsed sentences (a person named in
    full there can be the antecedent of a later 'he said' or surname), each with ``context``
    tokens either side (across a sentence start too: the recognizer reads a name at the start
    of a sentence better with the words before it). Pronouns and common-noun sources ('he',
    'two senior officials') need no entities."""
    out = []

    def window(doc: Doc, start: int, end: int) -> None:
        out.append(doc[max(0, start - context): min(len(doc), end + context)])

    for c in cands:
        span = c.source_tokens
        if span is not None and any(t.pos_ == "PROPN" or (t.i > span.sent.start and t.text[:1].isupper()) for t in span):
            window(span.doc, span.start, span.end)
    for doc in docs:
        if not doc._.parsed:
            continue
        i, n = 0, len(doc)
        while i < n:
            if doc[i].pos_ == "PROPN":
                j = i
                while j + 1 < n and doc[j + 1].pos_ == "PROPN":
                    j += 1
                if j > i and all(doc[k].text[:1].isupper() for k in range(i, j + 1)):
                    window(doc, i, j + 1)  # a full name ('Ned Price'), not 'Iran' or 'Tuesday'
                i = j + 1
            else:
                i += 1
    return out


def find_claims(docs: list[Doc], article: Article) -> list[Cand]:
    """All claim candidates of an article, in text order, with stable ids."""
    cands = Finder(docs, article).run()
    for c in cands:
        c.id = claim_id(article.id, c)
    return cands
