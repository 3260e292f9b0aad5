"""Each of the five exercise types can be played to its end programmatically."""
from __future__ import annotations

import pytest

import simulator
from simulator import ExerciseError, TriageOrderError
from tests.simulator.sim_helpers import GOOD, POOR, fix_words, generate, judgement


def test_public_reply_ends_after_one_reply():
    inst = generate("positive-feedback-instagram", 4)
    assert inst.max_turns == 1
    r = simulator.react(inst, None, f"Aww {inst.persona.first_name}, thank you! So glad the serum is working for "
                        "you 💕 xo Tilly", judgement(apologise=None, take_private=None, take_ownership=None, act=None,
                                                     escalation=None, clarify=None, signposting=None), "public")
    assert r.ended and r.key == "resolved" and r.resolved
    with pytest.raises(ExerciseError):
        simulator.react(inst, r.state, "one more", GOOD, "public")


def test_public_reply_ends_even_when_the_reply_was_poor():
    inst = generate("late-parcel-x-public", 4)
    r = simulator.react(inst, None, "Check the tracking.", POOR, "public")
    assert r.ended and not r.resolved and r.state.status == "ended"


def test_conversation_moves_from_public_to_private_and_resolves():
    inst = generate("billing-error-energy-facebook", 12)
    r1 = simulator.react(inst, None, "I'm so sorry about the shock of that bill. Please send us a message with a "
                         "meter photo so I can correct it for you.", GOOD, "public")
    assert r1.state.channel == "private" and r1.state.details_sent
    r2 = simulator.react(inst, r1.state, "Thank you. I've asked for a corrected bill within 48 hours and put your "
                         "Direct Debit on hold.", GOOD, "private")
    assert r2.resolved and not r2.ended and r2.state.satisfied   # satisfied: the learner still gets to close
    r3 = simulator.react(inst, r2.state, "Glad that's sorted. Is there anything else I can help with? ^HE", GOOD,
                         "private")
    assert r3.key == "signs_off" and r3.ended and r3.state.status == "resolved"


def test_a_satisfied_customer_waits_for_the_close_and_the_learner_may_end_it_without_one():
    inst = generate("faulty-air-fryer-facebook", 3)
    r1 = simulator.react(inst, None, "So sorry it's died! Please message us so I can sort a refund.", GOOD, "public")
    r2 = simulator.react(inst, r1.state, "Thanks. I've arranged a full refund and a free collection.", GOOD, "private")
    assert r2.resolved and not r2.ended
    closed = simulator.end_conversation(inst, r2.state)
    assert closed.status == "resolved" and closed.history[-1] == "ended_by_agent"
    cut_short = simulator.end_conversation(inst, r1.state)
    assert cut_short.status == "ended"   # ended by the learner before the customer was satisfied
    with pytest.raises(ExerciseError):
        simulator.end_conversation(inst, closed)


