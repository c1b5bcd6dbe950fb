"""Verb cues: which verbs in a sentence are cues (and which are refusals), and how one cue verb reads in
its sentence (``VerbCue``: its source, recipient, attribution clause, complement and the quotations
around it). The layouts that turn a cue into a claim are in ``layouts``."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import (CHANNEL_NOUNS, CONCERN_NOUNS, CONCERN_VERBS, CUE_WORDS, DECLINE_LEMMAS, DOCUMENT_NOUNS, DOCUMENT_ONLY,
                       HEDGING_VERBS, NEVER_SPEECH, NO_RESPONSE, QUANTIFIERS, VERBS, CueVerb, layout_verb)
from . import layouts
from .candidate import Cand
from .content import quote_ending_at, quote_starting_at
from .cues import (REL_PRONOUNS, call_preps, is_cue_verb, misread_subject, quoted_tail_read_as_noun, says_a_noun,
                   takes_clause_frame, verb_read_as_noun)
from .declines import decline, no_response
from .questions import put_question, put_to_subject
from .syntax import (_finder_noun, agent_participle_noun, bare_passive_subject, can_speak, clause_after_a_modifier,
                     complement_of, documentary, inverted_source_of_the_clause, inverted_tail,
                     inverted_tail_read_as_modifier,
                     main_verb_read_as_participle,
                     mention_tokens, misread_name, passive_infinitive, passive_phrase, passive_predicate, quote_tail_subject, recipient_of,
                     reduced_relative_noun, relative_object_pronoun, subject_of, that_opens_own_clause)
from .text import _tok_end, _tok_in_quote, _tok_start, outside_quotes, to_infinitive, touches_quote

if TYPE_CHECKING:
    from .finder import Finder


@dataclass
class VerbCue:
    """One cue verb in its sentence, as the layouts read it (claims/attribution/layouts.py)."""

    f: "Finder"
    doc: Doc
    sent: Span
    si: int
    v: Token
    lem: str
    entry: CueVerb
    layout_only: bool
    subj: Optional[Token]
    src: Optional[list[Token]]
    rec: Optional[list[Token]]
    rec_idx: set[int]
    cue: str
    cue_start: int
    attr_lo: int  # the attribution clause: source, cue, recipient
    attr_hi: int
    comp: Optional[Token]  # the clausal complement
    q_before: Optional[tuple[int, int]] = None  # a speech quote right before the attribution clause
    q_after: Optional[tuple[int, int]] = None  # ... and right after it
    quote_after: bool = False  # the quote before went with an earlier cue: this one takes the quote after
    before: list[Token] = field(default_factory=list)  # the sentence's tokens before the attribution clause
    q_intro: Optional[tuple[int, int]] = None  # the quotation the clause introduces (after a colon or comma)
    around: object = None  # what stands after the clause (around.Around), read once
    unstated: bool = False  # a passive whose holder goes unstated ('The governor is expected to sign'): no source
    phrase: Optional[tuple[int, int]] = None  # the phrase the cue's frames take (layouts.phrase_of), read once
    phrase_read: bool = False

    @property
    def source_span(self) -> Optional[Span]:
        return self.doc[self.src[0].i: self.src[-1].i + 1] if self.src else None

    @property
    def recipient(self) -> Optional[str]:
        return self.f.text[_tok_start(self.rec[0]):_tok_end(self.rec[-1])] if self.rec else None


def verb_cues(f: "Finder", doc: Doc, sent: Span, si: int) -> None:
    for v in outside_quotes(doc, sent):
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
    """A 'not' of the cue's own clause; one inside a quotation the cue closes ('"Not this year," she replied')
    is the speaker's word, however the parser hung it."""
    return any(c.dep_ == "neg" and (not _tok_in_quote(c) or _tok_in_quote(v)) for c in v.children)


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


def channel_phrase(prep: Token) -> list[Token]:
    """'in a statement', without the that-clause the parser hung on its noun ('stressed in a statement that ...')."""
    cut = {t.i for x in prep.subtree if x.dep_ in ("acl", "relcl") and that_opens_own_clause(x) for t in x.subtree}
    return [t for t in prep.subtree if t.i not in cut]


