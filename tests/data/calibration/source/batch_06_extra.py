# Extra written records for thin levels (plain_language 0, platform_fit 0, greeting 0, escalation 1, accuracy 1, clarify).
# HEAT(hear emp apo own) KA(ack act) GPSC(greet pers sign close) TL(tone plain) D PC(priv clar) EA(esc acc) TF(time fit)
from common import w

from scenarios import ACCOUNT_CHAT as AC
from scenarios import BEREAVEMENT as BV
from scenarios import DATA_BREACH as DB
from scenarios import DOUBLE_CHARGE_CHAT as DC
from scenarios import GAS_SMELL as GS
from scenarios import NOT_WORKING as NW
from scenarios import OUTAGE as OU
from scenarios import RETURNS_WINDOW as RW

w("Why has my premium gone up £200 when I've not claimed?",
  "Hi Sue, your renewal reflects updated GLM rating factors, IPT at 12% and an uplift from your postcode's CUE and MID risk banding. NCD remains protected. Kind regards, Maple",
  "facebook", "private", None, "weak", "2000 10 2101 20 P -- ---2", "Insurance jargon and acronyms (GLM, IPT, CUE, MID, NCD): plain_language 0; a price rise complaint gets no apology, empathy or step.", name="Sue Parker")
w("@LinklineHelp what does 'FTTP migration pending' on my account mean??",
  "@gwen_t Hi Gwen, it means your FTTC-to-FTTP ONT provisioning is queued pending L2 OR appointment slotting. ^PB",
  "twitter", "public", 30, "weak", "2--1 21 2201 20 P -- --?2", "Answers a jargon question with more jargon: plain_language 0; neutral query so empathise/apologise n/a; nothing the customer can do next (own 1, act 1).", name="Gwen Thomas", handle="@gwen_t")
w("Hi, what's a 'chargeback'? My bank mentioned it",
  "Hi Ola, a chargeback is when your bank takes back a card payment from a shop, usually because something went wrong - for example, the goods never arrived. Your bank would ask us for details and then decide. Is there a payment you're worried about? I'm happy to help. Sam",
  "webchat", "chat", None, "strong", "2--2 22 2212 22 P -- ---2", "Plain explanation of a technical term with an example (plain 2); offer + sign-off (closing 2); no next step to signpost (1).", name="Ola Bakare")
w("Your van reversed into my garden wall this morning and the driver just drove off",
  "Hello Peter, and thank you for getting in touch with Parcelwise about this. At Parcelwise we pride ourselves on the care and professionalism of our drivers, who complete thousands of deliveries every single day across the country, and we take all reports concerning our vehicles and our people extremely seriously, as road safety and respect for our customers' property are core values that sit at the heart of everything we do. We would like to apologise for any distress this may have caused you. Every incident reported to us is logged and reviewed by the relevant department in line with our internal procedures, which can sometimes take a little time, and we appreciate your patience while this takes place. If you would like us to look into this further, please could you send us a private message at your convenience with further details. Kind regards, the Parcelwise Social Team",
  "facebook", "public", 45, "weak", "2111 21 2111 21 P 1- --?0", "Long corporate waffle on Facebook: platform_fit 0, plain 1; 'apologise for any distress this may have caused' is vague/conditional (1); the damaged wall gets only a conditional 'if you would like us to look into this'.", name="Peter Hughes")
w("Hello? Is anyone there? I've been waiting ages",
  "Yes. What's the issue.",
  "webchat", "chat", None, "weak", "1001 11 0000 12 P -1 ---2", "No greeting in live chat (greeting 0), nothing for the long wait (apologise 0); curt (tone 1); 'What's the issue' asks but is not focused (clarify 1).", name="Bev Collins")
w("@VeloBikesUK where's my refund, returned the helmet 3 weeks ago",
  "@dougie_r Patience, Doug! Refunds take up to 30 days 🙄",
  "twitter", "public", 20, "weak", "2000 10 0110 02 P -- --?2", "'Patience, Doug! ... 🙄' is an eye-roll at the customer: greeting 0 (inappropriate opening), tone 0 (critical).", name="Doug Ross", handle="@dougie_r")
w("@HarbourBankUK just opened my statement and it's someone else's! Name, address, account number, the lot. How is this even possible?? #databreach",
  "@lena_k Hi Lena, thanks for letting us know, that shouldn't happen. Please don't share it. Someone from our team will look into it. ^TH",
  "twitter", "public", 30, "middling", "1001 11 2101 22 P 0- 12 ?2", "'Someone from our team will look into it' = escalation 1 (no route or timescale); instruction not to share matches policy (accuracy 2); no apology.", name="Lena Kowalski", handle="@lena_k", scenario=DB)
