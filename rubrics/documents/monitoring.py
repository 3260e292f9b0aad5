"""Scores a monitoring review against the social-monitoring rubric, each level quoting the learner's review.

The metrics are the ones the learner was given (simulator.monitoring), so the planted problems are known and the
score says which were found. Plain rules over sentences; a first reading for the tutor to moderate.

    score_review(answer, metrics) -> dict   {"criteria": {key: {level, evidence, reason}}, "found": {...}, "rubric"}
"""
from __future__ import annotations

import re

from rubrics.documents.rubric import load_exercise_rubric
from rubrics.errors import RubricDataError, ScoringInputError
from simulator.monitoring import Metrics

MAX_ANSWER = 20_000
CAUSE = re.compile(r"\b(because|due to|caused by|root cause|likely|reason|so that's why|why|no cover|rota|"
                   r"staff\w*|5 whys|five whys|fishbone|suggest\w*|probably|seems?|points? to|driven by|lack of|"
                   r"not enough|nobody|no one)\b", re.I)
IMPROVE = re.compile(r"\b(improv\w*|introduc\w*|add\w*|chang\w*|fix\w*|train\w*|rota|cover|update\w*|creat\w*|"
                     r"set up|recommend\w*|should|will)\b", re.I)
OWNER = re.compile(r"\b(owner|owned by|responsible|team leader|manager|supervisor|lead|head of \w+|\w+ team|"
                   r"marketing|communications|comms|trainer|workforce planner|developers?|(?-i:IT))\b", re.I)
MEASURE = re.compile(r"\b(first response|response time|sla|breach\w*|sentiment|repeat\w*|resolution|csat|nps)\b", re.I)
WHEN = re.compile(r"\b(weekly|monthly|daily|every (?:week|month|day)|by week \d+|after \d+ weeks?|review\w*|"
                  r"check\w*)\b", re.I)
FIGURE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|per ?cent|minutes?|mins?|hours?|points?)", re.I)
# No \b after "%": there is no word boundary between "%" and the space after it.
BENCHMARK = re.compile(r"\b(?:42|32)\s*(?:%|per ?cent\b)|\b(?:within (?:60|30) minutes|customers expect)\b", re.I)
AGREE = re.compile(r"\b(agree\w*|approv\w*|sign[- ]?off|signed off|authori[sz]\w*|budget)\b", re.I)
DECIDER = re.compile(r"\b(head of \w+|director|manager|board|budget holder|operations|leadership|decision makers?)\b",
                     re.I)


class ReviewInputError(ScoringInputError):
    """The review cannot be scored (empty or too long); safe to show to the learner."""


def _sentences(text: str) -> list[str]:
    return [p.strip(" -*#\t") for p in re.split(r"(?<=[.!?])\s+|\n+", text) if p.strip(" -*#\t")]


def _judge(level: int, evidence: list[str], reason: str) -> dict:
    quotes = list(dict.fromkeys(e[:240] for e in evidence))   # a sentence quoted once, however it was found
    return {"level": level, "evidence": quotes[:3], "reason": reason}


# Words a review may use for the planted problems' key terms (keys lower case, without a leading article: the data
# says "a price change", a learner writes "the price change" or "the price rise").
SYNONYMS = {"repeat": r"repeat\w*|come(?:s)? back|coming back|again|second (?:contact|time)|more than once|"
                      r"follow(?:s|ed|ing)?[- ]?ups?|chas(?:e|es|ed|ing)|re-?contact\w*",
            "weekend": r"weekends?|saturdays?|sundays?",
            "x": r"x|twitter",
            "instagram": r"instagram|insta|ig",
            "facebook": r"facebook|fb",
            "tiktok": r"tik ?tok",
            "linkedin": r"linked ?in",
            "whatsapp": r"whats ?app",
            "new app": r"(?:new |mobile )?app",
            "price change": r"prices? (?:change\w*|rise|rose|increase\w*|went up)|new prices?|"
                            r"(?:chang\w*|rais\w*|rise|increase\w*) (?:in |of |to |our |the )*prices?",
            "new loyalty scheme": r"(?:new )?loyalty (?:scheme|programme|program|card)",
            "redesigned website": r"(?:redesigned |new )?web ?site(?: redesign)?|site redesign"}
ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)


def _mentions(term: str, sentence: str) -> bool:
    key = ARTICLE.sub("", term).lower()
    pattern = SYNONYMS.get(key, re.escape(key) + "s?")   # 'billing errors', 'meter readings'
    return re.search(r"(?<!\w)(?:" + pattern + r")(?!\w)", sentence, re.I) is not None


