"""Consistency hints: where an article's own figures disagree with each other."""
from __future__ import annotations

from ..model import Claim


def add_consistency_hints(body: str, claims: list[Claim]) -> list[Claim]:
    return claims
