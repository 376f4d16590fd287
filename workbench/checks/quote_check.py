"""Quote check: find where a quote came from in a source text and show how it was changed.

Word-pair anchors locate the passage (or the passages, for a quote stitched from two
places), a word-level diff shows what was omitted, added or changed, and the changes
that can flip meaning (negations, numbers, names, silent cuts) are called out.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from typing import Any

from rapidfuzz import fuzz

from ..extract.numbers import SCALES, TENS_WORDS, UNITS_WORDS, words_value

# digits stay whole ("12,000", "18.2"); words keep their apostrophes ("isn't", "what’s")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|\[\s*\.\.\.\s*\]")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*[\"“‘(]*$|^\s*[\"“‘(]*$")
NEGATIONS = frozenset("not no never nor none nobody nothing neither nowhere cannot".split())
NUMBER_WORDS = frozenset({*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand", "million", "billion", "trillion",
                          "dozen"})
CONTEXT_CHARS = 160      # context shown each side of the passage
CLUSTER_GAP = 40         # source words between anchors that still belong to one passage
CUT_WORDS = 3            # an unmarked omission this long in mid-quote is a cut, not a slip
NOT_FOUND_COVERAGE = 0.5  # share of quote words that must appear in order in the passage
NOT_FOUND_SCORE = 55.0
MINOR_SCORE = 80.0


@dataclass(frozen=True)
class DiffOp:
    """One step of the word diff, read from the source towards the quote."""

    op: str  # equal | omitted (in source, not in quote) | added (in quote only) | changed
    source_words: tuple[str, ...]
    quote_words: tuple[str, ...]
    source_start: int | None = None  # offsets into source_text of the source words
    source_end: int | None = None
    elided: bool = False  # the quote marks this omission with an ellipsis

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["source_words"], out["quote_words"] = list(self.source_words), list(self.quote_words)
        return out


@dataclass(frozen=True)
class QuoteWarning:
    kind: str  # negation | number | name | cut | stitched
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class QuoteCheck:
    """Where a quote sits in its source and how faithfully it was reproduced."""

    verdict: str  # verbatim | minor wording | materially altered | not found
    score: float  # 0..100, the quote's words against the passage's
    start: int | None  # passage offsets in source_text: source_text[start:end] == passage
    end: int | None
    passage: str
    context: str  # the passage with a little text around it
    context_start: int | None
    segments: tuple[tuple[int, int], ...]  # one span per place the quote was taken from
    ops: tuple[DiffOp, ...]
    warnings: tuple[QuoteWarning, ...]

    @property
    def stance(self) -> str:
        """The stance a source link takes by default; the reviewer may change it."""
        return {"verbatim": "supports", "minor wording": "supports", "materially altered": "refutes"}.get(
            self.verdict, "context")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["segments"] = [list(s) for s in self.segments]
        out["ops"] = [op.to_dict() for op in self.ops]
        out["warnings"] = [w.to_dict() for w in self.warnings]
        return out


@dataclass(frozen=True)
class _Words:
    raw: list[str]
    norm: list[str]
    starts: list[int]
    ends: list[int]


def _words(text: str) -> _Words:
    raw, starts, ends = [], [], []
    for m in _TOKEN.finditer(text):
        raw.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    norm = text.translate(_APOSTROPHES).lower()
    # lower() can change a string's length (İ): then normalise word by word
    if len(norm) == len(text):
        folded = [norm[s:e] for s, e in zip(starts, ends)]
    else:
        folded = [w.translate(_APOSTROPHES).lower() for w in raw]
    return _Words(raw, folded, starts, ends)


def check_quote(quote: str, source_text: str) -> QuoteCheck:
    """Find `quote` in `source_text` (a transcript, speech or release) and diff it word by word."""
    q = _words(quote)
    s = _words(source_text)
    if not q.norm or not s.norm:
        return _not_found()
    clusters = _clusters(q.norm, s.norm)
    segments = _pick_segments(clusters, len(q.norm))
    if not segments:
        return _not_found()
    elided = _ellipsis_points(quote, q)
    ops: list[DiffOp] = []
    warnings: list[QuoteWarning] = []
    spans: list[tuple[int, int]] = []
    aligned_source: list[str] = []
    joins: set[int] = set()  # indexes of ops that stand for the gap between two places
    previous: tuple[int, int] | None = None  # (source word end, quote word end) of the last segment
    for qa, qb, pa, pb in segments:
        seg_ops, first, last = _diff_segment(q, s, qa, qb, pa, pb, elided)
        if first is None:
            continue
        if previous is not None:
            ops_gap, warn = _join(s, previous, (first, qa), elided)
            joins.update(range(len(ops), len(ops) + len(ops_gap)))
            ops.extend(ops_gap)
            warnings.extend(warn)
        ops.extend(seg_ops)
        spans.append((s.starts[first], s.ends[last - 1]))
        previous = (last, qb)
        for op in seg_ops:
            if not op.elided:
                aligned_source.extend(w.translate(_APOSTROPHES).lower() for w in op.source_words)
    if not spans:
        return _not_found()
    warnings.extend(_meaning_warnings(ops, joins, quote, q, s, source_text))
    score = round(fuzz.ratio(" ".join(q.norm), " ".join(aligned_source)), 1)
    equal_words = sum(len(op.quote_words) for op in ops if op.op == "equal")
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    context, context_start = _context(source_text, spans)
    if equal_words / len(q.norm) < NOT_FOUND_COVERAGE or score < NOT_FOUND_SCORE:
        # the closest passage is still shown, but a diff against unrelated words warns of nothing
        verdict, warnings = "not found", []
    elif warnings or score < MINOR_SCORE:
        verdict = "materially altered"
    elif all(op.op == "equal" or op.elided for op in ops):
        verdict = "verbatim"
    else:
        verdict = "minor wording"
    return QuoteCheck(verdict, score, start, end, source_text[start:end], context, context_start, tuple(spans),
                      tuple(ops), tuple(warnings))


def _not_found() -> QuoteCheck:
    return QuoteCheck("not found", 0.0, None, None, "", "", None, (), (), ())


def _clusters(quote: list[str], source: list[str]) -> list[list[tuple[int, int]]]:
    """Runs of (source word, quote word) anchors that sit close together in the source."""
    if len(quote) == 1:
        hits = [(p, 0) for p, w in enumerate(source) if w == quote[0]]
    else:
        pairs: dict[tuple[str, str], list[int]] = {}
        for i, pair in enumerate(zip(quote, quote[1:])):
            pairs.setdefault(pair, []).append(i)
        # one pass over the source; only word pairs the quote holds are looked at twice
        hits = [(p, i) for p, pair in enumerate(zip(source, source[1:])) if pair in pairs for i in pairs[pair]]
    clusters: list[list[tuple[int, int]]] = []
    for hit in hits:  # already in source order
        if clusters and hit[0] - clusters[-1][-1][0] <= CLUSTER_GAP:
            clusters[-1].append(hit)
        else:
            clusters.append([hit])
    return clusters


def _chain(cluster: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of anchors whose quote positions rise with their source positions."""
    tails: list[int] = []  # quote position ending the best chain of each length
    tail_index: list[int] = []
    back: list[int] = [-1] * len(cluster)
    for k, (_p, i) in enumerate(cluster):
        n = bisect.bisect_left(tails, i)
        if n == len(tails):
            tails.append(i)
            tail_index.append(k)
        else:
            tails[n] = i
            tail_index[n] = k
        back[k] = tail_index[n - 1] if n else -1
    chain, k = [], tail_index[-1] if tail_index else -1
    while k != -1:
        chain.append(cluster[k])
        k = back[k]
    return chain[::-1]


