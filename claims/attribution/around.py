"""What stands around a verb cue's attribution clause (``Around``, read once per cue): the words after it that
may be content, whether the layout is a tail ('..., officials said.') or a parenthetical ('A comic tone, she said,
would ...'), and the opening words before it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from ..lexicon import OCCASION_SUBORDINATORS
from .content import SUMMING_FIRST_WORDS, next_clause, summing_apposition, summing_noun
from .cues import REL_PRONOUNS, is_cue_verb
from .syntax import inverted_source_of_the_clause, tail_read_as_clause
from .text import (DASH_TOKENS, QUOTE_TOKENS, _ends_with_quote, _tok_end, _tok_in_quote, _tok_start, sentence_last_word,
                   to_after_a_noun, touches_quote)

if TYPE_CHECKING:
    from .verbs import VerbCue


def nouns_infinitives(words: list[Token], v: Token) -> set[int]:
    """The tokens of the infinitives among words whose 'to' comes right after a noun past the cue verb v ('on
    condition of anonymity to talk openly', 'with permission to discuss the talks'): what the noun is for, whatever
    verb the parser hung them on."""
    out: set[int] = set()
    for t in words:
        to = to_after_a_noun(t)
        if to is not None and to.i - 1 > v.i and to.i == t.left_edge.i:
            out.update(x.i for x in t.subtree)
    return out


def occasion_after(v: Token, comp: Token) -> bool:
    """'"...," a narrator says as a picture of the stage appears': the clause after the cue that the parser made its
    complement opens with a subordinator of time (occasion_subordinators), which it read as the cue's preposition:
    the occasion of the saying, not what was said."""
    k = v.i + 1
    if comp.i < v.i or k >= len(v.doc):
        return False
    x = v.doc[k]  # (the clause's subject may hang on the subordinator read as a preposition: 'as [a picture] appears')
    return x.lower_ in OCCASION_SUBORDINATORS and x.head.i == v.i and x.dep_ in ("prep", "mark", "advmod") and \
        k <= comp.left_edge.i <= x.right_edge.i + 1


class Around:
    """What stands after the attribution clause, and whether the layout is a tail or a parenthetical."""

    def __init__(self, c: "VerbCue"):
        v, sent, subj, comp = c.v, c.sent, c.subj, c.comp
        before = c.before
        self.after, self.stop = words_after(c)
        after = self.after
        # (a noun's infinitive after the attribution says why or how, not what: '..., the clerk said, on condition
        # of anonymity to talk openly')
        nouns_own = nouns_infinitives(after, v)
        self.after_ok = all(t.is_punct or t.i in nouns_own or t.dep_ in ("npadvmod", "advmod", "prep", "pobj", "det",
                                                                          "compound", "amod", "nummod", "dative", "dobj",
                                                                          "poss", "case", "cc", "conj")
                            and not is_cue_verb(t) and t.dep_ != "ccomp" and not any(x.dep_ == "ccomp" for x in t.children)
                            for t in after)
        # the preposed reported clause of a tail attribution is set off by a comma, quote mark or dash,
        # and the attribution is the main clause ("..., officials said."), not a verb inside the content;
        # after a closing quote mark the layout says so whatever the parse ('"...," Mr. W wrote')
        # (a sentence that opens with the quotation settles it, whatever the parser made of the clause after
        # the cue: '"...," Morrow said as the heckler yelled: "..."', '"...," she declared, her words drowned by ...')
        opens = bool(before) and before[0].text in QUOTE_TOKENS and c.q_before is not None and \
            _tok_start(before[0]) == c.q_before[0] and \
            not (comp is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in comp.children))
        quoted_opener = bool(before) and _ends_with_quote(before) and quoted_opener_then_clause(before, after)
        self.quote_tail = _ends_with_quote(before) and subj is not None and \
            (comp is None or comp.i < c.attr_lo or opens or occasion_after(v, comp)) and not quoted_opener
        # a reported clause has a verb; an opening phrase ('Throughout the night, his family talked about
        # ...', 'But despite his own opposition, Brannock pointed to ...') is the reporter's
        # (so is a clause whose subject the parser hung on the inverted cue: 'The levy signals a long
        # winter, said Dana Morrow')
        clause_before = self.quote_tail or subj is not None and subj.i > v.i and \
            any(x.dep_ == "nsubj" and x.i < v.i for x in v.children) or any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                               for t in before)
        self.tail_ok = bool(before) and before[-1].is_punct and before[-1].text != ":" and \
            not (c.q_intro and not self.quote_tail) and clause_before and (
                v.dep_ in ("ROOT", "parataxis") or (comp is not None and comp.i < c.attr_lo)
                or v.dep_ == "conj" and v.head.dep_ in ("ROOT", "parataxis")
                # "..., manager Erik Larsen confirmed on Monday." read as an adverbial clause: no 'as',
                # 'when' or 'because'
                or v.dep_ == "advcl" and v.head.dep_ in ("ROOT", "parataxis") and v.head.i < v.i and subj is not None
                and subj.i < v.i and subj.head.i == v.i and (not any(x.dep_ == "mark" for x in v.children)
                                                             or tail_read_as_clause(v) is not None)
                or self.quote_tail)
        self.leftover = [t for t in after if not t.is_punct]
        # "A comic tone, she said, would make ...": an attribution set off by commas inside its content
        self.parenthetical = not self.quote_tail and bool(before) and (before[-1].text == "," or quoted_opener) and bool(after) and \
            not participle_opener_then_quote(before, after) and \
            (after[0].text == "," or comma_in_source(c)) and (any(t.pos_ in ("VERB", "AUX") for t in self.leftover) or
                                      # 'It was, he said, one of the worst days': the verb came before the cue
                                      v.dep_ == "parataxis" and any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                                                    for t in before)) and \
            v.dep_ in ("parataxis", "ROOT", "advcl", "conj", "ccomp") and subj is not None and \
            (subj.i < v.i or inverted_source(v, subj)) and \
            not any(x.dep_ == "ccomp" and x.i > v.i and x.i != subj.head.i and not predicate_after_source(x, subj) or x.dep_ == "xcomp" and x.i > v.i and sent.doc[x.left_edge.i - 1].text != ","
                    for x in v.children)
        # ('The worst of it, says Dana Morrow, a nurse, is the waiting'; 'The ferry has no
        # spare crew, the captain admits, to run a night crossing': the infinitive after the comma goes on with the
        # clause before the cue)
        self.opener = [t for t in before if not t.is_punct]


def words_after(c: "VerbCue") -> tuple[list[Token], Optional[int]]:
    """The words after the attribution clause that may still be content, and where a clause coordinated with
    the attribution starts (None when none does): an inverted source's own clause, the cue's phrases and
    adverbial clauses, a second cue of the source, the reporter's dash comment and a missed sentence end are not."""
    v, sent, subj, comp = c.v, c.sent, c.subj, c.comp
    after = [t for t in sent if t.i > c.attr_hi and not t.is_space]
    if subj is not None and subj.i > v.i:
        # an inverted source's relative clause ('says Linda Osei, a scientist who has studied ...')
        # describes the source: it is neither content nor a reason to doubt the attribution
        own = {t.i for t in subj.subtree}
        after = [t for t in after if t.i not in own]
    # a second cue of the same source after the tail ('..., Mendes said, before adding that ...')
    # starts a claim of its own
    nxt = next((t for t in after if t.tag_ == "VBG" and is_cue_verb(t) and
                (t.head.i == v.i or t.head.dep_ == "prep" and t.head.head.i == v.i)), None)
    if nxt is not None:
        after = [t for t in after if t.i < nxt.i and not (t.dep_ == "prep" and t.i == nxt.i - 1)]
    # prepositional phrases of the cue ('..., Waller said in remarks prepared for delivery at a
    # conference in Frankfurt') say where and how it was said: neither content nor a reason to doubt;
    # when the reported clause stands before the cue, nothing after it is content
    comp_before = comp is not None and comp.i < c.attr_lo
    for x in v.children:
        if x.dep_ in ("prep", "npadvmod", "agent") + (("advmod", "acl", "oprd", "ccomp", "xcomp") if comp_before else ()) \
                and x.i > v.i:
            sub = list(x.subtree)
            if comp_before and not (is_cue_verb(x) and x.tag_ == "VBG") or not any(t.dep_ == "ccomp" or is_cue_verb(t)
                                                                               for t in sub):
                own_sub = {t.i for t in sub}
                after = [t for t in after if t.i not in own_sub]
    # an adverbial clause of the cue ('..., X said on Tuesday, as officials weigh ...', '..., said
    # Vesey, asked about her figures') is the reporter's context, not content
    for x in v.children:
        if x.dep_ == "advcl" and x.i > v.i and not is_cue_verb(x):
            sub = {t.i for t in x.subtree}
            after = [t for t in after if t.i not in sub]
    # a clause coordinated with the attribution ('..., Ms. Gil said, and the boys trailed behind';
    # '..., he said; his agents found them') is a sentence of its own: the content stays before
    clause_stop = next_clause(sent, v, c.attr_hi)
    if clause_stop is not None:
        after = [t for t in after if t.i < clause_stop]
    # a dash and a noun phrase after the attribution ('..., the office reported on Tuesday -- a shift
    # that raises new questions') is the reporter's comment on the news, not content
    dash = next((t for t in after if t.text in DASH_TOKENS and t.i + 1 < sent.end and
                 sent.doc[t.i + 1].pos_ in ("DET", "ADJ", "NOUN") and not _tok_in_quote(t)), None)
    if dash is not None and not any(x.text in DASH_TOKENS for x in sent.doc[dash.i + 1: sent.end]) and \
            all(t.is_punct or v in t.ancestors for t in after if t.i < dash.i):
        after = [t for t in after if t.i < dash.i]
    # a noun phrase summing up what was said ('..., a poll finds, a fight that ...') is the reporter's comment
    summing = next((t for t in after if summing_apposition(t) or comment_after_cue(t, c.attr_hi)), None)
    if summing is not None:
        after = [t for t in after if t.i < summing.i]
    # a full stop and an opening quote mark the sentence splitter missed ('The bridge, she added, was safe.
    # "We checked it twice," ...'): the next quotation is a sentence of its own
    stop = next((t for t in after if t.text in (".", "!", "?") and not _tok_in_quote(t) and t.i + 1 < sent.end and
                 sent.doc[t.i + 1].text in QUOTE_TOKENS and bool(t.whitespace_) and not sent.doc[t.i + 1].whitespace_), None)
    if stop is not None:
        after = [t for t in after if t.i < stop.i]
    return after, clause_stop


def comment_after_cue(t: Token, attr_hi: int) -> bool:
    """'Most farmers oppose the cut, a new poll finds, a fight that will reach the board this week': a noun phrase
    opened by one of ``summing_openers`` right after the comma that closes an attribution clause, running to the end
    of the sentence and the subject of nothing, is the reporter's comment on what was said, however the parser hung
    it. Never inside a quotation."""
    doc = t.doc
    if t.i != attr_hi + 2 or doc[attr_hi + 1].text != "," or t.lower_ not in SUMMING_FIRST_WORDS or _tok_in_quote(t):
        return False
    n = summing_noun(t)
    return n is not None and n.dep_ not in ("nsubj", "nsubjpass") and n.left_edge.i == t.i and \
        n.right_edge.i >= sentence_last_word(doc, t.sent.end, n.i) and not touches_quote(n.subtree)


def inverted_source(v: Token, subj: Token) -> bool:
    """Is the subject an inverted source right after the cue ('..., says Dana Morrow, a nurse, ...'), the cue's own
    or one the parser gave the clause the cue interrupts (``inverted_source_of_the_clause``)?"""
    return subj.i > v.i and subj.dep_ == "nsubj" and subj.left_edge.i == v.i + 1 and (
        subj.head.i == v.i and v.tag_ in ("VBD", "VBZ") or is_source_of_the_clause(v, subj))


def is_source_of_the_clause(v: Token, subj: Token) -> bool:
    """Is subj the inverted source the parser made the subject of the clause the cue interrupts
    (``inverted_source_of_the_clause``)?"""
    src = inverted_source_of_the_clause(v)
    return src is not None and src.i == subj.i


def predicate_after_source(x: Token, subj: Token) -> bool:
    """'But the mayor, says Dana Morrow, is still angry': the clause the parser hung on the cue after its inverted source
    has no subject of its own and follows the comma that closes the source; it is the predicate of the subject before
    the cue, not a clause the cue reports after it."""
    return subj.head.i == x.head.i and subj.head.i < subj.i < x.i and x.pos_ in ("VERB", "AUX") and \
        x.left_edge.i > subj.right_edge.i and x.doc[x.left_edge.i - 1].text == "," and \
        not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for g in x.children)


