"""Figures compared as whole numbers in search and claim matching.

The normaliser writes every figure as one canonical token ("3%", "3 per cent" and "three per cent" all
read "3 percent"; "£1.3m" reads "1300000 gbp"), so two figures are the same figure when their tokens are
equal. Compared letter by letter they are not: rapidfuzz read "38 percent" as 95 alike "3 percent" (a
digit added) and "1997" as 75 alike "1998", so a search for "3%" listed "38%" beside the 3% claims, and
"seen before" linked a "3%" claim to a reviewed "38%" one. Here a figure either is the query's or is
another figure altogether, whatever digits it shares.
"""
from __future__ import annotations

import re
from functools import lru_cache

OTHER_FIGURE = "#"  # a character the normaliser never writes: an unequal figure shares no letter with any


def is_figure(token: str) -> bool:
    """A normalised token that is a number: "3", "1300000", "3.8" (not "12th" or "f35")."""
    return token[:1].isdigit() and token.replace(".", "", 1).isdigit()


@lru_cache(maxsize=64)
def asked_figures(query: str) -> frozenset[str]:
    """figures(query), remembered: a search scores hundreds of claims against one query."""
    return figures(query)


def figures(normalised: str) -> frozenset[str]:
    """The figures of a normalised text, as the tokens the normaliser wrote."""
    return frozenset(t for t in normalised.split() if is_figure(t))


def masked(normalised: str, keep: frozenset[str]) -> str:
    """The text with every figure not in `keep` written as OTHER_FIGURE of its length: it then costs in a
    letters-alike score what a wrong word of its length costs, and earns nothing for the digits it shares
    with one of `keep` ("38" against "3")."""
    other = set(_FIGURES(normalised)).difference(keep)
    if not other:
        return normalised
    return " ".join(OTHER_FIGURE * len(t) if t in other else t for t in normalised.split())


def has_figure(normalised: str) -> bool:
    return bool(_FIGURES(normalised))


# the figure tokens of a normalised text (tokens one space apart): what is_figure accepts, found in C. It opens
# with a digit, so the regex engine skips to digits (opening with "^| " it was tried at every character: 1.4 M
# instructions a query at 10^6 claims); the lookbehind then asks that no other character precede that digit
_FIGURES = re.compile(r"[0-9](?<![^ ][0-9])[0-9]*(?:\.[0-9]+)?(?![^ ])").findall


def figures_alike(a: frozenset[str], b: frozenset[str]) -> float | None:
    """0..100: the share of the fewer figures that the other side holds too ("£12 billion ($18.2
    billion)" and "£12bn": 100); None when either side holds none (there is nothing to compare)."""
    if not a or not b:
        return None
    return 100.0 * len(a & b) / min(len(a), len(b))
