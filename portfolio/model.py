"""PortfolioData: the plain input of every export, as frozen dataclasses.

The web layer builds a plain dict (see portfolio/README.md for the shape) and may pass it straight to
the export functions; ``PortfolioData.from_dict`` validates it and reports every problem at once.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

from .errors import InvalidPortfolioData

AUTHORS = ("customer", "learner", "system")
REFLECTION_FORMS = ("gibbs", "short")
MODERATION_KEYS = ("criterion", "old_level", "new_level", "comment", "by", "at")
CRITERIA_SHAPE = "a dict of criterion -> {level, evidence, reason} is expected"


def _iso(value, where, problems, required=True):
    if value in (None, ""):
        if required:
            problems.append(f"{where}: missing (ISO 8601 date-time expected)")
        return value
    try:
        datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        problems.append(f"{where}: {value!r} is not an ISO 8601 date-time")
    return value


def level(value):
    """A criterion level as the portfolio uses it: 0, 1, 2, "pass", "fail" or None (not applicable).

    Accepts the strings a database stores ("2", "na", "n/a", "none", "Pass")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("", "na", "n/a", "none", "null"):
            return None
        if text.lstrip("-").isdigit():
            return int(text)
        return text
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _freeze(value):
    """Lists become tuples so the dataclasses stay hashable-ish and immutable."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Learner:
    username: str
    full_name: str
    email: str
    candidate_number: str


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    category: str = ""
    platform: str = ""
    exercise_type: str = ""
    brief: str = ""
    sla_minutes: float | None = None


@dataclass(frozen=True)
class Message:
    author: str                 # customer | learner | system
    text: str
    author_name: str = ""
    channel: str = ""           # public | private | chat
    sent_at: str | None = None
    response_minutes: float | None = None
    sim_minute: float | None = None     # the scenario's simulated clock, which response times are measured on


@dataclass(frozen=True)
class Moderation:
    criterion: str
    old_level: Any
    new_level: Any
    comment: str = ""
    by: str = ""
    at: str | None = None


@dataclass(frozen=True)
class Note:
    by: str
    at: str | None
    text: str


@dataclass(frozen=True)
class Signoff:
    by: str
    at: str | None
    comment: str = ""
    sha256: str | None = None     # of the evidence as signed (the web layer's hash)
    changed: bool | None = None   # the evidence has changed since (None: not known)


@dataclass(frozen=True)
class PastSignoff(Signoff):
    """A sign-off a later one replaced (the evidence changed and was signed off again): kept as it was."""
    replaced_at: str | None = None   # when the evidence as it then stood was signed off again


@dataclass(frozen=True)
class Reflection:
    form: str                   # gibbs | short
    fields: dict
    created_at: str | None = None


@dataclass(frozen=True)
class Attempt:
    id: str
    scenario: Scenario
    started_at: str | None
    submitted_at: str | None
    messages: tuple
    result: dict                # the scoring result from docs/interfaces.md
    grade: str | None = None    # final, after moderation
    moderated_levels: dict = field(default_factory=dict)
    moderations: tuple = ()
    tutor_feedback: tuple = ()
    assessor_signoff: Signoff | None = None
    reflection: Reflection | None = None
    injected_personal_data: tuple = ()
    mode: str = "practice"      # practice | assessed (set by the tutor; assessed attempts count as evidence)
    grade_rule: str | None = None   # the rule behind `grade` (after moderation); None: the result's own
    disputes: tuple = ()            # the learner's disputes of a level and the tutor's decisions (plain dicts)
    past_signoffs: tuple = ()       # PastSignoff: earlier sign-offs a later one replaced, oldest first


@dataclass(frozen=True)
class LogbookEntry:
    kind: str                   # simulated | real
    created_at: str
    title: str
    customer_text: str = ""
    reply_text: str = ""
    result: dict | None = None
    reflection: dict = field(default_factory=dict)   # reflection fields
    tutor_comments: tuple = ()
    injected_personal_data: tuple = ()
    # A simulated entry on an attempt also carries what happened in it (the web layer copies it from the attempt):
    # the scenario ({id, title, category?, platform?, exercise_type?, sla_minutes?}), the conversation (messages as
    # an attempt's), and the final levels and grade after moderation. All of it is anonymised like the attempt.
    scenario: dict = field(default_factory=dict)
    messages: tuple = ()
    moderated_levels: dict = field(default_factory=dict)
    grade: str | None = None


def _messages(raw: list, where: str, problems: list[str]) -> list[Message]:
    """An attempt's or a logbook entry's messages; each problem named by its place under `where`."""
    out = []
    for j, m in enumerate(raw):
        if m.get("author") not in AUTHORS:
            problems.append(f"{where}.messages[{j}].author: {m.get('author')!r}, expected one of {AUTHORS}")
        _iso(m.get("sent_at"), f"{where}.messages[{j}].sent_at", problems, required=False)
        out.append(Message(
            author=m.get("author") or "", text=m.get("text") or "", author_name=m.get("author_name") or "",
            channel=m.get("channel") or "", sent_at=m.get("sent_at"), response_minutes=m.get("response_minutes"),
            sim_minute=_number_or_none(m.get("sim_minute"), f"{where}.messages[{j}].sim_minute", problems)))
    return out


@dataclass(frozen=True)
class PortfolioData:
    learner: Learner
    cohort: dict
    qualification: dict
    period: dict
    attempts: tuple = ()
    logbook: tuple = ()
    standard: dict = field(default_factory=dict)
    knowledge_checks: tuple = ()   # marked knowledge checks: {marked_at, seed, score, total, by_point}
    supervisory: tuple = ()        # submitted supervisory exercises (issue 12): see _supervisory

    @classmethod
    def from_dict(cls, raw: dict) -> "PortfolioData":
        problems: list[str] = []
        if not isinstance(raw, dict):
            raise InvalidPortfolioData(["portfolio data: a dict is expected"])
        lr = raw.get("learner") or {}
        for k in ("username", "full_name", "candidate_number"):
            if not lr.get(k):
                problems.append(f"learner.{k}: missing")
        learner = Learner(str(lr.get("username") or ""), str(lr.get("full_name") or ""), str(lr.get("email") or ""),
                          str(lr.get("candidate_number") or ""))
        period = raw.get("period") or {}
        _iso(period.get("start"), "period.start", problems, required=False)
        _iso(period.get("end"), "period.end", problems, required=False)
        attempts = []
        for i, a in enumerate(raw.get("attempts") or []):
            where = f"attempts[{i}]"
            sc = a.get("scenario") or {}
            if not sc.get("id"):
                problems.append(f"{where}.scenario.id: missing")
            scenario = Scenario(id=str(sc.get("id") or ""), title=str(sc.get("title") or sc.get("id") or ""),
                                **{f.name: sc[f.name] for f in fields(Scenario)
                                   if f.name not in ("id", "title") and f.name in sc})
            if a.get("id") in (None, ""):
                problems.append(f"{where}.id: missing")
            _iso(a.get("started_at"), f"{where}.started_at", problems, required=False)
            _iso(a.get("submitted_at"), f"{where}.submitted_at", problems, required=False)
            msgs = _messages(a.get("messages") or [], where, problems)
            result = a.get("result") or {}
            if result and not isinstance(result.get("criteria"), dict):
                problems.append(f"{where}.result.criteria: {CRITERIA_SHAPE}")
            refl = a.get("reflection")
            if refl and refl.get("form") not in REFLECTION_FORMS:
                problems.append(f"{where}.reflection.form: {refl.get('form')!r}, expected one of {REFLECTION_FORMS}")
            if a.get("mode") not in (None, "practice", "assessed"):
                problems.append(f"{where}.mode: {a.get('mode')!r}, expected 'practice' or 'assessed'")
            so = a.get("assessor_signoff")
            attempts.append(Attempt(
                id=str(a.get("id")), scenario=scenario, started_at=a.get("started_at"),
                submitted_at=a.get("submitted_at"),
                messages=tuple(msgs), result=result, grade=a.get("grade") or result.get("grade"),
                moderated_levels={k: level(v) for k, v in (a.get("moderated_levels") or {}).items()},
                moderations=tuple(Moderation(**{k: (level(m.get(k)) if k.endswith("_level") else m.get(k))
                                                for k in MODERATION_KEYS})
                                  for m in a.get("moderations") or []),
                tutor_feedback=tuple(Note(f.get("by") or "", f.get("at"), f.get("text") or "")
                                     for f in a.get("tutor_feedback") or []),
                assessor_signoff=Signoff(so.get("by") or "", so.get("at"), so.get("comment") or "",
                                         so.get("sha256"), so.get("changed")) if so else None,
                reflection=(Reflection(refl.get("form"), dict(refl.get("fields") or {}), refl.get("created_at"))
                            if refl else None),
                injected_personal_data=tuple(a.get("injected_personal_data") or ()),
                mode=a.get("mode") or "practice",
                grade_rule=a.get("grade_rule") or None,
                disputes=tuple({k: (level(v) if k.endswith("_level") else v) for k, v in d.items()}
                               for d in a.get("disputes") or [] if isinstance(d, dict)),
                past_signoffs=tuple(PastSignoff(p.get("by") or "", p.get("at"), p.get("comment") or "", p.get("sha256"),
                                                p.get("changed"), p.get("replaced_at"))
                                    for p in a.get("past_signoffs") or [] if isinstance(p, dict)),
            ))
        logbook = []
        for i, e in enumerate(raw.get("logbook") or []):
            if e.get("kind") not in ("simulated", "real"):
                problems.append(f"logbook[{i}].kind: {e.get('kind')!r}, expected 'simulated' or 'real'")
            _iso(e.get("created_at"), f"logbook[{i}].created_at", problems)
            entry_msgs = _messages(e.get("messages") or [], f"logbook[{i}]", problems)
            entry_result = e.get("result")
            if entry_result and not isinstance(entry_result.get("criteria", {}), dict):
                problems.append(f"logbook[{i}].result.criteria: {CRITERIA_SHAPE}")
            logbook.append(LogbookEntry(
                kind=e.get("kind") or "", created_at=e.get("created_at") or "", title=e.get("title") or "",
                customer_text=e.get("customer_text") or "", reply_text=e.get("reply_text") or "",
                result=e.get("result"),
                reflection=dict(e.get("reflection") or e.get("reflection_fields") or {}),
                tutor_comments=_freeze(list(e.get("tutor_comments") or [])),
                injected_personal_data=tuple(e.get("injected_personal_data") or ()),
                scenario=dict(e.get("scenario") or {}), messages=tuple(entry_msgs),
                moderated_levels={k: level(v) for k, v in (e.get("moderated_levels") or {}).items()},
                grade=e.get("grade") or None))
        checks = _knowledge_checks(raw.get("knowledge_checks") or [], problems)
        supervisory = _supervisory(raw.get("supervisory") or [], problems)
        if problems:
            raise InvalidPortfolioData(problems)
        return cls(learner=learner, cohort=dict(raw.get("cohort") or {}),
                   qualification=dict(raw.get("qualification") or {}), period=dict(period), attempts=tuple(attempts),
                   logbook=tuple(logbook), standard=dict(raw.get("standard") or {}), knowledge_checks=checks,
                   supervisory=supervisory)

    def to_dict(self) -> dict:
        return _plain(asdict(self))


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _knowledge_checks(raw, problems: list) -> tuple:
    """Marked knowledge checks: whole-number score and total, and per knowledge point {correct, total}."""
    out = []
    for i, c in enumerate(raw):
        where = f"knowledge_checks[{i}]"
        by_point = c.get("by_point") if isinstance(c, dict) else None
        numbers = [c.get("score"), c.get("total")] if isinstance(c, dict) else [None]
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
            problems.append(f"{where}: score and total must be whole numbers")
            continue
        if not isinstance(by_point, dict) or not all(
                isinstance(v, dict) and isinstance(v.get("correct"), int) and isinstance(v.get("total"), int)
                for v in by_point.values()):
            problems.append(f"{where}.by_point: expected {{point: {{correct, total}}}}")
            continue
        _iso(c.get("marked_at"), f"{where}.marked_at", problems, required=False)
        out.append({"marked_at": c.get("marked_at"), "seed": c.get("seed"), "score": c["score"], "total": c["total"],
                    "by_point": {str(k): {"correct": v["correct"], "total": v["total"]} for k, v in by_point.items()}})
    return _freeze(out)


SUPERVISORY_LEVELS = (0, 1, 2, "na")


def _supervisory(raw, problems: list) -> tuple:
    """Submitted supervisory exercises (a strategy or procedure document, a profile, a monitoring review), oldest
    first: {id, kind, kind_label, task, task_label, seed, submitted_at, rubric {id, version}, levels {criterion: 0-2 or
    "na"} (standing, after moderation), criteria [{key, label, level, auto_level, evidence [quotes], reason}],
    mistakes [{label, feedback}], moderations [{criterion, old_level, new_level, comment, by, at}], answer}."""
    out = []
    for i, item in enumerate(raw):
        where = f"supervisory[{i}]"
        if not isinstance(item, dict) or not item.get("kind") or item.get("id") in (None, ""):
            problems.append(f"{where}: needs an id and a kind")
            continue
        levels = item.get("levels")
        if not isinstance(levels, dict) or not all(v in SUPERVISORY_LEVELS and not isinstance(v, bool)
                                                   for v in levels.values()):
            problems.append(f"{where}.levels: expected {{criterion: 0, 1, 2 or 'na'}}")
            continue
        _iso(item.get("submitted_at"), f"{where}.submitted_at", problems, required=False)
        out.append({"id": str(item["id"]), "kind": str(item["kind"]), "kind_label": str(item.get("kind_label") or ""),
                    "task": str(item.get("task") or ""), "task_label": str(item.get("task_label") or ""),
                    "seed": item.get("seed"), "submitted_at": item.get("submitted_at"),
                    "rubric": dict(item.get("rubric") or {}), "levels": dict(levels),
                    "criteria": [dict(c) for c in item.get("criteria") or [] if isinstance(c, dict)],
                    "mistakes": [dict(m) for m in item.get("mistakes") or [] if isinstance(m, dict)],
                    "moderations": [dict(m) for m in item.get("moderations") or [] if isinstance(m, dict)],
                    "answer": str(item.get("answer") or "")})
    return _freeze(out)


def as_dict(data) -> dict:
    """Validate and return the plain dict form (accepts a dict or a PortfolioData)."""
    if isinstance(data, PortfolioData):
        return data.to_dict()
    extra = {k: v for k, v in data.items() if k.startswith("_")} if isinstance(data, dict) else {}
    out = PortfolioData.from_dict(data).to_dict()
    out.update(extra)
    return out


def _number_or_none(value, where: str, problems: list) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(f"{where}: {value!r}, expected a number of minutes")
        return None
    return float(value)
