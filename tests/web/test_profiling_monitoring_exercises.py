"""The profiling and monitoring exercises in the app (issue 12), on the supervisory base: the brief shows the seed's
organisation or weeks (tables; charts with their tables and the 42%/32% benchmark), the answer is scored with quoted
evidence and the planted facts or problems found, the cohort's tutor moderates, and only the owner writes."""
from __future__ import annotations

import html
import json
import re

import pytest

from simulator.monitoring import LABELS, generate_metrics
from simulator.profiling import generate_profile
from tests.rubrics.test_profile_scoring import strong_answer
from tests.rubrics.test_review_scoring import strong_review

# Sent with a one-line answer, so that the exercise's 20-word minimum is met without touching what is found.
PAD = "\nMore detail on the other figures will follow once the team has read the whole brief together next week."


def _start(client, csrf, kind: str, seed: str = "6"):
    return client.post("/exercises/start", data={"csrf_token": csrf("/exercises/"), "kind": kind, "seed": seed})


def _attempt_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return int(re.search(r"/exercises/(\d+)", response.headers["Location"]).group(1))


def _page(client, url: str) -> str:
    return html.unescape(client.get(url).get_data(as_text=True))


def _submit(client, csrf, attempt_id: int, text: str):
    return client.post(f"/exercises/{attempt_id}/submit",
                       data={"csrf_token": csrf(f"/exercises/{attempt_id}"), "answer": text})


def _switch(client, csrf, login, username: str) -> None:
    client.post("/logout", data={"csrf_token": csrf("/")})
    login(username)


def _cells(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", page, re.S)]


def test_the_profiling_brief_shows_the_seeds_organisation_and_not_its_planted_facts(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "profiling", "6"))
    page = _page(client, f"/exercises/{attempt_id}")
    org = generate_profile(6)
    cells = _cells(page)
    assert org.name in page and "recommend" in page
    for seg in org.segments:
        row = cells[cells.index(seg.name.capitalize()):][:3 + len(org.channels)]
        assert row[3:] == [f"{seg.usage[c.platform]}%" for c in org.channels]
    assert all(c.name in cells and f"{c.negative_share}%" in cells for c in org.communities)
    assert all(rival in cells for rival in org.competitors)
    assert all(f.fact not in page for f in org.planted)
    again = _attempt_id(_start(client, csrf, "profiling", "6"))
    def brief(text: str) -> str:
        return text.split('id="brief-h"', 1)[1].split("<form", 1)[0]
    assert brief(_page(client, f"/exercises/{again}")) == brief(page)


def test_the_monitoring_brief_draws_every_chart_with_its_table_and_the_benchmark(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "monitoring", "6"))
    raw = client.get(f"/exercises/{attempt_id}").get_data(as_text=True)
    page = html.unescape(raw)
    m = generate_metrics(6)
    assert raw.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 8
    assert raw.count("<details>") >= 8
    assert "42% expect a reply within 60 minutes, and 32% within 30" in re.sub(r"\s+", " ", page)
    assert "First response time by hour, weekends" in page and f"Launch: {m.launch} (week {m.launch_week})" in page
    cells = _cells(page)
    weekend = m.by_hour[next(p for p in m.planted if p.key == "weekend_sla").where]["weekend"]
    assert all(str(v) in cells for v in weekend.values())
    assert all(p.fact not in page for p in m.planted)


def test_a_profile_built_from_the_data_scores_two_with_quotes_and_uses_every_planted_fact(client, login, csrf,
                                                                                          demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "profiling", "9"))
    org = generate_profile(9)
    answer = strong_answer(org)
    assert _submit(client, csrf, attempt_id, answer).status_code == 302
    page = _page(client, f"/exercises/{attempt_id}")
    assert "Recommendation follows from the data" in page and "Communities identified and profiled" in page
    assert "3 of 3 used" in page
    for fact in org.planted:
        assert f"Used: {fact.fact}" in re.sub(r"<[^>]+>", "", page)
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        levels = {k: v["level"] for k, v in attempt.result["criteria"].items()}
        assert levels == dict.fromkeys(levels, 2)
        for judged in attempt.result["criteria"].values():   # every level quotes the answer, and the page shows it
            assert judged["evidence"] and all(q in answer for q in judged["evidence"])
            assert all(q in page for q in judged["evidence"])
        assert attempt.rubric_id == "social-profiling"


