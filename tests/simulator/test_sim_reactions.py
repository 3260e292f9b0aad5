"""The customer reacts to the judgement of each reply: deterministic, and different for good and poor replies."""
from __future__ import annotations

import json

import pytest

import simulator
from simulator import ChannelError, ExerciseError, SimulatorUsageError
from tests.simulator.sim_helpers import GOOD, POOR, fix_words, generate, judgement

GOOD_PUBLIC = "Hi {first}, I'm so sorry your parcel hasn't arrived. Please DM us so I can check where it is for you ^JS"
POOR_PUBLIC = "Deliveries can take longer at busy times. Please check the tracking on our website."


def play(inst, replies, customer=None):
    """Play (reply, judgement, channel) turns until the conversation ends; return the reactions."""
    state, out = None, []
    for text, judged, channel in replies:
        reaction = simulator.react(inst, state, text, judged, channel, customer=customer)
        out.append(reaction)
        state = reaction.state.to_dict()        # what the web layer would store
        state = json.loads(json.dumps(state))   # ... as JSON
        if reaction.ended:
            break
    return out


def test_good_and_poor_replies_lead_the_same_customer_down_different_paths():
    inst = generate("lost-parcel-facebook", 21)
    first = inst.persona.first_name
    good = play(inst, [
        (GOOD_PUBLIC.format(first=first), GOOD, "public"),
        ("Thanks, I've opened a driver investigation and I'll message you within 48 hours ^JS", GOOD, "private"),
    ])
    poor = play(inst, [(POOR_PUBLIC, POOR, "public")] * 6)
    assert [r.key for r in good] == ["sends_details", "resolved"]
    assert good[-1].resolved and MOOD_INDEX(good[-1].mood) < MOOD_INDEX(inst.persona.mood)
    assert good[0].messages[-1].channel == "private" and good[0].messages[-1].text == inst.customers[0].details
    assert poor[-1].gave_up and not poor[-1].resolved
    assert MOOD_INDEX(poor[-1].mood) > MOOD_INDEX(inst.persona.mood)
    assert {"leave_threat", "manager", "pile_on"} & {r.key for r in poor}
    assert any(r.escalated_publicly for r in poor)
    assert first in good[0].why and first in poor[0].why


def MOOD_INDEX(mood):
    return simulator.MOODS.index(mood)


def test_reaction_is_deterministic_for_the_same_seed_reply_and_judgement():
    inst = generate("double-charge-bank-x", 5)
    a = simulator.react(inst, None, "Sorry to hear that.", POOR, "public").to_dict()
    b = simulator.react(generate("double-charge-bank-x", 5), None, "Sorry to hear that.", POOR,
                        "public").to_dict()
    assert a == b
    json.dumps(a)


def test_state_round_trips_through_a_plain_dict():
    inst = generate("slow-refund-instagram", 2)
    r = simulator.react(inst, None, "Hi! So sorry your refund is late, please DM us and I'll push it through today.",
                        GOOD, "public")
    again = simulator.ConversationState.from_dict(json.loads(json.dumps(r.state.to_dict())))
    assert again == r.state


def test_a_state_stored_before_the_apology_memory_existed_still_loads():
    inst = generate("slow-refund-instagram", 2)
    old = simulator.initial_state(inst).to_dict()
    del old["apologised"], old["empathised"]
    state = simulator.ConversationState.from_dict(old)
    assert not state.apologised and not state.empathised


def _quoted(judged: dict, key: str, words: str) -> dict:
    """The judgement with the scorer's evidence for `key`: the words it quoted."""
    judged["criteria"][key]["evidence"] = [{"start": 0, "end": len(words), "text": words, "turn": 0}]
    return judged


# A follow-up that does the work but does not apologise or empathise again (how the scorer rates it).
GETS_ON_WITH_IT = judgement(apologise=0, empathise=0)


def test_the_conversation_remembers_an_apology_and_empathy_once_shown():
    inst = generate("slow-refund-instagram", 2)
    first = simulator.react(inst, None, "So sorry your refund is late, please DM us and I'll chase it.", GOOD,
                            "public")
    assert first.state.apologised and first.state.empathised
    no_care = simulator.react(inst, None, "Please DM us your order number.", GETS_ON_WITH_IT, "public")
    assert not no_care.state.apologised and not no_care.state.empathised


