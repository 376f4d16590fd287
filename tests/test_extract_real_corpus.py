"""Every real article we may read (../shared/eval, 924 PolNeAR texts) extracts without an exception,
and every claim and quote span is a true slice of the body. Skipped where the eval data is absent.
The texts carry no publication date, so each is also read as published on the day its file name gives:
the relative dates ("three centuries ago", "last week") are resolved only then."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from workbench.extract import extract
from workbench.ingest import read_article
from workbench.service import extract_article

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
TEXTS = sorted(p for split in ("polnear-train", "polnear-dev") for p in (EVAL / split / "text").glob("*.txt"))


@pytest.mark.skipif(not TEXTS, reason=f"no eval texts under {EVAL}")
def test_every_real_article_extracts_with_true_spans():
    broken = []
    for path in TEXTS:
        article = read_article(str(path))
        body = article.body
        named = re.search(r"_(\d{4})-(\d{2})-(\d{2})_", path.name)
        try:
            result = extract_article(article)
            if named:  # and as published that day: the dates counted back from it
                dated = extract(body, date(*map(int, named.groups())))
        except Exception as exc:  # noqa: BLE001 - list every article that fails, not just the first
            broken.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        for item in (*result.claims, *result.quotes, *(dated.claims if named else ())):
            if body[item.start:item.end] != item.text:
                broken.append(f"{path.name}: span {item.start}-{item.end} is not {item.text[:40]!r}")
        for q in result.quotes:
            if q.speaker_start is not None and not 0 <= q.speaker_start < q.speaker_end <= len(body):
                broken.append(f"{path.name}: speaker span {q.speaker_start}-{q.speaker_end} out of the body")
    assert len(TEXTS) >= 900
    assert not broken, "\n".join(broken[:20])
