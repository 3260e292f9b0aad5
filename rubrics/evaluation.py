"""The scorer against the labelled corpus's consensus: per criterion quadratic-weighted kappa, exact agreement and
coverage; the overall grade's exact agreement. `python -m rubrics calibrate --corpus DIR --split heldout`.

- A criterion whose consensus is `"disputed"` is left out of that criterion's figures.
- exact: over the rows with a consensus (a level or n/a), n/a counting as its own category.
- kappa: quadratic-weighted over 0/1/2 (plain over pass/fail for data_protection), on the rows where the consensus
  and the scorer both gave a level.
- coverage: of the rows where the consensus is a level, the share where the scorer gave one too.
- grade: exact agreement on the rows with a consensus grade.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from rubrics.calibration import cohen_kappa
from rubrics.corpus import DISPUTED, scoring_input
from rubrics.errors import RubricsError
from rubrics.grading import GRADES
from rubrics.rubric import CRITERION_ORDER

PASS_FAIL = ("data_protection",)
Scorer = Callable[[list[str], dict], dict]


def score_record(rec: dict) -> dict:
    from rubrics.scoring import score_conversation
    turns, ctx = scoring_input(rec)
    return score_conversation(turns, ctx)


@dataclass
class Agreement:
    key: str
    rows: int = 0
    exact: int = 0
    labelled: int = 0          # consensus gave a level
    covered: int = 0           # ... and so did the scorer
    pairs: list = field(default_factory=list)

    def add(self, human, machine) -> None:
        self.rows += 1
        self.exact += human == machine
        if human is None:
            return
        self.labelled += 1
        if machine is not None:
            self.covered += 1
            self.pairs.append((human, machine))

    def kappa(self) -> float | None:
        if not self.pairs:
            return None
        h, m = (list(x) for x in zip(*self.pairs))
        if self.key in PASS_FAIL:
            return cohen_kappa(h, m, ["pass", "fail"])
        return cohen_kappa(h, m, [0, 1, 2], "quadratic")

    def to_dict(self) -> dict:
        rnd = lambda v: None if v is None else round(v, 3)   # noqa: E731
        return {"n": self.rows, "qwk": rnd(self.kappa()), "exact": rnd(self.exact / self.rows if self.rows else None),
                "coverage": rnd(self.covered / self.labelled if self.labelled else None), "kappa_n": len(self.pairs)}


def evaluate(records: Iterable[dict], scorer: Scorer | None = None) -> dict:
    """Compare the scorer with every record's consensus; `scorer(turns, ctx)` defaults to score_conversation."""
    crit = {k: Agreement(k) for k in CRITERION_ORDER}
    confusion = {h: {m: 0 for m in GRADES} for h in GRADES}
    errors: list[str] = []
    misses: list[dict] = []
    n = 0
    for rec in records:
        try:
            if scorer is None:
                result = score_record(rec)
            else:
                result = scorer(*scoring_input(rec))
        except RubricsError as exc:
            errors.append(f"{rec.get('id')}: {exc}")
            continue
        n += 1
        labels = rec.get("labels") or {}
        for key, agreement in crit.items():
            if key not in labels or labels[key] == DISPUTED:
                continue
            agreement.add(labels[key], result["criteria"][key]["level"])
        if rec.get("grade") in GRADES:
            confusion[rec["grade"]][result["grade"]] += 1
            if rec["grade"] != result["grade"]:
                misses.append({"id": rec.get("id"), "human": rec["grade"], "scorer": result["grade"]})
    graded = sum(sum(row.values()) for row in confusion.values())
    exact = sum(confusion[g][g] for g in GRADES)
    return {"records": n, "criteria": {k: a.to_dict() for k, a in crit.items() if a.rows},
            "grade": {"n": graded, "exact": round(exact / graded, 3) if graded else None, "confusion": confusion},
            "errors": errors, "grade_misses": misses}


def format_evaluation(rep: dict, title: str) -> str:
    fmt = lambda v: "   - " if v is None else f"{v:5.2f}"   # noqa: E731
    lines = [title, f"{rep['records']} records scored", "",
             "criterion        |    n |   qwk | exact | coverage",
             "-----------------|------|-------|-------|---------"]
    for k, a in rep["criteria"].items():
        lines.append(f"{k:16s} | {a['n']:4d} | {fmt(a['qwk'])} | {fmt(a['exact'])} |    {fmt(a['coverage'])}")
    g = rep["grade"]
    lines += ["", f"grade: exact agreement {fmt(g['exact'])} on {g['n']} records with a consensus grade",
              "human \\ scorer  " + " ".join(f"{x:>11s}" for x in GRADES)]
    lines += [f"{h:15s} " + " ".join(f"{g['confusion'][h][m]:11d}" for m in GRADES) for h in GRADES]
    lines += [f"not scored: {e}" for e in rep["errors"]]
    return "\n".join(lines)
