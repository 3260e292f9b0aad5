"""Where finished exports (cohort ZIPs, queued portfolios, logbooks and evidence packs) are kept: a local folder
(EXPORT_STORAGE=local, the default: EXPORT_DIR) or an S3-compatible bucket (EXPORT_STORAGE=s3: EXPORT_S3_BUCKET,
EXPORT_S3_PREFIX, EXPORT_S3_ENDPOINT_URL for MinIO and the like; credentials the usual AWS way).

Either way a ZIP is first written to EXPORT_DIR as `NAME.part` (the worker's scratch space) and then handed over
whole: a rename for the folder, an upload for the bucket, so nobody downloads half a file. Names are the app's own
(letters, digits, dots, dashes), never a user's input, and are checked anyway.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from flask import current_app

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
BACKENDS = ("local", "s3")


def _checked(name: str) -> str:
    if not NAME.match(name) or ".." in name:
        raise ValueError(f"not an export file name: {name!r}")
    return name


class LocalStorage:
    """Files in one folder (share it between app servers and workers, e.g. a network mount)."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def put_file(self, name: str, path: Path) -> None:
        """Move a finished file (written in EXPORT_DIR, the same file system) into place at once."""
        self.folder.mkdir(parents=True, exist_ok=True)
        os.replace(path, self.folder / _checked(name))

    def put_bytes(self, name: str, body: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / (_checked(name) + ".part")
        partial.write_bytes(body)
        os.replace(partial, self.folder / name)

    def exists(self, name: str) -> bool:
        return (self.folder / _checked(name)).is_file()

    def open(self, name: str) -> BinaryIO:
        return (self.folder / _checked(name)).open("rb")

    def delete(self, name: str) -> None:
        (self.folder / _checked(name)).unlink(missing_ok=True)


class S3Storage:
    """Objects `prefix + name` in an S3-compatible bucket, through a boto3 client the caller makes."""

    def __init__(self, client, bucket: str, prefix: str = "exports/"):
        self.client, self.bucket, self.prefix = client, bucket, prefix

    def _key(self, name: str) -> str:
        return self.prefix + _checked(name)

    def put_file(self, name: str, path: Path) -> None:
        self.client.upload_file(str(path), self.bucket, self._key(name))   # multipart for large files
        Path(path).unlink(missing_ok=True)

    def put_bytes(self, name: str, body: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._key(name), Body=body)

    def exists(self, name: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(name))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def open(self, name: str) -> BinaryIO:
        return self.client.get_object(Bucket=self.bucket, Key=self._key(name))["Body"]   # streamed, not read whole

    def delete(self, name: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(name))   # no error when it is already gone


def build(config) -> LocalStorage | S3Storage:
    backend = (config.get("EXPORT_STORAGE") or "local").lower()
    if backend not in BACKENDS:
        raise ValueError(f"EXPORT_STORAGE must be one of {', '.join(BACKENDS)}, not {backend!r}")
    if backend == "local":
        return LocalStorage(config["EXPORT_DIR"])
    if not config.get("EXPORT_S3_BUCKET"):
        raise ValueError("EXPORT_STORAGE=s3 needs EXPORT_S3_BUCKET")
    import boto3  # only where a bucket is configured

    client = boto3.client("s3", endpoint_url=config.get("EXPORT_S3_ENDPOINT_URL") or None)
    return S3Storage(client, config["EXPORT_S3_BUCKET"], config.get("EXPORT_S3_PREFIX", "exports/"))


def storage() -> LocalStorage | S3Storage:
    """The current app's export storage, made on first use."""
    ext = current_app.extensions
    if "export_storage" not in ext:
        ext["export_storage"] = build(current_app.config)
    return ext["export_storage"]
