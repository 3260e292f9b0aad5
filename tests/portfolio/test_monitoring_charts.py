"""The monitoring review's charts (issue 12): each one valid SVG with a title, axis labels and a table of the same
figures; the response-time charts draw the SLA and the customers' benchmark; the planted problems show where a
reader would look for them."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from portfolio.monitoring_charts import (
    BAR_HIGH,
    BOTTOM,
    REF_INK,
    STYLES,
    TOP,
    H,
    Reference,
    Series,
    line_chart,
    monitoring_charts,
    nice_axis,
)
from simulator.monitoring import HOURS, LABELS, PLATFORMS, generate_metrics

NS = {"s": "http://www.w3.org/2000/svg"}
SEEDS = (0, 1, 7, 23, 41)


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]


def charts_by_key(seed: int) -> dict:
    return {c.key: c for c in monitoring_charts(generate_metrics(seed))}


@pytest.mark.parametrize("seed", SEEDS)
def test_every_chart_is_an_image_with_a_title_a_description_axis_labels_and_its_table(seed):
    charts = monitoring_charts(generate_metrics(seed))
    assert [c.key for c in charts] == ["volume", "first_response", "response_by_hour_weekday",
                                       "response_by_hour_weekend", "sla_breaches", "resolution", "sentiment",
                                       "categories"]
    for chart in charts:
        root = parsed(chart.svg)
        assert root.get("role") == "img"
        assert root.find("s:title", NS).text == chart.title
        assert len(root.find("s:desc", NS).text) > 40
        words = texts(root)
        assert chart.title in words   # drawn as well, for print
        assert "style=" not in chart.svg   # presentation attributes only: the pages' CSP allows no inline style
        assert chart.table.rows and all(len(r) == len(chart.table.headers) for r in chart.table.rows)
        if chart.key != "categories":
            assert {"X", "Facebook", "Instagram"} <= set(words)   # the key names every line
            assert any(w in words for w in ("Week", "Hour of the day (messages arriving)"))   # x axis label


def test_the_tables_hold_the_figures_the_charts_draw():
    m = generate_metrics(7)
    charts = charts_by_key(7)
    volume = charts["volume"].table
    assert volume.headers == ["Week", "X", "Facebook", "Instagram"]
    assert len(volume.rows) == m.weeks
    assert volume.rows[0] == ["Week 1"] + [m.series(p, "volume")[0] for p in PLATFORMS]
    assert [r[2] for r in charts["sentiment"].table.rows] == m.series("facebook", "net_sentiment")
    weekend = charts["response_by_hour_weekend"].table
    assert [r[0] for r in weekend.rows] == [f"{h:02d}:00" for h in HOURS]
    assert [r[3] for r in weekend.rows] == [m.by_hour["instagram"]["weekend"][h] for h in HOURS]
    cats = charts["categories"].table.rows
    assert {r[0].lower(): (r[1], r[2]) for r in cats} == {c: (v["contacts"], v["repeat_pct"])
                                                          for c, v in m.categories.items()}


def _reference_lines(root: ET.Element) -> list[float]:
    return [float(line.get("y1")) for line in root.iter("{http://www.w3.org/2000/svg}line")
            if line.get("stroke") == REF_INK]


@pytest.mark.parametrize("seed", SEEDS)
def test_response_time_charts_draw_the_sla_and_the_42_and_32_percent_benchmark_and_the_others_do_not(seed):
    for key, chart in charts_by_key(seed).items():
        root = parsed(chart.svg)
        words = " ".join(texts(root))
        if key in ("first_response", "response_by_hour_weekday", "response_by_hour_weekend"):
            assert len(_reference_lines(root)) == 2   # 60 (SLA and 42%) and 30 (32%)
            assert "SLA 60 min" in words and "42% expect a reply" in words and "32% expect a reply" in words
            assert "within 60 min" in words and "within 30 min" in words
            assert any("42%" in n and "32%" in n for n in chart.notes)
        else:
            assert _reference_lines(root) == [] and "expect a reply" not in words


def test_the_benchmark_lines_stand_at_their_minutes_on_the_axis():
    # An axis of 0..100 over the plot's height: the 60-minute line is 0.6 of the way up, the 30-minute one 0.3.
    references = (Reference(60, "SLA 60 min"), Reference(30, "32% expect a reply"))
    svg = line_chart("t", ["a", "b"], [Series("s", [0, 100])], x_label="x", y_label="y", references=references)
    bottom, top = H - BOTTOM, TOP
    ys = sorted(_reference_lines(parsed(svg)))
    assert ys == pytest.approx([bottom - 0.6 * (bottom - top), bottom - 0.3 * (bottom - top)], abs=0.1)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_weekend_sla_problem_is_described_on_the_weekend_chart_only(seed):
    m = generate_metrics(seed)
    platform = next(p for p in m.planted if p.key == "weekend_sla").where
    charts = charts_by_key(seed)
    weekend = charts["response_by_hour_weekend"]
    desc = parsed(weekend.svg).find("s:desc", NS).text
    assert f"{LABELS[platform]} at" in desc and "Over the 60-minute SLA" in desc
    assert all(f"{LABELS[p]} at" not in desc for p in PLATFORMS if p != platform)
    weekday_desc = parsed(charts["response_by_hour_weekday"].svg).find("s:desc", NS).text
    assert "within the 60-minute SLA at every hour" in weekday_desc


def _polyline_ys(root: ET.Element, colour: str) -> list[float]:
    line = next(p for p in root.iter("{http://www.w3.org/2000/svg}polyline") if p.get("stroke") == colour)
    return [float(pt.split(",")[1]) for pt in line.get("points").split()]


def test_a_line_is_higher_on_the_page_where_its_value_is_higher():
    m = generate_metrics(1)
    root = parsed(charts_by_key(1)["response_by_hour_weekend"].svg)
    for p in PLATFORMS:
        values = [m.by_hour[p]["weekend"][h] for h in HOURS]
        ys = _polyline_ys(root, STYLES[p][0])
        assert len(ys) == len(values)
        for i in range(len(values)):
            for j in range(len(values)):
                if values[i] > values[j]:
                    assert ys[i] < ys[j]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_launch_is_marked_before_its_week_on_the_sentiment_chart(seed):
    m = generate_metrics(seed)
    chart = charts_by_key(seed)["sentiment"]
    root = parsed(chart.svg)
    words = texts(root)
    assert f"Launch: {m.launch} (week {m.launch_week})" in words
    marker = next(line for line in root.iter("{http://www.w3.org/2000/svg}line") if line.get("stroke") == "#8a5a00")
    week_x = {t.text: float(t.get("x")) for t in root.iter("{http://www.w3.org/2000/svg}text")
              if (t.text or "").startswith("W") and t.text[1:].isdigit()}
    x = float(marker.get("x1"))
    if m.launch_week - 1 in range(1, m.weeks + 1) and f"W{m.launch_week - 1}" in week_x:
        assert week_x[f"W{m.launch_week - 1}"] < x
    if f"W{m.launch_week}" in week_x:
        assert x < week_x[f"W{m.launch_week}"]
    assert any(str(m.launch) in n for n in chart.notes)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_category_that_drives_repeat_contacts_is_the_one_bar_marked_high(seed):
    m = generate_metrics(seed)
    repeat = next(p for p in m.planted if p.key == "repeat_category").where
    root = parsed(charts_by_key(seed)["categories"].svg)
    high = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == BAR_HIGH]
    assert len(high) == 1
    marked = [t for t in texts(root) if t.endswith("(high)")]
    assert marked == [f"{m.categories[repeat]['repeat_pct']}% of {m.categories[repeat]['contacts']} contacts (high)"]
    assert texts(root).index(repeat.capitalize()) < texts(root).index(marked[0])


def test_the_same_seed_draws_the_same_charts():
    assert [c.to_dict() for c in monitoring_charts(generate_metrics(9))] == \
        [c.to_dict() for c in monitoring_charts(generate_metrics(9))]
    assert monitoring_charts(generate_metrics(9))[0].svg != monitoring_charts(generate_metrics(10))[0].svg


def test_text_is_escaped():
    svg = line_chart("<b>Title & co</b>", ["<w1>"], [Series("<script>alert(1)</script>", [3])], x_label="x < y",
                     y_label="a & b")
    root = parsed(svg)   # still well-formed XML
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<script>alert(1)</script>" in texts(root)
    assert root.find("s:title", NS).text == "<b>Title & co</b>"


@pytest.mark.parametrize(("low", "high", "axis"), [(0, 38, (0, 40, 10)), (0, 240, (0, 250, 50)),
                                                    (-23, 21, (-30, 30, 10)), (0, 0, (0, 1, 1)),
                                                    (12, 88, (0, 100, 20)), (0, 1412, (0, 1500, 250))])
def test_axes_run_on_round_numbers_from_zero_or_below(low, high, axis):
    bottom, top, step = nice_axis(low, high)
    assert (bottom, top, step) == axis
    assert bottom <= min(low, 0) and top >= high and (top - bottom) / step <= 6
