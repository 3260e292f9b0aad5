# Written records, free mode (scenario None): escalation and accuracy n/a. Code order:
# HEAT(hear emp apo own) KA(ack act) GPSC(greet pers sign close) TL(tone plain) D PC(priv clar) EA(esc acc) TF(time fit)
from common import w

c = "@NorthlineRail the 07:42 from Leeds was cancelled again, third time this week. I've been late for work every day. Sort it out."
w(c, "@rachmoss Hi Rachel, I'm really sorry the 07:42 was cancelled again - 3 times in a week is awful when you need to get to work. Claim Delay Repay for each at northline.example/delayrepay and I'll flag the repeat cancellations to our performance team today. Anything else? ^KM",
  "twitter", "public", 14, "strong", "2222 22 2222 22 P -- --?2", "Names the 07:42 and the three cancellations, impact on work (empathise 2), claim route plus a first-person flag today; nothing personal needed so take_private n/a.", name="Rachel Moss", handle="@rachmoss")
w(c, "@rachmoss We're aware of some cancellations this morning due to a shortage of train crew. Please check the app before you travel.",
  "twitter", "public", 35, "weak", "1001 11 1010 22 P -- --?2", "Generic 'some cancellations' (hear 1), no apology or empathy for a third cancellation; 'check the app' = links rule: own 1, act 1.", name="Rachel Moss", handle="@rachmoss")

w("@CloverMobile hello, my phone is not have signal from yesterday in my house, I am pay every month but no signal, please what I do",
  "@tomasz_n Hi Tomasz, sorry you've had no signal at home since yesterday. That's not good when you pay every month. Please send us a DM with your postcode and we'll check the mast near you and tell you what we find. ^AL",
  "twitter", "public", 22, "strong", "2222 22 2221 22 P 2- --?2", "Non-native customer; reply uses short plain sentences (plain 2); 'not good when you pay every month' ties the feeling to his situation (empathise 2); sign-off without offer: closing 1.", name="Tomasz Nowak", handle="@tomasz_n")
w("@CloverMobile why does my data keep dropping to 3G in the town centre? paying for 5G",
  "@ollie_b Hi Oliver, there's a known NR SA handover issue on cell site LDS-0412 causing fallback to UMTS. RAN team have a CR raised, ETA TBC. ^DK",
  "twitter", "public", 40, "weak", "2001 21 2201 20 P -- --?2", "Network jargon and codes (NR SA, UMTS, RAN, CR, ETA TBC): plain_language 0; names his 5G-to-3G problem (hear 2) but no apology/empathy.", name="Oliver Brooks", handle="@ollie_b")
w("@CloverMobile been charged £15 roaming in France but I had the EU add-on?? explain pls",
  "@jade_x omg thats well annoying hun 😩 defo shouldnt of happened, slide into our DMs n we'll sort it x",
  "twitter", "public", 10, "weak", "1102 11 0010 11 P 1- --?2", "Slang/text-speak ('omg', 'defo', 'shouldnt of', 'hun', 'x'): opening inappropriate (greeting 0), tone 1 (not rude, so not critical 0), plain 1; regret without any apology word: apologise 0.", name="Jade Wilson", handle="@jade_x")
w("@Bramble_Bank your app has logged me out 4 times today and now wants my card reader. Useless.",
  "@frank_h THE APP IS WORKING FINE. PLEASE FOLLOW THE ON-SCREEN INSTRUCTIONS LIKE EVERYONE ELSE.",
  "twitter", "public", 5, "weak", "1000 01 0000 01 P -- --?2", "Shouting in capitals and 'like everyone else' blames the customer: tone 0 (critical); capitals also hurt readability (plain 1).", name=None, handle="@frank_h")
w("@Bramble_Bank there's a £249.99 payment to 'ZX Online' on my account I didn't make!! help",
  "@anita_p Hi Anita, sorry to hear this! Please reply with your full name, date of birth and the last 8 digits of your account so we can freeze the card right away.",
  "twitter", "public", 3, "weak", "2112 12 2110 22 F 0- --?2", "Asks for name, date of birth and account digits in a public reply: data_protection fail (critical) and take_private 0, despite a prompt, owned action.", name="Anita Patel", handle="@anita_p")
