"""Table-driven stand-ins for two of the model's components, with the same output and less Python per token.

The English model's attribute ruler runs a ``Matcher`` with some 180 one- and two-token patterns over every
token, and its lemmatizer builds a ``Token`` and a morphology object for every token before it looks in its
cache. Together they cost as much CPU as the dependency parser. Here:

- ``TableAttributeRuler`` reads the same patterns into tables keyed by the word (``LOWER``), the tag (``TAG``)
  or the dependency (``DEP``) they name, so each token is checked only against the patterns that can match it
  (a one-token pattern once per distinct row of tag, word, dependency and space), and applies
  the attributes in the stock ruler's order (pattern by pattern, later patterns win). A pattern with an
  operator or a predicate it does not know sends the whole ruler back to the stock ``Matcher``.
- ``TableLemmatizer`` looks each (word, part of speech, morphology) up in one cache for the process and
  writes the lemmas back in one array call; what it has not seen it asks the stock rules for. Those rules test
  each candidate form for membership in the model's word index, a list of up to 57,000 words per part of
  speech; the lemmatizer's copy of the lookups holds each list as a set (same members, same answers).

``use_table_components(nlp)`` swaps them in under the stock names, taking over the patterns and the lemma
tables. ``tests/test_fast_components.py`` checks token for token that the output is the stock one.
"""
import re
from typing import Optional

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a compiled pattern may test, and the column each has in the Doc array.
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
SIGNATURES_KEPT = 100_000  # distinct token rows (or words for a REGEX) remembered before a memo starts over
LEMMAS_KEPT = 200_000  # distinct (word, part of speech, morphology) keys, likewise
# What a pattern may set for the tables to merge a token's patterns into one write: attributes of the token alone
# (not of its lexeme, which the stock ruler sets pattern by pattern across the Doc, nor extensions).
TOKEN_ATTRS = frozenset({TAG, POS, MORPH, LEMMA, DEP})


class Unsupported(Exception):
    """A pattern the tables cannot express (an operator, a predicate other than IN, NOT_IN or REGEX)."""


def _token_test(spec: dict, strings) -> list:
    """One token's spec as (column, how, value) tests on hashes; REGEX tests keep the compiled expression."""
    if "OP" in spec:
        raise Unsupported("OP")
    tests = []
    for attr, want in spec.items():
        if attr not in COLUMNS:
            raise Unsupported(attr)
        col = COLUMNS[attr]
        if attr == "IS_SPACE":
            if not isinstance(want, bool):
                raise Unsupported("IS_SPACE")
            tests.append((col, "eq", int(want)))
        elif isinstance(want, str):
            tests.append((col, "eq", strings.add(want)))
        elif isinstance(want, dict) and len(want) == 1:
            (how, value), = want.items()
            if how in ("IN", "NOT_IN") and isinstance(value, list) and all(isinstance(v, str) for v in value):
                tests.append((col, how, frozenset(strings.add(v) for v in value)))
            elif how == "REGEX" and isinstance(value, str) and attr == "LOWER":
                tests.append((col, "REGEX", re.compile(value)))
            else:
                raise Unsupported(how)
        else:
            raise Unsupported(repr(want))
    return tests


class FirstTokenIndex:
    """Pattern entries filed under the word (LOWER), else the tag (TAG), else the dependency (DEP) their first
    token must have; the others are tried at every token."""

    def __init__(self, strings):
        self.strings = strings
        self.by_value: dict[int, list] = {}
        self.anywhere: list = []

    def file(self, entry, first: dict) -> None:
        for attr in ("LOWER", "TAG", "DEP"):
            want = first.get(attr)
            values = [want] if isinstance(want, str) else want["IN"] if isinstance(want, dict) and list(want) == ["IN"] else []
            if values:
                for value in values:
                    self.by_value.setdefault(self.strings.add(value), []).append(entry)
                return
        self.anywhere.append(entry)

    def candidates(self, row: tuple) -> list:
        """The entries that can match at a token with this (tag, word, dependency, space) row; a candidate
        filed under another attribute's equal hash only fails its tests."""
        get = self.by_value.get
        return get(row[1], []) + get(row[0], []) + get(row[2], []) + self.anywhere


