"""Language cues in a reply, found once per reply and shared by the detectors.

Every cue is a list of (start, end) offsets on the masked reply, so it is valid evidence in the original.
"""
from __future__ import annotations

import re
from functools import cached_property

from rubrics.customer import CustomerReading
from rubrics.lexicon import GENERIC, KNOWN_ACRONYMS, SLANG, STOPWORDS, THEME_OF, subtheme
from rubrics.text import EMOJI_RE, EMOTICON_RE, Reading, stem


FAST: dict[int, re.Pattern] = {}   # case-insensitive pattern -> twin compiled without re.I (run on lower text)
GATES: dict[int, tuple[str, ...]] = {}   # pattern -> substrings, one of which must be in the lower text


def rx(pattern: str) -> re.Pattern:
    """Compile a case-insensitive cue pattern (literals written in lower case) and its fast twin."""
    p = re.compile(pattern, re.I)
    if not re.search(r"\[[^\]]*A-Z", pattern):     # a twin on lower text cannot see capitals
        FAST[id(p)] = re.compile(pattern)
    return p


# --- apologies -----------------------------------------------------------------------------------------
APOLOGY_RE = rx(r"\b(?:(?:i'?m|i am|we'?re|we are|i|we)\s+(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+|deeply\s+)?"
                r"(?:sorry|apologi[sz]e)|(?:so\s+|very\s+|really\s+)?sorry|(?:my|our|sincere|many|huge)\s+apologies|"
                r"apologies|apologi[sz]e|(?:we|i)\s+regret|please accept our apolog\w+|forgive us)\b")
APOLOGY_NEGATED_RE = rx(r"(?:\bnot|n't|\bnever|\bno need to|\bno reason to|\bnothing to)\s+(?:\w+\s+){0,2}$")
SORRY_TO_HEAR_RE = rx(r"^\W*(?:to\s+(?:hear|read|see|learn)|for\s+(?:hearing|reading))\b")
CONDITIONAL_RE = rx(r"^\W*(?:if\b|you feel\b|that you feel\b|you think\b|you(?:'re| are) feeling\b|for any\b|"
                    r"for whatever\b|that's how you\b|it seems\b)")
BLAME_AFTER_RE = rx(r"\b(?:but|however|though)\b[^.!?]{0,60}\b(?:you\s+(?:should|need(?:ed)? to|have to|had to|must|"
                    r"didn'?t|did not|failed|forgot|were supposed|could have|ought)|your (?:own )?fault|it'?s (?:clearly )?"
                    r"(?:stated|written)|(?:read|check)(?:ing)? (?:the|our) (?:terms|t&cs|policy|small print))")
GENERIC_OBJECT_RE = rx(r"^\W*(?:(?:for|about)\s+)?(?:(?:any|the|this|that|all|your|all the|these|those)\s+)*"
                       r"(?:(?:unpleasant|bad|poor|negative|frustrating|recent)\s+)?"
                       r"(?:inconvenience|inconveniences|trouble|troubles|hassle|confusion|frustration|issues?|"
                       r"problems?|experience|difficult(?:y|ies)|this|that|it|situation|matter|mix-?up|"
                       r"disappointment|upset|concerns?|everything|all this)?\W*(?:(?:this|it|that)\s+(?:may|might|has)"
                       r"[^.!?]*)?[.!?,]*\s*$")

# --- empathy -------------------------------------------------------------------------------------------
FEELING = (r"(?:frustrat\w*|annoy\w*|upset\w*|disappoint\w*|stress\w*|worr\w*|inconvenien\w*|difficult|hard|"
           r"concern\w*|anxious|distress\w*|infuriat\w*|maddening|awful|horrible|unacceptable|let down|fed up|"
           r"angry|anger|scary|unsettling|annoying|worrying|exasperat\w*|gutted|rubbish|painful|a pain|a nightmare|"
           r"disruptive|important to you|matters to you|the last thing you need|embarrass\w*|uncomfortable|"
           r"overwhelm\w*|frighten\w*|heartbreak\w*|devastat\w*|exhausting|a (?:real )?hassle|a real pain)")
EMPATHY_STRONG_RE = rx(
    r"\b(?:(?:i|we)\s+(?:can\s+|completely\s+|totally\s+|fully\s+|really\s+|do\s+|definitely\s+|can\s+only\s+)*"
    r"(?:see|understand|imagine|appreciate|know|get|realise|realize)\s+(?:just\s+)?(?:how|why|that|what|this|it'?s|your)"
    r"[^.!?]{0,80}?" + FEELING + r"|"
    r"(?:must|must've|must have|would|would've|will)\s+(?:be|have been|feel|have felt)\s+(?:so\s+|very\s+|really\s+|"
    r"incredibly\s+|extremely\s+|such\s+)?" + FEELING + r"|"
    r"(?:that|this|it)(?:'s| is| was| sounds| does sound| sounds really| must be)\s+(?:so\s+|really\s+|very\s+|"
    r"incredibly\s+|understandably\s+)?" + FEELING + r"|"
    r"(?:not|isn'?t|wasn'?t)\s+(?:the|a)\s+(?:kind of\s+)?(?:experience|service|standard|journey|impression)\s+"
    r"(?:we|that we|you|we'd)|"
    r"(?:your|the)\s+(?:frustration|disappointment|upset|anger|concern|worry|inconvenience)\s+(?:is|about|with|at|"
    r"over)\s+(?:completely\s+|totally\s+)?(?:understandable|justified|valid)|"
    r"(?:i'?d|we'?d|anyone would)\s+(?:be|feel)\s+(?:the same|just as|equally|" + FEELING + r")|"
    # the impact named as an evaluation of what happened to them ("losing another day off work is not OK",
    # "that's a wasted trip", "that isn't the holiday you paid for", "money you weren't expecting to lose")
    r"(?:is|was|'s)\s*(?:n'?t|\s+not)\s+(?:ok|okay|acceptable|good\s+enough)\b|far\s+too\s+long|"
    r"wasted\s+(?:trip|journey|day|morning|afternoon|evening|visit)|the\s+opposite\s+of\s+what|"
    r"(?:isn'?t|is\s+not|wasn'?t|not)\s+the\s+\w+\s+you\s+(?:paid\s+for|booked|expected|deserve)|"
    r"(?:money|time)\s+you\s+(?:weren'?t|were\s+not|didn'?t|did\s+not)\s+(?:expecting|expect|plan\w*))")
EMPATHY_UNDERSTAND_FEELING_RE = rx(r"\b(?:understand|appreciate|recognise|recognize|hear)\s+(?:your|the|how much|"
                                   r"why you'?re)\s+(?:\w+\s+)?" + FEELING)
