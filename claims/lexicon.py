"""The lexicon: what the data files in ``claims/data/`` say about English attribution words.

``sources.yml`` lists the words that say who a source is (roles, institutions, documents, media,
titles, demonyms ...) and what type of source each makes; it is read by ``source_words()`` and
checked entry by entry. ``cues.yml`` lists every cue verb with what it attributes (``act``), the content frames it takes,
who can be its subject, its stance and the construction it needs; plus refusals, channel nouns
and the other words that can start an attribution. Everything here is derived from those files
once, at import; the rules and the sentence prefilter read these sets and never a word list of
their own.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import re

import yaml

DATA = Path(__file__).resolve().parent / "data"
ACTS = ("statement", "belief", "intention", "evaluation", "finding")
FRAMES = ("clause", "object", "complement", "quote", "np", "np_as", "to", "np_to", "prep", "passive_to", "passive_as", "passive_np",
          "amount", "passive_subject", "participle_np", "particle_np")
SUBJECTS = ("human", "document", "any")
STANCES = ("endorsing", "distancing", "denial", "hedged", "refusal")


class LexiconError(ValueError):
    """A data file of the lexicon does not say what the code expects (named file and entry)."""


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    act: str
    frames: tuple[str, ...]
    subject: str
    stance: Optional[str] = None
    only_with: Optional[str] = None
    forms: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()  # with the frame 'prep': the prepositions whose object is the content
    names: bool = False  # a verb of naming or demanding ('called the plan a disaster', 'called for a recount')


@dataclass(frozen=True)
class CueNoun:
    """A noun that attributes to its possessor what it reports ("her call for a recount")."""
    lemma: str
    act: str
    preps: tuple[str, ...] = ()  # the prepositions whose object is the content ("call for X")
    infinitive: bool = False  # an infinitive is the content ("his promise to cut taxes")
    clause: bool = False  # a that-clause is the content ("their claim that the count was wrong")
    plural: Optional[str] = None  # an irregular plural
    light_only: bool = False  # a cue only as the object of a light verb ("made the point that"), never by its possessor
    verbs: tuple[str, ...] = ()  # the only light verbs it takes ("took issue with"); a cue only after them
    gerund_only: bool = False  # what follows its preposition is content only as an act ("no sign of giving ground")
    quotation_only: bool = False  # what follows its preposition is content only as a quotation ('chants of "No more!"')


NOUN_KEYS = ("act", "preps", "infinitive", "clause", "plural", "light_only", "verbs", "gerund_only", "quotation_only")
# where a recipient verb's person addressed stands (cues.yml recipient_verbs)
RECIPIENT_KINDS = ("object", "dative", "question")


class _UniqueKeys(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (YAML would keep the last)."""


