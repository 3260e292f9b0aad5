"""Supervisory exercises in the app (issue 12): one stored attempt for the document, profiling and monitoring kinds,
started from a seed, its draft autosaved, submitted once to the kind's scorer, moderated by the tutor of the learner's
cohort with the history kept. Learners see only their own; staff outside the learner's cohorts are refused."""
from __future__ import annotations

import html
import re

import pytest

from simulator.profiling import generate_profile
from tests.rubrics.test_document_scoring import STRONG, WEAK


def _start(client, csrf, kind="document", task="strategy", seed="11"):
    return client.post("/exercises/start", data={"csrf_token": csrf("/exercises/"), "kind": kind, "task": task,
                                                 "seed": seed})


def _attempt_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return int(re.search(r"/exercises/(\d+)", response.headers["Location"]).group(1))


def _page(client, url: str) -> str:
    return html.unescape(client.get(url).get_data(as_text=True))


def _submit(client, csrf, attempt_id: int, text: str):
    return client.post(f"/exercises/{attempt_id}/submit",
                       data={"csrf_token": csrf(f"/exercises/{attempt_id}"), "answer": text})


def _json_post(client, csrf, url: str, body, token_page: str):
    return client.post(url, json=body, headers={"X-CSRFToken": csrf(token_page)})


def _switch(client, csrf, login, username: str) -> None:
    client.post("/logout", data={"csrf_token": csrf("/")})
    login(username)


def test_a_document_brief_comes_from_its_seed_and_task(client, login, csrf, demo_cohort):
    login("learnera")
    first = _attempt_id(_start(client, csrf, seed="11"))
    again = _attempt_id(_start(client, csrf, seed="11"))
    page = _page(client, f"/exercises/{first}")
    org = generate_profile(11)
    assert org.name in page and "A customer-service social media strategy" in page
    assert all(seg.name.capitalize() in page for seg in org.segments)
    assert all(c.name in page for c in org.communities)
    def brief(text: str) -> str:
        return text.split('id="brief-h"', 1)[1].split("</section>", 1)[0]
    assert brief(_page(client, f"/exercises/{again}")) == brief(page)
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        a, b = db.session.get(SupervisoryAttempt, first), db.session.get(SupervisoryAttempt, again)
        assert a.brief == b.brief and a.brief["organisation"]["name"] == org.name
        assert (a.kind, a.task, a.seed) == ("document", "strategy", 11)


@pytest.mark.parametrize("kind", ["profiling", "monitoring"])
def test_every_kind_starts_from_a_seed_on_the_one_base(client, login, csrf, demo_cohort, kind):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, kind=kind, task="", seed="5"))
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        assert attempt.kind == kind and attempt.seed == 5 and attempt.brief
    assert client.get(f"/exercises/{attempt_id}").status_code == 200


