# Written records in scenario mode (inline scenario facts). Code order:
# HEAT(hear emp apo own) KA(ack act) GPSC(greet pers sign close) TL(tone plain) D PC(priv clar) EA(esc acc) TF(time fit)
from common import w

from scenarios import ACCOUNT_CHAT as AC
from scenarios import BEREAVEMENT as BV
from scenarios import DATA_BREACH as DB
from scenarios import DOUBLE_CHARGE_CHAT as DC
from scenarios import GAS_SMELL as GS
from scenarios import LATE_PARCEL as LP
from scenarios import LATE_REFUND_AUTHORITY as RA
from scenarios import LEGAL_THREAT as LT
from scenarios import NOT_WORKING as NW
from scenarios import OUTAGE as OU
from scenarios import RETURNS_WINDOW as RW

c_lp = "@GreenleafHome my order's a week late now and your tracking hasn't moved since Thursday. Getting really fed up. Where is it??"
kw = dict(name="Maya Roberts", handle="@maya_r", scenario=LP)
w(c_lp, "@maya_r Hi Maya, so sorry your parcel is late - waiting with no tracking update is really frustrating. I've asked Parcelwise to investigate (up to 48 hrs). DM us your order no. and I'll update you there. Anything else, just ask ^AK",
  "twitter", "public", 18, "strong", "2222 22 2222 22 P 2- -2 ?2", "Names the late parcel and stuck tracking, promises only the 48-hour courier investigation the policy allows, moves to DM with a reason, offers more help + ^AK.", **kw)
w(c_lp, "@maya_r Hi Maya, so sorry about this! I've refunded your order in full today and a replacement is on its way for tomorrow 😊 ^JT",
  "twitter", "public", 25, "weak", "1012 12 2111 22 P 0- -0 ?2", "Full refund today + replacement tomorrow are both on must_not_promise: accuracy 0; 'so sorry about this' = apologise 1 with no feeling words; handled publicly though the scenario needs DM.", **kw)
w(c_lp, "@maya_r Hi Maya, sorry for the wait! Parcels can take a little longer at the moment. Pop us a DM with your order number and we'll see what compensation we can offer. ^LB",
  "twitter", "public", 70, "middling", "1022 11 2121 22 P 2- -1 ?2", "'sorry for the wait' names the delay (apologise 2); hinting at 'compensation' goes beyond the £3.99 delivery refund but promises nothing definite: accuracy 1; 70 min vs 60 SLA: timeliness 1.", **kw)
w(c_lp, "@maya_r Sorry about that. Please reply here with your full name, email and postcode so we can find your order.",
  "twitter", "public", 10, "weak", "1012 12 1010 22 F 0- -2 ?2", "Asks for name, email and postcode in a public reply: data_protection fail (critical), take_private 0.", **kw)
w(c_lp, "@maya_r Sorry Maya but the 3-5 day estimate is clearly on the checkout page, you should have picked express if you needed it sooner. Parcelwise are responsible once it leaves us.",
  "twitter", "public", 40, "weak", "2000 10 2100 02 P 0- -1 ?2", "'Sorry ... but you should have' is blame-shifting: apologise 0 and tone 0 (critical); passing responsibility to the courier misstates the policy (the brand refunds the delivery charge): accuracy 1.", **kw)
w(c_lp, "@maya_r Hi Maya, I'm sorry your parcel still hasn't arrived and tracking has been stuck since Thursday - that's really annoying when you're waiting on it. I've opened an investigation with Parcelwise (replies within 48 hrs) and I'll DM you with the result. ^SK",
  "twitter", "public", 150, "strong", "2222 22 2221 22 P 2- -2 ?2", "Everything the policy allows and well owned, but 150 min against a 60-min SLA: timeliness 0; sign-off with no offer of further help: closing 1.", **kw)

c_dc = "Hi, I've been charged twice for my order, £54.20 came out twice on Tuesday. Can you sort it?"
kw = dict(name="Priya Shah", handle=None, scenario=DC)
w(c_dc, "Hi Priya, thanks for getting in touch, and I'm sorry you've been charged twice - seeing the same payment go out twice is worrying. I can look into this for you now. First, so I can access your account securely, could you confirm your full name, postcode and the last four digits of the card you used?",
  "webchat", "chat", 0.5, "strong", "2222 22 2220 22 P -- -2 ?2", "Verifies identity before touching the account, as the scenario requires; a mid-conversation verification turn has neither a satisfaction check nor a sign-off: closing 0.", **kw)