def problems_found(sents, metrics: Metrics) -> dict:
    """Planted problem -> the first sentence naming everything it needs (or None)."""
    return {p.key: next((s[:240] for s in sents if all(_mentions(t, s) for t in p.must_mention)), None)
            for p in metrics.planted}


def causes_given(sents, metrics: Metrics, found: dict) -> dict:
    """Found problem -> the first sentence giving a cause for it: a cause word in the sentence that found it, in the
    one after it, or in any sentence naming one of the problem's terms. A "because" about something else (the
    benchmark, a target) explains nothing."""
    out = {}
    for p in metrics.planted:
        if not found.get(p.key):
            continue
        at = next(i for i, s in enumerate(sents) if s[:240] == found[p.key])
        others = [t for q in metrics.planted if q.key != p.key for t in q.must_mention]
        # the sentence after the finding explains it unless it is about another problem
        near = [sents[at]] + [s for s in sents[at + 1:at + 2] if not any(_mentions(t, s) for t in others)]
        out[p.key] = next((s[:240] for s in sents if CAUSE.search(s)
                           and (s in near or any(_mentions(t, s) for t in p.must_mention))), None)
    return out


def score_review(answer: str, metrics: Metrics) -> dict:
    """Judge the learner's monitoring review; every level quotes the sentences it rests on."""
    if not isinstance(answer, str) or not answer.strip():
        raise ReviewInputError("Write your review before sending it.")
    if len(answer) > MAX_ANSWER:
        raise ReviewInputError(f"Keep the review under {MAX_ANSWER:,} characters.")
    rubric = load_exercise_rubric("social-monitoring")
    sents = _sentences(answer)
    found = problems_found(sents, metrics)
    shown = [q for q in found.values() if q]
    missing = [k.replace("_", " ") for k, q in found.items() if not q]
    with_figures = [s for s in shown if FIGURE.search(s)]
    causes = [s for s in sents if CAUSE.search(s)]
    explained = causes_given(sents, metrics, found)
    unexplained = [k.replace("_", " ") for k, q in explained.items() if not q]
    improvements = [s for s in sents if IMPROVE.search(s)]
    owned = [s for s in improvements if OWNER.search(s)]
    owners = sum(len(OWNER.findall(s)) for s in owned)
    monitoring = [s for s in sents if MEASURE.search(s) and WHEN.search(s)]
    targeted = [s for s in monitoring if FIGURE.search(s)]
    benchmark = [s for s in sents if BENCHMARK.search(s)]
    agreement = [s for s in sents if AGREE.search(s)]
    deciders = [s for s in agreement if DECIDER.search(s)]
    criteria = {
        "problems_found": (_judge(2, with_figures or shown, "every planted problem named, with its figures")
                           if not missing and with_figures else
                           _judge(1, shown, "found some, missed: " + ", ".join(missing)) if shown else
                           _judge(0, [], "none of the planted problems named")),
        "root_causes": (_judge(2, list(explained.values()), "a likely cause given for each problem found")
                        if shown and not unexplained else
                        _judge(1, [q for q in explained.values() if q] or causes,
                               "no cause given for: " + ", ".join(unexplained) if unexplained
                               else "causes given, but for none of the planted problems") if causes else
                        _judge(0, [], "no causes given")),
        "improvements_owners": (_judge(2, owned, "improvements with owners") if owners >= 2 else
                                _judge(1, owned or improvements, "improvements without owners for each")
                                if improvements else _judge(0, [], "no improvements")),
        "monitoring_plan": (_judge(2, targeted[:2] + benchmark[:1], "measures, targets and checks, with the benchmark")
                            if targeted and benchmark else
                            _judge(1, monitoring or benchmark, "monitoring without targets or without the benchmark")
                            if monitoring or benchmark else _judge(0, [], "nothing on monitoring")),
        "sign_off": (_judge(2, deciders, "names who must agree, and to what") if deciders else
                     _judge(1, agreement, "approval needed, without who") if agreement else
                     _judge(0, [], "who must agree is not addressed")),
    }
    if set(criteria) != set(rubric.keys):
        raise RubricDataError(f"{rubric.id}: the rules judge {sorted(criteria)}, the file has {sorted(rubric.keys)}")
    return {"criteria": criteria, "found": found, "rubric": rubric.info()}
