"""A simulated clock: minutes since the first customer message, advanced explicitly. Pure and immutable.

Response-time targets (SLA) and the 24-hour / 7-day messaging windows of Messenger and Instagram are
practised and tested against it, so no test ever waits.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from simulator.errors import SimulatorUsageError
from simulator.platforms import can_reply_privately


@dataclass(frozen=True)
class SimClock:
    minute: float = 0.0

    def __post_init__(self):
        if self.minute < 0:
            raise SimulatorUsageError(f"the simulated clock cannot be before the first message (got {self.minute})")

    def advance(self, minutes: float) -> "SimClock":
        if minutes < 0:
            raise SimulatorUsageError(f"the simulated clock only moves forward (asked to advance {minutes} minutes)")
        return SimClock(self.minute + minutes)

    def at(self, minute: float) -> "SimClock":
        """The clock set to a later minute (never earlier)."""
        return self.advance(minute - self.minute)

    def minutes_since(self, minute: float) -> float:
        return self.minute - minute

    def hours_since(self, minute: float) -> float:
        return self.minutes_since(minute) / 60

    def timeliness(self, since_minute: float, sla_minutes: float) -> int:
        """Level for the rubric's *timeliness*: 2 within the target, 1 within twice it, 0 later."""
        waited = self.minutes_since(since_minute)
        if waited <= sla_minutes:
            return 2
        return 1 if waited <= 2 * sla_minutes else 0

    def sla_remaining(self, since_minute: float, sla_minutes: float) -> float:
        """Minutes left before the target is missed (negative once it has been)."""
        return sla_minutes - self.minutes_since(since_minute)

    def private_window_open(self, platform: str, last_customer_minute: float, *, human_agent_tag: bool = False) -> bool:
        """Whether a private message may still be sent (24 h after the customer's last message, 7 days tagged)."""
        return can_reply_privately(platform, self.hours_since(last_customer_minute), human_agent_tag=human_agent_tag)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SimClock":
        return cls(float(data.get("minute", 0.0)))
