"""The words and figures the document rules look for (rubrics/documents/document.py), one pattern per idea in the
rater guide (tests/data/documents/rater-guide.md). Case-insensitive unless named otherwise."""
from __future__ import annotations

import re


def _rx(pattern: str, flags: int = re.I) -> re.Pattern:
    return re.compile(pattern, flags)


MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# A date or deadline: a month, a year, a quarter, "by the end of the year", "in year 1", "within 6 months".
DATE = _rx(rf"\b(?:{MONTH}\b|(?:19|20)\d\d\b|q[1-4]\b|(?:by|before|until) (?:the )?end of|in year \d|"
           r"financial year|(?:month|week|day) \d+|within \d+ (?:weeks?|months?)|in \d+ (?:weeks?|months?)|deadline|"
           r"this year|next year|"
           r"(?:by|from|starting) (?:the )?\d{1,2}(?:st|nd|rd|th)?\b|(?:first|second|third|fourth|next) quarter)")
NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|half|a quarter)"
# A figure a result can be checked against: a number or a number word, a halving or a doubling, "every"/"all".
FIGURE = _rx(rf"\d|\b{NUMBER_WORDS}\b|\b(?:halve|double|every|all|zero|none)\b")
# A figure given as a target: a share, a time, a score, a change from a baseline, a limit.
TARGET = _rx(rf"\d+(?:\.\d+)?\s*(?:%|per ?cent|/\s*\d+|out of \d+|stars?|points?|k\b|million|thousand)|"
             rf"\b(?:within|under|below|above|over|at least|at most|no more than|fewer than|less than|target:?)\s+"
             rf"(?:\d|{NUMBER_WORDS}\b)|\b(?:to|of)\s+\d|"
             rf"\bhalve|\bdouble|\b(?:every|all|100%)\b.*\bwithin\b|\d+\s*(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|"
             r"days?|working days?)\b|\bnps\b[^.]*[+-]?\d")
# What customer service is measured by (followers and reach are marketing, not service measures).
MEASURE = _rx(r"\b(?:first response|response times?|respon(?:d|se)|repl(?:y|ies|ied)|answer(?:ed|s)?|acknowledg\w*|"
              r"resolv\w*|resolution|fcr|first[- ]contact|csat|satisf\w*|nps|net promoter|sentiment|complaints?|"
              r"rating|reviews? score|score|repeat contacts?|unanswered|escalat\w*|compliance|wait\w*|sla|"
              r"contacts?|queries|messages|incidents?|dms?|posted)\b")
MARKETING_MEASURE = _rx(r"\b(?:followers?|reach|engagement|likes|impressions|views|sign-?ups|shares|brand awareness|"
                        r"talked about|viral)\b")
# A named measure of service, as a reader counts one even without a figure ("Response time", "inbox numbers").
METRIC = _rx(r"\b(?:first response|response times?|reply times?|time to (?:first )?\w+|resolution(?: rate)?|resolved|"
             r"first[- ]contact|fcr|csat|satisfaction|nps|net promoter|sentiment|complaints|ratings?|score|"
             r"repeat contacts?|unanswered|number of|volumes?|% (?:of|where|resolved)|percentage|sla|breaches|"
             r"compliance|numbers|stats|statistics|kpis?|performance indicators|metrics|timings?)\b|\d% of\b")
OBJECTIVE_HEADING = _rx(r"objective|\baims?\b|\bgoals?\b|achieve|targets?|success|what we want|kpis?")
OBJECTIVE_WORDS = _rx(r"\b(?:objectives?|aims?|aiming|goals?|we (?:will|want|aim)|target|vision|mission)\b")
ACTION_START = _rx(r"^(?:\d+\s*\|\s*)?(?:cut|reduce|raise|increase|lift|grow|halve|double|keep|respond|reply|answer|"
                   r"get|improve|resolve|remove|achieve|reach|hit|bring|every|all|first|median|average|be|make|"
                   r"become|deliver|post|by)\b")

PLATFORM = _rx(r"\b(facebook|messenger|instagram|twitter|tiktok|booktok|whatsapp|linkedin|youtube|snapchat|wechat|"
               r"threads|pinterest|reddit|trustpilot|google reviews?|nextdoor)\b")
