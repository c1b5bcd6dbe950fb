"""People named in an article: every mention of each person, their gender, and the facts the article
states about them anywhere.

News names a person in full once ('Republican presidential candidate Donald Trump', 'Douglas
Holtz-Eakin, president of the American Action Forum', 'Sen. Lindsey Graham (R-S.C.)') and then by
surname, 'Mr. X', title and surname, or a pronoun. What the person is (their type, role, party,
affiliation) is stated once and holds for every mention. This module reads the article text itself
(most of an article is never parsed: see ``claims.segment``), so it works on words and their
offsets, helped by the parser's PERSON entities where there are some:

* ``find_people`` gathers the names: runs of capitalised words that start with a first name (the
  first-name dictionary of ``claims.gender``), follow a title or honorific, or that the recognizer
  called a PERSON; then every later surname, 'Mr./Ms. Surname', 'Title Surname' and bare first name,
  each given to one person (honorific gender first, then the person just named in full, then the
  person the article names most).
* For every mention it reads the facts around it (``claims.descriptors``): the title before the name,
  an apposition on either side, a party tag, 'X is/was the ...', 'X was elected ...', 'X's campaign'.
* ``Person.profile`` is the fullest description: current roles before former ones, roles before party
  tags and possessions, and among equals spokesperson, official, media, expert, individual.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .descriptors import DETERMINERS, ROLE_VOCAB, Reading, read_around, read_words
from .gender import first_name_gender, honorific_gender, is_first_name, word_gender
from .lexicon import (DEMONYMS, DOCUMENT, GROUP, HONORIFICS, MEDIA, MEDIA_NAMES, NOT_FIRST_NAMES, ORG, ORG_DESIGNATORS,
                      PARTIES, PLACE_WORDS, SENTENCE_WORDS, TITLE_ABBREV, TITLE_MODIFIERS)
from .tokens import Tok, tokenize

PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "ibn", "el", "st."}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
TYPE_RANK = {"spokesperson": 5, "official": 4, "media": 3, "expert": 2, "individual": 1}


def _rank(r: Reading) -> tuple:
    """Current roles before former ones, roles before possessions and party words, then by type; the
    first stated among equals."""
    return (r.strength, not r.former, TYPE_RANK.get(r.source_type, 0), -r.start)


@dataclass
class Occurrence:
    """One place the article names a person."""

    start: int          # the name as written (without title or honorific)
    end: int
    form: str           # full, surname, honorific ('Mr. Obama'), title ('Sen. Graham'), first
    title_start: int    # where the title or honorific before the name starts (== start without one)
    sent: int
    in_quote: bool
    modifier: bool = False  # names something else ('the Morrow campaign', 'a Trump spokesman')
    person: Optional["Person"] = None


@dataclass
class Person:
    key: tuple
    name: str
    first: Optional[str]
    surname: str
    occurrences: list[Occurrence] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    gender_votes: dict = field(default_factory=dict)

    @property
    def gender(self) -> Optional[str]:
        """'m' or 'f' when the evidence agrees (honorifics, describing words, pronouns tied to the
        person, first name), else None."""
        votes = {g: n for g, n in self.gender_votes.items() if n > 0}
        if len(votes) == 1:
            return next(iter(votes))
        if votes:
            top = max(votes.values())
            best = [g for g, n in votes.items() if n == top]
            return best[0] if len(best) == 1 else None
        return None

    def vote(self, gender: Optional[str], weight: int = 1) -> None:
        if gender in ("m", "f"):
            self.gender_votes[gender] = self.gender_votes.get(gender, 0) + weight

    _best: tuple = (0, None)  # (readings counted, the best of them)

    @property
    def profile(self) -> Optional[Reading]:
        """The reading the whole chain takes: the fullest description the article gives (kept until a
        reading is added)."""
        n, best = self._best
        if n != len(self.readings):
            for r in self.readings[n:]:
                if best is None or _rank(r) > _rank(best):
                    best = r
            self._best = (len(self.readings), best)
        return best


@dataclass
class People:
    text: str
    toks: list[Tok]
    persons: list[Person]
    occurrences: list[Occurrence]  # sorted by start
    sent_bounds: list[int]
    quoted_sents: set = field(default_factory=set)  # sentences that start inside a quotation

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_bounds, offset) - 1)

    def __post_init__(self) -> None:
        self.starts = [o.start for o in self.occurrences]
        n = len(self.sent_bounds)
        self._narrative = list(accumulate((0 if k in self.quoted_sents else 1 for k in range(n + 1)), initial=0))

    def distance(self, earlier: int, later: int) -> int:
        """Sentences of narrative from sentence ``earlier`` to ``later`` (a quotation in between does
        not push its speaker out of reach: '"...," she said' after a long quote)."""
        if later <= earlier:
            return 0
        return self._narrative[later + 1] - self._narrative[earlier + 1]

    def around(self, start: int, end: int, slack: int = 80) -> list[Occurrence]:
        """The occurrences that start between ``start - slack`` and ``end`` (by bisection)."""
        return self.occurrences[bisect.bisect_left(self.starts, start - slack):bisect.bisect_left(self.starts, end)]

    def before(self, offset: int) -> int:
        """How many occurrences start before ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def occurrence_in(self, start: int, end: int, name: Optional[str] = None) -> Optional[Occurrence]:
        """The person a mention spanning start..end names: the occurrence inside it that is its head
        (matching ``name`` when given; else the last that is not a modifier)."""
        inside = [o for o in self.around(start, end) if start <= o.title_start and o.end <= end or start <= o.start and o.end <= end]
        if name:
            words = set(re.findall(r"[\w\-’']+", name.lower()))
            hit = [o for o in inside if set(re.findall(r"[\w\-’']+", self.text[o.start:o.end].lower())) <= words
                   and not o.modifier and (o.end == end or self.text[o.end:o.end + 2] not in ("'s", "’s"))]
            if hit:
                return hit[-1]
        heads = [o for o in inside if not o.modifier and (o.end == end or self.text[o.end:o.end + 2] not in ("'s", "’s"))]
        first = [o for o in heads if start in (o.start, o.title_start)  # 'Brett Doe, chief strategist for ...'
                 and self.text[o.end:o.end + 2] not in ("'s", "’s")]  # not 'Hillary Clinton's campaign'
        return first[0] if first else heads[-1] if heads else None

    def by_role(self, role: str, *, before: int, party: Optional[str] = None, former: bool = False) -> Optional[Person]:
        """The person a role back-reference ('the senator', 'the Republican nominee') stands for: the
        one the article gave that role, mentioned last before ``before`` (or first after it, as in a
        headline); None when no one holds it."""
        holders = [p for p in self.persons if any(r.role_key == role and r.former == former and
                                                  (party is None or r.party in (None, party)) for r in p.readings)]
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        def last_before(p: Person) -> int:
            return max((o.start for o in p.occurrences if o.start < before), default=-1)
        best = max(holders, key=last_before)
        if last_before(best) >= 0:
            return best
        return min(holders, key=lambda p: min(o.start for o in p.occurrences))


