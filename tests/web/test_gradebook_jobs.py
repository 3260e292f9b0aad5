"""A large cohort's CSV gradebook off the request path (issue 17 item 2): above DIRECT_GRADEBOOK_MAX_ATTEMPTS
completed attempts the link answers a page whose button queues the job, with the cohort export's progress page, and
the CSV it offers is the one the request would have made; a smaller cohort's still streams."""
from __future__ import annotations

import pytest

from tests.web.test_export_jobs import pending, run_job
from tests.web.test_learner_export_jobs import jobs, queue_from_the_page


@pytest.fixture
def app_config():
    return {"DIRECT_GRADEBOOK_MAX_ATTEMPTS": 1}


def test_a_small_cohorts_gradebook_still_streams(app, client, login, demo_cohort, make_attempt):
    make_attempt(demo_cohort["learner"])
    login("tutora")
    response = client.get(f"/exports/cohorts/{demo_cohort['cohort']}/gradebook.csv")
    assert response.mimetype == "text/csv" and jobs(app) == 0


def test_a_large_cohorts_gradebook_is_made_by_the_queue_and_is_the_same_csv(app, client, login, demo_cohort,
                                                                            make_attempt):
    make_attempt(demo_cohort["learner"])
    login("tutora")
    path = f"/exports/cohorts/{demo_cohort['cohort']}/gradebook.csv"
    streamed = client.get(path).data   # one attempt: streamed
    make_attempt(demo_cohort["other_learner"])
    with app.app_context():
        from web.extensions import db
        from web.models import Cohort
        from web.services.gradebook import gradebook_csv
        expected = gradebook_csv(db.session.get(Cohort, demo_cohort["cohort"])).encode("utf-8")
    assert client.get(path).mimetype == "text/html" and jobs(app) == 0   # opening the link starts nothing
    before = pending(app)
    response = queue_from_the_page(client, path)
    assert response.status_code == 302 and "/exports/jobs/" in response.headers["Location"]
    assert pending(app) == before + 1
    job_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    run_job(app, job_id)
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert status["status"] == "done" and status["progress"] == status["total"] == 1
    download = client.get(status["download"])
    assert download.mimetype == "text/csv" and download.data == expected and streamed != expected
    assert "cohort-" in download.headers["Content-Disposition"] and "gradebook.csv" in download.headers["Content-Disposition"]
    assert "Download the CSV" in client.get(f"/exports/jobs/{job_id}").get_data(as_text=True)


def test_only_those_who_may_export_the_cohort_may_queue_its_gradebook(app, client, login, csrf, demo_cohort,
                                                                      make_attempt):
    for learner in ("learner", "other_learner"):
        make_attempt(demo_cohort[learner])
    login("tutorb")
    token = csrf("/tutor/")
    assert client.post(f"/exports/cohorts/{demo_cohort['cohort']}/gradebook/jobs",
                       data={"csrf_token": token}).status_code == 403
    assert jobs(app) == 0
