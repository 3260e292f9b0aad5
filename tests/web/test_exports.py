"""Exports through the app: who may download what, and that no personal data survives in the files.

The PDFs are really rendered (WeasyPrint) and their text extracted with pypdf before checking.
"""
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT
from web.extensions import db
from web.models import Attempt, ExportJob, LogbookEntry, User


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    return "".join(text.split()).lower()


def personal_values(app, learner_id: int) -> list[str]:
    """Every personal value the app knows for this learner's attempts, plus the learner's own identity."""
    with app.app_context():
        learner = db.session.get(User, learner_id)
        values = [learner.full_name, learner.email, learner.username]
        for attempt in db.session.scalars(db.select(Attempt).filter_by(learner_id=learner_id)):
            for group in attempt.instance.data["injected_personal_data"].values():
                values.extend(group)
    return [v for v in values if v and len(v) > 3]


def assert_no_personal_data(text: str, values: list[str]) -> None:
    # SHA-256 digests (the pack records the PDF's) hold any short run of digits by chance ("8772" was found in one).
    flat = squash(re.sub(r"\b[0-9a-f]{40,}\b", " ", text))
    leaked = [v for v in values if squash(v) in flat]
    assert leaked == []


@pytest.fixture
def cohort_with_work(app, demo_cohort, make_attempt):
    ids = dict(demo_cohort)
    ids["attempts"] = [make_attempt(demo_cohort["learner"], seed=s) for s in (3, 4)]
    make_attempt(demo_cohort["other_learner"], seed=5)
    with app.app_context():
        db.session.add(LogbookEntry(learner_id=demo_cohort["learner"], attempt_id=ids["attempts"][0], form="short",
                                    title="Late parcel reply",
                                    fields={"went_well": "I named the parcel.", "even_better_if": "Sign off.",
                                            "next_time": "Offer a DM sooner."}))
        db.session.commit()
    return ids


