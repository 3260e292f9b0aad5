"""The task queue for long jobs (bulk PDF export): huey on Redis when REDIS_URL is set, else on SQLite.

The queue is built lazily on first use, so create_app() itself opens no connection. Tasks run inside
the app's context; `flask --app app worker` runs a consumer (scripts/start.sh starts one beside the app).
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, has_app_context
from huey import RedisHuey, SqliteHuey
from sqlalchemy import event
from sqlalchemy.orm import Session

from web.extensions import db
from web.services import xapi_outbox
from web.services.export_jobs import run_export_job


class TaskQueue:
    def __init__(self, app: Flask):
        self.app = app
        self._huey = None
        self._tasks: dict = {}

    @property
    def huey(self):
        if self._huey is None:
            config = self.app.config
            if config.get("REDIS_URL"):
                self._huey = RedisHuey("replyready", url=config["REDIS_URL"])
            else:
                path = Path(config["QUEUE_SQLITE_PATH"])
                path.parent.mkdir(parents=True, exist_ok=True)
                self._huey = SqliteHuey("replyready", filename=str(path))
            self._register()
        return self._huey

    @property
    def backend(self) -> str:
        return "redis" if self.app.config.get("REDIS_URL") else "sqlite"

    def _register(self) -> None:
        app = self.app

        def export_job(job_id: int) -> None:
            with app.app_context():
                try:
                    run_export_job(job_id)
                finally:
                    db.session.remove()

        self._tasks["export"] = self._huey.task(name="export", retries=0)(export_job)

        def xapi_send() -> None:
            with app.app_context():
                try:
                    xapi_outbox.send_pending()
                    wait = xapi_outbox.seconds_until_due()
                finally:
                    db.session.remove()
            if wait is not None:   # statements still pending (the LRS was down): come back when the first is due
                self._tasks["xapi_send"].schedule(delay=wait)

        # Each run sends every due statement and, while any is still pending, schedules the next run for when the
        # first of them is due (1, 2, 4 ... minutes; XAPI_MAX_TRIES then `failed`), so nothing waits for another
        # attempt to happen. An error outside sending (the database) is retried by the queue.
        self._tasks["xapi_send"] = self._huey.task(name="xapi_send", retries=3, retry_delay=60)(xapi_send)

    def enqueue(self, name: str, *args) -> None:
        _ = self.huey   # builds the queue and registers the tasks
        self._tasks[name](*args)

    def consumer(self, workers: int = 1, **options):
        return self.huey.create_consumer(workers=workers, worker_type="thread", periodic=False, **options)


def send_statements_after_commit(session) -> None:
    """Once a transaction that recorded xAPI statements commits, ask the worker to send them. If the queue
    cannot be reached the statements wait in the outbox (`flask --app app xapi send` sends them)."""
    if not session.info.pop(xapi_outbox.PENDING_FLAG, False) or not has_app_context():
        return
    queue = current_app.extensions.get("task_queue")
    if queue is None:
        return
    try:
        queue.enqueue("xapi_send")
    except Exception:   # the request has committed; the outbox keeps the statements (logged, not raised)
        current_app.logger.exception("Could not queue the xAPI statements; they wait in the outbox.")


def init_app(app: Flask) -> None:
    app.extensions["task_queue"] = TaskQueue(app)
    if not event.contains(Session, "after_commit", send_statements_after_commit):
        event.listen(Session, "after_commit", send_statements_after_commit)


def task_queue() -> TaskQueue:
    return current_app.extensions["task_queue"]
