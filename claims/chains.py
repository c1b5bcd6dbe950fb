"""Mention chains inside an article: which person a source mention is, and the description the
whole chain takes.

A named mention ('Sen. Bernie Sanders', 'Sanders', 'Mr. Sanders') is the person of ``claims.people``
its name is; a role back-reference ('the Vermont senator', 'the Republican nominee') is the person
the article gave that role; 'he' and 'she' are the nearest person that agrees in gender, looking back
through the sentence and then the sentences before it, each from its start (the subject before the
objects); 'I' and 'we' inside a quotation are its speaker. A pronoun with no person that agrees
within a few sentences stays unresolved. Every mention of a person then takes the person's profile:
type, role, party or affiliation, status, and the full name.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .describe import Desc
from .descriptors import MEDIUM, STRONG, Reading, is_modifier_word, role_key
from .gender import word_gender
from .attribution import RE_AGENT_NOUN
from .lexicon import FAMILY, HONORIFICS, INDIVIDUAL, NUMBER_WORDS, PARTIES, TITLE_ABBREV
from .people import Occurrence, People, Person, Spans

PERSON_TYPES = ("official", "spokesperson", "expert", "individual", "media")
PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}  # ('his call for', 'her claim that')
SPEAKER = {"i", "me", "my", "we", "us", "our"}
WINDOW = 4  # sentences a pronoun looks back


def person_of(m) -> Optional[Person]:
    hops = 0
    while m is not None and hops < 12:
        if getattr(m, "person", None) is not None:
            return m.person
        m, hops = m.antecedent, hops + 1
    return None


def apply_group(d: Desc, people: list[Person]) -> Desc:
    """A plural that stands for people named just before: named, of the type they share (else the
    type its own noun says)."""
    out = replace(d)
    types = {apply_profile(d, p).source_type for p in people}
    if len(types) > 1:
        types.discard("individual")  # a person the article does not describe does not outweigh one it does
    out.source_type = types.pop() if len(types) == 1 else d.source_type if d.source_type in PERSON_TYPES else "group"
    out.anonymity, out.count, out.name = "named", len(people), " and ".join(p.name for p in people)
    return out


def apply_profile(d: Desc, p: Person, role_only: bool = False) -> Desc:
    """The description every mention of the person takes: the person's fullest one (a role named by
    its place, 'Iran's president', stays identifiable)."""
    out = replace(d)
    out.person_name = out.name = p.name
    out.anonymity, out.count, out.plural = "identifiable" if role_only else "named", 1, False
    prof = p.profile
    if prof is not None:
        out.source_type, out.role = prof.source_type, prof.role or out.role
        out.status = "former" if prof.former else None
        out.affiliation = prof.affiliation or prof.party or out.affiliation
    elif out.source_type not in PERSON_TYPES:
        out.source_type = "individual"
    return out