def comma_in_source(c: "VerbCue") -> bool:
    """'..., says Dana Morrow, a nurse, is ...': the parser gave the comma that closes an inverted source set off
    inside the clause it reports to the source's phrase."""
    return c.subj is not None and c.subj.i > c.v.i and c.attr_hi + 1 < len(c.doc) and c.doc[c.attr_hi + 1].text == "," and \
        is_source_of_the_clause(c.v, c.subj)


def participle_opener_then_quote(before: list[Token], after: list[Token]) -> bool:
    """'Asked what she made of the plan, Morrow said, "It is the wrong plan."': a participle clause that opens
    the sentence frames the cue, and the quotation after the cue is what was said; the cue is no parenthetical
    inside one content."""
    first = before[0]
    return first.tag_ in ("VBN", "VBG", "VBD") and first.dep_ == "advcl" and \
        not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in first.children) and \
        len(after) > 1 and after[1].text in QUOTE_TOKENS


def quoted_opener_then_clause(before: list[Token], after: list[Token]) -> bool:
    """'For all his "gruff manner in meetings," Morrow wrote, Lowell is a patient man': words before the cue that end
    in a quotation but hold no finite verb, inside the quotation or out, are an opening phrase, not a reported clause;
    when a clause with its own subject follows the cue's comma, the cue interrupts one content, as a parenthetical."""
    if len(before) < 3 or before[0].text in QUOTE_TOKENS or len(after) < 3 or after[0].text != ",":
        return False
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before):
        return False
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in t.children)
               for t in after[1:])


