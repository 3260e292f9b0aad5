"""Issue 16.1: the Agent tools show every fact a scenario gives the learner (the second live-chat customer's
knowledge base too), and the validator refuses a scenario whose fix or escalation route is not among them."""
from __future__ import annotations

import html
import re

import pytest

from tests.conftest import ROOT


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": False, "SCENARIO_DIR": str(ROOT / "scenarios")}


def _aside(client, scenario_id: str, seed: int) -> str:
    r = client.post("/practice/start", data={"scenario_id": scenario_id, "seed": str(seed)})
    assert r.status_code == 302, scenario_id
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    if 'id="side-h"' not in page:     # triage has no Agent tools
        return ""
    text = page[page.index('id="side-h"'):page.index('id="canned-h"')]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)))


def _leaves(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    elif value not in (None, ""):
        yield re.sub(r"\s+", " ", str(value)).strip()


def test_every_fact_of_every_shipped_scenario_is_under_agent_tools(app, client, make_user):
    import simulator
    from simulator.fixes import gives_fix
    from web.services.library import library
    make_user("learner", username="lena")
    assert client.post("/login", data={"username": "lena", "password": "lena-password"}).status_code == 302
    with app.app_context():
        lib = library()
    checked = 0
    for sc in lib.list():
        inst = simulator.generate(sc, 1, library=lib)
        aside = _aside(client, sc.id, 1)
        facts = [inst.facts] if not inst.customers else [c.facts for c in inst.customers]
        for leaf in (x for f in facts for x in _leaves(f)):
            assert leaf in aside, (sc.id, leaf)
            checked += 1
        for cust in inst.customers:
            assert gives_fix(list(cust.fix), aside), (sc.id, cust.id, cust.fix)
        if inst.crisis:
            assert gives_fix(list(inst.crisis.fix), aside), (sc.id, inst.crisis.fix)
    assert checked > 100


def test_the_stock_question_can_be_answered_from_the_screen(app, client, make_user):
    make_user("learner", username="lena")
    client.post("/login", data={"username": "lena", "password": "lena-password"})
    aside = _aside(client, "live-chat-retail-saturday", 2)
    assert "Aero 5 stock" in aside
    assert "Back in stock online on the 1st of next month" in aside


SCENARIO = ROOT / "scenarios" / "kb-returns-webchat.yaml"


def _problems(tmp_path, old: str, new: str, name: str = "kb-returns-webchat"):
    from simulator import ScenarioFileError, load_scenario_file
    text = SCENARIO.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{name}.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    try:
        load_scenario_file(path)
    except ScenarioFileError as exc:
        return [(p.field, p.code) for p in exc.problems]
    return []


def test_a_fix_missing_from_the_facts_is_refused(tmp_path):
    assert _problems(tmp_path, "exchang|comfort guarantee|30-night|30 night", "store credit voucher") == [
        ("facts", "fix_not_on_screen")]


def test_a_knowledge_base_the_brief_names_must_exist(tmp_path):
    text = SCENARIO.read_text(encoding="utf-8")
    start = text.index("  knowledge_base:")
    end = text.index("\nexpected:")
    problems = _problems(tmp_path, text[start:end], "")
    assert ("brief", "kb_not_on_screen") in problems


def test_an_escalation_route_missing_from_the_facts_is_refused(tmp_path):
    path = ROOT / "scenarios" / "legal-threat-rail-x.yaml"
    from simulator import ScenarioFileError, load_scenario_file
    bad = tmp_path / "legal-threat-rail-x.yaml"
    bad.write_text(path.read_text(encoding="utf-8").replace("Customer Relations (claims) team", "claims desk"),
                   encoding="utf-8")
    with pytest.raises(ScenarioFileError) as info:
        load_scenario_file(bad)
    assert ("facts", "route_not_on_screen") in [(p.field, p.code) for p in info.value.problems]


def test_the_shipped_scenarios_pass_the_on_screen_rules():
    from simulator import load_library
    lib = load_library(ROOT / "scenarios")
    assert not [p for p in lib.errors if p.code in {"fix_not_on_screen", "route_not_on_screen", "kb_not_on_screen"}]
    assert len(lib) >= 40
