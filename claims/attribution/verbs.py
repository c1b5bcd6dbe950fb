"""Verb cues: a reporting verb and its layout (split quotation, tail, parenthetical, complement first, relative clause, as-clause, a phrase by the verb's frames, a quotation introduced by a colon or a comma)."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import CHANNEL_NOUNS, CLAUSE_ONLY, CONCERN_NOUNS, DECLINE_LEMMAS, DOCUMENT_ONLY, MESSAGE_NOUNS, NEVER_SPEECH, NO_RESPONSE, OBJECT_CONTENT, QUOTE_INTRODUCERS, VERBS, layout_verb
from .candidate import Cand
from .content import forward_end, next_clause, quote_ending_at, quote_starting_at, reporters_addition
from .cues import DOC_NOUNS, QUANTIFIERS, REL_PRONOUNS, is_cue_verb, takes_clause_frame
from .declines import decline, no_response
from .syntax import _content_first, _finder_noun, can_speak, complement_of, mention_tokens, recipient_of, subject_of
from .text import QUOTE_TOKENS, _ends_with_quote, _tok_end, _tok_in_quote, _tok_start, mark_width, trim_span

if TYPE_CHECKING:
    from .finder import Finder


def verb_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    for v in sent:
        if _tok_in_quote(v):
            continue
        lem = v.lemma_.lower()
        if lem in DECLINE_LEMMAS:
            decline(f, doc, sent, si, v)
            continue
        if is_no_response(v):
            no_response(f, doc, sent, si, v)
            continue
        if under_decline(f, v):
            continue
        if is_cue_verb(v):
            verb_claim(f, doc, sent, si, v)
        elif v.pos_ == "VERB" and lem not in NEVER_SPEECH and lem not in VERBS and v.dep_ not in ("amod", "aux", "auxpass"):
            verb_claim(f, doc, sent, si, v, layout_only=True)


def under_decline(f: "Finder", v: Token) -> bool:
    """'declined to comment or to confirm that ...': confirm is not asserted. A verb coordinated
    with the decline itself ('declined to comment, but said ...') is."""
    t, hops = v, 0
    while t.dep_ in ("xcomp", "conj", "ccomp") and hops < 4:
        rel, t = t.dep_, t.head
        hops += 1
        declining = t.lemma_.lower() in DECLINE_LEMMAS or (t.lemma_.lower() in NO_RESPONSE and is_negated(t))
        if declining:
            return rel != "conj" or hops > 1
    return False


def is_negated(v: Token) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def is_no_response(v: Token) -> bool:
    lem = v.lemma_.lower()
    if lem not in NO_RESPONSE or not is_negated(v):
        return False
    if lem == "reach":
        return any(c.dep_ == "auxpass" for c in v.children)
    if lem in ("say", "comment"):
        return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "will", "did", "does", "do") for c in v.children) and \
            not any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in v.children)
    return True


def cue_text(f: "Finder", v: Token, extra: Iterable[Token] = ()) -> tuple[str, int]:
    toks = [v] + [c for c in v.children if c.dep_ in ("prt",) or (c.dep_ in ("aux",) and c.i == v.i - 1 and c.lower_ in ("has", "have", "had"))]
    toks += list(extra)
    for c in v.children:
        if c.dep_ in ("dobj",) and c.lemma_.lower() in CONCERN_NOUNS and v.lemma_.lower() in ("raise", "express", "voice"):
            toks.append(c)
        if c.dep_ == "prep" and c.lower_ in ("on", "for") and v.lemma_.lower() in ("call", "push"):
            toks.append(c)
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back" and v.lemma_.lower() == "push") or \
                (c.dep_ == "dobj" and c.lower_ == "it" and v.lemma_.lower() == "put"):
            toks.append(c)
    # "said in a statement", "wrote in a post on X", "said in an interview with the Guardian"
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i > v.i and \
                any(g.dep_ == "pobj" and g.lemma_.lower() in CHANNEL_NOUNS for g in c.children):
            toks.extend(c.subtree)
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    s, e = _tok_start(toks[0]), _tok_end(toks[-1])
    return f.text[s:e], s


def verb_claim(f: "Finder", doc: Doc, sent: Span, si: int, v: Token, layout_only: bool = False) -> None:
    """The claim of a cue verb. With ``layout_only`` the verb is not in the lexicon and counts only
    where a quotation's layout makes it a cue (split around it, closed right before it, introduced by it)."""
    lem = v.lemma_.lower()
    entry = layout_verb(lem) if layout_only else VERBS[lem]
    if layout_only and (not quote_layout_near(f, v, sent) or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)):
        return  # (a passive introduces no one's words: 'was joined on stage by ...')
    if lem == "ask" and not any(c.dep_ == "agent" for c in v.children) and (
            v.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)
            or not any(c.dep_ == "nsubj" for c in v.children) and v.dep_ != "relcl"):
        return  # "was asked about", "..., asked about his claims": the question is put to the source
        # (by someone the article names, 'was asked by the moderator whether ...', it is the asker's)
    if v.tag_ in ("VBD", "VBN") and v.i > 1 and doc[v.i - 1].text == "," and \
            any(c.dep_ == "nsubj" and c.i == v.i - 2 and not any(x.dep_ in ("appos", "relcl") for x in c.children)
                for c in v.children) and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return  # "Carlson, asked about his claims": a participle after the name, which the parser read as its verb
    if v.tag_ == "VB" and v.dep_ in ("xcomp", "advcl") and not takes_clause_frame(lem) and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return  # "not authorized to discuss the matter", "plans to criticize": an act to come, not a claim
    if not layout_only and not phrase_cue_ok(v, lem):
        return
    subj = subject_of(v)
    rec = recipient_of(v)
    rec_idx = {t.i for t in rec} if rec else set()
    if subj is not None and (subj.i in rec_idx or _tok_in_quote(subj)):
        return
    if lem in DOCUMENT_ONLY and (subj is None or (subj.lemma_.lower() not in DOC_NOUNS and subj.lower_ not in DOC_NOUNS
                                                   and not _finder_noun(subj))):
        return  # "the move suggests", "the game showed": things do not report; documents and people do
    if subj is not None and not can_speak(subj, v) and not (layout_only and subj.pos_ == "NOUN"):
        return  # (a quotation's layout makes any noun a speaker: '"Hello," the crowd roared')
    src = mention_tokens(subj) if subj is not None else None
    if subj is not None and subj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "X") and subj.ent_type_ == "" \
            and subj.lower_ not in QUANTIFIERS:
        return
    passive_it = subj is None and any(c.dep_ == "nsubjpass" for c in v.children) and \
        (any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in v.children) or
         any(c.dep_ == "ccomp" and c.i > v.i for c in v.children))  # "it was reported that", "they were told that"
    if subj is None and not passive_it and not (v.dep_ == "relcl"):
        return
    cue_extra = list(rec) if rec else []
    cue, cue_start = cue_text(f, v, cue_extra)
    src_lo = min((t.i for t in src), default=v.i) if src else v.i
    src_hi = max((t.i for t in src), default=v.i) if src else v.i
    # a participle or coordinated verb takes its source from another clause ('..., Trump said,
    # referring to Kerry'): its own attribution clause is the verb and what it governs
    borrowed = subj is not None and subj.head.i != v.i and subj.i < v.i and v.dep_ in ("advcl", "conj", "xcomp", "acl", "pcomp")
    attr_lo = v.i if borrowed else min(src_lo, v.i)
    attr_hi = max(v.i if borrowed else src_hi, v.i, max((t.i for t in rec), default=v.i) if rec else v.i)

    comp = complement_of(v)
    content: Optional[tuple[int, int]] = None
    rule = ""
    as_clause = as_clause_content(f, v, sent) if not layout_only else None
    if as_clause is not None:
        content, rule = as_clause, "verb:as_clause"
    elif v.dep_ == "relcl" and comp is not None and comp.pos_ in ("VERB", "AUX") and not layout_only and \
            not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.lower_ not in REL_PRONOUNS for c in comp.children):
        # "a rule change that he said would make it harder", "the deal, which officials expect will
        # pass": the reported clause is what follows the cue (its subject is the antecedent)
        own = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in REL_PRONOUNS), None)
        rest = [t for t in comp.subtree if t.i > v.i]
        if own is None or not rest:
            return
        end = next((t.i for t in rest if t.i > rest[0].i + 1 and reporters_addition(f, t, v, rest[0])), None)
        rest = [t for t in rest if end is None or t.i < end]
        while len(rest) > 1 and rest[-1].is_punct and rest[-1].text not in QUOTE_TOKENS:
            rest.pop()
        content, rule = (_tok_start(rest[0]), _tok_end(rest[-1])), "verb:relative"
    # "A," she said, "B." — one quotation split by its attribution
    q_before = quote_ending_at(f, _tok_start(doc[attr_lo]))
    q_after = quote_starting_at(f, _tok_end(doc[attr_hi]))
    if q_before and q_after and q_before in f.split_used:
        q_before = None  # '"A," he said, "B," he added, "C."': B went with A; this cue takes C
        rule = "verb:quote_after"
    if q_before and q_after and q_before != q_after:
        f.split_used.add(q_after)
        s_, e_ = f.strip_quote(q_before[0], q_after[1])
        f.add(Cand(doc, si, s_, e_, "direct", "verb:split_quote", cue=cue, cue_start=cue_start, cue_lemma=lem,
                      source_tokens=doc[src[0].i: src[-1].i + 1] if src else None,
                      recipient=f.text[_tok_start(rec[0]):_tok_end(rec[-1])] if rec else None,
                      notes=["quotation split by its attribution"]))
        return
    q_intro = introduced_quote(f, doc, attr_hi, lem, layout_only)
    # -- tail: "..., X said." / "'...,' X told me." (content before the attribution clause)
    before = [t for t in sent if t.i < attr_lo]
    if q_before and not any(not t.is_punct for t in before) and not q_intro and rule != "verb:quote_after" and \
            (comp is None or comp.i < attr_lo) and q_before not in f.split_used and \
            (re.search(r"[,?!—–-]\W*$", f.text[q_before[0]:q_before[1]]) or
             not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "oprd", "dative") or c.dep_ == "prep" and c.lower_ in entry.preps
                     for c in v.children if c.i > v.i and c.i not in rec_idx)):
        # '"A? B!" O'Malley said.': the quotation before, which the sentence splitter cut off (not when
        # the quotation is a finished sentence and the cue has content of its own: '..." She noted a rally')
        content, rule = q_before, "verb:tail"
    after = [t for t in sent if t.i > attr_hi]
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
    comp_before = comp is not None and comp.i < attr_lo
    for c in v.children:
        if c.dep_ in ("prep", "npadvmod", "agent") + (("advmod", "acl", "oprd", "ccomp", "xcomp") if comp_before else ()) and c.i > v.i:
            sub = list(c.subtree)
            if comp_before and not (is_cue_verb(c) and c.tag_ == "VBG") or not any(t.dep_ == "ccomp" or is_cue_verb(t) for t in sub):
                own_sub = {t.i for t in sub}
                after = [t for t in after if t.i not in own_sub]
    # an adverbial clause of the cue ('..., X said on Tuesday, as officials weigh ...', '..., said
    # Carson, asked about his claims') is the reporter's context, not content
    for c in v.children:
        if c.dep_ == "advcl" and c.i > v.i and not is_cue_verb(c):
            sub = {t.i for t in c.subtree}
            after = [t for t in after if t.i not in sub]
    # a clause coordinated with the attribution ('..., Ms. Gil said, and the boys trailed behind';
    # '..., he said; his agents found them') is a sentence of its own: the content stays before
    stop = next_clause(sent, v, attr_hi)
    if stop is not None:
        after = [t for t in after if t.i < stop]
    after_ok = all(t.is_punct or t.dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod", "nummod",
                                             "dative", "dobj", "poss", "case", "cc", "conj") and not is_cue_verb(t)
                   and t.dep_ != "ccomp" and not any(c.dep_ == "ccomp" for c in t.children) for t in after)
    # the preposed reported clause of a tail attribution is set off by a comma, quote mark or dash,
    # and the attribution is the main clause ("..., officials said."), not a verb inside the content;
    # after a closing quote mark the layout says so whatever the parse ('"...," Mr. W wrote')
    quote_tail = _ends_with_quote(before) and subj is not None and (subj.i < v.i or subj.i > v.i) and (comp is None or comp.i < attr_lo)
    # a reported clause has a verb; an opening phrase ('Throughout the night, his family talked about
    # ...', 'But despite his own opposition, Tester pointed to ...') is the reporter's
    clause_before = quote_tail or any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before)
    tail_ok = bool(before) and before[-1].is_punct and before[-1].text != ":" and not (q_intro and not quote_tail) \
        and content is None and clause_before and (v.dep_ in ("ROOT", "parataxis") or (comp is not None and comp.i < attr_lo)
                                                        or v.dep_ == "conj" and v.head.dep_ in ("ROOT", "parataxis")
                                                        # "..., manager Erik Larsen confirmed on Monday." read
                                                        # as an adverbial clause: no 'as', 'when' or 'because'
                                                        or v.dep_ == "advcl" and v.head.dep_ in ("ROOT", "parataxis")
                                                        and v.head.i < v.i and subj is not None and subj.i < v.i
                                                        and subj.head.i == v.i
                                                        and not any(c.dep_ == "mark" for c in v.children)
                                                        or quote_tail)
    leftover = [t for t in after if not t.is_punct]
    # "A comic tone, she said, would make ...": an attribution set off by commas inside its content
    parenthetical = not quote_tail and bool(before) and before[-1].text == "," and bool(after) and after[0].text == "," and \
        any(t.pos_ in ("VERB", "AUX") for t in leftover) and v.dep_ in ("parataxis", "ROOT", "advcl", "conj", "ccomp") \
        and subj is not None and subj.i < v.i and not any(c.dep_ in ("ccomp", "xcomp") and c.i > v.i for c in v.children)
    takes_clause = takes_clause_frame(lem)
    opener = [t for t in before if not t.is_punct]
    if content is not None:
        pass  # the quotation before a sentence of its own, or a relative clause
    elif parenthetical and len(opener) == 1 and opener[0].pos_ in ("ADV", "CCONJ", "INTJ", "SCONJ") and leftover \
            and not layout_only:
        # "Still, he said, officials have to decide ...": the opening adverb is the reporter's
        kept = [t for t in after if not t.is_punct or t.text in QUOTE_TOKENS]
        first = next(t for t in after if not t.is_punct or t.text in QUOTE_TOKENS)
        content, rule = (_tok_start(first), _tok_end(max(kept, key=lambda t: t.i))), "verb:parenthetical"
    elif (tail_ok or parenthetical) and rule != "verb:quote_after" and (comp is None or comp.i < attr_lo or parenthetical) and \
            (not layout_only or quote_tail and not parenthetical) and \
            sum(1 for t in before if not t.is_punct) >= (1 if parenthetical and opener and opener[0].pos_ in ("NOUN", "PROPN", "PRON")
                                                         else 2 if parenthetical else 1 if quote_tail else 3) and \
            (after_ok or len(after) <= 6 or parenthetical or quote_tail) and \
            not any(c.dep_ in ("dobj",) and c.i > v.i and c.i not in rec_idx and lem not in ("tell",)
                    and not (quote_tail and subj is not None and c.i == subj.i) for c in v.children):
        s = _tok_start(before[0])
        e = _tok_end(before[-1])
        # "According to X, ..., X tell me": keep, the according-to claim is separate
        content = (s, e)
        rule = "verb:tail"
        if leftover and not quote_tail and (parenthetical or any(t.dep_ == "ccomp" or (t.pos_ == "VERB" and t.dep_ in ("conj",))
                                                                 for t in after)):
            kept = [t for t in after if not t.is_punct or t.text in QUOTE_TOKENS]
            content = (s, _tok_end(max(kept, key=lambda t: t.i)))
            rule = "verb:parenthetical"
    elif comp is not None and comp.i > v.i and takes_clause:
        lo = _content_first(comp)
        # a subjectless complement after an object the parser took from it (headline style:
        # "Official warns inflation fight is not over"): the object is the complement's subject
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children):
            obj = next((c for c in v.children if c.dep_ == "dobj" and v.i < c.i < comp.i and c.i not in rec_idx
                        and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None and obj.left_edge.i < lo.i:
                lo = obj.left_edge
        s = _tok_start(lo)
        e = forward_end(f, sent, v, lo)
        content = (s, e)
        rule = "verb:complement"
    elif lem in CLAUSE_ONLY and lem not in ("tell", "inform", "brief", "assure", "ask") and any(
            c.dep_ == "dobj" and c.i > v.i and c.i not in rec_idx and any(g.dep_ in ("acl", "relcl") and g.tag_ in ("VBD", "VBN")
                                                                        and g.i > c.i for g in c.children)
            for c in v.children):
        # the parser read a clause as an object with a participle ("said [the findings] [held] ..."):
        # a verb that takes only clauses has a clause here
        obj = next(c for c in v.children if c.dep_ == "dobj" and c.i > v.i and c.i not in rec_idx)
        lo = obj.left_edge
        content = (_tok_start(lo), forward_end(f, sent, v, lo))
        rule = "verb:complement"
    elif lem in CLAUSE_ONLY and any(c.dep_ in ("dobj", "xcomp") and c.i > v.i and c.i not in rec_idx and
                                    (c.lemma_.lower() in MESSAGE_NOUNS or c.lower_ in MESSAGE_NOUNS or c.tag_ == "VBG")
                                    for c in v.children):
        # a message for an object ('told the story of how ...', 'said the same', 'said yes'), or a gerund
        # ('recalled sitting in on the talks', 'reported spending $6 million')
        obj = next(c for c in v.children if c.dep_ in ("dobj", "xcomp") and c.i > v.i and c.i not in rec_idx and
                   (c.lemma_.lower() in MESSAGE_NOUNS or c.lower_ in MESSAGE_NOUNS or c.tag_ == "VBG"))
        sub = list(obj.subtree)
        content, rule = (_tok_start(sub[0]), _tok_end(sub[-1])), "verb:object"
    elif lem in OBJECT_CONTENT or lem in ("raise", "express", "voice"):
        objs = [c for c in v.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp") and c.i > v.i and c.i not in rec_idx
                and (c.lemma_.lower() not in CONCERN_NOUNS or lem not in ("raise", "express", "voice"))]
        if lem in ("call",) and not any(c.dep_ == "oprd" for c in v.children):
            preps = [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "for")]
            objs = [g for p in preps for g in p.children if g.dep_ == "pobj"] + [c for c in v.children if c.dep_ == "xcomp"]
        if lem in ("raise", "express", "voice"):
            nouns = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in CONCERN_NOUNS]
            objs = [g for n in nouns for g in n.children if g.dep_ == "prep" and g.lower_ in ("about", "over", "that")]
            if not objs and lem != "raise":
                # "expressed support for the plan", "voiced regret for ...": the feeling and what it is about
                objs = [c for c in v.children if c.dep_ == "dobj" and c.i > v.i]
        if objs:
            lo = min((t for o in objs for t in o.subtree), key=lambda t: t.i)
            s = _tok_start(lo)
            e = forward_end(f, sent, v, lo)
            if not any(o.dep_ in ("ccomp", "xcomp") for o in objs):
                # a noun phrase is the content: it ends with the phrase ('announced the partnership
                # after cutting ties ...', 'confirmed the meeting on condition of anonymity'), and
                # what is said of it ('described the plan as reckless')
                preds = [c for c in v.children if c.i > lo.i and (c.dep_ == "oprd" or c.dep_ == "prep" and (
                    c.lower_ == "as" or c.lower_ in VERBS[lem].preps or
                    # what a feeling is about: 'expressed regret for ...', 'voiced concern over ...'
                    lem in ("express", "voice") and c.lower_ in ("for", "about", "over", "at", "with", "toward", "towards")))]
                hi = max((t for o in objs + preds for t in o.subtree), key=lambda t: t.i)
                e = min(e, _tok_end(hi))
            content = (s, e)
            rule = "verb:object"
    if content is None and not layout_only and rule != "verb:quote_after":
        span = frame_content(f, v, entry, rec_idx)
        if span is not None:
            content, rule = span, "verb:frame"
    if content is None and q_after and rule == "verb:quote_after":
        content = q_after
    if content is None and q_intro:
        content = q_intro
        rule = "verb:colon_quote"
    if content is None:
        return
    s, e = f.extend_over_quotes(*content)
    s, e = trim_span(f.text, s, e)
    if e - s < 2 or not re.search(r"\w", f.text[s:e]):
        return
    kind = f.kind_for(s, e)
    if kind == "direct":
        s, e = f.strip_quote(s, e)
    negated = is_negated(v) or lem in ("deny", "reject", "dispute")
    src_span = doc[src[0].i: src[-1].i + 1] if src else None
    c = Cand(doc, si, s, e, kind, rule, cue=cue, cue_start=cue_start, cue_lemma=lem,
             source_tokens=src_span, recipient=f.text[_tok_start(rec[0]):_tok_end(rec[-1])] if rec else None,
             negated=negated)
    if rule == "verb:colon_quote":
        c.notes.append("colon attribution")
        c.reach_paragraph = f.quote_paragraphs.get(content)
    f.add(c)