w("@Bramble_Bank just got a text saying my card's been used in Spain. I'm in Bristol. What do I do??",
  "@ben_osei Hi Ben, I'm sorry - that must be a worrying text to get. Don't reply to it or tap any links. Call us on the number on the back of your card (24/7) and we'll check the payments and block the card if needed. ^VL",
  "twitter", "public", 6, "strong", "2212 22 2221 22 P 2- --?2", "Possible fraud moved to the phone with a reason, without asking for data publicly (take_private 2); bare 'I'm sorry' names nothing: apologise 1.", name="Ben Osei", handle="@ben_osei")
w("@PennantAir lost my bag on PA212 from Malaga, nobody at the desk can tell me anything",
  "@kofi_m DM us.",
  "twitter", "public", 3, "weak", "0001 01 1010 12 P 1- --?2", "Very short: bare 'DM us' (own 1, act 1, take_private 1) with no acknowledgement of the lost bag; curt (tone 1).", name=None, handle="@kofi_m")
w("@PennantAir my flight PA90 was delayed 5 hours, missed my connection in Frankfurt, had to pay £180 for a hotel. who pays for this?",
  "@helen_cw Hi Helen, I'm so sorry your flight PA90 was delayed by five hours and that you missed your connection in Frankfurt - being stuck with an unexpected hotel bill on top of the stress of the delay is really not what anyone wants from a journey, and I completely understand why you're asking who covers it. Under our delay policy you can claim back reasonable hotel costs, so please keep your receipt. If you send us a DM with your booking reference and a photo of the receipt, I'll start the claim for you today and let you know as soon as it's approved. Is there anything else I can help with in the meantime? ^RB",
  "twitter", "public", 30, "middling", "2222 22 2222 21 P 2- --?0", "Strong content but over 600 characters on X: platform_fit 0 and a padded middle (plain 1); HEAT all 2 so the grade rules still give Merit.", name="Helen Clarke-Watts", handle="@helen_cw")
w("@Hollybrook your Chapel St store had no gluten free bread again. 3rd week running. I'm coeliac, it's not a lifestyle choice.",
  "@coeliac_cat Hello and thank you so much for taking the time to reach out to us here on Twitter today, we really do value each and every piece of feedback that our wonderful customers share with us as it helps us to continue to improve. Availability can vary from store to store depending on a number of factors. We hope this helps!",
  "twitter", "public", 50, "weak", "1000 10 2000 21 P -- --?1", "Long waffle that never mentions Chapel St, coeliac or the bread (hear 1): no empathy, apology or step; padded (plain 1); over 280 characters (fit 1).", name=None, handle="@coeliac_cat")
c = "@Hollybrook the delivery driver left my shopping on the doorstep in the rain, the bread was soaked and the eggs broken"
w(c, "@mrs_d_lewis Sorry if you feel the driver could have done better. Drivers do leave orders in a safe place when nobody answers. ^HB",
  "twitter", "public", 25, "weak", "1010 10 1101 12 P -- --?2", "'Sorry if you feel' is a conditional apology (1) and the second sentence defends the driver (empathise 0, tone 1); no step.", name="Diane Lewis", handle="@mrs_d_lewis")
w(c, "@mrs_d_lewis Hi Diane, I'm sorry your shopping was left out in the rain - soggy bread and broken eggs is not what you paid for. I'll refund those items; please DM us your order number so I can do it and feed back to the driver's team. ^HB",
  "twitter", "public", 18, "strong", "2222 22 2221 22 P 2- --?2", "Names the soaked bread and broken eggs, impact tied to what she paid for (empathise 2), owned refund; sign-off only: closing 1.", name="Diane Lewis", handle="@mrs_d_lewis")
w("@Bramble_Bank our mortgage application has been 'in review' for 6 weeks and we might lose the house",
  "@the_greens Oh no, I can only imagine how stressful it must be waiting six weeks with your new home on the line. We really do understand how much this means to you and we're sending you lots of positive thoughts. ^JB",
  "twitter", "public", 30, "weak", "2200 20 1101 22 P 0- --?2", "Empathetic but no action: empathise 2, hear 2, yet no apology, no step (own 0, act 0) and an account matter left public (take_private 0).", name=None, handle="@the_greens")
w("@CloverMobile been on hold 50 mins trying to cancel my contract",
  "@raj_k Hi Raj, you can cancel straight from the app under Account > Plan > Cancel, or DM us your number and I'll do it for you now. ^SM",
  "twitter", "public", 11, "middling", "2002 12 2221 22 P 2- --?2", "Action without apology: clear owned route (own 2, act 2) but the 50-minute hold gets no apology or empathy (0, 0) -> Refer.", name="Raj Kumar", handle="@raj_k")
