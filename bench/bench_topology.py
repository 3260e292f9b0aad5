"""The deployment of the README's "at scale" section, on this machine (issue 17): two app servers (gunicorn with
deploy/gunicorn.conf.py, on two loopback ports, as two hosts behind a proxy would be), two task-queue workers,
PostgreSQL and Redis (queue, rate limits), one shared export folder and one shared PDF part cache.

A bounded load goes through both app servers: N learners (default 200) each sign in, start an attempt and reply
(learner i on server i % 2), then a tutor starts one cohort export per cohort (default 5) and follows each job on the
other server to the end. It prints requests/s, p50/p95 latency, errors (any answer other than the expected one) and
export jobs completed, and checks that nothing was lost: every reply stored once, every job done, every ZIP on disk.

    .venv/bin/python bench/bench_topology.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/DB \
        [--redis-url redis://127.0.0.1:6379/5] [--learners 200] [--cohorts 5] [--concurrency 16]

The database's tables are emptied first and the Redis database is flushed: never point them at real data.
A benchmark, not a test: CI does not run it.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_concurrent_replies import (  # bench/ is not a package: found through sys.path above
    REPLY,
    SCENARIO,
    THREAD_RE,
    TOKEN_RE,
    Browser,
    free_port,
    percentile,
)

PY = sys.executable


def prepare(database_url: str, learners: int, cohorts: int) -> list[int]:
    """Schema, empty tables, the learners (fast hashes) in `cohorts` cohorts of a tutor; returns the cohort ids."""
    from app import create_app
    from web.extensions import db
    from web.models import Cohort, User
    from web.services.accounts import create_user

    subprocess.run([PY, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=ROOT, check=True,
                   env={**os.environ, "DATABASE_URL": database_url}, capture_output=True)
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
    with app.app_context():
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        tutor = create_user("benchtutor", "Bench Tutor", "tutor", "benchtutor-password")
        groups = [Cohort(name=f"Bench cohort {c + 1}", tutor_id=tutor.id) for c in range(cohorts)]
        db.session.add_all(groups)
        for i in range(learners):
            user = create_user(f"bench{i:03d}", f"Bench Learner{i:03d}", "learner", f"bench{i:03d}-password")
            groups[i % cohorts].learners.append(db.session.get(User, user.id))
        db.session.commit()
        ids = [c.id for c in groups]
        db.engine.dispose()
    return ids


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)


def wait_healthy(port: int, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the app server on port {port} stopped")
        try:
            if Browser(f"http://127.0.0.1:{port}").request("/health")[0] == 200:
                return
        except OSError:   # not listening yet
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the app server on port {port} did not answer /health")


class Recorder:
    def __init__(self):
        self.lock, self.latencies, self.errors = threading.Lock(), [], []

    def call(self, browser: Browser, path: str, data: dict | None = None, expect: tuple = (200, 302)):
        t0 = time.perf_counter()
        status, location, body = browser.request(path, data)
        with self.lock:
            self.latencies.append(time.perf_counter() - t0)
            if status not in expect:
                self.errors.append((path, status))
        return status, location, body


def learner_session(rec: Recorder, base: str, i: int) -> int | None:
    """Sign in, start an attempt, open the workspace, reply: the attempt's id (None when a step failed)."""
    name, browser = f"bench{i:03d}", Browser(base)
    page = rec.call(browser, "/login")[2]
    status = rec.call(browser, "/login", {"username": name, "password": f"{name}-password",
                                           "csrf_token": TOKEN_RE.search(page).group(1)})[0]
    if status != 302:
        return None
    token = TOKEN_RE.search(rec.call(browser, "/practice/")[2]).group(1)
    status, location, _ = rec.call(browser, "/practice/start", {"csrf_token": token, "scenario_id": SCENARIO,
                                                                 "seed": str(i + 1)})
    if "/practice/attempts/" not in location:
        return None
    attempt_id = int(location.rstrip("/").split("/")[-1])
    thread = THREAD_RE.search(rec.call(browser, f"/practice/attempts/{attempt_id}")[2]).group(1)
    rec.call(browser, f"/practice/attempts/{attempt_id}/reply", {"csrf_token": token, "channel": "public",
                                                                 "reply": REPLY.format(name=name), "thread": thread,
                                                                 "turn": "0"})
    return attempt_id


