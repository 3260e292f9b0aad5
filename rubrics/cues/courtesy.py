"""Opening and closing patterns: greetings (warm, stiff, inappropriate), offers of help, well-wishes, thanks."""
from __future__ import annotations

from rubrics.cues.matching import gate, rx

GREETING_RE = rx(r"^\W{0,3}(?:hi|hello|hey|hiya|heya|howdy|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|"
                 r"evening|greetings|dear|welcome|thanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:reaching\s+out|"
                 r"getting\s+in\s+touch|contacting|your\s+(?:message|tweet|patience)|the\s+(?:message|tweet)|"
                 r"letting|asking|flagging|bringing|sharing|waiting|your\s+\w+)|thanks\s+for)\b")
STIFF_GREETING_RE = rx(r"^\W{0,3}(?:dear\s+(?:sir|madam|customer|valued|client|user|sir/madam)|to\s+whom|greetings|"
                       r"valued\s+customer|attention)\b")
BAD_OPENING_RE = rx(r"^\W{0,3}(?:yo|oi|listen|look|wow|ugh|seriously|calm\s+down|what\s+do\s+you\s+want|whatever|"
                    r"um+|err+|lol|lmao|k|ok\s+so|sigh|duh|no|nope|wrong|actually)\b")
OFFER_RE = rx(r"\b(?:let\s+(?:us|me)\s+know\s+if|if\s+(?:you|there'?s|there\s+is)\s+(?:\w+\s+){0,3}?(?:anything|"
              r"any\s+(?:more|further|other)|else|more|further|questions)|anything\s+else|any\s+(?:other|further|"
              r"more)\s+"
              r"(?:questions|help|queries|assistance)|(?:happy|glad)\s+to\s+help(?:\s+further)?|here\s+(?:if|whenever|"
              r"when|to\s+help|for\s+you)|we'?re\s+(?:always\s+)?here|don'?t\s+hesitate|feel\s+free\s+to|"
              r"hope\s+(?:this|that)\s+"
              r"(?:helps|resolves|sorts|answers|clears)|does\s+(?:that|this)\s+(?:help|answer|make\s+sense|work)|"
              r"(?:did|has)\s+(?:that|this)\s+(?:help|work|resolve|fix|sort)|reach\s+(?:out|back)\s+(?:again|anytime|"
              r"any\s+time)|"
              r"give\s+us\s+a\s+(?:shout|shout)|(?:dm|message)\s+us\s+if|keep\s+us\s+(?:posted|in\s+the\s+loop|"
              r"updated)|"
              r"get\s+back\s+to\s+us\s+if|let\s+us\s+know\s+how|is\s+(?:that|everything)\s+(?:ok|okay|all\s+sorted|"
              r"resolved)|"
              r"are\s+you\s+(?:happy|satisfied)|can\s+(?:i|we)\s+help\s+with\s+anything|always\s+happy\s+to|"
              r"let\s+us\s+know\s+(?:if|should|whether|once)|just\s+let\s+us\s+know|let\s+me\s+know\s+(?:if|should|"
              r"once)|"
              r"we'?ll\s+be\s+here|any\s+time)\b")
WELLWISH_RE = rx(r"\b(?:have\s+a\s+(?:great|good|lovely|nice|wonderful|fantastic|fab|safe|brilliant)\s+\w+|"
                 r"enjoy\s+(?:your|the)|"
                 r"take\s+care|safe\s+travels|speak\s+soon|all\s+the\s+best|best\s+wishes|happy\s+(?:halloween|"
                 r"holidays|"
                 r"travels|flying|shopping|gaming|listening|weekend|friday)|good\s+luck|stay\s+safe|"
                 r"thanks\s+for\s+your\s+"
                 r"(?:patience|understanding|support|custom|loyalty))\b")
THANKS_END_RE = rx(r"(?:thanks?(?:\s+(?:you|again|so\s+much))?|cheers|kind\s+regards|regards|best\s+wishes|"
                   r"many\s+thanks)"
                   r"\s*[.!]?\s*$")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(WELLWISH_RE, ('have a', 'enjoy', 'take care', 'safe', 'speak soon', 'all the best', 'best wishes', 'happy',
                   'good luck', 'thanks for your'))
