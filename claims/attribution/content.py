"""Where reported content ends: coordinated and participial cues, trailing attributions, the reporter's own additions (a relative clause, a contrast, a dash), and the quotes right before or after a position."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import (BY_NAME_NOUNS, CHANNEL_NOUNS, COMPARISON_OPENERS, CONDITION_SUBORDINATORS, COUNT_WORDS,
                       DECLINE_LEMMAS, DEGREE_WORDS, EXAMPLE_PREPOSITIONS, IN_NOUNS, MESSAGE_NOUNS, NOUN_PREPOSITIONS,
                       PARTICIPLE_SUBORDINATORS, PREPOSITIONAL_PARTICIPLES, REPLY_OPENERS, REPORT_SUBORDINATORS,
                       SUMMING_OPENERS, TIME_DETERMINERS, TIME_NOUNS, VERBS)
from .cues import as_clause_predicate, is_cue_verb, is_time
from .prepositions import modifier_before_according, source_like
from .syntax import _reports_outer, coordinated_participle, mention_tokens, object_before_participle, recipient_of, subject_of
from .text import (DASH_TOKENS, QUOTE_TOKENS, _tok_end, _tok_in_quote, _tok_start, is_dash, last_word, sentence_last_word,
                   touches_quote)

if TYPE_CHECKING:
    from .finder import Finder


def forward_end(f: "Finder", sent: Span, v: Token, lo: Token) -> int:
    """Content after the cue runs to the end of the sentence, but stops before a coordinated
    or participial cue of the same source (", but said ...", "and urged ...", ", stressing ...")."""
    end_tok = enclosing_clause_end(v, lo, sent[-1])
    while end_tok.i > lo.i and (end_tok.is_punct and end_tok.text not in QUOTE_TOKENS or opens_quote(f, end_tok)):
        # (an opening mark the sentence splitter left at the end belongs to the next sentence)
        end_tok = end_tok.doc[end_tok.i - 1]
    doc = sent.doc
    for t in sent:
        if t.i <= lo.i:
            continue
        if t.i > end_tok.i:
            break  # (a cut is never later than where the content already ends)
        if second_that_clause(t):
            continue
        if trailing_attribution(f, t, sent) or modifier_before_according(t):
            end_tok = end_before(set_off_quotation_before(t) or t, lo)
            break
        if sources_next_act(t, v, lo):
            # (with the conjunct's own auxiliaries and adverbs: '..., and so far has sent ...')
            end_tok = end_before(t.left_edge, lo)
            break
        if own_cue_clause(t, lo) or compared_report(t, lo) or subordinated_speech_participle(t, v, lo) or \
                subordinate_report(t, v, lo) or coordinated_with_cue(t, v) or dash_before_parenthetical(t, lo):
            end_tok = end_before(t, lo)
            break
        if (t.dep_ in ("conj",) and (t.head.i == v.i or coord_cue(f, t, v) and not modal_conjunct(t, v) and not progressive_conjunct(t, v)) and
                (is_cue_verb(t) or t.lemma_.lower() in DECLINE_LEMMAS)) or \
                (t.dep_ == "advcl" and t.head.i == v.i and t.tag_ == "VBG" and is_cue_verb(t)) or \
                (t.head.head.i == v.i and is_cue_verb(t) and _reports_outer(t)) or \
                sources_own_clause(t, v) or reporters_addition(f, t, v, lo):
            end_tok = end_before(doc[conjunct_start(t, lo)], lo, t)
            break
    return _tok_end(end_tok)


def enclosing_clause_end(v: Token, lo: Token, end_tok: Token) -> Token:
    """Where the content of the cue v must end at the latest: with a preposed clause the cue stands in ("Moscow has
    denied any involvement, the ministry said"; "With voters saying they were undecided, the race ...") or a
    relative clause ("Trump, who said the judge was biased, issued ..."). A cue coordinated after an earlier verb
    stands in that verb's clause ('Although she toured the mill and said it would reopen, Morrow ...')."""
    a = v
    while a.dep_ == "conj" and a.head.i < a.i:
        a = a.head
    while a.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") and a.head.i != a.i:
        if a.head.i > a.i or a.dep_ == "relcl":
            return a.right_edge if lo.i <= a.right_edge.i < end_tok.i else end_tok
        a = a.head
    return end_tok


def subordinated_speech_participle(t: Token, v: Token, lo: Token) -> bool:
    """'said they would back the levy, while stressing it is no blank check', '... would stay before adding that
    ...': a subordinator of time or contrast (``participle_subordinators``) right before a participle of a cue verb
    with no subject of its own, hung on the cue v or on the verb of its reported clause, opens the source's next act;
    the content ends before it (t is the subordinator). Not one hung deeper in the reported clause ('said she could
    not stay calm while talking about it'); never inside a quotation."""
    if t.lower_ not in PARTICIPLE_SUBORDINATORS or t.i <= lo.i + 1 or t.i + 1 >= t.sent.end or _tok_in_quote(t):
        return False
    p = t.doc[t.i + 1]
    if p.tag_ != "VBG" or p.lower_ in PREPOSITIONAL_PARTICIPLES or not is_cue_verb(p) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in p.children):
        return False
    h = past_open_complement(p.head.head if p.head.i == t.i else p.head)  # ('before adding': the preposition's head)
    # (a reported clause whose own verb is a cue keeps the participle: its speaker is that verb's, as
    # syntax._subordinated_outer reads it)
    return cue_or_its_clause(h, v) and (h.i == v.i or not is_cue_verb(h))


def coordinated_with_cue(t: Token, v: Token) -> bool:
    """'..., telling the board the audit was late and questioning why no one had checked': a participle coordinated
    with the participle cue v, however deep the parser hung it in v's reported clause (``coordinated_participle``),
    opens the source's next act; the content ends before it."""
    if t.tag_ != "VBG" or v.tag_ != "VBG":
        return False
    outer = coordinated_participle(t)
    return outer is not None and outer.i == v.i


def dash_before_parenthetical(t: Token, lo: Token) -> bool:
    """'said the delay was routine — no worse, she said, than last year's', '... - a claim that, Lowell noted, the
    clerk had denied': a dash (t) whose words, within a few, hold a parenthetical attribution of their own (a cue
    verb set off by commas with its subject before it) opens another claim; the content ends before the dash.
    Never inside a quotation."""
    if not is_dash(t) or t.i <= lo.i + 1 or _tok_in_quote(t):
        return False
    doc, end = t.doc, min(t.sent.end, t.i + 10)
    for k in range(t.i + 2, end - 2):
        if doc[k].text != ",":
            continue
        j = k + 1
        while j < end and j - k <= 3 and doc[j].pos_ in ("PROPN", "PRON", "DET", "NOUN"):
            j += 1
        w = doc[j] if j < t.sent.end else None
        if j > k + 1 and w is not None and w.tag_ in ("VBD", "VBZ", "VBP") and is_cue_verb(w) and \
                j + 1 < t.sent.end and doc[j + 1].text == ",":
            return not any(_tok_in_quote(x) for x in doc[t.i: j + 1])
    return False


def subordinate_report(t: Token, v: Token, lo: Token) -> bool:
    """'insisted the audit was routine when the Ledger asked about the invoices', 'argued the levy was fair while
    Lowell said it was a tax grab': a clause opened by a subordinator of ``report_subordinators`` (t), hung on the cue or
    on its reported clause's verb, whose finite verb of speech has a noun subject of its own, is another
    attribution; the content ends before it. Never inside a quotation."""
    w = report_opened_by(t, lo)
    return w is not None and cue_or_its_clause(past_open_complement(w.head), v)


