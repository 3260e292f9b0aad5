"""Shared fixtures in the flaskr style: app, client, runner, and helpers to create users and sign in.

The database is real: SQLite in a temporary folder by default, or the server named by TEST_DATABASE_URL,
or the PostgreSQL server named by DATABASE_URL (as .ci/run sets it). The schema is built by the migrations,
once per session, and every test starts with empty tables.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Fast in tests (an account and each sign-in hash a password); production keeps scrypt (tests/web/test_app.py).
TEST_PASSWORD_HASH = "pbkdf2:sha256:1000"


def pytest_configure(config) -> None:
    from tests.compile_once import share_compiled_code

    share_compiled_code()   # each test's fresh app would compile ~200 URL builders and its templates again


def server_database_url() -> str | None:
    """The database server the tests should use instead of a temporary SQLite file, if any.

    TEST_DATABASE_URL wins; otherwise DATABASE_URL, but only when it names PostgreSQL (a developer's own
    SQLite DATABASE_URL is never the test database: every test empties the tables)."""
    from web.config import normalise_database_url

    if os.environ.get("TEST_DATABASE_URL"):
        return normalise_database_url(os.environ["TEST_DATABASE_URL"])
    url = os.environ.get("DATABASE_URL", "")
    return normalise_database_url(url) if url.startswith(("postgres://", "postgresql")) else None


def _database_url(tmp_dir: Path) -> str:
    return server_database_url() or f"sqlite:///{tmp_dir / 'test.sqlite'}"


def build_schema(app) -> None:
    """The schema from the real migrations (flask db upgrade), on a clean slate on PostgreSQL."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from web.extensions import db

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:   # earlier runs may have left tables behind
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade(directory=str(ROOT / "migrations"))
        db.engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """Create the schema once with the real migrations (flask db upgrade)."""
    from app import create_app

    url = _database_url(tmp_path_factory.mktemp("db"))
    build_schema(create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url}))
    return url


@pytest.fixture
def app_config() -> dict:
    """Extra configuration for the app fixture: a test folder overrides this fixture, not `app`."""
    return {}


@pytest.fixture
def app(database_url, tmp_path, app_config):
    from app import create_app
    from web.extensions import db, limiter

    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret",
        "RATELIMIT_STORAGE_URI": "memory://",
        "EXPORT_DIR": str(tmp_path / "exports"),
        "PART_CACHE_DIR": str(tmp_path / "part-cache"),   # the shared PDF part cache (web/services/part_cache.py)
        "QUEUE_SQLITE_PATH": str(tmp_path / "queue.sqlite"),
        "PASSWORD_HASH_METHOD": TEST_PASSWORD_HASH,
        **app_config,
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
    from web.extensions import db
    from web.services.accounts import create_user

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


STRONG_REPLY = ("Hi Scott, I'm so sorry your smart watch hasn't arrived in time for your nephew's birthday, that's "
                "really disappointing. Please DM us your order number and I'll check the tracking and refund your "
                "next-day delivery charge today. Anything else, just shout. ^JS")


@pytest.fixture
def make_attempt(app):
    """make_attempt(learner_id, reply=..., scenario_id=..., seed=...) -> attempt id: a completed public-reply
    attempt generated by the real simulator and scored by the real scorer."""
    import rubrics
    import simulator
    from web.extensions import db
    from web.models import Attempt, Message, ScenarioInstance, utcnow
    from web.services.marks import store_result

    def make(learner_id: int, reply: str = STRONG_REPLY,
             scenario_id: str = "late-parcel-x-public", seed: int = 3, response_minutes: float = 20.0) -> int:
        instance = simulator.generate(scenario_id, seed).to_dict()
        context = dict(instance["scoring_context"], response_minutes=response_minutes)
        result = rubrics.score_reply(reply, context)
        with app.app_context():
            row = db.session.scalar(db.select(ScenarioInstance).filter_by(
                scenario_id=scenario_id, scenario_version=instance["scenario_version"], seed=seed))
            if row is None:
                row = ScenarioInstance(scenario_id=scenario_id, scenario_version=instance["scenario_version"],
                                       seed=seed, exercise_type=instance["exercise_type"], title=instance["title"],
                                       data=instance)
                db.session.add(row)
            attempt = Attempt(learner_id=learner_id, instance=row, exercise_type=instance["exercise_type"],
                              status="completed", submitted_at=utcnow(), sim_minutes=response_minutes)
            first = instance["messages"][0]
            attempt.messages = [
                Message(author="customer", channel=first["channel"], text=first["text"], sim_minute=0),
                Message(author="learner", channel="public", text=reply, sim_minute=response_minutes,
                        response_minutes=response_minutes)]
            db.session.add(attempt)
            db.session.flush()
            store_result(attempt, result)
            db.session.commit()
            return attempt.id

    return make


@pytest.fixture
def demo_cohort(app, make_user):
    """A tutor's cohort with two learners and an assessor; returns their ids."""
    from web.extensions import db
    from web.models import Cohort, User

    ids = {"tutor": make_user("tutor", "tutora"), "other_tutor": make_user("tutor", "tutorb"),
           "learner": make_user("learner", "learnera"), "other_learner": make_user("learner", "learnerb"),
           "outsider": make_user("learner", "learnerc"), "assessor": make_user("assessor", "assessora")}
    with app.app_context():
        cohort = Cohort(name="Test cohort", tutor_id=ids["tutor"])
        db.session.add(cohort)
        cohort.learners = [db.session.get(User, ids["learner"]), db.session.get(User, ids["other_learner"])]
        cohort.assessors = [db.session.get(User, ids["assessor"])]
        db.session.add(cohort)
        db.session.commit()
        ids["cohort"] = cohort.id
    return ids
