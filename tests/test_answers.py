"""Wrong answers the workbench gave (issue 13), each pinned: exports, serving, search on the view, rankings."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import export as ex
from claims.cli import cli
from claims.pipeline import build
from claims.publish import load_metadata
from claims.store import open_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cross_db(tmp_path_factory):
    """The seeds, the syndicated AP copy and an HTML page with a canonical URL."""
    d = tmp_path_factory.mktemp("answers")
    path = d / "claims.db"
    db = open_db(path)
    rep = build(db, [ROOT / "seeds", ROOT / "tests" / "fixtures" / "syndicated",
                     ROOT / "tests" / "fixtures" / "html" / "agency_portal.html"])
    assert rep.ok, rep.problems
    db.close()
    return path


# ---------------------------------------------------------------- exports


@pytest.mark.parametrize("what", ["claimreview", "annotations", "claims-jsonld"])
def test_jsonld_exports_refuse_csv(cross_db, what):
    res = CliRunner().invoke(cli, ["export", str(cross_db), what, "--format", "csv"])
    assert res.exit_code != 0
    assert res.output.strip().splitlines() == [f"Error: {what} is JSON-LD (one document a line); "
                                               "--format csv is only for claims and articles"]


def test_annotation_target_is_the_stored_text(cross_db):
    db = open_db(cross_db)
    arts = {a["id"]: a for a in db.query("select * from articles")}
    notes = list(ex.annotation_rows(db))
    assert notes
    html_notes = [n for n in notes if arts[n["id"].split(":")[-1].rsplit("-", 1)[0]]["format"] == "html"]
    assert html_notes, "the HTML page must yield annotations"
    for n in notes:
        cid = n["id"].removeprefix("urn:claims:annotation:")
        claim = db["claims"].get(cid)
        art = arts[claim["article"]]
        target = n["target"]
        assert "state" not in target  # HttpRequestState carries HTTP headers, not a text version
        assert target["source"] == {"id": f"urn:sha256:{claim['sha256']}", "type": "Text", "format": "text/plain",
                                    "language": art["language"] or "en"}
        if art["url"]:
            assert target["scope"] == art["url"]
        else:
            assert "scope" not in target
        pos = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        assert art["text"][pos["start"]:pos["end"]] == claim["content"]  # anchors in the annotated resource


# ---------------------------------------------------------------- search and rankings


async def test_claims_view_has_search(cross_db):
    from datasette.app import Datasette

    from claims.publish import PLUGINS, SETTINGS, TEMPLATES

    ds = Datasette(immutables=[str(cross_db)], metadata=load_metadata("claims"), template_dir=str(TEMPLATES),
                   plugins_dir=str(PLUGINS), settings=SETTINGS)
    every = (await ds.client.get("/claims/claims_view.json", params={"_size": "max", "_shape": "array"})).json()
    for view in ("claims_view", "attributions"):
        r = await ds.client.get(f"/claims/{view}.json", params={"_search": "Vienna", "_shape": "array", "_size": "max"})
        assert r.status_code == 200, r.text[:300]
        rows = r.json()
        assert rows and len(rows) < len(every)
        assert all("vienna" in (x["content"] + (x["source"] or "") + (x["source_name"] or "") + (x["cue"] or "")).lower()
                   for x in rows)
        html = (await ds.client.get(f"/claims/{view}")).text
        assert 'name="_search"' in html


def test_rankings_keep_unnamed_sources_of_different_articles_apart(cross_db):
    db = open_db(cross_db)
    rows = list(db.query("select * from summary_sources where anonymity != 'named'"))
    assert rows
    assert [r for r in rows if r["articles"] != 1] == []
    us_side = [r for r in rows if r["source"] == "The U.S. side"]
    assert sorted(r["claims"] for r in us_side) == [1, 2]
    named = next(db.query("select * from summary_sources where source = 'Ned Price'"))
    assert named["articles"] >= 3 and named["outlets"] >= 2  # named ones still add up across articles
    refusals = list(db.query("select organization, articles from summary_refusals"))
    assert refusals


# ---------------------------------------------------------------- claims serve


def test_serve_refuses_a_file_that_is_not_sqlite(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    res = CliRunner().invoke(cli, ["serve", str(bad), "--port", "0"])
    assert res.exit_code != 0
    assert res.output.strip().splitlines() == [f"Error: {bad}: not a SQLite database (file is not a database)"]
    assert res.exception is None or isinstance(res.exception, SystemExit)


async def test_dashboards_and_row_templates_do_not_depend_on_the_database_name(cross_db, tmp_path):
    from datasette.app import Datasette

    from claims.publish import PLUGINS, SETTINGS, TEMPLATES

    path = tmp_path / "newsroom.db"
    shutil.copy(cross_db, path)
    meta = load_metadata("newsroom")
    charts = meta["plugins"]["datasette-dashboards"]["claims"]["charts"]
    assert {c["db"] for c in charts.values()} == {"newsroom"}
    ds = Datasette(immutables=[str(path)], metadata=meta, template_dir=str(TEMPLATES), plugins_dir=str(PLUGINS),
                   settings=SETTINGS)
    assert (await ds.client.get("/-/dashboards/claims")).status_code == 200
    for slug in charts:
        r = await ds.client.get(f"/-/dashboards/claims/{slug}")
        assert r.status_code == 200, (slug, r.text[:300])
    db = open_db(path)
    cid = next(db.query("select id from claims where source = 'two senior Israeli officials'"))["id"]
    html = (await ds.client.get(f"/newsroom/claims/{cid}")).text
    assert 'id="the-claim"' in html
    html = (await ds.client.get("/newsroom/articles/000_0792c3952193b30d")).text
    assert 'class="claim-link' in html
    rows = (await ds.client.get("/newsroom/most_cited_sources.json", params={"_shape": "array"})).json()
    assert rows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_sigterm_stops_datasette_and_removes_its_files(cross_db, tmp_path):
    psutil = pytest.importorskip("psutil")
    path = tmp_path / "claims.db"
    shutil.copy(cross_db, path)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = _free_port()
    env = dict(os.environ, TMPDIR=str(tmp))
    children = []
    proc = subprocess.Popen([sys.executable, "-c", "from claims.cli import cli; cli()", "serve", str(path),
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            assert proc.poll() is None, proc.stderr.read().decode(errors="replace")[-2000:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("claims serve did not answer")
        children = psutil.Process(proc.pid).children(recursive=True)
        assert children, "datasette runs as a child process"
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)
        gone, alive = psutil.wait_procs(children, timeout=10)
        assert alive == []
        assert list(tmp.iterdir()) == []
        with socket.socket() as s:  # nothing listens on the port any more (as a server binds it)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", port))
    finally:
        if proc.poll() is None:
            proc.kill()
        for c in children:  # only the processes this test started
            if c.is_running():
                c.kill()


# ---------------------------------------------------------------- readable pages


async def test_claim_page_names_the_source_and_links_ids_everywhere(cross_db):
    from datasette.app import Datasette

    from claims.publish import PLUGINS, SETTINGS, TEMPLATES

    ds = Datasette(immutables=[str(cross_db)], metadata=load_metadata("claims"), template_dir=str(TEMPLATES),
                   plugins_dir=str(PLUGINS), settings=SETTINGS)
    db = open_db(cross_db)
    he = next(db.query("select id, article from claims where source = 'He' and source_name = 'Ned Price'"))
    html = (await ds.client.get(f"/claims/claims/{he['id']}")).text
    assert "Claim by Ned Price (“He”)" in html
    assert 'class="source-claims" href="/claims/source_claims?entity=ned-price&amp;mention="' in html
    view = (await ds.client.get("/claims/claims_view")).text
    first = next(db.query("select id, article from claims order by article, start"))
    assert f'<a href="/claims/claims/{first["id"]}">{first["id"]}</a>' in view
    assert f'<a href="/claims/articles/{first["article"]}">{first["article"]}</a>' in view
    canned = (await ds.client.get("/claims/article_claims", params={"article": he["article"]})).text
    assert f'<a href="/claims/claims/{he["id"]}">{he["id"]}</a>' in canned
    assert "_show_sql=1" in canned and "<pre id=\"sql-query\"" not in canned  # the SQL is hidden by default
