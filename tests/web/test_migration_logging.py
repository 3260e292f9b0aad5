"""An Alembic upgrade run inside the app's process (the tests' data migrations, `flask db upgrade`) leaves the app's
log on: migrations/env.py's fileConfig used to disable every logger that already existed, so every later test that
read the app's log (the admin audit lines, the production rate-limit warning) saw nothing."""
import logging

from tests.conftest import ROOT


class _Kept(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def test_an_upgrade_in_the_process_leaves_the_apps_log_heard(tmp_path):
    from flask_migrate import upgrade

    from app import create_app
    from web.extensions import db

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite'}"})
    app.logger.info("made before the upgrade")   # Flask makes its logger when first used: it must exist already
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        db.engine.dispose()
    # fileConfig also swaps the root logger's handlers (pytest's caplog among them) for this test only, so the
    # test listens on the app's logger itself; a disabled logger drops the record before any handler sees it.
    kept, level = _Kept(), app.logger.level
    app.logger.addHandler(kept)
    app.logger.setLevel(logging.INFO)
    try:
        app.logger.info("admin boss: still heard after the upgrade")
    finally:
        app.logger.removeHandler(kept)
        app.logger.setLevel(level)
    assert kept.lines == ["admin boss: still heard after the upgrade"]
