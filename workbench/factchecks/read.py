"""Reading other outlets' fact-checks (schema.org ClaimReview) from every shape a user will have:
a saved fact-check page (JSON-LD, also in @graph or a list; microdata), a JSON/JSON-LD file or feed
(a DataCommons `dataFeedElement` list, a plain list, our own export) and the Fact Check Tools API's
`claims[].claimReview[]`. Each entry becomes a FactCheck or a Skipped with one reason; nothing here
touches the database.

Feeds are streamed (feed.py): a 50 MB feed is read one entry at a time, in bounded memory."""
from __future__ import annotations

import gzip
import json
import math
import re
from datetime import date
from functools import lru_cache
from unicodedata import is_normalized
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from ..ingest import printable, typed_name
from . import feed

MAX_PAGE_BYTES = 20 * 1024 * 1024  # a saved HTML page, or a JSON file of one object, is read whole
SNIFF_BYTES = 1 << 20  # where a feed's list of entries must begin to be streamed
MAX_CLAIM_CHARS = 2000  # claimReviewed longer than this is no claim summary (Google asks for < 75)
MAX_FIELD_CHARS = 1000  # names, titles, ratings
LIST_KEYS = ("dataFeedElement", "claims", "@graph", "itemListElement")  # a feed's entries, streamed one by one


class FactCheck(NamedTuple):  # a tuple: stored as it is, no conversion per row
    review_url: str
    claim_reviewed: str
    claimant: str | None = None
    claimant_type: str | None = None
    claim_date: str | None = None
    appearance_url: str | None = None
    appearance_title: str | None = None
    outlet: str | None = None
    outlet_url: str | None = None
    rating: str | None = None
    rating_name: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    review_date: str | None = None
    language: str | None = None
    headline: str | None = None


class Skipped(NamedTuple):
    where: str  # "file.json: entry 12"
    reason: str


class _Bad(Exception):
    """An entry that cannot be a fact-check; the message is the reason shown."""


# ---------------------------------------------------------------- files


