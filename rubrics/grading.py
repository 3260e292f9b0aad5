"""The overall grade from criterion levels (also used on tutor-moderated levels by the web layer)."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from rubrics.errors import ScoringInputError
from rubrics.rubric import CRITERION_ORDER, HEAT, MARKING_POINTS, RUBRIC, Rubric

GRADES = ("Refer", "Pass", "Merit", "Distinction")
CORE = HEAT + ("act",)


def _at_top(key: str, level) -> bool:
    return level == "pass" if key == "data_protection" else level == 2


def _missing_for_grade(checks: Iterable[Mapping] | None) -> list[Mapping]:
    """Checks the guide makes a grade rule of (`affects_grade`) that the reply did not meet."""
    out = []
    for c in checks or ():
        if not isinstance(c, Mapping):
            raise ScoringInputError("each check must be a mapping (as in a result's `checks`)")
        if c.get("affects_grade") and not c.get("ok"):
            out.append(c)
    return out


def grade(levels: Mapping[str, object], rubric: Rubric | None = None,
          checks: Iterable[Mapping] | None = None) -> tuple[str, str]:
    """Return (grade, rule) for a mapping of criterion key -> level (2/1/0/None, "pass"/"fail"/None).

    Missing keys count as n/a. Unknown keys are ignored. Follows the rubric guide's overall grade rules; the
    critical criteria are the rubric file's `critical: true` ones (default the shipped rubric). `checks` are a
    result's scenario checks (dicts): one the guide makes a grade rule of (the crisis safety action) and not met
    gives Refer.
    """
    lv: dict[str, Any] = {k: levels.get(k) for k in CRITERION_ORDER}
    for k, v in lv.items():
        if k == "data_protection":
            if v not in (None, "pass", "fail"):
                raise ScoringInputError(f"data_protection must be 'pass', 'fail' or None, not {v!r}")
        elif v not in (None, 0, 1, 2) or isinstance(v, bool):
            raise ScoringInputError(f"{k} must be 2, 1, 0 or None, not {v!r}")
    critical = (rubric or RUBRIC).critical_keys
    for key in critical:                     # pass/fail criteria first, so a data_protection fail is the rule given
        if lv[key] == "fail":
            return "Refer", f"Critical failure: {key} failed."
    for key in critical:
        if lv[key] == 0:
            return "Refer", f"Critical failure: {key} at 0."
    missing = _missing_for_grade(checks)
    if missing:
        kind = (rubric or RUBRIC).check_kind(missing[0].get("kind", ""))
        rule = kind.rule if kind and kind.rule else "A required scenario check was not met."
        return "Refer", f"{rule} Missing: {'; '.join(str(c.get('label')) for c in missing)}."
    core = [k for k in CORE if lv[k] is not None]
    below = [k for k in core if lv[k] < 1]
    if below:
        return "Refer", f"Pass needs every applicable HEAT criterion and act at 1 or more; {', '.join(below)} at 0."
    points = [k for k in MARKING_POINTS if lv[k] is not None]
    top_points = [k for k in points if _at_top(k, lv[k])]
    core_not_top = [k for k in core if lv[k] != 2]
    applicable = [k for k in CRITERION_ORDER if lv[k] is not None]
    not_top = [k for k in applicable if not _at_top(k, lv[k])]
    if not not_top and lv["timeliness"] in (2, None):
        return "Distinction", (f"Every applicable criterion at 2 ({len(applicable)} of {len(CRITERION_ORDER)} apply)"
                               + (", within the response-time target." if lv["timeliness"] == 2 else
                                  "; response time not known."))
    merit_points = len(top_points) * 2 > len(points)
    if not core_not_top and merit_points:
        return "Merit", (f"Every applicable HEAT criterion and act at 2; {len(top_points)} of {len(points)} marking "
                         f"points at 2. Distinction needs {', '.join(not_top)} at 2 too.")
    if core_not_top:
        why = f"{', '.join(core_not_top)} below 2"
    else:
        why = f"only {len(top_points)} of {len(points)} marking points at 2"
    return "Pass", f"Every applicable HEAT criterion and act at 1 or more; Merit needs more: {why}."
