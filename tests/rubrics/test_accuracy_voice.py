"""accuracy: a paraphrased forbidden promise must be said as a promise. Records from the learner suite and the
corpus's train split, each with both raters' accuracy level."""
import pytest

from rubrics.corpus import load_corpus, load_suite
from rubrics.evaluation import score_record


def _record(case):
    return next(r for r in load_suite() + load_corpus(split="train") if r["id"] == case)


@pytest.mark.parametrize("case", ["learner-W3-079", "learner-W1-217"])
def test_naming_what_the_customer_paid_is_not_promising_to_pay_it(case):
    # "Lisa, missing your flight to Dublin and paying £468 for new ones is a lot on top of a cancelled train." was
    # read as the forbidden "paying for the flights" (accuracy 0, feedback "Only promise what the policy allows")
    rec = _record(case)
    assert rec["labels"]["accuracy"] == 2
    assert score_record(rec)["criteria"]["accuracy"]["level"] == 2


@pytest.mark.parametrize("case", ["learner-W1-276", "learner-W1-098"])
def test_an_assurance_without_we_is_still_a_promise(case):
    # "The app will be back up within the hour, promise!!!", "Your money is completely safe and no customers have
    # been affected."
    rec = _record(case)
    assert rec["labels"]["accuracy"] == 0
    assert score_record(rec)["criteria"]["accuracy"]["level"] == 0