def read_file(path: str) -> Iterator[FactCheck | Skipped]:
    """Every fact-check in one file, and a Skipped for each entry (or the file) that could not be read."""
    shown = printable(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 -- closed below, also when the caller stops early
    except OSError as exc:
        yield Skipped(shown, f"cannot read ({exc.strerror or exc}); check the path and its permissions")
        return
    try:
        stream: BinaryIO = fh
        if fh.peek(2)[:2] == b"\x1f\x8b":  # a gzipped feed (DataCommons publishes .gz), read as it streams
            stream = gzip.GzipFile(fileobj=fh)  # type: ignore[assignment]
        head = _head(stream)
        if head.startswith(b"<"):
            yield from _read_html(stream, shown)
        elif head[:1] in (b"{", b"["):
            yield from _read_json(stream, shown)
        elif not head:
            yield Skipped(shown, "empty file; nothing to import")
        else:
            yield Skipped(shown, "neither JSON nor an HTML page; give a ClaimReview JSON/JSON-LD file, a feed "
                                 "or a saved fact-check page")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Skipped(shown, f"cannot read ({exc}); the file is damaged or not what its name says")
    finally:
        fh.close()


def _head(stream: BinaryIO) -> bytes:
    """The first bytes that are not white space or a UTF-8 byte-order mark, without consuming them."""
    peek = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    return peek.lstrip(b"\xef\xbb\xbf \t\r\n")[:16]


def _read_json(stream: BinaryIO, shown: str) -> Iterator[FactCheck | Skipped]:
    """A feed's entries one at a time: a top-level list, or the list under one of LIST_KEYS. A file that is
    one object (a single ClaimReview) is read whole, up to MAX_PAGE_BYTES."""
    data = stream.read(SNIFF_BYTES)
    source = feed.Text(stream, head=data)
    try:
        source.more()
        start = feed.list_start(source.text, LIST_KEYS)
    except UnicodeDecodeError:  # not UTF-8 in the head: read whole, the bad bytes replaced
        start = None
    if start is None:  # one object, not a feed
        data += stream.read(MAX_PAGE_BYTES + 1 - len(data))
        if len(data) > MAX_PAGE_BYTES:
            yield Skipped(shown, f"a single JSON object over {MAX_PAGE_BYTES // 2**20} MB with no list of entries "
                                 f"({', '.join(LIST_KEYS)}); split it into a feed")
            return
        try:
            document = json.loads(data.decode("utf-8-sig", errors="replace"))
        except ValueError as exc:
            yield Skipped(shown, f"not valid JSON ({exc}); fix or re-export the file")
            return
        except RecursionError:
            yield Skipped(shown, "nested deeper than Python's JSON reader goes; no fact-check is")
            return
        yield from entries(document, shown)
        return
    source.pos, data = start, b""  # the head's bytes are in the source's text now
    n = 0
    try:
        for n, item in enumerate(feed.entries(source), 1):
            review = _plain_review(item)
            if review is None:
                if item is feed.TOO_DEEP or item is feed.TOO_BIG or item is feed.BIG_NUMBER:
                    yield Skipped(f"{shown}: entry {n}", _UNREAD[item])
                else:
                    yield from entries(item, f"{shown}: entry {n}")
                continue
            try:
                yield _claim_review(review)
            except _Bad as exc:
                yield Skipped(f"{shown}: entry {n}", str(exc))
    except feed.Broken as exc:
        yield Skipped(f"{shown}: after entry {n}",
                      f"the JSON breaks here ({str(exc)[:80]}); the entries after it were not read")
    except UnicodeDecodeError:
        yield Skipped(f"{shown}: after entry {n}", "not UTF-8 text; re-save the feed as UTF-8")


_UNREAD = {
    feed.TOO_DEEP: "nested deeper than Python's JSON reader goes; no fact-check is",
    feed.TOO_BIG: f"over {feed.MAX_ENTRY_CHARS // 2**20} million characters; no fact-check is",
    feed.BIG_NUMBER: "holds a number of thousands of digits; no fact-check does",
}


def _read_html(stream: BinaryIO, shown: str) -> Iterator[FactCheck | Skipped]:
    """A saved page: every JSON-LD block (lxml finds them; each is parsed as JSON) and its microdata
    (extruct reads itemscope/itemprop trees)."""
    data = stream.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        yield Skipped(shown, f"an HTML page over {MAX_PAGE_BYTES // 2**20} MB; save the fact-check page alone")
        return
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(data)
    except (ParserError, ValueError) as exc:
        yield Skipped(shown, f"not a readable HTML page ({exc})")
        return
    found = 0
    blocks = tree.xpath('//script[translate(@type, "APLICTONJSD+", "aplictonjsd+")="application/ld+json"]')
    for n, block in enumerate(blocks, 1):
        where = f"{shown}: JSON-LD block {n}"
        text = (block.text or "").strip()
        if not text:
            continue
        try:
            document = json.loads(text)
        except ValueError as exc:
            yield Skipped(where, f"not valid JSON ({str(exc)[:80]})")
            continue
        for result in entries(document, where, quiet=True):
            found += 1
            yield result
    for result in _microdata(data, shown):
        found += 1
        yield result
    if not found:
        yield Skipped(shown, "no ClaimReview in this page (neither JSON-LD nor microdata)")


def _microdata(data: bytes, shown: str) -> Iterator[FactCheck | Skipped]:
    from extruct.w3cmicrodata import MicrodataExtractor

    try:
        items = MicrodataExtractor().extract(data.decode("utf-8", errors="replace"))
    except Exception as exc:  # noqa: BLE001 -- a library's failure on one page is that page's, with its reason
        yield Skipped(f"{shown}: microdata", f"could not be read ({str(exc)[:80]})")
        return
    for n, item in enumerate(items, 1):
        yield from entries(_from_microdata(item), f"{shown}: microdata item {n}", quiet=True)


def _from_microdata(item: Any) -> Any:
    """extruct's {"type": ".../ClaimReview", "properties": {...}} as JSON-LD's {"@type": "ClaimReview", ...}."""
    if isinstance(item, list):
        return [_from_microdata(i) for i in item]
    if not isinstance(item, dict) or "properties" not in item:
        return item
    types = item.get("type")
    types = types if isinstance(types, list) else [types]
    out = {"@type": [str(t).rstrip("/").rsplit("/", 1)[-1] for t in types if t]}
    for key, value in (item.get("properties") or {}).items():
        out[key] = _from_microdata(value)
    if item.get("id") and "url" not in out:
        out["url"] = item["id"]
    return out


# ---------------------------------------------------------------- entries


def entries(document: Any, where: str, quiet: bool = False) -> Iterator[FactCheck | Skipped]:
    """The fact-checks in one parsed document or feed entry. An entry holding none is Skipped, unless
    `quiet` (a web page's other JSON-LD: its BreadcrumbList, its Organization)."""
    found = False
    for n, review in enumerate(_reviews(document)):
        found = True
        here = where if n == 0 else f"{where}.{n + 1}"
        try:
            yield review() if callable(review) else _claim_review(review)
        except _Bad as exc:
            yield Skipped(here, str(exc))
    if not found and not quiet:
        yield Skipped(where, "no ClaimReview here (no @type ClaimReview, no claimReview list)")


def _plain_review(item: Any) -> dict | None:
    """The ClaimReview of a feed entry of the usual shape (a ClaimReview, or a DataFeedItem holding one),
    found without the general walk: most of a 100,000-entry feed's reading time was the walk."""
    if type(item) is not dict:
        return None
    kind = item.get("@type")
    if kind == "ClaimReview":
        return item
    if kind == "DataFeedItem":
        inner = item.get("item")
        if type(inner) is list and len(inner) == 1:
            inner = inner[0]
        if type(inner) is dict and inner.get("@type") == "ClaimReview":
            return inner
    return None


def _types(node: dict) -> list[str]:
    kind = node.get("@type", node.get("type"))
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)]


