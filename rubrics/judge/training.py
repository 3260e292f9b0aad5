"""`python -m rubrics train`: rebuild rubrics/data/judge-model.json and its model card from the labelled corpus.

Only `split == "train"` records are read for fitting and for every choice (the regularisation strength per
criterion, whether the model replaces the rules for a criterion, the probability temperature), all by grouped
5-fold cross-validation on train (groups: the corpus's split groups, so one writer's scenario or one real thread is
never on both sides). Each rater's label is a training sample of weight 0.5, so disputed rows still teach. The
heldout split is scored once, at the end, for the model card. Seeded: the same data gives the same file.
scikit-learn is needed here only (requirements-dev.txt); the scorer runs the file with numpy.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rubrics.corpus import DISPUTED, load_corpus, scoring_input
from rubrics.judge import features
from rubrics.judge.model import FORMAT, MODEL_PATH, decide
from rubrics.rubric import CRITERION_ORDER, RUBRIC

SEED = 20261207
MODEL_VERSION = "2.1.3"
# Criteria the model may take over (each is kept only if it beats the rules in cross-validation on train).
CANDIDATES = ("hear", "empathise", "apologise", "take_ownership", "act", "acknowledge", "greeting",
              "personalisation", "signposting", "closing", "tone_of_voice", "plain_language", "take_private")
C_GRID = (0.003, 0.01, 0.03)
# The model overrides a rule judgement the rules were sure of only when its probability reaches this (chosen per
# criterion by cross-validation; 0 = always the model, above 1 = only where the rules were unsure).
OVERRIDE_GRID = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
FOLDS = 5
LOW_CONFIDENCE_BELOW = 0.6


@dataclass
class Dataset:
    X: np.ndarray
    records: list[dict]
    rules: list[dict]          # the rules' level per criterion
    groups: np.ndarray


def group_of(rec: dict) -> str:
    if rec.get("source") == "learner":
        return f"learner:{rec.get('writer')}:{rec.get('scenario_id')}"
    return f"{rec.get('source')}:{rec['id']}"


def build(records: list[dict]) -> Dataset:
    from rubrics.scoring import rule_judgements
    rows, rules, kept = [], [], []
    for rec in records:
        turns, ctx = scoring_input(rec)
        crit, texts, sit = rule_judgements(turns, ctx)
        rows.append(features.vector(crit, texts, sit, CRITERION_ORDER))
        rules.append({k: crit[k].level for k in CRITERION_ORDER})
        kept.append(rec)
    return Dataset(np.vstack(rows), kept, rules, np.asarray([group_of(r) for r in kept]))


def code(v) -> str | None:
    """A label as a model class: "na", "0", "1", "2" (None for disputed)."""
    if v == DISPUTED:
        return None
    return features._level_code(v)


def samples(ds: Dataset, key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row index, class, weight): one sample per rater label."""
    idx, ys, ws = [], [], []
    for i, rec in enumerate(ds.records):
        for labels in (rec.get("labels_a") or {}, rec.get("labels_b") or {}):
            if key in labels:
                idx.append(i)
                ys.append(code(labels[key]))
                ws.append(0.5)
    return np.asarray(idx), np.asarray(ys), np.asarray(ws)


def qwk(human: list, machine: list) -> float | None:
    from rubrics.calibration import cohen_kappa
    pairs = [(h, m) for h, m in zip(human, machine) if h not in (None, "na") and m not in (None, "na")]
    if not pairs:
        return None
    return cohen_kappa([int(h) for h, _ in pairs], [int(m) for _, m in pairs], [0, 1, 2], "quadratic")


def _pipeline(C: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=500, tol=1e-3, random_state=SEED))


