"""Ownership and action patterns: first-person commitments, purposes, done actions, DMs, hand-offs,
instructions, push-back, conditional offers, times and amounts."""
from __future__ import annotations

import re

from rubrics.cues.matching import gate, rx

CONCRETE = (r"(?:go\w*\s+through\s+(?:your|the|it|this)\s*\w*|look(?:ing)?\s+into|look(?:ing)?\s+at|"
            r"take\s+a\s+(?:closer\s+|quick\s+|proper\s+|further\s+|deeper\s+)?look|"
            r"have\s+a\s+(?:closer\s+|quick\s+)?look|taking\s+a\s+look|dig\w*\s+into|investigat\w*|check\w*|chas\w*|"
            r"refund\w*|credit\w*|reimburs\w*|replac\w*|re-?send\w*|send\w*(?!\s+(?:you|us)\s+a\s+(?:direct\s+|"
            r"private\s+)?(?:dm|message|pm))|sent(?!\s+you\s+a\s+(?:direct\s+|private\s+)?(?:dm|message|pm))|arrang\w*|"
            r"book\w*|rebook\w*|"
            r"fix\w*|sort\w*(?:\s+(?:this|it|that)\s+out|\s+out)?|get\w*\s+(?:this|it|that|you|things?)\s+(?:sorted|"
            r"fixed|resolved)|"
            r"resolv\w*|escalat\w*|rais\w*|reset\w*|reissu\w*|cancel\w*|process\w*|review\w*|follow\w*\s+up|"
            r"updat\w*\s+you|get\w*\s+back\s+to\s+you|call\w*\s+you|ring\w*\s+you|email\w*\s+you|contact\w*\s+(?:you|"
            r"the)|"
            r"speak\w*\s+to|compensat\w*|add\w*|appl(?:y|ied|ying)|remov\w*|unlock\w*|restor\w*|track\w*|trac\w*|"
            r"find\w*\s+out|confirm\w*|investigat\w*|amend\w*|correct\w*|chang\w*|put\w*\s+(?:this|it)\s+right|"
            r"make\w*\s+(?:this|it|things)\s+right|tak\w*\s+care\s+of|deal\w*\s+with|handl\w*|work\w*\s+(?:this|"
            r"it)\s+out|"
            r"get\w*\s+(?:this|it)\s+(?:sorted|fixed|resolved|looked\s+at)|set\w*\s+up|waiv\w*|upgrad\w*|transfer\w*|"
            r"pass(?:ed|ing)?\s+(?:this|it|your \w+)\s+(?:on\s+)?to\s+(?:our|the)\s+\w+\s+team|"
            r"pass(?:ed|ing)?\s+(?:this|it|that|your\s+(?:\w+\s+)?(?:words|feedback|message|comments?|thanks|"
            r"praise))\s+"
            r"(?:on\s+|along\s+)?to\s+(?:\w+\s+){0,2}?(?:him|her|them|manager|team|engineer|guard|driver|colleague|"
            r"staff|crew)\b|"
            r"make\s+sure\s+(?:\w+\s+){0,3}?(?:hears?|knows?|gets?\s+(?:the|your|this))\b|issu\w*\s+(?:a|you)|"
            r"honou?r\w*|extend\w*|expedit\w*|priorit\w*|locat\w*|recover\w*|help\w*\s+(?:you\s+)?(?:get|fix|sort|find|"
            r"with\s+(?:your|the|this))|"
            r"see\s+what\s+(?:we|i)\s+can\s+do|find\s+(?:a|the)\s+(?:fix|solution)|reach\w*\s+out(?!\s+to\s+us)|"
            r"giv\w*\s+you\s+a\s+(?:call|ring|refund|credit)|log\w*\s+(?:this|it|a)|take\s+look|"
            r"work\w*\s+on\s+(?:getting|fixing|resolving|a\s+fix|sorting)|get\w*\s+(?:you|it|this)\s+\w+ed|"
            r"inform\w*\s+you|let\s+you\s+know|keep\w*\s+you\s+(?:updated|posted|informed)|"
            r"(?:get|send)\w*\s+(?:a\s+)?(?:replacement|refund|engineer|technician)|look\s+(?:further\s+)?into|"
            r"see\s+what\s+happened|paus\w*|repair\w*|flag\w*|ask\w*\s+(?:our|the|my)\s+\w+|mak\w*\s+(?:your|this|"
            r"it)\s+"
            r"(?:\w+\s+)?(?:a\s+)?priority|giv\w*\s+you|not\w*\s+(?:this|it)\s+(?:on|down)|schedul\w*|request\w*|"
            r"submit\w*|order\w*\s+(?:a|you)|assign\w*|allocat\w*|investigat\w*|contact\w*\s+(?:our|the|your)\s+\w+|"
            r"find\w*\s+(?:your|the)\s+\w+|pop\w*\s+(?:a|some|£|\d)|hav\w*\s+you\s+back)")
