"""What every signed-in request costs before its view runs (issue 17): the rate limiter's hook runs only where a
limit can apply, and a session cookie is verified once per process, while expiry and tampering are refused as
before (tests/web/test_sessions.py holds the rest of the session rules)."""
from __future__ import annotations

import time

import pytest
from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from itsdangerous import URLSafeTimedSerializer

from tests.conftest import sign_in
from web.limits import drop_idle_hook


@pytest.fixture
def clock(monkeypatch):
    from itsdangerous.timed import TimestampSigner

    state = {"ahead": 0}
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) + state["ahead"])
    return state


@pytest.fixture
def limiter_checks(monkeypatch):
    """Counts Flask-Limiter's checks, by the hook or by a route's own decorator, in apps made after this runs."""
    calls = []
    original = Limiter._check_request_limit

    def counted(self, *args, **kwargs):
        calls.append(kwargs.get("in_middleware", True))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Limiter, "_check_request_limit", counted)
    return calls


def test_a_page_without_a_rate_limit_runs_no_limiter_check_and_sign_in_still_does(app, make_user, limiter_checks):
    from app import create_app

    make_user("learner", username="sam")
    fresh = create_app({key: app.config[key] for key in (
        "TESTING", "SQLALCHEMY_DATABASE_URI", "SECRET_KEY", "RATELIMIT_STORAGE_URI", "PASSWORD_HASH_METHOD")})
    client = fresh.test_client()
    assert sign_in(client, "sam").status_code == 302
    assert limiter_checks and not any(limiter_checks)   # the sign-in form's own limits, by their decorator
    limiter_checks.clear()
    assert client.get("/learner/").status_code == 200
    assert limiter_checks == []


def test_with_a_default_limit_the_limiter_hook_stays_and_limits_every_page():
    app = Flask(__name__)
    limiter = Limiter(get_remote_address, app=app, default_limits=["2 per minute"], storage_uri="memory://")
    app.add_url_rule("/", "page", lambda: "ok")
    assert drop_idle_hook(app, limiter) is False
    client = app.test_client()
    assert [client.get("/").status_code for _ in range(3)] == [200, 200, 429]


def test_without_any_limit_the_hook_is_dropped():
    app = Flask(__name__)
    limiter = Limiter(get_remote_address, app=app, storage_uri="memory://")
    assert drop_idle_hook(app, limiter) is True
    assert limiter._check_request_limit not in app.before_request_funcs[None]


def test_a_session_cookie_is_verified_once_per_process(app, client, make_user, monkeypatch):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    client.get("/learner/")   # the cookie from sign-in, verified and remembered
    verified = []
    original = URLSafeTimedSerializer.loads

    def counted(self, *args, **kwargs):
        verified.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(URLSafeTimedSerializer, "loads", counted)
    for _ in range(3):
        assert client.get("/learner/").status_code == 200
    assert verified == []


def test_a_remembered_session_cookie_still_ends_at_the_idle_timeout(app, client, make_user, clock):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    assert client.get("/learner/").status_code == 200   # verified and remembered
    clock["ahead"] = int(app.permanent_session_lifetime.total_seconds()) + 1
    response = client.get("/learner/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_tampered_copy_of_a_remembered_session_cookie_is_refused(app, client, make_user):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    assert client.get("/learner/").status_code == 200
    cookie = client.get_cookie("session")
    payload, _, signature = cookie.value.rpartition(".")
    forged = payload + "." + ("A" if signature[0] != "A" else "B") + signature[1:]
    other = app.test_client()
    other.set_cookie("session", forged)
    response = other.get("/learner/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_session_serializer_is_built_once_per_secret_key(app, client, make_user, monkeypatch):
    from flask.sessions import SecureCookieSessionInterface

    make_user("learner", username="sam")
    sign_in(client, "sam")
    client.get("/learner/")
    built = []
    original = SecureCookieSessionInterface.get_signing_serializer

    def counted(self, flask_app):
        built.append(1)
        return original(self, flask_app)

    monkeypatch.setattr(SecureCookieSessionInterface, "get_signing_serializer", counted)
    for _ in range(3):
        assert client.get("/learner/").status_code == 200
    assert built == []
    app.secret_key = "another-secret"   # a new key: a new serializer, and the old cookie is refused
    response = client.get("/learner/")
    assert built == [1]
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_get_without_a_form_body_parses_no_form(app, client, make_user, monkeypatch):
    from flask import Request

    make_user("learner", username="sam")
    sign_in(client, "sam")
    parsed = []
    original = Request._load_form_data

    def counted(self):
        parsed.append(self.path)
        return original(self)

    monkeypatch.setattr(Request, "_load_form_data", counted)
    assert client.get("/learner/").status_code == 200
    assert parsed == []
    assert client.get("/learner/?q=a%00b").status_code == 400   # still refused in the query
    assert client.post("/logout", data={"csrf_token": "x\x00"}).status_code == 400   # and in a form


def test_security_headers_are_sent_once_and_a_views_own_are_kept(app, client, make_user):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    page = client.get("/learner/")
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                 "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cache-Control"):
        assert len(page.headers.getlist(name)) == 1, name
    assert page.headers["Cache-Control"] == "no-store"
    static = client.get("/static/css/app.css")
    assert "no-store" not in static.headers.get("Cache-Control", "")   # send_file's own caching header stays
    assert len(static.headers.getlist("Content-Security-Policy")) == 1