def _reviews(node: Any, depth: int = 0) -> Iterator[Any]:
    """Each ClaimReview object under `node` (a dict, or for the Fact Check Tools API a function building
    one claim-and-review pair), through lists, @graph, DataFeed/DataFeedItem and ItemList wrappers."""
    if depth > 8:  # nesting deeper than any feed has: hostile input, not a fact-check
        return
    if isinstance(node, list):
        for child in node:
            yield from _reviews(child, depth + 1)
        return
    if not isinstance(node, dict):
        return
    if "ClaimReview" in _types(node):
        yield node
        return
    if "claimReview" in node:  # the Fact Check Tools API: a claim with the reviews of it
        reviews = node["claimReview"]
        for review in reviews if isinstance(reviews, list) else [reviews]:
            yield lambda review=review: _api_review(node, review)
        return
    for key in (*LIST_KEYS, "item", "mainEntity", "review"):
        if key in node:
            yield from _reviews(node[key], depth + 1)


def _claim_review(review: dict) -> FactCheck:
    """One schema.org ClaimReview as a FactCheck; _Bad when it lacks what makes it one.

    The usual shape of each property (a plain address, text, an object) is read inline and the rest by the
    general helpers below, which give the same result for it: a feed's 100,000 reviews made twenty calls
    each, a third of the reading thread's time. Short texts are cleaned once (_optional_text)."""
    get = review.get
    url = get("url")
    if type(url) is not str or len(url) > 2000 or not _plain_url(url):
        url = _url(url, "url (the review's page)")
    claim = get("claimReviewed")
    if (type(claim) is not str or not 0 < len(claim) <= MAX_CLAIM_CHARS or not claim.isprintable()
            or "  " in claim or claim[:1] == " " or claim[-1:] == " "
            or not (claim.isascii() or is_normalized("NFC", claim))):
        claim = _text(claim, "claimReviewed", required=True, limit=MAX_CLAIM_CHARS)
    item = get("itemReviewed")
    if type(item) is not dict:
        item = _first(item)
        item = item if isinstance(item, dict) else {}
    claimant, claimant_type = _party(item.get("author"))
    appearance = item.get("appearance") or item.get("firstAppearance")
    appearance_url = appearance_title = None
    if appearance is not None:
        appearance = _first(appearance)
        if isinstance(appearance, dict):
            appearance_url = _maybe_url(appearance.get("url"))
            appearance_title = _optional_text(appearance.get("headline") or appearance.get("name"))
        elif isinstance(appearance, str):
            appearance_url = _maybe_url(appearance)
    outlet, outlet_url = _organisation(get("author"))
    if not outlet:
        outlet, outlet_url = _organisation(get("publisher"))
    rating = get("reviewRating")
    if type(rating) is not dict:
        rating = _first(rating)
        rating = rating if isinstance(rating, dict) else {}
    rget = rating.get
    name = _optional_text(rget("name"))
    words = _optional_text(rget("alternateName")) or name
    value, best, worst = rget("ratingValue"), rget("bestRating"), rget("worstRating")
    claim_date, review_date = item.get("datePublished"), get("datePublished")
    language, headline = get("inLanguage"), get("headline") or get("name")
    # in FactCheck's field order, built as _make does but without its call (a feed has 100,000 of these)
    return _new_tuple(FactCheck, (
        url, claim, claimant, claimant_type,
        _date_text(claim_date) if type(claim_date) is str else _date(claim_date),
        appearance_url, appearance_title,
        outlet, outlet_url, words, name, None if value is None else _number(value),
        None if best is None else _number(best), None if worst is None else _number(worst),
        _date_text(review_date) if type(review_date) is str else _date(review_date),
        None if language is None else _language(language),
        None if headline is None else _optional_text(headline)))


