"""Scores a strategy or procedure document against the social-document rubric, each level with quoted evidence,
and names the common mistakes (rubrics/data/social-document.yaml `mistakes`).

Plain rules over the document's sentences and bullet lines. They have not yet been checked against the labelled
set (tests/data/documents/README.md): treat the levels as a first reading for the tutor to moderate.

    score_document(markdown) -> dict   {"criteria": {key: {level, evidence, reason}}, "mistakes": [...], "rubric"}
"""
from __future__ import annotations

import re

from rubrics.documents.rubric import load_exercise_rubric
from rubrics.errors import RubricDataError, ScoringInputError

MAX_DOCUMENT = 40_000
MIN_WORDS = 20


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


NUMBER = _rx(r"\b\d+(?:\.\d+)?\s*(?:%|per ?cent|minutes?|mins?|hours?|hrs?|days?|points?)|\bNPS\s*(?:of\s*)?[+-]?\d+")
TIME_BOUND = _rx(r"\b(by (?:the end of )?(?:january|february|march|april|may|june|july|august|september|october|"
                 r"november|december|q[1-4]|\d{4}|week|month|year)|within \d+ (?:weeks?|months?)|in \d+ (?:weeks?|"
                 r"months?)|by (?:the )?end of)\b")
OBJECTIVE = _rx(r"\b(objective|aim|goal|we will|target)\b")
TIED = _rx(r"\b(because|so that|so we|to (?:reduce|increase|keep|win|improve|cut|protect|raise)|customers? (?:say|tell|"
           r"want|need|expect))\b")
PLATFORM = _rx(r"\b(facebook|instagram|x|twitter|tiktok|whatsapp|linkedin|messenger|web ?chat|live chat)\b")
REASON = _rx(r"\b(because|as|since|where|used by|most of our|\d+\s*%)\b")
OWNED, EARNED, PAID = _rx(r"\bowned\b"), _rx(r"\bearned\b"), _rx(r"\bpaid\b")
APART = _rx(r"\b(separate|dedicated|apart|never (?:\w+ ){0,3}promot\w*|not (?:\w+ ){0,3}(?:marketing|promotion)|"
            r"no (?:promotion|marketing|offers?))\b")
CONCRETE = _rx(r"\b(handle|account|queue|inbox|team|rule|page)\b")
PROMO = _rx(r"\b(marketing|promot\w*|offers?|campaigns?)\b")
ROLES = _rx(r"\b(team leader|agents?|advisers?|advisors?|managers?|supervisors?|rota|shifts?|responsible for|owns?)\b")
TRAINING = _rx(r"\b(train\w*|coaching|induction|workshops?)\b")
TECH = _rx(r"\b(tools?|inbox|listening|software|crm|dashboard|hootsuite|sprout|zendesk|brandwatch|sprinklr)\b")
RISK = _rx(r"\b(risks?|breach\w*|crisis|negative publicity|viral|reputation\w*|threats?)\b")
MITIGATION = _rx(r"\b(mitigat\w*|prevent\w*|reduce\w*|holding statement|escalat\w*|checklists?|approv\w*|"
                 r"two-factor|train\w*|response plan)\b")
OWNER = _rx(r"\b(owner|owned by|responsible|accountable|lead:|manager:|data protection officer|dpo|head of \w+|"
            r"team leader)\b")
LAW = _rx(r"\b(consumer rights act|equality act|uk gdpr|gdpr|data protection act)\b")
MEASURE = _rx(r"\b(first response time|frt|resolution rate|first[- ]contact resolution|fcr|csat|nps|net promoter|"
              r"sentiment)\b")
STAGES = _rx(r"\b(phase|stage|step|pilot|launch|roll[- ]out|evaluat\w*|go[- ]live|week \d+|month \d+)\b")
REVIEW = _rx(r"\b(review(?:ed)? (?:every|each|monthly|quarterly|weekly|after)|(?:monthly|quarterly|weekly|annual) "
             r"review|review cycle|plan[- ]do[- ]check[- ]act|pdca)\b")
