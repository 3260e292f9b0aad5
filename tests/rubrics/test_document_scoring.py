"""The document rubric's first reading (issue 12): levels from the text, every level quoting it, and the common
mistakes named with the rubric's feedback."""
from __future__ import annotations

import pytest

from rubrics.documents import DocumentInputError, score_document

STRONG = """# Customer-service social media strategy: Kestrel Broadband

## Objectives
- Cut the median first response time on X to under 60 minutes by the end of June, because home workers tell us slow
  replies make them switch provider.
- Raise CSAT on social contacts to 85% by December so that we keep more customers at renewal.

## Platforms and segments
- X: 62% of our gamers post outages there, so we answer outage reports on X first.
- WhatsApp: used by most of our older customers, because it feels private; account questions go there.

## Owned, earned and paid media
Our owned channels (the @KestrelHelp handle and WhatsApp) carry service. Earned media (reviews, forum posts) is
monitored daily. Paid posts are for marketing only and never used to answer complaints.

## Keeping service apart from promotion
A separate service handle, @KestrelHelp, has its own queue: no offers or promotions are posted from it.

## Roles, training and technology
The team leader owns the rota; agents cover 8am-10pm in two shifts. Every agent has two days of training on tone
and data protection. We use a shared inbox and a social listening tool.

## Risks
| Risk | Mitigation | Owner |
|---|---|---|
| A data breach when customers post account details | move to private, hide the post | Data protection officer |
| Negative publicity during an outage | holding statement approved within 30 minutes | Head of communications |
We follow UK GDPR and the Data Protection Act 2018, the Consumer Rights Act 2015 and the Equality Act 2010.

## Measures
- First response time: median under 60 minutes.
- Resolution rate: 80% in the first week.
- NPS of +20 from social contacts.

## Implementation
Phase 1 (month 1): plan and train. Phase 2 (month 2): pilot on X. Phase 3: launch on WhatsApp, then evaluate.
The plan is reviewed every quarter using Plan-Do-Check-Act.
"""

WEAK = """Our social media plan
We want to grow our followers and get more engagement and brand awareness on all platforms.
We will post fun content every day to boost reach and sales and get more likes on Instagram and TikTok."""


def test_a_complete_strategy_scores_two_throughout_with_quotes_from_it():
    result = score_document(STRONG)
    levels = {k: v["level"] for k, v in result["criteria"].items()}
    assert levels == dict.fromkeys(levels, 2), levels
    flat = " ".join(STRONG.split())
    for judgement in result["criteria"].values():
        assert judgement["evidence"] and all(" ".join(q.split()) in flat for q in judgement["evidence"])
    assert result["mistakes"] == []


def test_a_marketing_only_plan_gets_the_named_mistakes_and_their_feedback():
    result = score_document(WEAK)
    keys = [m["key"] for m in result["mistakes"]]
    assert set(keys) == {"no_measures", "marketing_only", "generic_plan"}
    assert all(m["feedback"] for m in result["mistakes"])
    assert result["criteria"]["measures_targets"]["level"] == 0
    assert result["criteria"]["justified_platforms"]["level"] == 1


def test_a_risk_with_no_owner_is_named_and_costs_a_level():
    text = STRONG.replace("| Data protection officer |", "| |").replace("| Head of communications |", "| |")
    text = text.replace("The team leader owns the rota", "We run a rota")
    result = score_document(text)
    assert result["criteria"]["risks_law"]["level"] == 1
    assert "owners" in result["criteria"]["risks_law"]["reason"]
    assert [m["key"] for m in result["mistakes"]] == ["risk_without_owner"]


def test_a_document_too_short_or_too_long_is_the_callers_error():
    for text in ("", "A plan.", "word " * 9_000):
        with pytest.raises(DocumentInputError):
            score_document(text)
