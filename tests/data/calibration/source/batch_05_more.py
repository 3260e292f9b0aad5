# More written records (mostly strong replies, plus clarify/escalation cases). Code order:
# HEAT(hear emp apo own) KA(ack act) GPSC(greet pers sign close) TL(tone plain) D PC(priv clar) EA(esc acc) TF(time fit)
from common import w

from scenarios import DOUBLE_CHARGE_CHAT as DC
from scenarios import LEGAL_THREAT as LT
from scenarios import PRIORITY_SERVICES as PS

w("@VeloBikesUK my e-bike battery died after 3 weeks and the shop says it's a 4 week wait for a new one. I need it for work",
  "@sian_rides Hi Sian, I'm sorry your battery failed after only 3 weeks - a month without your bike for work isn't OK. I'll send a replacement direct from our warehouse; DM us your order number and it'll go out within 2 working days. Anything else? ^VB",
  "twitter", "public", 28, "strong", "2222 22 2222 22 P 2- --?2", "Impact tied to her work (empathise 2); owned replacement with a timescale; DM with what to send and why.", name="Sian Lloyd", handle="@sian_rides")
w("@NorthlineRail do railcards work on the new Leeds-York saver fares?",
  "@jamal_t Hi Jamal, yes - 16-25, Two Together and Senior railcards all give a third off the Leeds-York saver. Just add your railcard when you buy and carry it on the train. Anything else I can help with? ^KM",
  "twitter", "public", 9, "strong", "2--2 22 2222 22 P -- --?2", "Neutral query answered definitely with how-to and an offer of more help: every applicable criterion at 2.", name="Jamal Thompson", handle="@jamal_t")
w("Your Saltaire store's disabled parking bays are always taken by delivery vans. I couldn't park today and had to go home.",
  "Hi Brian, I'm really sorry you couldn't park and had to go home without your shopping - that's not acceptable, and those bays are there for customers like you. I've reported it to the Saltaire store manager today so vans use the service yard, and I'll message you here by Friday with what they've done. Is there anything we can help with in the meantime? Thanks, Nadia",
  "facebook", "public", 45, "strong", "2222 22 2222 22 P -- --?2", "Names the blocked bays and the wasted trip, owned report and dated follow-up; nothing personal needed so take_private n/a.", name="Brian Ashworth")
w("the zip on my new coat broke on the second wear 😞",
  "Oh no Hannah, sorry the zip on your new coat broke so soon - that's so disappointing on only the second wear. DM us your order number and a photo of the zip and we'll send a replacement or a refund, whichever you prefer 💚 - Jas",
  "instagram", "public", 35, "strong", "2222 22 2221 22 P 2- --?2", "Opens with her name (greeting 2); choice of remedy owned by the brand; sign-off only: closing 1.", name="Hannah Kerr", handle="@hannah.k")
w("Hi, I'm going to Spain next week, will my phone work there?",
  "Hi Grace, thanks for asking - yes, all our pay-monthly plans include EU roaming, so you can call, text and use data in Spain just like at home, up to 12GB. There's nothing you need to switch on. Is there anything else I can help with before your trip? Sam",
  "webchat", "chat", None, "strong", "2--2 22 2222 22 P -- ---2", "General plan information (no account details discussed, so no verification needed); neutral query, all applicable criteria at 2.", name="Grace Obi")
w("Sure: Priya Shah, LS6 2AB, card ending 4471",
  "Thanks Priya, that's all confirmed. I can see the £54.20 payment was taken twice on the 18th - I'm sorry about that, and I know it's annoying to have money tied up. I've raised a refund for the duplicate and it'll be back on your card within 3-5 working days. Is there anything else I can help with today? Sam",
  "webchat", "chat", 0.7, "strong", "2222 22 2222 22 P -- -2 ?2", "Turn after the customer verified: account discussed only now (data protection pass); refund timescale matches policy (accuracy 2).", name="Priya Shah", scenario=DC)
