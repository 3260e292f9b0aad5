"""Sessions that end (issue 14): old session and remember-me cookies are replayed, from the same browser and
from another, after signing out, after a password reset, after deactivation, after a role change, and after the
remember period (the clock is moved, never slept)."""
from __future__ import annotations

import time

import pytest

from tests.conftest import csrf_from, sign_in

UA = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}
OTHER_UA = {"User-Agent": "curl/8.5.0"}


@pytest.fixture
def clock(monkeypatch):
    """Move the clock that signs and checks session cookies and remember tokens: clock["ahead"] = seconds."""
    from itsdangerous.timed import TimestampSigner

    state = {"ahead": 0}
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) + state["ahead"])
    return state


def signed_in_browser(app, username: str, remember: bool = False, headers=UA):
    client = app.test_client()
    page = client.get("/login", headers=headers)
    data = {"username": username, "password": f"{username}-password", "csrf_token": csrf_from(page.get_data(as_text=True))}
    if remember:
        data["remember"] = "y"
    assert client.post("/login", data=data, headers=headers).status_code == 302
    assert client.get("/learner/", headers=headers).status_code == 200
    return client


def cookie(client, name: str) -> str:
    found = client.get_cookie(name)
    assert found is not None, f"no {name} cookie"
    return found.value


def replay(app, headers=UA, **cookies):
    """A fresh browser holding only the given cookies (an attacker with a copy): can it open the learner's home?"""
    client = app.test_client()
    for name, value in cookies.items():
        client.set_cookie(name, value)
    return client.get("/learner/", headers=headers).status_code


def sign_out(client, headers=UA):
    token = csrf_from(client.get("/learner/", headers=headers).get_data(as_text=True))
    assert client.post("/logout", data={"csrf_token": token}, headers=headers).status_code == 302


@pytest.fixture
def learner(make_user):
    return make_user("learner", username="sam")


@pytest.fixture
def admin(app, make_user):
    make_user("admin", username="boss")
    client = app.test_client()
    assert sign_in(client, "boss").status_code == 302
    return client


def admin_post(admin, url: str, **data):
    token = csrf_from(admin.get("/admin/").get_data(as_text=True))
    return admin.post(url, data={"csrf_token": token, **data})


def test_a_copied_session_cookie_works_while_signed_in_from_the_same_browser(app, learner):
    browser = signed_in_browser(app, "sam")
    assert replay(app, session=cookie(browser, "session")) == 200