class PatternTables:
    """Every pattern of an attribute ruler as tests on token hashes: one-token patterns are tried once per
    distinct (tag, word, dependency, space) row, longer ones only where their first word or tag stands."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.strings = strings
        self.attrs = ruler.attrs
        self.single = FirstTokenIndex(strings)  # entries: (pattern number, tests)
        self.longer = FirstTokenIndex(strings)  # entries: (pattern number, index, tests per token)
        self.regex_hits: dict = {}
        self.by_signature: dict = {}
        self.merged: dict = {}
        for number in range(len(ruler.attrs)):
            if not set(ruler.attrs[number]) <= TOKEN_ATTRS:
                raise Unsupported("an attribute of the lexeme or an extension")  # set pattern by pattern by the stock code
            for alternative in ruler.matcher.get(str(number))[1]:
                tokens = [_token_test(spec, strings) for spec in alternative]
                if not -len(tokens) <= ruler.indices[number] < len(tokens):
                    raise Unsupported("index outside the pattern")  # the stock ruler reports it
                if len(tokens) == 1:
                    self.single.file((number, tokens[0]), alternative[0])
                else:
                    self.longer.file((number, ruler.indices[number], tokens), alternative[0])

    def _passes(self, row, tests) -> bool:
        for col, how, want in tests:
            value = row[col]
            if how == "eq":
                if value != want:
                    return False
            elif how == "IN":
                if value not in want:
                    return False
            elif how == "NOT_IN":
                if value in want:
                    return False
            else:
                key = (id(want), value)
                hit = self.regex_hits.get(key)
                if hit is None:
                    if len(self.regex_hits) >= SIGNATURES_KEPT:
                        self.regex_hits.clear()
                    hit = self.regex_hits[key] = bool(want.search(self.strings[value]))
                if not hit:
                    return False
        return True

    def _single(self, row: tuple) -> tuple:
        numbers = self.by_signature.get(row)
        if numbers is None:
            if len(self.by_signature) >= SIGNATURES_KEPT:
                self.by_signature.clear()
            found = {number for number, tests in self.single.candidates(row) if self._passes(row, tests)}
            numbers = self.by_signature[row] = tuple(sorted(found))
        return numbers

    def targets(self, doc: Doc) -> list[tuple]:
        """For each token, the numbers of the patterns that set its attributes, in the stock ruler's order."""
        rows = [tuple(r) for r in doc.to_array(ARRAY_ATTRS).tolist()]
        n = len(rows)
        hits = [self._single(row) for row in rows]
        extra: dict[int, set] = {}
        by_value, anywhere = self.longer.by_value, self.longer.anywhere
        for start, row in enumerate(rows):
            for group in (by_value.get(row[1]), by_value.get(row[0]), by_value.get(row[2]), anywhere):
                for number, index, tokens in group or ():
                    end = start + len(tokens)
                    if end <= n and self._passes(row, tokens[0]) and all(
                            self._passes(rows[start + k], tokens[k]) for k in range(1, len(tokens))):
                        extra.setdefault(start + index if index >= 0 else end + index, set()).add(number)
        for at, numbers in extra.items():
            hits[at] = tuple(sorted(set(hits[at]) | numbers))
        return hits

    def merged_attrs(self, numbers: tuple) -> dict:
        """The attributes the patterns set, later patterns over earlier ones (as the stock ruler applies them)."""
        attrs = self.merged.get(numbers)
        if attrs is None:
            attrs = self.merged[numbers] = {}
            for number in numbers:
                attrs.update(self.attrs[number])
        return attrs


