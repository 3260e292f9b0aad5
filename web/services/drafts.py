"""Drafts: what a learner is typing, saved as they type (server side; static/js/draft.js keeps a local copy).

A draft's key names what it belongs to, e.g. "attempt-12-main-3" (attempt, conversation, turn) or
"logbook-new". Keys are per user: a learner only ever reads and writes their own drafts.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import bindparam, delete, func, select

from web.extensions import db
from web.models import Draft, User, utcnow
from web.statements import rows

KEY_RULE = re.compile(r"^[a-z0-9][a-z0-9_.:-]{0,119}$")
MAX_DRAFT_CHARS = 20_000
# Per account: drafts are cleared when a reply or an entry is sent, so these are only reached by many abandoned
# attempts or by a script. The browser keeps its own copy, so a refused save loses nothing.
MAX_DRAFTS = 100
MAX_TOTAL_CHARS = 250_000


class DraftError(ValueError):
    """The draft cannot be saved as sent (message says why)."""


def key_for(attempt_id: int, thread: str, turn: int) -> str:
    return f"attempt-{attempt_id}-{thread}-{turn}"


def attempt_prefix(attempt_id: int) -> str:
    """What every draft key of the attempt begins with ("attempt-1-" is not how attempt 12's keys begin)."""
    return f"attempt-{attempt_id}-"


def save(user: User, key: str, text: str) -> Draft:
    if not isinstance(key, str) or not KEY_RULE.match(key):
        raise DraftError("A draft key is lower-case letters, digits, dots, dashes, colons or underscores.")
    if not isinstance(text, str):
        raise DraftError("A draft's text must be a string.")
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError(f"A draft holds at most {MAX_DRAFT_CHARS} characters.")
    others, others_chars = db.session.execute(
        select(func.count(), func.coalesce(func.sum(func.length(Draft.text)), 0))
        .where(Draft.user_id == user.id, Draft.key != key)).one()
    draft = db.session.scalar(select(Draft).where(Draft.user_id == user.id, Draft.key == key))
    if draft is None and others >= MAX_DRAFTS:
        raise DraftError(f"You have {others} saved drafts, the most one account keeps. Send or finish the work you "
                         "started (its drafts are cleared when you send): this text is still kept in this browser.")
    if others_chars + len(text) > MAX_TOTAL_CHARS:
        raise DraftError(f"Your saved drafts would hold {others_chars + len(text):,} characters; one account keeps "
                         f"at most {MAX_TOTAL_CHARS:,}. Send or finish the work you started: this text is still "
                         "kept in this browser.")
    if draft is None:
        draft = Draft(user_id=user.id, key=key, text=text)
        db.session.add(draft)
    draft.text = text
    draft.updated_at = utcnow()
    return draft


# Built once: every workspace view asks. Columns, not Draft objects: the page reads three values (issue 17).
DRAFTS = select(Draft.key, Draft.text, Draft.updated_at).where(Draft.user_id == bindparam("user_id"),
                                                               Draft.key.in_(bindparam("keys", expanding=True)))


def shown(text: str, updated_at: datetime) -> dict:
    """A saved draft as a page gives it to static/js/draft.js: its text and when it was saved (ms since 1970)."""
    return {"text": text, "ms": int(updated_at.replace(tzinfo=timezone.utc).timestamp() * 1000)}


def load_many(user: User, keys: list[str]) -> dict[str, dict]:
    found = rows(DRAFTS, user_id=user.id, keys=keys) if keys else []
    return {d.key: shown(d.text, d.updated_at) for d in found}


def load(user: User, key: str) -> str:
    return load_many(user, [key]).get(key, {}).get("text", "")


def clear_attempt(user: User, attempt_id: int) -> None:
    db.session.execute(delete(Draft).where(Draft.user_id == user.id, Draft.key.startswith(attempt_prefix(attempt_id))))


def clear(user: User, key: str) -> None:
    db.session.execute(delete(Draft).where(Draft.user_id == user.id, Draft.key == key))
