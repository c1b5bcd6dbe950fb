"""Sources: describe each source mention and resolve it inside its article.

For every mention: source_type, anonymity, count, affiliation, role, seniority, status,
knowledge basis; then coreference inside the article (pronouns, surnames, anaphoric phrases
such as "the officials" or "one of the officials" take the name, type and anonymity of what
they refer to) and the reason the article gives for anonymity ("spoke on condition of
anonymity because ..."), linked to the anonymous mention it explains.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from heapq import heappop, heappush
from typing import Optional

from spacy.tokens import Doc, Token

from .attribution import Cand, _tok_end, _tok_start, act_of
from .attribution.cues import REL_PRONOUNS
from .attribution.text import doc_text
from .chains import Linker, apply_group, apply_profile, mention_form, person_of
from .describe import Desc, _expert_in, _phrase_in, _spokes_in, describe
from .lexicon import (EXPERT, MEDIA_NAMES, OFFICIAL, ORG_DESIGNATORS, PRONOUN_NUMBER, REASON, SENTENCE_WORDS, SPOKES,
                      STANCE, TITLE_ABBREV)
from .models import Article, Claim, SourceMention
from .people import Person, find_people
from .spans import Spans


# ---------------------------------------------------------------- coreference inside the article


@dataclass
class Mention:
    id: str
    start: int
    end: int
    text: str
    desc: Desc
    antecedent: Optional["Mention"] = None
    reason: Optional[tuple[int, int]] = None  # the article's stated reason for anonymity (offsets)
    merged_desc: Optional[Desc] = field(default=None, repr=False, compare=False)  # merged(), once resolved
    person: Optional[Person] = None  # the person of the article the mention names (claims.people)
    group_of: Optional[list[Person]] = None  # the people a plural stands for ('both women')
    role_only: bool = False  # a role named by its place ('Iran's president'): identifiable, though the name is known

    @property
    def root(self) -> "Mention":
        m, hops = self, 0
        while m.antecedent is not None and hops < 10:
            m, hops = m.antecedent, hops + 1
        return m


def _compatible(anaphor: Desc, ante: Desc) -> bool:
    """Can the anaphor refer back to the antecedent? Not when it says more than the antecedent does
    ('the U.S. side' is not 'both sides'), nor when they disagree."""
    if anaphor.affiliation and ante.affiliation != anaphor.affiliation:
        return False
    return True


def resolve_mention(m: Mention, prior: list[Mention]) -> None:
    """Point a mention at what it refers back to (pronoun, surname, anaphoric phrase)."""
    d = m.desc
    text_l = m.text.lower()
    if d.is_pronoun:
        want = PRONOUN_NUMBER.get(text_l, "sg_person")
        for p in reversed(prior):
            pd = p.root.desc
            if want == "sg_person" and (pd.person_name or pd.source_type in ("official", "spokesperson", "expert", "individual")) and not pd.plural:
                m.antecedent = p
                return
            if want == "pl" and (pd.plural or pd.source_type in ("organization", "group")):
                m.antecedent = p
                return
            if want == "sg_thing" and pd.source_type in ("organization", "document", "media"):
                m.antecedent = p
                return
        return
    # a bare name (surname) matching an earlier, fuller mention of a person ("Price", "Moon",
    # "Hassan Rouhani"); also a capitalized word the tagger took for a noun ("Price said")
    words = re.sub(r"['’]s?$", "", m.text).split()  # a possessor as written: "Morrow's call for"
    name_like = d.person_name or (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                                  and d.source_type in ("unknown", "organization", "individual"))
    if name_like:
        parts = set(re.findall(r"[\w\-]+", d.person_name or " ".join(words)))
        for p in reversed(prior):
            pn = p.root.desc.person_name
            if pn and p.text != m.text and parts <= set(re.findall(r"[\w\-]+", pn)):
                # a name inside a fuller source mention ("the state's attorney general, Chris Carr")
                # refers back to that mention, which says who the person is
                m.antecedent = next((q for q in prior if q is not p and q.start <= p.start and p.end <= q.end
                                     and q.root.desc.person_name == pn), p)
                return
    # "the company", "the ministry": the latest organization named before
    if re.match(r"^the\b", text_l) and d.source_type in ("organization", "document") and d.anonymity != "named" or \
            re.match(r"^the\b", text_l) and d.source_type == "organization" and d.name is None:
        for p in reversed(prior):
            pd = p.root.desc
            if pd.source_type == d.source_type and (pd.name or pd.anonymity == "named") and _compatible(d, pd) and \
                    (d.source_type == "organization" or p.desc.head == d.head):
                m.antecedent = p
                return
    # anaphoric definite phrase: "the officials", "the U.S. official", "one of the officials"
    if re.match(r"^(?:the|this|that|these|those|one of the|some of the|both|each of the)\b", text_l) and not d.person_name:
        for p in reversed(prior):
            pd = p.root.desc
            same_head = p.desc.head.rstrip("s") == d.head.rstrip("s") or (pd.head.rstrip("s") == d.head.rstrip("s"))
            if same_head and _compatible(d, pd) and not pd.is_pronoun:
                m.antecedent = p
                return


def relative_pronoun(c: Cand) -> Optional[Token]:
    """The 'who' of 'Morrow, who said ...': the relative pronoun subject of the claim's cue, when the
    source found is the clause's antecedent."""
    span = c.source_tokens
    if span is None or c.cue_start is None:
        return None
    doc = span.doc
    cue = next((t for t in doc[span.end: min(len(doc), span.end + 12)] if _tok_start(t) == c.cue_start), None)
    if cue is None or cue.dep_ != "relcl" or cue.head.i != span.root.i:
        return None
    return next((t for t in cue.children if t.dep_ == "nsubj" and t.lower_ in REL_PRONOUNS and
                 t.i < cue.i), None)


