"""The factory, configuration, health check, security headers, CLI and migrations."""
import pytest

from tests.conftest import ROOT


def test_health_reports_ok_and_database_as_json(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_pages_carry_security_headers(client):
    response = client.get("/login")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


GOOD_SECRET = "a-long-random-production-secret-value"


@pytest.fixture
def production_env(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", GOOD_SECRET)
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    return monkeypatch


def test_production_refuses_the_default_secret(production_env):
    from app import create_app
    from web.config import ConfigError

    production_env.delenv("SECRET_KEY")
    with pytest.raises(ConfigError, match="SECRET_KEY is the default development secret"):
        create_app()


def test_production_refuses_the_default_secret_even_with_flask_debug_set(production_env):
    from app import create_app
    from web.config import DEFAULT_SECRET_KEY, ConfigError

    production_env.setenv("SECRET_KEY", DEFAULT_SECRET_KEY)
    production_env.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="default development secret.*debug mode is on"):
        create_app()


def test_production_refuses_an_empty_secret(production_env):
    from app import create_app
    from web.config import ConfigError

    production_env.setenv("SECRET_KEY", "")
    with pytest.raises(ConfigError, match="SECRET_KEY is empty"):
        create_app()


def test_production_refuses_a_secret_under_32_characters(production_env):
    from app import create_app
    from web.config import ConfigError

    production_env.setenv("SECRET_KEY", "x" * 31)
    with pytest.raises(ConfigError, match="31 characters; use at least 32"):
        create_app()


def test_production_refuses_debug_mode_with_a_good_secret(production_env):
    from app import create_app
    from web.config import ConfigError

    production_env.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="debug mode is on"):
        create_app()


def test_production_checks_are_not_switched_off_by_testing(production_env):
    from app import create_app
    from web.config import ConfigError

    with pytest.raises(ConfigError, match="SECRET_KEY is empty"):
        create_app({"TESTING": True, "SECRET_KEY": ""})


