"""Helpers on the dependency parse: who speaks (subject_of, can_speak), the source mention (mention_tokens), the clausal complement and the recipient of a cue verb."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..lexicon import (CHANNEL_NOUNS, COUNT_WORDS, CLAUSE_GERUND_PREPOSITIONS, CLAUSE_ONLY, COLLECTION_NOUNS, CONCERN_NOUNS, CUE_NOUN_FORMS, CUE_NOUNS,
                       DISPLAY_NOUNS, DOCUMENT_NOUNS, HUMAN_SUBJECT, MESSAGE_NOUNS, NOT_SURNAMES, PARTICIPLE_SUBORDINATORS, QUANTIFIERS, THAT_SUBORDINATOR_ADVERBS,
                       CONTRACTED_HAS, GERUND_PREPOSITIONS, QUESTION_VERBS, RECIPIENT_VERBS, SOURCE_NOUNS,
                       PREPOSITIONAL_PARTICIPLES, VERDICT_PREPOSITIONS, VERBS)
from .cues import (REL_PRONOUNS, RE_AGENT_NOUN, call_objects, is_cue_verb, is_time, misread_subject, plural_compound_before,
                   quoted_tail_read_as_noun, tail_verb_read_as_noun, takes_clause_frame, that_clause_on_noun, verb_read_as_noun)
from .text import QUOTE_TOKENS, _ends_with_quote, _tok_in_quote, is_dash, prev_word, to_infinitive


def _finder_noun(t: Token) -> bool:
    """People who find, estimate or conclude: researchers, analysts, investigators, officials, a named person."""
    from ..lexicon import EXPERT, OFFICIAL

    low, lem = t.lower_, t.lemma_.lower()
    return low in EXPERT or lem in EXPERT or low in OFFICIAL or lem in OFFICIAL or low.endswith(("ologist", "ologists")) \
        or t.ent_type_ in ("PERSON", "ORG") or (t.pos_ == "PROPN" and t.dep_ in ("nsubj",)) or low in ("they", "we", "he", "she", "i")

def collection_member(t: Token) -> Optional[Token]:
    """'a body of research', 'an average of weekly surveys', 'a new batch of emails': the noun a collection or summary
    noun collects with 'of', which speaks for it (None for any other noun)."""
    if t.lemma_.lower() not in COLLECTION_NOUNS and t.lower_ not in COLLECTION_NOUNS:
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def can_speak(t: Token, verb: Optional[Token] = None) -> bool:
    """Whether a subject can be a source: people, organizations, documents, media, pronouns, names;
    not events or things ('the meeting underscored ...'). The subject of a verb that only a speaker
    or thinker can be the subject of ('said', 'believes') is a source whatever its noun."""
    from ..lexicon import (CANDIDACY, DOCUMENT, EXECUTIVE, EXPERT, FAMILY, GROUP, INDIVIDUAL, MEDIA, MEDIA_ROLES,
                           MEDIA_WORKS, OFFICIAL, ORG, OUTSIDE_ROLES, SPOKES, UNIQUE_ROLES)

    if t.pos_ in ("PRON", "PROPN") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC") or misread_name(t):
        return True
    if t.pos_ in ("NUM", "ADJ") and t.dep_ in ("nsubj", "nsubjpass") and verb is not None and verb.lemma_.lower() in HUMAN_SUBJECT:
        return True  # "Six in 10 say ...", "39 have said ...", "said the 51-year-old"
    if t.pos_ == "NOUN" and (verb is not None and verb.lemma_.lower() in HUMAN_SUBJECT or RE_AGENT_NOUN.match(t.lower_)):
        return True
    if t.lower_ in QUANTIFIERS:
        # "most said they were worried", "half of the voters say": shares of people, with a speech verb
        # (or with a verb of stance: 'most oppose the levy', '30% back the mayor')
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) or t.lower_ in ("many", "some", "others", "few") \
            or verb is not None and (verb.lemma_.lower() in HUMAN_SUBJECT or
                                     getattr(VERBS.get(verb.lemma_.lower()), "act", None) == "evaluation")
    lem, low = t.lemma_.lower(), t.lower_
    if lem in DISPLAY_NOUNS or low in DISPLAY_NOUNS:
        return verb is not None and shows_words(verb)
    # (people named by their role, kin, candidacy or trade in the source lexicon speak too: 'the host
    # noted', 'his sister says', 'the tycoon suggested')
    vocab = OFFICIAL | SPOKES | EXPERT | INDIVIDUAL | GROUP | ORG | DOCUMENT | MEDIA | SOURCE_NOUNS | FAMILY | MEDIA_ROLES | \
        MEDIA_WORKS | CANDIDACY | OUTSIDE_ROLES | EXECUTIVE | UNIQUE_ROLES
    if lem in vocab or low in vocab or (t.text[:1].isupper() and t.i > t.sent.start) or documentary(t):
        return True
    member = collection_member(t)
    if member is not None and member.pos_ == "NOUN" and can_speak(member, verb):
        return True  # 'a body of research suggests': what the collection holds speaks
    # "Price said ...": a capitalized singular noun with no determiner is a name the tagger missed
    return t.text[:1].isupper() and t.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in t.children)


def shows_words(verb: Token) -> bool:
    """Can a sign, banner or caption (nouns.displays) be this verb's speaker: a verb that takes a quotation or names
    something ('the placard read "Jobs First"', 'banners calling the plan "a swindle"'), not 'all signs point to ...'."""
    entry = VERBS.get(verb.lemma_.lower())
    return entry is not None and ("quote" in entry.frames or entry.names)


def main_verb_read_as_participle(v: Token) -> bool:
    """'A county survey found on Monday that ...': the sentence's verb parsed as a participle modifying the
    noun before it ('a survey (that was) found'), with the reported clause hung on it."""
    return misread_participle_subject(v) is not None


def misread_participle_subject(v: Token) -> Optional[Token]:
    """The subject of a main verb read as a participle (``main_verb_read_as_participle``): the noun the parser
    made the sentence's root. The verb hangs on it, or, after a comma, on the last noun of what describes it
    ('Ray Lowell, who ran the party for years, called the plan "a trap"')."""
    held = subject_of_a_clause_after(v)
    if held is not None:
        return held
    root = v.sent.root
    if not (v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and root.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and
            root.i < v.i and (v.head.i == root.i or v.doc[v.i - 1].text == ",")):
        return None
    entry = VERBS.get(v.lemma_.lower())
    # ('One critic called the plan "a disaster"', 'A council member called for a recount': a sentence with no verb
    # but this one names or demands; not a passive, 'The mayor, seen at the fair')
    naming = entry is not None and entry.names and \
        not any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in v.children) and \
        (any(c.i > v.i and c.dep_ in ("oprd", "dobj") for c in v.children) or bool(call_objects(v)))
    # ('A man at the back yelled "Go home!"': a verb that takes a quotation, with one opening right after it)
    quoted = "quote" in getattr(entry, "frames", ()) and v.i + 1 < len(v.doc) and v.doc[v.i + 1].tag_ == "``"
    if naming or v.head.i == root.i and (quoted or any(
            c.dep_ == "ccomp" and c.i > v.i or
            c.dep_ == "xcomp" and c.i > v.i and "to" in getattr(entry, "frames", ())
            and to_infinitive(c) for c in v.children)):
        return root
    return None


def subject_of_a_clause_after(v: Token) -> Optional[Token]:
    """'Several papers reported on Monday the clerk had met the board', 'Dana Morrow, a farmer, wrote in reply:
    "..."', 'a man yelled "Stay back!"': the cue verb read as a participle on the noun before it, and that noun read
    as the subject of the reported clause's verb, which already has its own subject after the cue or stands in the
    quotation right after it. The noun is the cue's subject (not a
    passive: 'The plan, first reported by the Ledger, would ...')."""
    noun, clause = v.head, v.head.head
    if not (v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and noun.dep_ == "nsubj" and noun.pos_ in ("NOUN", "PROPN")
            and noun.i < v.i < clause.i and is_cue_verb(v)):
        return None
    if any(c.dep_ in ("auxpass", "agent", "aux") for c in v.children):
        return None
    own = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > v.i), None)
    if own is None and v.i + 1 < clause.i and v.doc[v.i + 1].tag_ == "``" and _tok_in_quote(clause) and \
            not is_cue_verb(clause):
        return noun  # ('a man yelled "Stay back!"': the quotation's imperative read as the sentence's verb)
    if own is None or is_cue_verb(clause) or any(is_cue_verb(t) for t in v.doc[v.i + 1: own.i]):
        return None  # ('A notice posted on the site said the road was closed': the later cue is the noun's)
    return noun


def clause_after_a_modifier(v: Token) -> Optional[Token]:
    """'The mayor implied critics are lying': a cue verb of speech or thought that the parser read as an adjective on the
    noun after it, though it has a subject of its own (no adjective has one), is the sentence's verb, and that noun
    is the subject of the clause it reports. The verb of that clause, or None."""
    noun = v.head
    if v.dep_ != "amod" or not v.tag_.startswith("VB") or noun.i <= v.i or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = noun.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i < noun.i or not takes_clause_frame(v.lemma_.lower()):
        return None
    return clause if any(c.dep_ == "nsubj" and c.i < v.i for c in v.children) else None


def past_the_cue(v: Token) -> Token:
    """The first word after a cue verb and the phrases it governs, past commas and colons (a quotation mark stays)."""
    doc = v.doc
    lo = doc[min(max(t.i for t in v.subtree) + 1, len(doc) - 1)]
    while lo.i + 1 < len(doc) and lo.is_punct and lo.text not in QUOTE_TOKENS:
        lo = doc[lo.i + 1]
    return lo


def misread_name(t: Token) -> bool:
    """'Posted continued', 'Amid said': a capitalized subject the tagger took for a verb, adverb or
    interjection (a name that is also a word) is a name; so is a sentence-initial surname the parser
    hung on the cue verb right after it as an adverb or modifier (``initial_surname``), and one read as a modal
    (``name_read_as_modal``)."""
    return t.dep_ == "nsubj" and t.text[:1].isupper() and not t.text.isupper() and t.pos_ in ("VERB", "INTJ", "ADV", "X", "ADP") \
        or initial_surname(t, t.head) or inverted_surname(t, t.head) or \
        t.tag_ == "MD" and getattr(name_read_as_modal(t.head), "i", None) == t.i


def inverted_surname(t: Token, v: Token) -> bool:
    """'"...," said Skelly': a capitalized word right after the cue of an inverted tail, which the tagger read
    as an adverb or modifier of the verb, is the surname that is its subject."""
    return t.i == v.i + 1 and t.head.i == v.i and inverted_tail(v) and t.text[:1].isupper() and not t.text.isupper() and \
        t.is_alpha and t.pos_ in ("ADV", "ADJ", "INTJ", "X", "VERB") and t.dep_ in ("advmod", "npadvmod", "intj", "dep", "acomp", "oprd") \
        and t.lower_ not in NOT_SURNAMES and is_cue_verb(v) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") for c in v.children)


def quote_tail_subject(v: Token) -> Optional[Token]:
    """'"We were wrong," Dana Morrow, 58, told the paper': the noun phrase standing alone between a closing
    quotation and a tensed cue verb with no subject of its own is the verb's subject, whatever head the
    parser gave it (it may hang the name and the verb on the quotation's verb as conjuncts)."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") and not quoted_tail_read_as_noun(v) or _tok_in_quote(v) or not is_cue_verb(v) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in v.children):
        return None
    if quoted_tail_read_as_noun(v):
        return v.doc[v.i - 1]  # '"...," the memo read': the noun before the verb, read as its modifier
    doc = v.doc
    end = participle_set_off_before(v)
    lo = end - 1
    while lo > v.sent.start and doc[lo].text not in QUOTE_TOKENS:
        lo -= 1
    span = [t for t in doc[lo + 1: end] if not t.is_space]
    if doc[lo].text not in QUOTE_TOKENS or not _tok_in_quote(doc[lo - 1]) or doc[lo - 1].text not in (",", "?", "!") or \
            not (1 <= len(span) <= 12) or \
            any(t.tag_.startswith("VB") or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or t.text in (":", ";", "(", ")", "—", "–", "--")
                for t in span):
        return None
    inside = {t.i for t in span}
    heads = [t for t in span if not t.is_punct and t.head.i not in inside]
    if len(heads) != 1 or heads[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return heads[0]


def participle_set_off_before(v: Token) -> int:
    """'"...," Ray Lowell, wearing a straw hat, said': where the words before the cue end once a participle clause set
    off by commas right before it is left out (it describes the source); the cue itself when there is none."""
    doc = v.doc
    if v.i < 3 or doc[v.i - 1].text != ",":
        return v.i
    p = doc[v.i - 2]
    while p.tag_ != "VBG" and p.head.i != p.i and v.sent.start < p.head.i < v.i - 1:
        p = p.head
    if p.tag_ != "VBG" or p.left_edge.i != p.i or p.right_edge.i != v.i - 2 or doc[p.i - 1].text != ",":
        return v.i
    return p.i - 1


def initial_surname(first: Token, v: Token) -> bool:
    """"Long said ...", "Young argued ...", "Kindly said ...": a sentence-initial capitalized word the tagger
    read as an adverb, adjective or noun, right before a cue verb that has no subject of its own, is the
    surname that is its subject."""
    return first.i == v.sent.start and first.i == v.i - 1 and v.tag_ in ("VBD", "VBZ", "VBP") and first.head.i == v.i and first.text[:1].isupper() and \
        not first.text.isupper() and first.is_alpha and first.tag_ in ("NNP", "NN", "JJ", "RB") and \
        first.dep_ in ("advmod", "npadvmod", "amod", "compound", "dep") and first.lower_ not in NOT_SURNAMES and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in v.children) and is_cue_verb(v)


def inverted_tail(v: Token) -> bool:
    """Is the verb the first word after a quotation, in the tense of a tail ('"Why?" asked the boy')?"""
    prev = prev_word(v)
    return prev is not None and prev.text in QUOTE_TOKENS and v.tag_ in ("VBD", "VBZ", "VBP")


NOUN_PHRASE_DEPS = frozenset(("det", "amod", "compound", "nummod", "poss", "case", "cc", "conj", "appos", "pobj", "nmod"))


def subject_joined_before(v: Token, subjects: list[Token]) -> Optional[Token]:
    """'The cause of the slump, farm owners and workers say, is plain': an attribution set off by commas inside
    the clause it reports, its subject a noun phrase that opens after the first comma and that the parser joined to
    the noun before it (as another item of a list, or an apposition), giving the cue the reported clause's subject
    or none. The phrase's head when the clause goes on after the attribution (a comma and a finite verb), or None."""
    if v.dep_ not in ("parataxis", "ROOT") or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i < 3 or not is_cue_verb(v) or \
            any(c.i > v.i for c in subjects) or len(subjects) > 1:
        return None
    doc = v.doc
    if v.i + 2 >= v.sent.end or doc[v.i + 1].text != "," or doc[v.i - 1].pos_ not in ("NOUN", "PROPN") or \
            not (doc[v.i + 2].tag_ in ("VBD", "VBZ", "VBP", "MD") or doc[v.i + 2].dep_ == "neg"):
        return None
    k = v.i - 1
    while k > v.sent.start and doc[k].text != "," and doc[k].dep_ in NOUN_PHRASE_DEPS and \
            doc[k].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM", "CCONJ", "PART"):
        k -= 1
    if doc[k].text != "," or k + 1 >= v.i or any(c.i > k for c in subjects):
        return None
    span = range(k + 1, v.i)
    heads = [doc[j] for j in span if doc[j].head.i not in span]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or heads[0].head.i > k or not can_speak(heads[0], v):
        return None
    return heads[0]


def share_read_as_measure(v: Token) -> Optional[Token]:
    """'Less than a third agreed that ...', 'Nearly half said ...': a share of people (quantifiers in the lexicon's
    nouns) before a verb with no subject, which the parser read as a measure of the verb. The share, or None."""
    if v.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or v.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
        return None
    return next((c for c in v.children if c.dep_ in ("npadvmod", "advmod", "dobj") and c.i < v.i and
                 c.lower_ in QUANTIFIERS and c.pos_ in ("NOUN", "NUM", "PRON")), None)


def count_read_as_conjunct(v: Token) -> Optional[Token]:
    """'Two in five riders said A and one in six said B': a finite cue verb with no subject, right after a count that
    'and' or 'but' opens and that the parser joined as a conjunct to a noun of the clause before. The count, or None."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or v.i < 3 or not is_cue_verb(v) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
        return None
    count = v.doc[v.i - 1]
    while count.head.i < count.i and count.dep_ != "conj" and count.head.right_edge.i == v.i - 1:
        count = count.head  # (up from the count's own phrase: 'one in four', 'a third of the growers')
    if count.dep_ != "conj" or count.right_edge.i != v.i - 1 or count.head.i > count.i or \
            not (count.like_num or count.lower_ in COUNT_WORDS or count.lower_ in QUANTIFIERS):
        return None
    opener = v.doc[count.left_edge.i - 1]
    return count if opener.dep_ == "cc" and opener.lower_ in ("and", "but") else None


def stranded_subject(v: Token) -> Optional[Token]:
    """'In a statement to the Post, her adviser, Dana Morrow, said: ...': a main verb (or a perfect) with no subject, right
    after a name (set off by commas, or followed by a bracketed tag) that the parser hung as an apposition on
    the noun of an opening phrase.
    The subject is that apposition (from the first of a chain: 'her adviser, Dana Morrow')."""
    perfect = v.tag_ == "VBN" and any(a.dep_ == "aux" and a.lemma_ == "have" for a in v.children)
    if v.dep_ != "ROOT" or v.tag_ not in ("VBD", "VBZ", "VBP") and not perfect or v.i < 3:
        return None
    doc = v.doc
    k = v.i - 1
    while k > 0 and doc[k].head.i == v.i and doc[k].dep_ in ("aux", "neg"):
        k -= 1  # ('..., Dana Morrow, has said': past the auxiliaries)
    if doc[k].text == ",":
        k -= 1
    if doc[k].text == ")":  # 'at the convention Sen. Dana Morrow (D-Ohio) said': past a bracketed party tag
        k = next((j for j in range(k - 1, max(k - 8, 0), -1) if doc[j].text == "("), 0) - 1
        if k < 1:
            return None
    prev, hops = doc[k], 0
    while not (prev.dep_ == "appos" and prev.pos_ in ("PROPN", "NOUN")) and prev.head.i < prev.i and \
            prev.head.right_edge.i <= k + 1 and hops < 6:
        # up from the end of the name's own modifiers: 'a former clerk who worked under the mayor for a decade
        # said', 'Dana Morrow, 44, said'
        prev, hops = prev.head, hops + 1
    if prev.dep_ != "appos" or prev.pos_ not in ("PROPN", "NOUN") or prev.head.i >= prev.i:
        return None
    first = prev
    while first.head.dep_ == "appos" and first.head.i < first.i and first.head.head.i < first.head.i:
        first = first.head
    holder = first.head  # the noun of the opening phrase ('the Post'), which is no subject
    if holder.dep_ not in ("pobj", "dobj") or holder.sent.start != v.sent.start:
        return None
    return first


def subject_read_as_clause(v: Token) -> Optional[Token]:
    """'Dana Morrow, whose firm builds bridges, said the levy would fail': a subject set off with a relative clause
    or an apposition that the parser read as a clause of its own, a complement of the cue before it (with the
    name as its subject), while the cue's real complement follows it. The subject is that name."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
        return None
    prev = prev_word(v)
    first = [c for c in v.children if c.dep_ == "ccomp" and c.i < v.i]
    if prev is None or prev.text != "," or len(first) != 1 or first[0].right_edge.i not in (prev.i - 1, prev.i):
        return None
    clause = first[0]
    name = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    doc = v.doc
    if name is None or name.pos_ not in ("PROPN", "NOUN") or name.left_edge.i != clause.left_edge.i or \
            not any(t.text == "," for t in doc[name.i + 1: clause.i]) or not (clause.left_edge.i == v.sent.start or
                                                           doc[clause.left_edge.i - 1].text == ","):
        return None
    return name


def compound_subject(v: Token) -> Optional[Token]:
    """'..., county records show.': a finite verb with no subject of its own, the plural noun right before it read
    by the parser as a compound of the verb. That noun is the subject."""
    if v.tag_ not in ("VBP", "VBZ", "VBD") and not tail_verb_read_as_noun(v) or v.i <= v.sent.start or \
            any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in v.children):
        return None
    return plural_compound_before(v)


