"""The learned layer's readings of specificity (hear) and of concrete, owned steps (act, take_ownership)."""
from rubrics.judge import action, features, specificity

CUSTOMER = ("@LarkspurVale Next day delivery my arse. mum's birthday was yesterday and still no personalised mug. "
            "Not impressed")


def _spec(reply: str, customer: str = CUSTOMER) -> dict[str, float]:
    return dict(zip(specificity.NAMES, specificity.readings(reply, customer, best_sentence_sim=0.0)))


def _act(*turns: str) -> dict[str, float]:
    return dict(zip(action.NAMES, action.readings(list(turns))))


def test_a_reply_naming_the_customers_problem_covers_more_of_it_than_a_generic_acknowledgement():
    specific = _spec("Hi Jacob, really sorry the mug didn't reach your mum for her birthday. I'll refund the "
                     "next-day charge now.")
    generic = _spec("Thanks for reaching out, sorry to hear about the issue with your order. Please DM us.")
    assert specific["spec:shared"] > 0 and generic["spec:shared"] == 0
    assert specific["spec:covered"] > generic["spec:covered"]
    assert specific["spec:soft_top"] > generic["spec:soft_top"]


def test_generic_service_words_never_count_as_taking_up_the_customers_words():
    customer = "Terrible service, my order is a problem and nobody will help with my account issue"
    reply = _spec("Sorry for the problem with your order and account, our service team will help with the issue.",
                  customer)
    assert reply["spec:shared"] == 0


def test_shared_codes_and_amounts_count():
    r = _spec("I can see the £412.37 bill on HE82503112 and I've asked for a new reading.",
              "my bill is £412.37 for one month?? account HE82503112")
    assert r["spec:codes_shared"] > 0


def test_a_bare_hand_off_is_read_as_a_hand_off_only():
    bare = _act("Please DM us.")
    owned = _act("Please DM us your order number so we can check the courier's scan for you.")
    assert bare["act:handoff_only"] == 1.0 and bare["act:handoff_then"] == 0
    assert owned["act:handoff_only"] == 0.0 and owned["act:handoff_then"] > 0


def test_a_first_person_step_with_a_time_is_read_as_a_timed_step():
    r = _act("I've booked an engineer for tomorrow at 8am and I'll call you tonight to confirm.")
    assert r["act:steps"] > 0 and r["act:done"] > 0 and r["act:step_with_when"] > 0
    assert r["act:handoff_only"] == 0.0


def test_policy_quoted_as_the_answer_is_read_as_deflection_without_a_step():
    r = _act("Direct Debits are reviewed every 6 months and you agreed to this in our terms. I'm unable to change it.")
    assert r["act:deflect_no_step"] == 1.0 and r["act:steps"] == 0


def test_a_conversation_keeps_its_most_decisive_turn():
    r = _act("I've run a line test and booked an engineer for tomorrow 8am.", "Anything else I can help with?")
    single = _act("Anything else I can help with?")
    assert r["act:best_turn_steps"] > single["act:best_turn_steps"] == 0
    assert r["act:step_turn_share"] == 0.5


def test_the_model_features_and_the_specificity_readings_stem_words_one_way():
    """One light stem for both (features had a copy): a change to it reaches the overlap features and the readings."""
    assert features.stem is specificity.stem
    assert [specificity.stem(w) for w in ("Delayed", "delays", "charging", "refunds", "bus")] == \
        ["delay", "delay", "charg", "refund", "bus"]