def turn_speaker(m: Mention, persons: list[Person]) -> None:
    """Who a transcript's speaker tag is: 'Q' the newsroom asking; 'A' the person the article names
    most (the one interviewed); 'LOWELL' or 'Morrow' the person it names with that surname, or a
    person of that name."""
    tag = m.text.strip()
    if tag == "Q":
        m.desc = Desc(source_type="reporter", anonymity=None, head="q")
        return
    if tag == "A":
        p = max(persons, key=lambda p: len(p.occurrences), default=None)
    else:
        low = tag.lower()
        p = next((p for p in persons if p.surname.lower() == low or p.name.lower() == low), None)
    if p is None:
        if tag == "A":  # the one interviewed, whom the article does not name
            m.desc = Desc(source_type="individual", anonymity="identifiable", head="a", count=1)
            return
        name = tag.title() if tag.isupper() else tag
        m.desc = Desc(source_type="individual", anonymity="named", person_name=name, name=name, count=1)
        return  # a speaker no one introduced is still a person, not a company
    m.person = p
    m.desc = Desc(source_type="individual", anonymity="named", person_name=p.name, name=p.name, count=1)


def lone_name(m: Mention, text: str, headline_end: int = 0) -> None:
    """A single capitalised name as a source that refers back to nobody ('Pfizer said', 'Blinken said').

    News names a person in full on first reference and by surname after, so: if the text before
    it names someone in full with this surname, it is that person (even where nothing was parsed);
    a headline names by surname the person the story names in full below it ('Morrow: ...' over 'Ohio
    Sen. Dana Morrow said ...'); otherwise a lone name on first reference is an organization's."""
    d = m.desc
    word = m.text.strip()
    if " " in word or not word[:1].isupper() or d.is_pronoun or d.person_name != word or \
            d.source_type not in ("individual", "unknown"):
        return
    full = None
    before = text[:m.start]
    pattern = rf"\b((?:(?:[A-Z]\.|[A-Z][\w’'\-]+\.?|van|von|de|der|ten|al|bin|of|of the)\s+)+){re.escape(word)}\b"
    hits = list(re.finditer(pattern, before))
    if not hits and m.start < headline_end:
        below = re.search(pattern, text[headline_end:])
        hits = [below] if below else []
    titles = TITLE_ABBREV | {w for w in OFFICIAL | SPOKES | EXPERT if " " not in w} | {"state", "house", "of", "the", "foreign"}
    for hit in hits:
        words = hit.group(1).split()
        dropped = []
        # the name is what follows the last title ('Ohio Sen. Dana Morrow': a place, a title, the name)
        last = max((k for k, w in enumerate(words[:-1] if len(words) > 1 else words)
                    if w.lower().strip(".") in titles - {"of", "the", "state", "house", "foreign"}), default=-1)
        if last >= 0:
            dropped, words = [w.lower() for w in words[:last + 1]], words[last + 1:]
        while words and (words[0].lower().strip(".") in titles or words[0].lower() in SENTENCE_WORDS):
            dropped.append(words[0].lower())
            words = words[1:]
        role = [w for w in dropped if w.strip(".") in titles and w not in ("of", "the", "state", "house", "foreign")]
        if (words and words[-1] not in ("of", "the")) or (not words and role):  # 'Bank of England' names no person;
            full = " ".join(words[-2:] + [word])                                  # 'President Trump' does
            d.source_type = ("spokesperson" if _spokes_in(role) else "official" if (_phrase_in(role, OFFICIAL) or any(
                w.strip(".") in TITLE_ABBREV - {"mr", "mrs", "ms", "dr", "prof", "rev", "sir", "dame"} for w in role))
                else "expert" if (_expert_in(role) or "dr." in role or "prof." in role) else "individual")
    # family name first ('Moon Jae-in', 'Xi Jinping'): the name goes on after it, and is no company's
    after_name = re.search(rf"\b{re.escape(word)}\s+([A-Z][\w’'\-]+)\b", before)
    if full is None and after_name and after_name.group(1).lower() not in ORG_DESIGNATORS and after_name.group(1).strip(".").lower() not in ORG_DESIGNATORS:
        full = after_name.group(0)
    if full is not None:
        d.person_name = d.name = " ".join(full.split())
        return
    m.desc = Desc(source_type="organization", anonymity="named", name=word, head=d.head, count=None)