def report_opened_by(t: Token, lo: Token) -> Optional[Token]:
    """The finite verb of speech, with a noun subject of its own, of the clause that a subordinator of
    ``report_subordinators`` (t, after lo) opens; None otherwise. Never inside a quotation."""
    if t.dep_ not in ("mark", "advmod") or t.lower_ not in REPORT_SUBORDINATORS or t.i <= lo.i + 1 or _tok_in_quote(t):
        return None
    w = t.head
    if w.i < t.i or w.tag_ not in ("VBD", "VBZ", "VBP") or not is_cue_verb(w) or \
            getattr(VERBS.get(w.lemma_.lower()), "act", None) != "statement" or _tok_in_quote(w):
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and t.i < c.i < w.i for c in w.children):
        return None  # (a pronoun may stand for the source: 'said it was fair when she saw it')
    return w


def past_open_complement(h: Token) -> Token:
    """The verb an open complement belongs to ('would have to cut': 'have'), or h itself."""
    return h.head if h.dep_ == "xcomp" else h


def cue_or_its_clause(h: Token, v: Token) -> bool:
    """Is h the cue verb v, or the verb of v's reported clause?"""
    return h.i == v.i or h.dep_ == "ccomp" and h.head.i == v.i


def second_that_clause(t: Token) -> bool:
    """'said the county needs a jail, but that the levy must stay where it is', '..., and that it was recovering': a
    verb whose clause opens with 'that' right after a coordinating conjunction is a second clause of the same
    report, however the parser hung it; it goes on with the content."""
    if t.pos_ not in ("VERB", "AUX") or t.dep_ != "conj" or _tok_in_quote(t):
        return False
    mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < t.i), None)
    return mark is not None and mark.i > 0 and t.doc[mark.i - 1].lower_ in ("and", "but")


def end_before(start: Token, lo: Token, cut_verb: Optional[Token] = None) -> Token:
    """The last word of a content cut before start: back over punctuation and a conjunction (and, given the verb cut
    off, an adverb that opens its clause: ``leading_adverb``), no earlier than lo."""
    doc, cut = start.doc, start.i - 1
    while cut > lo.i and (doc[cut].is_punct or doc[cut].dep_ == "cc" or
                          cut_verb is not None and leading_adverb(doc[cut], cut_verb)):
        cut -= 1
    return doc[cut]


def sources_own_clause(t: Token, v: Token) -> bool:
    """'The mayor said the port was safe, and she railed against its critics': a cue verb coordinated after a comma
    with the cue's reported clause, whose subject is a pronoun that can stand for the source (the source's own
    pronoun, or he, she or they for a noun), in the cue's own tense, is the source's next act. Not inside a
    quotation."""
    h = t.head
    if t.dep_ != "conj" or h.dep_ != "ccomp" or h.head.i != v.i or h.i > t.i or _tok_in_quote(t) or not is_cue_verb(t):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
    if subj is None or subj.pos_ != "PRON" or subj.left_edge.i < 2 or subj.doc[subj.left_edge.i - 2].text != ",":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ == "PROPN" or c.lower_ == subj.lower_) for c in h.children):
        return False  # ('said Lowell lied, and he admitted it': the pronoun may stand for the reported subject)
    return stands_for_source(subj, v) and verb_form(t) == verb_form(v)


def stands_for_source(pron: Token, v: Token) -> bool:
    """Can the pronoun stand for the source of the cue v: the source's own pronoun, or he, she or they for a noun?"""
    src = subject_of(v)
    return pron.lower_ == src.lower_ if src is not None and src.pos_ == "PRON" else pron.lower_ in ("he", "she", "they")


def modal_left_behind(t: Token, v: Token, lo: Token) -> bool:
    """'Morrow said she would tour the mill in May, and so far has sent only a letter': after ', and' or ', but', a
    finite verb with no subject of its own, coordinated with a verb under a modal or 'to' that it cannot continue,
    whose subject is a pronoun standing for the source, is the source's next act, told by the reporter (t is the
    conjunct's first word). Only after a finite cue; never inside a quotation."""
    doc = t.doc
    if t.i <= lo.i + 2 or doc[t.i - 1].lower_ not in ("and", "but") or doc[t.i - 2].text != "," or _tok_in_quote(t):
        return False
    x = t
    while x.dep_ != "conj" and x.head.i != x.i and x.head.left_edge.i == t.i:
        x = x.head
    h = x.head
    if x.dep_ != "conj" or x.pos_ not in ("VERB", "AUX") or verb_form(x) not in ("past", "present") or h.i < lo.i or \
            verb_form(h) not in ("modal", "to") or verb_form(v) not in ("past", "present") or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in x.children):
        return False
    subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "PRON" and stands_for_source(subj, v)


def sources_next_act(t: Token, v: Token, lo: Token) -> bool:
    """'..., opened the hearing by saying the levy was too small, and later warned that ...', '..., claiming the
    rates punish farms, and told the room about ...': a finite verb with no subject of its own, coordinated with a
    clause the cue stands in (the cue's own clause or one above it), is the source's next act, not the cue's
    content. Not inside a quotation."""
    if t.dep_ != "conj" or t.i <= lo.i + 1 or t.pos_ not in ("VERB", "AUX") or _tok_in_quote(t) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        return False
    return verb_form(t) in ("past", "present") and (t.head.i == v.i or any(a.i == t.head.i for a in v.ancestors))


def leading_adverb(a: Token, t: Token) -> bool:
    """Does the adverb a, right before where the content is cut at t, open what is cut off ('..., and then said',
    '..., however, ...', '... and also ...') rather than end the content ('tried to put me away', 'acted alone')?
    It does when it modifies t or follows a conjunction or punctuation."""
    if a.dep_ != "advmod":
        return False
    prev = a.doc[a.i - 1] if a.i > 0 else None
    return a.head.i == t.i or prev is not None and (prev.dep_ == "cc" or prev.is_punct)


def conjunct_start(t: Token, lo: Token) -> int:
    """Where the clause of a coordinated verb t starts: at its own subject ('..., and she railed against ...'), and
    with its own auxiliaries, negation and adverbs when a conjunction or comma comes right before them ('..., and
    has since asked the state for ...', so that a content ending before it does not end in 'and has'); else at t."""
    doc = t.doc
    subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i] if t.dep_ == "conj" else []
    start = min([t.i] + [c.left_edge.i for c in subj])
    k = start
    while k - 1 > lo.i and doc[k - 1].head.i == t.i and doc[k - 1].dep_ in ("aux", "auxpass", "neg", "advmod", "mark"):
        k -= 1
    return k if k < start and (doc[k - 1].dep_ == "cc" or doc[k - 1].is_punct) else start


def own_cue_clause(t: Token, lo: Token) -> bool:
    """'One in three said A, and one in four said B'; '..., A; 29 percent said B': a clause coordinated
    inside the content that starts with a subject of its own and a cue verb, outside quotation marks, is
    another attribution; the content ends before the conjunction or semicolon (read on the words, as the
    parser often hangs such a subject on the last noun of the content). After a semicolon any cue will do, not only
    one of saying ('..., the bridge was safe; a state report found cracks in ...'). A count may be compared ('and
    fewer than one in ten said B')."""
    if t.i <= lo.i + 1 or _tok_in_quote(t) or not (t.text in (";", ",") or t.dep_ == "cc" and t.lower_ in ("and", "but")):
        return False
    doc, end = t.doc, t.sent.end
    k = t.i + 1
    last = None
    while k < end and k - t.i <= 7 and not _tok_in_quote(doc[k]) and (
            doc[k].pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON") or doc[k].lower_ in ("in", "of") or
            doc[k].tag_ in ("POS", "HYPH") or doc[k].lower_ == "than" and doc[k - 1].tag_ in ("JJR", "RBR")):
        last = doc[k]
        k += 1
    if last is None or last.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or k >= end or \
            last.lower_ in ("that", "which", "who") or any(x.pos_ == "PRON" for x in doc[t.i + 2: k]):
        return False
    w = doc[k]
    if w.text == "," and t.dep_ == "cc":
        w = parenthetical_cue_at(doc, k, end) or w
    if w.dep_ == "aux" and k + 1 < end and w.lower_ in ("has", "have", "had"):
        j = k + 1
        while j + 1 < end and j - k <= 2 and doc[j].dep_ in ("neg", "advmod"):
            j += 1  # ('..., and 7 have not yet named a pick')
        w = doc[j]
        k = j - 1
    lem = w.lemma_.lower()
    if t.text == "," and not (doc[t.i + 1].like_num or doc[t.i + 1].lower_ in COUNT_WORDS):
        return False  # (after a comma only a count opens another report: '..., 12 have said B')
    return is_cue_verb(w) and lem in VERBS and (VERBS[lem].act == "statement" or t.text == ";") and not _tok_in_quote(w) and \
        (w.tag_ in ("VBD", "VBZ", "VBP") or w.tag_ == "VBN" and w.i == k + 1)


