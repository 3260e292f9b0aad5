"""hear needs the customer's issue: a delivery that has not come is that issue even without the word "delivery"."""
import pytest

from rubrics import score_reply

LATE = "@LarkspurVale my air fryer was meant to come Thursday. Still nothing, 5 days later."


def context(customer: str) -> dict:
    return {"customer": customer, "platform": "twitter", "channel": "public", "response_minutes": 5,
            "customer_name": "Eileen Myers", "customer_handle": "@eileen", "previous_replies": [], "scenario": None}


@pytest.mark.parametrize("customer", [
    LATE,
    "@brand where is my kettle?? ordered a week ago",
    "@brand my mugs still haven't arrived and it's been ten days",
    "@brand no sign of my palette, it was due to arrive yesterday",
])
def test_a_reply_naming_the_late_order_has_heard_a_delivery_that_has_not_come(customer):
    result = score_reply("Hi Eileen, I'm so sorry your order is late. I'll chase it today.", context(customer))
    assert result["criteria"]["hear"]["level"] == 2


def test_a_generic_thanks_still_does_not_hear_the_late_delivery():
    result = score_reply("Hi Eileen, thanks for getting in touch.", context(LATE))
    assert result["criteria"]["hear"]["level"] == 1


@pytest.mark.rules_only   # pins the rule detectors; the learned layer differs here (rubrics/README.md, known limits)
def test_a_question_about_a_product_is_not_read_as_a_late_delivery():
    # "come in" here is about colours: answering about a delivery misreads the question (hear 0).
    result = score_reply("Hi Eileen, your order will arrive on Monday.", context("@brand what colours does the kettle come in?"))
    assert result["criteria"]["hear"]["level"] == 0