def cue_text(f: "Finder", v: Token, extra: Iterable[Token] = ()) -> tuple[str, int]:
    toks = [v] + [c for c in v.children if c.dep_ in ("prt",) or (c.dep_ in ("aux",) and c.i == v.i - 1 and c.lower_ in ("has", "have", "had"))]
    toks += list(extra)
    lem = v.lemma_.lower()
    own = CUE_WORDS.get(lem, {})  # ('pushed for', 'pushed back', 'put it': cue_words in cues.yml)
    for c in v.children:
        if c.dep_ in ("dobj",) and c.lemma_.lower() in CONCERN_NOUNS and lem in CONCERN_VERBS:
            toks.append(c)
        if c.dep_ == "prt" or c.lower_ in own.get(c.dep_, ()):
            toks.append(c)
    if lem == "call":
        toks += call_preps(v)  # 'called for', 'called on', 'called ... for the judge to resign'

    # "said in a statement", "wrote in a post on X", "said in an interview with the Guardian"
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i > v.i and \
                any(g.dep_ == "pobj" and g.lemma_.lower() in CHANNEL_NOUNS for g in c.children):
            toks.extend(channel_phrase(c))
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    s, e = _tok_start(toks[0]), _tok_end(toks[-1])
    return f.text[s:e], s


def verb_claim(f: "Finder", doc: Doc, sent: Span, si: int, v: Token, layout_only: bool = False) -> None:
    """The claim of a cue verb: read the cue in its sentence, then take the first layout that fits
    (claims/attribution/layouts.py, in LAYOUTS order). With ``layout_only`` the verb is not in the
    lexicon and counts only where a quotation's layout makes it a cue."""
    if not layout_only and put_to_subject(v):
        put_question(f, doc, sent, si, v)  # 'Asked whether ..., the senator said': the question has no source
        return
    c = read_cue(f, doc, sent, si, v, layout_only)
    if c is None:
        return
    if layouts.split_quote(c):
        return
    found = layouts.first_layout(c)
    if found is None:
        return
    content, rule = found
    span = f.content_span(*content)
    if span is None or not re.search(r"\w", f.text[span[0]:span[1]]):
        return
    s, e, kind = span
    negated = is_negated(v) or c.lem in ("deny", "reject", "dispute")
    cand = Cand(doc, si, s, e, kind, rule, cue=c.cue, cue_start=c.cue_start, cue_lemma=c.lem,
                source_tokens=c.source_span, recipient=c.recipient, negated=negated)
    if rule == "verb:tail" and c.q_before and s < c.cue_start < e:
        # (a quotation that runs on past its attribution: the attribution is a gap in the content)
        cand.gaps.append((c.q_before[1], _tok_start(doc[c.attr_hi + 2])))
    if rule == "verb:colon_quote":
        cand.notes.append("colon attribution")
        cand.reach_paragraph = f.quote_paragraphs.get(content)
    f.add(cand)


