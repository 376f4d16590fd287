#!/usr/bin/env python3
"""Rebuild the check-worthiness model (workbench/extract/checkworthiness_model.json) and validate it.

    pip install -e '.[train]'
    python scripts/train_checkworthiness.py                 # train, write the model and its provenance note
    python scripts/train_checkworthiness.py --validate      # also: leave-one-transcript-out on CT19 and
                                                            # 5-fold CV on ClaimBuster, tables in Markdown

Training data (read from --data, never copied into the repository): ClaimBuster's two-class file
(crowd-labelled debate sentences) and the CLEF CheckThat! 2019 task 1 training transcripts.

Two models, both logistic regression with L2 regularisation (scikit-learn, liblinear, fixed seed):
the sentence model over worthiness_features.py's features of every sentence of both sets, and the
turn model over turn_contexts() of the CT19 transcripts, fitted on sentence scores that were made
out of fold (each transcript scored by a sentence model trained without it). Everything runs through
the package's own feature and scoring code, so what is validated is what ships.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.extract import find_claims  # noqa: E402
from workbench.extract.checkworthiness import (  # noqa: E402
    CONTEXT_FEATURES, MODEL_PATH, WorthinessModel, score_sentences, sentence_parts_of, turn_contexts, turn_labels)
from workbench.extract.worthiness_features import features_of  # noqa: E402
from workbench.extract.sentences import split_sentences  # noqa: E402
from workbench.model import Sentence  # noqa: E402

SEED = 15
SENTENCE_C = 1.0  # L2 strength of the sentence model (liblinear's C: smaller is stronger)
TURN_C = 0.1  # the turn model has six weights; strong regularisation keeps them modest
MIN_COUNT = 3  # a feature seen once or twice in training is noise, not a pattern
UNIT = 1e-3  # weights are shipped as whole numbers of this size
# Weights smaller than this are dropped: they move a sentence's log-odds by less than 0.002 (the sum is
# divided by the square root of ~40 features), and fewer weights load faster.
MIN_WEIGHT = 0.01
TURN_FOLDS = 3  # out-of-fold sentence scores for the turn model: transcripts in this many groups
NOTE_PATH = MODEL_PATH.with_suffix(".md")


@dataclass
class Transcript:
    """One CT19 file as `score_corpus.py ct19` feeds it to the extractor: "SPEAKER: text" paragraphs."""

    name: str
    body: str
    sentences: list[Sentence]
    lines: list[tuple[int, int, int]]  # start, end, label of each transcript line
    features: list[Counter[str] | None]
    labels: list[int]  # of each sentence: the label of the line it starts in
    texts: set[str]  # lower-cased line texts, to keep ClaimBuster copies of them out of its folds


@dataclass
class Labelled:
    """ClaimBuster sentences: one sentence each, no context."""

    texts: list[str]
    features: list[Counter[str]]
    labels: np.ndarray


def read_claimbuster(path: Path) -> Labelled:
    texts, features, labels = [], [], []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        text = row["text"].strip()
        sentences = [Sentence(0, len(text))]
        parts = sentence_parts_of(text, sentences, find_claims(text, sentences))[0]
        if parts is None:
            continue
        texts.append(text.lower())
        features.append(features_of(parts))
        labels.append(int(row["label"]))
    return Labelled(texts, features, np.array(labels))


def read_ct19(path: Path) -> list[Transcript]:
    by_file: dict[str, list[dict]] = {}
    for row in csv.DictReader(path.open(encoding="utf-8")):
        by_file.setdefault(row["file_name"], []).append(row)
    out = []
    for name, rows in sorted(by_file.items()):
        parts, lines, at = [], [], 0
        for r in rows:
            line = f"{r['speaker']}: {r['text'].strip()}"
            lines.append((at, at + len(line), int(r["label"])))
            parts.append(line)
            at += len(line) + 2
        body = "\n\n".join(parts) + "\n"
        sentences = split_sentences(body)
        features = [None if p is None else features_of(p)
                    for p in sentence_parts_of(body, sentences, find_claims(body, sentences))]
        starts = [start for start, _, _ in lines]
        labels = [lines[max(0, np.searchsorted(starts, s.start, side="right") - 1)][2] for s in sentences]
        out.append(Transcript(name, body, sentences, lines, features, labels,
                              {r["text"].strip().lower() for r in rows}))
    return out


def _matrix(features: list[Counter[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Feature counts scaled by 1/sqrt(their sum), as WorthinessModel.own_score sums them."""
    rows, cols, values = [], [], []
    for i, f in enumerate(features):
        scale = 1 / math.sqrt(sum(f.values())) if f else 0.0
        for name, count in f.items():
            j = vocabulary.get(name)
            if j is not None:
                rows.append(i)
                cols.append(j)
                values.append(count * scale)
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(features), len(vocabulary)))