def subject_read_with_modifier(v: Token) -> Optional[Token]:
    """'Sources close to the talks say ...', 'Voters heading to the polls say ...', 'Activists hoping to stop him
    say ...': a finite verb with no subject, right after a noun and the phrase that modifies it, which the parser
    read as a clause of its own (the noun its subject) and hung the verb on, or under the verb. The subject is
    that noun, when it opens the sentence or follows a comma or conjunction."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in v.children):
        return None
    doc = v.doc
    heads = [v.head] if v.dep_ == "dep" and v.head.i < v.i else []
    for p in heads + [c for c in v.children if c.dep_ in ("advcl", "ccomp") and c.i < v.i]:
        subj = next((c for c in p.children if c.dep_ == "nsubj" and c.i < p.i), None)
        if p.pos_ not in ("VERB", "AUX", "ADJ") or subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        own = {t.i for t in v.subtree} if p.i == v.head.i else set()
        last = max((t.i for t in p.subtree if t.i not in own and t.i < v.i), default=p.i)
        start = subj.left_edge.i
        if any(not (t.is_punct or t.dep_ == "advmod" and t.head.i == v.i) for t in doc[last + 1: v.i]):
            continue
        if start == v.sent.start or doc[start - 1].text == "," or doc[start - 1].dep_ == "cc":
            return subj
    return None


def document_noun(t: Token) -> bool:
    """A noun of the document list (nouns.documents in cues.yml): 'the audit', 'county records', 'the poll'."""
    return t.lemma_.lower() in DOCUMENT_NOUNS or t.lower_ in DOCUMENT_NOUNS


def documentary(t: Token) -> bool:
    """A document, record, poll or study ('the audit', 'county records'), or a noun of them with 'of' ('an average of
    weekly surveys', 'a batch of emails', 'none of the videos'). Broader than collection_member, which names who may
    speak for any collection."""
    return document_noun(t) or t.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and document_noun(g) for g in c.children)
        for c in t.children)


def subject_of(v: Token, depth: int = 0) -> Optional[Token]:
    """The source noun of a cue verb: its own subject (``stated_subject``), one the parser put elsewhere
    (``repaired_subject``), the subject of the verb or noun it goes with when it has none (``borrowed_subject``),
    the antecedent of a relative clause, or a subject misread at the opening of the sentence."""
    if depth > 4:
        return None
    decided, subj = stated_subject(v, depth)
    if decided:
        return subj
    subj = repaired_subject(v)
    if subj is not None:
        return subj
    read_as_participle = main_verb_read_as_participle(v)
    decided, subj = borrowed_subject(v, depth, read_as_participle)
    if decided:
        return subj
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head
    if read_as_participle:
        return misread_participle_subject(v)  # 'A county survey found on Monday that ...' parsed as 'a survey (that was) found': the noun speaks
    return opening_misread_subject(v) if depth == 0 else None


def stated_subject(v: Token, depth: int) -> tuple[bool, Optional[Token]]:
    """(True, the source or None) when the verb's own subject or agent settles it, (False, None) when it has none."""
    if verb_read_as_noun(v) and not any(c.dep_ == "nsubj" for c in v.children):
        subj = misread_subject(v)
        return True, subj[-1] if subj else None  # 'the county's union plans to strike': the noun before the verb
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    if agent is not None and v.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        # a passive participle with its agent ('when asked by a reporter if ...'): the agent is the source
        return True, next((g for g in agent.children if g.dep_ == "pobj"), None)
    hung = subject_on_contraction(v) or tail_read_as_clause(v) or inverted_tail_read_as_modifier(v) or name_read_as_modal(v)
    if hung is not None:
        return True, hung
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    after_clause = inverted_after_clause(v, subjects) or inverted_source_of_the_clause(v)
    if after_clause is not None:
        return True, after_clause
    set_off = subject_after_a_set_off_subject(v, subjects) or subject_joined_before(v, subjects)
    if set_off is not None:
        return True, set_off
    outside = [c for c in subjects if not _tok_in_quote(c)]
    for c in subjects:
        named = speaker_read_as_apposition(c, v) if not outside else None
        if named is not None:
            return True, named
        if _tok_in_quote(c) and outside and not _tok_in_quote(v) and is_cue_verb(v):
            continue  # '"Sorry about the delay," Swift said': a noun of the quotation hung on the cue after it
        if c.lower_ in REL_PRONOUNS and v.dep_ == "relcl" and c.dep_ == "nsubjpass" and agent is not None:
            return True, next((g for g in agent.children if g.dep_ == "pobj"), None)  # ('which was reported by X')
        if c.lower_ in REL_PRONOUNS and v.dep_ == "relcl":
            # ('which they say left a vacuum': the parser made both subjects; the pronoun is the content's)
            own = next((o for o in v.children if o.dep_ == "nsubj" and o.i > c.i and o.lower_ not in REL_PRONOUNS), None)
            return True, own if own is not None else v.head
        if c.dep_ == "nsubjpass" and c.lower_ != "it" and contracted_perfect(v):
            return True, c  # "he's said he would run": the 's is 'has', and the subject is the speaker
        if c.dep_ == "nsubjpass":
            if agent is not None:
                return True, next((g for g in agent.children if g.dep_ == "pobj"), None)
            if c.lower_ == "it":
                return True, None  # "it is said that ...": no source
            if depth == 0 and is_cue_verb(v):
                return True, None  # "residents were told that ...": the passive subject is the addressee
        if c.dep_ == "csubj":
            return True, None
        return True, c
    return False, None


def name_read_as_modal(v: Token) -> Optional[Token]:
    """'"...," Will wrote.', 'While May argues that ...': a capitalised name that is also a modal, read as the modal of
    the verb right after it. No modal goes before a verb with a tense or a participle with no 'have', so the word
    is the verb's subject; None where the verb has a subject or the word is no such modal."""
    if v.tag_ not in ("VBD", "VBZ", "VBN") or v.i < 1 or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    m = v.doc[v.i - 1]
    return m if m.tag_ == "MD" and m.head.i == v.i and m.text[:1].isupper() and not _tok_in_quote(m) else None


def speaker_read_as_apposition(subj: Token, v: Token) -> Optional[Token]:
    """'"It was a fair vote, Mr. Mayor," Dana Morrow told him': the parser makes the name the quotation ends on (a
    vocative) the subject of the cue verb after it, and hangs the speaker, outside the quotation marks, on that name as
    its apposition. The speaker is the apposition; None where the subject is not a word of a quotation before a cue
    verb standing outside it."""
    if not _tok_in_quote(subj) or _tok_in_quote(v) or not is_cue_verb(v) or subj.i > v.i:
        return None
    return next((a for a in subj.children if a.dep_ == "appos" and a.i < v.i and not _tok_in_quote(a)), None)


def tail_read_as_clause(v: Token) -> Optional[Token]:
    """'The levy made it possible for towns with small, if growing, budgets to repair roads, she said.': a cue verb
    that ends its sentence right after ', SUBJECT', which the parser made an adverbial clause of the sentence, taking a
    subordinator or a subject from far before the comma for its own. It is a tail attribution all the same: returns its
    subject after the comma, or None."""
    if v.dep_ != "advcl" or v.tag_ not in ("VBD", "VBZ", "VBP") or not is_cue_verb(v) or \
            any(not t.is_punct for t in v.doc[v.i + 1:v.sent.end]):
        return None
    subj = next((x for x in v.children if x.dep_ == "nsubj" and x.right_edge.i == v.i - 1), None)
    if subj is None or subj.left_edge.i < 1 or v.doc[subj.left_edge.i - 1].text != ",":
        return None
    joined = [x for x in v.children if x.dep_ in ("nsubj", "mark") and x.i < subj.left_edge.i]
    return subj if joined else None


def inverted_tail_read_as_modifier(v: Token) -> Optional[Token]:
    """'"Not this year," tweeted county spokesman Ray Lowell': the cue verb of an inverted tail, right after the
    quotation, that the parser read as a modifier of the noun phrase after it, which is its subject. Returns the
    head of that phrase, or None."""
    if v.dep_ not in ("amod", "compound") or v.head.i <= v.i or v.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None  # (a past form read as a participle is the tail's past tense: no auxiliary comes with it)
    prev = prev_word(v)
    if prev is None or prev.text not in QUOTE_TOKENS or prev.i < 1 or v.doc[prev.i - 1].text not in (",", "?", "!") or \
            not is_cue_verb(v):
        return None
    h = v.head
    while h.dep_ in ("compound", "amod") and h.head.i > h.i:
        h = h.head
    return h if h.pos_ in ("NOUN", "PROPN") else None


def subject_on_contraction(v: Token) -> Optional[Token]:
    """'he’s said he would run', 'She’s said that ...': a contracted 's right before a cue verb that the parser read as
    the verb's subject or as an auxiliary of its own, with the speaker hung on it; that speaker (not 'it': 'it’s
    said that ...' names no one), or None."""
    if v.i == 0 or not is_cue_verb(v):
        return None
    c = v.doc[v.i - 1]
    if c.lower_ not in CONTRACTED_HAS or c.head.i != v.i or c.dep_ not in ("nsubj", "aux", "auxpass"):
        return None
    return next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i and g.lower_ != "it"), None)