@Language.factory("table_attribute_ruler", default_config={"validate": False})
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool):
    return TableAttributeRuler(nlp.vocab, name, validate=validate)


class TableAttributeRuler(AttributeRuler):
    """The stock attribute ruler, matching through ``PatternTables`` instead of the ``Matcher``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tables = None  # PatternTables, or False when a pattern needs the Matcher

    def clear(self) -> None:
        super().clear()
        self._tables = None

    def add(self, *args, **kwargs) -> None:
        super().add(*args, **kwargs)
        self._tables = None

    def tables(self) -> Optional[PatternTables]:
        if self._tables is None:
            try:
                self._tables = PatternTables(self)
            except Unsupported:
                self._tables = False
        return self._tables or None

    def __call__(self, doc: Doc) -> Doc:
        tables = self.tables()
        if tables is None:
            return super().__call__(doc)
        try:
            for token, numbers in zip(doc, tables.targets(doc)):
                if numbers:
                    set_token_attrs(token, tables.merged_attrs(numbers))
            return doc
        except Exception as e:  # as the stock component: the pipeline's error handler decides
            return self.get_error_handler()(self.name, self, [doc], e)


@Language.factory("table_lemmatizer", default_config={"mode": "rule", "overwrite": False, "model": None})
def make_table_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool, model):
    return TableLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)


class TableLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, with one (word, part of speech, morphology) cache and array writes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lemma_hashes: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            return self._lemmatize_doc(doc)
        except Exception as e:  # as the stock component: the pipeline's error handler decides
            return self.get_error_handler()(self.name, self, [doc], e)

    def _lemmatize_doc(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        known = self.lemma_hashes
        strings = self.vocab.strings
        for i in (range(len(doc)) if self.overwrite else numpy.flatnonzero(lemmas == 0)):
            key = (int(rows[i, 0]), int(rows[i, 1]), int(rows[i, 2]))
            lemma = known.get(key)
            if lemma is None:
                if len(known) >= LEMMAS_KEPT:
                    known.clear()
                    self.cache.clear()  # the stock rules' own memo, filled by self.lemmatize
                lemma = known[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def token_rows(doc: Doc) -> list[tuple]:
    """What the pipeline set on each token, to compare two pipelines: text, tag, part of speech,
    morphology, lemma, dependency and head (``scripts/check_fast_components.py`` and the tests)."""
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def indexed_lookups(lookups: Lookups) -> Lookups:
    """A copy of the lemma tables whose word index ('lemma_index': part of speech -> list of words) holds sets,
    so that 'is this form a word' is one hash lookup rather than a walk down the list."""
    out = Lookups()
    for name in lookups.tables:
        table, copy = lookups.get_table(name), out.add_table(name)
        for key, value in table.items():
            copy[key] = frozenset(value) if name == "lemma_index" and isinstance(value, list) else value
    return out


def use_table_components(nlp: Language) -> Language:
    """Put the table-driven attribute ruler and lemmatizer in place of the model's, with the model's
    patterns and lemma tables. A pipeline without either is left as it is."""
    if "attribute_ruler" in nlp.pipe_names and type(nlp.get_pipe("attribute_ruler")) is AttributeRuler:
        stock = nlp.get_pipe("attribute_ruler")
        nlp.replace_pipe("attribute_ruler", "table_attribute_ruler", config={"validate": stock.validate})
        nlp.get_pipe("attribute_ruler").add_patterns(stock.patterns)
    if "lemmatizer" in nlp.pipe_names and type(nlp.get_pipe("lemmatizer")) is EnglishLemmatizer:
        stock = nlp.get_pipe("lemmatizer")
        nlp.replace_pipe("lemmatizer", "table_lemmatizer", config={"mode": stock.mode, "overwrite": stock.overwrite})
        nlp.get_pipe("lemmatizer").initialize(lookups=indexed_lookups(stock.lookups))
    return nlp
