"""Empathy patterns: strong (a feeling tied to the situation), understanding a feeling, light, dismissive."""
from __future__ import annotations

from rubrics.cues.matching import gate, rx

FEELING = (r"(?:frustrat\w*|annoy\w*|upset\w*|disappoint\w*|stress\w*|worr\w*|inconvenien\w*|difficult|hard|"
           r"concern\w*|anxious|distress\w*|infuriat\w*|maddening|awful|horrible|unacceptable|let down|fed up|"
           r"angry|anger|scary|unsettling|annoying|worrying|exasperat\w*|gutted|rubbish|painful|a pain|a nightmare|"
           r"disruptive|important to you|matters to you|the last thing you need|embarrass\w*|uncomfortable|"
           r"overwhelm\w*|frighten\w*|heartbreak\w*|devastat\w*|exhausting|a (?:real )?hassle|a real pain)")
EMPATHY_STRONG_RE = rx(
    r"\b(?:(?:i|we)\s+(?:can\s+|completely\s+|totally\s+|fully\s+|really\s+|do\s+|definitely\s+|can\s+only\s+)*"
    r"(?:see|understand|imagine|appreciate|know|get|realise|realize)\s+(?:just\s+)?(?:how|why|that|what|this|it'?s|"
    r"your)"
    r"[^.!?]{0,80}?" + FEELING + r"|"
    r"(?:must|must've|must have|would|would've|will)\s+(?:be|have been|feel|have felt)\s+(?:so\s+|very\s+|really\s+|"
    r"incredibly\s+|extremely\s+|such\s+)?" + FEELING + r"|"
    r"(?:that|this|it)(?:'?s| is| was| sounds| does sound| sounds really| must be)\s+(?:so\s+|really\s+|very\s+|"
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
# The impact on them named as an evaluation, with no feeling word ("three cancellations in a week, when your job
# depends on it, is serious", "£540 on top is a lot to swallow", "a rotten start to a trip", "every night is far too
# often", "would stop anyone in their tracks"): the guide's "empathy without stock phrases". The detector still needs
# it tied to their situation (their issue named in the sentence).
IMPACT_EVAL_RE = rx(
    r"\b(?:(?:is|was|are|were|'s|sounds)\s+(?:really\s+|very\s+|so\s+|genuinely\s+)?serious\b|"
    r"a\s+lot\s+(?:to\s+(?:swallow|take\s+in|deal\s+with|cope\s+with|handle)|at\s+once|on\s+your\s+plate)|"
    r"(?:a|such\s+a)\s+(?:rotten|miserable|horrible|awful|terrible|stressful|worrying|rough|tough|hard|difficult|"
    r"frustrating|upsetting)\s+(?:start|end|way|time|day|week|morning|evening|night|few\s+days|thing|position)|"
    r"stop\s+anyone\s+in\s+their\s+tracks|(?:would|could|will)\s+(?:worry|upset|annoy|frustrate|alarm|shock|"
    r"rattle)\s+(?:anyone|anybody)|far\s+too\s+(?:long|often|much|many)|longer\s+than\s+(?:it\s+)?(?:should|ought)|"
    r"(?:not|isn'?t|wasn'?t)\s+how\s+(?:this|it|that)\s+should\s+(?:have\s+gone|go|be)|"
    r"you\s+shouldn'?t\s+have\s+(?:had\s+)?to|deserves?\s+(?:a\s+)?(?:proper|better|more|a\s+proper)|"
    r"the\s+last\s+thing\s+(?:you|anyone))\b")
EMPATHY_UNDERSTAND_FEELING_RE = rx(r"\b(?:understand|appreciate|recognise|recognize|hear)\s+(?:your|the|how much|"
                                   r"why you'?re)\s+(?:\w+\s+)?" + FEELING)
EMPATHY_LIGHT_RE = rx(
    r"\b(?:sorry to (?:hear|read|see|learn)|not ideal|(?:don'?t|do not) like to (?:hear|see|read)|(?<!do )(?<!to "
    r")(?:we|i) (?:completely |totally |fully )?understand\b|"
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
    # asking about the feeling names it ("what's going on that you're feeling this way?", "what caused your
    # frustration?")
    r"(?:what|why)\b[^.?!]{0,40}\b(?:feel(?:ing)?\s+(?:this|that)\s+way|your\s+(?:frustration|disappointment|upset)))")
# An apology for our own slip in the conversation ("Sorry! Please DM us instead", "sorry, you're right"): it apologises,
# but for what we just did, not for what happened to the customer, so it is no sign of empathy.
OWN_SLIP_RE = rx(r"\b(?:instead|my\s+(?:mistake|bad|error)|you'?re\s+(?:right|correct)|good\s+(?:point|catch)|"
                 r"(?:i|we)\s+shouldn'?t\s+have\s+(?:asked|said|posted))\b")
DISMISSIVE_RE = rx(r"\b(?:calm down|relax|chill|no need to (?:be|get) (?:rude|upset|angry|so)|not (?:a|that) big (?:of "
                   r"a )?deal|"
                   r"it happens|these things happen|get over it|deal with it|stop (?:complaining|moaning)|"
                   r"whatever|you(?:'re| are) overreacting)\b")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(EMPATHY_STRONG_RE, ('frustrat', 'annoy', 'upset', 'disappoint', 'stress', 'worr', 'inconvenien', 'difficult',
                         'hard', 'concern', 'anxious', 'distress', 'infuriat', 'madden', 'awful', 'horrible',
                         'unacceptable', 'let down', 'fed up', 'angry', 'anger', 'scary', 'unsettling', 'exasperat',
                         'gutted', 'rubbish', 'pain', 'nightmare', 'disrupt', 'important to you', 'matters to you',
                         'last thing', 'experience', 'service', 'standard', 'journey', 'impression', 'the same',
                         'just as', 'equally', 'embarrass', 'uncomfortable', 'overwhelm', 'frighten', 'heartbreak',
                         'devastat', 'exhausting', 'hassle', 't ok', 'acceptable', 'good enough', 'too long', 'wasted',
                         'opposite', 'you paid', 'you booked', 'you expected', 'you deserve', 'you weren',
                         'you were not', 'you didn', 'you did not'))
gate(IMPACT_EVAL_RE, ('serious', 'a lot', 'start', 'end', 'way', 'time', 'day', 'week', 'morning', 'evening',
                      'night', 'thing', 'position', 'in their tracks', 'anyone', 'anybody', 'far too', 'longer than',
                      'should', 'deserve', 'last thing'))
gate(EMPATHY_UNDERSTAND_FEELING_RE, ('understand', 'appreciate', 'recognis', 'recogniz', 'hear'))
gate(EMPATHY_LIGHT_RE, ("sadly", "experience", "service", "frustrations", 'sorry', 'ideal', 'like to', 'understand',
                        'hear you', 'oh no', 'what we', 'to hear', 'that', 'what a', 'sound', 'we know',
                        'understandably', 'feel your', 'never', 'far from', 'news', 'not what you', 'poor', 'loss',
                        'condolence', 'concerned', ' on', 'way', 'your frustration', 'your disappointment',
                        'your upset'))
gate(DISMISSIVE_RE, ('calm', 'relax', 'chill', 'no need', 'big deal', 'happens', 'get over', 'deal with', 'stop',
                     'whatever', 'overreact'))