def _construct_mapping(loader: _UniqueKeys, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"the key {key!r} is given twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(name: str) -> dict:
    path = DATA / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as e:
        raise LexiconError(f"{path}: {e}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return data


def _verb(path: str, lemma: str, entry: dict) -> CueVerb:
    def check(key: str, value, allowed) -> None:
        if value not in allowed:
            raise LexiconError(f"{path}: verbs.{lemma}.{key}: {value!r} is not one of {', '.join(allowed)}")

    check("act", entry.get("act"), ACTS)
    check("subject", entry.get("subject"), SUBJECTS)
    frames = tuple(entry.get("frames") or ())
    if not frames:
        raise LexiconError(f"{path}: verbs.{lemma}: no frames")
    for f in frames:
        check("frames", f, FRAMES)
    if entry.get("stance") is not None:
        check("stance", entry["stance"], STANCES)
    preps = _strings(path, f"verbs.{lemma}.preps", entry.get("preps") or ())
    if ("prep" in frames) != bool(preps):
        raise LexiconError(f"{path}: verbs.{lemma}: the frame 'prep' and the list 'preps' go together")
    names = entry.get("names", False)
    if not isinstance(names, bool):
        raise LexiconError(f"{path}: verbs.{lemma}.names: {names!r} is not true or false")
    return CueVerb(lemma, entry["act"], frames, entry["subject"], entry.get("stance"), entry.get("only_with"),
                   tuple(entry.get("forms") or ()), preps, names)


def _strings(path: str, key: str, values) -> tuple[str, ...]:
    """Words, each a string: YAML reads a bare on, off, yes or no as a boolean ('on' must be quoted)."""
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise LexiconError(f"{path}: {key}: {bad[0]!r} is not a word (quote on, off, yes and no in YAML)")
    return tuple(values)


def _noun(path: str, lemma: str, entry: dict, section: str = "cue_nouns") -> CueNoun:
    where = f"{path}: {section}.{lemma}"
    unknown = sorted(set(entry) - set(NOUN_KEYS))
    if unknown:
        raise LexiconError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(NOUN_KEYS)})")
    if entry.get("act") not in ACTS:
        raise LexiconError(f"{where}.act: {entry.get('act')!r} is not one of {', '.join(ACTS)}")
    preps = _strings(path, f"{section}.{lemma}.preps", entry.get("preps") or ())
    for key in ("infinitive", "clause", "light_only", "gerund_only", "quotation_only"):
        if not isinstance(entry.get(key, False), bool):
            raise LexiconError(f"{where}.{key}: {entry[key]!r} is not true or false")
    if not (preps or entry.get("infinitive") or entry.get("clause")):
        raise LexiconError(f"{where}: no content (give preps, infinitive or clause)")
    verbs = _strings(path, f"{section}.{lemma}.verbs", entry.get("verbs") or ())
    return CueNoun(lemma, entry["act"], preps, bool(entry.get("infinitive")), bool(entry.get("clause")),
                   entry.get("plural"), bool(entry.get("light_only")) or bool(verbs), verbs, bool(entry.get("gerund_only")),
                   bool(entry.get("quotation_only")))


@lru_cache(maxsize=None)
def cues() -> dict:
    data = load_yaml("cues.yml")
    for key, value in data.items():
        if isinstance(value, list):
            _strings("cues.yml", key, value)
        elif isinstance(value, dict) and key not in ("verbs", "cue_nouns", "cue_adjectives"):
            for sub, words in value.items():
                if isinstance(words, list):
                    _strings("cues.yml", f"{key}.{sub}", words)
    data["verbs"] = {lemma: _verb("cues.yml", lemma, e or {}) for lemma, e in (data.get("verbs") or {}).items()}
    data["cue_nouns"] = {lemma: _noun("cues.yml", lemma, e or {}) for lemma, e in (data.get("cue_nouns") or {}).items()}
    data["cue_adjectives"] = {word: _noun("cues.yml", word, e or {}, "cue_adjectives")
                              for word, e in (data.get("cue_adjectives") or {}).items()}
    data["recipient_verbs"] = _recipients("cues.yml", data.get("recipient_verbs") or {}, data["verbs"])
    data["headline_particles"] = _particles("cues.yml", data.get("headline_particles") or {}, data["verbs"])
    data["cue_words"] = _cue_words("cues.yml", data.get("cue_words") or {}, data["verbs"])
    seen: dict[str, str] = {}
    for key in ("light_verbs", "holding_verbs", "idiom_verbs"):
        _verb_forms("cues.yml", key, data.get(key), seen)
    return data


def _verb_forms(path: str, key: str, value, seen: dict[str, str]) -> None:
    """light_verbs, holding_verbs, idiom_verbs: {verb: [its irregular forms]}, each verb in one list only."""
    if not isinstance(value, dict):
        raise LexiconError(f"{path}: {key}: expected a mapping of verbs to their irregular forms")
    for verb, forms in value.items():
        if not isinstance(forms, list):
            raise LexiconError(f"{path}: {key}.{verb}: expected a list of forms, not {forms!r}")
        _strings(path, f"{key}.{verb}", forms)
        if verb in seen:
            raise LexiconError(f"{path}: {key}.{verb}: listed in {seen[verb]} too")
        seen[verb] = key