def oof_probabilities(ds: Dataset, key: str, C: float) -> tuple[list[str], np.ndarray]:
    """Out-of-fold class probabilities for every record (grouped folds on train)."""
    from sklearn.model_selection import GroupKFold
    idx, ys, ws = samples(ds, key)
    classes = sorted(set(ys))
    proba = np.zeros((len(ds.records), len(classes)))
    for tr, te in GroupKFold(n_splits=FOLDS).split(ds.X, groups=ds.groups):
        mask = np.isin(idx, tr)
        model = _pipeline(C)
        model.fit(ds.X[idx[mask]], ys[mask], logisticregression__sample_weight=ws[mask])
        p = model.predict_proba(ds.X[te])
        for j, c in enumerate(model.classes_):
            proba[te, classes.index(c)] = p[:, j]
    return classes, proba


def consensus(ds: Dataset, key: str) -> list[str | None]:
    return [code((r.get("labels") or {}).get(key, DISPUTED)) for r in ds.records]


def agreement(human: list, machine: list) -> dict:
    rows = [(h, m) for h, m in zip(human, machine) if h is not None]
    exact = sum(h == m for h, m in rows) / len(rows) if rows else None
    return {"qwk": qwk(human, machine), "exact": exact, "n": len(rows)}


def temper(proba: np.ndarray, t: float) -> np.ndarray:
    z = np.log(np.clip(proba, 1e-9, 1.0)) / t
    z = z - z.max(axis=1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)


def fit_temperature(proba: np.ndarray, classes: list[str], truth: list) -> float:
    """The temperature that minimises the log-loss of the out-of-fold probabilities (calibration)."""
    rows = [(i, classes.index(t)) for i, t in enumerate(truth) if t in classes]
    logp = np.log(np.clip(proba, 1e-9, 1.0))
    best, best_loss = 1.0, float("inf")
    for t in np.arange(0.5, 2.51, 0.05):
        z = logp / t
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -float(np.mean([np.log(max(p[i, j], 1e-9)) for i, j in rows]))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return round(best, 2)


def choose(ds: Dataset, key: str, log) -> dict:
    truth = consensus(ds, key)
    rules = [features._level_code(r[key]) for r in ds.rules]
    base = agreement(truth, rules)
    best = None
    for C in C_GRID:
        classes, proba = oof_probabilities(ds, key, C)
        thresholds, a = choose_thresholds(truth, classes, proba)
        score = (a["qwk"] or 0) + a["exact"]
        log(f"  {key} C={C}: cv qwk {a['qwk']:.3f} exact {a['exact']:.3f} (rules {base['qwk'] or 0:.3f} / "
            f"{base['exact']:.3f})")
        if best is None or score > best["score"]:
            best = {"C": C, "score": score, "cv": a, "classes": classes, "proba": proba, "thresholds": thresholds}
    assert best is not None
    best["temperature"] = fit_temperature(best["proba"], best["classes"], truth)
    best["proba"] = temper(best["proba"], best["temperature"])      # as the scorer will see them
    best["thresholds"], best["cv"] = choose_thresholds(truth, best["classes"], best["proba"])
    low = ds.X[:, features.names(CRITERION_ORDER).index(f"low:{key}")] > 0
    fixed = np.asarray([key in RUBRIC.critical_keys and r == "0" for r in rules]) & ~low
    best["override"], best["cv"] = choose_override(truth, rules, best["classes"], best["proba"], low, fixed,
                                                  best["thresholds"])
    best["score"] = (best["cv"]["qwk"] or 0) + best["cv"]["exact"]
    log(f"  {key}: override above {best['override']}: cv qwk {best['cv']['qwk']:.3f} exact {best['cv']['exact']:.3f}")
    best["rules_cv"] = base
    best["use"] = best["score"] > (base["qwk"] or 0) + base["exact"]
    return best


THRESHOLD_GRID = tuple(round(x, 2) for x in np.arange(0.4, 1.01, 0.1)), tuple(round(x, 2)
                                                                              for x in np.arange(1.0, 1.71, 0.1))


def decisions(classes, proba, thresholds) -> list[str]:
    return [classes[decide(classes, p, thresholds)] for p in proba]


