"""Agreement between the scorer and human labels: exact agreement, Cohen's kappa, MAE, by quality band.

Kappa is quadratic-weighted for the 0/1/2 criteria and plain (unweighted) for data_protection's pass/fail.
n/a (null) is a category of its own for exact agreement; kappa and MAE use the pairs where both sides gave a
level. High correlation can hide low exact agreement, so both are reported.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rubrics.errors import ScoringInputError
from rubrics.grading import GRADES
from rubrics.rubric import CRITERION_ORDER
from rubrics.scoring import score_reply

BANDS = ("weak", "middling", "strong")
REPO = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = REPO / "tests" / "data" / "calibration" / "replies.jsonl"


def cohen_kappa(a: list, b: list, categories: list, weights: str | None = None) -> float | None:
    """Cohen's kappa of two raters over `categories`; weights None (plain) or "quadratic"."""
    n = len(a)
    if n == 0:
        return None
    k = len(categories)
    idx = {c: i for i, c in enumerate(categories)}
    obs = [[0.0] * k for _ in range(k)]
    for x, y in zip(a, b):
        obs[idx[x]][idx[y]] += 1
    row = [sum(obs[i]) for i in range(k)]
    col = [sum(obs[i][j] for i in range(k)) for j in range(k)]

    def w(i, j):
        if weights == "quadratic":
            return ((i - j) ** 2) / ((k - 1) ** 2) if k > 1 else 0.0
        return 0.0 if i == j else 1.0

    num = sum(w(i, j) * obs[i][j] for i in range(k) for j in range(k))
    den = sum(w(i, j) * row[i] * col[j] / n for i in range(k) for j in range(k))
    if den == 0:
        return 1.0 if num == 0 else 0.0
    return 1.0 - num / den


@dataclass
class CriterionAgreement:
    key: str
    n: int = 0
    exact: int = 0
    both_scored: int = 0
    abs_err: float = 0.0
    applicability_disagree: int = 0
    pairs: list = field(default_factory=list)

    def add(self, human, machine) -> None:
        self.n += 1
        self.exact += human == machine
        if human is None or machine is None:
            self.applicability_disagree += (human is None) != (machine is None)
            return
        self.both_scored += 1
        self.pairs.append((human, machine))
        if self.key != "data_protection":
            self.abs_err += abs(human - machine)
        else:
            self.abs_err += human != machine

    @property
    def agreement(self) -> float | None:
        return self.exact / self.n if self.n else None

    @property
    def kappa(self) -> float | None:
        if not self.pairs:
            return None
        h, m = zip(*self.pairs)
        if self.key == "data_protection":
            return cohen_kappa(list(h), list(m), ["pass", "fail"])
        return cohen_kappa(list(h), list(m), [0, 1, 2], "quadratic")

    @property
    def mae(self) -> float | None:
        return self.abs_err / self.both_scored if self.both_scored else None

    def to_dict(self) -> dict:
        def rnd(v: float | None) -> float | None:
            return None if v is None else round(v, 3)
        return {"n": self.n, "agreement": rnd(self.agreement), "kappa": rnd(self.kappa), "mae": rnd(self.mae),
                "both_scored": self.both_scored, "applicability_disagreements": self.applicability_disagree}


def load_labels(path: Path) -> tuple[list[dict], list[str]]:
    records, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict) or not isinstance(rec.get("reply"), str):
                    raise ValueError("needs an object with a 'reply' string")
                if not isinstance(rec.get("labels", {}), dict):
                    raise ValueError("'labels' must be an object")
            except ValueError as exc:
                problems.append(f"line {lineno}: {exc}")
                continue
            rec["_line"] = lineno
            records.append(rec)
    return records, problems


def context_of(rec: dict) -> dict:
    return {"customer": rec.get("customer"), "platform": rec.get("platform"), "channel": rec.get("channel"),
            "response_minutes": rec.get("response_minutes"), "customer_name": rec.get("customer_name"),
            "customer_handle": rec.get("customer_handle"), "previous_replies": rec.get("previous_replies") or [],
            "scenario": rec.get("scenario") if isinstance(rec.get("scenario"), dict) else None}


