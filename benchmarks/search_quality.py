"""Search quality: recall@1, @5, @10 and MRR over queries a fact-checker types, beside plain FTS5 BM25.

    python benchmarks/search_quality.py [--verbose] [--polnear-db PATH] [--only samples|polnear] [--by-block]

Two query sets: the samples' (below) and 140 written by hand over PolNeAR's train split
(benchmarks/polnear_search_queries.py; its 840 articles are imported from ../shared/eval at run time,
or the set is skipped when they are absent; --polnear-db keeps that import between runs). Each set is
also run, in the same run, through SQLite's own FTS5 over the same sentences (porter tokenizer, the
query's words ORed, ranked by bm25, no normalisation): the row any search must beat. PolNeAR is scored
twice: by the copy a result shows (its sentence must hold the target's words), and as a group of copies
(workbench.search_groups) counts when any copy is the target, BM25's sentences grouped by the same rule.

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
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
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
    ("average rent Leedsham 1085 a month", RENTS, ("£1,085", "£1,085 a month")),  # the claim keeps its period now
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


POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-train" / "text"


def build(folder: Path, source: Path = SAMPLES, db: Path | None = None) -> Path:
    db = db or folder / "quality.db"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "import", str(source)],
                       check=True, capture_output=True, text=True)
    return db


def baseline_index(db) -> None:
    """FTS5 as it comes: the sentences that hold claims, porter tokenizer, no normalisation."""
    db.execute("DROP TABLE IF EXISTS temp.baseline")
    db.execute("CREATE VIRTUAL TABLE temp.baseline USING fts5(sentence, article_id UNINDEXED, tokenize='porter')")
    db.execute("INSERT INTO temp.baseline (sentence, article_id) "
               "SELECT DISTINCT COALESCE(sentence, text), article_id FROM claims")


def baseline_search(db, query: str, limit: int = 20) -> list[tuple[str, int]]:
    """(sentence, article id) by bm25, the query's words ORed."""
    words = re.findall(r"\w+", query.lower())
    if not words:
        return []
    expression = " OR ".join('"' + w + '"' for w in words)
    return db.execute("SELECT sentence, article_id FROM temp.baseline WHERE baseline MATCH ? ORDER BY rank LIMIT ?",
                      [expression, limit]).fetchall()


def squash(text: str) -> str:
    return " ".join(plain(text or "").split())


def summary(name: str, ranks: list[int | None], times: list[float]) -> dict:
    n = len(ranks)
    return {"set": name, "queries": n, "recall_at_1": round(sum(r == 1 for r in ranks) / n, 3),
            "recall_at_5": round(sum(r is not None and r <= 5 for r in ranks) / n, 3),
            "recall_at_10": round(sum(r is not None and r <= 10 for r in ranks) / n, 3),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
            "ms_median": round(1000 * statistics.median(times), 1),
            "ms_p95": round(1000 * sorted(times)[int(0.95 * (n - 1))], 1)}


def plain(text: str) -> str:
    """Curly quotes as straight: the expected texts above are typed, the stored ones are the article's."""
    return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")


def rank_of(found: list[dict], files: dict[int, str], file: str, expected: str | tuple[str, ...]) -> int | None:
    wanted = {plain(e) for e in ((expected,) if isinstance(expected, str) else expected)}
    for rank, row in enumerate(found, 1):
        if files[row["article_id"]] == file and ("*" in wanted or plain(row["text"]) in wanted):
            return rank
    return None


def baseline_rank_of(found: list[tuple[str, int]], files: dict[int, str], file: str,
                     expected: str | tuple[str, ...]) -> int | None:
    wanted = [squash(e) for e in ((expected,) if isinstance(expected, str) else expected)]
    for rank, (sentence, article_id) in enumerate(found, 1):
        if files[article_id] == file and ("*" in wanted or any(w in squash(sentence) for w in wanted)):
            return rank
    return None


def sentence_rank_of(db, found: list[dict], files: dict[int, str], file: str, substring: str) -> int | None:
    """The rank of the first claim of the target sentence (any article's copy for file "*"; a copy shown
    once for several articles counts for each of them)."""
    wanted = squash(substring)
    for rank, row in enumerate(found, 1):
        articles = {row["article_id"], *row.get("also_in_articles", [])}
        if file != "*" and file not in {files[a] for a in articles}:
            continue
        sentence = db.execute("SELECT COALESCE(sentence, text) FROM claims WHERE id = ?", [row["id"]]).fetchone()[0]
        if wanted in squash(sentence):
            return rank
    return None


