"""Scenario-aware checks: is each thing the scenario asks for shown (or each must-not avoided), and by which words.

    run_checks(texts, sit, rubric) -> tuple[CheckResult, ...]

Reported beside the criteria; only a check kind the rubric file marks `grade: refer_when_missing` (the guide's
crisis safety rule) touches the grade, through rubrics.grading.grade(..., checks=...).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rubrics.checks import meaning
from rubrics.checks.spec import Behaviour, behaviours
from rubrics.detectors.base import Situation
from rubrics.rubric import RUBRIC, Rubric
from rubrics.situation import is_praise
from rubrics.text import Span

SHOWN, MISSING, BREACHED, AVOIDED = "shown", "missing", "breached", "avoided"


@dataclass(frozen=True)
class CheckResult:
    key: str
    kind: str
    label: str                   # what the scenario asks, in its words
    status: str                  # shown | missing (to do) ; breached | avoided (must not)
    evidence: tuple[Span, ...]   # the learner's words that show it (or breach it)
    in_guide: bool
    affects_grade: bool
    score: float | None = None   # how much of the closest wording the best stretch holds (0..1)

    @property
    def ok(self) -> bool:
        return self.status in (SHOWN, AVOIDED)

    def to_dict(self) -> dict:
        return {"key": self.key, "kind": self.kind, "label": self.label, "status": self.status, "ok": self.ok,
                "evidence": [s.to_dict() for s in self.evidence], "in_guide": self.in_guide,
                "affects_grade": self.affects_grade, "score": self.score}


def _find(b: Behaviour, texts: Sequence[str]) -> tuple[meaning.Found | None, int]:
    best: tuple[meaning.Found | None, int] = (None, 0)
    for turn, text in enumerate(texts):
        found = meaning.best(b.wordings, meaning.stretches(text))
        if found is not None and (best[0] is None or found.score > best[0].score):
            best = (found, turn)
    return best


def check(b: Behaviour, texts: Sequence[str], rubric: Rubric = RUBRIC) -> CheckResult:
    kind = rubric.check_kind(b.kind)
    found, turn = _find(b, texts)
    evidence: tuple[Span, ...]
    if found is None:
        status, evidence = (AVOIDED if b.avoid else MISSING), ()
    else:
        text = texts[turn]
        start, end = found.start, found.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        status, evidence = (BREACHED if b.avoid else SHOWN), (Span(start, end, text[start:end], turn),)
    return CheckResult(b.key, b.kind, b.label, status, evidence, bool(kind and kind.in_guide),
                       bool(kind and kind.grade == "refer_when_missing"), found.score if found else None)


def run_checks(texts: Sequence[str], sit: Situation, rubric: Rubric = RUBRIC) -> tuple[CheckResult, ...]:
    """Every check the scenario (or praise) asks for, on all the learner's turns. Free mode has none but praise."""
    wanted = behaviours(sit.expected, is_praise(sit.customer, sit.scenario))
    return tuple(check(b, texts, rubric) for b in wanted)


__all__ = ["AVOIDED", "BREACHED", "MISSING", "SHOWN", "CheckResult", "check", "run_checks"]
