"""What the words around a person's name say they are.

A *reading* is one stated fact: 'Republican presidential candidate' (official, a candidate, current),
'a former political director of the A.F.L.-C.I.O.' (official, former), 'president of the American
Action Forum' (expert: the head of a think tank), 'Fox News host' (media), '(R-S.C.)' (official, a
legislator, Republican), 'Clinton's campaign' (Clinton: official, from a possession). ``read_words``
reads a description; ``read_around`` finds the descriptions around one mention of a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .lexicon import (RANK, ALIGNMENT, CANDIDACY, DEMONYMS, DOCUMENT, EXECUTIVE, EXPERT, EXPERT_BODIES, EXPERT_BODY_ROLES,
                      EXPERT_SUFFIXES, FAMILY, FORMER_WORDS, GROUP, HONORIFICS, INDIVIDUAL, MEDIA, MEDIA_NAMES,
                      MEDIA_ROLES, MEDIA_WORKS, OFFICIAL, ORG, OUTSIDE_ROLES, PARTIES, POSSESSIONS, ROLE_NAMES, SPOKES,
                      TITLE_ABBREV, TITLE_MODIFIERS, form_to_lemma)
from .gender import is_first_name
from .tokens import Tok

STRONG, MEDIUM, WEAK = 2, 1, 0
TITLES = TITLE_ABBREV - set(HONORIFICS)
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "his", "her", "their"}
DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "our"}
PUNCT_STOP = set(",;.()[]:—–\"“”‘!?")
RE_PARTY_TAG = re.compile(r"^\s*(?:\(|,\s*)([RDIL])\s*[-–.]\s*([A-Z][\w.]*\.?(?: [A-Z][\w.]*\.?)?)\s*(?:\)|,|$)|^\s*\(([RDIL])\)")
RE_COPULA = re.compile(r"^\s+(is|was|has been|had been|became|remains|will be)\s+(?:now |also |still |currently |once )?"
                       r"(?:the|a|an|his|her)\s+([^,.;:()\"“”—]{3,90})")
RE_ELECTED = re.compile(r"^\s+(?:is|was|has been|had been|had just been|were)\s+(?:re-?elected|elected|appointed|named|"
                        r"nominated|sworn in|confirmed)(?:\s+as)?\s+(?:the\s+)?([^,.;:()\"“”—]{2,60})")
RE_RUNNING = re.compile(r"^\s+(?:is|was|has been|had been)\s+(?:running|campaigning)\s+(?:for|against)\b|^\s+(?:ran|runs)\s+for\b|"
                        r"^\s+(?:is|was)\s+seeking\s+(?:the|a)\s+(?:\w+\s+)?(?:nomination|presidency|seat|office)\b")
RE_WHO = re.compile(r"^(?:who|whom)\s+(is|was|has been|had been|served as|serves as|became|is now|now serves as|"
                    r"is running for|was running for|ran for|runs|ran)\b\s*(?:the|a|an|as)?\s*")
# 'who led the foundation's Clinton Global Initiative', 'who heads the union': one who runs a body holds office in it
RE_WHO_LEADS = re.compile(r"^(?:who|whom)\s+(?:now\s+|also\s+)?(led|leads|heads|headed|runs|ran|directs|directed|chairs|"
                          r"chaired|founded|co-founded|manages|managed|oversees|oversaw)\s+(?:the|a|an|his|her|its)\b")
FINITE = {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "does", "did", "do"}
RE_AS_A = re.compile(r"(?:^|[.!?\n]\s*|\s)As (?:a|an|the) ([^.!?;:()\"“”]{3,160}),\s*$")
RE_MEDIA_WORK = re.compile(r"^\s+(?:[\w\-]+\s+){0,3}?(?:in|on)\s+(?:a|an|his|her|their|the)\s+(?:[\w\-]+\s+){0,2}?(?:"
                           + "|".join(sorted(MEDIA_WORKS, key=len, reverse=True)) + r")\b")
# 'who covered the White House for 40 years', 'who reports on Congress': a journalist
RE_WHO_COVERS = re.compile(r"^(?:who|whom)\s+(?:has\s+|had\s+|long\s+)?(?:covered|covers|reported on|reports on|has reported on)\b")
# 'Jane Doe of the Harlan Times', 'Jane Doe at CNN', 'Jane Doe from the Associated Press': a person named with
# the outlet she works at (the run of capitalised words after the preposition ends in an outlet's name)
RE_OF_OUTLET = re.compile(r"^\s+(?:of|at|from)\s+(?:the\s+|The\s+)?([A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,4})(?!\s+of\b)")
# a role dated in the past ('chief strategist for her campaign four years ago', '... in 2012')
RE_PAST = re.compile(r"\b(?:\w+ years? ago|last (?:cycle|election))\b", re.I)
CLAUSE_BREAK = {"who", "that", "which", "when", "because", "after", "before", "since", "while", "where", "if", "but"}


@dataclass
class Reading:
    source_type: str
    role: Optional[str]
    former: bool
    strength: int
    start: int
    text: str
    party: Optional[str] = None
    affiliation: Optional[str] = None
    how: str = ""
    words: list[str] = field(default_factory=list)

    @property
    def role_key(self) -> Optional[str]:
        return role_key(self.role)


def role_key(role: Optional[str]) -> Optional[str]:
    """The office a role word names, whatever it is called ('Sen.' and 'senator', 'nominee' and 'candidate')."""
    if not role:
        return None
    r = role.lower().rstrip(".")
    r = ROLE_NAMES.get(r, r)
    for plural, single in (("ies", "y"), ("men", "man"), ("s", "")):
        if r.endswith(plural):
            one = r[: -len(plural)] + single
            if one in _ALL_ROLES or one in ROLE_NAMES:
                r = one
                break
    return ROLE_NAMES.get(r, r)


_PHRASES: dict[int, tuple[frozenset, list[tuple[str, re.Pattern]]]] = {}


def _multiword(vocab) -> list[tuple[str, re.Pattern]]:
    """The vocabulary's multi-word phrases, longest first, each with its word-bounded pattern (cached)."""
    hit = _PHRASES.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        hit = (vocab, [(v, re.compile(rf"(?<![\w\-]){re.escape(v)}(?![\w\-])"))
                       for v in sorted(vocab, key=len, reverse=True) if " " in v])
        _PHRASES[id(vocab)] = hit
    return hit[1]