PLATFORM_X = _rx(r"(?<![\w-])(X)(?![\w-])", 0)
# Who is on a platform: a particular group of customers. "People", "customers" or "users" alone is everyone; a
# qualified one ("younger customers", "business users") is a group.
SEGMENT = _rx(r"\b(?:members|parents|students|tenants|residents|families|passengers|commuters|patients|buyers|"
              r"shoppers|players|gamers|owners|homeowners|renters|carers|drivers|riders|travell?ers|tourists|"
              r"applicants|women|men|clients|policyholders|savers|businesses|subscribers|regulars|holders|workers|"
              r"leaseholders|guarantors|undergraduates|postgraduates|researchers|pensioners|retirees|teenagers|"
              r"(?:older|younger|young|new|existing|loyal|local|business|international|core|working|first-time|"
              r"repeat|trade|regular|disabled|rural|urban|private|nhs|premium|online|store|in-store|"
              r"[a-z]+-(?:only|age)) (?:customers|people|users|audiences?|buyers|fans|followers|readers|"
              r"visitors|guests|parents|members|owners|clients))\b")
AGE = _rx(r"\b\d+\s*[-–]\s*\d+\b(?!\s*(?:am|pm|%))|\b(?:under|over|aged) \d+|\b\d+\+|\b(?:over|under)-\d+s?\b|"
          r"\b\d+s?[- ]plus\b")
# A section or table column that lists who the customers are.
WHO_HEADING = _rx(r"\bwho\b|segments?|audiences?|customers and|our (?:customers|members|clients|patients|"
                  r"passengers|tenants|residents|students|users|readers|guests)|^(?:customers|members|clients|"
                  r"patients|passengers|tenants|residents|students|users|groups?)\b|\bgroups?\b")
# What a group comes to a platform for: what it asks, wants, reports or does there.
PURPOSE = _rx(r"\b(?:ask|asks|asking|about|want|wants|wanting|(?<!we )(?<!we'll )needs?|expect|expects|"
              r"questions?|queries|complain\w*|complaints?|report|reports|reporting|book|books|booking|order\w*|chase|chasing|"
              r"contact us|contacting|message us|dm us|to (?:find|get|know|check|see|raise|tell)|help|updates?|"
              r"problems?|issues?|faults?|repairs?|refunds?|delays?|outages?|(?<!we )(?<!will )post|posts|posted|"
              r"comment|comments|follow|follows|find us|buy\w*|come for|"
              r"for (?:quick|private|photos|questions|updates|complaints|news))\b")
PURPOSE_COLUMN = _rx(r"\b(?:want|wants|needs?|purpose|use[sd]? for|why|topics?|typical|contact(?:s| about)?|"
                     r"queries|questions|reasons?)\b")
OWNED = _rx(r"\b(?:owned|our (?:own )?(?:pages?|profiles?|accounts?|channels?|handles?|website|app|feed|posts?|"
            r"grid|stories|bio)|pin(?:ned)?|(?:about|bio) section|highlights?|faqs?|auto-?repl\w*|publish\w*|"
            r"post (?:a|an|our|weekly|monthly|daily|regular|updates?)|posts? (?:a|an|on|to)|help (?:page|centre)|"
            r"facebook group|saved repl\w*|banner|we (?:will )?post)\b")
EARNED = _rx(r"\b(?:earned|reviews?|mentions?|tag(?:s|ged|ging)? us|word of mouth|user[- ]generated|ugc|"
             r"community groups?|forums?|influencers?|repost\w*|shares?|recommendations?|press|news|journalists?|"
             r"campaign groups?|what (?:people|customers|others) say|trustpilot|google reviews?)\b")
PAID = _rx(r"\b(?:paid|ads?|adverts?|advertising|sponsored|boost(?:ed|ing)?|promoted posts?|ad spend|budget for ads)\b")

SEPARATE = _rx(r"\b(?:separate\w*|apart from|away from marketing|out of marketing|not (?:in )?marketing|"
               r"rather than (?:\w+ ){0,2}promot\w*|never (?:\w+ ){0,4}(?:marketing|promot\w*|offers?|sales|adverts?)|"
               r"no (?:promotion|promotional|marketing|offers?|sales) |(?:pause|stop|suspend|hold)\w* (?:\w+ ){0,4}"
               r"(?:marketing|promo\w*|scheduled|adverts?|ads|campaigns?)|not (?:\w+ ){0,3}(?:marketing|promot\w*))",)
