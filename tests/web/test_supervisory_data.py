"""The profiling and monitoring exercises' data as the pages show it (issue 12): every figure of the generated
organisation or weeks is on the page, in tables with headers, and the charts come with their tables."""
from __future__ import annotations

import html
import json
import re

from flask import render_template_string

from simulator.monitoring import generate_metrics
from simulator.profiling import PLATFORM_LABELS, generate_profile
from web.services.supervisory_data import brief_data

PROFILING = '{% include "supervisory/_profiling_data.html" %}'
MONITORING = '{% include "supervisory/_monitoring_data.html" %}'


def _stored(value) -> dict:
    """As the attempt keeps its brief: JSON."""
    return json.loads(json.dumps(value.to_dict()))


def _render(app, template: str, context: dict) -> str:
    with app.test_request_context("/"):
        return render_template_string(template, **context)


def _cells(page: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", page,
                                                                                   re.S)]


def test_the_profiling_page_shows_every_segment_channel_rival_and_community_of_the_seed(app):
    org = generate_profile(12)
    page = _render(app, PROFILING, brief_data("profiling", {"organisation": _stored(org)}))
    cells = _cells(page)
    text = html.unescape(page)
    assert org.name in text and org.sector.capitalize() in text
    assert all(o in text.lower() for o in org.objectives)
    for seg in org.segments:
        row = cells[cells.index(seg.name.capitalize()):][:3 + len(seg.usage)]
        assert row[1] == ("existing" if seg.existing else "potential")
        assert row[3:] == [f"{seg.usage[c.platform]}%" for c in org.channels]
    for c in org.channels:
        label = PLATFORM_LABELS[c.platform]
        assert f"{c.median_first_response_minutes} minutes" in cells and str(c.monthly_volume) in cells
        assert cells.count(label) >= 3   # a column of the usage table, a row in queries and in service
    for rival, served in org.competitors.items():
        row = cells[cells.index(rival):][:1 + len(org.channels)]
        assert row[1:] == ["not served" if served[c.platform] is None else f"{served[c.platform]} minutes"
                           for c in org.channels]
    for community in org.communities:
        assert community.name in cells and f"{community.negative_share}%" in cells
    assert page.count("<caption>") == 5 and 'scope="col"' in page and 'scope="row"' in page


def test_the_profiling_page_does_not_give_away_the_planted_facts(app):
    org = generate_profile(3)
    text = html.unescape(_render(app, PROFILING, brief_data("profiling", {"organisation": _stored(org)})))
    assert all(fact.fact not in text for fact in org.planted)


def test_the_monitoring_page_draws_every_chart_with_its_table_and_the_benchmark(app):
    m = generate_metrics(4)
    page = _render(app, MONITORING, brief_data("monitoring", {"metrics": _stored(m)}))
    text = html.unescape(page)
    assert page.count("<svg") == 8 and page.count("<details>") == 8 and page.count("<caption>") == 8
    assert "42% expect a reply within 60 minutes, and 32% within 30" in re.sub(r"\s+", " ", text)
    assert "&lt;svg" not in page   # the SVG is markup, not text
    assert f"Launch: {m.launch} (week {m.launch_week})" in text
    cells = _cells(page)
    for row in m.rows[:6]:
        assert str(row.volume) in cells and str(row.net_sentiment) in cells


def test_a_document_brief_has_no_data_to_draw():
    assert brief_data("document", {"organisation": _stored(generate_profile(1))}) == {}