def test_a_session_survives_a_change_of_address_in_the_same_browser(app, learner):
    """Phones change address between networks; the session is bound to the browser, not the address."""
    browser = signed_in_browser(app, "sam")
    assert browser.get("/learner/", headers=UA, environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code == 200


def test_a_session_cookie_copied_to_another_browser_is_refused(app, learner):
    browser = signed_in_browser(app, "sam")
    assert replay(app, headers=OTHER_UA, session=cookie(browser, "session")) == 302
    assert browser.get("/learner/", headers=UA).status_code == 200   # the owner is still signed in


@pytest.mark.parametrize("headers", [UA, OTHER_UA], ids=["same-browser", "other-browser"])
def test_after_sign_out_a_replayed_session_cookie_is_refused(app, learner, headers):
    browser = signed_in_browser(app, "sam")
    copied = cookie(browser, "session")
    sign_out(browser)
    assert replay(app, headers=headers, session=copied) == 302


@pytest.mark.parametrize("headers", [UA, OTHER_UA], ids=["same-browser", "other-browser"])
def test_after_sign_out_a_replayed_remember_cookie_is_refused(app, learner, headers):
    browser = signed_in_browser(app, "sam", remember=True)
    copied = cookie(browser, "remember_token")
    assert replay(app, headers=headers, remember_token=copied) == 200   # it works before signing out
    sign_out(browser)
    assert replay(app, headers=headers, remember_token=copied) == 302
    assert replay(app, headers=headers, remember_token=copied, session=cookie(browser, "session")) == 302


def test_sign_out_ends_the_accounts_sessions_on_every_device(app, learner):
    phone, laptop = signed_in_browser(app, "sam"), signed_in_browser(app, "sam", remember=True)
    sign_out(phone)
    assert laptop.get("/learner/", headers=UA).status_code == 302


def test_the_remember_token_differs_at_every_sign_in(app, learner):
    first = cookie(signed_in_browser(app, "sam", remember=True), "remember_token")
    second = cookie(signed_in_browser(app, "sam", remember=True), "remember_token")
    assert first != second
    assert replay(app, remember_token=first) == 200 and replay(app, remember_token=second) == 200


def test_after_a_password_reset_old_sessions_and_remember_cookies_are_refused(app, learner, admin):
    browser = signed_in_browser(app, "sam", remember=True)
    session, remember = cookie(browser, "session"), cookie(browser, "remember_token")
    response = admin_post(admin, f"/admin/users/{learner}/password", password="a-brand-new-password")
    assert response.status_code == 302
    assert browser.get("/learner/", headers=UA).status_code == 302
    assert replay(app, session=session) == 302
    assert replay(app, remember_token=remember) == 302
    assert sign_in(app.test_client(), "sam", "a-brand-new-password").status_code == 302


def test_after_deactivation_and_reactivation_old_cookies_stay_dead(app, learner, admin):
    browser = signed_in_browser(app, "sam", remember=True)
    session, remember = cookie(browser, "session"), cookie(browser, "remember_token")
    admin_post(admin, f"/admin/users/{learner}/toggle")          # deactivated
    assert replay(app, session=session) == 302 and replay(app, remember_token=remember) == 302
    admin_post(admin, f"/admin/users/{learner}/toggle")          # reactivated: the old cookies do not come back
    assert replay(app, session=session) == 302 and replay(app, remember_token=remember) == 302
    assert sign_in(app.test_client(), "sam").status_code == 302


def test_after_a_role_change_old_cookies_are_refused(app, learner, admin):
    browser = signed_in_browser(app, "sam", remember=True)
    session, remember = cookie(browser, "session"), cookie(browser, "remember_token")
    admin_post(admin, f"/admin/users/{learner}/role", role="assessor")
    assert replay(app, session=session) == 302 and replay(app, remember_token=remember) == 302


def test_the_remember_token_expires_on_the_server_after_the_remember_period(app, learner, clock):
    browser = signed_in_browser(app, "sam", remember=True)
    remember = cookie(browser, "remember_token")
    period = int(app.config["REMEMBER_COOKIE_DURATION"].total_seconds())
    clock["ahead"] = period - 60
    assert replay(app, remember_token=remember) == 200       # a browser that kept the cookie: still valid
    clock["ahead"] = period + 60
    assert replay(app, remember_token=remember) == 302       # the cookie's own expiry is not what stops it


def test_a_refused_remember_cookie_is_cleared_in_the_browser(app, learner):
    browser = signed_in_browser(app, "sam", remember=True)
    remember = cookie(browser, "remember_token")
    sign_out(browser)
    client = app.test_client()
    client.set_cookie("remember_token", remember)
    client.get("/learner/", headers=UA)
    assert client.get_cookie("remember_token") is None


def test_a_remember_cookie_in_the_old_id_and_hmac_form_is_refused(app, learner):
    from flask_login.utils import encode_cookie

    with app.test_request_context():
        old_style = encode_cookie(str(learner))       # what Flask-Login issued before: "id|HMAC(id)", forever
    assert replay(app, remember_token=old_style) == 302


def test_a_forged_remember_token_is_refused(app, learner):
    from itsdangerous import URLSafeTimedSerializer

    forged = URLSafeTimedSerializer("not-the-secret", salt="remember-me").dumps({"s": f"{learner}:1", "n": "x"})
    assert replay(app, remember_token=forged) == 302
