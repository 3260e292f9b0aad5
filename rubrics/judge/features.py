"""The learned layer's inputs for one reply or conversation: what the rules found, and what no keyword list sees.

- the rule detectors' judgements (level one-hot and low-confidence flag per criterion): the cues, as features;
- the customer reading (intent, heated, needs a private channel, sentiment) and the situation (channel, platform,
  scenario or free mode, number of turns);
- the reply's shape: length, sentences, questions, exclamations, links, numbers, time and day words, first-person
  commitments and done actions, second-person words;
- WordLlama similarities (rubrics.judge.embedding): the reply and its closest sentence to the customer's message and
  to the scenario facts, and each sentence's closest match to short generic descriptions of what each criterion looks
  for (PROTOTYPES: plain statements of the rubric guide's levels, not wording from any labelled reply);
- the reply's own embedding (256 numbers), so the model can learn what competent replies are about.

`vector(criteria, texts, sit)` returns the numbers in the order of `names(criteria_keys)`; the model file stores
those names and refuses to run on a different list.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np

from rubrics.detectors import Judgement, Situation
from rubrics.judge.embedding import DIM, cached_vector, embedder
from rubrics.judge.specificity import stem

LEVELS = ("na", "0", "1", "2")
INTENTS = ("complaint", "query", "praise")
CHANNELS = ("public", "private", "chat")
PLATFORMS = ("twitter", "facebook", "instagram", "webchat")
# What each criterion looks for, in the guide's terms: generic sentences the reply's sentences are compared with.
PROTOTYPES: dict[str, tuple[str, ...]] = {
    "apology": ("I'm really sorry this happened to you.", "We apologise for the mistake we made."),
    "empathy": ("That must be so frustrating and stressful for you.",
                "I understand how upsetting this is, especially when you were relying on it."),
    "impact": ("You lost your whole day waiting and missed something important.",),
    "ownership": ("I will sort this out for you myself.", "I've already fixed it and refunded you."),
    "next_step": ("I'll call you tomorrow morning at 9am with an update.",
                  "An engineer is booked to visit on Friday between 8am and 12pm."),
    "handoff": ("Please contact our customer service team.", "Send us a direct message."),
    "dismissal": ("That's not our problem, you should have read the terms.", "There's nothing we can do about it."),
    "sarcasm": ("Well, thanks for letting us know, genius.",),
    "thanks": ("Thank you so much for your kind words, it really made our day!",),
    "question": ("Could you tell me which item is affected and when it happened?",),
    "private": ("Please send us a private message with your details so we can look into your account.",),
    "closing": ("Is there anything else I can help you with today?",),
}
SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")
URL_RE = re.compile(r"https?://|www\.|\.com\b|\.co\.uk\b", re.I)
DIGIT_RE = re.compile(r"\d")
TIME_RE = re.compile(r"\b(today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                     r"within|hours?|minutes?|days?|weeks?|\d{1,2}(:\d\d)?\s*(am|pm)|by \d|asap|now)\b", re.I)
COMMIT_RE = re.compile(r"\b(i'll|i will|we'll|we will|let me|i'm going to|we're going to|i can|we can)\b", re.I)
DONE_RE = re.compile(r"\b(i've|we've|i have|we have|i've just|has been|have been)\s+\w+ed\b", re.I)
YOU_RE = re.compile(r"\b(you|your|you're|you've)\b", re.I)
WORD_RE = re.compile(r"[A-Za-z']+")
# Words too common to show that a reply took up the customer's message.
COMMON = frozenset("""this that with have from your they them their there what when where which would could should
been were will just like about into than then only also very much more some over after before again still here
thanks thank please hello dear guys team really cannot can't don't didn't doesn't isn't wasn't""".split())


def _level_code(level) -> str:
    if level is None:
        return "na"
    if level == "pass":
        return "2"
    if level == "fail":
        return "0"
    return str(level)


def names(criteria_keys: Sequence[str]) -> list[str]:
    out = [f"rule:{k}:{lv}" for k in criteria_keys for lv in LEVELS]
    out += [f"low:{k}" for k in criteria_keys]
    out += [f"intent:{i}" for i in INTENTS] + ["heated", "needs_private", "ambiguous", "asks", "sentiment", "scenario"]
    out += [f"channel:{c}" for c in CHANNELS] + [f"platform:{p}" for p in PLATFORMS] + ["turns"]
    out += ["words", "sentences", "questions", "exclamations", "links", "digits", "time_words", "commitments",
            "done_actions", "you_words", "customer_words"]
    out += ["overlap:share", "overlap:count"]
    out += ["sim:reply_customer", "sim:best_sentence_customer", "sim:facts", "sim:best_sentence_facts",
            "sim:best_sentence_pair"]
    out += [f"proto:{p}" for p in PROTOTYPES]
    out += [f"emb:{i}" for i in range(DIM)]
    return out


def sentences(text: str) -> list[str]:
    return [m.group().strip() for m in SENTENCE_RE.finditer(text) if len(m.group().strip()) > 2]


def _facts_text(sit: Situation) -> str:
    facts = (sit.scenario or {}).get("facts") or {}
    parts = list(facts.get("policy") or [])
    parts += [f"{k} {v}" for k, v in (facts.get("order") or {}).items()] if isinstance(facts.get("order"), dict) else []
    parts += [f"{kb.get('title', '')} {kb.get('text', '')}" for kb in facts.get("knowledge_base") or []
              if isinstance(kb, dict)]
    return " ".join(parts)


def _shape(text: str, customer: str, turns: int) -> list[float]:
    words = WORD_RE.findall(text)
    sents = sentences(text)
    log = lambda n: math.log1p(n)   # noqa: E731
    return [log(len(words)), log(len(sents)), float(text.count("?")), float(min(text.count("!"), 5)),
            float(bool(URL_RE.search(text))), float(bool(DIGIT_RE.search(text))), float(len(TIME_RE.findall(text))),
            float(len(COMMIT_RE.findall(text))), float(len(DONE_RE.findall(text))),
            len(YOU_RE.findall(text)) / max(len(words), 1), log(len(WORD_RE.findall(customer)))]


@lru_cache(maxsize=1024)
def _customer_stems(customer: str) -> frozenset[str]:
    """The customer's content words (4+ letters), stemmed: one message is compared with many replies."""
    return frozenset(stem(w) for w in WORD_RE.findall(customer) if len(w) >= 4 and w.lower() not in COMMON)


