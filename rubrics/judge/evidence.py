"""Evidence for a level the rules did not find: the reply's sentence that shows what the criterion looks for.

A sentence shows a criterion when it names it in so many words (KIND_MARKERS: an apology word, a feeling, a private
channel, an offer of more help...) or when its meaning is closest to that criterion's kinds of sentence among every
kind the rubric looks for (EVIDENCE_KINDS, plain sentences written from the rubric guide, not from any labelled
reply; "information" is the kind that shows no criterion). Of the sentences that show it, the closest in meaning
is quoted. When none does, there is no quote: a sign-off, a "DM us" line or a statement of policy is never quoted as
empathy, and rubrics.judge.apply then keeps the rules' judgement rather than a level with nothing to show for it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np

from rubrics.cues.apology import OWNED_FAILURE_RE
from rubrics.cues.courtesy import OFFER_RE, WELLWISH_RE
from rubrics.cues.empathy import EMPATHY_STRONG_RE, FEELING, IMPACT_EVAL_RE
from rubrics.cues.ownership import DM_RE, DONE_RE, HANDOFF_RE, OWN_CONCRETE_RE, PURPOSE_CONCRETE_RE, TIME_RE
from rubrics.cues.questions import CLOSING_Q_RE
from rubrics.judge.embedding import cached_vector, embedder
from rubrics.lexicon import GENERIC, SLANG, STOPWORDS
from rubrics.text import Span, read, stem

WORD_RE = re.compile(r"[^\W\d_]{2,}")
EVIDENCE_KINDS: dict[str, tuple[str, ...]] = {
    "apology": ("I'm so sorry about this.", "We apologise for the delay to your order.",
                "Sorry for the trouble this has caused you."),
    "empathy": ("That must be so frustrating for you.", "I can understand how upsetting this is.",
                "Being left without it all week is really stressful.",
                "I know how much you were looking forward to it.",
                "That's not the experience we want you to have.", "What a horrible thing to happen."),
    "acknowledgement": ("Thanks for letting us know about this.", "Sorry to hear that.",
                        "We can see the problem you've had with your order."),
    "ownership": ("I'll sort this out for you myself.", "I've refunded the money to your card today.",
                  "I'll chase the courier and update you by 5pm.", "We'll look into this for you straight away."),
    "next_step": ("An engineer will visit you on Friday morning.", "You'll get an update from us tomorrow.",
                  "Your refund will reach your account within 3 to 5 working days."),
    "handoff": ("Please contact our customer service team.", "You can find out more on our website.",
                "Someone from the team will be in touch."),
    "private": ("Please send us a direct message with your order number.",
                "DM us your details and we'll look into it.",
                "Send us a private message so we can check your account."),
    "closing": ("Is there anything else I can help with?", "Have a lovely day!",
                "Let us know if you need anything else."),
    "question": ("Could you tell me which item is affected?", "When did you place the order?"),
    "thanks": ("Thank you so much for your kind words!", "Thanks for your lovely message, it made our day."),
    "information": ("Our stores open at 9am on weekdays.", "The price includes delivery.",
                    "The new version of the app came out last week."),
}
# Vague regret without an apology word, as the raters read it: what went wrong owned as short of the standard.
REGRET_RE = re.compile(r"\b(?:not\s+(?:the\s+standard|good\s+enough|what\s+you\s+(?:paid|expect|deserve))|"
                       r"isn'?t\s+what\s+you|shouldn'?t\s+have|should\s+have\s+been|far\s+too|went\s+wrong|"
                       r"unacceptable)", re.I)
# A first-person action, done or promised ("I'll make sure", "we've credited", "let me check").
OWN_ACTION_RE = re.compile(r"\b(?:(?:i|we)(?:'ll|\s+will|'ve|\s+have|\s+can|'m\s+going\s+to|\s+am\s+going\s+to|"
                           r"'re\s+going\s+to|\s+are\s+going\s+to|'d\s+like\s+to|\s+would\s+like\s+to|\s+want\s+to)\s+\w+|"
                           r"let\s+(?:me|us)\s+\w+)", re.I)
# A step with its time ("the engineer will call by 5pm", "it takes 3-5 working days"), not a time alone ("sorry about
# your journey today").
STEP_VERB = r"\b(?:will|'ll|going\s+to|booked|arranged|expect|should|takes?|be\s+with\s+you|on\s+(?:its|the)\s+way)\b"
TIMED_STEP_RE = re.compile(STEP_VERB + r"[^.!?]*?" + TIME_RE.pattern + "|" + TIME_RE.pattern + r"[^.!?]*?" + STEP_VERB,
                           re.I)
# Where or how the next step happens: a channel, a place to go, a thing for the customer to do or send, the person
# or team it goes to ("I've sent your thanks to Sam and their manager").
WHERE_RE = re.compile(r"\b(?:website|web\s*site|our\s+site|online|app|link|form|page|helpline|phone|call|e-?mail|"
                      r"visit|claim|sign\s+up|apply|contact|ring|team|store|branch|desk|speak\s+to|get\s+in\s+touch|here|"
                      r"below|ticket|request|submit|write\s+to|reach\s+(?:out\s+to\s+)?(?:us|them|me)|let\s+(?:us|me)\s+"
                      r"know|tell\s+(?:us|me)\s+(?:more|about|which|what|how|when|where)|send\s+(?:us|me)|share|"
                      r"confirm|check(?:ing)?|you'?ll\s+need|need\s+(?:ur|your)|"
                      r"stop\s+using|suggest|select|add|top\s+up|manager|supervisor|team\s+leader|"
                      r"pass\w*\s+(?:it|this|that|them|your\s+\w+)\s+(?:on\s+)?to)\b", re.I)
# A move to a channel where personal details are safe.
PRIVATE_RE = re.compile(r"\b(?:messenger|message\s+(?:us|me)|e-?mail|write\s+to\s+us|reach\s+(?:out\s+to\s+)?us|"
                        r"call\s+us|contact\s+us|link|form|ticket|request|securely|privacy|here:|below)", re.I)
# Words of feeling or impact beyond the rules' lists: the model has already judged the level, so a quote only needs
# to be about how the situation lands on the customer ("that's gutting", "no way to work", "would wind anyone up").
IMPACT_WORDS_RE = re.compile(r"\b(?:understand\w*|can\s+imagine|must\s+(?:be|have\s+been|feel)|sad|shame|gutting|"
                             r"let-?down|miserable|no\s+fun|no\s+way\s+to|wind\s+\w+\s+up|worry\w*|nightmare|rough|"
                             r"tough|terrible|last\s+thing|patience|not\s+(?:right|good\s+enough|on)|shouldn'?t\s+(?:be|have)|"
                             r"doesn'?t\s+look\s+right|oh\s+no|feel\w*|frustrat\w*|upset\w*|disappoint\w*|"
                             r"stress\w*|awful|horrible|unacceptable|pain\w*|hassle|mess)\b", re.I)
KIND_MARKERS: dict[str, tuple[re.Pattern, ...]] = {
    "apology": (re.compile(r"\b(?:sorry|apologi[sz]e\w*|apologies|regret\w*)\b", re.I), OWNED_FAILURE_RE, REGRET_RE),
    "empathy": (EMPATHY_STRONG_RE, IMPACT_EVAL_RE, re.compile(r"\b" + FEELING + r"\b", re.I), IMPACT_WORDS_RE),
    "acknowledgement": (re.compile(r"\b(?:thanks?\s+(?:you\s+)?for\s+(?:letting|telling|flagging|reporting|raising|"
                                   r"bringing)|sorry\s+to\s+(?:hear|see|read))\b", re.I),
                        re.compile(r"\b(?:(?:happy|glad|love|here)\s+to\s+help|help\s+you\s+out|(?:we|i)(?:'re|\s+are|'m|"
                                   r"\s+am)\s+here\s+(?:for|to))\b", re.I)),
    "ownership": (OWN_CONCRETE_RE, DONE_RE, PURPOSE_CONCRETE_RE, OWN_ACTION_RE),
    "next_step": (TIMED_STEP_RE,),
    "handoff": (HANDOFF_RE, WHERE_RE),
    "private": (DM_RE, PRIVATE_RE),
    "closing": (CLOSING_Q_RE, OFFER_RE, WELLWISH_RE),
    "question": (re.compile(r"\?"),),
    "thanks": (re.compile(r"\b(?:thank\w*|thanks|cheers)\b", re.I),),
}
# A sentence with no marker shows a kind by meaning alone only this close to it (cosine of WordLlama's averaged token
# vectors): a "DM us your order number" line is ~0.7 from the private kind, while an impact sentence, a policy
# statement or a greeting scores 0.1-0.35 against every kind, so below this the nearest kind says nothing.
MIN_SIMILARITY = 0.4
# The criteria whose evidence is one sentence saying it in so many words: with no such sentence, no quote (and the
# rules' judgement stands). For the others a level can rest on what no one sentence shows (hear: the reply taken
# against the customer's message; closing: a sign-off, which is blanked from the sentences; tone: the whole reply),
# so the closest sentence in meaning is quoted as before.
SHOWN_IN_A_SENTENCE = frozenset({"empathise", "apologise", "take_ownership", "act", "signposting", "take_private",
                                 "clarify"})
# The kinds of sentence that show each criterion.
CRITERION_KINDS: dict[str, tuple[str, ...]] = {
    "empathise": ("empathy", "acknowledgement", "apology"), "apologise": ("apology",),
    "take_ownership": ("ownership", "next_step", "private", "handoff"),
    "act": ("ownership", "next_step", "private", "handoff"), "signposting": ("next_step", "handoff", "private"),
    "closing": ("closing",), "take_private": ("private",),
    "tone_of_voice": ("thanks", "empathy", "apology", "acknowledgement", "closing"),
    "hear": ("acknowledgement", "apology", "empathy"),
    "acknowledge": ("acknowledgement", "apology", "empathy", "thanks"),
    "clarify": ("question",),
}


def _spans(texts: Sequence[str]) -> tuple[Span, ...]:
    return _spans_of(tuple(texts))


@lru_cache(maxsize=64)
def _spans_of(texts: tuple[str, ...]) -> tuple[Span, ...]:
    """The reply's sentences (handles, links and sign-offs blanked first, as the detectors read it); kept for the
    scoring's later calls (readable, then best_sentence for each criterion the model moves)."""
    out = []
    for turn, text in enumerate(texts):
        reading = read(text, turn)
        m = reading.masked
        for start, end in reading.sentences:
            while start < end and m[start].isspace():
                start += 1
            while end > start and m[end - 1].isspace():
                end -= 1
            if end > start and WORD_RE.search(m[start:end]):      # a sentence with a word in it
                out.append(Span(start, end, text[start:end], turn))
    return tuple(out)