def contracted_perfect(v: Token) -> bool:
    """'She's said the mill will stay open', 'he's told donors that ...': a past participle after a contracted 's that
    takes a clause of its own is a perfect ('she has said'), not a passive: a passive of saying takes an infinitive
    ('she is said to favor it') or an 'it' subject, never a that-clause after a personal subject."""
    aux = next((c for c in v.children if c.dep_ == "auxpass"), None)
    return aux is not None and aux.lower_ in CONTRACTED_HAS and aux.i < v.i and v.tag_ in ("VBN", "VBD") and \
        any(c.dep_ == "ccomp" and c.i > v.i for c in v.children) and \
        not any(c.dep_ == "xcomp" for c in v.children)


def repaired_subject(v: Token) -> Optional[Token]:
    """A subject the parser hung elsewhere or read as another word: an inverted tail's source read as its object,
    a subject stranded by or read as a clause, a quotation tail's source, a compound or modified subject."""
    if inverted_tail(v):
        # an inverted tail right after a quotation, its subject read as an object ('"Why?" asked the boy')
        inverted = next((c for c in v.children if c.dep_ in ("dobj", "dative") and c.i > v.i or inverted_surname(c, v)), None)
        if inverted is not None:
            return inverted
    return stranded_subject(v) or subject_read_as_clause(v) or quote_tail_subject(v) or compound_subject(v) or \
        subject_read_with_modifier(v) or share_read_as_measure(v) or count_read_as_conjunct(v)


