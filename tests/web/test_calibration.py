"""Calibration: a lead picks attempts and tutors; each levels blind; then all compare with agreement."""
import re

import pytest

from tests.conftest import csrf_from, sign_in
from web.extensions import db
from web.models import Attempt, CalibrationEntry, CalibrationSession


def _client(app, username):
    client = app.test_client()
    assert sign_in(client, username).status_code == 302
    return client


def _make_lead(app, username="tutora"):
    from web.models import User
    with app.app_context():
        db.session.scalar(db.select(User).filter_by(username=username)).lead_tutor = True
        db.session.commit()


@pytest.fixture
def session_ids(app, demo_cohort, make_attempt, make_user):
    make_user("tutor", "tutorc")
    _make_lead(app)
    attempt_id = make_attempt(demo_cohort["learner"])
    lead = _client(app, "tutora")
    token = csrf_from(lead.get("/calibration/").get_data(as_text=True))
    response = lead.post("/calibration/", data={"title": "December standardisation", "attempt_ids": [attempt_id],
                                                "tutors": "tutorb, TUTORC", "csrf_token": token})
    assert response.status_code == 302
    session_id = int(re.search(r"/calibration/(\d+)", response.headers["Location"]).group(1))
    return {"session": session_id, "attempt": attempt_id}


def _levels(app, attempt_id, overrides=None):
    with app.app_context():
        scores = db.session.get(Attempt, attempt_id).scores
        out = {f"level-{s.criterion}": s.auto_level for s in scores}
    out.update(overrides or {})
    return out


def _submit(client, ids, levels, comment=""):
    url = f"/calibration/{ids['session']}/attempts/{ids['attempt']}"
    token = csrf_from(client.get(url).get_data(as_text=True))
    return client.post(url, data={**levels, "comment": comment, "csrf_token": token})


def test_levels_are_blind_until_saved_then_side_by_side_with_agreement(app, session_ids):
    ids = session_ids
    url = f"/calibration/{ids['session']}/attempts/{ids['attempt']}"
    with app.app_context():
        auto_hear = next(s.auto_level for s in db.session.get(Attempt, ids["attempt"]).scores if s.criterion == "hear")
    other = "1" if auto_hear != "1" else "0"
    a, b, c = (_client(app, u) for u in ("tutora", "tutorb", "tutorc"))
    blind = b.get(url).get_data(as_text=True)
    assert 'id="blind-form"' in blind and "calibration-compare" not in blind and "<mark" not in blind
    assert _submit(a, ids, _levels(app, ids["attempt"]), "Clear apology and action.").status_code == 302
    assert _submit(b, ids, _levels(app, ids["attempt"], {"level-hear": other})).status_code == 302
    page = a.get(url).get_data(as_text=True)
    assert "calibration-compare" in page and "Still to level it: Tutor Person" in page
    assert "blind-form" in c.get(url).get_data(as_text=True)     # c still has not seen the others
    _submit(c, ids, _levels(app, ids["attempt"], {"level-hear": other}), "Hear is only partly shown.")
    page = a.get(url).get_data(as_text=True)
    hear = page.split('data-criterion="hear"')[1].split("</tr>")[0]
    assert "<td>33%</td>" in hear and "<td>1 of 3</td>" in hear    # pairs: a-b no, a-c no, b-c yes
    empathise = page.split('data-criterion="empathise"')[1].split("</tr>")[0]
    assert "<td>100%</td>" in empathise and "<td>3 of 3</td>" in empathise
    assert "Clear apology and action." in page and "Hear is only partly shown." in page


def test_a_tutor_levels_once_and_must_give_every_level(app, session_ids):
    b = _client(app, "tutorb")
    levels = _levels(app, session_ids["attempt"])
    missing = dict(levels)
    missing.pop("level-hear")
    response = _submit(b, session_ids, missing)
    assert response.status_code == 400 and "Give a level for Hear." in response.get_data(as_text=True)
    assert _submit(b, session_ids, levels).status_code == 302
    again = _submit(b, session_ids, levels)
    assert again.status_code == 400 and "levelled this attempt already" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(CalibrationEntry.id))) == 1


