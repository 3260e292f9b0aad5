"""The monitoring review's charts (issue 12): a brand's weeks of channel metrics drawn as inline SVG, each chart
with the table of the figures it draws, for screen readers and for anyone who wants the numbers.

Pure functions of simulator.monitoring.Metrics; the SVG follows portfolio/charts.py's rules (every text value
escaped, presentation attributes only so the pages' CSP allows them, <title> and <desc> inside). Lines differ by
dash and marker shape as well as colour, and the key names them, so no chart needs colour to be read. Where a
chart is about response times, the SLA and the customers' benchmark (42% expect a reply within 60 minutes, 32%
within 30) are drawn as labelled reference lines.

    monitoring_charts(metrics) -> list[Chart]      every chart of the exercise, in reading order
    line_chart(...), bar_chart(...)                the two drawings they use
"""
from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from portfolio.charts import GRID, INK, WARN
from simulator.monitoring import HOURS, LABELS, PLATFORMS, Metrics

W, H = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 112, 52, 46      # the key sits under the title; the right margin holds the
                                                # reference lines' labels
REF_INK = "#5c2d91"                             # reference lines: a colour no series uses
LAUNCH_INK = "#8a5a00"
# One look per platform: colour, dash pattern and marker shape all differ.
STYLES = {"x": ("#1a1a1a", "", "circle"), "facebook": ("#1f4e79", "7 4", "square"),
          "instagram": ("#a0356b", "2 3", "triangle")}
BAR_FILL, BAR_HIGH = "#1f4e79", WARN


@dataclass(frozen=True)
class Series:
    name: str
    values: list
    colour: str = INK
    dash: str = ""
    marker: str = "circle"


@dataclass(frozen=True)
class Reference:
    value: float
    label: str


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list             # column headings; the first heads the row labels
    rows: list                # [row label, value, value...]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: str
    table: Table
    notes: list = field(default_factory=list)   # what the reference lines and markers mean, in words

    def to_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "svg": self.svg, "notes": list(self.notes),
                "table": {"caption": self.table.caption, "headers": list(self.table.headers),
                          "rows": [list(r) for r in self.table.rows]}}


def _text(x, y, s, anchor="start", size=10, fill=INK, weight="normal", rotate=False) -> str:
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" '
            f'font-weight="{weight}"{turn}>{escape(str(s))}</text>')


def _svg(title: str, desc: str, body: list[str], height: int = H) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{W}" height="{height}" '
            f'viewBox="0 0 {W} {height}" font-family="DejaVu Sans" font-size="10">'
            f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
            + _text(8, 18, title, size=12, weight="bold") + "".join(body) + "</svg>")


def nice_axis(low: float, high: float, most_ticks: int = 6) -> tuple[int, int, int]:
    """(bottom, top, step) of an axis that holds low..high on round numbers, with at most ``most_ticks`` steps."""
    low, high = min(low, 0), max(high, 1)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        bottom, top = (low // step) * step, -(-high // step) * step
        if (top - bottom) / step <= most_ticks:
            return int(bottom), int(top), step
    raise ValueError(f"no axis for {low}..{high}")


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{colour}"/>'
    if shape == "triangle":
        corners = f"{x:.1f},{y - 4:.1f} {x + 4:.1f},{y + 3:.1f} {x - 4:.1f},{y + 3:.1f}"
        return f'<polygon points="{corners}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'


def _key(series: list[Series], y: float) -> list[str]:
    """The key in words under the title, each series with its line and marker."""
    x, out = float(LEFT), []
    for s in series:
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 24:.1f}" y2="{y:.1f}" stroke="{s.colour}" '
                   f'stroke-width="2"{dash}/>')
        out.append(_marker(s.marker, x + 12, y, s.colour))
        out.append(_text(x + 30, y + 3.5, s.name, size=9))
        x += 30 + 5.6 * len(s.name) + 20
    return out


