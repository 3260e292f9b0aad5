"""What every signed-in page costs before its own work, in process: CPU time per request against the yardstick.

bench_pages.py times whole pages over HTTP; on a shared machine its figures swing with the load. This one runs the
app and the yardstick (bench/yardstick.py) in one process through Flask's test client and counts CPU time
(time.process_time), so other processes matter much less. It adds three routes to its own app instance only:
- /_bench/bare: no sign-in, returns "ok" (Flask, the session cookie and the hooks);
- /_bench/ok: a role-checked route that returns "ok" (plus loading the signed-in user);
- /_bench/layout: a role-checked page that renders only base.html (plus the layout, its nav and CSRF token);
then any real pages named on the command line, signed in as learner1 (the demo data).

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_common_path.py [--rounds 7] [--requests 150] [PATH ...]

It prints each route's CPU milliseconds per request and the yardstick's divided by it (medians of rounds), and
the SQL statements each ran once warm.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
LAYOUT_ONLY = "{% extends 'base.html' %}{% block content %}<p>Only the layout.</p>{% endblock %}"
ROLES = ("learner", "tutor", "assessor", "iqa", "admin")


def prepare(tmp: Path) -> None:
    env = dict(os.environ, INSTANCE_PATH=str(tmp), APP_ENV="development", SECRET_KEY="bench-secret")
    env.pop("DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    subprocess.run(flask + ["db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    os.environ.update(INSTANCE_PATH=str(tmp), APP_ENV="development", SECRET_KEY="bench-secret")
    os.environ.pop("DATABASE_URL", None)


def bench_app():
    import jinja2
    from flask import render_template

    from app import create_app
    from web.security import roles_required

    app = create_app()
    templates = Path(tempfile.mkdtemp(prefix="bench-common-templates-"))
    (templates / "_bench_layout.html").write_text(LAYOUT_ONLY)
    app.jinja_env.loader = jinja2.ChoiceLoader([app.jinja_env.loader, jinja2.FileSystemLoader(str(templates))])
    app.add_url_rule("/_bench/bare", "bench_bare", lambda: "ok")
    app.add_url_rule("/_bench/ok", "bench_ok", roles_required(*ROLES)(lambda: "ok"))
    app.add_url_rule("/_bench/layout", "bench_layout",
                     roles_required(*ROLES)(lambda: render_template("_bench_layout.html")))
    return app


def signed_in(app, username: str):
    client = app.test_client()
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    response = client.post("/login", data={"username": username, "password": f"{username}-demo",
                                           "csrf_token": token})
    assert response.status_code == 302, f"sign-in failed for {username}"
    return client


def statements(app, client, path: str) -> int:
    from sqlalchemy import event

    from web.extensions import db

    seen = []
    with app.app_context():
        engine = db.engine
    listener = lambda *_args: seen.append(1)   # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=150)
    parser.add_argument("paths", nargs="*", default=["/learner/"])
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-common-"))
    prepare(tmp)
    sys.path[:0] = [str(ROOT), str(BENCH)]
    from yardstick import build_database, create_app

    build_database(str(tmp / "yardstick.sqlite"))
    yard = create_app(str(tmp / "yardstick.sqlite")).test_client()
    app = bench_app()
    learner = signed_in(app, "learner1")
    targets = [("yardstick", yard, "/yardstick")] + [(path, learner, path) for path in
                                                     ["/_bench/bare", "/_bench/ok", "/_bench/layout", *args.paths]]
    for name, client, path in targets:
        for _ in range(30):
            assert client.get(path).status_code == 200, name
    cpu: dict[str, list[float]] = {name: [] for name, *_ in targets}
    for _ in range(args.rounds):   # interleaved, round by round
        for name, client, path in targets:
            start = time.process_time()
            for _ in range(args.requests):
                client.get(path)
            cpu[name].append((time.process_time() - start) / args.requests * 1000)
    yard_ms = statistics.median(cpu["yardstick"])
    print(f"in process, test client, CPU per request, medians of {args.rounds} rounds x {args.requests}; "
          f"load: {os.getloadavg()[0]:.2f}")
    print(f"{'route':22s} {'ms cpu':>7s} {'x yard':>7s} {'statements':>11s}")
    for name, client, path in targets:
        ms = statistics.median(cpu[name])
        count = "" if name == "yardstick" else str(statements(app, client, path))
        print(f"{name:22s} {ms:7.3f} {yard_ms / ms:7.2f} {count:>11s}")


if __name__ == "__main__":
    main()