def _covered(chain: list[tuple[int, int]], single: bool) -> set[int]:
    out: set[int] = set()
    for _p, i in chain:
        out.add(i)
        if not single:
            out.add(i + 1)
    return out


def _pick_segments(clusters: list[list[tuple[int, int]]], m: int) -> list[tuple[int, int, int, int]]:
    """Places the quote was taken from: (quote word start, end, source anchor start, end), in quote order."""
    single = m == 1
    chains = [c for c in (_chain(cl) for cl in clusters) if c]
    if not chains:
        return []
    picked: list[tuple[list[tuple[int, int]], set[int]]] = []
    uncovered = set(range(m))
    for _ in range(3):  # a quote is rarely stitched from more than three places
        best, best_cover = None, set()
        for chain in chains:
            cover = _covered(chain, single) & uncovered
            if len(cover) > len(best_cover):
                best, best_cover = chain, cover
        # a later place must bring a phrase of its own (two word pairs), not a stray "of the"
        if best is None or (picked and len(best_cover) < 3):
            break
        chains.remove(best)
        if picked:  # keep only the anchors that fall in the words still uncovered
            best = [h for h in best if h[1] in uncovered or h[1] + 1 in uncovered]
        picked.append((best, best_cover))
        uncovered -= best_cover
        if len(_longest_run(uncovered)) < CUT_WORDS:
            break
    picked.sort(key=lambda pc: min(pc[1]))
    segments = []
    bounds = [min(cover) for _, cover in picked][1:] + [m]
    qa = 0
    for (chain, cover), qb in zip(picked, bounds):
        first_p, first_i = chain[0]
        last_p, last_i = chain[-1]
        anchor_end = last_p + (1 if single else 2)
        quote_anchor_end = last_i + (1 if single else 2)
        # stretch the source window by the quote words before/after the anchors, plus slack for edits
        pa = first_p - (first_i - qa) - 2
        pb = anchor_end + (qb - quote_anchor_end) + 2
        segments.append((qa, qb, pa, pb))
        qa = qb
    return segments