def _particles(path: str, groups: dict, verbs: dict) -> dict[str, frozenset[str]]:
    """headline_particles: {cue verb that needs a construction: [words after it in a headline]}."""
    if not isinstance(groups, dict):
        raise LexiconError(f"{path}: headline_particles: expected a mapping of cue verbs to words")
    for lemma, words in groups.items():
        if lemma not in verbs or not verbs[lemma].only_with:
            raise LexiconError(f"{path}: headline_particles.{lemma}: not a cue verb that needs a construction "
                               "(a verb without one is read in headlines as it is)")
        _strings(path, f"headline_particles.{lemma}", words or ())
    return {lemma: frozenset(words or ()) for lemma, words in groups.items()}


CUE_WORD_DEPS = ("prep", "prt", "advmod", "dobj")


def _cue_words(path: str, groups: dict, verbs: dict) -> dict[str, dict[str, frozenset[str]]]:
    """cue_words: {cue verb: {dependency: [words]}}: words hung on the verb that belong to its cue."""
    if not isinstance(groups, dict):
        raise LexiconError(f"{path}: cue_words: expected a mapping of cue verbs to {{dependency: [words]}}")
    out: dict[str, dict[str, frozenset[str]]] = {}
    for lemma, by_dep in groups.items():
        if lemma not in verbs:
            raise LexiconError(f"{path}: cue_words.{lemma}: not a cue verb (add it under verbs)")
        if not isinstance(by_dep, dict):
            raise LexiconError(f"{path}: cue_words.{lemma}: expected a mapping of dependencies to words")
        for dep, words in by_dep.items():
            if dep not in CUE_WORD_DEPS:
                raise LexiconError(f"{path}: cue_words.{lemma}.{dep}: not one of {', '.join(CUE_WORD_DEPS)}")
            _strings(path, f"cue_words.{lemma}.{dep}", words or ())
        out[lemma] = {dep: frozenset(words or ()) for dep, words in by_dep.items()}
    return out


def _recipients(path: str, groups: dict, verbs: dict) -> dict[str, str]:
    """recipient_verbs: {how the person addressed is written: [cue verbs]} -> {lemma: how}."""
    if not isinstance(groups, dict):
        raise LexiconError(f"{path}: recipient_verbs: expected a mapping of {', '.join(RECIPIENT_KINDS)} to verbs")
    out: dict[str, str] = {}
    for how, lemmas in groups.items():
        if how not in RECIPIENT_KINDS:
            raise LexiconError(f"{path}: recipient_verbs.{how}: not one of {', '.join(RECIPIENT_KINDS)}")
        for lemma in _strings(path, f"recipient_verbs.{how}", lemmas or ()):
            if lemma not in verbs:
                raise LexiconError(f"{path}: recipient_verbs.{how}: {lemma!r} is not a cue verb (add it under verbs)")
            if lemma in out:
                raise LexiconError(f"{path}: recipient_verbs: {lemma!r} is listed under both {out[lemma]} and {how}")
            out[lemma] = how
    return out