def verb_of_a_misjoined_object(v: Token) -> Optional[Token]:
    """'He put on a fake accent and joked, "..."': a finite verb after 'and' that the parser joined to the object
    of the verb before it (or to a preposition's object under it), as if it were another noun, goes with that verb
    and shares its subject. That verb, or None."""
    h = v.head
    if v.tag_ not in ("VBD", "VBZ", "VBP") or h.pos_ not in ("NOUN", "PROPN") or h.i > v.i or \
            not any(c.dep_ == "cc" and h.i < c.i < v.i for c in h.children) or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    outer = h.head if h.dep_ in ("dobj", "obj", "attr") else h.head.head if h.dep_ == "pobj" else None
    return outer if outer is not None and outer.pos_ in ("VERB", "AUX") and outer.i < h.i else None


def borrowed_subject(v: Token, depth: int, read_as_participle: bool) -> tuple[bool, Optional[Token]]:
    """(True, the source or None) for a verb with no subject of its own that takes one from the verb it is
    coordinated with, the clause its participle or infinitive hangs on, or the statement noun it describes;
    (False, None) when none applies."""
    if (outer := coordinated_participle(v)) is not None:
        return True, subject_of(outer, depth + 1)  # '..., saying A and questioning B': questioning is the speaker's
    if v.dep_ == "conj":
        h = v.head
        if h.dep_ == "ccomp" and is_cue_verb(v) and not is_cue_verb(h) and is_cue_verb(h.head) and h.head.i < h.i:
            return True, subject_of(h.head, depth + 1)  # "X stressed that A and said B": said belongs to X
        if (outer := verb_of_a_gerund_phrase(v)) is not None:
            return True, subject_of(outer, depth + 1)
        if (outer := verb_of_a_misjoined_object(v)) is not None:
            return True, subject_of(outer, depth + 1)
        return True, subject_of(h, depth + 1)
    if v.dep_ in ("advcl", "xcomp", "acl", "pcomp", "conj") and v.tag_ == "VBG" and not _tok_in_quote(v) and _tok_in_quote(v.head):
        # '"...," he said, adding that ...' with 'adding' hung on a verb inside the quotation: the
        # participle goes with the nearest cue before it outside the quotation
        outer = next((t for t in reversed(v.doc[v.sent.start: v.i]) if not _tok_in_quote(t) and is_cue_verb(t)), None)
        if outer is not None:
            return True, subject_of(outer, depth + 1)
        root = v.sent.root
        if root.i < v.i and not _tok_in_quote(root) and v.doc[v.i - 1].text == ",":
            # ('Morrow seemed ready to riff on it, telling the crowd, "..."', the participle hung on the quotation's
            # verb: it goes with the sentence's own verb before it)
            return True, subject_of(root, depth + 1)
    if v.dep_ in ("advcl", "xcomp", "acl", "pcomp") and v.tag_ in ("VBG", "VBN") and not read_as_participle:
        decided, subj = participle_subject(v, depth)
        if decided:
            return True, subj
    if v.dep_ in ("xcomp", "advcl") and v.tag_ == "VB" and to_infinitive(v):
        # "He went on to say ...", "was quick to say": the subject of the verb (or adjective) it completes;
        # "urged him to say": its object
        h = v.head
        obj = next((c for c in h.children if c.dep_ in ("dobj", "obj") and c.i < v.i), None)
        if obj is not None and obj.pos_ in ("PRON", "PROPN", "NOUN"):
            return True, obj
        if h.pos_ == "ADJ" and h.dep_ in ("acomp", "amod"):
            h = h.head
        if h.pos_ in ("VERB", "AUX"):
            return True, subject_of(h, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VB" and to_infinitive(v) and (h := verb_whose_object_it_describes(v)) is not None:
        return True, subject_of(h, depth + 1)  # "took pains to say that ...": the subject of 'took'
    return False, None


def verb_of_a_gerund_phrase(v: Token) -> Optional[Token]:
    """'turned her focus to winning the race and admitting that she may lose': a gerund of speech with a clause of
    its own that the parser coordinated with a gerund after a preposition; the verb that preposition hangs on, whose
    subject speaks (the first gerund has no subject to lend). None otherwise."""
    h = v.head
    if v.tag_ != "VBG" or h.tag_ != "VBG" or h.dep_ != "pcomp" or h.head.dep_ != "prep" or \
            not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
        return None
    outer = h.head.head
    return outer if outer.pos_ in ("VERB", "AUX") else None


def verb_whose_object_it_describes(v: Token) -> Optional[Token]:
    """The verb whose object (a noun that cannot speak) an infinitive of speech with a clause of its own
    describes ('is taking pains to say that ...', 'took care to stress that ...'); None otherwise (a verb of
    finding or intent there is often no one's claim: 'has a chance to show that ...')."""
    obj = v.head
    if obj.dep_ not in ("dobj", "obj") or obj.pos_ != "NOUN" or obj.head.pos_ not in ("VERB", "AUX") or \
            getattr(VERBS.get(v.lemma_.lower()), "act", None) != "statement" or \
            not any(c.dep_ == "ccomp" and c.i > v.i and c.pos_ in ("VERB", "AUX") for c in v.children) or can_speak(obj):
        return None
    return obj.head


def object_before_participle(p: Token) -> Optional[Token]:
    """'referring to a flyer urging voters to stay home', 'mocked the ad showing her at the dock': the noun object of
    the verb a participle hangs on, when the participle follows it with no comma between and has no subject of its
    own: the participle says which one the object is, though the parser hung it on the verb (set off by a comma it
    would be the next act of the verb's subject). Not a time ('spent the week touring the county'), nor a
    preposition-like participle ('including'). The object, or None."""
    doc, h = p.doc, p.head
    if p.tag_ != "VBG" or p.dep_ not in ("advcl", "xcomp", "dep") or p.i == 0 or p.left_edge.i != p.i or h.i > p.i or \
            p.lower_ in PREPOSITIONAL_PARTICIPLES or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in p.children):
        return None
    last = doc[p.i - 1]
    if last.pos_ not in ("NOUN", "PROPN") or is_time(last) or _tok_in_quote(last):
        return None
    objs = [c for c in h.children if c.dep_ in ("dobj", "obj")] + \
        [g for c in h.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return next((o for o in objs if o.right_edge.i == last.i and o.pos_ in ("NOUN", "PROPN")), None)


def participle_subject(v: Token, depth: int) -> tuple[bool, Optional[Token]]:
    """A participle's source: the subject of the clause it hangs on ('said ..., before adding that ...', 'since
    announcing her run, she ...'), or the statement noun it describes ('a statement saying ...', or an object right
    before it that can speak: ``object_before_participle``)."""
    if (obj := object_before_participle(v)) is not None and can_speak(obj, v):
        return True, obj  # (not 'sent out pitches highlighting ...': the pitches are the sender's)
    h = v.head
    if h.dep_ == "prep" and h.lower_ in ("as", "before", "after", "while", "by"):
        h = h.head  # "was quoted as saying", "said ..., before adding that ..."
    elif h.dep_ == "prep" and getattr(VERBS.get(v.lemma_.lower()), "act", None) == "statement" and \
            (clause := gerund_preposition(h)) is not None:
        h = clause  # 'besides arguing that ...', 'in addition to stating that ...'
    elif h.dep_ == "prep" and (clause := clause_gerund_verb(v)) is not None:
        return True, person_object_before(clause, h) or subject_of(clause, depth + 1)  # 'turned to arguing that'
    elif h.dep_ == "prep" and h.lower_ in ("in", "since", "upon", "on"):
        # "since announcing her run, she ...", "was wrong in saying that ...": a verb of speech or thought
        # (one that takes what is said) reports the subject of the clause, or of the verb the adjective
        # completes; under a noun ('the difficulty in predicting turnout') the noun is no speaker, and an
        # act ('in defending his record', 'on supporting the bill') is often no attribution at all
        if not takes_clause_frame(v.lemma_.lower()):
            return True, None
        h = h.head.head if h.head.pos_ == "ADJ" and h.head.dep_ in ("acomp", "attr") else h.head
        if h.pos_ not in ("VERB", "AUX"):
            return True, None
    if _reports_outer(v) or _subordinated_outer(v, h):
        h = h.head  # "X said A, adding that B": the participle reports X, not A's subject
    if h.pos_ in ("VERB", "AUX"):
        return True, subject_of(h, depth + 1)
    if h.pos_ in ("NOUN", "PROPN") and v.dep_ == "acl" and h.lemma_.lower() in CHANNEL_NOUNS and \
            getattr(VERBS.get(v.lemma_.lower()), "act", "statement") != "statement":
        # 'Morrow issued a statement condemning the attack', 'In a statement defending the clerk, the campaign
        # said ...', 'her speech denouncing the levy': a verdict of whoever gave the statement or speech
        owner = next((c for c in h.children if c.dep_ == "poss"), None)
        if owner is not None:
            return True, owner
        if h.dep_ in ("dobj", "obj") and h.head.pos_ in ("VERB", "AUX"):
            return True, subject_of(h.head, depth + 1) or h
        if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in ("VERB", "AUX"):
            return True, subject_of(h.head.head, depth + 1) or h
    if h.pos_ in ("NOUN", "PROPN"):  # "a statement saying ..."
        return True, h
    return False, None


def clause_gerund_verb(v: Token) -> Optional[Token]:
    """The verb a preposition of cues.yml clause_gerund_prepositions hangs a gerund of speech on when the gerund
    has a clause of its own ('turned to arguing that ...', 'took the step of announcing that ...'); None
    otherwise (a gerund with a noun object is often an act: 'turned to raising money')."""
    prep = v.head
    if prep.lower_ not in CLAUSE_GERUND_PREPOSITIONS or v.i != prep.i + 1 or prep.head.pos_ not in ("VERB", "AUX") or \
            not takes_clause_frame(v.lemma_.lower()) or \
            not any(c.dep_ == "ccomp" and c.i > v.i and c.pos_ in ("VERB", "AUX") for c in v.children):
        return None
    if prep.head.dep_ == "advcl" and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in prep.head.children):
        return None  # an impersonal 'it' in an adverbial clause ('when it comes to arguing that ...') speaks for no one
    return prep.head


