"""Cohort export jobs over time: retention of their ZIPs, stalled jobs started again, runs that were superseded.

Real database, real ZIPs written by the job itself (run in this process, as the worker runs it), timestamps moved
into the past in the database, and `flask exports prune` through the CLI runner.
"""
import io
import os
import re
import time
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import update

from tests.conftest import csrf_from
from tests.web.test_exports import pdf_text
from web.extensions import db
from web.models import Cohort, ExportJob, User, utcnow


def start_export(client, csrf, cohort_id: int, **data) -> int:
    response = client.post(f"/exports/cohorts/{cohort_id}", data={"csrf_token": csrf("/assessor/"), **data})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def run_job(app, job_id: int) -> None:
    from web.services.export_jobs import run_export_job

    with app.app_context():
        run_export_job(job_id)   # what the worker runs


def job_row(app, job_id: int) -> ExportJob:
    with app.app_context():
        job = db.session.get(ExportJob, job_id)
        db.session.expunge(job)
        return job


def set_columns(app, job_id: int, **values) -> None:
    """Write columns straight into the row (as time passing, or a worker that died, would leave them)."""
    with app.app_context():
        db.session.execute(update(ExportJob).where(ExportJob.id == job_id).values(**values))
        db.session.commit()


def ago(**delta):
    return utcnow() - timedelta(**delta)


def export_files(app) -> list[str]:
    folder = app.config["EXPORT_DIR"]
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def pending(app) -> int:
    return app.extensions["task_queue"].huey.pending_count()


@pytest.fixture
def done_job(app, client, login, csrf, demo_cohort):
    """A finished evidence-only cohort export of the demo cohort, with its ZIP in EXPORT_DIR."""
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"], include="evidence")
    run_job(app, job_id)
    job = job_row(app, job_id)
    assert job.status == "done", job.error
    return job


# Retention.

def test_prune_deletes_a_zip_past_retention_and_the_page_offers_to_export_again(app, client, runner, done_job):
    assert client.get(f"/exports/jobs/{done_job.id}/download").status_code == 200
    set_columns(app, done_job.id, finished_at=ago(days=31))
    result = runner.invoke(args=["exports", "prune"])
    assert result.exit_code == 0, result.output
    assert f"Expired job {done_job.id} (cohort {done_job.cohort_id}" in result.output
    assert f"deleted {done_job.file_name}" in result.output
    assert "Pruned 1 expired export(s) (kept 30 days), 0 unfinished file(s), 0 stalled job(s)" in result.output
    assert done_job.file_name not in export_files(app)
    job = job_row(app, done_job.id)
    assert job.status == "expired" and job.expired_at is not None

    status = client.get(f"/exports/jobs/{done_job.id}.json").get_json()
    assert status["status"] == "expired" and status["download"] is None and status["manifest_sha256"] is None
    assert "31 days after the export finished: cohort exports are kept for 30 days" in status["message"]
    page = client.get(f"/exports/jobs/{done_job.id}").get_data(as_text=True)
    assert "This export&#39;s ZIP was deleted on" in page and "kept for 30 days" in page
    download = client.get(f"/exports/jobs/{done_job.id}/download")
    assert download.status_code == 410
    assert "kept for 30 days" in download.get_data(as_text=True) and download.mimetype == "text/html"

    # The page's "Export the cohort again" form starts a new job with the same sections.
    form = next(f for f in re.finditer(r'<form method="post" action="([^"]+)">(.*?)</form>', page, flags=re.S)
                if "Export the cohort again" in f.group(2))
    fields = dict(re.findall(r'name="(csrf_token|include)" value="([^"]*)"', form.group(2)))
    assert fields["include"] == "evidence"
    again = client.post(form.group(1), data=fields)
    assert again.status_code == 302
    new_id = int(again.headers["Location"].rsplit("/", 1)[-1])
    assert new_id != done_job.id and job_row(app, new_id).params["include"] == ["evidence"]


