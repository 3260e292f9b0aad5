"""Sessions that end when they should (issue 14).

- Every account has a `session_version`. The signed-in session stores "<user id>:<version>" (User.get_id), and
  the user loader accepts it only while the account's version is the same and the account is active. Signing
  out, a password change or reset, a role change and deactivation bump the version: every session and every
  "keep me signed in" token of that account stops working at once, on every device, whatever cookie is replayed
  and from whatever browser.
- The "keep me signed in" token is signed with the app's secret and carries the session id above (so the version)
  and the time it was issued. The server refuses it once REMEMBER_COOKIE_DURATION has passed since then: the
  cookie's own expiry is only a hint to the browser.
- A session is bound to the browser that signed in (its User-Agent): Flask-Login's "strong" protection only marks
  a permanent session not fresh, and every session here is permanent (SESSION_MINUTES is the idle timeout), so
  this manager drops the sign-in itself when the User-Agent changes. The address is left out: it changes
  legitimately on phones and behind proxies.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from hashlib import sha256
from secrets import token_urlsafe

import flask_login
from flask import current_app, request, session
from flask_login.signals import session_protected, user_loaded_from_cookie
from itsdangerous import BadData, URLSafeTimedSerializer

SESSION_KEYS = ("_user_id", "_fresh", "_id", "_remember_seconds")


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="remember-me")


def _remember_seconds() -> float:
    duration = current_app.config["REMEMBER_COOKIE_DURATION"]
    return duration.total_seconds() if isinstance(duration, timedelta) else float(duration)


def browser_identifier() -> str:
    return sha256((request.headers.get("User-Agent") or "").encode("utf-8", "replace")).hexdigest()


def remember_token(session_id: str) -> str:
    """The signed "keep me signed in" value: the session id (user id and version), a nonce (no two tokens are
    alike) and, by the serializer, the time it was issued."""
    return _serializer().dumps({"s": session_id, "n": token_urlsafe(8)})


def session_id_from_remember_token(token: str) -> str | None:
    """The session id in a token that is genuine and younger than REMEMBER_COOKIE_DURATION, else None."""
    try:
        data = _serializer().loads(token, max_age=_remember_seconds())
    except BadData:
        return None
    value = data.get("s") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


class LoginManager(flask_login.LoginManager):
    """Flask-Login's manager with a remember-me token that expires on the server and a session bound to its
    browser. Flask-Login is pinned (requirements.txt): these override its cookie and protection steps, and
    tests/web/test_sessions.py replays old cookies to prove them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._session_identifier_generator = browser_identifier   # Flask-Login's default adds the address

    def _set_cookie(self, response):
        config = current_app.config
        response.set_cookie(
            config.get("REMEMBER_COOKIE_NAME", "remember_token"), value=remember_token(str(session["_user_id"])),
            expires=datetime.now(timezone.utc) + timedelta(seconds=_remember_seconds()),
            domain=config.get("REMEMBER_COOKIE_DOMAIN"), path=config.get("REMEMBER_COOKIE_PATH", "/"),
            secure=config.get("REMEMBER_COOKIE_SECURE", False), httponly=config.get("REMEMBER_COOKIE_HTTPONLY", True),
            samesite=config.get("REMEMBER_COOKIE_SAMESITE"))

    def _load_user_from_remember_cookie(self, cookie):
        session_id = session_id_from_remember_token(cookie)
        user = self._user_callback(session_id) if session_id and self._user_callback else None
        if user is None:
            session["_remember"] = "clear"   # expired, forged or revoked: the browser may forget it
            return None
        session["_user_id"] = session_id
        session["_fresh"] = False
        session["_id"] = self._session_identifier_generator()
        user_loaded_from_cookie.send(current_app._get_current_object(), user=user)
        return user

    def _session_protection_failed(self):
        if current_app.config.get("SESSION_PROTECTION", self.session_protection) != "strong":
            return super()._session_protection_failed()
        if not session or "_user_id" not in session:
            return False
        if session.get("_id") != self._session_identifier_generator():
            for key in SESSION_KEYS:
                session.pop(key, None)
            session_protected.send(current_app._get_current_object())
            return True
        return False


def end_all_sessions(user) -> None:
    """Every session and remember-me token of this account stops working (the caller commits)."""
    user.session_version = (user.session_version or 0) + 1