def test_a_follow_up_that_does_the_work_after_an_earlier_apology_calms_the_customer():
    inst = generate("lost-parcel-facebook", 21)
    first = simulator.react(inst, None, "So sorry, please DM us so I can check.", GOOD, "public")
    second = simulator.react(inst, first.state, "I've opened a driver investigation; I'll message you by Friday.",
                             GETS_ON_WITH_IT, "private")
    assert second.key == "resolved" and MOOD_INDEX(second.mood) < MOOD_INDEX(first.mood)


def test_without_an_earlier_apology_the_same_follow_up_is_not_enough():
    inst = generate("faulty-air-fryer-facebook", 4)
    reaction = simulator.react(inst, None, "I'll arrange a replacement.", judgement(apologise=0, empathise=0,
                               take_private=None), "public")
    # Seeded, so one outcome: crosser than they started (frustrated -> angry) and threatening to leave.
    assert (reaction.key, reaction.state.status) == ("leave_threat", "open")
    assert MOOD_INDEX(reaction.mood) > MOOD_INDEX(inst.customers[0].persona.mood)


def test_an_earlier_apology_does_not_carry_over_a_reply_that_quotes_dismissive_words():
    inst = generate("lost-parcel-facebook", 21)
    first = simulator.react(inst, None, "So sorry, please DM us so I can check.", GOOD, "public")
    dismissive = _quoted(judgement(apologise=0, empathise=0), "empathise", "it's only a parcel")
    second = simulator.react(inst, first.state, "It's only a parcel, it will turn up.", dismissive, "private")
    # Seeded, so one outcome: the apology before does not help, the customer is angrier and threatens to leave.
    assert (second.key, second.mood, second.state.status) == ("leave_threat", "angry", "open")
    assert MOOD_INDEX(second.mood) > MOOD_INDEX(first.mood) and "dismissive" in second.why


def test_the_customer_is_called_dismissed_only_when_the_scorer_quoted_blaming_words():
    inst = generate("double-charge-bank-x", 5)
    generic = judgement(hear=1, empathise=0, apologise=0, take_ownership=0, act=0, take_private=0)
    plain = simulator.react(inst, None, "Please see our help pages.", generic, "public")
    quoted = simulator.react(inst, None, "Sorry, but you should have checked your statement.",
                             _quoted(judgement(hear=1, empathise=0, apologise=0, take_ownership=0, act=0,
                                               take_private=0), "apologise", "but you should have"), "public")
    assert plain.key == quoted.key == "frustrated"
    assert "did not deal with their problem" in plain.why and "dismissive" not in plain.why
    assert "dismissive or put the problem back on them" in quoted.why


def test_details_arrive_only_in_a_private_channel_once_asked():
    inst = generate("faulty-air-fryer-facebook", 8)
    details = inst.customers[0].details
    asked_in_public = simulator.react(inst, None, "So sorry it's stopped working. Please send us a message so I "
                                      "can arrange a replacement.", GOOD, "public")
    assert [m.channel for m in asked_in_public.messages] == ["public", "private"]
    assert asked_in_public.messages[1].text == details
    assert all(details not in m.text for m in asked_in_public.messages if m.channel == "public")
    not_asked = simulator.react(inst, None, "So sorry it has stopped working, that's really disappointing.",
                                judgement(take_private=0, take_ownership=1, act=1), "public")
    assert all(details not in m.text for m in not_asked.messages)


def test_customer_answers_a_clarifying_question():
    inst = generate("ambiguous-not-working-x", 4)
    r = simulator.react(inst, None, "Sorry it's playing up again. Is it the broadband, the TV box or the phone?",
                        judgement(take_private=None), "public")
    assert r.key == "clarifies" and r.messages[0].text == inst.customers[0].clarification
    assert r.state.clarified


def test_guessing_instead_of_clarifying_makes_the_customer_explain_again():
    inst = generate("ambiguous-not-working-x", 4)
    r = simulator.react(inst, None, "Sorry about that! Please restart your router.",
                        judgement(clarify=0, hear=1, take_ownership=1), "public")
    assert r.key == "repeats" and "not what I meant" in r.messages[0].text
    assert r.state.patience_left < inst.persona.patience