EMPATHY_LIGHT_RE = rx(
    r"\b(?:sorry to (?:hear|read|see|learn)|not ideal|(?:don'?t|do not) like to (?:hear|see|read)|(?<!do )(?<!to )(?:we|i) (?:completely |totally |fully )?understand\b|"
    r"(?:we|i) hear you|oh no|not what we (?:like|want|expect|hope) to (?:hear|see|read)|not (?:good|great) to hear|"
    r"that'?s (?:not good|not great|a shame|unfortunate|no good|a pain)|what a (?:shame|pain)|"
    r"(?:that|this) (?:doesn'?t|does not) sound (?:right|good|great|ideal)|we know how|understandably|"
    r"we feel your pain|sorry you'?ve had|sorry you had|never (?:nice|fun|good)|far from ideal|"
    r"not (?:the )?news (?:we|you)|not what you (?:want|need|expect)|poor (?:thing|you)|sadly|"
    r"(?:unpleasant|poor|bad|negative|frustrating|disappointing|upsetting)\s+(?:experience|service)|frustrations|"
    # a standard condolence, concern, or "that's not right" (the labelled set's light empathy, guide: formulaic)
    r"sorry\s+for\s+(?:your|the)\s+loss|(?:my|our)\s+(?:deepest\s+|sincere\s+)?condolences|"
    r"(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:so\s+|really\s+|very\s+)?concerned|"
    r"(?:that'?s|that\s+is|this\s+is)\s+(?:definitely\s+|really\s+|certainly\s+)?not\s+(?:right|on)\b|isn'?t\s+on\b|"
    # asking about the feeling names it ("what's going on that you're feeling this way?", "what caused your frustration?")
    r"(?:what|why)\b[^.?!]{0,40}\b(?:feel(?:ing)?\s+(?:this|that)\s+way|your\s+(?:frustration|disappointment|upset)))")
DISMISSIVE_RE = rx(r"\b(?:calm down|relax|chill|no need to (?:be|get) (?:rude|upset|angry|so)|not (?:a|that) big (?:of a )?deal|"
                   r"it happens|these things happen|get over it|deal with it|stop (?:complaining|moaning)|"
                   r"whatever|you(?:'re| are) overreacting)\b")

# --- ownership and action ------------------------------------------------------------------------------
CONCRETE = (r"(?:go\w*\s+through\s+(?:your|the|it|this)\s*\w*|look(?:ing)?\s+into|look(?:ing)?\s+at|take\s+a\s+(?:closer\s+|quick\s+|proper\s+|further\s+|deeper\s+)?look|"
            r"have\s+a\s+(?:closer\s+|quick\s+)?look|taking\s+a\s+look|dig\w*\s+into|investigat\w*|check\w*|chas\w*|"
            r"refund\w*|credit\w*|reimburs\w*|replac\w*|re-?send\w*|send\w*(?!\s+(?:you|us)\s+a\s+(?:direct\s+|private\s+)?(?:dm|message|pm))|sent(?!\s+you\s+a\s+(?:direct\s+|private\s+)?(?:dm|message|pm))|arrang\w*|book\w*|rebook\w*|"
            r"fix\w*|sort\w*(?:\s+(?:this|it|that)\s+out|\s+out)?|get\w*\s+(?:this|it|that|you|things?)\s+(?:sorted|fixed|resolved)|"
            r"resolv\w*|escalat\w*|rais\w*|reset\w*|reissu\w*|cancel\w*|process\w*|review\w*|follow\w*\s+up|"
            r"updat\w*\s+you|get\w*\s+back\s+to\s+you|call\w*\s+you|ring\w*\s+you|email\w*\s+you|contact\w*\s+(?:you|the)|"
            r"speak\w*\s+to|compensat\w*|add\w*|appl(?:y|ied|ying)|remov\w*|unlock\w*|restor\w*|track\w*|trac\w*|"
            r"find\w*\s+out|confirm\w*|investigat\w*|amend\w*|correct\w*|chang\w*|put\w*\s+(?:this|it)\s+right|"
            r"make\w*\s+(?:this|it|things)\s+right|tak\w*\s+care\s+of|deal\w*\s+with|handl\w*|work\w*\s+(?:this|it)\s+out|"
            r"get\w*\s+(?:this|it)\s+(?:sorted|fixed|resolved|looked\s+at)|set\w*\s+up|waiv\w*|upgrad\w*|transfer\w*|"
            r"pass(?:ed|ing)?\s+(?:this|it|your \w+)\s+(?:on\s+)?to\s+(?:our|the)\s+\w+\s+team|issu\w*\s+(?:a|you)|"
            r"honou?r\w*|extend\w*|expedit\w*|priorit\w*|locat\w*|recover\w*|help\w*\s+(?:you\s+)?(?:get|fix|sort|find|with\s+(?:your|the|this))|"
            r"see\s+what\s+(?:we|i)\s+can\s+do|find\s+(?:a|the)\s+(?:fix|solution)|reach\w*\s+out(?!\s+to\s+us)|"
            r"giv\w*\s+you\s+a\s+(?:call|ring|refund|credit)|log\w*\s+(?:this|it|a)|take\s+look|"
            r"work\w*\s+on\s+(?:getting|fixing|resolving|a\s+fix|sorting)|get\w*\s+(?:you|it|this)\s+\w+ed|"
            r"inform\w*\s+you|let\s+you\s+know|keep\w*\s+you\s+(?:updated|posted|informed)|"
            r"(?:get|send)\w*\s+(?:a\s+)?(?:replacement|refund|engineer|technician)|look\s+(?:further\s+)?into|"
            r"see\s+what\s+happened|paus\w*|repair\w*|flag\w*|ask\w*\s+(?:our|the|my)\s+\w+|mak\w*\s+(?:your|this|it)\s+"
            r"(?:\w+\s+)?(?:a\s+)?priority|giv\w*\s+you|not\w*\s+(?:this|it)\s+(?:on|down)|schedul\w*|request\w*|"
            r"submit\w*|order\w*\s+(?:a|you)|assign\w*|allocat\w*|investigat\w*|contact\w*\s+(?:our|the|your)\s+\w+|"
            r"find\w*\s+(?:your|the)\s+\w+|pop\w*\s+(?:a|some|£|\d)|hav\w*\s+you\s+back)")
VAGUE_VERB = (r"(?:pass\w*\s+(?:this|it|that|your\s+\w+)\s+along|pass\w*\s+(?:on|along)\s+(?:your|the|this|these)\s+\w+|help\w*|assist\w*|forward\w*\s+(?:your|this|the)\s+feedback|support\w*|be\s+in\s+touch|get\w*\s+in\s+touch|work\w*\s+on|pass\w*\s+(?:this|it|"
              r"that|your\s+\w+)\s+on|share\w*|feed\w*\s+(?:this|it)\s+back|let\s+(?:the|our)\s+\w+\s+team\s+know|"
              r"not\w*\s+(?:this|it)|keep\w*\s+(?:you|an\s+eye))")
FIRST_PERSON = (r"(?:(?:i|we)(?:'ll|\s+will|\s+shall|'ve|\s+have|'m\s+going\s+to|\s+am\s+going\s+to|'re\s+going\s+to|"
                r"\s+are\s+going\s+to|\s+(?:may|might)(?:\s+need\s+to)?|'d\s+(?:like|love|be\s+happy|be\s+glad)\s+to|\s+would\s+(?:like|love|be\s+happy|"
                r"be\s+glad)\s+to|\s+can|\s+could|\s+want\s+to|'m|\s+am|'re|\s+are|\s+have\s+now|\s+just|"
                r"\s+already|\s+will\s+now|\s+need\s+to)?(?:\s+(?:now|just|already|also|then|happily|gladly|personally|"
                r"definitely|certainly|be|been|now\s+be|sure\s+to|make\s+sure\s+to|happy\s+to|glad\s+to|able\s+to|need\s+to|have\s+to|also))*|let\s+(?:me|us)|"
                r"allow\s+(?:me|us)\s+to|our\s+(?:\w+\s+)?(?:team|engineers?|technicians?|staff|specialists?|agents?)\s+"
                r"(?:will|have|has|are|is)(?:\s+(?:now|be|been|already))*|"
                r"i'?ll|we'?ll|i'?ve|we'?ve|i'?m|we'?re)")
