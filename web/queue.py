"""The task queue for long jobs (bulk PDF export): huey on Redis when REDIS_URL is set, else on SQLite.

The queue is built lazily on first use, so create_app() itself opens no connection. Tasks run inside
the app's context; `flask --app app worker` runs a consumer (scripts/start.sh starts one beside the app).
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app
from huey import RedisHuey, SqliteHuey

from web.extensions import db
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

    def enqueue(self, name: str, *args) -> None:
        _ = self.huey   # builds the queue and registers the tasks
        self._tasks[name](*args)

    def consumer(self, workers: int = 1, **options):
        return self.huey.create_consumer(workers=workers, worker_type="thread", periodic=False, **options)


def init_app(app: Flask) -> None:
    app.extensions["task_queue"] = TaskQueue(app)


def task_queue() -> TaskQueue:
    return current_app.extensions["task_queue"]