w("There's a strong smell of gas in our kitchen since this morning and my little one has a headache. Is this anything to do with the work your lot did on the meter yesterday??",
  "Hi Donna, I'm sorry, that sounds really worrying with your little one unwell. I'll report this to our engineers and ask them to get in touch about the meter. If it gets worse please ring us. Thanks, Kyle",
  "facebook", "public", 14, "middling", "2212 21 2211 22 P 1- 11 ?2", "Empathetic (2) but sends a gas smell to routine engineers instead of the emergency line: escalation 1; 'if it gets worse please ring us' contradicts the call-now policy: accuracy 1. Grade rules still give Pass.", name="Donna Price", scenario=GS)
w("@LinklineHelp no internet AGAIN in Headingley, 3rd time this month. I work from home ffs. When's it back??",
  "@sam_works_here Hi Sam, sorry you're without broadband again, that's rubbish when you work from home. Engineers are on site and it should be back later today. If it lasts more than a day we'll credit your bill. ^PB",
  "twitter", "public", 15, "middling", "2222 21 2211 22 P -- -1 ?2", "Credit after 'more than a day' understates the 2-full-day rule: accuracy 1; 'later today' is vaguer than the 6pm estimate (act 1).", name="Sam Carter", handle="@sam_works_here", scenario=OU)
w("Bought a kettle from you at the start of October and the lid hinge has already snapped. Absolute rubbish. I want my money back.",
  "Hi Tom, sorry the hinge has gone already - that's really disappointing. It's covered by our guarantee, so we'll repair or replace it, and if we can't, we'll look at a refund. Send us a private message with your order details and I'll start the claim. Thanks, Ellie",
  "facebook", "public", 50, "middling", "2222 22 2221 22 P 2- -1 ?2", "'we'll look at a refund' hints at more than the guarantee allows after 30 days: accuracy 1 (a hint, not a promise).", name="Tom Okafor", scenario=RW)
w("Sure, it's Priya Shah, LS6 2AB, and the card ends 4471",
  "Thanks Priya, you're verified. I can see the duplicate £54.20 - sorry about that. I've requested the refund and it should be back within a couple of days. Anything else? Sam",
  "webchat", "chat", 0.6, "middling", "2022 22 2222 22 P -- -1 ?2", "After verification; 'within a couple of days' is quicker than the 3-5 working days policy: accuracy 1; no feeling words (empathise 0).", name="Priya Shah", scenario=DC)
w("@fitloop it's not working AGAIN 😡😡 paying for this every month",
  "Hi Jess, sorry it's not working! What's up with it? Let us know and we'll help 💪",
  "instagram", "public", 65, "middling", "1011 11 2100 22 P -1 -2 ?2", "Asks, but 'What's up with it?' is not focused on the app/strap/subscription split (clarify 1); 65 min: timeliness 1.", name="Jess Adeyemi", handle="@jess.runs", scenario=NW)
w("Your delivery was a shambles",
  "Hi Lisa, sorry your delivery arrived late. We've passed your feedback to the courier. Thanks, Nadia",
  "facebook", "public", 25, "weak", "0011 01 2101 22 P -0 --?2", "'a shambles' could mean late, damaged, wrong or rude: the reply assumes 'late' (clarify 0, hear 0, ack 0); passing it to the courier is a hand-off (own 1).", name="Lisa Grey")
w("My husband passed away three weeks ago and I've just had a final reminder addressed to him threatening a debt collector. I don't know what I'm meant to do. The account was in his name.",
  "Hello Margaret, sorry for your loss. Could you confirm the account number and your husband's date of birth so I can update the account name to yours today? Thanks, Jo",
  "facebook", "private", 40, "middling", "2112 22 2221 22 P -- 01 ?2", "No referral to Bereavement Support (escalation 0); changing the account name is not in the policy (accuracy 1); details asked in a private message, so data protection passes.", name="Margaret Hill", scenario=BV)
w("Hiya, I'm locked out of my online account, it says too many attempts. Can you just reset my password? My email is dan.evans@example.com",
  "Hi Dan, acct is in LOCKOUT-5 status per IAM policy. Need KBA (name/PC/DOB) before I can trigger PWR via reg email.",
  "webchat", "chat", 0.5, "weak", "2002 21 2110 20 P -- -2 ?2", "Right process (verify, then reset link) but in internal codes (LOCKOUT-5, IAM, KBA, PWR): plain_language 0.", name="Dan Evans", scenario=AC)
