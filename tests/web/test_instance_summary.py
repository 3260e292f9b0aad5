"""A stored scenario instance carries its category, platform and response target as columns (issue 17 item 2: the
progress page reads them instead of each attempt's instance JSON): copied from its data when stored, and filled
from the data for instances stored before the columns existed (migration f17a00000002)."""
import json

from sqlalchemy import select, text

from tests.conftest import ROOT
from web.extensions import db
from web.models import ScenarioInstance


def _stored(data: dict) -> ScenarioInstance:
    row = ScenarioInstance(scenario_id="s", scenario_version="1", seed=len(data), exercise_type="public_reply",
                           title="t", data=data)
    db.session.add(row)
    db.session.commit()
    return row


def test_a_stored_instance_copies_its_category_platform_and_target_from_its_data(app):
    with app.app_context():
        row = _stored({"category": "late_delivery", "platform": "twitter", "sla_minutes": 30})
        bare = _stored({})
        assert (row.category, row.platform, row.sla_minutes) == ("late_delivery", "twitter", 30.0)
        assert (bare.category, bare.platform, bare.sla_minutes) == (None, None, None)
        row.data = {**row.data, "sla_minutes": 45.5, "platform": "facebook"}   # only scripts do this: still followed
        db.session.commit()
        assert db.session.execute(select(ScenarioInstance.platform, ScenarioInstance.sla_minutes)
                                  .where(ScenarioInstance.id == row.id)).one() == ("facebook", 45.5)


def test_instances_stored_before_the_columns_get_them_from_their_data(tmp_path):
    from flask_migrate import upgrade

    from app import create_app
    app, folder = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite'}"}), \
        str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=folder, revision="f15a00000010")   # f17a00000002's parent
        with db.engine.begin() as conn:
            for seed, data in enumerate(({"category": "billing", "platform": "webchat", "sla_minutes": 1},
                                         {"category": "outage", "platform": "x", "sla_minutes": 12.5}, {})):
                conn.execute(text("INSERT INTO scenario_instance (scenario_id, scenario_version, seed, exercise_type, "
                                  "title, data, created_at) VALUES ('s', '1', :seed, 'public_reply', 't', :data, "
                                  "'2026-01-01')"), {"seed": seed, "data": json.dumps(data)})
        upgrade(directory=folder)
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT category, platform, sla_minutes FROM scenario_instance ORDER BY seed")).all()
        assert rows == [("billing", "webchat", 1.0), ("outage", "x", 12.5), (None, None, None)]
        db.engine.dispose()