def test_a_review_that_misses_the_weekend_problem_is_told_which_it_missed(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "monitoring", "4"))
    m = generate_metrics(4)
    review = "\n".join(line for line in strong_review(m).splitlines() if "weekend" not in line)
    assert _submit(client, csrf, attempt_id, review).status_code == 302
    text = re.sub(r"<[^>]+>", "", _page(client, f"/exercises/{attempt_id}"))
    weekend = next(p for p in m.planted if p.key == "weekend_sla")
    assert "2 of 3 found" in text and f"Missed: {weekend.fact}" in text
    assert all(f"Found: {p.fact}" in text for p in m.planted if p.key != "weekend_sla")
    assert "found some, missed: weekend sla" in text.lower()


def test_the_tutor_moderates_a_profiling_level_and_the_learner_sees_both(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "profiling", "2"))
    _submit(client, csrf, attempt_id, strong_answer(generate_profile(2)))
    _switch(client, csrf, login, "tutora")
    response = client.post(f"/exercises/{attempt_id}/moderate",
                           data={"csrf_token": csrf(f"/exercises/{attempt_id}"), "criterion": "communities",
                                 "level": "1", "comment": "Who is in each community is not said."})
    assert response.status_code == 302
    _switch(client, csrf, login, "learnera")
    page = _page(client, f"/exercises/{attempt_id}")
    assert "changed the level from 2 to 1: “Who is in each community is not said.”" in page
    assert "(moderated; automatic 2)" in page


@pytest.mark.parametrize("kind", ["profiling", "monitoring"])
def test_only_the_owner_writes_and_only_the_cohorts_tutor_moderates(client, login, csrf, demo_cohort, kind):
    login("learnera")
    done = _attempt_id(_start(client, csrf, kind, "1"))
    _submit(client, csrf, done, "We should watch the figures weekly and tell the manager.")
    open_one = _attempt_id(_start(client, csrf, kind, "1"))
    _switch(client, csrf, login, "learnerb")
    token = csrf("/exercises/")
    assert client.get(f"/exercises/{done}").status_code == 404
    assert client.post(f"/exercises/{open_one}/submit", data={"csrf_token": token, "answer": "x"}).status_code == 404
    _switch(client, csrf, login, "tutorb")
    assert client.get(f"/exercises/{done}").status_code == 403
    assert client.post(f"/exercises/{done}/moderate", data={"csrf_token": csrf("/"), "criterion": "sign_off",
                                                            "level": "2", "comment": "x"}).status_code == 403
    _switch(client, csrf, login, "assessora")
    assert client.get(f"/exercises/{done}").status_code == 200
    assert client.post(f"/exercises/{done}/moderate", data={"csrf_token": csrf("/"), "criterion": "sign_off",
                                                            "level": "2", "comment": "x"}).status_code == 403
    _switch(client, csrf, login, "tutora")
    assert client.get(f"/exercises/{done}").status_code == 200
    assert client.post(f"/exercises/{open_one}/submit", data={"csrf_token": csrf("/"), "answer": "x"}).status_code == 403


@pytest.mark.parametrize("kind", ["profiling", "monitoring"])
def test_bad_input_is_a_clear_4xx(client, login, csrf, demo_cohort, kind):
    login("learnera")
    assert client.post("/exercises/start", data={"kind": kind, "seed": "1"}).status_code == 400   # no CSRF token
    bad_seed = client.post("/exercises/start", data={"csrf_token": csrf("/exercises/"), "kind": kind, "seed": "x"})
    assert bad_seed.status_code == 400 and "seed" in bad_seed.get_data(as_text=True)
    attempt_id = _attempt_id(_start(client, csrf, kind))
    empty = _submit(client, csrf, attempt_id, "   ")
    assert empty.status_code == 400 and "before sending" in empty.get_data(as_text=True)
    assert client.post(f"/exercises/{attempt_id}/submit", data={"answer": "x"}).status_code == 400
    huge = _submit(client, csrf, attempt_id, "word " * 4_001)
    assert huge.status_code == 400 and "20,000" in huge.get_data(as_text=True)
    assert client.get(f"/exercises/{attempt_id + 999}").status_code == 404


