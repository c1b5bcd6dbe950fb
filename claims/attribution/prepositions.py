"""Prepositional cues: "according to X", "per X", "citing X", "in a poll"."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import FINDINGS_IN, MESSAGE_NOUNS, OPINIONS_IN, RECIPIENT_VERBS, SOURCE_NOUNS, UNIT_NOUNS, VERBS
from .candidate import Cand
from .cues import REL_PRONOUNS, is_cue_verb
from .syntax import _cites_inside_report, _content_first, mention_tokens, subject_of
from .text import QUOTE_TOKENS, _tok_end, _tok_in_quote, _tok_start, mark_width_before, outside_quotes, trim_span

if TYPE_CHECKING:
    from .finder import Finder


def prep_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    """Claims attributed by a phrase: 'according to X', 'per X', 'citing X', 'in her view', 'In a new poll, ...'."""
    for t in outside_quotes(doc, sent):
        found = phrase_cue_at(doc, sent, t)
        if found is None:
            continue
        head_tok, cue_toks = found
        low = t.lower_
        src = phrase_source(doc, sent, head_tok, low)
        span = phrase_content(f, sent, t, cue_toks, src)
        if span is None:
            continue
        s, e = f.extend_over_quotes(*span)
        s, e = trim_span(f.text, s, e)
        if e - s < 2:
            continue
        s = quotation_before(f, s, e, si)
        cue_s, cue_e = _tok_start(cue_toks[0]), _tok_end(cue_toks[-1])
        c = Cand(doc, si, s, e, "according_to", f"prep:{cue_toks[0].lower_}", cue=f.text[cue_s:cue_e],
                 cue_start=cue_s, cue_lemma="according to" if low == "according" else low,
                 source_tokens=doc[src[0].i: src[-1].i + 1])
        if low == "citing" and t.head.i != t.i:
            # the reporting verb that cites this source
            c.relayed_by = _tok_start(t.head.head if _cites_inside_report(t) else t.head)
        f.add(c)


def quotation_before(f: "Finder", s: int, e: int, si: int) -> int:
    """'"Will the ferry run?" Morrow asked, according to the Ledger.': where the sentence was cut at the
    quotation's closing mark, a content that opens with the speaker's attribution takes the quotation back in
    (a quotation that ends right before s, and a claim of this sentence with its cue in [s, e) that reports
    it). The content's new start, or s."""
    k = s
    while k > 0 and f.text[k - 1] in " \t":
        k -= 1
    q = f.speech_quote_at(k - 1) if mark_width_before(f.text, k) else None
    if q is None or q[1] != k:
        return s
    for c in reversed(f.cands):
        if c.sent_index != si:
            break
        if c.kind == "direct" and c.cue_start is not None and s <= c.cue_start < e and q[0] <= c.start < c.end <= k:
            return q[0]
    return s


def phrase_cue_at(doc: Doc, sent: Span, t: Token) -> Optional[tuple[Token, list[Token]]]:
    """The source's head token and the cue's tokens when t opens an attributing phrase, else None."""
    low = t.lower_
    if low == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
        to = doc[t.i + 1]
        head_tok = next((c for c in to.children if c.dep_ == "pobj"), None)
        return (head_tok, [t, to]) if head_tok is not None else None
    if low == "per" and t.pos_ == "ADP":
        head_tok = next((c for c in t.children if c.dep_ == "pobj"), None)
        return (head_tok, [t]) if head_tok is not None and source_like(head_tok) else None
    if low == "citing" or (t.lemma_.lower() == "cite" and t.tag_ == "VBG"):
        head_tok = next((c for c in t.children if c.dep_ == "dobj"), None)
        ok = head_tok is not None and source_like(head_tok) and cites_for_a_report(t)
        return (head_tok, [t]) if ok else None
    if low == "in" and t.dep_ == "prep" and (holder := opinion_holder(t)) is not None:
        # 'In her view, ...', '..., in Lowell's judgment, ...'
        return holder, [t, next(c for c in t.children if c.dep_ == "pobj")]
    if low == "in" and t.dep_ == "prep" and t.i == next((x.i for x in sent if not x.is_punct), -1):
        head_tok = finding_in(t)  # (only opening the sentence: 'leads in the polls' is mostly the reporter's)
        return (head_tok, [t]) if head_tok is not None else None
    return None