def fit_sentence_model(cb: Labelled, cb_keep: list[int], transcripts: list[Transcript]) -> WorthinessModel:
    features = [cb.features[i] for i in cb_keep]
    labels = list(cb.labels[cb_keep])
    for t in transcripts:
        for f, y in zip(t.features, t.labels):
            if f is not None:
                features.append(f)
                labels.append(y)
    counts = Counter(name for f in features for name in f)
    vocabulary = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    fitted = LogisticRegression(C=SENTENCE_C, solver="liblinear", max_iter=2000, random_state=SEED)
    fitted.fit(_matrix(features, vocabulary), labels)
    whole = {name: round(float(w) / UNIT) for name, w in zip(vocabulary, fitted.coef_[0]) if abs(w) >= MIN_WEIGHT}
    return WorthinessModel(bias=round(float(fitted.intercept_[0]), 4), weights={n: w for n, w in whole.items() if w},
                           context={"own": 1.0}, unit=UNIT)


def _contexts(t: Transcript, model: WorthinessModel) -> list[dict[str, float] | None]:
    own = [model.feature_score(f) if f is not None else None for f in t.features]
    labels = turn_labels(t.body, t.sentences)
    if labels is None:
        return [None] * len(own)
    return turn_contexts(t.body, t.sentences, labels, own)


def _cb_without(cb: Labelled, transcripts: list[Transcript]) -> list[int]:
    """ClaimBuster rows whose text is in none of `transcripts` (the sets share some debates)."""
    held = set().union(*(t.texts for t in transcripts)) if transcripts else set()
    return [i for i, text in enumerate(cb.texts) if text not in held]


def fit_model(cb: Labelled, cb_keep: list[int], transcripts: list[Transcript]) -> WorthinessModel:
    """The sentence model on everything given, the turn model on out-of-fold sentence scores."""
    rows, labels = [], []
    for fold in range(TURN_FOLDS):
        inside = [t for k, t in enumerate(transcripts) if k % TURN_FOLDS == fold]
        outside = [t for k, t in enumerate(transcripts) if k % TURN_FOLDS != fold]
        keep = sorted(set(cb_keep) & set(_cb_without(cb, inside)))
        partial = fit_sentence_model(cb, keep, outside)
        for t in inside:
            for context, y in zip(_contexts(t, partial), t.labels):
                if context is not None:
                    rows.append([context[name] for name in CONTEXT_FEATURES])
                    labels.append(y)
    turn = LogisticRegression(C=TURN_C, solver="liblinear", max_iter=2000, random_state=SEED)
    turn.fit(np.array(rows), labels)
    sentence = fit_sentence_model(cb, cb_keep, transcripts)
    context = {name: round(float(w), 4) for name, w in zip(CONTEXT_FEATURES, turn.coef_[0])}
    return WorthinessModel(sentence.bias, sentence.weights, context, sentence.unit)


def average_precision(scores: list[float], labels: list[int]) -> float:
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    hits, total = 0, 0.0
    for rank, k in enumerate(order, 1):
        if labels[k]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def transcript_ap(t: Transcript, model: WorthinessModel) -> float:
    """AP of one transcript's lines, each scored as score_corpus.py does: its best sentence."""
    scored = score_sentences(t.body, t.sentences, find_claims(t.body, t.sentences), model=model)
    best = [0.0] * len(t.lines)
    starts = [start for start, _, _ in t.lines]
    for s in scored:
        k = max(0, int(np.searchsorted(starts, s.start, side="right")) - 1)
        best[k] = max(best[k], s.checkworthiness)
    return average_precision(best, [y for _, _, y in t.lines])


