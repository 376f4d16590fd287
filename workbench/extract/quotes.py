"""Direct quotes and their speakers; attribution of claims in reported speech."""
from __future__ import annotations

from ..model import Claim, Quote, Sentence


def find_quotes(body: str, sentences: list[Sentence]) -> list[Quote]:
    return []


def attribute_claims(body: str, sentences: list[Sentence], claims: list[Claim], quotes: list[Quote]) -> list[Claim]:
    return claims