def parenthetical_cue_at(doc: Doc, k: int, end: int) -> Optional[Token]:
    """'..., and the mayor, she said, "knows it well"': a verb set off by the comma at k and another comma right
    after it, with a short subject of its own before it (a pronoun or a name); that verb, or None."""
    j = k + 1
    while j < end and j - k <= 3 and doc[j].pos_ in ("PRON", "PROPN", "DET", "NOUN"):
        j += 1
    if j == k + 1 or j + 1 >= end or doc[j + 1].text != "," or not any(
            c.dep_ == "nsubj" and k < c.i < j for c in doc[j].children):
        return None
    return doc[j]


# the first word of each comparison or reply opener (compared_report)
OPENER_FIRST_WORDS = frozenset(w[0] for w in COMPARISON_OPENERS + REPLY_OPENERS)


def compared_report(t: Token, lo: Token) -> bool:
    """'Sixty percent said the levy was too high, compared with 22 percent of the growers who say it is fair', '...,
    triple the share that says so in the county': a comparison (set off by a comma or a dash unless it opens with two
    words, 'compared with') with a share or a count (a noun phrase: 'almost one in five -- 19 percent --') that
    has a verb of speech of its own (after 'who' or 'that', or right after it) is another attribution; the
    content ends before the comparison (t is its first word). So does a reply opened by 'to which' that ends the
    sentence ('asked whether the ferry would run, to which most riders said yes'; not the aside of 'the deal, to which
    both towns agreed, will hold'). Not inside a quotation."""
    if t.lower_ not in OPENER_FIRST_WORDS or t.i <= lo.i + 1 or _tok_in_quote(t):
        return False  # (the cheap test first: this runs on every word of a content)
    doc, end = t.doc, t.sent.end
    words = next((w for w in COMPARISON_OPENERS + REPLY_OPENERS if [x.lower_ for x in doc[t.i: t.i + len(w)]] == list(w)), None)
    if words is None or not (doc[t.i - 1].text == "," or doc[t.i - 1].text in DASH_TOKENS or len(words) > 1):
        return False  # (a one-word opener only set off: 'voted against members who said ...' is one content)
    k = t.i + len(words)
    last = None
    while k < end and k - t.i <= 10 and not _tok_in_quote(doc[k]) and (
            doc[k].pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN") or doc[k].tag_ == "RB" or
            doc[k].lower_ in ("in", "of", "-") or doc[k].text in DASH_TOKENS):
        last = doc[k] if not (doc[k].text in DASH_TOKENS or doc[k].text == "-") else last
        k += 1
    if last is None or last.pos_ not in ("NOUN", "PROPN", "NUM") or k >= end:
        return False
    if doc[k].lower_ in ("who", "that") and k + 1 < end:
        k += 1
    w = doc[k]
    lem = w.lemma_.lower()
    if words in REPLY_OPENERS and any(x.text == "," and not _tok_in_quote(x) for x in doc[w.i + 1: end]):
        return False
    return is_cue_verb(w) and lem in VERBS and VERBS[lem].act == "statement" and not _tok_in_quote(w) and \
        w.tag_ in ("VBD", "VBZ", "VBP")


def opens_quote(f: "Finder", t: Token) -> bool:
    """Is t the opening mark of a quote?"""
    k = bisect_left(f.speech_starts, _tok_start(t))
    return t.text in QUOTE_TOKENS and k < len(f.speech_starts) and f.speech_starts[k] == _tok_start(t)


def reporters_addition(f: "Finder", t: Token, v: Token, lo: Token) -> bool:
    """Does the reporter's own sentence go on at t, after the reported content: a participle
    clause of the cue ('..., throwing a wrench in ...'), an adverbial clause of the cue ('admitted it
    erred when a pediatrician reported ...'), a sentence-final relative clause (', which raised
    concerns'), or a contrasting clause with a subject of its own (', but for Republicans it is
    ...', ', though voters are more likely to say ...')? Never inside a quotation."""
    doc = t.doc
    if _tok_in_quote(t) or t.i <= lo.i + 1:
        return False
    comma = doc[t.i - 1].text == ","
    if t.head.i == v.i and t.dep_ == "advcl" and (comma or any(m.dep_ in ("mark", "advmod") and m.i < t.i for m in t.children)) \
            and not (as_clause_predicate(t) and not comma):  # ('sees the party as too timid': what is said of it)
        return t.left_edge.i > lo.i
    # (a comma inside the closing quote mark counts: '... a "distortion," describing ...')
    if (comma or doc[t.i - 1].text in QUOTE_TOKENS and doc[t.i - 2].text == ",") and \
            t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.head.i == v.i and t.head.dep_ == "ccomp" and \
            runs_to_sentence_end(t):
        return True  # '... declared that he cannot support him, throwing a wrench in ...' (sentence-final)
    if participle_closing_clause(t, v):
        return True
    if cue_participle_after(t) or cues_own_conjunct(t, v, lo) or summing_apposition(t) or modal_left_behind(t, v, lo):
        return True
    if t.text in DASH_TOKENS and not any(x.text in DASH_TOKENS for x in doc[t.i + 1: t.sent.end]) and \
            not any(x.text in DASH_TOKENS for x in doc[lo.i: t.i]):
        rest = doc[t.i + 1: t.sent.end]
        verb = next((x for x in rest if x.dep_ in ("ROOT", "conj", "parataxis", "ccomp", "appos") and x.pos_ in ("VERB", "AUX")), None)
        if verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
                not touches_quote(rest):
            return True  # '... will fail — an apparent act of sabotage led to ...': a sentence of the reporter's
    if t.text in DASH_TOKENS and t.i + 1 < t.sent.end and not any(x.text in DASH_TOKENS for x in doc[lo.i: t.i]) and \
            not any(x.text in DASH_TOKENS for x in doc[t.i + 1: t.sent.end]) and not touches_quote(doc[t.i + 1: t.sent.end]):
        nxt = doc[t.i + 1]
        if nxt.lower_ in ("a", "an") and nxt.dep_ == "det" or nxt.tag_ == "VBG" and not is_cue_verb(nxt) or \
                nxt.lower_ in ("even", "as", "while", "although", "though"):
            return True  # '... to reopen the office — hiring two clerks', '... — a welcome change for the town'
    if comma and reporters_own_clause(t):
        return True
    if sources_own_circumstance(t, v, lo) or elided_comparison(t):
        return True
    if relative_to_the_end(t):
        return True
    if after_comma(t) and t.lower_ in ("but", "though", "although", "while", "whereas", "yet") and t.i + 1 < t.sent.end and \
            not doc[t.i + 1].tag_.startswith("VB"):  # ', but required candidates to ...' goes on with a verb: content
        rest = doc[t.i + 1: t.sent.end]
        close = next((x for x in rest if x.text == ","), None)
        if close is not None and close.i > t.i + 1 and all(x.pos_ in ("ADJ", "ADV", "PART") for x in doc[t.i + 1: close.i]):
            return False  # an aside set off by commas: 'the audit, while late, was thorough'
        verb = next((x for x in rest if x.pos_ in ("VERB", "AUX") and x.dep_ not in ("aux", "auxpass", "amod")), None)
        return verb is not None and not any(x.lower_ == "that" and x.dep_ == "mark" for x in rest[:2]) and \
            not touches_quote(rest) and (
            is_cue_verb(verb) or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) or
            any(is_cue_verb(x) for x in rest))
    return False


