"""A person's grammatical gender, for pronoun agreement: from an honorific ('Mr.', 'Ms.'), from a
gendered word that describes them ('spokeswoman', 'her husband'), and from their first name.

First names are looked up in the dictionary the ``gender-guesser`` package ships (about 40,000
first names with their use by gender in many countries; read from the installed package, nothing
is downloaded). Only names the dictionary gives to one gender are used; a name it calls 'mostly'
one gender or 'andy' (either) tells nothing, so 'Lindsey' or 'Robin' never keeps a pronoun from
its antecedent. Genders are 'm', 'f' or None (not known).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from .lexicon import FEMALE_WORDS, HONORIFICS, MALE_WORDS


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> Optional[str]:
    """'m' or 'f' when the first-name dictionary gives the name to one gender, else None."""
    g = _detector().get_gender(name.strip(".").split("-")[0])
    return {"male": "m", "female": "f"}.get(g)


@lru_cache(maxsize=4096)
def is_first_name(name: str) -> bool:
    """Whether the first-name dictionary knows the word as a first name (of any gender)."""
    return _detector().get_gender(name.strip(".").split("-")[0]) != "unknown"


def honorific_gender(word: str) -> Optional[str]:
    g = HONORIFICS.get(word.lower().rstrip("."))
    return g if g in ("m", "f") else None


def word_gender(word: str) -> Optional[str]:
    """The gender a describing word or pronoun carries ('spokeswoman' -> 'f', 'his' -> 'm')."""
    w = word.lower()
    return "m" if w in MALE_WORDS else "f" if w in FEMALE_WORDS else honorific_gender(w)