def test_a_zip_inside_its_retention_is_kept(app, client, runner, done_job):
    set_columns(app, done_job.id, finished_at=ago(days=29))
    result = runner.invoke(args=["exports", "prune"])
    assert result.exit_code == 0 and "Pruned 0 expired export(s)" in result.output
    assert job_row(app, done_job.id).status == "done"
    download = client.get(f"/exports/jobs/{done_job.id}/download")
    assert download.status_code == 200 and zipfile.is_zipfile(io.BytesIO(download.data))


@pytest.mark.parametrize("app_config", [{"EXPORT_RETENTION_DAYS": 0}])
def test_retention_zero_keeps_every_zip(app, runner, done_job):
    set_columns(app, done_job.id, finished_at=ago(days=400))
    result = runner.invoke(args=["exports", "prune"])
    assert "kept for ever" in result.output
    assert job_row(app, done_job.id).status == "done" and done_job.file_name in export_files(app)


@pytest.mark.parametrize("app_config", [{"EXPORT_RETENTION_DAYS": 7}])
def test_the_retention_period_is_the_configured_one(app, client, runner, done_job):
    set_columns(app, done_job.id, finished_at=ago(days=8))
    assert "Pruned 1 expired export(s) (kept 7 days)" in runner.invoke(args=["exports", "prune"]).output
    assert "kept for 7 days" in client.get(f"/exports/jobs/{done_job.id}.json").get_json()["message"]


def test_export_settings_are_read_from_the_environment(monkeypatch, tmp_path):
    from web.config import from_environment

    assert (from_environment(str(tmp_path))["EXPORT_RETENTION_DAYS"],
            from_environment(str(tmp_path))["EXPORT_STALE_MINUTES"]) == (30, 30)
    monkeypatch.setenv("EXPORT_RETENTION_DAYS", "90")
    monkeypatch.setenv("EXPORT_STALE_MINUTES", "5")
    config = from_environment(str(tmp_path))
    assert (config["EXPORT_RETENTION_DAYS"], config["EXPORT_STALE_MINUTES"]) == (90, 5)


def test_starting_a_cohort_export_prunes_expired_zips_on_the_way(app, client, csrf, done_job):
    set_columns(app, done_job.id, finished_at=ago(days=45))
    new_id = start_export(client, csrf, done_job.cohort_id)
    assert done_job.file_name not in export_files(app)
    assert job_row(app, done_job.id).status == "expired"
    assert job_row(app, new_id).status == "queued"


def test_prune_deletes_unfinished_part_files_older_than_a_day(app, runner, done_job):
    folder = app.config["EXPORT_DIR"]
    old, fresh = os.path.join(folder, "cohort-1-job-98-aa.zip.part"), os.path.join(folder, "cohort-1-job-99-bb.zip.part")
    for path in (old, fresh):
        with open(path, "wb") as handle:
            handle.write(b"PK half a zip")
    day_and_a_bit = time.time() - 25 * 3600
    os.utime(old, (day_and_a_bit, day_and_a_bit))
    result = runner.invoke(args=["exports", "prune"])
    assert result.exit_code == 0, result.output
    assert "Deleted unfinished file cohort-1-job-98-aa.zip.part" in result.output
    assert "1 unfinished file(s)" in result.output
    assert export_files(app) == sorted([done_job.file_name, "cohort-1-job-99-bb.zip.part"])


def test_a_done_job_whose_file_is_missing_answers_404(app, client, done_job):
    os.remove(os.path.join(app.config["EXPORT_DIR"], done_job.file_name))
    assert client.get(f"/exports/jobs/{done_job.id}/download").status_code == 404


# Stalled jobs.

