"""The cue lexicon: what the data files in ``claims/data/`` say about English attribution words.

``cues.yml`` lists every cue verb with what it attributes (``act``), the content frames it takes,
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

import yaml

DATA = Path(__file__).resolve().parent / "data"
ACTS = ("statement", "belief", "intention", "evaluation", "finding")
FRAMES = ("clause", "object", "complement", "quote", "np", "np_as", "to", "np_to", "prep")
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
    return CueVerb(lemma, entry["act"], frames, entry["subject"], entry.get("stance"), entry.get("only_with"),
                   tuple(entry.get("forms") or ()), preps)


def _strings(path: str, key: str, values) -> tuple[str, ...]:
    """Words, each a string: YAML reads a bare on, off, yes or no as a boolean ('on' must be quoted)."""
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise LexiconError(f"{path}: {key}: {bad[0]!r} is not a word (quote on, off, yes and no in YAML)")
    return tuple(values)


@lru_cache(maxsize=None)
def cues() -> dict:
    data = load_yaml("cues.yml")
    for key, value in data.items():
        if isinstance(value, list):
            _strings("cues.yml", key, value)
        elif isinstance(value, dict) and key != "verbs":
            for sub, words in value.items():
                if isinstance(words, list):
                    _strings("cues.yml", f"{key}.{sub}", words)
    data["verbs"] = {lemma: _verb("cues.yml", lemma, e or {}) for lemma, e in (data.get("verbs") or {}).items()}
    return data


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
STANCE = {**{v.lemma: v.stance for v in VERBS.values() if v.stance}, **{lem: "refusal" for lem in DECLINE_LEMMAS}}
ACT = {v.lemma: v.act for v in VERBS.values()}
CONCERN_NOUNS = frozenset(_C["concern_nouns"])
CHANNEL_NOUNS = frozenset(_C["channel_nouns"])
SPEECH_OBJECTS = frozenset(_C["speech_objects"])
OTHER_CUE_WORDS = tuple(_C["other_cue_words"])
HEADLINE_LABELS = frozenset(_C["headline_labels"])
NEVER_SPEECH = frozenset(_C["never_speech"])
MESSAGE_NOUNS = frozenset(_C["message_nouns"])
_NOUNS = _C["nouns"]
DOCUMENT_NOUNS = frozenset(_NOUNS["documents"])
SOURCE_NOUNS = frozenset(_NOUNS["sources"]) | DOCUMENT_NOUNS
UNIT_NOUNS = frozenset(_NOUNS["units"])
NAMING_WORDS = frozenset(_NOUNS["naming"])
QUANTIFIERS = frozenset(_NOUNS["quantifiers"])
NOT_SURNAMES = frozenset(_NOUNS["not_surnames"])


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