def sources_own_circumstance(t: Token, v: Token, lo: Token) -> bool:
    """'tweeted her notes on the hearing as she waited outside', 'sought to calm the crowd as he toured the plant': after
    a content with no finite verb of its own (a noun phrase, an infinitive), a sentence-final clause opened by a
    subordinator whose subject is a pronoun standing for the cue's subject tells when or how the source spoke.
    Never inside a quotation."""
    doc = t.doc
    if t.lower_ not in ("as", "while", "after", "before", "when") or t.dep_ != "mark" or _tok_in_quote(t):
        return False
    w = t.head
    subj = next((c for c in w.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > t.i), None)
    own = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or own is None or w.right_edge.i < t.sent.end - 2 or \
            any(x.tag_ in FINITE_TAGS or x.tag_ == "MD" for x in doc[lo.i: t.i]):
        return False
    if touches_quote(doc[t.i: t.sent.end]):
        return False
    p = subj.lower_
    return p == own.lower_ and own.pos_ == "PRON" or p in ("he", "she") and own.pos_ == "PROPN" or \
        p == "they" and own.tag_ in ("NNS", "NNPS")


def participle_closing_clause(t: Token, v: Token) -> bool:
    """'argued the board would have to cut the levy, leaving the schools short of money for a year': a participle set
    off by a comma (inside a closing quote mark too) at the end of a reported clause, on that clause's verb or on
    an infinitive under it, with no subject of its own and nothing after it set off by a comma, a colon or a
    quotation to the end of the sentence, is what the reporter adds, however far the parser let it reach. Not a
    participle that works as a preposition ('including'). Never inside a quotation."""
    if t.tag_ != "VBG" or t.dep_ != "advcl" or not after_comma(t) or _tok_in_quote(t) or t.lower_ in PREPOSITIONAL_PARTICIPLES:
        return False
    h = past_open_complement(t.head)
    if h.dep_ != "ccomp" or h.head.i != v.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        return False
    return not any(x.text in (",", ";", ":") or x.text in QUOTE_TOKENS or x.text in DASH_TOKENS
                   for x in t.doc[t.i + 1: t.sent.end])


def elided_comparison(t: Token) -> bool:
    """'Morrow said she wants the audit made public, as have two other members of the board': after a comma, 'as'
    and a bare finite 'have' or 'do' standing for the verb phrase, with a subject after it, compares others with
    the source; it is the reporter's, not what was said. Never inside a quotation."""
    doc = t.doc
    if t.lower_ != "as" or t.i + 2 >= t.sent.end or not after_comma(t) or _tok_in_quote(t):
        return False
    aux, nxt = doc[t.i + 1], doc[t.i + 2]
    return aux.lemma_.lower() in ("have", "do") and aux.tag_ in FINITE_TAGS and \
        nxt.pos_ in ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM") and not touches_quote(doc[t.i: t.sent.end])


def relative_to_the_end(t: Token) -> bool:
    """'said she would campaign with the governor, who has been criticized for the delays, the floods and the
    fees': a relative clause set off by a comma after the content's last noun and running to the end of the
    sentence (commas and clauses of its own inside it) is the reporter's note on that noun, not more of what was
    said. Read on the parse: the clause's verb and all that hangs on it reach the sentence's last word. Not inside
    a quotation. A plain one (no comma, colon or quote mark after it) needs no parse."""
    if t.lower_ not in ("which", "who") or not after_comma(t):
        return False
    if not any(x.text in (",", ";", ":") or x.text in QUOTE_TOKENS for x in t.doc[t.i + 1: t.sent.end]):
        return True
    if _tok_in_quote(t):
        return False
    r = t.head
    if r.dep_ != "relcl" or r.head.i >= t.i or r.left_edge.i != t.i:
        return False
    return r.right_edge.i >= sentence_last_word(t.doc, t.sent.end, r.i)


def reporters_own_clause(t: Token) -> bool:
    """'she said she would sell, and the market did nothing', 'telling them when to line up, and two aides are on hand
    to ...': after ', and' (t is the 'and'), a clause with a subject of its own, outside quotation marks, is the
    reporter's next sentence, not more of what was said. Not a second 'that' clause ('..., and that the deal ...'),
    nor a clause under a modal ('..., and a loss would cost them ...'), which go on with what was said."""
    doc = t.doc
    if t.lower_ != "and" or t.dep_ != "cc" or t.i + 1 >= t.sent.end or doc[t.i + 1].lower_ == "that":
        return False
    rest = doc[t.i + 1: t.sent.end]
    if touches_quote(rest):
        return False
    verb = next((x for x in rest[:10] if x.pos_ in ("VERB", "AUX") and x.dep_ not in ("aux", "auxpass", "amod", "acl", "relcl")), None)
    return verb is not None and verb.tag_ != "MD" and verb_form(verb) != "modal" and \
        any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > t.i for c in verb.children)


def after_comma(t: Token) -> bool:
    """Is t right after a comma, or after a comma inside a closing quote mark ('... a "gift," sparking ...')?"""
    doc = t.doc
    return t.i > 0 and doc[t.i - 1].text == "," or t.i > 1 and doc[t.i - 1].text in QUOTE_TOKENS and \
        doc[t.i - 2].text == "," and not _tok_in_quote(t)


def cue_participle_after(t: Token) -> bool:
    """'dismissed the idea that the toll would slow traffic, saying the bridge needs it', 'hopes to finish the
    park by May, noting that ...': a participle of a speech or thought verb set off by a comma, with no subject of
    its own and running to the end of the sentence, is the source's next act (however the parser hung it), not
    more of what was reported. Never inside a quotation."""
    if t.tag_ != "VBG" or t.i == 0 or not after_comma(t) or _tok_in_quote(t) or not is_cue_verb(t):
        return False
    if t.lower_ in PREPOSITIONAL_PARTICIPLES:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        return False
    return runs_to_sentence_end(t)


def runs_to_sentence_end(t: Token) -> bool:
    """Does the phrase of t run to the sentence's end: to its last word, or with at most one word after it? (A run
    of final punctuation does not count: '... because he was "away."')"""
    last = sentence_last_word(t.doc, t.sent.end, t.i)
    return t.right_edge.i >= min(last, t.sent.end - 2)


def phrase_participle_after(t: Token) -> bool:
    """'plans to widen the road, joining neighbors who asked for it', 'promised to open the pool early, giving
    families a place to go': after a phrase the cue takes (an infinitive, an object), a participle set off by a comma with no
    subject of its own and running to the end of the sentence is what the source did, not what was said."""
    if t.tag_ != "VBG" or t.i == 0 or not after_comma(t) or _tok_in_quote(t) or \
            t.lower_ in PREPOSITIONAL_PARTICIPLES:
        return False
    if t.dep_ not in ("advcl", "xcomp", "conj", "acl") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        return False
    if any(a.lower_ in ("including", "like", "as") and a.i < t.i for a in t.ancestors):
        return False  # an item of a list ('four tasks, including painting, fixing the roof and ...')
    return t.right_edge.i >= t.sent.end - 2 and not any(x.text in QUOTE_TOKENS for x in t.subtree)


