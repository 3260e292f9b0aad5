"""Issue 15's data migrations keep what people could do: an IQA who already sampled a cohort stays attached to it
(f15a00000007), a tutor who already led a calibration session is a lead tutor (f15a00000008), and a database that
already sent xAPI statements keeps their ids (f15a00000009: install id ''), while a fresh one gets its own id."""
import re

from sqlalchemy import text

from tests.conftest import ROOT

USER = ("INSERT INTO user (id, username, full_name, email, role, password_hash, active, session_version, created_at) "
        "VALUES (:id, :name, :name, :name || '@example.org', :role, 'x', 1, 1, '2026-01-01')")


def _app(tmp_path):
    from app import create_app
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite'}"})


def test_iqas_keep_the_cohorts_they_sampled_and_tutors_who_led_a_session_are_leads(tmp_path):
    from flask_migrate import upgrade

    from web.extensions import db
    app, folder = _app(tmp_path), str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=folder, revision="d0c5e0000001")   # f15a00000007's parent
        with db.engine.begin() as conn:
            for uid, name, role in ((1, "tina", "tutor"), (2, "tom", "tutor"), (3, "quinn", "iqa"), (4, "ida", "iqa")):
                conn.execute(text(USER), {"id": uid, "name": name, "role": role})
            for cid in (1, 2):
                conn.execute(text("INSERT INTO cohort (id, name, join_code, tutor_id, qualification, created_at) "
                                  "VALUES (:id, 'C' || :id, 'CODE' || :id, 1, 'q', '2026-01-01')"), {"id": cid})
            conn.execute(text("INSERT INTO iqa_sample (iqa_id, cohort_id, seed, plan, created_at) "
                              "VALUES (3, 2, 1, '{}', '2026-01-01'), (3, 2, 2, '{}', '2026-01-02')"))
            conn.execute(text("INSERT INTO calibration_session (lead_id, title, created_at) VALUES (1, 't', '2026-01-01')"))
        upgrade(directory=folder, revision="f15a00000008")
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT cohort_id, user_id FROM cohort_iqas")).all() == [(2, 3)]
            leads = conn.execute(text("SELECT username FROM user WHERE lead_tutor")).scalars().all()
        assert leads == ["tina"]
        db.engine.dispose()


def test_a_database_with_statements_keeps_its_ids_and_a_fresh_one_gets_an_install_id(tmp_path):
    from flask_migrate import upgrade

    from web.extensions import db
    folder = str(ROOT / "migrations")
    fresh = _app(tmp_path / "fresh")
    (tmp_path / "fresh").mkdir()
    with fresh.app_context():
        upgrade(directory=folder)
        with db.engine.connect() as conn:
            install = conn.execute(text("SELECT install_id FROM install WHERE id = 1")).scalar()
        assert re.fullmatch(r"[0-9a-f-]{36}", install)
        db.engine.dispose()
    (tmp_path / "old").mkdir()
    old = _app(tmp_path / "old")
    with old.app_context():
        upgrade(directory=folder, revision="f15a00000008")
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO xapi_statement (statement_id, verb, body, status, tries, next_try_at, "
                              "created_at) VALUES ('0b2c', 'attempted', '{}', 'sent', 1, '2026-01-01', '2026-01-01')"))
        upgrade(directory=folder)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT install_id FROM install WHERE id = 1")).scalar() == ""
        db.engine.dispose()