w("@Hollybrook ordered a birthday cake for collection at 10, got there and they'd never heard of it. My daughter's party is at 2.",
  "@lucy_fenwick Hi Lucy, I'm so sorry your cake order wasn't ready - I realize how stressful that is with the party at 2. I've called the store and the bakery team will have a cake ready for you by 12:30 at no charge. Is there anything else you need? ^TC",
  "twitter", "public", 12, "strong", "2222 22 2222 22 P -- --?2", "American spelling ('realize') for a UK brand: the guide does not penalise spelling variants, so no level is lowered; every applicable criterion at 2.", name="Lucy Fenwick", handle="@lucy_fenwick")
w("@PennantAir can I take my guitar as hand luggage on PA330?",
  "@gus_plays Hi, yes you can take a guitar as cabin baggae if it fits in the overhead locker, otherwsie you can buy a seat for it or check it in. Hope that helps!",
  "twitter", "public", 20, "middling", "2--2 22 2111 21 P -- --?2", "Neutral query (empathise/apologise n/a) answered fully; typos 'baggae', 'otherwsie': plain 1; 'Hope that helps!' counted as sign-off only: closing 1.", name=None, handle="@gus_plays")
w("@NorthlineRail shout out to the guard on the 17:10 to Harrogate who helped my mum with her wheelchair, absolute star",
  "@paulw Thank you so much for this, Paul! I'll make sure the 17:10 guard and their manager hear about it - it's lovely to know your mum was looked after. ^KM",
  "twitter", "public", 45, "strong", "2--2 22 2211 22 P -- --?2", "Compliment: empathise and apologise n/a; owned action to pass praise on; no onward step to signpost (1), sign-off only (closing 1).", name="Paul Wright", handle="@paulw")
w("@SaffiBeauty loving the new vegan lip range 😍 the berry shade is perfect",
  "@mel_beauty Thanks. For complaints please use our webform.",
  "twitter", "public", 30, "weak", "0--0 00 1001 12 P -- --?2", "Misreads a compliment as a complaint: hear 0, ack 0, act 0; curt (tone 1).", name=None, handle="@mel_beauty")
w("@CloverMobile bill's wrong again",
  "@nina_r Hi Nina, sorry your bill doesn't look right again, that's frustrating. So I check the right thing: is it a charge you don't recognise, or is the total higher than your plan? DM us and I'll go through it with you. ^AL",
  "twitter", "public", 9, "strong", "2222 22 2221 22 P 22 --?2", "Ambiguous complaint: focused either/or question (clarify 2); 'that's frustrating' names the feeling right after her specific problem (empathise 2); apology names the wrong bill (2); sign-off only (closing 1).", name="Nina Ross", handle="@nina_r")
w("@PennantAir is this a joke??",
  "@marcusj We're sorry for the delay to your flight today. Compensation details are on our website. ^RB",
  "twitter", "public", 15, "weak", "0011 01 1011 22 P -0 --?2", "Guesses the problem instead of asking (clarify 0, hear 0, ack 0); apology for an assumed delay = 1; website = act 1.", name=None, handle="@marcusj")
w("@Hollybrook worst online shop ever",
  "@kev_smith Sorry to hear that, Kev. Tell us more?",
  "twitter", "public", 70, "middling", "1111 11 2100 22 P -1 --?2", "Vague complaint: 'Tell us more?' asks but is not focused (clarify 1); 'Sorry to hear that' = 1/1; 70 min: timeliness 1.", name="Kevin Smith", handle="@kev_smith")
w("@Hollybrook where's my online order? was due yesterday",
  "@sophie_w Hi Sophie, I can see order HB-22817 for 3 Orchard Close was left with your neighbour at no. 5 yesterday at 16:20 - could you check with them? ^DB",
  "twitter", "public", 14, "weak", "2002 22 2211 22 F 0- --?2", "Reveals her order number and home address in a public reply: data_protection fail (critical), take_private 0.", name="Sophie Walsh", handle="@sophie_w")
