"""A question put to the person the sentence is about, by an asker it does not name: 'Asked whether
the plan would pass, the senator said ...', 'when asked about the dispute', 'The governor was asked if
he would run again'. The question is a claim of its own, with no source (the one asked is not its source)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from .candidate import Cand
from .content import coordinated_object_after, quote_starting_at
from .syntax import inverted_tail, question_hung_after
from .text import QUOTE_TOKENS, _tok_end, _tok_in_quote, _tok_start, to_infinitive

if TYPE_CHECKING:
    from .finder import Finder

QUESTION_PREPS = ("about", "on", "over", "regarding")


def put_to_subject(v: Token) -> bool:
    """Is 'ask' here a question put to the sentence's subject by someone unnamed: a passive without
    its agent ('was asked about'), a participle ('Asked whether ...', 'when asked about ...'), or a
    participle after the name the parser read as its verb ('Carlson, asked about his claims, ...')?"""
    if v.lemma_.lower() != "ask" or v.dep_ == "amod" or any(c.dep_ == "agent" for c in v.children):
        return False
    if inverted_tail(v):
        return False  # an inverted tail after a quotation: '"How big is the wall?" asked the boy'
    if v.tag_ == "VBN" and (any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or
                            not any(c.dep_ in ("aux", "nsubj") for c in v.children)):
        return True
    if v.tag_ == "VBD" and v.dep_ not in ("conj", "relcl") and not any(c.dep_ in ("nsubj", "aux") for c in v.children):
        return True  # 'Asked what it meant, he ...' with the participle tagged as a past tense
    doc = v.doc
    return v.tag_ == "VBD" and v.i > 1 and doc[v.i - 1].text == "," and \
        any(c.dep_ == "nsubj" and c.i == v.i - 2 for c in v.children) and not any(c.dep_ in ("aux", "auxpass") for c in v.children)


def question_content(f: "Finder", v: Token) -> Optional[tuple[list[Token], list[Token]]]:
    """What was asked, and the words of the cue besides the verb: a whether-, if- or wh-clause
    ('asked whether it would pass'), what the question was about ('asked about the dispute'), a request
    ('was asked to resign') or the question itself ('was asked a question about ...')."""
    # (a question whose words the writer quotes after its 'whether' or 'if': 'asked whether the clerk "has the skill"')
    kids = [c for c in v.children if c.i > v.i and (not _tok_in_quote(c) or any(
        g.dep_ == "mark" and g.lower_ in ("whether", "if") and not _tok_in_quote(g) for g in c.children))]
    # (an if-clause the parser read as a condition is the question too: 'was asked if he would run')
    clause = next((c for c in kids if c.dep_ in ("ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and any(
        g.i < c.i and (g.dep_ == "mark" and g.lower_ in ("whether", "if") or c.dep_ == "ccomp" and g.tag_ in ("WP", "WRB", "WDT"))
        for g in c.subtree)), None)
    if clause is None:
        clause = question_hung_after(v)
    if clause is not None:
        return list(clause.subtree), []
    opened = question_opened_by_object(v, kids)
    if opened is not None:
        return opened, []
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in QUESTION_PREPS and
                 any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if prep is not None:
        obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
        # (and a second topic after 'and': 'was asked about the mill and whether she would reopen it')
        hi = coordinated_object_after(v, obj.right_edge)
        return list(obj.subtree) + [t for t in v.doc[obj.right_edge.i + 1: hi.i + 1]], [prep]
    request = next((c for c in kids if c.dep_ == "xcomp" and to_infinitive(c)), None)
    if request is not None:
        return list(request.subtree), []
    obj = next((c for c in kids if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is not None:
        return list(obj.subtree), []
    # 'when asked at the conference about the merger': the parser hung 'about' on the place
    prep = next((t for t in v.subtree if t.i > v.i and t.dep_ == "prep" and t.lower_ == "about" and not _tok_in_quote(t)
                 and any(g.dep_ in ("pobj", "pcomp") for g in t.children)), None)
    if prep is not None:
        obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
        return list(obj.subtree), [prep]
    return None


def put_question(f: "Finder", doc: Doc, sent: Span, si: int, v: Token) -> None:
    """The sourceless claim of a question put to the subject (see put_to_subject); the quotation
    right after the cue when it asks one ('was asked, "Why now?"')."""
    found = question_content(f, v)
    extra: list[Token] = []
    if found is not None:
        toks, extra = found
        toks = [t for t in toks if t.i > v.i]
        if toks and not extra:
            # a wh-word the parser hung elsewhere opens the question: 'asked what they thought was ...'
            k = toks[0].i - 1
            while k > v.i and doc[k].tag_ in ("WP", "WRB", "WDT", "WP$") and not _tok_in_quote(doc[k]):
                toks.insert(0, doc[k])
                k -= 1
        while toks and (toks[-1].is_punct and toks[-1].text not in QUOTE_TOKENS or toks[-1].dep_ == "cc"):
            toks.pop()
        if not toks:
            return
        s, e = _tok_start(toks[0]), _tok_end(toks[-1])
    else:
        q = quote_starting_at(f, _tok_end(v)) or question_before(f, v)
        if q is None or not f.text[q[0]:q[1]].rstrip("\"”’' ").endswith("?"):
            return
        s, e = q
    span = f.content_span(s, e)
    if span is None:
        return
    s, e, kind = span
    cue_toks = sorted([c for c in v.children if c.dep_ == "auxpass" and c.i < v.i] + [v] + extra, key=lambda t: t.i)
    cs = _tok_start(cue_toks[0])
    cue = " ".join(t.text for t in cue_toks)
    f.add(Cand(doc, si, s, e, kind, "verb:question", cue=cue, cue_start=cs, cue_lemma="ask",
               notes=["a question put to the subject by an unnamed asker"]))


def question_opened_by_object(v: Token, kids: list[Token]) -> Optional[list[Token]]:
    """'was asked which of her rivals she was proudest of': a question opened by a wh-word (and its phrase) that the
    parser hung on the question verb as its object, before the clause it read as the verb's complement. The tokens
    from the wh-word to the clause's end, or None."""
    comp = next((c for c in kids if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    wh = next((c for c in kids if c.dep_ in ("dobj", "advmod", "npadvmod") and c.tag_ in ("WDT", "WP", "WRB", "WP$")), None)
    if comp is None or wh is None or wh.i > comp.left_edge.i:
        return None
    return list(v.doc[wh.left_edge.i: comp.right_edge.i + 1])


def question_before(f: "Finder", v: Token) -> Optional[tuple[int, int]]:
    """'Why does the mayor remain so popular? Dana Morrow was asked.': a question the writer puts in a sentence of its
    own (no quote marks) right before a passive 'was asked' that ends its sentence, in the same paragraph. Its span,
    or None."""
    doc, sent = v.doc, v.sent
    if any(not (t.is_punct or t.dep_ in ("advmod", "npadvmod")) for t in doc[v.i + 1: sent.end]) or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if before[-1].text != "?" or "\n" in doc.text[before.start_char: sent.start_char] or \
            any(_tok_in_quote(t) for t in before):
        return None
    return _tok_start(before[0]), _tok_end(before[-1])