def phrase_in(words: list[str], vocab) -> Optional[str]:
    """The vocabulary's longest phrase among the words, else its first single word there."""
    joined = " ".join(words)
    for v, pat in _multiword(vocab):
        if v in joined and pat.search(joined):
            return v
    for w in words:
        if w in vocab:
            return w
    return None


_ALL_ROLES = frozenset(OFFICIAL | SPOKES | EXPERT | MEDIA_ROLES | CANDIDACY | EXECUTIVE | OUTSIDE_ROLES | INDIVIDUAL |
                       FAMILY | TITLES | set(ROLE_NAMES.values()))
ROLE_VOCAB = _ALL_ROLES


@lru_cache(maxsize=1)
def _cue_forms() -> frozenset:
    """Inflected cue verbs ('said', 'reported', 'tells'): a phrase holding one is a clause, not a description."""
    return frozenset(f for f, lemma in form_to_lemma().items() if f != lemma)


def _norm(w: str) -> str:
    w = w.lower().rstrip(".")
    for end in ("'s", "’s"):
        if w.endswith(end):
            w = w[:-2]
    return w


PREPOSITIONS = {"of", "for", "at", "to", "with", "in", "from", "on", "by", "under"}


def _head_words(low: list[str]) -> list[str]:
    """The words up to the first preposition, and a phrase that goes on through it ('secretary of state'):
    'daughter of Democratic presidential candidate Hillary Clinton' is a daughter."""
    cut = next((i for i, w in enumerate(low) if w in PREPOSITIONS and i > 0), len(low))
    if cut == len(low):
        return low
    joined = " ".join(low)
    for vocab in (OFFICIAL, SPOKES, EXPERT, CANDIDACY, EXECUTIVE, MEDIA_ROLES, EXPERT_BODY_ROLES):
        for v, pat in _multiword(vocab):
            hit = pat.search(joined) if v in joined else None
            if hit and len(joined[:hit.start()].split()) < cut < len(joined[:hit.end()].split()):
                cut = len(joined[:hit.end()].split())
    return low[:cut]