def summing_apposition(t: Token) -> bool:
    """'asked the clubs for advice, a request most of them ignored', 'said they were unsure, a larger share than
    last spring', '..., another sign of the rift', '..., part of a long feud': a noun phrase opened by one of
    ``summing_openers``, set off by a comma at the end of the sentence and in apposition to what was said (however
    the parser hung it: also as an object after the comma), is the reporter's comment on it. Never inside a
    quotation."""
    if t.lower_ not in SUMMING_FIRST_WORDS or t.i == 0 or not after_comma(t) or _tok_in_quote(t):
        return False  # (the cheap test first: this runs on every word of a content)
    n = summing_noun(t)
    if n is None or n.head.i >= t.i or n.left_edge.i != t.i or not (n.dep_ in ("appos", "npadvmod") or set_off_object(n)):
        return False
    if any(c.dep_ == "conj" and any(d.dep_ == "det" for d in c.children) for c in n.children):
        return False  # the middle of a list: 'a red chair, a lamp and a rug'
    return n.right_edge.i >= t.sent.end - 2 and not touches_quote(n.subtree)


# the first word of each summing opener (summing_apposition)
SUMMING_FIRST_WORDS = frozenset(w[0] for w in SUMMING_OPENERS)


def summing_noun(t: Token) -> Optional[Token]:
    """The noun a summing opener at t stands for ('another sign': 'sign', the article's head; 'part of': 'part'),
    or None when no opener of ``summing_openers`` starts at t (a one-word opener must be the noun's determiner)."""
    words = next((w for w in SUMMING_OPENERS if [x.lower_ for x in t.doc[t.i: t.i + len(w)]] == list(w)), None)
    if words is None or len(words) == 1 and t.dep_ != "det":
        return None
    return t.head if len(words) == 1 else t


def set_off_object(n: Token) -> bool:
    """'said they did not know, a higher share than in May': a noun the parser made the object of a verb before it,
    though a comma, and no other, stands between them (an object after an aside set off by two commas, 'approved,
    after a long debate, a levy', is the verb's own)."""
    if n.dep_ != "dobj":
        return False
    return sum(x.text == "," for x in n.doc[n.head.i + 1: n.left_edge.i]) == 1


def set_off_comment(x: Token) -> bool:
    """'Most growers oppose the cut, a new poll finds, a fight that will reach the board': a noun the parser made an
    object, opened by one of ``summing_openers`` after a comma that follows the verb itself or a clause with a
    finite verb of its own, is the reporter's comment, not what the verb takes ('announced, after a long debate, a
    levy' and 'announced on Monday, a plan' keep theirs)."""
    first, doc = x.left_edge, x.doc
    if x.dep_ != "dobj" or first.i < x.head.i + 2 or doc[first.i - 1].text != "," or first.lower_ not in SUMMING_FIRST_WORDS:
        return False
    between = doc[x.head.i + 1: first.i - 1]  # (the verb's comma, or a clause with a finite verb of its own before it)
    return summing_noun(first) is not None and (len(between) == 0 or any(t.tag_ in ("VBD", "VBZ", "VBP") for t in between))


def hung_noun_modifiers(v: Token, hi: Token) -> Token:
    """'defended the agency against attacks from the left', 'demands safeguards for any transfer', 'referring to a
    memoir about growing up': a noun object's own prepositional phrase, which the parser often hangs on the verb. Right
    after the object (no comma between), a phrase of the verb whose preposition modifies nouns (noun_prepositions in
    cues.yml) and that is not a time ('for two years') goes with the object, and so do a relative or noun clause with
    no comma before it ('charities that fund ...') and an infinitive after a determined object ('a levy to fund ...');
    returns the last token of what goes with it (hi when nothing does). Never inside a quotation."""
    doc = v.doc
    while (hi.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or hi.lower_ in MESSAGE_NOUNS) and hi.i + 1 < hi.sent.end:
        nxt = doc[hi.i + 1]
        # (a phrase that works as one preposition: 'a vote in favor of the levy', 'in response to')
        three = " ".join(x.lower_ for x in doc[nxt.i: min(nxt.i + 3, hi.sent.end)])
        if not (nxt.dep_ == "prep" and nxt.head.i == v.i and (nxt.lower_ in NOUN_PREPOSITIONS or three in NOUN_PREPOSITIONS or
                                                              in_phrase_of(hi, nxt))) or _tok_in_quote(nxt):
            break
        pobj = [g for g in nxt.children if g.dep_ in ("pobj", "pcomp")]
        if not pobj or any(g.lower_ in TIME_NOUNS or g.ent_type_ in ("DATE", "TIME") for g in pobj):
            break
        hi = nxt.right_edge
    if hi.i + 2 < hi.sent.end and hi.pos_ in ("NOUN", "PROPN") and not _tok_in_quote(hi):
        nxt = doc[hi.i + 1]
        if nxt.lower_ in ("that", "which", "who") and not (nxt.dep_ == "mark" and nxt.head.head.i == v.i):
            # 'points to banks that lend to builders', 'repeated her claim that the count was short': a
            # relative or noun clause right after the object, which the parser hung elsewhere, runs to the next comma
            return clause_stop(nxt)
        if nxt.lower_ == "to" and nxt.dep_ == "aux" and nxt.head.i > nxt.i and nxt.head.tag_ == "VB" and \
                nxt.head.left_edge.i == nxt.i and nxt.head.head.i in (v.i, hi.i) and \
                any(c.dep_ in ("det", "poss") for c in _phrase_head(hi).children) and hi.lower_ not in TIME_NOUNS:
            # 'proposed a levy to fund the schools': what the object is for (not 'requested anonymity to speak
            # freely', 'pushed for a decade to pass it': the subject's purpose)
            return nxt.head.right_edge
        if nxt.head.i == v.i and (obj := object_before_participle(nxt)) is not None and obj.right_edge.i == hi.i:
            return nxt.right_edge  # 'referring to a flyer urging voters to stay home' (``object_before_participle``)
    return hi


def in_phrase_of(hi: Token, prep: Token) -> bool:
    """'praised the surge in turnout', 'questioned his role in the closing of the mill': is prep an 'in' right after a
    noun of ``in_nouns`` (the head of the phrase ending at hi), whose phrase says what the noun is of or about? Not a
    channel the source spoke in ('questioned his role in an interview')."""
    return prep.lower_ == "in" and _phrase_head(hi).lemma_.lower() in IN_NOUNS and \
        not any(g.dep_ == "pobj" and g.lemma_.lower() in CHANNEL_NOUNS for g in prep.children)