def test_a_running_job_without_progress_is_reported_stalled_and_starts_again(app, client, login, csrf, demo_cohort):
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    # The worker claimed it, wrote one portfolio and was killed: the row stays "running".
    set_columns(app, job_id, status="running", runs=1, progress=1, updated_at=ago(minutes=45))
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert status["status"] == "running" and status["stalled"] is True
    assert "This export has made no progress for 45 minutes (the limit is 30): it has stalled" in status["message"]
    assert status["restart"] == f"/exports/jobs/{job_id}/restart"
    page = client.get(f"/exports/jobs/{job_id}").get_data(as_text=True)
    assert "no progress for 45 minutes" in page
    restart_form = re.search(r'<form id="export-restart" method="post" action="([^"]+)"\s*>(.*?)</form>', page, re.S)
    assert restart_form and "Start the export again" in restart_form.group(2)

    queued_before = pending(app)
    response = client.post(restart_form.group(1), data={"csrf_token": csrf_from(restart_form.group(2))},
                           follow_redirects=True)
    assert "The export has started again" in response.get_data(as_text=True)
    job = job_row(app, job_id)
    assert (job.status, job.progress, job.error) == ("queued", 0, None)
    assert pending(app) == queued_before + 1   # enqueued for the worker
    assert client.get(f"/exports/jobs/{job_id}.json").get_json()["stalled"] is False
    run_job(app, job_id)   # a queued job again, so the worker runs it to the end
    job = job_row(app, job_id)
    assert (job.status, job.progress, job.runs) == ("done", 2, 2), job.error


def test_a_queued_job_no_worker_picked_up_is_stalled_too(app, client, login, csrf, demo_cohort):
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    set_columns(app, job_id, updated_at=ago(minutes=31))
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert status["stalled"] and status["message"].startswith("No worker has picked this export up for 31 minutes")


def test_a_job_that_still_moves_is_not_stalled_and_is_not_started_again(app, client, login, csrf, demo_cohort):
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    set_columns(app, job_id, status="running", runs=1, progress=1, updated_at=ago(minutes=29))
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert (status["stalled"], status["restart"], status["message"]) == (False, None, None)
    page = client.get(f"/exports/jobs/{job_id}").get_data(as_text=True)
    assert re.search(r'<form id="export-restart"[^>]*hidden>', page)   # there for the script, not shown
    response = client.post(f"/exports/jobs/{job_id}/restart", data={"csrf_token": csrf(f"/exports/jobs/{job_id}")},
                           follow_redirects=True)
    assert "neither stalled nor failed, so it was not started again" in response.get_data(as_text=True)
    job = job_row(app, job_id)
    assert (job.status, job.progress) == ("running", 1)


@pytest.mark.parametrize("app_config", [{"EXPORT_STALE_MINUTES": 0}])
def test_stale_minutes_zero_turns_the_check_off(app, client, login, csrf, demo_cohort):
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    set_columns(app, job_id, updated_at=ago(days=3))
    assert client.get(f"/exports/jobs/{job_id}.json").get_json()["stalled"] is False


def test_only_the_requester_or_an_admin_may_start_a_job_again(app, client, login, csrf, demo_cohort, make_user):
    from tests.conftest import sign_in

    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    set_columns(app, job_id, status="running", updated_at=ago(hours=2))

    # The cohort's tutor may export the cohort, but this is not their job.
    tutor = app.test_client()
    sign_in(tutor, "tutora")
    token = csrf_from(tutor.get("/tutor/").get_data(as_text=True))
    assert tutor.post(f"/exports/jobs/{job_id}/restart", data={"csrf_token": token}).status_code == 403
    assert tutor.get(f"/exports/jobs/{job_id}").status_code == 403
    # No CSRF token, even from the requester: refused.
    assert client.post(f"/exports/jobs/{job_id}/restart", data={}).status_code == 400
    assert job_row(app, job_id).status == "running"

    make_user("admin", "boss")
    admin = app.test_client()
    sign_in(admin, "boss")
    token = csrf_from(admin.get("/admin/").get_data(as_text=True))
    assert admin.post(f"/exports/jobs/{job_id}/restart", data={"csrf_token": token}).status_code == 302
    assert job_row(app, job_id).status == "queued"


