"""Ingest: bytes -> text -> an Article with its regions (title, byline, body, furniture ...).

Only the article text as stored is kept; every region, claim and source carries offsets into
it, so anything extracted can be found again. Plain text pages as saved from news sites (the
seeds) are laid out line by line: a header zone (date, section, title, byline, photo caption),
the body (paragraphs, bullets, section labels such as "Why it matters:"), and page furniture
(sign-up prompts, comment widgets, related links, copyright lines) which never yields claims.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from dateutil import parser as dateparser

from .errors import BinaryInput, EmptyInput, EncodingProblem, InputError, NoBody, NotRegularFile, TooLarge
from .models import Article, Region, RegionRole

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, Optional[str]]:
    """Decode an input's bytes to text. Returns (text, note); note says how, when not plain UTF-8.

    Raises EmptyInput, BinaryInput, TooLarge or EncodingProblem naming the input.
    """
    if max_bytes and len(data) > max_bytes:
        raise TooLarge(name, f"{len(data):,} bytes is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    if not data.strip():
        raise EmptyInput(name, "empty file (no text)")
    note = None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _utf16_text(data.decode("utf-16"), name), "decoded as UTF-16 (byte order mark)"
        except UnicodeDecodeError as e:
            raise EncodingProblem(name, f"UTF-16 byte order mark but undecodable bytes: {e}") from None
    elif (order := _utf16_without_bom(data)) is not None:
        try:
            return _utf16_text(data.decode(order), name), f"decoded as {order.upper().replace('_', '-')} (no byte order mark; detected)"
        except UnicodeDecodeError:
            pass
    sample = data[:8192]
    # a NUL anywhere (not only in the first 8 KB) is binary: text never holds one
    if b"\x00" in data or _control_share(sample) > 0.05:
        raise BinaryInput(name, "binary data, not text (NUL or control bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text, note = _decode_mixed(data, e) or _decode_legacy(data, name, e)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(name, "no text after decoding")
    return text, note


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a byte order mark
    (mostly Latin script: every other byte NUL, the others not), else None."""
    sample = data[:4096]
    if len(sample) < 16 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd > 0.4 and z_even < 0.05:
        return "utf-16-le"
    if z_even > 0.4 and z_odd < 0.05:
        return "utf-16-be"
    return None


def _utf16_text(text: str, name: str) -> str:
    if "\x00" in text:
        raise BinaryInput(name, "binary data, not text (NUL or control bytes)")
    return text


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _decode_mixed(data: bytes, err: UnicodeDecodeError) -> Optional[tuple[str, str]]:
    """Mostly UTF-8 with some lines in another encoding (a paragraph pasted from a cp1252 file):
    each line that is not UTF-8 is decoded as cp1252 (or, where cp1252 has no character for a byte,
    as UTF-8 with U+FFFD for what cannot be read), the rest as UTF-8. Only when some line shows UTF-8
    beyond ASCII: without such evidence the whole file is in one legacy encoding (_decode_legacy)."""
    lines = data.split(b"\n")
    out: list[str] = []
    evidence = False
    bad: list[int] = []
    replaced = 0
    pos = 0
    for i, line in enumerate(lines):
        try:
            t = line.decode("utf-8")
            evidence = evidence or not line.isascii()
        except UnicodeDecodeError:
            bad.append(pos)
            try:
                t = line.decode("cp1252")
            except UnicodeDecodeError:
                t = line.decode("utf-8", errors="replace")
                replaced += 1
        out.append(t)
        pos += len(line) + 1
    if not evidence:
        return None
    n = sum(1 for x in lines if x.strip())
    how = "decoded as cp1252" if not replaced else \
        f"decoded as cp1252, {replaced} of them with undecodable bytes replaced by U+FFFD"
    return "\n".join(out), (f"mixed encodings: {len(bad)} of {n} lines not UTF-8 (the first at byte {bad[0]:,}), "
                            f"{how}; the rest UTF-8")


