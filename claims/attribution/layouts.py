"""The layouts of a verb cue, one function each, tried in order (``first_layout``): each reads a
``VerbCue`` (claims/attribution/verbs.py) and returns the content span and the rule's name, or None.

* ``split_quote``       '"A," she said, "B."' — one quotation split by its attribution
* ``quote_before``      '"A? B!" O'Malley said.' — the quotation before a sentence of its own
* ``as_clause``         'As the mayor noted, prices rose'; '..., as police have said'
* ``relative``          'a change that he said would make it harder'
* ``opener_parenthetical`` 'Still, he said, officials have to decide ...'
* ``tail``              '..., officials said.'; '"...," Mr. W wrote'; and the parenthetical
                        'A comic tone, she said, would make ...'
* ``complement``        'X said (that) ...' — cue first
* ``misparsed_clause``  'said [the findings] [held] ...' read as an object with a participle
* ``message_object``    'told the story of how ...', 'said the same', 'recalled sitting in'
* ``object``            'denied the report', 'described the plan as reckless', 'expressed regret for ...'
* ``frame``             a phrase by the verb's frames: 'plans to run', 'praised X for Y', 'spoke about Z'
* ``unstated_passive`` 'The governor is expected to sign' — a belief whose holder goes unstated (no source);
                       'The price was not disclosed' — what was made known, by no one named
* ``relative_as``       'the fair, which she describes as the best in the state' — what the antecedent is taken for
* ``passive_agent``     'The ban was first reported by BuzzFeed' — the passive subject, the agent its source
* ``quote_after``       '"A," he said, "B," he added, "C."' — C for the second cue
* ``introduced_quote``  'X said: "..."', 'X said Wednesday, "..."', a colon ending the paragraph, and
                        a quotation right after a verb that introduces quotes ('the crowd chanted "..."')
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import (ANAPHORIC_ANSWERS, CIRCUMSTANCE_SUBORDINATORS, CLAUSE_ONLY, CONCERN_NOUNS, CONCERN_VERBS,
                       MESSAGE_NOUNS, OBJECT_CONTENT, QUOTE_INTRODUCERS, SUBJECT_PRONOUNS, VERBS)
from .around import (Around, around_of, interrupted_conjunct, kept_end, parenthetical_end, relative_opener,
                     subject_before_cue)
from .candidate import Cand
from .content import (colon_elaboration, forward_end, hung_noun_modifiers, listed_after, object_tail,
                      phrase_participle_after, possessed_end, qualifier_after, quote_ending_at, reporters_addition,
                      set_off_comment, verb_form, verbs_listed_after)
from .cues import (REL_PRONOUNS, agreed_to, as_clause_predicate, call_objects, is_cue_verb, is_time, name_after, naming_object,
                   says_a_noun, takes_clause_frame)
from .frames import frame_content
from .syntax import (_content_first, agent_participle_noun, bare_passive_subject, clause_after_a_modifier, complement_of,
                     passive_infinitive,
                     passive_phrase, passive_predicate, past_the_cue, recipient_of, reduced_relative_noun,
                     question_hung_after, relative_object_pronoun,
                     subject_of, subject_of_a_clause_after)
from .text import (BLANK, DASH_TOKENS, QUOTE_TOKENS, _tok_end, _tok_in_quote, _tok_start, is_dash, last_word, mark_width,
                   to_infinitive, sentence_last_word, touches_quote)

if TYPE_CHECKING:
    from .finder import Finder
    from .verbs import VerbCue

Span_ = tuple[tuple[int, int], str]
STOP = object()  # a layout that fits and says there is no claim


def split_quote(c: "VerbCue") -> bool:
    """'"A," she said, "B."': one quotation split by its attribution, a direct claim of its own."""
    if not (c.q_before and c.q_after and c.q_before != c.q_after):
        return False
    f = c.f
    f.split_used.add(c.q_after)
    s_, e_ = f.strip_quote(c.q_before[0], c.q_after[1])
    # (the attribution between the two pieces is a gap: a participle or relative clause there is the reporter's
    # or the source's own act, not relayed by the quotation: '"A," said Morrow, speaking of the board, "B."')
    f.add(Cand(c.doc, c.si, s_, e_, "direct", "verb:split_quote", cue=c.cue, cue_start=c.cue_start, cue_lemma=c.lem,
               source_tokens=c.source_span, recipient=c.recipient, notes=["quotation split by its attribution"],
               gaps=[(c.q_before[1], c.q_after[0])]))
    return True


def quote_before(c: "VerbCue") -> Optional[Span_]:
    """'"A? B!" O'Malley said.': the quotation before, which the sentence splitter cut off (not when the
    quotation is a finished sentence and the cue has content of its own: '..." She noted a rally')."""
    q = c.q_before
    if not q or any(not t.is_punct for t in c.before) or c.q_intro or c.quote_after or \
            not (c.comp is None or c.comp.i < c.attr_lo) or q in c.f.split_used:
        return None
    if re.search(r"[,?!—–-]\W*$", c.f.text[q[0]:q[1]]) or not any(
            x.dep_ in ("dobj", "obj", "ccomp", "xcomp", "oprd", "dative") or x.dep_ == "prep" and x.lower_ in c.entry.preps
            for x in c.v.children if x.i > c.v.i and x.i not in c.rec_idx):
        return q, "verb:tail"
    return None


def quotation_runs_on(c: "VerbCue") -> Optional[int]:
    """'"Nobody but Ray," she said, would try to fix a mill in winter', '"The worst part," he said, is that the storm
    came in June': a quotation that ends in a comma, its attribution, and then the rest of the sentence, unquoted and
    with no cue of its own, that can only finish the quoted clause (a modal or a present-tense verb with no subject of
    its own, or a clause opened by 'that' or 'to'; not a past form, which may be a participle on the source: 'said
    Morrow, annoyed that ...'). Where that rest ends, or None."""
    doc, k = c.doc, c.attr_hi + 1
    end = sentence_last_word(doc, c.sent.end, k - 1) + 1
    if k + 2 >= end or doc[k].text != "," or not re.search(r",\W*$", c.f.text[c.q_before[0]:c.q_before[1]]):
        return None
    rest = doc[k + 1:end]
    if touches_quote(rest) or any(is_cue_verb(t) for t in rest):
        return None
    w = rest[0]
    finite = w.tag_ == "MD" or w.tag_ in ("VBZ", "VBP") and w.pos_ in ("VERB", "AUX") and \
        not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in w.children)
    opened = w.lower_ == "that" and w.dep_ == "mark" or w.lower_ == "to" and doc[w.i + 1].tag_ == "VB"
    return _tok_end(rest[-1]) if finite or opened else None