def _classify(low: list[str], raw: str) -> tuple[Optional[str], Optional[str]]:
    """(source_type, role) of one description's words, or (None, None) when no role is named. The role
    is in the words before a preposition; what follows it says where (a think tank, a campaign)."""
    whole, low = low, _head_words(low)
    spokes = phrase_in(low, SPOKES)
    office = phrase_in(low, OFFICIAL)
    if spokes and not (office and " " in office and spokes in office.split()):
        return "spokesperson", spokes
    if "communications" in low and phrase_in(low, {"adviser", "advisor", "director", "aide", "chief", "strategist"}):
        return "spokesperson", "communications " + phrase_in(low, {"adviser", "advisor", "director", "aide", "chief", "strategist"})
    body = phrase_in(whole, EXPERT_BODIES) or (re.search(r"\b(?:Institute|Institution|Forum|Center for|Centre for)\b", raw) and "institute")
    if body:
        r = phrase_in(low, EXPERT_BODY_ROLES) or phrase_in(low, EXPERT) or phrase_in(low, OUTSIDE_ROLES)
        if r:
            return "expert", r
    media_role = phrase_in(low, MEDIA_ROLES)
    if media_role:
        return "media", media_role
    outside = phrase_in(low, OUTSIDE_ROLES)
    if outside:
        before = raw.lower().split(outside.split()[0])[0] if outside.split()[0] in raw.lower() else raw
        aligned = phrase_in(whole, ALIGNMENT) or re.search(r"\b[A-Z][\w\-]+(?:'s|’s)?\s", before) and not all(
            _norm(w) in PARTIES or _norm(w) in DEMONYMS for w in re.findall(r"\b[A-Z][\w\-’']+", before))
        return ("official" if aligned else "expert"), outside
    expert = phrase_in(low, EXPERT) or next((w for w in low if w.endswith(EXPERT_SUFFIXES)), None)
    official = phrase_in(low, CANDIDACY) or phrase_in(low, EXECUTIVE) or office or phrase_in(low, TITLES)
    if official and MEDIA_NAMES.search(raw) and not phrase_in(whole, ALIGNMENT):
        return "media", official  # 'CNN president', 'a Washington Post editor'
    if official:
        return "official", official
    if expert:
        return "expert", expert
    person = phrase_in(low, INDIVIDUAL) or phrase_in(low, FAMILY)
    if person:
        return "individual", person
    return None, None


def read_words(words: list[str], raw: str, *, start: int, how: str, former: bool = False) -> list[Reading]:
    """The readings of a description (split at 'and': 'CNN commentator and former Obama adviser')."""
    out: list[Reading] = []
    parts, cur, raws, cur_raw = [], [], [], []
    for w in words:
        # 'CNN commentator and former Obama adviser' is two descriptions; 'the daughter of Bill Clinton
        # and Hillary Clinton' is one (the 'and' joins the object of 'of')
        if w.lower() in ("and", "&", ";", ",") and cur and not any(_norm(x) in PREPOSITIONS for x in cur):
            parts.append(cur)
            raws.append(cur_raw)
            cur, cur_raw = [], []
        else:
            cur.append(_norm(w))
            cur_raw.append(w)
    if cur:
        parts.append(cur)
        raws.append(cur_raw)
    for low, rw in zip(parts, raws):
        prep = next((i for i, w in enumerate(low) if w in PREPOSITIONS and i > 0), len(low))
        owner = max((i for i, w in enumerate(rw[:prep]) if w.endswith(("'s", "’s", "s'", "s’")) and i < len(rw) - 1),
                    default=-1)
        if owner >= 0:  # 'President Barack Obama's former top adviser': the role is after the possessor's name
            low, rw = low[owner + 1:], rw[owner + 1:]
        raw_part = " ".join(rw)
        st, role = _classify(low, raw_part)
        party = next((PARTIES[w] for w in low if w in PARTIES and len(w) > 1), None)
        if st is None:
            if party:
                out.append(Reading("official", None, former, WEAK, start, raw_part, party=party, how=how + ":party", words=low))
            continue
        idx = low.index(role.split()[0]) if role.split()[0] in low else len(low)
        was = former or any(w in FORMER_WORDS for w in low[:idx]) or bool(RE_PAST.search(raw_part))
        if was and st == "official" and role in OUTSIDE_ROLES:
            st = "expert"  # a strategist of a past campaign comments from outside now
        aff = next((DEMONYMS[w] for w in low if w in DEMONYMS), None)
        out.append(Reading(st, role, was, STRONG, start, raw_part, party=party, affiliation=aff, how=how, words=low))
    return out


def _segment(toks: list[Tok], i: int, limit: int) -> int:
    """Index after the last word of the phrase starting at toks[i] (up to a stop mark or ``limit`` words)."""
    j = i
    while j < len(toks) and j - i < limit and toks[j].text not in PUNCT_STOP:
        j += 1
    return j


def _words_of(toks: list[Tok], a: int, b: int) -> list[str]:
    return [t.text for t in toks[a:b]]


