"""Structure over the claims of an article: nesting (a claim whose cue stands in another claim's content is relayed by it), scope (bullets under an attributed lead), and reporter sentences."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Optional

from .candidate import Cand
from .cues import PRONOUNS
from .text import QUOTE_CHARS, QUOTE_PAIRS, _tok_end, _tok_start, trim_span

if TYPE_CHECKING:
    from .finder import Finder


# a colon or a dash (a spaced hyphen too) and the opening mark of a quotation, at the end of a text
RE_SETS_OFF_QUOTE = re.compile(r"(?:\s*:|\s+-|\s*(?:--|—|–))\s*(?:" + "|".join(map(re.escape, QUOTE_PAIRS)) +
                               "|[" + re.escape(QUOTE_CHARS) + r"])\s*$")


def quotes_with_own_tag(f: "Finder") -> None:
    """'Morrow argued the levy was doomed: "We are short of votes," she said.': a quotation set off by a colon
    or a dash inside a content that follows its cue, and tagged with a speaker of its own after it, is an
    attribution of its own, not more of that content; the content ends before the colon or dash."""
    tagged = [c for c in f.cands if c.kind == "direct" and c.cue_start is not None and c.cue_start >= c.end]
    for p in f.cands:
        if p.kind == "reporter" or p.cue_start is None or p.cue_start >= p.start:
            continue
        for c in tagged:
            if c.doc is p.doc and p.start < c.start and c.cue_start < p.end:
                m = RE_SETS_OFF_QUOTE.search(f.text, p.start, c.start)
                if m is not None and m.start() > p.start:
                    end_content(f, p, m.start())
                    break


RE_DASH = re.compile(r"\s+-\s+|\s*(?:--|—|–)\s*")


def set_off_relatives(f: "Finder") -> None:
    """'Morrow said the ferry could run until June - something the Ledger says is unlikely': a relative clause with a
    source of its own (its antecedent a few words at most), set off by a dash at the end of a content that follows
    its cue, is the reporter's addition, not more of that content; the content ends before the dash. So does one
    set off by a comma and opened by its pronoun when it ends that content ('..., which he argued would fail')."""
    relatives = [c for c in f.cands if c.rule == "verb:relative" and c.source_tokens is not None]
    for p in f.cands:
        if p.kind == "reporter" or p.cue_start is None or p.cue_start >= p.start:
            continue
        for c in relatives:
            src_s = _tok_start(c.source_tokens[0])
            if c.doc is not p.doc or not p.start < src_s < p.end or RE_DASH.search(f.text, src_s, p.end):
                continue
            dash = None
            for dash in RE_DASH.finditer(f.text, p.start, src_s):
                pass  # (the last dash before the clause)
            if dash is not None and dash.start() > p.start and len(f.text[dash.end():src_s].split()) <= 4:
                end_content(f, p, dash.start())
                break
            comma = re.search(r"\s*,\s*(?:which|who|whom)\s+$", f.text[p.start:src_s], re.I)
            if comma is not None and comma.start() > 0 and c.end >= p.end - 2:
                end_content(f, p, p.start + comma.start())
                break


def end_content(f: "Finder", p: Cand, end: int) -> None:
    """End the claim's content at end, its kind read again from what is left (a quotation cut off leaves an
    indirect claim)."""
    span = f.content_span(p.start, end)
    if span is not None:
        p.start, p.end, p.kind = span
        p.gaps = [g for g in p.gaps if g[1] <= p.end]  # (the gaps of a quotation continued past the new end go too)


def nest(f: "Finder") -> None:
    outer = [c for c in f.cands if c.kind not in ("reporter",)]
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
                    and re.fullmatch(r"\s*(?:that\s+)?", f.text[c.parent.start:_tok_start(c.source_tokens[0])] or "")]
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
        f.cands = [c for c in f.cands if id(c) not in drop]
        for c in f.cands:  # a claim relayed by a dropped one is relayed by what relayed that one
            while c.parent is not None and id(c.parent) in drop:
                c.parent = c.parent.parent


def scope(f: "Finder") -> None:
    by_sent = {}
    for c in f.cands:
        by_sent.setdefault(c.sent_index, []).append(c)
    lead: Optional[Cand] = None
    lead_para = None
    for doc, sent, si in f.sent_of:
        role = doc._.role
        own = [c for c in by_sent.get(si, []) if not c.inherited]
        if role != "bullet":
            if own and doc._.unit is not None:
                last = max(own, key=lambda c: c.end)
                lead = last if f.text[last.end: _tok_end(sent[-1]) + 1].strip(" .”\"") == "" or \
                    f.text[_tok_end(sent[-1]) - 1] == ":" else None
            elif doc._.paragraph != lead_para:
                lead = None
            lead_para = doc._.paragraph
            continue
        if own or lead is None:
            continue
        s, e = trim_span(f.text, _tok_start(sent[0]), _tok_end(sent[-1]))
        if e - s < 10:
            continue
        f.add(Cand(doc, si, s, e, f.kind_for(s, e), "scope:bullet", cue="", inherited=True, follows=lead))


def reporter(f: "Finder") -> None:
    spans = sorted([(c.start, c.end) for c in f.cands] + [(c.cue_start, c.cue_start + len(c.cue or "")) for c in f.cands if c.cue_start is not None])
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    speaker_docs = {id(f.docs[j]) for j in f.speaker_units}
    for i, (doc, sent, si) in enumerate(f.sent_of):
        s, e = trim_span(f.text, _tok_start(sent[0]), _tok_end(sent[-1]))
        if e - s < 3 or not re.search(r"[A-Za-z]{2}", f.text[s:e]):
            continue
        k = bisect_left(starts, e)  # some span with a < e and b > s
        if k > 0 and reach[k - 1] > s:
            continue
        if doc._.unit is not None and id(doc) in speaker_docs:
            continue
        f.cands.append(Cand(doc, si, s, e, "reporter", "reporter:sentence"))