def cohort_exports(rec: Recorder, bases: list[str], cohort_ids: list[int], timeout: float) -> dict[int, dict]:
    """The tutor starts every cohort's export on one server and follows the jobs on the other."""
    start_on, follow_on = Browser(bases[0]), Browser(bases[1])
    for browser in (start_on, follow_on):
        page = rec.call(browser, "/login")[2]
        rec.call(browser, "/login", {"username": "benchtutor", "password": "benchtutor-password",
                                     "csrf_token": TOKEN_RE.search(page).group(1)})
    token = TOKEN_RE.search(rec.call(start_on, "/tutor/")[2]).group(1)
    jobs = {}
    for cohort_id in cohort_ids:
        location = rec.call(start_on, f"/exports/cohorts/{cohort_id}", {"csrf_token": token})[1]
        jobs[int(location.rstrip("/").split("/")[-1])] = {}
    import json

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(j.get("status") not in ("done", "failed") for j in jobs.values()):
        for job_id in jobs:
            jobs[job_id] = json.loads(rec.call(follow_on, f"/exports/jobs/{job_id}.json")[2])
        time.sleep(2)
    return jobs


def check(database_url: str, attempt_ids: list[int], jobs: dict, export_dir: Path) -> dict:
    from sqlalchemy import create_engine, func, select

    from web.models import ExportJob, Message

    engine = create_engine(database_url)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(Message.attempt_id, func.count()).where(
            Message.author == "learner", Message.attempt_id.in_(attempt_ids or [-1])).group_by(Message.attempt_id)).all())
        files = [r.file_name for r in conn.execute(select(ExportJob.file_name).where(ExportJob.status == "done"))]
    engine.dispose()
    return {"replies_stored_once": sum(1 for a in attempt_ids if stored.get(a) == 1),
            "jobs_done": sum(1 for j in jobs.values() if j.get("status") == "done"),
            "zips_on_disk": sum(1 for f in files if f and (export_dir / f).is_file())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="PostgreSQL: emptied first")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5", help="flushed first")
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--cohorts", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--export-timeout", type=float, default=900)
    args = parser.parse_args()
    from web.config import normalise_database_url

    url = normalise_database_url(args.database_url)
    import redis

    redis.Redis.from_url(args.redis_url).flushdb()
    cohort_ids = prepare(url, args.learners, args.cohorts)
    shared = Path(tempfile.mkdtemp(prefix="bench-topology-"))
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": args.redis_url, "APP_ENV": "development",
           "SECRET_KEY": "bench-secret-bench-secret-bench-secret", "LOGIN_RATE_LIMIT": "100000 per minute",
           "EXPORT_DIR": str(shared / "exports"), "PART_CACHE_DIR": str(shared / "part-cache"),
           "INSTANCE_PATH": str(shared / "instance"), "WEB_CONCURRENCY": "2", "ACCESS_LOG": "off",
           "LOG_LEVEL": "warning"}
    ports = [free_port(), free_port()]
    processes = [start([PY, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"], {**env, "BIND": f"127.0.0.1:{p}"},
                       shared / f"app-{p}.log") for p in ports]
    processes += [start([PY, "-m", "flask", "--app", "app", "worker"], env, shared / f"worker-{n}.log")
                  for n in (1, 2)]
    try:
        for port, server in zip(ports, processes):
            wait_healthy(port, server)
        bases = [f"http://127.0.0.1:{p}" for p in ports]
        rec = Recorder()
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            attempt_ids = list(pool.map(lambda i: learner_session(rec, bases[i % 2], i), range(args.learners)))
        replies_s = time.perf_counter() - t0
        requests = len(rec.latencies)
        t1 = time.perf_counter()
        jobs = cohort_exports(rec, bases, cohort_ids, args.export_timeout)
        exports_s = time.perf_counter() - t1
        found = check(url, [a for a in attempt_ids if a], jobs, shared / "exports")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
    print(f"2 app servers (gunicorn, deploy/gunicorn.conf.py, 2 workers each), 2 queue workers, PostgreSQL, Redis; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"learners: {args.learners} signed in, started and replied in {replies_s:.1f} s: {requests} requests, "
          f"{requests / replies_s:.1f} requests/s, p50 {1000 * percentile(rec.latencies[:requests], 0.5):.0f} ms, "
          f"p95 {1000 * percentile(rec.latencies[:requests], 0.95):.0f} ms")
    print(f"exports: {len(jobs)} cohort exports, {found['jobs_done']} done in {exports_s:.1f} s, "
          f"{found['zips_on_disk']} ZIPs in the shared folder")
    print(f"errors: {len(rec.errors)} {rec.errors[:5]}; replies stored exactly once: "
          f"{found['replies_stored_once']} of {args.learners}; lost: "
          f"{args.learners - found['replies_stored_once'] + len(jobs) - found['jobs_done']}")


if __name__ == "__main__":
    main()