def person_object_before(verb: Token, prep: Token) -> Optional[Token]:
    """A pronoun or name the verb takes as its object before the preposition ('accused him of saying that')."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < prep.i and
                 c.pos_ in ("PRON", "PROPN")), None)


def gerund_preposition(prep: Token) -> Optional[Token]:
    """The clause a preposition of cues.yml gerund_prepositions hangs a gerund of speech on ('besides arguing',
    'in addition to stating', 'aside from claiming'): its verb; None for any other preposition."""
    doc = prep.doc
    words = next((w for w in GERUND_PREPOSITIONS if prep.i + 1 >= len(w) and  # (longest first)
                  [t.lower_ for t in doc[prep.i + 1 - len(w): prep.i + 1]] == list(w)), None)
    if words is None:
        return None
    h = prep.head
    while h.pos_ not in ("VERB", "AUX") and h.dep_ in ("prep", "pobj", "advmod") and h.i >= prep.i + 1 - len(words):
        h = h.head
    if h.pos_ == "ADJ" and h.dep_ in ("acomp", "attr"):
        h = h.head
    return h if h.pos_ in ("VERB", "AUX") else None


def opening_misread_subject(v: Token) -> Optional[Token]:
    """Sources the parser lost at the opening of a sentence: a sentence-initial surname read as another word, a
    subject hung on a preposed participle, an inverted source after a quotation given to another verb."""
    # "Long said ...", "Young argued ...": a sentence-initial surname the tagger read as an
    # adverb or adjective, right before a cue verb that has no subject of its own
    first = v.sent[0]
    if initial_surname(first, v):
        return first
    # "Alarmed by the protests in Ohio, Senator Dana Morrow, the majority whip, said ...": after a
    # preposed participle, the parser may hang the subject on the participle's last noun as its
    # apposition; the noun phrase that ends right before the cue is the cue's subject
    opener = next((c for c in v.children if c.dep_ == "advcl" and c.i < v.i and c.tag_ in ("VBN", "VBG") and
                   not any(x.dep_ in ("nsubj", "nsubjpass", "mark") for x in c.children)), None)
    if opener is not None and is_cue_verb(v):
        for t in opener.subtree:
            if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN") and v.doc[t.left_edge.i - 1].text == "," and \
                    t.right_edge.i + 1 == v.i - 1 and v.doc[v.i - 1].text == "," and can_speak(t):
                return t
    # '"...," said retired surveyor Ray Lowell, asked about ...': the inverted source right
    # after a cue that follows a closing quote, which the parser gave to another verb
    if v.i >= 2 and _ends_with_quote(list(v.doc[v.sent.start:v.i])):
        head = None
        last = None
        for t in v.doc[v.i + 1: v.sent.end]:
            if t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or t.tag_ == "POS" or \
                    t.dep_ in ("amod", "compound", "poss", "det", "nummod") and head is None:
                if t.pos_ in ("NOUN", "PROPN"):
                    head = t
                last = t
                continue
            break
        if head is None and last is not None and last.pos_ in ("ADJ", "NUM") and last.i > v.i + 1:
            head = last  # '"...," said the 51-year-old.
        if head is not None:
            return head
    return None


def inverted_after_clause(v: Token, subjects: list[Token]) -> Optional[Token]:
    """'The levy signals a long winter, said Dana Morrow, a lawyer': an inverted tail after a reported clause
    without quote marks, where the parser made the clause's subject a second subject of the cue. The source
    is the noun phrase right after the cue."""
    if len(subjects) < 2 or v.tag_ not in ("VBD", "VBZ") or _tok_in_quote(v) or not is_cue_verb(v):
        return None
    entry = VERBS.get(v.lemma_.lower())
    if entry is None or entry.act != "statement" or not {"clause", "quote"} & set(entry.frames):
        return None  # (the inversion is a verb of saying's; '..., remembers Mr. Lowell as a ...' has its object after it)
    prev = prev_word(v)
    if prev is not None and prev.text in QUOTE_TOKENS:
        prev = prev_word(prev)  # ('... has been "upset about the vote," said an aide to the mayor')
    if prev is None or prev.text != "," or not any(c.dep_ == "nsubj" and c.i < v.i for c in subjects):
        return None
    return next((c for c in subjects if c.dep_ == "nsubj" and c.i > v.i and c.left_edge.i == v.i + 1 and
                 c.pos_ in ("PROPN", "NOUN")), None)


def inverted_source_of_the_clause(v: Token) -> Optional[Token]:
    """'The hardest part, says Dana Morrow, a nurse, is the night shift': an inverted cue of saying set off by commas
    inside the clause it reports, where the parser hung the clause's subject on the cue and made the noun phrase after
    the cue the subject of the clause's own verb. That noun phrase (set off by a comma after it, and one that can speak:
    not 'aides to the mayor, who ..., said their speeches, already long, would change') is the source."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or v.i + 1 >= v.sent.end or not is_cue_verb(v) or _tok_in_quote(v):
        return None
    prev = prev_word(v)
    if prev is None or prev.text != "," or not any(c.dep_ == "nsubj" and c.i < v.i for c in v.children) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i > v.i for c in v.children):
        return None
    entry = VERBS.get(v.lemma_.lower())
    if entry is None or entry.act != "statement" or not {"clause", "quote"} & set(entry.frames):
        return None
    noun = v.doc[v.i + 1]
    while noun.head.i != noun.i and noun.head.left_edge.i == v.i + 1 and noun.dep_ not in ("nsubj", "nsubjpass"):
        noun = noun.head  # (from the first word up to the head of the phrase it opens)
    clause, end = noun.head, noun.right_edge.i  # (the parser may give the phrase the comma after it)
    if noun.dep_ != "nsubj" or noun.left_edge.i != v.i + 1 or noun.pos_ not in ("NOUN", "PROPN") or not can_speak(noun) or \
            clause.i <= end or not (clause.tag_ in ("VBD", "VBZ", "VBP") or any(
                x.dep_ == "aux" and x.tag_ in ("MD", "VBD", "VBZ", "VBP") for x in clause.children)) or \
            "," not in (v.doc[end].text, v.doc[end + 1].text):
        return None
    return noun


