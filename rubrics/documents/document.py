"""Scores a strategy or procedure document against the social-document rubric, each level with quoted evidence,
and names the common mistakes (rubrics/data/social-document.yaml `mistakes`).

Plain rules over the document's sentences, bullets and table rows (document_text.read_document), written from the
rater guide's level descriptions (tests/data/documents/rater-guide.md) and tuned on the labelled set's train part
only; the held-out agreement is in tests/data/documents/README.md. A procedure is not a strategy: the criteria a
procedure cannot show come back n/a (level None) with the reason, as the raters marked them.

    score_document(markdown, kind="strategy") -> dict
        {"criteria": {key: {level, evidence, reason}}, "mistakes": [...], "rubric", "kind"}
    not_applicable(kind) -> frozenset of criterion keys that are n/a for that kind
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable

from rubrics.documents import document_cues as cue
from rubrics.documents.document_text import Unit, read_document
from rubrics.documents.rubric import load_exercise_rubric
from rubrics.errors import RubricDataError, ScoringInputError

MAX_DOCUMENT = 40_000
MIN_WORDS = 20
# The kinds a learner writes: a strategy, a procedure in general, or one of the app's four procedures.
PROCEDURES = ("escalation", "crisis", "private", "identity")
KINDS = ("strategy", "procedure", *PROCEDURES)
# What a procedure cannot show, and why (the raters gave these n/a on every procedure).
NOT_FOR_PROCEDURES = {
    "smart_objectives": "a procedure sets out steps, not the strategy's objectives",
    "justified_platforms": "a procedure does not choose platforms or segments",
    "owned_earned_paid": "a procedure is not a media plan",
    "service_apart": "this procedure does not speak for the brand in public",
}
# A crisis holding statement speaks for the brand in public, so keeping promotion out of it still applies
# (the raters judged "pause all scheduled marketing posts" there).
STILL_FOR = {"crisis": frozenset({"service_apart"})}
# A share of the platforms named that must each come with a reason (a plan may name one it rules out).
PLATFORMS_REASONED_SHARE = 0.6


class DocumentInputError(ScoringInputError):
    """The document cannot be scored (too short or too long, or an unknown kind); safe to show to the learner."""


def not_applicable(kind: str) -> frozenset:
    """The criteria that do not apply to a document of this kind."""
    if kind == "strategy":
        return frozenset()
    return frozenset(NOT_FOR_PROCEDURES) - STILL_FOR.get(kind, frozenset())


def _judge(level: int, evidence: Iterable[str], reason: str) -> dict:
    quotes = list(dict.fromkeys(evidence))
    return {"level": level, "evidence": [e[:240] for e in quotes[:3]], "reason": reason}


def _texts(units: Iterable[Unit]) -> list[str]:
    return [u.text for u in units]


def _has(unit: Unit, *patterns: re.Pattern) -> bool:
    return all(p.search(unit.read) for p in patterns)


def _under(units: list[Unit], heading: re.Pattern) -> list[Unit]:
    return [u for u in units if heading.search(u.heading)]


def _smart(units: list[Unit]) -> dict:
    """An objective is a sentence with a measure, a target and a date; its date may sit in its heading or its
    list's lead-in ("By 5 April 2026 we will:"), as a reader takes it."""
    stated = [u for u in units if cue.OBJECTIVE_HEADING.search(u.heading) or cue.OBJECTIVE_WORDS.search(u.text)]
    full = [u for u in stated if cue.TARGET.search(u.text) and (cue.DATE.search(u.read) or cue.DATE.search(u.heading))]
    if full:
        return _judge(2, _texts(full), "an objective with a measure, a target and a date")
    if stated:
        return _judge(1, _texts(stated), "objectives without a measure, a target or a date")
    return _judge(0, [], "no objectives")


def _platforms_in(text: str) -> set[str]:
    names = {m.group(1).lower() for m in cue.PLATFORM.finditer(text)} | {"x" for _ in cue.PLATFORM_X.finditer(text)}
    aliases = {"messenger": "facebook", "booktok": "tiktok", "twitter": "x"}
    return {aliases.get(n, n) for n in names if n not in ("trustpilot", "google review", "google reviews")}


def _platforms(units: list[Unit]) -> dict:
    named = set().union(*(_platforms_in(u.text) for u in units))
    reasoned_units = [u for u in units if _platforms_in(u.text) and cue.SEGMENT.search(u.read)
                      and cue.USE.search(u.read)]
    reasoned = set().union(*(_platforms_in(u.text) for u in reasoned_units))
    if reasoned and len(reasoned) >= math.ceil(PLATFORMS_REASONED_SHARE * len(named)):
        return _judge(2, _texts(reasoned_units), f"{len(reasoned)} of {len(named)} platforms named with who uses "
                                                 "them and what for")
    if named:
        quotes = _texts(reasoned_units) + _texts(u for u in units if _platforms_in(u.text))
        return _judge(1, quotes, "platforms named without who uses each and what for")
    return _judge(0, [], "no platforms named")


