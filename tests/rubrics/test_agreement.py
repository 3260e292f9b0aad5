"""Cohen's kappa and exact agreement on data whose answers are worked out by hand."""
import pytest

from rubrics.agreement import agreement, cohens_kappa


def test_kappa_of_the_textbook_yes_no_table_is_0_4():
    # 50 items: both yes 20, a yes b no 5, a no b yes 10, both no 15. po = 35/50 = 0.7;
    # pe = (25/50)(30/50) + (25/50)(20/50) = 0.3 + 0.2 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert cohens_kappa(pairs) == pytest.approx(0.4)


def test_kappa_over_three_levels_worked_by_hand():
    # a: 2 2 1 1 0 0 ; b: 2 1 1 1 0 2. po = 4/6. a's shares: 2/6 each level; b's: "2" 2/6, "1" 3/6, "0" 1/6.
    # pe = (2*2 + 2*3 + 2*1) / 36 = 12/36 = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5.
    pairs = list(zip("221100", "211102"))
    assert cohens_kappa(pairs) == pytest.approx(0.5)


def test_perfect_agreement_over_two_levels_is_1_and_chance_level_agreement_is_0():
    assert cohens_kappa([("2", "2"), ("0", "0"), ("1", "1")]) == pytest.approx(1.0)
    # a always "2"; b half "2": po = 0.5 and pe = 1 * 0.5 = 0.5, so kappa 0.
    assert cohens_kappa([("2", "2"), ("2", "1"), ("2", "2"), ("2", "1")]) == pytest.approx(0.0)


def test_systematic_disagreement_is_negative():
    assert cohens_kappa([("2", "0"), ("0", "2")] * 3) == pytest.approx(-1.0)


def test_kappa_is_undefined_when_every_pair_is_one_level_or_there_are_none():
    assert cohens_kappa([("2", "2")] * 5) is None
    assert cohens_kappa([]) is None


def test_agreement_gives_counts_share_and_kappa():
    result = agreement(list(zip("221100", "211102")))
    assert result["n"] == 6 and result["exact"] == 4
    assert result["exact_share"] == pytest.approx(4 / 6) and result["kappa"] == pytest.approx(0.5)
    assert agreement([]) == {"n": 0, "exact": 0, "exact_share": None, "kappa": None}


def test_pairwise_agreement_between_several_tutors():
    from rubrics.agreement import pairwise_agreement
    assert pairwise_agreement(["2", "2", "1"]) == pytest.approx(1 / 3)
    assert pairwise_agreement(["2", "2", "2"]) == 1.0 and pairwise_agreement(["0", "1", "2"]) == 0.0
    assert pairwise_agreement(["2", "2", "1", "1"]) == pytest.approx(2 / 6)
    assert pairwise_agreement(["2"]) is None