def _overlap(text: str, customer: str) -> list[float]:
    """How many of the customer's content words (4+ letters) the reply takes up: share and count."""
    theirs = _customer_stems(customer)
    ours = {stem(w) for w in WORD_RE.findall(text) if len(w) >= 4}      # shorter words can never match
    shared = theirs & ours
    return [len(shared) / len(theirs) if theirs else 0.0, math.log1p(len(shared))]


_protos: dict[str, np.ndarray] = {}
_stacked: list[tuple[np.ndarray, np.ndarray]] = []


def prototype_vectors() -> dict[str, np.ndarray]:
    """Each prototype group's unit vectors (computed once per process)."""
    if not _protos:
        _protos.update({k: np.vstack([cached_vector(s) for s in v]) for k, v in PROTOTYPES.items()})
    return _protos


def _prototype_matrix() -> tuple[np.ndarray, np.ndarray]:
    """Every prototype's vector in one matrix (one product per reply) and where each group starts in it."""
    if not _stacked:
        groups = list(prototype_vectors().values())
        starts = np.cumsum([0] + [len(g) for g in groups[:-1]])
        _stacked.append((np.vstack(groups), starts))
    return _stacked[0]


def _customer_sentences(customer: str) -> np.ndarray | None:
    return _customer_sentence_vectors(customer)


@lru_cache(maxsize=1024)
def _customer_sentence_vectors(customer: str) -> np.ndarray | None:
    e = embedder()
    csents = sentences(customer)
    return e.vectors(csents) if (e is not None and csents) else None


def _similarities(text: str, customer: str, facts: str) -> list[float]:
    e = embedder()
    assert e is not None
    sents = sentences(text) or [text]
    both = e.vectors([text] + sents)           # one tokenizer call for the reply and its sentences
    reply, sv = both[0], both[1:]
    cust = cached_vector(customer) if customer.strip() else None
    fact = cached_vector(facts) if facts.strip() else None
    out = [float(reply @ cust) if cust is not None else 0.0, float((sv @ cust).max()) if cust is not None else 0.0,
           float(reply @ fact) if fact is not None else 0.0, float((sv @ fact).max()) if fact is not None else 0.0]
    cs = _customer_sentences(customer)
    out.append(float((sv @ cs.T).max()) if cs is not None else 0.0)
    protos, starts = _prototype_matrix()
    best = (sv @ protos.T).max(axis=0)          # each prototype's closest reply sentence
    out += np.maximum.reduceat(best, starts).tolist()
    return out + reply.tolist()


def vector(criteria: Mapping[str, Judgement], texts: Sequence[str], sit: Situation,
           criteria_keys: Sequence[str]) -> np.ndarray:
    """The features of a judged reply (criteria: the rule judgements, combined over turns)."""
    row: list[float] = []
    for k in criteria_keys:
        code = _level_code(criteria[k].level)
        row += [float(code == lv) for lv in LEVELS]
    row += [float(criteria[k].confidence != "high") for k in criteria_keys]
    c = sit.customer
    row += [float(c.intent == i) for i in INTENTS]
    row += [float(c.heated), float(c.needs_private), float(c.ambiguous), float(c.asks), float(c.sentiment),
            float(sit.scenario is not None)]
    row += [float(sit.channel == ch) for ch in CHANNELS] + [float(sit.platform == p) for p in PLATFORMS]
    row += [math.log1p(len(texts))]
    text = "\n".join(texts)
    row += _shape(text, c.text, len(texts))
    row += _overlap(text, c.text)
    row += _similarities(text, c.text, _facts_text(sit))
    return np.asarray(row, dtype=np.float64)
