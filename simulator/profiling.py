"""Platform and community profiling (issue 12): a generated organisation with the data a supervisor would have.

Plain Python, seeded: generate_profile(seed) always gives the same organisation. It has a sector, products,
business objectives and customer segments (existing and potential); each segment's use of each platform; query
volumes and types, response times, resolution and sentiment by channel; how two other organisations serve on
each platform; and the communities (groups, forums, hashtags) where customers talk about the brand.

Every organisation has three planted facts a good answer must use (`planted`):
  lives_on_one        a segment that is almost only on one platform
  busy_poor_private   the busiest platform is a poor fit for private data (public-only, or account queries there)
  complaint_community a community where complaints gather
"""
from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass

from simulator.errors import SimulatorUsageError
from simulator.seeds import rng_for

PLATFORM_LABELS = {"facebook": "Facebook", "instagram": "Instagram", "x": "X", "tiktok": "TikTok",
                   "whatsapp": "WhatsApp", "linkedin": "LinkedIn"}
# Whether a platform offers a private, verified conversation that suits account and personal details.
PRIVATE_FIT = {"facebook": "good", "instagram": "good", "x": "fair", "tiktok": "poor", "whatsapp": "good",
               "linkedin": "fair"}
QUERY_TYPES = ("order or delivery", "billing or account", "product question", "complaint")
SECTORS = {
    "food delivery": {"names": ("Crumb & Co", "Plated Express", "Nosh Northwest"),
                      "products": ("hot food delivery", "grocery top-ups", "a monthly subscription"),
                      "segments": ("students", "young families", "office workers", "over-65s"),
                      "instagram_tag": "Eats"},
    "energy": {"names": ("Brightwater Energy", "Kindle Power", "Northfield Gas & Electric"),
               "products": ("prepayment meters", "smart meters", "fixed-price tariffs"),
               "segments": ("renters under 30", "homeowners", "small businesses",
                            "customers in vulnerable circumstances"),
               "instagram_tag": "Home"},
    "fashion retail": {"names": ("Thread & Thimble", "Maple Lane Clothing", "Oakridge Outfitters"),
                       "products": ("online orders", "click and collect", "a loyalty scheme"),
                       "segments": ("teenagers", "parents", "fashion enthusiasts", "bargain hunters"),
                       "instagram_tag": "Style"},
    "broadband": {"names": ("Fibrelink Home", "Kestrel Broadband", "Harbour Connect"),
                  "products": ("full-fibre broadband", "mobile SIMs", "TV bundles"),
                  "segments": ("gamers", "home workers", "families", "older customers"),
                  "instagram_tag": "Life"},
}
OBJECTIVES = ("keep more customers at renewal", "cut the cost of each contact", "raise satisfaction scores",
              "win customers from a rival", "protect the brand's reputation online")
# Segments seldom found on a platform (few teenagers or gamers are on LinkedIn, few over-65s on TikTok): their use
# there is scaled down, and such a segment never "lives on" that platform.
RARELY_ON = {
    "linkedin": frozenset({"teenagers", "students", "gamers", "over-65s", "older customers", "bargain hunters",
                           "fashion enthusiasts", "customers in vulnerable circumstances", "young families",
                           "families", "parents"}),
    "tiktok": frozenset({"over-65s", "older customers", "customers in vulnerable circumstances", "small businesses"}),
}
COMMUNITY_KINDS = (("Facebook group", "facebook"), ("forum", None), ("hashtag", "x"), ("hashtag", "instagram"),
                   ("subreddit-style board", None), ("TikTok tag", "tiktok"))


@dataclass(frozen=True)
class Segment:
    name: str
    existing: bool            # existing customers (True) or potential ones the organisation wants to reach
    share: int                # % of customers (existing) or of the target market (potential)
    usage: dict               # platform key -> % of the segment active there each week


