"""Builds the plain evidence data the portfolio package renders, from the database. Never passes ORM objects."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

import simulator
from portfolio.standard import standard
from simulator.profiling import SECTORS
from web.extensions import db
from web.models import Attempt, KnowledgeCheck, LogbookEntry, SupervisoryAttempt, User
from web.services.marks import effective_levels, grade_rule
from web.services.signoff import changed_since_signoff, evidence_sha256
from web.services.supervisory import criteria_rows, standing_levels
from web.services.supervisory_kinds import KINDS

# The standard comes from portfolio/standard.yaml; the qualification from the learner's cohort (never the standard).
STANDARD = {"id": standard()["id"], "title": standard()["title"],
            "framework": "National Occupational Standard (customer service)"}


def _iso(value) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def _personal_values(instance_data: dict) -> list[str]:
    found = instance_data.get("injected_personal_data") or []
    if isinstance(found, dict):   # {kind: [values]} or a flat list: both are accepted
        return sorted({v for values in found.values() for v in (values if isinstance(values, list) else [values])})
    return list(found)


def _customer_names(data: dict) -> dict:
    """Thread (customer id) -> the customer's persona name, so each customer of a live chat keeps their own
    pseudonym in the transcript (Customer A, Customer B)."""
    names = {c.get("id"): (c.get("persona") or {}).get("name") for c in data.get("customers") or []}
    if len(names) == 1:
        names["main"] = next(iter(names.values()))
    return names


def attempt_evidence(attempt: Attempt) -> dict:
    data = attempt.instance.data
    customers = _customer_names(data)
    return {
        "id": attempt.id,
        "mode": attempt.mode,
        "scenario": {"id": data.get("scenario_id"), "title": data.get("title"), "category": data.get("category"),
                     "platform": data.get("platform"), "exercise_type": data.get("exercise_type"),
                     "brief": data.get("brief", ""), "sla_minutes": data.get("sla_minutes"),
                     "difficulty": data.get("difficulty"), "version": data.get("scenario_version"),
                     "seed": data.get("seed")},
        "started_at": _iso(attempt.started_at),
        "submitted_at": _iso(attempt.submitted_at),
        "messages": [{"author": m.author, "author_name": customers.get(m.thread) if m.author == "customer" else None,
                      "text": m.text, "channel": m.channel,
                      "thread": m.thread, "sent_at": _iso(m.created_at), "sim_minute": m.sim_minute,
                      "response_minutes": m.response_minutes} for m in attempt.messages],
        "result": attempt.result or {},
        "moderated_levels": {s.criterion: s.moderated_level for s in attempt.scores if s.moderated_level is not None},
        "levels": effective_levels(attempt),
        "moderations": [{"criterion": m.criterion, "old_level": m.old_level, "new_level": m.new_level,
                         "comment": m.comment, "by": m.tutor.full_name, "at": _iso(m.created_at)}
                        for m in attempt.moderations],
        "disputes": [{"criterion": d.criterion, "disputed_level": d.disputed_level,
                      "requested_level": d.requested_level, "reason": d.reason, "status": d.status,
                      "outcome_level": d.outcome_level, "outcome_comment": d.outcome_comment or "",
                      "by": d.tutor.full_name if d.tutor else "", "at": _iso(d.created_at),
                      "resolved_at": _iso(d.resolved_at)} for d in attempt.disputes],
        "grade": attempt.final_grade,
        "auto_grade": attempt.auto_grade,
        "grade_rule": grade_rule(attempt),
        "tutor_feedback": [{"by": f.author.full_name, "at": _iso(f.created_at), "text": f.text}
                           for f in attempt.feedback],
        "assessor_signoff": ({"by": attempt.signed_off_by.full_name, "at": _iso(attempt.signed_off_at),
                              "comment": attempt.signoff_comment or "", "sha256": attempt.signed_sha256,
                              "changed": changed_since_signoff(attempt)} if attempt.signed_off_at else None),
        "past_signoffs": _past_signoffs(attempt),
        "reflection": None,
        "injected_personal_data": _personal_values(data),
    }


def _past_signoffs(attempt: Attempt) -> list[dict]:
    """The sign-offs a later one replaced, oldest first, as they were; ``changed``: the evidence now differs from
    what each one signed (the hash of the evidence is worked out once, and only when there are any)."""
    if not attempt.past_signoffs:
        return []
    now = evidence_sha256(attempt)
    return [{"by": p.assessor.full_name if p.assessor else "", "at": _iso(p.signed_at), "comment": p.comment or "",
             "sha256": p.sha256, "changed": (p.sha256 != now) if p.sha256 else None,
             "replaced_at": _iso(p.replaced_at)} for p in attempt.past_signoffs]


def logbook_evidence(entry: LogbookEntry, attempt: dict | None = None) -> dict:
    """One logbook entry. ``attempt``: the attempt_evidence() of the completed attempt a simulated entry reflects on;
    its scenario, conversation, final levels and grade travel with the entry, and so do the personal values the
    app put into it, so the export anonymises them exactly as it does the attempt's."""
    out = {
        "id": entry.id, "kind": entry.kind, "form": entry.form, "title": entry.title,
        "created_at": _iso(entry.created_at), "attempt_id": entry.attempt_id,
        "customer_text": entry.customer_text, "reply_text": entry.reply_text, "result": entry.result,
        "reflection": entry.fields or {}, "performance_criteria": entry.performance_criteria or [],
        "tutor_comments": [{"by": c.author.full_name, "at": _iso(c.created_at), "text": c.text}
                           for c in entry.comments],
    }
    if attempt is not None and entry.kind == "simulated":
        out.update(scenario=attempt["scenario"], messages=attempt["messages"], result=entry.result or attempt["result"],
                   moderated_levels=attempt["moderated_levels"], grade=attempt["grade"],
                   injected_personal_data=attempt["injected_personal_data"])
    return out


