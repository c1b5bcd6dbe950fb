"""Quotations without a verb cue of their own: a dash signature, a colon after a clause or a name, a quote block followed by its speaker's name, a headline led by a speaker and a colon, and a quotation that goes on (in the next sentence, or over a paragraph break left open) or continues the previous speaker."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span

from ..lexicon import HEADLINE_LABELS, OCCASION_SUBORDINATORS
from ..spans import Spans
from .candidate import Cand
from .cues import is_cue_verb
from .syntax import mention_tokens, subject_of
from .text import RE_DASH_SIGNATURE, _tok_end, _tok_start, doc_text, mark_width, mark_width_before, trim_span

if TYPE_CHECKING:
    from .finder import Finder


class QuotePass:
    """What the pass over the speech quotations keeps: the text covered by claims, the attributed claims in
    text order (which a quotation may continue), each Doc's offset, unit and sentences."""

    def __init__(self, f: "Finder"):
        self.f = f
        self.covered = Spans((c.start, c.end) for c in f.cands)
        self.attributed = sorted((c for c in f.cands if c.kind != "declined"), key=lambda c: c.start)
        self.units = [d._.unit for d in f.docs]
        # the Doc a quote stands in, by bisection over the Docs' offsets (in text order), and each Doc's
        # sentences: per quote, the sentences of its Doc only, not of the whole article
        self.offsets = [d._.offset for d in f.docs]
        self.sents_of: dict[int, list[tuple[Span, int]]] = {}
        for d, x_s, x in f.sent_of:
            self.sents_of.setdefault(id(d), []).append((x_s, x))

    def doc_index(self, qs: int) -> Optional[int]:
        k = bisect_right(self.offsets, qs) - 1
        return k if k >= 0 and qs < self.offsets[k] + len(doc_text(self.f.docs[k])) else None

    def attribute(self, c: Cand) -> None:
        self.f.add(c)
        self.attributed.append(c)
        self.attributed.sort(key=lambda c: c.start)
        self.covered.add(c.start, c.end)


def quote_pass(f: "Finder") -> None:
    """Claims for the speech quotations no verb cue took: signed with a dash, led by a colon, followed by a line
    that names the speaker, or going on from a quotation before (see the module's docstring)."""
    qp = QuotePass(f)
    for qs, qe in f.speech:
        if qp.covered.contains(qs + 2, qe - 2) or qp.covered.overlaps(qs + 1, qe - 1):
            continue
        doc_i = qp.doc_index(qs)
        if doc_i is None:
            continue
        doc = f.docs[doc_i]
        si0 = next((x for x_s, x in qp.sents_of.get(id(doc), []) if _tok_start(x_s[0]) <= qs < _tok_end(x_s[-1]) + 1), 0)
        if not (dash_signed(qp, doc, si0, qs, qe) or colon_led(qp, doc, si0, qs, qe)):
            floating_quote(qp, doc_i, qs, qe)


def dash_signed(qp: QuotePass, doc: Doc, si: int, qs: int, qe: int) -> bool:
    """A quote signed with a dash: '"..." —Commissioner Dana Morrow'."""
    f = qp.f
    m = RE_DASH_SIGNATURE.match(f.text, qe)
    if not (m and doc._.parsed):
        return False
    span = doc.char_span(m.start(1) - doc._.offset, m.end(1) - doc._.offset, alignment_mode="expand")
    if span is None:
        return False
    f.add(Cand(doc, si, *f.strip_quote(qs, qe), "direct", "quote:dash", cue=m.group(0)[: m.start(1) - m.start()].strip(),
               cue_start=m.start(), source_tokens=span))
    qp.covered.add(qs, qe)
    return True


