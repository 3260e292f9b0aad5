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


def _objective(unit: Unit) -> bool:
    """Under an objectives heading, introduced as objectives ("We have set four objectives:"), or called one."""
    return bool(cue.OBJECTIVE_HEADING.search(unit.heading) or cue.OBJECTIVE_WORDS.search(unit.read)
                or cue.OBJECTIVE_HEADING.search(unit.context))


def _smart(units: list[Unit]) -> dict:
    """An objective is a sentence with a measure, a target and a date; its date may sit in its heading or its
    list's lead-in ("By 5 April 2026 we will:"), as a reader takes it."""
    stated = [u for u in units if _objective(u)]
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


RULED_OUT = re.compile(r"\b(?:not (?:open|use|join|be on|start)|no|nor|won't (?:open|use)|instead of)\b[^.;]*", re.I)


def _platform_reason(unit: Unit) -> bool:
    """A platform's reason, as the guide asks: who uses it (a particular group of customers, not "people") and for
    what (what they ask, want or do there). The who may be the segment column of a table or the section the line
    sits in ("Who we serve"), and a group named on its own line in such a section ("Younger owners are more on
    Instagram") is read as that section's answer; the what for may be a table's column of needs."""
    grouped = cue.WHO_HEADING.search(unit.heading) or (unit.row and cue.WHO_HEADING.search(unit.context))
    group = cue.SEGMENT.search(unit.text) or cue.AGE.search(unit.text)
    what = cue.PURPOSE.search(unit.text) or (unit.row and cue.PURPOSE_COLUMN.search(unit.context))
    return bool((group or grouped) and what) or bool(grouped and group)


# A bullet of up to this many sentences is read whole ("Policyholders making a claim: often stressed. Mostly
# Facebook and X."); a paragraph, or a longer bullet, sentence by sentence.
ITEM_SENTENCES = 3


def _items(units: list[Unit]) -> list[Unit]:
    """Each short bullet as one unit; everything else as it is."""
    blocks: dict[int, list[Unit]] = {}
    for u in units:
        blocks.setdefault(u.block, []).append(u)
    items = []
    for parts in blocks.values():
        if parts[0].bullet and len(parts) <= ITEM_SENTENCES:
            items.append(Unit(" ".join(u.text for u in parts), parts[0].heading, parts[0].context,
                              parts[0].numbered, parts[0].row, parts[0].block, bullet=True))
        else:
            items.extend(parts)
    return items


def _platforms(units: list[Unit]) -> dict:
    named = set().union(*(_platforms_in(RULED_OUT.sub("", u.text)) for u in units))
    reasoned_units = [u for u in _items(units) if _platforms_in(u.text) and _platform_reason(u)]
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
    paragraphs: dict[int, str] = {}
    for u in units:
        paragraphs[u.block] = paragraphs.get(u.block, "") + " " + u.text
    moved = [u for u in units if cue.SERVICE_MOVED.search(u.text) and cue.PROMOTION.search(paragraphs[u.block])]
    kept = [u for u in units if cue.SEPARATE.search(u.text) and cue.PROMOTION.search(u.text)] + moved
    concrete = moved + [u for u in kept if cue.STRUCTURE.search(u.text) or cue.WHY.search(u.text)]
    if concrete:
        return _judge(2, _texts(concrete), "a concrete way service is kept apart from promotion, and why")
    if kept:
        return _judge(1, _texts(kept), "service kept apart from promotion, without saying how or why")
    return _judge(0, [], "service kept apart from promotion is not addressed")


def _tactics(units: list[Unit]) -> dict:
    parts = {"roles": [u for u in units if cue.ROLES.search(u.text) and cue.DUTY.search(u.text)
                       and not cue.VAGUE_STAFF.search(u.text)],
             "training": [u for u in units if cue.TRAINING.search(u.text)],
             "tools": [u for u in units if cue.TECH.search(u.text) and not cue.VAGUE_STAFF.search(u.text)]}
    found = [k for k, v in parts.items() if v]
    quotes = [v[0].text for v in parts.values() if v]
    if len(found) == 3:
        return _judge(2, quotes, "roles, training and tools all covered")
    if found:
        return _judge(1, quotes, "only " + ", ".join(found) + " covered")
    return _judge(0, [], "no roles, training or tools")


RISK_HEADING = re.compile(r"risk|could go wrong|threats?|what if", re.I)
EXPLICIT_RISK = re.compile(r"^risks?:|\brisks? (?:is|are|of|to)\b|could go wrong|what if\b", re.I)


