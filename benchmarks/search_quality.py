"""Search quality on the sample articles: recall@1, recall@5 and MRR over queries a fact-checker types.

    python benchmarks/search_quality.py [--verbose]

Imports sample_articles/ into a temporary database with the real CLI (`workbench import`), then runs
each query through workbench.search.search_claims. A query is what a reviewer types when a claim comes
back: re-worded, misspelt, its figure written another way, topic words from its sentence, the
speaker's name and a word of the quote. The expected claim is named by article file and claim text (a
tuple of texts when any of them will do; "*" when any claim of the article will do: a topic query).
Written by hand, before the ranking was changed; the ranking's rules must be general, not fits to these.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"

SYRIA, HARBOUR, RENTS = "syria-homs-2015-11-24.txt", "harbour-flood-defence-budget.html", "leedsham-rents-latin1.txt"
MEASLES, RAIL, FIRE = "measles-vaccination-explainer.md", "ministers-quotes-rail-strike.txt", "wildfire-evacuation-quotes.txt"
BOWEL, QUAKE, JOBS = "wire-bowel-screening-rates.txt", "wire-earthquake-tolls-aid.txt", "wire-jobless-rate-ranks.txt"
EURO, WAITS = "eurozone-trade-figures.txt", "wire-waiting-lists-quotes.txt"
TWELVE_BN = "£12 billion ($18.2 billion, 17.1 billion euros)"
BRIGADES = "5,000-strong rapid reaction strike brigades"

# (query, article file, expected claim text(s) or "*")
QUERIES: list[tuple[str, str, str | tuple[str, ...]]] = [
    # figures written another way
    ("12bn pounds defence spending", SYRIA, TWELVE_BN),
    ("12 billion pounds for the military", SYRIA, TWELVE_BN),
    ("$18.2bn military Cameron", SYRIA, TWELVE_BN),
    ("17,1 milliard euros", SYRIA, TWELVE_BN),
    ("five thousand strong brigade", SYRIA, BRIGADES),
    ("5k strong brigades", SYRIA, BRIGADES),
    ("flood wall 48m pounds", HARBOUR, ("£48 million", "Forty-eight million pounds")),
    ("Environment Agency thirty million", HARBOUR, "£30 million"),
    ("18m borrowed over 25 years", HARBOUR, "£18 million"),
    ("council tax rise 2.9 per cent april", HARBOUR, "2.9%"),
    ("average rent Leedsham 1085 a month", RENTS, "£1,085"),
    ("housing waiting list record 14600", RENTS, "14,600"),
    ("Leedsham rents rose nine per cent", RENTS, "9%"),
    ("buy back council flats 25 million", RENTS, "£25m"),
    ("second dose uptake 84.7 percent", MEASLES, "84.7%"),
    ("hospitalised case costs 9500 euros", MEASLES, "around €9,500"),
    ("catch-up campaign 1.3 million children", MEASLES, "1.3m children"),
    ("clinics open saturdays twelve weeks", MEASLES, "12 weeks"),
    ("Marchetti 1.4bn two-year pay deal", RAIL, "£1.4 billion"),
    ("Rail Voice 2300 complaints August", RAIL, "2,300 complaints"),
    ("rail strike cost industry 850m lost revenue", RAIL, "an estimated £850 million"),
    ("wildfire burned 18500 acres", FIRE, "18,500 acres"),
    ("six thousand residents ordered to leave", FIRE, "More than 6,000 residents"),
    ("bowel cancer 44000 new cases", BOWEL, "about 44,000 new cases"),
    ("screening test costs 25 pounds", BOWEL, "about £25"),
    ("earthquake killed 214 people", QUAKE, "at least 214 people"),
    ("emergency funds 23 million dollars", QUAKE, "2.5 billion dinars ($23 million)"),
    ("EU pledged ten million euros", QUAKE, "€10 million"),
    ("1997 quake killed 1324", QUAKE, "1,324 people"),
    ("employers added 38000 jobs", JOBS, "38,000 jobs"),
    ("exports 142bn kronor", JOBS, "142 billion kronor"),
    ("eurozone exports 228,6 milliard euros", EURO, "€228.6 billion"),
    ("sales to UK fell 14.9 billion pounds", EURO, "£14.9bn"),
    ("Holt plan cost 2.4bn", WAITS, "£2.4 billion"),
    ("forty new diagnostic centres", WAITS, "40 new diagnostic centres"),
    ("waiting list backlog below six million", WAITS, "below 6 million"),
    # misspelt
    ("130 victms paris", SYRIA, "130 victims"),
    ("Camron world matters", SYRIA, "“What’s going on in the world matters to the United Kingdom, so we should be "
     "helping to shape it and with today’s announcement we can do just that,”"),
    ("measels cases rose 412", MEASLES, "412"),
    ("earthqauke magnitude 6.8", QUAKE, "magnitude 6.8"),
    ("unemplyment rate 6.1% septmber", JOBS, "6.1%"),
    # topic words from the sentence, not the claim's own
    ("measles vaccination rates", MEASLES, "*"),
    ("measles cases first quarter", MEASLES, ("412", "in the first quarter of 2024")),
    ("roads blocked rescue", QUAKE, "*"),
    ("defence spending military Islamic State", SYRIA, TWELVE_BN),
    ("rapid reaction brigades global deployment", SYRIA, BRIGADES),
    ("Bataclan concert died", SYRIA, "90 of them died"),
    ("Palmyra captured", SYRIA, "captured in May"),
    ("bowel screening cut deaths", BOWEL, "48%"),
    ("youth unemployment aged 16 to 24", JOBS, ("one in five", "aged 16 to 24")),
    ("mortgage rates peaked landlords", RENTS, "6.2%"),
    ("inflation eaten members wages", RAIL, "14%"),
    # the speaker and a word of the quote
    ("Okafor sandbags high street", HARBOUR, "*"),
    ("Marchetti chequebook", RAIL, "“My door is open. My chequebook is not.”"),
    ("Kemp scanner centre staff", WAITS, "“You cannot open a scanner centre without staff to run it.”"),
    ("Navarro fire faster 27 years", FIRE, ("“It moved faster than any fire I have seen in 27 years,”", "27 years")),
    ("Delaney wall not a plan", HARBOUR, ("“Forty-eight million pounds is a wall, not a plan,”",
                                           "Forty-eight million pounds")),
]


def build(folder: Path) -> Path:
    db = folder / "quality.db"
    subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "import", str(SAMPLES)],
                   check=True, capture_output=True, text=True)
    return db


def plain(text: str) -> str:
    """Curly quotes as straight: the expected texts above are typed, the stored ones are the article's."""
    return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")