def colon_led(qp: QuotePass, doc: Doc, si: int, qs: int, qe: int) -> bool:
    """A quotation led by a clause or a name that ends with a colon: 'Morrow boomed: "..."', 'Republican pollster
    Jane Roe: "..."'."""
    f = qp.f
    lead = colon_lead(f, qs)
    if lead is None:
        return False
    src_span, (src_s, src_e), cue_text, cue_at = lead
    c = Cand(doc, si, *f.strip_quote(qs, qe), "direct", "quote:colon", cue=cue_text, cue_start=cue_at,
             source_tokens=src_span, source_text=f.text[src_s:src_e], source_start=src_s, source_end=src_e)
    c.notes.append("colon attribution")
    qp.attribute(c)
    qp.covered.add(qs, qe)
    return True


def floating_quote(qp: QuotePass, doc_i: int, qs: int, qe: int) -> None:
    """A quotation that is (most of) its own sentence(s): a block whose speaker the next line names, the
    continuation of the quotation before, or a quotation that goes on from the previous speaker; a quotation
    inside a longer sentence may go on from the one before it (``sentence_goes_on``)."""
    f, doc = qp.f, qp.f.docs[doc_i]
    sent_spans = [(_tok_start(s[0]), _tok_end(s[-1]), si) for s, si in qp.sents_of.get(id(doc), [])]
    # sentences of the quote's words (a sentence splitter may leave the opening mark on the sentence before)
    inner_s, inner_e = qs + mark_width(f.text, qs), qe - mark_width_before(f.text, qe)
    touching = [x for x in sent_spans if x[0] < inner_e and x[1] > inner_s]
    if not touching:
        return
    ts, te = touching[0][0], touching[-1][1]
    outside = f.text[ts:max(ts, qs)] + f.text[min(te, qe):te]
    if len(re.findall(r"\w+", outside)) > 2:
        sentence_goes_on(f, qp.attributed, qp.covered, (ts, te), (qs, qe), doc._.paragraph)
        return
    si = touching[0][2]
    s, e = f.strip_quote(qs, qe)
    if e - s < 2:
        return
    # a quote block followed by a line that names the speaker
    nxt = qp.units[doc_i + 1] if doc_i + 1 < len(qp.units) else None
    nxt_doc = f.docs[doc_i + 1] if doc_i + 1 < len(f.docs) else None
    if nxt is not None and te >= doc._.offset + len(doc.text.rstrip()) - 1 and speaker_line(f, nxt_doc):
        name_end = speaker_name_end(f, nxt_doc)
        c = Cand(doc, si, s, e, "direct", "quote:block", cue="", cue_start=None, source_text=f.text[nxt.start:name_end],
                 source_start=nxt.start, source_end=name_end)
        c.notes.append("speaker named on the line after the quote")
        f.speaker_units.add(doc_i + 1)
        f.add(c)
        qp.covered.add(s, e)
        return
    prev = [c for c in qp.attributed if c.start < qs and c.kind != "reporter" and (c.source_tokens is not None or c.source_text)]
    prev = [c for c in prev if doc._.paragraph - (c.paragraph if c.reach_paragraph is None else c.reach_paragraph) <= 1]
    quoted = next((c for c in reversed(prev) if c.kind in ("direct", "mixed")), None)
    if quoted is not None and continues_quotation(f, quoted, qs, doc._.paragraph):
        # '"A," she said. "B."' and a quotation over several paragraphs are one quotation
        relay = relayed_tail(qp, quoted, s)
        for c in (quoted, relay) if relay is not None else (quoted,):
            c.gaps.append((c.end, s))
            c.end = max(c.end, e)
            c.reach_paragraph = doc._.paragraph
            if "quotation continued" not in c.notes:
                c.notes.append("quotation continued")
        qp.covered.add(s, e)
        return
    if prev:  # (after another actor's clause too: who goes on is not settled here, so the claim stays inherited)
        qp.attribute(Cand(doc, si, s, e, "direct", "quote:continues", cue="", cue_start=None, inherited=True, follows=prev[-1]))