w("@Bramble_Bank you've charged me £35 overdraft fees for a payment YOU delayed. My solicitor will be hearing about this.",
  "@dmitri_v Hi Dmitri, I'm sorry you've been charged fees because of a delayed payment - I can see why you're angry. I've asked our complaints team to review the charges; DM us so they can contact you, and they'll reply within 5 working days. ^GF",
  "twitter", "public", 32, "strong", "2222 22 2221 22 P 2- --?2", "Legal threat in free mode: escalation n/a by the guide, but the reply routes it to complaints with a timescale; 'I can see why you're angry' tied to the fees (empathise 2).", name="Dmitri Volkov", handle="@dmitri_v")
w("@LinklineHelp I'm 84 and on my own, the phone line's been dead 3 days and it's my only way to call for help",
  "@bettyjones34 Hello Betty, I'm so sorry your phone line has been dead for three days - I understand how worrying that is when it's how you call for help. I've made your fault a priority and an engineer will be with you tomorrow morning. Could a family member DM us their number so we can keep them updated? ^PB",
  "twitter", "public", 20, "strong", "2222 22 2221 22 P 2- --?1", "Vulnerable customer (free mode, so escalation n/a): priority fault and engineer date owned; just over 280 characters: platform_fit 1.", name="Betty Jones", handle="@bettyjones34")
w("@Bramble_Bank why has my transfer to my landlord not gone through? rent's due today",
  "@zoe_h Hi Zoe, FPS outbound may be held for CoP mismatch or AML/KYC screening pending L2 review. Pls DM. ^JB",
  "twitter", "public", 15, "weak", "1001 11 2111 20 P 1- --?2", "Banking codes (FPS, CoP, AML/KYC, L2): plain_language 0; no empathy for rent due today; bare 'Pls DM'.", name="Zoe Hart", handle="@zoe_h")
w("@Hollybrook your app is rubbish",
  "@dan_the_man Rubbish? Bit harsh! 😂 Just delete and reinstall it, fixes everything.",
  "twitter", "public", 20, "weak", "1001 11 0000 02 P -0 --?2", "Mocks the customer ('Bit harsh! 😂'): tone 0 (critical), opening inappropriate (greeting 0); vague complaint answered with a fix, no question (clarify 0).", name=None, handle="@dan_the_man")
c = "@PennantAir can you help me with my booking?"
w(c, "@lily_r Hi Lily, sure! You can change your flight date in Manage My Booking for a £45 fee. ^RB",
  "twitter", "public", 10, "weak", "0--1 12 2121 22 P -0 --?2", "Neutral but incomplete request: assumes a date change instead of asking (clarify 0, hear 0).", name="Lily Rees", handle="@lily_r")
w(c, "@lily_r Hi Lily, of course! What would you like to do with your booking - change a date, add bags, or something else? Let us know and I'll talk you through it. ^RB",
  "twitter", "public", 10, "middling", "1--2 11 2111 22 P -2 --?2", "Focused clarifying question with options before any answer (clarify 2); 'I'll talk you through it' = own 2; act 1 until the need is known.", name="Lily Rees", handle="@lily_r")
w("@CloverMobile it's gone again",
  "@max_d Sorry about that, there's an outage in Manchester, should be back by 6pm ^AL",
  "twitter", "public", 5, "weak", "0011 02 1011 22 P -0 --?2", "'it's gone again' could be signal, app or service: reply assumes an outage (clarify 0, hear 0, ack 0); the stated fix time makes act 2.", name=None, handle="@max_d")
w("@NorthlineRail is the lift at Harrogate station working? I use a wheelchair and I'm travelling tomorrow",
  "@amira_wheels Hi Amira, thanks for checking - the Harrogate lift is working normally. If you DM us your train time, I'll book Passenger Assist so staff meet you at the platform. Anything else I can help with? ^KM",
  "twitter", "public", 20, "strong", "2--2 22 2222 22 P -- --?2", "Neutral access query answered and an owned Passenger Assist offer; every applicable criterion at 2 within 60 minutes.", name="Amira Haddad", handle="@amira_wheels")
w("@CloverMobile I've been charged for phone insurance I cancelled in August",
  "@will_j Hi Will, I'm sorry you're still being charged for insurance you cancelled in August - that's frustrating. DM us your number and I'll check the cancellation and refund any payments taken since, today. Anything else, just say. ^SM",
  "twitter", "public", 25, "strong", "2222 22 2222 22 P 2- --?2", "Apology names the charges (2) and 'that's frustrating' names the feeling attached to that specific problem (empathise 2); owned same-day refund; offer + sign-off.", name="Will James", handle="@will_j")
