"""The web layer's one door to the scorer (`rubrics`): `score_reply`, `score_conversation`, `grade`,
`ScoringInputError`, and `combine` for exercises with several conversations.

Web-layer rules applied on top of the scorer:
- an unedited canned response costs personalisation (level 0, with the reason), as in real teams;
  in a conversation of several replies: every reply canned -> 0, some of them -> at most 1.
"""
from __future__ import annotations

import re

import rubrics
from rubrics import ScoringInputError
from rubrics.feedback import MAX_EVEN_BETTER, MAX_WENT_WELL
from rubrics.feedback.explain import explain
from rubrics.feedback.impact import impacts
from rubrics.rubric import RUBRIC

CRITERIA = tuple(rubrics.CRITERIA)
GRADES = rubrics.GRADES   # lowest first
LABELS = {**{key: info["label"] for key, info in rubrics.CRITERIA.items()}, "triage": "Triage"}


# ------------------------------------------------------------------------------------------ canned responses

CANNED_RESPONSES = (
    {"id": "dm-details", "title": "Ask for a DM",
     "text": "Hi there, sorry to hear about this. Please send us a DM with your order number and we'll look into it "
             "for you."},
    {"id": "apology-delay", "title": "Apologise for a delay",
     "text": "We're sorry for the delay and any inconvenience caused. Our team is looking into this."},
    {"id": "closing-help", "title": "Offer further help",
     "text": "Is there anything else we can help you with today?"},
    {"id": "chat-greeting", "title": "Chat greeting",
     "text": "Hello, thanks for contacting us. How can I help you today?"},
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def unedited_canned(reply: str) -> str | None:
    """The id of a canned response pasted into the reply unedited (whitespace aside), or None."""
    body = _norm(reply)
    for canned in CANNED_RESPONSES:
        text = _norm(canned["text"])
        if body == text or (len(body) < len(text) * 1.6 and text in body):
            return canned["id"]
    return None


def _feedback_after_cap(result: dict) -> None:
    """Personalisation was capped: it is no longer something that went well, and the grade's explanation follows."""
    fb = dict(result.get("feedback") or {})
    fb["went_well"] = [w for w in fb.get("went_well", []) if w.get("criterion") != "personalisation"]
    fb["grade_explained"] = explain_grade({k: v.get("level") for k, v in result["criteria"].items()},
                                          result.get("checks") or [])
    result["feedback"] = fb


def _apply_canned_rule(result: dict, reply: str) -> dict:
    canned = unedited_canned(reply)
    if canned and "personalisation" in result.get("criteria", {}):
        crit = result["criteria"]["personalisation"]
        if crit.get("level") not in (None, 0):
            crit.update(level=0, evidence=[], missing="your own words for this customer",
                        reason="A canned response was sent unedited, so nothing is personal to this customer "
                               "(web-layer rule).")
            result["grade"], result["grade_rule"] = grade({k: v.get("level") for k, v in result["criteria"].items()},
                                                       result.get("checks"))
            _feedback_after_cap(result)
        result["canned_response"] = canned
    return result


def apply_canned_rule_to_conversation(result: dict, canned: list[str | None]) -> dict:
    """A conversation's result, given which of its replies were unedited canned responses (an id or None per
    reply, in order): every reply canned -> personalisation 0, some -> at most 1; the grade follows."""
    used = [c for c in canned if c]
    if not used or "personalisation" not in result.get("criteria", {}):
        return result
    every = len(used) == len(canned)
    crit = dict(result["criteria"]["personalisation"])
    cap = 0 if every else 1
    if isinstance(crit.get("level"), int) and crit["level"] > cap:
        crit.update(level=cap, reason=(
            "Every reply was a canned response sent unedited, so nothing is personal to this customer "
            "(web-layer rule)." if every else
            f"{len(used)} of {len(canned)} replies were canned responses sent unedited, so personalisation is at "
            "most 1 (web-layer rule)."))
        if every:
            crit.update(evidence=[], missing="your own words for this customer")
        result = {**result, "criteria": {**result["criteria"], "personalisation": crit}}
        result["grade"], result["grade_rule"] = grade({k: v.get("level") for k, v in result["criteria"].items()},
                                                       result.get("checks"))
        _feedback_after_cap(result)
    return {**result, "canned_response": used[0], "canned_replies": {"canned": len(used), "replies": len(canned)}}


# --------------------------------------------------------------------------------------------------- grade

def grade(levels: dict, checks: list[dict] | None = None) -> tuple[str, str]:
    return rubrics.grade(levels, checks=checks)


# --------------------------------------------------------------------------------------------------- score

def score_reply(reply: str, context: dict) -> dict:
    if not isinstance(reply, str) or not reply.strip():
        raise ScoringInputError("The reply is empty: write something to score.")
    return _apply_canned_rule(rubrics.score_reply(reply, context), reply)


def score_conversation(turns: list[str], context: dict) -> dict:
    if not turns:
        raise ScoringInputError("There are no replies to score.")
    return rubrics.score_conversation(turns, context)


def _ranked(items, levels: dict, checks: list[dict]) -> list[dict]:
    """Several conversations' "even better if" points, ranked again by how much each would change the grade the
    levels in force give (rubrics.feedback.impact, the scorer's own ranking), their impact updated to match."""
    rank = {imp.key: imp for imp in impacts(levels, checks, RUBRIC)}
    known = sorted((i for i in items if i["criterion"] in rank), key=lambda i: rank[i["criterion"]].rank(),
                   reverse=True)
    return [{**i, "impact": rank[i["criterion"]].to_dict()} for i in known]


def explain_grade(levels: dict, checks: list[dict]) -> str:
    return explain(levels, checks, RUBRIC)


def combine(results: list[dict], best: bool) -> dict:
    """Join per-turn (best level per criterion) or per-conversation (weakest level) results into one."""
    if len(results) == 1:
        return results[0]
    criteria = {}
    for key in results[0]["criteria"]:
        judged = [(r["criteria"][key], r.get("turn", 0)) for r in results if key in r["criteria"]]
        levels = [j.get("level") for j, _ in judged if j.get("level") is not None]
        if not levels:
            criteria[key] = dict(judged[0][0])
            continue
        if key == "data_protection":
            pick = "fail" if "fail" in levels else "pass"
        elif key == "tone_of_voice" or not best:
            pick = min(levels)
        else:
            pick = max(levels)
        chosen = next(j for j, _ in judged if j.get("level") == pick)
        evidence = [dict(e, turn=e.get("turn", t)) for j, t in judged for e in (j.get("evidence") or [])
                    if j.get("level") == pick and isinstance(e, dict)]
        criteria[key] = dict(chosen, level=pick, evidence=evidence)
    checks = [c for r in results for c in r.get("checks") or []]
    grade_, rule = grade({k: v.get("level") for k, v in criteria.items()}, checks)
    now = {k: v.get("level") for k, v in criteria.items()}
    went, seen = [], set()
    for r in results:    # only what is still at the top level once the conversations are joined
        for w in r.get("feedback", {}).get("went_well", []):
            key = w.get("criterion")
            if (key, w.get("quote")) not in seen and (key not in now or now[key] in (2, "pass")):
                seen.add((key, w.get("quote")))
                went.append(w)
    ebi: dict = {}
    for r in results:    # a criterion's advice from the conversation at the level in force, if there is one
        for item in r.get("feedback", {}).get("even_better_if", []):
            key = item["criterion"]
            if item.get("kind") == "check":
                ebi.setdefault(key, item)
            elif now.get(key) not in (2, "pass", None) and (key not in ebi or item.get("level") == now[key]):
                ebi[key] = item
    joined = {**results[0], "criteria": criteria, "grade": grade_, "grade_rule": rule, "checks": checks,
              "feedback": {"went_well": went[:MAX_WENT_WELL],
                           "even_better_if": _ranked(ebi.values(), now, checks)[:MAX_EVEN_BETTER],
                           "grade_explained": explain_grade(now, checks)}}
    canned = next((r for r in results if r.get("canned_response")), None)
    if canned is not None and not joined.get("canned_response"):   # a canned reply in any conversation is flagged
        joined.update(canned_response=canned["canned_response"], canned_replies=canned.get("canned_replies"))
    return joined
