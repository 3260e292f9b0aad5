"""The reflective logbook, real interactions (anonymised before saving), tutor comments, and who may see what."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.web.learner.conftest import GOOD_REPLY


def _entries(app):
    from web.extensions import db
    from web.models import LogbookEntry
    with app.app_context():
        return [{"id": e.id, "kind": e.kind, "form": e.form, "fields": e.fields, "pcs": e.performance_criteria,
                 "customer": e.customer_text, "reply": e.reply_text, "result": e.result, "attempt": e.attempt_id,
                 "created": e.created_at} for e in db.session.scalars(select(LogbookEntry))]


@pytest.fixture
def finished(client, learner, start, page_token, state_of):
    attempt_id = start("tw-late-parcel")
    client.post(f"/practice/attempts/{attempt_id}/reply", data={
        "csrf_token": page_token(f"/practice/attempts/{attempt_id}"), "reply": GOOD_REPLY.format(first="Sam"),
        "channel": "public", "thread": "customer", "turn": 0})
    return attempt_id


def test_a_short_form_reflection_on_an_attempt_is_saved_with_criteria_and_time(app, client, finished, page_token):
    token = page_token(f"/logbook/new?attempt_id={finished}")
    response = client.post(f"/logbook/new?attempt_id={finished}&form=short", data={
        "csrf_token": token, "title": "Late parcel", "went_well": "I named the parcel.",
        "even_better_if": "I gave a time.", "next": "Sign off.", "pc": ["P3", "P11", "ZZ"]})
    assert response.status_code == 302
    [entry] = _entries(app)
    assert entry["attempt"] == finished and entry["pcs"] == ["P3", "P11"] and entry["created"] is not None
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "I named the parcel." in page and "P3 Show customers that their issue has been heard" in page and "<time" in page


def test_a_gibbs_reflection_has_the_six_stages(app, client, learner, page_token):
    page = client.get("/logbook/new?form=gibbs").get_data(as_text=True)
    for stage in ("Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"):
        assert stage in page
    client.post("/logbook/new?form=gibbs", data={"csrf_token": page_token("/logbook/new"), "description": "It went ok"})
    assert _entries(app)[0]["form"] == "gibbs"


def test_an_empty_reflection_is_refused(app, client, learner, page_token):
    page = client.post("/logbook/new", data={"csrf_token": page_token("/logbook/new")}).get_data(as_text=True)
    assert "Write at least one part" in page and _entries(app) == []


def test_a_real_interaction_is_anonymised_previewed_confirmed_and_scored(app, client, learner, page_token):
    token = page_token("/logbook/real")
    customer = "Hi, I'm Priya Shah, order #LV123456 never came. Call 07700 900123 or priya@example.com @priyas"
    reply = "Hi Priya, I'm sorry order LV123456 is late. DM us so we can look into this. -Sean"
    preview = client.post("/logbook/real", data={"csrf_token": token, "step": "preview", "customer": customer,
                                                 "reply": reply, "platform": "twitter"}).get_data(as_text=True)
    assert "Check the anonymised text" in preview and "Priya" not in preview and "07700" not in preview
    assert "Customer A" in preview and "[order ref 1]" in preview and "[phone 1]" in preview
    assert "priya@example.com" not in preview and "@priyas" not in preview and "Sean" not in preview
    assert _entries(app) == []   # nothing saved before confirmation
    unconfirmed = client.post("/logbook/real", data={"csrf_token": token, "step": "save", "customer": customer,
                                                     "reply": reply}).get_data(as_text=True)
    assert "Tick the box" in unconfirmed and _entries(app) == []
    response = client.post("/logbook/real", data={"csrf_token": token, "step": "save", "customer": customer,
                                                  "reply": reply, "confirm": "yes", "pc": ["P4"]})
    assert response.status_code == 302
    [entry] = _entries(app)
    assert entry["kind"] == "real" and entry["result"]["mode"] == "free"
    for secret in ("Priya", "Shah", "07700", "priya@example.com", "LV123456", "@priyas", "Sean"):
        assert secret not in entry["customer"] + entry["reply"]


def test_a_surname_the_gazetteer_misses_is_dropped_after_the_pseudonym():
    from web.interaction_anonymiser import anonymise_interaction
    customer, reply, _found = anonymise_interaction("Hi I'm Jo Bloggs, order #LV554433 is late", "Hi Jo, sorry.")
    assert "Bloggs" not in customer and "Jo " not in customer


def test_another_learner_cannot_read_an_entry(app, client, finished, page_token, make_user, login):
    token = page_token("/logbook/new")
    client.post("/logbook/new", data={"csrf_token": token, "went_well": "private thoughts"})
    entry_id = _entries(app)[0]["id"]
    client.post("/logout", data={"csrf_token": token})
    make_user("learner", username="otto")
    login("otto")
    assert client.get(f"/logbook/entries/{entry_id}").status_code == 404
    assert "private thoughts" not in client.get("/logbook/").get_data(as_text=True)


def test_the_learners_tutor_comments_and_another_tutor_is_refused(app, client, finished, page_token, make_user,
                                                                   login):
    from web.extensions import db
    from web.models import Cohort, User
    token = page_token("/logbook/new")
    client.post("/logbook/new", data={"csrf_token": token, "went_well": "Named the issue"})
    entry_id = _entries(app)[0]["id"]
    tutor_id = make_user("tutor", username="tess")
    make_user("tutor", username="tom")
    with app.app_context():
        cohort = Cohort(name="A", tutor_id=tutor_id)
        cohort.learners.append(db.session.scalar(select(User).where(User.username == "lena")))
        db.session.add(cohort)
        db.session.commit()
        learner_id = cohort.learners[0].id
    client.post("/logout", data={"csrf_token": token})
    login("tom")
    assert client.get(f"/logbook/entries/{entry_id}").status_code == 403
    assert client.get(f"/logbook/learners/{learner_id}").status_code == 403
    assert client.get(f"/progress/learners/{learner_id}").status_code == 403
    client.post("/logout", data={"csrf_token": page_token("/tutor/")})
    login("tess")
    listing = client.get(f"/logbook/learners/{learner_id}").get_data(as_text=True)
    assert "Logbook: " in listing and f"/logbook/entries/{entry_id}" in listing   # the list links each entry
    assert "Named the issue" in client.get(f"/logbook/entries/{entry_id}").get_data(as_text=True)
    tok = page_token(f"/logbook/entries/{entry_id}")
    client.post(f"/logbook/entries/{entry_id}/comments", data={"csrf_token": tok, "text": "Good <b>start</b>"})
    page = client.get(f"/logbook/entries/{entry_id}").get_data(as_text=True)
    assert "Good &lt;b&gt;start&lt;/b&gt;" in page and "Tutor comments" in page
    assert client.get(f"/progress/learners/{learner_id}").status_code == 200
