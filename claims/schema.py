"""Derived artefacts of the models: JSON Schema files and metadata.yml's table documentation.

``scripts/write_schema.py`` writes them; ``tests/test_models.py`` fails when they are stale.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from .models import SUMMARY_MODELS, TABLE_MODELS, column_descriptions, table_description

PROJECT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = PROJECT / "schema"
METADATA = PROJECT / "metadata.yml"
DB_NAME = "claims"
HEADER = ("# Datasette metadata for the claims database.\n"
          "# Table and column descriptions are generated from claims/models.py by scripts/write_schema.py;\n"
          "# edit the models, not those entries. Everything else here is maintained by hand.\n")


def json_schemas() -> dict[str, str]:
    out = {}
    for model in TABLE_MODELS:
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://github.com/claims-tracker/claims/schema/{model.__table__}.schema.json"
        out[f"{model.__table__}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return out


def metadata_with_tables(meta: dict) -> dict:
    """metadata.yml's structure with each model's table and column descriptions filled in; the summary tables
    hidden from the table lists (they serve the canned queries and charts, not the reader)."""
    dbs = meta.setdefault("databases", {})
    db = dbs.setdefault(DB_NAME, {})
    tables = db.setdefault("tables", {})
    for model in TABLE_MODELS:
        t = tables.setdefault(model.__table__, {})
        t["description"] = table_description(model)
        t["columns"] = column_descriptions(model)
        if model in SUMMARY_MODELS:
            t["hidden"] = True
    return meta


def render_metadata(meta: dict) -> str:
    return HEADER + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=110)


def expected_metadata_text(path: Path = METADATA) -> str:
    meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return render_metadata(metadata_with_tables(meta))


def write_all() -> list[Path]:
    SCHEMA_DIR.mkdir(exist_ok=True)
    written = []
    for name, text in json_schemas().items():
        p = SCHEMA_DIR / name
        p.write_text(text, encoding="utf-8")
        written.append(p)
    METADATA.write_text(expected_metadata_text(), encoding="utf-8")
    written.append(METADATA)
    return written
