"""The learner's result page keeps its rendered content per attempt and its versions (issue 17): a repeat view runs
one statement besides the signed-in user's, and whatever changes what the page shows (a moderation, a dispute and
its decision, a re-mark, the previous attempt's grade) shows on the next request; the kept content is only ever
served to its learner, with the current session's CSRF token."""
from __future__ import annotations

from tests.conftest import csrf_from, sign_in
from tests.web.test_common_path import csrf_signatures
from tests.web.test_page_work import statement_texts
from tests.web.test_rescore import as_if_old_scorer, played
from web.extensions import db
from web.fragments import fragments
from web.models import Attempt, Dispute, User
from web.services.marks import moderate
from web.services.rescoring import rescore


def result_page(client, attempt_id: int) -> str:
    response = client.get(f"/practice/attempts/{attempt_id}/result")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_repeat_result_page_runs_one_statement_besides_the_signed_in_user(app, client, login, demo_cohort,
                                                                          make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("learnera")
    first = statement_texts(app, client, f"/practice/attempts/{attempt_id}/result")
    again = statement_texts(app, client, f"/practice/attempts/{attempt_id}/result")
    assert len(again) == 2, again   # the user (session check) and the page's versions
    assert len(first) <= 9, first   # the whole page, once: no lazy load per disputes, moderations, re-marks


def test_a_moderation_shows_on_the_learners_result_page_at_once(app, client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("learnera")
    assert "moderated by your tutor" not in result_page(client, attempt_id)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        moderate(attempt, "tone_of_voice", "0", "Sarcastic in context.", db.session.get(User, demo_cohort["tutor"]))
        db.session.commit()
    page = result_page(client, attempt_id)
    assert "Grade: <span class=\"grade-word\">Refer</span>" in page and "moderated by your tutor" in page


def test_a_re_mark_shows_on_the_result_page_at_once(app, client, login, demo_cohort):
    attempt_id = played(app, demo_cohort["learner"])
    as_if_old_scorer(app, attempt_id)
    login("learnera")
    assert "Marked again" not in result_page(client, attempt_id)
    with app.app_context():
        record = rescore(db.session.get(Attempt, attempt_id))
        db.session.commit()
        assert record.changed
    assert "Marked again" in result_page(client, attempt_id)


def test_a_dispute_and_its_decision_show_at_once(app, client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"], reply="ok we will look")
    with app.app_context():
        db.session.get(Attempt, attempt_id).mode = "assessed"
        db.session.commit()
    login("learnera")
    page = result_page(client, attempt_id)
    assert "No disputes." in page
    client.post(f"/disputes/attempts/{attempt_id}", data={"criterion": "apologise", "level": "2",
                                                          "reason": "I did say sorry.", "csrf_token": csrf_from(page)})
    assert "I did say sorry." in result_page(client, attempt_id)
    with app.app_context():
        dispute = db.session.scalar(db.select(Dispute))
        dispute.status, dispute.outcome_comment = "rejected", "Not in your reply."
        dispute.tutor_id, dispute.outcome_level = demo_cohort["tutor"], dispute.disputed_level
        dispute.resolved_at = db.func.now()
        db.session.commit()
    assert "Not in your reply." in result_page(client, attempt_id)


def test_a_moderation_of_the_previous_attempt_changes_the_comparison_at_once(app, client, login, demo_cohort,
                                                                            make_attempt):
    earlier = make_attempt(demo_cohort["learner"])
    later = make_attempt(demo_cohort["learner"])
    login("learnera")
    assert "Your last attempt at this scenario" in result_page(client, later)
    with app.app_context():
        moderate(db.session.get(Attempt, earlier), "tone_of_voice", "0", "Sarcastic.",
                 db.session.get(User, demo_cohort["tutor"]))
        db.session.commit()
    assert "was graded Refer; this one is" in result_page(client, later)


def test_a_kept_result_page_is_never_served_to_another_learner(app, client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("learnera")
    result_page(client, attempt_id)
    with app.app_context():
        assert len(fragments()) == 1
    other = app.test_client()
    assert sign_in(other, "learnerb").status_code == 302
    assert other.get(f"/practice/attempts/{attempt_id}/result").status_code == 404


def test_a_kept_result_page_carries_the_current_sessions_csrf_token(app, client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("learnera")
    result_page(client, attempt_id)
    second = app.test_client()   # the same learner on another device: another session, another token
    assert sign_in(second, "learnera").status_code == 302
    page = result_page(second, attempt_id)
    with app.app_context():
        assert fragments().csrf_stand_in not in page
    retry_form = page[page.index(f'action="/practice/attempts/{attempt_id}/retry"'):]
    retried = second.post(f"/practice/attempts/{attempt_id}/retry", data={"variant": "same",
                                                                         "csrf_token": csrf_from(retry_form)})
    assert retried.status_code == 302 and "/practice/attempts/" in retried.headers["Location"]


def test_a_repeat_kept_page_signs_no_csrf_token_and_its_forms_still_submit(app, client, login, demo_cohort,
                                                                           make_attempt, monkeypatch):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("learnera")
    first = result_page(client, attempt_id)
    signed = csrf_signatures(monkeypatch)
    page = result_page(client, attempt_id)
    assert signed == []   # the session's kept token fills the kept fragment, as it does the sign-out form
    retry_form = page[page.index(f'action="/practice/attempts/{attempt_id}/retry"'):]
    assert csrf_from(retry_form) == csrf_from(first)
    retried = client.post(f"/practice/attempts/{attempt_id}/retry", data={"variant": "same",
                                                                         "csrf_token": csrf_from(retry_form)})
    assert retried.status_code == 302 and "/practice/attempts/" in retried.headers["Location"]
