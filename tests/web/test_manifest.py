"""One manifest format for the evidence pack and the cohort ZIP, its hash shown on the page, and a verify command."""
import hashlib
import io
import json
import re
import zipfile

import pytest

import portfolio
from tests.web.test_export_jobs import run_job, start_export
from web.extensions import db
from web.models import ExportJob

HEADER_KEYS = {"schema", "kind", "generated_at", "include", "files", "note"}


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, body in files.items():
            zf.writestr(name, body)
    return out.getvalue()


def _pack_files() -> dict[str, bytes]:
    files = {"portfolio.pdf": b"%PDF-1.7 made up", "evidence.json": b'{"schema": "portfolio-evidence/1"}'}
    manifest = portfolio.manifest_bytes("evidence-pack", files, generated_at="2026-12-07T03:50:00+00:00",
                                        include=("evidence",), candidate_number="RR-1")
    return {f"candidate-RR-1/{n}": b for n, b in {**files, "manifest.json": manifest}.items()}


# The check itself, on ZIPs made here.

def test_a_whole_zip_verifies_with_and_without_the_recorded_hash():
    files = _pack_files()
    recorded = hashlib.sha256(files["candidate-RR-1/manifest.json"]).hexdigest()
    for expected in (None, recorded, recorded.upper()):
        report = portfolio.verify_zip(_zip(files), expected)
        assert report.ok and report.checked == 2 and report.manifest_sha256 == recorded, report.problems


def test_a_changed_file_fails_by_name():
    files = _pack_files()
    files["candidate-RR-1/portfolio.pdf"] += b" edited"
    report = portfolio.verify_zip(_zip(files))
    assert not report.ok
    assert report.problems == ["portfolio.pdf: changed since the manifest was written (SHA-256 differs)"]


def test_a_rewritten_manifest_fails_against_the_recorded_hash():
    files = _pack_files()
    recorded = hashlib.sha256(files["candidate-RR-1/manifest.json"]).hexdigest()
    files["candidate-RR-1/portfolio.pdf"] = b"%PDF forged"
    manifest = json.loads(files["candidate-RR-1/manifest.json"])
    manifest["files"][0] = portfolio.file_entry("portfolio.pdf", b"%PDF forged")
    files["candidate-RR-1/manifest.json"] = json.dumps(manifest).encode()
    assert portfolio.verify_zip(_zip(files)).ok               # consistent on its own...
    report = portfolio.verify_zip(_zip(files), recorded)      # ...but not the manifest that was recorded
    assert not report.ok and "the manifest was changed" in report.problems[0]


def test_unlisted_missing_and_malformed_entries_are_each_reported():
    files = _pack_files()
    files["candidate-RR-1/extra.txt"] = b"slipped in"
    del files["candidate-RR-1/evidence.json"]
    problems = portfolio.verify_zip(_zip(files)).problems
    assert "evidence.json: listed in the manifest but not in the ZIP" in problems
    assert "candidate-RR-1/extra.txt: in the ZIP but not in the manifest" in problems
    bad = json.dumps({"schema": "evidence-manifest/1", "kind": "evidence-pack", "files": [{"file": "x"}]}).encode()
    assert portfolio.verify_zip(_zip({"manifest.json": bad})).problems == [
        "manifest.json: files[0] must have exactly name, bytes and sha256"]
    assert portfolio.verify_zip(b"not a zip").problems == ["not a ZIP file"]


# Through the app.

def _make_pack(client, csrf, learner_id):
    return client.post(f"/exports/learners/{learner_id}/pack", data={"csrf_token": csrf("/assessor/")})


