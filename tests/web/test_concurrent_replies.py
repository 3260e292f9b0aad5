"""200 simultaneous replies against a real server (issue 14): gunicorn with 2 workers x 4 threads on the test
database (SQLite in WAL mode, or PostgreSQL when DATABASE_URL names one, as .ci/run sets it), 20 of them sent
twice at the same moment. Exactly one reply stored per attempt, tallies equal to the stored scores, no 5xx.
The same run with its latency figures: python bench/bench_concurrent_replies.py."""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT


def bench():
    spec = importlib.util.spec_from_file_location("bench_concurrent_replies",
                                                  ROOT / "bench" / "bench_concurrent_replies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_200_simultaneous_replies_on_gunicorn_lose_nothing_and_double_nothing(app, database_url):
    figures = bench().run(database_url, replies=200, learners=40, doubles=20)
    print(figures)
    assert figures["requests"] == 220
    assert not [status for status in figures["statuses"] if status >= 500], figures["statuses"]
    assert set(figures["statuses"]) == {302}, figures["statuses"]   # replies and "already sent" both redirect
    assert figures["stored_replies"] == 200
    assert figures["attempts_with_other_than_one_reply"] == []
    assert figures["tallies_equal_scores"], figures
    assert figures["scores_total"] > 0   # some attempts finished, so the tallies were written under load