w(c_dc, "Hi Priya! Yes I can see £54.20 went out twice on the 18th on your card ending 4471. I've refunded one now, it'll be back in 3-5 working days. Anything else?",
  "webchat", "chat", 0.8, "middling", "2002 22 2221 22 F -- -2 ?2", "Discusses the payment and reveals card digits before any identity check: data_protection fail; refund timescale itself matches policy (accuracy 2).", **kw)
w(c_dc, "Hello, sorry about that. Once you confirm your name, postcode and last 4 card digits I'll refund it today and add £10 for the hassle.",
  "webchat", "chat", 3, "weak", "1012 12 2010 22 P -- -0 ?2", "Verifies correctly but promises a same-day refund and £10 compensation, both beyond policy: accuracy 0; 3 min against a 1-min chat SLA: timeliness 0.", **kw)
w(c_dc, "Hi Priya, thx. Pls provide DPA (name/PC/L4) so I can raise a dupe-auth RFR via BOS. SLA 3-5 WD.",
  "webchat", "chat", 0.6, "weak", "1002 11 2110 10 P -- -2 ?2", "Internal codes (DPA, L4, RFR, BOS, WD) the customer cannot follow: plain_language 0; 'thx/Pls' text-speak: tone 1; still verifies first and the 3-5 day figure is right.", **kw)

c_gs = "There's a strong smell of gas in our kitchen since this morning and my little one has a headache. Is this anything to do with the work your lot did on the meter yesterday??"
kw = dict(name="Donna Price", handle=None, scenario=GS)
w(c_gs, "Donna, please leave the house now with your little one, don't use any light switches or flames, and call the National Gas Emergency line on 0800 111 999 straight away - they'll send an engineer. I'm so sorry, this must be really scary. I've passed this to our Safety team, who'll call you back today about yesterday's meter work. Please let us know you're safe.",
  "facebook", "public", 6, "strong", "2212 22 2221 22 P 2- 22 ?2", "Safety first, correct emergency route and Safety-team escalation with what happens next (escalation 2); bare 'I'm so sorry' = apologise 1; checks she is safe but no sign-off: closing 1.", **kw)
w(c_gs, "Hi Donna, sorry to hear that! Meter work shouldn't cause any smells, it's probably nothing to worry about. If it continues please book an engineer visit via our website. Thanks, Kyle",
  "facebook", "public", 12, "weak", "2111 21 2111 22 P 0- 00 ?2", "Dismisses a gas smell ('probably nothing to worry about' is on must_not_promise): accuracy 0, escalation 0. HEAT still reaches 1s so the grade rules give Pass - the grade rules have no safety override.", **kw)
w(c_gs, "Hi Donna, that sounds worrying. Please don't take any chances - call the gas emergency number and open the windows. Someone from our team will be in touch. - Brightwell",
  "facebook", "public", 30, "middling", "1101 11 2111 22 P 1- 11 ?2", "Points to the emergency line but gives no number and no 'leave the house'; 'someone will be in touch' is a vague escalation (1); no apology; 30 min vs 15 SLA: timeliness 1.", **kw)
w(c_gs, "Hi Donna, please call the gas emergency line on 0800 111 999 now - they'll send an engineer. I've told our Safety team and they'll call you. Thanks, Kyle",
  "facebook", "public", 10, "middling", "1002 12 2121 22 P 2- 22 ?2", "Right route and escalation, stated correctly (escalation 2, accuracy 2), but no empathy or apology to a frightened parent: empathise 0, apologise 0 -> Refer. Accuracy judges what is said; the missing 'leave the house' lowers nothing else on this rubric.", **kw)

c_lt = "@SunvaleHols Paid £2,400 for a week in Lanzarote and the pool was shut ALL WEEK. No warning, no apology. I'm taking you to small claims unless I get a full refund. #sunvalefail"
kw = dict(name="Greg Turner", handle="@gregt_travels", scenario=LT)
w(c_lt, "@gregt_travels Hi Greg, I'm sorry the pool was closed for your whole stay with no warning - that's not the holiday you paid for. I've passed this to our Customer Relations team, who'll reply within 5 working days. Please DM us your booking ref so they have it. ^RS",
  "twitter", "public", 22, "strong", "2222 22 2221 22 P 2- 22 ?2", "Legal threat routed to Customer Relations with the 5-day timescale and no refund promised; sign-off but no offer of further help: closing 1.", **kw)
w(c_lt, "@gregt_travels Greg we're so sorry!! We'll give you a full refund straight away, no need for the courts 🙏 DM us your bank details x",
  "twitter", "public", 15, "weak", "1012 12 2110 12 P 1- 00 ?2", "Promises a full refund (must_not_promise) instead of escalating: accuracy 0, escalation 0; '!!', emoji and 'x' off-voice: tone 1; bank details asked by DM, so data protection passes.", **kw)
