"""Publish: serve a claims database with Datasette and the project's metadata, templates and plugins."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

import yaml

from .errors import ClaimsError

PROJECT = Path(__file__).resolve().parent.parent
METADATA = PROJECT / "metadata.yml"
TEMPLATES = PROJECT / "templates"
PLUGINS = PROJECT / "plugins"
DEFAULT_DB_NAME = "claims"

SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 1000,
    "facet_time_limit_ms": 500,
    "default_page_size": 50,
    "truncate_cells_html": 400,
    # Facet suggestions run one query per column on every table page and search (88 on claims): on 1M
    # claims they alone cost seconds a page. The facets in metadata.yml, and any a user adds, still work.
    "suggest_facets": False,
    # ?_stream=on would send every row of a table as CSV, past max_returned_rows: a CSV is one page
    "allow_csv_stream": False,
}


def setting_arg(value) -> str:
    """A setting as datasette's command line takes it (booleans as on/off)."""
    return ("on" if value else "off") if isinstance(value, bool) else str(value)


def load_metadata(db_name: str = DEFAULT_DB_NAME, path: Path = METADATA) -> dict:
    """metadata.yml, with its database section and its dashboards' charts keyed to the served database's name."""
    if not path.exists():
        raise ClaimsError(f"{path}: metadata file missing")
    meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    dbs = meta.get("databases", {})
    if db_name != DEFAULT_DB_NAME and DEFAULT_DB_NAME in dbs:
        dbs[db_name] = dbs.pop(DEFAULT_DB_NAME)
    for dashboard in (meta.get("plugins", {}).get("datasette-dashboards") or {}).values():
        for chart in (dashboard.get("charts") or {}).values():
            if chart.get("db") == DEFAULT_DB_NAME:
                chart["db"] = db_name
    return meta


def datasette_args(db_path: Path, metadata_path: Path, *, host: str = "127.0.0.1", port: int = 8001,
                   immutable: bool = True) -> list[str]:
    args = [sys.executable, "-m", "datasette", "serve"]
    args += ["-i", str(db_path)] if immutable else [str(db_path)]
    args += ["-m", str(metadata_path), "-h", host, "-p", str(port)]
    if TEMPLATES.exists():
        args += ["--template-dir", str(TEMPLATES)]
    if PLUGINS.exists() and any(PLUGINS.glob("*.py")):
        args += ["--plugins-dir", str(PLUGINS)]
    for k, v in SETTINGS.items():
        args += ["--setting", k, setting_arg(v)]
    return args


# Packages a public deploy installs next to datasette (pinned as in pyproject.toml).
PUBLISH_INSTALL = ["datasette==0.65.5", "datasette-dashboards==0.8.0", "datasette-block-robots==1.1.1",
                   "rapidfuzz==3.14.6"]


def publish_command(db_path: str = "claims.db", target: str = "package") -> list[str]:
    """The `datasette publish`/`datasette package` command line for a public read-only site with the same
    metadata, templates, plugins, settings and pinned versions as `claims serve` (which stays the local way).

    ``target`` is ``package`` (a Docker image) or a publisher such as ``cloudrun``. The served database is
    immutable (both commands serve with ``-i``); run ``prepare_for_serving`` on the file first."""
    cmd = ["datasette", "package"] if target == "package" else ["datasette", "publish", target]
    cmd += [str(db_path), "--metadata", "metadata.yml", "--template-dir", "templates", "--plugins-dir", "plugins"]
    for pkg in PUBLISH_INSTALL:
        cmd += ["--install", pkg]
    extra = " ".join(f"--setting {k} {setting_arg(v)}" for k, v in SETTINGS.items())
    cmd += ["--extra-options", extra]
    return cmd


def prepare_for_serving(db_path: Path) -> None:
    """Leave the file in rollback-journal mode so immutable readers see every row. A claims database built
    by an older claims, without the summary tables the canned queries read, gets them first. Raises
    DatabaseError for a file that is not a SQLite database."""
    from .store import SUMMARIES, ensure_db_shape, open_db

    db = open_db(db_path, create=False)
    if db["claims"].exists() and not all(db[name].exists() for name in SUMMARIES):
        ensure_db_shape(db)
    db.disable_wal()
    db.close()


class _Stop(Exception):
    def __init__(self, signum: int):
        self.signum = signum


def _raise_stop(signum, frame):
    raise _Stop(signum)


def serve(db_path: Path, *, host: str = "127.0.0.1", port: int = 8001, immutable: bool = True,
          extra: Optional[list[str]] = None) -> int:
    """Run datasette on the database until it exits, or until this process gets SIGTERM, SIGHUP or Ctrl-C:
    then datasette is stopped too and the temporary metadata file removed. Returns the exit status."""
    if not db_path.exists():
        raise ClaimsError(f"{db_path}: no such database (build it first: claims build {db_path} seeds)")
    prepare_for_serving(db_path)
    meta = load_metadata(db_path.stem)
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8") as f:
        yaml.safe_dump(meta, f, sort_keys=False, allow_unicode=True)
        meta_path = Path(f.name)
    handled = (signal.SIGTERM, signal.SIGHUP)
    previous = {s: signal.signal(s, _raise_stop) for s in handled}
    child = None
    try:
        args = datasette_args(db_path, meta_path, host=host, port=port, immutable=immutable) + (extra or [])
        child = subprocess.Popen(args, env=os.environ.copy())
        return child.wait()
    except _Stop as stop:
        return 128 + stop.signum
    except KeyboardInterrupt:
        return 130
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        meta_path.unlink(missing_ok=True)
