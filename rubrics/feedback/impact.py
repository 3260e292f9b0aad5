"""How much a change would move the grade, computed with the grading rule itself (rubrics.grading.grade).

For each criterion below its top level, and each scenario check not met:
- `gain`: grade steps won by raising it ONE level (0 -> 1, 1 -> 2, fail -> pass; a check met), the rest unchanged;
- `gain_top`: grade steps won by raising it to the top level;
- `needed`: the next grade cannot be reached without it (every other point raised to the top still falls short).
Candidates are ranked by (gain, gain_top, needed), then by the rubric's order of importance (HEAT and act, the
scenario's checks, the marking points): the feedback shows the first three.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Mapping, Sequence

from rubrics.grading import CORE, GRADES, grade
from rubrics.rubric import CRITERION_ORDER, Rubric

TOP = {"data_protection": "pass"}


def top_of(key: str):
    return TOP.get(key, 2)


def raised(key: str, level):
    """The level one step up, or None when it is at the top or n/a."""
    if level is None or level == top_of(key):
        return None
    if level == "fail":
        return "pass"
    return level + 1


@dataclass(frozen=True)
class Impact:
    key: str                 # criterion key, or a check's key ("must_cover:1")
    is_check: bool
    gain: int
    gain_top: int
    needed: bool
    order: int               # smaller first when the rest ties
    grade_if_raised: str
    next_grade: str = ""     # the grade `needed` is about

    def rank(self) -> tuple:
        return (self.gain, self.gain_top, int(self.needed), -self.order)

    def to_dict(self) -> dict:
        return {"gain": self.gain, "gain_top": self.gain_top, "needed": self.needed,
                "grade_if_raised": self.grade_if_raised, "needed_for": self.next_grade if self.needed else None}


_RUBRICS: dict[str, Rubric] = {}      # content hash -> rubric (a rubric itself is not hashable)


@lru_cache(maxsize=8192)
def _cached_index(levels: tuple, checks: tuple[tuple[bool, bool], ...], rubric_hash: str) -> int:
    """The grade's place in GRADES. Only the levels (in CRITERION_ORDER) and whether each check counts and is met
    matter to the grade (not its label), so the grading is cached on those: the same patterns recur across replies."""
    as_dicts = [{"affects_grade": a, "ok": ok, "kind": "", "label": ""} for a, ok in checks]
    return GRADES.index(grade(dict(zip(CRITERION_ORDER, levels)), _RUBRICS[rubric_hash], as_dicts)[0])


def _marks(checks: Sequence[Mapping]) -> tuple[tuple[bool, bool], ...]:
    return tuple((bool(c.get("affects_grade")), bool(c.get("ok"))) for c in checks)


def _met(checks: Sequence[Mapping], marks: tuple, key: str) -> tuple[tuple[bool, bool], ...]:
    """The check marks with the check(s) named `key` met."""
    return tuple((a, True) if c.get("key") == key else (a, ok) for c, (a, ok) in zip(checks, marks))


def _all_top(levels: tuple, checks: Sequence[Mapping], marks: tuple, but: str | None) -> tuple[tuple, tuple]:
    """Every applicable criterion at its top and every check met, except `but`."""
    lv = tuple(v if k == but or v is None else top_of(k) for k, v in zip(CRITERION_ORDER, levels))
    return lv, tuple((a, ok) if c.get("key") == but else (a, True) for c, (a, ok) in zip(checks, marks))


def _order(key: str, is_check: bool) -> int:
    if is_check:
        return len(CORE)
    if key in CORE:
        return CORE.index(key)
    return len(CORE) + 1 + CRITERION_ORDER.index(key)


def impacts(levels: Mapping[str, object], checks: Sequence[Mapping], rubric: Rubric, limit: int | None = None,
            skip: Sequence[str] = ()) -> list[Impact]:
    """The candidates for 'even better if' (criteria in `skip` left out), best first; with `limit`, only the first
    `limit` (`needed` is then worked out only where it can change which ones those are: it costs a grading each).

    Every grading runs on (levels in CRITERION_ORDER, (affects_grade, ok) per check): what _index reads, built
    once and varied one position at a time rather than a dict copied per candidate."""
    _RUBRICS.setdefault(rubric.hash, rubric)
    base = tuple(levels.get(k) for k in CRITERION_ORDER)
    marks = _marks(checks)

    def index(lv: tuple, mk: tuple = marks) -> int:
        return _cached_index(lv, mk, rubric.hash)

    now = index(base)
    target = min(now + 1, len(GRADES) - 1)
    out = []
    for i, key in enumerate(CRITERION_ORDER):
        up = raised(key, base[i])
        if up is None or key in skip:
            continue
        one = index(base[:i] + (up,) + base[i + 1:])
        top = one if up == top_of(key) else index(base[:i] + (top_of(key),) + base[i + 1:])
        out.append(Impact(key, False, one - now, top - now, False, _order(key, False), GRADES[one]))
    for c in checks:
        if not c.get("ok"):
            key = str(c.get("key"))
            met = index(base, _met(checks, marks, key))
            out.append(Impact(key, True, met - now, met - now, False, _order(key, True), GRADES[met]))
    out.sort(key=Impact.rank, reverse=True)
    if limit is not None and len(out) > limit:
        last = out[limit - 1]
        out = [i for i in out if (i.gain, i.gain_top) >= (last.gain, last.gain_top)]
    out = sorted((replace(i, needed=index(*_all_top(base, checks, marks, i.key)) < target, next_grade=GRADES[target])
                  for i in out), key=Impact.rank, reverse=True)
    return out if limit is None else out[:limit]
