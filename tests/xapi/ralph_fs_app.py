"""Ralph's LRS app, served by uvicorn for the tests, with one change: its file-system LRS backend appends.

Ralph 5.1's file-system LRS writes every POST or PUT to one file (fs_lrs.jsonl) with the backend's default
operation, CREATE, which refuses an existing file: the first request is stored and every later one answers 500
("already exists and overwrite is not allowed"). APPEND is the mode that file needs. Nothing else changes: the
statements still go through Ralph's own API, validation, authentication and duplicate checks.
"""
from ralph.api import app
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

__all__ = ["app"]
