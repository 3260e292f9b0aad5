"""Personal-data patterns: data revealed, data asked for, private-channel marks, identity checks."""
from __future__ import annotations

import re

from rubrics.cues.matching import gate, rx

EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
GENERIC_MAILBOX_RE = rx(r"^(?:help|support|info|care|complaints?|customerservices?|customercare|contact|contactus|"
                        r"hello|"
                        r"team|service|enquiries|feedback|press|social|socialmedia|cs|helpdesk|admin|noreply|no-reply)@")
PHONE_RE = re.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?\s?|0)(?:\d\s?){9,10}(?!\d)|"
                      r"(?<![\w])\(?0\d{3,4}\)?\s?\d{3}\s?\d{3,4}(?!\d)")
BRAND_PHONE_RE = re.compile(r"^(?:\+44\s?\(?0?\)?\s?|0)(?:8\d\d|3\d\d)")
CARD_RE = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
SORT_CODE_RE = re.compile(r"(?<!\d)\d{2}-\d{2}-\d{2}(?!\d)")
ACCOUNT_NO_RE = rx(r"\b(?:account|acct|a/c|membership|customer)\s*(?:number|no\.?|#)?\s*(?:is|:)?\s*\d{6,}\b")
POSTCODE_RE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}\b")
ADDRESS_RE = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|"
                        r"Drive|"
                        r"Dr|Way|Crescent|Court|Ct|Place|Pl|Gardens|Terrace|Grove|Square|Hill|Mews|Row|Park|View)\b")
DOB_RE = rx(r"\b(?:born\s+on|date\s+of\s+birth|dob|birthday)\b[^.!?]{0,20}\d")
# a password value written out in its clause ("your PIN is 4471", "password: Abc123", "reset your password, it's
# Rivermead2026!"); only a token that looks like a credential (a digit or symbol in it) counts, so "your password
# is never shared" and "forgot your password: click the link" are not reveals
PASSWORD_REVEAL_RE = rx(r"\b(?:password|passcode|pin)\b[^.!?\n]{0,40}?(?:(?:\bit'?s|\bis|\bto|\bas|\bwas)\s+|"
                        r"[:=]\s*)[\"'“‘]?"
                        r"(?=[^\s\"'”’]*[\d!@#$%&*?])[^\s\"'”’]{4,}")
# a card or account identified by its last digits ("Visa ending 3318", "account ending in 2290")
CARD_FRAGMENT_RE = rx(r"\b(?:card|visa|mastercard|master\s?card|amex|maestro|debit|credit|account|acct)\s+"
                      r"(?:card\s+|number\s+)?(?:ending|ends|ending\s+with)\s+(?:in\s+|with\s+)?[*x•]*\s*\d{3,4}\b|"
                      r"\blast\s+(?:four|4)\s+(?:digits\s+)?(?:of\s+(?:your|the)\s+\w+\s+)?(?:are|is|:)?\s*\d{4}\b")
ORDER_REF_RE = rx(r"\b(?:order|booking|reservation|reference|ref|case|ticket|confirmation)\s*(?:number|no\.?|code|#|"
                  r"id)?\s*"
                  r"(?:is|:)?\s*#?(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}[A-Z0-9-]{4,}\b")
ASK_RE = rx(r"\b(?:what(?:'s|\s+is)\s+your|(?:can|could|would|will)\s+(?:you|we|i)\s+(?:please\s+)?(?:send|give|"
            r"provide|share|"
            r"tell|confirm|post|reply|tweet|let\s+(?:us|me)\s+(?:know|have)|have|get|grab|pass|include|check)|"
            r"please\s+(?:send|give|provide|share|tell|confirm|reply|tweet|post|include|let\s+(?:us|me)\s+(?:know|"
            r"have)|"
            r"add|enter|type)|may\s+(?:we|i)\s+(?:have|get|ask|know)|(?:reply|respond|tweet)\s+(?:back\s+)?(?:with|us)|"
            r"(?:send|give|share|tell|post|tweet)\s+(?:us|me)\b|we'?(?:ll|d)\s+need\s+your|"
            r"we\s+(?:will\s+)?need\s+your|"
            r"i'?(?:ll|d)\s+need\s+your|(?:dm|message)\s+(?:us|me)|"
            r"(?:can|could|would|will)\s+(?:you|we|i)\s+(?:please\s+)?(?:just\s+)?(?:pop|drop|leave|put|write|comment|"
            r"type|add|list)|(?:comment|reply|respond)\s+(?:below\s+|here\s+)?with)\b")