def test_rude_reply_outrages_the_customer_in_public():
    inst = generate("rude-customer-train-x", 3)
    r = simulator.react(inst, None, "Calm down. Swearing won't get your train here any faster.",
                        judgement(tone_of_voice=0, empathise=0, apologise=0), "public")
    assert r.key == "outraged" and r.escalated_publicly
    assert any(m.channel == "public" for m in r.messages)


def test_asking_for_details_in_public_worries_the_customer():
    inst = generate("personal-data-posted-x", 3)
    r = simulator.react(inst, None, "Hi, please reply with your account number and date of birth.",
                        judgement(data_protection="fail"), "public")
    assert r.key == "privacy_worry" and "personal details" in r.why


def test_escalation_is_accepted_when_the_scenario_needs_it():
    inst = generate("legal-threat-rail-x", 6)
    r1 = simulator.react(inst, None, "I'm so sorry you were hurt. Please DM us so I can pass this to our Customer "
                         "Relations team.", GOOD, "public")
    assert r1.key == "sends_details"
    r2 = simulator.react(inst, r1.state, "Thank you. I've passed your report to Customer Relations, who will "
                         "contact you within 2 working days.", GOOD, "private")
    assert r2.resolved and r2.state.escalated


def test_calm_reply_that_skips_escalation_does_not_resolve():
    inst = generate("vulnerable-bereavement-webchat", 1)
    r = simulator.react(inst, None, "I'm so sorry for your loss. Could you confirm your name, the first line of "
                        "your address and postcode so I can help?", judgement(escalation=0), "chat")
    assert r.key == "verifies" and r.state.verified
    r2 = simulator.react(inst, r.state, "Thank you. Everything is fine, nothing to do.", judgement(escalation=0),
                         "chat")
    assert not r2.resolved and "escalate" in r2.why


def test_patience_runs_out_and_the_customer_gives_up():
    inst = generate("outage-banking-app-x", 9)
    reactions = play(inst, [("We are aware.", POOR, "public")] * 10)
    assert reactions[-1].gave_up and reactions[-1].state.status == "gave_up"
    assert len(reactions) == inst.persona.patience
    with pytest.raises(ExerciseError):
        simulator.react(inst, reactions[-1].state, "Hello?", GOOD, "public")


def test_reactions_carry_timing_against_the_sla():
    inst = generate("outage-broadband-x", 1)
    quick = simulator.react(inst, None, "Sorry!", GOOD, "public", at_minute=10)
    slow = simulator.react(inst, None, "Sorry!", GOOD, "public", at_minute=45)
    late = simulator.react(inst, None, "Sorry!", GOOD, "public", at_minute=90)
    assert (quick.timeliness, slow.timeliness, late.timeliness) == (2, 1, 0)
    assert quick.response_minutes == 10
    assert all(m.at_minute > 10 for m in quick.messages)


def test_reply_on_a_channel_the_platform_lacks_is_refused():
    inst = generate("kb-returns-webchat", 1)
    with pytest.raises(ChannelError, match="no 'public' channel"):
        simulator.react(inst, None, "Hello", GOOD, "public")


def test_x_public_reply_over_280_weighted_characters_is_refused():
    inst = generate("late-parcel-x-public", 1)
    text = "Sorry 😀" * 35 + " https://example.com/help"   # 35*7 weighted + 1 + 23 = 269 -> add emoji
    assert simulator.message_length(text, "twitter", "public") == 35 * 8 + 1 + 23
    with pytest.raises(ChannelError, match="280 weighted"):
        simulator.react(inst, None, text, GOOD, "public")


def test_private_message_after_the_window_is_refused():
    inst = generate("slow-refund-instagram", 1)
    with pytest.raises(ChannelError, match="24 hours.*HUMAN_AGENT"):
        simulator.react(inst, None, "Hi, sorry for the wait", GOOD, "private", at_minute=25 * 60)
    tagged = simulator.react(inst, None, "Hi, sorry for the wait", GOOD, "private", at_minute=25 * 60,
                             human_agent_tag=True)
    assert tagged.response_minutes == 25 * 60
    with pytest.raises(ChannelError, match="168 hours"):
        simulator.react(inst, None, "Hi, sorry for the wait", GOOD, "private", at_minute=8 * 24 * 60,
                        human_agent_tag=True)


