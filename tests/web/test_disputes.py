"""A learner disputes a level on an assessed attempt; the tutor accepts, partly accepts or rejects it."""
import pytest

from tests.conftest import sign_in
from web.extensions import db
from web.models import Attempt, Dispute

WEAK = "ok we will look"   # no apology, no action: several criteria at 0


@pytest.fixture
def assessed(app, demo_cohort, make_attempt):
    def make(learner="learner", reply=WEAK, mode="assessed"):
        attempt_id = make_attempt(demo_cohort[learner], reply=reply)
        with app.app_context():
            db.session.get(Attempt, attempt_id).mode = mode
            db.session.commit()
        return attempt_id
    return make


def _client(app, username):
    client = app.test_client()
    assert sign_in(client, username).status_code == 302
    return client


def _token(client, url):
    import re
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(url, follow_redirects=True).get_data(as_text=True)).group(1)


def _dispute(client, attempt_id, criterion="apologise", level="2", reason="I said sorry in my first line."):
    token = _token(client, f"/practice/attempts/{attempt_id}/result")
    return client.post(f"/disputes/attempts/{attempt_id}", data={
        "criterion": criterion, "level": level, "reason": reason, "csrf_token": token})


def _decide(client, attempt_id, dispute_id, outcome, comment="Checked against the guide.", level=""):
    token = _token(client, f"/review/attempts/{attempt_id}")
    return client.post(f"/disputes/{dispute_id}/resolve", data={
        "outcome": outcome, "comment": comment, "level": level, "csrf_token": token})


def _score(app, attempt_id, criterion):
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        s = next(s for s in attempt.scores if s.criterion == criterion)
        return s.auto_level, s.moderated_level, attempt.final_grade, [m.comment for m in attempt.moderations]


def _a_zero(app, attempt_id):
    with app.app_context():
        return next(s.criterion for s in db.session.get(Attempt, attempt_id).scores
                    if s.auto_level == "0" and s.criterion != "data_protection")


def test_a_learner_disputes_and_the_tutor_accepts_which_moderates_the_level(app, demo_cohort, assessed):
    attempt_id = assessed()
    criterion = _a_zero(app, attempt_id)
    learner = _client(app, "learnera")
    assert _dispute(learner, attempt_id, criterion, "2").status_code == 302
    page = learner.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "I said sorry in my first line." in page and "waiting for the tutor" in page
    with app.app_context():
        dispute = db.session.scalar(db.select(Dispute))
        assert (dispute.status, dispute.disputed_level, dispute.requested_level) == ("open", "0", "2")
        dispute_id = dispute.id

    tutor = _client(app, "tutora")
    assert "I said sorry in my first line." in tutor.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    grade_before = _score(app, attempt_id, criterion)[2]
    assert _decide(tutor, attempt_id, dispute_id, "accepted", "You did apologise.").status_code == 302
    auto, moderated, grade, comments = _score(app, attempt_id, criterion)
    assert (auto, moderated) == ("0", "2")
    assert comments == ["Dispute accepted: You did apologise."]
    with app.app_context():
        from web.services.marks import moderated_grade
        assert grade == moderated_grade(db.session.get(Attempt, attempt_id))[0]
    assert grade_before is not None
    page = learner.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "Accepted" in page and "You did apologise." in page


def test_partly_accepting_sets_a_level_between_the_two(app, demo_cohort, assessed):
    attempt_id = assessed()
    criterion = _a_zero(app, attempt_id)
    _dispute(_client(app, "learnera"), attempt_id, criterion, "2")
    with app.app_context():
        dispute_id = db.session.scalar(db.select(Dispute.id))
    tutor = _client(app, "tutora")
    refused = _decide(tutor, attempt_id, dispute_id, "partly_accepted", level="2")
    assert refused.status_code == 400 and "between the disputed level" in refused.get_data(as_text=True)
    assert _decide(tutor, attempt_id, dispute_id, "partly_accepted", "Partly there.", level="1").status_code == 302
    assert _score(app, attempt_id, criterion)[:2] == ("0", "1")
    with app.app_context():
        assert db.session.get(Dispute, dispute_id).status == "partly_accepted"