def calibrate(records: Iterable[dict], analyser: str | None = None, judge: bool = True) -> dict:
    overall = {k: CriterionAgreement(k) for k in CRITERION_ORDER}
    by_band = {b: {k: CriterionAgreement(k) for k in CRITERION_ORDER} for b in BANDS}
    confusion = {h: {m: 0 for m in GRADES} for h in GRADES}
    by_confidence = {"high": [0, 0], "low": [0, 0]}     # [agreements, comparisons]
    errors, disagreements = [], []
    graded = 0
    for rec in records:
        try:
            result = score_reply(rec["reply"], context_of(rec), analyser=analyser, judge=judge)
        except ScoringInputError as exc:
            errors.append(f"line {rec.get('_line')}: {exc}")
            continue
        labels = rec.get("labels") or {}
        band = rec.get("band")
        for key, human in labels.items():
            if key not in overall:
                continue
            machine = result["criteria"][key]["level"]
            overall[key].add(human, machine)
            conf = by_confidence[result["criteria"][key]["confidence"]]
            conf[0] += human == machine
            conf[1] += 1
            if band in by_band:
                by_band[band][key].add(human, machine)
            if human != machine:
                disagreements.append({"id": rec.get("id"), "criterion": key, "human": human, "machine": machine,
                                      "reason": result["criteria"][key]["reason"]})
        if rec.get("grade") in GRADES:
            confusion[rec["grade"]][result["grade"]] += 1
            graded += 1
    grade_exact = sum(confusion[g][g] for g in GRADES)
    return {"overall": {k: v.to_dict() for k, v in overall.items()},
            "by_band": {b: {k: v.to_dict() for k, v in crit.items()} for b, crit in by_band.items()},
            "grade_confusion": confusion, "grade_agreement": round(grade_exact / graded, 3) if graded else None,
            "graded": graded, "errors": errors, "disagreements": disagreements,
            "by_confidence": {k: {"n": v[1], "agreement": round(v[0] / v[1], 3) if v[1] else None}
                              for k, v in by_confidence.items()}}


def format_report(rep: dict) -> str:
    def fmt(v: float | None) -> str:
        return "  -  " if v is None else f"{v:5.2f}"
    lines = ["criterion        |    n  agree  kappa   MAE | " + " | ".join(f"{b:^21}" for b in BANDS),
             "                 |                          | " + " | ".join("  n agree kappa   MAE" for _ in BANDS)]
    for k in CRITERION_ORDER:
        o = rep["overall"][k]
        if not o["n"]:
            continue
        bands = []
        for b in BANDS:
            x = rep["by_band"][b][k]
            bands.append(f"{x['n']:3d} {fmt(x['agreement'])} {fmt(x['kappa'])} {fmt(x['mae'])}")
        lines.append(f"{k:16s} | {o['n']:4d} {fmt(o['agreement'])}  {fmt(o['kappa'])} {fmt(o['mae'])} | "
                     + " | ".join(bands))
    bc = rep["by_confidence"]
    lines.append("")
    lines.append("Agreement by the scorer's confidence flag: " + ", ".join(
        f"{k} {fmt(v['agreement'])} (n={v['n']})" for k, v in bc.items()))
    lines.append("")
    lines.append(f"Overall grade: {rep['graded']} graded, exact agreement {fmt(rep['grade_agreement'])}")
    lines.append("human \\ scorer  " + " ".join(f"{g:>11s}" for g in GRADES))
    for h in GRADES:
        lines.append(f"{h:15s} " + " ".join(f"{rep['grade_confusion'][h][m]:11d}" for m in GRADES))
    if rep["errors"]:
        lines.append("")
        lines += [f"not scored: {e}" for e in rep["errors"]]
    return "\n".join(lines)
