"""Assignments set before the title column existed show the scenario's title, never its id (issue 15): the
migration that fills their titles, through the learner's home page and the tutor's cohort page."""
from sqlalchemy import text

from tests.conftest import ROOT, sign_in

SCENARIO = "late-parcel-x-public"


def _migration():
    import importlib.util

    path = ROOT / "migrations" / "versions" / "f15a00000006_assignment_titles_for_old_rows.py"
    spec = importlib.util.spec_from_file_location("titles_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_assignment_set_before_titles_were_stored_shows_its_title_after_the_migration(tmp_path):
    from flask_migrate import upgrade

    from app import create_app
    from web.extensions import db
    from web.models import Assignment, Cohort
    from web.services.accounts import create_user
    from web.services.library import library

    migration = _migration()
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "RATELIMIT_STORAGE_URI": "memory://",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite'}",
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
    folder = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=folder, revision=migration.down_revision)
        with db.engine.begin() as conn:   # rows as they stood then (raw SQL: the models are the newest schema's)
            conn.execute(text("INSERT INTO cohort (id, name, join_code, tutor_id, qualification, created_at) "
                              "VALUES (1, 'Old cohort', 'OLD1', 1, 'q', '2026-01-01')"))
            conn.execute(text("INSERT INTO assignment (cohort_id, scenario_id, mode, created_by_id, created_at) "
                              "VALUES (1, :sid, 'practice', 1, '2026-01-01')"), {"sid": SCENARIO})
            assert conn.execute(text("SELECT scenario_title FROM assignment")).scalar() == ""
        title = library().scenarios[SCENARIO].title
        upgrade(directory=folder, revision=migration.revision)
        upgrade(directory=folder)
        tutor = create_user("tina", "Tina Tutor", "tutor", "tina-password")
        learner = create_user("lee", "Lee Learner", "learner", "lee-password")
        db.session.flush()
        cohort = db.session.get(Cohort, 1)
        cohort.tutor_id = tutor.id
        cohort.learners.append(learner)
        db.session.commit()
        cohort_id = cohort.id
        assert db.session.scalar(db.select(Assignment.scenario_title)) == title
        db.session.remove()

    client = app.test_client()
    sign_in(client, "lee")
    home = client.get("/learner/").get_data(as_text=True)
    assert title in home and SCENARIO not in home
    client = app.test_client()
    sign_in(client, "tina")
    page = client.get(f"/tutor/cohorts/{cohort_id}").get_data(as_text=True)
    assert title in page and f"<td>{SCENARIO}" not in page
    with app.app_context():
        db.engine.dispose()