OWN_CONCRETE_RE = rx(r"\b" + FIRST_PERSON + r"\s+(?:\w+ly\s+)?" + CONCRETE + r"\b")
PURPOSE_CONCRETE_RE = rx(r"\b(?:so\s+(?:that\s+)?(?:we|i)\s+(?:can|could|may|might|will)|and\s+(?:we|i)(?:'ll|\s+will|"
                         r"\s+can|\s+could|\s+shall)|to\s+(?:allow|help|enable)\s+(?:us|me)\s+to|for\s+(?:us|me)\s+to|"
                         r"where\s+(?:we|i)\s+(?:can|will)|so\s+(?:we|i)\s+can)\s+(?:\w+ly\s+)?(?:try\s+and\s+|try\s+to\s+)?"
                         + CONCRETE + r"\b")
OWN_VAGUE_RE = rx(r"\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:\w+\s+){0,3}?working\s+on\b|\b(?:" + FIRST_PERSON + r"|so\s+(?:that\s+)?(?:we|i)\s+(?:can|could|may))\s+(?:\w+ly\s+)?"
                  + VAGUE_VERB + r"\b")
DONE_RE = rx(r"\b(?:(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+|also\s+)?(?!(?:seen|received|noticed|heard|read|got|"
             r"had|been|replied|responded|passed\s+on|passed\s+this\s+on|tried|looked|checked\s+in|"
             r"reached\s+out\s+to\s+you|messaged|dm'?d|followed)\b)[a-z]+ed\b|"
             r"(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+)?(?!sent\s+you\s+a\s+(?:direct\s+|private\s+)?(?:dm|message|pm))(?:made|sent|put|set|given|taken|booked|refunded|credited|sent|arranged|"
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
HANDOFF_RE = rx(r"\b(?:(?:please\s+|you\s+(?:can|could|may|will\s+need\s+to|need\s+to|should)\s+|kindly\s+|feel\s+free\s+to\s+)?"
                r"(?:contact|call|phone|ring|reach\s+out\s+to|get\s+in\s+touch\s+with|speak\s+(?:to|with)|visit|check|"
                r"see|head\s+to|go\s+to|pop\s+into|drop\s+into|email|write\s+to|raise\s+(?:it|this)\s+with|"
                r"fill\s+(?:in|out)|submit|suggest|find)\s+(?:\w+\s+){0,3}?(?:our|the|your|a|this|us)\s*(?:\w+\s+){0,2}?"
                r"(?:support|customer\s+(?:service|care|support|relations)|team|help\s*(?:centre|center|page|desk)?|"
                r"website|site|store|page|faq\w*|community|forum|link|here|form|agents?|department|bank|"
                r"provider|seller|courier|retailer|manufacturer|carrier|airline|app|settings|article|guide)|"
                r"(?:someone|somebody|a\s+member\s+of\s+(?:the|our)\s+team|the\s+\w+\s+team|our\s+\w+\s+team|they)\s+"
                r"(?:will|should|can)\s+(?:be\s+in\s+touch|contact|get\s+back|call|reach|help|follow)|"
                r"reach\s+out\s+to\s+us|(?:please\s+|you\s+can\s+|do\s+)get\s+in\s+touch|(?<!to\s)get\s+in\s+touch\s+(?:with\s+us|via|on|by|here)|(?<!to\s)contact\s+us|stay\s+tuned|keep\s+an\s+eye\s+on|"
                r"(?:can\s+be\s+(?:reached|found|contacted))|(?:details|info\w*|steps|more)\s+(?:here|at|on|in)\b|"
                r"(?:available|listed|found)\s+(?:here|at|on)\b|this\s+link|(?:here|below)\s*:)")
INSTRUCTION_RE = rx(r"(?:^|[.!?,]\s*|\b(?:please|can\s+you|could\s+you|would\s+you|you\s+(?:can|could|may|might\s+want\s+to|"
                    r"should))\s+)(?:try|restart\w*|reboot\w*|reinstall\w*|re-?install\w*|updat\w*|clear\w*|reset\w*|"
                    r"turn\w*|switch\w*|log\s+out|sign\s+out|delete|remove|check|make\s+sure|ensure|power|unplug|"
                    r"plug|go\s+to|open|tap|select|enable|disable|download|install|use|follow|head\s+to|visit|provide|"
                    r"send|share|confirm)\b")
PUSHBACK_RE = rx(r"\b(?:you(?:'ll| will)?\s+(?:need|have)\s+to\s+(?:contact|speak|call|ask|take\s+(?:this|it)\s+up|raise)|"
                 r"(?:contact|speak\s+to|ask)\s+(?:the\s+)?(?:seller|courier|bank|retailer|manufacturer|store\s+you)|"
                 r"(?:not|isn'?t)\s+(?:our|my)\s+(?:responsibility|problem|fault|issue)|nothing\s+(?:we|i)\s+can\s+do|"
                 r"(?:we|i)\s+(?:can'?t|cannot|are\s+unable\s+to|am\s+unable\s+to|won'?t|(?:are|am)\s+not\s+able\s+to|aren'?t\s+able\s+to)\s+"
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

# --- acknowledgement -----------------------------------------------------------------------------------
ACK_RE = rx(r"\b(?:thanks?\s+(?:you\s+)?(?:so\s+much\s+|very\s+much\s+)?for\s+(?:reaching\s+out|getting\s+in\s+touch|"
            r"contacting|letting\s+us\s+know|the\s+heads\s+up|flagging|bringing|raising|your\s+(?:tweet|message|patience|"
            r"feedback|comments?|post|question)|asking|sharing|telling|the\s+(?:tweet|message|feedback|update)|"
            r"the\s+info\w*|pointing|checking|following\s+up|your\s+understanding)|"
            r"sorry\s+to\s+(?:hear|read|see|learn)|(?:we'?ve|i'?ve|we\s+have|i\s+have)\s+(?:seen|received|noted|"
            r"got)\s+your|(?:we|i)\s+(?:see|hear|understand|can\s+see|note)\b|we'?re\s+aware|we\s+are\s+aware|"
            r"i'?m\s+aware|noted|got\s+it|(?:don'?t|do\s+not)\s+like\s+to\s+(?:hear|see|read)|understood|not\s+what\s+we\s+(?:like|want)\s+to\s+(?:hear|see)|"
            r"that'?s\s+(?:not\s+good|not\s+great|not\s+ideal|a\s+shame)|oh\s+no|"
            r"(?:that|this)\s+(?:doesn'?t|does\s+not)\s+sound\s+right|thanks\s+for\s+letting)\b")
REFERENCE_RE = rx(r"\b(?:information|info|news|updates?|details)\s+(?:on|about|regarding)\s+(?:this|that|it)\b|"
                  r"\b(?:look|looking|check|checking|investigate)\s+(?:into|at)\s+(?:this|that|it)\b")
DATA_WORDS = (r"(?:number|no\.?|#|code|id|reference|ref|details|email|e-mail|address|postcode|locator|confirmation|"
              r"info(?:rmation)?|account\s+(?:number|details)|name|dob|date\s+of\s+birth|phone|mobile)")

# --- greeting, closing ---------------------------------------------------------------------------------
GREETING_RE = rx(r"^\W{0,3}(?:hi|hello|hey|hiya|heya|howdy|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|"
                 r"evening|greetings|dear|welcome|thanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:reaching\s+out|"
                 r"getting\s+in\s+touch|contacting|your\s+(?:message|tweet|patience)|the\s+(?:message|tweet)|"
                 r"letting|asking|flagging|bringing|sharing|waiting|your\s+\w+)|thanks\s+for)\b")
STIFF_GREETING_RE = rx(r"^\W{0,3}(?:dear\s+(?:sir|madam|customer|valued|client|user|sir/madam)|to\s+whom|greetings|"
                       r"valued\s+customer|attention)\b")
BAD_OPENING_RE = rx(r"^\W{0,3}(?:yo|oi|listen|look|wow|ugh|seriously|calm\s+down|what\s+do\s+you\s+want|whatever|"
                    r"um+|err+|lol|lmao|k|ok\s+so|sigh|duh|no|nope|wrong|actually)\b")
OFFER_RE = rx(r"\b(?:let\s+(?:us|me)\s+know\s+if|if\s+(?:you|there'?s|there\s+is)\s+(?:\w+\s+){0,3}?(?:anything|"
              r"any\s+(?:more|further|other)|else|more|further|questions)|anything\s+else|any\s+(?:other|further|more)\s+"
              r"(?:questions|help|queries|assistance)|(?:happy|glad)\s+to\s+help(?:\s+further)?|here\s+(?:if|whenever|"
              r"when|to\s+help|for\s+you)|we'?re\s+(?:always\s+)?here|don'?t\s+hesitate|feel\s+free\s+to|hope\s+(?:this|that)\s+"
              r"(?:helps|resolves|sorts|answers|clears)|does\s+(?:that|this)\s+(?:help|answer|make\s+sense|work)|"
              r"(?:did|has)\s+(?:that|this)\s+(?:help|work|resolve|fix|sort)|reach\s+(?:out|back)\s+(?:again|anytime|any\s+time)|"
              r"give\s+us\s+a\s+(?:shout|shout)|(?:dm|message)\s+us\s+if|keep\s+us\s+(?:posted|in\s+the\s+loop|updated)|"
              r"get\s+back\s+to\s+us\s+if|let\s+us\s+know\s+how|is\s+(?:that|everything)\s+(?:ok|okay|all\s+sorted|resolved)|"
              r"are\s+you\s+(?:happy|satisfied)|can\s+(?:i|we)\s+help\s+with\s+anything|always\s+happy\s+to|"
              r"let\s+us\s+know\s+(?:if|should|whether|once)|just\s+let\s+us\s+know|let\s+me\s+know\s+(?:if|should|once)|"
              r"we'?ll\s+be\s+here|any\s+time)\b")
WELLWISH_RE = rx(r"\b(?:have\s+a\s+(?:great|good|lovely|nice|wonderful|fantastic|fab|safe|brilliant)\s+\w+|enjoy\s+(?:your|the)|"
                 r"take\s+care|safe\s+travels|speak\s+soon|all\s+the\s+best|best\s+wishes|happy\s+(?:halloween|holidays|"
                 r"travels|flying|shopping|gaming|listening|weekend|friday)|good\s+luck|stay\s+safe|thanks\s+for\s+your\s+"
                 r"(?:patience|understanding|support|custom|loyalty))\b")
THANKS_END_RE = rx(r"(?:thanks?(?:\s+(?:you|again|so\s+much))?|cheers|kind\s+regards|regards|best\s+wishes|many\s+thanks)"
                   r"\s*[.!]?\s*$")

# --- tone ----------------------------------------------------------------------------------------------
RUDE_RE = rx(r"\b(?:you\s+should\s+(?:have|'ve)\s+(?:read|checked|known|called|contacted|followed|listened|booked|noticed|"
             r"looked|asked|thought|realised|realized|done|paid\s+attention)|you\s+(?:need|have)\s+to\s+(?:read|learn|understand|check\s+(?:before|first))|"
             r"(?:it'?s|that'?s|this\s+is)\s+(?:your\s+(?:own\s+)?(?:fault|problem|responsibility)|on\s+you)|"
             r"you\s+(?:didn'?t|did\s+not|failed\s+to|never)\s+(?:read|check|follow|bother|listen)|learn\s+to\s+read|"
             r"as\s+(?:i|we)\s+(?:already\s+)?(?:said|told\s+you|explained|stated|mentioned)|(?:read|check)\s+the\s+"
             r"(?:terms|t&cs|small\s+print|policy)\s+(?:next\s+time|first|before)|calm\s+down|stop\s+(?:complaining|moaning|"
             r"shouting|whining)|deal\s+with\s+it|get\s+over\s+it|(?:that'?s|it'?s)\s+not\s+our\s+(?:fault|problem)|"
             r"not\s+our\s+(?:fault|problem)|you(?:'re|\s+are)\s+(?:wrong|mistaken|lying|overreacting|being\s+(?:rude|"
             r"unreasonable|ridiculous|difficult))|no\s+need\s+to\s+be\s+(?:rude|so)|what\s+do\s+you\s+(?:want|expect)|"
             r"shut\s+up|idiot|stupid|ridiculous|pathetic|whatever|(?:is|was|'s)\s+(?:entirely\s+|all\s+)?your\s+(?:own\s+)?fault|"
             # "sorry, but you should have read the terms": blame for not doing something sooner / differently
             r"but\s+you\s+should(?:'ve|\s+have)|you\s+should(?:'ve|\s+have)\s+\w+(?:\s+\w+){0,6}?\s+(?:sooner|earlier|"
             r"instead|first|beforehand)|only\s+joking|just\s+kidding|blame\s+(?:yourself|you)|"
             r"if\s+you\s+(?:had|would\s+have)\s+(?:read|checked|listened)|not\s+sorry|(?:we|i)\s+(?:won'?t|will\s+not)\s+"
             r"apologi[sz]e|clearly\s+you|obviously\s+you|that'?s\s+(?:just\s+)?(?:how|the\s+way)\s+it\s+is|"
             r"take\s+it\s+or\s+leave\s+it|go\s+elsewhere|(?:nobody|no\s+one)\s+(?:else\s+)?(?:has|is)\s+complain\w*)\b")
SARCASM_RE = rx(r"(?:\b(?:oh\s+)?(?:great|wonderful|brilliant|fantastic|lovely|perfect),?\s+(?:another|so|now|just\s+what)|"
                r"\byeah\s+right\b|\bgood\s+luck\s+with\s+that\b|\bnice\s+try\b|(?<!make )(?<!making )(?<!be )(?<!to )\bsure\s+you\s+(?:did|do|are|were)\b|"
                r"\bif\s+you\s+say\s+so\b|\bthanks\s+for\s+nothing\b|\bwhat\s+a\s+(?:surprise|shock)\b|"
                r"\bcongrat\w*\s+on\s+(?:finally|your\s+(?:complaint|tweet))|\bwell\s+done\s+you\b|/s\b|🙄|😒|🙃|"
                r"\bsorry\s+(?:not\s+sorry|you\s+feel\s+that\s+way\s+but)|\bas\s+if\b|\bhow\s+(?:shocking|surprising)\b|"
                r"\bbless\s+(?:you|your\s+heart)\b|\bnews\s+flash\b|\bnewsflash\b)")
DEFENSIVE_RE = rx(r"\b(?:we\s+(?:are|'re)\s+not\s+(?:responsible|liable|to\s+blame)|(?:as\s+per|according\s+to|that'?s|it'?s|"
                  r"this\s+is)\s+(?:our|the)\s+(?:policy|terms)|we\s+did\s+(?:nothing|not\s+do\s+anything)\s+wrong|"
                  r"(?:nothing|not\s+much)\s+(?:we|i)\s+can\s+do|we\s+can'?t\s+control|beyond\s+our\s+control|"
                  r"(?:our|the)\s+(?:staff|team|agent|crew)\s+(?:was|were|did)\s+(?:right|correct|following)|"
                  r"unfortunately\s+(?:that|this)\s+is\s+(?:how|the)|in\s+our\s+defen[cs]e|to\s+be\s+fair|"
                  r"but\s+i'?m\s+glad|but\s+we'?re\s+glad|rest\s+assured\s+(?:our|that\s+our)\s+(?:staff|team))\b")
COURTESY_RE = rx(r"\b(?:good\s+(?:morning|afternoon|evening|day)|please|thanks?|thank\s+you|sorry|apolog\w*|hi|hello|hey|happy|glad|welcome|appreciate|kind|"
                 r"regards|cheers|enjoy|great|lovely|here\s+to\s+help|we'?d\s+(?:like|love)|would\s+like|help|hope)\b")
CAPS_RE = re.compile(r"\b[A-Z]{3,}\b")
EXCLAIM_RE = re.compile(r"!")
MULTI_PUNCT_RE = re.compile(r"[!?]{2,}")
NONNATIVE_RE = rx(r"\b(?:(?:we|they|you|i)\s+has\s+\w+|(?:has|have)\s+(?:respond|reply|send|fix|check|receive)\b|"
                  r"do\s+the\s+needful|kindly\s+revert|revert\s+(?:back|to\s+you)|(?:we|you|they)\s+was\b|"
                  r"please\s+to\s+\w+|prepone|it'?s\s+resolve\b|gets?\s+resolve\b|hopefully\s+it\s+gets\s+resolve\b)")
OFFICIALESE_RE = rx(r"\b(?:please\s+be\s+advised|kindly|as\s+per|pursuant|hereby|aforementioned|herewith|in\s+accordance\s+with|"
                    r"at\s+this\s+moment\s+in\s+time|we\s+regret\s+to\s+inform|the\s+undersigned|non-?compliant|"
                    r"with\s+regards?\s+to\s+the\s+above|do\s+the\s+needful|revert\s+back)\b")
JARGON_RE = rx(r"\b(?:tier\s*[123]|l[123]\s+(?:team|support)|sla|rma|noc|crm|backend|back-end|provisioning|"
               r"escalation\s+matrix|ticket\s+(?:id|status)|case\s+(?:id|status)|(?:ont|olt|dslam|pon)\b|"
               r"sync\s+speed|packet\s+loss|node|upstream|downstream|mac\s+address|dns|ttl|incident\s+(?:id|number)|"
               r"p[1-4]\s+(?:incident|priority)|bau|kpi|workaround\s+ref)\b")
CODE_RE = re.compile(r"\b[A-Z]{2,6}[-_]?\d{3,}[A-Z0-9-]*\b")
ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9&]{1,5}s?\b")

# --- data protection -----------------------------------------------------------------------------------
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
GENERIC_MAILBOX_RE = rx(r"^(?:help|support|info|care|complaints?|customerservices?|customercare|contact|contactus|hello|"
                        r"team|service|enquiries|feedback|press|social|socialmedia|cs|helpdesk|admin|noreply|no-reply)@")
PHONE_RE = re.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?\s?|0)(?:\d\s?){9,10}(?!\d)|(?<![\w])\(?0\d{3,4}\)?\s?\d{3}\s?\d{3,4}(?!\d)")
BRAND_PHONE_RE = re.compile(r"^(?:\+44\s?\(?0?\)?\s?|0)(?:8\d\d|3\d\d)")
CARD_RE = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
SORT_CODE_RE = re.compile(r"(?<!\d)\d{2}-\d{2}-\d{2}(?!\d)")
ACCOUNT_NO_RE = rx(r"\b(?:account|acct|a/c|membership|customer)\s*(?:number|no\.?|#)?\s*(?:is|:)?\s*\d{6,}\b")
POSTCODE_RE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}\b")
ADDRESS_RE = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|"
                        r"Dr|Way|Crescent|Court|Ct|Place|Pl|Gardens|Terrace|Grove|Square|Hill|Mews|Row|Park|View)\b")
