"""Ingest: bytes from a file or stdin → a clean Article (metadata + immutable body).

Decoding, control-character stripping, Unicode/line-ending normalisation happen
once here, before hashing, so the same article always hashes the same.
"""
from __future__ import annotations

import hashlib
from .extract import re_cached as re  # the re module, compiled code read from a file (extract/re_cached.py)
import unicodedata
from pathlib import Path

from .errors import BadInput
from .limits import DEFAULT_MAX_BYTES
from .extract.datelines import DATELINE
from .model import Article, ArticleMeta
from .typed_text import printable, strip_controls, typed_name, typed_text  # noqa: F401  (re-exported)

IMPORTABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# what an article read from standard input (`workbench import -`) is called where a file's path would be: its
# origin in the store, the import's line, messages; "-" looked like a missing name
STDIN_ORIGIN = "[stdin]"

_NON_TEXT_BYTES = tuple(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# what a binary file is, by its first bytes, so the refusal can say what was given
_BINARY_KINDS = {b"%PDF": "a PDF", b"\x89PNG": "a PNG image", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image",
                 b"PK\x03\x04": "a zip archive (or a Word/ODF document)", b"\x7fELF": "a program",
                 b"\x1f\x8b": "a gzip archive"}
_BINARY_MAGIC = tuple(_BINARY_KINDS)


def _size(n: int) -> str:
    """1000000 → "1 MB", 100000 → "100 kB": the limit as a person reads it."""
    # one decimal at most: the default limit is 20 MiB, which :g printed as "20.9715 MB"
    value, unit = (n / 1e6, "MB") if n >= 1_000_000 else (n / 1e3, "kB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def read_article(
    path: str | Path,
    *,
    url: str | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one file (or "-" for stdin) into an Article; raise BadInput with a next step."""
    if str(path) == "-":
        import sys

        data = read_limited(sys.stdin.buffer, max_bytes)
        return parse_article(data, origin=STDIN_ORIGIN, url=url, outlet=outlet, max_bytes=max_bytes)
    p = Path(path)
    shown = printable(str(p))
    if not p.exists():
        raise BadInput(f"{shown}: no such file or folder; check the path")
    if not p.is_file():
        raise BadInput(f"{shown}: not a regular file")
    size = p.stat().st_size
    if size > max_bytes:
        given, limit = f"{size / 1e6:.1f} MB", _size(max_bytes)
        if given.replace(".0 ", " ") == limit:  # "21.0 MB is over the 21 MB limit" (20 MiB) read as a bug
            given, limit = f"{size:,} bytes", f"{max_bytes:,}-byte"
        raise BadInput(f"{shown}: {given} is over the {limit} limit; split the file or raise --max-bytes")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BadInput(f"{shown}: cannot read ({exc.strerror}); check its permissions") from exc
    return parse_article(data, origin=shown, url=url, outlet=outlet, max_bytes=max_bytes, suffix=p.suffix)


def read_limited(stream, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes (one over says "too big"), read in pieces: read(max_bytes + 1) sets
    that much memory aside first, and a --max-bytes of 10^30 was an OverflowError."""
    pieces, total = [], 0
    while total <= max_bytes:
        piece = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    return b"".join(pieces)


def parse_article(
    data: bytes,
    *,
    origin: str,
    url: str | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    suffix: str = "",
) -> Article:
    """Turn raw bytes into an Article; `suffix` (".html", ".md", ...) picks the parser."""
    if len(data) > max_bytes:
        raise BadInput(f"{origin}: over the {_size(max_bytes)} limit; split it or raise --max-bytes")
    if not data.strip():
        raise BadInput(f"{origin}: the file is empty; nothing to import")
    text = clean_text(decode_bytes(data, origin))
    suffix = suffix.lower()
    if suffix in (".html", ".htm") or (not suffix and _looks_like_html(text)):
        meta, body = _parse_html(text)
    elif suffix in (".md", ".markdown"):
        meta, body = _parse_markdown(text)
    else:
        meta, body = parse_plain_text(text)
    body = body.strip("\n ")
    if not body.strip():
        raise BadInput(f"{origin}: no article text found after removing page chrome")
    if not any(ch.isalnum() for ch in body):  # stops at the first letter or digit
        # "-----", ".", a stray newline and a dot: nothing a reviewer could check, and a row to delete
        raise BadInput(f"{origin}: no words in the file; nothing to import")
    meta = ArticleMeta(
        headline=meta.headline,
        deck=meta.deck,
        byline=meta.byline,
        outlet=typed_name(outlet) or meta.outlet,  # reached every reviewer raw, as the reviewer's name did
        url=typed_name(url) or meta.url,
        published=meta.published,
        dateline=meta.dateline or find_dateline(body),
    )
    return Article(meta=meta, body=body, sha256=body_sha256(body), origin=origin)


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, origin: str = "input") -> str:
    """Decode with BOMs honoured, UTF-8 first, then UTF-16, then cp1252/Latin-1.

    Western newsrooms' non-UTF-8 files are nearly always cp1252, whose £ is
    0xA3 as in Latin-1; charset-normalizer is asked only when NULs suggest UTF-16.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(_BINARY_MAGIC):
        kind = next(name for magic, name in _BINARY_KINDS.items() if data.startswith(magic))
        raise BadInput(f"{origin}: this is a binary file ({kind}), not text; save the article as text or HTML")
    nuls = data.count(b"\x00")
    if nuls:
        sample = data[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if max(even, odd) > len(sample) // 4 and min(even, odd) < len(sample) // 50:
            return data.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
        if nuls > max(8, len(data) // 100):
            raise BadInput(f"{origin}: this looks like a binary file, not text; save the article as text or HTML")
    sample = data[:65536]
    # what deleting them takes away: one pass over the sample, where a count per byte value made 27
    controls = len(sample) - len(sample.translate(None, bytes(_NON_TEXT_BYTES)))
    if controls > len(sample) // 20:
        raise BadInput(f"{origin}: this looks like a binary file, not text; save the article as text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding in ("utf_16", "utf_16_le", "utf_16_be", "utf_32"):
        return data.decode(best.encoding, errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def clean_text(text: str) -> str:
    """Normalise line endings and Unicode (NFC); strip terminal escapes and control characters."""
    text = unicodedata.normalize("NFC", strip_controls(text))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


# ---------------------------------------------------------------- plain text

_CHROME = {
    "close", "menu", "share", "share this", "advertisement", "skip to content", "skip to main content",
    "sign in", "log in", "subscribe", "home", "search", "print", "email", "tweet", "facebook",
    "twitter", "whatsapp", "comments", "read more", "related", "x", "×", "back to top",
    "abstract",  # archive exports put a lone "ABSTRACT." label between headline and text
}
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_LINE = re.compile(
    rf"""^(?:(?:updated|published|posted)[:\s]+)?
        (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
        (?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTHS})\.?,?\s+(?P<y1>\d{{4}})
          |(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})
          |(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))
        (?:[\s,]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?
        (?:\s*[·|•—–-]\s*[^.!?]{{1,40}})?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^by\s+(?P<who>.+?)\s*$", re.IGNORECASE)
# clipping services and newsroom systems label their header fields: "Headline: …", "Byline: …", "Source: …";
# a saved e-mail (a press release) its subject, and its sender and recipients, which are dropped
_LABELLED = re.compile(r"^(?P<label>headline|title|subject|deck|standfirst|subhead(?:line)?|summary|by|byline|author|"
                       r"date|published|publication\s+date|source|outlet|publication|url|link|from|to|cc|sent|"
                       r"reply-to)"
                       r"\s*:\s*(?P<value>\S.*?)\s*$",
                       re.IGNORECASE)
_LABEL_FIELD = {"headline": "headline", "title": "headline", "subject": "headline", "deck": "deck",
                "standfirst": "deck", "subhead": "deck", "subheadline": "deck", "summary": "deck", "by": "byline",
                "byline": "byline", "author": "byline", "date": "published", "published": "published",
                "publication date": "published", "source": "outlet", "outlet": "outlet", "publication": "outlet",
                "url": "url", "link": "url", "from": "", "to": "", "cc": "", "sent": "", "reply-to": ""}
_MONTH_NUMBER = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def parse_date_line(line: str) -> str | None:
    """ISO date of a line that is only a date ("November 24, 2015"), else None."""
    m = _DATE_LINE.match(line.strip())
    if not m:
        return None
    if m["y3"]:
        y, mo, d = int(m["y3"]), int(m["m3"]), int(m["d3"])
    else:
        y = int(m["y1"] or m["y2"])
        mo = _MONTH_NUMBER[(m["m1"] or m["m2"])[:3].lower()]
        d = int(m["d1"] or m["d2"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _is_body_line(line: str) -> bool:
    """A line that reads as article prose rather than a header field."""
    words = line.split()
    return len(words) > 25 or (len(words) >= 8 and line.rstrip()[-1:] in '.!?"”’:')


def _wrap_width(lines: list[str]) -> int:
    """The column a hard-wrapped file is broken at (saved e-mails, press releases, Project Gutenberg texts:
    every line of a paragraph ends at 70-90 columns): its longest line of at most 100 columns. 0 unless a
    third of the lines, and at least three, are broken near it with more of their paragraph on the next
    line, and at most a tenth run past 100 columns: a headline over its deck, a "Headline; " break, a file
    of one long line a paragraph with a list's short lines between are not hard wrapping."""
    head = [line.rstrip() for line in lines[:400]]
    filled = [line for line in head if line.strip()]
    width = max((len(line) for line in filled if len(line) <= 100), default=0)
    near = sum(1 for line, after in zip(head, head[1:])
               if after.strip() and 0.75 * width <= len(line) <= width and not line.endswith(";"))
    past = len(filled) - sum(len(line) <= 100 for line in filled)
    return width if width >= 40 and near >= max(3, len(filled) / 3) and past * 10 <= len(filled) else 0


def _wraps_into_next(lines: list[str], i: int, width: int) -> bool:
    """Line i was broken only because the next line's first word did not fit: a hard wrap inside a paragraph,
    not the end of a header field. A headline, a byline or a date line is shorter than the width by more
    than the next word, or is a header field itself. A line that starts something of its own is no
    carry-over: a list item, a transcript's "SMITH:" turn, or one indented further than the line above when
    that line carries on its paragraph (a paragraph's indented first line; a list item's hanging indent is
    indented further than the item's first line, and carries it on)."""
    if not width or i + 1 >= len(lines):
        return False
    line, after = lines[i].rstrip(), lines[i + 1].strip()
    if not line.strip() or not after or _is_header_field(line.strip()) or _is_header_field(after):
        return False
    if _STARTS_ITS_OWN.match(after):
        return False
    if _indent(lines[i + 1]) > _indent(line) and i > 0 and lines[i - 1].strip() \
            and not _STARTS_ITS_OWN.match(line.strip()) and _indent(line) <= _indent(lines[i - 1]):
        return False
    return width // 2 <= len(line) <= width and len(line) + 1 + len(after.split()[0]) > width - max(4, width // 10)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


# a list item ("- ", "* ", "• ", "2. ", "b) ") or a speaker's turn in a transcript ("SMITH:", "MR. JONES:")
_STARTS_ITS_OWN = re.compile(r"(?:[-*•–]|\d{1,3}[.)]|[a-z][.)])\s|[A-Z][A-Z.'\- ]{1,30}:\s")


def _is_header_field(line: str) -> bool:
    """Chrome, a labelled field, a date line or a byline; "by the end of the year," in lower case carries on
    the sentence of the line above."""
    return bool(line.lower().strip(" .:|") in _CHROME or _LABELLED.match(line) or parse_date_line(line)
                or _BYLINE.match(line) and not line.startswith("by ") and len(line.split()) <= 8
                and line[-1] not in ".!?")


def _wrapped_prose_at(lines: list[str], i: int, width: int) -> bool:
    """A hard-wrapped paragraph of prose starts at line i: it wraps into the next line, and the paragraph
    (up to the next blank line) holds a sentence. Each of its lines alone is short and stops mid-sentence,
    so none read as prose, and the whole first paragraph was taken for headline, deck and byline."""
    if not _wraps_into_next(lines, i, width):
        return False
    paragraph = []
    for line in lines[i:i + 40]:
        if not line.strip():
            break
        paragraph.append(line.strip())
    text = " ".join(paragraph)
    return len(text.split()) >= 8 and bool(re.search(r"[.!?][\"”’')]*(?:\s|$)", text))


def _header_field_follows(lines: list[str], i: int) -> bool:
    """A byline or a date line within the next three non-blank lines: a headline that reads like prose
    (it ends in a quoted phrase or a question mark) still sits above them in the header."""
    seen = 0
    width = _wrap_width(lines)
    for j in range(i + 1, min(i + 10, len(lines))):
        line = lines[j].strip()
        if not line:
            continue
        if not _wraps_into_next(lines, j - 1, width) and (  # no "by the end of the year" carrying on a sentence
                _BYLINE.match(line) and len(line.split()) <= 8 and line[-1] not in ".!?" or parse_date_line(line)):
            return True
        seen += 1
        if seen == 3:
            return False
    return False


# a full stop, "?" or "!" followed by another sentence: two sentences are a paragraph, not a title
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")


def _title_line(lines: list[str], i: int) -> bool:
    """The first line of a file is its title when it is short, one sentence, and a blank line (or a
    deck after a "Headline; " break) separates it from the prose, even with a full stop at its end,
    as archive exports write headlines. A lead that opens with a dateline is prose; so is a sentence-case
    line of more than 12 words (headlines are terse; "Title Case Headlines" run longer)."""
    line = lines[i].strip()
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    longest = 20 if capitalised >= 0.6 * len(words) else 12
    if not 2 <= len(words) <= longest or DATELINE.match(line) or _INNER_SENTENCE_END.search(line):
        return False
    after = lines[i + 1].strip() if i + 1 < len(lines) else None
    if after is None:
        return False
    if after and not line.endswith(";"):
        return False
    return _prose_follows(lines, i + 1, _wrap_width(lines), within=5)


def _prose_follows(lines: list[str], start: int, width: int, within: int = 3) -> bool:
    """One of the first three non-blank lines from `start` (looking no further than `within` lines) reads as
    prose, or starts a hard-wrapped paragraph of it."""
    following = [j for j in range(start, min(start + within, len(lines))) if lines[j].strip()]
    return any(_is_body_line(lines[j].strip()) or _wrapped_prose_at(lines, j, width) for j in following[:3])


def parse_plain_text(text: str, headline: str | None = None) -> tuple[ArticleMeta, str]:
    """Split copy-pasted or scraped text into header fields and body.

    The header is the run of short lines before the first line of prose: chrome
    ("Close", "Share") and a scrape-date line above the headline are dropped, then
    headline, deck, byline and published date are read in the order papers print them.
    """
    lines = text.lstrip("\n").split("\n")
    width = _wrap_width(lines)
    header: list[str] = []
    i = 0
    while i < len(lines) and len(header) < 12:
        line = lines[i].strip()
        if line and (_is_body_line(line) or DATELINE.match(line) and len(line.split()) > 6
                     or _wrapped_prose_at(lines, i, width)) \
                and not _header_field_follows(lines, i) \
                and not (not any(header_line.strip() for header_line in header) and _title_line(lines, i)) \
                and not (header and header[-1].endswith(";")):  # "Headline; \nits deck."
            break
        header.append(line)
        i += 1
    if i >= len(lines) or not _prose_follows(lines, i, width):
        header, i = [], 0  # no clear header/body split: keep everything as body
    deck = byline = published = outlet = url = None
    for line in header:
        if not line or line.lower().strip(" .:|") in _CHROME:
            continue
        labelled = _LABELLED.match(line)
        if labelled:  # "Headline: Council budget rows" gives the headline, not a headline starting "Headline:"
            field = _LABEL_FIELD[" ".join(labelled["label"].lower().split())]
            value = labelled["value"]
            if field == "headline" and headline is None:
                headline = value
            elif field == "deck" and deck is None:
                deck = value
            elif field == "byline" and byline is None:
                by = _BYLINE.match(value)
                byline = by["who"] if by else value
            elif field == "published" and published is None:
                published = parse_date_line(value)
            elif field == "outlet" and outlet is None:
                outlet = value
            elif field == "url" and url is None and value.lower().startswith(("http://", "https://")):
                url = value
            continue
        date = parse_date_line(line)
        if date:
            if headline is not None:  # a date above the headline is when the page was scraped
                published = published or date
            continue
        by = _BYLINE.match(line)
        if by and byline is None:
            byline = by["who"]
            continue
        if headline is None:
            headline = line.rstrip(";")
        elif deck is None and byline is None:
            deck = line
    body = _rejoin_broken_sentences(_unwrap(lines, i, width))
    return ArticleMeta(headline=headline, deck=deck, byline=byline, published=published, outlet=outlet, url=url), body


def _unwrap(lines: list[str], start: int, width: int) -> str:
    """The body from lines[start:], each hard-wrapped paragraph joined into one line ("more than six\\nhours"
    was a claim with a line break in it, and '"…," he said' broken after the quote lost its speaker).
    Only the breaks a wrap made are joined: a short line (a list, an address, a sign-off) keeps its own;
    "well-\\nknown" joins without a space."""
    if not width:
        return "\n".join(lines[start:])
    out: list[str] = []
    joining = False
    for j in range(start, len(lines)):
        line = lines[j].strip() if joining else lines[j]
        if _wraps_into_next(lines, j, width):
            line = line.rstrip()
            hyphen = len(line) > 2 and line[-1] == "-" and line[-2].isalpha() and lines[j + 1].strip()[:1].isalpha()
            out.append(line if hyphen else line + " ")
            joining = True
        else:
            out.append(line + "\n")
            joining = False
    return "".join(out).removesuffix("\n")


def _rejoin_broken_sentences(body: str) -> str:
    """Join "this\\n\\nweek": a paragraph that stops mid-sentence and one that carries on in lower case.

    What re.sub(r"(?<=[a-z,;])[ \\t]*\\n\\s*\\n[ \\t]*(?=[a-z])", " ", body) does, but the engine only
    looks at line breaks (a literal first character it finds fast) rather than trying every character."""
    parts: list[str] = []
    done = 0
    for m in _BREAK_BEFORE_LOWER.finditer(body):
        start = m.start()
        while start > done and body[start - 1] in " \t":
            start -= 1
        if start > 0 and body[start - 1] in _ENDS_MID_SENTENCE:
            parts += (body[done:start], " ")
            done = m.end()
    return "".join(parts) + body[done:] if parts else body


_BREAK_BEFORE_LOWER = re.compile(r"\n\s*\n[ \t]*(?=[a-z])")
_ENDS_MID_SENTENCE = frozenset("abcdefghijklmnopqrstuvwxyz,;")
_BLANK_RUN = re.compile(r"\n\n\n+")  # r"\n{3,}" has no literal prefix: the engine tried every character


def find_dateline(body: str) -> str | None:
    m = DATELINE.match(body.lstrip())
    return m["place"] if m else None


# ---------------------------------------------------------------- markdown


def _parse_markdown(text: str) -> tuple[ArticleMeta, str]:
    """Headline from the first heading; the body is the text of the blocks, markup stripped."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    headline = None
    blocks: list[str] = []
    in_heading = False
    for tok in tokens:
        if tok.type == "heading_open":
            in_heading = True
        elif tok.type == "heading_close":
            in_heading = False
        elif tok.type == "inline":
            words = _inline_text(tok)
            if in_heading and headline is None:
                headline = words
                continue
            blocks.append(words)
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content.rstrip("\n"))
    body_text = "\n\n".join(b for b in blocks if b.strip())
    return parse_plain_text(body_text, headline=headline)


def _inline_text(tok) -> str:
    parts: list[str] = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            continue
    return "".join(parts)


# ---------------------------------------------------------------- html


def _parse_html(text: str) -> tuple[ArticleMeta, str]:
    """Main text and metadata via trafilatura; navigation, ads and footers fall away."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None:
        return ArticleMeta(), ""
    data = doc if isinstance(doc, dict) else doc.as_dict()
    body = clean_text(data.get("text") or "")
    # trafilatura keeps one paragraph per line; a blank line between reads as the page did.
    body = re.sub(r"\n(?!\n)", "\n\n", body)
    title = (data.get("title") or "").strip()
    paragraphs = body.split("\n\n")
    while paragraphs and (paragraphs[0].strip() == title or _BYLINE.match(paragraphs[0].strip())
                          or parse_date_line(paragraphs[0])):
        paragraphs.pop(0)
    body = "\n\n".join(paragraphs)
    published = data.get("date")
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        published = None
    if published and published.endswith("-01-01"):
        published = _dated_page(text)
    author = data.get("author")
    if author and author.lower().startswith("by "):
        author = author[3:]
    meta = ArticleMeta(
        headline=data.get("title"),
        deck=data.get("description"),
        byline=author,
        outlet=_outlet(data.get("sitename"), data.get("title"), text),
        url=data.get("url"),
        published=published,
    )
    return meta, body


def _dated_page(page: str) -> str | None:
    """The page's date from its markup alone (meta tags, <time>, the URL), else None.

    trafilatura's wider search falls back to a footer's "© 2024" and gives 2024-01-01: a page with no date
    got one, and "on Monday" in it was resolved against New Year's Day. A real 1 January stays: it is in
    the markup too."""
    from htmldate import find_date

    return find_date(page, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_SEPARATOR_CHARS = " \t\n|-–—·:•"


def _outlet(sitename: str | None, headline: str | None, page: str) -> str | None:
    """The site's name. Without og:site_name trafilatura falls back to a piece of <title>, and for
    "Headline | The Daily Courier" that piece was the headline: then what <title> adds to it is the outlet."""
    sitename = (sitename or "").strip() or None
    headline = " ".join((headline or "").split())
    if not sitename or not headline or " ".join(sitename.split()).casefold() != headline.casefold():
        return sitename
    import html

    tag = _TITLE_TAG.search(page)
    title = " ".join(html.unescape(tag.group(1)).split()) if tag else ""
    if title.casefold().startswith(headline.casefold()):
        rest = title[len(headline):]
    elif title.casefold().endswith(headline.casefold()):
        rest = title[:-len(headline)]
    else:
        return None
    return rest.strip(_SEPARATOR_CHARS) or None