def subject_after_a_set_off_subject(v: Token, subjects: list[Token]) -> Optional[Token]:
    """'Voters, Morrow suggested, need not worry', 'The road is safe enough, they insist': two subjects before the cue,
    a comma before the second, which stands right before the cue; the parser hung the reported clause's subject on
    the cue too. The second is the source when the reported clause goes on after the attribution (a comma and a
    finite verb) or has a finite verb of its own before the comma."""
    before = [c for c in subjects if c.dep_ == "nsubj" and c.i < v.i]
    if len(before) < 2 or not is_cue_verb(v):
        return None
    first, last = before[0], before[-1]
    doc = v.doc
    if first.pos_ not in ("NOUN", "PROPN") or last.pos_ not in ("NOUN", "PROPN", "PRON") or last.lower_ in REL_PRONOUNS \
            or last.left_edge.i < 1 or doc[last.left_edge.i - 1].text != "," or last.right_edge.i + 1 != v.i:
        return None
    finite = ("VBD", "VBZ", "VBP", "MD")
    verb_before = any(t.tag_ in finite for t in doc[first.i: last.left_edge.i - 1])
    goes_on = v.i + 2 < v.sent.end and doc[v.i + 1].text == "," and (doc[v.i + 2].tag_ in finite or doc[v.i + 2].dep_ == "neg")
    return last if verb_before or goes_on else None


def _reports_outer(v: Token) -> bool:
    """Is v a participial cue set off by a comma after a reported clause ('X said A, adding that B'),
    so that it reports the outer speaker?"""
    h = v.head
    # (a comma inside the closing quote mark counts: 'said it is a "distortion," describing ...'; so does one
    # before the participle's own subordinator: 'said A, while stressing that B')
    if v.dep_ != "advcl" or v.tag_ != "VBG":
        return False
    before = v.doc[v.i - 1] if v.i > 1 else None
    first = v.i - 1 if before is not None and before.dep_ == "mark" and before.head.i == v.i and \
        before.lower_ in PARTICIPLE_SUBORDINATORS else v.i
    comma = first > 0 and v.doc[first - 1].text == "," or \
        first > 1 and v.doc[first - 1].text in ("\"", "”", "''", "’") and v.doc[first - 2].text == ","
    if not comma:
        return False
    return h.dep_ == "ccomp" and h.head.i < h.i < v.i and is_cue_verb(h.head)


def coordinated_participle(v: Token) -> Optional[Token]:
    """'..., telling the board the audit was late and questioning why no one had checked': a participle of a cue
    verb right after 'and' or 'but', with no subject of its own, that the parser hung somewhere inside the reported
    clause of an earlier participle of a cue verb (or beside it, on the verb it hangs on), is coordinated with that
    participle (the source's next act, not more of what it reports). That earlier participle, or None. Never inside
    a quotation; not when another cue verb stands between them in the parse ('saying voters were told to stop
    asking and waiting')."""
    if v.tag_ != "VBG" or v.i < 2 or v.doc[v.i - 1].lower_ not in ("and", "but") or _tok_in_quote(v) or \
            not is_cue_verb(v) or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
        return None
    if v.dep_ == "conj":  # (hung on the verb the earlier participle hangs on: '..., saying A but warning B')
        sibling = next((a for a in v.head.children if a.dep_ == "advcl" and a.tag_ == "VBG" and v.head.i < a.i < v.i
                        and is_cue_verb(a) and not _tok_in_quote(a)), None)
        if sibling is not None:
            return sibling
    for a in v.ancestors:
        if a.i > v.i or _tok_in_quote(a):
            return None
        if is_cue_verb(a):
            return a if a.tag_ == "VBG" and v.head.i != a.i else None
    return None


def _subordinated_outer(v: Token, h: Token) -> bool:
    """'X said the tolls would stay before adding that B', '..., while stressing that B': a participle of a cue verb
    right after a subordinator of ``participle_subordinators``, hung (h) on the reported clause of an earlier cue
    that is no cue itself, reports the outer speaker."""
    return v.i > 0 and v.doc[v.i - 1].lower_ in PARTICIPLE_SUBORDINATORS and is_cue_verb(v) and \
        h.dep_ == "ccomp" and h.head.i < h.i < v.i and is_cue_verb(h.head) and not is_cue_verb(h)


def mention_tokens(head: Token) -> list[Token]:
    """The source mention around its head noun: modifiers, titles, appositions; no relative clauses."""
    drop: set[int] = set()
    for t in head.subtree:
        if t.dep_ in ("relcl",) or (t.dep_ == "acl" and t.i > head.i and (t.tag_ not in ("VBN", "VBG") or
                                                                          t.tag_ == "VBG" and is_cue_verb(t))) or \
                (t.dep_ in ("advcl", "parataxis")) or \
                (t.dep_ == "acl" and t.tag_ == "VBG" and t.i > head.i and t.doc[t.i - 1].text == ","):
            # relative clauses and participles set off by commas ("an official, speaking on
            # condition of anonymity,") say something about the source; they are not its name
            drop.update(x.i for x in t.subtree)
        if t.dep_ == "appos" and any(x.dep_ == "relcl" for x in t.children):
            drop.update(x.i for x in t.subtree if x.dep_ == "relcl" or x.head.dep_ == "relcl")
        if t.i > head.i and any(x.tag_ == "WP$" and x.dep_ == "poss" for x in t.children):
            drop.update(x.i for x in t.subtree)  # 'whose farm, ...' read as an apposition: a relative clause
        if t.dep_ == "punct" and t.text in "()":
            drop.add(t.i)
    toks = [t for t in head.subtree if t.i not in drop]
    # keep a contiguous run around the head
    idx = [t.i for t in toks]
    lo = hi = head.i
    s = set(idx)
    while lo - 1 in s:
        lo -= 1
    while hi + 1 in s:
        hi += 1
    doc = head.doc
    while lo < hi and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    return [doc[i] for i in range(lo, hi + 1)]


def clause_of_cue_noun(t: Token) -> bool:
    """'agreed to a settlement over claims that the firm misled buyers': the that-clause of a noun that reports one
    (a cue noun that takes a clause, not the occasion of a statement: 'said in a statement that ...')."""
    noun = t.head
    lemma = CUE_NOUN_FORMS.get(noun.lower_)
    return lemma is not None and CUE_NOUNS[lemma].clause and noun.lower_ not in CHANNEL_NOUNS and lemma not in CHANNEL_NOUNS


# What may stand between a cue verb and the noun the parser hung its that-clause on: for a verb that takes only a
# clause, the recipient, a place or a time ('told reporters outside the courthouse that ...'); for one that also
# takes an object, only one phrase of how or where on the verb itself ('stressed in a statement that ...', 'claimed
# without proof that ...'), as its object's own clause is the object's ('denied the report that ...', 'pointed to
# the ruling as proof that ...').
CLAUSE_PATH = ("pobj", "prep", "dobj", "dative", "npadvmod", "compound", "amod")
PREP_PATH = ("pobj", "prep")


def has_own_content_phrase(v: Token) -> bool:
    """An object, a topic phrase (cues.yml preps) or an 'as' phrase of the verb: what a clause after it belongs to."""
    preps = VERBS[v.lemma_.lower()].preps + ("as",)
    return any(c.dep_ in ("dobj", "obj") or c.dep_ == "prep" and c.lower_ in preps for c in v.children)