def inflections(lemma: str, irregular: tuple[str, ...] = ()) -> set[str]:
    """Surface forms of an English verb lemma (regular inflection, consonant doubling, irregular
    pasts): a superset of the words spaCy's lemmatizer maps back to the lemma."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing", *irregular}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma[-1:] not in "aeiouwxy":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_C = cues()
VERBS: dict[str, CueVerb] = _C["verbs"]
SPEECH_LEMMAS = frozenset(VERBS)
CLAUSE_ONLY = frozenset(v.lemma for v in VERBS.values() if "clause" in v.frames)
OBJECT_CONTENT = frozenset(v.lemma for v in VERBS.values() if "object" in v.frames)
QUOTE_INTRODUCERS = frozenset(v.lemma for v in VERBS.values() if "quote" in v.frames)
HUMAN_SUBJECT = frozenset(v.lemma for v in VERBS.values() if v.subject == "human")
DOCUMENT_ONLY = frozenset(v.lemma for v in VERBS.values() if v.subject == "document")
DECLINE_LEMMAS = frozenset(_C["declines"]["verbs"])
DECLINE_XCOMP = frozenset(_C["declines"]["what"])
NO_RESPONSE = frozenset(_C["declines"]["no_response"])
NEGATED_ONLY_LEMMAS = frozenset(_C["declines"]["negated_only"])
DECLINE_ANONYMITY = frozenset(_C["declines"]["anonymity"])
STANCE = {**{v.lemma: v.stance for v in VERBS.values() if v.stance}, **{lem: "refusal" for lem in DECLINE_LEMMAS}}
ACT = {v.lemma: v.act for v in VERBS.values()}
CUE_NOUNS: dict[str, CueNoun] = _C["cue_nouns"]
CUE_NOUN_FORMS = {**{n.lemma: n.lemma for n in CUE_NOUNS.values()},
                  **{(n.plural or (n.lemma + "es" if n.lemma.endswith(("s", "sh", "ch")) else n.lemma + "s")): n.lemma
                     for n in CUE_NOUNS.values()}}
POSSESSIVE_PRONOUNS = frozenset(_C["possessive_pronouns"])
SUBJECT_PRONOUNS = frozenset(_C["subject_pronouns"])
CONTRACTED_HAS = frozenset(_C["contracted_has"])
# 'are worried that', 'was eager to': {adjective: its act and content}, and the verbs that link a subject to one
CUE_ADJECTIVES: dict[str, CueNoun] = _C["cue_adjectives"]
LINKING_VERBS = frozenset(_C["linking_verbs"])
LIGHT_VERBS = frozenset(_C["light_verbs"])
HOLDING_VERBS = frozenset(_C["holding_verbs"])
_VERB_IRREGULAR = {**_C["light_verbs"], **_C["holding_verbs"], **_C["idiom_verbs"]}
for _n in CUE_NOUNS.values():
    if set(_n.verbs) - set(_VERB_IRREGULAR):
        raise LexiconError(f"cues.yml: cue_nouns.{_n.lemma}.verbs: {sorted(set(_n.verbs) - set(_VERB_IRREGULAR))[0]!r} is "
                           "not a light, holding or idiom verb")


def noun_light_verbs(n: CueNoun) -> frozenset[str]:
    """The light verbs a cue noun can be the object of: those it names, else the light verbs (and for a belief
    the holding verbs)."""
    return frozenset(n.verbs) if n.verbs else LIGHT_VERBS | (HOLDING_VERBS if n.act == "belief" else frozenset())


LIGHT_VERBS_OF = {lemma: noun_light_verbs(n) for lemma, n in CUE_NOUNS.items()}
# each cue noun's form with the forms of the light verbs it can follow (for the prefilter)
LIGHT_VERB_FORMS_OF = {form: frozenset(f for v in LIGHT_VERBS_OF[lemma]
                                       for f in inflections(v, tuple(_VERB_IRREGULAR[v] or ())))
                       for form, lemma in CUE_NOUN_FORMS.items()}
HEADLINE_SUBJECT_JOINERS = frozenset(_C["headline_subject_joiners"])
HEADLINE_PARTICLES: dict[str, frozenset[str]] = _C["headline_particles"]
CUE_WORDS: dict[str, dict[str, frozenset[str]]] = _C["cue_words"]
COUNT_WORDS = frozenset(_C["count_words"])
NUMBER_ABBREVIATIONS = frozenset(_C["number_abbreviations"])
COMPARISON_OPENERS = tuple(tuple(w.split()) for w in _C["comparison_openers"])
REPLY_OPENERS = tuple(tuple(w.split()) for w in _C["reply_openers"])
SUMMING_OPENERS = tuple(tuple(w.split()) for w in _C["summing_openers"])
PREPOSITIONAL_PARTICIPLES = frozenset(_C["prepositional_participles"])
PARTICIPLE_SUBORDINATORS = frozenset(_C["participle_subordinators"])
REPORT_SUBORDINATORS = frozenset(_C["report_subordinators"])
OCCASION_SUBORDINATORS = frozenset(_C["occasion_subordinators"])
CIRCUMSTANCE_SUBORDINATORS = frozenset(_C["circumstance_subordinators"])
THAT_SUBORDINATOR_ADVERBS = frozenset(_C["that_subordinator_adverbs"])
CONDITION_SUBORDINATORS = frozenset(_C["condition_subordinators"])
BY_NAME_NOUNS = frozenset(_C["by_name_nouns"])
DEGREE_WORDS = frozenset(_C["degree_words"])
RECIPIENT_VERBS: dict[str, str] = _C["recipient_verbs"]
NOUN_PREPOSITIONS = frozenset(_C["noun_prepositions"])
IN_NOUNS = frozenset(_C["in_nouns"])
EXAMPLE_PREPOSITIONS = frozenset(_C["example_prepositions"])
CONCERN_NOUNS = frozenset(_C["concern_nouns"])
CONCERN_VERBS = frozenset(_C["concern_verbs"])
QUESTION_VERBS = frozenset(_C["question_verbs"])
HEDGING_VERBS = frozenset(_C["hedging_verbs"])
CHANNEL_NOUNS = frozenset(_C["channel_nouns"])
SPEECH_OBJECTS = frozenset(_C["speech_objects"])
OTHER_CUE_WORDS = tuple(_C["other_cue_words"])
HEADLINE_LABELS = frozenset(_C["headline_labels"])
NEVER_SPEECH = frozenset(_C["never_speech"])
# 'made clear that': {verb lemma: its adjectives}, and each form of such a verb
CLEAR_VERBS: dict[str, frozenset[str]] = {v: frozenset(d["adjectives"]) for v, d in (_C.get("clear_verbs") or {}).items()}
CLEAR_VERB_FORMS = frozenset(f for v, d in (_C.get("clear_verbs") or {}).items()
                             for f in inflections(v, tuple(d.get("forms") or ())))
CLEAR_ADJECTIVES = frozenset(a for adjs in CLEAR_VERBS.values() for a in adjs)
MESSAGE_NOUNS = frozenset(_C["message_nouns"])
ANAPHORIC_ANSWERS = frozenset(_C["anaphoric_answers"])
VENUE_NOUNS = frozenset(_C["venue_nouns"])
CALL_PREPOSITIONS = frozenset(_C["call_prepositions"])
AGREEMENT_PREPOSITIONS = frozenset(_C["agreement_prepositions"])
AMOUNT_PREPOSITIONS = frozenset(_C["amount_prepositions"])
AMOUNT_NEARNESS = frozenset(_C["amount_nearness"])
TOPIC_PREPOSITIONS = frozenset(_C["topic_prepositions"])
POINTING_OBJECTS = frozenset(_C["pointing_objects"])
CLAUSE_GERUND_PREPOSITIONS = frozenset(_C["clause_gerund_prepositions"])
GERUND_PREPOSITIONS = tuple(sorted({tuple(w.split()) for w in _C["gerund_prepositions"]}, key=len, reverse=True))  # longest first
OUT_PREPOSITIONS = tuple(sorted({tuple(w.split()) for w in _C["out_prepositions"]}, key=len, reverse=True))  # longest first
VERDICT_PREPOSITIONS = frozenset(_C["verdict_prepositions"])
_NOUNS = _C["nouns"]
DOCUMENT_NOUNS = frozenset(_NOUNS["documents"])
SOURCE_NOUNS = frozenset(_NOUNS["sources"]) | DOCUMENT_NOUNS
DISPLAY_NOUNS = frozenset(_NOUNS["displays"])
UNIT_NOUNS = frozenset(_NOUNS["units"])
FINDINGS_IN = frozenset(_NOUNS["findings_in"])
OPINIONS_IN = frozenset(_NOUNS["opinions_in"])
NAMING_WORDS = frozenset(_NOUNS["naming"])
QUANTIFIERS = frozenset(_NOUNS["quantifiers"])
COLLECTION_NOUNS = frozenset(_NOUNS["collections"])
NOT_SURNAMES = frozenset(_NOUNS["not_surnames"])
TIME_NOUNS = frozenset(_NOUNS["times"])
TIME_DETERMINERS = frozenset(_NOUNS["time_determiners"])


def layout_verb(lemma: str) -> CueVerb:
    """A verb the lexicon does not list, taken as a cue because a quotation's layout says so."""
    return CueVerb(lemma, "statement", ("quote",), "any")
