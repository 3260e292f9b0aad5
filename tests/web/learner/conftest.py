"""Fixtures for the learner experience: the app reads the small scenario set in tests/fixtures/scenarios
(one scenario per exercise type), so these tests do not depend on the shipped library."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

SCENARIOS = ROOT / "tests" / "fixtures" / "scenarios"


@pytest.fixture
def app_config() -> dict:
    return {"SCENARIO_DIR": str(SCENARIOS), "SIM_SPEED": 1.0}


@pytest.fixture
def learner(make_user, login):
    make_user("learner", username="lena", full_name="Lena Learner")
    login("lena")
    return "lena"


TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def page_token(client):
    def get(url: str = "/practice/") -> str:
        return TOKEN_RE.search(client.get(url, follow_redirects=True).get_data(as_text=True)).group(1)
    return get


@pytest.fixture
def start(client, page_token):
    """start(scenario_id, seed=7) -> attempt id (follows the redirect to the workspace)."""
    def do(scenario_id: str, seed: int | None = 7, **extra) -> int:
        data = {"csrf_token": page_token(), "scenario_id": scenario_id, **extra}
        if seed is not None:
            data["seed"] = str(seed)
        response = client.post("/practice/start", data=data)
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        match = re.search(r"/practice/attempts/(\d+)", response.headers["Location"])
        assert match, response.headers["Location"]
        return int(match.group(1))
    return do


@pytest.fixture
def state_of(app):
    def get(attempt_id: int) -> dict:
        from web.extensions import db
        from web.models import Attempt
        with app.app_context():
            return db.session.get(Attempt, attempt_id).state
    return get


GOOD_REPLY = ("Hi {first}, I'm so sorry your order is late, I can see how frustrating that is. "
              "I'll chase it now: please DM us so we can look into this for you today. ^LV")