def as_clause(c: "VerbCue") -> Optional[Span_]:
    if c.layout_only:
        return None
    span = as_clause_content(c.f, c.v, c.sent)
    return (span, "verb:as_clause") if span is not None else None


def relative(c: "VerbCue"):
    """'a rule change that he said would make it harder', 'the deal, which officials expect will pass':
    the reported clause is what follows the cue (its subject is the antecedent). STOP when the relative
    clause has no source of its own."""
    v, comp = c.v, c.comp
    if not (v.dep_ == "relcl" and comp is not None and comp.pos_ in ("VERB", "AUX") and not c.layout_only and
            not any(x.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and x.lower_ not in REL_PRONOUNS for x in comp.children)):
        return None
    own = next((x for x in v.children if x.dep_ == "nsubj" and x.lower_ not in REL_PRONOUNS), None)
    rest = [t for t in comp.subtree if t.i > v.i]
    if own is None or not rest:
        return STOP
    end = next((t.i for t in rest if t.i > rest[0].i + 1 and reporters_addition(c.f, t, v, rest[0])), None)
    rest = [t for t in rest if end is None or t.i < end]
    while len(rest) > 1 and rest[-1].is_punct and rest[-1].text not in QUOTE_TOKENS:
        rest.pop()
    return (_tok_start(rest[0]), _tok_end(rest[-1])), "verb:relative"


def opener_parenthetical(c: "VerbCue") -> Optional[Span_]:
    """'Still, he said, officials have to decide ...': the opening adverb is the reporter's."""
    a = around_of(c)
    if not (a.parenthetical and len(a.opener) == 1 and a.opener[0].pos_ in ("ADV", "CCONJ", "INTJ", "SCONJ") and a.leftover
            and not c.layout_only):
        return None
    first = next(t for t in a.after if not t.is_punct or t.text in QUOTE_TOKENS)
    return (_tok_start(first), kept_end(a.after)), "verb:parenthetical"


def tail(c: "VerbCue") -> Optional[Span_]:
    """'..., officials said.', '"...," Mr. W wrote', and the parenthetical 'A comic tone, she said, would ...'."""
    a, v, before = around_of(c), c.v, c.before
    if not ((a.tail_ok or a.parenthetical) and not c.quote_after and
            (c.comp is None or c.comp.i < c.attr_lo or a.parenthetical or a.quote_tail)
            and (not c.layout_only or a.quote_tail and not a.parenthetical)):
        return None
    if v.tag_ == "VBG" and (c.subj is None or c.subj.head.i != v.i) or own_phrase_after(c):
        return None  # '..., "We will fix the roads," referring to the storm': a participle of the clause before, no tail
    need = 1 if a.parenthetical and a.opener and a.opener[0].pos_ in ("NOUN", "PROPN", "PRON") \
        else 2 if a.parenthetical else 1 if a.quote_tail else 3
    if len(a.opener) < need or not (a.after_ok or len(a.after) <= 6 or a.parenthetical or a.quote_tail):
        return None
    if a.quote_tail and not a.parenthetical and c.comp is not None and c.comp.dep_ == "ccomp" and \
            c.comp.left_edge.i == v.i + 1 and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.comp.children) \
            and c.q_before and len(c.f.text[c.q_before[0]:c.q_before[1]].split()) <= 4:
        # 'On the "Morning Ledger," Morrow said the levy would fail': a short quoted name before the cue, and a
        # clause of its own right after it, which is the content
        return None
    if not a.quote_tail and not c.layout_only and (not takes_clause_frame(c.lem) and phrase_of(c) is not None or
                                                    c.entry.names and call_objects(v) or phrase_of_preposition_after(c)):
        # 'After the hearing, most members are planning to back the levy', '..., she calls for a recount': a cue that
        # takes a phrase has it after
        return None
    if not a.quote_tail and ({"to", "np_to", "object"} & set(c.entry.frames) and any(
            x.dep_ == "xcomp" and x.i > v.i and to_infinitive(x)
            for x in v.children) or c.entry.only_with == "agreement" and agreed_to(v)):
        # 'When the mayor visited last month, the two agreed to resume talks', 'As before, the union agreed in
        # May to a new wage scale': the infinitive or the phrase after it
        return None
    if any(x.dep_ in ("dobj",) and x.i > v.i and x.i not in c.rec_idx and c.lem not in ("tell",)
           and not (a.quote_tail and c.subj is not None and x.i == c.subj.i)
           # ('"...," Morrow said, another nod to the film': after a quotation, a verb whose noun object is never
           # its content has none; the noun the parser made its object is an aside or an apposition; its passive
           # frames take no object)
           and not (a.quote_tail and not c.layout_only and c.entry.act == "statement"
                    and set(c.entry.frames) <= {"clause", "quote", "passive_to", "passive_as", "passive_np"})
           for x in v.children):
        return None
    if not a.quote_tail and any(x.dep_ == "xcomp" and x.tag_ == "VBG" and x.i > v.i for x in v.children):
        return None  # 'he reported earning $12 million': a gerund after the cue is its content
    if not a.quote_tail and (opening_participle(c) and not subject_before_cue(a) or
                             not a.parenthetical and adverbial_opener(c)):
        return None  # 'Asked if he was bullied, the candidate said no', 'If they met, neither would say so'
    if a.quote_tail and opening_participle(c) and message_object(c) is not None:
        return None  # ('Asked if she is "fit to lead," most said yes': so with a quotation in it, before the answer)
    s, e = _tok_start(before[0]), _tok_end(before[-1])
    lead = re.search(r"(\w+)\W*(?:[:—–]|--|\s-)\s*$", c.f.text[s:c.q_before[0]]) if a.quote_tail and c.q_before and \
        c.q_before[0] > s else None
    if a.quote_tail and c.q_before and c.q_before[0] > s and re.search(r"[,;]\s*$", c.f.text[s:c.q_before[0]]) and any(
            _tok_start(t) < c.q_before[0] and not _tok_in_quote(t) and is_cue_verb(t) and
            quote_ending_at(c.f, _tok_start(min([t] + [x for x in t.children if x.dep_ == "nsubj"], key=lambda x: x.i)))
            for t in before):
        # '"Too late," he said, and after the vote, "next year, then," said Morrow': a quotation with its own
        # tail attribution before the quotation this tail closes; this tail attributes its quotation alone
        return c.q_before, "verb:tail"
    if lead and not any(_tok_start(t) == s + lead.start(1) and is_cue_verb(t) for t in before):
        # 'Hart hinted he had silenced her: "She signed an agreement," he told the paper': the quotation a
        # colon or dash sets off is what the tail attributes, not the reporter's clause before it
        return c.q_before, "verb:tail"
    if a.quote_tail and c.q_before and introduced_by_a_cue(c, s):
        # 'Morrow said the vote was close but added, "We will win," Morrow said': the cue verb and comma before the
        # quotation introduce it and make it their claim; the tail only names the speaker again (and the words
        # before the quotation are that cue's clause, not this tail's)
        return None
    runs_on = quotation_runs_on(c) if a.quote_tail and c.q_before else None
    if runs_on is not None:
        return (s, runs_on), "verb:tail"
    joined = None if a.quote_tail or a.parenthetical else clause_after_an_attribution(c, before)
    if joined is not None:
        return (_tok_start(joined), e), "verb:tail"
    if a.leftover and not a.quote_tail and (a.parenthetical or any(t.dep_ == "ccomp" or (t.pos_ == "VERB" and t.dep_ in ("conj",))
                                                                   for t in a.after)):
        return (clause_start(a, before, s), parenthetical_end(a, before)), "verb:parenthetical"
    return (s, e), "verb:tail"


