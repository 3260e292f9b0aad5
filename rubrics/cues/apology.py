"""Apology patterns: the apology itself, and what follows it (to hear, conditional, blame, generic object)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rubrics.cues.matching import gate, rx
from rubrics.lexicon import THEME_OF
from rubrics.text import stem

if TYPE_CHECKING:
    from rubrics.cues.reply import Cues

APOLOGY_RE = rx(r"\b(?:(?:i'?m|i am|we'?re|we are|i|we)\s+(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+|deeply\s+)?"
                r"(?:sorry|apologi[sz]e)|(?:so\s+|very\s+|really\s+)?sorry|(?:my|our|sincere|many|huge)\s+apologies|"
                r"apologies|apologi[sz]e|(?:we|i)\s+regret|please accept our apolog\w+|forgive us|"
                # text-speak apologies (a Level 2 learner's "soz bout that", "apols"): still apologies, tone aside
                r"soz|sozz?y|sry|apols)\b")
APOLOGY_NEGATED_RE = rx(r"(?:\bnot|n't|\bnever|\bno need to|\bno reason to|\bnothing to)\s+(?:\w+\s+){0,2}$")
# "better safe than sorry" is an idiom, not an apology
NOT_AN_APOLOGY_RE = rx(r"\bthan\s+$")
SORRY_TO_HEAR_RE = rx(r"^\W*(?:to\s+(?:hear|read|see|learn)|for\s+(?:hearing|reading))\b")
CONDITIONAL_RE = rx(r"^\W*(?:if\b|you feel\b|that you feel\b|you think\b|you(?:'re| are) feeling\b|for any\b|"
                    r"for whatever\b|that's how you\b|it seems\b)")
BLAME_AFTER_RE = rx(r"\b(?:but|however|though)\b[^.!?]{0,60}\b(?:you\s+(?:should|need(?:ed)? to|have to|had to|must|"
                    r"didn'?t|did not|failed|forgot|were supposed|could have|ought)|your (?:own )?fault|it'?s "
                    r"(?:clearly )?"
                    r"(?:stated|written)|(?:read|check)(?:ing)? (?:the|our) (?:terms|t&cs|policy|small print))")
GENERIC_OBJECT_RE = rx(r"^\W*(?:(?:for|about)\s+)?(?:(?:any|the|this|that|all|your|all the|these|those)\s+)*"
                       r"(?:(?:unpleasant|bad|poor|negative|frustrating|recent)\s+)?"
                       r"(?:inconvenience|inconveniences|trouble|troubles|hassle|confusion|frustration|issues?|"
                       r"problems?|experience|difficult(?:y|ies)|this|that|it|situation|matter|mix-?up|"
                       r"disappointment|upset|concerns?|everything|all this)?\W*(?:(?:this|it|that)\s+(?:may|might|has)"
                       r"[^.!?]*)?[.!?,]*\s*$")
# "sorry for the delayed response", "apologies for the late reply": about our reply, not the customer's problem
REPLY_DELAY_RE = rx(r"\b(?:delay\w*|late|slow)\s+(?:in\s+(?:our\s+|my\s+)?)?(?:response|reply|replying|responding|"
                    r"getting\s+back)|\b(?:wait\w*)\s+for\s+(?:a|our|my|this)\s+(?:response|reply)")
CUSTOMER_NO_REPLY_RE = re.compile(r"\b(?:no\s+(?:one|body)\s+(?:has\s+)?(?:replied|responded|answered|got\s+back)|"
                                  r"no\s+(?:response|reply|answer)|still\s+waiting\s+for\s+(?:a\s+)?(?:response|reply)|"
                                  r"(?:ignor\w*|not\s+(?:replying|responding|answering)))\b", re.I)


# The failure owned in the first person without the word "sorry" ("we guaranteed a date and missed it", "that was at
# our end", "that's on us", "our mistake"): the corpus raters read it as impersonal regret, apologise 1. A failure only
# described ("six days is longer than it should be") is the impact named (empathy), not an apology.
OWNED_FAILURE_RE = rx(
    r"\b(?:(?:that|this|it)(?:\s+one)?(?:'s|\s+is|\s+was)\s+on\s+us|"
    r"(?:we|i)\b[^.!?]{0,40}\band\s+(?:then\s+)?(?:missed|broke|didn'?t\s+keep)\s+(?:it|that|our\s+promise)|(?:was|is|were)\s+(?:at|on|down\s+to)\s+(?:our|my)\s+end|(?:our|my)\s+(?:mistake|fault|error)|"
    r"(?:we|i)\s+(?:got\s+(?:this|that|it)\s+wrong|let\s+you\s+down|messed\s+(?:this\s+|that\s+|it\s+)?up|"
    r"dropped\s+the\s+ball|(?:missed|broke|didn'?t\s+keep)\s+(?:it|that|our\s+promise|the\s+date)|"
    r"didn'?t\s+get\s+(?:it|this|them)\s+to\s+you))\b")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(OWNED_FAILURE_RE, ('on us', ' end', 'mistake', 'fault', 'error', 'wrong', 'let you down', 'messed', 'ball',
                        'missed', 'broke', 'keep', 'to you'))
gate(APOLOGY_RE, ('sorry', 'apolog', 'regret', 'forgive', 'soz', 'sry', 'apols'))


def classify(cues: Cues) -> list[dict]:
    """Each apology with its kind: specific (2), vague (1), conditional (1), negated (0), blame (0)."""
    out = []
    text = cues.r.masked
    for s, e in cues.find(APOLOGY_RE):
        sent_s, sent_e = cues.r.sentence_of(s)
        before = text[max(sent_s, s - 25):s]
        after = text[e:sent_e] if sent_e > e else ""
        if NOT_AN_APOLOGY_RE.search(before):
            continue
        if APOLOGY_NEGATED_RE.search(before) or re.match(r"\W*not\s+sorry", after, re.I):
            kind = "negated"
        elif BLAME_AFTER_RE.search(after) or BLAME_AFTER_RE.search(text[e:min(len(text), sent_e + 80)][:120]
                                                                   if re.match(r"\W*but\b", text[sent_e:sent_e + 6],
                                                                               re.I) else ""):
            kind = "blame"
        elif CONDITIONAL_RE.search(after):
            kind = "conditional"
        else:
            to_hear = SORRY_TO_HEAR_RE.search(after)
            obj = after[to_hear.end():] if to_hear else after
            obj_clean = re.sub(r",?\s*[A-Z][a-z]+\s*[.!?]*\s*$", "", obj)  # a trailing name is not the object
            mentions = [w for w in cues.issue_mentions if e <= w[0] < sent_e]
            specific_words = [w for w in mentions if THEME_OF.get(stem(w[2].lower()))
                              or stem(w[2].lower()) in cues.c.issue_stems]
            own_specific = re.search(r"\b(?:your|the|this|our)\s+(?:\w+\s+)?(?:delay\w*|wait\w*|outage|interruption|"
                                     r"disruption|error|mistake|mix-?up|cancell?ation|late\w*|refund|charge|order|"
                                     r"parcel|delivery|flight|booking|bill|issue with|problem with|trouble with)",
                                     obj, re.I)
            if REPLY_DELAY_RE.search(obj) and not cues.customer_waits_for_reply:
                kind = "vague"      # sorry only for our late reply: not the customer's problem
            elif specific_words or own_specific:
                kind = "specific_heard" if to_hear else "specific"
            elif to_hear:
                kind = "to_hear"
            elif GENERIC_OBJECT_RE.match(obj_clean) or not obj_clean.strip(" ,.!"):
                kind = "vague"
            else:
                kind = "vague_other"
        if kind in ("specific", "specific_heard", "vague_other"):
            end = s + len(text[s:sent_e].rstrip(" .!?,"))
        else:
            clause = re.match(r"[^.!?;:,\n]{0,80}", text[s:])
            end = s + len(clause.group().rstrip() if clause else "")
        out.append({"span": (s, max(end, e)), "kind": kind})
    return out