def read_around(text: str, toks: list[Tok], tok_at: dict[int, int], occ) -> tuple[list[Reading], bool]:
    """Every description of the person around one mention of their name, and whether the mention
    names something else ('the Morrow campaign', 'a Trump spokesman': a modifier)."""
    out: list[Reading] = []
    i = tok_at.get(occ.start)
    ts = tok_at.get(occ.title_start, i)
    if i is None:
        return out, False
    j = i
    while j < len(toks) and toks[j].end <= occ.end:
        j += 1
    name_tok = toks[j - 1]

    # the title before the name, and the words that go with it ('former Secretary of State'): the word
    # next to the name (or its title) is a role or a capitalised word ('Obama adviser Valerie Jarrett')
    k = ts
    adjacent = toks[ts - 1] if ts > 0 else None
    if occ.form == "honorific" or adjacent is None or not adjacent.is_word or \
            not (adjacent.cap or adjacent.word in ROLE_VOCAB) or "\n" in text[adjacent.end:toks[ts].start]:
        k = -1
    while k > 0 and ts - k < 10:
        t = toks[k - 1]
        if "\n" in text[t.end:toks[k].start] or not t.is_word:
            break
        if not (t.cap or t.word in TITLE_MODIFIERS or t.word in ROLE_VOCAB or t.poss) or t.word in PRONOUNS:
            break
        if t.cap and t.word in DETERMINERS:
            break
        k -= 1
        if t.first_in_sent:
            break
    k = max(k, ts) if k < 0 else k
    pre = [t.text for t in toks[k:i] if t.word not in HONORIFICS]
    if pre:
        got = read_words(pre, text[toks[k].start:toks[i].start], start=toks[k].start, how="title")
        if not any(r.role for r in got) and toks[ts - 1].poss and MEDIA_NAMES.search(text[toks[k].start:toks[ts - 1].end]):
            # 'ABC News' Liz Kreutz', 'The Post's Jane Doe': an outlet's own journalist
            got.append(Reading("media", "journalist", False, STRONG, toks[k].start, text[toks[k].start:toks[ts - 1].end],
                               how="title"))
        out += got
    # 'the Republican front-runner, Donald Trump, said'
    if k == ts and ts >= 2 and toks[ts - 1].text == "," and (j >= len(toks) or toks[j].text in (",", ".", ")", "—")):
        a = ts - 1
        while a > 0 and ts - a < 12 and toks[a - 1].text not in PUNCT_STOP and not toks[a].first_in_sent:
            a -= 1
        det = next((x for x in range(a, ts - 1) if toks[x].word in DETERMINERS or toks[x].poss and toks[x].cap), None)
        if det is not None and not any(toks[x].word in _cue_forms() for x in range(det, ts - 1)):
            first = det if toks[det].poss else det + 1
            out += read_words(_words_of(toks, first, ts - 1), text[toks[first].start:toks[ts - 2].end],
                              start=toks[det].start, how="apposition")
    # 'As a CNN senior political correspondent, host of his own podcast, Axelrod has become ...'
    if k == ts and ts >= 2 and toks[ts - 1].text == ",":
        line = text[max(0, toks[ts].start - 200):toks[ts].start]
        m = RE_AS_A.search(line)
        if m:
            out += read_words(m.group(1).replace(",", " and ").split(), m.group(1), start=toks[ts].start - len(line) + m.start(),
                              how="apposition")
    after = text[occ.end: occ.end + 160]
    tag = RE_PARTY_TAG.match(after)
    if tag:
        party = PARTIES.get((tag.group(1) or tag.group(3)).lower())
        out.append(Reading("official", "legislator", False, STRONG, occ.end, tag.group(0).strip(" ,"), party=party, how="party tag"))
    elif j < len(toks) and toks[j].text == "," and not name_tok.poss:
        out += _apposition(text, toks, j + 1)
        # 'Khan, a Muslim, was elected mayor': the clause goes on after the apposition
        b = _segment(toks, j + 1, 22)
        if b < len(toks) and toks[b].text == ",":
            after = text[toks[b].end: toks[b].end + 160]
    m = RE_ELECTED.match(after)
    if m:
        got = read_words(m.group(1).split()[:8], m.group(1), start=occ.end, how="elected")
        out += got or [Reading("official", "elected", False, STRONG, occ.end, m.group(0).strip(), how="elected")]
    elif RE_RUNNING.match(after):
        out.append(Reading("official", "candidate", False, STRONG, occ.end, RE_RUNNING.match(after).group(0).strip(), how="running"))
    else:
        m = RE_COPULA.match(after)
        if m:
            words = _until_clause(m.group(2).split())
            out += read_words(words, " ".join(words), start=occ.end, how="copula", former=m.group(1) in ("was", "had been"))
    outlet = None if name_tok.poss else RE_OF_OUTLET.match(text[occ.end: occ.end + 120])
    if outlet and (m := last_media_name(outlet.group(1))):
        out.append(Reading("media", "journalist", False, STRONG, occ.end, outlet.group(0)[:outlet.start(1) + m.end()].strip(),
                           how="outlet"))
    work = RE_MEDIA_WORK.match(after)
    if work:
        out.append(Reading("media", "journalist", False, MEDIUM, occ.end, work.group(0).strip(), how="media work"))
    # 'Clinton's campaign', 'the Trump campaign', 'Obama's running mate'
    nxt = [t for t in toks[j:j + 3] if t.is_word]
    two = " ".join(t.word for t in nxt[:2]) if len(nxt) > 1 else ""
    one = nxt[0].word if nxt else ""
    follows = j < len(toks) and toks[j].is_word and not toks[j].cap
    owned = two if two in POSSESSIONS else one if one in POSSESSIONS else None
    if owned and (name_tok.poss or follows):
        said = text[occ.start:nxt[1 if owned == two else 0].end]
        out.append(Reading("official", None, False, 1, occ.end, said, how="possession", words=[owned]))
    modifier = follows and not name_tok.poss and is_modifier_word(one)
    return out, modifier


