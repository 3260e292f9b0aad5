"""timeliness: the reply's delay against the scenario's target (60 minutes in free mode, 1 in live chat)."""
from __future__ import annotations

from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, Judgement, Situation, detector


@detector("timeliness")
def timeliness(cues: Cues, sit: Situation) -> Judgement:
    if sit.response_minutes is None:
        return Judgement(None, (), None, "The reply's delay is not known.", HIGH)
    if sit.scenario is not None and sit.scenario.get("sla_minutes"):
        target = float(sit.scenario["sla_minutes"])
    else:
        target = 1.0 if sit.chat else 60.0
    m = float(sit.response_minutes)
    def fmt(x: float) -> str:
        return f"{x:g}"
    if m <= target:
        return Judgement(2, (), None, f"Sent after {fmt(m)} min, within the {fmt(target)}-minute target.", HIGH)
    if m <= 2 * target:
        return Judgement(1, (), f"a reply within {fmt(target)} minutes",
                         f"Sent after {fmt(m)} min: late, but within twice the {fmt(target)}-minute target.", HIGH)
    return Judgement(0, (), f"a reply within {fmt(target)} minutes",
                     f"Sent after {fmt(m)} min, more than twice the {fmt(target)}-minute target.", HIGH)