IRREGULAR = {v.lemma: v.forms for v in VERBS.values() if v.forms}


def verb_forms(lemma: str) -> set[str]:
    return inflections(lemma, IRREGULAR.get(lemma, ()))


@lru_cache(maxsize=None)
def form_to_lemma() -> dict[str, str]:
    """Every inflected form of a cue verb (and of the refusal verbs) to its lemma."""
    out: dict[str, str] = {}
    for lemma in sorted(SPEECH_LEMMAS | DECLINE_LEMMAS):
        for f in verb_forms(lemma):
            out.setdefault(f, lemma)
    return out


# ---------------------------------------------------------------- source words (sources.yml)

# every list of sources.yml, by what its entries are: lower-case words and phrases, words as written,
# regular expressions, or mappings (word -> number, word -> name)
WORD_LISTS = ("spokesperson", "official", "expert", "expert_suffixes", "individual", "group", "organization",
              "org_designators", "document", "family", "media", "rank", "unique_roles", "sentence_words", "title_words",
              "abbreviations",
              "male_words", "female_words", "not_first_names", "place_words", "candidacy", "executive", "media_roles", "media_works", "expert_bodies",
              "expert_body_roles", "outside_roles", "alignment", "ideologies", "former_words", "possessions", "title_modifiers", "shares")
