"""The frame content of a cue verb: what it takes that is not a that-clause, by the frames the cue lexicon gives
it (an infinitive, an object and its phrase, the object of a preposition), bounded by the phrase."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from ..lexicon import CONCERN_NOUNS, CONCERN_VERBS, OUT_PREPOSITIONS, TIME_NOUNS, TOPIC_PREPOSITIONS
from .content import (colon_elaboration, hung_noun_modifiers, hyphen_joined_end, listed_after, object_tail,
                      phrase_participle_after, possessed_end, report_opened_by, reporters_addition, set_off_comment,
                      verbs_listed_after)
from .cues import amount_phrase, as_clause_predicate, is_time
from .syntax import main_verb_read_as_participle, topic_on_person
from .text import _tok_end, _tok_start, last_word, to_infinitive

if TYPE_CHECKING:
    from .finder import Finder


def frame_content(f: "Finder", v: Token, entry, rec_idx: set[int]) -> Optional[tuple[int, int]]:
    """Content that is not a that-clause, by the frames the cue lexicon gives the verb: an
    infinitive ('plans to run'), an object and what was asked of it ('urged the board to resign'),
    a noun phrase with the phrase that goes with it ('praised the mayor for the plan', 'sees him as
    a rival', 'accused X of lying'), or the object of a preposition ('spoke about the economy',
    'voted for the bill'). Bounded by the phrase, not the sentence (``phrase_bounds``)."""
    kids = [c for c in v.children if c.i > v.i and c.i not in rec_idx]
    picked = frame_phrases(v, entry, kids)
    return phrase_bounds(f, v, picked) if picked else None


def frame_phrases(v: Token, entry, kids: list[Token]) -> list[Token]:
    """The phrases of the verb's first frame that fits (in the lexicon's order), or none."""
    # (a feeling is the content of 'cited fears of ...', 'announced support for ...'; of 'raise concerns'
    # it is the cue's own noun)
    feeling_cue = v.lemma_.lower() in CONCERN_VERBS
    obj = next((c for c in kids if c.dep_ in ("dobj", "obj") and not (feeling_cue and c.lemma_.lower() in CONCERN_NOUNS)
                and not set_off_comment(c)), None)
    inf = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    # an infinitive after a passive participle is no plan of its subject ('is expected to sign', 'widely expected
    # to win': whose expectation goes unstated); a belief under a modal is a supposition, not one held ('cannot
    # expect to win', 'would worry about costs')
    passive = any(c.dep_ == "auxpass" for c in v.children) or \
        v.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children) and \
        not main_verb_read_as_participle(v)  # ('The treasurer aimed to cut the levy' read as 'a treasurer (who was) aimed')
    supposed = entry.act == "belief" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)
    for frame in entry.frames:
        if frame in ("to", "prep") and (passive and frame == "to" or supposed):
            continue
        picked: list[Token] = []
        if frame == "to" and inf is not None and obj is None:
            picked = [inf]
        elif frame == "np_to" and inf is not None and obj is not None and obj.i < inf.i:
            picked = [obj, inf]
        elif frame == "np_to" and obj is None and inf is None:
            # 'want Germany to do more', 'want all migrants to be deported': the parser reads the object
            # and its infinitive as one clause
            picked = [c for c in kids if c.dep_ == "ccomp" and to_infinitive(c)
                      and any(a.dep_ in ("nsubj", "nsubjpass") and a.i < c.i for a in c.children)][:1]
        elif frame == "np" and obj is not None:
            picked = [obj] + np_phrase(v, kids, obj)
        elif frame == "np" and entry.act == "statement" and (wh := wh_clause(v, kids)) is not None:
            picked = [wh]  # 'discussed how the levy would be spent'
        elif frame == "np" and inf is not None and inf.tag_ == "VBG" and v.doc[inf.left_edge.i - 1].text != "," and \
                entry.act in ("evaluation", "intention"):
            picked = [inf]  # a gerund for the object of a stance: 'backs widening the ferry dock'
        elif frame == "particle_np" and obj is not None and after_particle(v, obj):
            picked = [obj] + np_phrase(v, kids, obj)  # 'pointed out the flaws in the plan'
        elif frame == "amount" and obj is not None and (amount := amount_phrase(v)) is not None:
            picked = [obj, amount]  # 'puts her support at 40 percent'
        elif frame == "np_as" and obj is not None:
            pred = [c for c in kids if c.i > obj.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"
                                                        or as_clause_predicate(c))][:1] + \
                [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"][:1] + \
                [c for c in kids if c.i > obj.right_edge.i and c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")][:1]
            # (a second noun the parser read as another object is what the first is taken for: 'deemed the swap a
            # fair trade')
            picked = [obj] + pred[:1] if pred else []
        elif frame == "prep" and (obj is None or obj.pos_ in ("PROPN", "PRON") and obj.lower_ not in ("it", "that", "this")):
            # (a person before the preposition is whom it was said to: 'asked Trump about his remarks')
            picked = prep_phrase(v, entry, kids)
        if picked:
            return picked
    return []


def wh_clause(v: Token, kids: list[Token]) -> Optional[Token]:
    """'discussed how the levy would be spent', 'outlined what the board must do', 'was detailing which roads would
    close': a clause opened by a wh-word right after a verb of speech that takes a noun phrase is what was said
    about, as its object would be."""
    return next((c for c in kids if c.dep_ in ("ccomp", "xcomp") and c.left_edge.i == v.i + 1 and
                 c.left_edge.tag_ in ("WRB", "WP", "WDT") and c.pos_ in ("VERB", "AUX")), None)


def after_particle(v: Token, obj: Token) -> bool:
    """The object stands after a particle of the verb ('pointed out the flaws'; not 'pointed it out'), and is no
    clause the parser read as a noun phrase ('pointed out where the old mill stood', its 'where' hung on 'mill')."""
    return any(c.dep_ == "prt" and c.i < obj.i for c in v.children) and \
        not any(t.tag_ in ("WRB", "WP", "WDT") for t in v.doc[obj.left_edge.i:obj.i])


def np_phrase(v: Token, kids: list[Token], obj: Token) -> list[Token]:
    """The phrase that goes with the object ('praised the mayor for the plan', 'blamed the crash on the weather'),
    not a time ('endorsed him on Tuesday') nor an occasion after one ('defended the deal this week on his radio
    show'); an infinitive right after the object is the object's ('defended his call to raise wages'); and a gerund
    right after the object that says what of it ('questioned her judgment in backing the war', 'mocked her boast
    about being able to fix the budget'; not the means or the time: 'by saying', 'before backing')."""
    def between_ok(c: Token) -> bool:
        return all(v.doc[k].is_punct or v.doc[k].dep_ == "advmod" and v.doc[k].head.i == v.i
                   for k in range(obj.right_edge.i + 1, c.left_edge.i))

    return [c for c in kids if c.i > obj.right_edge.i and (
        c.dep_ in ("prep", "oprd") and (c.lower_ in ("as", "for", "of", "to", "on", "with", "over", "into", "about")
                                        or c.i == obj.right_edge.i + 1 and c.lower_ in ("in", "at", "against") and
                                        any(g.dep_ == "pcomp" for g in c.children))
        and not any(g.dep_ == "pobj" and is_time(g) for g in c.children) and (c.lower_ != "on" or between_ok(c))
        or c.dep_ == "advcl" and c.left_edge.i == obj.right_edge.i + 1 and
        any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.left_edge.i for a in c.children))][:1]


def prep_phrase(v: Token, entry, kids: list[Token]) -> list[Token]:
    """The object of one of the verb's prepositions ('spoke about the economy'; not a time: 'reported on Tuesday',
    'spoke on Monday'), with what is said of it ('referred to the senator as "a bright leader"')."""
    pp = next((c for c in kids if c.dep_ in ("prep", "prt", "agent") and c.lower_ in entry.preps and
               not any(g.dep_ == "pobj" and (g.lower_ in TIME_NOUNS or g.ent_type_ in ("DATE", "TIME"))
                       for g in c.children)), None)
    if pp is None:
        pp = out_preposition(v, kids)
    if pp is None:
        # 'talked to voters about health care', 'spoke with reporters about the vote', 'spoke at length about
        # the pier': the parser hangs the phrase on whom it was said to, or on how or where
        pp = next((p for c in kids if c.dep_ == "prep" for g in c.children
                   if g.dep_ == "pobj" for p in g.children
                   if p.dep_ == "prep" and p.lower_ in TOPIC_PREPOSITIONS and p.lower_ in entry.preps), None)
    if pp is None:
        # 'reminded voters of the flood': on the person addressed
        pp = next((p for c in v.children if c.dep_ in ("dobj", "obj") for p in [topic_on_person(v, c)] if p is not None), None)
    if pp is not None and pp.lower_ == "for" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
        pp = None  # a request under a modal is one to come ('the state would ask for help')
    if pp is None:
        return []
    objs = [g for g in pp.children if g.dep_ in ("pobj", "pcomp")]
    # and what is said of it: 'referred to the senator as "a bright leader"', 'pointed to the case as proof of ...'
    as_ = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > pp.i and all(o.i > pp.i for o in objs)][:1]
    return objs + as_ if objs else []


