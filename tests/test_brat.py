"""Brat standoff gold (PolNeAR / PARC style) and the evaluation against it, on a corpus written for these tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import evaluate as ev
from claims.brat import find_documents, load_gold, parse_ann
from claims.cli import cli
from claims.errors import EvaluationError

BRAT = Path(__file__).parent / "fixtures" / "brat"
CORPUS = BRAT / "corpus" / "data" / "train"


def test_polnear_layout_takes_the_primary_annotator():
    docs = find_documents(CORPUS / "attributions")
    assert [(d.article, d.ann_path.name, d.text_path.name, d.alternatives) for d in docs] == [
        ("a1", "a1_ann1.ann", "a1.txt", 1)]


def test_gold_rows_whole():
    rows, _ = load_gold(CORPUS / "attributions")
    got = [{k: r[k] for k in ("id", "source", "cue", "content", "act", "direct", "constructions")} for r in rows]
    assert got == [
        {"id": "E1", "source": "mayor", "cue": "says", "content": "Council backs new bus plan", "act": "statement",
         "direct": False, "constructions": ["cue_after", "headline"]},
        {"id": "E2", "source": "Mayor Ana Reyes", "cue": "said",
         "content": "The city council on Monday approved a plan to add 40 buses", "act": "statement", "direct": False,
         "constructions": ["cue_after"]},
        {"id": "E3", "source": "Reyes", "cue": "said",
         "content": '"This is the biggest expansion in a decade," "Riders will feel it by spring."', "act": "statement",
         "direct": True, "constructions": ["cue_inside", "split_quote"]},
        {"id": "E4", "source": "a transit report", "cue": "According to", "content": "ridership fell 12 percent last year",
         "act": "statement", "direct": False, "constructions": ["cue_before", "according_to"]},
        {"id": "E5", "source": "Critics", "cue": "accused", "content": "the council of ignoring the suburbs",
         "act": "evaluation", "direct": False, "constructions": ["cue_before"]},
        {"id": "E6", "source": None, "cue": "It was reported", "content": "the vote was close", "act": "statement",
         "direct": False, "constructions": ["cue_before"]},
    ]
    assert rows[2]["spans"]["content"] == [(123, 167), (180, 212)]


def test_flat_layout_colon_and_parenthetical():
    rows, docs = load_gold(BRAT / "flat")
    assert [d.article for d in docs] == ["b1"]
    assert [(r["id"], r["direct"], r["constructions"]) for r in rows] == [
        ("E1", True, ["cue_before", "colon"]), ("E2", False, ["cue_before"]), ("E3", False, ["cue_inside"])]


def test_span_text_over_two_lines_and_notes_are_not_annotations():
    ann = "T1\tSource 0 3\tabc\nT2\tContent 4 12;13 20\tfirst\nline\nT3\tCue 21 25\tsaid\n#1\tAnnotatorNotes T1\tnote\n" \
          "E1\tAttribution:T3 Source:T1 Cue:T3 Content:T2\n"
    (att,) = parse_ann(ann, "x.ann", 40)
    assert (att.id, att.source, att.content, att.cue) == ("E1", [(0, 3)], [(4, 12), (13, 20)], [(21, 25)])


@pytest.mark.parametrize("ann, problem", [
    ("T1\tSource 5\tabc\n", "x.ann:1: offsets '5' are not 'START END[;START END]'"),
    ("T1\tSource 0 99\tabc\n", "x.ann:1: span ends at 99, after the end of the text (40)"),
    ("T1\tSource 0 3\tabc\nE1\tAttribution:T1 Content:T7\n", "x.ann:2: E1 refers to T7, which is not annotated"),
])
def test_malformed_annotations_are_named(ann, problem):
    with pytest.raises(EvaluationError) as e:
        parse_ann(ann, "x.ann", 40)
    assert str(e.value) == problem


def _pred(content, **kw):
    row = {"id": kw.pop("id", content[:8]), "article": "a1", "content": content, "source": None, "source_name": None,
           "kind": "indirect", "parent": None, "inherited": False, "source_type": None, "anonymity": None}
    row.update(kw)
    return row


def test_score_outermost_only_breakdown():
    rows, _ = load_gold(CORPUS / "attributions")
    preds = [
        _pred("The city council on Monday approved a plan to add 40 buses", source="Mayor Ana Reyes", id="p1"),
        _pred("This is the biggest expansion in a decade,\" Reyes said. \"Riders will feel it by spring.", source="Reyes",
              kind="direct", id="p2"),
        _pred("ridership fell 12 percent last year", source="a bus report", kind="according_to", id="p3"),
        # relayed inside another claim: not held against an outermost-only gold
        _pred("a plan to add 40 buses", source="the council", parent="p1", id="p4"),
        # a quote continuing an earlier speaker, and a reporter sentence: never false positives
        _pred("the buses are blue", inherited=True, id="p5"),
        _pred("Critics accused the council", kind="reporter", id="p6"),
        _pred("the weather was fine", source="a driver", id="p7"),
    ]
    res = ev.score(rows, preds, outermost_only=True)
    assert (res.tp, res.fp, res.fn, res.nested_ignored) == (3, 1, 3, 1)
    assert res.checks["source"] == [3, 3]  # 'a bus report' shares 'a report' with 'a transit report'
    assert res.checks["kind"] == [0, 0]  # a brat corpus has no kinds: not checked
    assert res.by_category["direct_quote"] == [1, 1]
    assert res.by_category["construction:cue_after"] == [1, 2]
    assert res.by_category["act:evaluation"] == [0, 1]
    assert round(res.content_f1, 3) == round((1.0 + ev.token_f1(rows[2]["content"], preds[1]["content"]) + 1.0) / 3, 3)
    assert any(e.startswith("MISS a1 E5: [Critics] accused") and e.endswith("(act:evaluation construction:cue_before)")
               for e in res.errors)


def test_source_labels_strict_and_alternatives():
    rows, _ = load_gold(CORPUS / "attributions")
    preds = [_pred("The city council on Monday approved a plan to add 40 buses", source="Mayor Ana Reyes",
                   source_type="official", anonymity="named"),
             _pred("ridership fell 12 percent last year", source="a transit report", source_type="organization",
                   anonymity="named")]
    labels = [
        {"article": "a1", "event": "E2", "source": "Mayor Ana Reyes", "source_type": "official", "anonymity": "named"},
        {"article": "a1", "event": "E4", "source": "a transit report", "source_type": "document", "anonymity": "named",
         "alt_source_types": ["organization"], "alt_anonymity": []},
        {"article": "a1", "event": "E5", "source": "Critics", "source_type": "group", "anonymity": "bare"},
    ]
    res = ev.score(rows, preds, outermost_only=True)
    s = ev.score_sources(labels, res)
    assert (s["labels"], s["paired"]) == (3, 2)
    assert s["source_type"] == {"accuracy": 0.5, "of": 2}
    assert s["source_type_alt"] == {"accuracy": 1.0, "of": 2}
    assert s["anonymity"] == {"accuracy": 1.0, "of": 2}
    assert s["source_type:full"] == {"accuracy": 0.5, "of": 2}
    assert {"want": "document", "got": "organization", "n": 1} in s["confusion"]["source_type"]


@pytest.mark.parametrize("source, form", [("he", "pronoun"), ("Obama", "surname"), ("Mr. Obama", "surname"),
                                          ("President Obama", "full"), ("two officials", "full")])
def test_mention_form(source, form):
    assert ev.mention_form(source) == form


def test_cli_evaluate_brat_with_source_labels(tmp_path):
    pred = tmp_path / "claims.jsonl"
    pred.write_text(json.dumps(_pred("The city council on Monday approved a plan to add 40 buses", source="Mayor Ana Reyes",
                                     source_type="official", anonymity="named")) + "\n")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"article": "a1", "event": "E2", "source": "Mayor Ana Reyes", "source_type": "official",
                                  "anonymity": "named"}) + "\n")
    r = CliRunner().invoke(cli, ["evaluate", "--pred", str(pred), "--gold", str(CORPUS / "attributions"),
                                 "--sources", str(labels)])
    assert r.exit_code == 0, r.output
    assert "  construction:headline             0.000  (0 of 1)" in r.output
    assert "sources: 1 of 1 labeled sources paired with a prediction" in r.output
    assert r.output.strip().splitlines()[-1] == "precision 1.0 recall 0.167 f1 0.286 score 0.286"
    r = CliRunner().invoke(cli, ["evaluate", "--pred", str(pred), "--gold", str(CORPUS / "attributions"), "--json"])
    d = json.loads(r.output)
    assert d["recall_by"]["act:statement"] == {"recall": 0.2, "found": 1, "of": 5}


def test_cli_evaluate_names_a_broken_annotation(tmp_path):
    (tmp_path / "x.txt").write_text("Some text here.\n")
    (tmp_path / "x.ann").write_text("T1\tSource 0 4\tSome\nE1\tAttribution:T1 Content:T9\n")
    pred = tmp_path / "p.jsonl"
    pred.write_text("")
    r = CliRunner().invoke(cli, ["evaluate", "--pred", str(pred), "--gold", str(tmp_path)])
    assert r.exit_code == 4
    assert r.output.strip() == f"Error: {tmp_path / 'x.ann'}:2: E1 refers to T9, which is not annotated"


def test_cli_evaluate_scores_a_duplicate_text_against_the_stored_copy(tmp_path):
    """The build keeps one copy of byte-identical inputs; an annotated corpus that holds the same text under two
    names (annotated twice) scores both annotations against the stored copy's claims, and says so."""
    text = ("Harlan County opens two new polling places\n\n"
            "The county will open two new polling places before the spring vote, Dana Morrow, the county clerk, "
            "said on Monday.\n")
    content = "The county will open two new polling places before the spring vote"
    s = text.index(content)
    src = text.index("Dana Morrow, the county clerk")
    cue = text.index("said on Monday")
    ann = (f"T1\tSource {src} {src + 29}\tDana Morrow, the county clerk\n"
           f"T2\tCue {cue} {cue + 4}\tsaid\n"
           f"T3\tContent {s} {s + len(content)}\t{content}\n"
           "E1\tAttribution:T2 Source:T1 Content:T3\n")
    texts, anns = tmp_path / "text", tmp_path / "attributions"
    texts.mkdir()
    anns.mkdir()
    for name in ("ledger_first", "ledger_second"):
        (texts / f"{name}.txt").write_text(text)
        (anns / f"{name}.ann").write_text(ann)
    db = tmp_path / "c.db"
    r = CliRunner().invoke(cli, ["build", str(db), str(texts), "-q"])
    assert r.exit_code == 1 and "ledger_second.txt: duplicate of" in r.output, r.output  # skipped, so exit 1
    r = CliRunner().invoke(cli, ["evaluate", str(db), "--gold", str(anns)])
    assert r.exit_code == 0, r.output
    assert "       same text: ledger_second: same text as the stored ledger_first, scored against its claims" in r.output
    assert r.output.strip().splitlines()[-1].startswith("precision 1.0 recall 1.0 ")
    r = CliRunner().invoke(cli, ["evaluate", str(db), "--gold", str(anns), "--json"])
    d = json.loads(r.output)
    assert (d["tp"], d["fp"], d["fn"], d["same_text"]) == (
        2, 0, 0, ["ledger_second: same text as the stored ledger_first, scored against its claims"])