def test_the_draft_is_autosaved_and_comes_back(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    saved = _json_post(client, csrf, f"/exercises/{attempt_id}/draft", {"text": "## Objectives\n- <b>half</b>"},
                       f"/exercises/{attempt_id}")
    assert saved.status_code == 200 and saved.get_json() == {"saved": True, "chars": 27}
    page = client.get(f"/exercises/{attempt_id}").get_data(as_text=True)
    assert "## Objectives\n- &lt;b&gt;half&lt;/b&gt;</textarea>" in page
    assert 'data-server-ms="0"' not in page


def test_the_preview_is_markdown_sanitised(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    response = _json_post(client, csrf, f"/exercises/{attempt_id}/preview",
                          {"text": "## Risks\n- **owner**: DPO\n<script>alert(1)</script><img src=x onerror=alert(1)>"
                                   "\n\n| Risk | Owner |\n|---|---|\n| A breach | DPO |\n"},
                          f"/exercises/{attempt_id}")
    body = response.get_json()["html"]
    assert "<h2>Risks</h2>" in body and "<strong>owner</strong>" in body
    assert "<td>A breach</td>" in body   # a risk register as a table
    assert "<script" not in body and "onerror" not in body


def test_submitting_scores_the_answer_with_quoted_evidence_once(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    response = _submit(client, csrf, attempt_id, STRONG)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/exercises/{attempt_id}#result")
    page = _page(client, f"/exercises/{attempt_id}")
    assert "SMART objectives" in page and "Risks, mitigations and the law" in page
    assert "A separate service handle, @KestrelHelp, has its own queue" in page   # quoted evidence
    assert "rubric social-document v1" in page
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        assert attempt.answer == STRONG and attempt.submitted_at is not None
        assert {k: v["level"] for k, v in attempt.result["criteria"].items()} == dict.fromkeys(
            attempt.result["criteria"], 2)
        assert attempt.rubric_id == "social-document" and len(attempt.rubric_hash) == 64
    again = _submit(client, csrf, attempt_id, WEAK)
    assert again.status_code == 400 and "sent already" in again.get_data(as_text=True)
    late_draft = _json_post(client, csrf, f"/exercises/{attempt_id}/draft", {"text": "x"}, f"/exercises/{attempt_id}")
    assert late_draft.status_code == 400 and "sent" in late_draft.get_json()["error"]


def test_named_mistakes_show_with_their_feedback(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    assert _submit(client, csrf, attempt_id, WEAK).status_code == 302
    page = _page(client, f"/exercises/{attempt_id}")
    assert "Marketing benefits only." in page and "Say what customers get from the service" in page
    assert "No measures." in page and "A generic plan." in page


def test_a_procedure_is_not_judged_on_owned_earned_and_paid_media(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, task="escalation"))
    assert _submit(client, csrf, attempt_id, WEAK).status_code == 302
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        result = db.session.get(SupervisoryAttempt, attempt_id).result
    assert result["criteria"]["owned_earned_paid"]["level"] == "na"
    assert 'id="criterion-owned_earned_paid"' in client.get(f"/exercises/{attempt_id}").get_data(as_text=True)


def test_too_short_an_answer_is_a_400_that_keeps_the_text(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    response = _submit(client, csrf, attempt_id, "Just a line about <b>X</b>.")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "at least 20 words" in page
    assert "Just a line about &lt;b&gt;X&lt;/b&gt;.</textarea>" in page


def test_the_tutor_moderates_with_a_comment_and_the_history_is_kept(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    _submit(client, csrf, attempt_id, STRONG)
    _switch(client, csrf, login, "tutora")
    assert f"/exercises/{attempt_id}" in client.get("/exercises/review").get_data(as_text=True)
    token = csrf(f"/exercises/{attempt_id}")
    url = f"/exercises/{attempt_id}/moderate"
    no_comment = client.post(url, data={"csrf_token": token, "criterion": "risks_law", "level": "1", "comment": " "})
    assert no_comment.status_code == 400 and "comment is required" in no_comment.get_data(as_text=True)
    for level, comment in (("1", "No owner for the outage risk's statement."), ("0", "On a second reading: none.")):
        response = client.post(url, data={"csrf_token": token, "criterion": "risks_law", "level": level,
                                          "comment": comment})
        assert response.status_code == 302
    page = _page(client, f"/exercises/{attempt_id}")
    assert "changed the level from 2 to 1: “No owner for the outage risk's statement.”" in page
    assert "changed the level from 1 to 0: “On a second reading: none.”" in page
    from web.extensions import db
    from web.models import SupervisoryAttempt
    from web.services.supervisory import standing_levels
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        assert standing_levels(attempt)["risks_law"] == 0
        assert attempt.result["criteria"]["risks_law"]["level"] == 2   # the scorer's level is kept


@pytest.mark.parametrize("field,value,message", [
    ("criterion", "hear", "criteria"), ("level", "3", "level"), ("level", "two", "level"), ("criterion", "", "criteria"),
])
def test_bad_moderation_input_is_a_clear_400(client, login, csrf, demo_cohort, field, value, message):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    _submit(client, csrf, attempt_id, STRONG)
    _switch(client, csrf, login, "tutora")
    data = {"csrf_token": csrf(f"/exercises/{attempt_id}"), "criterion": "risks_law", "level": "1", "comment": "ok"}
    data[field] = value
    response = client.post(f"/exercises/{attempt_id}/moderate", data=data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_only_the_owner_writes_and_only_the_cohorts_tutor_moderates(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    _submit(client, csrf, attempt_id, STRONG)
    other = _attempt_id(_start(client, csrf, seed="3"))   # in progress
    _switch(client, csrf, login, "learnerb")   # same cohort, not the owner
    token = csrf("/exercises/")
    for url in (f"/exercises/{attempt_id}", f"/exercises/{other}"):
        assert client.get(url).status_code == 404
    assert client.post(f"/exercises/{other}/submit", data={"csrf_token": token, "answer": STRONG}).status_code == 404
    assert client.post(f"/exercises/{other}/draft", json={"text": "x"},
                       headers={"X-CSRFToken": token}).status_code == 404
    _switch(client, csrf, login, "assessora")   # sees, never changes a level
    assert client.get(f"/exercises/{attempt_id}").status_code == 200
    assert "Why you changed it" not in client.get(f"/exercises/{attempt_id}").get_data(as_text=True)
    assert client.post(f"/exercises/{attempt_id}/moderate", data={"csrf_token": csrf("/"), "criterion": "risks_law",
                                                                    "level": "1", "comment": "x"}).status_code == 403
    _switch(client, csrf, login, "tutorb")   # another cohort's tutor
    assert client.get(f"/exercises/{attempt_id}").status_code == 403
    assert client.post(f"/exercises/{attempt_id}/moderate", data={"csrf_token": csrf("/"), "criterion": "risks_law",
                                                                    "level": "1", "comment": "x"}).status_code == 403
    assert f"/exercises/{attempt_id}" not in client.get("/exercises/review").get_data(as_text=True)
    _switch(client, csrf, login, "tutora")   # the cohort's tutor cannot write the learner's answer
    assert client.post(f"/exercises/{other}/submit", data={"csrf_token": csrf("/"), "answer": STRONG}).status_code == 403
    assert client.get(f"/exercises/learners/{demo_cohort['learner']}").status_code == 200


def test_forms_and_json_writes_need_the_csrf_token(client, login, csrf, demo_cohort):
    login("learnera")
    assert client.post("/exercises/start", data={"kind": "document", "task": "strategy"}).status_code == 400
    attempt_id = _attempt_id(_start(client, csrf))
    assert client.post(f"/exercises/{attempt_id}/draft", json={"text": "x"}).status_code == 400
    assert client.post(f"/exercises/{attempt_id}/submit", data={"answer": STRONG}).status_code == 400


@pytest.mark.parametrize("data,message", [
    ({"kind": "essay", "task": "strategy"}, "kind"), ({"kind": "document", "task": "poem"}, "task"),
    ({"kind": "document", "task": "strategy", "seed": "-1"}, "seed"),
    ({"kind": "document", "task": "strategy", "seed": "99999999999"}, "seed"),
])
def test_bad_start_input_is_a_clear_400(client, login, csrf, demo_cohort, data, message):
    login("learnera")
    response = client.post("/exercises/start", data={"csrf_token": csrf("/exercises/"), **data})
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_bad_json_is_a_clear_400(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    token = csrf(f"/exercises/{attempt_id}")
    for body in ([1, 2], {"text": 5}, {"text": "x" * 40_001}):
        response = client.post(f"/exercises/{attempt_id}/draft", json=body, headers={"X-CSRFToken": token})
        assert response.status_code == 400, body
    assert client.post(f"/exercises/{attempt_id}/preview", data="not json", content_type="application/json",
                       headers={"X-CSRFToken": token}).status_code == 400


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for url in ("/exercises/", "/exercises/1", "/exercises/review", "/exercises/learners/1"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


def test_the_learner_and_the_tutor_find_the_exercises(client, login, csrf, demo_cohort):
    login("learnera")
    assert 'href="/exercises/"' in client.get("/practice/").get_data(as_text=True)
    _switch(client, csrf, login, "tutora")
    assert 'href="/exercises/review"' in client.get("/review/").get_data(as_text=True)


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_portfolio_pdf_maps_the_document_to_the_standards_criteria(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, seed="11"))
    _submit(client, csrf, attempt_id, STRONG)
    _attempt_id(_start(client, csrf, seed="12"))   # started, never sent: not evidence
    _switch(client, csrf, login, "tutora")
    client.post(f"/exercises/{attempt_id}/moderate", data={"csrf_token": csrf(f"/exercises/{attempt_id}"),
                                                           "criterion": "service_apart", "level": "1",
                                                           "comment": "The handle is named but not why."})
    response = client.get(f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = _flat(_pdf_text(response.data))
    section = text.split("Supervisory exercises Written exercises", 1)[1]
    assert "S1. Strategy or procedure document: A customer-service social media strategy" in section
    assert "Seed 11" in section and "rubric social-document v1" in section
    # All eight at 2 but service_apart moderated to 1: P7 (objectives, platforms, media, measures), P8 (roles) and
    # X1 (implementation) are evidenced; P9 (service apart and risks) is not.
    assert "evidences: P7, P8, X1" in section
    assert "(moderated; automatic 2)" in section and "The handle is named but not why." in section
    # Quoted evidence. (The anonymiser takes the learner's invented @handle for a person's, as in every export.)
    assert "“A separate service handle, @customer_a, has its own queue: no offers or promotions" in section
    assert "We use a shared inbox and a social listening tool." in section
    assert "S2." not in section
    rows = text.split("Evidence map", 2)[2].split("Marking points", 1)[0]
    assert re.search(r"P7 plan to use social media platforms .*? Supervisory exercises: S1", rows)
    assert re.search(r"P9 contribute to the development of procedures .*? none yet", rows)
    assert "Learner Person" not in text and "learnera" not in text   # anonymised like every export


def test_the_progress_pages_evidence_map_lists_the_exercise_under_the_criteria_it_shows(client, login, csrf,
                                                                                      demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    _submit(client, csrf, attempt_id, STRONG)

    def row(page: str, code: str) -> str:
        return page.split(f'<th scope="row">{code} ', 1)[1].split("</tr>", 1)[0]
    page = _page(client, "/progress/")
    link = f'<a href="/exercises/{attempt_id}">Strategy or procedure document {attempt_id}</a>'
    assert all(link in row(page, code) for code in ("P7", "P8", "P9", "X1"))
    assert link not in row(page, "P1")   # a profiling criterion
    _switch(client, csrf, login, "tutora")
    client.post(f"/exercises/{attempt_id}/moderate", data={"csrf_token": csrf(f"/exercises/{attempt_id}"),
                                                           "criterion": "risks_law", "level": "1", "comment": "No law."})
    page = _page(client, f"/progress/learners/{demo_cohort['learner']}")
    assert link in row(page, "P7") and link not in row(page, "P9")


def test_the_score_rests_on_the_brief_the_attempt_stored(client, login, csrf, demo_cohort):
    """A deploy that changes a generator must not change what an open attempt is scored against: the scorer reads
    the stored brief (here replaced by seed 6's weeks, whose repeat-contact category is late delivery, not seed
    5's refund status)."""
    from simulator.monitoring import generate_metrics
    from web.extensions import db
    from web.models import SupervisoryAttempt
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, kind="monitoring", task="", seed="5"))
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        attempt.brief = {"metrics": generate_metrics(6).to_dict()}
        db.session.commit()
    _submit(client, csrf, attempt_id, "Late delivery contacts repeat far more than any other category.\nMore detail "
            "on the other figures will follow once the team has read the whole brief together next week.")
    with client.application.app_context():
        found = db.session.get(SupervisoryAttempt, attempt_id).result["found"]
    assert found["repeat_category"] == "Late delivery contacts repeat far more than any other category."


def test_a_reason_keeps_the_case_of_the_names_it_quotes(client, login, csrf, demo_cohort):
    from web.extensions import db
    from web.models import SupervisoryAttempt
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    _submit(client, csrf, attempt_id, STRONG)
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        result = dict(attempt.result)
        result["criteria"] = {**result["criteria"], "service_apart": {
            **result["criteria"]["service_apart"], "reason": "kept apart on #KestrelHelp, a separate handle"}}
        attempt.result = result
        db.session.commit()
    assert "Kept apart on #KestrelHelp, a separate handle." in _page(client, f"/exercises/{attempt_id}")


def test_a_procedures_brief_says_what_it_is_scored_on_and_what_is_not_asked(client, login, csrf, demo_cohort):
    from rubrics.documents import load_exercise_rubric, not_applicable
    login("learnera")
    page = _page(client, f"/exercises/{_attempt_id(_start(client, csrf, task='escalation'))}")
    rubric = load_exercise_rubric("social-document")
    skipped = not_applicable("escalation")
    assert skipped and "owned_earned_paid" in skipped
    said = page.split("Not asked for in this procedure:", 1)[1].split("</p>", 1)[0]
    assert all(rubric.criterion(k).label in said for k in skipped)
    scored = page.split("It is scored on:", 1)[1].split("</ul>", 1)[0]
    assert all((c.label in scored) == (c.key not in skipped) for c in rubric.criteria)
    strategy = _page(client, f"/exercises/{_attempt_id(_start(client, csrf, task='strategy'))}")
    assert "Not asked for" not in strategy and "Owned, earned and paid media" in strategy


def test_the_cohorts_tutor_and_assessor_reach_a_learners_exercises(client, login, csrf, demo_cohort):
    link = f'href="/exercises/learners/{demo_cohort["learner"]}"'
    login("tutora")
    assert link in client.get(f"/tutor/cohorts/{demo_cohort['cohort']}").get_data(as_text=True)
    _switch(client, csrf, login, "assessora")
    assert link in client.get("/assessor/").get_data(as_text=True)
    assert client.get(f"/exercises/learners/{demo_cohort['learner']}").status_code == 200


def test_a_learners_document_makes_the_reader_fetch_nothing(client, login, csrf, demo_cohort):
    # An image in a learner's Markdown would be fetched by whoever reads it (the tutor's browser: a GET to any URL
    # of this site, or a tracker where the CSP allows it); a strategy or procedure needs none.
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf))
    text = STRONG + "\n![chart](/exercises/review)\n\n<img src=\"/logout\"><map name=m><area href=\"/x\"></map>\n"
    body = _json_post(client, csrf, f"/exercises/{attempt_id}/preview", {"text": text},
                      f"/exercises/{attempt_id}").get_json()["html"]
    assert "<img" not in body and "<area" not in body and "<h2>Risks</h2>" in body
    _submit(client, csrf, attempt_id, text)
    page = client.get(f"/exercises/{attempt_id}").get_data(as_text=True)
    assert "<img" not in page.split('class="authored submitted-answer"', 1)[1]