def merged(m: Mention) -> Desc:
    """The mention's description, filled in from its antecedent chain.

    Iterative, and each mention's result is kept (``Mention.merged_desc``), so a chain of any length
    ('the mayor said' in every paragraph, each one referring back to the one before) costs one step
    per mention, without recursion. Only called once a mention is resolved (its antecedent set)."""
    if m.antecedent is None:
        return m.desc
    chain: list[Mention] = []
    seen: set[int] = set()
    x = m
    while x.antecedent is not None and x.merged_desc is None and id(x) not in seen:
        seen.add(id(x))
        chain.append(x)
        x = x.antecedent
    # x is the root, a mention merged before, or (a cycle, which resolution never makes) one seen already
    r = x.merged_desc if x.merged_desc is not None and id(x) not in seen else x.desc
    for y in reversed(chain):
        r = y.merged_desc = _merge_one(y, r)
    return m.merged_desc


def _merge_one(m: Mention, r: Desc) -> Desc:
    """The mention's own description over its antecedent's merged one ``r``."""
    d = m.desc
    out = Desc(**{**r.__dict__})
    out.is_pronoun = d.is_pronoun
    out.head = d.head
    if d.count is not None and not r.plural:
        out.count = d.count
    elif d.count is not None:
        out.count = d.count
    if re.match(r"^one of\b", m.text.lower()):
        out.count = 1
        out.plural = False
    return out


