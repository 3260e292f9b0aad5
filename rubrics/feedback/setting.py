"""What the feedback's example wording may draw on: the customer's name, the brand, the thing the customer wrote
about, the platform and channel, and what the scenario allows. Built once per scoring from the Situation.

Nothing here is a cue list: the subject is a phrase the customer used ("my Steamline kettle" -> "your Steamline
kettle") or the scenario's own order item, and falls back to a plain phrase for the issue's kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from rubrics.detectors.base import Situation
from rubrics.lexicon import STOPWORDS
from rubrics.situation import is_praise
from rubrics.text import stem

# A scenario category -> (what it is about, what went wrong), for the examples' sentences. Categories whose
# customers write about many kinds of thing are left out: the customer's own words give the subject.
CATEGORY_PHRASES: Mapping[str, tuple[str, str]] = {
    "late_delivery": ("your order", "still hasn't arrived"),
    "lost_delivery": ("your parcel", "has gone missing"),
    "damaged_product": ("your order", "arrived damaged"),
    "faulty_product": ("your {item}", "stopped working so soon"),
    "billing_error": ("your bill", "was wrong"),
    "double_charge": ("your payment", "was taken twice"),
    "slow_refund": ("your refund", "still hasn't reached you"),
    "service_outage": ("your service", "has been down"),
    "escalation_authority": ("your complaint", "still isn't sorted"),
}
# Situations where "frustrating" is the wrong word: the examples speak of worry, or of how hard it is.
WORRYING = ("crisis_recall", "crisis_security_breach", "crisis_viral_post", "personal_data_public",
            "identity_verification")
HARD = ("vulnerable_customer",)
# A theme the customer's words fall in (rubrics.lexicon) -> a plain subject, when the message names no thing.
THEME_SUBJECTS: Mapping[str, str] = {
    "delivery": "your order", "money": "your payment", "connectivity": "your connection", "travel": "your journey",
    "device": "your device", "software": "the app", "staff": "your visit", "damage": "your order",
    "food": "your order", "delay": "the wait",
}
# What a subject's customer writes when they speak of it: a subject from the scenario's category or the message's
# theme is used only when the customer spoke of that kind of thing ("why do I even pay you" is not about "your
# payment"; a slip on a platform is not about "your order").
SUBJECT_WORDS: Mapping[str, re.Pattern] = {head: re.compile(rf"\b(?:{words})", re.I) for head, words in {
    "order": r"order|parcel|package|deliver|bought|purchase|arriv",
    "parcel": r"parcel|package|deliver",
    "bill": r"bill|charg|tariff|statement",
    "payment": r"payment|paid|charg|debit|transaction",
    "refund": r"refund|money\s+back|return",
    "service": r"servic|internet|broadband|wi-?fi|signal|outage|network|connection|power|supply|down\b",
    "connection": r"internet|broadband|wi-?fi|signal|connect|network",
    "journey": r"journey|train|trip|flight|travel|bus\b|route",
    "device": r"device|phone(?!\s+(?:number|line|call))|laptop|tablet|tv\b|watch|speaker|console|router|hub",
    "app": r"app\b|apps\b|website|site\b|online|log\s?in",
    "visit": r"visit|branch|restaurant|went\s+in|came\s+in|in\s+store",
}.items()}
# The customer's insults are theirs, not words for the learner to repeat ("your idiot driver").
ABUSE_WORDS = frozenset("idiot idiots idiotic stupid useless incompetent pathetic clueless moronic rubbish bloody "
                        "damn crap crappy shit shitty shambles joke farce circus muppets clowns disgrace".split())
# "my kettle", "the Petal Tint lip oil": a thing the customer named, up to four words after the determiner.
# Every determiner starts a candidate (a lookahead, so "this but my Sunset Haze palette" still finds "my ...").
THING_RE = re.compile(r"\b(my|our|the|this|your)(?=((?:\s+[A-Za-z][\w'-]*){1,5}))", re.I)
# The customer's determiner as the learner would say it: their "my" is the learner's "your", their "your" (the
# brand's app, platform) is "our", "the offer" stays "the offer" (not "your offer").
SPOKEN_DET = {"my": "your", "our": "your", "your": "our", "this": "the", "the": "the"}
NOT_THINGS = frozenset("""
    same one other way time day week month year moment only last first best worst most whole thing things lot
    issue problem problems issues fact end point reason people person company team service guy guys full
    country world planet universe history
    """.split())
NOT_OFFER_RE = re.compile(r"\b(?:should|will|would|can|could|may|might|if|DM|message|call|that|we|you|they)\b",
                          re.I)
OFFER_RE = re.compile(r"(?:an?|free|full|refund)\b", re.I)
# Words that end a thing's name: verbs and time words that follow it ("my parcel never came", "my data keeps dropping").
VERBISH = frozenset("""
    keep keeps kept says say said went gone goes broke broken still now today yesterday again never came come
    arrive arrives died dies stopped stops won't isn't wasn't hasn't didn't doesn't left needs need wants want
    """.split())
PRIVATE_WORDS = {"twitter": "DM", "instagram": "DM", "facebook": "private message"}
SIGNOFF_AGENT = ("Sam", "SM")      # the agent in the examples: first name, initials


@dataclass(frozen=True)
class Setting:
    name: str | None             # the customer's first name
    brand: str | None
    subject: str | None          # "your Steamline kettle", "your order"; None when nothing fits
    problem: str | None          # "still hasn't arrived"; None when the scenario does not say
    platform: str
    platform_label: str
    channel: str
    max_chars: int
    praise: bool
    crisis: bool
    feeling: str                 # "frustrating", "worrying", "hard"
    reference: str               # what the brand calls its reference ("order number")
    signoff: str                 # how the brand's agents sign off, filled in ("^SM", "-Sam")
    route: str | None            # the escalation route the scenario names
    promises: tuple[str, ...]    # what the scenario allows the agent to promise
    needs_private: bool

    @property
    def public(self) -> bool:
        return self.channel == "public"

    @property
    def chat(self) -> bool:
        return self.channel == "chat"

    @property
    def private_word(self) -> str:
        return PRIVATE_WORDS.get(self.platform, "private message")

    def about(self) -> str:
        """'your Steamline kettle stopped working so soon', or the subject alone, or 'this'."""
        if self.subject and self.problem:
            return f"{self.subject} {self.problem}"
        return self.subject or "this"


def _thing_from(customer: str, issue_stems: frozenset[str], det: str) -> str | None:
    """The first thing the customer named with a determiner ("my Steamline Rapid kettle has gone black" -> "your
    Steamline Rapid kettle"): its words up to a function word or a verb form, if one of them is an issue word."""
    for m in THING_RE.finditer(customer):
        words, end, named = [w for w in m.group(2).split() if w.lower() not in ABUSE_WORDS], 0, False
        for j, word in enumerate(words):
            low = word.lower().strip("'")
            if low in NOT_THINGS or low in STOPWORDS or low in VERBISH or len(low) < 3 or \
                    low.endswith(("ed", "ing", "ly")):
                break
            end, named = j + 1, named or stem(low) in issue_stems
        if named:
            return f"{det if det == 'the' else SPOKEN_DET[m.group(1).lower()]} " + " ".join(words[:end])
    return None


def _spoken_of(subject: str, customer: str) -> bool:
    """The customer wrote of the kind of thing `subject` names ("your bill": billed, charged, tariff...)."""
    words = SUBJECT_WORDS.get(subject.split()[-1])
    return words is None or bool(words.search(customer))


def _subject(sit: Situation, category: str | None, item: str | None) -> tuple[str | None, str | None]:
    phrase = CATEGORY_PHRASES.get(category or "")
    if phrase is not None and not _spoken_of(phrase[0].replace("{item}", "order"), sit.customer.text):
        phrase, item = None, None       # this customer writes of something else (a live-chat queue's other customer)
    if phrase is not None:
        subject, problem = phrase
        if "{item}" in subject:
            subject = subject.format(item=item) if item else "your order"
        elif item and subject == "your order":
            subject = f"your {item}"
        return subject, problem
    if item:
        return f"your {item}", None
    praise = is_praise(sit.customer, sit.scenario)
    thing = _thing_from(sit.customer.text, sit.customer.issue_stems, "the" if praise else "your")
    if thing:
        return thing, None
    for theme in sorted(sit.customer.themes):
        if theme in THEME_SUBJECTS and not praise and _spoken_of(THEME_SUBJECTS[theme], sit.customer.text):
            return THEME_SUBJECTS[theme], None
    return None, None


def _brand_parts(scenario: Mapping | None) -> tuple[str | None, str, str]:
    """(brand name, its reference label, its sign-off filled in) from the scenario's brand (simulator's registry)."""
    brand = (scenario or {}).get("brand") or {}
    brand = brand if isinstance(brand, Mapping) else {}
    name = brand.get("name") if isinstance(brand.get("name"), str) else None
    reference, style = "order number", "^initials"
    key = brand.get("key")
    if isinstance(key, str):
        from simulator.brands import BRANDS  # lazily: the simulator's registry of fictional brands
        if key in BRANDS:
            reference, style = BRANDS[key].reference_label, BRANDS[key].signoff
    first, initials = SIGNOFF_AGENT
    signoff = style.replace("initials", initials).replace("first name", first)
    return name, reference, signoff.replace("- ", "-")


def _offer_like(promise: str) -> bool:
    """'a full refund', 'free collection': a thing to offer, not an instruction ('the light should turn white')."""
    return (len(promise.split()) <= 7 and bool(OFFER_RE.match(promise)) and "{" not in promise
            and not NOT_OFFER_RE.search(promise))


def setting_of(sit: Situation) -> Setting:
    from simulator.platforms import PLATFORMS  # lazily, as rubrics.situation does
    scenario = sit.scenario or {}
    facts = scenario.get("facts") or {}
    order = facts.get("order") if isinstance(facts, Mapping) else None
    item = order.get("item") if isinstance(order, Mapping) and isinstance(order.get("item"), str) else None
    category = scenario.get("category") if isinstance(scenario.get("category"), str) else None
    subject, problem = _subject(sit, category, item)
    brand, reference, signoff = _brand_parts(scenario)
    platform = PLATFORMS.get(sit.platform)
    offered = sit.expected.get("may_promise")
    promises = tuple(p for p in (offered if isinstance(offered, (list, tuple)) else ())
                     if isinstance(p, str) and _offer_like(p))
    return Setting(
        name=sit.customer_name.split()[0] if sit.customer_name else None, brand=brand, subject=subject,
        problem=problem, platform=sit.platform, platform_label=platform.label if platform else sit.platform,
        channel=sit.channel, max_chars=platform.channel(sit.channel).max_chars if platform else 280,
        praise=is_praise(sit.customer, sit.scenario), crisis=str(category or "").startswith("crisis"),
        feeling="worrying" if category in WORRYING else "hard" if category in HARD else "frustrating",
        reference=reference, signoff=signoff,
        route=route if isinstance(route := sit.expected.get("escalation_route"), str) and route.strip() else None,
        promises=promises, needs_private=sit.customer.needs_private)
