"""The progress page: charts as inline SVG with tables, evidence map, and no inline scripts or styles."""
from __future__ import annotations

import re

from tests.web.learner.conftest import GOOD_REPLY


def test_progress_with_no_attempts_says_so(client, learner):
    page = client.get("/progress/").get_data(as_text=True)
    assert "No completed attempts yet" in page and "Evidence map" in page


def test_progress_draws_every_chart_with_a_table(client, learner, start, page_token):
    for seed in (1, 2):
        attempt_id = start("tw-late-parcel", seed)
        client.post(f"/practice/attempts/{attempt_id}/reply", data={
            "csrf_token": page_token(f"/practice/attempts/{attempt_id}"), "reply": GOOD_REPLY.format(first="Sam"),
            "channel": "public", "thread": "customer", "turn": 0})
    page = client.get("/progress/").get_data(as_text=True)
    for title in ("Grade over time", "Each criterion over time", "Response times against target", "Coverage",
                  "Evidence map"):
        assert title in page
    assert page.count("<svg") >= 5 and page.count('role="img"') >= 5
    assert "as a table" in page and "Late delivery" in page and "X (Twitter)" in page
    assert "P3 draw up a profile of how your existing and potential customers" in page and "INSCS036" in page


def test_learner_pages_have_no_inline_script_or_style(client, learner, start):
    attempt_id = start("wc-two-chats")
    for url in ("/practice/", f"/practice/attempts/{attempt_id}", "/logbook/", "/logbook/new", "/logbook/real",
                "/progress/"):
        page = client.get(url).get_data(as_text=True)
        assert " style=" not in page and "<style" not in page, url
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), url


def test_progress_page_draws_the_portfolio_pdfs_grade_and_response_charts(app, client, learner, start, page_token):
    """One chart implementation: the page shows the very SVG the portfolio's summary page draws."""
    from sqlalchemy import select

    from portfolio.evidence import summary
    from web.extensions import db
    from web.models import User
    from web.services.learner_evidence import learner_evidence

    for seed in (1, 2):
        attempt_id = start("tw-late-parcel", seed)
        client.post(f"/practice/attempts/{attempt_id}/reply", data={
            "csrf_token": page_token(f"/practice/attempts/{attempt_id}"), "reply": GOOD_REPLY.format(first="Sam"),
            "channel": "public", "thread": "customer", "turn": 0})
    page = client.get("/progress/").get_data(as_text=True)
    with app.app_context():
        user = db.session.scalars(select(User).filter_by(username=learner)).one()
        pdf_summary = summary(learner_evidence(user)["attempts"])
    assert pdf_summary["timed"] == 2
    for key in ("grades_svg", "response_svg"):
        assert pdf_summary[key] in page, key
    assert "Criterion levels per attempt" in page and "Platforms practised: 1 of" in page
