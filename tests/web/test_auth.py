"""Sign-in, sign-out, wrong passwords, rate limiting, CSRF and where each role lands."""
import pytest

from tests.conftest import csrf_from, sign_in

ROLE_HOMES = {"learner": "/learner/", "tutor": "/tutor/", "assessor": "/assessor/", "admin": "/admin/"}


@pytest.mark.parametrize("role", ROLE_HOMES)
def test_each_role_lands_on_its_own_home_page(client, make_user, role):
    make_user(role, username=f"the{role}")
    response = sign_in(client, f"the{role}")
    assert response.status_code == 302
    assert client.get("/").headers["Location"].endswith(ROLE_HOMES[role])
    assert client.get(ROLE_HOMES[role]).status_code == 200


def test_wrong_password_is_refused_with_a_clear_message(client, make_user):
    make_user("learner", username="jo")
    response = sign_in(client, "jo", "not-the-password")
    assert response.status_code == 401
    assert "do not match an active account" in response.get_data(as_text=True)
    assert client.get("/learner/").status_code == 302   # still signed out


def test_unknown_username_gets_the_same_message_as_a_wrong_password(client):
    response = sign_in(client, "nobody", "whatever-password")
    assert response.status_code == 401
    assert "do not match an active account" in response.get_data(as_text=True)


def test_deactivated_account_cannot_sign_in(app, client, make_user):
    from web.extensions import db
    from web.models import User

    uid = make_user("learner", username="gone")
    with app.app_context():
        db.session.get(User, uid).active = False
        db.session.commit()
    assert sign_in(client, "gone").status_code == 401


def test_passwords_are_stored_hashed(app, make_user):
    from web.extensions import db
    from web.models import User

    uid = make_user("tutor", username="hashme")
    with app.app_context():
        stored = db.session.get(User, uid).password_hash
    assert "hashme-password" not in stored
    assert stored.startswith(("scrypt:", "pbkdf2:"))


def test_sign_out_ends_the_session(client, make_user, login):
    make_user("learner", username="sam")
    login("sam")
    page = client.get("/learner/").get_data(as_text=True)
    response = client.post("/logout", data={"csrf_token": csrf_from(page)})
    assert response.status_code == 302
    assert client.get("/learner/").status_code == 302


def test_sign_out_without_csrf_token_does_not_sign_out(client, make_user, login):
    make_user("learner", username="sam")
    login("sam")
    assert client.post("/logout").status_code == 400
    assert client.get("/learner/").status_code == 200


def test_login_without_csrf_token_is_rejected(client, make_user):
    make_user("learner", username="sam")
    response = client.post("/login", data={"username": "sam", "password": "sam-password"})
    assert response.status_code == 400
    assert client.get("/learner/").status_code == 302


def test_form_post_with_a_forged_csrf_token_is_rejected(client, make_user, login):
    make_user("learner", username="sam")
    login("sam")
    response = client.post("/learner/join", data={"join_code": "ABCDEFGH", "csrf_token": "forged"})
    assert response.status_code == 400
    assert "expired or was sent from elsewhere" in response.get_data(as_text=True)


def test_sign_in_is_rate_limited_per_address(client, make_user):
    make_user("learner", username="sam")
    statuses = [sign_in(client, f"guess{i}", "wrong-password").status_code for i in range(6)]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429
    # The limit holds even for the right password until the window passes.
    assert sign_in(client, "sam").status_code == 429


def test_sign_in_is_rate_limited_per_username_across_addresses(app, make_user):
    make_user("learner", username="target")
    statuses = []
    for i in range(6):
        client = app.test_client()
        page = client.get("/login", environ_base={"REMOTE_ADDR": f"10.0.0.{i}"})
        statuses.append(client.post("/login", environ_base={"REMOTE_ADDR": f"10.0.0.{i}"}, data={
            "username": "target", "password": "wrong-password", "csrf_token": csrf_from(page.get_data(as_text=True))}
        ).status_code)
    assert statuses == [401] * 5 + [429]


def test_next_parameter_cannot_redirect_to_another_site(client, make_user):
    make_user("learner", username="sam")
    page = client.get("/login?next=https://evil.example.com/")
    response = client.post("/login?next=https://evil.example.com/", data={
        "username": "sam", "password": "sam-password", "csrf_token": csrf_from(page.get_data(as_text=True))})
    assert response.headers["Location"] == "/"


def test_next_parameter_returns_to_the_page_asked_for(client, make_user):
    make_user("learner", username="sam")
    page = client.get("/login?next=/learner/")
    response = client.post("/login?next=/learner/", data={
        "username": "sam", "password": "sam-password", "csrf_token": csrf_from(page.get_data(as_text=True))})
    assert response.headers["Location"] == "/learner/"