def _media(units: list[Unit]) -> dict:
    kinds = {name: [u for u in units if rx.search(u.text)]
             for name, rx in (("owned", cue.OWNED), ("earned", cue.EARNED), ("paid", cue.PAID))}
    found = [k for k, v in kinds.items() if v]
    named = all(re.search(rf"\b{k}\b", u.text, re.I) for k in kinds for u in kinds[k][:1])
    quotes = [v[0].text for v in kinds.values() if v]
    if len(found) == 3 and named:
        return _judge(2, quotes, "owned, earned and paid media each covered")
    if found:
        return _judge(1, quotes, "only some of owned, earned and paid media covered: " + ", ".join(found))
    return _judge(0, [], "no owned, earned or paid media")


def _apart(units: list[Unit]) -> dict:
    kept = [u for u in units if cue.SEPARATE.search(u.text) and cue.PROMOTION.search(u.text)]
    concrete = [u for u in kept if cue.STRUCTURE.search(u.text) or cue.WHY.search(u.text)]
    if concrete:
        return _judge(2, _texts(concrete), "a concrete way service is kept apart from promotion, and why")
    if kept:
        return _judge(1, _texts(kept), "service kept apart from promotion, without saying how or why")
    return _judge(0, [], "service kept apart from promotion is not addressed")


def _tactics(units: list[Unit]) -> dict:
    parts = {"roles": [u for u in units if cue.ROLES.search(u.text) and not cue.VAGUE_STAFF.search(u.text)],
             "training": [u for u in units if cue.TRAINING.search(u.text)],
             "tools": [u for u in units if cue.TECH.search(u.text)]}
    found = [k for k, v in parts.items() if v]
    quotes = [v[0].text for v in parts.values() if v]
    if len(found) == 3:
        return _judge(2, quotes, "roles, training and tools all covered")
    if found:
        return _judge(1, quotes, "only " + ", ".join(found) + " covered")
    return _judge(0, [], "no roles, training or tools")


RISK_HEADING = re.compile(r"risk|could go wrong|threats?|what if", re.I)


def _owned(unit: Unit) -> bool:
    """A risk names its owner: in its own words, or in a filled cell of its table's Owner column."""
    if cue.OWNER.search(unit.text):
        return True
    if not unit.row:
        return False
    cells, header = unit.text.split(" | "), unit.context.split(" | ")
    columns = [i for i, name in enumerate(header) if re.search(r"owner|who|responsible|lead", name, re.I)]
    return any(i < len(cells) and cells[i].strip() not in ("", "-", "–", "?", "tbc", "TBC") for i in columns)


def _risks(units: list[Unit]) -> tuple[dict, list[str]]:
    """(judgement, the risks with no owner)."""
    listed = [u for u in _under(units, RISK_HEADING) if not cue.LAW.search(u.text)]
    risks = listed or [u for u in units if cue.RISK.search(u.text)]
    if not risks:
        return _judge(0, [], "no risks"), []
    mitigated = [u for u in risks if cue.MITIGATION.search(u.text) or (u.row and u.text.count("|") >= 2)]
    owned = [u for u in risks if _owned(u)]
    law = [u for u in units if cue.LAW.search(u.text)]
    unowned = [u.text for u in (listed or risks) if not _owned(u)]
    if mitigated and owned and law and not (listed and unowned):
        return _judge(2, [mitigated[0].text, owned[0].text, law[0].text],
                      "risks with mitigations and owners, and the law named"), []
    missing = [n for n, v in (("mitigations", mitigated), ("owners", owned and not (listed and unowned)),
                              ("the law", law)) if not v]
    return _judge(1, _texts(risks), "risks named, without " + ", ".join(missing)), unowned if not owned else []


MEASURE_HEADING = re.compile(r"measur|kpis?|how we.ll know|success|targets?|objectives?|reporting|monitor", re.I)
MEASURE_CONTEXT = re.compile(r"\b(?:measur\w*|track\w*|report\w*|monitor\w*|count\w*|kpis?|survey|stats|numbers|"
                             r"target|dashboard|audit\w*|check\w*)\b", re.I)