VAGUE_VERB = (r"(?:pass\w*\s+(?:this|it|that|your\s+\w+)\s+along|pass\w*\s+(?:on|along)\s+(?:your|the|this|"
              r"these)\s+\w+|help\w*|assist\w*|forward\w*\s+(?:your|this|the)\s+feedback|support\w*|be\s+in\s+touch|"
              r"get\w*\s+in\s+touch|work\w*\s+on|pass\w*\s+(?:this|it|"
              r"that|your\s+\w+)\s+on|share\w*|feed\w*\s+(?:this|it)\s+back|let\s+(?:the|our)\s+\w+\s+team\s+know|"
              r"not\w*\s+(?:this|it)|keep\w*\s+(?:you|an\s+eye))")
FIRST_PERSON = (r"(?:(?:i|we)(?:'ll|\s+will|\s+shall|'ve|\s+have|'m\s+going\s+to|\s+am\s+going\s+to|'re\s+going\s+to|"
                r"\s+are\s+going\s+to|\s+(?:may|might)(?:\s+need\s+to)?|'d\s+(?:like|love|be\s+happy|be\s+glad)\s+to|"
                r"\s+would\s+(?:like|love|be\s+happy|"
                r"be\s+glad)\s+to|\s+can|\s+could|\s+want\s+to|'m|\s+am|'re|\s+are|\s+have\s+now|\s+just|"
                r"\s+already|\s+will\s+now|\s+need\s+to)?(?:\s+(?:now|just|already|also|then|happily|gladly|personally|"
                r"definitely|certainly|be|been|now\s+be|sure\s+to|make\s+sure\s+to|happy\s+to|glad\s+to|able\s+to|"
                r"need\s+to|have\s+to|also))*|let\s+(?:me|us)|"
                r"allow\s+(?:me|us)\s+to|our\s+(?:\w+\s+)?(?:team|engineers?|technicians?|staff|specialists?|"
                r"agents?)\s+"
                r"(?:will|have|has|are|is)(?:\s+(?:now|be|been|already))*|"
                r"i'?ll|we'?ll|i'?ve|we'?ve|i'?m|we'?re)")
OWN_CONCRETE_RE = rx(r"\b" + FIRST_PERSON + r"\s+(?:\w+ly\s+)?" + CONCRETE + r"\b")
PURPOSE_CONCRETE_RE = rx(r"\b(?:so\s+(?:that\s+)?(?:we|i)\s+(?:can|could|may|might|will)|and\s+(?:we|i)(?:'ll|\s+will|"
                         r"\s+can|\s+could|\s+shall)|to\s+(?:allow|help|enable)\s+(?:us|me)\s+to|for\s+(?:us|me)\s+to|"
                         r"where\s+(?:we|i)\s+(?:can|will)|so\s+(?:we|i)\s+can)\s+(?:\w+ly\s+)?(?:try\s+and\s+|"
                         r"try\s+to\s+)?"
                         + CONCRETE + r"\b")
OWN_VAGUE_RE = rx(r"\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:\w+\s+){0,3}?working\s+on\b|\b(?:" + FIRST_PERSON
                  + r"|so\s+(?:that\s+)?(?:we|i)\s+(?:can|could|may))\s+(?:\w+ly\s+)?"
                  + VAGUE_VERB + r"\b")