def phrase_cue_ok(v: Token, lem: str) -> bool:
    """Where a verb that takes a phrase (praise, want, call X Y, support) is no attribution: as an
    adjective ('pledged delegates', 'a collection called "Yuge!"'), modifying a noun ('groups supporting
    gay rights'), in the passive without its agent ('who has been called a Republican Obama'), in a
    relative clause whose object is its antecedent ('what he calls a corrupt process'), wanting something
    done to oneself ('did not want to be named'), or with a generic 'you' ('if you want to understand')."""
    if v.dep_ == "amod" or v.dep_ == "acl" and v.tag_ == "VBN":
        return False
    entry = VERBS[lem]
    if takes_clause_frame(lem) and lem not in ("call", "describe", "characterize", "characterise"):
        return True
    if v.dep_ == "acl" and entry.act != "statement":
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) and not any(c.dep_ == "agent" for c in v.children):
        return False
    if v.dep_ == "relcl" and not any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "prep", "oprd") and c.i > v.i for c in v.children):
        return False
    if v.dep_ == "relcl" and any(c.dep_ == "oprd" for c in v.children) and not any(c.dep_ == "dobj" for c in v.children) \
            or any(c.dep_ in ("dobj", "obj") and c.i < v.i for c in v.children):
        return False  # the object is the antecedent, or fronted: 'what he calls a corrupt process'
    if any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in v.children) and \
            not any(c.dep_ == "dobj" for c in v.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in v.children) and entry.act != "statement":
        return False
    return True