DOB_RE = rx(r"\b(?:born\s+on|date\s+of\s+birth|dob|birthday)\b[^.!?]{0,20}\d")
# a password value written out in its clause ("your PIN is 4471", "password: Abc123", "reset your password, it's
# Rivermead2026!"); only a token that looks like a credential (a digit or symbol in it) counts, so "your password
# is never shared" and "forgot your password: click the link" are not reveals
PASSWORD_REVEAL_RE = rx(r"\b(?:password|passcode|pin)\b[^.!?\n]{0,40}?(?:(?:\bit'?s|\bis|\bto|\bas|\bwas)\s+|[:=]\s*)[\"'“‘]?"
                        r"(?=[^\s\"'”’]*[\d!@#$%&*?])[^\s\"'”’]{4,}")
# a card or account identified by its last digits ("Visa ending 3318", "account ending in 2290")
CARD_FRAGMENT_RE = rx(r"\b(?:card|visa|mastercard|master\s?card|amex|maestro|debit|credit|account|acct)\s+"
                      r"(?:card\s+|number\s+)?(?:ending|ends|ending\s+with)\s+(?:in\s+|with\s+)?[*x•]*\s*\d{3,4}\b|"
                      r"\blast\s+(?:four|4)\s+(?:digits\s+)?(?:of\s+(?:your|the)\s+\w+\s+)?(?:are|is|:)?\s*\d{4}\b")