def entity_desc(m: Mention) -> Desc:
    """The description of the entity the mention stands for: its chain's, and for a person the
    fullest description the article gives of them."""
    d = merged(m)
    p = person_of(m)
    if p is None and m.group_of:
        return apply_group(d, m.group_of)
    return apply_profile(d, p, getattr(m, "role_only", False)) if p is not None else d


FIRST_PERSON = ("i", "me", "my", "we", "us", "our")

# ---------------------------------------------------------------- rows


def _described_as(m: Mention) -> Optional[str]:
    """The words of the fullest description the article gives of the person ('Republican presidential
    candidate'), when the mention is of a person the article describes."""
    p = person_of(m)
    prof = p.profile if p is not None else None
    return prof.text if prof is not None else None


def _gender(m: Mention) -> Optional[str]:
    p = person_of(m)
    return p.gender if p is not None else None


def channel_for(c: Cand, d: Desc, article: Article) -> Optional[str]:
    rec = (c.recipient or "").lower()
    cue = (c.cue or "").lower()
    if c.kind == "reporter":
        return None
    if rec in ("me", "us", "this reporter", "this newspaper") or re.search(r"\b(?:tell|told|telling) (?:me|us)\b", cue):
        return "told_this_outlet"
    if rec:
        if article.outlet and article.outlet.lower().split()[-1] in rec:
            return "told_this_outlet"
        if MEDIA_NAMES.search(c.recipient or "") or rec.startswith("the "):
            return "told_other_outlet"
        return "told_other"
    if "statement" in cue or "release" in cue:
        return "statement"
    if d is not None and d.source_type == "document":
        return "readout" if d.head == "readout" else "document"
    if c.cue_lemma in ("tweet", "post"):
        return "social_post"
    return "unknown" if c.kind != "declined" else None


def act_for(c: Cand, source_type: Optional[str]) -> Optional[str]:
    """What the claim attributes; what a document says 'according to' it is a finding."""
    act = act_of(c)
    if act == "statement" and source_type == "document" and c.kind == "according_to":
        return "finding"
    return act


def stance_for(c: Cand) -> Optional[str]:
    if c.kind == "reporter":
        return None
    if c.kind == "declined":
        return "refusal"
    if c.cue_lemma and c.cue_lemma in STANCE:
        return STANCE[c.cue_lemma]
    if c.negated:
        return "denial"
    return "neutral"


class _Earlier:
    """The antecedent candidates of a mention starting at ``s``, kept in text order as ``s`` grows:
    every mention of ``prior`` starting before ``s``, and every person mention (``persons``, which may
    grow) ending by ``s`` that is not a mention itself and that no mention of ``prior`` contains.
    Ties in start keep mentions before persons, each in its list's order. ``s`` never decreases
    (mentions come in text order), so each one is admitted once, and never leaves."""

    def __init__(self, prior: list[Mention], persons: list[Mention], mentions: dict):
        self.prior, self.persons, self.mentions = prior, persons, mentions
        self.items: list[Mention] = []
        self.keys: list[tuple[int, int, int]] = []
        self.n_prior = self.n_persons = 0
        self.pending: list[tuple[int, int]] = []  # (end, index) of persons not yet admitted
        self.prior_starts: list[int] = []
        self.prior_reach: list[int] = []  # the farthest end of prior[:k + 1]

    def _admit(self, key: tuple[int, int, int], m: Mention) -> None:
        i = bisect_right(self.keys, key)
        self.keys.insert(i, key)
        self.items.insert(i, m)

    def _contained(self, p: Mention) -> bool:
        while len(self.prior_starts) < len(self.prior):
            q = self.prior[len(self.prior_starts)]
            self.prior_starts.append(q.start)
            self.prior_reach.append(max(q.end, self.prior_reach[-1]) if self.prior_reach else q.end)
        k = bisect_right(self.prior_starts, p.start)
        return k > 0 and self.prior_reach[k - 1] >= p.end

    def before(self, s: int) -> list[Mention]:
        while self.n_persons < len(self.persons):
            heappush(self.pending, (self.persons[self.n_persons].end, self.n_persons))
            self.n_persons += 1
        while self.n_prior < len(self.prior) and self.prior[self.n_prior].start < s:
            self._admit((self.prior[self.n_prior].start, 0, self.n_prior), self.prior[self.n_prior])
            self.n_prior += 1
        while self.pending and self.pending[0][0] <= s:
            _, i = heappop(self.pending)
            p = self.persons[i]
            if (p.start, p.end) not in self.mentions and not self._contained(p):
                self._admit((p.start, 1, i), p)
        return self.items


