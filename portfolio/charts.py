"""Summary charts as inline SVG, drawn in Python: real text labels, no raster, no JavaScript.

The one chart implementation: the portfolio PDF and the web progress page draw their charts here (the page adds
the criterion heat map and the coverage bars, which the PDF has as tables). Each function returns an SVG string
whose every text value has been XML-escaped here; the templates insert it as it is. Colours are presentation
attributes, never style attributes, so a page's Content-Security-Policy (style-src 'self') allows them. Each chart
carries <title> and <desc> for assistive technology.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from rubrics import GRADES  # the scorer's grade names, lowest first: one definition for the app and the PDF

W, H = 640, 210
LEFT, RIGHT, TOP, BOTTOM = 90, 16, 14, 34
INK, GRID, ACCENT, WARN, OK = "#1a1a1a", "#c8c8c8", "#1f4e79", "#b03a2e", "#2e7d32"


def _svg(title: str, desc: str, body: list[str], height: int = H, width: int = W) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans" font-size="10">'
            f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>" + "".join(body) + "</svg>")


def _text(x, y, s, anchor="start", size=10, fill=INK, weight="normal"):
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" '
            f'font-weight="{weight}">{escape(str(s))}</text>')


def _grid_line(y: float, colour: str = GRID, width: float = 0.6) -> str:
    """A horizontal line across the plot at height y."""
    return (f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="{width}"/>')


def _legend(right: float, y: float, items) -> list[str]:
    """A key in words (colour alone is lost in greyscale print), right-aligned at (right, y)."""
    out, x = [], right - 4
    for colour, label in reversed(items):
        width = 4.9 * len(label) + 4
        x -= width
        out.append(_text(x, y + 3, label, size=8))
        x -= 12
        out.append(f'<rect x="{x:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>')
        x -= 10
    return out


# Up to this many attempts each is drawn on its own; beyond it the charts count attempts per week or month.
PER_ATTEMPT_MAX = 40
# Light to dark, so the grades stay apart in greyscale print too; the key names them in words.
GRADE_FILLS = (("#f0c2bb", INK), ("#b9cde3", INK), ("#5b8cc0", "#ffffff"), ("#1f3a5f", "#ffffff"))
LATE_FILL = "#f0c2bb"


def _attempt_ticks(n: int, pw: float) -> list[str]:
    """Attempt numbers under a per-attempt chart, thinned to at most about 12 so they never collide."""
    if not n:
        return []
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if n / s <= 12)
    numbers = sorted({1, *range(step, n + 1, step)})
    return [_text(LEFT + pw * (i - 0.5) / n, H - BOTTOM + 12, i, "middle", 8) for i in numbers]


def _period_ticks(labels: list[str], pw: float) -> list[str]:
    """One label per period (week, month...) under its bar, every 2nd or 3rd when they would overlap."""
    if not labels:
        return []
    slot = pw / len(labels)
    widest = max(len(s) for s in labels) * 4.9 + 8   # DejaVu Sans at 8 px: about 4.9 px a character
    step = max(1, -(-int(widest) // max(int(slot), 1)))
    return [_text(LEFT + slot * (i + 0.5), H - BOTTOM + 12, s, "middle", 8)
            for i, s in enumerate(labels) if i % step == 0]


def _count_axis(top: int, ph: float) -> tuple[list[str], int]:
    """Grid lines and labels of a count axis from 0 to at least ``top``; returns (svg, the axis maximum)."""
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if max(top, 1) / s <= 5)
    cap = -(-max(top, 1) // step) * step
    body = []
    for v in range(0, cap + 1, step):
        y = TOP + ph - ph * v / cap
        body.append(_grid_line(y))
        body.append(_text(LEFT - 6, y + 3.5, v, "end"))
    return body, cap


def _stacked(periods: list[dict], series) -> list[str]:
    """Stacked bars, one a period. ``series``: [(key, fill, text colour)] from the bottom up; a segment tall
    enough carries its count as text, so the numbers can be read without the colours."""
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    top = max((sum(p[k] for k, _, _ in series) for p in periods), default=0)
    body, cap = _count_axis(top, ph)
    slot = pw / max(len(periods), 1)
    bw = min(slot * 0.72, 56)
    for i, p in enumerate(periods):
        x, y = LEFT + slot * (i + 0.5) - bw / 2, TOP + ph
        for key, fill, ink in series:
            v = p[key]
            if not v:
                continue
            h = ph * v / cap
            y -= h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{h:.1f}" fill="{fill}" '
                        'stroke="#ffffff" stroke-width="0.6"/>')
            if h >= 10 and bw >= 11:
                body.append(_text(x + bw / 2, y + h / 2 + 3, v, "middle", 8, ink))
    return body + _period_ticks([p["label"] for p in periods], pw)


def grades_chart(points: list[tuple[str, int | None]]) -> str:
    """Grade of each attempt in order (y: Refer..Distinction), attempt numbers on the x axis, the first and last
    dates in the caption. For more than PER_ATTEMPT_MAX attempts use :func:`grades_by_period_chart`."""
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    body = []
    for i, g in enumerate(GRADES):
        y = TOP + ph - ph * i / 3
        body.append(_grid_line(y))
        body.append(_text(LEFT - 6, y + 3.5, g, "end"))
    n = len(points)
    coords = []
    for i, (_, level) in enumerate(points):
        if level is None:
            continue
        x = LEFT + (pw * (i + 0.5) / n if n else 0)
        y = TOP + ph - ph * level / 3
        coords.append((x, y))
    if len(coords) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(f'<polyline fill="none" stroke="{ACCENT}" stroke-width="1.2" points="{line}"/>')
    body += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{ACCENT}"/>' for x, y in coords]
    body += _attempt_ticks(n, pw)
    caption = "Attempt number, in the order submitted"
    if points:
        caption += f": attempt 1 on {points[0][0]}, attempt {n} on {points[-1][0]}" if n > 1 else f", on {points[0][0]}"
    body.append(_text(LEFT + pw / 2, H - 4, caption, "middle", 9))
    counts = {g: sum(1 for _, v in points if v == i) for i, g in enumerate(GRADES)}
    desc = f"Final grade of each of {n} attempts in order. " + ", ".join(f"{g}: {counts[g]}" for g in GRADES) + "."
    return _svg("Grades over time", desc, body)


def grades_by_period_chart(periods: list[dict], unit: str) -> str:
    """Final grades counted per period (``unit``: "week", "month"...), stacked Refer at the bottom to Distinction
    at the top. ``periods``: [{label, Refer, Pass, Merit, Distinction, ...}] in time order, empty periods included."""
    pw = W - LEFT - RIGHT
    body = _stacked(periods, [(g, fill, ink) for g, (fill, ink) in zip(GRADES, GRADE_FILLS)])
    body += _legend(W - RIGHT, 8, [(fill, g) for g, (fill, _ink) in zip(GRADES, GRADE_FILLS)])
    total = sum(p[g] for p in periods for g in GRADES)
    body.append(_text(LEFT + pw / 2, H - 4, f"Number of attempts submitted each {unit}, by final grade "
                      "(the number in each band is its count)", "middle", 9))
    desc = (f"Final grades of {total} attempts counted by {unit}. "
            + "; ".join(f"{p['label']}: " + ", ".join(f"{g} {p[g]}" for g in GRADES if p[g])
                        if any(p[g] for g in GRADES) else f"{p['label']}: none" for p in periods) + ".")
    return _svg("Grades over time", desc, body)


def bar_chart_levels(rows: list[tuple[str, float | None, int]]) -> str:
    """Average final level (0-2) per criterion, as horizontal bars."""
    bar, gap = 11, 4
    height = TOP + len(rows) * (bar + gap) + 30
    left, pw = 120, W - 120 - RIGHT - 40
    body = []
    for v in (0, 1, 2):
        x = left + pw * v / 2
        body.append(f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{height - 26}" stroke="{GRID}" '
                    'stroke-width="0.6"/>')
        body.append(_text(x, height - 14, str(v), "middle"))
    body.append(_text(left + pw / 2, height - 3, "Average level (0 not shown, 1 partly shown, 2 clearly shown)",
                      "middle", 9))
    desc = []
    body += _legend(W - RIGHT, 8, ((OK, "1.5 or more"), (ACCENT, "1 to 1.5"), (WARN, "under 1")))
    for i, (label, avg, n) in enumerate(rows):
        y = TOP + i * (bar + gap)
        body.append(_text(left - 6, y + bar - 2, label, "end"))
        if avg is None:
            body.append(_text(left + 4, y + bar - 2, "not applicable in any attempt", size=8, fill="#555"))
            desc.append(f"{label}: n/a")
            continue
        w = pw * avg / 2
        colour = OK if avg >= 1.5 else ACCENT if avg >= 1 else WARN
        body.append(f'<rect x="{left}" y="{y}" width="{max(w, 0.5):.1f}" height="{bar}" fill="{colour}"/>')
        body.append(_text(left + w + 4, y + bar - 2, f"{avg:.2f} ({n})", size=8))
        desc.append(f"{label}: {avg:.2f} over {n} attempts")
    return _svg("Criterion levels", "Average final level per criterion. " + "; ".join(desc) + ".", body, height)


def response_chart(responses: list[tuple[int, float, float]]) -> str:
    """First response time of each attempt as a share of its target (SLA); the target line is 100%.
    For more than PER_ATTEMPT_MAX attempts use :func:`response_by_period_chart`."""
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    cap = 3.0
    body = []
    for v, label in ((0, "0"), (1, "target"), (2, "2× target"), (3, "3× or more")):
        y = TOP + ph - ph * v / cap
        colour = INK if v == 1 else GRID
        body.append(_grid_line(y, colour, 1.2 if v == 1 else 0.6))
        body.append(_text(LEFT - 6, y + 3.5, label, "end"))
    n = max((a for a, _, _ in responses), default=0)
    bw = max(min(pw / max(n, 1) * 0.7, 14), 0.8)
    for a, rm, sla in responses:
        ratio = min(rm / sla, cap)
        x = LEFT + pw * (a - 0.5) / n - bw / 2
        y = TOP + ph - ph * ratio / cap
        colour = OK if rm <= sla else WARN
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{TOP + ph - y:.1f}" fill="{colour}"/>')
    body += _attempt_ticks(n, pw)
    body.append(_text(LEFT + pw / 2, H - 4,
                      "Attempt number: bar height is the first response time against the scenario's target",
                      "middle", 9))
    body += _legend(W - RIGHT, 8, ((OK, "within target"), (WARN, "late")))
    within = sum(1 for _, r, s in responses if r <= s)
    desc = f"{within} of {len(responses)} timed attempts replied within the response-time target."
    return _svg("Response times against target", desc, body)


def response_by_period_chart(periods: list[dict], unit: str) -> str:
    """Timed attempts counted per period: first reply within the target (bottom) and late (top).
    ``periods``: [{label, within, late, ...}] in time order."""
    pw = W - LEFT - RIGHT
    series = [("within", OK, "#ffffff"), ("late", LATE_FILL, INK)]
    body = _stacked(periods, series)
    body += _legend(W - RIGHT, 8, ((OK, "within target"), (LATE_FILL, "late")))
    body.append(_text(LEFT + pw / 2, H - 4,
                      f"Number of timed attempts each {unit}: first reply within the scenario's target, or late",
                      "middle", 9))
    within = sum(p["within"] for p in periods)
    timed = within + sum(p["late"] for p in periods)
    desc = (f"{within} of {timed} timed attempts replied within the response-time target. By {unit}: "
            + "; ".join(f"{p['label']}: {p['within']} of {p['within'] + p['late']} within target" for p in periods)
            + ".")
    return _svg("Response times against target", desc, body)


# A criterion's level in the heat map: fill, the mark written in the cell (so colour is never the only cue), words.
LEVEL_CELLS = {"2": ("#146c2e", "2", "2, clearly shown"), "1": ("#d9a400", "1", "1, partly shown"),
               "0": ("#b3261e", "0", "0, not shown"), "pass": ("#146c2e", "P", "pass"),
               "fail": ("#6d0f0a", "F", "fail"), "na": ("#dfe3e7", "", "not applicable")}
NO_LEVEL = ("#dfe3e7", "", "not scored")


def levels_heatmap(rows: list[tuple[str, list]], first: int) -> str:
    """Each criterion's level per attempt: one row a criterion (``rows``: [(label, [level per attempt])], levels as
    stored: "2", "1", "0", "pass", "fail", "na" or None), one column an attempt, numbered from ``first``."""
    cw, lw, rh = 28, 130, 24
    ncol = max((len(cells) for _, cells in rows), default=0)
    width, height = lw + cw * ncol + 10, rh * len(rows) + 30
    body = [_text(lw + cw * i + cw / 2, 14, first + i, "middle", 8) for i in range(ncol)]
    for r, (label, cells) in enumerate(rows):
        y = 20 + rh * r
        body.append(_text(lw - 6, y + 16, label, "end"))
        for i, level in enumerate(cells):
            fill, mark, words = LEVEL_CELLS.get(str(level), NO_LEVEL) if level is not None else NO_LEVEL
            ink = INK if fill in ("#dfe3e7", "#d9a400") else "#ffffff"
            body.append(f'<rect x="{lw + cw * i + 2}" y="{y + 2}" width="{cw - 4}" height="20" fill="{fill}">'
                        f"<title>{escape(f'{label}, attempt {first + i}: {words}')}</title></rect>")
            if mark:
                body.append(_text(lw + cw * i + cw / 2, y + 16, mark, "middle", 9, ink))
    desc = (f"Levels of {len(rows)} criteria in attempts {first} to {first + ncol - 1}, oldest first; "
            "each cell is marked 2, 1, 0, P (pass) or F (fail), blank when not applicable.")
    return _svg("Criterion levels per attempt", desc, body, height, width)


def count_bars(title: str, rows: list[tuple[str, int]]) -> str:
    """Horizontal bars, one a row (``rows``: [(label, count)]), the count written after each bar."""
    left, pw, rh = 242, 300, 22
    most = max([count for _, count in rows] + [1])
    body = []
    for i, (label, count) in enumerate(rows):
        y = 4 + rh * i
        w = pw * count / most
        body.append(_text(left - 6, y + 14, label, "end"))
        body.append(f'<rect x="{left}" y="{y + 2}" width="{max(w, 2):.1f}" height="16" '
                    f'fill="{ACCENT if count else GRID}"/>')
        body.append(_text(left + max(w, 2) + 6, y + 14, count))
    practised = sum(1 for _, count in rows if count)
    desc = f"{practised} of {len(rows)} practised. " + "; ".join(f"{label}: {count}" for label, count in rows) + "."
    return _svg(f"{title} practised: {practised} of {len(rows)}", desc, body, rh * len(rows) + 6, 560)