ORDER_REF_RE = rx(r"\b(?:order|booking|reservation|reference|ref|case|ticket|confirmation)\s*(?:number|no\.?|code|#|id)?\s*"
                  r"(?:is|:)?\s*#?(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}[A-Z0-9-]{4,}\b")
ASK_RE = rx(r"\b(?:what(?:'s|\s+is)\s+your|(?:can|could|would|will)\s+(?:you|we|i)\s+(?:please\s+)?(?:send|give|provide|share|"
            r"tell|confirm|post|reply|tweet|let\s+(?:us|me)\s+(?:know|have)|have|get|grab|pass|include|check)|"
            r"please\s+(?:send|give|provide|share|tell|confirm|reply|tweet|post|include|let\s+(?:us|me)\s+(?:know|have)|"
            r"add|enter|type)|may\s+(?:we|i)\s+(?:have|get|ask|know)|(?:reply|respond|tweet)\s+(?:back\s+)?(?:with|us)|"
            r"(?:send|give|share|tell|post|tweet)\s+(?:us|me)\b|we'?(?:ll|d)\s+need\s+your|we\s+(?:will\s+)?need\s+your|"
            r"i'?(?:ll|d)\s+need\s+your|(?:dm|message)\s+(?:us|me)|"
            r"(?:can|could|would|will)\s+(?:you|we|i)\s+(?:please\s+)?(?:just\s+)?(?:pop|drop|leave|put|write|comment|"
            r"type|add|list)|(?:comment|reply|respond)\s+(?:below\s+|here\s+)?with)\b")
# "pop your ... in the comments", "please comment your email", "drop us your number": an imperative at the start
# of a sentence or clause (group "verb"), so "we'll put your order number on the note" is not an ask
IMPERATIVE_ASK_RE = rx(r"(?:^\W*|[,;:(]\s*|\b(?:and|then|just|please|kindly|so)\s+)(?P<verb>(?:pop|drop|leave|put|write|"
                       r"comment|post|share|type|add|list)\s+(?:us\s+|me\s+)?(?:down\s+|below\s+)?(?:with\s+)?"
                       r"(?:your|the|a|an)\b)")