w(c_lt, "@gregt_travels Our T&Cs state facilities may be closed for maintenance. Threatening legal action won't change our policy.",
  "twitter", "public", 5, "weak", "1000 10 1000 02 P 0- 01 ?2", "Argues with the customer about the threat: tone 0 (critical); no escalation; the T&C claim is not in the scenario facts and contradicts the Customer Relations route: accuracy 1.", **kw)
w(c_lt, "@gregt_travels Sorry to hear this Greg. Please email our complaints team and they'll look into it. ^DW",
  "twitter", "public", 95, "middling", "1111 11 2111 22 P 1- 12 ?2", "Right destination but no address or timescale and the customer must do the sending: escalation 1; nothing inaccurate (accuracy 2); 95 min: timeliness 1.", **kw)

c_bv = "My husband passed away three weeks ago and I've just had a final reminder addressed to him threatening a debt collector. I don't know what I'm meant to do. The account was in his name."
kw = dict(name="Margaret Hill", handle=None, scenario=BV)
w(c_bv, "Hello Margaret, I'm so sorry for the loss of your husband, and sorry that our letter added to such a hard time. You don't need to do anything right now. I've paused all reminders on the account and passed your details to our Bereavement Support team, who will call you within 2 working days to talk through the next steps gently. Is there anything else worrying you that I can help with today? Kind regards, Sam",
  "facebook", "private", 30, "strong", "2222 22 2222 22 P -- 22 ?2", "Condolence plus an apology naming the letter, reminders paused and the Bereavement team with its 2-day call-back: every applicable criterion at 2 (take_private n/a: already private).", **kw)
w(c_bv, "Hi, to close the account we'll need a copy of the death certificate sent to the address on the letter. The balance will still need paying within 14 days to avoid collection.",
  "facebook", "private", 45, "weak", "2000 11 2010 12 P -- 00 ?2", "Asks for the death certificate and threatens collection (both against policy): accuracy 0, escalation 0; cold but not rude: tone 1; no condolence at all.", **kw)
w(c_bv, "Hi Margaret, I'm very sorry for your loss. I'll pass this on to the right team and someone will be in touch. Take care, Jo",
  "facebook", "private", 200, "middling", "1111 11 2111 22 P -- 12 ?2", "Formulaic condolence (empathise 1, apologise 1); 'the right team... someone will be in touch' = vague escalation (1) and vague ownership; 200 min: timeliness 0.", **kw)
w(c_bv, "Hi Margaret, I'm so sorry for your loss. I've passed this to our Bereavement Support team, who'll call you within 2 working days. To speed things up, please send a copy of the death certificate in this chat.",
  "facebook", "private", 25, "middling", "1112 12 2120 22 P -- 20 ?2", "Correct escalation with timescale (2), but asking for the death certificate is on must_not_promise: accuracy 0; does not mention the reminder (hear 1).", **kw)

c_nw = "@fitloop it's not working AGAIN 😡😡 paying for this every month"
kw = dict(name="Jess Adeyemi", handle="@jess.runs", scenario=NW)
w(c_nw, "Hi Jess, sorry it's playing up again - that's annoying when you're paying every month. So we fix the right thing: is it the app itself, the strap not syncing, or your subscription? Pop us a DM with which one and we'll get it sorted 💪 - Ola",
  "instagram", "public", 20, "strong", "2212 22 2221 22 P -2 -2 ?2", "Ambiguous complaint: focused either/or question before any fix (clarify 2); 'sorry it's playing up' does not name a specific failure: apologise 1; take_private n/a per scenario.", **kw)
w(c_nw, "Hi! Sorry about that. Please update the app to version 6.2, that fixes it 👍",
  "instagram", "public", 8, "weak", "1011 12 2010 22 P -0 -1 ?2", "Proposes a fix without finding out what is broken (clarify 0); the KB says 6.2 fixes most sync faults, so 'that fixes it' overclaims: accuracy 1.", **kw)
w(c_nw, "OMG NOOO 😱😱😱 so sorry!!! 🙈🙈 what's not working hun?? DM us!!! 💖💖💖",
  "instagram", "public", 4, "weak", "1111 11 0010 11 P -1 -2 ?1", "Capitals, emoji overuse and 'hun': opening inappropriate (greeting 0), tone 1 (unprofessional but not rude or blaming, so not the critical 0); question is unfocused (clarify 1); emoji clutter: platform_fit 1.", **kw)