def introduced_by_a_cue(c: "VerbCue", s: int) -> bool:
    """Does a verb of speech of the tail's own speaker, in the past or present tense and outside quotation marks,
    introduce with a comma the quotation that the tail closes ('Morrow ... added, "We will win," Morrow said'; not
    another's, '... Morrow said, "No," the Ledger reported', nor a passive, 'Ray, as he was nicknamed, "..."')?"""
    m = re.search(r"(\w+),\s*$", c.f.text[s:c.q_before[0]])
    if m is None or c.subj is None:
        return False
    t = next((t for t in c.before if _tok_start(t) == s + m.start(1)), None)
    if t is None or t.tag_ not in ("VBD", "VBZ", "VBP") or _tok_in_quote(t) or not is_cue_verb(t) or \
            VERBS[t.lemma_.lower()].act != "statement" or any(x.dep_ in ("auxpass", "nsubjpass", "mark") for x in t.children):
        return False
    own = subject_of(t)
    return own is not None and (c.subj.pos_ == "PRON" or c.subj.lower_ in {x.lower_ for x in own.subtree})


def clause_after_an_attribution(c: "VerbCue", before: list[Token]) -> Optional[Token]:
    """'Other members said they back the levy, but they would not campaign for it, the clerk said': a sentence that
    opens with an attribution of its own (a cue verb whose subject opens it, with a that-clause it ends before a
    comma), and goes on with a clause of another subject joined by 'but' or 'and': the tail attributes that last
    clause, the first is its own cue's. The first word of that clause, or None."""
    first = next((t for t in before if not t.is_punct), None)
    if first is None:
        return None
    for t in before:
        if t.i == c.v.i or not is_cue_verb(t) or _tok_in_quote(t) or \
                not any(x.dep_ == "nsubj" and x.left_edge.i == first.i for x in t.children):
            continue
        comp = complement_of(t)
        if comp is None or comp.i < t.i:
            return None
        for x in t.children:
            if x.dep_ == "conj" and x.i > comp.right_edge.i and x.left_edge.i > 0 and \
                    c.doc[x.left_edge.i - 1].dep_ == "cc" and c.doc[x.left_edge.i - 2].text == "," and \
                    any(g.dep_ in ("nsubj", "nsubjpass", "expl") and g.lower_ not in REL_PRONOUNS for g in x.children):
                return x.left_edge
        return None
    return None


def own_phrase_after(c: "VerbCue") -> bool:
    """'While rivals blame the weather, Morrow points to the budget', 'On the "Harbor Hour," Lowell pointed to the
    flood': a cue that takes neither a quotation nor a that-clause, with the object of one of its prepositions right
    after it (not a time), says that phrase; what stands before it is no quotation or clause that it closes."""
    v = c.v
    if {"clause", "quote"} & set(c.entry.frames) or not c.entry.preps:
        return False
    return any(x.dep_ == "prep" and x.i == v.i + 1 and x.lower_ in c.entry.preps and
               any(g.dep_ in ("pobj", "pcomp") and not is_time(g) for g in x.children) for x in v.children)


def clause_start(a: Around, before: list[Token], s: int) -> int:
    """Where the clause a cue set off in the sentence reports starts: after the conjunction whose conjunct the cue
    interrupts (``interrupted_conjunct``; the words after the cue when nothing else follows the conjunction), after
    a dash that follows another cue's clause (``after_reported_dash``), or at s."""
    conjunct = interrupted_conjunct(a, before)
    if conjunct is not None:
        s = _tok_start(conjunct if conjunct.text != "," else
                       next(t for t in a.after if not t.is_punct or t.text in QUOTE_TOKENS))
    rel = relative_opener(a, before)
    if rel is not None:
        s = max(s, _tok_start(rel))
    dash = after_reported_dash(before)
    return s if dash is None else max(s, dash)


def after_reported_dash(before: list[Token]) -> Optional[int]:
    """'Morrow said the delay was routine — no worse, she said, than last year's': a parenthetical whose opener
    follows a dash after another cue's clause starts after that dash (the words before it are that cue's); where,
    or None."""
    dash = next((t for t in reversed(before) if is_dash(t) and not _tok_in_quote(t)), None)
    if dash is None or dash.i + 1 >= before[-1].i or not any(
            x.i < dash.i and x.tag_ in ("VBD", "VBZ", "VBP") and is_cue_verb(x) and not _tok_in_quote(x) for x in before):
        return None
    return _tok_start(dash.doc[dash.i + 1])


def opening_participle(c: "VerbCue") -> bool:
    """Is all before the attribution clause a participle clause of the cue with no subject of its own
    ('Asked whether ..., she said no', 'Pressed on the point, he said yes')?"""
    words = [t for t in c.before if not t.is_punct]
    return bool(words) and any(
        x.dep_ == "advcl" and x.i < c.v.i and x.tag_ in ("VBN", "VBG", "VBD") and x.i == words[0].i and
        not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in x.children) and
        all(t.i in {s.i for s in x.subtree} for t in words) for x in c.v.children)


def adverbial_opener(c: "VerbCue") -> bool:
    """Is all before the attribution clause one adverbial of the cue verb itself, a clause opened by a subordinator or
    a prepositional phrase, with no clause of its own subject after a comma in it ('If the two met, neither would say
    so', 'On the day of the vote, the board did not ask her about it')? It tells when or on what terms the source
    spoke, not what was said (which, with a main clause in it, the parser may have hung inside the adverbial)."""
    words = [t for t in c.before if not t.is_punct]
    if not words or any(t.text == "," and clause_after_comma(t, words[-1]) for t in c.before):
        return False
    return any(x.i < c.v.i and x.left_edge.i == words[0].i and x.right_edge.i >= words[-1].i and
               (x.dep_ == "advcl" and (x.left_edge.dep_ == "mark" or x.left_edge.tag_ == "WRB") or x.dep_ == "prep")
               for x in c.v.children)


