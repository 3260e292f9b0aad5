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


PROCEDURE = """# Procedure: escalating a social media contact

Owner: Social Care Team Manager. Reviewed every six months and after any serious incident.

1. Read the whole thread and check the customer's history in the shared inbox.
2. Tier 1 (adviser): billing and delivery questions, answered within 60 minutes.
3. Tier 2 (team leader): complaints about staff, threats of legal action, anything going viral.
4. Tier 3 (Head of Communications): safety, safeguarding or a journalist asking; phone them at once.
5. Log every escalation with its tier and time; never promise an outcome in public.

Advisers are trained on the tiers at induction. Personal data is never discussed in public (UK GDPR).
"""


def test_a_procedure_marks_what_it_cannot_show_na_with_a_reason():
    result = score_document(PROCEDURE, kind="escalation")
    levels = {k: v["level"] for k, v in result["criteria"].items()}
    assert {k for k, v in levels.items() if v is None} == {"smart_objectives", "justified_platforms",
                                                          "owned_earned_paid", "service_apart"}
    assert all(result["criteria"][k]["reason"].startswith("n/a: ") for k in levels if levels[k] is None)
    assert levels["implementation_review"] == 2          # ordered steps and a review cycle of the procedure
    assert result["kind"] == "escalation"


def test_a_crisis_procedure_is_still_judged_on_keeping_promotion_out():
    text = PROCEDURE + "\nPause all scheduled marketing posts on every channel until the statement is agreed.\n"
    assert score_document(text, kind="crisis")["criteria"]["service_apart"]["level"] == 1
    assert score_document(text, kind="private")["criteria"]["service_apart"]["level"] is None
    with pytest.raises(DocumentInputError):
        score_document(text, kind="newsletter")


def test_an_objective_takes_its_date_from_the_line_that_introduces_the_list():
    text = """Objectives

By the end of the financial year (5 April 2026) we will:

1. Respond to 90% of Facebook and Instagram messages within 4 working hours (currently 62% within 24 hours).
2. Get our Facebook page rating from 3.6 to 4.2 stars.
"""
    judgement = score_document(text)["criteria"]["smart_objectives"]
    assert judgement["level"] == 2, judgement
    assert judgement["evidence"][0].startswith("Respond to 90% of Facebook")


def test_a_plain_text_heading_opens_a_section_and_a_table_row_is_read_under_its_header():
    from rubrics.documents.document_text import read_document
    units = read_document("What could go wrong\nCourier failure in December: Maya owns this.\n\n"
                          "| Risk | Owner |\n|---|---|\n| Data breach | DPO |\n")
    assert [(u.heading, u.context) for u in units] == [("What could go wrong", ""),
                                                       ("What could go wrong", "Risk | Owner")]


def _levels(text: str, kind: str = "strategy") -> dict:
    return {k: v["level"] for k, v in score_document(text, kind=kind)["criteria"].items()}


def test_each_risk_is_read_whole_and_the_one_without_an_owner_is_named():
    text = """## Risks
Courier failure in December. Mitigation: a second courier account. Owner: Maya (operations).
Scam accounts pretending to be us could appear. We will report them and post a warning.
We follow UK GDPR and the Data Protection Act 2018.
"""
    result = score_document(text)
    unowned = [m for m in result["mistakes"] if m["key"] == "risk_without_owner"]
    assert [m["evidence"] for m in unowned] == [["Scam accounts pretending to be us could appear. We will report them "
                                                 "and post a warning."]]
    assert result["criteria"]["risks_law"]["level"] == 1


def test_a_railway_train_is_not_training_and_a_vague_wish_for_staff_is_not_a_role():
    text = ("All complaints go to DM even if it is just about a train being late. We will need more staff to do "
            "this and maybe some software. We post every day on Facebook and Instagram for our customers.")
    assert _levels(text)["tactics_roles"] == 0


def test_platforms_ruled_out_need_no_reason_and_an_age_band_is_a_reason():
    text = """## Who we talk to
Older members (55+) mostly use Facebook and want reassurance about branch closures.
Parents buying for children (25-40, Instagram).
We will keep Facebook as the main channel and not open X or TikTok accounts this year.
"""
    assert _levels(text)["justified_platforms"] == 2


