"""tone_of_voice: professional and warm; rude, sarcastic or shouting is the critical 0."""
from __future__ import annotations

import re

from rubrics import tone
from rubrics.brand_voice import CASUAL_OK, CASUAL_PHRASES, CASUAL_WORDS, GUIDE_DEFAULT
from rubrics.cues.empathy import DISMISSIVE_RE, EMPATHY_LIGHT_RE, EMPATHY_STRONG_RE
from rubrics.cues.manner import COURTESY_RE, DEFENSIVE_RE, MULTI_PUNCT_RE, RUDE_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LETTER_RE, LOW, UPPER_RE, Judgement, Situation, detector, spans
from rubrics.detectors.names import names_in
from rubrics.lexicon import KNOWN_ACRONYMS
from rubrics.spelling import is_english

# an eye-roll or a laugh at a complaining customer mocks them (guide: sarcasm)
MOCKING_EMOJI = frozenset("\U0001F644\U0001F602\U0001F923\U0001F60F")


def _casual_words(cues: Cues) -> list[tuple[int, int]]:
    out = [(s, e) for s, e, w in cues.r.words if w.lower() in CASUAL_WORDS]
    for phrase in CASUAL_PHRASES:
        at = cues.r.lower.find(phrase)
        if at >= 0:
            out.append((at, at + len(phrase)))
    return sorted(out)


def _voice_issues(cues: Cues, sit: Situation, caps: list) -> tuple[list[str], list]:
    """What keeps a civil reply from a professional voice (slang, emoji, punctuation, capitals,
    defensiveness), with the evidence for each."""
    issues: list[str] = []
    ev: list = []
    voice = sit.voice
    slang = cues.slang
    if voice.informality == "casual":
        slang = [s for s in slang if s[2].lower() not in CASUAL_OK]
    if slang:
        issues.append("slang or text-speak")
        ev += [s[:2] for s in slang[:2]]
    if voice.informality == "formal":
        casual = _casual_words(cues)
        if casual:
            issues.append(f"wording too casual for {voice.who}")
            ev += casual[:2]
    limit = voice.emoji_limit(customer_happy=sit.customer.intent == "praise")
    if len(cues.emojis) > limit:
        if voice is GUIDE_DEFAULT:
            issues.append("too many emojis")
        elif limit == 0:
            issues.append(f"emoji, which {voice.who} does not use" +
                          (" in reply to a complaint" if voice.emoji == "happy_only" else ""))
        else:
            issues.append(f"more emoji than {voice.who} uses")
        ev += [e[:2] for e in cues.emojis[:2]]
    multi = cues.find(MULTI_PUNCT_RE)
    if cues.exclamations > voice.exclamation_limit or multi:
        issues.append("too many exclamation marks")
        ev += multi[:1] or [(m.start(), m.end()) for m in re.finditer("!", cues.r.masked)][:2]
    if caps:
        issues.append("words in capitals")
        ev += [c[:2] for c in caps[:2]]
    defensive = cues.find(DEFENSIVE_RE)
    if defensive:
        issues.append("defensive wording")
        ev += defensive[:1]
    return issues, ev


@detector("tone_of_voice")
def tone_of_voice(cues: Cues, sit: Situation) -> Judgement:
    rude = cues.find(RUDE_RE) + cues.find(DISMISSIVE_RE)
    sarcasm = cues.sarcasm
    caps = [c for c in cues.caps_words if is_english(c[2])]
    codes = [c for c in cues.caps_words if not is_english(c[2]) and c[2] not in KNOWN_ACRONYMS]
    if len(codes) >= 2 and len(caps) < 3:
        # "CUE and MID", "L2 OR": capitals among codes are codes (plain_language judges them), not shouting
        caps = []
    mocking = [e[:2] for e in cues.emojis if e[2] in MOCKING_EMOJI] if sit.customer.intent == "complaint" else []
    n_letters = len(LETTER_RE.findall(cues.r.masked))
    upper_ratio = len(UPPER_RE.findall(cues.r.masked)) / n_letters if n_letters >= 12 else 0.0
    sarcasm = sarcasm + mocking
    if rude or sarcasm:
        kind = "rude, blaming or argumentative" if rude else "sarcastic"
        return Judgement(0, spans(cues, (rude + sarcasm)[:2]), "a professional, respectful tone",
                         f"The wording is {kind} (critical).", HIGH)
    if len(caps) >= 3 or upper_ratio > 0.6:
        return Judgement(0, spans(cues, [c[:2] for c in caps[:3]]), "sentence case instead of capitals",
                         "Shouting in capitals (critical).", HIGH)
    issues, ev = _voice_issues(cues, sit, caps)
    if issues:
        return Judgement(1, spans(cues, ev), "a consistently professional voice",
                         "Mostly professional, but with " + ", ".join(issues) + ".", HIGH)
    warm = (cues.find(COURTESY_RE) or names_in(cues, sit) or [a["span"] for a in cues.apologies]
            or cues.find(EMPATHY_STRONG_RE) or cues.find(EMPATHY_LIGHT_RE))
    score = tone.polarity(cues.r.content, sit.analyser) if not warm and sit.analyser != "none" else 0.0
    warm_signoff = any(re.search(r"\b(?:thanks|thank\s+you|regards|cheers|best|wishes|take\s+care)\b", sp.text, re.I)
                       for sp in cues.r.signoff)
    if (not warm and not warm_signoff and len(cues.r.words) <= 8
            and not re.search(r"\b(?:can|could|would|may)\s+(?:you|we|i)\b|\bfor\s+you\b|here\s+for\s+you|"
                              r"[:;=]-?[)D]|afraid", cues.r.lower)):
        return Judgement(1, (), "warmth (a greeting, please, thanks, their name)",
                         "Curt: a bare instruction or answer with no courtesy at all.", LOW)
    if not warm and score <= -0.3:
        return Judgement(1, (), "warmth (please, thanks, their name)", "Correct but cold: nothing warm in it.", LOW)
    return Judgement(2, spans(cues, (warm if isinstance(warm, list) else [])[:1]), None, "Professional and warm.",
                     HIGH if warm else LOW)