def read_cue(f: "Finder", doc: Doc, sent: Span, si: int, v: Token, layout_only: bool) -> Optional[VerbCue]:
    """A cue verb as the layouts read it: its source, recipient, attribution clause, complement, the
    quotations around it and the material before and after. None where the verb is no attribution."""
    lem = v.lemma_.lower()
    entry = layout_verb(lem) if layout_only else VERBS[lem]
    if not_a_cue_here(f, sent, v, lem, layout_only):
        return None
    unstated = unstated_holder(v, entry)
    subj = None if unstated else subject_of(v)
    rec = recipient_of(v)
    rec_idx = {t.i for t in rec} if rec else set()
    if not source_fits(v, lem, entry, subj, rec_idx, layout_only):
        return None
    src = source_tokens(v, subj)
    passive_it = subj is None and any(c.dep_ == "nsubjpass" for c in v.children) and \
        (any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in v.children) or
         any(c.dep_ == "ccomp" and c.i > v.i for c in v.children))  # "it was reported that", "they were told that"
    if subj is None and not passive_it and not unstated and not (v.dep_ == "relcl"):
        return None
    cue, cue_start = cue_text(f, v, list(rec) if rec else [])
    src_lo = min((t.i for t in src), default=v.i) if src else v.i
    src_hi = max((t.i for t in src), default=v.i) if src else v.i
    # a participle or coordinated verb takes its source from another clause ('..., Trump said,
    # referring to Kerry'): its own attribution clause is the verb and what it governs
    borrowed = subj is not None and subj.head.i != v.i and subj.i < v.i and v.dep_ in ("advcl", "conj", "xcomp", "acl", "pcomp") \
        and getattr(quote_tail_subject(v), "i", None) != subj.i
    attr_lo = v.i if borrowed else min(src_lo, v.i)
    attr_hi = max(v.i if borrowed else src_hi, v.i, max((t.i for t in rec), default=v.i) if rec else v.i)
    c = VerbCue(f, doc, sent, si, v, lem, entry, layout_only, subj, src, rec, rec_idx, cue, cue_start, attr_lo, attr_hi,
                complement_of(v), unstated=unstated)
    quotes_around(c)
    c.before = [t for t in sent if t.i < attr_lo and not t.is_space]  # (a run of spaces is a token of its own)
    return c


def not_a_cue_here(f: "Finder", sent: Span, v: Token, lem: str, layout_only: bool) -> bool:
    """Where a verb of the lexicon (or, with ``layout_only``, a verb a quotation's layout makes a cue) is no
    attribution: a question put to the subject, a participle after a name, an act to come, a phrase cue out of place."""
    doc = v.doc
    if layout_only and (not quote_layout_near(f, v, sent) or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
                        or reduced_passive(v)):
        return True  # (a passive introduces no one's words: 'was joined on stage by ...', '"..." shown by the clerk')
    if lem == "ask" and not any(c.dep_ == "agent" for c in v.children) and not inverted_tail(v) and (
            v.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)
            or not any(c.dep_ == "nsubj" for c in v.children) and v.dep_ != "relcl" and v.tag_ != "VBG"
            and not coordinated_finite(v)):
        return True  # "was asked about", "..., asked about his claims": the question is put to the source
        # (by someone the article names, 'was asked by the moderator whether ...', it is the asker's; a
        # participle 'asking' is its subject's: 'He wrote to donors, asking them to give')
    if v.tag_ in ("VBD", "VBN") and v.i > 1 and doc[v.i - 1].text == "," and \
            any(c.dep_ == "nsubj" and c.i == v.i - 2 and not any(x.dep_ in ("appos", "relcl") for x in c.children)
                for c in v.children) and not any(c.dep_ in ("aux", "auxpass") for c in v.children) and \
            not speaks_after_a_name(v) and inverted_source_of_the_clause(v) is None:
        return True  # "Carlson, asked about his claims": a participle after the name, which the parser read as its verb
    if v.tag_ == "VB" and v.dep_ in ("xcomp", "advcl") and not takes_clause_frame(lem) and \
            to_infinitive(v) and \
            not (v.dep_ == "xcomp" and v.head.lemma_.lower() in HEDGING_VERBS and v.head.tag_ in ("VBD", "VBZ", "VBP")):
        # "not authorized to discuss the matter", "plans to criticize": an act to come, not a claim (but "she
        # seemed to blame the press" is a claim, hedged)
        return True
    if not layout_only and not phrase_cue_ok(v, lem):
        return True
    return False


def reduced_passive(v: Token) -> bool:
    """'she praised the "quiet resolve" shown by the clerk': a past participle with an agent and no auxiliary of its
    own describes the noun before it; it introduces no one's words, even right after a closing quote mark."""
    return v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children) and \
        not any(c.dep_ in ("aux", "auxpass") for c in v.children)


def speaks_after_a_name(v: Token) -> bool:
    """'The mill, said Morrow, will close', 'A third, Ray Lowell, said that the levy failed': the verb after a name
    and a comma has a subject of its own right after it (an inverted attribution set off inside the clause it
    reports), or is the sentence's own verb with a that-clause after it. A participle on the name ('Carlson, asked
    about his claims, said ...') has neither."""
    return any(c.dep_ == "nsubj" and c.i > v.i and c.left_edge.i == v.i + 1 for c in v.children) or \
        v.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i > v.i and
                                 any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in v.children)


