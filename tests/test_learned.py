"""The learned cue gate (claims/attribution/learned.py) and its training script, on sentences written for these tests."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

import pytest

from claims.attribution import learned
from claims.attribution.learned import GATE_FILE, GATE_SHA256, GateError, options, read_gate
from claims.segment import load_nlp

from .test_patterns import claims_of

ROOT = Path(__file__).resolve().parent.parent


def _gate_file(tmp_path: Path, weights: dict, *, bias: float = -4.0, threshold: float = 0.5,
               acts=("statement",), name: str = "gate.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"acts": list(acts), "bias": bias, "threshold": threshold, "weights": weights}))
    return path


def _script():
    spec = importlib.util.spec_from_file_location("train_cue_gate", ROOT / "scripts" / "train_cue_gate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_pinned_weights_load():
    data = GATE_FILE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == GATE_SHA256
    gate = read_gate(GATE_FILE, GATE_SHA256)
    assert gate.acts == ("statement",)
    assert 0 < gate.threshold < 1 and len(gate.weights) > 100
    about = json.loads(data)["about"]
    assert about["script"] == "scripts/train_cue_gate.py" and "train" in about["trained_on"]


@pytest.mark.parametrize("content, problem", [
    (None, "cannot read"),
    ("{not json", "not a cue gate weights file"),
    ('{"weights": {}, "bias": 0}', "not a cue gate weights file"),
])
def test_bad_weights_file_is_a_clear_error(tmp_path, content, problem):
    path = tmp_path / "gate.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(GateError) as err:
        read_gate(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_weights_that_are_not_the_pinned_ones_are_refused(tmp_path):
    path = _gate_file(tmp_path, {"lem=say": 1.0})
    with pytest.raises(GateError, match="not the pinned"):
        read_gate(path, GATE_SHA256)


def test_options_are_the_verbs_own_dependents_after_it():
    doc = load_nlp()("Before the vote, the mayor had written about the levy and its cost.")
    v = next(t for t in doc if t.lower_ == "written")
    found = {o.choice: doc[o.start:o.end].text for o in options(v, 0)}
    assert found == {"prep:about": "the levy and its cost"}  # 'Before the vote' stands before the verb: never its content
    o = next(o for o in options(v, 0) if o.choice == "prep:about")
    assert {"lem=write", "ch=prep:about", "lem|ch=write|prep:about", "subj=speaker"} <= set(o.features)


SENTENCE = "The mayor has written about the levy in the Ledger."


def test_the_gate_makes_a_claim_the_rules_left(tmp_path, monkeypatch):
    monkeypatch.setenv(learned.GATE_ENV, "off")
    assert claims_of(SENTENCE) == []
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {"lem|ch=write|prep:about": 8.0})))
    [c] = claims_of(SENTENCE)
    assert (c.rule, c.source, c.cue, c.content, c.kind, c.act) == \
        ("learned:prep:about", "The mayor", "has written about", "the levy in the Ledger", "indirect", "statement")


def test_the_gate_keeps_to_its_threshold_and_acts(tmp_path, monkeypatch):
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {"lem|ch=write|prep:about": 3.9})))
    assert claims_of(SENTENCE) == []  # probability 0.475 < 0.5
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {"lem|ch=write|prep:about": 8.0}, acts=("belief",),
                                                        name="belief.json")))
    assert claims_of(SENTENCE) == []  # 'write' is a statement verb
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {"lem|ch=write|prep:about": 8.0}, name="belief.json")))
    assert len(claims_of(SENTENCE)) == 1  # the same file rewritten is read again


def test_the_gate_never_touches_what_the_rules_found(tmp_path, monkeypatch):
    body = ("Ray Lowell has written about the plan, which the mayor says will fail. "
            "Dana Morrow said the council discussed the levy with farmers.")
    doc = load_nlp()(body)
    written = next(t for t in doc if t.lower_ == "written")
    assert [o.choice for o in options(written, 0)] == ["prep:about"]  # an option, whose content holds a rule claim
    monkeypatch.setenv(learned.GATE_ENV, "off")
    rules = [(c.rule, c.source, c.cue, c.content, c.parent) for c in claims_of(body)]
    assert ("verb:relative", "the mayor", "says") in [r[:3] for r in rules]
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {}, bias=10.0)))  # accepts every option offered
    assert [(c.rule, c.source, c.cue, c.content, c.parent) for c in claims_of(body)] == rules


def test_fit_learns_the_feature_that_separates():
    mod = _script()
    opts = [{"verb": f"a:{i}", "features": ["x", "common"], "label": 1} for i in range(30)] + \
           [{"verb": f"b:{i}", "features": ["y", "common"], "label": 0} for i in range(30)]
    weights, bias = mod.fit(opts)
    assert weights["x"] > 1 > -1 > weights["y"]
    assert {o["verb"] for o in mod.accepted(opts, weights, bias, 0.5)} == {f"a:{i}" for i in range(30)}
    # the best option of a verb is the one kept
    two = [{"verb": "v", "features": ["y"], "label": 0}, {"verb": "v", "features": ["x"], "label": 1}]
    assert mod.accepted(two, weights, bias, 0.5) == [two[1]]




def _corpus(root: Path, n: int = 3) -> tuple[Path, Path]:
    texts, gold = root / "train" / "text", root / "train" / "attributions"
    texts.mkdir(parents=True)
    gold.mkdir(parents=True)
    for i in range(n):
        text = (f"A made-up story number {i}\n\nThe mayor has written about the levy in the Ledger. "
                f"Ray Lowell spoke at the county fair on Monday.\n")
        (texts / f"story{i}.txt").write_text(text)
        s, c, t = text.index("The mayor"), text.index("written about"), text.index("the levy")
        (gold / f"story{i}_ann1.ann").write_text(
            f"T1\tSource {s} {s + 9}\tThe mayor\nT2\tCue {c} {c + 13}\twritten about\n"
            f"T3\tContent {t} {t + 22}\tthe levy in the Ledger\nT4\tAttribution {c} {c + 13}\twritten about\n"
            f"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n")
    return texts, gold


def test_the_training_script_writes_weights_the_gate_reads(tmp_path, monkeypatch):
    texts, gold = _corpus(tmp_path, 4)
    out, report = tmp_path / "gate.json", tmp_path / "report.json"
    before = os.environ.get(learned.GATE_ENV)
    assert _script().main([str(texts), str(gold), "--folds", "2", "--out", str(out), "--report", str(report),
                           "--workers", "1", "--threshold", "0.5", "--workdir", str(tmp_path / "work")]) == 0
    assert os.environ.get(learned.GATE_ENV) == before
    rep = json.loads(report.read_text())
    assert rep["positive"] == 4 and rep["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    rules, gated = rep["folds"]["total"]["rules"], rep["folds"]["total"]["gate"]
    assert (rules["tp"], rules["fn"]) == (0, 4)  # the rules leave 'has written about' alone
    assert sum(f["articles"] for f in rep["folds"]["per_fold"]) == 4 and gated["tp"] + gated["fn"] == 4
    gate = read_gate(out, rep["sha256"])
    assert gate.weights["lem|ch=write|prep:about"] > 0
    monkeypatch.setenv(learned.GATE_ENV, str(out))
    assert [c.content for c in claims_of(SENTENCE)] == ["the levy in the Ledger"]


def test_the_training_script_refuses_held_out_splits(tmp_path, capsys):
    texts, gold = _corpus(tmp_path / "dev")
    with pytest.raises(SystemExit):
        _script().main([str(texts), str(gold), "--folds", "0", "--out", str(tmp_path / "gate.json")])
    assert "training split only" in capsys.readouterr().err
    assert not (tmp_path / "gate.json").exists()


def test_a_bad_gate_stops_a_build_once_naming_the_file(tmp_path, monkeypatch):
    from claims.errors import ClaimsError
    from claims.pipeline import build
    from claims.store import open_db

    (tmp_path / "a.txt").write_text("A title\n\nThe mayor said the levy would pass.\n")
    monkeypatch.setenv(learned.GATE_ENV, str(tmp_path / "missing.json"))
    db = open_db(tmp_path / "x.db")
    with pytest.raises(ClaimsError, match="missing.json: cannot read the cue gate"):
        build(db, [tmp_path / "a.txt"])


def test_a_build_records_its_gate_and_a_new_gate_extracts_again(tmp_path, monkeypatch):
    from claims.pipeline import build
    from claims.store import open_db

    (tmp_path / "a.txt").write_text("A title\n\n" + SENTENCE + "\n")
    db = open_db(tmp_path / "x.db")
    monkeypatch.setenv(learned.GATE_ENV, "off")
    assert build(db, [tmp_path / "a.txt"]).unchanged == 0
    assert build(db, [tmp_path / "a.txt"]).unchanged == 1
    gate = _gate_file(tmp_path, {"lem|ch=write|prep:about": 8.0})
    monkeypatch.setenv(learned.GATE_ENV, str(gate))
    assert build(db, [tmp_path / "a.txt"]).unchanged == 0  # another gate: the article is read again
    configs = [json.loads(r["config"])["cue_gate"] for r in db["runs"].rows]
    assert configs == ["off", "off", hashlib.sha256(gate.read_bytes()).hexdigest()]
    assert [r["rule"] for r in db["claims"].rows if r["kind"] != "reporter"] == ["learned:prep:about"]


def _options_of(sentence: str, word: str):
    doc = load_nlp()(sentence)
    return options(next(t for t in doc if t.text == word), 0)


@pytest.mark.parametrize("sentence, word", [
    ("He arrived as she said goodbye to the guests.", "said"),  # an as-clause is the rules' to read
    ("A pair of old bridges suggests that the valley once had money.", "suggests"),  # things collected: no source
    ("Discussing the levy at length was never easy.", "Discussing"),  # no source at all
])
def test_verbs_the_gate_is_not_offered(sentence, word):
    assert _options_of(sentence, word) == []


def test_an_object_is_an_option_only_where_the_lexicon_takes_one_and_only_a_noun():
    assert [o.choice for o in _options_of("She announced those plans twice.", "announced")] == ["dobj"]
    assert [o.choice for o in _options_of("She announced so much more than that.", "announced")] == []
    # 'say' takes a clause: a plain noun object is never its content (cues.yml)
    assert [o.choice for o in _options_of("He said a prayer for the victims.", "said")] == []


def test_an_infinitive_of_purpose_is_speech_still_to_come():
    doc = load_nlp()("The council met on Monday to discuss the levy, and Morrow wants to discuss the budget. "
                     "Ray Lowell requested anonymity to discuss the talks.")
    first, second, third = [t for t in doc if t.lower_ == "discuss"]
    assert learned.speech_to_come(first) and learned.speech_to_come(third)  # a purpose; after an object
    assert not learned.speech_to_come(second)  # right under 'want', a cue of the lexicon


def test_an_accept_all_gate_makes_no_claim_of_a_meeting_to_discuss(tmp_path, monkeypatch):
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {}, bias=10.0)))
    assert [c for c in claims_of("The council met on Monday to discuss the levy.") if c.rule.startswith("learned")] == []
    assert [c.rule for c in claims_of(SENTENCE)] == ["learned:prep:about"]


def test_a_gate_claim_never_holds_its_own_cue_nor_another_gate_claim(tmp_path, monkeypatch):
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {}, bias=10.0)))  # accepts every option offered
    body = "Dana Morrow wrote in a post about the levy. Ray Lowell has written about the letter Dana Morrow wrote about the levy."
    doc = load_nlp()(body)
    assert [[o.choice for o in options(t, 0)] for t in doc if t.lower_ in ("wrote", "written")] == \
        [["prep:in"], ["prep:about"], ["prep:about"]]  # ('in a post' is also the cue's channel: never offered)
    made = [(c.cue, c.content) for c in claims_of(body) if c.rule.startswith("learned")]
    assert made == [("has written about", "the letter Dana Morrow wrote about the levy")]  # not also the letter's own
