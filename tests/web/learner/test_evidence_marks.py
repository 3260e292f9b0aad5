"""Issue 16.5: the transcript marks exactly the spans the result's table lists, once each: no repeated words, the
words behind a critical fail marked (as counted against), and hear's evidence is never just the customer's name."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from tests.conftest import ROOT

FAIL = "Not our fault {f}, reply here with your full home address and we'll see."


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": False, "SCENARIO_DIR": str(ROOT / "scenarios")}


@pytest.fixture
def signed_in(client, make_user):
    make_user("learner", username="lena")
    assert client.post("/login", data={"username": "lena", "password": "lena-password"}).status_code == 302


def _play(app, client, scenario_id: str, replies: list[tuple[str, str]]) -> tuple[str, str]:
    from web.extensions import db
    from web.models import Attempt
    from web.services.library import instance_for
    r = client.post("/practice/start", data={"scenario_id": scenario_id, "seed": "1"})
    aid = int(re.search(r"/attempts/(\d+)", r.headers["Location"]).group(1))
    with app.app_context():
        f = instance_for(db.session.get(Attempt, aid).instance).customers[0].persona.first_name
    for channel, text in replies:
        page = client.get(f"/practice/attempts/{aid}").get_data(as_text=True)
        turn = re.search(r'name="turn" value="(\d+)"', page).group(1)
        client.post(f"/practice/attempts/{aid}/reply",
                    data={"turn": turn, "thread": "customer", "channel": channel, "reply": text.format(f=f)})
    page = client.get(f"/practice/attempts/{aid}/result")
    assert page.status_code == 200
    return page.get_data(as_text=True), f


def _table(page: str) -> dict[str, list[str]]:
    """Criterion label -> the evidence texts its row lists."""
    body = page[page.index('class="criteria"'):]
    body = body[:body.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", body, re.S):
        label = htmllib.unescape(row[:row.index("</th>")])
        rows[label] = [htmllib.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", row.split("</td>")[-2], re.S)]
    return rows


def _transcript(page: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each learner message: its plain text and its marks (class, text)."""
    out = []
    for body in re.findall(r'<li class="msg msg-learner">.*?<p class="msg-text">(.*?)</p>', page, re.S):
        marks = [(m.group(1) or "", htmllib.unescape(m.group(2)))
                 for m in re.finditer(r'<mark(?: class="([^"]+)")?(?: title="[^"]*")?>(.*?)</mark>', body, re.S)]
        out.append((htmllib.unescape(re.sub(r"<[^>]+>", "", body)), marks))
    return out


def _check_one_to_one(page: str, replies: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    transcript = _transcript(page)
    assert [t for t, _ in transcript] == replies            # each character once: nothing repeated by the marks
    marked = [text for _, marks in transcript for _, text in marks]
    for label, texts in _table(page).items():
        for text in texts:
            assert any(text in m for m in marked), (label, text, marked)     # the table's words are marked
            assert not [o for o in texts if o != text and o in text], (label, texts)   # and listed once
    return transcript


def test_a_critical_fail_is_marked_in_the_transcript(app, client, signed_in):
    page, f = _play(app, client, "late-parcel-x-public", [("public", FAIL)])
    assert "Critical failure" in page
    (text, marks), = _check_one_to_one(page, [FAIL.format(f=f)])
    against = [t for css, t in marks if css == "ev-against"]
    assert any("reply here with your full home address" in t for t in against), marks
    assert any("Not our fault" in t for t in against), marks


def test_overlapping_evidence_is_listed_and_marked_once(app, client, signed_in):
    replies = [("public", "Hi {f}, I'm so sorry it has stopped working after just a few weeks, that's really "
                          "disappointing. Please send us a private message with your order number so I can sort this "
                          "for you today."),
               ("private", "Thanks {f}. As it's within 30 days, I've arranged a full refund or a replacement, "
                           "whichever you prefer, and a free collection of the faulty one within 5 working days."),
               ("private", "Is there anything else I can help with today, {f}? Thanks for your patience. ^SM")]
    page, f = _play(app, client, "faulty-air-fryer-facebook", replies)
    _check_one_to_one(page, [t.format(f=f) for _, t in replies])
    assert _table(page)["Take ownership"].count("I can sort") == 0


def test_tidy_merges_overlapping_spans_from_the_message_text():
    from web.services.evidence_spans import tidy
    text = "Hi Gary, that's really disappointing. Check the website."
    result = {"criteria": {"empathise": {"level": 2, "evidence": [
        {"start": 9, "end": 36, "text": "that's really disappointing", "turn": 0},
        {"start": 13, "end": 36, "text": "'s really disappointing", "turn": 0}]},
        "signposting": {"level": 2, "evidence": [{"start": 36, "end": 43, "text": ". Check", "turn": 0},
                                                 {"start": 38, "end": 55, "text": "Check the website", "turn": 0}]}}}
    out = tidy(result, [text])["criteria"]
    assert [e["text"] for e in out["empathise"]["evidence"]] == ["that's really disappointing"]
    assert [e["text"] for e in out["signposting"]["evidence"]] == [". Check the website"]


def test_hear_evidence_is_never_only_the_customers_name():
    import rubrics
    import simulator
    lib = simulator.load_library(ROOT / "scenarios")
    checked = 0
    for sc in lib.list():
        for cust in simulator.generate(sc, 1, library=lib).customers:
            f = cust.persona.first_name
            result = rubrics.score_reply(f"Hi {f}, sorry to hear that. Please DM us and we'll look into it. ^AB",
                                         dict(cust.scoring_context))
            for key in ("hear", "acknowledge"):
                texts = [e.get("text") for e in result["criteria"][key].get("evidence") or []]
                assert not texts or any(t.strip() not in (f, cust.persona.name) for t in texts), (sc.id, key, texts)
                checked += 1
    assert checked > 60