def _longest_run(positions: set[int]) -> list[int]:
    best: list[int] = []
    run: list[int] = []
    for i in sorted(positions):
        run = run + [i] if run and run[-1] == i - 1 else [i]
        if len(run) > len(best):
            best = run
    return best


def _ellipsis_points(quote: str, q: _Words) -> set[int]:
    """Quote word positions that follow an ellipsis: an omission there is marked."""
    points = set()
    for j in range(len(q.raw) + 1):
        gap = quote[(q.ends[j - 1] if j else 0):(q.starts[j] if j < len(q.raw) else len(quote))]
        if _ELLIPSIS.search(gap):
            points.add(j)
    return points


def _diff_segment(q: _Words, s: _Words, qa: int, qb: int, pa: int, pb: int,
                  elided: set[int]) -> tuple[list[DiffOp], int | None, int]:
    """Diff quote words [qa, qb) against source words [pa, pb); trim source words outside the quote."""
    pa, pb = max(pa, 0), min(pb, len(s.norm))
    codes = SequenceMatcher(None, s.norm[pa:pb], q.norm[qa:qb], autojunk=False).get_opcodes()
    # source words before the quote's first word and after its last are not part of the passage
    while codes and codes[0][0] == "delete":
        codes = codes[1:]
    while codes and codes[-1][0] == "delete":
        codes = codes[:-1]
    if not codes:
        return [], None, 0
    codes = _trim_edge_changes(codes, s.norm[pa:pb], q.norm[qa:qb])
    ops = []
    names = {"equal": "equal", "delete": "omitted", "insert": "added", "replace": "changed"}
    for tag, i1, i2, j1, j2 in codes:
        src = (pa + i1, pa + i2)
        start = s.starts[src[0]] if src[1] > src[0] else None
        end = s.ends[src[1] - 1] if src[1] > src[0] else None
        ops.append(DiffOp(names[tag], tuple(s.raw[src[0]:src[1]]), tuple(q.raw[qa + j1:qa + j2]), start, end,
                          elided=tag == "delete" and (qa + j1) in elided))
    with_source = [c for c in codes if c[2] > c[1]]
    if not with_source:
        return ops, None, 0
    first_source, last_source = pa + with_source[0][1], pa + with_source[-1][2]
    return ops, first_source, last_source