def _owned(unit: Unit) -> bool:
    """A risk names its owner: in its own words, or in a filled cell of its table's Owner column."""
    if cue.OWNER.search(unit.text):
        return True
    if not unit.row:
        return False
    cells, header = unit.text.split(" | "), unit.context.split(" | ")
    columns = [i for i, name in enumerate(header) if re.search(r"owner|who|responsible|lead", name, re.I)]
    return any(i < len(cells) and cells[i].strip() not in ("", "-", "–", "?", "tbc", "TBC") for i in columns)


ATTACHED = re.compile(r"^(?:mitigation|mitigated|owner|owned|control|action|lead|who|response|likelihood|impact)"
                      r"\b", re.I)


INTRODUCTION = re.compile(r"(?:these|the following|as follows|below)\W*$|:$", re.I)


def _unowned(units: list[Unit], stated: list[Unit]) -> list[str]:
    """The risks set out with no owner. A risk is read whole, as a rater reads it: its bullet, row or paragraph
    ("Courier failure. Mitigation: a second courier. Owner: Maya."), a new one starting at a sentence that names a
    risk; a sentence that introduces a list is not one."""
    lead_ins = {u.context for u in units if u.context}
    blocks: dict[int, list[Unit]] = {}
    for u in stated:
        if u.text not in lead_ins and not INTRODUCTION.search(u.text) and (u.row or not cue.REVIEW.search(u.text)):
            blocks.setdefault(u.block, []).append(u)
    risks: list[list[Unit]] = []
    for b in blocks:
        for u in (u for u in units if u.block == b):
            follows = not u.row and (ATTACHED.match(u.text) or not cue.RISK.search(u.text))
            if risks and follows and risks[-1][0].block == b:
                risks[-1].append(u)          # "Mitigation: ...", "We will ..." belong to the risk before them
            else:
                risks.append([u])
    return [" ".join(u.text for u in parts) for parts in risks if not any(_owned(u) for u in parts)]


def _risks(units: list[Unit]) -> tuple[dict, list[str]]:
    """(judgement, the risks with no owner)."""
    listed = [u for u in _under(units, RISK_HEADING) if not cue.LAW.search(u.text)]
    risks = listed or [u for u in units if cue.RISK.search(u.text)]
    if not risks:
        return _judge(0, [], "no risks"), []
    mitigated = [u for u in risks if cue.MITIGATION.search(u.text) or (u.row and u.text.count("|") >= 2)]
    owned = [u for u in risks if _owned(u)]
    law = [u for u in units if cue.LAW.search(u.text)]
    unowned = _unowned(units, listed or [u for u in units if EXPLICIT_RISK.search(u.read)])
    if mitigated and owned and law and not unowned:
        return _judge(2, [mitigated[0].text, owned[0].text, law[0].text],
                      "risks with mitigations and owners, and the law named"), []
    missing = [n for n, v in (("mitigations", mitigated), ("owners for every risk", owned and not unowned),
                              ("the law", law)) if not v]
    return _judge(1, _texts(risks), "risks named, without " + ", ".join(missing)), unowned


MEASURE_HEADING = re.compile(r"measur|kpis?|performance indicators|metrics|how we.ll know|success|targets?|"
                             r"reporting|monitor|quality", re.I)
MEASURE_CONTEXT = re.compile(r"\b(?:measur\w*|track\w*|monitor\w*|kpis?|survey|stats|dashboard|targets?|"
                             r"(?:weekly|monthly|quarterly) report\w*|reported (?:weekly|monthly|quarterly)|"
                             r"(?:get|bring|cut|reduce|lower|speed) (?:\w+ ){0,3}(?:down|up)|"
                             r"we(?:'ll| will) know|at the end of each|(?:per|each|every) (?:week|month|quarter))\b",
                             re.I)


def _measures(units: list[Unit], kind: str) -> dict:
    """A measure is something customer service is judged by; its target a figure to hit. An objective with a
    figure is a measure with its target, as the raters read it; followers and reach are not service measures."""
    judged = [u for u in units if not RISK_HEADING.search(u.heading)
              and (not cue.MARKETING_MEASURE.search(u.text) or cue.MEASURE.search(u.text))]
    measuring = [u for u in judged if cue.METRIC.search(u.text) and (
        MEASURE_HEADING.search(u.heading) or MEASURE_CONTEXT.search(u.read) or len(cue.METRIC.findall(u.text)) >= 3)]
    targeted = [u for u in judged if cue.TARGET.search(u.text) and (
        ((MEASURE_HEADING.search(u.heading) or _objective(u))
         and (cue.METRIC.search(u.text) or cue.MEASURE.search(u.text)))
        or (cue.METRIC.search(u.text) and MEASURE_CONTEXT.search(u.read)) or _target_cell(u))]
    targets = sum(max(1, len(re.findall(r"\btarget\b", u.text, re.I))) for u in targeted)
    if targets >= 2:
        return _judge(2, _texts(targeted), f"{targets} measures with target figures")
    if measuring or targeted:
        return _judge(1, _texts(targeted + measuring), "measures without a target for each")
    return _judge(0, [], "no measures")


