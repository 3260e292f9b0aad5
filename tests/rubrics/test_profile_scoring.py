"""The profiling exercise's scorer (issue 12): levels follow the rubric, every level quotes the answer, and the
recommendation is judged on the planted facts of the organisation the learner was given."""
from __future__ import annotations

import pytest

from rubrics.documents import ProfileInputError, score_profile
from simulator.profiling import PLATFORM_LABELS, generate_profile


def strong_answer(org) -> str:
    """A supervisor's answer written from the organisation's own figures."""
    lines = []
    for seg in org.segments:
        top = sorted(seg.usage.items(), key=lambda kv: -kv[1])[:2]
        who = "Existing customers" if seg.existing else "Potential customers"
        lines.append(f"{who}: {seg.name} use {PLATFORM_LABELS[top[0][0]]} ({top[0][1]}%) and "
                     f"{PLATFORM_LABELS[top[1][0]]} ({top[1][1]}%).")
    busiest = max(org.channels, key=lambda c: c.monthly_volume)
    rival = next(iter(org.competitors))
    lines.append(f"Today our median first response on {PLATFORM_LABELS[busiest.platform]} is "
                 f"{busiest.median_first_response_minutes} minutes, while {rival} replies faster on several platforms.")
    others = [c for c in org.communities if c.negative_share < 50]
    worst = max(org.communities, key=lambda c: c.negative_share)
    lines.append(f"The communities to watch are {worst.name}, where {worst.negative_share}% of posts are complaints, "
                 f"and {others[0].name}, with {others[0].members} members talking about {others[0].talks_about}.")
    lives = next(p for p in org.planted if p.key == "lives_on_one")
    lines.append(f"Serve {lives.must_mention[0]} on {lives.must_mention[1]} first, because almost all of them are "
                 "there.")
    lines.append(f"{PLATFORM_LABELS[busiest.platform]} has the most queries, mostly about accounts, so we answer "
                 "publicly and move every account query to a private direct message.")
    lines.append(f"We will monitor {worst.name} daily and respond to complaints there.")
    lines.append(f"Our goal is a first response within 60 minutes and 80% resolution, so that we "
                 f"{org.objectives[0]}; for {org.segments[0].name} the target is 30 minutes.")
    return "\n".join(lines)


def test_an_answer_built_from_the_data_scores_two_on_every_criterion_with_quotes_from_it():
    for seed in range(25):
        org = generate_profile(seed)
        answer = strong_answer(org)
        result = score_profile(answer, org)
        levels = {k: v["level"] for k, v in result["criteria"].items()}
        assert levels == dict.fromkeys(levels, 2), (seed, levels)
        for judgement in result["criteria"].values():
            assert judgement["evidence"] and all(q in answer for q in judgement["evidence"])
        assert all(result["planted"].values())


def test_a_generic_plan_scores_nothing_on_the_data():
    org = generate_profile(3)
    generic = ("We will be active on all social media and reply to everyone quickly. Social media is great for "
               "engagement and brand awareness. Every platform matters equally.")
    result = score_profile(generic, org)
    levels = {k: v["level"] for k, v in result["criteria"].items()}
    assert levels["platform_use"] == levels["communities"] == levels["recommendation"] == 0
    assert levels["prioritised"] == 0 and not any(result["planted"].values())


def test_missing_the_complaints_community_costs_the_recommendation_a_level_and_says_so():
    org = generate_profile(8)
    worst = max(org.communities, key=lambda c: c.negative_share)
    other = next(c for c in org.communities if c is not worst)
    answer = "\n".join(line for line in strong_answer(org).splitlines() if worst.name not in line)
    answer += f"\nWe also follow {other.name}."
    result = score_profile(answer, org)
    assert result["criteria"]["recommendation"]["level"] == 1
    assert "complaint community" in result["criteria"]["recommendation"]["reason"]
    assert result["planted"]["complaint_community"] is None
    assert result["criteria"]["communities"]["level"] == 1


def test_an_empty_or_huge_answer_is_the_callers_error():
    org = generate_profile(1)
    for answer in ("", "   ", "x" * 20_001):
        with pytest.raises(ProfileInputError):
            score_profile(answer, org)


def test_twitter_counts_as_x_for_the_busy_platform_and_the_profile():
    org = generate_profile(0)   # X is the busy platform, a poor fit for personal data
    assert org.planted[1].must_mention == ("X",)
    answer = "Twitter has the most queries, many about bills, so we move every account query to a private DM."
    assert score_profile(answer, org)["planted"]["busy_poor_private"] == answer
    seg = org.segments[0]
    profile = f"Existing customers: {seg.name} use Twitter ({seg.usage['x']}%)."
    assert score_profile(profile, org)["criteria"]["platform_use"]["level"] >= 1


def test_a_sentence_is_quoted_once_per_criterion():
    for seed in range(10):
        org = generate_profile(seed)
        result = score_profile(strong_answer(org), org)
        for judged in result["criteria"].values():
            assert len(judged["evidence"]) == len(set(judged["evidence"])), (seed, judged)


