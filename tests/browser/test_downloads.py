"""Downloads in a real browser: an assessor takes a learner's portfolio PDF and evidence pack from the page's links,
and a whole cohort's ZIP from a background export run by a real queue consumer. The files are opened as an assessor
would open them: pypdf extracts the PDF's text, zipfile reads the pack, hashlib checks the manifest."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.conftest import PASSWORD, TIMEOUT_MS, check, cohort_with_assessed_attempt, sign_in

pytestmark = pytest.mark.browser

LEARNER = {"username": "nadia", "full_name": "Nadia Kowalski", "email": "nadia.kowalski@example.com"}
COHORT = "Downloads cohort"
RENDER_TIMEOUT = 120_000   # ms: a PDF is rendered while the browser waits, on a shared 2-core machine


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def assert_anonymous(text: str, candidate: str) -> None:
    flat = "".join(text.split()).lower()
    assert candidate.lower() in flat
    for value in (LEARNER["full_name"], "Kowalski", LEARNER["email"]):
        assert "".join(value.split()).lower() not in flat, value


@pytest.fixture(scope="module")
def cohort(live_app):
    """A tutor's cohort with one learner, who has a completed attempt, and an assessor attached."""
    from web.services.accounts import create_user

    with live_app.app_context(), live_app.test_request_context():
        tutor = create_user("tobias", "Tobias Tutor", "tutor", PASSWORD)
        assessor = create_user("asha", "Asha Assessor", "assessor", PASSWORD)
        learner = create_user(LEARNER["username"], LEARNER["full_name"], "learner", PASSWORD, email=LEARNER["email"])
        group, _attempt = cohort_with_assessed_attempt(COHORT, tutor, assessor, learner, seed=12)
        return {"id": group.id, "candidate": learner.candidate_number, "assessor": assessor.id}


def download(page, link, timeout: float = RENDER_TIMEOUT):
    with page.expect_download(timeout=timeout) as info:
        link.click()
    saved = info.value
    assert saved.failure() is None, saved.failure()
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def test_assessor_downloads_a_learners_portfolio_and_evidence_pack(page, cohort):
    candidate = cohort["candidate"]
    page.context.clear_cookies()
    sign_in(page, "asha")
    check(page, "downloads-assessor-home")

    name, pdf = download(page, page.get_by_role("link", name=f"Portfolio PDF for {candidate}", exact=True))
    assert name == f"{candidate}-portfolio.pdf" and pdf.startswith(b"%PDF")
    assert_anonymous(pdf_text(pdf), candidate)

    # The manifest's own hash travels outside the ZIP: the page that offers the pack shows it.
    page.get_by_role("button", name=f"Evidence pack (ZIP) with its manifest hash for {candidate}", exact=True).click()
    page.wait_for_url("**/exports/jobs/*")
    shown = page.locator("#manifest-sha256").inner_text().strip()
    name, pack = download(page, page.get_by_role("link", name="Download the ZIP"))
    assert name == f"{candidate}-evidence-pack.zip"
    archive = zipfile.ZipFile(io.BytesIO(pack))
    by_base = {n.rsplit("/", 1)[-1]: n for n in archive.namelist()}
    assert {"portfolio.pdf", "evidence.json", "manifest.json"} <= set(by_base), archive.namelist()
    manifest = archive.read(by_base["manifest.json"])
    assert shown == hashlib.sha256(manifest).hexdigest()
    for entry in json.loads(manifest)["files"]:
        assert hashlib.sha256(archive.read(by_base[entry["name"]])).hexdigest() == entry["sha256"], entry
    assert_anonymous(pdf_text(archive.read(by_base["portfolio.pdf"])), candidate)
    evidence = archive.read(by_base["evidence.json"]).decode("utf-8")
    assert LEARNER["full_name"] not in evidence and LEARNER["email"] not in evidence


def test_assessor_exports_the_cohort_and_downloads_the_zip_when_it_is_done(page, cohort, queue_worker):
    candidate = cohort["candidate"]
    page.context.clear_cookies()
    sign_in(page, "asha")
    page.get_by_role("button", name=f"Export all portfolios as a ZIP for {COHORT}").click()
    page.wait_for_url("**/exports/jobs/*")
    page.locator("#export-download").wait_for(state="visible", timeout=RENDER_TIMEOUT)
    assert page.locator("#export-text").inner_text() == "1 of 1 portfolios (done)"
    shown = page.locator("#manifest-sha256").inner_text().strip()
    check(page, "downloads-cohort-export-done")

    name, body = download(page, page.get_by_role("link", name="Download the ZIP"), timeout=TIMEOUT_MS)
    assert name == f"cohort-{cohort['id']}-portfolios.zip"
    archive = zipfile.ZipFile(io.BytesIO(body))
    manifest = archive.read("manifest.json")
    assert hashlib.sha256(manifest).hexdigest() == shown
    assert [f["name"] for f in json.loads(manifest)["files"]] == [f"{candidate}-portfolio.pdf",
                                                                  f"{candidate}-evidence.json"]
    assert_anonymous(pdf_text(archive.read(f"{candidate}-portfolio.pdf")), candidate)


def test_stalled_and_expired_exports_say_so_and_offer_the_way_on(page, live_app, cohort):
    from web.extensions import db
    from web.models import ExportJob, utcnow

    now = utcnow()
    with live_app.app_context():
        stalled = ExportJob(kind="cohort_portfolios", requested_by_id=cohort["assessor"], cohort_id=cohort["id"],
                            params={"include": ["evidence", "reflections"]}, status="running", runs=1, total=1,
                            updated_at=now - timedelta(hours=2))
        expired = ExportJob(kind="cohort_portfolios", requested_by_id=cohort["assessor"], cohort_id=cohort["id"],
                            params={"include": ["evidence"]}, status="expired", progress=1, total=1,
                            finished_at=now - timedelta(days=31), expired_at=now)
        db.session.add_all([stalled, expired])
        db.session.commit()
        stalled_id, expired_id = stalled.id, expired.id
    page.context.clear_cookies()
    sign_in(page, "asha")

    page.goto(f"/exports/jobs/{stalled_id}")
    message = page.locator("#export-message")
    assert "has made no progress for 120 minutes (the limit is 30): it has stalled" in message.inner_text()
    restart = page.get_by_role("button", name="Start the export again")
    assert restart.is_visible()
    check(page, "downloads-export-stalled")
    restart.click()
    page.wait_for_load_state()
    assert "The export has started again" in page.locator(".flashes").inner_text()
    page.locator("#export-message").wait_for(state="hidden")   # the script saw it queued, no longer stalled
    assert "portfolios (queued)" in page.locator("#export-text").inner_text()

    page.goto(f"/exports/jobs/{expired_id}")
    assert "31 days after the export finished: cohort exports are kept for 30 days" in message.inner_text()
    assert page.locator("#export-download").is_hidden()
    check(page, "downloads-export-expired")
    assert page.request.get(f"/exports/jobs/{expired_id}/download").status == 410
    page.get_by_role("button", name="Export the cohort again").click()
    page.wait_for_url("**/exports/jobs/*")
    assert page.url.rstrip("/").rsplit("/", 1)[-1] not in (str(stalled_id), str(expired_id))
    assert "The export has started" in page.locator(".flashes").inner_text()
