"""The table-driven attribute ruler and lemmatizer give the stock components' output, token for token."""
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from claims.fast_components import TableAttributeRuler, TableLemmatizer, token_rows, use_table_components
from claims.segment import MODEL

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Made-up sentences that reach the ruler's rarer patterns: contractions read as two tokens, 'there' with a
# form of 'be', auxiliaries, 'but' as an adverb, determiners standing alone, pronouns as subject and object,
# 'do'/'have' as main verbs, runs of spaces, tabs and line breaks.
SENTENCES = [
    "I ain't gonna say it, y'all, and we gotta leave before Dana Morrow gets here.",
    "Let's go, c'mon! Y'all know it isn't over.",
    "There is a budget hole, and there were two votes on it last night.",
    "Ray Lowell has done it before; he did his job and has a plan. Do it now.",
    "That is what the clerk said, but those were never counted.  It was all but certain.",
    "She told me that you would call it off, and I told you so.",
    "The Ledger  reported \t on Tuesday that\n\nthe county  had  agreed.",
    "\"We will not back down,\" said Morrow, who got the job in May and gets paid less.",
    "   ",
    "Harlan County's board, it said, won't meet; they're gonna vote anyway, aren't they?",
]


@pytest.fixture(scope="module")
def pipelines():
    return spacy.load(MODEL), use_table_components(spacy.load(MODEL))


def test_swapped_in_under_the_stock_names(pipelines):
    stock, table = pipelines
    assert table.pipe_names == stock.pipe_names
    assert isinstance(table.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(table.get_pipe("lemmatizer"), TableLemmatizer)
    assert table.get_pipe("attribute_ruler").tables() is not None  # the model's patterns all compile


def test_same_tokens_as_the_stock_components(pipelines):
    stock, table = pipelines
    texts = SENTENCES + [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text().split("\n") if p.strip()]
    for a, b in zip(stock.pipe(texts), table.pipe(texts)):
        assert token_rows(b) == token_rows(a), a.text[:60]


def test_same_tokens_one_doc_at_a_time(pipelines):
    stock, table = pipelines
    for text in SENTENCES:
        assert token_rows(table(text)) == token_rows(stock(text))


def test_a_pattern_the_tables_cannot_express_goes_to_the_matcher(pipelines):
    stock, _ = pipelines
    ruler = TableAttributeRuler(stock.vocab)
    ruler.add_patterns(stock.get_pipe("attribute_ruler").patterns)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "fine"}, index=-1)
    assert ruler.tables() is None
    reference = AttributeRuler(stock.vocab)
    reference.add_patterns(ruler.patterns)
    doc_a, doc_b = stock.make_doc("It was very very good."), stock.make_doc("It was very very good.")
    for name in ("tok2vec", "tagger", "parser"):
        doc_a = stock.get_pipe(name)(doc_a)
        doc_b = stock.get_pipe(name)(doc_b)
    assert token_rows(ruler(doc_a)) == token_rows(reference(doc_b))
    assert doc_a[4].lemma_ == "fine"


@pytest.mark.parametrize("attrs", [{"NORM": "morrow"}, {"_": {"flag": True}}])
def test_a_pattern_setting_more_than_the_token_goes_to_the_stock_code(pipelines, attrs):
    stock, _ = pipelines
    ruler = TableAttributeRuler(stock.vocab)
    ruler.add_patterns(stock.get_pipe("attribute_ruler").patterns)
    assert ruler.tables() is not None
    if "_" in attrs and not spacy.tokens.Token.has_extension("flag"):
        spacy.tokens.Token.set_extension("flag", default=False)
    ruler.add([[{"LOWER": "morrow"}]], attrs)
    assert ruler.tables() is None


def test_new_patterns_are_read_again(pipelines):
    _, table = pipelines
    ruler = TableAttributeRuler(table.vocab)
    ruler.add([[{"LOWER": "morrow"}]], {"LEMMA": "Morrow"})
    assert ruler(table.make_doc("Morrow spoke"))[0].lemma_ == "Morrow"
    ruler.add([[{"LOWER": "spoke"}]], {"LEMMA": "speak"})
    assert ruler(table.make_doc("Morrow spoke"))[1].lemma_ == "speak"
    ruler.clear()
    assert ruler(table.make_doc("Morrow spoke"))[1].lemma_ == ""


def test_lemmatizer_keeps_a_lemma_the_ruler_set(pipelines):
    _, table = pipelines
    doc = table("We gotta go.")
    assert [t.text for t in doc] == ["We", "got", "ta", "go", "."]
    assert [t.lemma_ for t in doc] == ["we", "get", "to", "go", "."]  # 'ta' -> 'to' is the ruler's


def test_the_memos_stay_within_their_bounds(pipelines, monkeypatch):
    import claims.fast_components as fc

    stock, _ = pipelines
    table = use_table_components(spacy.load(MODEL))
    monkeypatch.setattr(fc, "SIGNATURES_KEPT", 5)
    monkeypatch.setattr(fc, "LEMMAS_KEPT", 5)
    for text in SENTENCES:
        assert token_rows(table(text)) == token_rows(stock(text))
    assert len(table.get_pipe("attribute_ruler").tables().by_signature) <= 5
    assert len(table.get_pipe("attribute_ruler").tables().regex_hits) <= 5
    assert len(table.get_pipe("lemmatizer").lemma_hashes) <= 5
    assert len(table.get_pipe("lemmatizer").cache) <= 5  # the stock rules' memo goes with it


def test_the_lemmatizer_reads_its_word_index_as_sets_with_the_same_words(pipelines):
    stock, table = pipelines
    mine, theirs = table.get_pipe("lemmatizer").lookups, stock.get_pipe("lemmatizer").lookups
    assert mine.tables == theirs.tables
    index, stock_index = mine.get_table("lemma_index"), theirs.get_table("lemma_index")
    assert all(isinstance(v, frozenset) and v == set(stock_index[k]) for k, v in index.items())
    assert dict(mine.get_table("lemma_rules")) == dict(theirs.get_table("lemma_rules"))
    # forms the rules test against the index: plurals, past tenses, comparatives, words it lacks
    words = "The Brannocks' older ferries were repainted by quieter crews, who hummed oddest tunes to zorbing geese."
    assert token_rows(table(words)) == token_rows(stock(words))