def rank_of(found: list[dict], files: dict[int, str], file: str, expected: str | tuple[str, ...]) -> int | None:
    wanted = {plain(e) for e in ((expected,) if isinstance(expected, str) else expected)}
    for rank, row in enumerate(found, 1):
        if files[row["article_id"]] == file and ("*" in wanted or plain(row["text"]) in wanted):
            return rank
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="print each query's rank and top hit")
    a = ap.parse_args()
    from workbench.search import search_claims
    from workbench.store import open_db

    with tempfile.TemporaryDirectory() as folder:
        db = open_db(build(Path(folder)))
        files = {i: Path(origin).name for i, origin in db.execute("SELECT id, origin FROM articles")}
        ranks, times = [], []
        for query, file, expected in QUERIES:
            t = time.perf_counter()
            found = search_claims(db, query, limit=20)
            times.append(time.perf_counter() - t)
            rank = rank_of(found, files, file, expected)
            ranks.append(rank)
            if a.verbose:
                top = f"{found[0]['text'][:50]!r} {found[0]['score']}" if found else "-"
                print(f"{rank or '-':>3}  {query!r:50} top: {top}")
    n = len(ranks)
    print(json.dumps({"queries": n, "recall_at_1": round(sum(r == 1 for r in ranks) / n, 3),
                      "recall_at_5": round(sum(r is not None and r <= 5 for r in ranks) / n, 3),
                      "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
                      "ms_mean": round(1000 * sum(times) / n, 1)}))


if __name__ == "__main__":
    main()
