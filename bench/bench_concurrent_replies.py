"""Simultaneous replies against a real server: gunicorn (2 workers x 4 threads) on PostgreSQL or SQLite (WAL).

    python bench/bench_concurrent_replies.py                      # SQLite in a temporary folder
    DATABASE_URL=postgresql://postgres@127.0.0.1/mydb python bench/bench_concurrent_replies.py   # PostgreSQL
    python bench/bench_concurrent_replies.py --replies 200 --learners 40 --doubles 20

N learners each start replies/N attempts through the real pages; then every reply is sent at the same moment
(a barrier releases one thread per request), and `doubles` of them are sent twice at once, as a double click
would. It prints the latency (p50, p95, max) and checks what the issue asks: exactly one stored reply per
attempt, the weakness tallies equal to the stored scores, no 5xx. tests/web/test_concurrent_replies.py runs the
same function and asserts the same. The database is emptied first: never point it at real data.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCENARIO = "late-parcel-x-public"
REPLY = ("Hi {name}, I'm so sorry your order hasn't arrived, that's really frustrating. Please DM us your order "
         "number and I'll chase the courier and refund your delivery charge today. ^JS")
TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
THREAD_RE = re.compile(r'name="thread" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One learner's cookies; requests never follow redirects (the status is what is measured)."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=300) as response:
                return response.status, response.headers.get("Location", ""), response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Location", ""), exc.read().decode(errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(database_url: str, learners: int) -> list[str]:
    """Schema by the migrations, tables emptied, `learners` learner accounts (fast password hashes).

    `flask db upgrade` runs in its own process: Alembic's logging setup would otherwise silence the app's
    loggers in this one (the tests run this function)."""
    from app import create_app
    from web.extensions import db
    from web.services.accounts import create_user

    subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=ROOT, check=True,
                   env={**os.environ, "DATABASE_URL": database_url}, capture_output=True)
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
    with app.app_context():
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        names = [f"bench{i:03d}" for i in range(learners)]
        for name in names:
            create_user(name, f"Bench Learner{name[-3:]}", "learner", f"{name}-password")
        db.session.commit()
        db.engine.dispose()
    return names


def start_server(database_url: str, port: int, instance: str, workers: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "bench-secret-bench-secret-bench-secret",
           "LOGIN_RATE_LIMIT": "100000 per minute", "RATELIMIT_STORAGE_URI": "memory://", "INSTANCE_PATH": instance,
           "APP_ENV": "development", "SIM_SPEED": "1"}
    env.pop("REDIS_URL", None)
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "--preload", "-w", str(workers), "--threads", str(threads),
         "-b", f"127.0.0.1:{port}", "--timeout", "300", "--backlog", "2048", "app:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped: " + server.stderr.read().decode()[-2000:])
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /health within 60 s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(database_url: str, replies: int = 200, learners: int = 40, doubles: int = 20, workers: int = 2,
        threads: int = 4) -> dict:
    """Send `replies` replies at once (plus `doubles` second copies) and check the database. Returns the figures."""
    from sqlalchemy import create_engine, func, select

    from web.models import Attempt, CriterionScore, LevelTally, Message

    names = prepare_database(database_url, learners)
    port = free_port()
    with tempfile.TemporaryDirectory() as instance:
        server = start_server(database_url, port, instance, workers, threads)
        try:
            base = f"http://127.0.0.1:{port}"
            browsers, jobs = {}, []
            for index in range(replies):
                name = names[index % learners]
                if name not in browsers:
                    browser = browsers[name] = Browser(base)
                    page = browser.request("/login")[2]
                    status, _, _ = browser.request("/login", {"username": name, "password": f"{name}-password",
                                                              "csrf_token": TOKEN_RE.search(page).group(1)})
                    assert status == 302, f"sign-in failed for {name}: {status}"
                browser = browsers[name]
                token = TOKEN_RE.search(browser.request("/practice/")[2]).group(1)
                status, location, _ = browser.request("/practice/start", {"csrf_token": token, "scenario_id": SCENARIO,
                                                                          "seed": str(index + 1)})
                assert status == 302 and "/practice/attempts/" in location, (status, location)
                attempt_id = int(location.rstrip("/").split("/")[-1])
                thread = THREAD_RE.search(browser.request(f"/practice/attempts/{attempt_id}")[2]).group(1)
                form = {"csrf_token": token, "reply": REPLY.format(name=name), "channel": "public",
                        "thread": thread, "turn": "0"}
                jobs.append((browser, attempt_id, form))
            jobs += jobs[:doubles]   # the same forms again, at the same moment: double submits
            barrier = threading.Barrier(len(jobs))
            results: list[tuple[int, int, float]] = []
            lock = threading.Lock()

            def send(job):
                browser, attempt_id, form = job
                barrier.wait()
                started = time.perf_counter()
                status, _, _ = browser.request(f"/practice/attempts/{attempt_id}/reply", form)
                with lock:
                    results.append((attempt_id, status, time.perf_counter() - started))

            wall = time.perf_counter()
            with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
                list(pool.map(send, jobs))
            wall = time.perf_counter() - wall
        finally:
            server.terminate()
            server.wait(30)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        attempt_ids = sorted({a for _, a, _ in jobs})
        stored = dict(conn.execute(select(Message.attempt_id, func.count()).where(Message.author == "learner")
                                   .group_by(Message.attempt_id)).all())
        completed = conn.scalar(select(func.count()).select_from(Attempt).where(Attempt.status == "completed"))
        from_scores = {tuple(row[:3]): row[3] for row in conn.execute(
            select(Attempt.learner_id, CriterionScore.criterion, func.coalesce(CriterionScore.moderated_level,
                                                                               CriterionScore.auto_level), func.count())
            .join(Attempt, CriterionScore.attempt_id == Attempt.id).group_by(
                Attempt.learner_id, CriterionScore.criterion,
                func.coalesce(CriterionScore.moderated_level, CriterionScore.auto_level)))}
        tallies = {(r.learner_id, r.criterion, r.level): r.count for r in conn.execute(select(LevelTally)) if r.count}
    engine.dispose()
    latencies = [seconds for _, _, seconds in results]
    statuses: dict[int, int] = {}
    for _, status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "attempts": len(attempt_ids), "requests": len(results), "doubles": doubles, "statuses": statuses,
        "stored_replies": sum(stored.get(a, 0) for a in attempt_ids),
        "attempts_with_other_than_one_reply": [a for a in attempt_ids if stored.get(a, 0) != 1],
        "completed": completed, "tally_rows": len(tallies), "tally_total": sum(tallies.values()),
        "tallies_equal_scores": tallies == from_scores, "scores_total": sum(from_scores.values()),
        "p50_ms": 1000 * statistics.median(latencies), "p95_ms": 1000 * percentile(latencies, 0.95),
        "max_ms": 1000 * max(latencies), "wall_s": wall, "database": database_url.split(":", 1)[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--doubles", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    from web.config import normalise_database_url

    with tempfile.TemporaryDirectory() as folder:
        url = normalise_database_url(os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite")
        figures = run(url, args.replies, args.learners, args.doubles, args.workers, args.threads)
    print(f"{figures['database']}: {figures['attempts']} attempts, {figures['requests']} simultaneous requests "
          f"({figures['doubles']} double submits), gunicorn {args.workers} workers x {args.threads} threads")
    print(f"  statuses {figures['statuses']}; stored replies {figures['stored_replies']} "
          f"(attempts with other than one: {len(figures['attempts_with_other_than_one_reply'])}); "
          f"completed {figures['completed']}")
    print(f"  tallies equal the stored scores: {figures['tallies_equal_scores']} "
          f"({figures['tally_total']} counts in {figures['tally_rows']} rows, {figures['scores_total']} scores)")
    print(f"  latency p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, max {figures['max_ms']:.0f} ms; "
          f"all answered in {figures['wall_s']:.1f} s")


if __name__ == "__main__":
    main()