def source_fits(v: Token, lem: str, entry: CueVerb, subj: Optional[Token], rec_idx: set[int], layout_only: bool) -> bool:
    """Can the subject found be the cue's source: not its recipient or a word of a quotation, a document for a
    verb only documents use, someone or something that can speak, a word that can head a noun phrase?"""
    if subj is not None and (subj.i in rec_idx or _tok_in_quote(subj)):
        return False
    finds = clause_finding(v, entry, subj)
    if lem in DOCUMENT_ONLY and (subj is None or (not documentary(subj) and not _finder_noun(subj))) and not finds:
        return False  # "the move suggests", "the game showed": things do not report; documents and people do
    if entry.act == "finding" and "object" in entry.frames and complement_of(v) is None and \
            (subj is None or not documentary(subj)):
        return False  # a noun phrase is a finding only of a document ('the poll showed a tie'); 'he showed restraint' is conduct
    if subj is not None and not can_speak(subj, v) and not (layout_only and subj.pos_ == "NOUN") and not finds and \
            not plural_clause_speaker(v, entry, subj):
        return False  # (a quotation's layout makes any noun a speaker: '"Hello," the crowd roared')
    if subj is not None and subj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "X") and subj.ent_type_ == "" \
            and subj.lower_ not in QUANTIFIERS and not misread_name(subj):
        return False
    return True


def source_tokens(v: Token, subj: Optional[Token]) -> Optional[list[Token]]:
    """The words of the source mention, mended where the parser misread the cue or the agent."""
    src = mention_tokens(subj) if subj is not None else None
    if src is not None and subj.head.dep_ == "agent":
        cut = next((g.i for g in subj.children if g.dep_ == "prep" and g.lower_ == "as" and g.i > subj.i), None)
        src = [t for t in src if cut is None or t.i < cut]  # 'seen by some as a snub': the agent without the 'as'
    if src is not None and (verb_read_as_noun(v) or quoted_tail_read_as_noun(v)) and subj.head.i == v.i and subj.dep_ != "nsubj":
        src = misread_subject(v)  # the subject read as the noun's modifiers: all of them
    if src is not None and main_verb_read_as_participle(v):
        src = [t for t in src if t.i < v.i]  # the noun without the verb hung on it
    if src is not None and inverted_tail_read_as_modifier(v) is not None:
        src = [t for t in src if t.i > v.i]  # the phrase after the verb, without the quotation hung on its head
    return src


def quotes_around(c: VerbCue) -> None:
    """The quotations that end right before the attribution clause and start right after it (past an inverted
    source's apposition or the cue's own adjuncts), and whether this cue takes the quotation after it."""
    f, doc, v, subj, attr_lo, attr_hi = c.f, c.doc, c.v, c.subj, c.attr_lo, c.attr_hi
    c.q_before = quote_ending_at(f, _tok_start(doc[attr_lo]))
    c.q_after = quote_starting_at(f, _tok_end(doc[attr_hi]))
    if c.q_after is None and c.q_before and subj is not None and subj.i > v.i and subj.right_edge.i > attr_hi:
        # '"The risk," said Ellen Marsh, an economist who directs the forecast, "is that ...": an inverted
        # source with a relative clause in its apposition still splits one quotation
        hi = subj.right_edge
        while hi.i > attr_hi and hi.is_punct:
            hi = doc[hi.i - 1]
        c.q_after = quote_starting_at(f, _tok_end(hi))
    if c.q_after is None and c.q_before:
        # '"A," she said of the school board, "B."', '"A," he wrote on Friday on his blog, "B."': the cue's own adjuncts
        # (whom it is about, when, where) stand inside the attribution that splits one quotation
        hi = attr_hi
        for x in sorted((x for x in v.children if x.i > attr_hi and x.dep_ in ("prep", "npadvmod", "advmod")), key=lambda x: x.i):
            sub = list(x.subtree)
            if sub[0].i != hi + 1 or x.lower_ == "back" or touches_quote(sub):
                # ('"A?" she wrote back, "B."': a reply; the question before was another's)
                break
            hi = sub[-1].i
        if hi > attr_hi:
            c.q_after = quote_starting_at(f, _tok_end(doc[hi]))
    if c.q_before and c.q_after and c.q_before in f.split_used:
        c.q_before = None  # '"A," he said, "B," he added, "C."': B went with A; this cue takes C
        c.quote_after = True