MARKETING = _rx(r"\b(followers|reach|engagement|brand awareness|likes|sales|impressions|viral)\b")
CUSTOMER_GAIN = _rx(r"\b(answer\w*|resolv\w*|help\w*|quicker|faster|support\w*|fix\w*|wait\w*|complain\w*)\b")


class DocumentInputError(ScoringInputError):
    """The document cannot be scored (too short or too long); safe to show to the learner."""


SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")


def _lines(text: str) -> tuple[list[str], set[int]]:
    """(sentences and bullet lines, the indexes of those under a heading about objectives). A wrapped bullet's
    indented continuation joins its bullet; a Markdown table's header and separator rows are left out (a column
    called Owner is not an owner); a line under an objectives heading is read as an objective, as a reader would."""
    rows = text.splitlines()
    joined: list[str] = []
    for i, row in enumerate(rows):
        if SEPARATOR.match(row) or (i + 1 < len(rows) and SEPARATOR.match(rows[i + 1]) and "|" in row):
            continue
        if joined and row.startswith("  ") and row.strip() and not row.strip().startswith(("-", "*", "|")):
            joined[-1] += " " + row.strip()
        else:
            joined.append(row)
    out: list[str] = []
    objectives: set[int] = set()
    under_objectives = False
    for row in joined:
        heading = HEADING.match(row)
        if heading:
            under_objectives = bool(re.search(r"objective|aims?|goals?", heading.group(1), re.I))
            continue
        for part in re.split(r"(?<=[.!?])\s+", row):
            part = part.strip(" -*#>|\t")
            if part:
                if under_objectives:
                    objectives.add(len(out))
                out.append(part)
    return out, objectives


def _judge(level: int, evidence: list[str], reason: str) -> dict:
    return {"level": level, "evidence": [e[:240] for e in evidence[:3]], "reason": reason}


def _with(lines, *patterns) -> list[str]:
    return [s for s in lines if all(p.search(s) for p in patterns)]


def _smart(lines, objectives: set[int]) -> dict:
    stated = [s for i, s in enumerate(lines) if i in objectives or OBJECTIVE.search(s)]
    full = [s for s in stated if NUMBER.search(s) and TIME_BOUND.search(s) and TIED.search(s)]
    if full:
        return _judge(2, full, "an objective with a measure, a target and a date, tied to a goal or need")
    partial = stated
    if partial:
        return _judge(1, partial, "objectives without a measure, a date or a reason")
    return _judge(0, [], "no objectives")


def _platforms(lines) -> dict:
    reasoned = _with(lines, PLATFORM, REASON)
    named = {m.group(1).lower() for s in reasoned for m in PLATFORM.finditer(s)}
    if len(named) >= 2:
        return _judge(2, reasoned, f"{len(named)} platforms, each with a reason")
    mentioned = _with(lines, PLATFORM)
    if mentioned:
        return _judge(1, mentioned, "platforms named without reasons for each")
    return _judge(0, [], "no platforms named")


def _media(lines) -> dict:
    kinds = {name: _with(lines, rx) for name, rx in (("owned", OWNED), ("earned", EARNED), ("paid", PAID))}
    found = [k for k, v in kinds.items() if v]
    quotes = [s for v in kinds.values() for s in v[:1]]
    if len(found) == 3:
        return _judge(2, quotes, "owned, earned and paid media each covered")
    if found:
        return _judge(1, quotes, "only " + " and ".join(found) + " media covered")
    return _judge(0, [], "no owned, earned or paid media")


def _apart(lines) -> dict:
    concrete = _with(lines, APART, CONCRETE)
    if concrete:
        return _judge(2, concrete, "a concrete way service is kept apart from promotion")
    mentioned = _with(lines, PROMO) or _with(lines, APART)
    if mentioned:
        return _judge(1, mentioned, "promotion mentioned without saying how service is kept apart")
    return _judge(0, [], "service kept apart from promotion is not addressed")


