"""accuracy: nothing promised beyond the scenario's facts and policy (forbidden promises, invented amounts or dates)."""
from __future__ import annotations

import math
import re

from rubrics.cues.ownership import AMOUNT_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans
from rubrics.lexicon import STOPWORDS
from rubrics.text import stem

PROMISE_NEG_RE = re.compile(r"\b(?:not|no|never|cannot|unable|without)\b|n't\b|\bcant\b|\bwont\b")
# tokens that must appear exactly when a forbidden promise carries them: amounts, numbers, days and times
PROMISE_KEY_RE = re.compile(r"[£$€]\s?\d[\d,]*(?:\.\d\d)?|\b\d+(?:[.:]\d+)?\b|\b(?:today|tonight|tomorrow|hours?|"
                            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
                            r"june|july|august|september|october|november|december)\b", re.I)
# A paraphrased forbidden promise is said in the agent's voice: the brand in the first person ("we'll cover the
# flights"), an offer to the customer ("you'll get the £540 back"), an assurance ("the app will be back within the
# hour", "it's probably nothing to worry about") or a request ("please send the death certificate in this chat"). A
# sentence naming what happened to them ("missing your flight and paying £468 for new ones is a lot") shares the
# words and promises nothing.
PROMISE_VOICE_RE = re.compile(r"\b(?:i|we|us|our|let\s+me|you(?:['’]ll|\s+will|\s+can|['’]d|['’]re\s+entitled|"
                              r"\s+are\s+entitled|\s+get|\s+receive)|will|won['’]t|promise\w*|guarantee\w*|"
                              r"definitely|certainly|completely|fully|totally|safe|probably|should|shouldn['’]t|"
                              r"nothing\s+to\s+worry|no\s+need|please|can\s+you|could\s+you)\b|['’]ll\b")
PROMISE_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
PROMISE_STOP = STOPWORDS | {"within", "will", "shall", "get", "got", "make", "sure"}
CLAUSE_SPLIT_RE = re.compile(r"[,;:()]|\s[-–—]\s|\b(?:but|and|so|because|although|though|while)\b")


def _promise_terms(text: str) -> tuple[frozenset, frozenset]:
    """(exact tokens, stemmed content words) of a phrase or sentence, both lower case."""
    keys = frozenset(re.sub(r"\s", "", m.group().lower()).rstrip("s") for m in PROMISE_KEY_RE.finditer(text))
    words = frozenset(stem(w) for w in PROMISE_WORD_RE.findall(PROMISE_KEY_RE.sub(" ", text.lower()))
                      if w not in PROMISE_STOP and len(w) > 2)
    return keys, words


def _promise_in(cues: Cues, phrase: str) -> tuple[tuple[int, int], bool] | None:
    """Where the reply makes a forbidden promise: ((start, end), literal?) or None.

    Literal (word for word), or one sentence carrying every amount, number, day or time in the phrase exactly and
    most (60%, at least one) of its other content words, stemmed, said as a promise (PROMISE_VOICE_RE). A clause
    that negates what it shares with the phrase ("we can't refund £300 today") does not promise it, unless the
    phrase itself is negative.
    """
    low = cues.r.lower
    p = phrase.lower().strip()
    if not p:
        return None
    i = low.find(p)
    if i >= 0:
        return (i, i + len(p)), True
    keys, words = _promise_terms(p)
    if not words or len(keys) + len(words) < 2:
        return None
    negative = bool(PROMISE_NEG_RE.search(p))
    need = math.ceil(0.6 * len(words))
    for s, e in cues.r.sentences:
        sent = low[s:e]
        skeys, swords = _promise_terms(sent)
        shared = words & swords
        if not keys <= skeys or len(shared) < need or not PROMISE_VOICE_RE.search(sent):
            continue
        if not negative and any(PROMISE_NEG_RE.search(c) and (_promise_terms(c)[1] & shared
                                                              or _promise_terms(c)[0] & keys)
                                for c in CLAUSE_SPLIT_RE.split(sent)):
            continue
        return (s + len(sent) - len(sent.lstrip()), e), False
    return None


def _amount(text: str) -> tuple[str, float]:
    """An amount as (currency or unit, value): "£1,200.00" -> ("£", 1200.0), "30 pounds" -> ("pounds", 30.0)."""
    t = text.lower().replace(",", "")
    num = re.search(r"\d+(?:\.\d+)?", t)
    unit = re.sub(r"[\d.\s]", "", t)
    return unit, float(num.group()) if num else 0.0


@detector("accuracy")
def accuracy(cues: Cues, sit: Situation) -> Judgement:
    if sit.scenario is None:     # normally unreached: the rubric flags accuracy needs_scenario
        return Judgement(None, (), None, "No scenario facts to check against.", HIGH)
    facts = sit.scenario.get("facts") or {}
    exp = sit.expected
    if not facts and not exp.get("must_not_promise") and not exp.get("may_promise"):
        return Judgement(None, (), None, "The scenario gives no facts to check against.", HIGH)
    for phrase in exp.get("must_not_promise") or []:
        found = _promise_in(cues, phrase)
        if found:
            span, literal = found
            return Judgement(0, spans(cues, [span]), "promises that stay within the policy",
                             f"Promises something beyond policy ({phrase}).", HIGH if literal else LOW)
    # what the customer told us is not invented: repeating their order's £46.99 or "18 August" back is accurate
    known = (repr(facts) + " " + " ".join(exp.get("may_promise") or []) + " " + sit.customer.text).lower()
    # amounts compare whole ("£30" is not "£300"), as numbers ("£54.2" written "£54.20")
    known_amounts = {_amount(m.group()) for m in AMOUNT_RE.finditer(known)}
    invented = [(m.start(), m.end()) for m in AMOUNT_RE.finditer(cues.r.masked)
                if _amount(m.group()) not in known_amounts]
    invented += [t for t in cues.find(re.compile(r"\b(?:by|on|before)\s+(?:monday|tuesday|wednesday|thursday|friday|"
                                                r"saturday|sunday|\d{1,2}(?:st|nd|rd|th)?\s+\w+)\b", re.I))
                 if cues.r.masked[t[0]:t[1]].lower().split(None, 1)[-1] not in known]
    if invented:
        return Judgement(1, spans(cues, invented[:2]), "only amounts and dates the policy supports",
                         "States an amount or date the scenario does not support.", LOW)
    return Judgement(2, (), None, "Nothing stated goes beyond the scenario's facts and policy.",
                     HIGH if exp.get("must_not_promise") else LOW)
