"""Word lists the detectors share: issue nouns by theme, stop words, known acronyms, slang.

Kept as plain Python sets (compiled once at import). Changing a list changes marks: bump SCORER_VERSION.
"""
from __future__ import annotations

from rubrics.text import stem

# Issue themes: a reply that names any word of the customer's theme has named their issue.
ISSUE_THEMES: dict[str, tuple[str, ...]] = {
    "delivery": ("parcel", "package", "delivery", "deliver", "delivered", "courier", "driver", "shipment", "shipping",
                 "shipped", "ship", "dispatch", "dispatched", "tracking", "arrive", "arrived", "arrival", "order",
                 "ordered", "item", "items", "purchase", "purchased", "product", "costume", "box", "collection",
                 "prime", "doorstep", "postman", "missing"),
    "money": ("refund", "refunded", "reimburse", "reimbursement", "compensation", "compensate", "credit", "credits",
              "voucher", "charge", "charged", "charges", "overcharged", "bill", "billed", "billing", "payment", "paid",
              "pay", "fee", "fees", "price", "cost", "invoice", "subscription", "renewal", "debit", "money", "cash",
              "points", "balance", "transaction", "deposit", "expired", "cancel", "cancelled", "cancellation"),
    "connectivity": ("internet", "wifi", "broadband", "connection", "connect", "connected", "signal", "outage",
                     "network", "router", "modem", "speed", "speeds", "offline", "coverage", "data", "lte",
                     "down", "disconnect", "disconnected", "dropping", "fibre", "fiber"),
    "travel": ("flight", "flights", "plane", "airport", "gate", "boarding", "board", "lounge", "seat", "seats",
               "upgrade", "upgraded", "luggage", "baggage", "bag", "bags", "suitcase", "check-in", "checkin",
               "crew", "cabin", "train", "trains", "bus", "journey", "trip", "booking", "booked", "reservation",
               "ticket", "tickets", "hotel", "room", "host", "stay", "platform", "route", "passenger", "pilot",
               "departure", "depart", "honeymoon", "airline", "carrier", "aircraft", "maintenance", "kiosk",
               "counter", "rebook", "itinerary"),
    "delay": ("delay", "delays", "delayed", "late", "wait", "waiting", "waited", "slow", "queue"),
    "device": ("screen", "phone", "iphone", "ipad", "device", "battery", "laptop", "tablet", "console", "xbox",
               "playstation", "ps4", "tv", "camera", "charger", "keyboard", "mac", "macbook", "watch", "airpods",
               "headphones", "speaker", "printer", "handset", "sim", "cable", "remote", "controller"),
    "software": ("app", "apps", "update", "updated", "updating", "ios", "software", "version", "bug", "bugs",
                 "crash", "crashing", "crashes", "freeze", "froze", "frozen", "error", "glitch", "login", "log",
                 "password", "account", "website", "site", "page", "game", "download", "downloaded", "install",
                 "installed", "feature", "email", "emails", "forum", "server", "servers", "keyboard", "autocorrect",
                 "notification", "notifications", "music", "playlist", "video", "videos", "stream", "streaming",
                 "photos", "storage", "icloud", "settings", "profile", "map", "maps", "lightroom", "photoshop",
                 "tool", "filename", "letter", "typing"),
    "staff": ("staff", "agent", "employee", "employees", "manager", "rude", "attendant", "stewardess",
              "stewardesses", "representative", "phoned",
              "engineer", "technician", "appointment", "visit", "store", "shop", "branch"),
    "damage": ("damaged", "damage", "broken", "broke", "cracked", "faulty", "smashed", "opened", "defective",
               "condition", "leaking", "dead"),
    "food": ("food", "meal", "coffee", "drink", "restaurant", "pizza", "burger", "sandwich", "cold", "menu"),
}

# theme of each stem
THEME_OF: dict[str, str] = {}
for _theme, _words in ISSUE_THEMES.items():
    for _w in _words:
        THEME_OF.setdefault(stem(_w), _theme)

