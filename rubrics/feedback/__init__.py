"""Feedback that teaches: a short "what went well" in the learner's own words, at most three "even better if"
points ranked by how much each would change the grade, each with example wording for this scenario and platform,
and the grade rule phrased for a learner.

    build(criteria, texts, sit, checks, rubric) -> {"went_well": [...], "even_better_if": [...], "grade_explained": str}

Each "even better if" item: criterion (a criterion key, or a check's key), kind ("criterion" | "check"), level,
text (what to do), missing (the same, kept for older readers), example, impact (gain, gain_top, needed,
grade_if_raised). Each "went well" item: criterion, quote (the learner's words), text ("Hear: You showed ...").
The detectors' reasons (which name cue words) stay in the criteria; none of them is copied here.
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from rubrics.checks import CheckResult
from rubrics.checks.spec import Behaviour, behaviours
from rubrics.detectors.base import Judgement, Situation
from rubrics.feedback.explain import explain
from rubrics.feedback.impact import Impact, impacts, top_of
from rubrics.feedback.quote import quote_of
from rubrics.feedback.setting import Setting, setting_of
from rubrics.feedback.wording import advice, example, signed_closing, well
from rubrics.grading import CORE
from rubrics.rubric import CRITERION_ORDER, RUBRIC, Rubric
from rubrics.text import read

MAX_EVEN_BETTER = 3
MAX_WENT_WELL = 3
# Not advice a learner can act on with wording (the clock), so never an "even better if" point.
NOT_WORDING = ("timeliness",)
CHECK_INTROS = {
    "safety_action": "Put the safety message first: {label}",
    "must_cover": "Your statement should also cover: {label}",
    "key_behaviour": "This scenario asks you to: {label}",
    "praise_thanks": "Thank them for the praise.",
}
# A sign-off that marks the agent ("^RK", "-Nadia", "xo Mia"), which an example can end with as the learner wrote it
# (a closing "Thanks, Dee" is theirs too, but the example then ends with the brand's own mark).
SIGN_MARK_RE = re.compile(r"(?:\^|-|xo\s)\s?[A-Za-z]{1,15}")
AVOID_EXAMPLE = "We're looking into what happened and we'll update you as soon as we know more."


def _sentence(text: str) -> str:
    text = " ".join(str(text).split()).strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _check_item(c: CheckResult, imp: Impact, wordings: Mapping[str, Behaviour], texts: Sequence[str]) -> dict:
    if c.status == "breached":
        said = c.evidence[0].text if c.evidence else ""
        text = _sentence(f"Leave this out: {c.label}") + (f" You wrote “{' '.join(said.split())}”." if said else "")
        ex = AVOID_EXAMPLE
    else:
        text = _sentence(CHECK_INTROS.get(c.kind, "This scenario asks you to: {label}").format(
            label=c.label.rstrip(".")))
        b = wordings.get(c.key)
        # the scenario's first wording that shows it; a plain point with none is its own wording
        ex = _sentence(b.wordings[1] if len(b.wordings) > 1 else b.wordings[0]) if b is not None else ""
    return {"criterion": c.key, "kind": "check", "check_kind": c.kind, "level": c.status, "text": text,
            "missing": text, "example": ex, "impact": imp.to_dict()}


def _criterion_item(key: str, level, imp: Impact, s: Setting, texts: Sequence[str] = ()) -> dict:
    text, ex = advice(key, level, s), example(key, s)
    own = _own_signoff(texts) if key == "closing" and level == 1 else None
    if own:         # "finish by ... signing off" to a reply that signed off, with another agent's initials: no
        text, ex = signed_closing(s, own if SIGN_MARK_RE.fullmatch(own) else s.signoff)
    return {"criterion": key, "kind": "criterion", "level": level, "text": text, "missing": text,
            "example": ex, "impact": imp.to_dict()}


def _own_signoff(texts: Sequence[str]) -> str | None:
    """The learner's sign-off in their last reply ("^RK", "-Nadia", "xo Mia"), if they signed off."""
    if not texts:
        return None
    signs = read(texts[-1], len(texts) - 1).signoff
    return " ".join(signs[-1].text.split()).replace("- ", "-") if signs else None


def even_better_if(criteria: Mapping[str, Judgement], checks: Sequence[CheckResult], s: Setting,
                   wordings: Mapping[str, Behaviour], texts: Sequence[str], rubric: Rubric) -> list[dict]:
    levels = {k: criteria[k].level for k in CRITERION_ORDER}
    by_key = {c.key: c for c in checks}
    skip = [k for k in CRITERION_ORDER if k in NOT_WORDING or (levels[k] is not None and not advice(k, levels[k], s))]
    return [_check_item(by_key[imp.key], imp, wordings, texts) if imp.is_check else
            _criterion_item(imp.key, levels[imp.key], imp, s, texts)
            for imp in impacts(levels, [c.to_dict() for c in checks], rubric, MAX_EVEN_BETTER, skip)]


def went_well(criteria: Mapping[str, Judgement], checks: Sequence[CheckResult], texts: Sequence[str],
              s: Setting, rubric: Rubric = RUBRIC) -> list[dict]:
    """Short: up to three things done at the top level, most important first, each quoting the learner."""
    order = [k for k in CORE] + [c.key for c in checks] + [k for k in CRITERION_ORDER if k not in CORE]
    found = {c.key: c for c in checks if c.status == "shown"}
    out, quotes = [], set()
    for key in order:
        if key in found:
            c = found[key]
            line, spans = _sentence(f"You did what the scenario asks: {c.label.rstrip('.')}"), c.evidence
        elif key in criteria and criteria[key].level is not None and criteria[key].level == top_of(key):
            # "Hear: You showed ...": the label leads, as readers of stored results (the PDF) expect
            line, spans = (f"{rubric.criterion(key).label}: {well(key, s)}" if well(key, s) else ""), \
                criteria[key].evidence
        else:
            continue
        q = quote_of(spans, texts)
        if not line or not q or q in quotes:
            continue
        quotes.add(q)
        out.append({"criterion": key, "quote": q, "text": line})
        if len(out) == MAX_WENT_WELL:
            break
    return out


def build(criteria: Mapping[str, Judgement], texts: Sequence[str], sit: Situation,
          checks: Sequence[CheckResult] = (), rubric: Rubric = RUBRIC) -> dict:
    s = setting_of(sit)
    wanted = {b.key: b for b in behaviours(sit.expected, s.praise)}
    levels = {k: criteria[k].level for k in CRITERION_ORDER}
    return {"went_well": went_well(criteria, checks, texts, s, rubric),
            "even_better_if": even_better_if(criteria, checks, s, wanted, texts, rubric),
            "grade_explained": explain(levels, [c.to_dict() for c in checks], rubric)}


__all__ = ["MAX_EVEN_BETTER", "MAX_WENT_WELL", "build", "even_better_if", "went_well"]