def leave_one_transcript_out(cb: Labelled, transcripts: list[Transcript]) -> list[tuple[str, int, int, float]]:
    out = []
    for k, held in enumerate(transcripts):
        others = transcripts[:k] + transcripts[k + 1:]
        model = fit_model(cb, _cb_without(cb, [held]), others)
        ap = transcript_ap(held, model)
        out.append((held.name, len(held.lines), sum(y for _, _, y in held.lines), ap))
        print(f"  {held.name}: AP {ap:.3f}", file=sys.stderr)
    return out


def claimbuster_folds(cb: Labelled, transcripts: list[Transcript], folds: int = 5) -> list[tuple[int, int, float, float, float]]:
    """5-fold CV on ClaimBuster: the shipped recipe (with CT19) trained on four folds, tested on the fifth.
    The F1 threshold is the one that maximises F1 on the training folds' own scores."""
    order = np.random.default_rng(SEED).permutation(len(cb.texts))
    out = []
    for fold in range(folds):
        test = sorted(order[fold::folds])
        test_texts = {cb.texts[i] for i in test}
        train = sorted(set(range(len(cb.texts))) - set(test))
        kept = [_without_texts(t, test_texts) for t in transcripts]
        model = fit_model(cb, train, kept)
        train_scores = [model.feature_score(cb.features[i]) for i in train]
        threshold = _best_f1_threshold(train_scores, list(cb.labels[train]))
        scores = [model.feature_score(cb.features[i]) for i in test]
        labels = list(cb.labels[test])
        tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
        predicted = sum(1 for s in scores if s >= threshold)
        precision, recall = tp / max(1, predicted), tp / max(1, sum(labels))
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        out.append((len(test), sum(labels), f1, average_precision(scores, labels), _sigmoid(threshold)))
        print(f"  fold {fold + 1}: F1 {f1:.3f}", file=sys.stderr)
    return out


def _without_texts(t: Transcript, texts: set[str]) -> Transcript:
    """`t` with the features of sentences whose line text is in `texts` dropped (not trained on)."""
    dropped = {start for start, end, _ in t.lines if t.body[start:end].split(": ", 1)[-1].strip().lower() in texts}
    starts = [start for start, _, _ in t.lines]
    features = [None if t.lines[max(0, int(np.searchsorted(starts, s.start, side="right")) - 1)][0] in dropped else f
                for s, f in zip(t.sentences, t.features)]
    return Transcript(t.name, t.body, t.sentences, t.lines, features, t.labels, t.texts)


