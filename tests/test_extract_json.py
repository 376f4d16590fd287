"""`workbench extract --json` writes each article as json.dumps of its extraction_document, byte for byte.

The CLI serialises the dataclasses' own field dicts through one encoder (service.extraction_json) instead
of copying them first; these tests hold that text equal to the documented shape, hints and all.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from workbench.ingest import read_article
from workbench.service import extract_article, extraction_document, extraction_json

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


def test_the_json_text_is_that_of_the_document(tmp_path):
    hinted = tmp_path / "hinted.txt"
    hinted.write_text("Fire in Léon\n\nThe fire killed 90 passengers. Officials said 130 of them died in the "
                      "first carriage. “It’s 5% worse,” the mayor said.\n", encoding="utf-8")
    paths = [hinted, *sorted(SAMPLES.glob("*.txt"))]
    seen_hints = False
    for path in paths:
        article = read_article(str(path))
        extraction = extract_article(article)
        seen_hints = seen_hints or any(c.hints for c in extraction.claims)
        assert extraction_json(article, extraction) == json.dumps(extraction_document(article, extraction),
                                                                  ensure_ascii=False)
    assert seen_hints  # a claim's hints tuple is written as the list to_dict() makes


def test_the_cli_prints_one_document_a_line_as_the_service_shapes_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rents rose 12% in 2024, the council said.\n", encoding="utf-8")
    done = subprocess.run([str(Path(sys.executable).with_name("workbench")), "extract", "--json", str(article)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    expected = read_article(str(article))
    document = extraction_document(expected, extract_article(expected))
    assert document["claims"] and json.loads(line) == json.loads(json.dumps(document))
    assert line == extraction_json(expected, extract_article(expected))
