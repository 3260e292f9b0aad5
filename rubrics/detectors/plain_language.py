"""plain_language: jargon, codes, text-speak, officialese, typos, grammar slips and long sentences."""
from __future__ import annotations

import re

from rubrics.cues.clarity import ACRONYM_RE, CODE_RE, JARGON_RE, NONNATIVE_RE, OFFICIALESE_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans
from rubrics.lexicon import KNOWN_ACRONYMS
from rubrics.spelling import is_english, unknown_words

# abbreviations a reader has to decode (guide: clear, no codes); slang words that are whole words stay with tone
TEXTSPEAK = frozenset("u ur r pls plz plx thx thanx tho lemme gimme gr8 l8r b4 idk imo imho soz sry np ty tyvm cya "
                      "ttyl "
                      "ikr btw tbh wat wot cuz coz".split())


def _shouting(cues: Cues) -> bool:
    """Three or more English words in capitals, and more of them than codes: the reply shouts."""
    english = [c for c in cues.caps_words if is_english(c[2])]
    return len(english) >= 3 and len(english) > len(cues.caps_words) - len(english)


@detector("plain_language")
def plain_language(cues: Cues, sit: Situation) -> Judgement:
    text = cues.r.masked
    cust = sit.customer
    jargon = [j for j in cues.find(JARGON_RE) if text[j[0]:j[1]].lower() not in cust.vocabulary]
    # a code the customer wrote themselves (their order number) is one they know
    codes = [(m.start(), m.end()) for m in CODE_RE.finditer(text) if m.group().upper() not in cust.acronyms
             and m.group().lower() not in cust.text.lower()]
    acr = [(m.start(), m.end()) for m in ACRONYM_RE.finditer(text)
           if m.group().rstrip("s") not in KNOWN_ACRONYMS and m.group() not in KNOWN_ACRONYMS
           and m.group().upper() not in cust.acronyms and m.group().rstrip("s").upper() not in cust.acronyms
           and not (len(m.group()) >= 3 and m.group().isalpha() and _shouting(cues))]
    officialese = cues.find(OFFICIALESE_RE)
    nonnative = cues.find(NONNATIVE_RE)
    candidates = [w for s, e, w in cues.r.words
                  if w.islower() and len(w) > 2 and w not in cust.vocabulary and "'" not in w and "’" not in w]
    typos = unknown_words(candidates) if candidates else []
    typo_spans = []
    if typos:
        tset = set(typos)
        typo_spans = [(s, e) for s, e, w in cues.r.words if w in tset][:3]
    sent_lengths = [len(re.findall(r"[A-Za-z']+", text[s:e])) for s, e in cues.r.sentences]
    long_sent = [cues.r.sentences[i] for i, n in enumerate(sent_lengths) if n > 35]
    total_words = len(cues.r.words)
    problems, ev = [], []
    if jargon or codes or acr:
        problems.append("jargon or codes the customer may not know")
        ev += (jargon + codes + acr)[:2]
    textspeak = [w[:2] for w in cues.slang if w[2].lower() in TEXTSPEAK]
    if textspeak:
        problems.append("text-speak abbreviations")
        ev += textspeak[:1]
    if officialese:
        problems.append("stiff officialese")
        ev += officialese[:1]
    if len(typos) >= 2 or typos and total_words < 12:
        problems.append(f"spelling mistakes ({', '.join(typos[:3])})")
        ev += typo_spans[:2]
    if nonnative:
        problems.append("grammar slips")
        ev += nonnative[:1]
    if long_sent:
        problems.append("very long sentences")
        ev += long_sent[:1]
    if total_words > 120:
        problems.append("too long to be concise")
    if not problems:
        return Judgement(2, (), None, "Clear and concise, no jargon.", LOW if typos else HIGH)
    heavy = len(jargon + codes + acr) >= 3 or len(typos) >= 5 or len(problems) >= 3
    return Judgement(0 if heavy else 1, spans(cues, ev[:3]), "plain, everyday words in short sentences",
                     "Harder to read: " + "; ".join(problems) + ".", HIGH if heavy or len(problems) >= 2 else LOW)
