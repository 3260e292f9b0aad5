"""One learner's exports off the request path (issue 17): above DIRECT_EXPORT_MAX_ATTEMPTS items a portfolio,
logbook or evidence pack is made by the task queue with the cohort export's progress page; a small one still
streams. The job is run in this process, as the worker runs it, and its PDF is really rendered and read back."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_from
from tests.web.test_export_jobs import pending, run_job
from tests.web.test_exports import pdf_text
from web.extensions import db
from web.models import ExportJob, User


@pytest.fixture
def app_config():
    return {"DIRECT_EXPORT_MAX_ATTEMPTS": 1}


def jobs(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(ExportJob.id)))


def candidate(app, user_id: int) -> str:
    with app.app_context():
        return db.session.get(User, user_id).candidate_number


def queue_from_the_page(client, path: str):
    """Open the export link; the page it answers has the button that queues the job: press it."""
    page = client.get(path)
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    action = re.search(r'<form method="post" action="([^"]*/jobs)"', html).group(1)
    token = csrf_from(html)
    return client.post(action, data={"csrf_token": token})


def test_a_small_portfolio_still_streams_in_the_request(app, client, login, demo_cohort, make_attempt):
    make_attempt(demo_cohort["learner"])
    login("assessora")
    response = client.get(f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf")
    assert response.mimetype == "application/pdf" and jobs(app) == 0
    assert candidate(app, demo_cohort["learner"]) in pdf_text(response.data)


def test_a_larger_portfolio_is_made_by_the_queue_and_downloaded_from_its_progress_page(
        app, client, login, demo_cohort, make_attempt):
    for _ in range(2):
        make_attempt(demo_cohort["learner"])
    login("assessora")
    path = f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf"
    assert client.get(path).mimetype == "text/html" and jobs(app) == 0   # opening the link starts nothing
    before = pending(app)
    response = queue_from_the_page(client, path)
    assert response.status_code == 302 and "/exports/jobs/" in response.headers["Location"]
    job_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    assert pending(app) == before + 1   # on the queue, not rendered in the request
    assert client.get(f"/exports/jobs/{job_id}.json").get_json()["status"] == "queued"
    run_job(app, job_id)
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert status["status"] == "done" and status["progress"] == status["total"] == 1
    download = client.get(status["download"])
    assert download.mimetype == "application/pdf"
    assert candidate(app, demo_cohort["learner"]) in pdf_text(download.data)
    assert "Download the PDF" in client.get(f"/exports/jobs/{job_id}").get_data(as_text=True)


def test_a_larger_logbook_and_evidence_pack_are_queued_too(app, client, login, demo_cohort, make_attempt):
    for _ in range(2):
        make_attempt(demo_cohort["learner"])
    login("assessora")
    for what in ("logbook.pdf", "pack.zip"):
        response = queue_from_the_page(client, f"/exports/learners/{demo_cohort['learner']}/{what}")
        job_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
        run_job(app, job_id)
        status = client.get(f"/exports/jobs/{job_id}.json").get_json()
        assert status["status"] == "done", status
        expected = "application/pdf" if what.endswith(".pdf") else "application/zip"
        assert client.get(status["download"]).mimetype == expected
        assert (status["manifest_sha256"] is not None) == what.endswith(".zip")


def test_a_learner_queues_their_own_portfolio_but_not_anyone_elses(app, client, login, demo_cohort, make_attempt):
    for _ in range(2):
        make_attempt(demo_cohort["learner"])
        make_attempt(demo_cohort["other_learner"])
    login("learnera")
    response = queue_from_the_page(client, f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf")
    assert response.status_code == 302
    assert client.get(f"/exports/learners/{demo_cohort['other_learner']}/portfolio.pdf").status_code == 404
    page = client.get(f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf").get_data(as_text=True)
    token = csrf_from(page)
    other = client.post(f"/exports/learners/{demo_cohort['other_learner']}/portfolio/jobs", data={"csrf_token": token})
    assert other.status_code == 404 and jobs(app) == 1


def test_queueing_without_the_csrf_token_is_refused_and_someone_elses_job_is_403(app, client, login, demo_cohort,
                                                                                 make_attempt):
    for _ in range(2):
        make_attempt(demo_cohort["learner"])
    login("assessora")
    assert client.post(f"/exports/learners/{demo_cohort['learner']}/portfolio/jobs").status_code == 400
    job_id = int(queue_from_the_page(client, f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf")
                 .headers["Location"].rstrip("/").split("/")[-1])
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/assessor/").get_data(as_text=True))})
    login("tutora")
    assert client.get(f"/exports/jobs/{job_id}").status_code == 403