NAME_LISTS = ("media_names", "media_phrases")
PATTERN_LISTS = ("knowledge_basis", "anonymity_reasons")
MAPPINGS = {"number_words": (int, "number"), "demonyms": (str, "name"), "pronoun_number": (str, "name"),
            "honorifics": (str, "name"), "parties": (str, "name"), "role_names": (str, "name")}


def _check_sources(path: str, data: dict) -> dict:
    out: dict = {}
    for key in WORD_LISTS + NAME_LISTS + PATTERN_LISTS:
        entries = data.get(key)
        if not isinstance(entries, list) or not entries:
            raise LexiconError(f"{path}: {key}: expected a non-empty list")
        _strings(path, key, entries)
        for e in entries:
            if not e.strip() or e != e.strip():
                raise LexiconError(f"{path}: {key}: {e!r} is not a word or phrase")
            if key in WORD_LISTS and e != e.lower():
                raise LexiconError(f"{path}: {key}: {e!r} is not lower case")
            if key in PATTERN_LISTS:
                try:
                    re.compile(e)
                except re.error as err:
                    raise LexiconError(f"{path}: {key}: {e!r} is not a regular expression ({err})") from None
        dup = sorted({e for e in entries if entries.count(e) > 1})
        if dup:
            raise LexiconError(f"{path}: {key}: listed twice: {', '.join(dup)}")
        out[key] = entries
    for key, (kind, what) in MAPPINGS.items():
        entries = data.get(key)
        if not isinstance(entries, dict) or not entries:
            raise LexiconError(f"{path}: {key}: expected a non-empty mapping")
        for k, v in entries.items():
            if not isinstance(k, str) or k != k.lower() or not isinstance(v, kind):
                raise LexiconError(f"{path}: {key}.{k}: expected a lower-case word and a {what}")
        out[key] = entries
    unknown = sorted(set(data) - set(out))
    if unknown:
        raise LexiconError(f"{path}: unknown list(s): {', '.join(unknown)}")
    return out


