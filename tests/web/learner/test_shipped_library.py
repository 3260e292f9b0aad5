"""Every shipped scenario can be started, played to its end through the pages, and its result shown."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
REPLY = ("Hi, I'm so sorry about this, I can see how frustrating it is. I'll look into it now and update you within "
         "the hour. Anything else I can help with? ^AB")


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": False, "SCENARIO_DIR": str(ROOT / "scenarios")}


def _play(client, scenario_id: str) -> str:
    r = client.post("/practice/start", data={"scenario_id": scenario_id, "seed": "3"})
    aid = int(re.search(r"/attempts/(\d+)", r.headers["Location"]).group(1))
    for step in range(14):
        page = client.get(f"/practice/attempts/{aid}")
        if page.status_code == 302:
            break
        assert page.status_code == 200, scenario_id
        html = page.get_data(as_text=True)
        turn = re.search(r'name="turn" value="(\d+)"', html).group(1)
        if 'id="triage-list"' in html:
            client.post(f"/practice/attempts/{aid}/triage",
                        data={"turn": turn, "order": re.findall(r'name="order" value="([^"]+)"', html)})
        elif 'id="crm-form"' in html:
            names = re.findall(r'name="([a-z0-9-]+-(?:query_type|resolution|follow_up))"', html)
            client.post(f"/practice/attempts/{aid}/crm", data={"turn": turn, **{n: "none" for n in names}})
        else:
            threads = re.findall(r'name="thread" value="([^"]+)"', html)
            if not threads:
                client.post(f"/practice/attempts/{aid}/end-chats", data={"turn": turn})
                continue
            form = html[html.index(f'id="form-{threads[0]}"'):][:3000]
            channels = re.findall(r'name="channel" (?:id="[^"]+" )?value="([^"]+)"', form)
            channel = "private" if "private" in channels and step else channels[0]
            r = client.post(f"/practice/attempts/{aid}/reply",
                            data={"turn": turn, "thread": threads[0], "channel": channel, "reply": REPLY})
            assert r.status_code == 302, scenario_id
    result = client.get(f"/practice/attempts/{aid}/result")
    assert result.status_code == 200, scenario_id
    return result.get_data(as_text=True)


def test_every_shipped_scenario_plays_to_a_result(app, client, make_user):
    from web.services.library import library
    make_user("learner", username="lena")
    assert client.post("/login", data={"username": "lena", "password": "lena-password"}).status_code == 302
    with app.app_context():
        lib = library()
        ids = [s.id for s in lib.list()]
    assert ids, "the shipped library is empty"
    for scenario_id in ids:
        assert "Grade:" in _play(client, scenario_id)
    assert client.get("/progress/").status_code == 200