def test_a_requester_no_longer_attached_to_the_cohort_cannot_start_it_again(app, client, login, csrf, demo_cohort):
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    set_columns(app, job_id, status="failed", error="RuntimeError: disk full")
    with app.app_context():
        db.session.get(Cohort, demo_cohort["cohort"]).assessors = []
        db.session.commit()
    page = client.get(f"/exports/jobs/{job_id}").get_data(as_text=True)
    assert "export-restart" not in page and client.get(f"/exports/jobs/{job_id}.json").get_json()["restart"] is None
    response = client.post(f"/exports/jobs/{job_id}/restart", data={"csrf_token": csrf("/assessor/")})
    assert response.status_code == 403 and job_row(app, job_id).status == "failed"


def test_prune_marks_stalled_jobs_failed_with_a_message(app, client, login, csrf, runner, demo_cohort):
    login("assessora")
    queued, running, moving = (start_export(client, csrf, demo_cohort["cohort"]) for _ in range(3))
    set_columns(app, queued, updated_at=ago(hours=2))
    set_columns(app, running, status="running", runs=1, progress=1, updated_at=ago(minutes=40))
    set_columns(app, moving, status="running", runs=1, progress=1, updated_at=ago(minutes=5))
    result = runner.invoke(args=["exports", "prune"])
    assert result.exit_code == 0, result.output
    assert f"Marked job {queued} (cohort {demo_cohort['cohort']}) failed: Stalled: no progress for 120 minutes " \
           "while queued (the limit is 30)" in result.output
    assert f"Marked job {running} " in result.output and f"Marked job {moving} " not in result.output
    assert "2 stalled job(s) (limit 30 minutes)" in result.output
    assert [job_row(app, j).status for j in (queued, running, moving)] == ["failed", "failed", "running"]
    status = client.get(f"/exports/jobs/{running}.json").get_json()
    assert "no progress for 40 minutes while running" in status["error"] and status["restart"]
    assert "The export failed: Stalled" in client.get(f"/exports/jobs/{running}").get_data(as_text=True)


# Runs: a superseded run stops, two workers never run one job.

def test_a_job_is_claimed_by_one_run_at_a_time(app, client, login, csrf, demo_cohort):
    from web.services import export_jobs

    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    with app.app_context():
        first = export_jobs.claim_run(job_id, total=2)
        assert first == 1
        assert export_jobs.claim_run(job_id, total=2) is None      # already running: a second worker backs off
        assert export_jobs.record_progress(job_id, first, 1)
    set_columns(app, job_id, updated_at=ago(hours=1))
    with app.app_context():
        assert export_jobs.restart(job_id)
        assert not export_jobs.restart(job_id)                     # a second click changes nothing
        second = export_jobs.claim_run(job_id, total=2)
        assert second == 2
        assert not export_jobs.record_progress(job_id, first, 2)   # the old run finds out it was superseded
        assert not export_jobs.finish_run(job_id, first, "old.zip", {})
        assert export_jobs.record_progress(job_id, second, 1)
    job = job_row(app, job_id)
    assert (job.status, job.progress, job.runs, job.file_name) == ("running", 1, 2, None)


def test_every_change_moves_updated_at(app, client, login, csrf, demo_cohort):
    from web.services import export_jobs

    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    set_columns(app, job_id, updated_at=ago(hours=3))
    with app.app_context():
        run = export_jobs.claim_run(job_id, total=2)
    assert job_row(app, job_id).updated_at > ago(minutes=1)
    set_columns(app, job_id, updated_at=ago(hours=3))
    with app.app_context():
        export_jobs.record_progress(job_id, run, 1)
    assert job_row(app, job_id).updated_at > ago(minutes=1)


