"""Realistic, made-up news articles for load and crash runs: a folder of distinct plain-text
articles with a header (headline, byline, date), a dateline, figures, money, dates and quotes.

Every sentence here was written for these runs; nothing comes from the evaluation data.
"""
from __future__ import annotations

import random
from pathlib import Path

PLACES = ["HARROWFIELD", "PORT ELLIS", "KINGSMERE", "BRACKNOLD", "ASHBY VALE", "NORTHWICK", "LOWESTON", "CARRICK BAY"]
PEOPLE = [("Helen Marsh", "council leader"), ("Daniel Okafor", "health minister"), ("Priya Nair", "chief economist"),
          ("Tomás Reyes", "union general secretary"), ("Grace Whitfield", "fire chief"),
          ("Owen Lindqvist", "head of planning"), ("Amara Boateng", "hospital director"),
          ("Felix Durand", "transport secretary")]
TOPICS = [
    ("Council {verb} £{m}m plan for {thing}", "flood defences", ["backs", "delays", "approves", "scraps"]),
    ("Hospital waiting lists {verb} as {thing} bites", "winter pressure", ["grow", "lengthen", "double"]),
    ("Rail fares to rise {p}% after {thing}", "pay deal", [""]),
    ("School budgets {verb} in {thing} review", "spending", ["cut", "frozen", "protected"]),
    ("House prices {verb} {p}% in year to {month}", "market", ["rise", "fall", "climb"]),
    ("Factory closure puts {n} jobs at risk in {thing}", "the north", [""]),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SENTENCES = [
    "The figures, published on {weekday}, show that {n:,} households were affected, up from {n2:,} a year earlier.",
    "Spending rose to £{m}.{d} billion in {month}, about {p}% more than officials had forecast in {year}.",
    "Around one in {k} residents said they had waited more than {w} weeks for a reply.",
    "The scheme will cost ${m} million over {y} years, with a further €{m2}m set aside for repairs.",
    "Between {a} and {b} staff are expected to move to the new site by {month} {year}.",
    "It was the {ordinal} increase in a row and the largest since {year}.",
    "Officials said the backlog had fallen by a third since the start of the year.",
    "Inspectors visited {n2:,} sites last week and found problems at nearly {p} per cent of them.",
    "Average journey times fell from {a} minutes to {b} minutes on the busiest routes.",
    "The council has {n2:,} homes on its waiting list, compared with {a},{d}00 in {year}.",
]
QUOTES = [
    '"We cannot keep asking people to wait this long," said {name}, the {role}.',
    '{name}, the {role}, said: "The money is there, but it has to reach the front line."',
    '"These are not just numbers," {name} said. "Every one of them is a family."',
    'The {role} said the decision was "deeply disappointing" for the town.',
    '"We expect the first results by {month}," she said.',
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ORDINALS = ["second", "third", "fourth", "fifth"]


def write_article(rng: random.Random, serial: int) -> str:
    """One article as plain text; `serial` makes every body distinct."""
    place = rng.choice(PLACES)
    name, role = rng.choice(PEOPLE)
    year = rng.randint(2015, 2025)
    fill = dict(
        verb="", m=rng.randint(2, 900), m2=rng.randint(2, 90), p=rng.randint(2, 40),
        n=rng.randint(1000, 90000), n2=rng.randint(100, 9000), d=rng.randint(1, 9), k=rng.randint(3, 9),
        w=rng.randint(2, 30), y=rng.randint(2, 12), a=rng.randint(10, 60), b=rng.randint(61, 200),
        month=rng.choice(MONTHS), year=year, weekday=rng.choice(WEEKDAYS), ordinal=rng.choice(ORDINALS),
        name=name, role=role, thing="",
    )
    template, thing, verbs = rng.choice(TOPICS)
    fill["thing"], fill["verb"] = thing, rng.choice(verbs)
    headline = template.format(**fill)
    paragraphs = [f"{place}: " + rng.choice(SENTENCES).format(**fill)]
    for _ in range(rng.randint(6, 14)):
        pool = QUOTES if rng.random() < 0.35 else SENTENCES
        fill.update(n=rng.randint(1000, 90000), p=rng.randint(2, 40), m=rng.randint(2, 900))
        paragraphs.append(rng.choice(pool).format(**fill))
    paragraphs.append(f"The report, number {serial} in the series, will be debated by the full council next month.")
    day = rng.randint(1, 28)
    header = [headline, f"By {rng.choice(PEOPLE)[0]}", f"{day} {fill['month']} {year}", ""]
    return "\n".join(header) + "\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """`count` distinct articles as .txt files in `folder`; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:03d}.txt"
        path.write_text(write_article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths
