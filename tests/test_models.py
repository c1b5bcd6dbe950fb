"""One source of truth: the models define the tables, the JSON Schema files and metadata.yml's docs."""
from __future__ import annotations

import json

import pytest
import yaml

from claims import models
from claims.schema import METADATA, SCHEMA_DIR, expected_metadata_text, json_schemas
from claims.store import ensure_db_shape, open_db


def test_every_field_has_a_description():
    for model in models.TABLE_MODELS:
        for name, f in model.model_fields.items():
            assert f.description, f"{model.__name__}.{name} has no description"


def test_json_schema_files_are_current():
    for name, text in json_schemas().items():
        path = SCHEMA_DIR / name
        assert path.exists(), f"{path} missing: run scripts/write_schema.py"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run scripts/write_schema.py"
    on_disk = {p.name for p in SCHEMA_DIR.glob("*.schema.json")}
    assert on_disk == set(json_schemas()), "schema/ has files no model writes"


def test_metadata_descriptions_are_current():
    assert METADATA.read_text(encoding="utf-8") == expected_metadata_text(), \
        "metadata.yml table/column docs are stale: run scripts/write_schema.py"


def test_metadata_documents_every_column():
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = meta["databases"]["claims"]["tables"]
    for model in models.TABLE_MODELS:
        cols = tables[model.__table__]["columns"]
        assert set(cols) == set(model.model_fields), model.__table__
        assert all(cols.values())


def test_database_tables_match_models(tmp_path):
    db = open_db(tmp_path / "x.db")
    ensure_db_shape(db)
    for model in models.TABLE_MODELS:
        cols = {r[1]: r[6] for r in db.execute(f"pragma table_xinfo([{model.__table__}])")}  # name: hidden
        assert set(cols) == set(model.model_fields), model.__table__
        assert {c for c, hidden in cols.items() if hidden} == set(model.__generated__), model.__table__
        assert db[model.__table__].pks == (list(model.__pk__) if isinstance(model.__pk__, tuple) else [model.__pk__])
        fks = {(fk.column, fk.other_table, fk.other_column) for fk in db[model.__table__].foreign_keys}
        assert fks == {(c, t, oc) for c, (t, oc) in model.__fks__.items()}


def test_schema_validates_a_row():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMA_DIR / "claims.schema.json").read_text())
    row = models.Claim(id="a-1", article="a", content="x", start=0, end=1, kind="direct", paragraph=0, sentence=0,
                       rule="test").model_dump(mode="json")
    jsonschema.validate(row, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**row, "kind": "rumour"}, schema)


def test_enum_values_are_the_eval_vocabulary():
    assert [k.value for k in models.Kind] == ["direct", "indirect", "mixed", "according_to", "declined", "reporter"]
    assert {a.value for a in models.Anonymity} == {"named", "identifiable", "described", "vague", "bare"}
    assert {t.value for t in models.SourceType} == {"official", "spokesperson", "expert", "individual", "group",
                                                   "organization", "document", "media", "reporter", "unknown"}
