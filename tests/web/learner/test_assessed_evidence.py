"""Assessed attempts count as evidence: the assessor's home, the learner's evidence map and the portfolio data
say which attempts were assessed and which were practice."""
from __future__ import annotations

import pytest

from tests.conftest import STRONG_REPLY


@pytest.fixture
def two_attempts(app, demo_cohort, make_attempt):
    """The cohort's learner has a practice and an assessed attempt, both with the same strong reply."""
    from web.extensions import db
    from web.models import Attempt, CriterionScore
    practice = make_attempt(demo_cohort["learner"], reply=STRONG_REPLY, seed=3)
    assessed = make_attempt(demo_cohort["learner"], reply=STRONG_REPLY, seed=4)
    with app.app_context():
        db.session.get(Attempt, assessed).mode = "assessed"
        # Replies evidence marking points, not INSCS036's criteria: a tutor's level on a profiling-rubric criterion
        # (platform_use, which shows P1 and P3) makes both attempts evidence of the standard.
        for attempt_id in (practice, assessed):
            db.session.add(CriterionScore(attempt_id=attempt_id, criterion="platform_use", auto_level="2",
                                          moderated_level="2"))
        db.session.commit()
    return {"practice": practice, "assessed": assessed, **demo_cohort}


def test_the_assessor_home_marks_assessed_and_practice_attempts(client, login, two_attempts):
    login("assessora")
    page = client.get("/assessor/").get_data(as_text=True)
    assert "2, 1 assessed" in page
    row = next(r for r in page.split("<tr>") if f"/review/attempts/{two_attempts['assessed']}" in r)
    assessed_at = row.index(f"/review/attempts/{two_attempts['assessed']}")
    practice_at = row.index(f"/review/attempts/{two_attempts['practice']}")
    assert assessed_at < practice_at   # assessed work first
    assert row.count('class="tag tag-mode-assessed">Assessed</span>') == 1 and row.count('class="tag">Practice</span>') == 1


def test_the_evidence_map_counts_assessed_attempts_apart(client, login, two_attempts):
    login("learnera")
    page = client.get("/progress/").get_data(as_text=True)
    evidence_map = page.split('id="ev-h"', 1)[1]
    assert "1 assessed, 1 practice:" in evidence_map
    assert "(assessed)" in evidence_map and "(practice)" in evidence_map


def test_the_portfolio_shows_the_mode_of_each_attempt(app, two_attempts):
    import portfolio
    from web.extensions import db
    from web.models import User
    from web.services.learner_evidence import learner_evidence
    with app.app_context():
        data = learner_evidence(db.session.get(User, two_attempts["learner"]))
    modes = {a["id"]: a["mode"] for a in data["attempts"]}
    assert modes == {two_attempts["practice"]: "practice", two_attempts["assessed"]: "assessed"}
    html = portfolio.exports.portfolio_html(data)
    assert html.count("Assessed (counts as evidence)") == 1 and html.count("<dt>Mode</dt><dd>Practice</dd>") == 1
    assert "(2; assessed: 2)" in html   # the evidence map: attempts 1-2 evidence it, attempt 2 was assessed


def test_the_portfolio_refuses_an_unknown_mode():
    from portfolio.errors import InvalidPortfolioData
    from portfolio.model import PortfolioData
    raw = {"learner": {"username": "u", "full_name": "U", "candidate_number": "C1"}, "period": {},
           "attempts": [{"id": 1, "scenario": {"id": "s"}, "mode": "exam", "result": {}}]}
    with pytest.raises(InvalidPortfolioData, match="mode"):
        PortfolioData.from_dict(raw)