@lru_cache(maxsize=None)
def source_words() -> dict:
    return _check_sources("sources.yml", load_yaml("sources.yml"))


def _alternation(entries: list[str], flags: int = 0) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(sorted(entries, key=len, reverse=True)) + r")\b", flags)


_S = source_words()
NUMBER_WORDS: dict[str, int] = dict(_S["number_words"])
SPOKES = frozenset(_S["spokesperson"])
OFFICIAL = frozenset(_S["official"])
EXPERT = frozenset(_S["expert"])
EXPERT_SUFFIXES = tuple(_S["expert_suffixes"])
INDIVIDUAL = frozenset(_S["individual"])
GROUP = frozenset(_S["group"])
ORG = frozenset(_S["organization"])
ORG_DESIGNATORS = frozenset(_S["org_designators"])
DOCUMENT = frozenset(_S["document"])
FAMILY = frozenset(_S["family"])
MEDIA = frozenset(_S["media"])
RANK = frozenset(_S["rank"])
UNIQUE_ROLES = frozenset(_S["unique_roles"])
SENTENCE_WORDS = frozenset(_S["sentence_words"])
TITLE_ABBREV = frozenset(_S["title_words"])
ABBREVIATIONS = frozenset(_S["abbreviations"])
# the abbreviated titles written before a name, as written ('Pres.', 'Lt.', 'Sens.'; plurals too): the tokenizer keeps
# each whole with its full stop, which then ends no sentence
TITLE_ABBREVIATIONS = tuple(sorted(w.capitalize() + "." for w in ABBREVIATIONS if w in TITLE_ABBREV or w.endswith("s") and w[:-1] in TITLE_ABBREV))
DEMONYMS: dict[str, str] = dict(_S["demonyms"])
PRONOUN_NUMBER: dict[str, str] = dict(_S["pronoun_number"])
HONORIFICS: dict[str, str] = dict(_S["honorifics"])
MALE_WORDS = frozenset(_S["male_words"])
FEMALE_WORDS = frozenset(_S["female_words"])
NOT_FIRST_NAMES = frozenset(_S["not_first_names"])
PLACE_WORDS = frozenset(_S["place_words"])
CANDIDACY = frozenset(_S["candidacy"])
SHARES = frozenset(_S["shares"])
EXECUTIVE = frozenset(_S["executive"])
MEDIA_ROLES = frozenset(_S["media_roles"])
MEDIA_WORKS = frozenset(_S["media_works"])
EXPERT_BODIES = frozenset(_S["expert_bodies"])
EXPERT_BODY_ROLES = frozenset(_S["expert_body_roles"])
OUTSIDE_ROLES = frozenset(_S["outside_roles"])
ALIGNMENT = frozenset(_S["alignment"])
IDEOLOGIES = frozenset(_S["ideologies"])
FORMER_WORDS = frozenset(_S["former_words"])
POSSESSIONS = frozenset(_S["possessions"])
TITLE_MODIFIERS = frozenset(_S["title_modifiers"])
PARTIES: dict[str, str] = dict(_S["parties"])
ROLE_NAMES: dict[str, str] = dict(_S["role_names"])
MEDIA_NAMES = _alternation([re.escape(n) for n in _S["media_names"]])
RE_MEDIA_PHRASE = _alternation([re.escape(n) for n in _S["media_phrases"]], re.I)
KNOWLEDGE = re.compile(r"\b(?:" + "|".join(_S["knowledge_basis"]) + r")\b.*", re.I)
# the patterns are lower case and read lower-cased text (three times faster than ignoring case)
REASON = re.compile("(?:" + "|".join(_S["anonymity_reasons"]) + ")")
