"""Tutors review, moderate and comment; assessors sign off; nobody sees a learner outside their cohorts."""
from web.extensions import db
from web.models import Attempt, LevelTally


def tally(app, learner_id, criterion):
    with app.app_context():
        rows = db.session.scalars(db.select(LevelTally).filter_by(learner_id=learner_id, criterion=criterion))
        return {t.level: t.count for t in rows if t.count}


def test_tutor_sees_the_attempt_with_evidence_highlighted_and_escaped(app, client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"], reply="Hi Scott, I'm sorry your smart watch is late <script>x</script>")
    login("tutora")
    page = client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert "<mark" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x</script>" not in page
    assert "Apologise" in page   # criterion labels from the rubric data


def test_moderation_keeps_both_levels_recomputes_the_grade_and_updates_tallies(app, client, login, csrf,
                                                                              demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        before = next(s for s in attempt.scores if s.criterion == "tone_of_voice").auto_level
    assert before != "0"
    login("tutora")
    response = client.post(f"/review/attempts/{attempt_id}/moderate", data={
        "criterion": "tone_of_voice", "level": "0", "comment": "Sarcastic in context.",
        "csrf_token": csrf(f"/review/attempts/{attempt_id}")})
    assert response.status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        score = next(s for s in attempt.scores if s.criterion == "tone_of_voice")
        assert (score.auto_level, score.moderated_level) == (before, "0")
        assert attempt.final_grade == "Refer"            # tone 0 is critical
        assert attempt.auto_grade != "Refer"
        assert [m.comment for m in attempt.moderations] == ["Sarcastic in context."]
    assert tally(app, demo_cohort["learner"], "tone_of_voice").get("0") == 1
    assert tally(app, demo_cohort["learner"], "tone_of_voice").get(before, 0) == 0


def test_moderation_without_a_comment_is_refused(app, client, login, csrf, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("tutora")
    response = client.post(f"/review/attempts/{attempt_id}/moderate", data={
        "criterion": "hear", "level": "0", "comment": "", "csrf_token": csrf(f"/review/attempts/{attempt_id}")},
        follow_redirects=True)
    assert "say why you changed it" in response.get_data(as_text=True).lower()
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).moderations == []


def test_a_tutor_cannot_review_another_tutors_learner(client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["outsider"])
    login("tutora")
    assert client.get(f"/review/attempts/{attempt_id}").status_code == 403


def test_a_second_tutor_cannot_open_the_first_tutors_cohort_dashboard(client, login, demo_cohort):
    login("tutorb")
    assert client.get(f"/review/cohorts/{demo_cohort['cohort']}/weaknesses").status_code == 403
    assert client.get(f"/tutor/cohorts/{demo_cohort['cohort']}").status_code == 403


def test_weakness_dashboard_puts_the_weakest_criterion_first(app, client, login, demo_cohort, make_attempt):
    for _ in range(2):
        make_attempt(demo_cohort["learner"], reply="ok")   # no apology, no action: weak everywhere
    make_attempt(demo_cohort["other_learner"])
    login("tutora")
    page = client.get(f"/review/cohorts/{demo_cohort['cohort']}/weaknesses").get_data(as_text=True)
    assert "<svg" in page and "Share of attempts at each level" in page
    assert "0%" in page


def test_review_queue_lists_attempts_with_unchecked_low_confidence_judgements(app, client, login, demo_cohort,
                                                                             make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.unsure_count = 2
        db.session.commit()
    login("tutora")
    page = client.get("/review/?show=unsure").get_data(as_text=True)
    assert f"/review/attempts/{attempt_id}" in page


def test_assessor_signs_off_an_attempt_of_their_cohort(app, client, login, csrf, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("assessora")
    response = client.post(f"/review/attempts/{attempt_id}/signoff", data={
        "comment": "Meets PC3.", "csrf_token": csrf(f"/review/attempts/{attempt_id}")})
    assert response.status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.signed_off_at is not None and attempt.signoff_comment == "Meets PC3."


def test_tutor_feedback_is_saved_on_the_attempt(app, client, login, csrf, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("tutora")
    client.post(f"/review/attempts/{attempt_id}/feedback", data={
        "text": "Name the parcel next time.", "csrf_token": csrf(f"/review/attempts/{attempt_id}")})
    with app.app_context():
        assert [f.text for f in db.session.get(Attempt, attempt_id).feedback] == ["Name the parcel next time."]