# Finer groups inside the broad themes: hear needs the reply to name the customer's *object or problem* (or a
# synonym of it: "order" -> "parcel", "connection" -> "wifi", "charged twice" -> "double charge"), not any word of
# a broad theme ("account" is not "app"; a "refund" is the remedy, not the customer's problem). Theme words not
# listed here form one group per theme.
SUBTHEMES: dict[str, tuple[str, ...]] = {
    "money.remedy": ("refund", "refunded", "reimburse", "reimbursement", "compensation", "compensate", "voucher",
                     "credit", "credits", "points"),
    "money.charge": ("charge", "charged", "charges", "overcharged", "bill", "billed", "billing", "payment", "paid",
                     "pay", "fee", "fees", "price", "cost", "invoice", "debit", "money", "cash", "transaction",
                     "deposit", "balance"),
    "money.plan": ("subscription", "renewal", "expired", "cancel", "cancelled", "cancellation"),
    "software.app": ("app", "apps", "update", "updated", "updating", "ios", "software", "version", "download",
                     "downloaded", "install", "installed", "feature", "settings", "notification", "notifications",
                     "keyboard", "autocorrect", "typing", "tool", "lightroom", "photoshop", "filename"),
    "software.fault": ("bug", "bugs", "crash", "crashing", "crashes", "freeze", "froze", "frozen", "error", "glitch"),
    "software.account": ("login", "log", "password", "account", "profile", "email", "emails"),
    "software.web": ("website", "site", "page", "forum", "server", "servers"),
    "software.media": ("game", "music", "playlist", "video", "videos", "stream", "streaming", "photos", "storage",
                       "icloud", "map", "maps"),
    "travel.trip": ("flight", "flights", "plane", "airline", "carrier", "aircraft", "pilot", "departure", "depart",
                    "train", "trains", "bus", "platform", "route", "journey", "trip", "passenger", "booking",
                    "booked", "reservation", "ticket", "tickets", "itinerary", "rebook"),
    "travel.airport": ("airport", "gate", "boarding", "board", "lounge", "check-in", "checkin", "kiosk", "counter"),
    "travel.cabin": ("seat", "seats", "upgrade", "upgraded", "crew", "cabin"),
    "travel.bags": ("luggage", "baggage", "bag", "bags", "suitcase"),
    "travel.stay": ("hotel", "room", "host", "stay", "honeymoon", "maintenance"),
    "staff.people": ("staff", "agent", "employee", "employees", "manager", "rude", "attendant", "stewardess",
                     "stewardesses", "representative", "phoned", "engineer", "technician"),
    "staff.visit": ("appointment", "visit"),
    "staff.store": ("store", "shop", "branch"),
}
SUBTHEME_OF: dict[str, str] = {}
for _sub, _words in SUBTHEMES.items():
    for _w in _words:
        SUBTHEME_OF.setdefault(stem(_w), _sub)


def subtheme(st: str) -> str | None:
    """The finest issue group of a stem: its subtheme, else its theme, else None."""
    return SUBTHEME_OF.get(st) or THEME_OF.get(st)


# Words too common in customer service to show that a specific issue was heard.
GENERIC = frozenset(stem(w) for w in """
help helping helped please thanks thank issue issues problem problems know need needed want like just
really time today get got make take look looking going would could should will back reach contact customer
customers support team anyone someone something anything everything thing things sure okay hello hi hey
again also even ever still yet now right good great well yes able sorry happy glad experience day days
info information question questions answer tell said say says told asked ask way work working worked
""".split())

STOPWORDS = frozenset("""
a an the and or but if then so to of in on at by for with from as is are was were be been being am do does did
doing have has had having i me my mine we us our ours you your yours he him his she her it its they them their
this that these those there here what which who whom whose when where why how all any both each few more most
other some such no nor not only own same than too very can can't cannot will won't would wouldn't should
shouldn't could couldn't just don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't i'm i've
i'll i'd we're we've we'll we'd you're you've you'll you'd it's that's there's let's about above after again
against before below between down during into out over through under until up while because u ur im dont cant
lol pls plz via via amp one two get got
""".split())

KNOWN_ACRONYMS = frozenset("""
DM DMS PM UK US USA EU FAQ FAQS PIN ID IDS IOS TV PC OK ASAP ETA SMS MMS URL USB GB MB KB TB WIFI BT AM PM NHS VAT
ATM PDF HD SD UHD 4G 3G 5G LTE SIM IMEI MAC PS4 PS5 XBOX CEO HR IT AI API APP APPS DVD CD GPS LED LCD TFL
BBC ITV ID AKA FYI PS RSVP BST GMT UTC EST PST CC LR CC COD WW2 NY LA LGBT IPHONE IPAD ICLOUD APR UPS DHL
FEDEX USPS EE O2 TSA BA AA IT OS MS HDMI VPN ISP DNS IP RAM CPU SSD QR NFC PAYG IBAN BIC PO DOB T&C TC TCS
I A OMG ZIP URL URI HI HEY HELLO OK
""".split())

# Text-speak and slang that break a professional voice.
SLANG = frozenset("""
u ur r ya yall y'all gonna wanna gotta dunno lol lmao rofl omg omfg tbh btw cuz coz cos k kk thx thanx pls plz
plx luv mate bro bruh dude innit ain't aint nope yep yeah yup dude wassup sup gr8 l8r b4 idk imo imho smh wtf
ffs soz sry np ty tyvm hun babe hon lemme gimme kinda sorta wat wot nah yo cya ttyl ikr fam chill legit
""".split())

# British and American spellings: both are correct; the spellchecker treats these endings as variants.
BRITISH_SUFFIXES = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
                    ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("tre", "ter"), ("tres", "ters"),
                    ("ogue", "og"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("mme", "m"),
                    ("mmes", "ms"), ("ence", "ense"), ("yse", "yze"), ("ysed", "yzed"), ("eable", "able"))
EXTRA_WORDS = frozenset("""
wifi emoji emojis broadband app apps login logon signup online offline email emails inbox hashtag retweet tweet
tweets dm dms dm'd dming ok okay hiya jewellery aluminium cheque tyre tyres kerb pyjamas grey storey programme
organisation organisations colour favourite whilst amongst postcode postcodes lightroom photoshop iphone ipad
icloud airpods xbox playstation macbook ios android gmail hotmail outlook uber youtube instagram facebook
twitter whatsapp spotify netflix amazon paypal ebay screenshot screenshots unfollow reinstall redownload
preorder preordered pre prepaid smartphone smartwatch firmware website websites homepage username usernames
""".split())
