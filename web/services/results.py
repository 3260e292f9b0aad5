"""Formatting results: the triage exercise's grade, evidence spans labelled for highlighting and placed in
transcript order, and the comparison with the learner's previous attempt at the same scenario."""
from __future__ import annotations

from web.models import Attempt
from web.services import scoring


def labelled_spans(result: dict) -> list[dict]:
    spans = []
    for key, crit in result.get("criteria", {}).items():
        if crit.get("level") in (1, 2, "pass"):
            for ev in crit.get("evidence") or []:
                if isinstance(ev, dict) and "start" in ev:
                    spans.append({"start": ev["start"], "end": ev["end"], "label": scoring.LABELS.get(key, key)})
    return spans


TRIAGE_GRADES = {"strong": "Merit", "fair": "Pass", "weak": "Refer"}


def triage_result(outcome: dict) -> dict:
    # The scorer has no triage rubric: the web layer maps the rank-correlation band to a grade.
    grade = TRIAGE_GRADES[outcome["band"]]
    if outcome["band"] == "strong" and outcome["exact"] == outcome["n"]:
        grade = "Distinction"
    if outcome["critical_missed"]:
        grade = "Refer" if grade != "Refer" else grade
    return {"rubric": {"id": "triage-rank", "version": 1, "hash": "triage-rank-1", "scorer_version": "web-1"},
            "mode": "scenario", "criteria": {}, "grade": grade,
            "grade_rule": f"{outcome['summary']} Strong order (rho at least 0.8) is Merit, every post in place is "
                          "Distinction, fair (0.5) is Pass; an urgent post outside the top 3 is Refer.",
            "feedback": {"went_well": [
                {"criterion": "triage", "quote": "", "text": f"{outcome['exact']} of {outcome['n']} posts in the right "
                 "place" + ("; every urgent post in your top 3." if not outcome["critical_missed"] else ".")}]
                if outcome["exact"] else [], "even_better_if": [
                {"criterion": "triage", "missing": m["feedback"], "example": ""} for m in outcome["misplaced"]]},
            "triage": outcome}


def evidence_in_transcript_order(result: dict, positions: list[int]) -> dict:
    """Evidence `turn` counts a conversation's own turns; the transcript (and the review page) counts every
    learner message of the attempt in order. Live chat interleaves conversations, so map one to the other."""
    criteria = {}
    for key, crit in result.get("criteria", {}).items():
        evidence = []
        for e in crit.get("evidence") or []:
            if isinstance(e, dict) and "start" in e:
                local = e.get("turn", 0) or 0
                e = {**e, "turn": positions[local] if local < len(positions) else positions[-1]}
            evidence.append(e)
        criteria[key] = {**crit, "evidence": evidence}
    return {**result, "criteria": criteria}


def comparison(attempt: Attempt, before: Attempt | None) -> list[dict]:
    if before is None or not before.result or not attempt.result:
        return []
    rows = []
    for key, crit in attempt.result.get("criteria", {}).items():
        old = before.result.get("criteria", {}).get(key, {}).get("level")
        new = crit.get("level")
        if isinstance(old, int) and isinstance(new, int):
            change = "better" if new > old else "worse" if new < old else "same"
        else:
            change = "same" if old == new else "changed"
        rows.append({"criterion": key, "label": scoring.LABELS.get(key, key), "before": old, "now": new,
                     "change": change})
    return rows


def spans_by_turn(attempt: Attempt) -> dict[int, list]:
    """Evidence spans per learner message (in transcript order), labelled by criterion, for highlighting."""
    return {i: r.get("spans", []) for i, r in enumerate((attempt.state or {}).get("turn_results", []))}