w("It's been 3 weeks since my windscreen claim and nobody has called to book the repair",
  "Hi Owen, I'm sorry you've been waiting three weeks for someone to book your windscreen repair - that's far too long, especially when you need the car. I've booked it with our repair partner for this Thursday between 8am and 12pm at your home address; you'll get a text confirmation today. Is there anything else I can help with? Kind regards, Zara",
  "facebook", "private", None, "strong", "2222 22 2222 22 P -- ---2", "Private message (not live chat), so no verification step is required by the guide; booking owned with day, time window and confirmation.", name="Owen Price")
w("@PennantAir charged me £60 for a bag that was within the allowance, weighed 22kg on your own scale",
  "@nadia_s Hi Nadia, sorry you were charged £60 for a bag within your 23kg allowance - I can see why you're annoyed, that's our mistake. DM us your booking ref and I'll refund the £60 today. Anything else, just ask. ^RB",
  "twitter", "public", 15, "strong", "2222 22 2222 22 P 2- --?2", "Apology names the wrong charge and admits fault; owned same-day refund via DM; offer + sign-off.", name="Nadia Said", handle="@nadia_s")
w("Hiya, my order came but the lipstick is snapped in half 😢",
  "Hi Leah, oh no - I'm sorry your lipstick arrived snapped in half, that's such a disappointment when you've been waiting for it. I've sent a replacement today by first class post, so it should be with you in 1-2 days, and there's no need to return the broken one. Anything else I can help with? Mia 💛",
  "instagram", "private", None, "strong", "2222 22 2222 22 P -- ---2", "Every applicable criterion at 2 in a private DM; one emoji in the sign-off is within brand voice.", name="Leah Byrne", handle="@leahbyrne")
w("Why is my bill so high this month??",
  "Hi Karen, sorry your bill's come as a shock - I know a jump like that is worrying. To check the right thing: is it higher because of the energy you've used, or is there a charge on it you don't recognise? Send us a private message and I'll go through your account with you today. Thanks, Owen",
  "facebook", "public", 20, "strong", "2212 22 2221 22 P 22 --?2", "Incomplete complaint: focused either/or question (clarify 2) and account talk moved private; 'sorry your bill's come as a shock' names no failure: apologise 1.", name="Karen Doyle")
w("Still not fixed.",
  "Hi Adam, sorry about that. Our engineers will be with you tomorrow between 8am and 1pm. Thanks, Owen",
  "facebook", "public", 20, "weak", "0012 02 2111 22 P -0 --?2", "'Still not fixed' gives no detail; the reply assumes an engineer job instead of asking (clarify 0, hear 0, ack 0).", name="Adam Cross")
w("Can't believe this 😤",
  "Hi Ria, sorry to hear you're unhappy! Can you tell us a bit more? 💛",
  "instagram", "public", 15, "middling", "1111 11 2100 22 P -1 --?2", "Vague complaint: asks, but 'tell us a bit more' is not focused (clarify 1); 'sorry to hear' = 1/1.", name="Ria Patel", handle="@ria.p")
w("the thing you sent doesn't fit",
  "Hi Dev, sorry it doesn't fit. So I can sort the right thing, which item is it, and is it too big or too small?",
  "webchat", "chat", None, "middling", "1022 11 2110 22 P -2 ---2", "Ambiguous: two focused questions before any fix (clarify 2); apology names the problem (2) but no feeling words (empathise 0).", name="Dev Patel")
c = "I'm on a prepay meter and I've got no credit left. I use an oxygen concentrator at home and I can't top up till Friday."
kw = dict(name="Alan Reid", handle=None, scenario=PS)
w(c, "Hi Alan, thank you for telling me - I'm really sorry you're in this position, and I understand how frightening it is to run low with your oxygen concentrator at home. I'm putting you through to our Priority Services team now; they can add emergency credit today. So they can get straight into your account, can you confirm your full name, postcode and date of birth?",
  "webchat", "chat", 0.5, "strong", "2212 22 2220 22 P -- 22 ?1", "Vulnerable customer escalated to Priority Services with what happens next (escalation 2), verification before account access; long chat turn (fit 1); 'sorry you're in this position' names no failure (apologise 1).", **kw)