def _np_run(doc, k: int, end: int) -> Optional[int]:
    """The last token of a noun phrase read on the words from k (modifiers, nouns, a possessive, and a
    prepositional phrase inside it: 'cheaper rent for young families'), or None when none starts there."""
    last = None
    while k < end and not _tok_in_quote(doc[k]):
        t = doc[k]
        if t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or t.tag_ in ("POS", "HYPH", "PRP$"):
            if t.pos_ in ("NOUN", "PROPN", "NUM"):
                last = k
        elif t.pos_ == "ADP" and last is not None and k + 1 < end and doc[k + 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            pass
        else:
            break
        k += 1
    return last


def examples_after(v: Token, hi: Token) -> Token:
    """'cited three reasons, including the cost', 'pointed to her record, including a vote to close the clinic':
    the examples of a noun object, right after it, set off by a comma and opened by a preposition that gives
    examples (example_prepositions in cues.yml), which the parser often hangs on the verb, go with the object.
    Returns the last token of the examples, or hi."""
    doc = v.doc
    if hi.pos_ not in ("NOUN", "PROPN", "PRON") or _tok_in_quote(hi):
        return hi
    k = hi.i + 1
    if k + 1 >= hi.sent.end or doc[k].text != ",":
        return hi
    ex = doc[k + 1]
    if ex.lower_ not in EXAMPLE_PREPOSITIONS or ex.dep_ != "prep" or ex.head.i not in (v.i, hi.i) or \
            not any(g.dep_ in ("pobj", "pcomp") for g in ex.children):
        return hi
    return ex.right_edge


def coordinated_object_after(v: Token, hi: Token) -> Token:
    """'talked about her years abroad and what she learned there', 'referring to the flood -- and the mayor's plan
    to rebuild': a second object after 'and' or 'or' right after a noun object, which the parser coordinated with
    the verb (or a verb above it): a noun phrase, a clause opened by a wh-word or 'whether', or a gerund
    (``gerund_object``); not a verb phrase, which is the subject's next act ('praised the plan and said ...'). Returns
    the last token of that object, or hi."""
    doc, end = v.doc, hi.sent.end
    if hi.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADV", "ADJ") or _tok_in_quote(hi):
        return hi
    k = hi.i + 1
    while k < end and doc[k].text in DASH_TOKENS:
        k += 1  # (not after a comma: ', and the board ...' opens a clause)
    if k + 1 >= end or doc[k].lower_ not in ("and", "or"):
        return hi
    heads = {v.i} | {a.i for a in v.ancestors}
    conj = next((c for c in doc[k + 1: end] if c.dep_ == "conj" and c.head.i in heads and c.left_edge.i == k + 1), None)
    if conj is None or _tok_in_quote(conj):
        return hi
    noun = conj.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in conj.children)
    wh = conj.pos_ in ("VERB", "AUX") and (conj.left_edge.tag_ in ("WP", "WRB") or conj.left_edge.lower_ == "whether")
    if not (noun or wh or gerund_object(conj)):
        return hi
    last = conj.right_edge
    while last.i > conj.i and last.is_punct:
        last = doc[last.i - 1]
    return last


def gerund_object(conj: Token) -> bool:
    """'spoke about the flood and rebuilding the bridge': a gerund with no subject or auxiliary of its own, opening its
    phrase, coordinated with a verb that is no gerund, cannot be that verb's next act; it is one more object. Not a
    gerund of a cue, which the parser may have hung on the wrong verb ('a reply saying she would not back it and
    suggesting that ...')."""
    return conj.tag_ == "VBG" and conj.head.tag_ != "VBG" and conj.left_edge.i == conj.i and not is_cue_verb(conj) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children)


def clause_stop(opener: Token) -> Token:
    """The last token of the clause that opener starts: up to the next comma, semicolon, colon, bracket, dash or
    sentence stop."""
    doc, k, end = opener.doc, opener.i + 1, opener.sent.end
    while k < end and not (doc[k].text in (",", ";", ":", "(", ".", "!", "?") or doc[k].text in DASH_TOKENS):
        k += 1
    return doc[k - 1]


def qualifier_after(v: Token, hi: Token) -> Token:
    """What the source put on a content that ends at hi, which the parser hung on the cue verb right after it (no comma
    between): a condition ('would back the levy | if the audit clears', 'called the deal dead | unless the county
    pays': condition_subordinators in cues.yml), how someone was named ('never mentioned the mayor | by name':
    by_name_nouns), or the infinitive a word of degree ends on ('had not done enough | to keep the mill open':
    degree_words). The last token of content with it, or hi."""
    doc, k = v.doc, hi.i + 1
    if k >= hi.sent.end:
        return hi
    for x in v.children:
        if x.left_edge.i != k or _tok_in_quote(x):
            continue
        if x.dep_ == "advcl" and any(m.dep_ == "mark" and m.i == k and m.lower_ in CONDITION_SUBORDINATORS for m in x.children) \
                or x.dep_ == "prep" and x.lower_ == "by" and any(g.dep_ == "pobj" and g.lemma_.lower() in BY_NAME_NOUNS
                                                               for g in x.children) \
                or x.dep_ in ("advcl", "xcomp") and hi.lower_ in DEGREE_WORDS and doc[k].lower_ == "to" and doc[k].head.i == x.i:
            return doc[last_word(doc, k, x.right_edge.i)]
    return hi


def object_tail(v: Token, hi: Token) -> Token:
    """What still goes with a noun object that ends at hi, which the parser hung elsewhere: its clause or phrase
    after a time ('... in May that ...'), its examples after a comma ('including ...') or a second object after
    'and' ('... and how it went'). The last token, or hi."""
    hi = modifier_past_time(hi)
    hi = max(hi, examples_after(v, hi), key=lambda t: t.i)
    return max(hi, coordinated_object_after(v, hi), key=lambda t: t.i)


def time_word(t: Token) -> bool:
    """A word that names a time: 'Monday', 'May', 'years', '2012' (a year), or one the model tagged a date."""
    return is_time(t) or t.lemma_.lower() in TIME_NOUNS or is_year(t)


def is_year(t: Token) -> bool:
    """A year written in figures: '1987', '2012'."""
    return t.text.isdigit() and len(t.text) == 4 and t.text[0] in "12"


def time_after(hi: Token) -> Optional[Token]:
    """The last token of a phrase of time right after hi, with no comma in it ('in May', 'on Tuesday', 'last
    spring', 'in recent years'), or None."""
    doc, k, end = hi.doc, hi.i + 1, hi.sent.end
    if k + 1 >= end:
        return None
    t = doc[k]
    when = next((g for g in t.children if g.dep_ == "pobj" and time_word(g)), None) if t.dep_ == "prep" else None
    if when is not None:
        last = when
    elif time_word(t):
        last = t
    elif t.lower_ in TIME_DETERMINERS and time_word(doc[k + 1]):
        last = doc[k + 1]
    else:
        return None
    while last.i + 1 < end and time_word(doc[last.i + 1]):
        last = doc[last.i + 1]  # ('on Monday night', 'in June 2015')
    return None if any(x.is_punct for x in doc[k: last.i + 1]) else last


def modifier_past_time(hi: Token) -> Token:
    """'cited a memo in May that warned of a shortfall', 'referring to her account in 2010 of losing the boat': a noun
    object's own relative or noun clause, or its 'of' phrase, can come after a phrase of time that the speaker
    tucked in; the content then runs past the time to the end of that clause (to the next comma) or phrase. An 'of'
    only after a year ('the spring of 2010', 'the night of the vote' are the time's own). The last token, or hi."""
    doc = hi.doc
    if hi.pos_ not in ("NOUN", "PROPN") or _tok_in_quote(hi):
        return hi
    last = time_after(hi)
    if last is None or last.i + 2 >= hi.sent.end:
        return hi
    nxt = doc[last.i + 1]
    if nxt.lower_ in ("that", "which", "who") and doc[nxt.i + 1].pos_ != "PUNCT":
        return clause_stop(nxt)  # (also a 'that' the parser hung on the verb: after the time it is the noun's own)
    if nxt.lower_ == "of" and is_year(last) and nxt.right_edge.i > nxt.i:
        return nxt.right_edge
    return hi


def colon_elaboration(hi: Token) -> Token:
    """'recalled the hard winter: "We burned the fences for heat."', 'mocked two rivals: the clerk and the sheriff':
    what a colon right after a content opens, on the same line to the end of the sentence, spells the content out;
    not a clause of its own, nor a quotation with its own tail. Returns the sentence's last word, or hi."""
    doc, end = hi.doc, hi.sent.end
    if hi.i + 2 >= end or doc[hi.i + 1].text != ":" or any("\n" in t.text_with_ws for t in doc[hi.i: end - 1]):
        return hi
    if any(is_cue_verb(t) and not _tok_in_quote(t) for t in doc[hi.i + 2: end]):
        return hi  # (a quotation with its own tail: 'praised the deal: "...," she said')
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") and not _tok_in_quote(t) for t in doc[hi.i + 2: end]):
        return hi  # (a clause of its own: 'talked about X: Even the board is not ...')
    last = doc[end - 1]
    while last.i > hi.i + 1 and last.is_punct and last.text not in QUOTE_TOKENS:
        last = doc[last.i - 1]
    return last if last.i > hi.i + 1 else hi