@pytest.mark.slow
def test_the_page_offering_a_learners_pack_shows_its_manifest_hash(app, client, login, csrf, demo_cohort,
                                                                  make_attempt, runner, tmp_path):
    make_attempt(demo_cohort["learner"])
    login("assessora")
    assert 'action="/exports/learners/%d/pack"' % demo_cohort["learner"] in client.get("/assessor/").get_data(True)
    response = _make_pack(client, csrf, demo_cohort["learner"])
    assert response.status_code == 302 and "/exports/jobs/" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    shown = re.search(r'<code id="manifest-sha256">([0-9a-f]{64})</code>', page).group(1)
    download = re.search(r'href="(/exports/jobs/\d+/download)"', page).group(1)
    zipped = client.get(download)
    assert zipped.headers["Content-Disposition"].endswith('-evidence-pack.zip')
    assert portfolio.manifest_sha256(zipped.data) == shown
    manifest = json.loads(next(zipfile.ZipFile(io.BytesIO(zipped.data)).read(n)
                               for n in zipfile.ZipFile(io.BytesIO(zipped.data)).namelist()
                               if n.endswith("manifest.json")))
    assert HEADER_KEYS | {"candidate_number"} == set(manifest) and manifest["kind"] == "evidence-pack"
    path = tmp_path / "pack.zip"
    path.write_bytes(zipped.data)
    result = runner.invoke(args=["portfolio", "verify", str(path), "--sha256", shown])
    assert result.exit_code == 0 and "OK: 2 file(s) match manifest.json" in result.output
    result = runner.invoke(args=["portfolio", "verify", str(path), "--sha256", "0" * 64])
    assert result.exit_code == 1 and "the manifest was changed" in result.output


def test_nobody_makes_a_pack_of_a_learner_outside_their_cohorts(app, client, login, csrf, demo_cohort, make_user):
    make_user("assessor", "elsewhere")
    login("elsewhere")
    assert _make_pack(client, csrf, demo_cohort["learner"]).status_code == 403
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(ExportJob.id))) == 0


def test_another_assessor_cannot_open_someone_elses_pack_page(app, client, login, csrf, demo_cohort, make_user):
    from tests.conftest import sign_in
    from web.models import User
    from web.services.export_jobs import save_pack
    with app.app_context():
        job = save_pack(db.session.get(User, demo_cohort["learner"]), ("evidence", "reflections"),
                        db.session.get(User, demo_cohort["assessor"]))
        db.session.commit()
        job_id = job.id
    make_user("assessor", "nosy")
    other = app.test_client()
    sign_in(other, "nosy")
    assert other.get(f"/exports/jobs/{job_id}").status_code == 403
    assert other.get(f"/exports/jobs/{job_id}/download").status_code == 403


@pytest.mark.slow
def test_the_cohort_zip_has_evidence_json_and_the_packs_manifest_format(app, client, login, csrf, demo_cohort,
                                                                      make_attempt, runner, tmp_path):
    make_attempt(demo_cohort["learner"])
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"])
    run_job(app, job_id)
    status = client.get(f"/exports/jobs/{job_id}.json").get_json()
    body = client.get(status["download"]).data
    archive = zipfile.ZipFile(io.BytesIO(body))
    manifest = json.loads(archive.read("manifest.json"))
    assert HEADER_KEYS | {"cohort"} == set(manifest) and manifest["kind"] == "cohort-export"
    assert manifest["schema"] == portfolio.MANIFEST_SCHEMA
    names = [f["name"] for f in manifest["files"]]
    assert sorted(names + ["manifest.json"]) == sorted(archive.namelist())
    assert len([n for n in names if n.endswith("-evidence.json")]) == 2
    assert all(set(f) == {"name", "bytes", "sha256"} for f in manifest["files"])
    evidence = json.loads(archive.read(next(n for n in names if n.endswith("-evidence.json"))))
    assert evidence["schema"] == "portfolio-evidence/1"
    path = tmp_path / "cohort.zip"
    path.write_bytes(body)
    result = runner.invoke(args=["portfolio", "verify", str(path), "--sha256", status["manifest_sha256"]])
    assert result.exit_code == 0, result.output
