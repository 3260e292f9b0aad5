"""What every detector shares: the Judgement it returns, the Situation it reads, the registry it joins.

A detector is a pure function `fn(cues, sit, **needed) -> Judgement`: the reply's cues, the situation, and the
judgements of the criteria it depends on, declared with `needs=` when it registers (rubrics.detectors.graph
orders the evaluation from these declarations).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from rubrics.brand_voice import GUIDE_DEFAULT, BrandVoice
from rubrics.cues.reply import Cues
from rubrics.customer import CustomerReading
from rubrics.text import Span

HIGH, LOW = "high", "low"
LETTER_RE = re.compile(r"[^\W\d_]")
UPPER_RE = re.compile(r"[A-Z]")
DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class Judgement:
    level: Any
    evidence: tuple[Span, ...] = ()
    missing: str | None = None
    reason: str = ""
    confidence: str = HIGH

    def to_dict(self) -> dict:
        return {"level": self.level, "evidence": [s.to_dict() for s in self.evidence], "missing": self.missing,
                "reason": self.reason, "confidence": self.confidence}


@dataclass(frozen=True)
class Situation:
    """Everything about the context a detector may need (built once per call)."""

    customer: CustomerReading
    platform: str
    channel: str
    platform_known: bool
    response_minutes: float | None
    customer_name: str | None
    customer_handle: str | None
    scenario: dict | None
    expected: dict = field(default_factory=dict)
    analyser: str | None = None
    turn_index: int = 0
    turn_count: int = 1
    verified_earlier: bool = False       # an earlier turn of the conversation verified the customer's identity
    voice: BrandVoice = GUIDE_DEFAULT    # the brand's voice (emoji, informality); the guide's default in free mode
    praise: bool = False                 # the customer is praising or thanking (situation.is_praise)

    @property
    def public(self) -> bool:
        return self.channel == "public"

    @property
    def chat(self) -> bool:
        return self.channel == "chat"

    @property
    def free(self) -> bool:
        return self.scenario is None


@dataclass(frozen=True)
class Detector:
    """A registered detector: its name (the rubric file's `detector:`), the function, and the criteria it reads."""

    name: str
    fn: Callable[..., Judgement]
    needs: tuple[str, ...] = ()

    def __call__(self, cues: Cues, sit: Situation, needed: dict[str, Judgement] | None = None) -> Judgement:
        needed = needed or {}
        return self.fn(cues, sit, **{k: needed[k] for k in self.needs})


DETECTORS: dict[str, Detector] = {}


def detector(name: str, needs: tuple[str, ...] = ()):
    """Register `fn` under `name`; `needs` are the criterion keys whose judgements it takes as keyword arguments."""
    def register(fn: Callable[..., Judgement]) -> Callable[..., Judgement]:
        DETECTORS[name] = Detector(name, fn, tuple(needs))
        return fn
    return register


def spans(cues: Cues, pairs) -> tuple[Span, ...]:
    out = []
    for p in pairs:
        sp = cues.r.span(p[0], p[1])
        if sp.text and sp not in out:       # two cues on the same words are one piece of evidence
            out.append(sp)
    return tuple(out)


def issue_label(sit: Situation) -> str:
    return sit.customer.issue_label


def has_problem(sit: Situation) -> bool:
    """The customer reports a problem (or the scenario says there is one): the condition for apology and empathy."""
    c = sit.customer
    if sit.scenario is not None:
        return True
    return c.intent == "complaint" or c.sentiment <= -0.25
