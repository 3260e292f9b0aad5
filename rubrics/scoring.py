"""score_reply / score_conversation: validate the input, read the reply, run every detector, grade, feed back."""
from __future__ import annotations

import numbers
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from rubrics import feedback as fb
from rubrics import tone
from rubrics.customer import read_customer
from rubrics.cues import Cues
from rubrics.cues.personal_data import VERIFY_RE
from rubrics.detectors import HIGH, Judgement, Situation, evaluate
from rubrics.errors import ScoringError, ScoringInputError
from rubrics.grading import grade
from rubrics.rubric import CRITERION_ORDER, RUBRIC, Rubric
from rubrics.text import read

MAX_REPLY_CHARS = 10_000
MAX_CUSTOMER_CHARS = 20_000
TAKE_MAX = {"hear", "acknowledge", "empathise", "apologise", "take_ownership", "act", "personalisation",
            "signposting", "take_private", "clarify", "escalation"}
TAKE_MIN = {"tone_of_voice", "plain_language", "accuracy", "platform_fit"}


@dataclass(frozen=True)
class ScoreResult:
    mode: str
    criteria: Mapping[str, Judgement]
    grade: str
    grade_rule: str
    feedback: dict
    signals: dict = field(default_factory=dict)
    rubric: Rubric = RUBRIC

    def to_dict(self) -> dict:
        return {"rubric": self.rubric.info(), "mode": self.mode,
                "criteria": {k: self.criteria[k].to_dict() for k in CRITERION_ORDER},
                "grade": self.grade, "grade_rule": self.grade_rule, "feedback": self.feedback,
                "signals": self.signals}

    def levels(self) -> dict:
        return {k: self.criteria[k].level for k in CRITERION_ORDER}


def _check_text(value: Any, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise ScoringInputError(f"{what} must be text, not {type(value).__name__}")
    if not value.strip():
        raise ScoringInputError(f"{what} is empty")
    if len(value) > limit:
        raise ScoringInputError(f"{what} is {len(value):,} characters; the limit is {limit:,}")
    return value


def _situation(context: Mapping | None, analyser: str | None, turn_index: int = 0, turn_count: int = 1) -> Situation:
    from simulator.platforms import PLATFORMS
    if context is None:
        context = {}
    if not isinstance(context, Mapping):
        raise ScoringInputError(f"context must be a mapping, not {type(context).__name__}")
    scenario = context.get("scenario")
    if scenario is not None and not isinstance(scenario, Mapping):
        raise ScoringInputError("context['scenario'] must be a scenario dict or None (use the simulator's "
                                "scoring_context for an id and seed)")
    platform = context.get("platform")
    if platform is None and scenario:
        platform = scenario.get("platform")
    if platform is not None and platform not in PLATFORMS:
        raise ScoringInputError(f"unknown platform {platform!r}; use one of {', '.join(PLATFORMS)}")
    known = platform is not None
    platform = platform or "twitter"
    channel = context.get("channel") or ("chat" if platform == "webchat" else "public")
    if channel not in PLATFORMS[platform].channels:
        raise ScoringInputError(f"{PLATFORMS[platform].label} has no {channel!r} channel; it offers "
                                f"{', '.join(PLATFORMS[platform].channels)}")
    minutes = context.get("response_minutes")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, numbers.Real) or minutes < 0
                                or minutes != minutes):
        raise ScoringInputError(f"response_minutes must be a number of minutes >= 0 or None, not {minutes!r}")
    customer = context.get("customer")
    if customer is None:
        customer_text = ""
    elif isinstance(customer, str):
        customer_text = customer
    elif isinstance(customer, (list, tuple)) and all(isinstance(c, str) for c in customer):
        customer_text = "\n".join(customer)
    else:
        raise ScoringInputError("context['customer'] must be a message or a list of messages")
    if len(customer_text) > MAX_CUSTOMER_CHARS:
        raise ScoringInputError(f"the customer's messages are {len(customer_text):,} characters; the limit is "
                                f"{MAX_CUSTOMER_CHARS:,}")
    for key in ("customer_name", "customer_handle"):
        if context.get(key) is not None and not isinstance(context.get(key), str):
            raise ScoringInputError(f"context[{key!r}] must be text or None")
    if analyser not in (None, "none", *tone.ANALYSERS):
        raise ScoringInputError(f"unknown tone analyser {analyser!r}")
    expected = dict(scenario.get("expected") or {}) if scenario else {}
    return Situation(customer=read_customer(customer_text, analyser), platform=platform, channel=channel,
                     platform_known=known, response_minutes=float(minutes) if minutes is not None else None,
                     customer_name=context.get("customer_name") or None,
                     customer_handle=context.get("customer_handle") or None,
                     scenario=dict(scenario) if scenario else None, expected=expected, analyser=analyser,
                     turn_index=turn_index, turn_count=turn_count)


