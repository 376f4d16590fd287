"""A generated ClaimReview feed for the speed runs (issue 19): N fact-checks in the DataCommons shape
(`{"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [ClaimReview]}]}`), with
claims built from word lists so that they differ as a real collection's do (topics, places, figures, years).

    python benchmarks/factcheck_feed.py OUT.json [N]        # writes the feed (default 100,000 items)
"""
from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = ("Norpenton", "Leedsham", "Carrow", "Eastmoor", "Lindell", "Harwick", "Dunmore", "Pellow", "Ashby",
          "Kestrel Bay", "Marlow Vale", "Oxley", "Tarn", "Brindle", "Corby Heath", "Westfold", "Ravenscar",
          "Elmstead", "Sollis", "Grange", "Trent Mill", "Hollins", "Fairmead", "Stoke Ferry", "Wexcombe")
SUBJECTS = ("unemployment", "the crime rate", "knife crime", "child poverty", "the hospital waiting list",
            "rents", "house prices", "bus fares", "teacher vacancies", "the council's debt", "turnout",
            "the number of nurses", "food bank use", "fuel duty", "energy bills", "road deaths", "school funding",
            "the prison population", "broadband coverage", "recycling", "air pollution deaths", "homelessness",
            "youth unemployment", "the minimum wage", "inflation", "police numbers", "GP appointments",
            "ambulance response times", "flood defence spending", "library closures", "obesity among children",
            "vaccination rates", "migration", "the defence budget", "farm subsidies", "the tax burden",
            "hate crime", "drug deaths", "smoking rates", "carbon emissions")
VERBS = ("rose to", "fell to", "doubled to", "halved to", "reached", "stands at", "hit", "dropped to",
         "went up to", "is now", "was cut to", "climbed to")
UNITS = ("{n}%", "{n} per cent", "£{n} million", "${n} billion", "{n},000", "{n} million", "{n} a week",
         "€{n} billion", "{n} people", "{n} minutes")
SPEAKERS = ("Says", "The mayor says", "A viral post claims", "The senator says", "The minister says", "",
            "", "", "The candidate claims", "A video says")
OUTLETS = (("Harbour Facts", "https://harbourfacts.example"), ("Check Desk", "https://checkdesk.example"),
           ("Vale Verify", "https://valeverify.example"), ("TruthMeter", "https://truthmeter.example"))
RATINGS = (("False", 1), ("Mostly false", 2), ("Half true", 3), ("Mostly true", 4), ("True", 5),
           ("Misleading", None), ("Missing context", None))


def claim_text(rng: random.Random) -> str:
    figure = rng.choice(UNITS).format(n=rng.randint(2, 990))
    when = rng.choice(("", f" in {rng.randint(1990, 2025)}", f" since {rng.randint(1990, 2025)}", " last year",
                       " this year"))
    text = f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} {figure}{when}"
    speaker = rng.choice(SPEAKERS)
    return f"{speaker} {text}." if speaker else text[0].upper() + text[1:] + "."


def review(i: int, rng: random.Random) -> dict:
    outlet, site = rng.choice(OUTLETS)
    rating, value = rng.choice(RATINGS)
    year = rng.randint(2015, 2026)
    item = {
        "@context": "https://schema.org", "@type": "ClaimReview",
        "url": f"{site}/checks/{i}",
        "claimReviewed": claim_text(rng),
        "datePublished": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "author": {"@type": "Organization", "name": outlet, "url": site},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": f"Speaker {i % 997}"},
                         "datePublished": f"{year}-01-01"},
        "reviewRating": {"@type": "Rating", "alternateName": rating, "name": rating,
                         **({"ratingValue": value, "bestRating": 5, "worstRating": 1} if value else {})},
    }
    return item


def feed_items(n: int, seed: int = 19) -> Iterator[dict]:
    rng = random.Random(seed)
    for i in range(n):
        yield {"@type": "DataFeedItem", "dateCreated": "2026-12-02", "item": [review(i, rng)]}


def write_feed(path: Path, n: int, seed: int = 19) -> None:
    """The feed written item by item: 100,000 items never sit in memory as one list."""
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [\n')
        for i, item in enumerate(feed_items(n, seed)):
            out.write(("," if i else "") + json.dumps(item, ensure_ascii=False) + "\n")
        out.write("]}\n")


def generated_checks(n: int, seed: int = 19) -> list:
    """N generated fact-checks as the reader returns them (for benchmarks that need no file)."""
    from workbench.factchecks.read import entries

    return [check for item in feed_items(n, seed) for check in entries(item, "generated")]


if __name__ == "__main__":
    write_feed(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
