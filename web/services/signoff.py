"""What an assessor signs: the attempt's evidence as it stands (scenario version and seed, the conversation, every
level and the grade, the moderations and the disputes' decisions), hashed with SHA-256. The hash is stored with the
sign-off; a later change to any of it gives another hash, and the page and the PDF say the evidence changed."""
from __future__ import annotations

import hashlib
import json

from web.models import Attempt, Dispute, PastSignoff, User, utcnow
from web.services import xapi_outbox
from web.services.marks import effective_levels


def signed_content(attempt: Attempt) -> dict:
    inst = attempt.instance
    return {
        "attempt": attempt.id, "mode": attempt.mode,
        "scenario": {"id": inst.scenario_id, "version": inst.scenario_version, "seed": inst.seed},
        "messages": [{"author": m.author, "thread": m.thread, "channel": m.channel, "text": m.text,
                      "sim_minute": m.sim_minute} for m in attempt.messages],
        "automatic": {s.criterion: s.auto_level for s in attempt.scores},
        "levels": {k: v for k, v in sorted(effective_levels(attempt).items())},
        "grade": attempt.final_grade, "automatic_grade": attempt.auto_grade,
        "moderations": [{"criterion": m.criterion, "old": m.old_level, "new": m.new_level, "comment": m.comment}
                        for m in attempt.moderations],
        "disputes": [{"criterion": d.criterion, "status": d.status, "level": d.outcome_level}
                     for d in attempt.disputes if _signed_or_decided(d, attempt)],
    }


def _signed_or_decided(dispute: Dispute, attempt: Attempt) -> bool:
    """A dispute the learner opened after the sign-off is a question, not yet a change to what was signed: it
    counts once decided. (One open at signing stays in, as it always was, so older hashes still match.)"""
    if dispute.status != "open" or dispute.created_at is None or attempt.signed_off_at is None:
        return True
    return dispute.created_at <= attempt.signed_off_at


def evidence_sha256(attempt: Attempt) -> str:
    body = json.dumps(signed_content(attempt), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class SignoffError(ValueError):
    """The attempt cannot be signed off now; the message says why."""


def sign(attempt: Attempt, assessor: User, comment: str | None) -> str:
    """Sign the attempt off as it now stands. An attempt already signed is signed again only when its evidence has
    changed since (the earlier sign-off is kept as a PastSignoff); otherwise the sign-off there stands."""
    if attempt.signed_off_at is not None:
        if not changed_since_signoff(attempt):
            who = attempt.signed_off_by.full_name if attempt.signed_off_by else "an assessor"
            raise SignoffError(f"Already signed off by {who}: that sign-off stands.")
        attempt.past_signoffs.append(PastSignoff(assessor_id=attempt.signed_off_by_id, signed_at=attempt.signed_off_at,
                                                 comment=attempt.signoff_comment, sha256=attempt.signed_sha256))
    attempt.signed_off_by_id, attempt.signed_off_at = assessor.id, utcnow()
    attempt.signoff_comment = (comment or "").strip() or None
    attempt.signed_sha256 = evidence_sha256(attempt)
    xapi_outbox.record_signed_off(attempt, assessor)
    return attempt.signed_sha256


def changed_since_signoff(attempt: Attempt) -> bool | None:
    """None: not signed off (or signed before hashes were kept); else whether the evidence changed since."""
    if not attempt.signed_off_at or not attempt.signed_sha256:
        return None
    return evidence_sha256(attempt) != attempt.signed_sha256
