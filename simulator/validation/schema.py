"""The fields each part of a scenario file may have, the id pattern, and the channel a platform uses by default:
what every check module reads, kept in one place so that it reads as the file format (scenarios/README.md)."""
from __future__ import annotations

import re

from simulator.platforms import PLATFORMS

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NUMBER = (int, float)

TOP_LEVEL = {
    "id": "the scenario id, equal to the file name without .yaml",
    "version": "an optional integer the author bumps on a big change",
    "title": "a short title", "category": "the kind of situation", "difficulty": "easy, medium or hard",
    "exercise_type": "what the learner does", "platforms": "where it happens", "brand": "the fictional brand",
    "sla_minutes": "the response-time target", "brief": "what the learner is told",
    "tutor_notes": "notes for tutors only", "variables": "named lists of values picked per seed",
    "customer": "the customer (single-customer exercises)", "customers": "the customers (live chat)",
    "facts": "what the learner may rely on", "expected": "the expected handling",
    "queue": "triage: the posts in priority order", "crisis": "crisis: the burst and the holding statement",
    "triage": "triage: the pick lists (routes, actions, tags) each post's decisions come from",
}
CUSTOMER_FIELDS = ("id", "mood", "patience", "needs", "persona_notes", "messages", "details", "clarification",
                   "verification", "followups", "posts_personal_data_publicly", "variables", "facts", "expected",
                   "crm", "fix", "verify_with")
MESSAGE_FIELDS = ("text", "channel", "at_minute")
EXPECTED_FIELDS = ("not_applicable", "take_private", "escalate", "escalation_route", "clarify", "verify_identity",
                   "may_promise", "must_not_promise", "resolution", "holding_statement", "key_behaviours")
KEY_BEHAVIOUR_FIELDS = ("id", "do", "shown_by", "avoid")
POINT_FIELDS = {"must_cover": ("point", "shown_by", "safety"), "must_not": ("point", "shown_by")}
EXPECTED_FLAGS = ("take_private", "escalate", "clarify", "verify_identity")
FLAG_CRITERION = {"take_private": "take_private", "escalate": "escalation", "clarify": "clarify"}
CRM_FIELDS = ("query_type", "resolution_keywords", "follow_up", "follow_up_keywords")
QUEUE_FIELDS = ("id", "text", "platform", "channel", "at_minute", "why", "critical", "posts_personal_data_publicly",
                "route", "action", "tags")
TRIAGE_LISTS = ("routes", "actions", "tags")
DECISIONS = {"route": "routes", "action": "actions"}
CRISIS_FIELDS = ("platform", "incident", "burst", "holding_statement", "waves", "fix")
BURST_FIELDS = ("text", "at_minute", "author", "channel")
HOLDING_FIELDS = ("must_cover", "must_not", "channel")
WAVE_KEYS = ("calmer", "worse")


def default_channel(platform: str) -> str:
    return next(iter(PLATFORMS[platform].channels))
