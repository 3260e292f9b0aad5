"""Signed-in page throughput against a yardstick measured in the same run (so machine drift cancels out).

The yardstick (bench/yardstick.py) is a Flask page that renders a template with one SQLite read. Both it and the
real app run under the same gunicorn settings (2 sync workers, --preload) on loopback ports; the app gets a
temporary SQLite database built by the migrations and the demo data (plus one attempt in progress for the
workspace). A pool of client threads drives each route in turn, round after round (A/B alternation), and the
script prints requests/second, p50/p95 latency and the ratio of each page to the yardstick (medians of rounds).

    .venv/bin/python bench/bench_pages.py [--seconds 3] [--rounds 3] [--concurrency 4] [--only NAME ...]

The goal (issue 17): every signed-in page at >= 0.5x the yardstick. Quote the load (uptime) with the figures.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PY = sys.executable
sys.path.insert(0, str(BENCH))

from yardstick import build_database  # bench/ is not a package: found through sys.path above


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port: int, path: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not start")


def gunicorn(target: str, port: int, env: dict, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([PY, "-m", "gunicorn", "-w", "2", "-k", "sync", "--preload", "-b", f"127.0.0.1:{port}",
                             "--log-level", "warning", target], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def request(port: int, method: str, path: str, cookie: str = "", body: str | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response, response.read().decode()


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def sign_in_cookie(port: int, username: str, password: str) -> str:
    response, html = request(port, "GET", "/login")
    cookie = response.getheader("Set-Cookie").split(";")[0]
    body = f"username={username}&password={password}&csrf_token={csrf_token(html)}"
    response, _ = request(port, "POST", "/login", cookie, body)
    session = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("session=")]
    assert response.status == 302 and session, f"sign-in failed for {username}"
    return session[0].split(";")[0]


def start_attempt(port: int, cookie: str, scenario_id: str) -> str:
    """A new attempt in progress for the workspace page; returns its path."""
    _, html = request(port, "GET", "/learner/", cookie)
    response, _ = request(port, "POST", "/practice/start", cookie,
                          f"scenario_id={scenario_id}&csrf_token={csrf_token(html)}")
    location = response.getheader("Location") or ""
    assert response.status == 302 and "/practice/attempts/" in location, (response.status, location)
    return location[location.index("/practice/"):]


def load(port: int, path: str, seconds: float, concurrency: int, cookie: str | None) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        mine, bad = [], 0
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - t0)
            bad += response.status != 200
            renewed = [c for c in response.headers.get_all("Set-Cookie") or [] if c.startswith("session=")]
            if renewed:   # keep the renewed session cookie, as a browser does (it is re-signed once a minute)
                headers["Cookie"] = renewed[0].split(";")[0]
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    return {"rps": len(latencies) / seconds, "p50": latencies[len(latencies) // 2] * 1000,
            "p95": latencies[int(len(latencies) * 0.95)] * 1000, "errors": errors[0]}


def prepare_app(tmp: Path, env: dict) -> None:
    flask = [PY, "-m", "flask", "--app", "app"]
    subprocess.run(flask + ["db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo"], cwd=ROOT, env=env, check=True, capture_output=True)


def completed_attempt(database: Path, username: str) -> int:
    with sqlite3.connect(database) as conn:
        return conn.execute("SELECT a.id FROM attempt a JOIN user u ON u.id = a.learner_id WHERE u.username = ? "
                            "AND a.status = 'completed' ORDER BY a.id DESC LIMIT 1", (username,)).fetchone()[0]


def routes_for(app_port: int, yard_port: int, tmp: Path) -> list[tuple]:
    cookies = {name: sign_in_cookie(app_port, name, f"{name}-demo") for name in ("learner1", "tutor1", "assessor1")}
    workspace = start_attempt(app_port, cookies["learner1"], "late-parcel-x-public")
    result = f"/practice/attempts/{completed_attempt(tmp / 'simulator.sqlite', 'learner1')}/result"
    return [("yardstick", yard_port, "/yardstick", None),
            ("learner workspace", app_port, workspace, cookies["learner1"]),
            ("result page", app_port, result, cookies["learner1"]),
            ("learner home", app_port, "/learner/", cookies["learner1"]),
            ("tutor home", app_port, "/tutor/", cookies["tutor1"]),
            ("review queue", app_port, "/review/?show=all", cookies["tutor1"]),
            ("assessor home", app_port, "/assessor/", cookies["assessor1"])]


def report(results: dict[str, list[dict]], args) -> None:
    yard = statistics.median(r["rps"] for r in results["yardstick"])
    print(f"gunicorn 2 sync workers --preload, {args.concurrency} client threads on the same machine, "
          f"{args.rounds} rounds x {args.seconds:g} s, medians of rounds; load: {os.getloadavg()[0]:.2f}")
    print(f"{'page':18s} {'req/s':>8s} {'x yard':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'errors':>7s}")
    for name, runs in results.items():
        rps = statistics.median(r["rps"] for r in runs)
        print(f"{name:18s} {rps:8.1f} {rps / yard:7.2f} {statistics.median(r['p50'] for r in runs):8.2f} "
              f"{statistics.median(r['p95'] for r in runs):8.2f} {sum(r['errors'] for r in runs):7d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--only", nargs="*", default=None, help="page names to time (the yardstick always runs)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    env = dict(os.environ, INSTANCE_PATH=str(tmp), APP_ENV="development", SECRET_KEY="bench-secret")
    env.pop("DATABASE_URL", None)
    prepare_app(tmp, env)
    build_database(str(tmp / "yardstick.sqlite"))

    app_port, yard_port = free_port(), free_port()
    servers = [gunicorn("app:create_app()", app_port, env, ROOT),
               gunicorn(f"yardstick:create_app({str(tmp / 'yardstick.sqlite')!r})", yard_port, env, BENCH)]
    try:
        wait_up(app_port, "/health")
        wait_up(yard_port, "/yardstick")
        routes = [r for r in routes_for(app_port, yard_port, tmp)
                  if args.only is None or r[0] == "yardstick" or r[0] in args.only]
        results: dict[str, list[dict]] = {name: [] for name, *_ in routes}
        for _ in range(args.rounds):   # alternate the pages round by round
            for name, port, path, cookie in routes:
                results[name].append(load(port, path, args.seconds, args.concurrency, cookie))
        report(results, args)
    finally:
        for server in servers:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
