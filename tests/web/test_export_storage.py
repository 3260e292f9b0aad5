"""Finished exports kept in a local folder (the default) or an S3-compatible bucket (moto's server on loopback)."""
import io
import os
import socket
import zipfile
from datetime import timedelta

import pytest
import requests

import portfolio
from tests.web.test_export_jobs import job_row, run_job, set_columns, start_export
from web.models import utcnow
from web.services import export_storage
from web.services.export_storage import LocalStorage, S3Storage, build

BUCKET = "replyready-exports"


def test_local_storage_is_the_default_and_keeps_files_in_export_dir(app, tmp_path):
    with app.app_context():
        files = export_storage.storage()
    assert isinstance(files, LocalStorage) and str(files.folder) == app.config["EXPORT_DIR"]
    files.put_bytes("a.zip", b"PK body")
    assert files.exists("a.zip") and files.open("a.zip").read() == b"PK body"
    assert sorted(p.name for p in files.folder.iterdir()) == ["a.zip"]   # no .part left behind
    files.delete("a.zip")
    assert not files.exists("a.zip")


@pytest.mark.parametrize("name", ["../escape.zip", "a/b.zip", "", ".hidden", "x..zip"])
def test_names_that_could_leave_the_folder_are_refused(tmp_path, name):
    with pytest.raises(ValueError, match="export file name"):
        LocalStorage(tmp_path).put_bytes(name, b"x")


def test_a_wrong_backend_or_a_bucketless_s3_is_refused():
    with pytest.raises(ValueError, match="EXPORT_STORAGE"):
        build({"EXPORT_STORAGE": "ftp", "EXPORT_DIR": "x"})
    with pytest.raises(ValueError, match="EXPORT_S3_BUCKET"):
        build({"EXPORT_STORAGE": "s3", "EXPORT_S3_BUCKET": ""})


@pytest.fixture
def s3_server(monkeypatch):
    """moto's S3 server on a loopback port, with a bucket; the app talks to it by its endpoint URL."""
    pytest.importorskip("boto3")
    server_mod = pytest.importorskip("moto.server")
    import boto3

    for key, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                       "AWS_DEFAULT_REGION": "eu-west-2"}.items():
        monkeypatch.setenv(key, value)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=url)
    requests.post(url + "/moto-api/reset", timeout=10)   # moto's buckets live in this process: start empty
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    yield url, client
    server.stop()


def keys(client) -> list[str]:
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_s3_storage_round_trip_through_a_real_s3_api(s3_server, tmp_path):
    url, client = s3_server
    files = build({"EXPORT_STORAGE": "s3", "EXPORT_S3_BUCKET": BUCKET, "EXPORT_S3_ENDPOINT_URL": url,
                   "EXPORT_S3_PREFIX": "exports/"})
    assert isinstance(files, S3Storage)
    assert not files.exists("job.zip")
    scratch = tmp_path / "job.zip.part"
    scratch.write_bytes(b"PK" + b"z" * 100_000)
    files.put_file("job.zip", scratch)
    assert not scratch.exists() and keys(client) == ["exports/job.zip"]
    assert files.exists("job.zip") and files.open("job.zip").read() == b"PK" + b"z" * 100_000
    files.delete("job.zip")
    files.delete("job.zip")   # already gone: no error
    assert keys(client) == [] and not files.exists("job.zip")


@pytest.mark.slow
def test_a_cohort_export_goes_to_the_bucket_is_downloaded_from_it_and_pruned(s3_server, app, client, login, csrf,
                                                                           runner, demo_cohort):
    url, s3 = s3_server
    app.config.update(EXPORT_STORAGE="s3", EXPORT_S3_BUCKET=BUCKET, EXPORT_S3_ENDPOINT_URL=url)
    login("assessora")
    job_id = start_export(client, csrf, demo_cohort["cohort"], include="evidence")
    run_job(app, job_id)
    job = job_row(app, job_id)
    assert job.status == "done", job.error
    assert keys(s3) == [f"exports/{job.file_name}"]
    assert not os.path.exists(os.path.join(app.config["EXPORT_DIR"], job.file_name))   # only scratch stays local
    download = client.get(f"/exports/jobs/{job_id}/download")
    assert download.status_code == 200
    check = portfolio.verify_zip(download.data, job.params["manifest_sha256"])
    assert zipfile.ZipFile(io.BytesIO(download.data)).namelist() and check.ok, check
    set_columns(app, job_id, finished_at=utcnow() - timedelta(days=31))
    result = runner.invoke(args=["exports", "prune"])
    assert result.exit_code == 0, result.output
    assert keys(s3) == []
    assert client.get(f"/exports/jobs/{job_id}/download").status_code == 410