w(c, "Hi Alan, unfortunately we can't add credit remotely. You'll need to top up at a PayPoint shop when you can.",
  "webchat", "chat", 0.8, "weak", "2000 11 2110 22 P -- 00 ?2", "Ignores the oxygen concentrator: no escalation (0) and 'top up at a shop' is on must_not_promise (accuracy 0); no empathy or apology.", **kw)
w(c, "Hi Alan, I'm sorry to hear that. I'll pass your details on to another team who may be able to help. Is there anything else?",
  "webchat", "chat", 2, "middling", "1111 11 2111 22 P -- 12 ?2", "'another team who may be able to help' is a vague escalation (1); 2 min against a 1-min chat SLA: timeliness 1.", **kw)
w("@SunvaleHols Paid £2,400 for a week in Lanzarote and the pool was shut ALL WEEK. No warning, no apology. I'm taking you to small claims unless I get a full refund. #sunvalefail",
  "@gregt_travels Greg, I'm really sorry the pool was shut all week with no warning - that isn't the holiday you paid for. As you've mentioned court, I've referred this to Customer Relations; they'll reply within 5 working days. DM us your booking ref. ^LM",
  "twitter", "public", 40, "strong", "2222 22 2221 22 P 2- 22 ?2", "Second wording of the legal-threat case: correct route and timescale, no refund promised; no offer of further help (closing 1).", name="Greg Turner", handle="@gregt_travels", scenario=LT)
w("@CloverMobile my new phone hasn't arrived, was meant to be here yesterday and I've got no phone at all now",
  "@tash_m Hi Natasha, I'm sorry your new phone didn't arrive yesterday - being left with no phone at all is really stressful. DM us your order number and I'll chase the courier now and update you within the hour. ^SM",
  "twitter", "public", 12, "strong", "2222 22 2221 22 P 2- --?2", "All HEAT at 2 with an hour-bound update; sign-off without an offer of further help: closing 1 (Merit).", name="Natasha Miles", handle="@tash_m")
w("@Bramble_Bank card declined at the supermarket even though there's money in my account, so embarrassing",
  "@lukeo Hi Luke, I'm sorry your card was declined at the till - that's embarrassing, especially when you know the money's there. DM us and I'll check what blocked the payment and get it working again today. Anything else, just ask. ^GF",
  "twitter", "public", 8, "strong", "2222 22 2222 22 P 2- --?2", "'DM us and I'll check what blocked the payment' says what the brand will do: own 2, act 2, take_private 2; all applicable criteria at 2.", name="Luke Osborne", handle="@lukeo")
w("Flight cancelled with 2 hours' notice, we're stuck in Alicante with two kids and no hotel",
  "Hi Mark, I'm so sorry your flight was cancelled at such short notice - being stranded in Alicante with two young children is really stressful. Our ground team at Alicante airport can book you a hotel tonight and seats on tomorrow's 09:40 flight; please go to the Pennant desk in Departures Hall B, and send us a private message with your booking reference so I can let them know you're coming. Thanks, Dan",
  "facebook", "public", 10, "strong", "2222 22 2221 22 P 2- --?2", "Concrete rescue plan with place and time, private message for the booking reference; sign-off only: closing 1.", name="Mark Evans")
w("Waited 40 mins for my click and collect at your Trafford store and they couldn't find it",
  "Hi Sam, I'm sorry you waited 40 minutes at Trafford and your order still couldn't be found - that's a wasted trip. DM us your order number and I'll find out where it is and either have it ready for you tomorrow or refund it 💚 - Jas",
  "instagram", "public", 22, "strong", "2222 22 2221 22 P 2- --?2", "'that's a wasted trip' ties the impact to his visit (empathise 2); owned two-option fix; closing 1.", name="Sam Bennett", handle="@sam.b")
