"""Monitoring review data (issue 12): 8-12 weeks of a brand's channel metrics, with problems planted in them.

Plain Python, seeded: generate_metrics(seed) always gives the same weeks. Per week and platform: volume, median
first response time, the share of messages answered outside the SLA, resolution rate and net sentiment; first
response by hour on weekdays and at weekends; complaint categories with their repeat-contact rates. The SLA target
and the customers' benchmark (42% expect a reply within 60 minutes, 32% within 30) come with it.

Planted problems (`planted`; every seed has all three, in different places and weeks):
  weekend_sla          one platform's weekend messages breach the SLA (weekday replies are within it)
  launch_dip           net sentiment falls after a product launch and stays down
  repeat_category      one complaint category drives repeat contacts
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from simulator.errors import SimulatorUsageError
from simulator.seeds import rng_for

PLATFORMS = ("x", "facebook", "instagram")
LABELS = {"x": "X", "facebook": "Facebook", "instagram": "Instagram"}
# Complaint categories by brand: each brand's own business (an energy supplier has no 'late delivery'). The same
# five places in each, so the random draws, and every figure of every seed, are the same whatever the brand.
CATEGORIES = {
    "Harbour Connect": ("engineer visit", "refund status", "faulty router", "billing error", "account access"),
    "Maple Lane Clothing": ("late delivery", "refund status", "faulty item", "billing error", "account access"),
    "Kindle Power": ("meter reading", "refund status", "smart meter fault", "billing error", "account access"),
    "Plated Express": ("late delivery", "refund status", "missing item", "billing error", "account access"),
}
SLA_MINUTES = 60
BENCHMARK = {"within_60_minutes": 42, "within_30_minutes": 32}   # % of customers who expect a reply that fast
HOURS = tuple(range(8, 22, 2))


@dataclass(frozen=True)
class WeekRow:
    week: int                 # 1 = the first week shown
    platform: str
    volume: int
    median_first_response: int    # minutes
    sla_breach_pct: int           # % of messages first answered after SLA_MINUTES
    resolution_rate: int          # %
    net_sentiment: int            # positive % minus negative %


@dataclass(frozen=True)
class Problem:
    key: str
    where: str                # the platform, category or week it is in
    fact: str                 # what the data shows (for tutors and feedback)
    must_mention: tuple[str, ...]


@dataclass(frozen=True)
class Metrics:
    seed: int
    brand: str
    weeks: int
    sla_minutes: int
    benchmark: dict
    launch_week: int
    launch: str
    rows: tuple[WeekRow, ...]
    by_hour: dict             # platform -> {"weekday": {hour: minutes}, "weekend": {hour: minutes}}
    categories: dict          # category -> {"contacts": n, "repeat_pct": %}
    planted: tuple[Problem, ...]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Metrics":
        """Back from to_dict(), also after a JSON round trip (which turns the hours into strings)."""
        return cls(seed=int(d["seed"]), brand=d["brand"], weeks=int(d["weeks"]), sla_minutes=int(d["sla_minutes"]),
                   benchmark=dict(d["benchmark"]), launch_week=int(d["launch_week"]), launch=d["launch"],
                   rows=tuple(WeekRow(**r) for r in d["rows"]),
                   by_hour={p: {day: {int(h): m for h, m in hours.items()} for day, hours in days.items()}
                            for p, days in d["by_hour"].items()},
                   categories={c: dict(v) for c, v in d["categories"].items()},
                   planted=tuple(Problem(**{**p, "must_mention": tuple(p["must_mention"])}) for p in d["planted"]))

    def series(self, platform: str, field: str) -> list[int]:
        return [getattr(r, field) for r in self.rows if r.platform == platform]


def generate_metrics(seed: int) -> Metrics:
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise SimulatorUsageError("the seed must be a whole number, 0 or more")
    rng = rng_for("monitoring", seed)
    brand = rng.choice(tuple(CATEGORIES))
    weeks = rng.randint(8, 12)
    weekend_platform = rng.choice(PLATFORMS)
    launch_week = rng.randint(3, weeks - 3)
    launch = rng.choice(("a new app", "a price change", "a new loyalty scheme", "a redesigned website"))
    repeat = rng.choice(CATEGORIES[brand])
    rows = []
    level: dict = {}   # a platform's usual weekly volume: its first week's draw
    for week in range(1, weeks + 1):
        for p in PLATFORMS:
            frt = rng.randint(18, 45) + (rng.randint(35, 60) if p == weekend_platform else 0) // 2
            breach = rng.randint(2, 9) + (rng.randint(18, 28) if p == weekend_platform else 0)
            sentiment = rng.randint(8, 22) - (rng.randint(25, 35) if week >= launch_week else 0)
            # Later weeks move within 15% of that level (the same draw, rescaled: every other figure is unchanged).
            draw = rng.randint(250, 900)
            volume = level.setdefault(p, draw) if week == 1 else round(level[p] * (0.85 + 0.3 * (draw - 250) / 650))
            rows.append(WeekRow(week, p, volume, frt, breach, rng.randint(74, 88), sentiment))
    by_hour = {}
    for p in PLATFORMS:
        weekday = {h: rng.randint(12, 40) for h in HOURS}
        weekend = {h: (rng.randint(95, 240) if p == weekend_platform else rng.randint(15, 45)) for h in HOURS}
        by_hour[p] = {"weekday": weekday, "weekend": weekend}
    categories = {c: {"contacts": rng.randint(120, 600), "repeat_pct": (rng.randint(38, 55) if c == repeat
                                                                         else rng.randint(4, 14))}
                  for c in CATEGORIES[brand]}
    planted = (
        Problem("weekend_sla", weekend_platform, f"{LABELS[weekend_platform]} messages at weekends wait "
                f"{min(by_hour[weekend_platform]['weekend'].values())}-{max(by_hour[weekend_platform]['weekend'].values())}"
                f" minutes, beyond the {SLA_MINUTES}-minute SLA; weekday replies are within it.",
                (LABELS[weekend_platform], "weekend")),
        Problem("launch_dip", f"week {launch_week}", f"Net sentiment falls by about 30 points from week {launch_week}, "
                f"after {launch}, and does not recover.", ("sentiment", launch)),
        Problem("repeat_category", repeat, f"'{repeat}' contacts come back {categories[repeat]['repeat_pct']}% of the "
                "time (the others 14% or less).", (repeat, "repeat")),
    )
    return Metrics(seed, brand, weeks, SLA_MINUTES, dict(BENCHMARK), launch_week, launch, tuple(rows), by_hour,
                   categories, planted)