def line_chart(title: str, x_labels: list, series: list[Series], *, x_label: str, y_label: str,
               references: tuple[Reference, ...] = (), marker: tuple[int, str] | None = None, desc: str = "") -> str:
    """Lines over the same x positions (weeks, hours), a y axis on round numbers that also holds every reference
    line, a key, and optionally a vertical marker before x position ``marker[0]`` (0-based) labelled ``marker[1]``."""
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    values = [v for s in series for v in s.values] + [r.value for r in references]
    bottom, top, step = nice_axis(min(values), max(values))
    n = len(x_labels)

    def x_at(i: int) -> float:
        return LEFT + pw * (i + 0.5) / n

    def y_at(v: float) -> float:
        return TOP + ph - ph * (v - bottom) / (top - bottom)

    body = []
    for v in range(bottom, top + 1, step):
        colour, width = (INK, 1) if v == 0 and bottom < 0 else (GRID, 0.6)
        body.append(f'<line x1="{LEFT}" y1="{y_at(v):.1f}" x2="{LEFT + pw}" y2="{y_at(v):.1f}" stroke="{colour}" '
                    f'stroke-width="{width}"/>')
        body.append(_text(LEFT - 6, y_at(v) + 3.5, v, "end", 9))
    slot = pw / max(n, 1)
    every = max(1, -(-int(max(len(str(s)) for s in x_labels) * 5.5 + 6) // max(int(slot), 1)))
    body += [_text(x_at(i), TOP + ph + 14, s, "middle", 9) for i, s in enumerate(x_labels) if i % every == 0]
    body.append(_text(LEFT + pw / 2, H - 8, x_label, "middle", 10))
    body.append(_text(16, TOP + ph / 2, y_label, "middle", 10, rotate=True))
    for k, ref in enumerate(sorted(references, key=lambda r: -r.value)):
        y = y_at(ref.value)
        lines = ref.label.split("\n")
        # the highest line's words stand above it, the others' below, so two close lines' words never overlap
        first = y - 4 - 10 * (len(lines) - 1) if k == 0 else y + 11
        body.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + pw}" y2="{y:.1f}" stroke="{REF_INK}" '
                    'stroke-width="1.4" stroke-dasharray="10 3 2 3"/>')
        body += [_text(LEFT + pw + 4, first + 10 * j, line, size=8, fill=REF_INK) for j, line in enumerate(lines)]
    if marker is not None:
        at, label = marker
        x = LEFT + slot * at
        body.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{TOP + ph}" stroke="{LAUNCH_INK}" '
                    'stroke-width="1.4" stroke-dasharray="4 2"/>')
        body.append(_text(x + 3, TOP + 9, label, size=8, fill=LAUNCH_INK))
    for s in series:
        points = " ".join(f"{x_at(i):.1f},{y_at(v):.1f}" for i, v in enumerate(s.values))
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        body.append(f'<polyline fill="none" stroke="{s.colour}" stroke-width="2"{dash} points="{points}"/>')
        body += [_marker(s.marker, x_at(i), y_at(v), s.colour) for i, v in enumerate(s.values)]
    body += _key(series, 34)
    return _svg(title, desc or title, body)


def bar_chart(title: str, rows: list[tuple[str, float, str]], *, x_label: str, highlight_over: float | None = None,
              desc: str = "") -> str:
    """Horizontal bars (``rows``: [(label, value, words after the bar)]); bars over ``highlight_over`` are drawn in
    the warning colour and say so in their words, so the colour is never the only cue."""
    left, rh = 130, 26
    pw = W - left - 190     # room after the longest bar for its words
    height = TOP + rh * len(rows) + 40
    _, top, step = nice_axis(0, max(v for _, v, _ in rows))
    body = []
    for v in range(0, top + 1, step):
        x = left + pw * v / top
        body.append(f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{TOP + rh * len(rows)}" stroke="{GRID}" '
                    'stroke-width="0.6"/>')
        body.append(_text(x, TOP + rh * len(rows) + 14, v, "middle", 9))
    body.append(_text(left + pw / 2, height - 6, x_label, "middle", 10))
    for i, (label, value, words) in enumerate(rows):
        y = TOP + rh * i
        high = highlight_over is not None and value > highlight_over
        body.append(_text(left - 6, y + 16, label, "end", 10))
        body.append(f'<rect x="{left}" y="{y + 4}" width="{max(pw * value / top, 1):.1f}" height="16" '
                    f'fill="{BAR_HIGH if high else BAR_FILL}"/>')
        body.append(_text(left + pw * value / top + 6, y + 16, words, size=9, weight="bold" if high else "normal"))
    return _svg(title, desc or title, body, height)


def _platform_series(metrics: Metrics, values_of) -> list[Series]:
    return [Series(LABELS[p], values_of(p), *STYLES[p]) for p in PLATFORMS]


def _response_references(metrics: Metrics) -> tuple[Reference, ...]:
    """The customers' benchmark at 60 and 30 minutes, and the SLA (on the 60-minute line when it is 60)."""
    b = metrics.benchmark
    refs = {60: f"{b['within_60_minutes']}% expect", 30: f"{b['within_30_minutes']}% expect"}
    refs = {m: f"{words} a reply\nwithin {m} min" for m, words in refs.items()}
    sla = metrics.sla_minutes
    refs[sla] = f"SLA {sla} min" + ("\n" + refs[sla] if sla in refs else "")
    return tuple(Reference(m, label) for m, label in sorted(refs.items(), reverse=True))