_new_tuple = tuple.__new__


def _api_review(claim: dict, review: Any) -> FactCheck:
    """One of the Fact Check Tools API's claims[].claimReview[] as a FactCheck."""
    if not isinstance(review, dict):
        raise _Bad(f"claimReview entry is {_kind_of(review)}, not an object")
    publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
    site = _text(publisher.get("site"), "publisher site")
    rating = _text(review.get("textualRating"), "textualRating")
    return FactCheck(
        review_url=_url(review.get("url"), "url (the review's page)"),
        claim_reviewed=_text(claim.get("text"), "text (the claim)", required=True, limit=MAX_CLAIM_CHARS),
        claimant=_text(claim.get("claimant"), "claimant"), claim_date=_date(claim.get("claimDate")),
        outlet=_text(publisher.get("name"), "publisher name") or site,
        outlet_url=f"https://{site}" if site and "/" not in site and " " not in site else None,
        rating=rating, rating_name=rating, review_date=_date(review.get("reviewDate")),
        language=_language(review.get("languageCode")), headline=_text(review.get("title"), "title"))


# ---------------------------------------------------------------- fields
# Types are told by `type(x) is`, not isinstance, where a feed's 100,000 entries pass: JSON makes no
# subclasses, and it is the cheaper test.


def _kind_of(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", type(None): "empty"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def _first(value: Any) -> Any:
    """One of a property given as a list (markup often repeats a property); the first object of it."""
    if type(value) is list:
        return next((v for v in value if isinstance(v, dict)), value[0] if value else None)
    return value


def _clean(value: str) -> str:
    """One line of text, as article text is cleaned: control characters and terminal escapes out."""
    if value.isprintable() and "  " not in value and (value.isascii() or is_normalized("NFC", value)):
        # what typed_name would return: printable text holds no control, escape, lone surrogate or white
        # space but " ", and is NFC already (a fifth of a feed's claims hold a "£" or "€")
        return value.strip()
    return typed_name(value) or ""


_SPACE = re.compile(r"\s")
_PLAIN_URL = re.compile(r"(?i:https?)://[!-~]*", re.ASCII)  # printable ASCII, no white space
_plain_url = _PLAIN_URL.fullmatch


def _text(value: Any, field: str, required: bool = False, limit: int = MAX_FIELD_CHARS) -> str | None:
    """Text of a field. A required field that is missing, empty, too long or not text fails the entry;
    an optional one of the wrong type is left out (the rest of the review is still worth having)."""
    if type(value) is list and len(value) == 1:
        value = value[0]
    if type(value) is str:
        text = _clean(value)
        if text and len(text) <= limit:
            return text
        if required:
            raise _Bad(f"{field} is empty" if not text else f"{field} is over {limit:,} characters")
        return text[:limit] or None
    if required:
        raise _Bad(f"no {field}" if value is None else f"{field} is {_kind_of(value)}, not text")
    return None


_cleaned: dict[str, str | None] = {}  # short optional texts as _text returns them (names and ratings repeat)
_CLEANED_MAX = 4096  # entries before the cache starts over: bounded memory, whatever the feed


def _optional_text(value: Any) -> str | None:
    """_text(value, field) of an optional field (which never fails); a short text cleaned once per feed."""
    if type(value) is str:
        text = _cleaned.get(value, _MISSING)
        if text is _MISSING:
            text = _text(value, "")
            if len(value) <= 200:
                if len(_cleaned) >= _CLEANED_MAX:
                    _cleaned.clear()
                _cleaned[value] = text
        return text
    return _text(value, "")


_MISSING = object()


def _url(value: Any, field: str) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    if value is None or value == "":
        raise _Bad(f"no {field}: a review is known by its URL")
    if not isinstance(value, str):
        raise _Bad(f"{field} is {_kind_of(value)}, not an address")
    url = _maybe_url(value)
    if not url:
        # a lone surrogate (json reads "\ud800" as one) shown as "?": it cannot be printed or stored
        shown = printable(value).encode("utf-8", "replace").decode("utf-8")
        raise _Bad(f"{field} {shown[:60]!r} is not an http(s) address")
    return url


def _maybe_url(value: Any) -> str | None:
    if type(value) is not str:
        return None
    if len(value) <= 2000 and _PLAIN_URL.fullmatch(value):
        return value  # what the checks below return for the usual address, at a third of their cost
    url = value.strip()
    if not url[:8].lower().startswith(("http://", "https://")) or len(url) > 2000 or _SPACE.search(url):
        return None
    return _clean(url)


def _number(value: Any) -> float | None:
    """A rating number: 3, 3.0 or "3"; None for words ("False"), true/false or anything else."""
    if type(value) is int or type(value) is float:  # not bool: type(True) is bool
        number = float(value)
    elif type(value) is str:
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) and abs(number) < 1e9 else None