PERSONAL_ITEM_RE = rx(r"\b(?:e-?mail(?:\s+address)?|(?:phone|mobile|contact|telephone|cell|cellphone)\s*(?:number|no|#)|"
                      r"your\s+(?:number|name|details|account\s+details|personal\s+details|contact\s+details)|"
                      r"(?:your|home|postal|full|shipping|delivery|billing|street|the)\s+address|post\s?code|zip\s?code|"
                      r"account\s+(?:number|details|no|name|info\w*|#)|card\s+(?:number|details|no)|long\s+card|password|"
                      r"passcode|pin|date\s+of\s+birth|dob|birthday|full\s+name|(?:booking|order|reservation|confirmation|"
                      r"reference|ref|tracking|membership|customer|case|policy|ticket|loyalty|frequent\s+flyer)\s+(?:number|"
                      r"no|reference|ref|code|id|details|#)|record\s+locator|sort\s+code|security\s+(?:question|answer|code)|"
                      r"cvv|personal\s+info\w*|adobe\s+id|apple\s+id)\b")
PRIVATE_MARK_RE = rx(r"\b(?:dm|dms|direct\s+message|private(?:ly)?|pm|inbox|message\s+(?:us|me)|messaging|secure\w*|"
                     r"via\s+(?:this|the)\s+(?:link|form)|(?:link|form)\s+(?:below|here|above)|"
                     r"don'?t\s+(?:share|post|include))\b|\bhere\s*:")
PASSWORD_ASK_RE = rx(r"\b(?:send|give|share|tell|provide|confirm|dm|message|reply\s+with)\s+(?:us|me)?\s*(?:your|the)\s+"
                     r"(?:full\s+)?(?:password|passcode|pin|cvv|security\s+code)\b|what(?:'s|\s+is)\s+your\s+(?:password|pin)")
NEVER_SHARE_RE = rx(r"\b(?:never|don'?t|do\s+not|please\s+don'?t|won'?t\s+ever|we\s+will\s+never)\s+(?:\w+\s+){0,4}"
                    r"(?:password|pin|card|details|cvv)")
VERIFY_RE = rx(r"\b(?:verify|confirm|security\s+(?:check|question|questions)|(?:first\s+line\s+of|your)\s+(?:address|"
               r"postcode|date\s+of\s+birth)|make\s+sure\s+i'?m\s+speaking|for\s+security|to\s+protect\s+your\s+account|"
               r"can\s+you\s+confirm)\b")
ACCOUNT_TALK_RE = rx(r"\b(?:your\s+(?:account|balance|bill|order|payment|card|booking|address|statement|contract|plan)\s+"
                     r"(?:shows|is|was|has|says|ends)|i\s+can\s+see\s+(?:on\s+)?your\s+(?:account|order|booking|bill|payment)|"
                     r"(?:on|in)\s+your\s+account,?\s+(?:i|we)\s+(?:can\s+)?see)\b")

# --- clarify, escalation -------------------------------------------------------------------------------
QUESTION_RE = re.compile(r"[^.!?\n]*\?")
FOCUSED_Q_RE = rx(r"^\W*(?:(?:hi|hey|hello)\b[^,?]{0,20},\s*)?(?:which|what|when|where|how|who|whereabouts|do|does|did|is|are|was|were|"
                  r"have|has|had|(?:would\s+you\s+)?mind\s+(?:clarifying|confirming|telling|sharing|letting|checking)|"
                  r"can\s+you\s+(?:tell|confirm|let|share|describe|check|clarify|explain|try)|could\s+you\s+"
                  r"(?:tell|confirm|let|share|describe|check|clarify|explain)|would\s+you\s+(?:mind|be\s+able)|"
                  r"are\s+you|were\s+you|just\s+to\s+(?:check|confirm|clarify)|to\s+(?:check|confirm|clarify))\b")
CLOSING_Q_RE = rx(r"\b(?:anything\s+else|any\s+(?:other|more|further)|can\s+(?:i|we)\s+help\s+with|is\s+there\s+anything|"
                  r"does\s+that\s+help|did\s+that\s+help|make\s+sense)\b")
ESCALATE_RE = rx(r"\b(?:escalat\w*|pass(?:ed|ing)?\s+(?:this|it|your\s+\w+)\s+(?:on\s+)?to|refer(?:red|ring)?\s+(?:this|it|"
                 r"you)\s+to|rais(?:e|ed|ing)\s+(?:this|it|a\s+\w+)\s+with|(?:team\s+leader|manager|supervisor|specialist|"
                 r"senior|complaints\s+team|safety\s+team|security\s+team|fraud\s+team|data\s+protection|legal\s+team)|"
                 r"flag(?:ged|ging)?\s+(?:this|it)\s+(?:to|with))")
NEXT_RE = rx(r"\b(?:will\s+(?:contact|call|email|be\s+in\s+touch|get\s+back|reply|respond|review|investigate|update)|"
             r"(?:be|get)\s+in\s+touch|get\s+back\s+to\s+you|update\s+you|within\s+\d+|by\s+\w+day|today|tomorrow|"
             r"next\s+step)\b")


