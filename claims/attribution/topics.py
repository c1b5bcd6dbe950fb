"""What someone has to say about a topic: "Dana Morrow had little good to say about the coach", "The board has harsh
words to say about the plan", "She expects to have plenty to say about the vote". The object of a holding verb
(``holding_verbs`` in claims/data/cues.yml: 'have', 'hold') carries an infinitive of speech (a statement verb of the
lexicon that takes a clause or an object: the holding verb's object is what is said) with a topic preposition after it
(``topic_prepositions``: 'about'); the holding verb's subject is the source, the topic the content. Not 'had a chance
to talk about the plan' (a verb with no object: the noun is an occasion), and 'had this to say about the plan: "..."'
introduces a quotation and is left to it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import HOLDING_VERBS, POINTING_OBJECTS, TOPIC_PREPOSITIONS, VERBS
from .clear import add_said
from .syntax import can_speak, subject_of
from .text import _tok_in_quote, to_infinitive

if TYPE_CHECKING:
    from .finder import Finder

def topic_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    for t in sent:
        if t.dep_ != "prep" or t.lower_ not in TOPIC_PREPOSITIONS or _tok_in_quote(t):
            continue
        v = t.head
        entry = VERBS.get(v.lemma_.lower())
        if v.i >= t.i or entry is None or entry.act != "statement" or not {"clause", "object"} & set(entry.frames) or \
                not to_infinitive(v):
            continue
        have = holding_verb(v)
        topic = next((c for c in t.children if c.dep_ == "pobj"), None)
        if have is None or topic is None:
            continue
        subj = subject_of(have)
        if subj is None or _tok_in_quote(subj) or not can_speak(subj, v):
            continue
        sub = list(topic.subtree)
        add_said(f, doc, si, subj, have, t, v.lemma_.lower(), sub[0], sub[-1], "verb:to_say_about")


def holding_verb(v: Token) -> Optional[Token]:
    """The holding verb whose object carries the infinitive v (hung on the object, or on the verb right after its
    object: 'had nothing kind to say'), directly or through 'but' or 'than' ('has nothing but kind words', 'had less
    than kind words'); None for an object that points at a quotation after it ('had this to say')."""
    if v.dep_ == "xcomp":
        n = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
    else:
        n = v.head if v.dep_ in ("relcl", "acl") else None
    while n is not None and n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.i < n.i:
        n = n.head.head
    if n is None or n.dep_ != "dobj" or n.lower_ in POINTING_OBJECTS or n.head.lemma_.lower() not in HOLDING_VERBS:
        return None
    return n.head