def _date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO date or date-time ("2019-07-01T12:00:00Z"); None for anything else."""
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return None
    return _date_text(value)


@lru_cache(maxsize=8192)  # the same date-times recur in a feed, as the days do
def _date_text(value: str) -> str | None:
    return _day(value.strip()[:10])


@lru_cache(maxsize=8192)  # a feed's dates repeat: a few thousand days over 100,000 reviews
def _day(day: str) -> str | None:
    if len(day) == 10 and day[4] == "-" and day[7] == "-":
        try:
            return date.fromisoformat(day).isoformat()
        except ValueError:
            return None
    if len(day) >= 4 and day[:4].isdigit() and (len(day) == 4 or day[4] in "-T "):
        return day[:7] if len(day) >= 7 and day[5:7].isdigit() else day[:4]
    return None


def _language(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if isinstance(value, str) and 0 < len(value.strip()) <= 35:
        return _clean(value)
    return None


def _party(value: Any) -> tuple[str | None, str | None]:
    """(name, Person|Organization) of an author given as an object, a list of them or a name."""
    if type(value) is not dict:
        value = _first(value)
    if type(value) is dict:
        kind = value.get("@type", value.get("type"))
        if type(kind) is str:  # the usual single type, without _types' list
            kind = kind.rsplit("/", 1)[-1]
            return _optional_text(value.get("name")), kind if kind in _PARTIES else None
        return _optional_text(value.get("name")), next((k for k in _types(value) if k in _PARTIES), None)
    return _optional_text(value), None


_PARTIES = ("Person", "Organization")


def _organisation(value: Any) -> tuple[str | None, str | None]:
    """(name, address) of the reviewing outlet in an author list: its Organization first (a desk may also
    name its reviewers)."""
    if type(value) is list:
        ranked = sorted((v for v in value if isinstance(v, dict)), key=lambda v: "Organization" not in _types(v))
        value = ranked[0] if ranked else (value[0] if value else None)
    if type(value) is dict:
        return _optional_text(value.get("name")), _maybe_url(value.get("url"))
    return _optional_text(value), None


def read_paths(paths: list[str]) -> Iterator[tuple[str, FactCheck | Skipped]]:
    """(origin, result) for every file named, folders walked for .json, .jsonld, .html, .htm and .gz files."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                yield raw, Skipped(printable(raw), f"no fact-check files ({' '.join(SUFFIXES)}) in this folder")
            for f in files:
                for result in read_file(str(f)):
                    yield str(f), result
        else:
            for result in read_file(raw):
                yield raw, result


SUFFIXES = (".json", ".jsonld", ".html", ".htm", ".gz", ".txt")