def clause_after_comma(comma: Token, last: Token) -> bool:
    """Does a clause follow the comma (up to last): a subject right after it, of a finite verb (or auxiliary)?"""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(
        x.dep_ in ("nsubj", "nsubjpass", "expl") and x.left_edge.i == comma.i + 1
        for x in (t.head if t.dep_ in ("aux", "auxpass") else t).children)
        for t in comma.doc[comma.i + 1: last.i + 1])


def complement(c: "VerbCue") -> Optional[Span_]:
    """'X said (that) ...': the clausal complement after the cue, to where the reported content ends."""
    v, comp = c.v, c.comp
    if not (comp is not None and comp.i > v.i and takes_clause_frame(c.lem)) or main_clause_read_as_complement(v, comp):
        return None
    lo = _content_first(comp)
    if lo.i < v.i and (subject_of_a_clause_after(v) is not None or clause_after_a_modifier(v) is not None):
        lo = past_the_cue(v)  # the clause's subject was read as the cue's: the content starts after the cue's phrase
    # a subjectless complement after an object (or a noun the parser read as an adverb) it took from it (headline
    # style: "Official warns inflation fight is not over"; 'said the years when ... are over'): that noun is the
    # complement's subject
    if not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in comp.children):
        obj = next((x for x in v.children if x.dep_ in ("dobj", "npadvmod") and v.i < x.i < comp.i and x.i not in c.rec_idx
                    and x.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None and obj.left_edge.i < lo.i:
            lo = obj.left_edge
    prev = c.doc[lo.i - 1] if lo.i > v.i + 1 else None
    if prev is not None and prev.text in QUOTE_TOKENS and not prev.whitespace_ and c.doc[prev.i - 1].whitespace_:
        lo = prev  # 'said "fake news" was a problem': the parser hung the opening mark on the cue
    e = forward_end(c.f, c.sent, v, lo)
    if getattr(question_hung_after(v), "i", None) == comp.i:
        # (a question the parser hung on a clause above the cue's ends with its own words: 'when I asked him if he
        # would run, he laughed')
        e = min(e, _tok_end(c.doc[last_word(c.doc, lo.i, comp.right_edge.i, cc=False)]))
    return (_tok_start(lo), e), "verb:complement"


def main_clause_read_as_complement(v: Token, comp: Token) -> bool:
    """'Since the rancher announced his bid, the town has changed': a cue opened by a subordinator of circumstance
    (``CIRCUMSTANCE_SUBORDINATORS``) that the parser made the sentence's root, with the main clause after a comma hung
    on it as its complement. That clause is not what the cue reports."""
    return v.dep_ == "ROOT" and any(x.dep_ == "mark" and x.i < v.i and x.lower_ in CIRCUMSTANCE_SUBORDINATORS
                                    for x in v.children) and any(t.text == "," for t in v.doc[v.i + 1:comp.i])


def misparsed_clause(c: "VerbCue") -> Optional[Span_]:
    """'said [the findings] [held] ...': a verb that takes only clauses has a clause here, which the
    parser read as an object with a participle."""
    v = c.v
    if c.lem not in CLAUSE_ONLY and not pronoun_read_as_object(c) or c.lem in ("tell", "inform", "brief", "assure", "ask"):
        return None
    objs = [x for x in v.children if x.dep_ == "dobj" and x.i > v.i and x.i not in c.rec_idx]
    pred = predicate_after(v, objs[0]) if objs else None
    if pred is None and not any(g.dep_ in ("acl", "relcl") and g.tag_ in ("VBD", "VBN") and g.i > x.i
                                for x in objs for g in x.children):
        return None
    lo = objs[0].left_edge
    e = forward_end(c.f, c.sent, v, lo)
    if pred is not None:
        # (the clause ends with its predicate's phrase, wherever the parser hung it: 'who feared the levy would
        # close the mill' is not cut where the relative clause the parser saw ends)
        e = max(e, _tok_end(c.doc[last_word(c.doc, lo.i, pred.right_edge.i, cc=False)]))
    return (_tok_start(lo), e), "verb:complement"


def pronoun_read_as_object(c: "VerbCue") -> bool:
    """'ended the meeting by announcing it would buy more bonds': a verb of speech that takes a noun phrase, whose
    object is a pronoun that can be a subject (``SUBJECT_PRONOUNS``) with a predicate right after it that the
    parser hung elsewhere. The pronoun is that predicate's subject."""
    obj = next((x for x in c.v.children if x.dep_ == "dobj" and x.i > c.v.i and x.i not in c.rec_idx), None)
    return obj is not None and obj.lower_ in SUBJECT_PRONOUNS and says_a_noun(c.entry) and \
        predicate_after(c.v, obj) is not None


def predicate_after(v: Token, obj: Token) -> Optional[Token]:
    """'saying [a county levy on ferries] [is hurting] trade', 'stating [the towns - not the state -] [are] in charge':
    a predicate right after the object (past the dash closing an aside), with no subject of its own, that the parser
    hung elsewhere in the sentence. The object is its subject; the clause is what the verb reports."""
    doc = obj.doc
    k = obj.right_edge.i + 1
    if k < obj.sent.end and doc[k].text in DASH_TOKENS:
        # past an aside the dashes close ('the towns – and not the state – are'), however the parser hung it
        k = next((j + 1 for j in range(k + 1, min(k + 12, obj.sent.end)) if doc[j].text in DASH_TOKENS), k)
    while k < obj.sent.end and doc[k].text in DASH_TOKENS:
        k += 1
    if k >= obj.sent.end or doc[k].tag_ not in ("VBZ", "VBP", "VBD", "MD"):
        return None
    first = doc[k]
    pred = first.head if first.dep_ in ("aux", "auxpass") and first.head.i > first.i else first
    if pred.pos_ not in ("VERB", "AUX") or pred.i in {t.i for t in obj.subtree} or pred.i == v.i or pred in v.ancestors or \
            pred.dep_ == "conj" and pred.head.i == v.i or \
            any(x.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for x in pred.children):
        return None  # ('said a prayer and left': the subject's next act)
    return pred


def message_object(c: "VerbCue") -> Optional[Span_]:
    """A message for an object ('told the story of how ...', 'said the same', 'said yes'), or a gerund
    ('recalled sitting in on the talks', 'reported spending $6 million')."""
    if c.lem not in CLAUSE_ONLY:
        return None
    # (an answer the parser made an interjection or subject: 'said no', 'said the same')
    obj = next((x for x in c.v.children if x.i > c.v.i and x.i not in c.rec_idx and (
        x.dep_ in ("dobj", "xcomp") and (x.lemma_.lower() in MESSAGE_NOUNS or x.lower_ in MESSAGE_NOUNS or x.tag_ == "VBG") or
        x.dep_ in ("intj", "nsubj") and (x.lemma_.lower() in MESSAGE_NOUNS or x.lower_ in MESSAGE_NOUNS) or
        x.dep_ == "advmod" and x.i == c.v.i + 1 and x.lower_ in ANAPHORIC_ANSWERS)), None)
    if obj is None:
        return None
    sub = list(obj.subtree)
    # (and the phrase that says what it was about, which the parser hangs on the verb: 'said no to the levy',
    # 'has said little about the audit')
    hi = hung_noun_modifiers(c.v, sub[-1]) if sub[-1].i == obj.i else gerund_phrase_end(obj, sub[-1])
    return (_tok_start(sub[0]), _tok_end(hi)), "verb:object"


def gerund_phrase_end(obj: Token, hi: Token) -> Token:
    """'recalled closing the mill and signed the order', 'proposed closing it and has since gone further': a gerund
    reported as the message ends before a finite verb with no subject of its own that the parser coordinated with
    it. A gerund cannot share a tense, so that verb is the source's next act, not part of what was said."""
    if obj.tag_ != "VBG":
        return hi
    nxt = next((x for x in obj.children if x.dep_ == "conj" and verb_form(x) in ("past", "present") and not _tok_in_quote(x) and
                not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in x.children)), None)
    if nxt is not None:
        return obj.doc[last_word(obj.doc, obj.i, nxt.left_edge.i - 1)]
    k = hi.i  # (nor on a conjunction the parser left on the gerund when it hung the next verb on the cue)
    while k > obj.i and (obj.doc[k].dep_ == "cc" or obj.doc[k].text == ","):
        k -= 1
    return obj.doc[k]


def object_content(c: "VerbCue") -> Optional[Span_]:
    """'denied the report', 'described the plan as reckless', 'called for a ceasefire', 'raised concerns
    about ...', 'expressed regret for ...': the object (or what a feeling is about), to the end of the phrase."""
    v, lem = c.v, c.lem
    if not (lem in OBJECT_CONTENT or lem in CONCERN_VERBS):
        return None
    objs = content_objects(c)
    if not objs:
        return None
    lo = min((t for o in objs for t in o.subtree if not (t.dep_ == "mark" and t.head.i == o.i)), key=lambda t: t.i)
    s = _tok_start(lo)
    e = forward_end(c.f, c.sent, v, lo)
    if not any(o.dep_ in ("ccomp", "xcomp") for o in objs):
        e = min(e, _tok_end(noun_object_end(c, objs, lo)))
    elif not any(o.dep_ == "ccomp" for o in objs):
        # an infinitive ends with its phrase, before a finite verb the parser coordinated with it, which is
        # the subject's next act: 'urged the party to unite and tried to make the case ...'
        finite = [x for o in objs for x in o.children if x.dep_ == "conj" and x.tag_ in ("VBD", "VBZ", "VBP")]
        cut = {t.i for x in finite for t in x.subtree}
        hi = max((t for o in objs for t in o.subtree if t.i not in cut and not (finite and t.i > min(cut))),
                 key=lambda t: t.i)
        hi = c.doc[last_word(c.doc, lo.i, hi.i)]
        e = min(e, _tok_end(hi))
        verb = next((o for o in objs if o.dep_ == "xcomp"), None)
        listed = verbs_listed_after(hi, verb) if verb is not None and not finite else hi
        if listed.i > hi.i:
            e = max(e, _tok_end(listed))
    cut = next((t for t in c.doc[lo.i + 2: c.sent.end] if _tok_start(t) < e and phrase_participle_after(t)), None)
    if cut is not None:
        hi = c.doc[cut.i - 1]
        hi = c.doc[last_word(c.doc, lo.i, hi.i, cc=False)]
        e = min(e, _tok_end(hi))
    return (s, e), "verb:object"


def content_objects(c: "VerbCue") -> list[Token]:
    """The phrases after the cue that hold its content: its object (or clause, infinitive, predicate), the demand
    of 'call for', the named thing of 'called X Y', or what a feeling is about ('raised concerns about')."""
    v, lem = c.v, c.lem
    # (a handle after the cue is whom the post is addressed to: 'tweets @jdoe that ...'; 'promised Sunday at a
    # rally to end ...': a time the parser took for the object is none)
    # (a verb with the frame 'to' reads its infinitive there: 'expects a close vote', but 'is expected to win' is
    # the passive the frame 'passive_to' reads)
    objs = [x for x in v.children if x.dep_ in ("dobj", "oprd", "xcomp", "ccomp") and x.i > v.i and x.i not in c.rec_idx
            and (x.lemma_.lower() not in CONCERN_NOUNS or lem not in CONCERN_VERBS) and not x.text.startswith("@")
            and not (x.dep_ == "dobj" and is_time(x)) and not (x.dep_ == "xcomp" and "to" in c.entry.frames)
            and not (c.entry.act == "finding" and x.dep_ == "dobj" and x.tag_ in ("DT", "IN", "WDT") and not list(x.children))
            and not set_off_comment(x) and not (x.dep_ == "ccomp" and main_clause_read_as_complement(v, x))]
    # (what a record shows or a poll finds is never a bare demonstrative: 'The ferry log shows this: ...')
    if c.entry.names and not any(x.dep_ == "oprd" for x in v.children):
        # 'called for a ceasefire', 'called for banning imports', 'called on the board to resign', and a
        # name the parser joined to its object ('called the move "a disaster"')
        objs = call_objects(v) + [x for x in v.children if x.dep_ == "xcomp"]
        named = naming_object(v)
        if not objs and named is not None:
            objs = [named]
            after = name_after(v, named)
            objs += [after] if after is not None else []
    if lem in CONCERN_VERBS:
        nouns = [x for x in v.children if x.dep_ == "dobj" and x.lemma_.lower() in CONCERN_NOUNS]
        objs = [g for n in nouns for g in n.children if g.dep_ == "prep" and g.lower_ in ("about", "over", "that")]
        if not objs and lem != "raise":
            # "expressed support for the plan", "voiced regret for ...": the feeling and what it is about
            objs = [x for x in v.children if x.dep_ == "dobj" and x.i > v.i]
    return objs


def noun_object_end(c: "VerbCue", objs: list[Token], lo: Token) -> Token:
    """The last token of a noun-phrase content: it ends with the phrase ('announced the partnership after cutting
    ties ...', 'confirmed the meeting on condition of anonymity'), and what is said of it ('described the plan as
    reckless'); a belief keeps its time, a finding what the parser hung on the verb about its object."""
    v, lem = c.v, c.lem
    preds = [x for x in v.children if x.i > lo.i and (x.dep_ == "oprd" or as_clause_predicate(x) or x.dep_ == "prep" and (
        x.lower_ == "as" or x.lower_ in VERBS[lem].preps or
        # what a feeling is about: 'expressed regret for ...', 'voiced concern over ...'
        lem in ("express", "voice") and x.lower_ in ("for", "about", "over", "at", "with", "toward", "towards")))]
    hi = max((t for o in objs + preds for t in o.subtree), key=lambda t: t.i)
    if not preds:
        hi = object_tail(v, listed_after(hung_noun_modifiers(v, hi)))
    hi = possessed_end(hi)
    if c.entry.act == "belief":
        # what one expects is a state of things and its time: 'expects a deal before the spring', 'expects a
        # ruling in May'
        for x in sorted(v.children, key=lambda x: x.i):
            if x.i > hi.i and x.left_edge.i == hi.i + 1 and x.dep_ in ("prep", "npadvmod", "advmod"):
                hi = max(x.subtree, key=lambda t: t.i)
    if c.entry.act == "finding":
        # what a poll or record shows is a state of things: the object and what is said of it, which the
        # parser hangs on the verb ('shows the mayor well ahead', 'showed her with 40 percent', 'shows him
        # leading'), up to a time ('showed a tie on Tuesday')
        for x in sorted(v.children, key=lambda x: x.i):
            if x.i > hi.i and x.left_edge.i == hi.i + 1 and x.dep_ in ("advmod", "prep", "acl", "xcomp", "ccomp", "acomp") \
                    and not is_time(x) and not any(is_time(g) for g in x.children if g.dep_ == "pobj"):
                hi = max(x.subtree, key=lambda t: t.i)
    return colon_elaboration(hi)


def fronted_as(v: Token) -> Optional[Token]:
    """'the fair, which she describes as the best in the state', 'what critics see as a giveaway', 'a loan which
    the auditors considered far too costly': a verb that says what something is taken for ('as' or a predicate: the
    frames 'np_as' and 'passive_as'), its object the relative pronoun before it. The 'as' phrase or predicate."""
    entry = VERBS.get(v.lemma_.lower())
    if entry is None or not ({"np_as", "passive_as"} & set(entry.frames)) or \
            any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or \
            not any(c.dep_ in ("dobj", "obj") and c.i < v.i and (c.lower_ in REL_PRONOUNS or c.lower_ == "what" or
                                                               c.tag_ in ("WP", "WDT")) for c in v.children) and \
            not (v.dep_ == "relcl" and not any(c.dep_ in ("dobj", "obj") for c in v.children)):
        # (a relative clause with no object of its own: its object is the antecedent, 'one he calls "a fair deal"')
        return None
    return next((c for c in v.children if c.i > v.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as" and
                                                         any(g.dep_ in ("pobj", "pcomp", "amod", "acomp") for g in c.children)
                                                         or c.dep_ == "advcl" and c.left_edge.lower_ == "as")), None)


