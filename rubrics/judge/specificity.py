"""Does the reply take up the customer's own problem, or only acknowledge it in general? (the guide's hear 2 vs 1)

Three readings, none of them a list of wording from labelled replies:
- exact overlap: the customer's content words (stemmed) that the reply repeats, leaving out generic service words
  (issue, problem, order, help, experience...) that any template uses, and the numbers and codes both share;
- soft overlap: each reply content word's closest customer content word by WordLlama word vectors, so "mug" meets
  "personalised mug", "rebooked" meets "redeliver", and a paraphrase counts where the exact form differs;
- specific beyond a template: the best reply sentence's similarity to the customer's message minus a generic
  acknowledgement's ("thanks for reaching out, sorry to hear about the issue"), so replies that only say that score
  near zero whatever the customer wrote.

Not yet an input of the model file (features.py does not call it): a model trained with these readings and
those of its sibling module raised cross-validated hear, take_ownership and act on train (rules 2.1.5: hear
0.583 -> 0.595, take_ownership 0.721 -> 0.728, act 0.671 -> 0.679 qwk) but failed two simulator behaviour
tests, so it was not landed.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from rubrics.judge.embedding import cached_vector, embedder

WORD_RE = re.compile(r"[A-Za-z][A-Za-z']+")
CODE_RE = re.compile(r"[£$€]?\d[\d.,:/]*\w*")
# Words any service reply or complaint uses whatever the problem: repeating them shows nothing was heard.
GENERIC = frozenset("""a an the and or but if so to of in on at by for with from as is are was were be been being am
it its it's this that these those there here what when where which who why how all any some no not yes ok okay
i i'm i've i'll me my we we're we've we'll us our you you're you've you'll your yours they them their he she his her
do does did doing done have has had having can can't cannot could would should will won't shall may might must
just really very so too also still again now then than more most much many well even only about into over after
before up out off get got getting go going make made see seen know let like want need help helped helping hello hi
hey dear thanks thank thankyou please sorry apologies apologise apologize apology hear heard sounds understand
issue issues problem problems order orders account accounts experience inconvenience service services support team
customer customers contact contacted message messages details detail look looking reach reaching touch dm inbox
email today day days time soon asap further info information query question concern concerns feedback frustration
frustrating frustrated sort sorted resolve resolved happy glad great good best sure right back new one thing things
way fix fixed check checked send sent reply follow link site website page app number name""".split())
GENERIC_ACK = "Thanks for reaching out, sorry to hear about the issue you're having with your order."
SOFT_THRESHOLDS = (0.6, 0.75)
NAMES = ("spec:shared", "spec:shared_share", "spec:codes_shared", "spec:soft_hi", "spec:soft_mid", "spec:soft_top",
         "spec:covered", "spec:own_words", "spec:beyond_generic")


def stem(word: str) -> str:
    """A light stem (delay/delayed/delays meet): the one both the model's overlap features and these readings use."""
    w = word.lower().strip("'")
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content_words(text: str) -> list[str]:
    """The text's words that are not generic service words, lower-cased, in order, once each."""
    seen: dict[str, None] = {}
    for w in WORD_RE.findall(text):
        lw = w.lower().strip("'")
        if len(lw) >= 3 and lw not in GENERIC and not lw.startswith("http"):
            seen.setdefault(lw, None)
    return list(seen)


_word_cache: dict[str, np.ndarray] = {}
WORD_CACHE_SIZE = 50_000


def word_vectors(words: list[str]) -> np.ndarray:
    """Unit vectors of single words, remembered: replies reuse a small vocabulary, and one tokenizer call per reply
    costs more than the rest of these readings."""
    e = embedder()
    assert e is not None
    missing = [w for w in words if w not in _word_cache]
    if missing:
        if len(_word_cache) > WORD_CACHE_SIZE:
            _word_cache.clear()
        _word_cache.update(zip(missing, e.vectors(missing)))
    return np.vstack([_word_cache[w] for w in words])


def _codes(text: str) -> frozenset[str]:
    return frozenset(c.strip(".,:/").lower() for c in CODE_RE.findall(text) if len(c.strip(".,:/")) >= 2)


@lru_cache(maxsize=1024)
def _customer(customer: str) -> tuple[frozenset[str], frozenset[str], np.ndarray | None, float]:
    """A customer message's content stems, codes, content-word vectors and the generic acknowledgement's similarity."""
    words = content_words(customer)
    e = embedder()
    vecs = word_vectors(words) if (e is not None and words) else None
    ack = float(cached_vector(GENERIC_ACK) @ cached_vector(customer)) if (e is not None and customer.strip()) else 0.0
    return frozenset(stem(w) for w in words), _codes(customer), vecs, ack


def readings(text: str, customer: str, best_sentence_sim: float) -> list[float]:
    """The numbers named by NAMES for a reply (all turns' text) against the customer's message."""
    stems, codes, cvecs, ack = _customer(customer)
    words = content_words(text)
    ours = {stem(w) for w in words}
    shared = stems & ours
    out = [math.log1p(len(shared)), len(shared) / len(stems) if stems else 0.0,
           math.log1p(len(codes & _codes(text)))]
    e = embedder()
    if e is not None and cvecs is not None and words:
        sims = word_vectors(words) @ cvecs.T                    # reply words x customer words
        per_reply = sims.max(axis=1)
        top = np.sort(per_reply)[-3:]
        out += [math.log1p(int((per_reply >= SOFT_THRESHOLDS[1]).sum())),
                math.log1p(int((per_reply >= SOFT_THRESHOLDS[0]).sum())), float(top.mean()),
                float((sims.max(axis=0) >= SOFT_THRESHOLDS[0]).mean())]
    else:
        out += [0.0, 0.0, 0.0, 0.0]
    out += [math.log1p(len(ours - stems)), best_sentence_sim - ack if customer.strip() else 0.0]
    return out