def _trim_edge_changes(codes: list[tuple], source: list[str], quote: list[str]) -> list[tuple]:
    """A change at either end of the quote may have swallowed slack source words: keep the ones that read best."""
    codes = list(codes)
    tag, i1, i2, j1, j2 = codes[0]
    if tag == "replace" and i2 - i1 > 1:
        said = " ".join(quote[j1:j2])
        best = max(range(i1, i2), key=lambda i: (fuzz.ratio(" ".join(source[i:i2]), said), i))
        codes[0] = (tag, best, i2, j1, j2)
    tag, i1, i2, j1, j2 = codes[-1]
    if tag == "replace" and i2 - i1 > 1:
        said = " ".join(quote[j1:j2])
        best = max(range(i1 + 1, i2 + 1), key=lambda e: (fuzz.ratio(" ".join(source[i1:e]), said), -e))
        codes[-1] = (tag, i1, best, j1, j2)
    return codes


def _join(s: _Words, previous: tuple[int, int], here: tuple[int, int], elided: set[int]
          ) -> tuple[list[DiffOp], list[QuoteWarning]]:
    """What lies between two places a quote was taken from, and whether the quote admits the join."""
    prev_end, _ = previous
    first, quote_at = here
    marked = quote_at in elided
    if first >= prev_end:
        gap = list(range(prev_end, first))
        words = tuple(s.raw[k] for k in gap[:12]) + (("…",) if len(gap) > 12 else ())
        op = DiffOp("omitted", words, (), s.starts[gap[0]] if gap else None, s.ends[gap[-1]] if gap else None,
                    elided=marked)
        warn = [] if marked or not gap else [QuoteWarning(
            "stitched", f"joins two passages {len(gap)} words apart with no ellipsis")]
        return ([op] if gap else []), warn
    warn = [] if marked else [QuoteWarning("stitched", "joins two passages in a different order from the source")]
    return [], warn


def _is_negation(word: str) -> bool:
    w = word.translate(_APOSTROPHES).lower()
    return w in NEGATIONS or w.endswith("n't")


def _negation_form(word: str) -> str:
    """'isn't', 'cannot' and 'not' deny alike; 'never' and 'no' say something else."""
    w = word.translate(_APOSTROPHES).lower()
    return "not" if w.endswith("n't") or w == "cannot" else w


def _number_value(word: str) -> float | None:
    w = word.lower()
    if w[:1].isdigit():
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    if w in SCALES and w not in ("k", "m", "b"):
        return float(SCALES[w])
    if w in NUMBER_WORDS:
        return words_value(w)
    return None


def _is_name(word: str, text: str, start: int | None, common: set[str]) -> bool:
    """A capitalised word that is not just opening a sentence (nor 'I'); `common` holds words seen lower-case."""
    if not word[:1].isupper() or word in ("I", "I'm", "I’m", "I'll", "I’ll", "I've", "I’ve", "I'd", "I’d"):
        return False
    if start is None or not _SENTENCE_END.search(text[max(0, start - 4):start]):
        return True
    return word.lower() not in common