def as_clause_content(f: "Finder", v: Token, sent: Span) -> Optional[tuple[int, int]]:
    """'As the mayor noted, prices rose', '..., as police have said', 'As one aide put it, "..."': a
    cue in an as-clause attributes the main clause it is set off from by a comma."""
    if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children) or \
            any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
        return None
    doc = v.doc
    lo, hi = v.left_edge.i, v.right_edge.i
    if hi + 1 < sent.end and doc[hi + 1].text == "," and lo == sent.start:
        rest = [t for t in doc[hi + 2: sent.end] if not (t.is_punct and t.text not in QUOTE_TOKENS)]
    elif lo > sent.start and doc[lo - 1].text == ",":
        rest = [t for t in doc[sent.start: lo - 1] if not (t.is_punct and t.text not in QUOTE_TOKENS)]
    else:
        return None
    if len(rest) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return _tok_start(rest[0]), _tok_end(rest[-1])


def quote_layout_near(f: "Finder", v: Token, sent: Span) -> bool:
    """Is there a speech quote in the verb's sentence, or closing right before it?"""
    s, e = _tok_start(sent[0]) - 3, _tok_end(sent[-1])
    k = bisect_left(f.speech_starts, e)  # quotes are disjoint: the last one starting before e, or the one before it
    return any(f.speech[j][1] > s for j in range(max(0, k - 2), k))