def test_x_direct_messages_have_no_window():
    inst = generate("double-charge-bank-x", 1)
    r = simulator.react(inst, None, "Hi, sorry about this", GOOD, "private", at_minute=30 * 24 * 60)
    assert r.timeliness == 0


def test_judgement_without_criteria_is_a_caller_error():
    inst = generate("late-parcel-x-public", 1)
    with pytest.raises(SimulatorUsageError, match="criteria"):
        simulator.react(inst, None, "Hi", {"grade": "Pass"}, "public")


def test_state_from_another_instance_is_refused():
    a = generate("late-parcel-x-public", 1)
    b = generate("late-parcel-x-public", 2)
    r = simulator.react(a, None, "Hi", GOOD, "public")
    with pytest.raises(SimulatorUsageError, match="belongs to"):
        simulator.react(b, r.state, "Hi", GOOD, "public")


def test_scoring_context_for_a_later_turn_holds_the_conversation_so_far():
    inst = generate("lost-parcel-facebook", 3)
    r = simulator.react(inst, None, "Sorry! Please DM us so I can look into it.", GOOD, "public")
    ctx = simulator.scoring_context_for_turn(inst, r.state, channel="private", response_minutes=4)
    assert ctx["previous_replies"] == ["Sorry! Please DM us so I can look into it."]
    assert inst.customers[0].details in ctx["customer"]
    assert ctx["channel"] == "private" and ctx["response_minutes"] == 4


def test_every_exercise_type_has_a_builder_and_a_reactor():
    assert set(simulator.BUILDERS) == set(simulator.EXERCISE_TYPES) == set(simulator.REACTORS)


GOOD_TEXT = ("Hi, I'm so sorry about this. Could you confirm your name, first line of address and postcode, "
             "and I'll sort it for you?")


def _drive(inst, cid, judged, text=GOOD_TEXT, turns=8):
    state, channel, reactions = None, {"webchat": "chat"}.get(inst.platform, "public"), []
    for _ in range(turns):
        r = simulator.react(inst, state, text, judged, channel, customer=cid)
        reactions.append(r)
        state = r.state
        if state.channel == "private":
            channel = "private"
        if r.ended:
            break
    return reactions


def test_every_customer_in_the_library_is_won_only_with_the_fix_and_lost_by_a_poor_reply(library):
    """Scripted judgements: the same kind reply with the scenario's fix resolves; without it, never."""
    for scenario in library.list():
        if scenario.exercise_type in ("triage", "crisis"):
            continue
        inst = generate(scenario, 13)
        for cust in inst.customers:
            with_fix = f"{GOOD_TEXT} {fix_words(cust.verify_with)} {fix_words(cust.fix)}".strip()
            good = _drive(inst, cust.id, GOOD, with_fix)
            skips = _drive(inst, cust.id, GOOD)
            poor = _drive(inst, cust.id, POOR)
            if scenario.exercise_type == "public_reply":
                assert MOOD_INDEX(good[-1].mood) <= MOOD_INDEX(cust.persona.mood), scenario.id   # calm-to-furious order
                assert good[-1].key in ("sends_details", "resolved", "calmer", "escalation_ack", "clarifies",
                                        "verifies"), scenario.id
                assert (MOOD_INDEX(poor[-1].mood) > MOOD_INDEX(cust.persona.mood)
                        or poor[-1].mood == "furious" or poor[-1].key == "repeats"), scenario.id
                assert poor[-1].key in ("frustrated", "leave_threat", "manager", "pile_on", "repeats"), scenario.id
                if cust.fix and not cust.expected["take_private"]:
                    assert good[-1].resolved and not skips[-1].resolved, scenario.id
                continue
            assert any(r.resolved for r in good) and good[-1].state.status == "resolved", \
                (scenario.id, cust.id, [r.key for r in good])
            assert good[-1].key == "signs_off", (scenario.id, cust.id, [r.key for r in good])
            assert not poor[-1].resolved and poor[-1].gave_up, (scenario.id, cust.id, [r.key for r in poor])
            assert len(good) <= 4, (scenario.id, cust.id, [r.key for r in good])
            if cust.fix:
                assert not any(r.resolved for r in skips), (scenario.id, cust.id, [r.key for r in skips])