def readable(texts: Sequence[str]) -> bool:
    """Whether any turn has a sentence with a word in it once handles, links and sign-offs are blanked."""
    return bool(_spans(texts))


def content_words(texts: Sequence[str]) -> int:
    """How many words of the reply could carry meaning: three letters or more, not a stop word, slang or a word too
    common in customer service to say anything ("hi", "thanks", "sorry", "help"); handles, links, sign-offs blanked."""
    n = 0
    for turn, text in enumerate(texts):
        for w in WORD_RE.findall(read(text, turn).masked.lower()):
            n += len(w) >= 3 and w not in STOPWORDS and w not in SLANG and stem(w) not in GENERIC
    return n


def best_sentence(key: str, texts: Sequence[str], customer: str = "") -> Span | None:
    """The sentence that shows `key` best; when none does, None for the criteria of SHOWN_IN_A_SENTENCE, the closest
    in meaning for the rest (see the module's docstring). A criterion with no kinds (greeting, personalisation...)
    is shown by the reply's opening sentence. Empathy is also shown by a sentence that speaks to the customer of
    their own situation (`customer`, their message: "Olivia, missing your flight to Faro ... is a huge knock")."""
    spans = _spans(texts)
    kinds = CRITERION_KINDS.get(key)
    if not spans or not kinds or embedder() is None:
        return spans[0] if spans else None
    sims = _kind_similarities(spans)              # (sentences, kinds)
    names = list(EVIDENCE_KINDS)
    wanted = [names.index(k) for k in kinds]
    nearest = sims.argmax(axis=1)
    closeness = sims[:, wanted].max(axis=1)
    shows = [_marked(s.text, kinds) or (int(nearest[i]) in wanted and sims[i, nearest[i]] >= MIN_SIMILARITY)
             for i, s in enumerate(spans)]
    if key == "empathise" and customer and not any(shows):
        theirs = _situation(customer)
        told = [_told(s.text, theirs) for s in spans]        # how much of their situation each sentence speaks of
        return spans[int(np.argmax(told))] if max(told) >= 2 else None
    showing = [i for i, ok in enumerate(shows) if ok]
    if showing:
        return spans[max(showing, key=lambda i: closeness[i])]
    return None if key in SHOWN_IN_A_SENTENCE else spans[int(closeness.argmax())]