def frame_content(f: "Finder", v: Token, entry, rec_idx: set[int]) -> Optional[tuple[int, int]]:
    """Content that is not a that-clause, by the frames the cue lexicon gives the verb: an
    infinitive ('plans to run'), an object and what was asked of it ('urged the board to resign'),
    a noun phrase with the phrase that goes with it ('praised the mayor for the plan', 'sees him as
    a rival', 'accused X of lying'), or the object of a preposition ('spoke about the economy',
    'voted for the bill'). Bounded by the phrase, not the sentence."""
    kids = [c for c in v.children if c.i > v.i and c.i not in rec_idx]
    obj = next((c for c in kids if c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in CONCERN_NOUNS), None)
    inf = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    picked: list[Token] = []
    for frame in entry.frames:
        if frame == "to" and inf is not None and obj is None:
            picked = [inf]
        elif frame == "np_to" and inf is not None and obj is not None and obj.i < inf.i:
            picked = [obj, inf]
        elif frame == "np" and obj is not None:
            picked = [obj] + [c for c in kids if c.dep_ in ("prep", "oprd") and c.i > obj.i and
                              c.lower_ in ("as", "for", "of", "to", "on", "with", "over", "into")][:1]
        elif frame == "np_as" and obj is not None:
            pred = [c for c in kids if c.i > obj.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")][:1] + \
                [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"][:1]
            picked = [obj] + pred[:1] if pred else []
        elif frame == "prep" and obj is None:
            pp = next((c for c in kids if c.dep_ in ("prep", "prt", "agent") and c.lower_ in entry.preps), None)
            if pp is not None:
                objs = [g for g in pp.children if g.dep_ in ("pobj", "pcomp")]
                picked = objs or []
        if picked:
            break
    if not picked:
        return None
    toks = [t for p in picked for t in p.subtree]
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    doc = v.doc
    for t in doc[lo:hi + 1]:
        if t.i > lo + 1 and reporters_addition(f, t, v, doc[lo]):
            hi = t.i - 1
            break
    while hi > lo and (doc[hi].is_punct and doc[hi].text not in QUOTE_TOKENS or doc[hi].dep_ == "cc"):
        hi -= 1
    return _tok_start(doc[lo]), _tok_end(doc[hi])


