"""Offsets and quote marks: token offsets in the article, which tokens stand inside a quote, quote-mark widths, trimming, datelines and dash signatures, and which quotes are speech (not scare quotes)."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Optional

from spacy.tokens import Doc, Span, Token


# Hot paths read the Doc extensions straight from ``doc.user_data`` (where spaCy keeps them,
# under ("._.", name, None, None)): ``doc._.x`` builds an accessor object on every call.
_OFFSET_KEY = ("._.", "offset", None, None)

_INQ_KEY = "claims.in_quote"

# A space inside a line, as a pattern: a plain space or tab, or one of the exotic spaces (no-break, thin, narrow)
# the parser reads as a plain one ('she wrote:\u00a0"..."'); text patterns that step over spaces use it.
BLANK = "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"

def to_infinitive(t: Token) -> bool:
    """A verb with the infinitive marker among its children ('asked the board to resign': resign)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def to_after_a_noun(t: Token) -> Optional[Token]:
    """The infinitive marker of t when it stands right after a noun ('on condition of anonymity to talk', 'permission
    to discuss'): the infinitive says what the noun is for, whatever verb the parser hung it on. Else None."""
    to = next((c for c in t.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to if to is not None and to.i > 0 and t.doc[to.i - 1].pos_ == "NOUN" else None


def _off(doc: Doc) -> int:
    return doc.user_data.get(_OFFSET_KEY, 0)

def _aoff(doc: Doc, i: int) -> int:
    return _off(doc) + i

def _tok_start(t: Token) -> int:
    return _off(t.doc) + t.idx

def _tok_end(t: Token) -> int:
    return _off(t.doc) + t.idx + len(t.text)

def prev_word(t: Token) -> Optional[Token]:
    """The token before ``t`` in its sentence, past a run of extra spaces (spaCy makes one a token of its
    own: '"...,"  Morrow said'); None at the sentence start."""
    doc, k = t.doc, t.i - 1
    while k >= t.sent.start and doc[k].is_space:
        k -= 1
    return doc[k] if k >= t.sent.start else None

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

def last_word(doc, lo: int, hi: int, *, cc: bool = True) -> int:
    """Where a content ends, read back from token hi to no earlier than lo: past trailing punctuation (quote marks
    stay, they belong to the quotation) and, with ``cc``, a dangling conjunction ('... the roads and')."""
    while hi > lo and (doc[hi].is_punct and doc[hi].text not in QUOTE_TOKENS or cc and doc[hi].dep_ == "cc"):
        hi -= 1
    return hi


def sentence_last_word(doc: Doc, sent_end: int, floor: int) -> int:
    """The index of the last token before ``sent_end`` that is no punctuation mark (quote marks included), not
    before ``floor``: where a sentence's words end ('... because he was "away."')."""
    last = sent_end - 1
    while last > floor and doc[last].is_punct:
        last -= 1
    return last


def _tok_in_quote(t: Token) -> bool:
    return _in_quote_flags(t.doc)[t.i]


def outside_quotes(doc: Doc, sent: Span) -> list[Token]:
    """The tokens of a sentence that stand inside no quote (the quote flags read once, not once per token)."""
    flags = _in_quote_flags(doc)
    return [t for t in sent if not flags[t.i]]


def touches_quote(toks) -> bool:
    """Does any of these tokens stand inside a quotation or mark one (not an apostrophe of a possessive)?"""
    return any(_tok_in_quote(t) or t.text in QUOTE_TOKENS and not possessive_apostrophe(t) for t in toks)


def possessive_apostrophe(t: Token) -> bool:
    """'the voters’ choice', 'the Lowells’ plan': an apostrophe right after a word ending in s, read by the parser as the
    possessive marker, with a word after it, is no quote mark."""
    doc = t.doc
    return t.text in ("’", "'") and t.dep_ == "case" and 0 < t.i < len(doc) - 1 and not doc[t.i - 1].whitespace_ and \
        doc[t.i - 1].lower_.endswith("s") and doc[t.i + 1].is_alpha

# "CHICAGO (AP) — ", "KYIV, Ukraine (Reuters) - ", "LONDON — ": a place in capitals, an optional
# region and agency, then a dash
RE_DATELINE_LEAD = re.compile(r"(?=[A-Z .'\-]*[A-Z]{3})[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z0-9.\- ]{1,30})?\s*"
                              r"(?:\([A-Za-z.&\- ]{1,40}\))?\s*(?:—|–|--|-)\s+")

RE_DASH_SIGNATURE = re.compile(r"[ \t]*(?:—|–|--)[ \t]*([A-Z][\w.'’\-]*(?:[ \t]+(?:of|for|at|the|[A-Z][\w.'’\-]*)){0,8})")

QUOTE_CHARS = '"“”«»„‘’'

QUOTE_PAIRS = ("''", "``")  # ASCII double marks of newspaper archives and typeset text

QUOTE_TOKENS = frozenset(QUOTE_CHARS) | frozenset(QUOTE_PAIRS)
# dashes that set off an aside ('... the council said — a shift that ...')
DASH_TOKENS = frozenset(("—", "–", "--"))


def is_dash(t) -> bool:
    """A dash: one of ``DASH_TOKENS``, or a hyphen with a space on each side ('the vote - a close one - ...')."""
    return t.text in DASH_TOKENS or t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


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


def doc_text(doc) -> str:
    """A Doc's text without rebuilding it from its tokens (which costs a pass over them): the text of
    the unit it was parsed from, which is the same string; the Doc's own text when it has no unit."""
    unit = doc._.unit
    return unit.text if unit is not None else doc.text