def test_live_chat_plays_three_customers_to_their_crm_records():
    inst = generate("live-chat-bank-identity", 3)
    assert [c.id for c in inst.customers] == ["card-blocked", "overdraft-fee", "opening-hours"]
    states = {c.id: simulator.initial_state(inst, c.id) for c in inst.customers}
    script = {
        "card-blocked": [("Hi, sorry about that! To check your account, can you confirm your full name and postcode, "
                          "and read back the one-time passcode I've just texted you?", GOOD),
                         ("Thanks, you're verified. The hold was for a payment abroad; I've lifted it now.", GOOD)],
        "overdraft-fee": [("Hello! Before I look at the charge, please confirm your name and postcode and read back "
                           "the passcode I've texted to your mobile.", GOOD),
                          ("Thank you. I'm sorry about the interest; as it's your first I've refunded it.", GOOD)],
        "opening-hours": [("Hi! Yes, Cresswick is open 9am to 12pm on Saturdays. Anything else?",
                           judgement(apologise=None, empathise=None))],
    }
    ended = {}
    for cid, turns in script.items():
        state = states[cid]
        for text, judged in turns:
            r = simulator.react(inst, state, text, judged, "chat", customer=cid)
            state = r.state
        ended[cid] = r
    assert all(r.resolved for r in ended.values()), {k: (v.key, v.why) for k, v in ended.items()}
    weak = simulator.react(inst, None, "Hi, can you confirm your name and the first line of your address?", GOOD,
                           "chat", customer="card-blocked")
    assert weak.key == "weak_check" and not weak.state.verified   # no one-time passcode: not enough to lift a hold
    good = simulator.validate_crm_record(inst, {"query_type": "Card blocked", "resolution": "Verified customer; hold "
                                                "lifted after they confirmed the payment", "follow_up": "none"},
                                         customer="card-blocked")
    assert good.ok, good.to_dict()
    bad = simulator.validate_crm_record(inst, {"query_type": "complaint", "resolution": "sorted"},
                                        customer="overdraft-fee")
    assert not bad.ok and bad.missing == ("follow_up",)
    assert {w["field"] for w in bad.wrong} == {"query_type", "resolution"}
    assert all(w["fix"] for w in bad.wrong)


def test_live_chat_discussing_the_account_before_verifying_worries_the_customer():
    inst = generate("live-chat-bank-identity", 3)
    r = simulator.react(inst, None, "Your card is blocked because of a payment abroad.",
                        judgement(data_protection="fail"), "chat", customer="card-blocked")
    assert r.key == "privacy_worry" and not r.state.verified


def test_crm_record_needs_a_follow_up_when_one_is_expected():
    inst = generate("live-chat-retail-saturday", 1)
    check = simulator.validate_crm_record(inst, {"query_type": "late delivery", "resolution": "Out for delivery "
                                                 "tomorrow; delivery charge refunded", "follow_up": "no"},
                                          customer="wheres-my-order")
    assert not check.ok and check.wrong[0]["field"] == "follow_up"
    check = simulator.validate_crm_record(inst, {"query_type": "late delivery", "resolution": "Out for delivery "
                                                 "tomorrow; delivery charge refunded",
                                                 "follow_up": "Check it arrived tomorrow afternoon"},
                                          customer="wheres-my-order")
    assert check.ok, check.to_dict()


def test_triage_scores_the_order_with_spearman_and_explains_misplaced_posts():
    inst = generate("triage-energy-storm", 6)
    perfect = simulator.score_triage(inst, list(inst.expected_order))
    assert perfect["spearman"] == 1.0 and perfect["misplaced"] == [] and perfect["band"] == "strong"
    backwards = simulator.score_triage(inst, list(reversed(inst.expected_order)))
    assert backwards["spearman"] == -1.0 and backwards["band"] == "weak"
    assert "gas-smell" in backwards["critical_missed"]
    swapped = list(inst.expected_order)
    swapped[0], swapped[5] = swapped[5], swapped[0]
    result = simulator.score_triage(inst, swapped)
    assert 0 < result["spearman"] < 1
    by_id = {m["id"]: m for m in result["misplaced"]}
    assert set(by_id) == {"gas-smell", swapped[0]}
    assert by_id["gas-smell"]["learner_position"] == 6 and "danger to life" in by_id["gas-smell"]["feedback"]


def test_triage_order_must_list_every_post_once():
    inst = generate("triage-rail-morning", 1)
    order = list(inst.expected_order)
    with pytest.raises(TriageOrderError, match="missing"):
        simulator.score_triage(inst, order[:-1])
    with pytest.raises(TriageOrderError, match="twice"):
        simulator.score_triage(inst, order[:-1] + order[:1])
    with pytest.raises(ExerciseError):
        simulator.react(inst, None, "hi", GOOD, "public")