def test_only_those_taking_part_see_the_session(app, session_ids, make_user):
    make_user("tutor", "outsidetutor")
    outsider = _client(app, "outsidetutor")
    assert outsider.get(f"/calibration/{session_ids['session']}").status_code == 403
    assert outsider.get(f"/calibration/{session_ids['session']}/attempts/{session_ids['attempt']}").status_code == 403
    assert _client(app, "assessora").get(f"/calibration/{session_ids['session']}").status_code == 403


def test_a_lead_can_pick_only_their_own_cohorts_attempts_and_real_tutors(app, demo_cohort, make_attempt):
    _make_lead(app)
    outsider_attempt = make_attempt(demo_cohort["outsider"])
    lead = _client(app, "tutora")
    token = csrf_from(lead.get("/calibration/").get_data(as_text=True))
    response = lead.post("/calibration/", data={"title": "x", "attempt_ids": [outsider_attempt],
                                                "tutors": "tutorb", "csrf_token": token})
    assert response.status_code == 400 and "of your own cohorts" in response.get_data(as_text=True)
    mine = make_attempt(demo_cohort["learner"])
    response = lead.post("/calibration/", data={"title": "x", "attempt_ids": [mine], "tutors": "learnera",
                                                "csrf_token": token})
    assert response.status_code == 400 and "other tutors by username" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(CalibrationSession.id))) == 0


def test_only_a_lead_tutor_sets_up_a_session_and_an_admin_makes_a_tutor_one(app, demo_cohort, make_attempt,
                                                                             make_user):
    from web.models import User
    attempt_id = make_attempt(demo_cohort["learner"])
    tutor = _client(app, "tutora")
    page = tutor.get("/calibration/").get_data(as_text=True)
    assert 'id="not-lead"' in page and 'action="/calibration/"' not in page
    form = {"title": "x", "attempt_ids": [attempt_id], "tutors": "tutorb", "csrf_token": csrf_from(page)}
    assert tutor.post("/calibration/", data=form).status_code == 403
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(CalibrationSession.id))) == 0

    make_user("admin", "boss")
    admin = _client(app, "boss")
    token = csrf_from(admin.get("/admin/").get_data(as_text=True))
    made = admin.post(f"/admin/users/{demo_cohort['tutor']}/lead", data={"lead": "1", "csrf_token": token},
                      follow_redirects=True).get_data(as_text=True)
    assert "tutora is now a lead tutor." in made and "(lead tutor)" in made
    refused = admin.post(f"/admin/users/{demo_cohort['assessor']}/lead", data={"lead": "1", "csrf_token": token},
                         follow_redirects=True).get_data(as_text=True)
    assert "assessora is not a tutor" in refused
    assert admin.post("/admin/users/999999/lead", data={"lead": "1", "csrf_token": token}).status_code == 404
    assert tutor.post(f"/admin/users/{demo_cohort['tutor']}/lead", data={"lead": "1", "csrf_token": form["csrf_token"]}
                      ).status_code == 403   # nobody but an admin makes a lead

    page = tutor.get("/calibration/").get_data(as_text=True)
    assert 'action="/calibration/"' in page and 'id="not-lead"' not in page
    assert tutor.post("/calibration/", data=form).status_code == 302
    # A tutor named in the session (not a lead) takes part, but sets up none of their own.
    other = _client(app, "tutorb")
    assert other.post("/calibration/", data={**form, "tutors": "tutora",
                                             "csrf_token": csrf_from(other.get("/calibration/").get_data(True))}
                      ).status_code == 403
    assert "x" in other.get("/calibration/").get_data(as_text=True)

    admin.post(f"/admin/users/{demo_cohort['tutor']}/lead", data={"lead": "0", "csrf_token": token})
    assert tutor.post("/calibration/", data=form).status_code == 403
    with app.app_context():
        assert db.session.get(User, demo_cohort["tutor"]).lead_tutor is False


def test_a_role_change_ends_being_a_lead_tutor(app, demo_cohort, make_user):
    from web.models import User
    from web.services.accounts import change_role
    make_user("admin", "boss")
    _make_lead(app, "tutorb")   # owns no cohort, so may change role
    with app.app_context():
        tutorb = db.session.scalar(db.select(User).filter_by(username="tutorb"))
        change_role(tutorb, "assessor", db.session.scalar(db.select(User).filter_by(username="boss")))
        assert tutorb.lead_tutor is False