def test_development_starts_with_the_default_secret_and_debug(monkeypatch, tmp_path):
    from app import create_app

    monkeypatch.delenv("APP_ENV", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    assert create_app().debug is True


def test_production_starts_with_a_real_secret_and_secure_cookies(production_env):
    from app import create_app

    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_database_url_is_read_from_the_environment(monkeypatch, tmp_path):
    from app import create_app

    monkeypatch.setenv("DATABASE_URL", "postgres://user@db.internal:5432/sim")
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://user@db.internal:5432/sim"


def test_models_and_migrations_agree(app):
    """A model change without a migration fails here (flask db migrate makes the missing one)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from web.extensions import db

    with app.app_context(), db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == []


def test_create_user_command_creates_an_account(app, runner):
    from web.extensions import db
    from web.models import User

    result = runner.invoke(args=["create-user", "--username", "newtutor", "--name", "New Tutor",
                                 "--role", "tutor", "--password", "long-enough-pw"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == "newtutor"))
        assert user.role == "tutor" and user.check_password("long-enough-pw")


def test_create_user_command_refuses_a_short_password(runner):
    result = runner.invoke(args=["create-user", "--username", "x1y", "--name", "X", "--role", "tutor",
                                 "--password", "short"])
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output


def test_seed_demo_creates_every_role_once(app, runner):
    from web.extensions import db
    from web.models import Attempt, Cohort, LogbookEntry, User

    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "learner1" in first.output and "learner1-demo" in first.output
    second = runner.invoke(args=["seed-demo"])
    assert "nothing changed" in second.output
    with app.app_context():
        roles = sorted(u.role for u in db.session.scalars(db.select(User)))
        assert roles == ["admin", "assessor", "learner", "learner", "learner", "learner", "learner", "tutor"]
        cohort = db.session.scalar(db.select(Cohort))
        assert len(cohort.learners) == 5 and [a.username for a in cohort.assessors] == ["assessor1"]
        attempts = db.session.scalars(db.select(Attempt)).all()
        assert len(attempts) >= 10 and all(a.status == "completed" and a.result for a in attempts)
        assert {a.learner.username for a in attempts} == {f"learner{i}" for i in range(1, 6)}
        assert any(a.moderations for a in attempts) and any(a.signed_off_at for a in attempts)
        assert db.session.scalar(db.select(db.func.count()).select_from(LogbookEntry)) >= 2
        for entry in db.session.scalars(db.select(LogbookEntry).filter(LogbookEntry.attempt_id.is_not(None))):
            if entry.title.startswith("Reflection: "):   # named after the attempt it reflects on
                assert entry.title == f"Reflection: {db.session.get(Attempt, entry.attempt_id).instance.title}"
        assert any(e.title.startswith("Reflection: ") for e in db.session.scalars(db.select(LogbookEntry)))
        assert len({a.final_grade for a in attempts}) >= 2   # something for the charts to show


def _demo_counts(app):
    from web.extensions import db
    from web.models import Assignment, Attempt, Cohort, LogbookEntry, Moderation, User

    def count(model) -> int:
        return db.session.scalar(db.select(db.func.count()).select_from(model))

    with app.app_context():
        cohort = db.session.scalar(db.select(Cohort).filter_by(join_code="DEMO2026"))
        return {"users": count(User), "cohorts": count(Cohort), "attempts": count(Attempt),
                "assignments": count(Assignment), "moderations": count(Moderation), "logbook": count(LogbookEntry),
                "learners": sorted(l.username for l in cohort.learners) if cohort else None,
                "assessors": [a.username for a in cohort.assessors] if cohort else None}


def test_seed_demo_is_not_stopped_by_a_hand_made_admin_account(app, runner, make_user):
    from web.extensions import db
    from web.models import User

    make_user("admin", username="admin")   # password "admin-password", not the demo one
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "Demo data created." in result.output
    assert "admin      password: admin-demo  (not changed: an existing account with its own password" in result.output
    counts = _demo_counts(app)
    assert counts["users"] == 8 and counts["cohorts"] == 1 and counts["attempts"] >= 10
    assert counts["learners"] == [f"learner{i}" for i in range(1, 6)] and counts["assessors"] == ["assessor1"]
    with app.app_context():
        admin = db.session.scalar(db.select(User).filter_by(username="admin"))
        assert admin.check_password("admin-password") and not admin.check_password("admin-demo")
    assert "nothing changed" in runner.invoke(args=["seed-demo"]).output
    assert _demo_counts(app) == counts


def test_seed_demo_puts_back_a_missing_piece_without_duplicating_the_rest(app, runner):
    from web.extensions import db
    from web.models import Assignment, Cohort, User

    runner.invoke(args=["seed-demo"])
    before = _demo_counts(app)
    with app.app_context():   # a tutor removed learner4 and the assessed assignment from the demo cohort
        cohort = db.session.scalar(db.select(Cohort).filter_by(join_code="DEMO2026"))
        cohort.learners.remove(db.session.scalar(db.select(User).filter_by(username="learner4")))
        db.session.delete(db.session.scalar(db.select(Assignment).filter_by(cohort_id=cohort.id)))
        db.session.commit()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert ("Demo data present (cohort DEMO2026); added what was missing: learner4 in the demo cohort; "
            "assessed assignment Passenger threatens to sue after a fall.") in result.output
    assert _demo_counts(app) == before


def test_every_environment_variable_the_app_reads_is_in_the_readme_configuration_table():
    import re

    read = set(re.findall(r'env\.get\("([A-Z_]+)"', (ROOT / "web" / "config.py").read_text()))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', (ROOT / "app.py").read_text()))
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Configuration"):readme.index("## Running at scale")]
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", table, flags=re.M))
    assert {"SIM_SPEED", "PROXY_FIX", "REMEMBER_DAYS"} <= read
    assert read - documented == set()
    assert len(read) >= 15


def test_start_script_runs_migrations_and_seed_before_serving_with_gunicorns_config():
    script = (ROOT / "scripts" / "start.sh").read_text()
    assert script.index("db upgrade") < script.index("seed-demo") < script.index("gunicorn -c deploy/gunicorn.conf.py")
    assert script.index("seed-demo") < script.index(" run --debug")   # DEV=1: the development server


def test_the_gunicorn_config_takes_workers_from_the_cores_and_preloads(monkeypatch):
    import runpy

    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 2)
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert config["workers"] == 5 and config["preload_app"] is True and config["timeout"] == 30
    assert config["wsgi_app"] == "app:create_app()" and config["accesslog"] == "-"
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("ACCESS_LOG", "off")
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert config["workers"] == 3 and config["accesslog"] is None


def test_the_gunicorn_config_freezes_the_preloaded_objects_before_forking_a_worker():
    import gc
    import runpy

    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert gc.get_freeze_count() == 0
    try:
        config["pre_fork"](None, None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_passwords_are_hashed_with_scrypt_outside_tests(tmp_path):
    from web.config import from_environment

    assert from_environment(str(tmp_path))["PASSWORD_HASH_METHOD"] == "scrypt"


@pytest.mark.parametrize("testing", [True, False])
def test_a_web_process_does_not_load_textblob(tmp_path, testing):
    """TextBlob (and its NLTK corpora) is only for `rubrics --compare-tone`: a process that creates the app and
    scores replies through the API with the default analyser never imports it, also outside testing, where the app
    warms the scorer up at start."""
    import subprocess
    import sys

    script = f"""
import sys
from app import create_app
app = create_app({{"TESTING": {testing}, "SQLALCHEMY_DATABASE_URI": "sqlite:///{tmp_path / 'db.sqlite'}",
                  "SECRET_KEY": "t", "RATELIMIT_STORAGE_URI": "memory://", "API_TOKENS": "tok",
                  "QUEUE_SQLITE_PATH": "{tmp_path / 'queue.sqlite'}"}})
r = app.test_client().post("/api/v1/score", headers={{"Authorization": "Bearer tok"}},
                           json={{"reply": "Hi Sam, so sorry about this. Please DM us your order number.",
                                 "customer": "Where is my parcel?", "platform": "twitter"}})
assert r.status_code == 200, r.get_data(as_text=True)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("textblob", "nltk")))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"
