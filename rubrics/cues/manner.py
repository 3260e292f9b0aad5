"""Tone patterns: rude or blaming, sarcastic, defensive, courteous; capitals and punctuation."""
from __future__ import annotations

import re

from rubrics.cues.matching import gate, rx

RUDE_RE = rx(r"\b(?:you\s+should\s+(?:have|'ve)\s+(?:read|checked|known|called|contacted|followed|listened|booked|"
             r"noticed|"
             r"looked|asked|thought|realised|realized|done|paid\s+attention)|you\s+(?:need|have)\s+to\s+(?:read|learn|"
             r"understand|check\s+(?:before|first))|"
             r"(?:it'?s|that'?s|this\s+is)\s+(?:your\s+(?:own\s+)?(?:fault|problem|responsibility)|on\s+you)|"
             r"you\s+(?:didn'?t|did\s+not|failed\s+to|never)\s+(?:read|check|follow|bother|listen)|learn\s+to\s+read|"
             r"as\s+(?:i|we)\s+(?:already\s+)?(?:said|told\s+you|explained|stated|mentioned)|(?:read|check)\s+the\s+"
             r"(?:terms|t&cs|small\s+print|policy)\s+(?:next\s+time|first|before)|calm\s+down|stop\s+(?:complaining|"
             r"moaning|"
             r"shouting|whining)|deal\s+with\s+it|get\s+over\s+it|(?:that'?s|it'?s)\s+not\s+our\s+(?:fault|problem)|"
             r"not\s+our\s+(?:fault|problem)|you(?:'re|\s+are)\s+(?:wrong|mistaken|lying|overreacting|being\s+(?:rude|"
             r"unreasonable|ridiculous|difficult))|no\s+need\s+to\s+be\s+(?:rude|so)|what\s+do\s+you\s+(?:want|expect)|"
             r"shut\s+up|idiot|stupid|ridiculous|pathetic|whatever|(?:is|was|'s)\s+(?:entirely\s+|"
             r"all\s+)?your\s+(?:own\s+)?fault|"
             # "sorry, but you should have read the terms": blame for not doing something sooner / differently
             r"but\s+you\s+should(?:'ve|\s+have)|you\s+should(?:'ve|\s+have)\s+\w+(?:\s+\w+){0,6}?\s+(?:sooner|earlier|"
             r"instead|first|beforehand)|only\s+joking|just\s+kidding|blame\s+(?:yourself|you)|"
             r"if\s+you\s+(?:had|would\s+have)\s+(?:read|checked|listened)|not\s+sorry|(?:we|i)\s+(?:won'?t|"
             r"will\s+not)\s+"
             r"apologi[sz]e|clearly\s+you|obviously\s+you|that'?s\s+(?:just\s+)?(?:how|the\s+way)\s+it\s+is|"
             r"take\s+it\s+or\s+leave\s+it|go\s+elsewhere|(?:nobody|no\s+one)\s+(?:else\s+)?(?:has|is)\s+complain\w*)\b")
# an emoji that mocks when aimed at the customer but can be rueful about our own slip (Cues.sarcasm)
RUEFUL_EMOJI = ("🙃",)
SARCASM_RE = rx(r"(?:\b(?:oh\s+)?(?:great|wonderful|brilliant|fantastic|lovely|perfect),?\s+(?:another|so|now|"
                r"just\s+what)|"
                r"\byeah\s+right\b|\bgood\s+luck\s+with\s+that\b|\bnice\s+try\b|(?<!make )(?<!making )(?<!be )(?<!to "
                r")\bsure\s+you\s+(?:did|do|are|were)\b|"
                r"\bif\s+you\s+say\s+so\b|\bthanks\s+for\s+nothing\b|\bwhat\s+a\s+(?:surprise|shock)\b|"
                r"\bcongrat\w*\s+on\s+(?:finally|your\s+(?:complaint|tweet))|\bwell\s+done\s+you\b|/s\b|🙄|😒|🙃|"
                r"\bsorry\s+(?:not\s+sorry|you\s+feel\s+that\s+way\s+but)|\bas\s+if\b|\bhow\s+(?:shocking|"
                r"surprising)\b|"
                r"\bbless\s+(?:you|your\s+heart)\b|\bnews\s+flash\b|\bnewsflash\b)")
DEFENSIVE_RE = rx(r"\b(?:we\s+(?:are|'re)\s+not\s+(?:responsible|liable|to\s+blame)|(?:as\s+per|according\s+to|that'?s|"
                  r"it'?s|"
                  r"this\s+is)\s+(?:our|the)\s+(?:policy|terms)|we\s+did\s+(?:nothing|not\s+do\s+anything)\s+wrong|"
                  r"(?:nothing|not\s+much)\s+(?:we|i)\s+can\s+do|we\s+can'?t\s+control|beyond\s+our\s+control|"
                  r"(?:our|the)\s+(?:staff|team|agent|crew)\s+(?:was|were|did)\s+(?:right|correct|following)|"
                  r"unfortunately\s+(?:that|this)\s+is\s+(?:how|the)|in\s+our\s+defen[cs]e|to\s+be\s+fair|"
                  r"but\s+i'?m\s+glad|but\s+we'?re\s+glad|rest\s+assured\s+(?:our|that\s+our)\s+(?:staff|team))\b")
COURTESY_RE = rx(r"\b(?:good\s+(?:morning|afternoon|evening|day)|please|thanks?|thank\s+you|sorry|apolog\w*|hi|hello|"
                 r"hey|happy|glad|welcome|appreciate|kind|"
                 r"regards|cheers|enjoy|great|lovely|here\s+to\s+help|we'?d\s+(?:like|love)|would\s+like|help|hope)\b")
CAPS_RE = re.compile(r"\b[A-Z]{3,}\b")
EXCLAIM_RE = re.compile(r"!")
MULTI_PUNCT_RE = re.compile(r"[!?]{2,}")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(RUDE_RE, ('should', 'joking', 'kidding', 'need to', 'have to', 'fault', 'problem', 'responsib', 'on you', 'didn',
               'did not', 'failed', 'never', 'learn', 'as i', 'as we', 'terms', 't&c', 'small print', 'calm', 'stop',
               'deal with', 'get over', 'not our', "you're", 'you are', 'no need', 'what do you', 'shut', 'idiot',
               'stupid', 'ridiculous', 'pathetic', 'whatever', 'blame', 'if you', 'not sorry', 'apolog', 'clearly',
               'obviously', 'how it is', 'way it is', 'take it or', 'elsewhere', 'complain'))
gate(SARCASM_RE, ('great', 'wonderful', 'brilliant', 'fantastic', 'lovely', 'perfect', 'yeah right', 'good luck',
                  'nice try', 'sure you', 'say so', 'thanks for nothing', 'what a', 'congrat', 'well done', '/s', '🙄',
                  '😒', '🙃', 'sorry not', 'sorry you feel', 'as if', 'how shocking', 'how surprising',
                  'bless', 'news'))
gate(DEFENSIVE_RE, ('responsible', 'liable', 'blame', 'policy', 'terms', 'wrong', 'nothing', 'not much', 'control',
                    'staff', 'team', 'agent', 'crew', 'unfortunately', 'defen', 'to be fair', 'but i', 'but we',
                    'rest assured'))
gate(MULTI_PUNCT_RE, ('!!', '??', '!?', '?!'))