YOU_RE = re.compile(r"\b(?:you|your|you're|you've|yours)\b", re.I)
REQUEST_RE = re.compile(r"\?|\b(?:please|dm|message|send|call|contact|let\s+(?:us|me)\s+know)\b", re.I)


@lru_cache(maxsize=256)
def _situation(customer: str) -> frozenset[str]:
    """The customer's words that can name their situation: 4+ letters, not a stop word or a service commonplace."""
    return frozenset(stem(w) for w in WORD_RE.findall(customer.lower())
                     if len(w) >= 4 and w not in STOPWORDS and stem(w) not in GENERIC)


def _told(sentence: str, situation: frozenset[str]) -> int:
    """How many of the customer's situation words a sentence addressed to them speaks of (0 for a request of them)."""
    if not YOU_RE.search(sentence) or REQUEST_RE.search(sentence):
        return 0
    return len({stem(w) for w in WORD_RE.findall(sentence.lower())} & situation)


def _marked(text: str, kinds: Sequence[str]) -> bool:
    return any(p.search(text) for k in kinds for p in KIND_MARKERS.get(k, ()))


def _kind_vectors() -> tuple[np.ndarray, np.ndarray]:
    """Every kind's prototype vectors in one matrix, and where each kind starts in it (once per process)."""
    if not _kinds:
        groups = [np.vstack([cached_vector(s) for s in v]) for v in EVIDENCE_KINDS.values()]
        _kinds.append((np.vstack(groups), np.cumsum([0] + [len(g) for g in groups[:-1]])))
    return _kinds[0]


_kinds: list[tuple[np.ndarray, np.ndarray]] = []


@lru_cache(maxsize=16)
def _kind_similarities(spans: tuple[Span, ...]) -> np.ndarray:
    """Each sentence's similarity to each kind (its closest prototype), once per reply however many criteria need
    evidence."""
    e = embedder()
    assert e is not None
    protos, starts = _kind_vectors()
    out = np.maximum.reduceat(e.vectors([s.text for s in spans]) @ protos.T, starts, axis=1)
    out.flags.writeable = False      # shared by the calls that hit the cache
    return out
