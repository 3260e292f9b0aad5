"""Shared fixtures in the flaskr style: app, client, runner, and helpers to create users and sign in.

The database is real: SQLite in a temporary folder by default, or the PostgreSQL server named by
TEST_DATABASE_URL (as .ci/run sets it). The schema is built by the migrations, once per session,
and every test starts with empty tables.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _database_url(tmp_dir: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_dir / 'test.sqlite'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """Create the schema once with the real migrations (flask db upgrade)."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app import create_app
    from web.extensions import db

    url = _database_url(tmp_path_factory.mktemp("db"))
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:   # a clean slate: earlier runs may have left tables behind
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade(directory=str(ROOT / "migrations"))
        db.engine.dispose()
    return url


@pytest.fixture
def app(database_url, tmp_path):
    from app import create_app
    from web.extensions import db, limiter

    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret",
        "RATELIMIT_STORAGE_URI": "memory://",
        "EXPORT_DIR": str(tmp_path / "exports"),
    })
    with app.app_context():
        limiter.reset()
    yield app
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    """make_user("learner", username=...) creates a committed account; its password is '<username>-password'."""
    from web.accounts import create_user
    from web.extensions import db

    counter = {"n": 0}

    def make(role: str, username: str | None = None, full_name: str | None = None):
        counter["n"] += 1
        username = username or f"{role}{counter['n']}"
        with app.app_context():
            user = create_user(username, full_name or f"{role.title()} Person{counter['n']}", role,
                               f"{username}-password", email=f"{username}@example.com")
            db.session.commit()
            return user.id

    return make


CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def sign_in(client, username: str, password: str | None = None, follow: bool = False):
    page = client.get("/login")
    token = csrf_from(page.get_data(as_text=True))
    return client.post("/login", data={"username": username, "password": password or f"{username}-password",
                                       "csrf_token": token}, follow_redirects=follow)


@pytest.fixture
def login(client):
    def do(username: str, password: str | None = None):
        response = sign_in(client, username, password)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return response
    return do


@pytest.fixture
def csrf(client):
    """csrf(url) -> a valid token read from the page at url (as a browser would)."""
    def get(url: str = "/login") -> str:
        return csrf_from(client.get(url, follow_redirects=True).get_data(as_text=True))
    return get
