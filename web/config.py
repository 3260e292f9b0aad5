"""Configuration from the environment, with safe defaults for local use.

Order (as in Flask's tutorial): these defaults, then environment variables, then a test's overrides.
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_KEY = "dev-only-insecure-secret-change-me"


class ConfigError(RuntimeError):
    """The app refuses to start with this configuration."""


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def normalise_database_url(url: str) -> str:
    """Accept the common postgres:// and postgresql:// forms and use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def from_environment(instance_path: str) -> dict:
    env = os.environ
    app_env = env.get("APP_ENV", "development").lower()
    production = app_env == "production"
    default_db = f"sqlite:///{Path(instance_path) / 'simulator.sqlite'}"
    secure_cookies = _bool(env.get("SESSION_COOKIE_SECURE"), production)
    database_url = normalise_database_url(env.get("DATABASE_URL", default_db))
    return {
        "APP_ENV": app_env,
        "SECRET_KEY": env.get("SECRET_KEY", DEFAULT_SECRET_KEY),
        "SQLALCHEMY_DATABASE_URI": database_url,
        # A server database's connections can drop while pooled: ping on checkout. SQLite's file cannot, and the
        # ping is a statement on every request (issue 17).
        "SQLALCHEMY_ENGINE_OPTIONS": {} if database_url.startswith("sqlite") else {"pool_pre_ping": True},
        "REDIS_URL": env.get("REDIS_URL") or None,
        "EXPORT_DIR": env.get("EXPORT_DIR", str(Path(instance_path) / "exports")),
        # Finished exports stay in EXPORT_DIR ("local") or go to an S3-compatible bucket ("s3"; credentials the usual
        # AWS way: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION). web/services/export_storage.py.
        "EXPORT_STORAGE": env.get("EXPORT_STORAGE", "local"),
        "EXPORT_S3_BUCKET": env.get("EXPORT_S3_BUCKET", ""),
        "EXPORT_S3_PREFIX": env.get("EXPORT_S3_PREFIX", "exports/"),
        "EXPORT_S3_ENDPOINT_URL": env.get("EXPORT_S3_ENDPOINT_URL", ""),
        # Cohort ZIPs older than this are deleted by `flask exports prune` (and when a new cohort export starts).
        "EXPORT_RETENTION_DAYS": int(env.get("EXPORT_RETENTION_DAYS", "30")),
        # A queued or running export with no progress for this long has stalled (its worker probably stopped).
        "EXPORT_STALE_MINUTES": int(env.get("EXPORT_STALE_MINUTES", "30")),
        # A learner's portfolio, logbook or evidence pack with more attempts and logbook entries than this is made
        # by the task queue (about 0.2 s an attempt: beyond a second it does not belong in a request).
        "DIRECT_EXPORT_MAX_ATTEMPTS": int(env.get("DIRECT_EXPORT_MAX_ATTEMPTS", "5")),
        # A cohort's CSV gradebook with more completed attempts than this is made by the task queue (10,000 took
        # 1-4.5 s on a loaded server; 2,000 about a tenth of a second of CPU).
        "DIRECT_GRADEBOOK_MAX_ATTEMPTS": int(env.get("DIRECT_GRADEBOOK_MAX_ATTEMPTS", "2000")),
        # Written PDF parts shared by every process (web/services/part_cache.py): "disk" (PART_CACHE_DIR), "redis"
        # (REDIS_URL) or "memory" (per process only).
        "PART_CACHE": env.get("PART_CACHE", "disk"),
        "PART_CACHE_DIR": env.get("PART_CACHE_DIR", str(Path(instance_path) / "part-cache")),
        "PART_CACHE_MB": int(env.get("PART_CACHE_MB", "1024")),
        "QUEUE_SQLITE_PATH": env.get("QUEUE_SQLITE_PATH", str(Path(instance_path) / "queue.sqlite")),
        "SCENARIO_DIR": env.get("SCENARIO_DIR", str(ROOT / "scenarios")),
        # How often each process looks for edited scenario files (web/services/library.py): no restart needed.
        "LIBRARY_CHECK_SECONDS": float(env.get("LIBRARY_CHECK_SECONDS", "2")),
        # Cookies: HttpOnly and SameSite always; Secure wherever the app is served over HTTPS.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure_cookies,
        # Signed-in sessions are permanent (set at sign-in) and re-issued on every request, so SESSION_MINUTES is
        # an idle timeout: that long without a request and the next one goes to the sign-in page.
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=int(env.get("SESSION_MINUTES", "120"))),
        "SESSION_REFRESH_EACH_REQUEST": True,
        # ...but re-signed at most this often (web/session_cookie.py): the timeout ends up to this much earlier.
        "SESSION_REFRESH_SECONDS": int(env.get("SESSION_REFRESH_SECONDS", "60")),
        # "Keep me signed in": a separate cookie, with the same attributes, for REMEMBER_DAYS.
        "REMEMBER_COOKIE_SECURE": secure_cookies,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_DURATION": timedelta(days=int(env.get("REMEMBER_DAYS", "14"))),
        # Over HTTPS, tell browsers never to use plain HTTP for this site again.
        "STRICT_TRANSPORT_SECURITY": "max-age=31536000; includeSubDomains" if secure_cookies else None,
        "WTF_CSRF_TIME_LIMIT": None,   # a tab left open all shift must still submit; the session still expires
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "5 per minute"),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI") or env.get("REDIS_URL") or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "PASSWORD_HASH_METHOD": "scrypt",
        "API_TOKENS": env.get("API_TOKENS", ""),   # comma-separated secrets for POST /api/v1/score from other systems
        "MAX_REPLY_CHARS": 5_000,
        "SIM_SPEED": float(env.get("SIM_SPEED", "1")),   # simulated minutes per real minute on the SLA clock
        # Behind N reverse proxies, trust their X-Forwarded-For/-Proto (the sign-in limit then counts each
        # client's own address). 0: the headers are ignored, so nobody can spoof an address.
        "PROXY_FIX": int(env.get("PROXY_FIX", "0")),
        # xAPI: statements about attempts go to this learning record store (its xAPI base, e.g.
        # https://lrs.example.org/xAPI); empty: none are recorded. Sent by the task queue's worker, with retries.
        "XAPI_ENDPOINT": env.get("XAPI_ENDPOINT", ""),
        "XAPI_USERNAME": env.get("XAPI_USERNAME", ""),
        "XAPI_PASSWORD": env.get("XAPI_PASSWORD", ""),
        # The learners' accounts belong to this site (the actor's account.homePage); activity ids start with it.
        "XAPI_HOME_PAGE": env.get("XAPI_HOME_PAGE", "http://localhost"),
        # The key of the learners' pseudonymous ids in statements (HMAC): set it once and keep it, or the same
        # learner gets a new id. Empty: SECRET_KEY is used.
        "XAPI_ACTOR_KEY": env.get("XAPI_ACTOR_KEY", ""),
        # A statement the LRS could not take is tried again this many times, ever longer apart, then left for
        # `flask --app app xapi send --again`.
        "XAPI_MAX_TRIES": int(env.get("XAPI_MAX_TRIES", "8")),
    }


MIN_SECRET_LENGTH = 32


def check_production_safety(config) -> None:
    """Refuse to run in production with a guessable secret or with the debugger on.

    APP_ENV=production decides, whatever FLASK_DEBUG or TESTING say: one stray variable must not turn the
    checks off. Every problem is listed at once.
    """
    if config.get("APP_ENV") != "production":
        return
    secret = config.get("SECRET_KEY") or ""
    problems = []
    if secret == DEFAULT_SECRET_KEY:
        problems.append("SECRET_KEY is the default development secret")
    elif not secret.strip():
        problems.append("SECRET_KEY is empty")
    elif len(secret) < MIN_SECRET_LENGTH:
        problems.append(f"SECRET_KEY has {len(secret)} characters; use at least {MIN_SECRET_LENGTH}")
    if config.get("DEBUG"):
        problems.append("debug mode is on (FLASK_DEBUG); the debugger runs code for anyone who can reach it")
    if problems:
        raise ConfigError(
            "APP_ENV=production refuses to start: " + "; ".join(problems) + ". "
            "Set SECRET_KEY to a long random value, e.g. "
            "SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))'), and unset FLASK_DEBUG."
        )