class Linker:
    """Links the source mentions of one article to the people it names."""

    def __init__(self, people: People, article_id: str, make_mention, quotes: list[tuple[int, int]]):
        self.people = people
        self.article_id = article_id
        self.make_mention = make_mention  # (id, start, end, text, desc) -> Mention
        self.quotes = Spans(quotes)
        self.occ_mentions: dict[int, object] = {}

    def in_quote(self, offset: int) -> bool:
        return self.quotes.within(offset, strict=True)

    def mention_of(self, o: Occurrence):
        """A row for a person's mention that is not itself a source (an antecedent)."""
        m = self.occ_mentions.get(o.title_start)
        if m is None:
            p = o.person
            text = self.people.text[o.title_start:o.end]
            d = Desc(source_type="individual", anonymity="named", person_name=p.name, name=p.name, count=1,
                     head=text.split()[-1].lower())
            m = self.make_mention(f"{self.article_id}:p{o.title_start}", o.title_start, o.end, text, d)
            m.person = p
            self.occ_mentions[o.title_start] = m
        return m

    def link_name(self, m) -> bool:
        """A mention that names a person: that person."""
        d = m.desc
        if d.is_pronoun:
            return False
        o = self.people.occurrence_in(m.start, m.end, d.person_name)
        if o is None or (d.person_name is None and d.source_type not in ("individual", "unknown", "organization")):
            return False
        if d.source_type == "organization" and len(m.text.split()) > 1 and len(o.person.occurrences) < 2 and \
                not o.person.readings:
            return False  # a company's name that starts with a first name ('Bay Financial'), named once
        if d.person_name is None and o.end != m.end and m.start not in (o.start, o.title_start):
            return False  # 'a Clinton spokesman': the name is someone else's
        m.person = o.person
        if d.source_type in PERSON_TYPES and d.role and d.person_name:
            # what the mention itself says, parsed ('Labour's shadow health secretary, Wes Streeting'),
            # below what the text around the name says
            o.person.readings.append(Reading(d.source_type, d.role, d.status == "former", MEDIUM, m.start, m.text,
                                             how="mention"))
        return True

    def link_role(self, m, prior: list) -> bool:
        """'the senator', 'the Republican nominee', 'London's mayor': the person the article gave that role."""
        d = m.desc
        if d.person_name or d.is_pronoun or d.plural or d.source_type not in PERSON_TYPES:
            return False
        if not d.role:
            # 'the mega donor', 'the man who built his career on ...': a person noun right after a person named
            written = re.findall(rf"\b{re.escape(d.head)}\b", m.text) if d.head else []
            if m.text.lower().startswith("the ") and written and (d.head in INDIVIDUAL or d.head in FAMILY or
                                                                 RE_AGENT_NOUN.match(d.head)):
                return self._just_named(m, None, prior) is not None
            return False
        if not re.match(r"^(?:[Tt]he\s|[A-Z][\w.\-]*(?:'s|’s)\s)", m.text):
            return False
        words = [w.lower().strip(".,") for w in m.text.split()]
        party = next((PARTIES[w] for w in words if w in PARTIES and len(w) > 1), None)
        key = role_key(d.role)
        p = self.people.by_role(key, before=m.start, party=party, former=d.status == "former")
        if p is None and m.text.lower().startswith("the "):
            return self._just_named(m, key, prior) is not None
        if p is None:
            return False
        m.person = p
        before = [o for o in p.occurrences if o.start < m.start]
        if before:  # a person named only later (a headline) is the mention's person, not what it refers back to
            m.antecedent = self.mention_of(before[-1])
        # 'Iran's president says': the role is how the article presents the source here, one person holds it:
        # identifiable, though we know the name; 'the president' after the name is the person named
        m.role_only = not m.text.lower().startswith("the ")
        return True

    def _candidates(self, m, prior: list, window: int) -> list[tuple]:
        """What a pronoun or a role can refer back to, in the order to try: the people mentioned earlier
        in its sentence (nearest first), then in each sentence before it (from its start: the subject
        before the objects), up to ``window`` sentences of narrative back. Each is (object, person or
        None, gender): a person's mention, a pronoun already tied to a person, or an unnamed person."""
        s = self.people.sentence_of(m.start)
        quoted = self.in_quote(m.start)
        cands: list[tuple[int, int, object, Optional[Person], Optional[str]]] = []
        occs = self.people.occurrences
        for j in range(self.people.before(m.start) - 1, -1, -1):  # back from the mention, as far as the window
            o = occs[j]
            if self.people.distance(o.sent, s) > window:
                break
            if o.modifier or (o.in_quote and not quoted):
                continue
            cands.append((o.sent, o.start, o, o.person, o.person.gender))
        for p in reversed(prior):  # in text order: back from the mention, as far as the window
            if p.start >= m.start or p is m:
                continue
            ps = self.people.sentence_of(p.start)
            if self.people.distance(ps, s) > window:
                break
            if self.in_quote(p.start) and not quoted:
                continue
            person = person_of(p)
            if person is not None:
                if p.desc.is_pronoun:  # 'he said' tied to a person: that person, here
                    cands.append((ps, p.start, p, person, person.gender))
                continue  # a named mention is the registry's occurrence
            pd = p.root.desc
            if p.desc.is_pronoun or pd.plural or pd.source_type not in PERSON_TYPES:
                continue
            if pd.person_name and any(p.start <= o.start < p.end for o in self.people.around(p.start, p.end, 0)):
                continue  # a person the registry knows: its occurrence is the candidate (or no candidate: 'Trump supporters')
            nxt = re.match(r"\s+([a-z][\w\-]*)", self.people.text[p.end:p.end + 40])
            if pd.person_name and nxt and is_modifier_word(nxt.group(1)):
                continue  # 'Trump senior communications adviser Jason Miller': the name of someone else's boss
            # an unnamed person, or one named in a way the registry did not read ('Moon Jae-in')
            g = next((word_gender(w) for w in re.findall(r"[\w’']+", p.text) if word_gender(w)), None)
            cands.append((ps, p.start, p, None, g))
        same = sorted((c for c in cands if c[0] == s), key=lambda c: -c[1])
        earlier = sorted((c for c in cands if c[0] < s), key=lambda c: (-c[0], c[1]))
        return [(obj, person, gender) for _, _, obj, person, gender in same + earlier]

    def _tie(self, m, obj, person: Optional[Person]) -> None:
        m.person = person
        m.antecedent = self.mention_of(obj) if isinstance(obj, Occurrence) else obj

    def _just_named(self, m, key: Optional[str], prior: list) -> Optional[Person]:
        """'Christie unleashed attacks on Rubio, and the New Jersey governor tripped him up': a definite
        role right after a person whom the article gives no other role is that person (the first
        named in this sentence or the one before, as for a pronoun)."""
        want = next((word_gender(w) for w in m.text.split() if word_gender(w)), None)
        for obj, person, gender in self._candidates(m, prior, 1):
            if person is None:
                continue
            roles = {r.role_key for r in person.readings if r.role_key}
            if key and roles and key not in roles or want and gender and want != gender:
                continue
            if key:
                person.readings.append(Reading(m.desc.source_type, m.desc.role, m.desc.status == "former", STRONG,
                                               m.start, m.text, how="role"))
            self._tie(m, obj, person)
            return person
        return None

    def resolve_pronoun(self, m, prior: list) -> bool:
        """'he' or 'she': the nearest person in agreement, within WINDOW sentences; None stays None."""
        want = PERSONAL.get(m.text.lower().strip())
        if want is None:
            return False
        for obj, person, gender in self._candidates(m, prior, WINDOW):
            if gender is not None and gender != want:
                continue
            self._tie(m, obj, person)
            if person is not None:
                person.vote(want, 2)
            return True
        return True  # a pronoun no one agrees with stays unresolved

    def link_plural(self, m) -> bool:
        """'Both women', 'the two candidates', 'the senators': a definite plural of people right after two
        or more people are named (in its sentence or the one before) is those people."""
        d = m.desc
        words = m.text.lower().split()
        if not d.plural or d.person_name or not words or words[0] not in ("both", "the", "these", "those", "all") or \
                d.source_type not in PERSON_TYPES + ("group", "unknown") or d.head in ("others", "many", "some", "people"):
            return False
        s = self.people.sentence_of(m.start)
        count = NUMBER_WORDS.get(words[1]) if len(words) > 2 else (2 if words[0] == "both" else None)
        want = word_gender(d.head.rstrip("s")) or {"women": "f", "men": "m"}.get(d.head)
        near: list[Person] = []  # the people named last, most recent first
        for o in reversed(self.people.occurrences[:self.people.before(m.start)]):
            if o.modifier or o.in_quote or o.person in near:
                continue
            if self.people.distance(o.sent, s) > (3 if count else 1):
                break
            if not (want and o.person.gender and o.person.gender != want):
                near.append(o.person)
        if len(near) < 2 or count is not None and len(near) < count:
            return False
        m.group_of = near[:count] if count else near
        return True

    def speaker_of_quote(self, m, enclosing) -> bool:
        """'I' or 'we' inside a quotation: whoever the quotation is attributed to."""
        if m.text.lower().strip() not in SPEAKER or not self.in_quote(m.start) or enclosing is None:
            return False
        if enclosing is m or person_of(enclosing) is None and enclosing.root is m:
            return False
        m.antecedent = enclosing
        return True


def mention_form(m, d: Desc) -> str:
    """How a mention names its source: pronoun, surname, honorific ('Mr. Obama'), title ('Sen. Graham'),
    first (name), name (in full), role (a back-reference to a named person) or description."""
    if d.is_pronoun:
        return "pronoun"
    p = person_of(m)
    if p is not None:
        words = m.text.split()
        if getattr(m, "person", None) is None or not any(w.strip(".,’'s") in p.name for w in words):
            return "role"
        first = words[0].lower().rstrip(".")
        last_only = words[-1].replace("’s", "").replace("'s", "") == p.surname
        if len(words) == 2 and first in HONORIFICS and last_only:
            return "honorific"
        if len(words) == 2 and first in TITLE_ABBREV and last_only:
            return "title"
        if len(words) == 1:
            return "first" if p.first and words[0] == p.first else "surname"
        return "name"
    if getattr(m, "group_of", None):
        return "role"
    return "name" if d.anonymity == "named" and d.name else "description"
