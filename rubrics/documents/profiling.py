"""Scores a platform-and-community profile against the social-profiling rubric, each level with quoted evidence.

Plain rules over sentences: which segments, platforms, figures, communities, rivals and planted facts a sentence
names. The organisation is the one the learner was given (simulator.profiling), so the planted facts are known
and the score says which of them the recommendation used.

    score_profile(answer, organisation) -> dict   {"criteria": {key: {level, evidence, reason}}, "planted": {...},
                                                   "rubric": {id, version, hash}}
"""
from __future__ import annotations

import re

from rubrics.documents.rubric import load_exercise_rubric
from rubrics.errors import RubricDataError, ScoringInputError
from simulator.profiling import PLATFORM_LABELS, Organisation

MAX_ANSWER = 20_000
FIGURE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|per ?cent|minutes?|mins?|hours?|hrs?)", re.I)
SERVICE_WORDS = re.compile(r"\b(respon\w*|repl\w*|resol\w*|first response|wait\w*|sentiment)\b", re.I)
PRIVATE_WORDS = re.compile(r"\b(private|privately|DMs?|direct messages?|personal (?:data|details)|off ?line|"
                           r"messenger|whatsapp|secure)\b", re.I)
WATCH_WORDS = re.compile(r"\b(monitor\w*|watch\w*|listen\w*|track\w*|join\w*|respond\w*|keep an eye|alert\w*)\b", re.I)
PRIORITY_WORDS = re.compile(r"\b(first|priorit\w*|focus\w*|main|mainly|rather than|instead of|lower|less effort|"
                            r"not (?:worth|a priority)|before)\b", re.I)
COMPLAINTS = re.compile(r"\b(complain\w*|negative|angry|unhappy|criticis\w*|moan\w*)\b", re.I)
# A sentence that acts on the data (serve, put effort, answer...) rather than only describing it.
ACTS = re.compile(r"\b(serv(?:e|es|ing)|recommend\w*|prioriti[sz]\w*|focus\w*|first|should|will|must|offer\w*|"
                  r"answer\w*|support\w*|staff\w*|invest\w*|concentrat\w*|dedicat\w*|move|reach)\b", re.I)
BECAUSE = re.compile(r"\b(because|as|since|so|given|which means)\b", re.I)
# A goal is set, not described: "we will answer within 30 minutes" is one, "a rival answers within 10" is not.
GOAL_WORDS = re.compile(r"\b(objective|goal|aim|target|so that|in order to|commit\w*|pledge|we will|we'll|"
                        r"we should|we must)\b", re.I)


class ProfileInputError(ScoringInputError):
    """The answer cannot be scored (empty or too long); safe to show to the learner."""


# A Markdown heading, bullet or number opening a line: not part of the sentence. Only with the space after it, so a
# line that opens with a hashtag (#BrandHelp is where...) keeps it.
LINE_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [s for s in (LINE_MARK.sub("", p).strip() for p in parts) if s]


# Other names learners use for a platform or a segment (X was Twitter until 2023; "Insta", "FB"; "vulnerable
# customers" for customers in vulnerable circumstances). Each includes the name itself.
ALIASES = {
    "X": ("X", "Twitter"),
    "Instagram": ("Instagram", "Insta", "IG"),
    "Facebook": ("Facebook", "FB"),
    "TikTok": ("TikTok", "Tik Tok"),
    "LinkedIn": ("LinkedIn", "Linked In"),
    "WhatsApp": ("WhatsApp", "Whats App"),
    "customers in vulnerable circumstances": ("customers in vulnerable circumstances", "vulnerable customers",
                                              "customers in vulnerable situations", "vulnerable people"),
    "over-65s": ("over-65s", "over 65s", "over-65", "people over 65", "pensioners", "older people"),
    "older customers": ("older customers", "older people", "elderly customers", "pensioners"),
    "renters under 30": ("renters under 30", "young renters", "renters"),
    "homeowners": ("homeowners", "home owners"),
    "small businesses": ("small businesses", "small business", "SMEs", "small firms"),
    "teenagers": ("teenagers", "teens"),
    "fashion enthusiasts": ("fashion enthusiasts", "fashion fans"),
    "bargain hunters": ("bargain hunters", "bargain-hunters", "deal hunters"),
    "home workers": ("home workers", "homeworkers", "remote workers", "people working from home"),
    "young families": ("young families", "families with young children"),
    "office workers": ("office workers", "office staff"),
    "students": ("students", "student"),
}


def _has(name: str, sentence: str) -> bool:
    # A name's own article is left out ("A loyalty scheme forum", stored before forum names dropped it: a learner
    # writes "the loyalty scheme forum").
    names = "|".join(re.escape(re.sub(r"^(?:a|an|the)\s+", "", n, flags=re.I)) for n in ALIASES.get(name, (name,)))
    return re.search(r"(?<!\w)(?:" + names + r")(?!\w)", sentence, re.I) is not None


def _quote(sentences: list[str], limit: int = 3) -> list[str]:
    return list(dict.fromkeys(s[:240] for s in sentences))[:limit]   # a sentence quoted once


def _judge(level: int, evidence: list[str], reason: str) -> dict:
    return {"level": level, "evidence": _quote(evidence), "reason": reason}


