"""Supervisory exercises in the portfolio's evidence map (issue 12): the map's rule on their levels after moderation,
n/a never counting, numbering S1, S2..., and the data checked before it is rendered."""
from __future__ import annotations

import pytest

from portfolio.errors import InvalidPortfolioData
from portfolio.evidence import evidence_map, evidences
from portfolio.model import PortfolioData

DOCUMENT = {"smart_objectives": 2, "justified_platforms": 2, "owned_earned_paid": 2, "service_apart": 2,
            "tactics_roles": 2, "risks_law": 2, "measures_targets": 2, "implementation_review": 2}


def _exercise(n: int, **levels) -> dict:
    return {"id": n, "kind": "document", "kind_label": "Strategy or procedure document", "task": "strategy",
            "seed": n, "submitted_at": f"2026-12-0{n}T10:00", "levels": {**DOCUMENT, **levels}}


def test_every_applicable_listed_criterion_at_two_and_na_never_counts():
    assert evidences({"a": 2, "b": 2}, ["a", "b"])
    assert not evidences({"a": 2, "b": 1}, ["a", "b"])
    assert evidences({"a": 2, "b": "na"}, ["a", "b"])      # n/a: not asked for, neither for nor against
    assert not evidences({"a": "na"}, ["a"])                 # nothing that applies: no evidence
    assert not evidences({}, ["a"])


def test_the_map_lists_exercises_by_number_under_the_criteria_they_show():
    emap = evidence_map([], (), [_exercise(1), _exercise(2, risks_law=1), _exercise(3, owned_earned_paid="na")])
    rows = {pc["id"]: pc["exercises"] for pc in emap["performance_criteria"]}
    assert rows["P7"] == ["S1", "S2", "S3"] and rows["P9"] == ["S1", "S3"] and rows["X1"] == ["S1", "S2", "S3"]
    assert rows["P1"] == [] and rows["X2"] == []   # profiling and monitoring criteria
    assert [e["evidences"] for e in emap["supervisory"]] == [["P7", "P8", "P9", "X1"], ["P7", "P8", "X1"],
                                                             ["P7", "P8", "P9", "X1"]]


def test_supervisory_data_is_checked():
    base = {"learner": {"username": "u", "full_name": "A B", "candidate_number": "C1"}}
    ok = PortfolioData.from_dict({**base, "supervisory": [_exercise(1)]})
    assert ok.supervisory[0]["levels"]["risks_law"] == 2
    with pytest.raises(InvalidPortfolioData, match=r"supervisory\[0\]\.levels"):
        PortfolioData.from_dict({**base, "supervisory": [_exercise(1, risks_law=3)]})
    with pytest.raises(InvalidPortfolioData, match=r"supervisory\[0\]: needs an id and a kind"):
        PortfolioData.from_dict({**base, "supervisory": [{"levels": {}}]})


def test_the_evidence_json_carries_the_exercises_only_with_the_product_evidence():
    from portfolio import evidence_json
    data = {"learner": {"username": "u", "full_name": "A B", "candidate_number": "C1"},
            "supervisory": [{**_exercise(1), "answer": "Our objective: answer within 60 minutes by June."}]}
    both = evidence_json(data)["evidence"]["supervisory"]
    assert [e["id"] for e in both] == ["1"] and "60 minutes" in both[0]["answer"]
    assert evidence_json(data, include=("reflections",))["evidence"]["supervisory"] == []