def learner_evidence(learner: User, *, attempt_ids: list[int] | None = None) -> dict:
    """Everything about one learner's completed work that an export may show (it is anonymised later)."""
    query = select(Attempt).where(Attempt.learner_id == learner.id, Attempt.status == "completed")
    if attempt_ids is not None:
        query = query.where(Attempt.id.in_(attempt_ids or [-1]))
    # Earlier sign-offs in one statement for all the attempts, not one each (most attempts have none).
    attempts = db.session.scalars(query.options(selectinload(Attempt.past_signoffs))
                                  .order_by(Attempt.submitted_at)).all()
    entries = db.session.scalars(select(LogbookEntry).where(LogbookEntry.learner_id == learner.id)
                                 .order_by(LogbookEntry.created_at)).all()
    evidence = [attempt_evidence(a) for a in attempts]
    by_attempt = {e.attempt_id: e for e in entries if e.attempt_id}
    done = {item["id"]: item for item in evidence}
    for item in evidence:   # the learner's reflection on an attempt travels with it (a separable section)
        entry = by_attempt.get(item["id"])
        if entry:
            item["reflection"] = {"form": entry.form, "fields": entry.fields or {},
                                  "created_at": _iso(entry.created_at)}
    cohort = learner.learner_cohorts[0] if learner.learner_cohorts else None
    dates = [a.submitted_at for a in attempts if a.submitted_at] + [e.created_at for e in entries]
    return {
        "learner": {"username": learner.username, "full_name": learner.full_name, "email": learner.email,
                    "candidate_number": learner.candidate_number},
        "cohort": {"name": cohort.name if cohort else "", "qualification": cohort.qualification if cohort else ""},
        "qualification": {"title": cohort.qualification if cohort else ""},
        "standard": STANDARD,
        "period": {"start": _iso(min(dates)) if dates else None, "end": _iso(max(dates)) if dates else None},
        "attempts": evidence,
        "logbook": [logbook_evidence(e, done.get(e.attempt_id)) for e in entries],
        "knowledge_checks": knowledge_evidence(learner),
        "supervisory": supervisory_evidence(learner),
    }


def knowledge_evidence(learner: User) -> list[dict]:
    """The learner's marked knowledge checks, oldest first: scores by knowledge point (no question text)."""
    checks = db.session.scalars(select(KnowledgeCheck).where(KnowledgeCheck.learner_id == learner.id,
                                                             KnowledgeCheck.marked_at.is_not(None))
                                .order_by(KnowledgeCheck.marked_at)).all()
    return [{"marked_at": _iso(c.marked_at), "seed": c.seed, "score": c.score, "total": c.total,
             "by_point": (c.result or {}).get("by_point") or {}} for c in checks]


def supervisory_evidence(learner: User) -> list[dict]:
    """The learner's submitted supervisory exercises, oldest first: levels after moderation with the quoted
    evidence, the named mistakes, the moderations and the answer (portfolio/model.py `_supervisory`)."""
    done = db.session.scalars(select(SupervisoryAttempt).where(SupervisoryAttempt.learner_id == learner.id,
                                                               SupervisoryAttempt.submitted_at.is_not(None))
                              .order_by(SupervisoryAttempt.submitted_at, SupervisoryAttempt.id)).all()
    out = []
    for a in done:
        kind, rows = KINDS[a.kind], criteria_rows(a)
        labels = {r["key"]: r["label"] for r in rows}
        out.append({
            "id": a.id, "kind": a.kind, "kind_label": kind.label, "task": a.task,
            "task_label": kind.tasks.get(a.task, a.task) if len(kind.tasks) > 1 else "", "seed": a.seed,
            "submitted_at": _iso(a.submitted_at), "rubric": {"id": a.rubric_id, "version": a.rubric_version},
            "levels": standing_levels(a),
            "criteria": [{"key": r["key"], "label": r["label"], "level": r["level"], "auto_level": r["auto"],
                          "evidence": list(r["evidence"]), "reason": r["reason"]} for r in rows],
            "mistakes": [{"label": m["label"], "feedback": m["feedback"]}
                         for m in (a.result or {}).get("mistakes", [])],
            "moderations": [{"criterion": m.criterion, "criterion_label": labels.get(m.criterion, m.criterion),
                             "old_level": m.old_level, "new_level": m.new_level, "comment": m.comment,
                             "by": m.tutor.full_name, "at": _iso(m.created_at)} for m in a.moderations],
            "answer": a.answer or "",
        })
    return out


def brand_values() -> tuple[str, ...]:
    """The fictional brands' names and handles: not personal data, so exports keep them readable."""
    replies = tuple(v for brand in simulator.BRANDS.values() for v in (brand.name, brand.handle))
    # The organisations of the supervisory exercises' briefs are fictional too (simulator/profiling.py).
    return replies + tuple(name for sector in SECTORS.values() for name in sector["names"])