@dataclass(frozen=True)
class ChannelData:
    platform: str
    monthly_volume: int
    query_mix: dict           # query type -> % of the channel's queries
    median_first_response_minutes: int
    resolution_rate: int      # %
    sentiment: dict           # positive / neutral / negative -> %
    private_fit: str          # good | fair | poor


@dataclass(frozen=True)
class Community:
    name: str
    kind: str
    platform: str | None
    members: int
    talks_about: str
    negative_share: int       # % of posts about the brand that are complaints


@dataclass(frozen=True)
class Planted:
    key: str
    fact: str                 # what the data shows, in words (for tutors and feedback)
    must_mention: tuple[str, ...]   # names an answer that uses the fact will contain


@dataclass(frozen=True)
class Organisation:
    seed: int
    name: str
    sector: str
    products: tuple[str, ...]
    objectives: tuple[str, ...]
    segments: tuple[Segment, ...]
    channels: tuple[ChannelData, ...]
    competitors: dict         # other organisation -> {platform: median first response minutes, or None: not served}
    communities: tuple[Community, ...]
    planted: tuple[Planted, ...]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Organisation":
        """Back from to_dict(), also after a JSON round trip (an attempt stores its organisation as JSON)."""
        return cls(seed=int(d["seed"]), name=d["name"], sector=d["sector"], products=tuple(d["products"]),
                   objectives=tuple(d["objectives"]), segments=tuple(Segment(**s) for s in d["segments"]),
                   channels=tuple(ChannelData(**c) for c in d["channels"]),
                   competitors={rival: dict(served) for rival, served in d["competitors"].items()},
                   communities=tuple(Community(**c) for c in d["communities"]),
                   planted=tuple(Planted(**{**p, "must_mention": tuple(p["must_mention"])}) for p in d["planted"]))

    def channel(self, platform: str) -> ChannelData:
        return next(c for c in self.channels if c.platform == platform)


def _split(rng: random.Random, keys, total: int = 100) -> dict:
    """Whole-number percentages over `keys` that add up to `total`."""
    weights = [rng.uniform(0.5, 3) for _ in keys]
    raw = [total * w / sum(weights) for w in weights]
    out = [int(r) for r in raw]
    for i in sorted(range(len(keys)), key=lambda i: raw[i] - out[i], reverse=True)[:total - sum(out)]:
        out[i] += 1
    return dict(zip(keys, out))


def _suited(segment: str, drawn: str, candidates: list[str]) -> str:
    """The platform drawn, or the next candidate after it that suits the segment (no further draw, so the seed's
    other figures stay the same)."""
    start = candidates.index(drawn)
    return next(p for p in candidates[start:] + candidates[:start] if segment not in RARELY_ON.get(p, ()))


def _segments(rng: random.Random, names: list[str], platforms: list[str], loyal: tuple[str, str]) -> list[Segment]:
    segments = []
    shares = _split(rng, names)
    for i, name in enumerate(names):
        if name == loyal[0]:   # lives on one platform: 75-90% there, 10% or less anywhere else
            usage = {p: (rng.randint(75, 90) if p == loyal[1] else rng.randint(0, 10)) for p in platforms}
        else:   # the same draw everywhere, scaled down where the segment seldom is
            usage = {p: rng.randint(15, 65) for p in platforms}
            usage = {p: round(v * 0.3) if name in RARELY_ON.get(p, ()) else v for p, v in usage.items()}
        segments.append(Segment(name, existing=i < len(names) - 1, share=shares[name], usage=usage))
    return segments


