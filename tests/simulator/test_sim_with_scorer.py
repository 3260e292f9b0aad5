"""The customer's reactions driven by the real scorer: reply texts go through rubrics.score_reply, and its
result into simulator.react, as the web layer does. (The simulator package never imports rubrics; its
tests may, to prove the two agree.)"""
from __future__ import annotations

import pytest

import simulator
from rubrics import score_reply
from tests.simulator.sim_helpers import generate

ANGRIER = {"frustrated", "leave_threat", "manager", "pile_on", "outraged"}

# A competent learner: turn 1 (public) hears, apologises, shows empathy and invites a private message;
# turn 2 (private) gets on with the work: names the problem, owns it and says what happens next, without
# apologising again.
GOOD_PATHS = {
    "lost-parcel-facebook": [
        ("Hi {f}, I'm so sorry your parcel hasn't arrived - I know how frustrating that is. Please send us a "
         "private message with your order number so I can find out where it is.", "public"),
        ("Thanks {f}. Tracking shows it as delivered but it never reached you, so I've opened a driver "
         "investigation and I'll message you with the outcome within 48 hours.", "private")],
    "slow-refund-instagram": [
        ("Hi {f}, I'm really sorry your refund still hasn't reached you - I know how frustrating waiting is. "
         "Please DM us your order number so I can chase it for you today.", "public"),
        ("Thanks {f}. I've checked and your refund was delayed at our end; I've pushed it through now and it "
         "will reach your account within 3 working days. I'll message you to confirm.", "private")],
    "faulty-air-fryer-facebook": [
        ("Hi {f}, I'm so sorry your {item} has stopped working after just a few weeks - that's really "
         "disappointing. Please send us a private message with your order number so I can arrange a "
         "replacement.", "public"),
        ("Thanks {f}. I've arranged a free collection of the {item} that won't switch on and a replacement, "
         "which will be with you within 5 working days. I'll message you when it's on its way.", "private")],
    "double-charge-bank-x": [
        ("Hi {f}, I'm sorry you've been charged twice - I can see how worrying that is. Please DM us (no card "
         "details) so I can look into the payment for you.", "public"),
        ("Thanks {f}. I've checked the double charge: the second payment is a pending authorisation and it will "
         "drop off within 3 working days. I'll check back with you on Friday.", "private")],
}
# A poor learner: polite, generic, never names the problem or owns it.
POOR_REPLY = "Thanks for your message. Please check our help pages for more information."
SEEDS = (1, 2, 3)


def play(scenario_id: str, seed: int, turns: list[tuple[str, str]], max_turns: int = 8):
    """Score each reply with the real scorer in the turn's context, then react; the last turn repeats."""
    inst = generate(scenario_id, seed)
    state, reactions = None, []
    for i in range(max_turns):
        text, channel = turns[min(i, len(turns) - 1)]
        # The seeded product (the air-fryer scenario sells a kettle on some seeds): a good reply names the customer's own.
        item = ((inst.facts or {}).get("order") or {}).get("item", "order")
        text = text.format(f=inst.persona.first_name, item=item)
        context = simulator.scoring_context_for_turn(inst, state, channel=channel, response_minutes=5)
        judgement = score_reply(text, context)
        at = (state.last_customer_minute if state else inst.messages[-1].at_minute) + 5
        reaction = simulator.react(inst, state, text, judgement, channel, at_minute=at)
        reactions.append((judgement, reaction))
        state = reaction.state
        if reaction.ended:
            break
    return inst, reactions


def mood(name: str) -> int:
    return simulator.MOODS.index(name)


@pytest.mark.parametrize("scenario_id", sorted(GOOD_PATHS))
@pytest.mark.parametrize("seed", SEEDS)
def test_a_scripted_good_conversation_scored_for_real_calms_the_customer_and_resolves(scenario_id, seed):
    inst, played = play(scenario_id, seed, GOOD_PATHS[scenario_id])
    keys = [r.key for _, r in played]
    assert keys == ["sends_details", "resolved", "signs_off"]   # satisfied, then the learner's closing turn
    assert mood(played[-1][1].mood) < mood(inst.persona.mood)
    assert all(mood(r.mood) <= mood(r.previous_mood) for _, r in played)


@pytest.mark.parametrize("scenario_id", sorted(GOOD_PATHS))
def test_a_follow_up_that_does_the_work_without_apologising_again_is_not_called_dismissive(scenario_id):
    inst, played = play(scenario_id, 5, GOOD_PATHS[scenario_id])
    judgement, second = played[1]
    levels = {k: judgement["criteria"][k]["level"] for k in ("hear", "take_ownership", "act", "apologise")}
    assert levels["hear"] == levels["take_ownership"] == levels["act"] == 2      # the scorer: competent...
    assert levels["apologise"] == 0                                                # ...and no new apology
    assert second.key not in ANGRIER and "dismissive" not in second.why
    assert mood(second.mood) < mood(second.previous_mood)


@pytest.mark.parametrize("scenario_id", sorted(GOOD_PATHS))
@pytest.mark.parametrize("seed", SEEDS)
def test_a_scripted_poor_conversation_scored_for_real_escalates(scenario_id, seed):
    inst, played = play(scenario_id, seed, [(POOR_REPLY, "public")])
    reactions = [r for _, r in played]
    assert not any(r.resolved for r in reactions)
    assert mood(reactions[-1].mood) > mood(inst.persona.mood)
    assert {"leave_threat", "manager", "pile_on"} & {r.key for r in reactions}
    assert reactions[-1].gave_up or reactions[-1].ended
    assert all("dismissive" not in r.why for r in reactions)   # generic, not blaming: the feedback says so


def test_an_earlier_apology_does_not_excuse_a_later_blaming_reply():
    inst, played = play("lost-parcel-facebook", 5, [
        GOOD_PATHS["lost-parcel-facebook"][0],
        ("Sorry but you should have checked the tracking before messaging us.", "private")])
    second = played[1][1]
    assert second.key in ANGRIER and mood(second.mood) > mood(second.previous_mood)


def test_an_excellent_apology_with_a_fix_is_not_called_dismissive_even_when_empathy_scores_zero():
    """The scorer may give empathise 0 and quote the apology ("an apology alone is not empathy"): those words earned
    the apology, so the customer must not hear them as dismissive (issue 16: "Honestly I'm done")."""
    inst = generate("faulty-air-fryer-facebook", 2)
    text = (f"Hi {inst.persona.first_name}, I'm so sorry your air fryer has stopped working. I've arranged a full "
            "refund and a free collection for you today: please send us a private message with your order number.")
    judgement = score_reply(text, simulator.scoring_context_for_turn(inst, None, channel="public", response_minutes=5))
    empathy = judgement["criteria"]["empathise"]
    if empathy["level"] == 0:   # today's scorer; a later one may give empathy 1 here, which is fine too
        apology = judgement["criteria"]["apologise"]["evidence"]
        assert [e["text"] for e in empathy["evidence"]] == [e["text"] for e in apology]
    reaction = simulator.react(inst, None, text, judgement, "public")
    assert reaction.key not in ANGRIER and "dismissive" not in reaction.why, (reaction.key, reaction.why)
    assert mood(reaction.mood) < mood(reaction.previous_mood) and reaction.mood != "worried"
