"""A tutor sets work with a due date, instructions and a choice of learners; everyone sees titles, never ids."""
import re

import pytest

from tests.conftest import sign_in
from web.extensions import db
from web.models import Assignment

SCENARIO = "late-parcel-x-public"


def _title(app, scenario_id=SCENARIO):
    from web.services.library import library
    with app.app_context():
        return library().get(scenario_id).title


def _set(client, csrf, cohort_id, **fields):
    data = {"scenario_id": SCENARIO, "mode": "assessed", "seed": "", "due": "", "instructions": "",
            "csrf_token": csrf(f"/tutor/cohorts/{cohort_id}"), **fields}
    return client.post(f"/tutor/cohorts/{cohort_id}/assignments", data=data, follow_redirects=True)


def test_a_tutor_sets_work_for_one_learner_with_a_due_date_and_instructions(app, client, login, csrf, demo_cohort):
    title = _title(app)
    login("tutora")
    page = _set(client, csrf, demo_cohort["cohort"], due="2026-12-18", learner_ids=[str(demo_cohort["learner"])],
                instructions="Reply as you would on shift.\nUse the refund policy.").get_data(as_text=True)
    assert f"{title} set for Learner Person" in page and "due 18 Dec 2026" in page
    assert SCENARIO not in page.split("<main")[-1].split("<select")[0]   # the confirmation and the list: no id
    with app.app_context():
        a = db.session.scalar(db.select(Assignment))
        assert a.due_at.date().isoformat() == "2026-12-18" and [l.id for l in a.learners] == [demo_cohort["learner"]]
        assert a.instructions.startswith("Reply as you would on shift.")

    chosen = app.test_client()
    sign_in(chosen, "learnera")
    home = chosen.get("/learner/").get_data(as_text=True)
    assert title in home and "due 18 Dec 2026" in home and "Use the refund policy." in home
    assert SCENARIO not in home
    other = app.test_client()
    sign_in(other, "learnerb")
    assert title not in other.get("/learner/").get_data(as_text=True)


def test_a_learner_not_chosen_cannot_start_the_work(app, client, login, csrf, demo_cohort):
    login("tutora")
    _set(client, csrf, demo_cohort["cohort"], learner_ids=[str(demo_cohort["learner"])])
    with app.app_context():
        assignment_id = db.session.scalar(db.select(Assignment.id))
    other = app.test_client()
    sign_in(other, "learnerb")
    token = re.search(r'name="csrf_token" value="([^"]+)"', other.get("/practice/").get_data(as_text=True)).group(1)
    page = other.post("/practice/start", data={"csrf_token": token, "assignment_id": assignment_id},
                      follow_redirects=True).get_data(as_text=True)
    assert "set for other learners" in page


def test_work_for_the_whole_cohort_reaches_every_learner(app, client, login, csrf, demo_cohort):
    title = _title(app)
    login("tutora")
    assert "set for Test cohort in assessed mode." in _set(client, csrf, demo_cohort["cohort"]).get_data(as_text=True)
    for username in ("learnera", "learnerb"):
        theirs = app.test_client()
        sign_in(theirs, username)
        assert title in theirs.get("/learner/").get_data(as_text=True)


@pytest.mark.parametrize("fields, message", [
    ({"due": "18/12/2026"}, "The due date must be a date such as 2026-12-31."),
    ({"scenario_id": "no-such-scenario"}, "Choose a scenario and a mode."),
    ({"seed": "twelve"}, "The seed, if given, is a whole number"),
    ({"instructions": "x" * 4001}, "Instructions can be at most 4000 characters."),
])
def test_bad_assignment_input_is_a_400_that_says_why(app, client, login, csrf, demo_cohort, fields, message):
    login("tutora")
    response = _set(client, csrf, demo_cohort["cohort"], **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Assignment.id))) == 0


def test_learners_of_another_cohort_cannot_be_chosen(app, client, login, csrf, demo_cohort):
    login("tutora")
    response = _set(client, csrf, demo_cohort["cohort"], learner_ids=[str(demo_cohort["outsider"])])
    assert response.status_code == 400 and "Choose learners from this cohort only." in response.get_data(as_text=True)


def test_another_tutor_cannot_set_work_for_the_cohort(app, client, login, csrf, demo_cohort):
    login("tutorb")
    response = client.post(f"/tutor/cohorts/{demo_cohort['cohort']}/assignments", data={
        "scenario_id": SCENARIO, "mode": "practice", "csrf_token": csrf("/tutor/")})
    assert response.status_code == 403


def test_a_live_chat_transcript_names_each_customer_not_their_id(app, client, login, demo_cohort, make_attempt):
    from web.models import Attempt, Message
    attempt_id = make_attempt(demo_cohort["learner"])
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.exercise_type = "live_chat"
        attempt.instance.data = dict(attempt.instance.data, customers=[
            {"id": "wheres-my-order", "persona": {"name": "Priya Shah"}}])
        attempt.messages.append(Message(thread="wheres-my-order", author="customer", text="Where is it?", turn=None))
        db.session.commit()
    login("tutora")
    page = client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert "chat with Priya Shah" in page and "chat wheres-my-order" not in page


@pytest.mark.slow
def test_the_attempt_pdf_names_the_scenario_by_its_title(app, client, login, demo_cohort, make_attempt):
    from tests.web.test_exports import pdf_text
    attempt_id = make_attempt(demo_cohort["learner"])
    login("tutora")
    text = " ".join(pdf_text(client.get(f"/exports/attempts/{attempt_id}.pdf").data).split())
    assert _title(app) in text and SCENARIO not in text