def relative_as(c: "VerbCue") -> Optional[Span_]:
    """'the fair, which she describes as the best in the state': what the source takes the antecedent for."""
    pred = fronted_as(c.v)
    if pred is None or c.layout_only:
        return None
    hi = pred.right_edge
    hi = c.doc[last_word(c.doc, pred.i, hi.i)]
    return (_tok_start(pred.left_edge), _tok_end(hi)), "verb:relative_as"


def frame(c: "VerbCue") -> Optional[Span_]:
    if c.layout_only or c.quote_after:
        return None
    span = phrase_of(c)
    return (span, "verb:frame") if span is not None else None


def phrase_of_preposition_after(c: "VerbCue") -> bool:
    """'After the court refused to rule, the clerk asked the state board for a hearing': a verb of speech that
    also takes a preposition's object (frame 'prep') and has one of its own prepositions after it says that, not the
    phrase or clause of circumstance before it; a clause the parser hung on it as its complement stays what it reports
    ('The levy is fair, Morrow agreed with the mayor')."""
    v = c.v
    if "prep" not in c.entry.frames or not any(x.dep_ == "prep" and x.i > v.i and x.lower_ in c.entry.preps
                                                for x in v.children):
        return False
    if any(x.dep_ in ("ccomp", "parataxis") and x.i < v.i for x in v.children):
        return False
    phrase = phrase_of(c)
    return phrase is not None and phrase[0] > _tok_start(c.v)