# Gates: a pattern runs only when one of these substrings is in the lower-cased reply (a cheap C-level check).
GATES[id(SARCASM_RE)] = ('great', 'wonderful', 'brilliant', 'fantastic', 'lovely', 'perfect', 'yeah right', 'good luck', 'nice try', 'sure you', 'say so', 'thanks for nothing', 'what a', 'congrat', 'well done', '/s', '🙄', '😒', '🙃', 'sorry not', 'sorry you feel', 'as if', 'how shocking', 'how surprising', 'bless', 'news')
GATES[id(EMPATHY_LIGHT_RE)] = ("sadly", "experience", "service", "frustrations", 'sorry', 'ideal', 'like to', 'understand', 'hear you', 'oh no', 'what we', 'to hear', 'that', 'what a', 'sound', 'we know', 'understandably', 'feel your', 'never', 'far from', 'news', 'not what you', 'poor', 'loss', 'condolence', 'concerned', ' on', 'way', 'your frustration', 'your disappointment', 'your upset')
GATES[id(DEFENSIVE_RE)] = ('responsible', 'liable', 'blame', 'policy', 'terms', 'wrong', 'nothing', 'not much', 'control', 'staff', 'team', 'agent', 'crew', 'unfortunately', 'defen', 'to be fair', 'but i', 'but we', 'rest assured')
GATES[id(RUDE_RE)] = ('should', 'joking', 'kidding', 'need to', 'have to', 'fault', 'problem', 'responsib', 'on you', 'didn', 'did not', 'failed', 'never', 'learn', 'as i', 'as we', 'terms', 't&c', 'small print', 'calm', 'stop', 'deal with', 'get over', 'not our', "you're", 'you are', 'no need', 'what do you', 'shut', 'idiot', 'stupid', 'ridiculous', 'pathetic', 'whatever', 'blame', 'if you', 'not sorry', 'apolog', 'clearly', 'obviously', 'how it is', 'way it is', 'take it or', 'elsewhere', 'complain')
GATES[id(DISMISSIVE_RE)] = ('calm', 'relax', 'chill', 'no need', 'big deal', 'happens', 'get over', 'deal with', 'stop', 'whatever', 'overreact')
GATES[id(APOLOGY_RE)] = ('sorry', 'apolog', 'regret', 'forgive')
GATES[id(EMPATHY_STRONG_RE)] = ('frustrat', 'annoy', 'upset', 'disappoint', 'stress', 'worr', 'inconvenien', 'difficult', 'hard', 'concern', 'anxious', 'distress', 'infuriat', 'madden', 'awful', 'horrible', 'unacceptable', 'let down', 'fed up', 'angry', 'anger', 'scary', 'unsettling', 'exasperat', 'gutted', 'rubbish', 'pain', 'nightmare', 'disrupt', 'important to you', 'matters to you', 'last thing', 'experience', 'service', 'standard', 'journey', 'impression', 'the same', 'just as', 'equally', 'embarrass', 'uncomfortable', 'overwhelm', 'frighten', 'heartbreak', 'devastat', 'exhausting', 'hassle', 't ok', 'acceptable', 'good enough', 'too long', 'wasted', 'opposite', 'you paid', 'you booked', 'you expected', 'you deserve', 'you weren', 'you were not', 'you didn', 'you did not')
GATES[id(EMPATHY_UNDERSTAND_FEELING_RE)] = ('understand', 'appreciate', 'recognis', 'recogniz', 'hear')
GATES[id(WELLWISH_RE)] = ('have a', 'enjoy', 'take care', 'safe', 'speak soon', 'all the best', 'best wishes', 'happy', 'good luck', 'thanks for your')
GATES[id(JARGON_RE)] = ('tier', 'l1', 'l2', 'l3', 'sla', 'rma', 'noc', 'crm', 'backend', 'back-end', 'provision', 'matrix', 'ticket', 'case', 'ont', 'olt', 'dslam', 'pon', 'sync', 'packet', 'node', 'stream', 'mac ', 'dns', 'ttl', 'incident', 'p1', 'p2', 'p3', 'p4', 'bau', 'kpi', 'workaround')
GATES[id(PUSHBACK_RE)] = ('need', 'have to', 'contact', 'speak', 'ask', 'responsib', 'problem', 'fault', 'issue', 'nothing', "can't", 'cannot', 'unable', "won't", 'not able', "aren't able", 'down to', 'up to', 'out of our', "don't", 'do not')
GATES[id(PURPOSE_CONCRETE_RE)] = ('so ', 'and we', 'and i', 'allow', 'help', 'enable', 'for us', 'for me', 'where we', 'where i')
GATES[id(ACK_RE)] = ('thank', 'sorry to', 'seen', 'received', 'noted', 'got', 'see', 'hear', 'understand', 'note', 'aware', 'like to', 'that', 'oh no', 'sound')
GATES[id(DONE_RE)] = ("'ve", 'have', 'has ')
GATES[id(REPLIED_DM_RE)] = ('repl', 'respond', 'sent you', 'messaged', 'dm', 'followed up', 'check your', 'check ur', 'see you')
GATES[id(PASSWORD_REVEAL_RE)] = ('pass', 'pin')
GATES[id(DM_RE)] = ('dm', 'direct', 'private', 'pm', 'inbox', 'message', 'messaging', 'note', 'secure')
GATES[id(NONNATIVE_RE)] = ('has', 'have', 'needful', 'revert', 'was', 'please to', 'prepone', 'resolve')
GATES[id(OFFICIALESE_RE)] = ('advised', 'kindly', 'as per', 'pursuant', 'hereby', 'aforementioned', 'herewith', 'accordance', 'moment in time', 'regret to', 'undersigned', 'compliant', 'regard', 'needful', 'revert')
GATES[id(REFERENCE_RE)] = ('information', 'info', 'news', 'update', 'details', 'look', 'check', 'investigat')
GATES[id(VERIFY_RE)] = ('verify', 'confirm', 'security', 'address', 'postcode', 'date of birth', 'make sure', 'protect')
GATES[id(ESCALATE_RE)] = ('escalat', 'pass', 'refer', 'rais', 'leader', 'manager', 'supervisor', 'specialist', 'senior', 'team', 'data protection', 'flag')
GATES[id(OWN_VAGUE_RE)] = ('help', 'assist', 'forward', 'support', 'touch', 'work', 'pass', 'shar', 'feed', 'know', 'not', 'keep')
GATES[id(QUESTION_RE)] = ('?',)
GATES[id(MULTI_PUNCT_RE)] = ('!!', '??', '!?', '?!')
GATE_RE: dict[int, re.Pattern] = {k: re.compile("|".join(re.escape(g) for g in v)) for k, v in GATES.items()}


def lsearch(pattern: re.Pattern, lower_text: str):
    """Search lower-cased text with the pattern's fast twin (same result as the case-insensitive pattern)."""
    return FAST.get(id(pattern), pattern).search(lower_text)


WEAK_SHARED = frozenset(stem(w) for w in """
let letting keep kept pass passed full give make sure able going find send happy provide like want can
need get try tried call call called said tell told ask asked come came done doing seem seems new last first
right left long much many more most also even still only just very really well good great best better bad
worse worst today week month year hour hours minute minutes time times thing things stuff people person
""".split())


# "sorry for the delayed response", "apologies for the late reply": about our reply, not the customer's problem
REPLY_DELAY_RE = rx(r"\b(?:delay\w*|late|slow)\s+(?:in\s+(?:our\s+|my\s+)?)?(?:response|reply|replying|responding|"
                    r"getting\s+back)|\b(?:wait\w*)\s+for\s+(?:a|our|my|this)\s+(?:response|reply)")
CUSTOMER_NO_REPLY_RE = re.compile(r"\b(?:no\s+(?:one|body)\s+(?:has\s+)?(?:replied|responded|answered|got\s+back)|"
                                  r"no\s+(?:response|reply|answer)|still\s+waiting\s+for\s+(?:a\s+)?(?:response|reply)|"
                                  r"(?:ignor\w*|not\s+(?:replying|responding|answering)))\b", re.I)


def _singular(st: str) -> str:
    """'cups' and 'cup' meet (the light stemmer keeps the plural s of short words)."""
    return st[:-1] if len(st) > 3 and st.endswith("s") and not st.endswith(("ss", "us", "is")) else st