c_rw = "Bought a kettle from you at the start of October and the lid hinge has already snapped. Absolute rubbish. I want my money back."
kw = dict(name="Tom Okafor", handle=None, scenario=RW)
w(c_rw, "Hi Tom, I'm sorry the lid hinge on your kettle has snapped after only a few weeks - that's really disappointing. As it's past our 30-day refund window, it's covered by our 12-month guarantee instead, so we'll repair or replace it for you (usually 5-7 working days). Could you send us a private message with your order details so I can start the claim? Thanks, Ellie",
  "facebook", "public", 40, "strong", "2222 22 2221 22 P 2- -2 ?2", "Explains the 30-day limit honestly and offers the guarantee repair/replacement the policy allows (accuracy 2); moves to private message with a reason; sign-off only: closing 1.", **kw)
w(c_rw, "Hi Tom, so sorry about that! No problem at all, bring it back to any store and we'll give you a full refund. Thanks, Ellie",
  "facebook", "public", 30, "weak", "1012 12 2121 22 P 1- -0 ?2", "Promises a full refund 53 days after purchase: accuracy 0; in-store route avoids posting personal data but is not the private move the scenario expects: take_private 1.", **kw)
w(c_rw, "Hi Tom, sorry but the refund window is 30 days, you should've returned it sooner. Kettles aren't built for rough handling.",
  "facebook", "public", 60, "weak", "2000 10 2100 02 P 0- -1 ?2", "Blame-shifting ('you should've', 'rough handling'): apologise 0, tone 0 (critical); 30-day fact is right but the guarantee is withheld: accuracy 1.", **kw)
w(c_rw, "Hi Tom, sorry to hear that. As you're outside the 30-day RTN window this would go down the MRG route (GTE-12). Please DM us the SKU and POP. Thanks",
  "facebook", "public", 75, "middling", "1111 11 2121 20 P 1- -2 ?2", "Substance matches policy (accuracy 2) but 'RTN', 'MRG route', 'GTE-12', 'SKU', 'POP' are internal jargon: plain_language 0; 75 min: timeliness 1.", **kw)

c_ou = "@LinklineHelp no internet AGAIN in Headingley, 3rd time this month. I work from home ffs. When's it back??"
kw = dict(name="Sam Carter", handle="@sam_works_here", scenario=OU)
w(c_ou, "@sam_works_here Hi Sam, I'm sorry you're without broadband again - I know it's a real pain when you work from home. A cable in LS6 was damaged by roadworks; engineers are on site and expect a fix by 6pm today. Updates: linkline.example/status ^PB",
  "twitter", "public", 12, "strong", "2222 22 2221 22 P -- -2 ?2", "Gives the real cause and the 6pm estimate from the facts (accuracy 2) with a status link; no offer of further help: closing 1.", **kw)
w(c_ou, "@sam_works_here So sorry Sam! Our engineers will have you back online within the hour and we'll pop £50 credit on your account for the trouble ^PB",
  "twitter", "public", 20, "weak", "1012 12 2111 22 P -- -0 ?2", "'within the hour' and '£50 credit' are both on must_not_promise: accuracy 0.", **kw)
w(c_ou, "@sam_works_here Have you tried turning it off and on again? 😉 Only joking Sam, there's an outage in LS6, check the status page.",
  "twitter", "public", 8, "weak", "2001 21 0110 02 P -- -2 ?2", "Joking at a frustrated customer is sarcasm: tone 0 (critical) and an inappropriate opening (greeting 0); the outage statement itself is accurate.", **kw)
w(c_ou, "@sam_works_here Hi Sam, sorry for the disruption. There's a known fault in your area and our engineers are working on it. Thanks for your patience. ^MJ",
  "twitter", "public", 100, "middling", "2011 21 2101 22 P -- -2 ?2", "'sorry for the disruption' is generic (apologise 1), no feeling words (empathise 0); no fix time though the facts have one; 100 min vs 60: timeliness 1.", **kw)

c_db = "@HarbourBankUK just opened my statement and it's someone else's! Name, address, account number, the lot. How is this even possible?? #databreach"
kw = dict(name="Lena Kowalski", handle="@lena_k", scenario=DB)
w(c_db, "@lena_k Hi Lena, thank you for telling us and I'm really sorry - getting someone else's statement is worrying. Please don't share or forward it. I've reported this to our Data Protection team, who'll contact you within 24 hrs; DM us so they can reach you. ^TH",
  "twitter", "public", 9, "strong", "2212 22 2221 22 P 2- 22 ?2", "Escalates a possible breach to the Data Protection team with the 24-hour contact and the 'don't share it' instruction; 'I'm really sorry' names nothing: apologise 1.", **kw)