DONE_RE = rx(r"\b(?:(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+|also\s+)?(?!(?:seen|received|noticed|heard|"
             r"read|got|"
             r"had|been|replied|responded|passed\s+on|passed\s+this\s+on|tried|looked|checked\s+in|"
             r"reached\s+out\s+to\s+you|messaged|dm'?d|followed)\b)[a-z]+ed\b|"
             r"(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+)?(?!sent\s+you\s+a\s+(?:direct\s+|"
             r"private\s+)?(?:dm|message|pm))(?:made|sent|put|set|given|taken|run|done|booked|refunded|credited|sent|"
             r"arranged|"
             r"booked|rebooked|fixed|sorted|resolved|escalated|raised|reset|reissued|cancelled|canceled|processed|"
             r"replaced|added|applied|removed|unlocked|restored|issued|updated|amended|corrected|changed|upgraded|"
             r"waived|passed|logged|reported|contacted|spoken|chased|extended|expedited|reinstated)|"
             r"(?:has|have)\s+(?:now\s+)?been\s+(?:refunded|credited|sent|arranged|booked|fixed|sorted|resolved|"
             r"escalated|raised|reset|reissued|cancelled|processed|replaced|added|applied|removed|restored|issued|"
             r"updated|amended|corrected|passed|logged|reported))\b")
REPLIED_DM_RE = rx(r"\b(?:(?:we|i)(?:'ve|\s+have|\s+has)?\s+(?:just\s+|already\s+)?(?:repl\w+|respond\w*|sent\s+you|"
                   r"messaged|dm'?e?d|followed\s+up)\s+(?:\w+\s+){0,3}?(?:via|in|by|through|over)\s+(?:a\s+)?"
                   r"(?:dm|direct message|private message|pm|email|inbox)|check\s+(?:your|ur)\s+(?:dms?|inbox|"
                   r"direct messages|messages|email)|see\s+you\s+(?:there|in\s+dm))")
DM_RE = rx(r"\b(?:dm|dms|direct\s+messages?|private\s+messages?|privately|pm|inbox|message\s+(?:us|me)|"
           r"messaging\s+(?:us|me)|send\s+(?:us|me)\s+a\s+(?:message|note)|secure\s+(?:form|link|message|chat))\b")
HANDOFF_RE = rx(r"\b(?:(?:please\s+|you\s+(?:can|could|may|will\s+need\s+to|need\s+to|should)\s+|kindly\s+|"
                r"feel\s+free\s+to\s+)?"
                r"(?:contact|call|phone|ring|reach\s+out\s+to|get\s+in\s+touch\s+with|speak\s+(?:to|with)|visit|check|"
                r"see|head\s+to|go\s+to|pop\s+into|drop\s+into|email|write\s+to|raise\s+(?:it|this)\s+with|"
                r"fill\s+(?:in|out)|submit|suggest|find)\s+(?:\w+\s+){0,3}?(?:our|the|your|a|this|"
                r"us)\s*(?:\w+\s+){0,2}?"
                r"(?:support|customer\s+(?:service|care|support|relations)|team|help\s*(?:centre|center|page|desk)?|"
                r"website|site|store|page|faq\w*|community|forum|link|here|form|agents?|department|bank|"
                r"provider|seller|courier|retailer|manufacturer|carrier|airline|app|settings|article|guide)|"
                r"(?:someone|somebody|a\s+member\s+of\s+(?:the|our)\s+team|the\s+\w+\s+team|our\s+\w+\s+team|they)\s+"
                r"(?:will|should|can)\s+(?:be\s+in\s+touch|contact|get\s+back|call|reach|help|follow)|"
                r"reach\s+out\s+to\s+us|(?:please\s+|you\s+can\s+|do\s+)get\s+in\s+touch|"
                r"(?<!to\s)get\s+in\s+touch\s+(?:with\s+us|via|on|by|here)|(?<!to\s)contact\s+us|stay\s+tuned|"
                r"keep\s+an\s+eye\s+on|"
                r"(?:can\s+be\s+(?:reached|found|contacted))|(?:details|info\w*|steps|more)\s+(?:here|at|on|in)\b|"
                r"(?:available|listed|found)\s+(?:here|at|on)\b|this\s+link|(?:here|below)\s*:)")