def listed_after(hi: Token) -> Token:
    """'discussed the budget, the schools, the roads or the new library', 'thanked the clerk, two deputies and Mr. Vesey':
    a noun object followed by more noun phrases set off by commas, the last after 'and' or 'or', to the end of the
    sentence, is one list (the parser often hangs its items on the verb); returns the list's last token, or hi."""
    doc, end = hi.doc, hi.sent.end
    if hi.pos_ not in ("NOUN", "PROPN", "PRON") or _tok_in_quote(hi) or hi.i + 1 >= end or doc[hi.i + 1].text != ",":
        return hi
    k, last, joined = hi.i + 1, None, False
    while k < end:
        if doc[k].text == ",":
            k += 1
        elif last is None:
            return hi
        if k < end and doc[k].lower_ in ("and", "or"):
            joined = True
            k += 1
        item = _np_run(doc, k, end)
        if item is None:
            return hi
        last, k = item, item + 1
        if joined:
            break
        if k < end and doc[k].text != "," and doc[k].lower_ not in ("and", "or"):
            return hi
    if not joined or last is None or any(not doc[j].is_punct for j in range(last + 1, end)):
        return hi
    return doc[last]


def verbs_listed_after(hi: Token, verb: Token) -> Token:
    """'urged the board to cut the levy, reopen the pool and hire two clerks', 'supports closing the annex, selling
    the lot and leasing the hall': an infinitive or gerund phrase followed by more verb phrases of the same form set off
    by commas, the last after 'and' or 'or', to the end of the sentence, is one list of what was said (the parser
    often hangs the later items elsewhere). Read on the words; returns the list's last token, or hi."""
    doc, end = hi.doc, hi.sent.end
    if hi.text == "," and hi.i > verb.i:
        hi = doc[hi.i - 1]
    if verb.tag_ not in ("VB", "VBG") or hi.i + 2 >= end or doc[hi.i + 1].text != "," or _tok_in_quote(hi):
        return hi
    last = sentence_last_word(doc, end, hi.i)
    rest = doc[hi.i + 2: last + 1]

    def same_form(w: Token) -> bool:  # (a bare verb the tagger read as a present: 'cut taxes, crack down on ...')
        return w.tag_ == verb.tag_ or verb.tag_ == "VB" and w.tag_ == "VBP" and w.lower_ == w.lemma_.lower()

    if any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") and not same_form(x) or x.text in QUOTE_TOKENS or x.text in (";", ":") or x.text in DASH_TOKENS
           for x in rest):
        return hi
    # the items: each opens with a verb of the list's form; the last comes after 'and' or 'or'
    starts = [rest[0]] if len(rest) else []
    joined = False
    for x in rest[1:]:
        prev = doc[x.i - 1]
        if same_form(x) and (prev.text == "," or prev.lower_ in ("and", "or")):
            starts.append(x)
            joined = prev.lower_ in ("and", "or")
    if not starts or not joined or any(not same_form(w) or any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children)
                                       for w in starts):
        return hi
    return doc[last]


def _phrase_head(t: Token) -> Token:
    """The noun a prepositional phrase ending at t hangs from ('the secretary of state' for 'state')."""
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i < t.i and t.head.head.pos_ in ("NOUN", "PROPN"):
        t = t.head.head
    return t


def hyphen_joined_end(hi: Token) -> Token:
    """'praised the re-paving of Mill Road': a content never ends inside a hyphenated word, whatever the parser
    made of its parts (it can read 're', '-' and 'paving' as three objects). Past a hyphen written without spaces,
    the rest of the word and what hangs on it; hi when it ends no hyphenated word."""
    doc, end = hi.doc, hi.sent.end
    k = hi.i
    while k + 2 < end and not doc[k].whitespace_ and doc[k + 1].text == "-" and not doc[k + 1].whitespace_ and \
            doc[k + 2].is_alpha:
        k += 2
    if k == hi.i:
        return hi
    return doc[max(k, *(doc[j].right_edge.i for j in range(hi.i + 1, k + 1) if doc[j].right_edge.i < end))]


def possessed_end(hi: Token) -> Token:
    """'condemned the group's targeting of reporters', 'referenced the rivals' old tactics': content that ends with a
    possessor ends with what it owns, whatever the parser made of it. Read on the words: past the possessive
    marker, the modifiers and nouns that follow, up to the last noun; hi when the content does not end with a
    possessor."""
    doc = hi.doc
    if hi.tag_ == "POS":
        k = hi.i + 1
    elif hi.i + 1 < hi.sent.end and doc[hi.i + 1].tag_ == "POS" and not hi.whitespace_:
        k = hi.i + 2
    else:
        return hi
    end = None
    while k < hi.sent.end and not _tok_in_quote(doc[k]) and (
            doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "ADV") or doc[k].tag_ in ("HYPH", "VBG", "VBN") or
            doc[k].text == "," and k + 1 < hi.sent.end and doc[k + 1].pos_ == "ADJ"):
        if doc[k].pos_ in ("NOUN", "PROPN") or doc[k].tag_ == "VBG" and k + 1 < hi.sent.end and doc[k + 1].lower_ == "of":
            end = doc[k]
        k += 1
    if end is not None and end.i + 1 < hi.sent.end and doc[end.i + 1].lower_ == "of" and doc[end.i + 1].right_edge.i > end.i + 1:
        end = doc[end.i + 1].right_edge  # ('the group's targeting of reporters')
    return end if end is not None else hi


FINITE_TAGS = ("VBD", "VBZ", "VBP")


def verb_form(t: Token) -> str:
    """The form a verb shows in its own words: 'modal' ('would visit'), 'to' ('to visit'), 'past' or 'present'
    (its own tense or its finite auxiliary's: 'took', 'has issued'), 'ger', 'bare', 'part'; 'noun' for a non-verb."""
    if t.pos_ not in ("VERB", "AUX") and not t.tag_.startswith("VB"):
        return "noun"
    aux = [a for a in t.children if a.dep_ in ("aux", "auxpass") and a.i < t.i]
    if any(a.tag_ == "MD" for a in aux):
        return "modal"
    if any(a.lower_ == "to" for a in aux):
        return "to"
    fin = [a for a in aux if a.tag_ in FINITE_TAGS]
    tag = fin[0].tag_ if fin else t.tag_
    return {"VBD": "past", "VBZ": "present", "VBP": "present", "VBG": "ger", "VB": "bare", "VBN": "part"}.get(tag, "noun")


def _continues(conj: Token, head: Token) -> bool:
    """Can a verb with no subject of its own, coordinated with head, share head's subject and tense? A bare verb
    continues a modal or an infinitive ('would visit and stay'), a gerund a gerund, a participle a participle."""
    c, h = verb_form(conj), verb_form(head)
    if c == "bare":
        return h in ("modal", "to", "bare")
    if conj.tag_ == "VBG" and c == "ger":
        return head.tag_ == "VBG"
    if c == "part":
        return head.tag_ == "VBN"
    return c == h