def _judge(text: str, sit: Situation, turn: int, previous: list[str], rubric: Rubric = RUBRIC) -> dict[str, Judgement]:
    if previous:
        sit = replace(sit, verified_earlier=any(VERIFY_RE.search(p) for p in previous))
    cues = Cues(read(text, turn), sit.customer)
    needs_scenario = rubric.scenario_keys if sit.scenario is None else frozenset()
    judged = evaluate(cues, sit, rubric.detector_of, needs_scenario)
    return {k: judged[k] for k in CRITERION_ORDER}


def _combine(per_turn: list[dict[str, Judgement]]) -> dict[str, Judgement]:
    if len(per_turn) == 1:
        return per_turn[0]
    out = {}
    rank = lambda j: -1 if j.level is None else (1 if j.level == "pass" else 0 if j.level == "fail" else j.level)
    for key in CRITERION_ORDER:
        js = [t[key] for t in per_turn]
        if key == "greeting":
            out[key] = js[0]
        elif key == "closing":
            out[key] = js[-1]
        elif key == "data_protection":
            fails = [j for j in js if j.level == "fail"]
            out[key] = fails[0] if fails else js[0]
        elif key in TAKE_MIN:
            applicable = [j for j in js if j.level is not None]
            out[key] = min(applicable, key=rank) if applicable else js[0]
        else:
            out[key] = max(js, key=rank)
    return out


def _result(per_turn: list[dict[str, Judgement]], texts: list[str], sit: Situation,
            rubric: Rubric = RUBRIC) -> ScoreResult:
    try:
        criteria = _combine(per_turn)
        levels = {k: criteria[k].level for k in CRITERION_ORDER}
        g, rule = grade(levels, rubric)
        target = (float(sit.scenario["sla_minutes"]) if sit.scenario and sit.scenario.get("sla_minutes")
                  else (1.0 if sit.chat else 60.0))
        first_name = sit.customer_name.split()[0] if sit.customer_name else None
        feedback = fb.build(criteria, texts, sit.customer.issue_label, first_name,
                            sit.expected.get("escalation_route"), target)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ScoringError(f"internal scoring error: {exc}") from exc
    signals = {"issue_words": list(sit.customer.issue_words[:5]), "issue_themes": sorted(sit.customer.themes),
               "customer_intent": sit.customer.intent, "customer_heated": sit.customer.heated,
               "platform": sit.platform, "channel": sit.channel, "tone_analyser": sit.analyser or tone.ANALYSER,
               "low_confidence": [k for k in CRITERION_ORDER if criteria[k].confidence != HIGH]}
    return ScoreResult(mode="free" if sit.scenario is None else "scenario", criteria=criteria, grade=g,
                       grade_rule=rule, feedback=feedback, signals=signals, rubric=rubric)


def score_reply(reply: str, context: Mapping | None = None, *, analyser: str | None = None,
                rubric: Rubric | None = None) -> dict:
    """Score one learner reply against its context (docs/interfaces.md). Returns a JSON-serialisable dict.

    `rubric` defaults to the shipped rubric (rubrics.rubric.RUBRIC); its `critical` and `needs_scenario` flags
    decide the critical failures and the criteria that are n/a in free mode.
    Raises ScoringInputError for caller errors (empty or oversize reply, unknown platform, bad context).
    """
    return score_reply_result(reply, context, analyser=analyser, rubric=rubric).to_dict()


def score_reply_result(reply: str, context: Mapping | None = None, *, analyser: str | None = None,
                       rubric: Rubric | None = None) -> ScoreResult:
    rubric = rubric or RUBRIC
    reply = _check_text(reply, "the reply", MAX_REPLY_CHARS)
    previous = list((context or {}).get("previous_replies") or []) if isinstance(context, Mapping) else []
    sit = _situation(context, analyser, turn_index=len(previous), turn_count=len(previous) + 1)
    return _result([_judge(reply, sit, 0, previous, rubric)], [reply], sit, rubric)


def score_conversation(turns: list[str], context: Mapping | None = None, *, analyser: str | None = None,
                       rubric: Rubric | None = None) -> dict:
    """Score the learner's side of a multi-turn conversation; evidence spans carry the turn index."""
    rubric = rubric or RUBRIC
    if not isinstance(turns, (list, tuple)) or not turns:
        raise ScoringInputError("turns must be a non-empty list of the learner's messages")
    texts = [_check_text(t, f"turn {i}", MAX_REPLY_CHARS) for i, t in enumerate(turns)]
    per_turn = []
    sit = None
    for i, t in enumerate(texts):
        sit = _situation(context, analyser, turn_index=i, turn_count=len(texts))
        per_turn.append(_judge(t, sit, i, texts[:i], rubric))
    return _result(per_turn, texts, sit, rubric).to_dict()
