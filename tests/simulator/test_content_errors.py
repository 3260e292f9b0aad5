"""Content errors an assessor found on reading the scenarios (issue 12), each checked on the generated
instances of many seeds, and the validator rules that keep them from coming back."""
from __future__ import annotations

import re

import pytest

import simulator
from simulator.personas import _ascii_word, handle_is_rude, make_identity
from tests.simulator.sim_helpers import EXAMPLE, write_variant

SEEDS = range(20)


def _money(text: str) -> float:
    return float(re.search(r"£(\d+(?:\.\d\d)?)", text).group(1))


def test_faulty_appliance_is_always_inside_the_30_day_refund_window_at_a_shop_price():
    prices = {}
    for seed in SEEDS:
        inst = simulator.generate("faulty-air-fryer-facebook", seed)
        order = inst.facts["order"]
        weeks = int(re.match(r"(\d+) weeks", order["bought"]).group(1))
        assert weeks * 7 <= 30, order                      # the policy's full-refund window
        assert "full refund" in " ".join(inst.expected["may_promise"])
        prices.setdefault(order["item"], set()).add(order["price"])
        assert str(weeks) in inst.messages[0].text
    assert all(len(p) == 1 for p in prices.values()), prices   # a product always costs the same
    assert min(_money(p) for ps in prices.values() for p in ps) >= 39   # no £15.49 air fryer
    assert all(_money(p) >= 80 for item, ps in prices.items() if "air fryer" in item for p in ps)


def test_late_parcel_was_ordered_the_day_before_the_day_it_was_guaranteed():
    for seed in SEEDS:
        inst = simulator.generate("late-parcel-x-public", seed)
        order = inst.facts["order"]
        assert order["ordered"].startswith("The day before " + order["due"]), order
        assert order["due"] in inst.messages[0].text or "birthday" in inst.messages[0].text


def test_rude_train_customer_never_waited_longer_than_the_next_train_took():
    for seed in SEEDS:
        inst = simulator.generate("rude-customer-train-x", seed)
        gap = int(re.search(r"next service (\d+) minutes later", inst.facts["incident"]["cause"]).group(1))
        waited = re.search(r"for (\d+) mins", inst.messages[0].text)
        if waited:
            assert int(waited.group(1)) <= gap, inst.messages[0].text


def test_bank_chat_has_no_fixed_overdraft_fee_and_a_real_identity_check():
    for seed in SEEDS:
        inst = simulator.generate("live-chat-bank-identity", seed)
        overdraft = inst.customer("overdraft-fee")
        text = str(overdraft.facts) + " ".join(m.text for m in overdraft.messages)
        assert "unarranged overdraft fee" not in text and " fee " not in f" {text} ".lower()   # banned since 2020
        assert "interest" in text and "no fixed" in text
        for cid in ("card-blocked", "overdraft-fee"):
            cust = inst.customer(cid)
            assert "passcode" in " ".join(cust.facts["policy"])
            assert cust.verify_with
    inst = simulator.generate("live-chat-bank-identity", 4)
    from tests.simulator.sim_helpers import GOOD
    weak = simulator.react(inst, None, "Please confirm your name and the first line of your address.", GOOD, "chat",
                           customer="card-blocked")
    assert weak.key == "weak_check" and not weak.state.verified   # name and address alone do not lift a fraud hold


def test_energy_chat_promises_no_same_day_boiler_repair():
    for seed in SEEDS:
        inst = simulator.generate("live-chat-energy-priority", seed)
        cust = inst.customer("no-heating")
        text = " ".join([str(cust.facts), *(m.text for m in cust.messages)]).lower()
        assert "same-day emergency visit" not in text
        assert "boiler's not coming on" not in text and "meter fault" in text
        assert "3 hours" in text     # Ofgem's guaranteed standard for a prepayment meter fault


def _story(inst, cust) -> str:
    """The customer's words with the persona's own values taken out: what is left is the situation."""
    text = " | ".join([*(m.text for m in cust.messages), cust.details or "", cust.clarification or ""])
    for value in cust.persona.to_dict().values():
        if isinstance(value, str) and value:
            text = text.replace(value, "")
    return re.sub(r"\b[A-Z]{2}\d{6,}\b|\b[A-Z]{2}-\d+\b|\d{1,2}:\d\d", "", text)


@pytest.mark.parametrize("scenario_id", ["vulnerable-prepay-facebook", "ambiguous-not-working-x"])
def test_the_situation_itself_changes_from_seed_to_seed(scenario_id):
    stories = set()
    for seed in SEEDS:
        inst = simulator.generate(scenario_id, seed)
        stories.add(_story(inst, inst.customers[0]))
    assert len(stories) >= 6, stories


def test_what_the_ambiguous_customer_turns_out_to_mean_varies_and_its_fix_follows():
    seen = {}
    for seed in SEEDS:
        inst = simulator.generate("ambiguous-not-working-x", seed)
        cust = inst.customers[0]
        seen[cust.clarification.split(".")[0]] = (cust.fix, inst.expected["may_promise"])
    assert len(seen) == 3, seen
    tv = next(v for k, v in seen.items() if "TV box" in k)
    assert "reset" in tv[0][0][0] and "reset" in tv[1][0]


