"""HTML pages: main text and metadata -> the plain-text ingest.

trafilatura's ``bare_extraction`` finds the main text (dropping navigation, cookie banners,
related links, scripts and styles) and the page metadata. What it misses is filled from the
page's own metadata (JSON-LD NewsArticle, Open Graph, ``<meta name=author>``, canonical link,
``<html lang>``) and from the visible byline ("By MATTHEW LEE"). The text keeps the page's
structure: a title line, a "By" line, paragraphs separated by blank lines and list items as
"• item" lines; it then goes through ``ingest.ingest_text`` like any plain-text article, with
the metadata as hints, so regions, claims and offsets work the same way.

Outlet and publisher: for an agency story republished by a portal, the outlet is the agency
(JSON-LD ``sourceOrganization``/author organization/copyright holder, or an agency dateline
such as "(AP) —") and the publisher is the portal (``og:site_name``).
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Optional

from .errors import MalformedInput, NoBody
from .ingest import (DEFAULT_MAX_BYTES, KNOWN_OUTLETS, RE_BY, Ingested, _outlet_and_publisher, article_id_for,
                     decode_bytes, ingest_text, normalise_name, parse_date, person_name_shape, read_input_bytes,
                     split_lines)

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "liveblogposting",
                 "blogposting", "webpage", "opinionnewsarticle", "backgroundnewsarticle", "report"}
AGENCY_NAMES = {"associated press": "The Associated Press", "the associated press": "The Associated Press",
                "ap": "The Associated Press", "reuters": "Reuters", "thomson reuters": "Reuters",
                "afp": "Agence France-Presse", "agence france-presse": "Agence France-Presse",
                "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg", "dpa": "dpa", "efe": "EFE", "ansa": "ANSA"}
RE_VISIBLE_BY = re.compile(r"^\s*By\s+([A-Z][\w.'’\- ]+(?:(?:,| and|&)\s*[A-Z][\w.'’\- ]+)*?)\s*(?:[,|·—–-]\s*(?:[A-Z][\w ]+))?\s*$")
BULLET = "• "


# ---------------------------------------------------------------- page metadata (lxml)


def _tree(html: str):
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except Exception:  # lxml raises ParserError/ValueError on empty or odd documents
        return None


def _names(v: Any, want: Optional[str] = None) -> list[str]:
    """Names in a JSON-LD value: 'X', {'name': 'X'}, or lists of these; want='person'/'organization'."""
    out: list[str] = []
    if isinstance(v, str):
        out.append(v)
    elif isinstance(v, dict):
        t = v.get("@type")
        t = (t[0] if isinstance(t, list) and t else t or "")
        t = str(t).lower()
        if want == "person" and t and t != "person":
            return []
        if want == "organization" and t == "person":
            return []
        if isinstance(v.get("name"), str):
            out.append(v["name"])
    elif isinstance(v, list):
        for x in v:
            out.extend(_names(x, want))
    return [" ".join(n.split()) for n in out if n and n.strip()]


def _jsonld_articles(tree) -> list[dict]:
    found: list[dict] = []

    def walk(obj):
        if isinstance(obj, list):
            for x in obj:
                walk(x)
        elif isinstance(obj, dict):
            t = obj.get("@type")
            types = [str(x).lower() for x in (t if isinstance(t, list) else [t]) if x]
            if any(x in ARTICLE_TYPES for x in types):
                found.append(obj)
            if "@graph" in obj:
                walk(obj["@graph"])

    for s in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(s.text_content() or ""))
        except ValueError:
            continue
    # a NewsArticle before a WebPage
    found.sort(key=lambda o: "webpage" in str(o.get("@type")).lower())
    return found


def page_metadata(html: str) -> dict[str, Optional[str]]:
    """The page's own metadata: title, site, agency, byline, published, url, language."""
    meta: dict[str, Optional[str]] = {k: None for k in ("title", "site", "agency", "byline", "published", "url", "language")}
    tree = _tree(html)
    if tree is None:
        return meta

    def m(xp: str) -> Optional[str]:
        r = tree.xpath(xp)
        v = (r[0] if r else "") or ""
        return " ".join(str(v).split()) or None

    arts = _jsonld_articles(tree)
    ld = arts[0] if arts else {}
    persons = _names(ld.get("author"), "person")
    orgs = [n for n in _names(ld.get("author"), "organization") if n not in persons]
    if isinstance(ld.get("author"), str):
        orgs = [n for n in orgs if not person_name_shape(n) or n.lower() in AGENCY_NAMES]
        persons = [n for n in persons if person_name_shape(n) and n.lower() not in AGENCY_NAMES]
    site = m("//meta[@property='og:site_name']/@content") or (_names(ld.get("publisher"), "organization") or [None])[0]
    agency_cands = (_names(ld.get("sourceOrganization"), "organization") + orgs
                    + _names(ld.get("copyrightHolder"), "organization"))
    agency = next((a for a in agency_cands if a and (site is None or a.lower() != site.lower())), None)
    meta["site"] = site
    meta["agency"] = AGENCY_NAMES.get(agency.lower(), agency) if agency else None
    meta["title"] = (ld.get("headline") if isinstance(ld.get("headline"), str) else None) \
        or m("//meta[@property='og:title']/@content") or m("//title/text()")
    byline = " and ".join(persons) if persons else None
    if not byline:
        a = m("//meta[@name='author']/@content") or m("//meta[@name='byl']/@content")
        if a and not a.lower().startswith("http") and a.lower() not in AGENCY_NAMES and (site is None or a.lower() != site.lower()):
            byline = re.sub(r"^\s*By\s+", "", a)
    meta["byline"] = byline or visible_byline(tree)
    pub = ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None
    pub = pub or m("//meta[@property='article:published_time']/@content") or m("//meta[@name='date']/@content") \
        or m("//time[@datetime]/@datetime")
    meta["published"] = parse_date(pub) if pub else None
    meta["url"] = m("//link[@rel='canonical']/@href") or m("//meta[@property='og:url']/@content") \
        or (ld.get("url") if isinstance(ld.get("url"), str) else None)
    lang = m("/html/@lang") or (ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None)
    meta["language"] = lang.split("-")[0].split("_")[0].lower() if lang else None
    return meta