w("hi I just need to know if my policy covers windscreen damage",
  "Hi Ruth, happy to check. So I can look at your policy, could you confirm your full name, postcode and date of birth first? Then I'll tell you exactly what your windscreen cover includes.",
  "webchat", "chat", None, "strong", "2--2 22 2220 22 P -- ---2", "Verifies before discussing her policy; mid-conversation turn: closing 0 (Merit).", name="Ruth Adams")
w("I've had three different answers from three different people about whether my son can travel on my booking",
  "Hi Aoife, I'm sorry you've been given three different answers - that's confusing and not the service you should get. To give you one clear answer: yes, your son can travel on your booking as long as he's under 16 and travelling with you; I've added a note to your booking so everyone sees the same thing. Is there anything else I can help with? Thanks, Dan",
  "facebook", "private", None, "strong", "2222 22 2222 22 P -- ---2", "'not the service you should get' = guide's 2-level empathy wording; owned note on the booking; offer + sign-off.", name="Aoife Kelly")
w("@Hollybrook your website says the Ilkley store is open till 10 but I got there at 9 and it was shut",
  "@gareth_w Hi Gareth, I'm sorry you had a wasted trip to Ilkley - that's frustrating after a drive out. The store now closes at 8 and our website was wrong; I've asked the web team to fix it today. Anything else I can help with? ^TC",
  "twitter", "public", 40, "strong", "2222 22 2222 22 P -- --?2", "Admits the website error, owned fix today, offer + sign-off; empathy tied to the wasted drive (2).", name="Gareth Wood", handle="@gareth_w")
w("I was charged for delivery even though I used the free delivery code",
  "Hi Zainab, sorry you were charged for delivery when you'd used the free delivery code - that's annoying. I've refunded the £3.95 to your card today; it can take 3-5 working days to show. Anything else I can help with? Mia",
  "instagram", "private", None, "strong", "2222 22 2222 22 P -- ---2", "'that's annoying' names the feeling straight after her specific problem (empathise 2, same rule as other 'that's frustrating' replies); owned refund with timescale.", name="Zainab Ali", handle="@zainab.a")
w("@VeloBikesUK is the Trailblazer 2 available in a small frame? site says out of stock",
  "@fi_cycles Hi Fiona, the small Trailblazer 2 is back in stock on 4 December. Tap 'Notify me' on the product page and we'll email you the moment it's live. Anything else I can help with? ^VB",
  "twitter", "public", 25, "strong", "2--2 22 2222 22 P -- --?2", "Neutral stock query: dated answer, how to be notified, offer + sign-off.", name="Fiona Grant", handle="@fi_cycles")
w("Been charged twice for my gym membership this month",
  "Hi Jon, I'm sorry you've been charged twice for your membership this month - I know that's money you weren't expecting to lose. Please send us a private message with your membership number and I'll refund the extra payment today. Thanks, Kim",
  "facebook", "public", 130, "strong", "2222 22 2221 22 P 2- --?2", "Strong content; 130 min is over twice the 60-minute target: timeliness 0.", name="Jon Reeves")
w("@LinklineHelp engineer no-show AGAIN. Took another day off work for nothing.",
  "@priya_w Hi Priya, I'm really sorry our engineer didn't turn up again - losing another day off work is not OK. I've booked a priority slot for Saturday 8-12 and will DM you to confirm; if that doesn't suit, tell me what does. ^PB",
  "twitter", "public", 18, "strong", "2222 22 2222 22 P 2- --?2", "'if that doesn't suit, tell me what does' counted as a satisfaction check, with ^PB sign-off (closing 2); agent moves it to DM with a reason.", name="Priya Warren", handle="@priya_w")