def phrase_of(c: "VerbCue") -> Optional[tuple[int, int]]:
    """The cue's frame content (``frame_content``), read once for the tail test and the frame layout."""
    if not c.phrase_read:
        c.phrase, c.phrase_read = frame_content(c.f, c.v, c.entry, c.rec_idx), True
    return c.phrase


def passive_agent(c: "VerbCue") -> Optional[Span_]:
    """'The ban was first reported by BuzzFeed', 'the deal was confirmed by two officials': a statement
    verb that takes a noun phrase, in the passive with its agent; the passive subject is the content. So for a
    verdict ('The levy was rejected by most voters'), with what it is for ('The plan was criticized by the
    council for its cost')."""
    v = c.v
    if not any(x.dep_ == "agent" for x in v.children):
        return None
    n = next((x for x in v.children if x.dep_ == "nsubjpass" and x.i < v.i), None)
    if n is not None and c.entry.act == "evaluation" and ({"np", "object"} & set(c.entry.frames)) and not _tok_in_quote(n) \
            and n.lower_ not in REL_PRONOUNS and n.tag_ not in ("WP", "WDT") and \
            not ("passive_as" in c.entry.frames and passive_predicate(v) is not None):
        # 'The plan was criticized by the council for its cost', 'He was accused by a rival of lying': the passive
        # subject and what it is blamed or praised for (of a pronoun, only what it is blamed for); not the
        # antecedent of a relative clause, which the clause describes
        what = passive_phrase(v)
        bare = n.pos_ == "PRON"
        if what is None and bare:
            return None
        lo = what.left_edge if bare else n.left_edge
        hi = max(what.right_edge.i if what is not None else n.right_edge.i, n.right_edge.i)
        hi = last_word(c.doc, lo.i, hi)
        if what is not None and what.left_edge.i == lo.i:
            lo = c.doc[lo.i + 1]  # the phrase without its preposition: 'accused of lying' -> 'lying'
        return (_tok_start(lo), _tok_end(c.doc[hi])), "verb:passive"
    if n is None or n.lower_ in REL_PRONOUNS or n.pos_ == "PRON" or _tok_in_quote(n):
        return None
    sub = list(n.subtree)
    pred = passive_predicate(v) if "passive_as" in c.entry.frames else None
    if pred is None and "passive_as" in c.entry.frames:
        # 'was seen by some as a snub': the parser hangs 'as' on the agent
        pred = next((p for a in v.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                     for p in g.children if p.dep_ == "prep" and p.lower_ == "as" and p.i > g.i), None)
    if pred is not None and pred.i > n.i:
        # 'The plan was seen by critics as a giveaway': the passive subject and what the agent holds of it
        return (_tok_start(sub[0]), _tok_end(pred.right_edge)), "verb:passive"
    if c.entry.act != "statement" or not ({"np", "object"} & set(c.entry.frames)):
        return None
    return (_tok_start(sub[0]), _tok_end(sub[-1])), "verb:passive"