def visible_byline(tree) -> Optional[str]:
    """'By MATTHEW LEE' as printed on the page (trafilatura does not read it)."""
    cands = tree.xpath("//*[contains(translate(@class, 'BYLINEAUTHOR', 'bylineauthor'), 'byline') or "
                       "contains(translate(@class, 'BYLINEAUTHOR', 'bylineauthor'), 'author') or @rel='author' "
                       "or @itemprop='author']")
    body = tree.find("body")
    if body is not None:
        cands += [e for e in body.iter("p", "div", "span", "address", "li") if len(e) <= 3]
    for el in cands:
        if el.tag in ("script", "style"):
            continue
        t = " ".join(el.text_content().split())
        if not t or len(t) > 120:
            continue
        mm = RE_VISIBLE_BY.match(t) or RE_BY.match(t)
        if mm:
            name = re.split(r"\s*[|·—–]\s*|,\s*(?=[A-Z][a-z]+ [A-Z][a-z]+ (?:Writer|Correspondent|Reporter|Editor))", mm.group(1))[0]
            name = re.sub(r",?\s+(?:Associated Press|AP|Reuters|AFP)\b.*$", "", name)
            return _name(name)
    return None


# ---------------------------------------------------------------- main text


def _name(s: str) -> str:
    """normalise_name, keeping O'Connor and D'Souza capitalised after an all-caps byline."""
    return re.sub(r"\b([OD])['’]([a-z])", lambda m: m.group(1) + "'" + m.group(2).upper(), normalise_name(s))


def _block_text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _body_blocks(body) -> list[str]:
    """Paragraphs and list items of trafilatura's XML body, in order ('• ' before items)."""
    out: list[str] = []

    def walk(el, depth=0):
        for ch in el:
            tag = ch.tag if isinstance(ch.tag, str) else ""
            if tag == "list":
                for item in ch:
                    if not isinstance(item.tag, str):
                        continue
                    nested = [x for x in item if x.tag == "list"]
                    for x in nested:
                        item.remove(x)
                    t = _block_text(item)
                    if t:
                        out.append(BULLET + t)
                    for x in nested:
                        walk(_wrap(x), depth + 1)
            elif tag in ("p", "head", "quote", "item"):
                inner_lists = [x for x in ch if x.tag == "list"]
                if inner_lists:
                    walk(ch, depth)
                    continue
                t = _block_text(ch)
                if t:
                    out.append(t)
            elif tag == "table":
                for row in ch.iter("row"):
                    cells = [_block_text(c) for c in row if isinstance(c.tag, str)]
                    cells = [c for c in cells if c]
                    if cells:
                        out.append(" | ".join(cells))
            elif tag in ("div", "section", "body"):
                walk(ch, depth)
            elif tag in ("graphic", "ref") or not tag:
                continue
            else:
                t = _block_text(ch)
                if t:
                    out.append(t)

    walk(body)
    return out


def _wrap(list_el):
    from lxml import etree

    w = etree.Element("div")
    w.append(list_el)
    return w


