"""Long portfolios stay readable in print: real PDFs of 100 and 10 attempts, their front matter read back with
poppler's pdftotext (fast on a 300-page PDF, where pypdf would read every page) and checked against counts worked
out here from the data itself."""
import io
import re
import shutil
import subprocess
from collections import Counter

import pytest

import portfolio
from portfolio.evidence import standard
from tests.portfolio.sample import make_portfolio

pytestmark = [pytest.mark.slow,   # 100-attempt portfolios rendered and read back: about 45 s
              pytest.mark.skipif(shutil.which("pdftotext") is None,
                                 reason="pdftotext (poppler-utils) is not installed")]
GRADES = ("Refer", "Pass", "Merit", "Distinction")
TOP = (2, "pass")


def front_pages(pdf: bytes, last: int = 14, mode: str = "-raw") -> list[str]:
    """The text of the first pages, one string a page (pdftotext separates pages by form feeds)."""
    out = subprocess.run(["pdftotext", mode, "-f", "1", "-l", str(last), "-", "-"], input=pdf, capture_output=True,
                         check=True).stdout.decode()
    return out.split("\f")


def flat(text: str) -> str:
    return " ".join(text.split())


def is_section(page: str, title: str) -> bool:
    """The running header ("Summary  Candidate 123") names the section a page belongs to."""
    return re.search(rf"^\s*{re.escape(title)}\s+Candidate \S+\s*$", page, re.M) is not None


def section(pages: list[str], title: str) -> list[str]:
    return [p for p in pages if is_section(p, title)]


