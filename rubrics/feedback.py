"""Feedback a learner can act on: what went well (quoting their words) and even better if (with example wording)."""
from __future__ import annotations

from rubrics.rubric import RUBRIC
from rubrics.text import read


def _quote(result, turns: list[str], readings: dict) -> str:
    """The learner's sentence around the first evidence span (handles and links left out)."""
    ev = result.evidence[0]
    raw = turns[ev.turn] if ev.turn < len(turns) else ""
    if ev.turn not in readings:
        readings[ev.turn] = read(raw, ev.turn)
    reading = readings[ev.turn]
    if any(s.start <= ev.start < s.end for s in reading.signoff):
        return ev.text
    s, e = reading.sentence_of(ev.start)
    if e <= s:
        return ev.text
    quote = " ".join(reading.masked[s:e].split())
    return quote if 0 < len(quote) <= 160 else ev.text


def build(results: dict, turns: list[str], issue: str, name: str | None, route: str | None,
          target: float | None) -> dict:
    went_well, ebi = [], []
    readings: dict = {}
    for c in RUBRIC.criteria:
        r = results[c.key]
        if r.level is None:
            continue
        top = r.level == 2 or r.level == "pass"
        if top:
            if r.evidence:
                went_well.append({"criterion": c.key, "quote": _quote(r, turns, readings),
                                  "text": f"{c.label}: {r.reason}"})
            elif c.key in ("timeliness", "platform_fit"):
                went_well.append({"criterion": c.key, "quote": "", "text": f"{c.label}: {r.reason}"})
            continue
        example = c.example.format(issue=issue or "order", name=name or "Sam", route=route or "our specialist team",
                                   target=f"{target:g}" if target else "60", promise="what the policy allows")
        ebi.append({"criterion": c.key, "missing": r.missing or r.reason, "example": example,
                    "text": f"{c.label}: {r.reason} Add {r.missing}." if r.missing else f"{c.label}: {r.reason}"})
    return {"went_well": went_well, "even_better_if": ebi}