def test_every_customer_text_differs_between_seeds():
    for sc in simulator.load_library().list():
        if sc.exercise_type in ("triage", "crisis"):
            continue
        insts = [simulator.generate(sc, seed) for seed in SEEDS]
        for i, cust in enumerate(insts[0].customers):
            for field in ("details", "clarification", "verification"):
                values = {getattr(inst.customers[i], field) for inst in insts}
                if values != {None}:
                    assert len(values) > 1, (sc.id, cust.id, field)
            assert len({inst.customers[i].messages[0].text for inst in insts}) > 1, (sc.id, cust.id)


def test_generated_handles_never_spell_something_rude():
    brand = simulator.BRANDS["larkspur"]
    for i in range(5000):
        ident = make_identity(brand, "handles", i)
        assert not handle_is_rude(ident.handle[1:], _ascii_word(ident.first_name), _ascii_word(ident.last_name)), \
            ident.handle
        assert len(ident.handle) <= 16
    assert handle_is_rude("thejasonpoo", "jason", "poole")      # the one the assessor found
    assert handle_is_rude("twatson73", "t", "watson")
    assert not handle_is_rude("victoria_poole", "victoria", "poole")   # an intact surname is fine


# ------------------------------------------------------------------------------------------ validator rules

def _problems(tmp_path, **replace):
    path = write_variant(tmp_path, "variant", replace)
    try:
        simulator.load_scenario_file(path)
    except simulator.ScenarioFileError as exc:
        return exc.problems
    return []


def test_a_customer_without_a_fix_is_reported(tmp_path):
    problems = _problems(tmp_path, **{"  fix:": "  unused_fix:"})
    assert any(p.code == "unknown_field" for p in problems)
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("  fix:")
    end = text.index("  followups:")
    path = write_variant(tmp_path, "no-fix", text=text[:start] + text[end:])
    with pytest.raises(simulator.ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    assert [(p.field, p.code) for p in info.value.problems] == [("customer.fix", "missing_field")]


def test_a_badly_shaped_fix_is_reported(tmp_path):
    problems = _problems(tmp_path, **{"    - [refund]": "    - []"})
    assert [(p.field, p.code) for p in problems] == [("customer.fix", "wrong_type")]


def test_a_linked_variable_slot_must_name_one_of_its_fields(tmp_path):
    problems = _problems(tmp_path, **{
        "  product: [air fryer, stand mixer, cordless vacuum]":
            "  product: [air fryer, stand mixer, cordless vacuum]\n"
            "  item:\n    - {name: kettle, price: \"£39.99\"}\n    - {name: toaster, price: \"£49.99\"}",
        "Took a day off for it 🙄": "Took a day off for it 🙄 {item.prise} {item.name}"})
    assert [(p.code, p.message) for p in problems] == [
        ("bad_template_slot", "slot {item.prise} does not name a field of the variable 'item'")]


def test_linked_variable_cases_stay_together(tmp_path):
    path = write_variant(tmp_path, "linked", {
        "  product: [air fryer, stand mixer, cordless vacuum]":
            "  product: [air fryer, stand mixer, cordless vacuum]\n"
            "  item:\n    - {name: kettle, price: \"£39.99\"}\n    - {name: toaster, price: \"£49.99\"}",
        "Took a day off for it 🙄": "Took a day off for it 🙄 {item.name} at {item.price}"})
    scenario = simulator.load_scenario_file(path)
    pairs = set()
    for seed in range(12):
        text = simulator.generate(scenario, seed).messages[0].text
        match = re.search(r"(kettle|toaster) at (£\d+\.\d\d)", text)
        if match:
            pairs.add(match.groups())
    assert pairs == {("kettle", "£39.99"), ("toaster", "£49.99")}


def test_verify_with_needs_an_identity_check(tmp_path):
    problems = _problems(tmp_path, **{"  fix:": "  verify_with: [[passcode]]\n  fix:"})
    assert [(p.field, p.code) for p in problems] == [("customer.verify_with", "contradiction")]


def test_a_customer_text_that_is_the_same_for_every_seed_is_reported(tmp_path):
    problems = _problems(tmp_path, **{
        '  details: "Order {order_number}, it\'s {name}, {address}. Tracking hasn\'t moved since {weekday}."':
            '  details: "Tracking has not moved at all."'})
    assert [(p.field, p.code) for p in problems] == [("customer.details", "same_every_seed")]


def _on(platform: str):
    """(scenario, instance) for every scenario that can run on `platform`, at the first seed that picks it."""
    for scenario in simulator.load_library().list():
        if platform not in scenario.platforms:
            continue
        inst = next(i for i in (simulator.generate(scenario.id, s) for s in range(40)) if i.platform == platform)
        yield scenario, inst


def test_facebook_customers_are_shown_by_name_with_no_at_handle():
    seen = 0
    for scenario, inst in _on("facebook"):
        for m in inst.messages:
            if m.platform == "facebook":   # a triage queue's messages carry the poster's name in `handle`
                assert m.handle in (None, m.name) and "@" not in (m.handle or ""), (scenario.id, m.handle)
        for cust in inst.customers:
            assert cust.scoring_context["customer_handle"] is None, scenario.id
        seen += 1
    assert seen >= 5
    for scenario in simulator.load_library().list():   # a triage queue mixes platforms: Facebook posts by name
        for inst in (simulator.generate(scenario.id, s) for s in range(3)):
            for q in inst.queue or ():
                if q.platform == "facebook":
                    assert q.handle == q.name, (scenario.id, q.handle)


def test_x_and_instagram_customers_keep_their_at_handles():
    for platform in ("twitter", "instagram"):
        for scenario, inst in _on(platform):
            assert all(m.handle and m.handle.startswith("@") for m in inst.messages if m.platform == platform), \
                (scenario.id, platform)
