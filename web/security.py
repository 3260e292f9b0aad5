"""Role checks, who may see whose work, and response headers. Every route says who may see it."""
from __future__ import annotations

from functools import wraps

from flask import abort, current_app
from flask_login import current_user, login_required

from web.extensions import db
from web.models import Attempt, User
from web.services.accounts import can_see_learner

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def roles_required(*roles: str):
    """Signed in with one of these roles, or 403. Signed-out users are sent to sign in."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = roles  # read by the test that checks every route has a role rule
        return wrapped

    return decorator


def add_security_headers(response):
    """Each header unless the view set its own. The names already present are read once (issue 17): setdefault
    scans every header for each of the eight."""
    headers = response.headers
    present = {name.lower() for name in headers.keys()}
    wanted = list(SECURITY_HEADERS.items())
    hsts = current_app.config.get("STRICT_TRANSPORT_SECURITY")
    if hsts:
        wanted.append(("Strict-Transport-Security", hsts))
    if response.mimetype == "text/html":
        # Pages can show personal data: never keep them in shared caches.
        wanted.append(("Cache-Control", "no-store"))
    for name, value in wanted:
        if name.lower() not in present:
            headers.add(name, value)
    return response


def _refuse() -> None:
    """A learner asking for someone else's work is told it does not exist (404), never that it does; staff
    outside that learner's cohorts are refused (403)."""
    abort(404 if current_user.role == "learner" else 403)


def visible_learner(user_id: int) -> User:
    """The learner with this id, if the signed-in user may see their work."""
    learner = db.get_or_404(User, user_id)
    if learner.role != "learner" or not can_see_learner(current_user, learner.id):
        _refuse()
    return learner


def visible_attempt(attempt_id: int) -> Attempt:
    """The attempt with this id, if the signed-in user may see its learner's work."""
    attempt = db.get_or_404(Attempt, attempt_id)
    if current_user.role == "iqa":   # an IQA sees only what they sampled
        from web.services.iqa import iqa_may_see
        if not iqa_may_see(current_user, attempt.id):
            _refuse()
        return attempt
    if not can_see_learner(current_user, attempt.learner_id):
        _refuse()
    return attempt