def _tactics(lines) -> dict:
    parts = {"roles": _with(lines, ROLES), "training": _with(lines, TRAINING), "technology": _with(lines, TECH)}
    found = [k for k, v in parts.items() if v]
    quotes = [v[0] for v in parts.values() if v]
    if len(found) == 3:
        return _judge(2, quotes, "roles, training and tools all covered")
    if found:
        return _judge(1, quotes, "only " + ", ".join(found) + " covered")
    return _judge(0, [], "no roles, training or tools")


def _risks(lines) -> tuple[dict, bool]:
    """(judgement, whether a risk has no owner)."""
    risks = _with(lines, RISK)
    if not risks:
        return _judge(0, [], "no risks"), False
    mitigated = _with(lines, RISK, MITIGATION) or _with(lines, MITIGATION)
    owned = _with(lines, OWNER)
    law = _with(lines, LAW)
    unowned = not owned
    if mitigated and owned and law:
        quotes = [mitigated[0], owned[0], law[0]]
        return _judge(2, quotes, "risks with mitigations and owners, and the law named"), False
    missing = [n for n, v in (("mitigations", mitigated), ("owners", owned), ("the law", law)) if not v]
    return _judge(1, risks, "risks named, without " + ", ".join(missing)), unowned


def _measures(lines) -> dict:
    targeted = _with(lines, MEASURE, NUMBER)
    names = {m.group(1).lower() for s in targeted for m in MEASURE.finditer(s)}
    if len(names) >= 2:
        return _judge(2, targeted, f"{len(names)} measures with target figures")
    mentioned = _with(lines, MEASURE)
    if mentioned:
        return _judge(1, mentioned, "measures without targets")
    return _judge(0, [], "no measures")


def _implementation(lines) -> dict:
    stages, review = _with(lines, STAGES), _with(lines, REVIEW)
    if stages and review:
        return _judge(2, stages[:2] + review[:1], "stages from planning to evaluation, and a review cycle")
    if stages or review:
        return _judge(1, stages or review, "stages or a review cycle, not both")
    return _judge(0, [], "no implementation plan or review")


def _mistakes(lines, criteria: dict, unowned: bool, rubric) -> list[dict]:
    named = {m.key: m for m in rubric.mistakes}
    found: list[tuple[str, list[str]]] = []
    if criteria["measures_targets"]["level"] == 0:
        found.append(("no_measures", []))
    marketing = _with(lines, MARKETING)
    if marketing and not _with(lines, CUSTOMER_GAIN):
        found.append(("marketing_only", marketing))
    if unowned:
        found.append(("risk_without_owner", _with(lines, RISK)))
    if not any(NUMBER.search(s) for s in lines) and criteria["justified_platforms"]["level"] < 2:
        found.append(("generic_plan", []))
    return [{"key": k, "label": named[k].label, "feedback": named[k].feedback, "evidence": [e[:240] for e in ev[:2]]}
            for k, ev in found if k in named]


def score_document(markdown: str) -> dict:
    """Judge a strategy or procedure document; every level quotes the lines it rests on."""
    if not isinstance(markdown, str) or len(markdown.split()) < MIN_WORDS:
        raise DocumentInputError(f"Write at least {MIN_WORDS} words before sending the document.")
    if len(markdown) > MAX_DOCUMENT:
        raise DocumentInputError(f"Keep the document under {MAX_DOCUMENT:,} characters.")
    rubric = load_exercise_rubric("social-document")
    lines, objectives = _lines(markdown)
    risks, unowned = _risks(lines)
    criteria = {"smart_objectives": _smart(lines, objectives), "justified_platforms": _platforms(lines),
                "owned_earned_paid": _media(lines), "service_apart": _apart(lines), "tactics_roles": _tactics(lines),
                "risks_law": risks, "measures_targets": _measures(lines),
                "implementation_review": _implementation(lines)}
    if set(criteria) != set(rubric.keys):
        raise RubricDataError(f"{rubric.id}: the rules judge {sorted(criteria)}, the file has {sorted(rubric.keys)}")
    return {"criteria": criteria, "mistakes": _mistakes(lines, criteria, unowned, rubric), "rubric": rubric.info()}