def _target_cell(unit: Unit) -> bool:
    """A row of a table with a Target column, that column holding a figure to hit ("| Bookings in the chat | ~20% |
    60% | Dec 2025 |"): the row is a measure and its target, whatever the measure is called."""
    if not unit.row:
        return False
    cells, header = unit.text.split(" | "), unit.context.split(" | ")
    columns = [i for i, name in enumerate(header) if re.search(r"\btargets?\b|\bgoal\b|\baim\b", name, re.I)]
    return any(i < len(cells) and re.search(r"\d", cells[i]) for i in columns)


STAGE_HEADING = cue.STAGE_HEADING


def _steps(units: list[Unit]) -> list[Unit]:
    """A procedure's steps: numbered lines, rows of its timing table, sections headed by a number, or lines in
    the imperative or in sequence."""
    numbered = [u for u in units if u.numbered or u.row]
    headed = list({u.heading: u for u in units if re.match(r"^(?:step )?\d+[.):]?\s", u.heading, re.I)}.values())
    told = [u for u in units if cue.STEP.search(u.text)]
    return next((found for found in (numbered, headed, told) if len(found) >= 3), [])


def _implementation(units: list[Unit], kind: str) -> dict:
    """Stages in order with timing, and a cycle of looking back (a strategy's timeline and its monthly report; a
    procedure's steps and its review date every so often)."""
    reviews = [u for u in units if cue.REVIEW.search(u.read) or cue.REVIEW.search(u.heading)]
    if kind == "strategy":
        staged = [u for u in _under(units, STAGE_HEADING) if cue.STAGE.search(u.text) and cue.DATE.search(u.text)]
        sequence = [u for u in units if len(cue.DATE.findall(u.text)) >= 3
                    and len(set(m.lower() for m in cue.STAGE.findall(u.text))) >= 2]
        dated = [u for u in units if cue.DATED_STEP.search(u.text)]
        stages = next((found for found in (staged if len(staged) >= 2 else [], sequence,
                                           dated if len(dated) >= 3 else []) if found), [])
        cycle = [u for u in reviews if cue.PERIODIC.search(u.read) or cue.PERIODIC.search(u.heading)]
    else:
        stages = _steps(units)
        cycle = [u for u in units if cue.PROCEDURE_REVIEW.search(u.read) and cue.PERIODIC.search(u.read)]
    if stages and cycle:
        return _judge(2, _texts(stages[:2] + cycle[:1]), "stages in order with timing, and a review cycle")
    if stages or reviews:
        return _judge(1, _texts(stages[:2] + reviews[:1]), "stages or a review, not both")
    return _judge(0, [], "no implementation plan or review")


def _mistakes(units: list[Unit], criteria: dict, unowned: list[str], kind: str, rubric) -> list[dict]:
    named = {m.key: m for m in rubric.mistakes}
    found: list[tuple[str, list[str]]] = []
    counted = [u for u in units if cue.MARKETING_MEASURE.search(u.text) and (
        MEASURE_CONTEXT.search(u.read) or (_objective(u) and cue.TARGET.search(u.text))
        or (MEASURE_HEADING.search(u.heading) and not re.search(r"audience", u.heading, re.I)))]
    if criteria["measures_targets"]["level"] == 0 and not counted:
        found.append(("no_measures", []))   # counting followers is a measure still, if not of service
    marketing = [u.text for u in units if cue.MARKETING_BENEFIT.search(u.text)]
    helping = [u for u in units if cue.CUSTOMER_BENEFIT.search(u.text)]
    if marketing and len(marketing) > len(helping):
        found.append(("marketing_only", marketing))
    if unowned:
        found.append(("risk_without_owner", unowned))
    figures = [u for u in units if cue.OWN_DETAIL.search(u.text)]
    if kind == "strategy" and len(figures) < 2 and criteria["justified_platforms"]["level"] < 2:
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
    mistakes = _mistakes(units, criteria, unowned, kind, rubric)
    for key in not_applicable(kind):
        criteria[key] = {"level": None, "evidence": [], "reason": f"n/a: {NOT_FOR_PROCEDURES[key]}"}
    return {"criteria": criteria, "mistakes": mistakes, "rubric": rubric.info(), "kind": kind}
