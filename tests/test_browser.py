"""The workbench in a real browser: Playwright driving Debian's Chromium against `datasette serve`
started here on a free loopback port, with the project's metadata, templates, plugins and settings.

The screenshots go to a temporary folder; `make screenshots` (CLAIMS_SCREENSHOTS=docs/screenshots) writes
them over the README's, so that `make test` never changes a tracked file."""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from claims.publish import datasette_args, load_metadata, prepare_for_serving

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where the screenshots go: CLAIMS_SCREENSHOTS (relative to the project), else a temporary folder."""
    wanted = os.environ.get("CLAIMS_SCREENSHOTS")
    path = ROOT / wanted if wanted else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from claims.pipeline import build
    from claims.store import open_db

    d = tmp_path_factory.mktemp("serve")
    db = d / "claims.db"
    built = open_db(db)  # what `make demo` serves: the seeds and the syndicated AP copy
    assert build(built, [ROOT / "seeds", ROOT / "tests" / "fixtures" / "syndicated"]).ok
    built.close()
    prepare_for_serving(db)
    meta = d / "metadata.yml"
    meta.write_text(yaml.safe_dump(load_metadata("claims"), sort_keys=False, allow_unicode=True), encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(datasette_args(db, meta, host="127.0.0.1", port=port),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                raise RuntimeError("datasette exited: " + proc.stdout.read().decode(errors="replace")[-2000:])
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("datasette did not answer on " + base)
        yield base, db
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (make install installs it when run as root; "
                    "otherwise: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # pragma: no cover - the test extra pins playwright
        pytest.skip(f"playwright is not installed: {e}")
    profile = tempfile.mkdtemp(prefix="claims-chromium-")
    try:
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
                viewport={"width": 1100, "height": 900})
            pg = ctx.new_page()
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.errors = errors
            yield pg
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def test_claim_page_highlight_facet_search_and_screenshot(server, page, shots):
    base, db = server
    conn = sqlite3.connect(db)
    cid, content = conn.execute("select id, content from claims where source = 'two senior Israeli officials'").fetchone()
    conn.close()

    page.goto(f"{base}/claims/claims/{cid}")
    claim = page.locator("mark#the-claim")
    claim.wait_for()
    assert claim.inner_text() == content
    assert page.locator(".context mark.source-hl").inner_text() == "two senior Israeli officials"
    bg = claim.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), bg
    box = claim.bounding_box()
    assert box and box["width"] > 50 and box["y"] < 900, box  # visible without scrolling
    assert "described" in page.locator(".source-box").inner_text()
    assert "Axios" in page.locator(".article-box").inner_text()
    page.screenshot(path=str(shots / "claim-page.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 760})

    # the article page: every claim a link to its claim page
    page.goto(f"{base}/claims/articles/000_0792c3952193b30d")
    link = page.locator(f'a.claim-link[href="/claims/claims/{cid}"]')
    assert link.inner_text() == content
    assert page.locator("a.claim-link").count() >= 10
    background = "e => getComputedStyle(e).backgroundColor"
    by_kind = page.locator("p.legend-kind span.k-indirect").evaluate(background)  # the claim is indirect,
    assert link.evaluate(background) == by_kind  # its source described
    page.screenshot(path=str(shots / "article-page.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 760})
    page.locator(".colour-by a", has_text="anonymity").click()
    page.wait_for_url("**colour=anonymity")
    described = page.locator(f'a.claim-link[href="/claims/claims/{cid}"]')
    assert "a-described" in described.get_attribute("class")
    legend = page.locator("p.legend-anonymity span.a-described")
    assert legend.get_attribute("title").startswith("Not named")
    assert described.evaluate(background) == legend.evaluate(background) != by_kind
    page.screenshot(path=str(shots / "article-by-anonymity.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 760})
    described.click()
    page.wait_for_url(f"**/claims/claims/{cid}")

    # a facet: outlet on the claims view
    page.goto(f"{base}/claims/claims_view")
    page.locator('.facet-info[data-column="outlet"] a', has_text="The Associated Press").first.click()
    page.wait_for_url("**outlet=The+Associated+Press**")
    outlets = page.locator("td.col-outlet").all_inner_texts()
    assert outlets and set(outlets) == {"The Associated Press"}

    # the claims table, for reading: the column notes folded, the technical columns hidden, the content wide
    page.goto(f"{base}/claims/claims")
    notes = page.locator("details.column-notes")
    assert notes.locator("summary").is_visible() and not notes.locator("dl").first.is_visible()
    assert page.locator("th.col-sha256, th.col-prefix, th.col-anchor").count() == 0
    width = page.locator("td.col-content").first.bounding_box()["width"]
    assert width >= 350, f"the content column is {width}px wide"
    page.screenshot(path=str(shots / "claims-table.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 900})
    page.locator("p.technical-columns a").click()
    page.wait_for_url("**_columns=all**")
    assert page.locator("th.col-sha256").count() == 1

    # a search, typed into the search box
    page.goto(f"{base}/claims/claims")
    page.fill('input[name="_search"]', "Vienna")
    page.press('input[name="_search"]', "Enter")
    page.wait_for_url("**_search=Vienna**")
    contents = page.locator("td.col-content").all_inner_texts()
    assert contents and all("vienna" in c.lower() for c in contents)

    # the charts draw (vega-lite, served by the plugin itself)
    page.goto(f"{base}/-/dashboards/claims")
    for chart in ("anonymity-by-outlet", "claims-per-source", "sources-over-time"):
        page.locator(f"#chart-{chart} canvas, #chart-{chart} svg").first.wait_for(timeout=10000)
    page.screenshot(path=str(shots / "dashboard.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 700})
    assert page.errors == []


def test_walk_claim_source_match_article(server, page, shots):
    """A fact-checker's walk: a claim -> its source's other claims -> the same claim in another outlet's copy
    -> that article."""
    base, db = server
    conn = sqlite3.connect(db)
    cid = conn.execute("select id from claims where article like '002%' and content like '%cusp of any%'").fetchone()[0]
    twin = conn.execute("select id from claims where article like '003%' and content like '%cusp of any%'").fetchone()[0]
    price = {r[0] for r in conn.execute("select c.id from claims c join sources s on s.id = c.source_id "
                                        "where s.entity = 'ned-price'")}
    conn.close()
    page.goto(f"{base}/claims/claims/{cid}")
    assert "Claim by Ned Price" in page.locator("h1").inner_text()
    page.screenshot(path=str(shots / "walk-1-claim.png"), full_page=True)

    page.locator("a.source-claims").click()
    page.wait_for_url("**/claims/source_claims?entity=ned-price**")
    ids = set(page.locator("td.col-id").all_inner_texts())
    assert ids == price
    page.screenshot(path=str(shots / "walk-2-source-claims.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 800})

    page.goto(f"{base}/claims/claims/{cid}")
    match = page.locator(f'table.others a[href="/claims/claims/{twin}"]')
    assert "same claim" in page.locator("table.others tr.match-1").inner_text()
    match.click()
    page.wait_for_url(f"**/claims/claims/{twin}")
    assert "Harbor Valley Courier" in page.locator(".article-box").inner_text()
    page.screenshot(path=str(shots / "walk-3-match.png"), full_page=True)

    page.locator(".article-box a").first.click()
    page.wait_for_url("**/claims/articles/003_courier_ap_blinken")
    assert page.locator(f'a.claim-link[href="/claims/claims/{twin}"]').count() == 1
    page.screenshot(path=str(shots / "walk-4-article.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 800})

    # and from the claim, the page of its source: every claim by Ned Price in every article
    page.goto(f"{base}/claims/claims/{cid}")
    page.locator("a.entity").click()
    page.wait_for_url("**/claims/entities/ned-price")
    listed = {h.rsplit("/", 1)[1] for h in page.locator("ul.entity-claims a").evaluate_all("es => es.map(e => e.getAttribute('href'))")}
    assert listed == price
    page.screenshot(path=str(shots / "entity-page.png"), clip={"x": 0, "y": 0, "width": 1100, "height": 800})
    assert page.errors == []
