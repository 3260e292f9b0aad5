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