INSTRUCTION_RE = rx(r"(?:^|[.!?,]\s*|\b(?:please|can\s+you|could\s+you|would\s+you|you\s+(?:can|could|may|"
                    r"might\s+want\s+to|"
                    r"should))\s+)(?:try|restart\w*|reboot\w*|reinstall\w*|re-?install\w*|updat\w*|clear\w*|reset\w*|"
                    r"turn\w*|switch\w*|log\s+out|sign\s+out|delete|remove|check|make\s+sure|ensure|power|unplug|"
                    r"plug|go\s+to|open|tap|select|enable|disable|download|install|use|follow|head\s+to|visit|provide|"
                    r"send|share|confirm)\b")
PUSHBACK_RE = rx(r"\b(?:you(?:'ll| will)?\s+(?:need|have)\s+to\s+(?:contact|speak|call|ask|take\s+(?:this|it)\s+up|"
                 r"raise)|"
                 r"(?:contact|speak\s+to|ask)\s+(?:the\s+)?(?:seller|courier|bank|retailer|manufacturer|store\s+you)|"
                 r"(?:not|isn'?t)\s+(?:our|my)\s+(?:responsibility|problem|fault|issue)|nothing\s+(?:we|i)\s+can\s+do|"
                 r"(?:we|i)\s+(?:can'?t|cannot|are\s+unable\s+to|am\s+unable\s+to|won'?t|(?:are|am)\s+not\s+able\s+to|"
                 r"aren'?t\s+able\s+to)\s+"
                 r"(?:help|do\s+anything|assist)|"
                 r"(?:that'?s|this\s+is)\s+(?:down\s+to|up\s+to)\s+(?:you|the)|out\s+of\s+our\s+(?:hands|control)|"
                 r"(?:we\s+)?(?:don'?t|do\s+not)\s+have\s+any\s+(?:information|info|news|updates?|details)|"
                 r"(?:we\s+)?(?:don'?t|do\s+not)\s+(?:have|handle|deal\s+with)\s+(?:that|this))")
CONDITIONAL_OFFER_RE = rx(r"\b(?:if\s+(?:you|there)\s+(?:\w+\s+){0,4}?(?:need|want|have|would\s+like|require)|"
                         r"if\s+we\s+can\s+(?:be\s+of\s+any|help)|should\s+you\s+(?:need|require)|don'?t\s+hesitate)\b")
TIME_RE = rx(r"\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|by\s+(?:\d|noon|midday|monday|"
             r"tuesday|wednesday|thursday|friday|saturday|sunday|the\s+end|end\s+of|close\s+of|tomorrow|tonight)|"
             r"within\s+(?:the\s+next\s+)?(?:\d+|one|two|three|four|five|24|48|a|an)\s+(?:working\s+|business\s+)?"
             r"(?:hours?|days?|minutes?|mins?|weeks?)|in\s+the\s+next\s+\d+|\d+\s*(?:am|pm)\b|"
             r"(?:on|by)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|right\s+away|"
             r"straight\s+away|immediately|now\s+(?:on\s+its\s+way|been)|as\s+soon\s+as\s+(?:it|we|they|possible)|"
             r"\d+\s*(?:-\s*\d+\s*)?(?:working\s+|business\s+)?(?:days?|hours?))\b")
AMOUNT_RE = re.compile(r"[£$€]\s?\d[\d,]*(?:\.\d\d)?|\b\d+\s?(?:GBP|USD|EUR|pounds|dollars)\b", re.I)


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(PURPOSE_CONCRETE_RE, ('so ', 'and we', 'and i', 'allow', 'help', 'enable', 'for us', 'for me', 'where we',
                           'where i'))
gate(OWN_VAGUE_RE, ('help', 'assist', 'forward', 'support', 'touch', 'work', 'pass', 'shar', 'feed', 'know', 'not',
                    'keep'))
gate(DONE_RE, ("'ve", 'have', 'has '))
gate(REPLIED_DM_RE, ('repl', 'respond', 'sent you', 'messaged', 'dm', 'followed up', 'check your', 'check ur',
                     'see you'))
gate(DM_RE, ('dm', 'direct', 'private', 'pm', 'inbox', 'message', 'messaging', 'note', 'secure'))
gate(PUSHBACK_RE, ('need', 'have to', 'contact', 'speak', 'ask', 'responsib', 'problem', 'fault', 'issue', 'nothing',
                   "can't", 'cannot', 'unable', "won't", 'not able', "aren't able", 'down to', 'up to', 'out of our',
                   "don't", 'do not'))