def words(pdf: bytes, page: int) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def overlaps(ws) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap (by more than half a point each way): text printed over text."""
    found = []
    for i, a in enumerate(ws):
        for b in ws[i + 1:]:
            if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5:
                found.append((a[4], b[4]))
    return found


def final_grade(a):
    return a.get("grade") or (a.get("result") or {}).get("grade")


def final_levels(a):
    levels = {k: c.get("level") for k, c in a["result"]["criteria"].items()}
    levels.update(a.get("moderated_levels") or {})
    return levels


def ranges(numbers):
    out = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return [str(a) if a == b else f"{a}–{b}" for a, b in out]


@pytest.fixture(scope="module")
def long100():
    data, _ = make_portfolio(100, seed=7)
    for i, a in enumerate(data["attempts"]):
        if i % 3 == 0:
            a["mode"] = "assessed"
    return data, portfolio.render_portfolio_pdf(data, generated_at="2026-11-23")


@pytest.fixture(scope="module")
def short10():
    data, _ = make_portfolio(10, seed=7)
    return data, portfolio.render_portfolio_pdf(data, generated_at="2026-11-23")


def test_at_100_attempts_the_charts_count_attempts_by_month_and_the_table_gives_the_same_counts(long100):
    data, pdf = long100
    summary = flat(" ".join(section(front_pages(pdf), "Summary")))
    months = ("March", "April", "May", "June", "July", "August", "September")
    # Axis labels in words under the bars (one per month, in order), and the key names every grade.
    assert "Mar 2026 Apr 2026 May 2026 Jun 2026 Jul 2026 Aug 2026 Sep 2026" in summary
    assert all(g in summary for g in GRADES) and "within target" in summary and "late" in summary
    assert "Number of attempts submitted each month, by final grade" in summary
    assert "Attempts by month" in summary
    # Every month's row, worked out here from the data: attempts (first–last), grades, replies within target.
    by_month = {}
    for n, a in enumerate(data["attempts"], start=1):
        by_month.setdefault(int(a["submitted_at"][5:7]), []).append((n, a))
    assert sorted(by_month) == list(range(3, 10))
    for month, rows in sorted(by_month.items()):
        grades = Counter(final_grade(a) for _, a in rows)
        first_reply = [next(m["response_minutes"] for m in a["messages"] if m["author"] == "learner") for _, a in rows]
        within = sum(1 for (_, a), rm in zip(rows, first_reply) if rm <= a["scenario"]["sla_minutes"])
        row = (f"{months[month - 3]} 2026 {len(rows)} ({rows[0][0]}–{rows[-1][0]}) "
               + " ".join(str(grades[g]) for g in GRADES) + f" {within} of {len(rows)}")
        assert row in summary, row


def test_at_100_attempts_no_chart_label_is_printed_over_another(long100):
    _data, pdf = long100
    pages = front_pages(pdf)
    summary_pages = [i + 1 for i, p in enumerate(pages) if is_section(p, "Summary")]
    assert summary_pages
    for page in summary_pages:
        ws = words(pdf, page)
        assert len(ws) > 50
        assert overlaps(ws) == [], page


def test_at_100_attempts_the_evidence_map_gives_counts_first_latest_and_recent_attempts_that_are_right(long100):
    data, pdf = long100
    pages = front_pages(pdf)
    emap_pages = section(pages, "Evidence map")
    # Three pages: the standard's 12 criteria in its own words (issue 12), then the 19 marking points.
    assert len(emap_pages) <= 3, "the evidence map of 100 attempts runs over more than three pages"
    text = flat(" ".join(emap_pages))
    levels = [final_levels(a) for a in data["attempts"]]
    n = len(levels)

    def many(hits):
        return f"{len(hits)} of {n}: first {hits[0]}, latest {hits[-1]} most recent: " + ", ".join(ranges(hits)[-3:])

    checked = 0
    for pc in standard()["performance_criteria"]:
        keys = pc.get("evidenced_by") or []
        hits = [i for i, lv in enumerate(levels, start=1)
                if [k for k in keys if lv.get(k) is not None]
                and all(lv[k] in TOP for k in keys if lv.get(k) is not None)]
        if not hits:   # reply attempts evidence marking points, not the standard's (supervisory) criteria
            assert f"{pc['id']} " in text and "none yet" in text
            checked += 1
            continue
        assessed = [i for i in hits if data["attempts"][i - 1].get("mode") == "assessed"]
        assert len(ranges(hits)) > 8   # long enough to be given in the compact form
        expected = many(hits) + " Assessed: " + (f"{len(assessed)}, first {assessed[0]}, latest {assessed[-1]}"
                                                 if len(ranges(assessed)) > 8 else ", ".join(ranges(assessed)))
        assert expected in text, (pc["id"], expected)
        checked += 1
    for mp in standard()["marking_points"]:
        top = [i for i, lv in enumerate(levels, start=1) if lv.get(mp["key"]) in TOP]
        assert f"{mp['label']} {mp['group']} {many(top)}" in text, mp["label"]
        checked += 1
    assert checked == len(standard()["performance_criteria"]) + len(standard()["marking_points"])


def test_no_attempt_range_is_broken_across_lines_in_the_summary_or_the_evidence_map(long100, short10):
    for _data, pdf in (long100, short10):
        pages = front_pages(pdf, mode="-layout")
        for page in section(pages, "Summary") + section(pages, "Evidence map"):
            for line in page.splitlines():
                assert not re.search(r"\d–\s*$", line), line   # "31–" at the end of a line, "33" on the next


def test_the_long_summary_keeps_its_headings_in_order_with_the_table_under_summary(long100):
    from pypdf import PdfReader

    _data, pdf = long100
    reader = PdfReader(io.BytesIO(pdf))
    items = reader.outline
    at = next(i for i, o in enumerate(items) if not isinstance(o, list) and o.title == "Summary")
    assert [o.title for o in items[at + 1]] == ["Grades over time", "Response times against target",
                                                 "Attempts by month", "Criterion levels"]


def test_a_small_portfolio_keeps_one_mark_per_attempt_and_full_attempt_lists(short10):
    data, pdf = short10
    pages = front_pages(pdf)
    summary = flat(" ".join(section(pages, "Summary")))
    assert "Attempts by" not in summary and "each month" not in summary
    assert "1 2 3 4 5 6 7 8 9 10" in summary   # each attempt's number under the charts
    assert "attempt 1 on 02 March 2026, attempt 10 on 20 March 2026" in summary
    text = flat(" ".join(section(pages, "Evidence map")))
    assert " of 10: first" not in text and "most recent" not in text
    levels = [final_levels(a) for a in data["attempts"]]
    for mp in standard()["marking_points"]:
        top = [i for i, lv in enumerate(levels, start=1) if lv.get(mp["key"]) in TOP]
        if top:
            assert f"{mp['label']} {mp['group']} {', '.join(ranges(top))} ({len(top)})" in text, mp["label"]
    for page in [i + 1 for i, p in enumerate(pages) if is_section(p, "Summary")]:
        assert overlaps(words(pdf, page)) == []
