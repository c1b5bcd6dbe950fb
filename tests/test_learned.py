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
               acts=("statement",)) -> Path:
    path = tmp_path / "gate.json"
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
    found = {o.choice: doc[o.start:o.end].text for o in options(v)}
    assert found.get("prep:about") == "the levy and its cost"
    assert "advcl" not in found  # 'Before the vote' stands before the verb: never its content
    o = next(o for o in options(v) if o.choice == "prep:about")
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
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {"lem|ch=write|prep:about": 8.0}, acts=("belief",))))
    assert claims_of(SENTENCE) == []  # 'write' is a statement verb


def test_the_gate_never_touches_what_the_rules_found(tmp_path, monkeypatch):
    body = ("Dana Morrow said the council discussed the levy with farmers. "
            "“We will not raise it,” Ray Lowell told reporters after the meeting.")
    monkeypatch.setenv(learned.GATE_ENV, "off")
    rules = [(c.rule, c.source, c.content, c.parent) for c in claims_of(body)]
    assert rules
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {}, bias=10.0)))  # accepts every option offered
    assert [(c.rule, c.source, c.content, c.parent) for c in claims_of(body)] == rules


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
        text = f"A made-up story number {i}\n\nThe mayor has written about the levy in the Ledger. It rained.\n"
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


def test_the_training_script_refuses_held_out_splits(tmp_path):
    texts, gold = _corpus(tmp_path / "dev")
    with pytest.raises(SystemExit):
        _script().main([str(texts), str(gold), "--folds", "0", "--out", str(tmp_path / "gate.json")])


def _options_of(sentence: str, word: str):
    doc = load_nlp()(sentence)
    return options(next(t for t in doc if t.text == word))


@pytest.mark.parametrize("sentence, word", [
    ("He arrived as she said goodbye to the guests.", "said"),  # an as-clause is the rules' to read
    ("A pair of old bridges suggests that the valley once had money.", "suggests"),  # things collected: no source
    ("Discussing the levy at length was never easy.", "Discussing"),  # no source at all
])
def test_verbs_the_gate_is_not_offered(sentence, word):
    assert _options_of(sentence, word) == []


def test_an_object_that_is_no_noun_is_no_option():
    assert [o.choice for o in _options_of("She said so much more than that.", "said")] == []
    assert [o.choice for o in _options_of("She said those words twice.", "said")] == ["dobj"]


def test_an_infinitive_of_purpose_is_speech_still_to_come():
    doc = load_nlp()("The council met on Monday to discuss the levy, and Morrow wants to discuss the budget.")
    first, second = [t for t in doc if t.lower_ == "discuss"]
    assert learned.speech_to_come(first) and not learned.speech_to_come(second)  # 'want' is a cue of the lexicon


def test_an_accept_all_gate_makes_no_claim_of_a_meeting_to_discuss(tmp_path, monkeypatch):
    monkeypatch.setenv(learned.GATE_ENV, str(_gate_file(tmp_path, {}, bias=10.0)))
    assert [c for c in claims_of("The council met on Monday to discuss the levy.") if c.rule.startswith("learned")] == []
    assert [c.rule for c in claims_of(SENTENCE)] == ["learned:prep:about"]