# "pop your ... in the comments", "please comment your email", "drop us your number": an imperative at the start
# of a sentence or clause (group "verb"), so "we'll put your order number on the note" is not an ask
IMPERATIVE_ASK_RE = rx(r"(?:^\W*|[,;:(]\s*|\b(?:and|then|just|please|kindly|so)\s+)(?P<verb>(?:pop|drop|leave|put|"
                       r"write|"
                       r"comment|post|share|type|add|list)\s+(?:us\s+|me\s+)?(?:down\s+|below\s+)?(?:with\s+)?"
                       r"(?:your|the|a|an)\b)")
PERSONAL_ITEM_RE = rx(r"\b(?:e-?mail(?:\s+address)?|(?:phone|mobile|contact|telephone|cell|cellphone)\s*(?:number|no|"
                      r"#)|"
                      r"your\s+(?:number|name|details|account\s+details|personal\s+details|contact\s+details)|"
                      r"(?:your|home|postal|full|shipping|delivery|billing|street|the)\s+address|post\s?code|"
                      r"zip\s?code|"
                      r"account\s+(?:number|details|no|name|info\w*|#)|card\s+(?:number|details|no)|long\s+card|"
                      r"password|"
                      r"passcode|pin|date\s+of\s+birth|dob|birthday|full\s+name|(?:booking|order|reservation|"
                      r"confirmation|"
                      r"reference|ref|tracking|membership|customer|case|policy|ticket|loyalty|"
                      r"frequent\s+flyer)\s+(?:number|"
                      r"no|reference|ref|code|id|details|#)|record\s+locator|sort\s+code|security\s+(?:question|answer|"
                      r"code)|"
                      r"cvv|personal\s+info\w*|adobe\s+id|apple\s+id)\b")
PRIVATE_MARK_RE = rx(r"\b(?:dm|dms|direct\s+message|private(?:ly)?|pm|inbox|message\s+(?:us|me)|messaging|secure\w*|"
                     r"via\s+(?:this|the)\s+(?:link|form)|(?:link|form)\s+(?:below|here|above)|"
                     r"don'?t\s+(?:share|post|include))\b|\bhere\s*:")
PASSWORD_ASK_RE = rx(r"\b(?:send|give|share|tell|provide|confirm|dm|message|reply\s+with)\s+(?:us|me)?\s*(?:your|"
                     r"the)\s+"
                     r"(?:full\s+)?(?:password|passcode|pin|cvv|security\s+code)\b|what(?:'s|"
                     r"\s+is)\s+your\s+(?:password|pin)")
NEVER_SHARE_RE = rx(r"\b(?:never|don'?t|do\s+not|please\s+don'?t|won'?t\s+ever|we\s+will\s+never)\s+(?:\w+\s+){0,4}"
                    r"(?:password|pin|card|details|cvv)")
VERIFY_RE = rx(r"\b(?:verify|confirm|security\s+(?:check|question|questions)|(?:first\s+line\s+of|your)\s+(?:address|"
               r"postcode|date\s+of\s+birth)|make\s+sure\s+i'?m\s+speaking|for\s+security|"
               r"to\s+protect\s+your\s+account|"
               r"can\s+you\s+confirm)\b")
ACCOUNT_TALK_RE = rx(r"\b(?:your\s+(?:account|balance|bill|order|payment|card|booking|address|statement|contract|"
                     r"plan)\s+"
                     r"(?:shows|is|was|has|says|ends)|i\s+can\s+see\s+(?:on\s+)?your\s+(?:account|order|booking|bill|"
                     r"payment)|"
                     r"(?:on|in)\s+your\s+account,?\s+(?:i|we)\s+(?:can\s+)?see)\b")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(PASSWORD_REVEAL_RE, ('pass', 'pin'))
gate(VERIFY_RE, ('verify', 'confirm', 'security', 'address', 'postcode', 'date of birth', 'make sure', 'protect'))