def test_a_profile_line_alone_is_not_a_recommendation_for_the_segment_on_one_platform():
    # "Home workers use Facebook (89%)" profiles; the planted fact is used when the answer acts on it.
    org = generate_profile(9)
    lives = next(p for p in org.planted if p.key == "lives_on_one")
    segment, platform = lives.must_mention
    seg = next(s for s in org.segments if s.name == segment)
    key = next(k for k, v in PLATFORM_LABELS.items() if v == platform)
    profile = f"Existing customers: {segment} use {platform} ({seg.usage[key]}%)."
    assert score_profile(profile, org)["planted"]["lives_on_one"] is None
    acted = f"We should serve {segment} on {platform} first, as {seg.usage[key]}% of them are there."
    assert score_profile(profile + "\n" + acted, org)["planted"]["lives_on_one"] == acted


# Seed 5: an energy supplier; customers in vulnerable circumstances live on Instagram, TikTok is busy and a poor fit
# for personal data, complaints gather under #NorthfieldGasElectricHome.
NATURAL = """## Profile
Customers in vulnerable circumstances are nearly all on Instagram (81%) and hardly use anything else.
Renters under 30 are spread out: WhatsApp 53%, Instagram 50% and TikTok 48%.

## Communities
#NorthfieldGasElectricHome on Instagram is where complaints collect: 72% of posts are negative. We need to monitor it daily.
- NorthfieldGasElectric users board (17,615 members) talks about fixed-price tariffs.

## Recommendation
Instagram should be our main customer service channel because vulnerable customers are only reachable there.
On TikTok we should reply publicly but take any bill or account question into a DM, because personal details must not be shared in comments."""


def test_a_hashtag_at_the_start_of_a_line_is_a_community_not_a_markdown_heading():
    org = generate_profile(5)
    result = score_profile(NATURAL, org)
    assert result["planted"]["complaint_community"].startswith("#NorthfieldGasElectricHome on Instagram")
    assert result["criteria"]["communities"]["level"] == 2


def test_a_segment_is_heard_by_the_names_people_use_for_it():
    org = generate_profile(5)
    assert org.planted[0].must_mention == ("customers in vulnerable circumstances", "Instagram")
    used = score_profile(NATURAL, org)["planted"]["lives_on_one"]
    assert used == "Instagram should be our main customer service channel because vulnerable customers are only " \
                   "reachable there."


def test_the_busy_platform_is_used_by_the_sentence_that_acts_not_a_profile_line_naming_a_private_app():
    org = generate_profile(5)
    used = score_profile(NATURAL, org)["planted"]["busy_poor_private"]
    assert used.startswith("On TikTok we should reply publicly but take any bill or account question into a DM")
    profile_only = "Renters under 30 are spread out: WhatsApp 53%, Instagram 50% and TikTok 48%."
    assert score_profile(profile_only, org)["planted"]["busy_poor_private"] is None


def test_a_community_named_without_watching_it_is_not_the_fact_used():
    org = generate_profile(5)
    named = "#NorthfieldGasElectricHome on Instagram is where complaints collect. Our prices are fair."
    assert score_profile(named, org)["planted"]["complaint_community"] is None


def test_a_service_goal_stated_as_a_commitment_is_a_goal():
    org = generate_profile(5)
    answer = ("Instagram should be our main channel because vulnerable customers are only reachable there; we will "
              "answer within 30 minutes and resolve 85% of queries.\n"
              "WhatsApp should be the private channel for small businesses, which supports our objective to cut the "
              "cost of each contact.")
    assert score_profile(answer, org)["criteria"]["service_goals"]["level"] == 2
    described = "Kindle Power answers Instagram within 10 minutes. Small businesses use WhatsApp (59%)."
    assert score_profile(described, org)["criteria"]["service_goals"]["level"] == 0


@pytest.mark.parametrize("nickname, platform", [("Insta", "instagram"), ("IG", "instagram"), ("FB", "facebook"),
                                                ("Tik Tok", "tiktok")])
def test_a_platform_is_heard_by_its_everyday_name(nickname, platform):
    org = generate_profile(0)
    seg = org.segments[0]
    profile = f"Existing customers: {seg.name} use {nickname} ({seg.usage[platform]}%)."
    assert score_profile(profile, org)["criteria"]["platform_use"]["level"] >= 1


def test_a_community_is_heard_with_or_without_its_article():
    # An organisation stored before forum names dropped their article has "A loyalty scheme forum"; a learner writes
    # "the loyalty scheme forum".
    import dataclasses
    org = generate_profile(4)
    worst = max(org.communities, key=lambda c: c.negative_share)
    stored = dataclasses.replace(org, communities=tuple(
        dataclasses.replace(c, name="A loyalty scheme forum") if c is worst else c for c in org.communities))
    line = "We will watch the loyalty scheme forum daily, because that is where complaints gather."
    assert score_profile(line, stored)["planted"]["complaint_community"] == line


def test_a_list_of_every_platform_acts_on_none_of_them():
    # 'TikTok' and 'WhatsApp' (a private app) in a list of every platform with 'should' had used the busy platform's
    # fact: the recommendation scored 1 for an answer that treats every platform alike.
    org = generate_profile(4)
    answer = ("We should be on every platform: Facebook, TikTok, X, WhatsApp and LinkedIn, and answer everyone "
              "quickly and politely.\nAll platforms are equally important to our customers, so we will give each the "
              "same attention.")
    result = score_profile(answer, org)
    assert result["planted"] == dict.fromkeys(result["planted"])
    assert result["criteria"]["recommendation"]["level"] == 0
