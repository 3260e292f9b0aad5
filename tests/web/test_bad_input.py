"""Bad input gets a clear 400 or 404 with a message, never a 500 (issue 14): ids past the database's integer
range in every <int:> route (found by walking the URL map) and in form and JSON fields, Unicode digits, wrong
JSON types, huge numbers, JSON nested 50,000 deep, lone surrogates and NUL characters, the admin's e-mail field,
and the 500 page itself after a database error. Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""
from __future__ import annotations

import html
import json
import re

import pytest

from tests.conftest import csrf_from, sign_in
from web.models import ROLES

TOKEN = "bad-input-test-token"
# Past PostgreSQL's integer (2^31), past SQLite's (2^63), and absurd.
TOO_BIG = (2**31, 2**63, 10**30)


@pytest.fixture
def app_config():
    return {"API_TOKENS": TOKEN}


def signed_in(app, make_user, role: str):
    make_user(role, username=f"bad{role}")
    client = app.test_client()
    assert sign_in(client, f"bad{role}").status_code == 302
    return client


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def int_routes(app):
    """Every rule with an <int:> argument: walked from the URL map, so a new route is covered the day it exists."""
    for rule in app.url_map.iter_rules():
        ints = [name for name, conv in rule._converters.items() if type(conv).__name__.endswith("IntConverter")
                or conv.regex == r"\d+"]
        if ints:
            yield rule, ints


def url_with(rule, value) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", str(value), rule.rule)


def test_the_url_map_has_the_int_routes_we_expect(app):
    endpoints = {rule.endpoint for rule, _ in int_routes(app)}
    assert len(endpoints) >= 20
    assert {"practice.workspace", "review.attempt", "exports.job_download", "admin.toggle"} <= endpoints


@pytest.mark.parametrize("role", ROLES)
def test_every_int_route_answers_404_to_an_id_past_the_database_range(app, make_user, role):
    client = signed_in(app, make_user, role)
    token = csrf_from(client.get("/", follow_redirects=True).get_data(as_text=True))
    tried = 0
    for rule, _names in int_routes(app):
        allowed = getattr(app.view_functions[rule.endpoint], "allowed_roles", ROLES)
        if role not in allowed:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for value in TOO_BIG:
                response = client.open(url_with(rule, value), method=method, data={"csrf_token": token})
                assert response.status_code == 404, f"{role} {method} {url_with(rule, value)} -> {response.status_code}"
                tried += 1
            # The largest id the database holds is looked up for real: missing, never a crash.
            response = client.open(url_with(rule, 2**31 - 1), method=method, data={"csrf_token": token})
            assert response.status_code in (403, 404), f"{role} {method} {rule.rule} -> {response.status_code}"
            tried += 1
    assert tried > 0


def test_the_issues_example_url_is_a_plain_404(app, make_user):
    client = signed_in(app, make_user, "learner")
    response = client.get("/practice/attempts/2147483648")
    assert response.status_code == 404
    assert "Page not found" in page(response)


# ------------------------------------------------------------------------------------------- form fields

@pytest.mark.parametrize("field, value", [
    ("seed", "²"), ("seed", "١٢"), ("seed", str(2**31)), ("seed", str(2**63)), ("seed", "-1"), ("seed", "1e3"),
    ("assignment_id", "²"), ("assignment_id", str(2**31)), ("assignment_id", str(2**63)),
])
def test_starting_practice_with_a_bad_seed_or_assignment_id_is_a_400_that_says_why(app, make_user, field, value):
    client = signed_in(app, make_user, "learner")
    token = csrf_from(client.get("/practice/").get_data(as_text=True))
    response = client.post("/practice/start", data={"csrf_token": token, "scenario_id": "late-parcel-x-public",
                                                    field: value})
    assert response.status_code == 400
    assert f"'{field}' must be a whole number" in page(response)


def test_a_good_seed_still_starts_practice(app, make_user):
    client = signed_in(app, make_user, "learner")
    token = csrf_from(client.get("/practice/").get_data(as_text=True))
    response = client.post("/practice/start", data={"csrf_token": token, "scenario_id": "late-parcel-x-public",
                                                    "seed": str(2**31 - 1)})
    assert response.status_code == 302 and "/practice/attempts/" in response.headers["Location"]


@pytest.mark.parametrize("seed", ["²", str(2**31), str(2**63), "-4"])
def test_a_tutor_setting_work_with_a_bad_seed_is_told_and_nothing_is_stored(app, client, login, csrf, demo_cohort,
                                                                           seed):
    from web.extensions import db
    from web.models import Assignment

    login("tutora")
    url = f"/tutor/cohorts/{demo_cohort['cohort']}"
    response = client.post(f"{url}/assignments", data={"csrf_token": csrf(url), "scenario_id": "late-parcel-x-public",
                                                       "mode": "practice", "seed": seed}, follow_redirects=True)
    assert response.status_code == 400
    assert "the seed, if given, is a whole number from 0 to 2147483647" in page(response).lower()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Assignment)) == 0


@pytest.mark.parametrize("value", [str(2**31), str(2**63), "²"])
def test_a_logbook_entry_on_an_attempt_id_past_the_range_is_a_400(app, make_user, value):
    client = signed_in(app, make_user, "learner")
    response = client.get(f"/logbook/new?attempt_id={value}")
    assert response.status_code == 400
    assert "'attempt_id' must be a whole number" in page(response)


# ----------------------------------------------------------------------------------------- the score API

def score(client, body, **headers):
    raw = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post("/api/v1/score", data=raw, content_type="application/json",
                       headers={"Authorization": f"Bearer {TOKEN}", **headers})


@pytest.mark.parametrize("extra, message", [
    ({"platform": ["twitter"]}, "'platform' must be a string"),
    ({"platform": {"twitter": 1}}, "'platform' must be a string"),
    ({"platform": 7}, "'platform' must be a string"),
    ({"channel": ["public"]}, "'channel' must be a string"),
    ({"customer_name": ["Jo"]}, "'customer_name' must be a string"),
    ({"customer_handle": {"a": 1}}, "'customer_handle' must be a string"),
    ({"customer": [1, 2]}, "'customer' must be"),
    ({"response_minutes": 10**400}, "'response_minutes' must be a number of minutes"),
    ({"response_minutes": 1e308}, "'response_minutes' must be a number of minutes"),
    ({"response_minutes": "12"}, "'response_minutes' must be a number of minutes"),
    ({"scenario": ["late-parcel-x-public"]}, "'scenario' must be a string"),
    ({"scenario": {"id": 1}}, "'scenario' must be a string"),
    ({"scenario": "late-parcel-x-public", "seed": 2**31}, "'seed' must be a whole number from 0"),
    ({"scenario": "late-parcel-x-public", "seed": 2**63}, "'seed' must be a whole number from 0"),
    ({"scenario": "late-parcel-x-public", "seed": 10**400}, "'seed' must be a whole number from 0"),
    ({"scenario": "late-parcel-x-public", "seed": -1}, "'seed' must be a whole number from 0"),
    ({"scenario": "late-parcel-x-public", "seed": "²"}, "'seed' must be a whole number"),
    ({"scenario": "late-parcel-x-public", "seed": [3]}, "'seed' must be a whole number"),
    ({"scenario": "triage-rail-morning"}, "is a triage exercise: it has no reply to score"),
])
def test_wrong_json_types_and_values_on_the_score_api_are_a_400_with_a_message(client, extra, message):
    response = score(client, {"reply": "Sorry about that, please DM us your order number.", **extra})
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert message in response.get_json()["error"]


@pytest.mark.parametrize("raw", ['{"reply": "hi", "response_minutes": NaN}',
                                 '{"reply": "hi", "response_minutes": Infinity}',
                                 '{"reply": "hi", "response_minutes": -Infinity}'])
def test_non_finite_minutes_are_a_400(client, raw):
    response = score(client, raw)
    assert response.status_code == 400 and "'response_minutes'" in response.get_json()["error"]


@pytest.mark.parametrize("raw", ["[" * 50_000 + "]" * 50_000,
                                 '{"reply": "hi", "x": ' + "[" * 50_000 + "]" * 50_000 + "}",
                                 '{"reply": "hi", "x": ' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}"])
def test_json_nested_50000_deep_is_a_400(client, raw):
    response = score(client, raw)
    assert response.status_code == 400
    assert "nested too deeply" in response.get_json()["error"]


def test_the_attempt_id_past_the_range_is_a_400_for_a_signed_in_learner(app, make_user):
    client = signed_in(app, make_user, "learner")
    token = csrf_from(client.get("/practice/").get_data(as_text=True))
    for value in (2**31, 2**63, -1):
        response = client.post("/api/v1/score", json={"reply": "hello there", "attempt_id": value},
                               headers={"X-CSRFToken": token})
        assert response.status_code == 400 and "'attempt_id' must be a whole number" in response.get_json()["error"]


# ------------------------------------------------------------------------------------ text that cannot be stored

def test_a_lone_surrogate_in_a_draft_is_a_400_and_nothing_is_stored(app, make_user):
    from web.extensions import db
    from web.models import Draft

    client = signed_in(app, make_user, "learner")
    token = csrf_from(client.get("/practice/").get_data(as_text=True))
    response = client.post("/api/v1/drafts", data='{"key": "logbook-new-short", "text": "caf\\ud800"}',
                           content_type="application/json", headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert "lone surrogate" in response.get_json()["error"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Draft)) == 0


def test_a_nul_in_a_draft_is_a_400(app, make_user):
    client = signed_in(app, make_user, "learner")
    token = csrf_from(client.get("/practice/").get_data(as_text=True))
    response = client.post("/api/v1/drafts", json={"key": "logbook-new-short", "text": "a\x00b"},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 400 and "NUL character" in response.get_json()["error"]


def test_a_nul_in_a_reply_to_score_is_a_400(client):
    response = score(client, {"reply": "Sorry\x00 about that"})
    assert response.status_code == 400 and "NUL character" in response.get_json()["error"]


@pytest.mark.parametrize("role, url, data", [
    ("tutor", "/tutor/cohorts", {"name": "Spring\x00 intake"}),
    ("learner", "/learner/join", {"join_code": "ABCD\x00EFG"}),
    ("learner", "/logbook/new", {"went_well": "I listened\x00", "form": "short"}),
    ("admin", "/admin/users", {"username": "newone", "full_name": "New\x00 One", "role": "learner",
                               "password": "a-long-password"}),
])
def test_a_nul_in_a_form_field_is_a_400_that_names_the_field_and_nothing_is_stored(app, make_user, role, url, data):
    from web.extensions import db
    from web.models import Cohort, LogbookEntry, User

    client = signed_in(app, make_user, role)
    token = csrf_from(client.get("/", follow_redirects=True).get_data(as_text=True))
    with app.app_context():
        before = [db.session.scalar(db.select(db.func.count()).select_from(t)) for t in (Cohort, LogbookEntry, User)]
    response = client.post(url, data={"csrf_token": token, **data})
    assert response.status_code == 400
    assert "contains a NUL character" in page(response)
    with app.app_context():
        after = [db.session.scalar(db.select(db.func.count()).select_from(t)) for t in (Cohort, LogbookEntry, User)]
    assert after == before


def test_a_nul_in_the_sign_in_form_is_a_400(app, make_user):
    make_user("learner", username="sam")
    client = app.test_client()
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"csrf_token": token, "username": "sam\x00", "password": "x"})
    assert response.status_code == 400 and "NUL character" in page(response)


def test_a_nul_in_the_query_string_is_a_400(app, make_user):
    client = signed_in(app, make_user, "tutor")
    response = client.get("/review/?show=all%00")
    assert response.status_code == 400 and "NUL character" in page(response)


# ----------------------------------------------------------------------------------------- admin, 500 page

def test_admin_creates_a_user_with_an_email_through_the_real_form(app, make_user):
    from web.extensions import db
    from web.models import User

    client = signed_in(app, make_user, "admin")
    token = csrf_from(client.get("/admin/").get_data(as_text=True))
    response = client.post("/admin/users", data={
        "csrf_token": token, "username": "withmail", "full_name": "With Mail", "role": "tutor",
        "email": "with.mail@example.ac.uk", "password": "a-long-password"})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(username="withmail")).email == "with.mail@example.ac.uk"


def test_admin_gets_a_clear_message_for_an_invalid_email(app, make_user):
    client = signed_in(app, make_user, "admin")
    token = csrf_from(client.get("/admin/").get_data(as_text=True))
    response = client.post("/admin/users", data={
        "csrf_token": token, "username": "badmail", "full_name": "Bad Mail", "role": "tutor",
        "email": "not-an-address", "password": "a-long-password"})
    assert response.status_code == 400
    assert "Invalid email address" in page(response)


@pytest.mark.parametrize("app_config", [{"PROPAGATE_EXCEPTIONS": False}])
def test_after_a_database_error_the_500_page_still_renders(app, make_user):
    """A view whose flush fails (a duplicate username) after a commit expired the signed-in user: the error page
    reads current_user in base.html, which needs the database. Without a rollback it raised PendingRollbackError."""
    from web.extensions import db
    from web.models import User

    def broken_view():
        db.session.commit()   # expires every loaded object, the signed-in user too
        db.session.add(User(username="badadmin", full_name="Twin", role="admin", password_hash="x"))
        db.session.flush()    # IntegrityError: the username is taken
        return "not reached"

    app.add_url_rule("/test-broken", "test_broken", broken_view)
    client = signed_in(app, make_user, "admin")
    response = client.get("/test-broken")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Something went wrong on our side" in body
    assert "Bad Admin" in body or "Admin Person" in body   # base.html read the user again after the rollback