PROMOTION = _rx(r"\b(?:marketing|promo\w*|offers?|sales|adverts?|ads|campaigns?|scheduled (?:posts?|content))\b")
# Service given a home of its own: social care moved out of marketing into a service team ("Move social care from
# Marketing to Rider Support", "moves social care into Customer Operations").
SERVICE_MOVED = _rx(r"\b(?:mov\w*|transfer\w*|bring\w*|hand\w* over|shift\w*) (?:all )?(?:social (?:media )?care|"
                    r"(?:social )?customer (?:service|care)|social service|the social (?:media )?team|"
                    r"(?:social )?(?:messages|dms|the inbox)) (?:out of|away from|from|into|to|under)\b")
STRUCTURE = _rx(r"\b(?:team|handle|account|queue|inbox|rule|desk|department|channel of its own)\b")
WHY = _rx(r"\b(?:because|so (?:that|we|customers|complaints)|especially|otherwise|we had|so it|to avoid|to stop|"
          r"never look|tone-deaf|insensitive)\b|\s[—–]\s|—|\((?!\d)")

# Who does what: a role (not just "the team" or "people") with a duty, hours or a rota.
ROLES = _rx(r"\b(?:team leaders?|agents?|advis[eo]rs?|managers?|supervisors?|coordinators?|officers?|intern|agency|"
            r"specialists?|executives?|(?:social|care|service|support|comms|communications) team|team of \w+|"
            r"\d+\s*fte|fte|head of \w+|\w+ lead\b|duty \w+|on-call|rota|shifts?|responsible for|owns?|"
            r"approvers?|desk)\b")
DUTY = _rx(r"\b(?:will|to|owns?|responsible|runs?|run by|handles?|manages?|answers?|covers?|repl(?:y|ies)|"
           r"monitors?|approves?|signs? off|checks?|escalat\w*|takes?|works?|sits?|leads?|drafts?|posts?|"
           r"deals? with|picks? up|looks? after|in charge)\b|\d{1,2}\s*(?:am|pm)|24/7|rota|shifts?")
HOURS = _rx(r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\b\d{1,2}:\d\d\s*[-–]\s*\d{1,2}:\d\d|24/7|weekends?|evenings?|"
            r"mon(?:day)?\s*[-–]|\bshifts?\b|\brota\b|hours\b", re.I)
# Training given (not a railway train, and not "advisers not trained").
TRAINING = _rx(r"(?<!not )\b(?:trained|training|trainers?|train (?:\w+ )?(?:staff|advis\w+|agents|the team|them|"
               r"everyone|new|all|our|two|four|\w+ (?:advisers|agents|staff))|coaching|induction|workshops?|"
               r"e-?learning|course|shadow\w*)\b")
TECH = _rx(r"\b(?:tools?|inbox|listening|software|crm|dashboard|hootsuite|sprout|zendesk|brandwatch|sprinklr|"
           r"business suite|helpdesk|help desk|ticketing|case system|saved repl\w*|templates?|auto-?repl\w*|"
           r"chatbot|reporting tool|case system|\w+ system|keyword alerts?|alerts?)\b")
VAGUE_STAFF = _rx(r"\b(?:need more staff|maybe|someone|somebody|whoever)\b")

RISK = _rx(r"\b(?:risks?|breach\w*|data protection|personal (?:data|info\w*|details?)|fraud\w*|scam\w*|"
           r"safeguarding|vulnerab\w*|legal|threat\w*|abus\w*|trolls?|negative publicity|"
           r"(?:goes|going|gone|went) viral|"
           r"blows? up|controvers\w*|crisis|outage|failure|could (?:go wrong|get into trouble|be targeted)|"
           r"go wrong|targeted|harass\w*|security|securely|secure|privacy|confidential\w*|card (?:details|numbers?)|"
           r"bank details|journalists?|impersonat\w*|defamat\w*|complian\w*|"
           r"not been confirmed|speculat\w*|under-?staff\w*|mistakes?)\b")
MITIGATION = _rx(r"\b(?:mitigat\w*|prevent\w*|reduce\w*|holding statement|escalat\w*|checklists?|approv\w*|"
                 r"two-factor|train\w*|response plan|hide|delete|move (?:to|it to) (?:dm|private)|back-?up|"
                 r"template|guidelines?|policy|verify|check\w*|report\w*|never|don't|do not|only|stop|pause|"
                 r"we(?:'ll| will) (?:use|move|hide|remove|report|block)|so we|protect\w*|follow)\b")
# Who owns a risk (a role, not "could lead to").
OWNER = _rx(r"\b(?:owner|owns|own (?:the|this|it)|owned by|responsible|accountable|"
            r"(?<!could )(?<!may )(?<!might )(?<!will )(?<!to )lead\b|manager|officer|dpo|head of \w+|director|"
            r"team leader|controller|\w+ \(\w+\) owns)\b")