def test_session_cookie_is_httponly_and_samesite(client, make_user):
    make_user("learner", username="sam")
    response = sign_in(client, "sam")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def _set_cookie(response, name: str) -> str:
    return next(c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{name}="))


def _expires(cookie: str):
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(next(part.split("=", 1)[1] for part in cookie.split("; ")
                                      if part.startswith("Expires=")))


def sign_in_remembered(client, username: str, base_url: str = "http://localhost"):
    page = client.get("/login", base_url=base_url)
    # Over HTTPS Flask-WTF also wants a same-site Referer, as browsers send with Referrer-Policy: same-origin.
    return client.post("/login", base_url=base_url, headers={"Referer": f"{base_url}/login"}, data={
        "username": username, "password": f"{username}-password", "remember": "y",
        "csrf_token": csrf_from(page.get_data(as_text=True))})


def test_remember_me_cookie_is_httponly_samesite_and_lasts_remember_days(client, make_user):
    from datetime import datetime, timedelta, timezone

    make_user("learner", username="sam")
    cookie = _set_cookie(sign_in_remembered(client, "sam"), "remember_token")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie   # plain HTTP on a developer's machine
    left = _expires(cookie) - datetime.now(timezone.utc)
    assert timedelta(days=14) - timedelta(minutes=1) < left <= timedelta(days=14)


def test_remember_days_and_session_minutes_come_from_the_environment(monkeypatch, tmp_path):
    from datetime import timedelta

    from web.config import from_environment

    monkeypatch.setenv("REMEMBER_DAYS", "3")
    monkeypatch.setenv("SESSION_MINUTES", "30")
    config = from_environment(str(tmp_path))
    assert config["REMEMBER_COOKIE_DURATION"] == timedelta(days=3)
    assert config["PERMANENT_SESSION_LIFETIME"] == timedelta(minutes=30)


def test_sign_in_starts_a_session_that_expires_after_session_minutes(app, client, make_user):
    from datetime import datetime, timezone

    make_user("learner", username="sam")
    cookie = _set_cookie(sign_in(client, "sam"), "session")
    left = _expires(cookie) - datetime.now(timezone.utc)
    lifetime = app.permanent_session_lifetime
    assert lifetime - lifetime / 100 < left <= lifetime


@pytest.fixture
def clock(monkeypatch):
    """Move the clock that signs and checks session cookies forward: clock["ahead"] = seconds."""
    import time

    from itsdangerous.timed import TimestampSigner

    state = {"ahead": 0}
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) + state["ahead"])
    return state


def test_session_minutes_is_an_idle_timeout_renewed_by_each_request(app, client, make_user, clock):
    make_user("learner", username="sam")
    sign_in(client, "sam")
    lifetime = int(app.permanent_session_lifetime.total_seconds())
    clock["ahead"] = lifetime - 60
    assert client.get("/learner/").status_code == 200           # still signed in, and the session is renewed
    clock["ahead"] = 2 * lifetime - 120
    assert client.get("/learner/").status_code == 200           # only lifetime - 60 s since the last request
    clock["ahead"] = 3 * lifetime
    response = client.get("/learner/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]   # idle too long


def test_a_session_restored_from_the_remember_cookie_gets_the_idle_timeout_too(client, make_user):
    make_user("learner", username="sam")
    sign_in_remembered(client, "sam")
    client.delete_cookie("session")              # the browser was closed; only "keep me signed in" is left
    response = client.get("/learner/")
    assert response.status_code == 200
    assert "Expires=" in _set_cookie(response, "session")


@pytest.fixture
def production_client(app, database_url, monkeypatch, tmp_path):
    """The app as production starts it (APP_ENV=production), on the test database, over HTTPS."""
    from app import create_app

    for name, value in {"APP_ENV": "production", "SECRET_KEY": "a-long-random-production-secret-value",
                        "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path / "prod"),
                        "RATELIMIT_STORAGE_URI": "memory://"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    return create_app().test_client()


def test_production_cookies_are_secure_and_pages_send_hsts(production_client, make_user):
    make_user("learner", username="sam")
    response = sign_in_remembered(production_client, "sam", base_url="https://localhost")
    assert response.status_code == 302
    for name in ("session", "remember_token"):
        cookie = _set_cookie(response, name)
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie
    page = production_client.get("/learner/", base_url="https://localhost")
    assert page.status_code == 200
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_no_hsts_header_on_plain_http_development(client):
    assert "Strict-Transport-Security" not in client.get("/login").headers


def _failed_sign_ins_from(app, forwarded_for: list[str]) -> list[int]:
    """Wrong passwords for different usernames, all through one proxy at 10.0.0.1, each saying which client
    it forwards for."""
    statuses = []
    for i, address in enumerate(forwarded_for):
        client = app.test_client()
        environ = {"REMOTE_ADDR": "10.0.0.1"}
        headers = {"X-Forwarded-For": address}
        page = client.get("/login", environ_base=environ, headers=headers)
        statuses.append(client.post("/login", environ_base=environ, headers=headers, data={
            "username": f"guess{i}", "password": "wrong-password",
            "csrf_token": csrf_from(page.get_data(as_text=True))}).status_code)
    return statuses


@pytest.mark.parametrize("app_config", [{"PROXY_FIX": 1}])
def test_behind_a_proxy_with_proxy_fix_each_client_has_its_own_sign_in_limit(app):
    assert _failed_sign_ins_from(app, [f"203.0.113.{i}" for i in range(6)]) == [401] * 6


def test_without_proxy_fix_a_forwarded_address_is_ignored_so_it_cannot_dodge_the_limit(app):
    assert _failed_sign_ins_from(app, [f"203.0.113.{i}" for i in range(6)]) == [401] * 5 + [429]


def test_proxy_fix_and_sim_speed_come_from_the_environment(monkeypatch, tmp_path):
    from web.config import from_environment

    assert from_environment(str(tmp_path))["PROXY_FIX"] == 0
    assert from_environment(str(tmp_path))["SIM_SPEED"] == 1.0
    monkeypatch.setenv("PROXY_FIX", "1")
    monkeypatch.setenv("SIM_SPEED", "60")
    config = from_environment(str(tmp_path))
    assert config["PROXY_FIX"] == 1 and config["SIM_SPEED"] == 60.0
