"""The signed-in user, read from the database on every request, without rebuilding the same ORM object each time.

Every signed-in request must read the account: its session version and active flag decide whether the session is
still alive (web/sessions.py), and its role whether the page is allowed. That read stays. What it no longer does
on every request (issue 17) is build a new User object through the ORM's entity loading, which costs more than
the query itself: each thread keeps, per app, the User object it built for an account, and the next request of that
account on that thread reads the account's row as plain columns and re-attaches the kept object to the new session,
but only when that object is exactly what a fresh load would give:
- every column it holds equals the row just read (so a changed name, role, password, version or active flag, or a
  value flushed by an earlier request that was then rolled back, always means a fresh load);
- it is detached and clean: no unsaved change, no expired attribute (a commit or rollback expires it);
- no relationship of it is loaded, so nothing it would bring along (cohorts) can be stale.
Otherwise the account is loaded afresh, as before: one statement when the kept object was expired by a commit
(the usual case after a form), two when its row was changed by another request or process.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from flask import current_app
from sqlalchemy import bindparam, inspect, select

from web.extensions import db
from web.models import User

KEPT_PER_THREAD = 256   # accounts whose object a thread keeps; all are dropped when full

# Built once: Session.get builds and keys a new SELECT on every call. Autoflush stays off, as with Session.get:
# loading the user never writes a view's pending changes.
USER_BY_ID = select(User).where(User.id == bindparam("user_id")).execution_options(autoflush=False)
USER_ROW_BY_ID = select(*User.__table__.columns).where(User.__table__.c.id == bindparam("user_id"))

@lru_cache(maxsize=1)
def _attribute_keys() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The User attribute of each column of USER_ROW_BY_ID, in order, and the relationship attributes."""
    mapper = inspect(User)
    columns = tuple(mapper.get_property_by_column(column).key for column in User.__table__.columns)
    return columns, tuple(mapper.relationships.keys())


def _kept_users() -> dict[int, User]:
    """This thread's kept objects for this app (another app, as in tests, has a database of its own)."""
    per_thread = current_app.extensions.get("kept_session_users")
    if per_thread is None:
        per_thread = current_app.extensions.setdefault("kept_session_users", threading.local())
    kept = getattr(per_thread, "users", None)
    if kept is None:
        kept = per_thread.users = {}
    return kept


def _clean(user: User) -> bool:
    """Detached, no unsaved change, nothing expired (a commit or rollback expires it), no relationship loaded."""
    state = inspect(user)
    if not state.detached or state.modified or state.expired_attributes:
        return False
    columns, relationships = _attribute_keys()
    held = state.dict
    return (not any(key in held for key in relationships) and all(key in held for key in columns)
            and state.key not in db.session.identity_map)


def _holds(user: User, row) -> bool:
    """Whether every column the object holds equals the row just read."""
    held = inspect(user).dict
    return tuple(held[key] for key in _attribute_keys()[0]) == tuple(row)


def account(user_id: int) -> User | None:
    """The account with this id as a User in the current session, read from the database now: one statement."""
    kept = _kept_users()
    user = kept.get(user_id)
    if user is not None and _clean(user):
        row = db.session.connection().execute(USER_ROW_BY_ID, {"user_id": user_id}).first()
        if row is None:
            kept.pop(user_id, None)
            return None
        if _holds(user, row):
            db.session.add(user)   # persistent again, no statement: its values are the row's
            return user
    # A fresh load: the only statement when nothing was kept or it was expired; a second one when the row changed.
    user = db.session.execute(USER_BY_ID, {"user_id": user_id}).scalar_one_or_none()
    if user is None:
        kept.pop(user_id, None)
        return None
    if len(kept) >= KEPT_PER_THREAD:
        kept.clear()
    kept[user_id] = user
    return user


def load_user(session_id: str):
    """Flask-Login's user loader: "<id>:<version>" of an active account whose version is unchanged, else None.
    A bare id (a session from before versions) is refused too: that user signs in again once."""
    user_part, _, version_part = str(session_id).partition(":")
    if not (user_part.isascii() and user_part.isdigit() and version_part.isascii() and version_part.isdigit()):
        return None
    if len(user_part) > 10 or len(version_part) > 10:
        return None
    user = account(int(user_part))
    if user is None or not user.active or user.session_version != int(version_part):
        return None
    return user
