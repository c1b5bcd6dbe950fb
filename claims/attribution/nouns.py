"""Cue nouns: what a possessor calls for, claims, praises or fears ("her call for a recount", "the
mayor's praise for the plan", "his claim that the count was wrong", "their promise to cut taxes").

The possessor is the source, the noun (with the words between it and the possessor) the cue, and the
noun's complement the content: the object of one of its prepositions, an infinitive, or a that-clause,
as the lexicon (``cue_nouns`` in claims/data/cues.yml) allows for that noun. A cue noun without a
possessor is no attribution here ("calls for calm grew"): who calls is not said.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import (CUE_NOUN_FORMS, CUE_NOUNS, EXPERT, GROUP, INDIVIDUAL, OFFICIAL, ORG, POSSESSIVE_PRONOUNS,
                       SOURCE_NOUNS, SPOKES, TIME_NOUNS, CueNoun)
from .candidate import Cand
from .content import hung_noun_modifiers, listed_after, verbs_listed_after
from .cues import RE_AGENT_NOUN
from .syntax import mention_tokens
from .text import _tok_end, _tok_in_quote, _tok_start, trim_span

if TYPE_CHECKING:
    from .finder import Finder

# common nouns that can speak: the lexicon's source words (people by role, groups, organizations, documents)
SPEAKING_NOUNS = SOURCE_NOUNS | OFFICIAL | INDIVIDUAL | GROUP | ORG | SPOKES | EXPERT


def noun_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    for t in sent:
        if t.pos_ not in ("NOUN", "PROPN") or _tok_in_quote(t):
            continue
        lemma = CUE_NOUN_FORMS.get(t.lower_)
        if lemma is None:
            continue
        owner = possessor(t)
        if owner is None:
            continue
        content = noun_content(t, CUE_NOUNS[lemma])
        if content is None:
            continue
        s, e = f.extend_over_quotes(_tok_start(content[0]), _tok_end(content[-1]))
        s, e = trim_span(f.text, s, e)
        if e - s < 2:
            continue
        src = mention_tokens(owner) if owner.lower_ not in POSSESSIVE_PRONOUNS else [owner]
        cue_first = next((x for x in doc[src[-1].i + 1: t.i] if x.dep_ != "case"), t)
        cue_last = content_marker(t, content) or t
        cue_s, cue_e = _tok_start(cue_first), _tok_end(cue_last)
        kind = f.kind_for(s, e)
        if kind == "direct":
            s, e = f.strip_quote(s, e)
        f.add(Cand(doc, si, s, e, kind, "noun:possessor", cue=f.text[cue_s:cue_e], cue_start=cue_s,
                   cue_lemma=lemma, source_tokens=doc[src[0].i: src[-1].i + 1]))


def possessor(t: Token) -> Optional[Token]:
    """Whose the noun is: a possessive pronoun, or a name or noun with a possessive 's, that can speak
    (not 'the bill's call for')."""
    for c in t.children:
        if c.dep_ != "poss":
            continue
        if c.lower_ in POSSESSIVE_PRONOUNS:
            return c
        if c.ent_type_ in ("GPE", "LOC"):
            return None  # a place's plan or hopes ('the state's plan') are a government's, not said here
        if c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "NORP") or c.tag_ in ("PRP", "PRP$"):
            return c
        if c.pos_ == "NOUN" and (c.lemma_.lower() in SPEAKING_NOUNS or RE_AGENT_NOUN.match(c.lower_)):
            return c  # 'the campaign's call for', 'the senator's praise for'; not 'the bill's call for'
    return None


def noun_content(t: Token, entry: CueNoun) -> Optional[list[Token]]:
    """The noun's complement the lexicon takes as content, as a run of tokens."""
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ == "prep" and c.lower_ in entry.preps:
            obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.lemma_.lower() not in TIME_NOUNS:  # 'his remarks on Tuesday' is when
                sub = list(obj.subtree)
                # (and the object's own phrase or list, read as for a verb's object)
                last = listed_after(hung_noun_modifiers(t, sub[-1])) if obj.pos_ in ("NOUN", "PROPN", "PRON") else sub[-1]
                return list(t.doc[sub[0].i: max(last.i, sub[-1].i) + 1])
        if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            sub = list(c.subtree)
            first = sub[0]
            if entry.infinitive and first.lower_ == "to" and first.tag_ == "TO":
                # ('her plan to cut the levy, reopen the pool and hire two clerks')
                last = verbs_listed_after(sub[-1], c)
                return list(t.doc[sub[0].i: max(last.i, sub[-1].i) + 1])
            if entry.clause and first.lower_ == "that" and first.dep_ == "mark" and len(sub) > 2:
                return sub[1:]
    return None


def content_marker(t: Token, content: list[Token]) -> Optional[Token]:
    """The preposition between the noun and its content ('call for'), part of the cue."""
    before = content[0].i - 1
    if before > t.i and t.doc[before].dep_ == "prep":
        return t.doc[before]
    return None
