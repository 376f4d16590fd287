"""Speaker-span accuracy on PolNeAR dev, scored where each gold mention really is.

`../shared/tools/score_corpus.py polnear` maps every gold source span into our body with
`body.find(text)`: the first occurrence anywhere in the article. A gold "he" then lands inside
the first "the", and a gold "Trump" on the article's first Trump, so an extractor that points at
the mention the speaker was read from is scored against the wrong place. This script keeps
everything else of that scorer (quotes found by overlap, a speaker right when its span overlaps
a gold source span) but maps each gold span to the occurrence nearest its own raw offset, shifted
by how far the quote itself moved between the raw file and our body.

It also prints the ceiling of the first-occurrence figure: the score an extractor would get from
score_corpus.py if its speaker span were exactly the gold mention; and how many gold speakers that
scorer places inside another word, where no mention of anyone can overlap them; and the figure it
would give had we pointed each speaker span at the speaker's first mention in the article instead. The eval data is read in place
and never copied (see ../shared/eval/README.md).

    .venv/bin/python benchmarks/polnear_speakers.py [../shared/eval/polnear-dev]
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "polnear-dev"
WORKBENCH = ROOT / ".venv" / "bin" / "workbench"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def nearest(body: str, text: str, guess: int) -> int | None:
    """The occurrence of `text` in `body` nearest the offset `guess`."""
    best, at = None, body.find(text)
    while at >= 0:
        if best is None or abs(at - guess) < abs(best - guess):
            best = at
        at = body.find(text, at + 1)
    return best


def whole_word(body: str, span: tuple[int, int]) -> bool:
    start, end = span
    return (start == 0 or not body[start - 1].isalnum()) and (end == len(body) or not body[end].isalnum())


def first_mention(body: str, name: str | None) -> tuple[int, int] | None:
    """Where the article first names a speaker: the full name, or its surname if that comes first."""
    if not name:
        return None
    spans = [(a, a + len(part)) for part in (name, name.split()[-1]) if (a := body.find(part)) >= 0]
    return min(spans, default=None)


def main(data: Path) -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(data.glob("*.json"))]
    paths = [str(data / g["file"]) for g in golds]
    out = subprocess.run([str(WORKBENCH), "extract", "--json", *paths], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    scored = ours = ceiling = inside_words = introduced = 0
    for gold, path, line in zip(golds, paths, out):
        doc, raw = json.loads(line), Path(path).read_text(encoding="utf-8")
        body = doc["body"]
        for quote in gold["quotes"]:
            text = raw[quote["start"]:quote["end"]]
            at = body.find(text)
            if at < 0 or not quote["source"]:
                continue
            hit = next((q for q in doc["quotes"] if overlaps((q["start"], q["end"]), (at, at + len(text)))), None)
            if hit is None:
                continue
            scored += 1
            shift = at - quote["start"]
            true_spans = [(a, a + e - s) for s, e in quote["source"]
                          if (a := nearest(body, raw[s:e], s + shift)) is not None]
            first_spans = [(a, a + e - s) for s, e in quote["source"] if (a := body.find(raw[s:e])) >= 0]
            if hit.get("speaker_start") is not None:
                mine = (hit["speaker_start"], hit["speaker_end"])
                ours += any(overlaps(mine, span) for span in true_spans)
            ceiling += any(overlaps(t, f) for t in true_spans for f in first_spans)
            inside_words += not any(whole_word(body, f) for f in first_spans)
            intro = first_mention(body, hit.get("speaker"))
            introduced += bool(intro) and any(overlaps(intro, f) for f in first_spans)
    print(f"speaker-span accuracy, gold mapped by position: {ours / scored:.3f} ({ours}/{scored})")
    print(f"ceiling of score_corpus.py's first-occurrence figure (speaker span = the gold mention): "
          f"{ceiling / scored:.3f} ({ceiling}/{scored})")
    print(f"gold speakers whose first occurrence sits inside another word (a gold 'he' in 'the'), which no "
          f"speaker mention can overlap: {inside_words}/{scored}, so score_corpus.py cannot give more than "
          f"{(scored - inside_words) / scored:.3f} to any extractor whose speaker span is a mention")
    print(f"score_corpus.py's figure had our speaker spans pointed instead at each speaker's first mention "
          f"in the article (the other reading of 'the mention it was read from'): "
          f"{introduced / scored:.3f} ({introduced}/{scored})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