def out_preposition(v: Token, kids: list[Token]) -> Optional[Token]:
    """'spoke out against the levy', 'has spoken out in support of the bill': after the particle 'out', one of the
    out_prepositions (cues.yml), a word or a phrase that works as one preposition (its last word), with an object."""
    if not any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children):
        return None
    doc = v.doc
    for c in kids:
        if c.dep_ != "prep":
            continue
        size = next((len(p) for p in OUT_PREPOSITIONS if tuple(x.lower_ for x in doc[c.i:c.i + len(p)]) == p), 0)
        last = doc[c.i + size - 1] if size else None
        if last is not None and any(g.dep_ in ("pobj", "pcomp") for g in last.children):
            return last
    return None


def phrase_bounds(f: "Finder", v: Token, picked: list[Token]) -> tuple[int, int]:
    """Where the content of the picked phrases starts and ends: without a name's apposition, with what the parser
    hung on the verb that belongs to the object, a list after it, up to the reporter's own addition."""
    lo, hi = min(p.left_edge.i for p in picked), max(p.right_edge.i for p in picked)  # the phrases' subtrees
    doc = v.doc
    # a name's apposition at the end ('backing Bush, the former governor') is the reporter's description
    last = picked[-1]
    app = next((a for a in last.children if a.dep_ == "appos" and a.i > last.i and doc[a.left_edge.i - 1].text == ","
                and a.right_edge.i >= hi - 1), None)
    if last.pos_ == "PROPN" and app is not None and not app.like_num and app.ent_type_ != "DATE":
        hi = app.left_edge.i - 1
    elif last.dep_ in ("dobj", "obj", "pobj") and (len(picked) == 1 or last.head.dep_ == "prep"):
        hi = max(hi, hung_noun_modifiers(v, doc[hi]).i)
        hi = listed_after(doc[hi]).i
        hi = object_tail(v, doc[hi]).i
    listed = hi
    if last.tag_ in ("VB", "VBG") and last.dep_ in ("xcomp", "ccomp", "advcl", "pcomp"):
        hi = verbs_listed_after(doc[hi], last).i
    hi = possessed_end(doc[hi]).i
    hi = hyphen_joined_end(doc[hi]).i
    for t in doc[lo:min(hi, listed) + 1]:  # (the items of a list of verb phrases are none of the reporter's)
        if t.i > lo + 1 and (reporters_addition(f, t, v, doc[lo]) or phrase_participle_after(t) or
                             report_opened_by(t, doc[lo]) is not None):
            # ('accused the clerk of stalling while the Ledger said ...': another report, however deep it hangs)
            hi = t.i - 1
            break
    hi = colon_elaboration(doc[hi]).i
    hi = last_word(doc, lo, hi)
    return _tok_start(doc[lo]), _tok_end(doc[hi])
