"""Cue adjectives: what a subject believes or means to do, said by an adjective as its predicate ("Some donors are
worried that the levy will fail", "The clerk remains skeptical of the audit", "Morrow was eager to testify").

The adjective (``cue_adjectives`` in claims/data/cues.yml) follows a linking verb (``linking_verbs``: 'is', 'remains',
'seemed') or a passive auxiliary ('were convinced that'); the subject is the source, the linking verb and the adjective
the cue, and its complement the content: a clause, the object of one of its prepositions, or an infinitive, as the
lexicon allows for that adjective. An adjective with none is no attribution here ("The donors were worried").
With no linking verb, the noun the adjective follows holds it ("growers concerned about the dam").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import CUE_ADJECTIVES, LINKING_VERBS, CueNoun
from .candidate import Cand
from .content import cue_participle_after
from .syntax import can_speak, mention_tokens, subject_of
from .text import _tok_end, _tok_in_quote, _tok_start, to_infinitive

if TYPE_CHECKING:
    from .finder import Finder

# subjects that hold no belief: an extraposed 'it' ('it is hardly certain that ...') or a demonstrative
NO_HOLDER = frozenset({"it", "this", "that", "there", "what"})


def stance_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    for t in sent:
        entry = CUE_ADJECTIVES.get(t.lower_)
        if entry is None or _tok_in_quote(t):
            continue
        v = linking_verb(t)
        subj = holder(t, v) if v is not None else apposed_holder(t)
        if subj is None:
            continue
        rule = "adjective:stance" if v is not None else "adjective:apposed"
        v = v if v is not None else t
        content = adjective_content(t, v, entry)
        if content is None:
            continue
        span = f.content_span(_tok_start(content[0]), _tok_end(content[-1]))
        if span is None:
            continue
        s, e, kind = span
        src = [x for x in mention_tokens(subj) if x.i < t.i and not x.is_punct or x.i < subj.i]
        marker = doc[content[0].i - 1] if doc[content[0].i - 1].dep_ == "prep" and content[0].i - 1 > t.i else t
        negated = any(c.dep_ == "neg" for c in (*v.children, *t.children))
        f.add(Cand(doc, si, s, e, kind, rule, cue=f.text[_tok_start(v):_tok_end(marker)],
                   cue_start=_tok_start(v), cue_lemma=t.lower_, source_tokens=doc[src[0].i: src[-1].i + 1],
                   negated=negated))


def linking_verb(t: Token) -> Optional[Token]:
    """The verb that makes the adjective its subject's predicate: a linking verb before it ('are worried', 'remain
    hopeful'), or the passive auxiliary of a participle the parser read as a verb ('were convinced that ...')."""
    v = t.head
    if t.dep_ in ("acomp", "oprd") and v.i < t.i and v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in LINKING_VERBS:
        return v
    if t.tag_ == "VBN" and t.pos_ == "VERB" and any(c.dep_ == "nsubjpass" and c.i < t.i for c in t.children):
        return next((c for c in t.children if c.dep_ == "auxpass" and c.lemma_.lower() == "be"), None)
    return None


def holder(t: Token, v: Token) -> Optional[Token]:
    """Whose belief it is: the subject of the linking verb (or of the participle), not an extraposed 'it', and
    not one the verb or adjective takes in the passive with its agent ('was convinced by the auditors')."""
    subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None) if v.head.i == t.i else subject_of(v)
    if subj is None or _tok_in_quote(subj) or subj.lower_ in NO_HOLDER or subj.dep_ == "expl":
        return None
    if any(c.dep_ == "agent" for c in t.children) or not (subj.pos_ in ("NOUN", "PROPN", "PRON") or can_speak(subj)):
        return None
    return subj


def apposed_holder(t: Token) -> Optional[Token]:
    """Whose belief an adjective with no linking verb reports: the noun it follows ('growers concerned about the
    dam', 'officials, eager to show their reach,'), or the subject of its small clause ('with several growers
    confident that ...', 'Many growers, convinced that ...', which the parser may read as the subject of a verb with no
    object)."""
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
    if subj is None and t.dep_ in ("amod", "acl") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < t.i:
        subj = t.head
    if subj is None or t.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in t.children):
        return None  # ('The ad convinced voters that ...': a verb with its object)
    if _tok_in_quote(subj) or subj.lower_ in NO_HOLDER or not (subj.pos_ in ("NOUN", "PROPN", "PRON") or can_speak(subj)):
        return None
    return subj


def adjective_content(t: Token, v: Token, entry: CueNoun) -> Optional[list[Token]]:
    """The adjective's complement the lexicon takes as content, hung on it or on its linking verb after it: a clause
    ('worried that ...', 'unsure whether ...'), the object of one of its prepositions ('skeptical of the audit'), or an
    infinitive ('eager to testify')."""
    for c in sorted((c for c in (*t.children, *v.children) if c.i > t.i), key=lambda c: c.i):
        if entry.clause and c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            sub = bounded(list(c.subtree))
            first = sub[0]
            if first.lower_ == "that" and first.dep_ == "mark":
                return sub[1:] if len(sub) > 2 else None
            return sub if first.i <= t.i + 2 and first.tag_ != "TO" else None
        if c.dep_ == "prep" and c.lower_ in entry.preps:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            return bounded(list(t.doc[objs[0].left_edge.i: objs[-1].right_edge.i + 1])) if objs else None
        if entry.infinitive and c.dep_ in ("xcomp", "advcl") and to_infinitive(c):
            return bounded(list(c.subtree))
    return None


def bounded(sub: list[Token]) -> list[Token]:
    """The complement without a participle that is the source's next act (', touting the plan') or closing marks."""
    cut = next((x.i for x in sub if x.i > sub[0].i and cue_participle_after(x)), None)
    if cut is not None:
        sub = [x for x in sub if x.i < cut]
    while len(sub) > 1 and sub[-1].is_punct:
        sub.pop()
    return sub