def subject_before_cue(a: Around) -> bool:
    """'Running the bakery alone, Morrow said, taught her patience': the participle clause before a parenthetical
    cue is the subject of the verb after it (which has none of its own), not the cue's own framing."""
    main = next((t for t in a.leftover if t.pos_ in ("VERB", "AUX")), None)
    return a.parenthetical and main is not None and main.tag_ in ("VBD", "VBZ", "VBP") and \
        not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in main.children)


def interrupted_conjunct(a: Around, before: list[Token]) -> Optional[Token]:
    """'backed the plan to help the farms and, he argued, to calm the county', '..., and the surest way to do it, they
    think, is to ...': a parenthetical cue that interrupts what a coordinating conjunction opens (a conjunction that
    joins clauses, or one right before the cue's comma), with no finite verb between that conjunction and the cue,
    reports that conjunct only, not the clause before it. Returns the word after the conjunction (the cue's comma when
    nothing stands between), or None."""
    if not a.parenthetical or len(before) < 3:
        return None
    for k in range(len(before) - 2, 0, -1):
        x = before[k]
        if x.tag_ in ("VBD", "VBZ", "VBP", "MD") or _tok_in_quote(x):
            return None
        if x.lower_ in ("and", "but") and x.dep_ == "cc" and (x.head.pos_ in ("VERB", "AUX") or k == len(before) - 2):
            return x.doc[x.i + 1]
    return None