def _channels(rng: random.Random, platforms: list[str], busy: str) -> list[ChannelData]:
    out = []
    volumes = {p: rng.randint(300, 1400) for p in platforms}
    volumes[busy] = max(volumes.values()) + rng.randint(600, 1500)
    for p in platforms:
        mix = _split(rng, QUERY_TYPES)
        if p == busy:   # the busiest channel carries many account queries: personal data in public
            mix = {"billing or account": 45, "order or delivery": 25, "product question": 15, "complaint": 15}
        neg = rng.randint(15, 35)
        pos = rng.randint(20, 50)
        out.append(ChannelData(p, volumes[p], mix, rng.choice((12, 25, 45, 90, 150, 240)), rng.randint(55, 90),
                               {"positive": pos, "neutral": 100 - pos - neg, "negative": neg},
                               # one poor fit only: the planted busy channel (TikTok elsewhere reads as fair)
                               "poor" if p == busy else PRIVATE_FIT[p] if PRIVATE_FIT[p] != "poor" else "fair"))
    return out


def _communities(rng: random.Random, org: str, sector: dict, platforms: list[str]) -> list[Community]:
    kinds = [k for k in COMMUNITY_KINDS if k[1] is None or k[1] in platforms]
    rng.shuffle(kinds)
    tag = "".join(w for w in org.split() if w.isalpha())
    out = []
    for i, (kind, platform) in enumerate(kinds[:4]):
        topic = rng.choice(sector["products"])
        # The topic keeps its own capitals ("mobile SIMs", not title case's "Sims") and loses its article ("a loyalty
        # scheme" gave "A loyalty scheme forum"); Instagram's tag suits the sector.
        forum = re.sub(r"^(?:a|an) ", "", topic)
        name = {"Facebook group": f"{org} Customers UK", "forum": f"{forum[:1].upper()}{forum[1:]} forum",
                "hashtag": f"#{tag}Help" if platform == "x" else f"#{tag}{sector['instagram_tag']}",
                "subreddit-style board": f"{tag} users board", "TikTok tag": f"#{tag}Review"}[kind]
        out.append(Community(name, kind, platform, rng.randint(400, 25000), topic,
                             rng.randint(62, 85) if i == 0 else rng.randint(5, 35)))
    return out


def generate_profile(seed: int) -> Organisation:
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise SimulatorUsageError("the seed must be a whole number, 0 or more")
    rng = rng_for("profiling", seed)
    sector_name = rng.choice(sorted(SECTORS))
    sector = SECTORS[sector_name]
    name = rng.choice(sector["names"])
    platforms = sorted(rng.sample(sorted(PLATFORM_LABELS), 5))
    segment_names = rng.sample(list(sector["segments"]), len(sector["segments"]))
    # The busiest channel is one where service happens in public (X replies, TikTok comments): a poor fit for
    # account details. Five of the six platforms are always drawn, so one of the two is always there.
    busy = rng.choice([p for p in platforms if p in ("x", "tiktok")])
    loyal = (rng.choice(segment_names), rng.choice([p for p in platforms if p != busy]))
    loyal = (loyal[0], _suited(loyal[0], loyal[1], [p for p in platforms if p != busy]))
    segments = _segments(rng, segment_names, platforms, loyal)
    channels = _channels(rng, platforms, busy)
    competitors = {rival: {p: (rng.choice((10, 20, 30, 60, 120)) if rng.random() < 0.7 else None) for p in platforms}
                   for rival in sorted(n for n in sector["names"] if n != name)}
    communities = _communities(rng, name, sector, platforms)
    worst = communities[0]
    busy_label = PLATFORM_LABELS[busy]
    planted = (
        Planted("lives_on_one", f"{loyal[0].capitalize()} are almost only on {PLATFORM_LABELS[loyal[1]]}.",
                (loyal[0], PLATFORM_LABELS[loyal[1]])),
        Planted("busy_poor_private", f"{busy_label} has the most queries, many about accounts and bills, but is a "
                                     "poor fit for personal data: service there must move to a private channel.",
                (busy_label,)),
        Planted("complaint_community", f"Complaints gather in {worst.name} ({worst.negative_share}% negative).",
                (worst.name,)),
    )
    return Organisation(seed, name, sector_name, tuple(sector["products"]),
                        tuple(rng.sample(OBJECTIVES, 2)), tuple(segments), tuple(channels), competitors,
                        tuple(communities), planted)
