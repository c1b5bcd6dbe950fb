"""Telegraphic headlines: "Morrow Says Port Deal Will Cost Jobs", "Harlan County board slams budget",
"Lowell, Morrow pledge to work together", "Union to Endorse Morrow", "Morrow Calls For Recount".

A headline drops articles and auxiliaries and is often in Title Case, which the parser reads as one
long name; so the headline's own grammar is read here from its words: a short subject (names and
nouns, no function word), a cue verb of the lexicon in the present or past tense, and what follows it
as the content. Only a headline in which no other pattern found a claim is read this way.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import (CHANNEL_NOUNS, DOCUMENT_NOUNS, HEADLINE_LABELS, HEADLINE_PARTICLES, HEADLINE_SUBJECT_JOINERS,
                       MESSAGE_NOUNS, SOURCE_NOUNS, VERBS, verb_forms)
from .candidate import Cand
from .text import _tok_start, doc_text, mark_width_before, trim_span

if TYPE_CHECKING:
    from .finder import Finder

RE_HEAD_WORD = re.compile(r"[\w’'&.\-]+|,")
MAX_SUBJECT_WORDS = 6


def _tensed_forms() -> dict[str, str]:
    """Present, third-person and past forms of the lexicon's cue verbs (not the -ing form, which heads a
    noun phrase in a headline: 'Saying Goodbye'), for verbs that are cues without a construction."""
    out: dict[str, str] = {}
    for lemma, entry in VERBS.items():
        if entry.only_with:
            continue
        for form in verb_forms(lemma):
            if not form.endswith("ing"):
                out.setdefault(form, lemma)
    return out


TENSED = _tensed_forms()
# tensed forms of the cue verbs that a headline reads only with a particle after them ('Calls For')
WITH_PARTICLE = {form: lemma for lemma in HEADLINE_PARTICLES for form in verb_forms(lemma) if not form.endswith("ing")}
# nouns of speakers, documents and messages spelled like a cue verb, which in a headline end its subject:
# 'Morrow Campaign Buys Ads', 'Jobs Report Gives Democrats a Lift'
NOUN_HOMOGRAPHS = DOCUMENT_NOUNS | SOURCE_NOUNS | CHANNEL_NOUNS | MESSAGE_NOUNS


def telegraphic_headlines(f: "Finder") -> None:
    for doc, sent, si in f.headline_sentences():
        start = _tok_start(sent[0])
        end = doc._.offset + len(doc_text(doc))
        if any(c.kind != "reporter" and start <= c.start < end for c in f.cands):
            continue
        found = read_headline(f.text, start, end)
        if found is None:
            continue
        (ss, se), (cs, ce), lemma, (s, e) = found
        if doc._.parsed and any(t.tag_ in ("VBD", "MD") and not t.text[:1].isupper()
                                for t in sent if ss <= _tok_start(t) < se):
            continue  # a finite verb in the subject: the headline's verb comes earlier ('Allies held talks ...')
        if doc._.parsed and f.text[cs:ce].lower().startswith("to ") and any(
                t.pos_ == "ADJ" for t in sent if ss <= _tok_start(t) < se and _tok_start(t) + len(t) >= se):
            continue  # 'Ready to back Morrow, Lowell ...': an adjective before 'to' is no subject
        c = Cand(doc, si, s, e, f.kind_for(s, e), "headline:verb", cue=f.text[cs:ce], cue_start=cs, cue_lemma=lemma,
                 source_text=f.text[ss:se], source_start=ss, source_end=se)
        if c.kind == "direct":
            c.start, c.end = f.strip_quote(s, e)
        f.add(c)


def read_headline(text: str, start: int, end: int) -> Optional[tuple[tuple[int, int], tuple[int, int], str, tuple[int, int]]]:
    """(subject, cue, lemma, content) offsets of a headline 'Subject Verb Content', or None."""
    words = list(RE_HEAD_WORD.finditer(text, start, end))
    # a kicker before a colon ('Exclusive: Morrow Says ...') is not part of the sentence
    colon = text.find(":", start, end)
    if colon != -1 and len(text[start:colon].split()) <= 3 and text[start:colon].strip().lower() in HEADLINE_LABELS:
        words = [w for w in words if w.start() > colon]
    # an opening phrase or clause set off by a comma ('Amid Protests, Growers Fault Morrow') is not the subject
    opening = False
    if len(words) > 2 and words[0].group(0).lower() in STOP_WORDS:
        comma = next((k for k, w in enumerate(words[1:9], 1) if w.group(0) == ","), None)
        if comma is not None:
            words, opening = words[comma + 1:], True
    if not words:
        return None
    cue_end = None  # where the cue ends, when it is more than the verb: 'To Endorse', 'Calls For'
    for k, w in enumerate(words[:MAX_SUBJECT_WORDS + 1]):
        low = w.group(0).lower()
        nxt = words[k + 1].group(0).lower() if k + 1 < len(words) else ""
        lemma = TENSED.get(low)
        if lemma is not None and k > 0 and low not in NOUN_HOMOGRAPHS:
            break
        if k > 0 and low in WITH_PARTICLE and nxt in HEADLINE_PARTICLES[WITH_PARTICLE[low]]:
            lemma, cue_end = WITH_PARTICLE[low], words[k + 1].end()
            break
        if k > 0 and low == "to" and TENSED.get(nxt) == nxt:
            # the headline's future: 'Union to Endorse Morrow' (the base form after 'to')
            lemma, cue_end = nxt, words[k + 1].end()
            break
        if not subject_word(w.group(0), k == 0) and not (opening and k == 0 and subject_word(w.group(0), False)):
            return None
    else:
        return None
    subject = words[:k]
    if len(subject) >= 4 and subject[-1].group(0) == "," and any(x.group(0) in (",", "&", "and") for x in subject[1:-2]):
        subject = subject[:-1]  # a stray comma after a coordinated subject: 'Morrow, Lowell, Pledge ...'
    if subject[-1].group(0) in (",", "&", "and") or subject[0].group(0).lower() in HEADLINE_LABELS:
        return None
    if cue_end is None and w.group(0).lower() == lemma and not plural_subject([x.group(0) for x in subject]):
        return None  # the bare form goes with a plural subject: 'Farmers Praise ...', not 'Truck Attack in ...'
    if VERBS[lemma].subject == "document" and not any(x.group(0).lower() in DOCUMENT_NOUNS for x in subject):
        return None  # 'Poll Finds ...', not 'Refugees Find a Home'

    cue_end = w.end() if cue_end is None else cue_end
    semi = text.find(";", cue_end, end)
    s, e = trim_span(text, cue_end, end if semi == -1 else semi)  # a second headline after ';' is its own
    e = e - 1 if text[e - 1:e] in ".!?" and not mark_width_before(text, e - 1) else e
    # what a verb of speech reports is a clause ('Says Port Deal Will Cost Jobs'); whom one praises or
    # blasts can be a name alone ('Skywriters Blast Morrow')
    least = 1 if {"np", "object"} & set(VERBS[lemma].frames) else 2
    if len(re.findall(r"\w+", text[s:e])) < least:
        return None
    return (subject[0].start(), subject[-1].end()), (w.start(), cue_end), lemma, (s, e)


def plural_subject(words: list[str]) -> bool:
    """Does a headline subject read as plural: coordinated ('Lowell, Morrow', 'Lowell and Morrow') or
    ending in a plural noun ('Harlan County Farmers')?"""
    last = words[-1].lower()
    return any(x.lower() in (",", "&", "and") for x in words) or last.endswith("s") and not last.endswith("ss")


def subject_word(word: str, first: bool) -> bool:
    """Can the word stand in a headline's subject: a capitalised word or a noun-like lower-case word
    (not a function word), or a joiner; the first word capitalised."""
    low = word.lower()
    if first:
        return word[:1].isupper() and low not in STOP_WORDS and low not in HEADLINE_LABELS
    if low in HEADLINE_SUBJECT_JOINERS:
        return True
    if low in STOP_WORDS or low in TENSED and low not in NOUN_HOMOGRAPHS:
        return False
    return word[:1].isupper() or word[:1].isdigit() or word.isalpha()
