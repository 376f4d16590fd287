"""Extraction speed: words per second of `workbench extract --json` in one process, start-up included.

Writes a few thousand made-up, real-length news articles (600-1,200 words: header,
dateline, figures, money, dates, quotes, scene-setting) into a temp folder, times the
real CLI over all of them through ../shared/tools/score_corpus.py's `speed` mode
(or our own timer when that scorer is absent), and with --profile shows where the
time goes, module by module. Every sentence here was written for this benchmark.

    .venv/bin/python benchmarks/extract_speed.py [--articles 3000] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_corpus.py"

NAMES = ["Marta Kowalski", "Idris Bello", "Sunita Rao", "Callum Fraser", "Lena Vogel", "Ahmed Karimi",
         "Rosa Delgado", "Peter Nwosu", "Ingrid Holm", "Kenji Mori"]
ROLES = ["finance minister", "mayor", "police chief", "head of the regional health board", "opposition leader",
         "chief executive", "spokeswoman for the ministry", "union leader"]
TOWNS = ["Eastbrook", "Carlow Ridge", "Millhaven", "New Tarrow", "Stanmere", "Olden Cross", "Redwater"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FACTS = [
    "The number of people waiting more than {n} weeks rose to {big:,} in {month}, up {p}% on a year earlier.",
    "The government will spend £{m}.{d} billion (${m2} billion) on the plan over the next {y} years.",
    "Unemployment fell to {p}.{d} per cent, the lowest rate since {year}, according to the statistics office.",
    "At least {n} people were killed and {big:,} injured when the bridge collapsed on {day}.",
    "Mr. {last} said the U.S. had sent {n} aircraft and about {big:,} troops to the region by {month} {year}.",
    "Prices have doubled since {year}, while average wages grew by only {p}% over the same period.",
    "Nearly two-thirds of the {big:,} households surveyed said they could not afford a {m}% rise in rent.",
    "The company reported a profit of €{m} million for the quarter, compared with a loss of €{n}m a year ago.",
    "Between {n} and {big:,} homes lost power after the storm, Dr. {last} told reporters at 3 p.m. on {day}.",
    "It was the {ord} time in {y} years that the river had burst its banks at No. {n} Quay Street.",
    "Police said {n} of the {big:,} arrests made since {month} {d} were linked to the same gang.",
    "Exports to China dropped by a third to ${m}.{d} billion, the biggest fall since the crisis of {year}.",
]
SCENES = [
    "The mood in the hall was quiet as delegates filed in from the rain.",
    "Outside, a small crowd gathered with banners and flasks of tea.",
    "The debate is expected to continue well into the evening.",
    "Residents described a long night of sirens and flashing lights.",
    "Some shops along the high street stayed open late; others did not open at all.",
    "It is not yet clear what the next step will be.",
    "Many of those at the meeting had travelled from neighbouring villages.",
    "Is this the end of the road for the project? Few here think so.",
]
QUOTES = [
    '"We have been warning about this for years," said {name}, the {role}. "Nobody listened."',
    '{name}, the {role}, said: "The money is simply not reaching the people who need it."',
    '"This is a good day for {town}," {last} told reporters. "But there is much more to do."',
    'The {role} said the figures were "deeply worrying" and promised a review by {month}.',
    '“We will not be rushed,” {name} said on {day}. “The public deserves the full facts.”',
    "According to {name}, the {role}, the cuts would cost {n} jobs in {town} alone.",
]


def write_article(rng: random.Random, serial: int) -> str:
    def fill(template: str) -> str:
        name = rng.choice(NAMES)
        return template.format(
            n=rng.randint(2, 99), big=rng.randint(1_000, 250_000), p=rng.randint(2, 60), m=rng.randint(2, 90),
            m2=rng.randint(2, 120), d=rng.randint(1, 9), y=rng.randint(2, 12), year=rng.randint(1990, 2014),
            month=rng.choice(MONTHS), day=rng.choice(DAYS), name=name, last=name.split()[-1],
            role=rng.choice(ROLES), town=rng.choice(TOWNS), ord=rng.choice(["second", "third", "fifth"]))

    town = rng.choice(TOWNS)
    lines = [f"{town} faces hard choices after report number {serial}", "",
             f"By {rng.choice(NAMES)}", f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2015", ""]
    words = 0
    target = rng.randint(600, 1200)
    first = True
    while words < target:
        parts = [rng.choice(FACTS), rng.choice(SCENES), rng.choice(QUOTES), rng.choice(FACTS)]
        rng.shuffle(parts)
        paragraph = " ".join(fill(p) for p in parts[: rng.randint(2, 4)])
        if first:
            paragraph = f"{town.upper()} — " + paragraph
            first = False
        lines += [paragraph, ""]
        words += len(paragraph.split())
    return "\n".join(lines)


def write_articles(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(write_article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


def run_cli(folder: Path) -> None:
    if SCORER.exists():
        cmd = [sys.executable, str(SCORER), "speed", str(folder)]
        env = {"EXTRACT_CMD": f"{ROOT / '.venv' / 'bin' / 'workbench'} extract --json"}
        subprocess.run(cmd, check=False, cwd=ROOT, env={**os.environ, **env})
        return
    paths = sorted(folder.glob("*.txt"))
    words = sum(len(p.read_bytes().split()) for p in paths)
    t0 = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "workbench"), "extract", "--json", *map(str, paths)],
                   check=True, stdout=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    print(f"speed: {len(paths)} articles, {words} words in {dt:.2f}s = {words / dt:,.0f} words/s")


def profile(folder: Path) -> None:
    """Time extract() in-process and total the time spent in each workbench.extract module."""
    sys.path.insert(0, str(ROOT))
    from workbench.extract import extract

    bodies = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    for body in bodies:
        extract(body)
    profiler.disable()
    dt = time.perf_counter() - t0
    words = sum(len(b.split()) for b in bodies)
    print(f"in-process extract(): {words / dt:,.0f} words/s (under the profiler)")
    by_module: dict[str, float] = defaultdict(float)
    for (filename, _line, _func), (_cc, _nc, tottime, _ct, _callers) in pstats.Stats(profiler).stats.items():
        name = Path(filename).stem if "workbench" in filename else ("re (regex engine)" if filename == "~" else
                                                                  Path(filename).stem)
        by_module[name] += tottime
    total = sum(by_module.values())
    for name, spent in sorted(by_module.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {name:28s} {spent:6.2f}s  {100 * spent / total:5.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--profile", action="store_true", help="also profile extract() in-process by module")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_articles(folder, a.articles)
        run_cli(folder)
        if a.profile:
            profile(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