def group_rank_of(db, found: list[dict], files: dict[int, str], file: str, substring: str) -> int | None:
    """The rank of the first result whose group holds the target sentence: the copy shown or any other copy
    (`also_in_claims`). A reviewer who sees the group sees every copy; the copy shown may be another
    article's lightly edited sentence, which the target's words need not be a substring of."""
    wanted = squash(substring)
    for rank, row in enumerate(found, 1):
        for claim_id in (row["id"], *row.get("also_in_claims", [])):
            article_id, sentence = db.execute(
                "SELECT article_id, COALESCE(sentence, text) FROM claims WHERE id = ?", [claim_id]).fetchone()
            if (file == "*" or files[article_id] == file) and wanted in squash(sentence):
                return rank
    return None


def baseline_grouped(found: list[tuple[str, int]], limit: int = 20) -> list[list[tuple[str, int]]]:
    """BM25's sentences grouped by the rule workbench search groups by (workbench.search_groups): identical
    or near-identical sentences of different articles are one result, at the best copy's place."""
    from workbench.search_groups import near_identical, written_sentence

    groups: list[list[tuple[str, int]]] = []
    firsts: list = []
    for sentence, article_id in found:
        read = written_sentence(sentence)
        at = next((i for i, first in enumerate(firsts) if article_id not in {a for _, a in groups[i]}
                   and near_identical(first, read)), None)
        if at is None:
            if len(groups) >= limit:
                continue
            at = len(groups)
            groups.append([])
            firsts.append(read)
        groups[at].append((sentence, article_id))
    return groups


def baseline_group_rank_of(groups: list[list[tuple[str, int]]], files: dict[int, str], file: str,
                           substring: str) -> int | None:
    wanted = squash(substring)
    for rank, group in enumerate(groups, 1):
        if any((file == "*" or files[article_id] == file) and wanted in squash(sentence)
               for sentence, article_id in group):
            return rank
    return None


def baseline_sentence_rank_of(found: list[tuple[str, int]], files: dict[int, str], file: str,
                              substring: str) -> int | None:
    wanted = squash(substring)
    for rank, (sentence, article_id) in enumerate(found, 1):
        if (file == "*" or files[article_id] == file) and wanted in squash(sentence):
            return rank
    return None


KIND_NAMES = {"R": "reworded, figures reformatted", "M": "misspelt names", "S": "speaker + quote words",
              "T": "topic words only", "F": "short figure + noun"}


def holds_claim(db, file: str, substring: str) -> bool:
    wanted = squash(substring)
    return any((file == "*" or Path(origin).name == file) and wanted in squash(sentence) for origin, sentence in
               db.execute("SELECT a.origin, COALESCE(c.sentence, c.text) FROM claims c "
                          "JOIN articles a ON a.id = c.article_id"))


def run_set(db, name: str, queries: list, rank, baseline_rank, verbose: bool, kinds: list[str] | None = None,
            grouped: bool = False) -> list[dict]:
    """`grouped`: also score each query as a group of copies counts (group_rank_of), and BM25's sentences
    grouped by the same rule (baseline_grouped), beside the scoring by the copy shown."""
    from workbench.search import search_claims

    files = {i: Path(origin).name for i, origin in db.execute("SELECT id, origin FROM articles")}
    baseline_index(db)
    ranks, times, base_ranks, base_times = [], [], [], []
    group_ranks, base_group_ranks = [], []
    for query, file, expected in queries:
        t = time.perf_counter()
        found = search_claims(db, query, limit=20)
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        base = baseline_search(db, query)
        base_times.append(time.perf_counter() - t)
        ranks.append(rank(db, found, files, file, expected))
        base_ranks.append(baseline_rank(base, files, file, expected))
        if grouped:
            group_ranks.append(group_rank_of(db, found, files, file, expected))
            groups = baseline_grouped(baseline_search(db, query, 100))
            base_group_ranks.append(baseline_group_rank_of(groups, files, file, expected))
        if verbose:
            top = f"{found[0]['text'][:40]!r} {found[0]['score']}" if found else "-"
            also = f" grouped {group_ranks[-1] or '-':>3} {base_group_ranks[-1] or '-':>3}" if grouped else ""
            print(f"{ranks[-1] or '-':>3} {base_ranks[-1] or '-':>3}{also}  {query!r:55} top: {top}")
    rows = [summary(f"{name}: workbench search", ranks, times), summary(f"{name}: FTS5 bm25 baseline", base_ranks,
                                                                          base_times)]
    if grouped:  # the same queries scored as a group of copies counts, for both (times are the rows' above)
        rows += [summary(f"{name}: workbench search, any copy in the group counts", group_ranks, times),
                 summary(f"{name}: FTS5 bm25 baseline, grouped alike, any copy counts", base_group_ranks,
                         base_times)]
    for kind in sorted(set(kinds or [])):  # each kind of query on its own
        pick = [i for i, k in enumerate(kinds) if k == kind]
        for label, r, t in (("workbench search", ranks, times), ("FTS5 bm25 baseline", base_ranks, base_times)):
            rows.append(summary(f"{name} {KIND_NAMES.get(kind, kind)}: {label}", [r[i] for i in pick],
                                [t[i] for i in pick]))
    return rows