def test_assessor_downloads_an_anonymised_portfolio(app, client, login, cohort_with_work):
    login("assessora")
    response = client.get(f"/exports/learners/{cohort_with_work['learner']}/portfolio.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "CAND-" in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    with app.app_context():
        candidate = db.session.get(User, cohort_with_work["learner"]).candidate_number
    assert candidate in text
    assert "Late parcel" in text or "late" in text.lower()
    assert_no_personal_data(text, personal_values(app, cohort_with_work["learner"]))


def test_evidence_only_portfolio_leaves_out_the_reflections(app, client, login, cohort_with_work):
    login("assessora")
    both = pdf_text(client.get(f"/exports/learners/{cohort_with_work['learner']}/portfolio.pdf").data)
    evidence = pdf_text(client.get(
        f"/exports/learners/{cohort_with_work['learner']}/portfolio.pdf?include=evidence").data)
    assert "Offer a DM sooner" in both
    assert "Offer a DM sooner" not in evidence


def test_learner_downloads_their_own_attempt_but_not_anothers(app, client, login, cohort_with_work):
    login("learnera")
    own = client.get(f"/exports/attempts/{cohort_with_work['attempts'][0]}.pdf")
    assert own.status_code == 200
    assert_no_personal_data(pdf_text(own.data), personal_values(app, cohort_with_work["learner"]))
    other_learner_attempt = db_attempt_of(app, cohort_with_work["other_learner"])
    assert client.get(f"/exports/attempts/{other_learner_attempt}.pdf").status_code == 404
    assert client.get(f"/exports/learners/{cohort_with_work['other_learner']}/portfolio.pdf").status_code == 404


def db_attempt_of(app, learner_id: int) -> int:
    with app.app_context():
        return db.session.scalar(db.select(Attempt.id).filter_by(learner_id=learner_id))


def test_logbook_pdf_carries_the_reflection(app, client, login, cohort_with_work):
    login("learnera")
    response = client.get(f"/exports/learners/{cohort_with_work['learner']}/logbook.pdf")
    assert response.status_code == 200
    text = pdf_text(response.data)
    assert "Offer a DM sooner" in text
    assert_no_personal_data(text, personal_values(app, cohort_with_work["learner"]))


def test_logbook_pdf_shows_what_happened_in_the_simulated_attempt_anonymised(app, client, login, cohort_with_work):
    login("learnera")
    text = " ".join(pdf_text(client.get(f"/exports/learners/{cohort_with_work['learner']}/logbook.pdf").data).split())
    with app.app_context():
        attempt = db.session.get(Attempt, cohort_with_work["attempts"][0])
        scenario, grade = attempt.instance.data["title"], attempt.final_grade
        candidate = attempt.learner.candidate_number
    assert "Late parcel reply" in text and "Simulated interaction" in text
    assert f"Scenario {scenario}" in text and "Platform and channel twitter · public reply · public" in text
    assert "Response time first reply after 20 min (target 60 min: within target)" in text
    assert grade and f"Grade {grade}" in text and "Marking points Clearly shown:" in text
    # The customer's message (the brand's handle kept) and the learner's reply, with the customer pseudonymised.
    assert "Customer A · minute 0 · public @LarkspurVale Next day delivery" in text
    assert f"{candidate} · minute 20 · public · Replied after 20 min" in text
    assert "Hi Customer A, I'm so sorry your smart watch hasn't arrived" in text
    assert "Scott" not in text and "^JS" not in text
    assert "I named the parcel." in text
    assert_no_personal_data(text, personal_values(app, cohort_with_work["learner"]))


def test_evidence_pack_manifest_matches_every_file(client, login, cohort_with_work):
    login("assessora")
    response = client.get(f"/exports/learners/{cohort_with_work['learner']}/pack.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    manifest_name = next(n for n in archive.namelist() if n.endswith("manifest.json"))
    folder = manifest_name[: -len("manifest.json")]
    manifest = json.loads(archive.read(manifest_name))
    listed = {folder + entry["name"]: entry["sha256"] for entry in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {manifest_name}
    assert any(name.endswith(".pdf") for name in listed) and any(name.endswith(".json") for name in listed)
    for name, digest in listed.items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest


def test_assessor_outside_the_cohort_cannot_export_it(client, login, make_user, cohort_with_work, csrf):
    make_user("assessor", "assessorz")
    login("assessorz")
    assert client.get(f"/exports/learners/{cohort_with_work['learner']}/portfolio.pdf").status_code == 403
    assert client.post(f"/exports/cohorts/{cohort_with_work['cohort']}",
                       data={"csrf_token": csrf("/assessor/")}).status_code == 403


def run_queue_until_done(app, job_id: int, timeout: float = 180) -> ExportJob:
    """Start a real worker process (`flask --app app worker`) on the app's queue and wait for the job."""
    env = dict(os.environ, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
               QUEUE_SQLITE_PATH=app.config["QUEUE_SQLITE_PATH"], EXPORT_DIR=app.config["EXPORT_DIR"],
               SECRET_KEY="test-secret")
    if app.config.get("REDIS_URL"):
        env["REDIS_URL"] = app.config["REDIS_URL"]
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "worker"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + timeout
    try:
        while time.time() < deadline:
            with app.app_context():
                job = db.session.get(ExportJob, job_id)
                if job.status in ("done", "failed"):
                    db.session.expunge(job)
                    return job
            if worker.poll() is not None:
                raise AssertionError(f"the worker stopped: {worker.stdout.read()[-2000:]}")
            time.sleep(0.25)
        raise AssertionError("the export job did not finish in time")
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def cohort_export_round_trip(app, client, login, csrf, ids):
    login("assessora")
    response = client.post(f"/exports/cohorts/{ids['cohort']}", data={"csrf_token": csrf("/assessor/")})
    assert response.status_code == 302
    job_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert status["status"] == "queued" and status["total"] == 2
    job = run_queue_until_done(app, job_id)
    assert job.status == "done", job.error
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert (status["progress"], status["percent"]) == (2, 100)
    download = client.get(status["download"])
    archive = zipfile.ZipFile(io.BytesIO(download.data))
    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == 2 and all(n.startswith("CAND-") for n in pdfs)
    values = personal_values(app, ids["learner"]) + personal_values(app, ids["other_learner"])
    for name in pdfs:
        assert_no_personal_data(pdf_text(archive.read(name)), values)


@pytest.mark.slow
def test_cohort_export_runs_on_the_sqlite_queue_with_progress(app, client, login, csrf, cohort_with_work):
    assert app.extensions["task_queue"].backend == "sqlite"
    cohort_export_round_trip(app, client, login, csrf, cohort_with_work)


@pytest.mark.redis
def test_cohort_export_runs_on_the_redis_queue(app, client, login, csrf, cohort_with_work):
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL is not set: .ci/run sets it where a Redis server is running")
    app.config["REDIS_URL"] = url
    queue = app.extensions["task_queue"]
    assert queue.backend == "redis"
    queue.huey.flush()
    cohort_export_round_trip(app, client, login, csrf, cohort_with_work)


@pytest.mark.slow
def test_export_command_writes_portfolio_logbook_and_pack(app, runner, cohort_with_work, tmp_path):
    out, logbook, pack = tmp_path / "p.pdf", tmp_path / "l.pdf", tmp_path / "e.zip"
    result = runner.invoke(args=["portfolio", "export", "--learner", "learnera", "--out", str(out),
                                 "--logbook", str(logbook), "--pack", str(pack)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and logbook.read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(pack)
    assert_no_personal_data(pdf_text(out.read_bytes()), personal_values(app, cohort_with_work["learner"]))


def test_export_command_names_an_unknown_learner(runner):
    result = runner.invoke(args=["portfolio", "export", "--learner", "nobody", "--out", "x.pdf"])
    assert result.exit_code != 0 and "no learner" in result.output


def test_brand_names_stay_readable_while_customers_are_pseudonymised(app, client, login, cohort_with_work):
    login("assessora")
    text = pdf_text(client.get(f"/exports/learners/{cohort_with_work['learner']}/portfolio.pdf").data)
    assert "LarkspurVale" in squash(text).replace("@", "") or "larkspurvale" in squash(text)
    assert "Customer A" in text


@pytest.fixture
def demo_app(app, runner):
    """The real demo data (`flask seed-demo`): scored attempts with the customers' reactions, a moderation."""
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    return app


def demo_personal_values(app, username: str) -> list[str]:
    with app.app_context():
        learner = db.session.scalar(db.select(User).filter_by(username=username))
        values = personal_values(app, learner.id)
        for attempt in db.session.scalars(db.select(Attempt).filter_by(learner_id=learner.id)):
            for customer in attempt.instance.data.get("customers") or []:
                persona = customer["persona"]
                values += [persona["name"], persona["first_name"], persona["last_name"], persona["handle"],
                           persona["email"], persona["phone"]]
    return sorted({v for v in values if v and len(v) > 3})


def test_the_packs_evidence_json_from_real_app_attempts_holds_no_personal_data(demo_app, runner, tmp_path):
    pack = tmp_path / "pack.zip"
    result = runner.invoke(args=["portfolio", "export", "--learner", "learner1", "--pack", str(pack)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(pack) as archive:
        evidence = archive.read(next(n for n in archive.namelist() if n.endswith("evidence.json"))).decode("utf-8")
        pdf = archive.read(next(n for n in archive.namelist() if n.endswith(".pdf")))
    body = json.loads(evidence)
    reactions = [r for a in body["evidence"]["attempts"] for r in (a["result"].get("reactions") or [])]
    assert reactions and all(r.get("why") for r in reactions)   # the scorer's reactions are there, scrubbed
    values = demo_personal_values(demo_app, "learner1")
    assert_no_personal_data(evidence, values)
    assert_no_personal_data(pdf_text(pdf), values)


def test_moderated_levels_from_the_app_show_as_levels_in_the_portfolio(demo_app, client, login):
    # The demo moderates learner1's first attempt: tone of voice from 2 down to "1" (stored as a string).
    login("assessor1", "assessor1-demo")
    with demo_app.app_context():
        learner = db.session.scalar(db.select(User).filter_by(username="learner1"))
        learner_id = learner.id
    text = " ".join(pdf_text(client.get(f"/exports/learners/{learner_id}/portfolio.pdf").data).split())
    assert "1 — partly shown moderated; scorer gave 2 — clearly shown" in text
    assert "2 — clearly shown → 1 — partly shown" in text
    assert "2→1" not in text.replace(" ", "")


def test_the_demo_moderation_comment_keeps_its_words(demo_app, runner, tmp_path):
    out = tmp_path / "p.pdf"
    result = runner.invoke(args=["portfolio", "export", "--learner", "learner1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Curt rather than rude" in text   # not "Customer B rather than rude"
    assert_no_personal_data(text, demo_personal_values(demo_app, "learner1"))


def test_live_chat_customers_keep_their_own_pseudonyms_in_the_attempt_pdf(app, client, login, demo_cohort):
    from web.models import utcnow
    from web.services.attempts import start_attempt

    with app.app_context():
        learner = db.session.get(User, demo_cohort["learner"])
        attempt = start_attempt(learner, "live-chat-retail-saturday", seed=11)
        attempt.status, attempt.submitted_at = "completed", utcnow()
        db.session.commit()
        attempt_id = attempt.id
        customers = attempt.instance.data["customers"]
        threads = {m.thread for m in attempt.messages if m.author == "customer"}
    assert len(customers) >= 2 and len(threads) >= 2
    login("learnera")
    text = " ".join(pdf_text(client.get(f"/exports/attempts/{attempt_id}.pdf").data).split())
    assert "Customer A · " in text and "Customer B · " in text
    assert_no_personal_data(text, [v for c in customers for v in (c["persona"]["name"], c["persona"]["handle"])])


def test_an_evidence_only_pack_leaves_reflections_out_of_its_json_and_gives_the_manifest_hash(client, login, cohort_with_work):
    login("assessora")
    response = client.get(f"/exports/learners/{cohort_with_work['learner']}/pack.zip?include=evidence")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    evidence = archive.read(next(n for n in archive.namelist() if n.endswith("evidence.json"))).decode("utf-8")
    manifest = archive.read(next(n for n in archive.namelist() if n.endswith("manifest.json")))
    assert "Offer a DM sooner" not in evidence and json.loads(evidence)["include"] == ["evidence"]
    assert response.headers["X-Manifest-SHA256"] == hashlib.sha256(manifest).hexdigest()
    both = client.get(f"/exports/learners/{cohort_with_work['learner']}/pack.zip")
    assert "Offer a DM sooner" in zipfile.ZipFile(io.BytesIO(both.data)).read(
        next(n for n in zipfile.ZipFile(io.BytesIO(both.data)).namelist() if n.endswith("evidence.json"))).decode("utf-8")


def test_the_cohort_export_accepts_evidence_only_and_records_the_manifest_hash(app, client, login, csrf, cohort_with_work):
    from web.services.export_jobs import run_export_job

    login("assessora")
    response = client.post(f"/exports/cohorts/{cohort_with_work['cohort']}",
                           data={"csrf_token": csrf("/assessor/"), "include": "evidence"})
    job_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    with app.app_context():
        run_export_job(job_id)   # what the worker runs, in this process
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    assert status["status"] == "done" and status["include"] == ["evidence"]
    archive = zipfile.ZipFile(io.BytesIO(client.get(status["download"]).data))
    manifest = archive.read("manifest.json")
    assert status["manifest_sha256"] == hashlib.sha256(manifest).hexdigest()
    assert json.loads(manifest)["include"] == ["evidence"]
    texts = [pdf_text(archive.read(n)) for n in archive.namelist() if n.endswith(".pdf")]
    assert texts and all("Offer a DM sooner" not in t and "Transcript" in t for t in texts)
    assert status["manifest_sha256"] in client.get(f"/exports/jobs/{job_id}").get_data(as_text=True)


def test_export_command_prints_the_manifest_hash(runner, cohort_with_work, tmp_path):
    pack = tmp_path / "e.zip"
    result = runner.invoke(args=["portfolio", "export", "--learner", "learnera", "--pack", str(pack)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(pack) as archive:
        manifest = archive.read(next(n for n in archive.namelist() if n.endswith("manifest.json")))
    assert f"Manifest SHA-256: {hashlib.sha256(manifest).hexdigest()}" in result.output
