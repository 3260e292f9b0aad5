"""The session cookie, re-issued at most once a minute instead of on every request (issue 17).

SESSION_MINUTES is an idle timeout: a permanent session's cookie is signed with the time it was issued, and
Flask refuses it once PERMANENT_SESSION_LIFETIME has passed since then. Flask's SESSION_REFRESH_EACH_REQUEST
re-signs and re-sends the cookie on every response to keep the timeout sliding, which costs a serialisation,
an HMAC and a Set-Cookie header per request. Here the cookie is re-issued when the session changed (as always)
or when it was issued SESSION_REFRESH_SECONDS ago or more: the timeout still slides, and ends at most that many
seconds earlier than it would have. Nothing about who is signed in changes: the user loader still checks the
account's session version on every request (web/sessions.py).

A cookie value that verified once is remembered per process (VERIFIED_COOKIES), so the next request with the same
bytes skips the HMAC and the JSON decoding; its age is still checked against the lifetime on every request, as
itsdangerous does, so a remembered cookie expires exactly when a fresh one would.
"""
from __future__ import annotations

from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import BadSignature

DEFAULT_REFRESH_SECONDS = 60
VERIFIED_COOKIES = 4096   # remembered per process; the whole memory is dropped when full (a few hundred KiB)
SCALARS = (str, int, float, bool, type(None))


class IssuedSession(SecureCookieSession):
    issued_at: int | None = None   # when the cookie this session came from was signed (seconds since the epoch)


class ThrottledRefreshSessionInterface(SecureCookieSessionInterface):
    session_class = IssuedSession

    def get_signing_serializer(self, app):
        """Flask's serializer, built once per secret key (and fallbacks) instead of twice a request: it holds only
        the keys, the salt and the settings, and signs nothing by itself."""
        if not app.secret_key:
            return None
        key = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        kept = app.extensions.get("session_serializer")
        if kept is None or kept[0] != key:
            kept = app.extensions["session_serializer"] = (key, super().get_signing_serializer(app))
        return kept[1]

    def open_session(self, app, request):
        s = self.get_signing_serializer(app)
        if s is None:
            return None
        val = request.cookies.get(self.get_cookie_name(app))
        if not val:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        verified = app.extensions.setdefault("verified_session_cookies", {})
        key = (app.secret_key, val)
        known = verified.get(key)
        if known is not None:
            data, issued_at = known
            age = s.make_signer().get_timestamp() - issued_at
            if age < 0 or age > max_age:   # itsdangerous's own test: refused as expired
                return self.session_class()
        else:
            try:
                data, issued = s.loads(val, max_age=max_age, return_timestamp=True)
            except BadSignature:
                return self.session_class()
            issued_at = int(issued.timestamp())
            if all(isinstance(v, SCALARS) for v in data.values()):   # a shallow copy per request is then enough
                if len(verified) >= VERIFIED_COOKIES:
                    verified.clear()
                verified[key] = (data, issued_at)
        session = self.session_class(data)   # a copy: the request may change its session
        session.issued_at = issued_at
        return session

    def should_set_cookie(self, app, session) -> bool:
        if session.modified:
            return True
        if not (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return False
        issued = getattr(session, "issued_at", None)
        if issued is None:
            return True
        signer = self.get_signing_serializer(app).make_signer()
        age = signer.get_timestamp() - issued
        return age >= app.config.get("SESSION_REFRESH_SECONDS", DEFAULT_REFRESH_SECONDS)
