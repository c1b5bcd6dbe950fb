#!/usr/bin/env python3
"""Generate the hostile corpus: over 60 inputs a hostile or careless user could hand to `claims build`.

Empty, blank and binary files (PNG, PDF, gzip, ELF), UTF-16 with and without byte order mark, UTF-8 with
BOM, cp1252, mixed encodings, NUL bytes, a file over the size limit, 10 MB single lines (of plain sentences,
and of quoted speech), deep, malformed
and script-only HTML, entity floods and an entity bomb, broken JSONL and CSV rows, symbolic links (a loop,
to a device, to a system file, to nowhere), a FIFO, odd file names (not UTF-8, newlines, quotes, 200
characters), quote storms, right-to-left and zero-width text, a 50,000-sentence article, duplicates and
ids that collide. Nothing is committed but this script: the test and the benchmark make the corpus.

``generate(out, scale)`` writes it and returns the manifest: for every input (a file, or a batch row
'file:row N'), ``("stored", article_id)`` or ``("refused", words the reason must contain)``. ``scale``
"full" makes the sizes the issue names (a 10 MB line, 16,000 quote marks, 5,000 quoted paragraphs, a
50,000-sentence article); "small" makes the same kinds of input, smaller, for the test suite.

    .venv/bin/python scripts/gen_hostile.py bench/out/hostile --scale full
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import sys
from pathlib import Path

SIZES = {
    "full": {"line_bytes": 10_000_000, "storm_marks": 16_000, "quoted_paragraphs": 5_000, "sentences": 50_000,
             "entities": 1_000_000, "paragraphs": 20_000, "long_word": 1_000_000, "deep_html": 100_000},
    "small": {"line_bytes": 200_000, "storm_marks": 4_000, "quoted_paragraphs": 500, "sentences": 5_000,
              "entities": 100_000, "paragraphs": 2_000, "long_word": 100_000, "deep_html": 10_000},
}
MAX_BYTES = 10 * 1024 * 1024  # claims build's default --max-bytes

PLACES = ["Springfield", "Riverton", "Lakeside", "Hillview", "Portmouth", "Eastbrook", "Millbrook", "Fairhaven"]
THINGS = ["bridge", "library", "clinic", "harbour", "rail line", "school", "market", "water plant"]
PEOPLE = ["Ann Lee", "Omar Haddad", "Grace Novak", "Kenji Sato", "Lucia Rossi", "Femi Okafor", "Noa Levi", "Ivan Petrov"]


def article(i: int, title: str | None = None) -> str:
    """A short news article, different for every i (so no two are duplicates)."""
    place, thing, person = PLACES[i % 8], THINGS[(i // 8) % 8], PEOPLE[(i // 64 + i) % 8]
    return (f"{title or f'{place} council votes on the {thing}'} ({i})\n\n"
            f"The {place} council voted on Monday to repair the {thing}, the mayor said in a statement, adding that "
            f"work would begin in {i % 11 + 2} weeks and cost {i * 7 + 13} thousand dollars.\n\n"
            f"“This is a good day for {place},” council member {person} told reporters after vote number {i}.\n\n"
            f"Residents have asked for the work since {1990 + i % 30}, according to a local petition.\n")


def html_page(i: int, body: str = "", head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in article(i).split("\n\n")[1:] if p.strip())
    return (f"<!doctype html><html lang=\"en\"><head><title>Page {i}</title>{head}</head><body><article>"
            f"<h1>{PLACES[i % 8]} page {i} about the council vote</h1>{paras}{body}</article></body></html>")


class Corpus:
    def __init__(self, out: Path):
        self.out = out
        self.manifest: dict[str, tuple[str, str]] = {}

    def path(self, name: str | bytes) -> Path:
        p = Path(os.fsdecode(self.out / os.fsdecode(name)))
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def file(self, name, data: str | bytes, expect: str, what: str, encoding: str = "utf-8") -> Path:
        p = self.path(name)
        p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        self.expect(name, expect, what)
        return p

    def expect(self, name, expect: str, what: str) -> None:
        key = os.fsencode(name).decode("utf-8", "backslashreplace") if isinstance(name, bytes) else str(name)
        self.manifest[key] = (expect, what)


def generate(out: Path, scale: str = "small", seed: int = 14) -> dict[str, tuple[str, str]]:
    """Write the corpus into ``out`` (emptied first) and return its manifest (see the module docstring)."""
    size = SIZES[scale]
    rnd = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    c = Corpus(out)
    n = iter(range(100, 10_000))

    def good(name: str, encoding: str = "utf-8", text: str | None = None) -> None:
        c.file(name, text or article(next(n)), "stored", Path(name).name.rsplit(".", 1)[0], encoding)

    # ---- empty, blank, binary
    c.file("empty.txt", b"", "refused", "empty file")
    c.file("whitespace.txt", b"  \n\t\n\r\n   \n", "refused", "empty file")
    c.file("binary/png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rnd.randrange(256) for _ in range(4000)),
           "refused", "binary data")
    c.file("binary/pdf.txt", b"%PDF-1.4\n1 0 obj << /Length 2000 >>\nstream\n" + bytes(rnd.randrange(256) for _ in range(2000))
           + b"\nendstream\nendobj\n%%EOF\n", "refused", "binary data")
    c.file("binary/gzip.txt", gzip.compress(article(1).encode(), mtime=0), "refused", "binary data")
    c.file("binary/elf.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(8) + bytes(rnd.randrange(256) for _ in range(3000)),
           "refused", "binary data")
    c.file("binary/nul_early.txt", article(2).encode()[:40] + b"\x00" + article(2).encode()[40:], "refused", "binary data")
    c.file("binary/nul_late.txt", (article(3) * 60).encode() + b"\x00\n", "refused", "binary data")
    c.file("binary/control_bytes.txt", bytes(range(1, 9)) * 400 + article(4).encode(), "refused", "binary data")
    big = c.path("over_the_size_limit.txt")
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: refused from its size before it is read
    c.expect("over_the_size_limit.txt", "refused", "over the size limit")
    c.file("no_prose.txt", "Home\nNews\nSports\nWeather\n12 34\nLogin\n", "refused", "no article body")

    # ---- encodings
    good("encodings/utf16_bom.txt", "utf-16")
    good("encodings/utf16be_bom.txt", "utf-16")  # (utf-16 writes its BOM in native order)
    c.file("encodings/utf16le_no_bom.txt", article(next(n)).encode("utf-16-le"), "stored", "utf16le_no_bom")
    c.file("encodings/utf16be_no_bom.txt", article(next(n)).encode("utf-16-be"), "stored", "utf16be_no_bom")
    c.file("encodings/utf8_bom.txt", b"\xef\xbb\xbf" + article(next(n)).encode(), "stored", "utf8_bom")
    good("encodings/cp1252.txt", "cp1252", article(next(n)).replace("council", "café council"))
    good("encodings/latin1.txt", "latin-1", article(next(n)).replace("“", '"').replace("”", '"').replace("council", "conseil élu"))
    mixed = article(next(n)).encode() + "“We will not give up,” the union leader said after the vote.\n".encode("cp1252")
    c.file("encodings/mixed_utf8_cp1252.txt", mixed, "stored", "mixed_utf8_cp1252")
    c.file("encodings/crlf.txt", article(next(n)).replace("\n", "\r\n").encode(), "stored", "crlf")
    c.file("encodings/cr_only.txt", article(next(n)).replace("\n", "\r").encode(), "stored", "cr_only")

    # ---- long and many
    def one_line(title: str, sentence: str) -> str:
        lead = f"{title} ({next(n)})\n\nThe mayor said the bridge would reopen soon. "
        parts, total, k = [lead], len(lead), 0
        while total < size["line_bytes"] - 200:
            parts.append(sentence.format(k, PLACES[k % 8], PEOPLE[k % 8]))
            total += len(parts[-1].encode())
            k += 1
        return "".join(parts) + "\n"

    # 10 MB on one line, of plain sentences: cut into pieces, sentence-split, stored
    c.file("long/one_line.txt", one_line("One line for the whole article", "Traffic was heavy near the river on "
           "day {} in {}. "), "stored", "one_line")
    # and of quoted speech: every sentence parsed in full. At full size that is more than one article may
    # have parsed (claims.segment.MAX_PARSE_CHARS), refused at once; the small one is stored.
    c.file("long/one_line_of_speech.txt", one_line("One line of quotations", "“We finished part {} in {},” {} said. "),
           *(("refused", "characters of sentences with quote marks or cue words to parse") if scale == "full"
             else ("stored", "one_line_of_speech")))
    sents = []
    for k in range(size["sentences"]):
        if k % 50 == 0:
            sents.append(f"“We will finish section {k},” engineer {PEOPLE[k % 8]} said.")
        else:
            sents.append(f"Crews worked on section {k} of the {THINGS[k % 8]} in {PLACES[k % 8]}.")
    paras = [" ".join(sents[i:i + 10]) for i in range(0, len(sents), 10)]
    c.file("long/fifty_thousand_sentences.txt", f"A very long article of {len(sents)} sentences\n\n" + "\n\n".join(paras) + "\n",
           "stored", "fifty_thousand_sentences")
    c.file("long/many_paragraphs.txt", "Many short paragraphs\n\n" + "\n\n".join(
        f"The {THINGS[k % 8]} in {PLACES[k % 8]} was inspected again on day {k}." for k in range(size["paragraphs"])) + "\n",
        "stored", "many_paragraphs")
    c.file("long/blank_lines.txt", article(next(n)).replace("\n\n", "\n" * 20_000, 2), "stored", "blank_lines")
    c.file("long/long_word.txt", f"A word without end\n\nThe mayor said the vote was close. {'x' * size['long_word']}. "
           f"Officials said the count would be checked again on Tuesday.\n", "stored", "long_word")

    # ---- quotes
    words = "the council said that the plan would fail because nobody wanted it".split()
    c.file("quotes/quote_storm.txt", "A paragraph of quote marks\n\nThe mayor said the budget was balanced on Monday.\n\n"
           + " ".join(f'"{rnd.choice(words)}' for _ in range(size["storm_marks"])) + ".\n", "stored", "quote_storm")
    c.file("quotes/curly_storm.txt", "A storm of curly marks\n\nThe mayor said the budget was balanced on Tuesday.\n\n"
           + " ".join(rnd.choice("“”‘’«»„") + rnd.choice(words) for _ in range(size["storm_marks"])) + ".\n",
           "stored", "curly_storm")
    c.file("quotes/quoted_paragraphs.txt", "Quotes in every paragraph\n\n" + "\n\n".join(
        f"“We will rebuild bridge {k} by spring,” the mayor said." for k in range(size["quoted_paragraphs"])) + "\n",
        "stored", "quoted_paragraphs")
    c.file("quotes/unbalanced.txt", "Marks that never close\n\n" + "\n\n".join(
        f"The official said “the plan {k} is dead and ”everyone knows it“ while critics said \"it is not." for k in range(200))
        + "\n", "stored", "unbalanced")

    # ---- scripts and invisible characters
    c.file("text/rtl.txt", "Election results announced in two languages\n\n"
           "The election commission said on Sunday that turnout reached 61 percent across the region.\n\n"
           "وقال المتحدث باسم اللجنة إن النتائج النهائية ستعلن يوم الاثنين بعد فرز جميع الأصوات.\n\n"
           "“הבחירות עברו בשקט,” said a spokesperson for the commission, who gave her name as Noa.\n", "stored", "rtl")
    zw = "\u200b\u200c\u200d\u2060\ufeff\u202e\u202d\u2066\u2069"
    c.file("text/zero_width.txt", "Invisible characters in the text\n\n" + "".join(
        ch + w for w, ch in zip(zw * 40, "The mayor said on Monday that the bridge would reopen next week after the repairs. " * 3))
        + "\n\n“Everything is on schedule,” the city\u200b engineer\u202e told\u202c reporters.\n", "stored", "zero_width")
    c.file("text/ansi_escapes.txt", "Colours in the terminal\n\n\x1b[31mThe mayor said on Monday\x1b[0m that the bridge would "
           "reopen next week after repairs were finished, and \x1b[1mcouncil members\x1b[0m agreed on the schedule.\n",
           "stored", "ansi_escapes")
    c.file("text/emoji.txt", "Reactions online 😀🔥\n\nThe mayor said on Monday 👍 that the bridge would reopen next week "
           "after repairs, and residents 🎉 welcomed the news.\n", "stored", "emoji")

    # ---- HTML
    c.file("html/good.html", html_page(next(n), head='<script type="application/ld+json">{"@type": "NewsArticle", '
           '"headline": "A good page", "author": {"@type": "Person", "name": "Ann Lee"}}</script>'), "stored", "good")
    c.file("html/scripts_only.html", "<html><head><script>var a = 1;</script></head><body><script>alert(1)</script>"
           "<style>p{}</style></body></html>", "refused", "no main text")
    c.file("html/not_html.html", "just some words without any tags at all in a file named like a page", "refused",
           "not an HTML page")
    depth = size["deep_html"]
    c.file("html/deep.html", "<html><body>" + "<div>" * depth + "<p>" + article(next(n)).replace("\n\n", "</p><p>")
           + "</p>" + "</div>" * depth + "</body></html>", "refused", "no main text")  # past the parser's depth
    c.file("html/malformed.html", "<html><body><p>The mayor said on Monday that the bridge <b><i>would reopen</b></i> next "
           "week after repairs <p>were finished, the council said.<div><span></p></div><table><tr><td>cell<p>“It is a good "
           "day,” a resident told reporters.</td></p></html></body><<<>>>&&&;;</html>", "stored", "malformed")
    c.file("html/entities.html", html_page(next(n), body="<p>" + "&amp;" * size["entities"] + "</p>"), "stored", "entities")
    c.file("html/nbsp_words.html", html_page(next(n), body="<p>" + "word&nbsp;" * (size["entities"] // 5) + "</p>"),
           "stored", "nbsp_words")
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;'
            '&lol;&lol;&lol;">' + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(3, 10))
            + ']>')
    c.file("html/entity_bomb.html", bomb + html_page(next(n), body="<p>&lol9;</p>"), "stored", "entity_bomb")
    c.file("html/huge_attribute.html", html_page(next(n), body=f'<p data-x="{"y" * 2_000_000}">More text here.</p>'),
           "stored", "huge_attribute")
    c.file("html/big_script.html", html_page(next(n), head="<script>" + "var x = 1;\n" * 200_000 + "</script>"),
           "stored", "big_script")

    # ---- batches
    rows = [json.dumps({"id": f"jsonl-{k}", "text": article(next(n)), "outlet": "Batch News"}) for k in range(3)]
    bad_rows = ['{"id": "broken", "text": "unterminated', '["not", "an", "object"]', json.dumps({"id": "no-text"}),
                json.dumps({"id": "jsonl-0", "text": article(next(n))}),
                '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
                '{"id": "surrogate", "text": "The mayor said \\ud800 the bridge would reopen next week after repairs."}']
    lines = [rows[0], bad_rows[0], rows[1], bad_rows[1], bad_rows[2], bad_rows[3], bad_rows[4], bad_rows[5], rows[2]]
    data = "\n".join(lines).encode() + b"\n" + b'{"id": "latin", "text": "caf\xe9 owners said the rent is too high."}\n'
    c.file("batches/articles.jsonl", data, "batch", "")
    for k, (what, reason) in enumerate([("stored", "jsonl-0"), ("refused", "malformed JSON line"), ("stored", "jsonl-1"),
                                        ("refused", "not an object"), ("refused", "no text or html"),
                                        ("refused", "already taken"), ("refused", "nested too deeply"),
                                        ("refused", "lone surrogate"), ("stored", "jsonl-2"), ("refused", "not UTF-8")], 1):
        c.expect(f"batches/articles.jsonl:row {k}", what, reason)
    del c.manifest["batches/articles.jsonl"]
    csv_rows = [f'csv-{k},"{article(next(n))}",Wire' for k in range(2)]
    csv_data = ("id,text,outlet\n" + csv_rows[0] + "\nshort,row\n").encode() + 'latin,"caf\xe9 owners said it",Wire\n'.encode(
        "cp1252") + (csv_rows[1] + "\n").encode()
    c.file("batches/wire.csv", csv_data, "batch", "")
    for k, (what, reason) in enumerate([("stored", "csv-0"), ("refused", "columns where the header has"),
                                        ("refused", "not UTF-8"), ("stored", "csv-1")], 1):
        c.expect(f"batches/wire.csv:row {k}", what, reason)
    del c.manifest["batches/wire.csv"]
    c.file("batches/empty.jsonl", "\n\n", "refused", "no rows")
    c.file("batches/header_only.csv", "id,text,url\n", "refused", "header row but no data rows")
    c.file("batches/empty.csv", "", "refused", "empty CSV file")

    # ---- file system
    os.mkfifo(c.path("fs/fifo.txt"))
    c.expect("fs/fifo.txt", "refused", "FIFO")
    c.path("fs/loop.txt").symlink_to("loop.txt")
    c.expect("fs/loop.txt", "refused", "symbolic link loop")
    c.path("fs/dev_zero.txt").symlink_to("/dev/zero")
    c.expect("fs/dev_zero.txt", "refused", "character device")
    c.path("fs/nowhere.txt").symlink_to("does-not-exist.txt")
    c.expect("fs/nowhere.txt", "refused", "broken symbolic link")
    c.path("fs/passwd.txt").symlink_to("/etc/passwd")
    c.expect("fs/passwd.txt", "refused", "no article body")
    real = c.file("fs/target/real.txt", article(next(n)), "refused", "duplicate of")  # read after the link to it
    c.path("fs/linked_good.txt").symlink_to(real.relative_to(real.parent.parent))
    c.expect("fs/linked_good.txt", "stored", "linked_good")
    good("fs/folder.txt/inside.txt")  # a folder whose name looks like a file
    c.file("fs/image.png", b"\x89PNG\r\n\x1a\n", "ignored", "")  # other extensions are not inputs
    c.file("fs/.hidden.txt", article(next(n)), "ignored", "")
    del c.manifest["fs/image.png"], c.manifest["fs/.hidden.txt"]

    # ---- names
    c.file(b"names/bad\xffname.txt", article(next(n)), "refused", "file name is not UTF-8")
    for name in ["naïve café.txt", "spaces and\ttab.txt", "new\nline.txt", "-starts-with-dash.txt", "名前のファイル.txt",
                 "quote'dq\"semi;colon.txt", "emoji 😀.txt", "UPPER.TXT", "notes.md", "plain.text", "x" * 200 + ".txt"]:
        good(f"names/{name}")

    # ---- duplicates and collisions
    dup = article(next(n))
    c.file("dups/a_original.txt", dup, "stored", "a_original")
    c.file("dups/b_copy.txt", dup, "refused", "duplicate of")
    c.file("dups/one/story.txt", article(next(n)), "stored", "story")
    c.file("dups/two/story.txt", article(next(n)), "refused", "already taken")
    return c.manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--scale", choices=sorted(SIZES), default="full")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args(argv)
    manifest = generate(args.out, args.scale, args.seed)
    (args.out.parent / f"{args.out.name}.manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    stored = sum(1 for e, _ in manifest.values() if e == "stored")
    print(f"{len(manifest)} inputs ({stored} to store, {len(manifest) - stored} to refuse) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
