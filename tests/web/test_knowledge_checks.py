"""Knowledge checks in the app (issue 12): a learner starts a seeded check, answers it, and sees it marked with
explanations; tutors of the learner's cohort see the results; everyone else is refused."""
from __future__ import annotations

import html
import re

import simulator


def _start(client, csrf, seed: str = "7"):
    response = client.post("/knowledge/start", data={"csrf_token": csrf("/knowledge/"), "seed": seed})
    return response


def _check_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return int(re.search(r"/knowledge/(\d+)", response.headers["Location"]).group(1))


def test_a_check_from_a_seed_shows_that_seeds_questions(client, login, csrf, demo_cohort):
    login("learnera")
    check_id = _check_id(_start(client, csrf))
    page = html.unescape(client.get(f"/knowledge/{check_id}").get_data(as_text=True))
    quiz = simulator.make_quiz(7)
    assert all(q.stem in page for q in quiz.questions)
    assert page.count('type="radio"') == sum(len(q.options) for q in quiz.questions)


def test_answers_are_marked_at_once_with_an_explanation_for_every_question(client, login, csrf, demo_cohort):
    login("learnera")
    check_id = _check_id(_start(client, csrf))
    quiz = simulator.make_quiz(7)
    answers = {f"q-{q.id}": str(q.answer) for q in quiz.questions[:-1]}   # the last one left unanswered
    wrong = quiz.questions[0]
    answers[f"q-{wrong.id}"] = str((wrong.answer + 1) % 4)
    response = client.post(f"/knowledge/{check_id}", data={"csrf_token": csrf(f"/knowledge/{check_id}"), **answers})
    assert response.status_code == 302
    page = html.unescape(client.get(f"/knowledge/{check_id}").get_data(as_text=True))
    assert f"Result: {len(quiz.questions) - 2} of {len(quiz.questions)}" in page
    assert all(q.explanation in page for q in quiz.questions)
    assert "Not answered." in page and f"The answer: {wrong.options[wrong.answer]}." in page
    listing = html.unescape(client.get("/knowledge/").get_data(as_text=True))
    assert f"{len(quiz.questions) - 2} of {len(quiz.questions)}" in listing and "When to escalate" in listing


def test_a_marked_check_is_not_marked_again(client, login, csrf, demo_cohort):
    login("learnera")
    check_id = _check_id(_start(client, csrf))
    token = csrf(f"/knowledge/{check_id}")
    assert client.post(f"/knowledge/{check_id}", data={"csrf_token": token}).status_code == 302
    again = client.post(f"/knowledge/{check_id}", data={"csrf_token": token})
    assert again.status_code == 400 and "marked already" in again.get_data(as_text=True)


def test_bad_input_is_a_clear_400(client, login, csrf, demo_cohort):
    login("learnera")
    bad_seed = _start(client, csrf, seed="seven")
    assert bad_seed.status_code == 400 and "seed" in bad_seed.get_data(as_text=True)
    check_id = _check_id(_start(client, csrf))
    first = simulator.make_quiz(7).questions[0]
    out_of_range = client.post(f"/knowledge/{check_id}", data={"csrf_token": csrf(f"/knowledge/{check_id}"),
                                                              f"q-{first.id}": "9"})
    assert out_of_range.status_code == 400
    assert client.post("/knowledge/start", data={"seed": "1"}).status_code == 400   # no CSRF token


def test_the_cohorts_tutor_sees_the_check_others_do_not(client, login, csrf, demo_cohort):
    login("learnera")
    check_id = _check_id(_start(client, csrf))
    client.post("/logout", data={"csrf_token": csrf("/knowledge/")})
    login("learnerb")
    assert client.get(f"/knowledge/{check_id}").status_code == 404
    client.post("/logout", data={"csrf_token": csrf("/")})
    login("tutora")
    assert client.get(f"/knowledge/{check_id}").status_code == 200
    assert client.get(f"/knowledge/learners/{demo_cohort['learner']}").status_code == 200
    assert client.post(f"/knowledge/{check_id}", data={"csrf_token": csrf("/")}).status_code == 403
    client.post("/logout", data={"csrf_token": csrf("/")})
    login("tutorb")
    assert client.get(f"/knowledge/{check_id}").status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for url in ("/knowledge/", "/knowledge/1", "/knowledge/learners/1"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


def test_the_portfolio_gives_knowledge_check_results_by_knowledge_point(app, client, login, csrf, demo_cohort):
    import portfolio
    from web.extensions import db
    from web.models import User
    from web.services.learner_evidence import learner_evidence
    login("learnera")
    marked = _check_id(_start(client, csrf, seed="3"))
    _check_id(_start(client, csrf, seed="4"))   # started, never answered: not evidence
    quiz = simulator.make_quiz(3)
    client.post(f"/knowledge/{marked}", data={"csrf_token": csrf(f"/knowledge/{marked}"),
                                              **{f"q-{q.id}": str(q.answer) for q in quiz.questions}})
    with app.app_context():
        data = learner_evidence(db.session.get(User, demo_cohort["learner"]))
    assert [c["seed"] for c in data["knowledge_checks"]] == [3]
    page = html.unescape(portfolio.exports.portfolio_html(data))
    section = page.split("<h2>Knowledge checks</h2>", 1)[1].split("</table>", 1)[0]
    escalation = sum(1 for q in quiz.questions if q.point == "escalation")
    assert f"When to escalate</td><td>{escalation} of {escalation}</td>" in section


def test_the_progress_page_links_to_the_knowledge_checks_for_the_learner_and_their_tutor(client, login, csrf,
                                                                                        demo_cohort):
    login("learnera")
    assert 'href="/knowledge/"' in client.get("/progress/").get_data(as_text=True)
    client.post("/logout", data={"csrf_token": csrf("/progress/")})
    login("tutora")
    page = client.get(f"/progress/learners/{demo_cohort['learner']}").get_data(as_text=True)
    assert f'href="/knowledge/learners/{demo_cohort["learner"]}"' in page