def _platform_use(sents, org) -> dict:
    labels = list(PLATFORM_LABELS.values())
    hits = [s for s in sents if any(_has(seg.name, s) for seg in org.segments) and any(_has(p, s) for p in labels)]
    covered = {seg.name for seg in org.segments for s in hits if _has(seg.name, s)}
    with_figures = [s for s in hits if FIGURE.search(s)]
    potential = {seg.name for seg in org.segments if not seg.existing}
    if len(covered) >= 3 and covered & potential and len(with_figures) >= 2:
        return _judge(2, with_figures, f"{len(covered)} segments profiled with figures, potential customers included")
    if hits:
        return _judge(1, hits, "segments and platforms named, but not all with figures or without potential customers")
    return _judge(0, [], "no segment is linked to a platform")


def _current_service(sents, org) -> dict:
    figures = [s for s in sents if SERVICE_WORDS.search(s) and FIGURE.search(s)]
    rivals = [s for s in sents if any(_has(r, s) for r in org.competitors)]
    if figures and rivals:
        return _judge(2, figures[:2] + rivals[:1], "today's service described with figures and compared with rivals")
    if figures or rivals:
        return _judge(1, figures or rivals, "today's service described, without figures or without the rivals")
    return _judge(0, [], "nothing on how service is given now")


def _communities(sents, org) -> dict:
    named = [c for c in org.communities if any(_has(c.name, s) for s in sents)]
    worst = max(org.communities, key=lambda c: c.negative_share)
    quotes = [s for s in sents if any(_has(c.name, s) for c in named)]
    if worst in named and len(named) >= 2:
        return _judge(2, quotes, f"{len(named)} communities named, including {worst.name} where complaints gather")
    if named:
        return _judge(1, quotes, f"communities named, but not {worst.name}, where complaints gather"
                      if worst not in named else "only the complaints community named")
    return _judge(0, [], "no community named")


def _a_list_of_platforms(sentence: str) -> bool:
    """'We should be on Facebook, TikTok, X, WhatsApp and LinkedIn' names them all and acts on none in particular."""
    return sum(_has(label, sentence) for label in PLATFORM_LABELS.values()) >= 4


def planted_used(sents, org: Organisation) -> dict:
    """Which planted facts the answer uses, each with the sentence that shows it (or None)."""
    out = {}
    acting = [s for s in sents if ACTS.search(s) and not _a_list_of_platforms(s)]
    for fact in org.planted:
        if fact.key == "lives_on_one":   # a profile line names both too: the recommendation acts on them
            found = [s for s in acting if all(_has(n, s) for n in fact.must_mention)]
        elif fact.key == "busy_poor_private":   # acting on it: a profile line may name a private app too
            found = [s for s in acting if _has(fact.must_mention[0], s) and PRIVATE_WORDS.search(s)]
        else:   # watched: in the sentence naming it, or in the next one after it is named as the complaints place
            found = [s for i, s in enumerate(sents) if _has(fact.must_mention[0], s) and (
                WATCH_WORDS.search(s) or (COMPLAINTS.search(s) and WATCH_WORDS.search(" ".join(sents[i + 1:i + 2]))))]
        out[fact.key] = found[0][:240] if found else None
    return out


def _recommendation(used: dict) -> dict:
    shown = [q for q in used.values() if q]
    missing = [k for k, q in used.items() if not q]
    if not missing:
        return _judge(2, shown, "the recommendation uses every planted fact")
    if shown:
        return _judge(1, shown, "the recommendation misses: " + ", ".join(k.replace("_", " ") for k in missing))
    return _judge(0, [], "the recommendation does not use the data's planted facts")


def _service_goals(sents, org) -> dict:
    goals = [s for s in sents if SERVICE_WORDS.search(s) and FIGURE.search(s) and GOAL_WORDS.search(s)]
    objective_words = {w for o in org.objectives for w in re.findall(r"[a-z]{5,}", o)}
    linked = [s for s in sents if any(_has(seg.name, s) for seg in org.segments)
              and (GOAL_WORDS.search(s) or any(_has(w, s) for w in objective_words))]
    if goals and linked:
        return _judge(2, goals[:2] + linked[:1], "response or resolution goals with figures, tied to segments and aims")
    if goals or linked:
        return _judge(1, goals or linked, "goals without figures, or not tied to segments and objectives")
    return _judge(0, [], "no link to segments, objectives or service goals")


def _prioritised(sents) -> dict:
    ordered = [s for s in sents if PRIORITY_WORDS.search(s)]
    reasoned = [s for s in ordered if BECAUSE.search(s)]
    if reasoned:
        return _judge(2, reasoned, "says where effort goes first, and why")
    if ordered:
        return _judge(1, ordered, "an order without a reason")
    return _judge(0, [], "every platform treated the same")


def score_profile(answer: str, organisation: Organisation) -> dict:
    """Judge the learner's profile and recommendation; every level quotes the sentences it rests on."""
    if not isinstance(answer, str) or not answer.strip():
        raise ProfileInputError("Write your profile and recommendation before sending it.")
    if len(answer) > MAX_ANSWER:
        raise ProfileInputError(f"Keep the answer under {MAX_ANSWER:,} characters.")
    rubric = load_exercise_rubric("social-profiling")
    sents = _sentences(answer)
    used = planted_used(sents, organisation)
    criteria = {"platform_use": _platform_use(sents, organisation),
                "current_service": _current_service(sents, organisation),
                "communities": _communities(sents, organisation), "recommendation": _recommendation(used),
                "service_goals": _service_goals(sents, organisation), "prioritised": _prioritised(sents)}
    if set(criteria) != set(rubric.keys):
        raise RubricDataError(f"{rubric.id}: the rules judge {sorted(criteria)}, the file has {sorted(rubric.keys)}")
    return {"criteria": criteria, "planted": used, "rubric": rubric.info()}