def phrase_source(doc: Doc, sent: Span, head_tok: Token, low: str) -> list[Token]:
    """The tokens of the phrase's source: the mention around head_tok, without the 'of' of 'in Morrow's view' and
    without a clause the parser hung on it after a set-off comma."""
    src = mention_tokens(head_tok)
    if low == "in":
        src = [x for x in src if x.dep_ != "case"] or src  # 'in Morrow's view': Morrow
    # the parser may hang the clause after a set-off comma on the source ('According to an
    # analysis by X, nearly 300,000 voters lack ...'): the source ends at that comma, unless
    # what follows is an apposition or a relative clause ('..., a spokesman', '..., which')
    for k, x in enumerate(src):
        if x.text == "," and x.i > head_tok.i and k + 1 < len(src):
            rest = src[k + 1:]
            finite = any(r.tag_ in ("VBD", "VBP", "VBZ", "MD") for r in rest)
            # or the parse is so broken that no verb is left for the content after the source
            verbless = not any(r.pos_ in ("VERB", "AUX") for r in sent if r.i > src[-1].i)
            # or a tensed verb with no subject of its own follows: the noun after the comma is its subject
            # ('According to a poll by the Ledger, most voters in the county say ...')
            nxt = doc[src[-1].i + 1] if src[-1].i + 1 < sent.end else None
            stranded = nxt is not None and nxt.pos_ == "VERB" and nxt.tag_ in ("VBD", "VBP", "VBZ") and \
                not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in nxt.children)
            if (finite or verbless or stranded) and rest[0].lower_ not in REL_PRONOUNS and rest[0].tag_ not in ("WDT", "WP", "WP$"):
                return src[:k]
    return src


def modifier_before_according(t: Token) -> bool:
    """'The clerk announced that the county hired Ray Lowell, who had run the port for years, according to the
    Ledger': a relative clause (which, who) or a 'with' phrase set off by a comma at the end of a clause that a cue
    verb reports, right before a closing 'according to', is what that phrase attributes; the reported clause before
    it is the cue's own (t opens the modifier). (Not a participle, which is as often the speaker's next act or a
    list of examples.)"""
    doc = t.doc
    if t.i < 2 or doc[t.i - 1].text != "," or t.lower_ not in ("which", "who", "with") or _tok_in_quote(t):
        return False
    k = next((j for j in range(t.i + 1, t.sent.end) if doc[j].text == ","), None)
    if k is None or k + 3 >= t.sent.end or doc[k + 1].lower_ != "according" or doc[k + 2].lower_ != "to":
        return False
    if any(not x.is_punct for x in doc[doc[k + 2].right_edge.i + 1: t.sent.end]):
        return False  # (the phrase closes the sentence)
    return any(is_cue_verb(a) and a.tag_ in ("VBD", "VBZ", "VBP") and not _tok_in_quote(a) for a in t.ancestors)