def _measures(units: list[Unit], kind: str) -> dict:
    """A measure is something customer service is judged by; its target a figure to hit. In a strategy an
    objective with a figure is a measure with its target, as the raters read it."""
    measuring = [u for u in units if cue.MEASURE.search(u.text) and not cue.MARKETING_MEASURE.search(u.text)
                 and (MEASURE_HEADING.search(u.heading) or MEASURE_CONTEXT.search(u.read))]
    targeted = [u for u in measuring if cue.TARGET.search(u.text)]
    targets = sum(max(1, len(re.findall(r"\btarget\b", u.text, re.I))) for u in targeted)
    if targets >= 2:
        return _judge(2, _texts(targeted), f"{targets} measures with target figures")
    if measuring:
        return _judge(1, _texts(targeted + measuring), "measures without targets for each")
    return _judge(0, [], "no measures")


STAGE_HEADING = cue.STAGE_HEADING


def _implementation(units: list[Unit], kind: str) -> dict:
    if kind == "strategy":
        staged = [u for u in _under(units, STAGE_HEADING) if cue.STAGE.search(u.text) and cue.DATE.search(u.read)]
        sequence = [u for u in units if len(re.findall(cue.DATE.pattern, u.text, re.I)) >= 3
                    and len(cue.STAGE.findall(u.text)) >= 2]
        stages = staged if len(staged) >= 2 else sequence
        reviews = [u for u in units if cue.REVIEW.search(u.text)]
        cycle = [u for u in reviews if cue.PERIODIC.search(u.read)]
    else:
        stages = [u for u in units if u.numbered] or [u for u in units if re.match(r"step\b", u.text, re.I)]
        stages = stages if len(stages) >= 3 else []
        reviews = [u for u in units if cue.REVIEW.search(u.text) or cue.PROCEDURE_REVIEW.search(u.text)]
        cycle = [u for u in units if cue.PROCEDURE_REVIEW.search(u.read) and cue.PERIODIC.search(u.read)]
    if stages and cycle:
        return _judge(2, _texts(stages[:2] + cycle[:1]), "stages in order with timing, and a review cycle")
    if stages or reviews:
        return _judge(1, _texts(stages[:2] + reviews[:1]), "stages or a review, not both")
    return _judge(0, [], "no implementation plan or review")


def _mistakes(units: list[Unit], criteria: dict, unowned: list[str], rubric) -> list[dict]:
    named = {m.key: m for m in rubric.mistakes}
    found: list[tuple[str, list[str]]] = []
    if criteria["measures_targets"]["level"] == 0:
        found.append(("no_measures", []))
    marketing = [u.text for u in units if cue.MARKETING_BENEFIT.search(u.text)]
    helping = [u for u in units if cue.CUSTOMER_BENEFIT.search(u.text)]
    if marketing and len(marketing) > len(helping):
        found.append(("marketing_only", marketing))
    if unowned:
        found.append(("risk_without_owner", unowned))
    figures = [u for u in units if cue.OWN_DETAIL.search(u.text)]
    if len(figures) < 2 and criteria["justified_platforms"]["level"] < 2:
        found.append(("generic_plan", []))
    return [{"key": k, "label": named[k].label, "feedback": named[k].feedback, "evidence": [e[:240] for e in ev[:2]]}
            for k, ev in found if k in named]


def score_document(markdown: str, kind: str = "strategy") -> dict:
    """Judge a strategy or procedure document; every level quotes the lines it rests on, and what does not apply
    to the kind is n/a (level None) with its reason."""
    if kind not in KINDS:
        raise DocumentInputError(f"Unknown document kind {kind!r}: choose one of {', '.join(KINDS)}.")
    if not isinstance(markdown, str) or len(markdown.split()) < MIN_WORDS:
        raise DocumentInputError(f"Write at least {MIN_WORDS} words before sending the document.")
    if len(markdown) > MAX_DOCUMENT:
        raise DocumentInputError(f"Keep the document under {MAX_DOCUMENT:,} characters.")
    rubric = load_exercise_rubric("social-document")
    units = read_document(markdown)
    risks, unowned = _risks(units)
    criteria = {"smart_objectives": _smart(units), "justified_platforms": _platforms(units),
                "owned_earned_paid": _media(units), "service_apart": _apart(units), "tactics_roles": _tactics(units),
                "risks_law": risks, "measures_targets": _measures(units, kind),
                "implementation_review": _implementation(units, kind)}
    if set(criteria) != set(rubric.keys):
        raise RubricDataError(f"{rubric.id}: the rules judge {sorted(criteria)}, the file has {sorted(rubric.keys)}")
    mistakes = _mistakes(units, criteria, unowned, rubric)
    for key in not_applicable(kind):
        criteria[key] = {"level": None, "evidence": [], "reason": f"n/a: {NOT_FOR_PROCEDURES[key]}"}
    return {"criteria": criteria, "mistakes": mistakes, "rubric": rubric.info(), "kind": kind}