def clause_hung_on_a_noun(v: Token, path: tuple[str, ...]) -> Optional[Token]:
    """A that-clause with its own subject that the parser hung on a noun after the verb ('said for the first time
    that the files were found', its 'that' read as an adverb of a relative clause), reached through ``path``."""
    if not path or path == PREP_PATH and has_own_content_phrase(v):
        return None
    if path == PREP_PATH:  # only a clause two steps down ('stressed [in [a statement [that ...]]]')
        near = [t for y in v.children if y.dep_ in path for x in y.children if x.dep_ in path for t in x.children]
        return next((t for t in sorted(near, key=lambda t: t.i) if that_clause_on_a_noun(v, t)), None)
    for t in v.subtree:
        if that_clause_on_a_noun(v, t):
            h = t.head
            while h.i != v.i and h.dep_ in path:
                h = h.head
            if h.i == v.i:
                return t
    return None


def that_clause_on_a_noun(v: Token, t: Token) -> bool:
    """t, after the verb v, heads a that-clause with a subject of its own that the parser made a relative clause
    or a clause of a noun, its 'that' read as an adverb or as the object of a relative clause ('alleged in her
    letter that the county hid the records'); not the that-clause of a noun that reports ('claims that ...')."""
    return t.i > v.i and t.dep_ in ("acl", "relcl") and t.pos_ in ("VERB", "AUX") and that_opens_own_clause(t) and \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in REL_PRONOUNS for c in t.children) and \
        not clause_of_cue_noun(t)


def that_opens_own_clause(t: Token) -> bool:
    """The clause t, which the parser made relative or a clause of a noun, opens with a 'that' that is the
    conjunction of a clause of its own: read as a marker, as an adverb at its left edge, as the object of a
    preposition hung on the verb itself (no preposition governs it: 'told voters at a diner that she needs them'), or
    as an object (of the verb or of a preposition) in a role another word already fills (``that_with_no_gap``,
    ``complete_clause``)."""
    return any(m.lower_ == "that" and m.i < t.i and (m.dep_ == "mark" or m.dep_ == "advmod" and m.i == t.left_edge.i or
                                                      m.dep_ == "dobj" and m.i == t.left_edge.i and complete_clause(t, m) or
                                                      m.dep_ == "pobj" and m.i == t.left_edge.i)
               for m in t.children) or that_with_no_gap(t)


def that_with_no_gap(t: Token) -> bool:
    """'predicted at the forum that the county will win every seat': the 'that' opening the clause, read as a
    relative pronoun in a role another word already fills (a second object of the verb, a second object of a
    preposition), leaves the clause no gap to fill: it is the conjunction of a clause of its own."""
    m = t.left_edge
    return m.lower_ == "that" and m.dep_ in ("dobj", "pobj") and m.head in t.subtree and \
        any(x.dep_ == m.dep_ and x.i != m.i for x in m.head.children)


def complete_clause(t: Token, that: Token) -> bool:
    """A clause read as relative whose verb has an object or complement besides the 'that' read as its object
    ('... at the debate that the party will take every state'): no relative clause lacks that word, so it is a
    that-clause ('a profit that analysts expected' lacks one)."""
    return any(c.i != that.i and c.i > t.i and c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative")
               for c in t.children)


def complement_of(v: Token) -> Optional[Token]:
    """The clausal complement of a cue verb (or of its 'concerns' noun); of clauses on both sides of
    the verb, the one after it ('... they lean left: 42% say they are liberal')."""
    comps = [c for c in v.children if c.dep_ == "ccomp"]
    if not comps and v.tag_ == "NNS" and verb_read_as_noun(v):
        comps = [c for c in (that_clause_on_noun(v),) if c is not None]  # 'the campaign projects that ...' read as a noun
    if not comps and subject_of_a_clause_after(v) is not None:
        return v.head.head  # 'Several papers reported on Monday the clerk had ...': the clause its subject was hung on
    if not comps and clause_after_a_modifier(v) is not None:
        return v.head.head  # 'The mayor implied critics are lying': the clause whose subject the verb was read to modify
    if not comps:
        # 'the drawdown, which they say left a vacuum': a finite verb the parser hung as an open complement
        comps = [c for c in v.children if c.dep_ == "xcomp" and c.i > v.i and c.tag_ in ("VBD", "VBZ", "VBP") and
                 not to_infinitive(c)]
    if not comps and takes_clause_frame(v.lemma_.lower()):
        comps = [c for c in v.children if that_clause_read_as_adverbial(c, v)]
    if not comps and v.lemma_.lower() in QUESTION_VERBS:
        # 'asked the students if they were serious': the question, parsed as an adverbial clause
        comps = [c for c in v.children if c.dep_ == "advcl" and c.i > v.i and
                 any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
        hung = None if comps else question_hung_after(v)  # ('when I asked him if he would run, he ...')
        if hung is not None:
            return hung
    if comps:
        before = [c for c in comps if c.i < v.i]
        if before and _ends_with_quote(list(v.doc[before[0].left_edge.i: v.i])):
            return before[0]  # '"...," said Carlson, asked about ...': the quotation is the complement
        return next((c for c in comps if c.i > v.i), comps[0])
    lem = v.lemma_.lower()
    hung = clause_hung_on_a_noun(v, CLAUSE_PATH if lem in CLAUSE_ONLY else PREP_PATH if takes_clause_frame(lem) else ())
    if hung is not None:
        return hung
    for c in v.children:  # "X reported, citing Y, that ...": the parser hangs the clause on 'citing'
        if c.dep_ == "advcl" and c.lemma_.lower() == "cite":
            cc = next((g for g in c.children if g.dep_ == "ccomp"), None)
            if cc is not None:
                return cc
    for c in v.children:
        if c.dep_ in ("dobj",) and c.lemma_.lower() in CONCERN_NOUNS:
            for g in c.subtree:
                if g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children):
                    return g
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in ("about", "over"):
                    return g
    if lem in ("say", "tell", "write", "add", "report", "announce", "claim", "warn"):
        for c in v.children:
            if c.dep_ in ("xcomp",) and lem in ("warn", "tell") and any(x.dep_ == "dobj" for x in v.children):
                return c
    return None

def question_hung_after(v: Token) -> Optional[Token]:
    """'when I asked the mayor if she would run, she smiled', 'when asked in May whether he would ...': an if- or
    whether-clause right after the question verb's own words, which the parser hung on a clause above the verb's
    own. None when the verb is no modifier or no such clause follows it."""
    if v.dep_ not in ("advcl", "conj") or v.right_edge.i + 1 >= len(v.doc):
        return None
    mark = v.doc[v.right_edge.i + 1]
    if mark.dep_ != "mark" or mark.lower_ not in ("if", "whether") or _tok_in_quote(mark):
        return None
    clause = mark.head
    hung_above = clause.dep_ in ("advcl", "ccomp") and any(a.i == clause.head.i for a in v.ancestors)
    return clause if hung_above and clause.left_edge.i == mark.i else None


def that_clause_read_as_adverbial(c: Token, v: Token) -> bool:
    """'said in an interview only that the budget was tight', 'reminding voters that the mill forced ...': a clause
    after the cue that opens with 'that' (after adverbs at most), which the parser hung on the cue as an adverbial
    clause. Not a clause of purpose or cause ('so that', 'now that': ``that_subordinator_adverbs``)."""
    if c.dep_ != "advcl" or c.i < v.i:
        return False
    mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "that"), None)
    if mark is None or _tok_in_quote(mark):
        return False
    return all(t.dep_ == "advmod" and t.lower_ not in THAT_SUBORDINATOR_ADVERBS for t in c.doc[c.left_edge.i: mark.i])


def _cites_inside_report(t: Token) -> bool:
    """'X reported, citing Y, that ...' parsed with 'citing' under the reported clause."""
    h = t.head
    return t.dep_ == "advcl" and h.dep_ == "ccomp" and h.head.i < t.i < h.i and is_cue_verb(h.head)

def _content_first(comp: Token) -> Token:
    """The first token of a clausal complement's content: past a leading 'citing Y,' (which the
    parser may hang on the clause), commas and the complementizer 'that' (also read as an object hung on the verb)."""
    doc = comp.doc
    lo = next(comp.subtree)
    for c in comp.children:
        if c.i < comp.i and c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() == "cite" and c.i == lo.i:
            lo = doc[max(x.i for x in c.subtree) + 1]
    while lo.i < comp.i and (lo.is_punct and lo.text not in QUOTE_TOKENS or lo.dep_ == "mark" and lo.lower_ == "that"
                             or lo.dep_ == "pobj" and lo.lower_ == "that" and lo.head.i == comp.i
                             or adverb_before_that(lo, comp)):
        lo = doc[lo.i + 1]
    return lo


def adverb_before_that(t: Token, comp: Token) -> bool:
    """'said only that ...': an adverb of the reported clause right before its 'that' goes with the cue."""
    nxt = t.doc[t.i + 1]
    return t.dep_ == "advmod" and t.head.i == comp.i and nxt.dep_ == "mark" and nxt.lower_ == "that"