def test_rejecting_keeps_the_level_and_records_no_moderation(app, demo_cohort, assessed):
    attempt_id = assessed()
    criterion = _a_zero(app, attempt_id)
    _dispute(_client(app, "learnera"), attempt_id, criterion, "2")
    with app.app_context():
        dispute_id = db.session.scalar(db.select(Dispute.id))
    tutor = _client(app, "tutora")
    assert _decide(tutor, attempt_id, dispute_id, "rejected", "No apology in the reply.").status_code == 302
    assert _score(app, attempt_id, criterion)[1] is None
    assert _score(app, attempt_id, criterion)[3] == []
    again = _decide(tutor, attempt_id, dispute_id, "accepted")
    assert again.status_code == 400 and "already been decided" in again.get_data(as_text=True)


@pytest.mark.parametrize("kwargs, message", [
    ({"reason": "  "}, "Say why you disagree."),
    ({"level": "7"}, "Choose the level you think it should be"),
    ({"criterion": "no_such"}, "Choose a criterion of this attempt."),
])
def test_a_dispute_without_what_it_needs_is_a_400(app, demo_cohort, assessed, kwargs, message):
    attempt_id = assessed()
    response = _dispute(_client(app, "learnera"), attempt_id, **{"criterion": _a_zero(app, attempt_id), **kwargs})
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_practice_attempts_and_a_second_open_dispute_are_refused(app, demo_cohort, assessed):
    learner = _client(app, "learnera")
    practice = assessed(mode="practice")
    response = _dispute(learner, practice, _a_zero(app, practice))
    assert response.status_code == 400 and "Only a submitted assessed attempt" in response.get_data(as_text=True)
    attempt_id = assessed()
    criterion = _a_zero(app, attempt_id)
    assert _dispute(learner, attempt_id, criterion).status_code == 302
    second = _dispute(learner, attempt_id, criterion)
    assert second.status_code == 400 and "already disputed" in second.get_data(as_text=True)


def test_nobody_else_disputes_or_decides(app, demo_cohort, assessed, make_user):
    attempt_id = assessed()
    other = _client(app, "learnerb")
    token = _token(other, "/learner/")
    assert other.post(f"/disputes/attempts/{attempt_id}", data={
        "criterion": "apologise", "level": "2", "reason": "x", "csrf_token": token}).status_code == 404
    _dispute(_client(app, "learnera"), attempt_id, _a_zero(app, attempt_id))
    with app.app_context():
        dispute_id = db.session.scalar(db.select(Dispute.id))
    for username in ("tutorb", "assessora"):   # another cohort's tutor; an assessor cannot change levels
        client = _client(app, username)
        token = _token(client, "/")
        response = client.post(f"/disputes/{dispute_id}/resolve", data={
            "outcome": "accepted", "comment": "x", "csrf_token": token})
        assert response.status_code == 403, username
    with app.app_context():
        assert db.session.get(Dispute, dispute_id).status == "open"


def test_each_sees_only_their_own_disputes_in_the_list(app, demo_cohort, assessed):
    mine, theirs = assessed("learner"), assessed("other_learner")
    _dispute(_client(app, "learnera"), mine, _a_zero(app, mine), reason="Mine, about my reply.")
    _dispute(_client(app, "learnerb"), theirs, _a_zero(app, theirs), reason="Theirs, about their reply.")
    page = _client(app, "learnera").get("/disputes/").get_data(as_text=True)
    assert f"/practice/attempts/{mine}/result" in page and f"/attempts/{theirs}" not in page
    tutor_page = _client(app, "tutora").get("/disputes/").get_data(as_text=True)
    assert f"/review/attempts/{mine}" in tutor_page and f"/review/attempts/{theirs}" in tutor_page
    assert "/review/attempts/" not in _client(app, "tutorb").get("/disputes/").get_data(as_text=True)


@pytest.mark.slow
def test_the_attempt_pdf_carries_the_dispute_and_its_decision(app, demo_cohort, assessed):
    from tests.web.test_exports import pdf_text
    attempt_id = assessed()
    criterion = _a_zero(app, attempt_id)
    _dispute(_client(app, "learnera"), attempt_id, criterion, "2", reason="I offered to check the tracking.")
    with app.app_context():
        dispute_id = db.session.scalar(db.select(Dispute.id))
    tutor = _client(app, "tutora")
    _decide(tutor, attempt_id, dispute_id, "rejected", "The reply made no offer.")
    text = " ".join(pdf_text(tutor.get(f"/exports/attempts/{attempt_id}.pdf").data).split())
    assert "Disputes" in text and "I offered to check the tracking." in text
    assert "rejected by" in text and "The reply made no offer." in text
