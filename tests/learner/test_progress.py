"""The progress page: charts as inline SVG with tables, evidence map, and no inline scripts or styles."""
from __future__ import annotations

import re

from tests.learner.conftest import GOOD_REPLY


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
    assert "P3 Show customers that their issue has been heard" in page and "INSCS036" in page


def test_learner_pages_have_no_inline_script_or_style(client, learner, start):
    attempt_id = start("wc-two-chats")
    for url in ("/practice/", f"/practice/attempts/{attempt_id}", "/logbook/", "/logbook/new", "/logbook/real",
                "/progress/"):
        page = client.get(url).get_data(as_text=True)
        assert " style=" not in page and "<style" not in page, url
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), url