def phrase_content(f: "Finder", sent: Span, t: Token, cue_toks: list[Token], src: list[Token]) -> Optional[tuple[int, int]]:
    """What the phrase attributes: after it when it opens the sentence, else the clause before it (or its own
    clause, the bracketed aside it closes, the demonstrative it follows, the clause a citing participle reports)."""
    low = t.lower_
    phrase_lo = cue_toks[0].i
    phrase_hi = max(src[-1].i, cue_toks[-1].i)
    sent_toks = [x for x in sent]
    first_word = next((x for x in sent_toks if not x.is_punct), sent[0])
    if phrase_lo <= first_word.i + 1:  # sentence-initial: content follows the comma
        after = [x for x in sent_toks if x.i > phrase_hi]
        while after and after[0].is_punct and after[0].text not in QUOTE_TOKENS:
            after = after[1:]
        while after and after[-1].is_punct and after[-1].text not in QUOTE_TOKENS:
            after = after[:-1]  # the sentence's full stop is not content
        if not after:
            return None
        # stop before a trailing attribution of the same content (", officials tell me"); a verb of speech
        # with a content of its own after the comma is the main clause the phrase attributes, and what
        # stands before that comma still describes the source
        tail, main = tail_attribution_start(f, sent, after[0].i)
        return (main if main is not None else _tok_start(after[0])), tail if tail is not None else _tok_end(after[-1])
    before = [x for x in sent_toks if x.i < phrase_lo]
    after = [x for x in sent_toks if x.i > phrase_hi and not x.is_punct]
    if not before:
        return None
    s = _tok_start(before[0])
    e = _tok_end(before[-1]) if not after or low == "citing" else _tok_end(sent[-1])
    pointer = pointing_subject(before)
    if pointer is not None:
        s, e = _tok_start(pointer), _tok_end(pointer)
    elif (low == "according" or low == "in") and after:
        own = clause_of_phrase(t, phrase_lo, phrase_hi, own_clause=low == "in")
        if own is not None:
            s, e = own
    lead = colon_lead_in(before) if low == "according" and pointer is None else None
    if lead is not None and _tok_start(lead) > s:
        s = _tok_start(lead)
    inner = bracketed_before(sent, phrase_lo, phrase_hi) if low == "according" else None
    if inner is not None:
        s, e = inner
    elif low == "according" and not after and pointer is None:
        s = next((_tok_start(x) for x in before if modifier_before_according(x)), s)
    if low == "citing":
        # "X reported, citing Y, that ...": the content is the reported clause (which the
        # parser may also take for the head of 'citing')
        comp = next((c for c in t.children if c.dep_ == "ccomp"), None) or \
            next((c for c in t.head.children if c.dep_ == "ccomp"), None)
        if comp is None and _cites_inside_report(t):
            comp = t.head
        if comp is not None:
            sub = list(comp.subtree)
            s, e = _tok_start(_content_first(comp)), _tok_end(sub[-1])
    return s, e


def pointing_subject(before: list[Token]) -> Optional[Token]:
    """'That's according to the county's own figures', 'This was according to two aides': a demonstrative and a form
    of 'be', and nothing else, before the phrase: the demonstrative stands for what was reported before, and is the
    content (not the sentence, which holds only the source)."""
    words = [x for x in before if not x.is_punct]
    if len(words) == 2 and words[0].lower_ in ("that", "this") and words[0].dep_ in ("nsubj", "nsubjpass") and \
            (words[1].lemma_.lower() == "be" or words[1].lower_ in ("'s", "’s")):
        return words[0]
    return None


def cites_for_a_report(t: Token) -> bool:
    """'The Ledger reported, citing two clerks, that ...', 'Morrow, citing figures from the treasury, said ...': a
    cited source is the source of what is reported, where 'citing' goes with a verb of speech or finding; after any
    other verb ('proposed a ban, citing two officials', 'stood at the door and, citing the charter, ...') it is only
    what is cited."""
    reports = is_cue_verb(t.head) and VERBS[t.head.lemma_.lower()].act in ("statement", "finding")
    return reports or _cites_inside_report(t) or any(c.dep_ == "ccomp" for c in t.children)


