"""What each signed-in page of bench_pages.py costs in process: SQL statements and CPU time per request, beside the
same yardstick (bench/yardstick.py) in the same process.

bench_pages.py measures throughput through gunicorn, where the machine's load moves the wall clock of one run
by 2x and more (on this shared 2-core machine the yardstick itself went from 882 to 415 req/s between two runs).
CPU time (time.process_time) of requests through Flask's test client, best of five batches, moves far less: use it
to see what a change does to a page; use bench_pages.py for the issue's figure.

    .venv/bin/python bench/bench_page_work.py [--requests 200] [--sql] [--profile] [PAGE ...]

PAGE: workspace, result, learner-home, tutor-home, review-queue, assessor-home (default: all).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))


def prepare(tmp: Path) -> None:
    """A SQLite database built by the migrations and the demo data, as bench_pages.py makes."""
    env = dict(os.environ, INSTANCE_PATH=str(tmp), APP_ENV="development", SECRET_KEY="bench-secret")
    env.pop("DATABASE_URL", None)
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run([sys.executable, "-m", "flask", "--app", "app", *command], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    os.environ.update(INSTANCE_PATH=str(tmp), APP_ENV="development", SECRET_KEY="bench-secret")
    os.environ.pop("DATABASE_URL", None)


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def signed_in(app, username: str):
    client = app.test_client()
    html = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"username": username, "password": f"{username}-demo",
                                           "csrf_token": csrf(html)})
    assert response.status_code == 302, f"sign-in failed for {username}"
    return client


def cpu_ms(get, requests: int) -> float:
    """CPU milliseconds per request: the best of five batches (the least disturbed by other processes)."""
    for _ in range(20):
        get()
    batches = []
    for _ in range(5):
        start = time.process_time()
        for _ in range(requests // 5):
            get()
        batches.append((time.process_time() - start) / (requests // 5) * 1000)
    return min(batches)


def statements(engine, get) -> list[str]:
    """The SQL statements one request runs."""
    from sqlalchemy import event

    seen: list[str] = []

    def count(_conn, _cursor, statement, *_rest) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        get()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--sql", action="store_true", help="print each page's statements")
    parser.add_argument("--profile", action="store_true", help="print each page's cProfile, by cumulative time")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-page-work-"))
    prepare(tmp)
    from sqlalchemy import text
    from yardstick import build_database
    from yardstick import create_app as yardstick_app

    from app import create_app
    from web.extensions import db

    app = create_app()
    clients = {name: signed_in(app, name) for name in ("learner1", "tutor1", "assessor1")}
    home = clients["learner1"].get("/learner/").get_data(as_text=True)
    started = clients["learner1"].post("/practice/start", data={"scenario_id": "late-parcel-x-public",
                                                                "csrf_token": csrf(home)})
    workspace = started.headers["Location"][started.headers["Location"].index("/practice/"):]
    with app.app_context():
        completed = db.session.execute(text(
            "SELECT a.id FROM attempt a JOIN user u ON u.id = a.learner_id WHERE u.username = 'learner1' "
            "AND a.status = 'completed' ORDER BY a.id DESC LIMIT 1")).scalar()
        engine = db.engine
    pages = {"workspace": ("learner1", workspace), "result": ("learner1", f"/practice/attempts/{completed}/result"),
             "learner-home": ("learner1", "/learner/"), "tutor-home": ("tutor1", "/tutor/"),
             "review-queue": ("tutor1", "/review/?show=all"), "assessor-home": ("assessor1", "/assessor/")}

    build_database(str(tmp / "yardstick.sqlite"))
    yard = yardstick_app(str(tmp / "yardstick.sqlite")).test_client()
    yard_ms = cpu_ms(lambda: yard.get("/yardstick"), args.requests)
    print(f"CPU ms per request in process, best of 5 batches of {args.requests // 5}; load: {os.getloadavg()[0]:.2f}")
    print(f"{'page':14s} {'statements':>10s} {'CPU ms':>7s} {'x yard':>7s}")
    print(f"{'yardstick':14s} {1:10d} {yard_ms:7.2f} {1:7.2f}")
    for name, (user, path) in pages.items():
        if args.pages and name not in args.pages:
            continue
        client = clients[user]
        assert client.get(path).status_code == 200, name   # the first view draws and keeps what a page keeps
        seen = statements(engine, lambda c=client, p=path: c.get(p))
        ms = cpu_ms(lambda c=client, p=path: c.get(p), args.requests)
        print(f"{name:14s} {len(seen):10d} {ms:7.2f} {yard_ms / ms:7.2f}")
        if args.sql:
            for statement in seen:
                print("    " + " ".join(statement.split())[:150])
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.requests):
                client.get(path)
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
