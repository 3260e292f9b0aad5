"""Criterion keys of the rubric guide (../shared/rubric-guide.md), in its order.

The simulator only names criteria (in scenario files' expected handling) and reads their levels from a
scoring result; it never scores. Keeping the list here lets the loader reject a misspelt key.
"""
from __future__ import annotations

HEAT = ("hear", "empathise", "apologise", "take_ownership")
AAA = ("acknowledge", "apologise", "act")
MARKING_POINTS = ("greeting", "personalisation", "signposting", "closing", "tone_of_voice", "plain_language",
                  "data_protection", "take_private", "clarify", "escalation", "accuracy", "timeliness",
                  "platform_fit")
CRITERIA: tuple[str, ...] = tuple(dict.fromkeys(HEAT + AAA + MARKING_POINTS))

# Criteria a scenario may never mark as not applicable: every reply can be rude or leak data.
NEVER_NOT_APPLICABLE = frozenset({"tone_of_voice", "data_protection", "hear", "acknowledge"})
