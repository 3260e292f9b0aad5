"""The three supervisory exercise kinds (issue 12): for each, its tasks, the brief a seed generates and the scorer.

Everything here is reproducible from (seed, task): the brief comes from the seeded generators in simulator/ and is
stored whole on the attempt; the score comes from the rule scorers in rubrics/documents/ reading that stored brief.

    KINDS[kind] -> Kind    kind in web.models.SUPERVISORY_KINDS
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rubrics.documents import EXERCISE_RUBRICS, not_applicable, score_document, score_profile, score_review
from simulator.monitoring import Metrics, generate_metrics
from simulator.profiling import Organisation, generate_profile

# The document exercise: a strategy, or one of four procedures. The scorer marks what a procedure cannot show
# n/a with its reason (rubrics.documents.not_applicable: objectives, platforms, owned/earned/paid media, and
# service apart except in a crisis procedure), stored as "na" and never counted for or against the standard.
DOCUMENT_TASKS = {
    "strategy": "A customer-service social media strategy",
    "escalation": "Procedure: escalating a social media contact",
    "crisis": "Procedure: a crisis holding statement and its approvals",
    "private": "Procedure: moving a conversation to a private channel",
    "identity": "Procedure: verifying a customer's identity",
}


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    tasks: dict                                   # task key -> label (the learner picks one)
    make_brief: Callable[[int, str], dict]        # (seed, task) -> the JSON-ready brief the learner works from
    # (answer, brief, seed, task) -> the scorer's result, from the brief the attempt stored: the page and the score
    # always rest on the same figures, even after a deploy changes a generator
    score_answer: Callable[[str, dict, int, str], dict]
    not_applicable: Callable[[str], frozenset] = field(default=lambda task: frozenset())

    @property
    def rubric_id(self) -> str:
        return EXERCISE_RUBRICS[self.key]


def _document_brief(seed: int, task: str) -> dict:
    return {"task": task, "task_label": DOCUMENT_TASKS[task], "organisation": generate_profile(seed).to_dict()}


def _document_score(answer: str, brief: dict, seed: int, task: str) -> dict:
    result = score_document(answer, kind=task)
    for judgement in result["criteria"].values():
        if judgement["level"] is None:
            judgement["level"] = "na"     # how the app stores n/a; the scorer's reason is kept
    return result


def _document_na(task: str) -> frozenset:
    return not_applicable(task)


KINDS: dict[str, Kind] = {
    "document": Kind("document", "Strategy or procedure document", DOCUMENT_TASKS, _document_brief,
                     _document_score, _document_na),
    "profiling": Kind("profiling", "Platform and community profiling", {"profile": "Profile and recommendation"},
                      lambda seed, task: {"organisation": generate_profile(seed).to_dict()},
                      lambda answer, brief, seed, task: score_profile(answer,
                                                                      Organisation.from_dict(brief["organisation"]))),
    "monitoring": Kind("monitoring", "Monitoring review", {"review": "Monitoring review"},
                       lambda seed, task: {"metrics": generate_metrics(seed).to_dict()},
                       lambda answer, brief, seed, task: score_review(answer, Metrics.from_dict(brief["metrics"]))),
}
