"""Acknowledgement patterns, references to the matter, and the words that name data to send."""
from __future__ import annotations

from rubrics.cues.matching import gate, rx

ACK_RE = rx(r"\b(?:thanks?\s+(?:you\s+)?(?:so\s+much\s+|very\s+much\s+)?for\s+(?:reaching\s+out|getting\s+in\s+touch|"
            r"contacting|letting\s+us\s+know|the\s+heads\s+up|flagging|bringing|raising|your\s+(?:tweet|message|"
            r"patience|"
            r"feedback|comments?|post|question)|asking|sharing|telling|the\s+(?:tweet|message|feedback|update)|"
            r"the\s+info\w*|pointing|checking|following\s+up|your\s+understanding|"
            r"(?:the|your|these|such|this)\s+(?:\w+\s+){0,2}?(?:words|review|comments?|shout\s?-?outs?|praise|"
            r"compliments?|love|kindness))|"
            r"(?:so\s+)?(?:glad|happy|thrilled|delighted)\s+to\s+(?:hear|read|see)|"
            r"sorry\s+to\s+(?:hear|read|see|learn)|(?:we'?ve|i'?ve|we\s+have|i\s+have)\s+(?:seen|received|noted|"
            r"got)\s+your|(?:we|i)\s+(?:see|hear|understand|can\s+see|note)\b|we'?re\s+aware|we\s+are\s+aware|"
            r"i'?m\s+aware|noted|got\s+it|(?:don'?t|do\s+not)\s+like\s+to\s+(?:hear|see|read)|understood|"
            r"not\s+what\s+we\s+(?:like|want)\s+to\s+(?:hear|see)|"
            r"that'?s\s+(?:not\s+good|not\s+great|not\s+ideal|a\s+shame)|oh\s+no|"
            r"(?:that|this)\s+(?:doesn'?t|does\s+not)\s+sound\s+right|thanks\s+for\s+letting)\b")
# Taking a compliment in: thanks in any form, or delight at it ("thanks for the lovely feedback", "love this!", "you
# absolute legend"). For praise this is the guide's generic acknowledgement (hear 1) when nothing specific is picked up.
PRAISE_ACK_RE = rx(r"\b(?:thank\w*|thanks|thx|ta|cheers|appreciate\w*|love\s+(?:this|that|it|to\s+(?:hear|see|read))|"
                   r"(?:great|lovely|brilliant|amazing|fab|fabulous|wonderful|fantastic|so\s+good)\s+to\s+(?:hear|read|see)|"
                   r"made\s+(?:our|my)\s+day|(?:absolute\s+)?(?:legend|star)|kind\s+words)\b")
REFERENCE_RE = rx(r"\b(?:information|info|news|updates?|details)\s+(?:on|about|regarding)\s+(?:this|that|it)\b|"
                  r"\b(?:look|looking|check|checking|investigate)\s+(?:into|at)\s+(?:this|that|it)\b")
DATA_WORDS = (r"(?:number|no\.?|#|code|id|reference|ref|details|email|e-mail|address|postcode|locator|confirmation|"
              r"info(?:rmation)?|account\s+(?:number|details)|name|dob|date\s+of\s+birth|phone|mobile)")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(ACK_RE, ('thank', 'glad', 'happy', 'thrilled', 'delighted', 'sorry to', 'seen', 'received', 'noted', 'got', 'see',
              'hear', 'understand', 'note', 'aware', 'like to', 'that', 'oh no', 'sound'))
gate(REFERENCE_RE, ('information', 'info', 'news', 'update', 'details', 'look', 'check', 'investigat'))