def clause_of_phrase(t: Token, phrase_lo: int, phrase_hi: int, own_clause: bool = False) -> Optional[tuple[int, int]]:
    """'The museum drew 9,000 visitors according to its own tally, but the board wants more': an 'according to'
    inside the sentence attributes the clause it stands in, not a clause coordinated after it with a subject of
    its own, nor a subordinate clause that opens the sentence before it ('Though the east wing stayed shut, according to
    X, the west wing reopened'); in a relative clause it attributes that clause ('members, half of whom walk to work
    according to the survey, ...')."""
    h = t.head
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    while h.dep_ not in ("ROOT", "relcl", "parataxis") and h.head.i != h.i and not (own_clause and h.dep_ == "conj"):
        h = h.head  # (an opinion stands in its own clause: 'The vote is close, and in our view the levy will fail')
    if h.pos_ not in ("VERB", "AUX"):
        return None
    drop = set(range(phrase_lo, phrase_hi + 1))
    for c in h.children:
        own_subject = any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        if c.i > phrase_hi and c.dep_ in ("conj", "parataxis") and own_subject and c.left_edge.i > phrase_hi + 1 and \
                (t.doc[c.left_edge.i - 1].dep_ == "cc" or t.doc[c.left_edge.i - 1].text == ";"):
            drop |= {x.i for x in c.subtree} | {x.i for x in h.children if x.dep_ == "cc" and x.i > phrase_hi}
        elif c.dep_ == "advcl" and h.i > phrase_hi and any(g.dep_ == "mark" for g in c.children) and \
                all(x.i < phrase_lo or phrase_lo <= x.i <= phrase_hi or x.is_punct for x in c.subtree):
            drop |= {x.i for x in c.subtree}
    keep = [x for x in h.subtree if x.i not in drop and not (x.is_punct and x.text not in QUOTE_TOKENS)]
    if h.dep_ == "relcl":
        keep = [x for x in keep if x.i >= min(x.i for x in h.subtree)]
    if len(keep) < 3 or not any(x.pos_ in ("VERB", "AUX") for x in keep):
        return None
    lo, hi = keep[0], keep[-1]
    while hi.i > lo.i and hi.dep_ == "cc":
        hi = t.doc[hi.i - 1]
    return _tok_start(lo), _tok_end(hi)


def colon_lead_in(before: list[Token]) -> Optional[Token]:
    """'The levy has not slowed building: 14 towns issued permits this year, according to the state': a clause
    after a colon, with a subject of its own, is what the 'according to' after it attributes; the reporter's lead-in
    before the colon is not. Returns the clause's first word, or None (no colon outside quotation marks before the
    phrase, or a list after it: 'searched the files of three aides: Morrow, Lowell and Vesey')."""
    colon = next((x for x in reversed(before) if x.text == ":" and not _tok_in_quote(x)), None)
    if colon is None or colon.i + 1 >= before[-1].i:
        return None
    h = colon.head
    if h.i < colon.i or h.i > before[-1].i or h.pos_ not in ("VERB", "AUX") or \
            not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and colon.i < c.i < h.i for c in h.children):
        return None
    return colon.doc[colon.i + 1]


def bracketed_before(sent: Span, phrase_lo: int, phrase_hi: int) -> Optional[tuple[int, int]]:
    """'Small towns like Harlan (88 percent of the homes there are old, according to the census) need repairs': an
    'according to' that closes a bracketed aside attributes the aside, not the sentence around it."""
    doc = sent.doc
    opening = next((x for x in reversed(doc[sent.start:phrase_lo]) if x.text in ("(", ")")), None)
    closing = next((x for x in doc[phrase_hi + 1:sent.end] if not x.is_punct or x.text in ("(", ")")), None)
    if opening is None or opening.text != "(" or closing is None or closing.text != ")":
        return None
    inside = [x for x in doc[opening.i + 1:phrase_lo] if not (x.is_punct and x.text not in QUOTE_TOKENS)]
    if len(inside) < 2:
        return None
    return _tok_start(inside[0]), _tok_end(inside[-1])


