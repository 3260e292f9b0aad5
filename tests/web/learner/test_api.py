"""POST /api/v1/score and POST /api/v1/drafts: JSON in, JSON out, clear 400s, session auth plus CSRF header."""
from __future__ import annotations

import pytest


@pytest.fixture
def api(client, learner, page_token):
    token = page_token("/practice/")

    def post(url: str, payload=None, *, raw=None, csrf=True, content_type="application/json"):
        headers = {"X-CSRFToken": token} if csrf else {}
        if raw is not None:
            return client.post(url, data=raw, headers=headers, content_type=content_type)
        return client.post(url, json=payload, headers=headers)
    return post


def test_score_free_mode_returns_every_criterion_and_a_grade(api):
    response = api("/api/v1/score", {"customer": "My parcel is three days late!", "platform": "twitter",
                                     "reply": "Hi, I'm sorry your parcel is late. Please DM us so we can look "
                                              "into this for you today. ^JS", "response_minutes": 12})
    assert response.status_code == 200
    body = response.get_json()
    assert body["grade"] in ("Refer", "Pass", "Merit", "Distinction")
    assert {"hear", "apologise", "data_protection", "timeliness"} <= set(body["criteria"])
    assert body["mode"] == "free"


def test_score_scenario_mode_uses_the_scenario(api):
    response = api("/api/v1/score", {"scenario": "tw-late-parcel", "seed": 3, "reply": "Sorry about the delay."})
    assert response.status_code == 200 and response.get_json()["mode"] == "scenario"