def _bare_end(t: Tok) -> int:
    """Where a name ends without its possessive ending ('Trump's' -> 'Trump')."""
    if not t.poss:
        return t.end
    return t.end - (2 if t.text.endswith(("'s", "’s")) else 1)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines of four words or more nearly all capitalised (a headline in title case)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        words = re.findall(r"[^\W\d_][\w’'\-]*", m.group())
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            out.append((m.start(), m.end()))
    return out


def _named_again(toks: list[Tok], core: list[int], where: dict, known_words: bool = False,
                 lower_words: frozenset = frozenset()) -> bool:
    """Two or three capitalised words none of which is a known word (unless ``known_words``), whose last
    word the article uses again alone ('Sadiq Khan' ... 'Khan said'): news names a person in full, then
    by surname. ``where``: each capitalised word's token indexes."""
    if len(core) < 2:
        return False
    if not known_words and any(toks[k].word in NOT_NAMES or toks[k].word.rstrip(".") in TITLE_ABBREV or len(toks[k].word) < 2
                               or toks[k].word in lower_words for k in core):
        return False
    last, before = toks[core[-1]], toks[core[-2]]
    return any(k != core[-1] and (k == 0 or toks[k - 1].text != before.text) for k in where[last.word])


def _sentence_bounds(sentences: Iterable[tuple[int, int]]) -> list[int]:
    return sorted({s for s, _ in sentences})