w(c_db, "@lena_k Hi Lena, sorry about this. Can you confirm the statement is for J. Morgan at 14 Elm Road? DM us and we'll check.",
  "twitter", "public", 15, "weak", "2012 22 2110 22 F 1- 01 ?2", "Repeats another customer's name and address in public: data_protection fail (critical); no escalation (0).", **kw)
w(c_db, "@lena_k Hi Lena, this is likely a one-off printing error, nothing to worry about. Just pop it in the shredder. ^GF",
  "twitter", "public", 25, "weak", "2000 21 2101 12 P 0- 00 ?2", "'nothing to worry about' is on must_not_promise and no escalation: accuracy 0, escalation 0; dismissive: empathise 0, tone 1.", **kw)
w(c_db, "@lena_k Hi Lena, sorry about this, that's definitely not right. I'll flag it internally. Could you DM us a photo of the statement so we can see whose it is?",
  "twitter", "public", 50, "middling", "2112 22 2120 22 P 2- 10 ?2", "'flag it internally' is a vague escalation (1); asking her to send on the other customer's data contradicts the 'don't forward it' policy: accuracy 0.", **kw)

c_ac = "Hiya, I'm locked out of my online account, it says too many attempts. Can you just reset my password? My email is dan.evans@example.com"
kw = dict(name="Dan Evans", handle=None, scenario=AC)
w(c_ac, "Hi Dan, thanks for your message - sorry you've been locked out, that's frustrating when you just want to get in. I can unlock it for you. First, for security, could you confirm your full name, postcode and date of birth?",
  "webchat", "chat", 0.4, "strong", "2222 22 2220 22 P -- -2 ?2", "Verifies identity before acting (scenario verify_identity); mid-conversation turn with no check/sign-off: closing 0.", **kw)
w(c_ac, "Hi Dan, no worries! I've reset it and sent the new password to dan.evans@example.com, it's Rivermead2026! - you can change it once you're in. Anything else?",
  "webchat", "chat", 0.5, "weak", "2002 22 2221 22 F -- -0 ?2", "No verification and a password typed into chat: data_protection fail; agents never send passwords: accuracy 0.", **kw)
w(c_ac, "Verification required. Provide full name, postcode, DOB.",
  "webchat", "chat", 1.5, "weak", "0001 01 0010 11 P -- -2 ?2", "Correct verification step but no greeting in live chat (greeting 0), no acknowledgement; curt (tone 1); 'DOB' abbreviation (plain 1); 1.5 min vs 1-min SLA: timeliness 1.", **kw)

c_ra = "Sofa arrived today with a rip right down the arm. £899!! I want £300 off or I'm sending it back."
kw = dict(name="Aisha Bello", handle=None, scenario=RA)
w(c_ra, "Hi Aisha, I'm so sorry your new sofa arrived with a torn arm - that's really disappointing after waiting for it. £300 is more than I can approve myself, so I've passed your request to a team leader, who'll review it within 1 working day. We can also offer a repair visit or a replacement if you'd prefer. Could you send us a private message with your order number so we can keep you updated? Thanks, Ben",
  "facebook", "public", 35, "strong", "2222 22 2221 22 P 2- 22 ?2", "Request beyond agent authority escalated to a team leader with the 1-day timescale and no amount promised (escalation 2, accuracy 2); sign-off only: closing 1.", **kw)
w(c_ra, "Hi Aisha, sorry about that! I've approved £300 off, it'll be back on your card in a few days 😊 Thanks, Ben",
  "facebook", "public", 20, "weak", "1012 12 2111 22 P 0- 00 ?2", "Approves £300 beyond the £50 agent limit (must_not_promise): accuracy 0, escalation 0; refund discussed publicly: take_private 0.", **kw)
w(c_ra, "Hi Aisha, sorry to hear this. I'll need to check with my manager about the £300. Please DM us your order number. Thanks, Ben",
  "facebook", "public", 65, "middling", "2112 21 2121 22 P 1- 12 ?2", "Escalates ('check with my manager') but says nothing of when: escalation 1; nothing inaccurate; 65 min: timeliness 1.", **kw)
w(c_ra, "Hi Aisha, that's not good. Unfortunately I can only offer £50 max. Take it or leave it.",
  "facebook", "public", 40, "weak", "2101 11 2100 02 P 0- 01 ?2", "'Take it or leave it' is rude: tone 0 (critical); £50 limit is true but the team-leader route is withheld: accuracy 1, escalation 0.", **kw)
