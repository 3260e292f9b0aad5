"""The context of a scoring, checked and read once: customer, platform, channel, delay, name, scenario.

Caller mistakes (unknown platform, a channel the platform lacks, bad delay, oversize messages) raise
ScoringInputError with what to fix.
"""
from __future__ import annotations

import dataclasses
import numbers
import re
from typing import Any, Mapping

from rubrics import tone
from rubrics.brand_voice import voice_from
from rubrics.customer import CustomerReading, brand_spans, read_customer
from rubrics.detectors import Situation
from rubrics.errors import ScoringInputError
from rubrics.text import stem

MAX_CUSTOMER_CHARS = 20_000
PRAISE_CATEGORY = "positive_feedback"
# The guide on praise: apologise and empathise are n/a; take_ownership and act are n/a unless the customer asked for
# something ("please pass it on").
PRAISE_NOT_APPLICABLE = ("empathise", "apologise")
PRAISE_UNLESS_ASKED = ("take_ownership", "act")


def is_praise(customer: CustomerReading, scenario: Mapping | None) -> bool:
    """The customer is praising or thanking: the scenario says so, or (free mode, or a context stored before the
    scenario's category was passed) their message reads as praise."""
    if scenario and scenario.get("category"):
        return scenario["category"] == PRAISE_CATEGORY
    return customer.intent == "praise"


def praise_not_applicable(customer: CustomerReading, scenario: Mapping | None) -> tuple[str, ...]:
    if not is_praise(customer, scenario):
        return ()
    return PRAISE_NOT_APPLICABLE + (() if customer.asks else PRAISE_UNLESS_ASKED)


def without_own_name(reading: CustomerReading, name: str | None, handle: str | None) -> CustomerReading:
    """The customer's own name is not their issue: a customer who signs "Jemma Roberts" is not heard by a reply
    that says "Hi Jemma" (issue 16.5: hear evidence was the name)."""
    parts = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", f"{name or ''} {(handle or '').lstrip('@')}")}
    names = {stem(w) for w in parts} | parts
    if not names & reading.issue_stems:
        return reading
    return dataclasses.replace(reading, issue_stems=reading.issue_stems - names)


def without_brand_name(reading: CustomerReading, brand: str | None, analyser: str | None) -> CustomerReading:
    """The brand's own name is not the customer's issue: "Cheers Pippin Parcels" names the courier, not a parcel, and
    "Hearthly Energy" is not an energy problem. The message is read again with the name blanked out."""
    if not brand:
        return reading
    text = reading.text
    found = brand_spans(text, brand)
    blanked = text
    for s, e in found:
        blanked = blanked[:s] + " " * (e - s) + blanked[e:]
    base = read_customer(blanked, analyser) if found else reading
    return dataclasses.replace(base, text=text, brand=brand)


def check_text(value: Any, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise ScoringInputError(f"{what} must be text, not {type(value).__name__}")
    if not value.strip():
        raise ScoringInputError(f"{what} is empty")
    if len(value) > limit:
        raise ScoringInputError(f"{what} is {len(value):,} characters; the limit is {limit:,}")
    return value


def _customer_text(context: Mapping) -> str:
    """The customer's message(s) as one text, checked: a message or a list of messages, within the limit."""
    customer = context.get("customer")
    if customer is None:
        customer_text = ""
    elif isinstance(customer, str):
        customer_text = customer
    elif isinstance(customer, (list, tuple)) and all(isinstance(c, str) for c in customer):
        customer_text = "\n".join(customer)
    else:
        raise ScoringInputError("context['customer'] must be a message or a list of messages")
    if len(customer_text) > MAX_CUSTOMER_CHARS:
        raise ScoringInputError(f"the customer's messages are {len(customer_text):,} characters; the limit is "
                                f"{MAX_CUSTOMER_CHARS:,}")
    return customer_text


def build_situation(context: Mapping | None, analyser: str | None, turn_index: int = 0,
                    turn_count: int = 1) -> Situation:
    from simulator.platforms import PLATFORMS
    if context is None:
        context = {}
    if not isinstance(context, Mapping):
        raise ScoringInputError(f"context must be a mapping, not {type(context).__name__}")
    scenario = context.get("scenario")
    if scenario is not None and not isinstance(scenario, Mapping):
        raise ScoringInputError("context['scenario'] must be a scenario dict or None (use the simulator's "
                                "scoring_context for an id and seed)")
    platform = context.get("platform")
    if platform is None and scenario:
        platform = scenario.get("platform")
    if platform is not None and platform not in PLATFORMS:
        raise ScoringInputError(f"unknown platform {platform!r}; use one of {', '.join(PLATFORMS)}")
    known = platform is not None
    platform = platform or "twitter"
    channel = context.get("channel") or ("chat" if platform == "webchat" else "public")
    if channel not in PLATFORMS[platform].channels:
        raise ScoringInputError(f"{PLATFORMS[platform].label} has no {channel!r} channel; it offers "
                                f"{', '.join(PLATFORMS[platform].channels)}")
    minutes = context.get("response_minutes")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, numbers.Real) or minutes < 0
                                or minutes != minutes):
        raise ScoringInputError(f"response_minutes must be a number of minutes >= 0 or None, not {minutes!r}")
    customer_text = _customer_text(context)
    for key in ("customer_name", "customer_handle"):
        if context.get(key) is not None and not isinstance(context.get(key), str):
            raise ScoringInputError(f"context[{key!r}] must be text or None")
    if analyser not in (None, "none", *tone.ANALYSERS):
        raise ScoringInputError(f"unknown tone analyser {analyser!r}")
    expected = dict(scenario.get("expected") or {}) if scenario else {}
    brand = (scenario or {}).get("brand")
    brand_name = brand.get("name") if isinstance(brand, Mapping) and isinstance(brand.get("name"), str) else None
    reading = without_own_name(without_brand_name(read_customer(customer_text, analyser), brand_name, analyser),
                               context.get("customer_name"), context.get("customer_handle"))
    praise_na = praise_not_applicable(reading, scenario)
    if praise_na:
        na = list(expected.get("not_applicable") or [])
        expected["not_applicable"] = na + [k for k in praise_na if k not in na]
    return Situation(customer=reading, platform=platform, channel=channel,
                     platform_known=known, response_minutes=float(minutes) if minutes is not None else None,
                     customer_name=context.get("customer_name") or None,
                     customer_handle=context.get("customer_handle") or None,
                     scenario=dict(scenario) if scenario else None, expected=expected, analyser=analyser,
                     turn_index=turn_index, turn_count=turn_count, voice=voice_from(scenario),
                     praise=is_praise(reading, scenario))