def test_a_run_superseded_mid_export_stops_and_leaves_no_file(app, client, login, csrf, demo_cohort, monkeypatch):
    """The worker was only slow: meanwhile prune marked the job failed. At its next portfolio it stops, removes its
    .part file and leaves the job as it found it."""
    from web.services import export_jobs

    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    real = export_jobs.learner_evidence

    def evidence_while_the_job_is_taken_away(learner, **kwargs):
        db.session.execute(update(ExportJob).where(ExportJob.id == job_id)
                           .values(status="failed", error="Stalled: marked failed by exports prune"))
        db.session.commit()
        return real(learner, **kwargs)

    monkeypatch.setattr(export_jobs, "learner_evidence", evidence_while_the_job_is_taken_away)
    run_job(app, job_id)
    job = job_row(app, job_id)
    assert (job.status, job.error, job.progress, job.file_name) == ("failed", "Stalled: marked failed by exports prune",
                                                                    0, None)
    assert export_files(app) == []


def test_the_cohort_zip_has_a_portfolio_per_learner_after_a_restart(app, client, login, csrf, demo_cohort):
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    set_columns(app, job_id, status="running", runs=1, progress=1, updated_at=ago(hours=1))
    client.post(f"/exports/jobs/{job_id}/restart", data={"csrf_token": csrf(f"/exports/jobs/{job_id}")})
    run_job(app, job_id)
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    archive = zipfile.ZipFile(io.BytesIO(client.get(status["download"]).data))
    with app.app_context():
        numbers = sorted(db.session.get(User, demo_cohort[k]).candidate_number for k in ("learner", "other_learner"))
    assert sorted(n for n in archive.namelist() if n.endswith(".pdf")) == [f"{n}-portfolio.pdf" for n in numbers]
    assert numbers[0] in pdf_text(archive.read(f"{numbers[0]}-portfolio.pdf"))


# The migration.

@pytest.fixture
def logging_as_it_was():
    """Alembic's env.py runs logging.config.fileConfig, which disables every logger that exists (the app's too)
    and replaces the root logger's handlers: put them back, or later tests that read the app's log see nothing."""
    import logging

    loggers = [l for l in logging.Logger.manager.loggerDict.values() if isinstance(l, logging.Logger)]
    disabled = {l: l.disabled for l in loggers}
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for logger, was in disabled.items():
        logger.disabled = was
    root.handlers[:], root.level = handlers, level


def test_the_migration_fills_updated_at_of_jobs_stored_before_it(tmp_path, logging_as_it_was):
    """Upgrade a fresh SQLite database to the revision before, store jobs the old way, then upgrade."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text

    from app import create_app
    from tests.conftest import ROOT

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite'}"})
    migrations = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=migrations, revision="cdcf45794b0e")
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO user (id, username, full_name, role, password_hash, active, created_at) "
                              "VALUES (1, 'u', 'U', 'tutor', 'x', 1, '2026-01-01 00:00:00')"))
            conn.execute(text(
                "INSERT INTO export_job (id, kind, requested_by_id, params, status, progress, total, created_at, "
                "finished_at) VALUES (1, 'cohort_portfolios', 1, '{}', 'done', 2, 2, '2026-01-01 10:00:00', "
                "'2026-01-01 10:05:00'), (2, 'cohort_portfolios', 1, '{}', 'queued', 0, 2, '2026-01-02 10:00:00', NULL)"))
        upgrade(directory=migrations)
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, runs, updated_at, expired_at FROM export_job ORDER BY id")).all()
        # Finished: when it finished; still queued: when it was created.
        assert [(r[0], r[1], str(r[2])[:19], r[3]) for r in rows] == [(1, 0, "2026-01-01 10:05:00", None),
                                                                     (2, 0, "2026-01-02 10:00:00", None)]
        downgrade(directory=migrations, revision="cdcf45794b0e")
        upgrade(directory=migrations)
        db.engine.dispose()