LAW = _rx(r"\b(?:consumer rights act|equality act|uk gdpr|gdpr|data protection act|consumer contracts|"
          r"online safety act|defamation act|consumer protection|pecr|privacy and electronic|computer misuse act|"
          r"regulations? 20\d\d)\b")

STAGE_HEADING = _rx(r"timeline|implement|roll-?out|plan\b|next steps|milestones|phases?|schedule|timetable|"
                    r"what we.ll do|actions?|launch|how we.ll get there")
# A stage of putting the plan in place (its timing is a DATE).
STAGE = _rx(r"\b(?:phase|stage|pilot\w*|launch\w*|roll(?:ed|ing|s)?[- ]out|evaluat\w*|go(?:es)?[- ]live|live|"
            r"week \d+|month \d+|recruit\w*|train\w*|set up|sets up|plan(?:ning)?|start\w*|build\w*|"
            r"introduc\w*|switch\w* on|sign(?:ed)? off|buy|procure\w*|hire\w*|appoint\w*|move\w*|open\w*|"
            r"add\w*|review)\b")
# A dated step of a plan: a line that opens with its date ("By 30 Sept 2025: ...", "June: recruit", "Phase 2").
DATED_STEP = _rx(rf"^(?:(?:by|from|in|during|before) (?:the end of )?(?:\d{{1,2}} )?{MONTH}\b|{MONTH}\b|"
                 r"(?:phase|stage|week|month|step) \d+\b|q[1-4]\b)")
# A procedure's steps read as imperatives or in sequence ("Reply publicly once", "If they fail, ...").
STEP = _rx(r"^(?:reply|post|ask|check|move|tell|send|call|phone|ring|log|record|escalate|acknowledge|hide|delete|"
           r"verify|confirm|pass|open|close|offer|use|thank|say|apologise|read|keep|follow|write|draft|agree|"
           r"pause|stop|contact|flag|raise|do not|don't|never|if|when|after|then|first|once|within|step \d)\b")
PERIODIC = _rx(r"\b(?:every (?:\w+ ){0,2}(?:days?|weeks?|months?|quarters?|years?|monday|morning|incident)|"
               r"each (?:week|month|quarter|year)|daily|weekly|monthly|quarterly|annual(?:ly)?|yearly|"
               r"six-monthly|half-year\w*|twice a year|after (?:any|every|each) (?:\w+ ){0,3}(?:incident|use|"
               r"crisis|breach))\b")
# Looking back at how the plan works (not customers' reviews of the brand).
REVIEW = _rx(r"\b(?:reviewed|reviewing|reviews? (?:of (?:the|this|our) (?:plan|strategy|procedure|results|"
             r"figures|performance)|date|cycle|meeting|every|each|in|the|it|this|our|progress|"
             r"takes place|all|a sample)|(?:monthly|quarterly|weekly|annual|half-year|six-monthly|formal|short|a|"
             r"full|post-incident) review|look (?:again|at (?:how|(?:the |our )?(?:numbers|results|figures)|what))|"
             r"evaluat\w*|check (?:the )?(?:\w+ )?(?:numbers|results|figures|how)|keep an eye|"
             r"report(?:s|ed)? (?:to|monthly|weekly|quarterly)|"
             r"(?:summary|report|figures|results|dashboard) (?:goes|go|is sent|are sent) to|"
             r"plan-do-check-act|pdca|lessons? learned|what we could have done better|audit\w*|scrutiny|"
             r"(?:monthly|weekly|quarterly) (?:\w+ )?(?:meeting|report|summary))\b")
PROCEDURE_REVIEW = _rx(r"(?:^review\w*\b|\b(?:procedure|plan|strategy|document|policy|this) (?:is |will be )?"
                       r"reviewed|\breview (?:date|cycle)|\breviewed every|\bnext review)", re.I)

MARKETING_BENEFIT = _rx(r"\b(?:followers|reach|engagement|brand awareness|likes|sales|impressions|viral|go viral|"
                        r"talked about|sign-?ups|influencers?|content|trends?)\b")
CUSTOMER_BENEFIT = _rx(r"\b(?:answer\w*|resolv\w*|resolution|help\w*|quicker|faster|support\w*|fix\w*|wait\w*|"
                       r"complain\w*|response|repl(?:y|ies)|queries|questions|problems?|issues?)\b")
OWN_DETAIL = _rx(r"\d")
