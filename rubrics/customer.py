"""Reading the customer's message: what the issue is, whether it is a complaint, whether it is heated or vague.

The scorer judges *hear* against this: a reply hears the customer when it names their issue, not when it
says "thanks for reaching out".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rubrics import tone
from rubrics.lexicon import GENERIC, STOPWORDS, THEME_OF, subtheme
from rubrics.text import WORD_RE, stem, strip_customer

COMPLAINT_RE = re.compile(
    r"\b(?:(?:not|never|cannot|can'?t|won'?t|didn'?t|doesn'?t|isn'?t|wasn'?t|haven'?t|hasn'?t|unable to|"
    r"couldn'?t|still no|no longer)\s+(?:\w+\s+){0,2}?(?:work\w*|arriv\w*|receiv\w*|get|got|load\w*|open\w*|"
    r"find|access|log\w*|sign\w*|connect\w*|happy|good|acceptable|help\w*|turn\w*|charg\w*|download\w*|"
    r"updat\w*|play\w*|see|use|print|send|sent|make|hear|heard|reach|respond\w*|refund\w*|show\w*|come|came|"
    r"fix\w*|resolv\w*|listen\w*|call\w*|answer\w*|deliver\w*|been|there)|"
    r"broken|broke|late|delay\w*|missing|wrong|terrible|awful|worst|horrible|rude|disappoint\w*|frustrat\w*|"
    r"annoy\w*|angry|furious|fed up|ridiculous|joke|useless|overcharg\w*|charged twice|cancell?ed|error|fail\w*|"
    r"crash\w*|stuck|froze|freez\w*|frozen|issue|problem|bug|glitch|waiting|waited|complain\w*|shocking|"
    r"appalling|disgust\w*|unacceptable|poor|bad|hate|ugh|smh|wtf|fix|ruin\w*|lost|stolen|damaged|faulty|"
    r"expired|slow|outage|nobody|no one|no response|no reply|keeps? \w+ing|still being|"
    r"hacked|fraud|scam\w*|dirty|cold|weak|stopped\s+working|stop\w*\s+working|died|dead|cracked|smashed|"
    r"leak\w*|overdue|refused|declined|locked\s+out|charged|double\s+charged|no\s+sign|never\s+came|"
    r"keeps?\s+(?:crashing|dropping|freezing|failing|disconnecting)|down|why|only\s+(?:received|got|had)|left\s+my|"
    r"constantly|again|still|without|instead\s+of|was\s+due|where'?s\s+my|rubbish|shambles|runaround|despite|"
    r"tried\s+to\s+charge|had\s+to|not\s+here|(?:couldn'?t|didn'?t|don'?t\s+have|doesn'?t\s+have)\s+\w+)\b|"
    r"!!|\?!|!\?|[\U0001F612\U0001F620\U0001F621\U0001F624\U0001F644\U0001F611\U0001F629\U0001F62B]", re.I)
# Cues that, in a message asking a question, do not by themselves make it a complaint ("I had an issue, do you
# have chat support?", "how long was the delay?"): the guide's neutral request for information.
WEAK_CUE_RE = re.compile(r"^(?:issue|problem|delay\w*|late|still|again|!!|couldn'?t\s+see)$", re.I)
HEATED_RE = re.compile(
    r"\b(?:disgust\w*|appalling|furious|livid|fuming|never\s+again|sue|suing|lawyer|solicitor|legal\s+action|"
    r"court|ombudsman|trading\s+standards|disgrace\w*|wtf|ffs|crap|shit\w*|fuck\w*|damn|bloody|"
    r"incompetent|liars?|scam\w*|rip\s?off|robbery|coward|hacked|fraud\w*|stolen|unsafe|dangerous|"
    r"rude\s+(?:staff|driver|agent|employee|manager|man|woman|lady|guy))\b|!{3,}|\?{3,}", re.I)
PRAISE_RE = re.compile(r"\b(?:thanks?|thank you|love|great|amazing|awesome|brilliant|excellent|kudos|shout ?out|"
                       r"well done|best|fantastic)\b", re.I)
# Praise that outweighs a complaint word in its back-story ("kept everyone calm when we were stuck for an hour").
PRAISE_STRONG_RE = re.compile(
    r"\b(?:brilliant|amazing|awesome|excellent|fantastic|superb|outstanding|lovely|wonderful|kudos|shout\s?out|"
    r"credit\s+where|well\s+done|made\s+my\s+(?:day|week)|top\s+(?:bloke|lass|guy|service|job)|10/10|five\s+stars?|"
    r"obsessed|so\s+(?:patient|helpful|kind|friendly)|went\s+(?:above|the\s+extra)|(?:huge|big|massive)\s+thanks|"
    r"thank\s+you\s+(?:so\s+much\s+)?to|love\s+(?:it|this|the|my|your)|in\s+love|can'?t\s+recommend)\b|"
    r"[\U0001F44F\U0001F60D\U0001F970\U0001F64C\U0001F49B\U0001F499\U0001F49C\U0001F49A\u2764]", re.I)
# Complaint words that can sit in the story of a compliment; anything else keeps the message a complaint.
BACKSTORY_CUE_RE = re.compile(r"^(?:stuck|late|delay\w*|problem|issue|waiting|waited|cancell?ed|down|broken|broke|"
                              r"lost|slow|cold|had\s+to|without|still|didn'?t\s+\w+|couldn'?t\s+\w+|!!|"
                              r"never\s+(?:\w+\s+)?(?:this|so)\s+good)$", re.I)
# Sarcasm markers that turn praise words into a complaint ("great service as always", "cheers for 'delivering'").
SARCASM_MARK_RE = re.compile(r"\b(?:as\s+(?:always|usual)|yet\s+again|for\s+nothing|thanks\s+a\s+lot|cheers\s+for|"
                             r"yeah\s+right|not\s+(?:\w+\s+)?(?:great|brilliant|amazing|impressed|happy))\b|"
                             r"['\"‘“]\w+(?:ing|ed)['\"’”]|[\U0001F644\U0001F612\U0001F643]", re.I)
# The customer asks for something (a question, or "please pass it on"): then ownership and action apply to praise.
REQUEST_RE = re.compile(r"\?|\b(?:please|pls|can\s+you|could\s+you|would\s+you|let\s+\w+\s+know|pass\s+(?:it|this|"
                        r"that)\s+on|"
                        r"make\s+sure)\b", re.I)
PERSONAL_RE = re.compile(
    r"\b(?:my\s+(?:order|parcel|package|delivery|refund|account|bill|card|booking|reservation|payment|money|"
    r"subscription|plan|contract|claim|case|credit|points|voucher|details|address|email|number|data)|charged|"
    r"refund\w*|account|booking|reservation|ordered|order\s+(?:number|no|#)|payment|bill(?:ed|ing)?|password|"
    r"hacked|fraud|stolen|case\s+officer|crm|confirmation|locked\s+out|log\s*in|sign\s*in|overcharg\w*|"
    r"direct\s+debit|compensat\w*)\b", re.I)
# A delivery that has not come, said without the word "delivery" ("meant to come Thursday, still nothing"):
# the issue is the late or missing order, so a reply naming the order, delivery or delay has heard it.
NOT_ARRIVED_RE = re.compile(
    r"\b(?:meant|supposed|due|expected|promised|scheduled)\s+to\s+(?:come|arrive|turn\s+up|be\s+(?:here|delivered))|"
    r"\b(?:hasn'?t|has\s+not|haven'?t|have\s+not|never|didn'?t|did\s+not|still\s+not|not\s+yet)\s+"
    r"(?:arrived|come|turned\s+up|shown\s+up|received|got\s+it|been\s+delivered)|\bstill\s+(?:nothing|no\s+sign)|"
    r"\bwhere(?:'s|\s+is)\s+my\b|\bno\s+sign\s+of\b", re.I)
VAGUE_RE = re.compile(r"^\W*(?:help|it|this|that|something|why|what)\b|\b(?:it|this|that)(?:'s| is)? "
                      r"(?:not working|broken|wrong|happening again)\b", re.I)
CAPS_WORD_RE = re.compile(r"\b[A-Z][A-Z0-9&]{1,7}\b")


@dataclass(frozen=True)
class CustomerReading:
    text: str
    issue_stems: frozenset[str]          # stems of salient content words
    themes: frozenset[str]               # issue themes named by the customer
    subthemes: frozenset[str]            # the finer issue groups (lexicon.SUBTHEMES) named by the customer
    issue_words: tuple[str, ...]         # the customer's own issue words, in order (for feedback)
    intent: str                          # "complaint" | "query" | "praise" | "none"
    heated: bool
    needs_private: bool                  # the issue involves their account/order/booking, or is heated
    ambiguous: bool
    vocabulary: frozenset[str]           # every lower-cased word the customer used
    acronyms: frozenset[str]             # capitalised tokens the customer used
    sentiment: float
    asks: bool = False                   # asks for something (a question or a request), even inside praise
    brand: str = ""                      # the brand they wrote to (scenario mode): its name is not their issue

    @property
    def issue_label(self) -> str:
        return self.issue_words[0] if self.issue_words else "issue"


@lru_cache(maxsize=64)
def brand_name_re(name: str) -> re.Pattern:
    """The brand's name as written in a message: "Pippin Parcels", "pippin parcel", "Larkspur and Vale"."""
    words = [re.escape(w) for w in re.findall(r"[^\W\d_]+", name)]
    if not words:
        return re.compile(r"(?!)")
    if len(words) > 1 and words[-1].lower().endswith("s"):
        words[-1] += "?"                 # "Pippin Parcel" is still the brand
    joined = r"\s*(?:&|and)?\s*".join(words)
    return re.compile(r"\b" + joined + r"\b", re.I)


