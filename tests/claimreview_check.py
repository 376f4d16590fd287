"""Checks for exported ClaimReview markup, used by the tests: Google's required and recommended properties
(developers.google.com/search/docs/appearance/structured-data/factcheck) and the schema.org vocabulary
(types and property names exist, properties sit on types that have them, values have the range's types),
from the definitions in tests/schemaorg/, written by hand: nothing is fetched."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

VOCABULARY = json.loads((Path(__file__).parent / "schemaorg" / "claimreview-vocabulary.json").read_text())
TYPES: dict[str, str | None] = VOCABULARY["types"]
PROPERTIES: dict[str, dict[str, list[str]]] = VOCABULARY["properties"]

# Google's fact-check guide: what a ClaimReview must and should carry; a tuple is "one of these"
REQUIRED = {"ClaimReview": ["claimReviewed", "reviewRating", "url"], "Rating": ["alternateName"]}
RECOMMENDED = {
    "ClaimReview": ["author", "datePublished", "itemReviewed"],
    "Claim": ["author", "datePublished", ("appearance", "firstAppearance")],
    "Rating": ["bestRating", "name", "ratingValue", "worstRating"],
}
SUMMARY_LIMIT = 75


def is_a(type_name: str, ancestor: str) -> bool:
    while type_name is not None:
        if type_name == ancestor:
            return True
        type_name = TYPES.get(type_name)
    return False


def _data_type_fits(value: Any, data_type: str) -> bool:
    if data_type in ("Text",):
        return isinstance(value, str) and value.strip() != ""
    if data_type == "URL":
        return isinstance(value, str) and re.fullmatch(r"https?://[^\s<>\"]+", value) is not None
    if data_type == "Date":
        return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
    if data_type == "DateTime":
        return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?", value) is not None
    if data_type in ("Number", "Integer"):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if data_type == "Boolean":
        return isinstance(value, bool)
    return False


def vocabulary_errors(node: Any, expected: tuple[str, ...] = ("Thing",), path: str = "$") -> list[str]:
    """What in `node` is not schema.org: unknown types or properties, a property on a type without it, a
    value of a type its range does not allow."""
    if not isinstance(node, dict):
        return [f"{path}: expected a {' or '.join(expected)} object, got {node!r}"]
    errors = []
    kind = node.get("@type")
    if kind not in TYPES:
        return [f"{path}: unknown type {kind!r}"]
    if not any(is_a(kind, e) for e in expected):
        errors.append(f"{path}: a {kind} where {' or '.join(expected)} is expected")
    for key, value in node.items():
        if key == "@context":
            if path != "$" or value != "https://schema.org":
                errors.append(f"{path}: @context {value!r} (only https://schema.org, at the top)")
            continue
        if key == "@type":
            continue
        where = f"{path}.{key}"
        definition = PROPERTIES.get(key)
        if definition is None:
            errors.append(f"{where}: no schema.org property {key!r}")
            continue
        if not any(is_a(kind, d) for d in definition["domain"]):
            errors.append(f"{where}: {key!r} is not a property of {kind}")
        classes = tuple(r for r in definition["range"] if r in TYPES)
        data_types = [r for r in definition["range"] if r not in TYPES]
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            at = f"{where}[{i}]" if isinstance(value, list) else where
            if isinstance(item, dict):
                errors += vocabulary_errors(item, classes, at) if classes else [f"{at}: an object where "
                                                                                 f"{data_types} is expected"]
            elif not any(_data_type_fits(item, d) for d in data_types):
                errors.append(f"{at}: {item!r} is not a {' or '.join(definition['range'])}")
    return errors


def _has(node: dict[str, Any], prop: str | tuple[str, ...]) -> bool:
    return any(node.get(p) not in (None, "", []) for p in (prop if isinstance(prop, tuple) else (prop,)))


def google_errors(review: dict[str, Any], unnumbered: set[str] = frozenset(), draft: bool = False) -> list[str]:
    """What Google's guide requires or recommends that the review lacks. A verdict the desk's scale gives no
    number (`unnumbered`, as "Unproven") is published by its name alone: no ratingValue is recommended then.
    A draft may lack its url and must say it is a draft."""
    errors = []
    rating = review.get("reviewRating") or {}
    claim = review.get("itemReviewed") or {}
    for kind, node in (("ClaimReview", review), ("Rating", rating), ("Claim", claim)):
        for prop in REQUIRED.get(kind, []):
            if not _has(node, prop) and not (draft and prop == "url"):
                errors.append(f"{kind} lacks required {prop}")
        for prop in RECOMMENDED.get(kind, []):
            if prop == "ratingValue" and rating.get("alternateName") in unnumbered:
                continue
            if not _has(node, prop):
                errors.append(f"{kind} lacks recommended {prop}")
    if draft and review.get("creativeWorkStatus") != "Draft":
        errors.append("a review without a url is not marked as a draft")
    if len(review.get("claimReviewed") or "") > SUMMARY_LIMIT:
        errors.append(f"claimReviewed is {len(review['claimReviewed'])} characters (> {SUMMARY_LIMIT})")
    if claim.get("@type") != "Claim":
        errors.append("itemReviewed is not a Claim")
    authors = review.get("author")
    for author in (authors if isinstance(authors, list) else [authors] if authors else []):
        if not author.get("name"):
            errors.append("an author without a name")
    if isinstance(authors, dict) and authors.get("@type") != "Organization":
        errors.append("the review's author is not the desk's organisation")
    if "ratingValue" in rating and not rating.get("worstRating", 1) <= rating["ratingValue"] <= rating.get("bestRating", 5):
        errors.append("ratingValue outside worstRating..bestRating")
    appearance = claim.get("appearance") or {}
    for prop in ("url", "headline", "publisher"):
        if not appearance.get(prop):
            errors.append(f"itemReviewed.appearance lacks {prop}")
    return errors