def _fallback_blocks(html: str) -> list[str]:
    """Paragraphs, headings and list items of the cleaned page, when trafilatura finds no main text."""
    from lxml_html_clean import Cleaner

    tree = _tree(html)
    if tree is None:
        return []
    try:
        tree = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True, embedded=True,
                       frames=True, meta=True, page_structure=False, links=False).clean_html(tree)
    except ValueError:  # lxml refuses a name it cannot store (control characters in a mangled tag)
        return []
    skip = {"nav", "header", "footer", "aside", "form", "button"}
    out = []
    for el in tree.iter("h1", "h2", "h3", "p", "li", "blockquote"):
        if any(a.tag in skip for a in el.iterancestors()) or any(c.tag in ("p", "li") for c in el):
            continue
        t = " ".join(el.text_content().split())
        if t:
            out.append(BULLET + t if el.tag == "li" else t)
    return out


RE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def extract_html(html: str, name: str = "<html>") -> tuple[str, dict[str, Optional[str]]]:
    """(plain text, metadata) of an HTML page. Raises NoBody when the page has no main text."""
    import trafilatura

    # control characters are not allowed in HTML, and lxml refuses them in tag and attribute names
    html = RE_CONTROL.sub(" ", html)
    if not re.search(r"<\s*(?:html|body|p|div|article|h1|li)\b", html[:200000], re.I):
        raise MalformedInput(name, "not an HTML page (no html, body or paragraph tags)")
    page = page_metadata(html)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                          include_images=False, include_links=False, url=page.get("url"))
    except Exception:  # trafilatura or lxml failing on a hostile page: fall back to our own reading
        doc = None
    blocks = _body_blocks(doc.body) if doc is not None and doc.body is not None else []
    if sum(len(b) for b in blocks) < 200:
        fb = _fallback_blocks(html)
        if sum(len(b) for b in fb) > sum(len(b) for b in blocks):
            blocks = fb
    if not blocks:
        raise NoBody(name, "no main text found in the HTML page")
    d = doc.as_dict() if doc is not None else {}
    title = d.get("title") or page["title"]
    author = d.get("author")
    if author and (author.lower() in AGENCY_NAMES or (page["site"] and author.lower() == page["site"].lower())):
        author = None
    byline = None
    if author:
        byline = " and ".join(_name(re.sub(r"^\s*By\s+", "", a)) for a in re.split(r"\s*;\s*", author) if a.strip())
    byline = byline or (_name(page["byline"]) if page["byline"] else None)
    published = page["published"] or (parse_date(d["date"]) if d.get("date") else None)
    url = page["url"] or d.get("url")
    language = d.get("language") or page["language"]
    site = page["site"] or d.get("sitename")
    # the text: title, byline, then the blocks (without a repeat of the title)
    lines: list[str] = []
    if title:
        lines.append(" ".join(title.split()))
        if blocks and blocks[0].strip() == lines[0]:
            blocks = blocks[1:]
    if byline:
        lines.append(f"By {byline}")
        blocks = [b for b in blocks if not (RE_BY.match(b) or RE_VISIBLE_BY.match(b))]
    text = unicodedata.normalize("NFC", "\n\n".join(lines + blocks) + "\n")
    # outlet and publisher
    txt_outlet, _ = _outlet_and_publisher(text, split_lines(text))
    agency = page["agency"] or (txt_outlet if txt_outlet in KNOWN_OUTLETS else None)
    if agency and site and agency.lower() != site.lower():
        outlet, publisher = agency, site
    else:
        outlet, publisher = agency or site, None
    meta = {"title": title, "byline": byline, "published": published, "url": url, "language": language,
            "outlet": outlet, "publisher": publisher}
    return text, meta


def ingest_html(article_id: str, html: str, path: Optional[str] = None, *, hints: Optional[dict] = None,
                encoding_note: Optional[str] = None) -> Ingested:
    """An HTML page as an article: extract_html, then the plain-text ingest with the metadata as hints."""
    name = path or article_id
    text, meta = extract_html(html, name)
    merged = {k: v for k, v in meta.items() if v}
    merged.update({k: v for k, v in (hints or {}).items() if v not in (None, "")})
    return ingest_text(article_id, text, path, encoding_note=encoding_note, hints=merged, fmt="html")


def read_html_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Ingested:
    """Read one saved HTML page (size checked before reading)."""
    name = str(path)
    data = read_input_bytes(path, max_bytes)
    text, note = decode_bytes(data, name, max_bytes)
    return ingest_html(article_id_for(path), text, name, encoding_note=note)