def recipient_of(v: Token) -> Optional[list[Token]]:
    """Whom the source told (or asked): the indirect or direct object of a recipient verb ('tell', 'brief',
    'warn', 'ask' ...; cues.yml recipient_verbs says where each verb puts the person addressed)."""
    how = RECIPIENT_VERBS.get(v.lemma_.lower())
    if how is None:
        return None
    for c in v.children:
        if how == "question":
            # whom a question was put to: a person named or a pronoun ('"Why?" she asked him'), not whom
            # one asks to do something ('asked him to resign', the content)
            # (a quotation the parser hung on the verb before it is no such clause: '"You said ...," he asked her')
            if c.dep_ == "dobj" and (c.pos_ in ("PRON", "PROPN") or asked_about(v, c)) and \
                    not any(x.dep_ in ("xcomp", "ccomp") and x.i > v.i for x in v.children):
                return list(c.subtree)
            continue
        if c.dep_ == "dobj" and (c.lemma_.lower() in MESSAGE_NOUNS or c.lower_ in MESSAGE_NOUNS):
            continue  # 'told the story of ...': what was told, not whom
        # the parser labels the person a direct object when a clause follows ('warned them that ...',
        # 'wrote Morrow that ...'): with a dative verb, a pronoun or a name there is whom, the clause what
        if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and (how == "object" or how == "dative" and c.pos_ in (
                "PRON", "PROPN") and (any(x.dep_ == "ccomp" and x.i > c.i for x in v.children) or closes_a_tail(v, c)))):
            topic = topic_on_person(v, c) if how == "object" else None
            if topic is not None:
                return [t for t in c.subtree if t.i < topic.i]  # (without what they were reminded of)
            if any(x.dep_ in ("ccomp", "xcomp") and x.i > c.i for x in v.children) or c.i == max(
                    (x.i for x in v.children if x.dep_ not in ("punct",)), default=c.i) or c.pos_ in ("PRON", "PROPN"):
                return list(c.subtree)
    return None


def closes_a_tail(v: Token, obj: Token) -> bool:
    """'..., Morrow wrote Lowell.', '..., the engineer warned them.': a person object right after a dative cue that
    ends the sentence, the cue's clause standing before it (the clause is what was said, the person whom it was
    addressed to; not a title set off after a phrase of the verb: 'wrote in her book, "Hard Water."')."""
    end = obj.right_edge.i + 1
    return obj.left_edge.i == v.i + 1 and any(x.dep_ == "ccomp" and x.i < v.i for x in v.children) and \
        all(t.is_punct or t.is_space for t in v.doc[end:v.sent.end])


def topic_on_person(v: Token, obj: Token) -> Optional[Token]:
    """'reminded voters of the flood', 'reminded his staff about the rules': the verb's topic preposition (cues.yml
    preps) that the parser hung on the person addressed, a noun object before it."""
    entry = VERBS.get(v.lemma_.lower())
    if entry is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.lower_ in MESSAGE_NOUNS:
        return None
    return next((p for p in obj.children if p.dep_ == "prep" and p.lower_ in entry.preps and p.i > obj.i and
                 any(g.dep_ in ("pobj", "pcomp") for g in p.children)), None)


def asked_about(v: Token, obj: Token) -> bool:
    """'asked the board for a recount', 'asked the clerk about the audit', 'reminded voters of the flood': a noun object
    before the verb's topic preposition (cues.yml preps) is whom the question was put to or the words were said to
    (not 'asked questions about', what was asked)."""
    entry = VERBS.get(v.lemma_.lower())
    return obj.pos_ == "NOUN" and obj.lemma_.lower() not in MESSAGE_NOUNS and obj.lower_ not in MESSAGE_NOUNS and \
        entry is not None and any(x.dep_ == "prep" and x.lower_ in entry.preps and x.i > obj.right_edge.i
                                  for x in v.children)


def passive_infinitive(v: Token) -> Optional[Token]:
    return next((c for c in v.children if c.dep_ == "xcomp" and c.i > v.i and
                 to_infinitive(c)), None)


def passive_predicate(v: Token) -> Optional[Token]:
    """'seen as a trap' ('as' and its object), 'considered dead', 'considered a long shot' (a predicate), 'was
    announced the winner' (a noun the parser read as the passive's object)."""
    return next((c for c in v.children if c.i > v.i and (
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ in ("pobj", "pcomp", "amod", "acomp") for g in c.children) or
        c.dep_ in ("oprd", "acomp", "attr") or retained_predicate(v, c))), None)


def retained_predicate(v: Token, c: Token) -> bool:
    """'Lowell was announced the winner': a noun after a passive that the parser read as its object, which is
    what the passive subject is named (not a time: 'was announced the day before')."""
    return c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not is_time(c) and \
        any(a.dep_ == "auxpass" for a in v.children) and any(a.dep_ == "nsubjpass" and a.i < v.i for a in v.children)


def bare_passive_subject(v: Token) -> Optional[Token]:
    """'The price was not disclosed', 'the day the deal was announced', 'a merger announced Monday', 'the newly
    announced merger': the subject of a passive, or the noun its participle modifies, with nothing
    after it that says more (no clause, infinitive, predicate, 'as' or 'to' phrase), which is then what was said;
    not a pronoun, whose words the sentence does not give ('he was confirmed', 'which was reported'), nor what
    was never said ('No deal was announced', 'None were disclosed')."""
    if v.dep_ == "acl":  # 'the deal, announced Friday, would ...': the noun the participle modifies (not the
        # sentence's verb read as a participle: 'Two papers reported on Friday the board had ...')
        n = v.head if v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and not main_verb_read_as_participle(v) else None
    elif v.dep_ == "amod":  # 'the recently announced layoffs': the noun the participle stands before (not the end
        # of a compound adjective: 'a self-announced candidate')
        n = v.head if v.head.pos_ in ("NOUN", "PROPN") and v.head.i > v.i and (v.i == 0 or v.doc[v.i - 1].text != "-") else None
    else:
        n = next((c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.i), None)
    if n is None or n.tag_ in ("PRP", "WP", "WDT", "EX") or n.lower_ in ("that", "this", "these", "those", "none", "nothing") \
            or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in n.children):
        return None
    return None if says_more_after(v) else n


def says_more_after(v: Token) -> bool:
    """Does anything after the participle v say more about its noun (a clause, an infinitive, a predicate, an
    object, an 'as' or 'to' phrase: 'was announced as a gift', 'was reported to be ill')?"""
    return any(c.i > v.i and (c.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "attr", "dative", "dobj") or
                              c.dep_ == "prep" and c.lower_ in ("as", "to")) for c in v.children)


def summary_noun(v: Token) -> Optional[Token]:
    """The noun a participle or relative clause modifies when that noun sums up the clause before it, set off after
    it by a comma or dash ('..., a call echoed by the Ledger', '... - a detail she often mentions'); not a noun
    the sentence goes on about ('The plan, first reported by the Ledger, would ...'), nor one it only picks out
    ('an article cited by her aides quoted ...')."""
    n, doc = v.head, v.doc
    lo = n.left_edge.i
    if n.pos_ not in ("NOUN", "PROPN") or n.i > v.i or lo == 0 or not (doc[lo - 1].text == "," or is_dash(doc[lo - 1])) or \
            n.dep_ in ("nsubj", "nsubjpass") or any(t.text == "," or is_dash(t) for t in doc[n.i: v.i]):
        return None
    return n


def agent_participle_noun(v: Token) -> Optional[Token]:
    """'..., a call echoed by the Ledger', '... - a detail first disclosed by a local station': a participle with
    its agent on a summing-up noun (``summary_noun``), with nothing after it that says more; the noun is what the
    agent said."""
    if v.dep_ != "acl" or v.tag_ != "VBN" or not any(c.dep_ == "agent" for c in v.children) or says_more_after(v):
        return None
    return summary_noun(v)


def reduced_relative_noun(v: Token) -> Optional[Token]:
    """'..., a detail she often mentions', '..., a word the clerk then repeated': a relative clause with no pronoun,
    a subject of its own and no object, on a summing-up noun (``summary_noun``), which its object would be; the
    noun is what the clause's subject said (not 'the board she spoke to', whose noun a preposition takes)."""
    if v.dep_ != "relcl" or v.i < v.head.i or \
            not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children) or \
            any(c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass", "dative", "ccomp", "xcomp", "oprd", "csubj") or
                c.tag_ in ("WDT", "WP", "WRB") or c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
                for c in v.children):
        return None
    return summary_noun(v)


def relative_object_pronoun(v: Token) -> Optional[Token]:
    """'the charges, which the mayor denies', 'a rival whom she mentioned', 'the plan, which was first disclosed by
    the Ledger': a relative clause whose pronoun is what its verb's own subject (or, in the passive, its agent) said
    (not a restrictive 'that', 'the plan that she discussed', which only picks out its noun)."""
    if v.dep_ != "relcl" or \
            any(c.dep_ in ("ccomp", "xcomp", "oprd") or c.dep_ == "prep" and c.lower_ == "as" for c in v.children):
        return None  # ('which she claimed as her own': what she took it for)
    if any(c.dep_ == "agent" for c in v.children):
        role = "nsubjpass"
    elif any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
        role = "dobj"
    else:
        return None
    return next((c for c in v.children if c.dep_ == role and c.i < v.i and c.tag_ in ("WDT", "WP") and
                 c.lower_ != "that"), None)


def passive_phrase(v: Token) -> Optional[Token]:
    """'criticized for the delay', 'accused of fraud': the phrase after a passive verb of evaluation that says
    what it is for."""
    return next((c for c in v.children if c.i > v.i and c.dep_ == "prep" and c.lower_ in VERDICT_PREPOSITIONS and
                 any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