def test_spearman_matches_the_textbook_formula():
    assert simulator.spearman(list("abcde"), list("abcde")) == 1.0
    assert simulator.spearman(list("abcde"), list("edcba")) == -1.0
    # d = (0, 0, 1, 1, 0, ...): rho = 1 - 6*2 / (5*24) = 0.9
    assert simulator.spearman(list("abcde"), list("abdce")) == pytest.approx(0.9)


def test_crisis_holding_statement_gets_a_calmer_or_a_worse_wave():
    inst = generate("crisis-recall-kettle", 3)
    na = dict(greeting=None, personalisation=None, take_private=None, clarify=None, escalation=None, closing=None)
    good = simulator.react(inst, None, "We're sorry: some Steamline kettles can overheat. Please stop using yours "
                           "and unplug it. Full refund + free collection: larkspurvale.example.co.uk/recall. "
                           "Updates to follow.", judgement(**na), "public")
    assert good.key == "contained" and good.resolved and good.ended
    assert [m.text for m in good.messages] == [m.text for m in inst.crisis.waves["calmer"]]
    bad = simulator.react(inst, None, "We are aware of isolated reports and are looking into it.",
                          judgement(apologise=0, act=1, take_ownership=0, **na), "public")
    assert bad.key == "spreads" and bad.escalated_publicly and bad.ended and not bad.resolved
    assert all(m.at_minute > inst.messages[-1].at_minute for m in bad.messages)


def test_crisis_statement_over_the_x_limit_is_refused():
    inst = generate("crisis-data-breach-bank", 1)
    with pytest.raises(simulator.ChannelError):
        simulator.react(inst, None, "x" * 281, GOOD, "public")


def test_every_exercise_type_plays_to_its_end_in_the_shipped_library(library):
    """Drive one scenario of every type with good replies until it ends (triage: a ranking)."""
    seen = set()
    for scenario in library.list():
        if scenario.exercise_type in seen:
            continue
        seen.add(scenario.exercise_type)
        inst = generate(scenario, 1)
        if scenario.exercise_type == "triage":
            assert simulator.score_triage(inst, list(inst.expected_order))["spearman"] == 1.0
            continue
        channel = {"webchat": "chat"}.get(inst.platform, "public")
        customers = [c.id for c in inst.customers] or [None]
        for cid in customers:
            state = None
            for _ in range(8):
                r = simulator.react(inst, state, "Hi, I'm sorry about this; please confirm your name and first line "
                                    "of address, and I'll sort it for you.", GOOD, channel, customer=cid)
                state = r.state
                if r.ended:
                    break
            assert r.ended, (scenario.id, cid, r.state.history)
    assert seen == set(simulator.EXERCISE_TYPES)


def test_every_crisis_and_triage_scenario_plays_to_its_end_on_every_platform_it_lists(library):
    for scenario in library.list():
        if scenario.exercise_type not in ("crisis", "triage"):
            continue
        by_platform = {}
        for seed in range(20):
            inst = generate(scenario, seed)
            by_platform.setdefault(inst.platform, inst)
        assert set(by_platform) == set(scenario.platforms), scenario.id
        for platform, inst in by_platform.items():
            if scenario.exercise_type == "triage":
                assert simulator.score_triage(inst, list(inst.expected_order))["spearman"] == 1.0
                continue
            statement = inst.crisis.holding_statement
            assert statement["max_chars"] == simulator.get_platform(platform).channel(statement["channel"]).max_chars
            good = simulator.react(inst, None, "We're sorry. We know about this and are acting now: "
                                   f"{fix_words(inst.crisis.fix)}. Updates to follow here.", GOOD, statement["channel"])
            assert good.key == "contained" and good.ended, (scenario.id, platform)
            skips = simulator.react(inst, None, "We're sorry. We know about this and are acting now; updates to "
                                    "follow here.", GOOD, statement["channel"])
            assert skips.key == "spreads" and "what to do now" in skips.why, (scenario.id, platform)
            assert all(m.platform == platform for m in good.messages), (scenario.id, platform)
