"""Platform rules: which channels each platform offers, how long a message may be, and reply windows.

Plain data plus two pure functions. Both the scenario engine and the scorer (platform_fit) read it, so
there is one place that says what X, Facebook, Instagram and web chat allow.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Channel:
    """One way of replying on a platform (a public reply, a private message, a chat turn)."""

    key: str                 # "public", "private" or "chat"
    label: str               # what the learner sees: "Reply publicly", "Send a direct message"
    max_chars: int           # hard limit of the platform
    comfortable_chars: int   # beyond this a reply reads as a wall of text on this channel
    weighted: bool = False   # True where X's weighted counting applies (emoji 2, any URL 23)
    reply_window_hours: float | None = None         # messaging window after the customer's last message
    extended_window_hours: float | None = None      # with Meta's human-agent tag


@dataclass(frozen=True)
class Platform:
    key: str
    label: str
    channels: dict[str, Channel] = field(default_factory=dict)
    # Whether a customer's personal account is shown by an @handle. Facebook shows a personal profile by its name
    # (people have no @handle there), web chat by the name typed into the chat.
    personal_handles: bool = True

    def channel(self, key: str) -> Channel:
        try:
            return self.channels[key]
        except KeyError:
            raise KeyError(f"{self.label} has no {key!r} channel; it offers {', '.join(self.channels)}") from None


PLATFORMS: dict[str, Platform] = {
    "twitter": Platform("twitter", "X (Twitter)", {
        "public": Channel("public", "Reply publicly", 280, 280, weighted=True),
        "private": Channel("private", "Send a direct message", 10_000, 600),
    }),
    "facebook": Platform("facebook", "Facebook", {
        "public": Channel("public", "Reply to the comment", 8_000, 400),
        # Messenger: 24 hours after the customer's last message, 7 days with the HUMAN_AGENT tag.
        "private": Channel("private", "Send a Messenger message", 2_000, 600,
                           reply_window_hours=24, extended_window_hours=24 * 7),
    }, personal_handles=False),
    "instagram": Platform("instagram", "Instagram", {
        "public": Channel("public", "Reply to the comment", 2_200, 300),
        "private": Channel("private", "Send a direct message", 1_000, 500,
                           reply_window_hours=24, extended_window_hours=24 * 7),
    }),
    "webchat": Platform("webchat", "Web chat", {
        "chat": Channel("chat", "Send in chat", 1_000, 350),
    }, personal_handles=False),
}


def get_platform(key: str) -> Platform:
    try:
        return PLATFORMS[key]
    except KeyError:
        raise KeyError(f"unknown platform {key!r}; use one of {', '.join(PLATFORMS)}") from None


def shown_handle(platform: str | None, handle: str | None) -> str | None:
    """The customer's @handle as the platform shows it beside their posts: None where personal accounts have none."""
    if platform is None or not get_platform(platform).personal_handles:
        return None
    return handle


def message_length(text: str, platform: str, channel: str) -> int:
    """Length as the platform counts it: X's weighted count for X public replies, characters elsewhere."""
    if get_platform(platform).channel(channel).weighted:
        from twitter_text import parse_tweet  # imported on first use: slow to import, only X needs it
        return parse_tweet(text).weightedLength
    return len(text)


def can_reply_privately(platform: str, hours_since_customer_message: float, *, human_agent_tag: bool = False) -> bool:
    """Whether a private message may still be sent under the platform's messaging window."""
    chan = get_platform(platform).channels.get("private")
    if chan is None:
        return False
    window = chan.extended_window_hours if human_agent_tag else chan.reply_window_hours
    return window is None or hours_since_customer_message <= window


def fits(text: str, platform: str, channel: str) -> bool:
    """Whether a message is within the platform's hard limit for that channel (X: 280 weighted characters)."""
    return message_length(text, platform, channel) <= get_platform(platform).channel(channel).max_chars
