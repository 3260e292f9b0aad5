"""Platform rules (X weighted length, messaging windows) and the simulated clock."""
from __future__ import annotations

import pytest

import simulator
from simulator import SimClock, SimulatorUsageError, can_reply_privately, fits, message_length
from tests.simulator.sim_helpers import generate


def test_x_counts_emoji_as_two_and_any_url_as_twenty_three():
    assert message_length("hello", "twitter", "public") == 5
    assert message_length("😀", "twitter", "public") == 2
    assert message_length("https://larkspurvale.example.co.uk/a/very/long/path/indeed", "twitter", "public") == 23
    assert message_length("😀", "facebook", "public") == 1          # plain characters elsewhere


def test_x_public_reply_limit_is_280_weighted_characters():
    assert fits("a" * 280, "twitter", "public")
    assert not fits("a" * 279 + "😀", "twitter", "public")
    assert fits("a" * 279 + "😀", "facebook", "public")


def test_messenger_and_instagram_windows_are_24_hours_or_7_days_with_the_human_agent_tag():
    for platform in ("facebook", "instagram"):
        assert can_reply_privately(platform, 23.9)
        assert not can_reply_privately(platform, 24.1)
        assert can_reply_privately(platform, 24.1, human_agent_tag=True)
        assert can_reply_privately(platform, 7 * 24, human_agent_tag=True)
        assert not can_reply_privately(platform, 7 * 24 + 0.1, human_agent_tag=True)
    assert can_reply_privately("twitter", 24 * 30)        # X DMs have no window
    assert not can_reply_privately("webchat", 0)          # web chat has no private channel


def test_clock_drives_the_windows_without_waiting():
    clock = SimClock().advance(23 * 60)
    assert clock.private_window_open("facebook", last_customer_minute=0)
    later = clock.advance(2 * 60)
    assert not later.private_window_open("facebook", last_customer_minute=0)
    assert later.private_window_open("facebook", last_customer_minute=0, human_agent_tag=True)
    assert clock.minute == 23 * 60        # immutable: advancing returns a new clock


def test_clock_gives_timeliness_against_the_sla():
    assert SimClock(30).timeliness(0, 60) == 2
    assert SimClock(100).timeliness(0, 60) == 1
    assert SimClock(121).timeliness(0, 60) == 0
    assert SimClock(45).sla_remaining(10, 60) == 25


def test_clock_never_goes_backwards():
    with pytest.raises(SimulatorUsageError):
        SimClock(10).advance(-1)
    with pytest.raises(SimulatorUsageError):
        SimClock(10).at(5)
    assert SimClock.from_dict(SimClock(12.5).to_dict()) == SimClock(12.5)


def test_instagram_private_reply_inside_the_tagged_window_is_accepted():
    inst = generate("slow-refund-instagram", 1)
    from tests.simulator.sim_helpers import GOOD
    r = simulator.react(inst, None, "Hi, so sorry for the wait on your refund", GOOD, "private", at_minute=3 * 24 * 60,
                        human_agent_tag=True)
    assert r.response_minutes == 3 * 24 * 60 and r.timeliness == 0


# Each platform's own message lengths (characters; X public replies are weighted, tested above).
MESSAGE_LIMITS = [
    ("faulty-air-fryer-facebook", "facebook", "public", 8_000),     # a comment reply
    ("faulty-air-fryer-facebook", "facebook", "private", 2_000),    # Messenger
    ("slow-refund-instagram", "instagram", "public", 2_200),        # a comment reply
    ("slow-refund-instagram", "instagram", "private", 1_000),       # Instagram direct message
    ("kb-returns-webchat", "webchat", "chat", 1_000),
    ("double-charge-bank-x", "twitter", "private", 10_000),         # X direct message
]


@pytest.mark.parametrize("scenario_id, platform, channel, limit", MESSAGE_LIMITS,
                         ids=[f"{p}-{c}" for _, p, c, _ in MESSAGE_LIMITS])
def test_each_platform_has_its_own_message_length_limit(scenario_id, platform, channel, limit):
    assert fits("a" * limit, platform, channel)
    assert not fits("a" * (limit + 1), platform, channel)
    assert message_length("😀" * 10, platform, channel) == 10        # plain characters, not X's weighting


@pytest.mark.parametrize("scenario_id, platform, channel, limit", MESSAGE_LIMITS,
                         ids=[f"{p}-{c}" for _, p, c, _ in MESSAGE_LIMITS])
def test_a_reply_over_the_platforms_limit_is_refused_and_one_at_it_accepted(scenario_id, platform, channel, limit):
    from tests.simulator.sim_helpers import GOOD
    inst = next(i for i in (generate(scenario_id, seed) for seed in range(30)) if i.platform == platform)
    with pytest.raises(simulator.ChannelError, match=f"allows {limit} characters"):
        simulator.react(inst, None, "a" * (limit + 1), GOOD, channel)
    assert simulator.react(inst, None, "a" * limit, GOOD, channel).state.turn == 1
