"""The finder: the article's quotes and candidates, and the order in which the patterns run."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from spacy.tokens import Doc, Span

from ..models import Article
from ..spans import Spans
from .candidate import Cand, claim_id
from .headlines import telegraphic_headlines
from .learned import learned_cues
from .clear import clear_cues
from .stances import stance_cues
from .topics import topic_cues
from .nouns import noun_cues
from .prepositions import prep_cues
from .quotations import headline_speakers, quote_pass
from .turns import transcript_turns
from .blocks import block_quotes
from .structure import nest, quotes_with_own_tag, reporter, scope, set_off_relatives
from .text import RE_DATELINE_LEAD, Scare, _off, _quotes, _tok_start, doc_text, mark_width, mark_width_before, trim_span
from .verbs import verb_cues


class Finder:
    """An article's quotes (and which are speech) and its claim candidates, as the patterns find them."""

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
        self.doc_offsets = [d._.offset for d in docs]
        self.cands: list[Cand] = []
        self.speaker_units: set[int] = set()
        self.split_used: set[tuple[int, int]] = set()  # quotes already closing a split quotation
        self.quote_paragraphs: dict[tuple[int, int], Optional[int]] = {}  # quotes introduced in the next paragraph
        self.collect_options = False  # keep what the learned cue gate is offered (for its training script)
        self.gate_options: list = []

    # -- quotes
    def speech_quote_at(self, pos: int) -> Optional[tuple[int, int]]:
        # the speech quotes are disjoint and in text order: the last one starting at or before pos
        k = bisect_right(self.speech_starts, pos) - 1
        if k >= 0 and pos < self.speech[k][1]:
            return self.speech[k]
        return None

    def paragraph_at(self, pos: int) -> Optional[int]:
        """The paragraph of the Doc that holds offset pos (by bisection over the Docs' offsets)."""
        k = bisect_right(self.doc_offsets, pos) - 1
        if k >= 0 and pos < self.doc_offsets[k] + len(doc_text(self.docs[k])):
            return self.docs[k]._.paragraph
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

    def content_span(self, s: int, e: int) -> Optional[tuple[int, int, str]]:
        """A claim's content from a rule's span: run over the quotes it starts or ends in, trim it, and give its
        kind (direct content loses its marks); None when less than two characters are left."""
        s, e = trim_span(self.text, *self.extend_over_quotes(s, e))
        if e - s < 2:
            return None
        kind = self.kind_for(s, e)
        if kind == "direct":
            s, e = self.strip_quote(s, e)
        return s, e, kind

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
    def index_sentences(self) -> None:
        """Number the article's sentences (each with its Doc) and note where each starts."""
        sent_index = 0
        self.sent_of: list[tuple[Doc, Span, int]] = []
        for doc in self.docs:
            for sent in doc.sents:
                self.sent_of.append((doc, sent, sent_index))
                sent_index += 1
        self.sent_starts = [_tok_start(sent[0]) for _, sent, _ in self.sent_of]

    def headline_sentences(self):
        """The first sentence of each title Doc, as (doc, sentence, sentence index)."""
        seen: set[int] = set()
        for doc, sent, si in self.sent_of:
            if doc._.role == "title" and id(doc) not in seen:
                seen.add(id(doc))
                yield doc, sent, si

    def run(self) -> list[Cand]:
        """Every pattern in order: verb, prepositional and noun cues sentence by sentence, headlines,
        quotations, then nesting, scope and reporter sentences."""
        self.index_sentences()
        for doc, sent, si in self.sent_of:
            if not doc._.parsed:
                continue
            verb_cues(self, doc, sent, si)
            prep_cues(self, doc, sent, si)
            noun_cues(self, doc, sent, si)
            clear_cues(self, doc, sent, si)
            stance_cues(self, doc, sent, si)
            topic_cues(self, doc, sent, si)
        headline_speakers(self)
        telegraphic_headlines(self)
        transcript_turns(self)
        block_quotes(self)
        quote_pass(self)
        quotes_with_own_tag(self)
        set_off_relatives(self)
        learned_cues(self)
        nest(self)
        scope(self)
        reporter(self)
        self.cands.sort(key=lambda c: (c.start, c.end, c.kind))
        return self.cands

    # -- verb cues

    # -- declines

    # -- according to, per, citing

    # -- quotes without a verb cue

    # -- nesting

    # -- scope: bullets under an attributed lead

    # -- everything else is the reporter's

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


def entity_windows(docs: list[Doc], cands: list[Cand], context: int = 4, run_context: int = 2) -> list[Span]:
    """Where the entity recognizer is needed: where a source can be named. That is every source
    mention that holds a name (a proper noun, or a capitalised word after the first), and every
    other run of two or more capitalised proper nouns in the parsed sentences (a person named in
    full there can be the antecedent of a later 'he said' or surname), each with ``context``
    tokens either side for a source and ``run_context`` for a run (across a sentence start too:
    the recognizer reads a name at the start of a sentence better with the words before it).
    Pronouns and common-noun sources ('he', 'two senior officials') need no entities."""
    out = []

    def window(doc: Doc, start: int, end: int, context: int = context) -> None:
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
                    window(doc, i, j + 1, run_context)  # a full name ('Ned Price'), not 'Iran' or 'Tuesday'
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
