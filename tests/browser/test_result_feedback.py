"""The result page in a real browser (issue 11): the scenario's checks with the learner's words, split into what the
rubric guide grades and what is reported apart from the grade, and the prioritised feedback; axe-clean."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.browser.conftest import check, start

pytestmark = pytest.mark.browser

# Covers the safety action (stop using it) but not the update the fixture's holding statement also asks for.
STATEMENT = ("We're so sorry for the worry about our kettles. Please stop using yours and unplug it now while we "
             "look into this.")


def stored_result(live_app) -> dict:
    from web.extensions import db
    from web.models import Attempt
    with live_app.app_context():
        attempt = db.session.scalar(select(Attempt).where(Attempt.status == "completed", Attempt.exercise_type == "crisis")
                                    .order_by(Attempt.id.desc()).limit(1))
        return dict(attempt.result)


def test_result_page_shows_the_checks_and_the_prioritised_feedback(page, live_app):
    start(page, "Overheating kettles")
    page.locator("#reply-main").fill(STATEMENT)
    page.locator(".send-button").click()
    page.wait_for_url("**/result")
    result = stored_result(live_app)

    checks = page.get_by_role("region", name="What this scenario asked for")
    graded = checks.locator("table.checks-graded")
    safety = graded.get_by_role("row", name="stop using")
    assert "Shown" in safety.inner_text()
    assert "stop using" in safety.locator("mark").first.inner_text().lower()
    apart = checks.locator("table.checks-apart")
    assert "not in the rubric guide" in checks.inner_text()
    update = apart.get_by_role("row", name="update")
    assert "Missing" in update.inner_text() and update.locator("mark").count() == 0

    ebi = page.get_by_role("region", name="Even better if")
    items = ebi.locator("ol.ebi-list > li")
    stored = result["feedback"]["even_better_if"]
    assert 1 <= items.count() == len(stored) <= 3
    for li, item in zip(items.all(), stored):            # the page keeps the scorer's priority order
        assert item["text"] in li.inner_text()
        assert f"For example: “{item['example']}”" in li.inner_text()
    gains = [i["impact"]["gain"] for i in stored]
    assert gains == sorted(gains, reverse=True)
    went = page.get_by_role("region", name="What went well")
    for w in result["feedback"]["went_well"]:
        assert w["quote"] in STATEMENT and w["quote"] in went.inner_text()
    assert result["feedback"]["grade_explained"] in page.locator(".grade-explained").inner_text()
    why = page.locator("table.criteria").inner_text()        # no matched-word lists such as "(smart, watch)"
    assert not re.search(r"\((?:[\w'’-]+, )+[\w'’-]+\)", why), why
    check(page, "20-result-checks-and-feedback")
