"""Where a reply names the customer's issue: words of the same issue group or salient words they share, and the
mentions that *state* the issue (the evidence for hear 2)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rubrics.cues.acknowledgement import ACK_RE
from rubrics.cues.apology import APOLOGY_RE, CUSTOMER_NO_REPLY_RE, REPLY_DELAY_RE
from rubrics.cues.empathy import EMPATHY_LIGHT_RE, EMPATHY_STRONG_RE
from rubrics.customer import brand_spans
from rubrics.lexicon import GENERIC, STOPWORDS, THEME_OF, subtheme
from rubrics.text import stem

if TYPE_CHECKING:
    from rubrics.cues.reply import Cues

WEAK_SHARED = frozenset(stem(w) for w in """
let letting keep kept pass passed full give make sure able going find send happy provide like want can
need get try tried call call called said tell told ask asked come came done doing seem seems new last first
right left long much many more most also even still only just very really well good great best better bad
worse worst today week month year hour hours minute minutes time times thing things stuff people person
""".split())


def _singular(st: str) -> str:
    """'cups' and 'cup' meet (the light stemmer keeps the plural s of short words)."""
    return st[:-1] if len(st) > 3 and st.endswith("s") and not st.endswith(("ss", "us", "is")) else st


def customer_singulars(issue_stems: frozenset[str]) -> frozenset[str]:
    return frozenset(_singular(x) for x in issue_stems if x not in GENERIC and x not in WEAK_SHARED)


def customer_waits_for_reply(customer_text: str) -> bool:
    return bool(CUSTOMER_NO_REPLY_RE.search(customer_text))


def issue_mentions(cues: Cues) -> list[tuple[int, int, str]]:
    """Words of the reply that name the customer's issue (same theme or a shared salient word)."""
    out = []
    zones = cues.data_request_zones + brand_spans(cues.r.masked, cues.c.brand)   # "Pippin Parcels" is no parcel
    for s, e, w in cues.r.words:
        lw = w.lower()
        if lw in STOPWORDS or len(lw) < 3:
            continue
        st = stem(lw)
        theme = THEME_OF.get(st)
        hit = (theme is not None and subtheme(st) in cues.c.subthemes and theme != "delay" or
               theme == "delay" and "delay" in cues.c.themes or
               st in cues.c.issue_stems and st not in GENERIC and st not in WEAK_SHARED and len(st) >= 4 or
               _singular(st) in cues.customer_singulars and len(_singular(st)) >= 3
               and st not in GENERIC and st not in WEAK_SHARED)
        if not hit:
            continue
        if any(zs <= s < ze for zs, ze in zones):
            continue
        if theme == "delay" and not cues.customer_waits_for_reply and any(
                rs <= s < re_ for rs, re_ in cues.find(REPLY_DELAY_RE)):
            continue
        out.append((s, e, w))
    return out


def named_issue(cues: Cues) -> list[tuple[int, int, str]]:
    """Issue mentions that *state* the issue: in an apology, acknowledgement or empathy sentence, in a
    declarative statement about it, or in the answer to the customer's question; not in a request for data,
    a question back, an instruction or a promise of action."""
    out: list = []
    acks = cues.find(ACK_RE) + cues.find(APOLOGY_RE) + cues.find(EMPATHY_LIGHT_RE) + cues.find(EMPATHY_STRONG_RE)
    for a in cues.apologies:
        if a["kind"] in ("specific", "specific_heard") and not any(ss <= a["span"][0] < se for ss, se, _ in out):
            ss, se = a["span"]
            obj = re.search(r"\b(?:interruption|disruption|outage|delay\w*|wait\w*|error|mistake|mix-?up|"
                            r"cancell?ation|fault)\b", cues.r.lower[ss:se])
            if obj:
                out.append((ss + obj.start(), ss + obj.end(), cues.r.text[ss + obj.start():ss + obj.end()]))
    asked = "?" in cues.c.text
    for s, e, w in cues.issue_mentions:
        ss, se = cues.r.sentence_of(s)
        sent = cues.r.lower[ss:se]
        if any(ss <= a < se for a, _ in acks):
            out.append((s, e, w))
            continue
        if sent.rstrip().endswith("?"):
            # a focused question about the issue itself ("which model iPhone was it?") shows it was heard;
            # a check that hands it back ("did you ask a crew member?") does not
            q = re.split(r"[.!]\s+", sent.strip())[-1]
            if (THEME_OF.get(stem(w.lower())) in cues.c.themes and
                    re.match(r"\W*(?:(?:hi|hey|hello)\b[^,?]{0,20},\s*)?(?:which|what|when|where|how|does|is|are)\b", q)
                    and not re.match(r"\W*what'?s\s+happening", q)):
                out.append((s, e, w))
            continue
        stripped = sent.strip()
        if re.match(r"(?:please\b|pls\b|can you|could you|try\b|check\b|dm\b|send\b|contact\b|visit\b|go to\b)",
                    stripped):
            continue
        # "I'll make sure the 17:10 guard hears about it" names what a compliment praised; a promise is not a statement
        # of the issue. A done action is ("I've refunded the next-day charge on your watch", "we've rebooked your
        # missed engineer visit"): it says what happened to their problem.
        if (re.match(r"(?:i|we)(?:'ll| will|'d| would| can)\b", stripped) and not asked
                and cues.c.intent != "praise"):
            continue
        out.append((s, e, w))
    return out