def brand_spans(text: str, brand: str) -> list[tuple[int, int]]:
    """Where the brand's name stands in a text (none without a brand)."""
    return [m.span() for m in brand_name_re(brand).finditer(text)] if brand else []


@lru_cache(maxsize=2048)
def read_customer(text: str, analyser: str | None = None) -> CustomerReading:
    clean = strip_customer(text or "").replace("’", "'").replace("´", "'")
    words = WORD_RE.findall(clean)
    lower = [w.lower() for w in words]
    stems, themes, subthemes, issue_words = set(), set(), set(), []
    for w in lower:
        if w in STOPWORDS or len(w) < 3:
            continue
        s = stem(w)
        theme = THEME_OF.get(s)
        if theme:
            themes.add(theme)
            subthemes.add(subtheme(s))
            if w not in issue_words:
                issue_words.append(w)
        if s not in GENERIC and (len(s) >= 4 or theme):
            stems.add(s)
    if NOT_ARRIVED_RE.search(clean):
        themes |= {"delivery", "delay"}
        subthemes |= {"delivery", "delay"}
        if not issue_words:
            issue_words.append("delivery")
    # prefer the concrete nouns of a theme for feedback wording ("parcel" over "late")
    issue_words.sort(key=lambda w: (THEME_OF.get(stem(w)) == "delay", THEME_OF.get(stem(w)) == "damage"))
    sentiment = tone.polarity(clean, analyser) if clean.strip() else 0.0
    cues = [m.group(0) for m in COMPLAINT_RE.finditer(clean)]
    complaint = bool(cues) or sentiment <= -0.5
    if (complaint and "?" in clean and sentiment > -0.5 and all(WEAK_CUE_RE.match(c) for c in cues)
            and not HEATED_RE.search(clean)):
        complaint = False       # a question whose only complaint cue is a weak one
    praised = bool(PRAISE_STRONG_RE.search(clean)) and not SARCASM_MARK_RE.search(clean)
    if (complaint and praised and sentiment >= 0.5 and not HEATED_RE.search(clean)
            and all(BACKSTORY_CUE_RE.match(c) for c in cues)):
        complaint = False       # a compliment whose story mentions what went wrong
    if not complaint and PRAISE_RE.search(clean) and SARCASM_MARK_RE.search(clean):
        complaint = True        # "great job 🙃", "brilliant service as always": praise words used against us
    if complaint:
        intent = "complaint"
    elif praised and "?" not in clean:
        intent = "praise"
    elif "?" in clean or re.search(r"\b(?:how|what|when|where|why|which|can|could|is|are|do|does|will)\b", clean, re.I):
        intent = "query"
    elif PRAISE_RE.search(clean):
        intent = "praise"
    else:
        intent = "none" if not clean.strip() else "query"
    heated = bool(HEATED_RE.search(clean)) or len([w for w in CAPS_WORD_RE.findall(clean) if len(w) >= 4]) >= 3
    needs_private = intent == "complaint" and (bool(PERSONAL_RE.search(clean)) or heated)
    content = [w for w in lower if w not in STOPWORDS]
    ambiguous = intent != "praise" and (not themes and len(content) < 6 or bool(VAGUE_RE.search(clean))
                                        and len(content) < 8)
    return CustomerReading(text=text, issue_stems=frozenset(stems), themes=frozenset(themes),
                           subthemes=frozenset(t for t in subthemes if t),
                           issue_words=tuple(issue_words), intent=intent, heated=heated, needs_private=needs_private,
                           ambiguous=ambiguous, vocabulary=frozenset(lower),
                           acronyms=frozenset(w.upper() for w in words if w.isupper() or any(c.isdigit() for c in w)),
                           sentiment=sentiment, asks=bool(REQUEST_RE.search(clean)))
