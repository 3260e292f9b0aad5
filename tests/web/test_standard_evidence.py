"""The corrected evidence map in the app (issue 12): the qualification is the cohort's, and logbook entries made
against the old paraphrased map are moved by the migration, not silently re-read with new meanings."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
MIGRATION = ROOT / "migrations" / "versions" / "5c1e0a3b7d12_logbook_criteria_follow_the_quoted_standard.py"


def test_the_portfolio_names_the_cohorts_qualification_not_one_from_the_standard(app, demo_cohort):
    import portfolio
    from web.extensions import db
    from web.models import Cohort, User
    from web.services.learner_evidence import learner_evidence
    with app.app_context():
        db.session.get(Cohort, demo_cohort["cohort"]).qualification = "Customer Service Practitioner (Level 2)"
        db.session.commit()
        data = learner_evidence(db.session.get(User, demo_cohort["learner"]))
    assert data["qualification"] == {"title": "Customer Service Practitioner (Level 2)"}
    html = portfolio.exports.portfolio_html(data)
    assert "Customer Service Practitioner (Level 2)" in html and "Level 3" not in html
    assert "identify the social media platforms used by your organisation" in html


def test_a_learner_in_no_cohort_is_given_no_qualification(app, make_user):
    from web.extensions import db
    from web.models import User
    from web.services.learner_evidence import learner_evidence
    learner = make_user("learner", "lonelearner")
    with app.app_context():
        data = learner_evidence(db.session.get(User, learner))
    assert data["qualification"] == {"title": ""}


def _migration():
    spec = importlib.util.spec_from_file_location("logbook_criteria_migration", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_moves_old_criteria_and_keeps_the_dropped_frontline_ones(tmp_path):
    from flask_migrate import downgrade, upgrade

    from app import create_app
    from web.extensions import db
    migration = _migration()
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite'}"})
    folder = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=folder, revision=migration.down_revision)
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO user (id, username, full_name, email, role, password_hash, active, "
                              "session_version, created_at) VALUES (1, 'l', 'L', 'l@example.org', 'learner', 'x', 1, "
                              "0, '2026-01-01')"))
            conn.execute(text("INSERT INTO logbook_entry (id, learner_id, kind, form, title, fields, "
                              "performance_criteria, created_at, updated_at) VALUES (1, 1, 'simulated', 'short', 't', "
                              "'{\"went_well\": \"w\"}', '[\"P1\", \"P4\", \"P11\"]', '2026-01-01', '2026-01-01')"))
        upgrade(directory=folder, revision=migration.revision)
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT performance_criteria, fields FROM logbook_entry")).one()
        assert row[0] == '["P1", "P9"]'
        assert '"superseded_criteria": "P4 (criteria of the paraphrased map' in row[1] and '"went_well": "w"' in row[1]
        downgrade(directory=folder, revision=migration.down_revision)
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT performance_criteria, fields FROM logbook_entry")).one()
        assert row[0] == '["P1", "P11", "P4"]' and "superseded" not in row[1]
        db.engine.dispose()


def test_the_cohorts_tutor_sets_the_qualification_its_portfolios_name(client, login, csrf, demo_cohort):
    from web.extensions import db
    from web.models import User
    from web.services.learner_evidence import learner_evidence
    url = f"/tutor/cohorts/{demo_cohort['cohort']}"
    login("tutora")
    response = client.post(url + "/qualification", data={"csrf_token": csrf(url),
                                                          "qualification": "  Customer Service Specialist  (Level 3) "})
    assert response.status_code == 302
    assert "Customer Service Specialist (Level 3)" in client.get(url).get_data(as_text=True)
    with client.application.app_context():
        data = learner_evidence(db.session.get(User, demo_cohort["learner"]))
    assert data["qualification"] == {"title": "Customer Service Specialist (Level 3)"}


@pytest.mark.parametrize("title, message", [("   ", "Name the qualification"), ("x" * 201, "under 200 characters")])
def test_a_blank_or_overlong_qualification_is_a_clear_400(client, login, csrf, demo_cohort, title, message):
    url = f"/tutor/cohorts/{demo_cohort['cohort']}"
    login("tutora")
    response = client.post(url + "/qualification", data={"csrf_token": csrf(url), "qualification": title})
    assert response.status_code == 400 and message in response.get_data(as_text=True)


@pytest.mark.parametrize("username, status", [("tutorb", 403), ("learnera", 403), ("assessora", 403)])
def test_only_the_cohorts_tutor_sets_its_qualification(client, login, csrf, demo_cohort, username, status):
    login(username)
    response = client.post(f"/tutor/cohorts/{demo_cohort['cohort']}/qualification",
                           data={"csrf_token": csrf("/"), "qualification": "Something else (Level 4)"})
    assert response.status_code == status
    from web.extensions import db
    from web.models import Cohort
    with client.application.app_context():
        assert db.session.get(Cohort, demo_cohort["cohort"]).qualification == "Customer Service Practitioner (Level 2)"


def test_setting_the_qualification_needs_the_csrf_token(client, login, demo_cohort):
    login("tutora")
    response = client.post(f"/tutor/cohorts/{demo_cohort['cohort']}/qualification",
                           data={"qualification": "Something else (Level 4)"})
    assert response.status_code == 400