def relayed_tail(qp: QuotePass, quoted: Cand, qs: int) -> Optional[Cand]:
    """'"A," Morrow said, according to the Ledger. "B."': the claim whose tail relays the quotation and its
    speaker's attribution ('according to the Ledger') goes on with the quotation too. The claim, or None: one
    that holds the quotation and its cue and ends before its own cue, which stands before qs."""
    if quoted.cue_start is None or quoted.cue_start < quoted.end:
        return None
    k = bisect_left(qp.attributed, quoted.start - 4, key=lambda c: c.start)  # (sorted by start)
    for r in qp.attributed[k:]:
        if r.start > quoted.start:
            break
        if r is not quoted and r.kind != "reporter" and r.cue_start is not None and \
                quoted.cue_start < r.end <= r.cue_start < qs and not r.gaps:
            return r
    return None


def colon_lead(f: "Finder", qs: int) -> Optional[tuple[Optional[Span], tuple[int, int], str, int]]:
    """The speaker of a quotation that a colon introduces, in the same sentence or ending the paragraph
    before: the subject of the clause before the colon ('Trump boomed:', 'He went even further:',
    'the company released the following statement:'), or the name that is all there is before it
    ('Carl Bialik:', also on a line of its own). Returns the source span (None where nothing was parsed),
    its offsets, the cue (the clause's verb up to the colon, or the colon) and where the cue starts."""
    m = re.search(r":[ \t]*(?:\n\s*)?$", f.text[max(0, qs - 8):qs])
    if m is None:
        return None
    colon = max(0, qs - 8) + m.start()
    found = next(((d, s, si) for d, s, si in f.sent_of if _tok_start(s[0]) <= colon < _tok_end(s[-1])), None)
    if found is None:  # a line of its own, which the reader took for a label
        line_start = f.text.rfind("\n", 0, colon) + 1
        name = re.fullmatch(r"[ \t]*((?:[A-Z][\w.'’&\-]*|of|the|at|for)(?:[ \t]+(?:[A-Z][\w.'’&\-]*|of|the|at|for|[a-z]+)){0,7})[ \t]*",
                            f.text[line_start:colon])
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
    return doc[src[0].i: src[-1].i + 1], (_tok_start(src[0]), _tok_end(src[-1])), f.text[_tok_start(v):colon + 1], \
        _tok_start(v)


def headline_speaker(lead: str) -> Optional[str]:
    """Who speaks in a headline's lead before its colon: a short name or noun phrase ('Morrow', 'Morrow
    camp', 'Tribune editorial'), without the audience or topic after 'to', 'on' or 'at' ('Governor to
    farmers', 'Morrow on the budget talks'); None for a kicker ('Exclusive', 'Bombshell',
    'The big picture')."""
    source = re.split(r"[ \t]+(?:on|On|to|To|at|At)[ \t]+", lead, maxsplit=1)[0]
    words = source.split()
    lower = [w for w in words if w[:1].islower()]
    if not words or len(words) > 5 or len(lower) > 2 or source.lower() in HEADLINE_LABELS or \
            words[0].lower() in HEADLINE_LABELS or len(words) > 1 and words[0].lower() in ("the", "a", "an", "this") \
            and words[1][:1].islower():
        return None
    if source != lead and len(lead.split()) > 12:
        return None
    return source


def headline_speakers(f: "Finder") -> None:
    """'Gingrich: Trump Must Decide ...': a headline led by a short name and a colon is that speaker's."""
    for doc, sent, si in f.headline_sentences():
        start = _tok_start(sent[0])
        m = re.match(r"([A-Z][\w.'’&\-]*(?:[ \t]+[\w.'’&\-]+){0,11})[ \t]*:[ \t]+(\S.*\S)", f.text[start:doc._.offset + len(doc.text)])
        source = headline_speaker(m.group(1)) if m else None
        if source is None:
            continue
        s, e = trim_span(f.text, start + m.start(2), start + m.end(2))
        e = e - 1 if f.text[e - 1:e] in ".!?" and not mark_width_before(f.text, e - 1) else e
        c = Cand(doc, si, s, e, f.kind_for(s, e), "headline:colon", cue=":", cue_start=start + m.end(1),
                 source_text=source, source_start=start, source_end=start + len(source))
        if c.kind == "direct":
            c.start, c.end = f.strip_quote(s, e)
        f.add(c)