def unstated_passive(c: "VerbCue") -> Optional[Span_]:
    """'The vote is widely expected to pass', 'delegates who are expected to back him': the passive subject
    and the infinitive, held by no one the sentence names; 'The price was not disclosed': the passive subject."""
    if not c.unstated:
        return None
    v = c.v
    n = next((x for x in v.children if x.dep_ == "nsubjpass"), None)  # (none for a passive sharing the subject of
    # the verb it is coordinated with: 'is touring the county but is expected to veto it': the infinitive alone)
    inf = passive_infinitive(v) if "passive_to" in c.entry.frames else None
    inf = inf if inf is not None else passive_predicate(v)
    if inf is None and "passive_np" in c.entry.frames:
        inf = passive_phrase(v)  # 'He was widely criticized for the delay'
    if inf is None and "passive_subject" in c.entry.frames:
        n = bare_passive_subject(v)  # 'The price was not disclosed': the subject alone
        if n is not None:
            # (of a participle, the noun's phrase up to it: 'the deal | announced Friday'; after it before the noun:
            # 'the newly announced | merger')
            hi = v.left_edge.i - 1 if v.dep_ == "acl" else n.right_edge.i
            lo = c.doc[v.i + 1] if v.dep_ == "amod" else n.left_edge
            return (_tok_start(lo), _tok_end(c.doc[last_word(c.doc, lo.i, hi)])), "verb:unstated_passive"
    if inf is None:
        return None
    lo = inf.left_edge if n is None else n if n.lower_ in REL_PRONOUNS else n.left_edge
    hi = inf.right_edge
    if inf.dep_ != "xcomp":
        # 'is seen as the candidate | with the best chance': what the parser hung on the verb after its predicate
        for x in v.children:
            if x.i > hi.i and x.dep_ in ("prep", "advmod", "npadvmod", "acomp", "pobj", "xcomp") and x.i == hi.i + 1:
                hi = x.right_edge
    hi = c.doc[last_word(c.doc, inf.i, hi.i, cc=False)]
    return (_tok_start(lo), _tok_end(hi)), "verb:unstated_passive"


def said_noun(c: "VerbCue") -> Optional[Span_]:
    """'a call echoed by the Ledger', 'a detail she often mentions': the noun a participle with its agent or a relative
    clause modifies, up to it; 'the charges, which the mayor denies': the relative pronoun. What a verb of speech that
    takes a noun phrase said."""
    if c.layout_only or not says_a_noun(c.entry):
        return None
    pron = relative_object_pronoun(c.v)
    if pron is not None:
        return (_tok_start(pron), _tok_end(pron)), "verb:relative_object"
    n = agent_participle_noun(c.v) or reduced_relative_noun(c.v)
    if n is None or _tok_in_quote(n):
        return None
    hi = last_word(c.doc, n.left_edge.i, c.v.left_edge.i - 1)
    return (_tok_start(n.left_edge), _tok_end(c.doc[hi])), "verb:summary_noun"


def quote_after(c: "VerbCue") -> Optional[Span_]:
    """'"A," he said, "B," he added, "C."': the quote before went with the first cue; this one takes C."""
    return (c.q_after, "verb:quote_after") if c.quote_after and c.q_after else None


def introduced(c: "VerbCue") -> Optional[Span_]:
    if not c.q_intro:
        return None
    bare = not re.search(r"[:,]", c.f.text[_tok_end(c.doc[c.attr_hi]):c.q_intro[0]])
    return c.q_intro, ("verb:quote_object" if bare else "verb:colon_quote")


# In order: the first layout that fits gives the claim.
EARLY: tuple[Callable, ...] = (as_clause, relative)
LAYOUTS: tuple[Callable, ...] = (said_noun, unstated_passive, relative_as, opener_parenthetical, tail, complement,
                                 misparsed_clause, message_object, object_content, frame, passive_agent, quote_after, introduced)


def first_layout(c: "VerbCue") -> Optional[Span_]:
    """The content and rule of the first layout that fits the cue, or None."""
    c.q_intro = introduced_quote(c.f, c.doc, c.attr_hi, c.lem, c.layout_only)
    early = None
    for layout in EARLY:
        early = layout(c)
        if early is STOP:
            return None
        if early is not None:
            break
    before = quote_before(c)  # the quotation before a sentence of its own wins over an as- or relative clause
    if before is not None or early is not None:
        return before or early
    for layout in LAYOUTS:
        found = layout(c)
        if found is not None:
            return with_qualifier(c, found) if found[1] in QUALIFIED_RULES else found
    return None


# The layouts whose content follows the cue, so that what the parser hung on the verb right after it may go on it
QUALIFIED_RULES = frozenset(("verb:complement", "verb:object", "verb:frame"))


def with_qualifier(c: "VerbCue", found: Span_) -> Span_:
    """A content after the cue with the condition, naming phrase or degree's infinitive the parser hung on the verb
    right after it (``qualifier_after``): 'would back the levy if the audit clears', 'never mentioned the mayor by
    name'."""
    (s, e), rule = found
    hi = next((t for t in c.sent if _tok_end(t) == e and t.i > c.v.i), None)
    if hi is None:
        return found
    q = qualifier_after(c.v, hi)
    return ((s, _tok_end(q)), rule) if q.i > hi.i else found


