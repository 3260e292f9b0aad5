"""Stored and reflected XSS (issue 14's audit, kept as a test): 9 payloads typed into every text field a person
can store or have reflected (cohort name, full name, reply, feedback, moderation comment, logbook title and
reflection, logbook comment, join code, a sign-in username, the review filter), then every page that shows them is
read: the payload never appears as markup, only escaped."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from tests.conftest import STRONG_REPLY, csrf_from, sign_in

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "{{ 7*7 }}<b>{% raw %}",
    "</textarea><script>alert(1)</script>",
]
# Markup that would run or inject if a payload were printed unescaped.
DANGER = re.compile(r"<script>alert|<img src=x|<svg onload|<iframe srcdoc|<a href=\"javascript|<b>\{%|</textarea><script")


def client_for(app, username):
    client = app.test_client()
    assert sign_in(client, username).status_code == 302
    return client, csrf_from(client.get("/", follow_redirects=True).get_data(as_text=True))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_in_every_stored_text_field_is_escaped_on_every_page(app, make_user, demo_cohort, make_attempt,
                                                                        payload):
    from web.extensions import db
    from web.models import Cohort, LogbookEntry

    attempt = make_attempt(demo_cohort["learner"], reply=STRONG_REPLY + " " + payload)
    make_user("admin", username="xssadmin")
    admin, admin_token = client_for(app, "xssadmin")
    admin.post("/admin/users", data={"csrf_token": admin_token, "username": "xsslearner", "full_name": payload,
                                     "role": "learner", "password": "a-long-password"})
    tutor, tutor_token = client_for(app, "tutora")
    tutor.post("/tutor/cohorts", data={"csrf_token": tutor_token, "name": payload})
    tutor.post(f"/review/attempts/{attempt}/feedback", data={"csrf_token": tutor_token, "text": payload})
    tutor.post(f"/review/attempts/{attempt}/moderate", data={"csrf_token": tutor_token, "criterion": "hear",
                                                             "level": "0", "comment": payload})
    learner, learner_token = client_for(app, "learnera")
    learner.post(f"/logbook/new?attempt_id={attempt}&form=short", data={
        "csrf_token": learner_token, "title": payload, "went_well": payload, "even_better_if": payload})
    with app.app_context():
        entry = db.session.scalar(db.select(LogbookEntry.id))
        cohorts = db.session.scalars(db.select(Cohort.id)).all()
    assert entry is not None
    tutor.post(f"/logbook/entries/{entry}/comments", data={"csrf_token": tutor_token, "text": payload})
    reflected = [learner.post("/learner/join", data={"csrf_token": learner_token, "join_code": payload[:16]},
                              follow_redirects=True),
                 app.test_client().post("/login", data={"username": payload, "password": "x"}),
                 tutor.get("/review/?show=" + payload)]
    pages = {
        "admin home": admin.get("/admin/"),
        "tutor home": tutor.get("/tutor/"),
        **{f"cohort {c}": tutor.get(f"/tutor/cohorts/{c}") for c in cohorts},
        "review queue": tutor.get("/review/?show=all"),
        "review attempt": tutor.get(f"/review/attempts/{attempt}"),
        "tutor's logbook view": tutor.get(f"/logbook/learners/{demo_cohort['learner']}"),
        "logbook entry": tutor.get(f"/logbook/entries/{entry}"),
        "progress": tutor.get(f"/progress/learners/{demo_cohort['learner']}"),
        "weaknesses": tutor.get(f"/review/cohorts/{demo_cohort['cohort']}/weaknesses"),
        "learner home": learner.get("/learner/"),
        "result": learner.get(f"/practice/attempts/{attempt}/result"),
        "learner logbook": learner.get("/logbook/"),
        "learner entry": learner.get(f"/logbook/entries/{entry}"),
        **{f"reflected {i}": r for i, r in enumerate(reflected)},
    }
    shown = 0
    for name, response in pages.items():
        body = response.get_data(as_text=True)
        assert response.status_code < 500, name
        assert not DANGER.search(body), f"{name}: unescaped payload {payload!r}"
        shown += str(escape(payload)) in body
    assert shown >= 5, "the payload should be shown, escaped, on several pages"