def choose_thresholds(truth, classes, proba) -> tuple[tuple[float, float] | None, dict]:
    """Argmax, or cut points on the expected level, whichever agrees best with the consensus out of fold."""
    best_t, best_a = None, agreement(truth, decisions(classes, proba, None))
    best_s = (best_a["qwk"] or 0) + best_a["exact"]
    if not {"0", "1", "2"} <= set(classes):
        return best_t, best_a
    for t1 in THRESHOLD_GRID[0]:
        for t2 in THRESHOLD_GRID[1]:
            if t2 <= t1:
                continue
            a = agreement(truth, decisions(classes, proba, (t1, t2)))
            s = (a["qwk"] or 0) + a["exact"]
            if s > best_s + 1e-9:
                best_t, best_a, best_s = (float(t1), float(t2)), a, s
    return best_t, best_a


def combine(rules: list, classes: list[str], proba: np.ndarray, low: np.ndarray, fixed: np.ndarray,
            above: float, thresholds=None) -> list:
    """The level the scorer gives (as rubrics.judge.apply does): the model's where the rules were unsure or the model
    is sure enough, except a critical failure the rules found with confidence (`fixed`)."""
    top = [decide(classes, p, thresholds) for p in proba]
    return [rules[i] if fixed[i] else classes[t] if (low[i] or proba[i, t] >= above) else rules[i]
            for i, t in enumerate(top)]


def choose_override(truth, rules, classes, proba, low, fixed, thresholds) -> tuple[float, dict]:
    best = None
    for above in OVERRIDE_GRID:
        a = agreement(truth, combine(rules, classes, proba, low, fixed, above, thresholds))
        score = (a["qwk"] or 0) + a["exact"]
        if best is None or score > best[0] + 1e-9:
            best = (score, above, a)
    assert best is not None
    return best[1], best[2]


def export(model, classes: list[str]) -> dict:
    """sklearn's scaler + logistic regression as plain weights on the raw features."""
    scaler, lr = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    coef = lr.coef_ / scale
    intercept = lr.intercept_ - (lr.coef_ * (scaler.mean_ / scale)).sum(axis=1)
    if coef.shape[0] == 1:                      # binary: sklearn keeps one row; make it two
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.asarray([-intercept[0] / 2, intercept[0] / 2])
    assert list(lr.classes_) == classes
    return {"classes": classes, "coef": [[float(f"{v:.6g}") for v in row] for row in coef],
            "intercept": [float(f"{v:.6g}") for v in intercept]}


def train(corpus: Path, out: Path = MODEL_PATH, log=print, dataset: Dataset | None = None) -> dict:
    t0 = time.perf_counter()
    train_records = load_corpus(corpus, "train")
    log(f"reading {len(train_records)} train records")
    ds = dataset or build(train_records)
    crit: dict[str, dict] = {}
    summary: dict[str, dict] = {}
    for key in CANDIDATES:
        best = choose(ds, key, log)
        summary[key] = {"C": best["C"], "cv": best["cv"], "rules_cv": best["rules_cv"], "used": best["use"],
                        "temperature": best["temperature"], "override_above": best["override"],
                        "thresholds": best["thresholds"]}
        if not best["use"]:
            continue
        idx, ys, ws = samples(ds, key)
        model = _pipeline(best["C"])
        model.fit(ds.X[idx], ys, logisticregression__sample_weight=ws)
        crit[key] = {**export(model, sorted(set(ys))), "temperature": best["temperature"], "C": best["C"],
                     "override_above": best["override"], "thresholds": best["thresholds"]}
    data = {"format": FORMAT, "version": MODEL_VERSION, "features": features.names(CRITERION_ORDER),
            "criteria_keys": list(CRITERION_ORDER), "low_confidence_below": LOW_CONFIDENCE_BELOW,
            "criteria": crit,
            "training": {"corpus": "tests/data/corpus", "split": "train", "records": len(train_records),
                         "seed": SEED, "folds": FOLDS, "c_grid": list(C_GRID), "cross_validation": summary}}
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    log(f"wrote {out} ({out.stat().st_size // 1024} KiB) in {time.perf_counter() - t0:.0f} s")
    return data