def opinion_holder(t: Token) -> Optional[Token]:
    """'In her view, the levy failed', 'the deal, in Lowell's judgment, is dead', 'in the opinion of most trustees': whose
    view or judgment (``opinions_in``) the clause stands in, named by a possessor or an 'of'."""
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in OPINIONS_IN or t.head.pos_ not in ("VERB", "AUX") or \
            t.head.dep_ not in ("ROOT", "ccomp", "conj", "relcl", "parataxis"):
        return None  # (the opinion of a clause, not of a phrase inside it: 'grounds for, in her view, selling it')
    if t.i >= 2 and t.doc[t.i - 1].text == "," and t.doc[t.i - 2].pos_ == "ADP" or \
            t.lower_ in getattr(VERBS.get(t.head.lemma_.lower()), "preps", ()):
        return None  # ... nor what a verb takes with its preposition: 'believed in her judgment'
    if any(c.dep_ == "prep" and c.lower_ != "of" for c in pobj.children) or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children) and any(c.dep_ == "poss" for c in pobj.children):
        return None  # what the opinion is about, not whose it is: 'split in their opinions of the ferry board'

    doc = t.doc
    if not (t.i == t.sent.start or doc[t.i - 1].text in (",", "—", "–", "--") or
            doc[t.i - 1].dep_ == "cc" or doc[t.i - 1].lower_ in ("which", "who", "that")):
        return None  # set off from its clause: not 'kept the children in her view'
    holder = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if holder is None and any(c.dep_ == "det" and c.lower_ == "the" for c in pobj.children):
        # 'in the opinion of most trustees'; not 'in view of the storm'
        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        holder = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if holder is not None and not source_like(holder):
            return None
    return holder


def finding_in(t: Token) -> Optional[Token]:
    """'In a new poll, the governor leads ...': a poll or survey the clause's own verb stands in, when that
    verb does not report it itself ('the poll found', 'said in a survey'), and the verb is a clause's (the
    finding), not a noun's ('the lead in the polls')."""
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    v = t.head
    if pobj is None or pobj.lemma_.lower() not in FINDINGS_IN and pobj.lower_ not in FINDINGS_IN:
        return None
    if v.pos_ not in ("VERB", "AUX") or v.dep_ not in ("ROOT", "ccomp", "conj") or is_cue_verb(v) or \
            not any(c.dep_ in ("nsubj", "expl") for c in v.children):
        return None
    if any(is_cue_verb(x) for x in v.subtree if x.i != v.i and not _tok_in_quote(x)):
        return None  # a clause that reports something of its own is that report's
    return pobj


def tail_attribution_start(f: "Finder", sent: Span, after_i: int) -> tuple[Optional[int], Optional[int]]:
    """After a sentence-initial phrase, a verb of speech whose subject follows a comma: where the content before
    it ends when it is a trailing attribution ('..., the clerk says.'), or where its clause starts when it says
    something of its own ('According to files from Ray Lowell, a clerk who retired, the mayor told him that ...':
    the words before the comma describe the phrase's source). (None, None) when there is no such verb."""
    for v in sent:
        if v.i <= after_i or not is_cue_verb(v):
            continue
        subj = subject_of(v)
        if subj is None or subj.i < after_i:
            continue
        lo = min(t.i for t in mention_tokens(subj))
        if lo - 1 > after_i and sent.doc[lo - 1].text == ",":
            if says_after(v):
                return None, _tok_start(sent.doc[lo])
            return _tok_end(sent.doc[lo - 2]), None
    return None, None


def says_after(v: Token) -> bool:
    """Does the verb of speech take what it says after itself (a clause, an object, an infinitive, or the
    object of a preposition of its frame: 'referred to X as Y'), so that it is no trailing attribution?"""
    preps = getattr(VERBS.get(v.lemma_.lower()), "preps", ())
    tells = v.lemma_.lower() in RECIPIENT_VERBS  # ('told the paper on Monday': whom, not what)
    return any(c.i > v.i and (c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in preps or
                              c.dep_ == "dobj" and (not tells or c.lemma_.lower() in MESSAGE_NOUNS)) for c in v.children)


def source_like(t: Token) -> bool:
    lem = t.lemma_.lower()
    if lem in UNIT_NOUNS or t.like_num:
        return False
    if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if lem in SOURCE_NOUNS or t.lower_ in SOURCE_NOUNS:
        return any(c.dep_ in ("det", "nummod", "amod", "compound", "poss") for c in t.children) or t.tag_ == "NNS"
    return False