class Cues:
    """All the cue matches of one reply, computed on first use."""

    def __init__(self, reading: Reading, customer: CustomerReading):
        self.r = reading
        self.c = customer
        self._found: dict = {}
        self._same_length = len(reading.lower) == len(reading.masked)

    def find(self, pattern: re.Pattern) -> list[tuple[int, int]]:
        """(start, end) of every match, cached; case-insensitive patterns run as their twin on lower text."""
        key = id(pattern)   # compiled patterns hash slowly; they live for the process, so id() is safe
        cache = self._found
        found = cache.get(key)
        if found is not None:
            return found
        lower = self.r.lower
        gate = GATE_RE.get(key)
        if gate is not None and gate.search(lower) is None:
            found = []
        else:
            fast = FAST.get(key)
            if fast is not None and self._same_length:
                found = [(m.start(), m.end()) for m in fast.finditer(lower)]
            else:
                found = [(m.start(), m.end()) for m in pattern.finditer(self.r.masked)]
        cache[key] = found
        return found

    @cached_property
    def sentences(self) -> list[tuple[int, int, str]]:
        return [(s, e, self.r.masked[s:e]) for s, e in self.r.sentences]

    @cached_property
    def content_words(self) -> list[tuple[int, int, str]]:
        return [w for w in self.r.words]

    @cached_property
    def data_request_zones(self) -> list[tuple[int, int]]:
        """Spans like "order number", "booking reference", "confirmation code": naming these is asking for data."""
        zones = []
        for m in re.finditer(r"\b([A-Za-z]+)\s+" + DATA_WORDS + r"\b", self.r.masked, re.I):
            zones.append((m.start(), m.end()))
        return zones

    @cached_property
    def _customer_singulars(self) -> frozenset[str]:
        return frozenset(_singular(x) for x in self.c.issue_stems if x not in GENERIC and x not in WEAK_SHARED)

    @cached_property
    def issue_mentions(self) -> list[tuple[int, int, str]]:
        """Words of the reply that name the customer's issue (same theme or a shared salient word)."""
        out = []
        zones = self.data_request_zones
        for s, e, w in self.r.words:
            lw = w.lower()
            if lw in STOPWORDS or len(lw) < 3:
                continue
            st = stem(lw)
            theme = THEME_OF.get(st)
            hit = (theme is not None and subtheme(st) in self.c.subthemes and theme != "delay" or
                   theme == "delay" and "delay" in self.c.themes or
                   st in self.c.issue_stems and st not in GENERIC and st not in WEAK_SHARED and len(st) >= 4 or
                   _singular(st) in self._customer_singulars and len(_singular(st)) >= 3
                   and st not in GENERIC and st not in WEAK_SHARED)
            if not hit:
                continue
            if any(zs <= s < ze for zs, ze in zones):
                continue
            if theme == "delay" and not self._customer_waits_for_reply and any(
                    rs <= s < re_ for rs, re_ in self.find(REPLY_DELAY_RE)):
                continue
            out.append((s, e, w))
        return out

    @cached_property
    def _customer_waits_for_reply(self) -> bool:
        return bool(CUSTOMER_NO_REPLY_RE.search(self.c.text))

    @cached_property
    def named_issue(self) -> list[tuple[int, int, str]]:  # noqa: C901
        """Issue mentions that *state* the issue: in an apology, acknowledgement or empathy sentence, in a
        declarative statement about it, or in the answer to the customer's question; not in a request for data,
        a question back, an instruction or a promise of action."""
        out = []
        acks = self.find(ACK_RE) + self.find(APOLOGY_RE) + self.find(EMPATHY_LIGHT_RE) + self.find(EMPATHY_STRONG_RE)
        for a in self.apologies:
            if a["kind"] in ("specific", "specific_heard") and not any(ss <= a["span"][0] < se for ss, se, _ in out):
                ss, se = a["span"]
                obj = re.search(r"\b(?:interruption|disruption|outage|delay\w*|wait\w*|error|mistake|mix-?up|"
                                r"cancell?ation|fault)\b", self.r.lower[ss:se])
                if obj:
                    out.append((ss + obj.start(), ss + obj.end(), self.r.text[ss + obj.start():ss + obj.end()]))
        asked = "?" in self.c.text
        for s, e, w in self.issue_mentions:
            ss, se = self.r.sentence_of(s)
            sent = self.r.lower[ss:se]
            if any(ss <= a < se for a, _ in acks):
                out.append((s, e, w))
                continue
            if sent.rstrip().endswith("?"):
                # a focused question about the issue itself ("which model iPhone was it?") shows it was heard;
                # a check that hands it back ("did you ask a crew member?") does not
                q = re.split(r"[.!]\s+", sent.strip())[-1]
                if (THEME_OF.get(stem(w.lower())) in self.c.themes and
                        re.match(r"\W*(?:(?:hi|hey|hello)\b[^,?]{0,20},\s*)?(?:which|what|when|where|how|does|is|are)\b", q)
                        and not re.match(r"\W*what'?s\s+happening", q)):
                    out.append((s, e, w))
                continue
            stripped = sent.strip()
            if re.match(r"(?:please\b|pls\b|can you|could you|try\b|check\b|dm\b|send\b|contact\b|visit\b|go to\b)",
                        stripped):
                continue
            if re.match(r"(?:i|we)(?:'ll| will|'ve| have|'d| would| can)\b", stripped) and not asked:
                continue
            out.append((s, e, w))
        return out

    @cached_property
    def apologies(self) -> list[dict]:
        """Each apology with its kind: specific (2), vague (1), conditional (1), negated (0), blame (0)."""
        out = []
        text = self.r.masked
        for s, e in self.find(APOLOGY_RE):
            sent_s, sent_e = self.r.sentence_of(s)
            before = text[max(sent_s, s - 25):s]
            after = text[e:sent_e] if sent_e > e else ""
            if APOLOGY_NEGATED_RE.search(before) or re.match(r"\W*not\s+sorry", after, re.I):
                kind = "negated"
            elif BLAME_AFTER_RE.search(after) or BLAME_AFTER_RE.search(text[e:min(len(text), sent_e + 80)][:120]
                                                                       if re.match(r"\W*but\b", text[sent_e:sent_e + 6], re.I) else ""):
                kind = "blame"
            elif CONDITIONAL_RE.search(after):
                kind = "conditional"
            else:
                to_hear = SORRY_TO_HEAR_RE.search(after)
                obj = after[to_hear.end():] if to_hear else after
                obj_clean = re.sub(r",?\s*[A-Z][a-z]+\s*[.!?]*\s*$", "", obj)  # a trailing name is not the object
                mentions = [w for w in self.issue_mentions if e <= w[0] < sent_e]
                specific_words = [w for w in mentions if THEME_OF.get(stem(w[2].lower())) or stem(w[2].lower()) in self.c.issue_stems]
                own_specific = re.search(r"\b(?:your|the|this|our)\s+(?:\w+\s+)?(?:delay\w*|wait\w*|outage|interruption|"
                                         r"disruption|error|mistake|mix-?up|cancell?ation|late\w*|refund|charge|order|"
                                         r"parcel|delivery|flight|booking|bill|issue with|problem with|trouble with)",
                                         obj, re.I)
                if REPLY_DELAY_RE.search(obj) and not self._customer_waits_for_reply:
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
                end = s + len(clause.group().rstrip())
            out.append({"span": (s, max(end, e)), "kind": kind})
        return out

    @cached_property
    def questions(self) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in QUESTION_RE.finditer(self.r.masked) if m.group().strip(" ?")]

    @cached_property
    def focused_questions(self) -> list[tuple[int, int, str]]:
        out = []
        for s, e, q in self.questions:
            q_strip = q.strip()
            if CLOSING_Q_RE.search(q) or DM_RE.search(q) and not re.search(r"\bwhich|what|when|where|how\b", q, re.I):
                continue
            if ASK_RE.search(q) and PERSONAL_ITEM_RE.search(q):
                continue
            if FOCUSED_Q_RE.search(q_strip) or re.search(r"\b(?:which|what|when|where|how)\b", q, re.I):
                lead = len(q) - len(q.lstrip())
                out.append((s + lead, e, q_strip))
        return out

    @cached_property
    def slang(self) -> list[tuple[int, int, str]]:
        text = self.r.masked
        return [(s, e, w) for s, e, w in self.r.words if w.lower() in SLANG
                and not (len(w) == 1 and text[e:e + 1] == ".")]

    @cached_property
    def caps_words(self) -> list[tuple[int, int, str]]:
        out = []
        for m in CAPS_RE.finditer(self.r.masked):
            w = m.group()
            if w in KNOWN_ACRONYMS or w in self.c.acronyms:
                continue
            out.append((m.start(), m.end(), w))
        return out

    @cached_property
    def emojis(self) -> list[tuple[int, int, str]]:
        return ([(m.start(), m.end(), m.group()) for m in EMOJI_RE.finditer(self.r.masked)] +
                [(m.start(), m.end(), m.group()) for m in EMOTICON_RE.finditer(self.r.masked)])

    @cached_property
    def exclamations(self) -> int:
        return self.r.masked.count("!")
