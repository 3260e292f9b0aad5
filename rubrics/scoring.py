"""score_reply / score_conversation: validate the input, read the reply, run every detector, grade, feed back."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from rubrics import feedback as fb
from rubrics import tone
from rubrics.checks import CheckResult, run_checks
from rubrics.combine import WHOLE_READING, combine_turns, join_turns, to_turns
from rubrics.cues import Cues
from rubrics.cues.personal_data import VERIFY_RE
from rubrics.detectors import HIGH, Judgement, Situation, evaluate
from rubrics.errors import ScoringError, ScoringInputError
from rubrics.grading import grade
from rubrics.judge import judge_criteria
from rubrics.judge import warm_up as judge_warm_up
from rubrics.rubric import CRITERION_ORDER, RUBRIC, Rubric
from rubrics.situation import build_situation, check_text
from rubrics.text import read

MAX_REPLY_CHARS = 10_000


@dataclass(frozen=True)
class ScoreResult:
    mode: str
    criteria: Mapping[str, Judgement]
    grade: str
    grade_rule: str
    feedback: dict
    signals: dict = field(default_factory=dict)
    rubric: Rubric = RUBRIC
    checks: tuple[CheckResult, ...] = ()

    def to_dict(self) -> dict:
        return {"rubric": self.rubric.info(), "mode": self.mode,
                "criteria": {k: self.criteria[k].to_dict() for k in CRITERION_ORDER},
                "grade": self.grade, "grade_rule": self.grade_rule, "feedback": self.feedback,
                "signals": self.signals, "checks": [c.to_dict() for c in self.checks]}

    def levels(self) -> dict:
        return {k: self.criteria[k].level for k in CRITERION_ORDER}


def _judge(text: str, sit: Situation, turn: int, previous: list[str], rubric: Rubric = RUBRIC) -> dict[str, Judgement]:
    if previous:
        sit = replace(sit, verified_earlier=any(VERIFY_RE.search(p) for p in previous))
    cues = Cues(read(text, turn), sit.customer)
    needs_scenario = rubric.scenario_keys if sit.scenario is None else frozenset()
    judged = evaluate(cues, sit, rubric.detector_of, needs_scenario)
    return {k: judged[k] for k in CRITERION_ORDER}


def _judge_whole(texts: list[str], sit: Situation, rubric: Rubric = RUBRIC) -> dict[str, Judgement]:
    """The conversation read as one text, its evidence mapped back to the turns (combine.WHOLE_READING uses it)."""
    joined, starts = join_turns(texts)
    judged = _judge(joined, replace(sit, turn_index=0, turn_count=1), 0, [], rubric)
    return {k: replace(j, evidence=tuple(to_turns(sp, texts, starts) for sp in j.evidence))
            for k, j in judged.items() if k in WHOLE_READING}


def _result(per_turn: list[dict[str, Judgement]], texts: list[str], sit: Situation,
            rubric: Rubric = RUBRIC, whole: Mapping[str, Judgement] | None = None, judge: bool = True) -> ScoreResult:
    checks = run_checks(texts, sit, rubric)      # raises ScoringInputError for a malformed scenario behaviour
    try:
        criteria = combine_turns(per_turn, texts, sit, whole)
        judged_by = "rules"
        if judge:
            criteria, judged_by = judge_criteria(criteria, texts, sit)
        levels = {k: criteria[k].level for k in CRITERION_ORDER}
        g, rule = grade(levels, rubric, [c.to_dict() for c in checks])
        feedback = fb.build(criteria, texts, sit, checks, rubric)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ScoringError(f"internal scoring error: {exc}") from exc
    signals = {"issue_words": list(sit.customer.issue_words[:5]), "issue_themes": sorted(sit.customer.themes),
               "customer_intent": sit.customer.intent, "customer_heated": sit.customer.heated,
               "platform": sit.platform, "channel": sit.channel, "tone_analyser": sit.analyser or tone.ANALYSER,
               "low_confidence": [k for k in CRITERION_ORDER if criteria[k].confidence != HIGH],
               "judged_by": judged_by}
    return ScoreResult(mode="free" if sit.scenario is None else "scenario", criteria=criteria, grade=g,
                       grade_rule=rule, feedback=feedback, signals=signals, rubric=rubric, checks=checks)


def warm_up() -> str:
    """Load the sentiment analysers, the judge model and WordLlama now (app start, a test session) rather than on
    the first request; returns how replies will be judged ("model <version>" or "rules (why)")."""
    tone.warm_up()
    return judge_warm_up()


def score_reply(reply: str, context: Mapping | None = None, *, analyser: str | None = None,
                rubric: Rubric | None = None, judge: bool = True) -> dict:
    """Score one learner reply against its context (docs/interfaces.md). Returns a JSON-serialisable dict.

    `rubric` defaults to the shipped rubric (rubrics.rubric.RUBRIC); its `critical` and `needs_scenario` flags
    decide the critical failures and the criteria that are n/a in free mode.
    Raises ScoringInputError for caller errors (empty or oversize reply, unknown platform, bad context).
    """
    return score_reply_result(reply, context, analyser=analyser, rubric=rubric, judge=judge).to_dict()


def score_reply_result(reply: str, context: Mapping | None = None, *, analyser: str | None = None,
                       rubric: Rubric | None = None, judge: bool = True) -> ScoreResult:
    rubric = rubric or RUBRIC
    reply = check_text(reply, "the reply", MAX_REPLY_CHARS)
    previous = list((context or {}).get("previous_replies") or []) if isinstance(context, Mapping) else []
    sit = build_situation(context, analyser, turn_index=len(previous), turn_count=len(previous) + 1)
    return _result([_judge(reply, sit, 0, previous, rubric)], [reply], sit, rubric, judge=judge)


def score_conversation(turns: list[str], context: Mapping | None = None, *, analyser: str | None = None,
                       rubric: Rubric | None = None, judge: bool = True) -> dict:
    """Score the learner's side of a multi-turn conversation; evidence spans carry the turn index.

    `judge=False` gives the rules' levels alone (the learned layer's inputs; the fallback when it cannot load)."""
    rubric = rubric or RUBRIC
    per_turn, texts, sit, whole = _conversation_judgements(turns, context, analyser, rubric)
    return _result(per_turn, texts, sit, rubric, whole, judge=judge).to_dict()


def rule_judgements(turns: list[str], context: Mapping | None = None, *, analyser: str | None = None,
                    rubric: Rubric | None = None) -> tuple[dict[str, Judgement], list[str], Situation]:
    """The rules' combined judgements of a conversation, its texts and situation: what the learned layer reads."""
    rubric = rubric or RUBRIC
    per_turn, texts, sit, whole = _conversation_judgements(turns, context, analyser, rubric)
    return combine_turns(per_turn, texts, sit, whole), texts, sit


def _conversation_judgements(turns, context, analyser, rubric):
    if not isinstance(turns, (list, tuple)) or not turns:
        raise ScoringInputError("turns must be a non-empty list of the learner's messages")
    texts = [check_text(t, f"turn {i}", MAX_REPLY_CHARS) for i, t in enumerate(turns)]
    per_turn = []
    sit = None
    for i, t in enumerate(texts):
        sit = build_situation(context, analyser, turn_index=i, turn_count=len(texts))
        per_turn.append(_judge(t, sit, i, texts[:i], rubric))
    whole = _judge_whole(texts, sit, rubric) if len(texts) > 1 else None
    assert sit is not None
    return per_turn, texts, sit, whole