def sentence_goes_on(f: "Finder", attributed: list[Cand], covered: Spans, sent: tuple[int, int], quote: tuple[int, int],
                     paragraph: int) -> None:
    """'"The levy is dead," said Dana Morrow, the board's clerk. Unless the state steps in, "it will stay dead."':
    a sentence that closes with a quotation and has no attribution of its own, right after a quotation and its
    speaker's attribution, goes on with that speaker's words, the reporter's lead-in included (a quoted phrase
    inside the reporter's own sentence is not the speaker going on). So does a sentence that opens with the
    quotation and finishes it past the closing mark ('"We have looked at the books" or at what is left of them.'),
    to its end."""
    (ts, te), (qs, qe) = sent, quote
    after = re.search(r"\w", f.text[qe:te]) is not None  # (words after the closing mark)
    if after and qs > ts + 2 or len(re.findall(r"\w+", f.text[qs:qe])) < 4:
        return
    if covered.overlaps(ts, te) or any(c.kind != "reporter" and c.start < te and c.end > ts for c in f.cands):
        return
    prev = [c for c in attributed if c.start < ts and c.kind in ("direct", "mixed") and c.paragraph == paragraph]
    if not prev or not continues_quotation(f, prev[-1], ts, paragraph):
        return
    p = prev[-1]
    end = f.strip_quote(qs, qe)[1]  # (the sentence closes with the quotation, or ends with its own last word)
    if after:
        end = te
        while end > qe and not re.match(r"\w", f.text[end - 1]):
            end -= 1
    p.gaps.append((p.end, ts))
    p.end = max(p.end, end)
    if "quotation continued" not in p.notes:
        p.notes.append("quotation continued")
    covered.add(ts, te)


def other_actor_between(p: Cand, qs: int) -> bool:
    """Between the end of p's quotation and the quote at qs, a clause coordinated with p's attribution, or a
    sentence of its own, that has a subject of its own ('"A," he said, and the groundskeeper shook his head. "B."';
    '"A," he said, pointing at the gate. His wife laughed. "B."'): the next quotation is not p's."""
    if p.doc is None or p.cue_start is None or qs <= p.end:
        return False
    off = p.doc._.offset
    lo, hi = p.end - off, qs - off
    gap = p.doc.char_span(lo, min(hi, len(p.doc.text)), alignment_mode="expand")
    cue_end = p.cue_start + len(p.cue or "")
    return gap is not None and any(
        t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "parataxis", "ROOT") and
        not p.cue_start <= t.idx + off < cue_end and
        any(c.dep_ in ("nsubj", "nsubjpass") and lo <= c.idx < hi for c in t.children) for t in gap)


def on_occasion_of(p: Cand, o: Cand) -> bool:
    """'"A," she told the Ledger when asked about the levy. "B."': is o's cue in a clause of time hung on p's own
    cue verb (``occasion_subordinators``: 'when asked ...', 'after hinting that ...'), part of p's attribution?"""
    if o.cue_start is None or p.cue_start is None or p.doc is None or o.doc is not p.doc:
        return False
    off = p.doc._.offset
    cue = p.doc.char_span(p.cue_start - off, p.cue_start - off + 1, alignment_mode="expand")
    inner = p.doc.char_span(o.cue_start - off, o.cue_start - off + 1, alignment_mode="expand")
    if not cue or not inner:
        return False
    v = cue[0]
    for a in (inner[0], *inner[0].ancestors):
        if a.head.i == v.i and a.i != v.i:
            return a.dep_ == "prep" and a.lower_ in OCCASION_SUBORDINATORS or a.dep_ == "advcl" and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in OCCASION_SUBORDINATORS for c in a.children)
    return False


