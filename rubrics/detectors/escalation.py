"""escalation: the scenario's route and what happens next, where the scenario requires escalation."""
from __future__ import annotations

import re
from functools import lru_cache

from rubrics.cues.questions import ESCALATE_RE, NEXT_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, Judgement, Situation, detector, spans


@lru_cache(maxsize=64)
def route_pattern(route: str) -> re.Pattern:
    """The route by its name, whatever the determiner and with or without "team": the scenario's "the Priority
    Services team" is named in "I've passed you to our Priority Services team" and "passed it to Priority
    Services"."""
    core = re.sub(r"^(?:the|our|a|an)\s+", "", route.strip(), flags=re.I)
    core = re.sub(r"\s+team$", "", core, flags=re.I) or route.strip()
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in core.split()) + r"\b", re.I)


@detector("escalation")
def escalation(cues: Cues, sit: Situation) -> Judgement:
    if sit.scenario is None:     # normally unreached: the rubric flags escalation needs_scenario
        return Judgement(None, (), None, "Free mode: escalation needs a scenario.", HIGH)
    if not sit.expected.get("escalate"):
        return Judgement(None, (), None, "The scenario does not require escalation.", HIGH)
    esc = cues.find(ESCALATE_RE)
    route = sit.expected.get("escalation_route")
    if route:
        esc += [(m.start(), m.end()) for m in route_pattern(route).finditer(cues.r.masked)]
    nxt = cues.find(NEXT_RE)
    if esc and nxt:
        return Judgement(2, spans(cues, sorted(esc)[:1] + nxt[:1]), None, "Escalates and says what happens next.", HIGH)
    if esc:
        return Judgement(1, spans(cues, esc[:1]), "what happens next once it is escalated",
                         "Escalates, but does not say what happens next.", HIGH)
    return Judgement(0, (), f"escalation to {route or 'the right team'} and what happens next",
                     "The scenario needs escalation, but the reply does not escalate.", HIGH)
