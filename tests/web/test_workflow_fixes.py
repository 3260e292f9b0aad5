"""What got in tutors' and assessors' way (issue 15), each through the real routes."""
import re

import pytest

from tests.conftest import sign_in
from tests.web.test_exports import pdf_text
from web.extensions import db
from web.models import Attempt


def _moderate(client, csrf, attempt_id, criterion, level, comment):
    return client.post(f"/review/attempts/{attempt_id}/moderate", data={
        "criterion": criterion, "level": level, "comment": comment,
        "csrf_token": csrf(f"/review/attempts/{attempt_id}")})


def test_moderation_replaces_the_grade_rule_on_the_review_page(app, client, login, csrf, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    with app.app_context():
        before = db.session.get(Attempt, attempt_id).result["grade_rule"]
    assert not before.startswith("Critical failure")
    login("tutora")
    assert before in client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    _moderate(client, csrf, attempt_id, "tone_of_voice", "0", "Sarcastic in context.")
    page = client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert "Critical failure: tone_of_voice at 0." in page
    assert before not in page


def test_the_learner_result_page_gives_the_moderated_rule(app, client, login, csrf, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("tutora")
    _moderate(client, csrf, attempt_id, "tone_of_voice", "0", "Sarcastic in context.")
    learner = app.test_client()
    sign_in(learner, "learnera")
    page = learner.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "Critical failure: tone_of_voice at 0." in page


@pytest.mark.slow
def test_the_attempt_pdf_gives_the_moderated_rule_and_is_linked_from_the_review_page(app, client, login, csrf,
                                                                                   demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("tutora")
    _moderate(client, csrf, attempt_id, "tone_of_voice", "0", "Sarcastic in context.")
    page = client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    link = f'href="/exports/attempts/{attempt_id}.pdf"'
    assert link in page
    response = client.get(f"/exports/attempts/{attempt_id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(pdf_text(response.data).split())
    assert "Critical failure: tone_of_voice at 0." in text


def test_the_learner_result_page_links_to_the_attempt_pdf(client, login, demo_cohort, make_attempt):
    attempt_id = make_attempt(demo_cohort["learner"])
    login("learnera")
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert f'href="/exports/attempts/{attempt_id}.pdf"' in page


def test_review_queue_puts_assessed_attempts_first_and_marks_them(app, client, login, demo_cohort, make_attempt):
    assessed = make_attempt(demo_cohort["learner"])
    practice = make_attempt(demo_cohort["other_learner"])   # newer, and with more unsure judgements
    with app.app_context():
        db.session.get(Attempt, assessed).mode = "assessed"
        db.session.get(Attempt, practice).unsure_count = 3
        db.session.commit()
    login("tutora")
    page = client.get("/review/?show=all").get_data(as_text=True)
    assert page.index(f"/review/attempts/{assessed}\"") < page.index(f"/review/attempts/{practice}\"")
    row = page[page.index(f"/review/attempts/{assessed}\""):].split("</tr>")[0]
    assert "Assessed" in row
    other_row = page[page.index(f"/review/attempts/{practice}\""):].split("</tr>")[0]
    assert "Assessed" not in other_row and "Practice" in other_row


def test_weakness_chart_shows_n_beside_every_bar_and_greys_small_samples(app, client, login, demo_cohort,
                                                                        make_attempt):
    from web.views.review import SMALL_SAMPLE

    for _ in range(SMALL_SAMPLE):
        make_attempt(demo_cohort["learner"])
    login("tutora")
    page = client.get(f"/review/cohorts/{demo_cohort['cohort']}/weaknesses").get_data(as_text=True)
    bars = re.findall(r'<g class="(bar|bar-small)" data-criterion="([a-z_]+)" data-n="(\d+)">(.*?)</g>', page, re.S)
    assert bars
    for kind, _criterion, n, body in bars:
        assert f"(n = {n})" in body
        assert (kind == "bar-small") == (int(n) < SMALL_SAMPLE)
    assert {kind for kind, *_ in bars} == {"bar"}    # SMALL_SAMPLE attempts: every judged criterion has n >= 5


def test_weakness_chart_greys_a_criterion_judged_once(app, client, login, demo_cohort, make_attempt):
    make_attempt(demo_cohort["learner"])
    login("tutora")
    page = client.get(f"/review/cohorts/{demo_cohort['cohort']}/weaknesses").get_data(as_text=True)
    bars = re.findall(r'<g class="(bar|bar-small)" data-criterion="[a-z_]+" data-n="(\d+)">', page)
    assert bars and all(kind == "bar-small" and n == "1" for kind, n in bars)
    assert "small sample" in page


def test_admin_creates_a_user_with_an_email_address_through_the_form(app, client, login, csrf, make_user):
    from web.models import User

    make_user("admin", "boss")
    login("boss")
    response = client.post("/admin/users", data={
        "username": "mailed", "full_name": "Mailed Learner", "role": "learner", "email": "mailed@example.org",
        "password": "a-long-password", "csrf_token": csrf("/admin/")})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(username="mailed")).email == "mailed@example.org"