def test_customers_reviews_are_not_a_review_cycle():
    text = ("Our goals: get more good reviews on Google and TikTok. A single TikTok review can sell out a serum in "
            "a day! We post new products on Instagram for our followers every week.")
    assert _levels(text)["implementation_review"] == 0


def test_objectives_with_figures_are_measures_and_followers_are_not():
    """A list is read under the sentence that introduced it, so these bullets are objectives."""
    text = """Brightwater supplies energy to 540,000 homes. We have set three objectives, each with an owner.
- Keep public complaints about late parcels below 50 in December 2025.
- Raise our social satisfaction score from 3.1 to 4.0 out of 5 by March 2027.
- 100k TikTok followers in year 1.
"""
    judgement = score_document(text)["criteria"]["measures_targets"]
    assert judgement["level"] == 2 and not any("followers" in e for e in judgement["evidence"])
    followers = "## Objectives\n- 100k TikTok followers in year 1.\n- 1 million followers across all our channels by the end of the year.\n"
    assert _levels(followers)["measures_targets"] == 0


def test_a_platform_needs_a_group_and_what_it_comes_for_not_people_in_general():
    """The guide's 2: "each platform named has a reason drawn from who uses it and for what" (issue 12, round 2)."""
    showing_off = "Our strategy is to use Instagram and Facebook to show off our lovely bakes and get more people in."
    assert _levels(showing_off + " " + "We will post every day. " * 3)["justified_platforms"] == 1
    just_there = "Parents are very active on Facebook and Instagram so we need to be too. We will post every day."
    assert _levels(just_there + " Our nursery opens at 8am and closes at 6pm every weekday.")["justified_platforms"] == 1


def test_a_segment_bullet_is_read_whole_and_a_table_of_segments_gives_who_and_what_for():
    bullets = """## Customers
- Policyholders making a claim: often stressed after a flood or a fire. Mostly Facebook and X.
- Prospective customers: asking questions about cover before buying; Instagram.
"""
    assert _levels(bullets)["justified_platforms"] == 2
    table = """## Customer segments
| Segment | Size | Main platforms | Typical contact |
|---|---|---|---|
| Broadband households | 240k | Facebook, X | Outages, speed, engineer visits |
| Small businesses | 35k | LinkedIn, WhatsApp | Downtime costing them money |
"""
    assert _levels(table)["justified_platforms"] == 2


def test_moving_social_care_out_of_marketing_keeps_service_apart_and_a_time_range_is_no_reason():
    moved = ("Our marketing team handles social today and passes complaints on by email, which takes days. "
             "Move social care from Marketing to Rider Support, with a team of five covering 7am to midnight.")
    assert _levels(moved)["service_apart"] == 2
    paused = """| When | Action | Who |
|---|---|---|
| 0–5 min | Pause all scheduled marketing posts on every channel | Duty social lead |
| 5–15 min | Draft the holding statement from the template | Duty social lead |
"""
    assert _levels(paused, kind="crisis")["service_apart"] == 1


def test_a_target_column_makes_each_row_a_measure_and_an_italic_line_is_a_heading():
    text = """*Goals for this year*

| Goal | Measure | Target |
|---|---|---|
| Faster replies | median first reply | under 2 hours, 8am-10pm |
| Bookings completed inside the chat | share of chats | 60% |
"""
    levels = _levels(text)
    assert levels["measures_targets"] == 2 and levels["smart_objectives"] == 2


def test_followers_counted_are_a_measure_of_sorts_but_a_follower_count_is_not():
    counted = ("### Measuring success\nFollowers, likes, downloads, fewer complaints.\n\n### Content\nWe post recipe "
               "videos every day on TikTok and Instagram, and answer messages when we can.")
    result = score_document(counted)
    assert result["criteria"]["measures_targets"]["level"] == 1
    assert "no_measures" not in {m["key"] for m in result["mistakes"]}
    described = ("## Channels\n- Facebook page (main channel, 14k followers)\n- X account (6k followers, used by "
                 "local journalists)\n\nWe answer messages when we can and post updates about bin collections.")
    assert "no_measures" in {m["key"] for m in score_document(described)["mistakes"]}