def clause_finding(v: Token, entry: CueVerb, subj: Optional[Token]) -> bool:
    """'Their experience shows that the levy failed', 'The review board concluded that the count was wrong', 'Advocates
    estimate there are 9,000 more': a verb of finding with a that-clause after it reports a finding of whatever
    its subject is (a record, an outcome, a body of people), not only of a document."""
    if entry.act != "finding" or subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.i > v.i:
        return False
    comp = complement_of(v)
    return comp is not None and comp.i > v.i and comp.pos_ in ("VERB", "AUX")


def plural_clause_speaker(v: Token, entry: CueVerb, subj: Token) -> bool:
    """'Skeptics in the valley warn that ...', 'Guides note that ...': a plural common noun before a verb of
    speech that has a that-clause after it is a body of people speaking, whatever the noun."""
    if entry.act != "statement" or subj.tag_ != "NNS" or subj.i > v.i or subj.dep_ != "nsubj":
        return False
    comp = complement_of(v)
    return comp is not None and comp.i > v.i and comp.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children)


def coordinated_finite(v: Token) -> bool:
    """'The clerk opened the hall and asked the farmers to leave': a finite verb joined by a conjunction to a verb
    with a subject of its own, whose subject it shares."""
    h = v.head
    return v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP") and h.i < v.i and \
        any(c.dep_ == "cc" and h.i < c.i < v.i for c in h.children) and any(c.dep_ == "nsubj" for c in h.children)


def unstated_holder(v: Token, entry: CueVerb) -> bool:
    """'The governor is expected to sign the bill', 'delegates who are expected to back him': a verb with the
    frame 'passive_to' in the passive with an infinitive and no agent attributes the passive subject and
    the infinitive to a holder the sentence does not name; so does a verb with the frame 'passive_as' with
    'as' or a predicate ('The deal is widely seen as a trap', 'The bill is considered dead'), and a verb of
    evaluation with the frame 'passive_np' with what it is for ('The clerk was widely criticized for the delay'),
    and a verb with the frame 'passive_subject' with nothing after it ('The price was not disclosed'), or with the
    frame 'participle_np' as a participle on a noun ('a merger announced Monday', 'the newly announced merger')."""
    if v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and "participle_np" in entry.frames and \
            not any(c.dep_ == "agent" for c in v.children):
        return bare_passive_subject(v) is not None  # 'a merger announced Monday'
    if v.tag_ != "VBN" or not (any(c.dep_ == "nsubjpass" and c.i < v.i for c in v.children) or shared_passive(v)) or \
            not any(c.dep_ == "auxpass" for c in v.children) or any(c.dep_ == "agent" for c in v.children):
        return False
    if "passive_subject" in entry.frames and bare_passive_subject(v) is not None:
        return True  # 'The price was not disclosed': what was said, by no one named
    subjects = [c for c in v.children if c.dep_ == "nsubjpass"] or \
        [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.head.i]
    return "passive_to" in entry.frames and passive_infinitive(v) is not None or \
        ("passive_as" in entry.frames and passive_predicate(v) is not None or
         "passive_np" in entry.frames and passive_phrase(v) is not None) and \
        not any(c.lower_ in REL_PRONOUNS or c.tag_ in ("WP", "WP$", "WDT") or any(g.tag_ == "WP$" for g in c.children)
                for c in subjects) and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)
    # (not in a relative clause, 'a finish that was seen as a letdown', which describes its noun; and not with a
    # modal, 'can be seen as', 'will be considered', the writer's own reading or forecast, no belief anyone holds)