def as_clause_content(f: "Finder", v: Token, sent: Span) -> Optional[tuple[int, int]]:
    """'As the mayor noted, prices rose', '..., as police have said', 'As one aide put it, "..."': a
    cue in an as-clause attributes the main clause it is set off from by a comma (also an as-clause the parser read
    as a complement of the main clause's verb, or as the sentence's root with the main clause under it)."""
    main = main_clause_under_as(v)
    if v.dep_ not in ("advcl", "ccomp") and main is None or \
            not any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children) or \
            any(c.dep_ in ("ccomp", "xcomp") and (main is None or c.i != main.i) for c in v.children):
        return None
    lem = v.lemma_.lower()
    if lem != "put" and (lem not in VERBS or VERBS[lem].act not in ("statement", "finding", "belief") or
                         not takes_clause_frame(lem) or
                         any(c.dep_ in ("dobj", "obj") for c in v.children) and recipient_of(v) is None):
        return None  # 'As he campaigned in Iowa, ...', 'as she denounced the tests', 'As the mayor spoke, the crowd
        # cheered' (a verb that takes no clause reports none): a time, not a source
    doc = v.doc
    lo, hi = v.left_edge.i, v.right_edge.i if main is None else main.left_edge.i - 1
    if doc[hi].text in QUOTE_TOKENS and hi - 1 > v.i and doc[hi - 1].text in (",", ":") and \
            not any(t.text in QUOTE_TOKENS for t in doc[v.i: hi]):
        hi -= 1  # ('as one clerk put it, "...'): the opening quote mark the parser hung on the as-clause's verb
    if doc[hi].text == "," and hi > v.i:
        hi -= 1  # the comma that closes the as-clause, which the parser may hang on its verb
    hi = as_clause_adjunct_end(v, hi)
    # a preposed as-clause opens the sentence, or follows a conjunction ('But as one reporter noted, ...',
    # '..., and as the director noted, ...'): the content is what follows it
    opening = all(t.is_punct or t.pos_ in ("CCONJ", "ADV") for t in doc[sent.start: lo]) or \
        lo - 1 > sent.start and doc[lo - 1].dep_ == "cc" and doc[lo - 2].text == ","
    if hi + 1 < sent.end and doc[hi + 1].text in (",", ":") and opening:  # ('As one aide put it: "..."')
        rest = [t for t in doc[hi + 2: sent.end] if not (t.is_punct and t.text not in QUOTE_TOKENS)]
    elif hi + 1 < sent.end and doc[hi + 1].text == "," and v.head.i > hi + 1 and lo > sent.start and doc[lo - 1].text == ",":
        # set off by commas before the clause it modifies, inside the sentence ('The board met, and given that,
        # as the Ledger reported, the clerk had quit, ...'): the content is that clause, after it
        rest = [t for t in v.head.subtree if t.i > hi + 1 and not (t.is_punct and t.text not in QUOTE_TOKENS)]
    elif lo > sent.start and doc[lo - 1].text == ",":
        rest = [t for t in doc[sent.start: lo - 1] if not (t.is_punct and t.text not in QUOTE_TOKENS)]
    else:
        return None
    if len(rest) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return _tok_start(rest[0]), _tok_end(rest[-1])


def main_clause_under_as(v: Token) -> Optional[Token]:
    """'As one clerk put it, "there was little to worry about."' parsed with 'put' as the root: the main clause's
    verb, which the parser hung on the as-clause's verb after its comma, or None."""
    if v.dep_ != "ROOT":
        return None
    doc = v.doc
    return next((c for c in v.children if c.dep_ in ("advcl", "ccomp") and c.left_edge.i > v.i + 1 and
                 doc[c.left_edge.i - 1].is_punct), None)


def as_clause_adjunct_end(v: Token, hi: int) -> int:
    """The last word of an as-clause whose closing time phrase the parser hung on the main verb ('As the Ledger
    noted Thursday, ...': 'Thursday' goes with the as-clause, before its comma); hi when there is none."""
    doc, h = v.doc, v.head
    if hi + 1 >= len(doc) or h.i <= hi + 1:
        return hi
    adjunct = doc[hi + 1]
    if adjunct.head.i != h.i or adjunct.dep_ != "npadvmod" or not is_time(adjunct):
        return hi
    end = adjunct.right_edge.i
    return end if end + 1 < h.i and doc[end + 1].text == "," and adjunct.left_edge.i == hi + 1 else hi


RE_BARE_QUOTE = re.compile(BLANK + r"+(?=[\"“‘]|''|``)")
RE_AND_QUOTE = re.compile(rf"{BLANK}*,?{BLANK}*and,?{BLANK}*(?=[\"“‘]|''|``)")
RE_SENTENCE_END = re.compile(r"[.!?]?[ \t]*(?:\n|$|[A-Z\"“‘(<])")


def quotation_joined_by_and(f: "Finder", q: tuple[int, int]) -> tuple[int, int]:
    """'told the crowd, "Stay for the vote," and, "Bring a neighbor."': a second quotation right after 'and' that ends
    the sentence (no tail of its own after it) is more of what the cue introduced; the quotation runs to its end."""
    m = RE_AND_QUOTE.match(f.text, q[1])
    if m is None:
        return q
    q2 = f.speech_quote_at(m.end())
    if q2 is None or q2[0] != m.end() or not RE_SENTENCE_END.match(f.text, q2[1]):
        return q
    return (q[0], q2[1])


def speech_verb_before(doc: Doc, attr_hi: int, end: int) -> bool:
    """A verb of speech of its own right before the comma or colon that opens a quotation after a clause ('the hall
    was ringing with noise when a child shouted, "..."'): the quotation is that verb's, not the clause's."""
    for t in doc[attr_hi + 1:]:
        if _tok_end(t) >= end:
            return _tok_end(t) == end and t.tag_.startswith("VB") and t.lemma_.lower() in VERBS and is_cue_verb(t)
    return False


def introduced_quote(f: "Finder", doc: Doc, attr_hi: int, lem: str, layout: bool = False) -> Optional[tuple[int, int]]:
    """The quotation an attribution clause introduces: 'X said: "..."', 'X said, "..."', and a
    clause ending its paragraph with a colon before a paragraph that opens with a quote."""
    end = _tok_end(doc[attr_hi])
    # past the cue's own adjuncts: 'said Wednesday, "..."', 'said in an interview, "..."'
    v = doc[attr_hi]
    adj = [c for c in v.children if c.i > attr_hi and c.dep_ in ("npadvmod", "advmod", "prep") and
           not touches_quote(c.subtree)]
    if adj:
        end = max(end, max(_tok_end(c.right_edge) for c in adj))
    m = re.compile(rf"{BLANK}*([:,]){BLANK}*(?=[\"“‘]|''|``)").match(f.text, end)
    speech_verb = lem in QUOTE_INTRODUCERS or lem in VERBS and VERBS[lem].act == "statement" and takes_clause_frame(lem)
    if m and layout and not speech_verb and speech_verb_before(doc, attr_hi, m.start()):
        return None
    if m and (speech_verb or layout or m.group(1) == ":"):
        q = f.speech_quote_at(m.end())
        return q if q is None else quotation_joined_by_and(f, q)
    m = RE_BARE_QUOTE.match(f.text, end)
    if m and lem in QUOTE_INTRODUCERS and not layout:
        # no comma or colon: 'the protesters chanted "Bad for you"', 'she declared "What a night!"'
        q = f.speech_quote_at(m.end())
        if q is not None and q[0] == m.end():
            return q
    m = re.compile(rf"{BLANK}*:{BLANK}*\n\s*").match(f.text, end)
    if m and mark_width(f.text, m.end()):
        q = f.speech_quote_at(m.end())
        if q is not None:
            f.quote_paragraphs[q] = f.paragraph_at(q[0])
        return q
    return None
