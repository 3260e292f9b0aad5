"""Disputes: a learner disputes a criterion's level on their assessed attempt; a tutor accepts, partly accepts
or rejects it. A decision that changes the level is recorded as a moderation too, so the grade follows."""
from __future__ import annotations

from web.models import DISPUTE_OUTCOMES, Attempt, Dispute, User, utcnow
from web.services.marks import NA, ModerationError, moderate

MAX_TEXT = 2000
NUMERIC = ("0", "1", "2")
OUTCOME_WORDS = {"open": "open", "accepted": "accepted", "partly_accepted": "partly accepted", "rejected": "rejected"}


class DisputeError(ValueError):
    """The dispute or the decision cannot be recorded as sent; the message says what to change."""


def allowed_levels(criterion: str) -> tuple[str, ...]:
    return ("pass", "fail", NA) if criterion == "data_protection" else ("2", "1", "0", NA)


def _text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise DisputeError(f"Say {what}.")
    if len(text) > MAX_TEXT:
        raise DisputeError(f"Keep it to {MAX_TEXT} characters.")
    return text


def open_dispute(attempt: Attempt, learner: User, criterion: str, requested_level: str, reason: str) -> Dispute:
    """The learner's dispute of one criterion's level (the caller has checked the attempt is theirs)."""
    if attempt.learner_id != learner.id:
        raise DisputeError("You can dispute only your own attempts.")
    if attempt.mode != "assessed" or attempt.status != "completed":
        raise DisputeError("Only a submitted assessed attempt can be disputed.")
    score = next((s for s in attempt.scores if s.criterion == criterion), None)
    if score is None:
        raise DisputeError("Choose a criterion of this attempt.")
    if requested_level not in allowed_levels(criterion):
        raise DisputeError(f"Choose the level you think it should be: one of {', '.join(allowed_levels(criterion))}.")
    if requested_level == score.level:
        raise DisputeError("That is the level it has now: choose the level you think it should be.")
    if any(d.criterion == criterion and d.status == "open" for d in attempt.disputes):
        raise DisputeError("You have already disputed this criterion: wait for your tutor's decision.")
    dispute = Dispute(learner_id=learner.id, criterion=criterion, disputed_level=score.level,
                      requested_level=requested_level, reason=_text(reason, "why you disagree"))
    attempt.disputes.append(dispute)
    return dispute


def _between(low: str, high: str, level: str) -> bool:
    if not all(v in NUMERIC for v in (low, high, level)):
        return False
    a, b = sorted((int(low), int(high)))
    return a < int(level) < b


def decided_level(dispute: Dispute, outcome: str, level: str | None) -> str:
    """The level the decision leaves: the requested one, one part of the way there, or the disputed one."""
    if outcome == "accepted":
        return dispute.requested_level or dispute.disputed_level
    if outcome == "rejected":
        return dispute.disputed_level
    if not _between(dispute.disputed_level, dispute.requested_level or "", level or ""):
        raise DisputeError("Partly accepting needs a level between the disputed level and the one asked for "
                           f"({dispute.disputed_level} and {dispute.requested_level}); accept or reject it instead.")
    return str(level)


def resolve(dispute: Dispute, outcome: str, level: str | None, comment: str, tutor: User) -> Dispute:
    if dispute.status != "open":
        raise DisputeError("This dispute has already been decided.")
    if outcome not in DISPUTE_OUTCOMES:
        raise DisputeError("Accept, partly accept or reject the dispute.")
    comment = _text(comment, "why you decided so: the learner reads it")
    new_level = decided_level(dispute, outcome, level)
    score = next(s for s in dispute.attempt.scores if s.criterion == dispute.criterion)
    if new_level != score.level:
        try:
            moderate(dispute.attempt, dispute.criterion, new_level,
                     f"Dispute {OUTCOME_WORDS[outcome]}: {comment}", tutor)
        except ModerationError as exc:
            raise DisputeError(str(exc)) from exc
    dispute.status, dispute.outcome_level, dispute.outcome_comment = outcome, new_level, comment
    dispute.tutor_id, dispute.resolved_at = tutor.id, utcnow()
    return dispute