def _meaning_warnings(ops: list[DiffOp], joins: set[int], quote: str, q: _Words, s: _Words, source_text: str) -> list[QuoteWarning]:
    warnings: list[QuoteWarning] = []
    quote_start_of = _quote_word_starts(ops, q)
    common = {w for w in s.raw if w.islower()}
    for k, op in enumerate(ops):
        if op.op == "equal" or op.elided or k in joins:
            continue
        dropped = [w for w in op.source_words if _is_negation(w)]
        added = [w for w in op.quote_words if _is_negation(w)]
        if len(dropped) > len(added):
            warnings.append(QuoteWarning("negation", f"drops {_words_list(dropped)} from the source"))
        elif len(added) > len(dropped):
            warnings.append(QuoteWarning("negation", f"adds {_words_list(added)} not in the source"))
        elif sorted(map(_negation_form, dropped)) != sorted(map(_negation_form, added)):
            warnings.append(QuoteWarning("negation", f"changes {_words_list(dropped)} to {_words_list(added)}"))
        src_numbers = [(w, _number_value(w)) for w in op.source_words if _number_value(w) is not None]
        quote_numbers = [(w, _number_value(w)) for w in op.quote_words if _number_value(w) is not None]
        if sorted(v for _, v in src_numbers) != sorted(v for _, v in quote_numbers):
            if src_numbers and quote_numbers:
                warnings.append(QuoteWarning("number", f"changes {_words_list([w for w, _ in src_numbers])} to "
                                                       f"{_words_list([w for w, _ in quote_numbers])}"))
            elif src_numbers:
                warnings.append(QuoteWarning("number", f"drops {_words_list([w for w, _ in src_numbers])}"))
            else:
                warnings.append(QuoteWarning("number", f"adds {_words_list([w for w, _ in quote_numbers])}"))
        src_names = [w for w, st in _source_word_starts(op, source_text) if _is_name(w, source_text, st, common)]
        quote_names = [w for w, st in zip(op.quote_words, quote_start_of[k]) if _is_name(w, quote, st, common)]
        lowered_src = {w.lower() for w in op.source_words}
        lowered_quote = {w.lower() for w in op.quote_words}
        gone = [w for w in src_names if w.lower() not in lowered_quote]
        new = [w for w in quote_names if w.lower() not in lowered_src]
        if gone and new:
            warnings.append(QuoteWarning("name", f"changes {_words_list(gone)} to {_words_list(new)}"))
        elif gone:
            warnings.append(QuoteWarning("name", f"drops {_words_list(gone)}"))
        elif new:
            warnings.append(QuoteWarning("name", f"adds {_words_list(new)}"))
        interior = 0 < k < len(ops) - 1
        if op.op == "omitted" and interior and len(op.source_words) >= CUT_WORDS:
            warnings.append(QuoteWarning(
                "cut", f"cuts {len(op.source_words)} words from the middle with no ellipsis: "
                       f"“{' '.join(op.source_words[:12])}{' …' if len(op.source_words) > 12 else ''}”"))
    return warnings


def _quote_word_starts(ops: list[DiffOp], q: _Words) -> list[list[int]]:
    """Each op's quote words' offsets in the quote, walking the quote in order."""
    out, j = [], 0
    for op in ops:
        n = len(op.quote_words)
        out.append(q.starts[j:j + n])
        j += n
    return out


def _source_word_starts(op: DiffOp, source_text: str) -> list[tuple[str, int | None]]:
    if op.source_start is None:
        return [(w, None) for w in op.source_words]
    out, pos = [], op.source_start
    for w in op.source_words:
        at = source_text.find(w, pos)
        out.append((w, at if at != -1 else None))
        pos = at + len(w) if at != -1 else pos
    return out


def _words_list(words: list[str]) -> str:
    return ", ".join(f"“{w}”" for w in words)


def _context(source_text: str, spans: list[tuple[int, int]]) -> tuple[str, int]:
    """The passage with some text around it; far-apart places are shown each with its own context."""
    ordered = sorted(spans)
    groups: list[list[int]] = []
    for a, b in ordered:
        if groups and a - groups[-1][1] <= 2 * CONTEXT_CHARS:
            groups[-1][1] = max(groups[-1][1], b)
        else:
            groups.append([a, b])
    pieces = []
    for a, b in groups:
        lo, hi = _word_edge_left(source_text, a - CONTEXT_CHARS), _word_edge_right(source_text, b + CONTEXT_CHARS)
        pieces.append((lo, source_text[lo:hi]))
    return " […] ".join(p for _, p in pieces), pieces[0][0]


def _word_edge_left(text: str, at: int) -> int:
    if at <= 0:
        return 0
    space = text.find(" ", at)
    return space + 1 if space != -1 and space - at < 30 else at


def _word_edge_right(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", 0, at)
    return space if space != -1 and at - space < 30 else at