def test_the_result_page_draws_from_the_stored_brief(client, login, csrf, demo_cohort):
    # The attempt keeps what the learner was given: a page drawn after the generator changed still shows it.
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "monitoring", "3"))
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        brief = json.loads(json.dumps(attempt.brief))
        brief["metrics"]["brand"] = "Stored Brand Ltd"
        attempt.brief = brief
        db.session.commit()
    assert "Stored Brand Ltd" in _page(client, f"/exercises/{attempt_id}")
    assert LABELS["x"] in _page(client, f"/exercises/{attempt_id}")


def test_a_quoted_sentence_is_escaped_where_the_planted_facts_show_it(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "profiling", "0"))   # X is the busy platform
    line = "<script>alert(1)</script> X has the most queries, so we move account questions to a private DM."
    assert _submit(client, csrf, attempt_id, line + PAD).status_code == 302
    raw = client.get(f"/exercises/{attempt_id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in raw
    assert "Used:</strong>" in raw and "&lt;script&gt;alert(1)&lt;/script&gt; X has the most queries" in raw


def test_the_evidence_map_lists_each_exercise_under_the_standards_criteria_its_rubric_shows(client, login, csrf,
                                                                                             demo_cohort):
    login("learnera")
    profile = _attempt_id(_start(client, csrf, "profiling", "9"))
    _submit(client, csrf, profile, strong_answer(generate_profile(9)))
    review = _attempt_id(_start(client, csrf, "monitoring", "4"))
    _submit(client, csrf, review, strong_review(generate_metrics(4)))

    def rows(page: str) -> dict:
        found = re.findall(r'<th scope="row">(P\d|X\d) (.*?)</tr>', page, re.S)
        return {code: body for code, body in found}
    links = {"profiling": f'<a href="/exercises/{profile}">Platform and community profiling {profile}</a>',
             "monitoring": f'<a href="/exercises/{review}">Monitoring review {review}</a>'}
    page = _page(client, "/progress/")
    shown = {code: {k for k, link in links.items() if link in body} for code, body in rows(page).items()}
    assert shown == {"P1": {"profiling"}, "P2": {"profiling"}, "P3": {"profiling"}, "P4": {"profiling"},
                     "P5": {"profiling"}, "P6": {"profiling", "monitoring"}, "P7": {"profiling"},
                     "P8": {"monitoring"}, "P9": set(), "X1": set(), "X2": {"monitoring"}, "X3": {"monitoring"}}
    _switch(client, csrf, login, "tutora")   # who agrees, but not to what: X3 is no longer evidenced
    client.post(f"/exercises/{review}/moderate", data={"csrf_token": csrf(f"/exercises/{review}"),
                                                       "criterion": "sign_off", "level": "1", "comment": "To what?"})
    after = rows(_page(client, f"/progress/learners/{demo_cohort['learner']}"))
    assert links["monitoring"] not in after["X3"] and links["monitoring"] in after["X2"]


def test_a_reason_keeps_the_names_it_quotes(client, login, csrf, demo_cohort):
    # Jinja's capitalize lowercased the rest of the reason: "#KestrelBroadbandHelp" became "#kestrelbroadbandhelp".
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "profiling", "9"))
    org = generate_profile(9)
    _submit(client, csrf, attempt_id, strong_answer(org))
    worst = max(org.communities, key=lambda c: c.negative_share)
    page = _page(client, f"/exercises/{attempt_id}")
    assert f'<p class="reason">2 communities named, including {worst.name} where complaints gather.</p>' in page


