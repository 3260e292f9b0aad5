"""Formatting results: the triage exercise's grade, evidence spans labelled for highlighting and placed in
transcript order, the comparison with the learner's previous attempt at the same scenario, the scenario's checks
(split into those the rubric guide grades and those reported apart from the grade) and the prioritised feedback."""
from __future__ import annotations

import re

from rubrics.rubric import RUBRIC
from web.models import Attempt
from web.services import scoring
from web.services.evidence_spans import transcript_spans

# A detector's reason can end in the words it matched ("Names the customer's issue (return, refund).", issue 11's
# "(smart, watch, nephew's)"): on the learner's page those lists go (the words are highlighted under "Your words").
# Plain language and tone keep theirs: there the list is the learner's own slips ("text-speak (omg, thats)").
CUE_LIST_RE = re.compile(r"\s*\((?:[\w'’-]+,\s*)+[\w'’-]+\)")
KEEP_LISTS = ("plain_language", "tone_of_voice")
STATUS_WORDS = {"shown": "Shown", "missing": "Missing", "avoided": "Avoided", "breached": "Breached"}


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
    decided = outcome.get("decisions")     # route, first action and tags per post (issue 16), when asked for
    rule = ""
    if decided:
        if decided["critical_wrong"]:
            grade = "Refer"
        elif grade == "Distinction" and decided["right"] < decided["n"]:
            grade = "Merit"
        rule = (f" {decided['summary']} Distinction also needs every post assigned, tagged and acted on as expected; "
                "an urgent post sent the wrong way or given the wrong first action is Refer.")
    return {"rubric": {"id": "triage-rank", "version": 1, "hash": "triage-rank-1", "scorer_version": "web-1"},
            "mode": "scenario", "criteria": {}, "grade": grade,
            "grade_rule": f"{outcome['summary']} Strong order (rho at least 0.8) is Merit, every post in place is "
                          "Distinction, fair (0.5) is Pass; an urgent post outside the top 3 is Refer." + rule,
            "feedback": {"went_well": [
                {"criterion": "triage", "quote": "", "text": f"{outcome['exact']} of {outcome['n']} posts in the right "
                 "place" + ("; every urgent post in your top 3." if not outcome["critical_missed"] else ".")}]
                if outcome["exact"] else [], "even_better_if": [
                {"criterion": "triage", "missing": m["feedback"], "example": ""} for m in outcome["misplaced"]] + [
                {"criterion": "triage", "missing": r["feedback"], "example": ""}
                for r in (decided or {}).get("rows", []) if not r["all_ok"]]},
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
    """Evidence spans per learner message (in transcript order), labelled by criterion, for highlighting: the
    result's own evidence, so the transcript marks exactly what the table lists (issue 16.5)."""
    return transcript_spans(attempt.result)


def check_rows(result: dict) -> dict[str, list[dict]]:
    """The result's scenario checks for the page: `graded` (the rubric guide grades them: the crisis safety action)
    and `apart` (not in the guide yet, so reported beside the grade and never counted in it). Each row: label,
    kind (the rubric's name for it), status, status word, ok, and the learner's words as evidence."""
    rows: dict[str, list[dict]] = {"graded": [], "apart": []}
    for c in result.get("checks") or []:
        if not isinstance(c, dict) or "status" not in c:
            continue
        kind = RUBRIC.check_kind(str(c.get("kind")))
        words = []
        for e in c.get("evidence") or []:
            text = " ".join(str(e.get("text", "")).split()) if isinstance(e, dict) else ""
            if text and text not in words:
                words.append(text)
        row = {"label": c.get("label") or "", "kind": kind.label if kind else str(c.get("kind", "")).replace("_", " "),
               "status": c["status"], "status_word": STATUS_WORDS.get(c["status"], c["status"]),
               "ok": bool(c.get("ok")), "must_not": c["status"] in ("avoided", "breached"),
               "evidence": words}
        rows["graded" if c.get("in_guide") else "apart"].append(row)
    return rows


def prioritised_feedback(result: dict) -> dict:
    """The feedback as the page shows it: "even better if" in priority order (as the scorer ranked it), each with a
    plain note of what it would do for the grade; "went well"; the grade explained for a learner."""
    fb = result.get("feedback") or {}
    grade = result.get("grade")
    ebi = []
    for item in fb.get("even_better_if") or []:
        impact = item.get("impact") or {}
        if impact.get("gain", 0) > 0 and impact.get("grade_if_raised") not in (None, grade):
            note = f"This alone would lift your grade to {impact['grade_if_raised']}."
        elif impact.get("needed_for"):
            note = f"You need this for {impact['needed_for']}."
        else:
            note = ""
        label = scoring.LABELS.get(item.get("criterion"), "") if item.get("kind", "criterion") == "criterion" else \
            (RUBRIC.check_kind(str(item.get("check_kind"))) or RUBRIC.check_kind("key_behaviour")).label
        ebi.append({**item, "label": label or str(item.get("criterion", "")).replace("_", " ").capitalize(),
                    "advice": item.get("text") or item.get("missing") or "", "note": note})
    went = [{**w, "label": scoring.LABELS.get(w.get("criterion"), "Scenario")} for w in fb.get("went_well") or []]
    return {"even_better_if": ebi, "went_well": went, "grade_explained": fb.get("grade_explained") or ""}


def learner_reasons(result: dict) -> dict[str, str]:
    """Each criterion's reason as the learner's page shows it: without the matched-word lists (see CUE_LIST_RE)."""
    out = {}
    for key, crit in (result.get("criteria") or {}).items():
        reason = str(crit.get("reason") or "")
        out[key] = reason if key in KEEP_LISTS else CUE_LIST_RE.sub("", reason)
    return out