def shared_passive(v: Token) -> bool:
    """'The mayor is touring the county but is expected to veto the bill', 'She left the board and was soon
    regarded as a rival': a passive coordinated with the verb before it, whose subject it shares."""
    return v.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.i < v.head.i for c in v.head.children)


def phrase_cue_ok(v: Token, lem: str) -> bool:
    """Where a verb that takes a phrase (praise, want, call X Y, support) is no attribution: as an
    adjective ('pledged delegates', 'a pamphlet called "Fair Roads!"'; but 'the newly announced merger'), modifying a noun ('groups supporting
    gay rights'), in the passive without its agent ('who has been called a Republican Obama'), in a
    relative clause whose object is its antecedent ('the plan he backs'; but 'what she calls a rigged raffle'
    names it: layouts.relative_as), wanting something
    done to oneself ('did not want to be named'), or with a generic 'you' ('if you want to understand')."""
    entry = VERBS[lem]
    if v.dep_ == "amod" and clause_after_a_modifier(v) is None and not unstated_holder(v, entry) and \
            inverted_tail_read_as_modifier(v) is None or \
            v.dep_ == "acl" and v.tag_ == "VBN" and not main_verb_read_as_participle(v) and \
            not unstated_holder(v, entry) and not says_its_noun(v, entry):  # (but 'a merger announced Monday')
        return False
    if takes_clause_frame(lem) and lem not in ("call", "describe", "characterize", "characterise"):
        return True
    if v.dep_ == "acl" and entry.act != "statement" and not channel_participle(v) and not main_verb_read_as_participle(v):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) and not any(c.dep_ == "agent" for c in v.children) \
            and not unstated_holder(v, entry):
        return False
    if v.dep_ == "relcl" and not any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "prep", "oprd") and c.i > v.i for c in v.children) \
            and not says_its_noun(v, entry):
        return False
    if (v.dep_ == "relcl" and any(c.dep_ == "oprd" for c in v.children) and not any(c.dep_ == "dobj" for c in v.children)
            or any(c.dep_ in ("dobj", "obj") and c.i < v.i for c in v.children)) and layouts.fronted_as(v) is None and \
            not says_its_noun(v, entry):
        return False  # the object is the antecedent, or fronted: 'what he backs' (but 'which she describes as the
        # best in the state', 'what she calls a rigged raffle' say what the source takes it for: layouts.relative_as)
    if any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in v.children) and \
            not any(c.dep_ == "dobj" for c in v.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in v.children) and entry.act != "statement":
        return False
    return True


def says_its_noun(v: Token, entry: CueVerb) -> bool:
    """'a call echoed by the Ledger', 'the charges, which the mayor denies', 'a detail she often mentions': a verb of
    speech that takes a noun phrase, as a participle with its agent on a noun or in a relative clause whose object is
    its pronoun or its noun; the noun or the pronoun is what was said (layouts.said_noun)."""
    if not says_a_noun(entry):
        return False
    return agent_participle_noun(v) is not None or relative_object_pronoun(v) is not None or \
        reduced_relative_noun(v) is not None


def channel_participle(v: Token) -> bool:
    """'issued a statement condemning the attack', 'her speech denouncing the levy', 'ran ads attacking him', 'a
    report criticizing the clerk': a participle on the statement, speech, ad or document that says it (a channel or
    document noun), not on a group or thing ('groups supporting ...')."""
    return v.dep_ == "acl" and v.tag_ == "VBG" and v.head.i < v.i and \
        (v.head.lemma_.lower() in CHANNEL_NOUNS or v.head.lemma_.lower() in DOCUMENT_NOUNS or v.head.lower_ in DOCUMENT_NOUNS)


def quote_layout_near(f: "Finder", v: Token, sent: Span) -> bool:
    """Is there a speech quote in the verb's sentence, or closing right before it?"""
    s, e = _tok_start(sent[0]) - 3, _tok_end(sent[-1])
    k = bisect_left(f.speech_starts, e)  # quotes are disjoint: the last one starting before e, or the one before it
    return any(f.speech[j][1] > s for j in range(max(0, k - 2), k))


