"""A claim candidate before its source is described, its id and what it attributes."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from ..lexicon import ACT, CUE_ADJECTIVES, CUE_NOUNS



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

def act_of(c: Cand) -> Optional[str]:
    """What a candidate attributes: the act of its cue (verb or noun) in the lexicon; refusals for declines;
    statements for quotations, prepositional cues and cues the lexicon does not list."""
    if c.kind == "reporter":
        return None
    if c.kind == "declined":
        return "refusal"
    if c.rule.startswith("noun:"):
        return CUE_NOUNS[c.cue_lemma].act
    if c.rule.startswith("adjective:"):
        return CUE_ADJECTIVES[c.cue_lemma].act
    return ACT.get(c.cue_lemma or "", "statement")

def claim_id(article_id: str, c: Cand) -> str:
    key = f"{article_id}|{c.start}|{c.end}|{c.kind}|{c.cue_start}"
    return f"{article_id}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"