def continues_quotation(f: "Finder", p: Cand, qs: int, paragraph: int) -> bool:
    """Does the floating quote at qs go on with the quotation of claim p: the next sentence of its
    paragraph, with nothing between but p's own attribution ('"A," she said. "B."'), or the
    paragraph after the one p's quotation reached, opening with a quote mark?"""
    if p.kind not in ("direct", "mixed") or p.inherited or p.rule.startswith("prep:") or p.end > qs:
        return False
    if f.speech_quote_at(max(p.start, p.end - 1)) is None and f.speech_quote_at(p.end) is None:
        return False  # p does not end in a quotation
    gap = f.text[p.end:qs]
    # what stands between is p's own attribution clause, perhaps with a participle of the same source
    # ('"A," Trump said in August, referring to Kerry. "B."'), never another source's claim
    if any(o is not p and o.kind != "reporter" and p.end <= o.start < qs and
           not (o.cue and o.cue.split()[0].lower().endswith("ing") and o.cue_start is not None and o.cue_start < qs
                and o.rule != "verb:complement")  # (', adding that ...' reports a clause of its own)
           and not on_occasion_of(p, o) for o in f.cands):
        return False
    # nor another actor's clause ('"A," he said, and the groundskeeper shook his head. "B."': B is not his)
    if other_actor_between(p, qs):
        return False
    reached = p.reach_paragraph if p.reach_paragraph is not None else p.paragraph
    head, _, tail = gap.partition("\n")
    # at most p's own attribution sentence between (sentence starts as the parser found them: 'Mr.
    # Rhodes said.' is one sentence)
    starts = bisect_left(f.sent_starts, qs) - bisect_right(f.sent_starts, p.end)
    if len(re.findall(r"\w+", head)) > 40 or starts > 1:
        return False
    if paragraph == reached:
        return "\n" not in gap
    # the next paragraph: only when the quotation was left open at the end of the last one (the
    # newspaper convention); a closed quotation followed by a new quoted paragraph is a new claim
    q = f.speech_quote_at(max(p.start, p.end - 1))
    left_open = q is not None and not mark_width_before(f.text, q[1]) and not re.search(r"\w", f.text[p.end:q[1]])
    return paragraph == reached + 1 and left_open and not re.search(r"\w", tail)


def speaker_line(f: "Finder", doc: Optional[Doc]) -> bool:
    """Is the unit a line that names the speaker of the quotation above it: a name and what goes with it, no
    sentence of its own ('Jane Doe, county clerk'); after a dash, also with a full stop and a clause after a
    comma ('- Jane Doe.', '-Jane Doe, speaking in Ohio.')."""
    if doc is None or len(doc) == 0 or len(doc) > 20:
        return False
    if mark_width(f.text, doc._.offset):
        return False
    line = doc_text(doc).strip()
    signed = RE_DASH_BEFORE.search(f.text, f.text.rfind("\n", 0, doc._.offset) + 1, doc._.offset) is not None
    named = next((t.i for t in doc if t.text == ","), len(doc)) if signed else len(doc)  # (the words of the name)
    ends_sentence = re.search(r"[.!?]$", line) is not None and not (signed and line[-1] == ".")
    first = doc[0]
    if doc._.parsed:
        if first.ent_type_ != "PERSON" and first.pos_ != "PROPN":
            return False
        return not any(is_cue_verb(t) for t in doc[:named]) and not ends_sentence
    # (unparsed: a first name and a surname; after a dash, a surname alone: '- Morrow.')
    return bool(re.match(r"^[A-Z][a-z]+ [A-Z][\w\-]+", line) or signed and re.match(r"^[A-Z][a-z][\w\-’']*\.?$", line)) \
        and not ends_sentence


# the dash a signature line opens with, before the name (ingest starts the line's region after it)
RE_DASH_BEFORE = re.compile(r"(?:—|–|―|--?)[ \t]*$")


def speaker_name_end(f: "Finder", doc: Doc) -> int:
    if doc._.parsed:
        ent = next((e for e in doc.ents if e.start == 0 and e.label_ == "PERSON"), None)
        if ent is not None:
            return _tok_end(ent[-1])
        i = 0
        while i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            i += 1
        return _tok_end(doc[i])
    m = re.match(r"^(?:[A-Z][\w\-’']+\s?){1,4}", doc.text)
    return doc._.offset + len(m.group(0).rstrip()) if m else doc._.offset + len(doc.text)