def cues_own_conjunct(t: Token, v: Token, lo: Token) -> bool:
    """'insists the council should vote in June, and has asked the clerk to ...', 'said she likes the new design
    but worried about its cost', 'arguing the law was clear and urging the court to ...': a verb with no subject of
    its own, coordinated inside the content with a verb (or noun) whose form it cannot continue, but in the cue's own
    form, is the source's next act; the content ends before it (t is the conjunct's first word). Not inside a
    quotation."""
    if t.i <= lo.i + 1 or _tok_in_quote(t) or t.is_punct or t.dep_ == "cc":
        return False
    if t.doc[t.i - 1].lower_ in ("or", "nor"):
        return False  # 'say they would drive or are unsure how': alternatives are one content, not a second act
    x = t
    while True:
        if x.dep_ == "conj" and x.i != v.i and (x.head.i >= lo.i or x.head.i == v.i) and x.head.i < x.i and (x.pos_ in ("VERB", "AUX")) and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in x.children) and not _tok_in_quote(x):
            cue = verb_form(v)
            same = verb_form(x) == cue or v.tag_ == "VBN" and cue in ("past", "present") and x.tag_ in ("VBD", "VBN") and \
                not any(a.dep_ == "aux" for a in x.children)
            return same and (x.head.i == v.i or not _continues(x, x.head))
        if x.head.i == x.i or x.head.left_edge.i != t.i:
            return False
        x = x.head


def next_clause(sent: Span, v: Token, attr_hi: int) -> Optional[int]:
    """Where a clause of its own starts after an attribution clause: after a semicolon, or at the
    comma or conjunction before a verb coordinated with the cue that has a subject of its own (not the clause the
    cue interrupts, whose subject stands before it: '..., but the county, she said, will try again')."""
    doc = sent.doc
    for t in sent:
        if t.i <= attr_hi:
            continue
        if t.text == ";" or t.text == "," and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("and", "but", "or", "so", "yet"):
            return t.i
        if t.dep_ in ("conj", "parataxis") and (t.head.i == v.i or t.head.i < v.i) and t.pos_ in ("VERB", "AUX") and \
                t.left_edge.i > attr_hi and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            lo = t.left_edge.i
            while lo - 1 > attr_hi and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
                lo -= 1
            return lo
    return None


def trailing_attribution(f: "Finder", t: Token, sent: Span) -> bool:
    """Is t the start of a sentence-final attribution: ', according to X.', ', per X.', ', X said.' (also after a
    closing quote mark: 'said the plan would "hurt every farmer," the Ledger reported')"""
    doc = sent.doc
    if t.i == sent.start or doc[t.i - 1].text != "," and quote_closed_before(t) is None:
        return False
    if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
        return True
    if t.lower_ == "per" and t.pos_ == "ADP":
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        return pobj is not None and source_like(pobj)
    # ", the officials said." — a subject and a cue verb and nothing after but its dependents
    for v in sent:
        if v.i > t.i and is_cue_verb(v):
            subj = subject_of(v)
            if subj is not None and min(x.i for x in mention_tokens(subj)) == t.i and \
                    all(x.is_punct or x.head.i == v.i or x.head.head.i == v.i for x in sent if x.i > v.i):
                return not fronted_adjunct_before(t, v)
            break
    return False


def quote_closed_before(t: Token) -> Optional[Token]:
    """The opening mark of the quotation that closes, with a comma, question or exclamation mark inside it, right
    before t ('"...," she said'), or None."""
    doc, k = t.doc, t.i - 1
    if k < 1 or doc[k].text not in QUOTE_TOKENS or doc[k - 1].text not in (",", "?", "!") or not _tok_in_quote(doc[k - 1]):
        return None
    j = k - 1
    while j > t.sent.start and _tok_in_quote(doc[j]):
        j -= 1
    return doc[j] if doc[j].text in QUOTE_TOKENS else None


def set_off_quotation_before(t: Token) -> Optional[Token]:
    """The colon or dash that sets off the quotation closing right before t ('argued the levy was doomed: "We are
    short of votes," she said'): that quotation has its own speaker after it and is none of the content before the
    colon. None when there is no such quotation."""
    opening = quote_closed_before(t)
    if opening is None or opening.i <= t.sent.start:
        return None
    mark = t.doc[opening.i - 1]
    return mark if mark.text == ":" or is_dash(mark) else None


def fronted_adjunct_before(t: Token, v: Token) -> bool:
    """'said that even in Harlan County, voters want the levy': between an outer cue's 'that' and the comma at t no
    verb, and after t a cue with a clause or an object that is not whom it was said to ('..., she told the
    Ledger.'): the words before t are a phrase set before the reported clause, and the clause after t is that
    clause (with a report of its own inside), not a tail attribution."""
    doc = t.doc
    k, that = t.i - 2, None
    while k >= t.sent.start and not doc[k].tag_.startswith("VB") and doc[k].tag_ != "MD":
        that = doc[k] if doc[k].lower_ == "that" else that
        k -= 1
    if k < t.sent.start or doc[k].lemma_.lower() not in VERBS or that is None or that.i >= t.i - 2:
        return False  # (only a phrase that opens a 'that' clause of the outer cue goes on)
    rec = {x.i for x in recipient_of(v) or []}
    return any(c.i > v.i and c.i not in rec and c.dep_ in ("ccomp", "xcomp", "dobj") for c in v.children)


def modal_conjunct(t: Token, v: Token) -> bool:
    """'suggested she would change course and back the deal': a bare verb coordinated with a verb under a modal or
    'to' inside the content goes on with that verb; it is no second cue of a source whose cue has another form."""
    if verb_form(t) == "modal" and verb_form(v) != "modal" and not any(c.dep_ == "neg" for c in t.children):
        # '... was a lifelong Democrat and would likely back him': a verb under its own modal is reported too (not a
        # refusal: '..., but would not say where')
        return True
    return verb_form(t) == "bare" and verb_form(t.head) in ("modal", "to") and verb_form(v) not in ("bare", "modal", "to")


def progressive_conjunct(t: Token, v: Token) -> bool:
    """'says the council is stalling the vote and showing contempt for the court': a bare participle coordinated with
    a progressive verb ('is stalling') inside the content shares its 'is'; it goes on with that verb, no second cue of
    a source whose cue is no participle itself."""
    h = t.head
    return t.tag_ == "VBG" and h.tag_ == "VBG" and v.tag_ != "VBG" and \
        not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in t.children) and \
        any(c.dep_ == "aux" and c.lemma_ == "be" and c.i < h.i for c in h.children)


def coord_cue(f: "Finder", t: Token, v: Token) -> bool:
    """'X stressed that A and said B': the parser hangs 'said' on A; treat it as v's conjunct."""
    h = t.head
    return h.dep_ == "ccomp" and h.head.i == v.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def quote_ending_at(f: "Finder", pos: int) -> Optional[tuple[int, int]]:
    """A speech quote that ends right before pos (only commas and spaces between): the first,
    in text order, of those ending in the run of commas and spaces before pos (found by bisection)."""
    r = pos
    while r > 0 and f.text[r - 1] in " \t,\u00a0":
        r -= 1
    ends = speech_by_end(f)
    hits = ends[bisect_left(ends, (r, -1)):bisect_left(ends, (pos + 1, -1))]
    return min(((qs, qe) for qe, qs in hits), default=None)


def speech_by_end(f: "Finder") -> list[tuple[int, int]]:
    if getattr(f, "_by_end", None) is None:
        f._by_end = sorted((qe, qs) for qs, qe in f.speech)
    return f._by_end


def quote_starting_at(f: "Finder", pos: int) -> Optional[tuple[int, int]]:
    """A speech quote that starts right after pos (only a comma and spaces between). Quotes are
    sorted by start, so only those from the first starting at pos on, while nothing but commas
    and spaces lies between, can match."""
    k = bisect_left(f.speech, (pos, -1))
    for qs, qe in f.speech[k:]:
        between = f.text[pos:qs]
        if re.fullmatch(r"[ \t\u00a0]*,[ \t\u00a0]*", between):
            return (qs, qe)
        if not re.fullmatch(r"[ \t,\u00a0]*", between):
            break
    return None