def polnear_blocks() -> dict[tuple[str, str, str], int]:
    """Each PolNeAR query's block: 0 for the queries before the first comment inside the list, then one more
    for each run of comment lines (the blocks written later, each under a comment saying when and how)."""
    import ast

    source = (Path(__file__).resolve().parent / "polnear_search_queries.py").read_text(encoding="utf-8")
    body = source[source.index("QUERIES:"):].splitlines()
    block, in_comment, at = 0, False, {}
    for line in body[1:]:
        stripped = line.strip()
        if stripped.startswith("#"):
            if not in_comment:
                block += 1
            in_comment = True
            continue
        in_comment = False
        if stripped.startswith("("):
            kind, query, file, sub = ast.literal_eval(stripped.rstrip(","))
            at.setdefault((query, file, sub), block)
    return at


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="print each query's rank, the baseline's, and top hit")
    ap.add_argument("--polnear-db", type=Path, help="import PolNeAR train here once and reuse it")
    ap.add_argument("--only", choices=["samples", "polnear"], help="run one set")
    ap.add_argument("--by-block", action="store_true",
                    help="also score each block of polnear_search_queries.py (a run of queries under one comment)")
    a = ap.parse_args()
    from workbench.store import open_db

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        if a.only != "polnear":
            db = open_db(build(Path(folder)))
            rows += run_set(db, "samples", QUERIES, lambda db, *x: rank_of(*x), baseline_rank_of, a.verbose)
        if a.only != "samples":
            if not POLNEAR.is_dir():
                print(f"skipped: PolNeAR set ({POLNEAR} is absent)", file=sys.stderr)
            else:
                from polnear_search_queries import QUERIES as POLNEAR_QUERIES

                db = open_db(build(Path(folder), POLNEAR, a.polnear_db.resolve() if a.polnear_db else Path(folder) / "polnear.db"))
                queries = [(q, file, sub, kind) for kind, q, file, sub in POLNEAR_QUERIES]
                # a sentence that holds no claim (no figure, date or quote the extractor found) cannot be
                # found by a claim search: those queries are counted, not scored
                reachable = [x for x in queries if holds_claim(db, x[1], x[2])]
                kinds = [x[3] for x in reachable]
                print(json.dumps({"set": "polnear-train", "queries": len(queries),
                                  "target_sentence_holds_no_claim": len(queries) - len(reachable)}))
                queries = [x[:3] for x in reachable]
                rows += run_set(db, "polnear-train", queries, sentence_rank_of, baseline_sentence_rank_of,
                                a.verbose, kinds, grouped=True)
                if a.by_block:
                    at = polnear_blocks()
                    block_of = [at[(q, f, s)] for q, f, s in queries]
                    for block in sorted(set(block_of)):
                        pick = [x for x, b in zip(queries, block_of) if b == block]
                        rows += run_set(db, f"polnear-train block {block} ({len(pick)} scored)", pick,
                                        sentence_rank_of, baseline_sentence_rank_of, False)
    for row in rows:
        print(json.dumps(row))


if __name__ == "__main__":
    main()
