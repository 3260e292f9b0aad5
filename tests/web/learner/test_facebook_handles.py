"""Facebook shows a personal profile by its name: the workspace gives a Facebook customer no @handle (issue 12's
content errors), while an X customer keeps theirs."""
from __future__ import annotations

import simulator
from tests.web.learner.conftest import SCENARIOS


def _persona(scenario_id: str, seed: int):
    library = simulator.load_library(SCENARIOS)
    return simulator.generate(scenario_id, seed, library=library).customers[0].persona


def test_the_workspace_shows_a_facebook_customer_by_name_without_an_at_handle(client, learner, start):
    attempt_id = start("fb-refund-chat", 3)
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    persona = _persona("fb-refund-chat", 3)
    assert persona.name in page
    assert persona.handle not in page and 'class="post-handle"' not in page


def test_the_workspace_keeps_an_x_customers_at_handle(client, learner, start):
    attempt_id = start("tw-late-parcel", 3)
    page = client.get(f"/practice/attempts/{attempt_id}").get_data(as_text=True)
    assert _persona("tw-late-parcel", 3).handle in page and 'class="post-handle"' in page
