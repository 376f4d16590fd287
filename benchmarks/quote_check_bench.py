"""Quote check speed on long transcripts: 20,000 and 200,000 words (targets 200 ms and 2 s).

Run: .venv/bin/python benchmarks/quote_check_bench.py
The transcript is our own Cameron sample repeated with numbered filler answers, so common
word pairs recur thousands of times, as they do in a long hearing; the quote sits near the end.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from workbench.checks import check_quote

SAMPLE = Path(__file__).resolve().parents[1] / "sample_sources" / "cameron-raf-northolt-transcript.txt"
QUOTES = {
    "verbatim": "\"As the murders on the streets of Paris reminded us so starkly, Islamic State is not some remote "
                "problem thousands of miles away; it is a direct threat to our security.\"",
    "dropped not": "\"Islamic State is some remote problem thousands of miles away\"",
    "stitched": "\"What's going on in the world matters to the United Kingdom, it is a direct threat to our security\"",
    "not found": "\"The economy is booming and the harbour will be rebuilt by the spring\"",
}
WORDS = ("the of and to in we will that is it our for be this have with not people on are government "
         "question minister house security defence plan money week year country").split()


def transcript(words: int) -> str:
    rng = random.Random(7)
    paragraphs, count = [], 0
    while count < words:
        para = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "."
        paragraphs.append(f"ANSWER {len(paragraphs)}: {para}")
        count += 62
    tail = SAMPLE.read_text(encoding="utf-8")
    return "\n\n".join(paragraphs) + "\n\n" + tail


def main() -> None:
    for size in (20_000, 200_000):
        text = transcript(size)
        n = len(text.split())
        for name, quote in QUOTES.items():
            best = min(_timed(quote, text) for _ in range(5))
            verdict = check_quote(quote, text).verdict
            print(f"{n:>8} words  {name:<12} {best * 1000:8.1f} ms  -> {verdict}")


def _timed(quote: str, text: str) -> float:
    t0 = time.perf_counter()
    check_quote(quote, text)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