def last_media_name(name: str) -> Optional[re.Match]:
    """The outlet's name that ends a run of capitalised words ('New York Times', 'Bloomberg News'), or None
    ('Times Square' is a place)."""
    return next((m for m in MEDIA_NAMES.finditer(name) if m.end() == len(name)), None)


def is_modifier_word(word: str) -> bool:
    """A lower-case word after a name that makes the name a modifier of something else ('the Morrow campaign',
    'a Trump spokesman', 'Trump senior adviser Jason Miller', 'Trump supporters')."""
    return word in ROLE_VOCAB or word in ORG or word in GROUP or word in POSSESSIONS or word in DOCUMENT or \
        word in MEDIA or word in RANK or word in TITLE_MODIFIERS and word != "of" or word in ("supporters", "rally", "voters")


def _until_clause(words: list[str]) -> list[str]:
    out = []
    for w in words[:12]:
        if w.lower() in CLAUSE_BREAK or w.lower() in ("in", "on", "at", "since", "during", "to", "with", "by"):
            break
        out.append(w)
    return out


def _apposition(text: str, toks: list[Tok], a: int) -> list[Reading]:
    """', a former political director of the A.F.L.-C.I.O.,' after a name (an age first is skipped)."""
    for _ in range(2):
        if a >= len(toks):
            return []
        b = _segment(toks, a, 22)
        if b - a == 1 and toks[a].text[:1].isdigit() and b < len(toks) and toks[b].text == ",":
            a = b + 1
            continue
        words = _words_of(toks, a, b)
        if not words:
            return []
        first = toks[a].word
        low = [t.word for t in toks[a:b]]
        lowered = " ".join(w.lower() for w in words)
        if RE_WHO_COVERS.match(lowered):
            return [Reading("media", "journalist", False, STRONG, toks[a].start, " ".join(words), how="relative")]
        lead = RE_WHO_LEADS.match(lowered)
        if lead:
            body = phrase_in(lowered[lead.end():].split(), EXPERT_BODIES)
            return [Reading("expert" if body else "official", "head", lead.group(1) in ("led", "headed", "ran", "directed",
                            "chaired", "managed", "oversaw"), STRONG, toks[a].start, " ".join(words), how="relative")]
        m = RE_WHO.match(lowered)
        if m:
            rest = " ".join(words)[m.end():].split()
            lead = _norm(rest[0]) if rest else ""
            if not (lead in DETERMINERS or lead in ROLE_VOCAB or lead in TITLE_MODIFIERS or lead in PARTIES or
                    lead in FORMER_WORDS or "running" in m.group(1) or rest[0][:1].isupper()):
                return []
            former = m.group(1) in ("was", "had been", "served as", "ran for", "ran")
            running = "running" in m.group(1) or m.group(1) in ("ran for", "runs", "ran")
            got = read_words(_until_clause(rest), " ".join(rest), start=toks[a].start, how="relative", former=former)
            if running and not got:
                got = [Reading("official", "candidate", former, STRONG, toks[a].start, " ".join(words), how="relative")]
            return got
        if any(w in _cue_forms() or w in PRONOUNS or w in FINITE for w in low):
            return []  # a clause, not a description
        if toks[a].cap and is_first_name(toks[a].text) and first not in ROLE_VOCAB:
            return []  # another name: 'Chris Christie, John Kasich and Jeb Bush'

        if not (first in DETERMINERS or first in ROLE_VOCAB or first in TITLE_MODIFIERS or first in PARTIES or
                first in DEMONYMS or toks[a].poss or toks[a].cap):
            return []
        return read_words(words, " ".join(words), start=toks[a].start, how="apposition")
    return []