def named_persons(docs: list[Doc], article: Article) -> list[Mention]:
    """Every PERSON the entity recognizer names in the parsed text, outside quotations, with the title before it
    ('Secretary of State Antony Blinken'): each can be the antecedent of a later mention."""
    text = article.text
    found: list[Mention] = []
    for doc in docs:
        if not doc._.parsed:
            continue
        quotes = doc._.quotes or []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.text[:1].isupper() and \
                    not any(qs < ent.start_char < qe for qs, qe in quotes):
                lo = ent.start
                while lo > 0 and doc[lo - 1].dep_ in ("compound", "amod", "nmod", "poss", "case") and doc[lo - 1].head.i >= ent.start - 6:
                    lo -= 1
                # a title before the name that the parser did not attach to it ('Secretary of State Antony Blinken')
                k = lo
                while k > 0 and lo - k < 5 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in ("of", "the")) and \
                        not doc[k].is_sent_start:
                    k -= 1
                if k < lo and _phrase_in([t.lower_.strip(".") for t in doc[k:lo]], OFFICIAL | SPOKES | EXPERT):
                    lo = k
                span = doc[lo: ent.end]
                s, e = _tok_start(span[0]), _tok_end(span[-1])
                dd = describe(span)
                if dd.person_name:
                    found.append(Mention(f"{article.id}:p{s}", s, e, text[s:e], dd))
    return found


def quote_spans(docs: list[Doc]) -> list[tuple[int, int]]:
    """The article's quotations, as offsets in its text, in order."""
    return sorted({q for d in docs for q in ((d._.offset + a, d._.offset + b) for a, b in (d._.quotes or []))})


