"""Detectors declare the judgements they read; the evaluation order comes from those declarations."""
import pytest

from rubrics import score_reply
from rubrics.detectors import DETECTORS, Detector, Judgement, evaluation_order
from rubrics.errors import ScoringError
from rubrics.rubric import RUBRIC


def test_every_criterion_comes_after_the_criteria_its_detector_needs():
    order = evaluation_order(RUBRIC.detector_of)
    assert sorted(order) == sorted(RUBRIC.detector_of)
    for key, name in RUBRIC.detector_of.items():
        for need in DETECTORS[name].needs:
            assert order.index(need) < order.index(key), (key, need)


def test_the_declared_dependencies_are_the_ones_the_detectors_read():
    needs = {name: d.needs for name, d in DETECTORS.items() if d.needs}
    assert needs == {"acknowledge": ("hear",), "take_ownership": ("hear",), "act": ("hear",),
                     "personalisation": ("hear",), "greeting": ("tone_of_voice",)}


def test_a_detector_gets_only_what_it_declares():
    seen = {}

    def spy(cues, sit, **needed):
        seen.update(needed)
        return Judgement(1)
    registry = {**DETECTORS, "acknowledge": Detector("acknowledge", spy, ("hear",))}
    from rubrics.cues import Cues
    from rubrics.customer import read_customer
    from rubrics.detectors import Situation, evaluate
    from rubrics.text import read
    sit = Situation(customer=read_customer("my parcel is late"), platform="twitter", channel="public",
                    platform_known=True, response_minutes=None, customer_name=None, customer_handle=None, scenario=None)
    judged = evaluate(Cues(read("Sorry your parcel is late."), sit.customer), sit, RUBRIC.detector_of, registry=registry)
    assert set(seen) == {"hear"} and seen["hear"] is judged["hear"]


def test_a_cycle_of_needs_is_reported():
    registry = {**DETECTORS, "hear": Detector("hear", DETECTORS["hear"].fn, ("acknowledge",))}
    with pytest.raises(ScoringError, match="cycle"):
        evaluation_order(RUBRIC.detector_of, registry)


def test_a_need_that_is_not_a_criterion_is_reported():
    registry = {**DETECTORS, "hear": Detector("hear", DETECTORS["hear"].fn, ("sparkle",))}
    with pytest.raises(ScoringError, match="sparkle"):
        evaluation_order(RUBRIC.detector_of, registry)


def test_an_na_criterion_still_reaches_the_criteria_that_need_it():
    # tone n/a by the scenario: greeting reads that judgement (level None), not a missing key
    ctx = {"customer": "Where is my order?", "scenario": {"id": "s", "expected": {"not_applicable": ["tone_of_voice"]}}}
    result = score_reply("Where is it", ctx)
    assert result["criteria"]["tone_of_voice"]["level"] is None
    assert result["criteria"]["greeting"]["level"] == 1