def relative_opener(a: Around, before: list[Token]) -> Optional[Token]:
    """'a grant to a group that, officials say, answers to the mayor', 'the levy, the cost of which, she argued, falls on
    farmers': a parenthetical cue right after a relative pronoun (or a phrase ending in one) reports the relative
    clause only, not the sentence it hangs in. The first word of the relative phrase, or None."""
    if not a.parenthetical or len(before) < 3 or before[-1].text != ",":
        return None
    rel = before[-2]
    if rel.lower_ not in REL_PRONOUNS or not (rel.tag_ in ("WDT", "WP") or rel.lower_ == "that" and
                                             rel.dep_ in ("nsubj", "nsubjpass", "dobj")):
        return None  # ('that' as the relative clause's subject or object, not the 'that' that opens a clause)
    ante = rel.doc[rel.i - 1] if rel.i > rel.sent.start else None
    if ante is None or not (ante.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADP") or ante.text == ","):
        return None  # ('And that, he said, was the plan': a pronoun after a conjunction has no antecedent to follow)
    x = rel
    while x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.head.i < x.head.i and x.head.head.pos_ in ("NOUN", "PRON"):
        x = x.head.head  # ('the cost of which'): the noun the pronoun's preposition hangs on
    first = x.left_edge if x.i != rel.i else rel
    return first if not any(t.is_punct for t in rel.doc[first.i: rel.i]) else rel


def parenthetical_end(a: Around, before: list[Token]) -> int:
    """Where the clause a parenthetical cue reports ends: at the end of the words after the cue, but a relative clause
    (``relative_opener``) ends where the sentence's own verb comes back after a comma, with no subject of its own
    ('Ray Lowell, who, his aides say, will run again, spoke on Friday')."""
    kept = a.after
    if relative_opener(a, before) is not None:
        for k in range(1, len(kept) - 1):
            w = kept[k + 1]
            if kept[k].text == "," and w.tag_ in ("VBD", "VBZ", "VBP") and any(t.pos_ in ("VERB", "AUX") for t in kept[:k]) \
                    and not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in w.children):
                kept = kept[:k]
                break
    return kept_end(kept)


def around_of(c: "VerbCue") -> Around:
    if c.around is None:
        c.around = Around(c)
    return c.around


def kept_end(after: list[Token]) -> int:
    kept = [t for t in after if not t.is_punct or t.text in QUOTE_TOKENS]
    return _tok_end(max(kept, key=lambda t: t.i))
