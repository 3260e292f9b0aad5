"""A knowledge check in Chromium: started from a seed, answered with the keyboard, marked with explanations; axe-core
on the question page and the result."""
from __future__ import annotations

import pytest

import simulator
from tests.browser.conftest import check

pytestmark = pytest.mark.browser


def test_a_knowledge_check_is_answered_by_keyboard_and_marked_with_explanations(page):
    page.goto("/knowledge/")
    page.get_by_label("Seed").fill("21")
    page.get_by_role("button", name="Start a knowledge check").click()
    quiz = simulator.make_quiz(21)
    page.get_by_text(quiz.questions[0].stem).wait_for()
    check(page, "knowledge-01-questions")
    for q in quiz.questions:   # the right answer to each, chosen with the keyboard (focus, then space)
        radio = page.get_by_role("group", name=q.stem).get_by_label(q.options[q.answer], exact=True)
        radio.focus()
        page.keyboard.press("Space")
        assert radio.is_checked()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("heading", name=f"Result: {len(quiz.questions)} of {len(quiz.questions)}").wait_for()
    for q in quiz.questions:
        assert page.get_by_text(q.explanation).count() >= 1
    check(page, "knowledge-02-result")
