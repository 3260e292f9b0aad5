"""Knowledge checks (issue 12): seeded quizzes, auto-marked, every question explained, every knowledge point asked."""
from __future__ import annotations

import re

import pytest
import yaml

from simulator.errors import SimulatorInternalError, SimulatorUsageError
from simulator.knowledge import GENERATORS, POINTS, Quiz, load_bank, make_quiz, mark_quiz


def test_the_same_seed_gives_the_same_quiz_and_other_seeds_differ():
    assert make_quiz(11).to_dict() == make_quiz(11).to_dict()
    assert len({str(make_quiz(s).to_dict()) for s in range(10)}) == 10


def test_every_quiz_asks_about_every_knowledge_point():
    for seed in range(60):
        quiz = make_quiz(seed)
        assert {q.point for q in quiz.questions} == set(POINTS), seed
        assert len({q.id for q in quiz.questions}) == len(quiz.questions)


def test_right_answers_score_full_marks_and_wrong_ones_none_each_with_its_explanation():
    quiz = make_quiz(5)
    right = mark_quiz(quiz, {q.id: q.answer for q in quiz.questions})
    assert right.score == right.total == len(quiz.questions)
    wrong = mark_quiz(quiz, {q.id: (q.answer + 1) % len(q.options) for q in quiz.questions})
    assert wrong.score == 0 and all(i["explanation"] for i in wrong.items)
    assert {p: v["correct"] for p, v in wrong.by_point.items()} == {p: 0 for p in POINTS}


def test_an_unanswered_question_scores_nothing():
    quiz = make_quiz(5)
    first = quiz.questions[0]
    result = mark_quiz(quiz, {first.id: first.answer})
    assert result.score == 1 and result.items[1]["chosen"] is None and not result.items[1]["correct"]


@pytest.mark.parametrize("answers", [{"not-a-question": 0}, "out of range"])
def test_answers_that_do_not_fit_the_quiz_are_refused(answers):
    quiz = make_quiz(5)
    if answers == "out of range":
        answers = {quiz.questions[0].id: 4}
    with pytest.raises(SimulatorUsageError):
        mark_quiz(quiz, answers)


def test_a_stored_quiz_marks_the_same_after_a_round_trip():
    quiz = make_quiz(9)
    again = Quiz.from_dict(yaml.safe_load(yaml.safe_dump(quiz.to_dict())))
    assert again == quiz


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def test_the_generated_nps_question_is_right_for_its_own_figures():
    import random
    for seed in range(40):
        stem, correct, wrong, _ = GENERATORS["nps"](random.Random(seed))
        total, promoters, _9, _10, passives, _7, _8, detractors, _0, _6 = _numbers(stem)
        assert promoters + passives + detractors == total
        assert int(correct) == round(100 * (promoters - detractors) / total)
        assert correct not in wrong


def test_the_generated_fcr_and_csat_questions_divide_by_the_right_total():
    import random
    for seed in range(40):
        stem, correct, _w, _e = GENERATORS["fcr"](random.Random(seed))
        total, _resolved, first = _numbers(stem)
        assert correct == f"{round(100 * first / total)}%"
        stem, correct, _w, _e = GENERATORS["csat"](random.Random(seed))
        _contacts, responses, satisfied, *_scale = _numbers(stem)
        assert correct == f"{round(100 * satisfied / responses)}%"


def test_the_response_time_benchmark_is_42_within_60_and_32_within_30():
    _version, fixed = load_bank()
    by_id = {q["id"]: q for q in fixed}
    assert by_id["response-expectation-60"]["correct"] == "42%"
    assert by_id["response-expectation-30"]["correct"] == "32%"


def test_a_bad_bank_reports_every_problem_at_once(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "questions": [
        {"id": "a", "point": "gossip", "stems": ["?"], "correct": "x", "wrong": ["y", "z", "w"], "explanation": "e"},
        {"id": "b", "point": "law", "stems": ["?"], "correct": "x", "wrong": ["x", "z", "w"], "explanation": "e"},
        {"id": "c", "point": "law"}]}))
    with pytest.raises(SimulatorInternalError) as info:
        load_bank.__wrapped__(path)
    message = str(info.value)
    assert "(a): point must be" in message and "(b): needs three wrong" in message and "(c): missing" in message


def test_a_bad_seed_or_length_is_the_callers_error():
    for seed, length in ((-1, 8), ("7", 8), (1, 3), (1, 50)):
        with pytest.raises(SimulatorUsageError):
            make_quiz(seed, length)
