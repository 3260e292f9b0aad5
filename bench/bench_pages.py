"""Page throughput against a bare Flask page, measured in the same run (so machine drift cancels out).

Starts the real app under gunicorn (2 sync workers, --preload) on a free loopback port, with a temporary
SQLite database built by the migrations and the demo data, plus a bare Flask app returning "hello" under the
same gunicorn settings. Then it drives both from a client pool of threads, alternating A/B rounds, and prints
requests/second and p50/p99 latency for each route and the ratio to the bare page.

    .venv/bin/python bench/bench_pages.py [--seconds 5] [--rounds 3] [--concurrency 8]
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BARE_APP = "from flask import Flask\napp = Flask(__name__)\n@app.get('/hello')\ndef hello():\n    return 'hello'\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port: int, path: str, timeout: float = 30) -> None:
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


def sign_in_cookie(port: int, username: str, password: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/login")
    response = conn.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    body = f"username={username}&password={password}&csrf_token={token}"
    conn.request("POST", "/login", body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                         "Cookie": cookie})
    response = conn.getresponse()
    response.read()
    session = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("session=")]
    assert response.status == 302 and session, f"sign-in failed for {username}"
    return session[0].split(";")[0]


def load(port: int, path: str, seconds: float, concurrency: int, cookie: str | None) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Cookie": cookie} if cookie else {}
        mine = []
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - t0)
            if response.status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    return {"rps": len(latencies) / seconds, "p50": latencies[len(latencies) // 2] * 1000,
            "p99": latencies[int(len(latencies) * 0.99)] * 1000, "errors": errors[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    env = dict(os.environ, INSTANCE_PATH=str(tmp), APP_ENV="development", SECRET_KEY="bench-secret")
    env.pop("DATABASE_URL", None)
    flask = [PY, "-m", "flask", "--app", "app"]
    subprocess.run(flask + ["db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    (tmp / "bare.py").write_text(BARE_APP)

    app_port, bare_port = free_port(), free_port()
    servers = [gunicorn("app:create_app()", app_port, env, ROOT), gunicorn("bare:app", bare_port, env, tmp)]
    try:
        wait_up(app_port, "/health")
        wait_up(bare_port, "/hello")
        cookies = {"learner": sign_in_cookie(app_port, "learner1", "learner1-demo"),
                   "tutor": sign_in_cookie(app_port, "tutor1", "tutor1-demo")}
        routes = [("bare /hello", bare_port, "/hello", None), ("/health", app_port, "/health", None),
                  ("/login", app_port, "/login", None), ("learner home", app_port, "/learner/", cookies["learner"]),
                  ("tutor home", app_port, "/tutor/", cookies["tutor"])]
        results: dict[str, list[dict]] = {name: [] for name, *_ in routes}
        for _ in range(args.rounds):   # alternate routes round by round
            for name, port, path, cookie in routes:
                results[name].append(load(port, path, args.seconds, args.concurrency, cookie))
        bare = statistics.median(r["rps"] for r in results["bare /hello"])
        print(f"gunicorn 2 sync workers --preload, {args.concurrency} client threads on the same machine, "
              f"{args.rounds} rounds x {args.seconds:.0f} s, medians")
        print(f"{'route':14s} {'req/s':>8s} {'x bare':>7s} {'p50 ms':>8s} {'p99 ms':>8s} {'errors':>7s}")
        for name, runs in results.items():
            rps = statistics.median(r["rps"] for r in runs)
            print(f"{name:14s} {rps:8.0f} {rps / bare:7.2f} {statistics.median(r['p50'] for r in runs):8.2f} "
                  f"{statistics.median(r['p99'] for r in runs):8.2f} {sum(r['errors'] for r in runs):7d}")
    finally:
        for server in servers:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
