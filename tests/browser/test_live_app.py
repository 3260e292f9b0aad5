"""The app the browser tests talk to is set up for tests: accounts are hashed cheaply (scrypt would cost about
0.6 s for each account a test creates and each sign-in)."""
from __future__ import annotations

from tests.conftest import TEST_PASSWORD_HASH


def test_the_live_apps_accounts_are_hashed_with_the_tests_fast_method(live_app):
    from web.extensions import db
    from web.models import User

    with live_app.app_context():
        bella = db.session.scalar(db.select(User).filter_by(username="bella"))
        assert bella.password_hash.startswith(TEST_PASSWORD_HASH + "$")
