"""Summary charts as inline SVG, drawn in Python: real text labels, no raster, no JavaScript.

Each function returns an SVG string whose every text value has been XML-escaped here; the templates
insert it as it is. Each chart carries <title> and <desc> for assistive technology.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

W, H = 640, 210
LEFT, RIGHT, TOP, BOTTOM = 90, 16, 14, 34
GRADES = ("Refer", "Pass", "Merit", "Distinction")
INK, GRID, ACCENT, WARN, OK = "#1a1a1a", "#c8c8c8", "#1f4e79", "#b03a2e", "#2e7d32"


def _svg(title: str, desc: str, body: list[str], height: int = H) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{W}" height="{height}" '
            f'viewBox="0 0 {W} {height}" font-family="DejaVu Sans" font-size="10">'
            f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>" + "".join(body) + "</svg>")


def _text(x, y, s, anchor="start", size=10, fill=INK, weight="normal"):
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" '
            f'font-weight="{weight}">{escape(str(s))}</text>')


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


def grades_chart(points: list[tuple[str, int | None]]) -> str:
    """Grade of each attempt in order (y: Refer..Distinction), with first and last dates on the x axis."""
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    body = []
    for i, g in enumerate(GRADES):
        y = TOP + ph - ph * i / 3
        body.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="{GRID}" stroke-width="0.6"/>')
        body.append(_text(LEFT - 6, y + 3.5, g, "end"))
    n = len(points)
    coords = []
    for i, (_, g) in enumerate(points):
        if g is None:
            continue
        x = LEFT + (pw * (i + 0.5) / n if n else 0)
        y = TOP + ph - ph * g / 3
        coords.append((x, y))
    if len(coords) > 1:
        body.append('<polyline fill="none" stroke="%s" stroke-width="1.2" points="%s"/>' % (ACCENT, " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)))
    r = 3 if n <= 60 else 1.8
    body += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{ACCENT}"/>' for x, y in coords]
    if points:
        body.append(_text(LEFT, H - 18, f"Attempt 1 ({points[0][0]})"))
        body.append(_text(W - RIGHT, H - 18, f"Attempt {n} ({points[-1][0]})", "end"))
    body.append(_text(LEFT + pw / 2, H - 4, "Attempts in the order they were submitted", "middle", 9))
    counts = {g: sum(1 for _, v in points if v == i) for i, g in enumerate(GRADES)}
    desc = f"Final grade of each of {n} attempts in order. " + ", ".join(f"{g}: {counts[g]}" for g in GRADES) + "."
    return _svg("Grades over time", desc, body)


def bar_chart_levels(rows: list[tuple[str, float | None, int]]) -> str:
    """Average final level (0-2) per criterion, as horizontal bars."""
    bar, gap = 11, 4
    height = TOP + len(rows) * (bar + gap) + 30
    left, pw = 120, W - 120 - RIGHT - 40
    body = []
    for v in (0, 1, 2):
        x = left + pw * v / 2
        body.append(f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{height - 26}" stroke="{GRID}" stroke-width="0.6"/>')
        body.append(_text(x, height - 14, str(v), "middle"))
    body.append(_text(left + pw / 2, height - 3, "Average level (0 not shown, 1 partly shown, 2 clearly shown)", "middle", 9))
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
    """First response time of each attempt as a share of its target (SLA); the target line is 100%."""
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    cap = 3.0
    body = []
    for v, label in ((0, "0"), (1, "target"), (2, "2× target"), (3, "3× or more")):
        y = TOP + ph - ph * v / cap
        colour = INK if v == 1 else GRID
        body.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="{colour}" stroke-width="{1.2 if v == 1 else 0.6}"/>')
        body.append(_text(LEFT - 6, y + 3.5, label, "end"))
    n = max((a for a, _, _ in responses), default=0)
    bw = max(min(pw / max(n, 1) * 0.7, 14), 0.8)
    for a, rm, sla in responses:
        ratio = min(rm / sla, cap)
        x = LEFT + pw * (a - 0.5) / n - bw / 2
        y = TOP + ph - ph * ratio / cap
        colour = OK if rm <= sla else WARN
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{TOP + ph - y:.1f}" fill="{colour}"/>')
    body.append(_text(LEFT + pw / 2, H - 4, "Attempts in order: bar height is the first response time against the scenario's target", "middle", 9))
    body += _legend(W - RIGHT, 8, ((OK, "within target"), (WARN, "late")))
    within = sum(1 for _, r, s in responses if r <= s)
    desc = f"{within} of {len(responses)} timed attempts replied within the response-time target."
    return _svg("Response times against target", desc, body)
