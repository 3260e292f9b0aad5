"""Sign-in limits across several processes (issue 14): gunicorn with 2 workers counting in Redis. With the
in-memory store each worker counts alone, so 10 wrong passwords got through before a 429; with REDIS_URL set
the sixth is refused whichever worker answers. Marked `redis`: .ci/run runs it where a Redis server is up."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("SKIPPED: REDIS_URL is not set, so the Redis-backed sign-in limit was not tested "
                    "(.ci/run sets it where a Redis server is running)")
    import redis
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.skip(f"SKIPPED: no Redis server answers at {url} ({exc})")
    return url


def wrong_password(port: int, attempt: int) -> int:
    """A fresh browser (a new connection, so either worker may answer) sends a wrong password for 'target'."""
    import http.cookiejar
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(base + "/login", timeout=30).read().decode()
    body = urllib.parse.urlencode({"username": "target", "password": f"wrong-{attempt}",
                                   "csrf_token": TOKEN_RE.search(page).group(1)}).encode()
    try:
        return opener.open(base + "/login", data=body, timeout=30).status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.mark.redis
@pytest.mark.slow
def test_the_sign_in_limit_holds_across_two_gunicorn_workers_with_redis(app, database_url):
    import redis

    url = redis_url()
    client = redis.Redis.from_url(url)
    for key in client.scan_iter("LIMITS*"):
        client.delete(key)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": url, "LOGIN_RATE_LIMIT": "5 per minute",
           "SECRET_KEY": "redis-limit-test-secret-redis-limit-test", "APP_ENV": "development"}
    env.pop("RATELIMIT_STORAGE_URI", None)
    with tempfile.TemporaryDirectory() as instance:
        env["INSTANCE_PATH"] = instance
        server = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "-w", "2",
                                   "-b", f"127.0.0.1:{port}", "app:create_app()"],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
                    break
                except OSError:
                    assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()[-2000:]
                    time.sleep(0.2)
            statuses = [wrong_password(port, i) for i in range(8)]
        finally:
            server.terminate()
            server.wait(30)
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429] * 3, statuses          # on time: the sixth, whichever worker answers
    assert any(True for _ in client.scan_iter("LIMITS*"))   # counted in Redis, not in the workers


def test_production_with_the_in_memory_store_warns_that_limits_are_per_worker(monkeypatch, tmp_path, caplog):
    import logging

    from app import create_app

    for name, value in {"APP_ENV": "production", "SECRET_KEY": "a-long-random-production-secret-value",
                        "INSTANCE_PATH": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite"}.items():
        monkeypatch.setenv(name, value)
    for name in ("REDIS_URL", "RATELIMIT_STORAGE_URI", "FLASK_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    with caplog.at_level(logging.WARNING):
        create_app()
    assert "Sign-in rate limits are counted in memory, per process" in caplog.text
    caplog.clear()
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/4")
    with caplog.at_level(logging.WARNING):
        app = create_app()
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/4"
    assert "counted in memory" not in caplog.text