class SurnameEchoes:
    """A person named in full is mentioned again by surname ("Raj Mehta ... Mehta shrugs off the criticism. 'Let
    them doubt,' he says."): each later bare surname outside quotes is a mention of that person, which a later
    pronoun can refer back to, even in a sentence nobody parsed. ``echo`` adds those mentions to ``found``."""

    def __init__(self, text: str, article_id: str, quotes: list[tuple[int, int]], found: list[Mention]):
        self.text, self.article_id, self.found = text, article_id, found
        self.quotes = Spans(quotes)
        self.echoed: set[int] = set()
        self.hits_of: dict[str, list[int]] = {}

    def surname_hits(self, word: str, after: int) -> list[int]:
        """Where ``word`` stands as a whole word in the text from ``after`` on: the text is searched once
        per surname, not once per mention (a name repeated a thousand times in a long article)."""
        text = self.text
        if word not in self.hits_of:
            self.hits_of[word] = [h.start() for h in re.finditer(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", text)]
        found = self.hits_of[word][bisect_left(self.hits_of[word], after):]
        # read from ``after`` on, as a text of its own: a word right at ``after`` has nothing before it
        if after < len(text) and (not found or found[0] != after) and after > 0 and re.match(r"[\w\-]", text[after - 1]) \
                and re.match(rf"{re.escape(word)}(?![\w\-])", text[after:after + len(word) + 1]):
            found = [after, *found]
        return found

    def echo(self, m: Mention) -> None:
        name = merged(m).person_name
        if not name or id(m) in self.echoed:
            return
        self.echoed.add(id(m))
        parts = [w for w in re.findall(r"[\w\-’']+", name) if w.lower().strip(".") not in ("jr", "sr", "ii", "iii")]
        if len(parts) < 2 or len(parts[-1]) < 3 or not parts[-1][:1].isupper():
            return
        for a in self.surname_hits(parts[-1], m.end):
            if self.quotes.covers(a) or self.text[max(0, a - len(parts[-2]) - 1):a].strip() == parts[-2]:
                continue
            d = Desc(source_type="individual", anonymity="named", person_name=name, name=name, count=1,
                     head=parts[-1].lower())
            e_ = Mention(f"{self.article_id}:n{a}", a, a + len(parts[-1]), parts[-1], d)
            e_.antecedent = m
            self.found.append(e_)


def article_linker(docs: list[Doc], article: Article, quotes: list[tuple[int, int]]) -> Linker:
    """The people the article names, every mention of each, and what it says they are (``claims.chains``)."""
    sentences = [(d._.offset + st.start_char, d._.offset + st.end_char) for d in docs for st in d.sents]
    ents = [(d._.offset, e) for d in docs for e in d.ents]  # (each Doc's entities read once: a walk over its tokens)
    ent_spans = [(o + e.start_char, o + e.end_char) for o, e in ents if e.label_ == "PERSON"]
    other_spans = [(o + e.start_char, o + e.end_char) for o, e in ents
                   if e.label_ in ("ORG", "GPE", "FAC", "NORP", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART")]
    return Linker(find_people(article.text, sentences, quotes, ent_spans, other_spans), article.id,
                  lambda *a: Mention(*a), quotes)


def source_order(cands: list[Cand]) -> list[Cand]:
    """The attributed candidates in the text order of their sources."""
    attributed = [c for c in cands if c.kind != "reporter"]
    return sorted(attributed, key=lambda c: (c.source_start if c.source_tokens is None and c.source_start is not None
                                             else (_tok_start(c.source_tokens[0]) if c.source_tokens is not None else c.start)))


def source_mention_of(c: Cand) -> Optional[tuple[int, int, Desc]]:
    """Where a candidate's source stands and what it says the source is, or None (no source)."""
    if c.source_tokens is not None:
        span = c.source_tokens
        # a possessor is the source as written ("the mayor's call for"); who it is, without the 's
        d = describe(span[:-1] if len(span) > 1 and span[-1].dep_ == "case" else span)
        return _tok_start(span[0]), _tok_end(span[-1]), d
    if c.source_text and c.source_start is not None:
        d = Desc(source_type="individual", anonymity="named", person_name=c.source_text, name=c.source_text, count=1)
        return c.source_start, c.source_end or c.source_start + len(c.source_text), d
    return None


def resolve_sources(order: list[Cand], docs: list[Doc], article: Article, linker: Linker, persons: list[Mention],
                    echoes: SurnameEchoes) -> tuple[dict[int, Optional[Mention]], dict[tuple[int, int], Mention], list[Mention]]:
    """Each candidate's source mention, resolved to what it refers back to in text order: the mention of each
    candidate (by id), every mention by its offsets, and the mentions in the order they were made."""
    text = article.text
    headline_end = max((d._.offset + len(doc_text(d)) for d in docs if d._.role == "title"), default=0)
    mentions: dict[tuple[int, int], Mention] = {}
    prior: list[Mention] = []
    cand_mention: dict[int, Optional[Mention]] = {}
    # What a new mention can refer back to: the mentions before it and the persons named before it
    # that no mention covers, in text order. Mentions come in text order, so this list grows as they
    # do (n log n over the article) instead of being gathered and sorted again for each mention.
    earlier = _Earlier(prior, persons, mentions)
    for c in order:
        if c.follows is not None:
            continue
        where = source_mention_of(c)
        if where is None:
            cand_mention[id(c)] = None
            continue
        s, e, d = where
        key = (s, e)
        if key not in mentions:
            m = Mention(f"{article.id}:s{s}", s, e, text[s:e], d)
            # a name inside an earlier source mention ("Labour's shadow health secretary, Wes Streeting")
            # is that mention, which says more about the person
            ante = earlier.before(s)
            if m.text.lower() in FIRST_PERSON:
                pass  # the speaker of a quotation, or the reporter (below), never someone named before
            elif c.rule == "turn:transcript":
                turn_speaker(m, linker.people.persons)
            elif not linker.resolve_pronoun(m, ante):
                resolve_mention(m, ante)
                if not linker.link_name(m) and m.antecedent is None and not linker.link_role(m, ante) and \
                        not linker.link_plural(m):
                    lone_name(m, text, headline_end)
            mentions[key] = m
            prior.append(m)
            echoes.echo(m)
        cand_mention[id(c)] = mentions[key]
        rel = relative_pronoun(c)
        if rel is not None:
            # 'Morrow, who said ...': the source as written is the relative pronoun, which stands for
            # the mention it hangs on (as 'he' does for a name)
            rs, rend = _tok_start(rel), _tok_end(rel)
            if (rs, rend) not in mentions:
                mentions[(rs, rend)] = Mention(f"{article.id}:s{rs}", rs, rend, text[rs:rend],
                                               Desc(source_type="unknown", anonymity="bare", head=rel.lower_,
                                                    is_pronoun=True), antecedent=mentions[key])
            cand_mention[id(c)] = mentions[(rs, rend)]
    return cand_mention, mentions, prior


def resolve_first_person(order: list[Cand], cand_mention: dict[int, Optional[Mention]], linker: Linker) -> None:
    """'I' and 'we' inside a quotation are its speaker; outside any, the reporter (or the newsroom)."""
    quoted = [c for c in order if c.kind in ("direct", "mixed")]
    for c in order:
        m = cand_mention.get(id(c))
        if m is None or m.text.lower() not in FIRST_PERSON:
            continue
        q = next((q for q in quoted if q is not c and q.start <= m.start < q.end), None)
        while q is not None and q.follows is not None:
            q = q.follows
        if q is not None:
            linker.speaker_of_quote(m, cand_mention.get(id(q)))
        elif not linker.in_quote(m.start):
            m.desc = Desc(source_type="reporter", anonymity=None, head=m.desc.head, is_pronoun=True)


def assign_reasons(docs: list[Doc], prior: list[Mention]) -> None:
    """The reasons for anonymity the article gives (sentences REASON matches): each goes to the last unnamed mention
    before its end (and every mention sharing that one's root); a later reason for the same root replaces an
    earlier one."""
    reasons: list[tuple[int, int]] = []
    for doc in docs:
        if not REASON.search(doc_text(doc).lower()):
            continue
        for sent in doc.sents:
            if REASON.search(sent.text.lower()):
                reasons.append((_tok_start(sent[0]), _tok_end(sent[-1])))
    unnamed = [m for m in prior if entity_desc(m).anonymity != "named"]
    unnamed_starts = [m.start for m in unnamed]
    last_reason: dict[int, tuple[int, int]] = {}
    for rs, re_ in reasons:
        k = bisect_left(unnamed_starts, re_)
        if k:
            last_reason[id(unnamed[k - 1].root)] = (rs, re_)
    for m in prior:
        if id(m.root) in last_reason:
            m.reason = last_reason[id(m.root)]


def source_rows(prior: list[Mention], mentions: dict[tuple[int, int], Mention], linker: Linker,
                article: Article) -> list[SourceMention]:
    """The source mention rows: every mention a claim names, and the mentions those refer back to (a person named
    where no claim is attributed is that person too)."""
    text = article.text
    chain: dict[tuple[int, int], Mention] = {}
    for m in prior:
        a = m.antecedent
        while a is not None and (a.start, a.end) not in mentions and (a.start, a.end) not in chain:
            chain[(a.start, a.end)] = a
            a = a.antecedent
    all_mentions = {**chain, **mentions}
    for m in chain.values():
        if person_of(m) is None and m.desc.person_name:
            linker.link_name(m)
    sources: list[SourceMention] = []
    for (s, e), m in sorted(all_mentions.items()):
        d = entity_desc(m)
        reason = m.reason or m.root.reason
        sources.append(SourceMention(
            id=m.id, article=article.id, text=m.text, start=s, end=e, source_type=d.source_type, anonymity=d.anonymity,
            count=d.count, affiliation=d.affiliation, role=d.role, seniority=d.seniority, status=d.status,
            knowledge_basis=d.knowledge_basis, anonymity_reason=text[reason[0]:reason[1]] if reason else None,
            anonymity_reason_start=reason[0] if reason else None, name=d.name,
            is_pronoun=d.is_pronoun or m.antecedent is not None,
            antecedent=all_mentions.get((m.antecedent.start, m.antecedent.end), m.antecedent).id if m.antecedent else None,
            form=mention_form(m, d), described_as=_described_as(m), gender=_gender(m)))
    return sources


def claim_rows(cands: list[Cand], cand_mention: dict[int, Optional[Mention]], article: Article) -> list[Claim]:
    """The claim rows, each with the source of the candidate it follows (a continuation's is its first part's)."""
    text = article.text
    claims: list[Claim] = []
    for c in cands:
        src = c
        hops = 0
        while src.follows is not None and hops < 20:
            src, hops = src.follows, hops + 1
        m = cand_mention.get(id(src)) if src.kind != "reporter" else None
        d = entity_desc(m) if m is not None else None
        if c.kind == "reporter":
            source_type = anonymity = None
        elif d is None:
            source_type, anonymity = "unknown", "bare"
        else:
            source_type, anonymity = d.source_type, d.anonymity
        claims.append(Claim(
            id=c.id, article=article.id, content=text[c.start:c.end], start=c.start, end=c.end, kind=c.kind,
            cue=c.cue if c.kind != "reporter" else None, cue_start=c.cue_start,
            source=m.text if m is not None else None, source_id=m.id if m is not None else None,
            source_name=d.name if d is not None else None, source_type=source_type, anonymity=anonymity,
            parent=c.parent.id if c.parent is not None else None, inherited=c.inherited, stance=stance_for(c),
            act=act_for(c, source_type),
            polarity="negative" if c.negated else "positive",
            channel=channel_for(src, d, article) if d is not None or c.kind != "reporter" else None,
            recipient=src.recipient if c.kind != "reporter" else None, paragraph=c.paragraph, sentence=c.sent_index,
            rule=c.rule, note="; ".join(c.notes) or None))
    return claims


def describe_sources(cands: list[Cand], docs: list[Doc], article: Article) -> tuple[list[Claim], list[SourceMention]]:
    """The claim and source mention rows of an article's candidates: every source described (``describe``) and
    resolved inside the article (pronouns, surnames, roles, the reporter's 'I'), with the reasons given for
    anonymity, in stages that run in this order."""
    persons = named_persons(docs, article)
    quotes = quote_spans(docs)
    echoes = SurnameEchoes(article.text, article.id, quotes, persons)
    for pm in list(persons):
        echoes.echo(pm)
    linker = article_linker(docs, article, quotes)
    order = source_order(cands)
    cand_mention, mentions, prior = resolve_sources(order, docs, article, linker, persons, echoes)
    resolve_first_person(order, cand_mention, linker)
    assign_reasons(docs, prior)
    sources = source_rows(prior, mentions, linker, article)
    del linker  # (the article's word index is large for a long article: gone before the claim rows are made)
    return claim_rows(cands, cand_mention, article), sources