def _decode_legacy(data: bytes, name: str, err: UnicodeDecodeError) -> tuple[str, str]:
    """Not UTF-8: accept cp1252 or latin-1 only when the bytes clearly are that."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    enc = (best.encoding if best else "") or ""
    enc_norm = enc.lower().replace("-", "_")
    for candidate in ("cp1252", "latin_1"):
        if enc_norm in {"cp1252", "windows_1252", "latin_1", "iso8859_1", "iso_8859_1", "iso8859_15", "cp1250"} or not best:
            try:
                text = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            if _control_share(text.encode("utf-8", "ignore")[:8192]) > 0.01:
                continue
            return text, f"not UTF-8 ({err.reason} at byte {err.start}); decoded as {candidate}"
    if best is not None and enc:
        try:
            return data.decode(enc), f"not UTF-8; decoded as {enc} (detected)"
        except (UnicodeDecodeError, LookupError):
            pass
    raise EncodingProblem(name, f"not UTF-8 ({err.reason} at byte {err.start}) and no clear legacy encoding")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


# ---------------------------------------------------------------- line classes

MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
RE_ISO_HEADER = re.compile(r"^\s*(?:date\s+)?(\d{4}-\d{2}-\d{2})(?:[T ][\d:]+Z?)?\s*(.*)$", re.I)
RE_MONTH_HEADER = re.compile(rf"^\s*({MONTHS}\s+\d{{1,2}},?\s+\d{{4}})(?:\s*[-–—|·]\s*(.+))?\s*$")
RE_BY = re.compile(r"^\s*By\s+([A-Z][\w.'’\- ]+(?:(?:,| and|&)\s*[A-Z][\w.'’\- ]+)*)\s*$")
RE_READTIME = re.compile(r"^\W*\d+\s*(?:min(?:ute)?s?)\.?\s+read\W*$", re.I)
RE_CREDIT_TAIL = re.compile(
    r"\((?:[^()]*(?:Photo|AP|Reuters|Getty|AFP|EPA|Pool|Bloomberg|via|Images|Credit|File)[^()]*)\)\s*$")
RE_PHOTO = re.compile(r"\b(?:Photo|Photograph|Image|Illustration|Credit|Video)(?:\s+by)?\s*:\s*\S", re.I)
RE_GETTY = re.compile(r"/(?:Getty Images|AFP|AP|Reuters|Bloomberg|Pool)\b")
RE_BULLET = re.compile(r"^(\s*)([•\-*–·▪●◦]\s+)")
RE_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|Copyright\b)", re.I)
RE_ALL_CAPS_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][A-Za-z .]{2,30})?)\s*(?:\((?:AP|Reuters|AFP)\))?\s*[-—–]?\s*$")
# a sentence end: a stop (closing quote marks and brackets after it), also before the source tag of a digest's
# item ('... behind in Harlan County. [Ledger]'); or a colon that opens what follows ('..., including Rep. Jane Doe (D-Ky.):')
RE_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*(?:\[[^\[\]\n]{1,60}\]\s*)?$|[\w)\]\"”’]:\s*$")

FURNITURE_PATTERNS = [
    r"\bsign\s*-?\s*up\b", r"\bnewsletters?\b", r"\blog\s*-?\s*in\b", r"\bregister\b", r"\bsubscribe\b",
    r"^\d+\s+comments?$", r"^no comments?$", r"\bcomments?\b.*\b(?:login|log in|sign in)\b", r"^(?:log\s*in|sign\s*in|register|subscribe) to (?:leave a )?comment",
    r"\bforgot (?:your )?password\b", r"\buser registration\b", r"\bfacebook (?:users|connect|account)\b",
    r"\b(?:share|follow us) on\b", r"^share\b", r"^advertisement$", r"^read more\b", r"^related\b",
    r"^go deeper(?:\s*\.\.\.)?$", r"\ball rights reserved\b", r"\bmay not be (?:published|reproduced)\b",
    r"^most (?:popular|read)\b", r"^trending\b", r"^sponsored\b", r"^click here\b", r"\bterms of (?:use|service)\b",
    r"\bprivacy policy\b", r"\bcookies?\b.*\b(?:accept|consent|policy)\b", r"^(?:recommended|more from|you may also like)\b",
    r"\bwhat'?s trending\b", r"^a mix of what", r"\buseful resources\b", r"\bshow comments\b", r"^\W*$",
]
RE_FURNITURE = re.compile("|".join(f"(?:{p})" for p in FURNITURE_PATTERNS), re.I)

# Section labels in the style of "Why it matters:" (never sources, never content).
RE_LINE_LABEL = re.compile(r"^((?:[A-Z][\w’'\-]*)(?:,? [\w’'\-]+){0,5}:)\s+(?=\S)")

KNOWN_OUTLETS = {
    "The Associated Press": [r"\bAssociated Press\b", r"\(AP\)\s*[—–-]"],
    "Reuters": [r"\bThomson Reuters\b", r"\(Reuters\)\s*[—–-]", r"^\s*Reporting by\b.*\bEditing by\b"],
    "Agence France-Presse": [r"\bAgence France-Presse\b", r"\(AFP\)\s*[—–-]"],
    "Bloomberg": [r"\bBloomberg L\.?P\.?\b", r"\(Bloomberg\)\s*[—–-]"],
}
# House styles recognisable from their section labels (two distinct hits needed).
HOUSE_STYLES = {
    "Axios": [r"^Why it matters:", r"^Driving the news:", r"^Go deeper\b", r"^The big picture:", r"^Between the lines:",
              r"^What they'?re saying:", r"^Yes, but:", r"^The bottom line:", r"^Zoom in:", r"^State of play:",
              r"^What'?s next:", r"^Flashback:", r"^Behind the scenes:", r"^By the numbers:", r"^Our thought bubble:"],
}
RE_SITE_ACCOUNT = re.compile(r"\b(?:with|to) your ([A-Z][\w.]+(?: [A-Z][\w.]+)?) account\b|\bregister with ([A-Z][\w.]+)\b")


@dataclass
class Line:
    start: int
    end: int  # exclusive, trimmed of surrounding whitespace
    text: str
    indent: int


@dataclass
class Ingested:
    """The result of ingest: the article row and its regions, in text order."""

    article: Article
    regions: list[Region] = field(default_factory=list)

    def body_regions(self) -> list[Region]:
        return [r for r in self.regions if r.role in (RegionRole.body.value, RegionRole.bullet.value, RegionRole.title.value)]


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            out.append(Line(s, s + len(stripped), stripped, lead))
        pos += len(raw) + 1
    return out


def words(s: str) -> int:
    return len(re.findall(r"[A-Za-z0-9’']+", s))


RE_QUOTE_SIGNED = re.compile(r"[\"”]\s*(?:—|–|--)\s*[A-Z]")


def is_prose(s: str, min_words: int = 5) -> bool:
    """A sentence-like line: enough words and a sentence end, a quotation signed with a dash,
    or a long run of words."""
    return words(s) >= min_words and bool(RE_SENTENCE_END.search(s) or RE_QUOTE_SIGNED.search(s)) or words(s) >= 25


def is_caption(s: str) -> bool:
    return bool(RE_PHOTO.search(s) or RE_CREDIT_TAIL.search(s) or RE_GETTY.search(s))


def is_furniture(s: str) -> bool:
    return bool(RE_FURNITURE.search(s.strip(" ·•|")))


def person_name_shape(s: str) -> bool:
    """'Barak Ravid', 'MATTHEW LEE', 'Jane van der Berg': 2-4 name words, nothing else."""
    toks = s.split()
    if not 2 <= len(toks) <= 4 or any(ch.isdigit() for ch in s) or s.endswith((".", ":", "?", "!")):
        return False
    particles = {"van", "der", "de", "da", "del", "la", "le", "bin", "al", "von"}
    return all(t[0].isupper() or t.lower() in particles for t in toks) and not is_furniture(s)


def normalise_name(s: str) -> str:
    s = " ".join(s.split()).strip(" ,.")
    if s.isupper():
        s = " ".join(w.capitalize() if not re.fullmatch(r"[A-Z]\.?", w) else w for w in s.split())
        s = re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), s)
    return s


def split_camel(s: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s)


def parse_date(s: str) -> Optional[str]:
    try:
        return dateparser.parse(s, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        return None


def looks_like_title(s: str, *, final_stop: bool = False) -> bool:
    n = words(s)
    return 3 <= n <= 30 and not is_caption(s) and not is_furniture(s) and not RE_BY.match(s) and \
        (final_stop or not s.endswith("."))


# a sentence end inside a line: a full stop after a word (not an abbreviation: 'Dr. Ben', 'U.S. Election', 'v. Wade')
RE_INNER_STOP = re.compile(r"(?:[a-z]{3,}|[0-9])[.!?][\"”’']?\s+[\"“‘']?[A-Z]|[!?][\"”’']?\s+[\"“‘']?[A-Z]")


def _titled_first_line(text: str, lines: list[Line]) -> bool:
    """Some archives end the headline with a full stop. The first line is still the title when it is one
    short sentence (at most 20 words) set off by a blank line from the body below it, or from a section
    label in capitals set off the same way ('SUMMARY.') and the body below that."""
    first = lines[0]
    nxt = 2 if len(lines) >= 3 and RE_SECTION_LABEL.match(lines[1].text) else 1
    return len(lines) >= 2 and words(first.text) <= 20 and re.search(r"[.?!][\"”’']?$", first.text) is not None and \
        not RE_INNER_STOP.search(first.text) and text[first.end:lines[1].start].count("\n") >= 2 and \
        looks_like_title(first.text, final_stop=True) and is_prose(lines[nxt].text)


# a section label on a line of its own under a title: one word in capitals ('SUMMARY.', 'NOTES:')
RE_SECTION_LABEL = re.compile(r"[A-Z]{3,}[.:]?$")


# ---------------------------------------------------------------- the plain-text reader


def ingest_text(article_id: str, text: str, path: Optional[str] = None, *, encoding_note: Optional[str] = None,
                hints: Optional[dict] = None, fmt: str = "text") -> Ingested:
    """Read a plain-text article into an Article and its Regions.

    ``hints`` may carry metadata known from elsewhere (title, outlet, published, url, byline ...);
    a hint wins over what the text suggests.
    """
    hints = {k: v for k, v in (hints or {}).items() if v not in (None, "")}
    lines = split_lines(text)
    if not lines:
        raise NoBody(path or article_id, "no text lines")
    meta: dict[str, Optional[str]] = {"title": None, "byline": None, "published": None, "section": None,
                                      "dateline": None, "outlet": None, "publisher": None}
    roles: list[tuple[Line, str, str]] = []  # (line, role, reason)

    body_start = next((i for i, ln in enumerate(lines) if is_prose(ln.text) and not is_caption(ln.text)
                       and not is_furniture(ln.text) and not RE_ISO_HEADER.match(ln.text)), None)
    if body_start is None:
        raise NoBody(path or article_id, "no article body found (no line reads as prose)")
    titled = "title" not in hints and _titled_first_line(text, lines)
    if body_start == 0 and titled:
        body_start = 1  # 'Poll: Two candidates hold narrow leads in the state.' over the story

    # ---- header zone
    for ln in lines[:body_start]:
        t = ln.text
        m_iso, m_month = RE_ISO_HEADER.match(t), RE_MONTH_HEADER.match(t)
        if m_iso or m_month:
            m = m_iso or m_month
            meta["published"] = meta["published"] or parse_date(m.group(1))
            rest = (m.group(2) or "").strip()
            if m_month and rest and words(rest) <= 3:
                meta["section"] = meta["section"] or rest
                roles.append((ln, RegionRole.header.value, "date and section line"))
            elif rest and looks_like_title(rest) and meta["title"] is None:
                cut = ln.start + t.index(rest)
                roles.append((Line(ln.start, cut, t[: cut - ln.start].strip(), 0), RegionRole.header.value, "date header"))
                roles.append((Line(cut, ln.end, rest, 0), RegionRole.title.value, "title after the date header"))
                meta["title"] = rest
            else:
                roles.append((ln, RegionRole.header.value if not rest else RegionRole.furniture.value,
                              "date header" + (" with page furniture" if rest else "")))
            continue
        m_by = RE_BY.match(t)
        if m_by:
            meta["byline"] = meta["byline"] or normalise_name(_strip_byline_org(m_by.group(1)))
            roles.append((ln, RegionRole.byline.value, "'By' line"))
        elif RE_READTIME.match(t) or is_furniture(t):
            roles.append((ln, RegionRole.furniture.value, "page furniture"))
        elif is_caption(t):
            roles.append((ln, RegionRole.caption.value, "photo caption or credit"))
        elif RE_ALL_CAPS_DATELINE.match(t) and t.upper() == t and meta["dateline"] is None:
            meta["dateline"] = t.strip(" -—–")
            roles.append((ln, RegionRole.dateline.value, "dateline"))
        elif meta["title"] is not None and meta["byline"] is None and person_name_shape(t):
            meta["byline"] = normalise_name(t)
            roles.append((ln, RegionRole.byline.value, "name line under the title"))
        elif meta["title"] is None and looks_like_title(t, final_stop=ln is lines[0] and (body_start == 1 or titled)):
            meta["title"] = t
            roles.append((ln, RegionRole.title.value, "first headline-shaped line"))
        elif words(t) <= 2 and t.islower():
            meta["section"] = meta["section"] or t
            roles.append((ln, RegionRole.header.value, "section name"))
        else:
            roles.append((ln, RegionRole.furniture.value, "short header line (image alt text or label)"))

    # ---- body zone
    after_copyright = False
    body_lines = lines[body_start:]
    for idx, ln in enumerate(body_lines):
        t = ln.text
        if after_copyright:
            roles.append((ln, RegionRole.furniture.value, "after the copyright line"))
            continue
        if RE_COPYRIGHT.match(t) or re.search(r"\ball rights reserved\b", t, re.I):
            after_copyright = True
            roles.append((ln, RegionRole.furniture.value, "copyright line"))
            continue
        m_by = RE_BY.match(t)
        if m_by and words(t) <= 12:
            if meta["byline"] is None:
                meta["byline"] = normalise_name(_strip_byline_org(m_by.group(1)))
            roles.append((ln, RegionRole.byline.value, "'By' line"))
            continue
        m_dl = RE_WIRE_DATELINE.match(t)
        if m_dl and words(t) <= 6:
            meta["dateline"] = meta["dateline"] or m_dl.group(1).strip()
            roles.append((ln, RegionRole.dateline.value, "wire dateline"))
            continue
        if not is_prose(t) and is_caption(t):  # (the cheap test first)
            roles.append((ln, RegionRole.caption.value, "photo caption or credit"))
            continue
        if not is_prose(t) and is_furniture(t):
            roles.append((ln, RegionRole.furniture.value, "page furniture"))
            continue
        m_b = RE_BULLET.match(text[ln.start - ln.indent: ln.end]) if ln.indent else RE_BULLET.match(t)
        role = RegionRole.bullet.value if (m_b or t[:1] in "•▪●◦") else RegionRole.body.value
        start = ln.start
        if t[:1] in "•-*–·▪●◦" and len(t) > 2 and (t[1] == " " or t[:1] in "-–•" and t[1].isupper()):
            # (an item's mark, also glued to its first word: '-Dana Morrow thinks ... [Ledger]')
            start = ln.start + (2 if t[1] == " " else 1)
            while start < ln.end and text[start] == " ":
                start += 1
        sig = _signs_quotation(t, body_lines, idx)
        if sig:  # '- Jane Doe.' under a quotation: its speaker, named after the dash
            start = ln.start + sig
        elif not is_prose(t, min_words=3) and not _is_headline_in_body(t, body_lines, idx) and not _introduces_block(t):
            roles.append((Line(start, ln.end, text[start:ln.end], 0), RegionRole.furniture.value, "short line in the body zone"))
            continue
        m_lab = RE_LINE_LABEL.match(text[start:ln.end])
        if m_lab and _label_ok(m_lab.group(1), text[start + m_lab.end():ln.end]):
            lab_end = start + len(m_lab.group(1))
            roles.append((Line(start, lab_end, m_lab.group(1), 0), RegionRole.label.value, "section label"))
            start = start + m_lab.end()
        roles.append((Line(start, ln.end, text[start:ln.end], 0), role, "bullet item" if role == "bullet" else "paragraph"))

    # ---- outlet and publisher
    meta["outlet"], meta["publisher"] = _outlet_and_publisher(text, lines)
    for k in list(meta):
        if k in hints:
            meta[k] = str(hints[k])

    regions = [Region(id=f"{article_id}:r{i}", article=article_id, role=role, start=ln.start, end=ln.end,
                      text=text[ln.start:ln.end], reason=reason)
               for i, (ln, role, reason) in enumerate(sorted(roles, key=lambda r: r[0].start))]
    body_words = sum(words(r.text) for r in regions if r.role in ("body", "bullet"))
    if body_words == 0:
        raise NoBody(path or article_id, "no article body found")
    article = Article(
        id=article_id, path=path, sha256=sha256_text(text), title=meta["title"], outlet=meta["outlet"],
        publisher=meta["publisher"], byline=meta["byline"], published=hints.get("published") and str(hints["published"])[:10] or meta["published"],
        url=hints.get("url"), section=meta["section"], dateline=meta["dateline"], language=hints.get("language", "en"),
        format=fmt, text=text, words=body_words, encoding_note=encoding_note, ingested_at=now_iso())
    return Ingested(article, regions)


RE_SPEECH_WORD = re.compile(r"\b(?:said|says|say|told|tells|tell|added|adds|wrote|writes|tweeted|posted|stated|"
                            r"declared|announced|warned|asked|replied|insisted|explained|noted|argued)\b", re.I)


RE_WIRE_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][A-Za-z .]{2,30})?)\s*\((?:AP|Reuters|AFP|Bloomberg|dpa|UPI)\)\s*[-—–]*\s*$")
RE_BYLINE_ORG = re.compile(r",\s*(?:The\s+)?(?:Associated Press|AP|Reuters|AFP|Agence France-Presse|Bloomberg(?: News)?|"
                           r"[A-Z][\w.]*(?: [A-Z][\w.]*)* (?:Staff|Writer|Correspondent|Reporter|Editor)s?|Staff Writer|"
                           r"staff|correspondent)\s*$", re.I)


def _strip_byline_org(s: str) -> str:
    """'Matthew Lee, Associated Press' -> 'Matthew Lee'."""
    return RE_BYLINE_ORG.sub("", s).strip()


def _label_ok(label: str, rest: str = "") -> bool:
    """A section label ("Why it matters:"), not a colon attribution ('The minister said: "...'
    or 'Romeo: "...'): no speech verb in it, and no quotation right after it."""
    core = label.rstrip(":").strip()
    if rest.lstrip()[:1] in "\"“«'‘" and (all(w[:1].isupper() for w in core.split()) or re.search(r"\b[a-z]{3,}ed\b", core)):
        return False  # 'Chairwoman Rosenworcel: "..."' names a speaker; 'Rubio fired back:' is one speaking
    if re.match(r"As\s+(?!of\b)\S+.*\s\S+$", core) and words(core) >= 3:
        return False  # an as-clause ('As the mayor put it:') attributes what follows it
    return words(core) <= 6 and not re.search(r"\d", core) and not RE_SPEECH_WORD.search(core)


def _introduces_block(t: str) -> bool:
    """'Morrow writes:': a short line that ends with a colon after a verb of speech with a word before it (its
    speaker) introduces the block quotation under it; it is no page furniture ('Posted in:', 'Tell us what you
    think:' are)."""
    if not t.rstrip().endswith(":") or words(t) < 2:
        return False
    m = RE_SPEECH_WORD.search(t)
    return m is not None and re.search(r"\w", t[:m.start()]) is not None


# a line that is a dash and a name, with a few words after it ('- Jane Doe.', '—Sen. Jane Doe', '-Jane Doe, speaking in Ohio.')
RE_DASH_SIGNED_LINE = re.compile(r"^((?:—|–|―|--?)\s*)[A-Z][\w.'’\-]*(?:,?\s+[\w.'’\-]+){0,7}\.?$")
RE_ENDS_IN_QUOTATION = re.compile(r"(?:[\"”]|'')[.]?$")


def _signs_quotation(t: str, body_lines: list[Line], idx: int) -> int:
    """Is the line a dash and a name right under a paragraph that ends in a quotation, the quotation's speaker
    named on the line after it? The length of the dash and its spaces (0: no)."""
    m = RE_DASH_SIGNED_LINE.match(t)
    if m is None or idx == 0 or not RE_ENDS_IN_QUOTATION.search(body_lines[idx - 1].text):
        return 0
    return len(m.group(1))


def _is_headline_in_body(t: str, body_lines: list[Line], idx: int) -> bool:
    """A headline-shaped line inside the body, e.g. 'Go deeper: Iran's president says deal ...'."""
    m = RE_LINE_LABEL.match(t)
    core = t[m.end():] if m else t
    return m is not None and words(core) >= 4 and not is_furniture(core)


def _outlet_and_publisher(text: str, lines: list[Line]) -> tuple[Optional[str], Optional[str]]:
    outlet = None
    for name, pats in KNOWN_OUTLETS.items():
        if any(re.search(p, ln.text) for p in pats for ln in lines if RE_COPYRIGHT.match(ln.text) or "(" in ln.text or "Reporting by" in ln.text):
            outlet = name
            break
    if outlet is None:
        for name, pats in HOUSE_STYLES.items():
            hits = {p for p in pats for ln in lines if re.search(p, ln.text)}
            if len(hits) >= 2:
                outlet = name
                break
    publisher = None
    for ln in lines:
        m = RE_SITE_ACCOUNT.search(ln.text)
        if m:
            site = (m.group(1) or m.group(2)).strip(".")
            if site.lower() not in {"facebook", "google", "twitter", "apple", "x"}:
                publisher = split_camel(site)
                break
    if publisher is None:
        holders = [re.sub(r"^\W*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?", "", ln.text, flags=re.I).split(".")[0].strip()
                   for ln in lines if RE_COPYRIGHT.match(ln.text)]
        others = [h for h in holders if h and (outlet is None or outlet.split()[-1] not in h)]
        if others and outlet is not None:
            publisher = others[0]
    if outlet is None and publisher is None:
        holders = [ln.text for ln in lines if RE_COPYRIGHT.match(ln.text)]
        if holders:
            outlet = re.sub(r"^\W*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?", "", holders[0], flags=re.I).split(".")[0].strip() or None
    if publisher and outlet and publisher.lower() == outlet.lower():
        publisher = None
    return outlet, publisher


def article_id_for(path: Path) -> str:
    name = path.name
    return name.rsplit(".", 1)[0] if "." in name else name


def read_input_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of an input file, read only when it is a regular file (a FIFO would block the batch, a
    device such as /dev/zero never ends), and never more than ``max_bytes`` (the size is checked
    before reading, and again while reading: a file may grow, and /proc files report no size)."""
    name = str(path)
    try:
        st = os.stat(path)
    except OSError as e:
        raise InputError(name, os_problem(path, e)) from None
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(name, not_regular(path, st.st_mode))
    if max_bytes and st.st_size > max_bytes:
        raise TooLarge(name, f"{st.st_size:,} bytes is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise InputError(name, os_problem(path, e)) from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):  # replaced between stat and open
            raise NotRegularFile(name, not_regular(path, st.st_mode))
        try:
            data = fh.read(max_bytes + 1) if max_bytes else fh.read()
        except OSError as e:
            raise InputError(name, os_problem(path, e)) from None
    if max_bytes and len(data) > max_bytes:
        raise TooLarge(name, f"over the size limit of {max_bytes:,} bytes while reading (it grew after its size was "
                             f"checked; raise the limit with --max-bytes)")
    return data


FILE_KINDS = [(stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
              (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def not_regular(path: Path, mode: int) -> str:
    kind = next((what for test, what in FILE_KINDS if test(mode)), "not a regular file")
    link = f"a symbolic link to {os.readlink(path)}, which is " if os.path.islink(path) else ""
    return f"{link}{kind}, not a regular file: only regular files are read"


def os_problem(path: Path, e: OSError) -> str:
    """What an OSError met when opening an input means, in one phrase."""
    if e.errno == errno.ELOOP:
        return "symbolic link loop (the link points, directly or not, to itself)"
    if e.errno == errno.ENOENT and os.path.islink(path):
        return f"broken symbolic link (it points to {os.readlink(path)}, which does not exist)"
    if e.errno == errno.ENOENT:
        return "no such file"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read: {e.strerror or e}"


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Ingested:
    """Read one plain-text article file."""
    name = str(path)
    data = read_input_bytes(path, max_bytes)
    text, note = decode_bytes(data, name, max_bytes)
    text = unicodedata.normalize("NFC", text)
    return ingest_text(article_id_for(path), text, name, encoding_note=note)