def _response_notes(metrics: Metrics) -> list[str]:
    b = metrics.benchmark
    return [f"The dashed purple lines: the SLA of {metrics.sla_minutes} minutes, and the customers' benchmark: "
            f"{b['within_60_minutes']}% of customers expect a reply within 60 minutes and "
            f"{b['within_30_minutes']}% within 30."]


def _weekly(metrics: Metrics, key: str, title: str, field_name: str, y_label: str, unit: str, *,
            references: tuple[Reference, ...] = (), notes: list[str] | None = None,
            marker: tuple[int, str] | None = None) -> Chart:
    weeks = list(range(1, metrics.weeks + 1))
    series = _platform_series(metrics, lambda p: metrics.series(p, field_name))
    desc = f"{title}, week 1 to {metrics.weeks}. " + "; ".join(
        f"{s.name}: from {s.values[0]} to {s.values[-1]}{unit}, lowest {min(s.values)}, highest {max(s.values)}"
        for s in series) + "."
    svg = line_chart(title, [f"W{w}" for w in weeks], series, x_label="Week", y_label=y_label,
                     references=references, marker=marker, desc=desc)
    table = Table(f"{title}, by week", ["Week"] + [s.name for s in series],
                  [[f"Week {w}"] + [s.values[i] for s in series] for i, w in enumerate(weeks)])
    return Chart(key, title, svg, table, notes or [])


def _by_hour(metrics: Metrics, day: str) -> Chart:
    words = "weekdays" if day == "weekday" else "weekends"
    title = f"First response time by hour, {words}"
    hours = [f"{h:02d}:00" for h in HOURS]
    series = _platform_series(metrics, lambda p: [metrics.by_hour[p][day][h] for h in HOURS])
    over = [f"{s.name} at {hours[i]} ({v} min)" for s in series for i, v in enumerate(s.values)
            if v > metrics.sla_minutes]
    desc = (f"Median minutes to the first reply, by hour of the day, on {words}. "
            + (f"Over the {metrics.sla_minutes}-minute SLA: " + ", ".join(over) + "." if over
               else f"Every platform within the {metrics.sla_minutes}-minute SLA at every hour."))
    svg = line_chart(title, hours, series, x_label="Hour of the day (messages arriving)",
                     y_label="Minutes to first reply", references=_response_references(metrics), desc=desc)
    table = Table(f"{title} (minutes)", ["Hour"] + [s.name for s in series],
                  [[h] + [s.values[i] for s in series] for i, h in enumerate(hours)])
    return Chart(f"response_by_hour_{day}", title, svg, table, _response_notes(metrics))


def _categories(metrics: Metrics) -> Chart:
    title = "Complaint categories: contacts that come back"
    ordered = sorted(metrics.categories.items(), key=lambda kv: -kv[1]["repeat_pct"])
    rows = [(c.capitalize(), v["repeat_pct"], f"{v['repeat_pct']}% of {v['contacts']} contacts"
             + (" (high)" if v["repeat_pct"] > 20 else "")) for c, v in ordered]
    desc = ("Share of each complaint category's contacts that come back as a repeat contact. "
            + "; ".join(f"{c}: {v['repeat_pct']}% of {v['contacts']}" for c, v in ordered) + ".")
    svg = bar_chart(title, rows, x_label="Repeat contacts (% of the category's contacts)", highlight_over=20,
                    desc=desc)
    table = Table("Complaint categories (contacts over the period, and the share that came back)",
                  ["Category", "Contacts", "Repeat contacts (%)"],
                  [[c.capitalize(), v["contacts"], v["repeat_pct"]] for c, v in ordered])
    return Chart("categories", title, svg, table, ["Bars over 20% are drawn in red and marked (high)."])


def monitoring_charts(metrics: Metrics) -> list[Chart]:
    """Every chart of a monitoring review, in the order the page shows them."""
    refs = _response_references(metrics)
    launch = (metrics.launch_week - 1, f"Launch: {metrics.launch} (week {metrics.launch_week})")
    return [
        _weekly(metrics, "volume", "Messages each week", "volume", "Messages", ""),
        _weekly(metrics, "first_response", "Median first response time each week", "median_first_response",
                "Minutes to first reply", " min", references=refs, notes=_response_notes(metrics)),
        _by_hour(metrics, "weekday"),
        _by_hour(metrics, "weekend"),
        _weekly(metrics, "sla_breaches", f"Messages answered after the {metrics.sla_minutes}-minute SLA",
                "sla_breach_pct", "% of messages", "%"),
        _weekly(metrics, "resolution", "Resolution rate each week", "resolution_rate", "% resolved", "%"),
        _weekly(metrics, "sentiment", "Net sentiment each week", "net_sentiment",
                "Net sentiment (positive % - negative %)", "", marker=launch,
                notes=[f"The dashed brown line marks the launch of {metrics.launch} before week "
                       f"{metrics.launch_week}."]),
        _categories(metrics),
    ]
