"""Question patterns (focused, closing) and escalation patterns (a route, what happens next)."""
from __future__ import annotations

import re

from rubrics.cues.matching import gate, rx

QUESTION_RE = re.compile(r"[^.!?\n]*\?")
FOCUSED_Q_RE = rx(r"^\W*(?:(?:hi|hey|hello)\b[^,?]{0,20},\s*)?(?:which|what|when|where|how|who|whereabouts|do|does|did|"
                  r"is|are|was|were|"
                  r"have|has|had|(?:would\s+you\s+)?mind\s+(?:clarifying|confirming|telling|sharing|letting|checking)|"
                  r"can\s+you\s+(?:tell|confirm|let|share|describe|check|clarify|explain|try)|could\s+you\s+"
                  r"(?:tell|confirm|let|share|describe|check|clarify|explain)|would\s+you\s+(?:mind|be\s+able)|"
                  r"are\s+you|were\s+you|just\s+to\s+(?:check|confirm|clarify)|to\s+(?:check|confirm|clarify))\b")
CLOSING_Q_RE = rx(r"\b(?:anything\s+else|any\s+(?:other|more|further)|can\s+(?:i|we)\s+help\s+with|"
                  r"is\s+there\s+anything|"
                  r"does\s+that\s+help|did\s+that\s+help|make\s+sense)\b")
ESCALATE_RE = rx(r"\b(?:escalat\w*|pass(?:ed|ing)?\s+(?:this|it|your\s+\w+)\s+(?:on\s+)?to|refer(?:red|"
                 r"ring)?\s+(?:this|it|"
                 r"you)\s+to|rais(?:e|ed|ing)\s+(?:this|it|a\s+\w+)\s+with|(?:team\s+leader|manager|supervisor|"
                 r"specialist|"
                 r"senior|complaints\s+team|safety\s+team|security\s+team|fraud\s+team|data\s+protection|legal\s+team)|"
                 r"flag(?:ged|ging)?\s+(?:this|it)\s+(?:to|with))")
NEXT_RE = rx(r"\b(?:will\s+(?:contact|call|email|be\s+in\s+touch|get\s+back|reply|respond|review|investigate|update)|"
             r"(?:be|get)\s+in\s+touch|get\s+back\s+to\s+you|update\s+you|within\s+\d+|by\s+\w+day|today|tomorrow|"
             r"next\s+step)\b")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(QUESTION_RE, ('?',))
gate(ESCALATE_RE, ('escalat', 'pass', 'refer', 'rais', 'leader', 'manager', 'supervisor', 'specialist', 'senior',
                   'team', 'data protection', 'flag'))