def _best_f1_threshold(scores: list[float], labels: list[int]) -> float:
    pairs = sorted(zip(scores, labels), reverse=True)
    positives = sum(labels)
    best, threshold, tp = -1.0, pairs[0][0], 0
    for k, (score, y) in enumerate(pairs, 1):
        tp += y
        f1 = 2 * tp / (k + positives)
        if f1 > best:
            best, threshold = f1, score
    return threshold


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def write_model(model: WorthinessModel, cb: Labelled, transcripts: list[Transcript], path: Path) -> None:
    about = {
        "what": "check-worthiness of a sentence: logistic regression over workbench/extract/worthiness_features.py",
        "sources": {"claimbuster-2class.csv": f"{len(cb.texts)} sentences, {int(cb.labels.sum())} check-worthy",
                    "ct19-train.csv": f"{sum(len(t.lines) for t in transcripts)} lines in {len(transcripts)} "
                                      f"transcripts, {sum(y for t in transcripts for _, _, y in t.lines)} check-worthy"},
        "trained": date.today().isoformat(),
        "rebuild": "pip install -e '.[train]' && python scripts/train_checkworthiness.py --data ../shared/eval",
        "settings": {"seed": SEED, "sentence_C": SENTENCE_C, "turn_C": TURN_C, "min_count": MIN_COUNT,
                     "min_weight": MIN_WEIGHT},
    }
    names = sorted(model.weights)
    data = {"about": about, "bias": model.bias, "context": model.context, "unit": model.unit,
            "features": names, "weights": [model.weights[n] for n in names]}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def write_note(model: WorthinessModel, cb: Labelled, transcripts: list[Transcript], path: Path) -> None:
    """The provenance note shipped beside the weights: what they were learnt from and how to rebuild them."""
    lines = sum(len(t.lines) for t in transcripts)
    positives = sum(y for t in transcripts for _, _, y in t.lines)
    path.write_text(f"""# Check-worthiness model: provenance

`checkworthiness_model.json` holds the weights read by `checkworthiness.py`: a logistic regression over
the features of `worthiness_features.py` ({len(model.weights):,} weights), and a six-weight turn model for
transcripts. No data is shipped, only weights. Trained {date.today().isoformat()}.

Learnt from (kept outside the repository, in the team's `shared/eval/`; measurement and training only):

- `claimbuster-2class.csv`: {len(cb.texts):,} sentences from US presidential debates 1960-2016,
  {int(cb.labels.sum()):,} labelled check-worthy factual claims by the crowd. ClaimBuster dataset (Arslan et al.,
  ICWSM 2020), two-class file from utaresearch/claimbuster-spotter; open access on Zenodo
  (doi 10.5281/zenodo.3609356), published for research.
- `ct19-train.csv`: {lines:,} lines of {len(transcripts)} debate and speech transcripts 2016-2019, {positives} labelled
  check-worthy (picked by fact-checkers). CLEF CheckThat! 2019 task 1 training set; "free for general research use".

Settings: seed {SEED}, sentence model C={SENTENCE_C} (liblinear, L2), features seen at least {MIN_COUNT} times,
weights under {MIN_WEIGHT} dropped, turn model C={TURN_C} on out-of-fold sentence scores ({TURN_FOLDS} groups of transcripts).

Rebuild (the data folder holds both files):

    pip install -e '.[train]'
    python scripts/train_checkworthiness.py --data ../shared/eval [--validate]

Validation (leave-one-transcript-out on CT19, 5-fold on ClaimBuster) is in `benchmarks/README.md`.
""", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval",
                    help="folder holding claimbuster-2class.csv and ct19-train.csv")
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    ap.add_argument("--validate", action="store_true", help="print the validation tables (about 10 minutes)")
    ap.add_argument("--min-weight", type=float, default=MIN_WEIGHT, help="drop smaller weights")
    a = ap.parse_args()
    globals()["MIN_WEIGHT"] = a.min_weight
    cb_path, ct_path = a.data / "claimbuster-2class.csv", a.data / "ct19-train.csv"
    for path in (cb_path, ct_path):
        if not path.exists():
            print(f"train_checkworthiness: {path} not found; pass --data with the folder holding it", file=sys.stderr)
            return 1
    cb, transcripts = read_claimbuster(cb_path), read_ct19(ct_path)
    model = fit_model(cb, list(range(len(cb.texts))), transcripts)
    write_model(model, cb, transcripts, a.out)
    if a.out == MODEL_PATH:
        write_note(model, cb, transcripts, NOTE_PATH)
    print(f"wrote {a.out} ({a.out.stat().st_size:,} bytes, {len(model.weights):,} weights); turn model {model.context}")
    if a.validate:
        print("\nLeave-one-transcript-out on ct19-train.csv (trained without the held-out transcript each time)\n")
        print("| transcript | lines | check-worthy | AP |\n|---|---|---|---|")
        rows = leave_one_transcript_out(cb, transcripts)
        for name, n, pos, ap_ in rows:
            print(f"| {name} | {n} | {pos} | {ap_:.3f} |")
        print(f"| **MAP** | | | **{np.mean([r[3] for r in rows]):.3f}** |")
        print("\n5-fold cross-validation on claimbuster-2class.csv\n")
        print("| fold | sentences | check-worthy | F1 (check-worthy) | AP of the fold | threshold |\n|---|---|---|---|---|---|")
        folds = claimbuster_folds(cb, transcripts)
        for k, (n, pos, f1, ap_, threshold) in enumerate(folds, 1):
            print(f"| {k} | {n} | {pos} | {f1:.3f} | {ap_:.3f} | {threshold:.2f} |")
        print(f"| **mean** | | | **{np.mean([f[2] for f in folds]):.3f}** | **{np.mean([f[3] for f in folds]):.3f}** | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