def introduced_quote(f: "Finder", doc: Doc, attr_hi: int, lem: str, layout: bool = False) -> Optional[tuple[int, int]]:
    """The quotation an attribution clause introduces: 'X said: "..."', 'X said, "..."', and a
    clause ending its paragraph with a colon before a paragraph that opens with a quote."""
    end = _tok_end(doc[attr_hi])
    # past the cue's own adjuncts: 'said Wednesday, "..."', 'said in an interview, "..."'
    v = doc[attr_hi]
    adj = [c for c in v.children if c.i > attr_hi and c.dep_ in ("npadvmod", "advmod", "prep") and
           not any(_tok_in_quote(t) or t.text in QUOTE_TOKENS for t in c.subtree)]
    if adj:
        end = max(end, max(_tok_end(c.right_edge) for c in adj))
    m = re.compile(r"[ \t]*([:,])[ \t]*(?=[\"“‘]|''|``)").match(f.text, end)
    speech_verb = lem in QUOTE_INTRODUCERS or lem in VERBS and VERBS[lem].act == "statement" and takes_clause_frame(lem)
    if m and (speech_verb or layout or m.group(1) == ":"):
        return f.speech_quote_at(m.end())
    m = re.compile(r"[ \t]*:[ \t]*\n\s*").match(f.text, end)
    if m and mark_width(f.text, m.end()):
        q = f.speech_quote_at(m.end())
        if q is not None:
            f.quote_paragraphs[q] = next((d._.paragraph for d in f.docs
                                             if d._.offset <= q[0] < d._.offset + len(d.text)), None)
        return q
    return None
