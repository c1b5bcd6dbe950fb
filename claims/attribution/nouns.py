"""Cue nouns: what a possessor calls for, claims, praises or fears ("her call for a recount", "the
mayor's praise for the plan", "his claim that the count was wrong", "their promise to cut taxes").

The possessor is the source, the noun (with the words between it and the possessor) the cue, and the
noun's complement the content: the object of one of its prepositions, an infinitive, or a that-clause,
as the lexicon (``cue_nouns`` in claims/data/cues.yml) allows for that noun.

The object of a light verb (``light_verbs``: "made the point that", "made no mention of", "launched an attack
on", "renewed calls for") is said by the verb's subject, who is then the source; the verb starts the cue, and
the noun's complement may hang on the verb ("made comments about the count"); a belief noun also after a holding
verb ("had a favorable opinion of"). A noun the lexicon marks ``light_only`` ("point", "case") is a cue only
there, one with ``verbs`` only after those ("took issue with").

Before a copula the clause after it is the content ("her answer was that the levy had failed", "his promise
was to cut taxes").

A noun of speech with neither (not of belief) reports its that-clause with no source: "complaints that the count
was rigged" (``unstated_report``). Otherwise a cue noun with neither is no attribution here ("calls for calm
grew"): who calls, and for what claim, is not said.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import (CUE_NOUN_FORMS, CUE_NOUNS, EXPERT, GROUP, INDIVIDUAL, OFFICIAL, ORG, POSSESSIVE_PRONOUNS,
                       HOLDING_VERBS, LIGHT_VERBS_OF, SOURCE_NOUNS, SPOKES, TIME_NOUNS, VENUE_NOUNS, CueNoun)
from .candidate import Cand
from .content import hung_noun_modifiers, listed_after, verbs_listed_after
from .cues import RE_AGENT_NOUN
from .syntax import can_speak, mention_tokens, subject_of
from .text import QUOTE_TOKENS, _tok_end, _tok_in_quote, _tok_start, outside_quotes

if TYPE_CHECKING:
    from .finder import Finder

# common nouns that can speak: the lexicon's source words (people by role, groups, organizations, documents)
SPEAKING_NOUNS = SOURCE_NOUNS | OFFICIAL | INDIVIDUAL | GROUP | ORG | SPOKES | EXPERT


def noun_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    for t in outside_quotes(doc, sent):
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = CUE_NOUN_FORMS.get(t.lower_)
        if lemma is None:
            continue
        entry = CUE_NOUNS[lemma]
        verb = light_verb(t, entry)
        owner = None if entry.light_only else possessor(t)
        by_verb = owner is None and verb is not None
        if by_verb:
            owner = subject_of(verb)
            if owner is None or _tok_in_quote(owner) or not can_speak(owner, verb):
                continue
        content = noun_content(t, entry, verb)
        if content is None or by_verb and plain_sight(t, verb, content):
            continue
        if owner is None and not unstated_report(t, entry, verb, content):
            continue
        span = f.content_span(_tok_start(content[0]), _tok_end(content[-1]))
        if span is None:
            continue
        s, e, kind = span
        src = None if owner is None else mention_tokens(owner) if owner.lower_ not in POSSESSIVE_PRONOUNS else [owner]
        if by_verb:
            cue_first = verb
        elif src is None:
            cue_first = t
        else:
            cue_first = next((x for x in doc[src[-1].i + 1: t.i] if x.dep_ != "case"), t)
        cue_last = content_marker(t, content) or t
        cue_s, cue_e = _tok_start(cue_first), _tok_end(cue_last)
        rule = "noun:light_verb" if by_verb else "noun:possessor" if src else "noun:unstated"
        # 'made no mention of', 'did not make the case': the source said no such thing
        negated = verb is not None and (any(c.dep_ == "neg" for c in verb.children) or
                               any(c.dep_ == "det" and c.lower_ == "no" for c in t.children))
        f.add(Cand(doc, si, s, e, kind, rule, cue=f.text[cue_s:cue_e], cue_start=cue_s,
                   cue_lemma=lemma, source_tokens=doc[src[0].i: src[-1].i + 1] if src else None, negated=negated))


def unstated_report(t: Token, entry: CueNoun, verb: Optional[Token], content: list[Token]) -> bool:
    """'complaints that the count was rigged', 'the allegation that he lied': a noun of speech with its
    that-clause reports what someone said even with no one named. (Not a noun of belief: 'the hope that',
    'concern that' with no holder is the mood of the story, or the writer's; nor a gerund the parser read as a
    noun, 'the union was right in warning that ...': a singular noun needs its determiner or a modifier)"""
    if entry.quotation_only:
        return verb is None  # 'the hall rang with chants of "No more!"': called out by people it does not name
    return verb is None and not entry.light_only and entry.act != "belief" and t.dep_ != "pcomp" and \
        not (t.dep_ == "nsubj" and t.head.lemma_ == "be" and not any(c.dep_ == "relcl" for c in t.children)) and \
        (t.tag_ == "NNS" or any(c.dep_ in ("det", "amod", "compound", "nummod") for c in t.children)) and \
        content[0].i > t.i + 1 and t.doc[content[0].i - 1].lower_ == "that"


def plain_sight(t: Token, verb: Token, content: list[Token]) -> bool:
    """'has a view of the lake': a belief noun after a holding verb with a bare article and a thing for its object
    is what one sees or owns ('has a dim view of the plan', 'had doubts about', 'has a view of what is possible'
    are held)."""
    return verb.lemma_.lower() in HOLDING_VERBS and t.tag_ == "NN" and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in t.children) and \
        not any(c.dep_ in ("amod", "compound", "nummod") for c in t.children) and content[0].tag_ not in ("WP", "WDT", "WRB")


def venue(t: Token) -> bool:
    """Is the noun where something was said rather than what about: a place or a medium ('on the floor', 'on
    the radio', 'on Twitter'; venue_nouns in cues.yml, or a place the entity recognizer named)?"""
    return t.lemma_.lower() in VENUE_NOUNS or t.ent_type_ in ("FAC", "GPE", "LOC")


def light_verb(t: Token, entry: CueNoun) -> Optional[Token]:
    """The light verb whose object the noun is ('made the point', 'issued a warning'), if any: one the noun names
    ('took issue with'), else a light verb, or for a belief a holding verb ('had a favorable opinion of'). Not a
    phrasal verb ('struck down the claims', 'gave up hope'), but 'sent out a statement'."""
    v = t.head
    if t.dep_ not in ("dobj", "obj") or v.pos_ not in ("VERB", "AUX") or v.i > t.i:
        return None
    if v.lemma_.lower() not in LIGHT_VERBS_OF[entry.lemma]:
        return None
    if any(c.dep_ == "prt" and c.lower_ != "out" for c in v.children):
        return None
    return v


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


def noun_content(t: Token, entry: CueNoun, verb: Optional[Token] = None) -> Optional[list[Token]]:
    """The noun's complement the lexicon takes as content, as a run of tokens; after a light verb the parser
    may hang it on the verb, right after the noun ('made comments about the count')."""
    after = [c for c in t.children if c.i > t.i]
    if verb is not None:
        after += [c for c in verb.children if c.i > t.i]
    elif t.dep_ == "nsubj" and t.head.lemma_ == "be" and t.head.i > t.i:
        # 'her answer was that the levy had failed', 'his promise was to cut taxes'
        after += [c for c in t.head.children if c.i > t.head.i and c.dep_ in ("ccomp", "xcomp")]
    elif t.head.i != t.i:
        after += [c for c in t.head.children if c.left_edge.i == t.i + 1 and c.dep_ == "advcl"]
    for c in after:
        if c.dep_ == "prep" and c.lower_ in entry.preps and not verb_between(t, c):
            objs = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
            if entry.gerund_only:  # ('showed no sign of giving ground', not 'showed a hint of a smile')
                objs = [x for x in objs if x.tag_ == "VBG"]
            if entry.quotation_only:  # ('chants of "No more!"', not 'cries of outrage'; any words: 'of "Four more years!"')
                quoted = objs and c.i + 1 < len(t.doc) and t.doc[c.i + 1].text in QUOTE_TOKENS
                return list(t.doc[c.i + 1: objs[-1].right_edge.i + 1]) if quoted else None
            # ('his remarks on Tuesday' is when; 'a statement on the Senate floor', 'comments on the radio' where)
            if objs and objs[0].lemma_.lower() not in TIME_NOUNS and not venue(objs[0]):
                # (a hyphenated word the tokenizer split may come as several objects: 'of counter - terrorism')
                obj, end = objs[-1], objs[-1].right_edge
                # (and the object's own phrase or list, read as for a verb's object)
                last = listed_after(hung_noun_modifiers(t, end)) if obj.pos_ in ("NOUN", "PROPN", "PRON") else end
                if c.lower_ == "for" and "for" in entry.preps:
                    last = for_infinitive(t, last)  # 'its calls for the Ledger to retract the story'
                return list(t.doc[objs[0].left_edge.i: max(last.i, end.i) + 1])
        if c.dep_ in ("advcl", "acl", "relcl") and c.pos_ in ("VERB", "AUX") and "for" in entry.preps and \
                c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark" and c.left_edge.i == t.i + 1:
            return list(c.subtree)[1:]  # 'her call for the board to resign': who is to do what
        if c.dep_ in ("acl", "relcl", "ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            sub = list(c.subtree)
            if c.head.i == t.head.i and t.dep_ == "nsubj" and c.head.lemma_ == "be":
                # after the copula the clause runs to the sentence's end, whatever the parser hung on the
                # copula in between ('was that the pool is, at the moment, losing money ...')
                last = c.head.right_edge
                while last.i > c.i and last.is_punct:
                    last = t.doc[last.i - 1]
                sub = list(t.doc[sub[0].i: last.i + 1])
            first = sub[0]
            if entry.infinitive and first.lower_ == "to" and first.tag_ == "TO":
                # ('her plan to cut the levy, reopen the pool and hire two clerks')
                last = verbs_listed_after(sub[-1], c)
                return list(t.doc[sub[0].i: max(last.i, sub[-1].i) + 1])
            if entry.clause and first.lower_ == "that" and first.dep_ == "mark" and len(sub) > 2:
                return sub[1:]
    return None


def verb_between(t: Token, c: Token) -> bool:
    """A verb between the noun and a preposition the parser hung on it ('her appeal to voters who drive an hour
    for groceries'): the preposition is the verb's, not the noun's."""
    return any(x.pos_ in ("VERB", "AUX") for x in t.doc[t.i + 1: c.i])


def for_infinitive(t: Token, last: Token) -> Token:
    """'its calls for the Ledger to retract the story': who is to do what, when the parser hung the infinitive
    after the object of 'for' not on it but on the noun or the noun's verb. The infinitive must start right
    after the object."""
    doc = t.doc
    if last.i + 2 >= len(doc) or doc[last.i + 1].tag_ != "TO":
        return last
    v = doc[last.i + 1].head
    if v.pos_ not in ("VERB", "AUX") or v.dep_ not in ("advcl", "xcomp", "acl", "relcl") or \
            v.left_edge.i != last.i + 1 or v.head.i not in (t.i, t.head.i):
        return last
    end = v.right_edge
    while end.i > v.i and end.is_punct:
        end = doc[end.i - 1]
    return end


def content_marker(t: Token, content: list[Token]) -> Optional[Token]:
    """The preposition between the noun and its content ('call for'), part of the cue."""
    before = content[0].i - 1
    if before > t.i and (t.doc[before].dep_ == "prep" or t.doc[before].dep_ == "mark" and t.doc[before].lower_ == "for"):
        return t.doc[before]
    return None