class Spans:
    """Sorted (start, end) spans and whether an offset falls inside one, by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = list(accumulate((b for _, b in self.spans), max))

    def within(self, offset: int, strict: bool = False) -> bool:
        """Some span with start <= offset < end (start < offset < end when ``strict``)."""
        k = (bisect.bisect_left if strict else bisect.bisect_right)(self.starts, offset)
        return k > 0 and self.reach[k - 1] > offset


def _in(spans: "Spans", offset: int) -> bool:
    return spans.within(offset)


def _runs(toks: list[Tok], text: str) -> Iterable[tuple[int, int]]:
    """Maximal runs of capitalised words (with name particles between them) separated by spaces only."""
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        j = i + 1
        while j < n and not toks[j - 1].poss and text[toks[j - 1].end:toks[j].start] in (" ", "\u00a0") and \
                (toks[j].cap or toks[j].word in PARTICLES and j + 1 < n and toks[j + 1].cap):
            j += 1
        yield i, j
        i = j


# words that are never a person's first name, whatever the first-name dictionary says ('The', 'Will')
NOT_NAMES = SENTENCE_WORDS | PLACE_WORDS | DETERMINERS | ROLE_VOCAB | ORG | GROUP | MEDIA | DOCUMENT | TITLE_MODIFIERS | \
    frozenset(PARTIES) | frozenset(DEMONYMS)


def _is_title(t: Tok) -> bool:
    """A word before a name that is not part of it: a title, an honorific, a party, a sentence word."""
    w = t.word.rstrip(".")
    return w in TITLE_ABBREV or w in HONORIFICS or w in PARTIES or t.word in SENTENCE_WORDS or t.word in DETERMINERS or \
        w in ROLE_VOCAB or t.word in DEMONYMS


def find_people(text: str, sentences: Iterable[tuple[int, int]], quotes: list[tuple[int, int]],
                person_spans: Iterable[tuple[int, int]] = (), other_spans: Iterable[tuple[int, int]] = ()) -> People:
    """The people an article names (``person_spans``: the recognizer's PERSON entities; ``other_spans``:
    its other names, which a run of capitalised words inside them is not a person's)."""
    toks = tokenize(text)
    bounds = _sentence_bounds(sentences)
    quotes = Spans(quotes)
    ents = sorted(person_spans)
    others = sorted(other_spans)
    persons: dict[tuple, Person] = {}
    singles: list[tuple[int, int, int]] = []  # (token, title start token, form) of one-word names
    occs: list[Occurrence] = []

    def sent_of(off: int) -> int:
        return max(0, bisect.bisect_right(bounds, off) - 1)

    lower_words = frozenset(t.text for t in toks if t.is_word and t.text.islower())
    where: dict[str, list[int]] = {}
    for k, t in enumerate(toks):
        if t.cap:
            where.setdefault(t.word, []).append(k)

    def first_ok(t: Tok) -> bool:
        """A first name, and no word the article writes in lower case elsewhere ('Donor Adelson' in a headline)."""
        return is_first_name(t.text) and not (t.first_in_sent and t.word in NOT_FIRST_NAMES) and \
            t.word not in NOT_NAMES and t.word.rstrip(".") not in TITLE_ABBREV and t.word not in lower_words

    headline = Spans(_title_case_lines(text))
    for a, b in _runs(toks, text):
        if _in(headline, toks[a].start):
            continue  # 'Big Win For Bernie': in a title-case line every word is capitalised
        if toks[a].word in PLACE_WORDS and b - a >= 2:
            continue  # 'New York City', 'San Diego'

        ta = a
        while ta < b - 1 and _is_title(toks[ta]):
            ta += 1
        core_end = b
        suffix = ""
        if core_end - ta >= 2 and toks[core_end - 1].word in SUFFIXES:
            suffix = toks[core_end - 1].word.rstrip(".")
            core_end -= 1
        last = toks[core_end - 1]
        if last.word in ORG or last.word in ORG_DESIGNATORS or last.word in MEDIA or MEDIA_NAMES.fullmatch(last.text) or \
                MEDIA_NAMES.fullmatch(text[toks[ta].start:last.end]) or \
                (core_end < len(toks) and toks[core_end].word in ORG_DESIGNATORS and toks[core_end].cap):
            continue
        core = list(range(ta, core_end))
        titled = ta > a and any(toks[k].word.rstrip(".") in TITLE_ABBREV or toks[k].word.rstrip(".") in HONORIFICS
                                for k in range(a, ta))
        if len(core) >= 2:
            k = next((k for k in core[:-1] if first_ok(toks[k])), None)
            in_ent = any(s <= toks[core[0]].start and toks[core[-1]].end <= e for s, e in ents)
            if k is None and len(core) <= 3 and (in_ent or titled or _named_again(toks, core, where, lower_words=lower_words)):
                k = core[0]
            if k is not None and not in_ent and any(s < toks[core[-1]].end and toks[k].start < e for s, e in others) and \
                    not _named_again(toks, core[core.index(k):], where, known_words=True):
                continue  # 'Bay Financial': the recognizer read an organization, and the article never says 'Financial said'
            if k is not None and core_end - k <= 4:
                first, sur = toks[k], toks[core_end - 1]
                key = (first.word, sur.word, suffix)
                name_end = _bare_end(toks[b - 1])
                name = text[first.start:name_end]
                p = persons.get(key)
                if p is None:
                    p = persons[key] = Person(key, name, first.text, sur.text)
                    p.vote(first_name_gender(first.text), 1)
                elif len(name) > len(p.name):
                    p.name = name
                tstart = toks[a].start if titled or ta > a else first.start
                o = Occurrence(first.start, name_end, "full", min(tstart, first.start), sent_of(first.start),
                               _in(quotes, first.start), person=p)
                occs.append(o)
                continue
        if len(core) == 1 or len(core) >= 2:
            # a single name ('Clinton', 'Mrs. Clinton', 'Sen. Sanders'), or the last word of a run
            # that is no full name ('Republican Trump')
            form = "surname"
            if ta > a:
                w = toks[ta - 1].word.rstrip(".")
                form = "honorific" if w in HONORIFICS else "title" if w in TITLE_ABBREV else "surname"
            singles.append((core[-1] if len(core) == 1 else core_end - 1, a if ta > a else core[-1], form))

    # one-word names: the person with that surname (or first name)
    by_sur: dict[str, list[Person]] = {}
    by_first: dict[str, list[Person]] = {}
    for p in persons.values():
        by_sur.setdefault(p.surname.lower(), []).append(p)
        if p.first:
            by_first.setdefault(p.first.lower(), []).append(p)
    full_occ = sorted(occs, key=lambda o: o.start)
    for ti, ts, form in singles:
        t = toks[ti]
        if form in ("honorific", "title") and t.word not in by_sur and t.word not in NOT_NAMES:
            # 'President Obama', 'Gov. Christie', 'Mr. Trump': a person the article names by surname only
            p = Person((None, t.word, ""), text[t.start:_bare_end(t)], None, text[t.start:_bare_end(t)])
            persons[p.key] = p
            by_sur[t.word] = [p]
        cands = by_sur.get(t.word.lower())
        if not cands:
            if t.word in by_first and len(by_first[t.word]) == 1 and form == "surname" and not t.first_in_sent and \
                    t.word not in by_sur:
                cands, form = by_first[t.word], "first"
            else:
                continue
        p = _choose(cands, toks[ts] if ts != ti else None, t.start, full_occ, sent_of)
        if p is None:
            continue
        occs.append(Occurrence(t.start, _bare_end(t), form, toks[ts].start, sent_of(t.start), _in(quotes, t.start), person=p))

    occs.sort(key=lambda o: o.start)
    people = People(text, toks, list(persons.values()), occs, bounds,
                    {i for i, b in enumerate(bounds) if _in(quotes, b) or _in(quotes, b + 1)})
    tok_at = {t.start: i for i, t in enumerate(toks)}
    for o in occs:
        p = o.person
        p.occurrences.append(o)
        if o.form == "honorific":
            p.vote(honorific_gender(text[o.title_start:o.start].split()[0]), 3)
        readings, o.modifier = read_around(text, toks, tok_at, o)
        p.readings += readings
        for r in readings:
            for w in (r.role or "").split():
                p.vote(word_gender(w), 2)
    return people


def _choose(cands: list[Person], title: Optional[Tok], start: int, full_occ: list[Occurrence], sent_of) -> Optional[Person]:
    """Which of the people with a surname a one-word mention names: the honorific's gender, then the
    one named in full in this or the previous sentence, then the one the article names most."""
    if len(cands) == 1:
        return cands[0]
    if title is not None:
        g = honorific_gender(title.word)
        if g:
            fit = [p for p in cands if first_name_gender(p.first or "") == g]
            if len(fit) == 1:
                return fit[0]
    s = sent_of(start)
    near = [o for o in full_occ if o.person in cands and o.start < start and s - o.sent <= 1]
    if near:
        return near[-1].person
    counts = {id(p): sum(1 for o in full_occ if o.person is p) for p in cands}
    top = max(counts.values())
    best = [p for p in cands if counts[id(p)] == top]
    return best[0] if len(best) == 1 else min(best, key=lambda p: min(o.start for o in full_occ if o.person is p))


def read_role_words(words: list[str], text: str = "") -> list[Reading]:
    """What a description's words say a person is (for a source mention's own words)."""
    return read_words(words, text, start=0, how="mention")