def test_a_profile_is_scored_on_the_organisation_the_attempt_stored(client, login, csrf, demo_cohort):
    # As the monitoring review: a deploy that changes the generator must not change what an open attempt is scored
    # against. The stored organisation here is seed 8's; the answer names seed 8's complaints community.
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, "profiling", "7"))
    stored = generate_profile(8)
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        attempt = db.session.get(SupervisoryAttempt, attempt_id)
        attempt.brief = {"organisation": json.loads(json.dumps(stored.to_dict()))}
        db.session.commit()
    worst = max(stored.communities, key=lambda c: c.negative_share)
    line = f"We will monitor {worst.name} every day and answer the complaints there."
    assert worst.name not in {c.name for c in generate_profile(7).communities}
    _submit(client, csrf, attempt_id, line + PAD)
    with client.application.app_context():
        assert db.session.get(SupervisoryAttempt, attempt_id).result["planted"]["complaint_community"] == line


def test_the_monitoring_brief_comes_back_the_same_from_the_same_seed(client, login, csrf, demo_cohort):
    login("learnera")
    first, again, other = (_attempt_id(_start(client, csrf, "monitoring", seed)) for seed in ("7", "7", "8"))
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        a, b, c = (db.session.get(SupervisoryAttempt, i) for i in (first, again, other))
        assert a.brief == b.brief and a.brief != c.brief
        assert a.brief["metrics"] == json.loads(json.dumps(generate_metrics(7).to_dict()))

    def brief(attempt_id: int) -> str:
        page = client.get(f"/exercises/{attempt_id}").get_data(as_text=True)
        return page.split('id="brief-h"', 1)[1].split("<form", 1)[0]
    assert brief(first) == brief(again) != brief(other)


def test_the_portfolio_pdf_lists_both_exercises_under_the_standards_criteria(client, login, csrf, demo_cohort):
    from tests.web.test_supervisory_exercises import _flat, _pdf_text
    login("learnera")
    profile = _attempt_id(_start(client, csrf, "profiling", "9"))
    _submit(client, csrf, profile, strong_answer(generate_profile(9)))
    review = _attempt_id(_start(client, csrf, "monitoring", "4"))
    _submit(client, csrf, review, strong_review(generate_metrics(4)))
    _switch(client, csrf, login, "tutora")
    response = client.get(f"/exports/learners/{demo_cohort['learner']}/portfolio.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = _flat(_pdf_text(response.data))
    section = text.split("Supervisory exercises Written exercises", 1)[1]
    assert re.search(r"S1\. Platform and community profiling Seed 9 .*? rubric social-profiling v1 · "
                     r"evidences: P1, P2, P3, P4, P5, P6, P7 ", section)
    assert re.search(r"S2\. Monitoring review Seed 4 .*? rubric social-monitoring v1 · evidences: P6, P8, X2, X3 ",
                     section)
    assert "“Serve home workers on Facebook first, because almost all of them are there.”" in section
    rows = text.split("Evidence map", 2)[2].split("Marking points", 1)[0]
    by_code = {part[:2]: part for part in re.split(r" (?=[PX]\d )", rows) if re.match(r"[PX]\d ", part)}
    assert sorted(by_code) == ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "X1", "X2", "X3"]
    shown = {code: re.search(r"Supervisory exercises: (S\d(?:, S\d)*)", part) for code, part in by_code.items()}
    assert {code: m.group(1) for code, m in shown.items() if m} == {
        "P1": "S1", "P2": "S1", "P3": "S1", "P4": "S1", "P5": "S1", "P6": "S1, S2", "P7": "S1", "P8": "S2",
        "X2": "S2", "X3": "S2"}
    assert by_code["X1"].startswith("X1 [wording not available; summary] implementing the procedures")


@pytest.mark.parametrize("kind", ["profiling", "monitoring"])
def test_too_short_an_answer_is_a_400_that_keeps_the_text_and_the_exercise(client, login, csrf, demo_cohort, kind):
    # Sent once only: a stray click on a half-written answer must not spend the exercise (as the document's 20 words).
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, kind, "3"))
    response = _submit(client, csrf, attempt_id, "Weekend <b>X</b> is slow, fix later.")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "at least 20 words" in page
    assert "Weekend &lt;b&gt;X&lt;/b&gt; is slow, fix later.</textarea>" in page
    assert _submit(client, csrf, attempt_id, strong_review(generate_metrics(3)) if kind == "monitoring"
                   else strong_answer(generate_profile(3))).status_code == 302