@pytest.mark.parametrize("payload, message", [
    ({}, "'reply' is missing"),
    ({"reply": ""}, "'reply' is empty"),
    ({"reply": "   "}, "'reply' is empty"),
    ({"reply": 42}, "must be a string"),
    ({"reply": "x" * 5001}, "at most 5000"),
    ({"reply": "hi", "platform": "myspace"}, "Unknown platform"),
    ({"reply": "hi", "scenario": "no-such-scenario"}, "Unknown scenario"),
    ({"reply": "hi", "response_minutes": -3}, "response_minutes"),
    ({"reply": "hi", "customer": {"a": 1}}, "'customer' must be"),
    ({"reply": "hi", "attempt_id": "7"}, "attempt_id"),
    ({"reply": "hi", "channel": "email"}, "'channel' must be public, private or chat"),
    ({"reply": "hi", "platform": "twitter", "channel": "chat"}, "no 'chat' channel"),
    ({"reply": "hi", "scenario": "tw-late-parcel", "seed": "3"}, "'seed' must be a whole number"),
    ({"reply": "hi", "scenario": "tw-late-parcel", "seed": 2.5}, "'seed' must be a whole number"),
    ({"reply": "hi", "scenario": "tw-late-parcel", "seed": True}, "'seed' must be a whole number"),
])
def test_score_rejects_bad_input_with_a_clear_400(api, payload, message):
    response = api("/api/v1/score", payload)
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_score_rejects_a_body_that_is_not_json(api):
    response = api("/api/v1/score", raw="reply=hello", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "JSON object" in response.get_json()["error"]
    response = api("/api/v1/score", raw="{not json", content_type="application/json")
    assert response.status_code == 400
    response = api("/api/v1/score", ["a list"])
    assert response.status_code == 400


def test_score_needs_the_csrf_header_for_a_cookie_session(api):
    response = api("/api/v1/score", {"reply": "hi"}, csrf=False)
    assert response.status_code == 400 and "CSRF" in response.get_json()["error"]


def test_score_and_drafts_answer_401_json_when_signed_out(client):
    for url in ("/api/v1/score", "/api/v1/drafts"):
        response = client.post(url, json={"reply": "hi"})
        assert response.status_code == 401 and "error" in response.get_json()


def test_any_signed_in_role_may_score(client, make_user, login, page_token):
    make_user("tutor", username="tess")
    login("tess")
    token = page_token("/tutor/")
    response = client.post("/api/v1/score", json={"customer": "Where is my refund?", "reply": "Sorry, I'll check."},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 200


def test_the_coach_scores_the_learners_own_attempt_only(app, client, api, start, make_user, login, page_token):
    attempt_id = start("tw-late-parcel")
    ok = api("/api/v1/score", {"attempt_id": attempt_id, "thread": "customer", "channel": "public",
                               "reply": "Sorry your air fryer is late, I'll chase it."})
    assert ok.status_code == 200 and "criteria" in ok.get_json()
    bad_channel = api("/api/v1/score", {"attempt_id": attempt_id, "thread": "customer", "channel": "chat",
                                        "reply": "hello"})
    assert bad_channel.status_code == 400
    client.post("/logout", data={"csrf_token": page_token("/practice/")})
    make_user("learner", username="otto")
    login("otto")
    other = client.post("/api/v1/score", json={"attempt_id": attempt_id, "reply": "hi"},
                        headers={"X-CSRFToken": page_token("/practice/")})
    assert other.status_code == 404


def test_the_coach_is_off_in_assessed_mode(app, api, start):
    from web.extensions import db
    from web.models import Attempt
    attempt_id = start("tw-late-parcel")
    with app.app_context():
        db.session.get(Attempt, attempt_id).mode = "assessed"
        db.session.commit()
    response = api("/api/v1/score", {"attempt_id": attempt_id, "thread": "customer", "channel": "public",
                                     "reply": "Sorry"})
    assert response.status_code == 403 and "assessed" in response.get_json()["error"]


def test_drafts_are_saved_and_come_back_in_the_workspace(client, api, start):
    attempt_id = start("tw-late-parcel")
    key = f"attempt-{attempt_id}-customer-0"
    response = api("/api/v1/drafts", {"key": key, "text": "Hi Sam, so sorry <b>about</b> this"})
    assert response.status_code == 200 and response.get_json()["saved"] is True
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert "Hi Sam, so sorry &lt;b&gt;about&lt;/b&gt; this</textarea>" in page


@pytest.mark.parametrize("payload", [{"key": "Bad Key!", "text": "x"}, {"key": "ok-key", "text": 5},
                                     {"key": "ok-key", "text": "x" * 20_001}, {"text": "x"}])
def test_drafts_reject_bad_input(api, payload):
    assert api("/api/v1/drafts", payload).status_code == 400


def test_drafts_belong_to_their_author(app, client, api, make_user, login, page_token):
    api("/api/v1/drafts", {"key": "logbook-new-short:went_well", "text": "mine"})
    client.post("/logout", data={"csrf_token": page_token("/practice/")})
    make_user("learner", username="otto")
    login("otto")
    page = client.get("/logbook/new").get_data(as_text=True)
    assert ">mine</textarea>" not in page


def test_another_system_scores_with_an_api_token_and_no_session(app, client):
    app.config["API_TOKENS"] = "first-token, second-token"
    response = client.post("/api/v1/score", json={"customer": "My parcel is late", "reply": "Sorry your parcel is late",
                                                  "platform": "twitter"},
                           headers={"Authorization": "Bearer second-token"})
    assert response.status_code == 200
    assert response.get_json()["criteria"]["apologise"]["level"] == 2


def test_a_wrong_api_token_is_refused(app, client):
    app.config["API_TOKENS"] = "first-token"
    response = client.post("/api/v1/score", json={"reply": "Hello"}, headers={"Authorization": "Bearer guess"})
    assert response.status_code == 401 and "not valid" in response.get_json()["error"]


def test_no_tokens_configured_means_no_token_access(app, client):
    app.config["API_TOKENS"] = ""
    response = client.post("/api/v1/score", json={"reply": "Hello"}, headers={"Authorization": "Bearer "})
    assert response.status_code == 401


def test_an_api_token_cannot_reach_an_attempt(app, client):
    app.config["API_TOKENS"] = "first-token"
    response = client.post("/api/v1/score", json={"reply": "Hello", "attempt_id": 1},
                           headers={"Authorization": "Bearer first-token"})
    assert response.status_code == 400 and "signed-in learner" in response.get_json()["error"]


def test_scenario_mode_does_not_mark_an_assessed_attempt_the_learner_has_open(app, api, start):
    from web.extensions import db
    from web.models import Attempt
    attempt_id = start("tw-late-parcel", 3)
    with app.app_context():
        db.session.get(Attempt, attempt_id).mode = "assessed"
        db.session.commit()
    refused = api("/api/v1/score", {"scenario": "tw-late-parcel", "seed": 3, "reply": "Sorry about the delay."})
    assert refused.status_code == 403 and "free mode" in refused.get_json()["error"]
    assert "criteria" not in refused.get_json()
    other_seed = api("/api/v1/score", {"scenario": "tw-late-parcel", "seed": 4, "reply": "Sorry about the delay."})
    assert other_seed.status_code == 200
    free = api("/api/v1/score", {"customer": "My air fryer is late", "reply": "Sorry about the delay."})
    assert free.status_code == 200 and free.get_json()["mode"] == "free"


def test_scenario_mode_does_not_mark_an_assessed_assignment_until_it_is_submitted(app, api, start, make_user,
                                                                                   client, page_token):
    import re

    from web.extensions import db
    from web.models import Assignment, Cohort, User
    tutor_id = make_user("tutor", username="tess")
    with app.app_context():
        cohort = Cohort(name="Group A", tutor_id=tutor_id)
        cohort.learners.append(db.session.scalar(db.select(User).filter_by(username="lena")))
        db.session.add(cohort)
        db.session.flush()
        a = Assignment(cohort_id=cohort.id, scenario_id="tw-late-parcel", seed=42, mode="assessed",
                       created_by_id=tutor_id)
        db.session.add(a)
        db.session.commit()
        assignment_id = a.id
    payload = {"scenario": "tw-late-parcel", "seed": 42, "reply": "Sorry about the delay."}
    assert api("/api/v1/score", payload).status_code == 403   # set, not started yet
    response = client.post("/practice/start", data={"csrf_token": page_token(), "assignment_id": assignment_id})
    attempt_id = int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))
    assert api("/api/v1/score", payload).status_code == 403   # started, not submitted
    client.post(f"/practice/attempts/{attempt_id}/reply", data={
        "csrf_token": page_token(f"/practice/attempts/{attempt_id}"), "reply": "Sorry about the delay, I'll chase it.",
        "channel": "public", "thread": "customer", "turn": 0})
    assert api("/api/v1/score", payload).status_code == 200   # submitted: the marking is on the result page anyway


def test_api_tokens_keep_scenario_mode(app, client):
    app.config["API_TOKENS"] = "system-token-1"
    response = client.post("/api/v1/score", json={"scenario": "tw-late-parcel", "seed": 42, "reply": "Sorry!"},
                           headers={"Authorization": "Bearer system-token-1"})
    assert response.status_code == 200 and response.get_json()["mode"] == "scenario"
