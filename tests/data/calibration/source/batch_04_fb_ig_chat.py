# Written records, free mode, Facebook / Instagram / webchat. Code order:
# HEAT(hear emp apo own) KA(ack act) GPSC(greet pers sign close) TL(tone plain) D PC(priv clar) EA(esc acc) TF(time fit)
from common import w

w("I've been trying to get a refund for a damaged fridge for a month. Three phone calls, two emails, nobody gets back to me. I'm at the end of my tether.",
  "Hi Graham, I'm so sorry you've been chasing a refund for a damaged fridge for a month - calling and emailing again and again with no answer is exhausting, and we've let you down. I'd like to sort this myself. Please send us a private message with your order number and I'll check where the refund is and update you by 5pm today. Is there anything else I can help with in the meantime? Thanks, Nadia",
  "facebook", "public", 25, "strong", "2222 22 2222 22 P 2- --?2", "Every applicable criterion at 2: names the month of chasing, owns it ('I'd like to sort this myself'), private message with a reason and a 5pm update.", name="Graham Pike")
w("My husband's prescription delivery hasn't arrived and he needs his heart tablets tonight",
  "Hi Sandra, so sorry! Can you pop your husband's full name, date of birth and your address in the comments and we'll chase it?",
  "facebook", "public", 8, "weak", "2012 22 2110 22 F 0- --?2", "Asks for name, date of birth and address in public comments: data_protection fail (critical); urgency of heart tablets not recognised (empathise 0).", name="Sandra Ellis")
w("Your new loyalty app won't let me log in, keeps saying 'error 502'. Help!",
  "Hi Kerry, thanks for getting in touch about the error 502 message. Please try the following steps: 1) Force close the app. 2) Go to your phone's settings and clear the app cache and cookies. 3) Check you are on the latest version in the App Store or Google Play. 4) Switch between Wi-Fi and mobile data. 5) Flush your DNS or restart your router. 6) Uninstall and reinstall the app. 7) Try logging in on our website instead to check your credentials are correct. 8) If you use a VPN, disable it and try again. If none of these steps resolves the issue, please let us know the make and model of your device, your operating system version, the app version number and the exact time the error occurred, and we'll raise it with our technical team for further investigation.",
  "facebook", "public", 40, "weak", "2001 22 2121 21 P -- --?0", "Wall of text on Facebook (platform_fit 0) with technical steps ('flush your DNS', 'clear cache and cookies'): plain 1; no apology or empathy for being locked out.", name="Kerry Moss")
w("Is the 6am flight to Belfast tomorrow still running with the strikes?",
  "Hi Orla!! 👋😊✈️ Yes the 6am to Belfast is running as normal!! 🎉🎉🙌 Have a great flight!! 💙✈️💙",
  "facebook", "public", 15, "middling", "2--2 22 2201 12 P -- --?1", "Correct, owned answer to a neutral query, but emoji overuse and repeated '!!': tone 1, platform_fit 1.", name="Orla Byrne")
c = "Hi, my order of school shoes arrived in a size 2 instead of 12. School starts Monday."
w(c, "Hi Gemma, thank you for contacting Wildoak. We value your custom and your feedback is important to us. Have a lovely day!",
  "facebook", "private", None, "weak", "1000 10 2101 22 P -- ---2", "Polite but empty: generic thanks, nothing about the wrong size or Monday deadline, no step; delay unknown so timeliness n/a.", name="Gemma Lloyd")
w(c, "Hi Gemma, I'm sorry we sent size 2 shoes instead of 12 - with school starting Monday I can see why you're worried. I've sent a size 12 pair by next-day delivery today, so they'll be with you Friday, and emailed you a free returns label for the wrong pair. Is there anything else I can help with? Thanks, Leah",
  "facebook", "private", None, "strong", "2222 22 2222 22 P -- ---2", "Every applicable criterion at 2; timeliness n/a (delay unknown) does not block Distinction under the grade rule used here.", name="Gemma Lloyd")
w("Do you do gift wrapping on online orders?",
  "Yes - tick 'gift wrap' at checkout, it's £2.50 per item. Thanks, Leah",
  "facebook", "private", 12, "middling", "2--2 22 1021 22 P -- --?2", "Private message with no greeting where one is expected: greeting 1 (otherwise fine); neutral query answered exactly.", name="Ravi Singh")
c = "Love paying £40 for a foundation that turns orange by lunchtime 🙃 great job Saffi"
w(c, "Hi Chloe, that's definitely not what you want from a £40 foundation, and I'm sorry it's oxidising on you. Could you DM us your shade and skin type? Our shade team will suggest a better match, and if it's within 30 days we can swap it 💛 - Mia",
  "instagram", "public", 30, "strong", "2222 22 2221 22 P -- --?2", "Reads the sarcasm as a real complaint; 'not what you want from a £40 foundation' = impact tied to her (empathise 2); shade/skin type is not personal data, so take_private n/a.", name="Chloe Dunn", handle="@chloedunn_mua")
w(c, "Hi Chloe, maybe try setting spray? 🙃 Works for everyone else!",
  "instagram", "public", 20, "weak", "1000 11 2100 02 P -- --?2", "Sarcasm back at the customer and 'works for everyone else' blames her: tone 0 (critical).", name="Chloe Dunn", handle="@chloedunn_mua")
w("yo ur site took my money twice for the hoodie n i only got 1 order confirmation wtf",
  "Hi Jordan, sorry about that - being charged twice for one hoodie isn't on. Often the second payment is only a pending hold that drops off within 3-5 days, but I'll check for you. Can you send me the email on your order? Thanks, Sol",
  "instagram", "private", 50, "middling", "2122 22 2221 22 P -- --?2", "Slang customer, professional reply; 'isn't on' is light empathy (1); email asked in a private DM, so data protection passes.", name="Jordan Blake", handle="@jblake.fits")
w("still waiting on my refund from 3 weeks ago for the returned jeans!!",
  "Hi Amy! Your refund of £64.99 went back to your Visa ending 3318 on the 12th, so it should show soon 😊",
  "instagram", "public", 20, "weak", "2002 21 2200 22 F 0- --?2", "Reveals refund amount and card digits tied to her in a public comment: data_protection fail (critical).", name="Amy Turner", handle="@amy.t")
c = "Your engineer left muddy footprints all over my cream carpet and didn't even fix the boiler"
w(c, "Hi Helen, our engineers wear shoe covers as standard, so it's unlikely the marks came from them. The boiler needs a part that has to be ordered in, which you were told on the day.",
  "facebook", "public", 60, "weak", "2000 10 2100 02 P 0- --?2", "Disputes the customer's account and implies she was told: argumentative, tone 0 (critical).", name="Helen Ward")
w(c, "Hi Helen, I'm so sorry about the mess on your carpet and that your boiler still isn't working - that's the opposite of what our visit should do. I'd like to put both right: please message us privately with your address and a good time to call, and I'll arrange a carpet clean and book the engineer back with the part. Thanks, Owen",
  "facebook", "public", 110, "strong", "2222 22 2221 22 P 2- --?2", "Names both failures, owns both fixes, private route with a reason; 110 min: timeliness 1, so Merit not Distinction.", name="Helen Ward")
w("Been waiting 2 hours in the hospital car park queue and your machine ate my ticket and wants £20 to let me out.",
  "Sorry to hear that. Please contact the parking office.",
  "facebook", "public", 30, "weak", "1111 11 1010 22 P -- --?2", "'Sorry to hear that' = empathise 1, apologise 1; hand-off to the parking office = own 1, act 1; the grade rules give Pass for this minimal reply.", name="Deepak Mehta")
c = "I need to make a claim, a tree fell on my car in last night's storm"
w(c, "Dear Sir/Madam, Claims must be submitted via the online claims portal. Regards, Maple Insurance Claims Department",
  "facebook", "private", None, "weak", "1001 11 1011 12 P -- ---2", "Stiff 'Dear Sir/Madam' in a private message (greeting 1) and cold template (tone 1); hand-off to a portal with no link (signposting 1).", name="Ian Fraser")
w(c, "Hi Ian, I'm sorry to hear a tree came down on your car in the storm - I hope you're OK and weren't hurt. I can start the claim for you now. Could you tell me your policy number and where the car is at the moment? If it's not safe to drive, I'll arrange recovery. Kind regards, Zara",
  "facebook", "private", None, "strong", "2222 22 2221 22 P -- ---2", "'I hope you're OK and weren't hurt' = empathy tied to him (2); 'sorry to hear a tree came down' names the event (apologise 2); policy number asked in a private channel.", name="Ian Fraser")
c = "My dad passed away and we had to cancel his flight to Spain. Is there any way to get the money back? It was £320."
w(c, "Hi Claire, I'm so very sorry for the loss of your dad. Losing a parent is one of the hardest things, and dealing with bookings and admin at the same time must feel overwhelming. Please take all the time you need, and know that we're thinking of you and your family.",
  "facebook", "public", 40, "weak", "12-0 10 2200 22 P 0- --?2", "Empathetic but no action: never answers the refund question (hear 1, own 0, act 0); bereavement is not the airline's failure, so apologise n/a; booking matter left public (take_private 0).", name="Claire Dobson")
w(c, "Hi Claire, I'm so sorry about your dad. Yes, we refund bookings in the case of a bereavement. If you message us privately with the booking reference, our Customer Care team will process the £320 refund and explain what they need, gently and without rushing you. Take care, Dan",
  "facebook", "public", 35, "strong", "22-2 22 2221 22 P 2- --?2", "Condolence tied to her situation (empathise 2), clear yes and owned refund route; apologise n/a (nothing the brand did wrong).", name="Claire Dobson")
c = "Ordered the green dress in a 12, got a black one in an 8 🙄"
w(c, "DM us x", "instagram", "public", 12, "weak", "0001 01 1000 12 P 1- --?2", "Very short: bare 'DM us' with 'x' (tone 1), no acknowledgement of the wrong dress.", name="Poppy Lane", handle="@poppy.lane")
w(c, "Hi Poppy, sorry you got the wrong dress in the wrong size - that's so annoying when you were looking forward to it! DM us your order number and we'll send the green 12 out today with a free returns label for the black one 💚 - Jas",
  "instagram", "public", 20, "strong", "2222 22 2221 22 P 2- --?2", "Names both errors, empathy tied to her ('looking forward to it'), owned same-day fix via DM; one emoji within brand voice.", name="Poppy Lane", handle="@poppy.lane")
c = "Hello, I buy the cream in your shop in Manchester but it give me red skin, very itchy. What I must do?"
w(c, "Hi Mei, sorry to hear the cream's played havoc with your skin! Bin it pronto and holler at us in the DMs so we can get the ball rolling on a refund, no biggie 🙌",
  "instagram", "public", 25, "middling", "2122 22 2210 10 P 1- --?2", "Idioms a non-native reader may not follow ('played havoc', 'bin it pronto', 'holler', 'get the ball rolling', 'no biggie'): plain_language 0, tone 1; the apology names the reaction (2).", name="Mei Lin", handle="@meilin_mcr")
w(c, "Hello Mei, I am sorry the cream made your skin red and itchy. That must be uncomfortable. Please stop using it and wash the area with cool water. If your skin swells or you feel unwell, please see a pharmacist or doctor. We will give you a full refund. Please send me a photo of your receipt here. Thank you, Anna",
  "instagram", "private", None, "strong", "2222 22 2221 22 P -- ---2", "Short, simple sentences for a non-native reader (plain 2); safety advice, owned refund, private channel already.", name="Mei Lin", handle="@meilin_mcr")

# webchat, free mode (timeliness n/a: delay not given)
c = "my internet keeps dropping every evening around 8pm"
w(c, "Run a speed test at linkline.example/speed and send me the result.",
  "webchat", "chat", None, "weak", "1001 01 0010 12 P -- ---2", "No greeting in live chat (greeting 0), no acknowledgement; curt instruction (tone 1).", name="Leo Grant")
w(c, "Hi Leo, thanks for getting in touch, and sorry your connection keeps dropping in the evenings - that's a pain when everyone's online. I'm going to run a line test now; it takes about 2 minutes. While it runs, is it dropping on Wi-Fi only, or on a wired connection too?",
  "webchat", "chat", None, "strong", "2222 22 2220 22 P -- ---2", "Owned line test with a time; mid-conversation turn so no satisfaction check or sign-off (closing 0); a line test discusses no personal data, so data protection passes.", name="Leo Grant")
w("ok that's worked, thanks!",
  "Great news, Leo - glad it's working again. Is there anything else I can help you with today? If not, thanks for chatting with Linkline and have a lovely evening. Aaron",
  "webchat", "chat", None, "strong", "2--2 22 2212 22 P -- ---2", "Final chat turn: satisfaction check + sign-off (closing 2); nothing left to signpost (1); no problem left, so empathise/apologise n/a.", name="Leo Grant")
c = "Can you tell me when my next direct debit is and how much?"
w(c, "Hi Fatima! Your next direct debit of £48.60 comes out on 1 December from your account ending 2290. Anything else?",
  "webchat", "chat", None, "weak", "2--2 22 2211 22 F -- ---2", "Discusses account details in live chat without verifying identity: data_protection fail (critical).", name="Fatima Rahman")
w(c, "Hi Fatima, happy to check that for you. Before I can look at your account, could you confirm your full name, the first line of your address and your date of birth, please?",
  "webchat", "chat", None, "strong", "2--2 22 2220 22 P -- ---2", "Verifies identity before discussing the account; mid-conversation turn: closing 0.", name="Fatima Rahman")
c = "I've been waiting 40 minutes in this chat queue and my gas has been cut off. I have a baby."
w(c, "Thank you for contacting Brightwell Energy. Your query is important to us. Please hold while I review your account.",
  "webchat", "chat", None, "weak", "0001 11 1000 12 P -- ---2", "Scripted opener ignores the 40-minute wait, the cut-off and the baby (hear 0); stiff greeting (1), robotic tone (1).", name="Kayleigh Moore")
w(c, "Hi Kayleigh, I'm really sorry you've waited 40 minutes, and that you've got no gas with a baby at home - that must be so worrying, especially in this cold. I'm treating this as urgent. So I can get into your account, can you confirm your full name, postcode and date of birth? Then I'll get an emergency engineer booked today.",
  "webchat", "chat", None, "strong", "2222 22 2220 22 P -- ---1", "Vulnerable customer (free mode: escalation n/a); verifies before acting; long for a chat turn (platform_fit 1); mid-turn closing 0.", name="Kayleigh Moore")
w("I can't log into my Maple Insurance account to renew",
  "Hi George, sorry about that! If you tell me your password I can check what's wrong.",
  "webchat", "chat", None, "weak", "2011 11 2210 22 F -- ---2", "Asks for the customer's password in chat: data_protection fail (critical).", name="George Hall")
c = "It's happened again"
w(c, "Hi Harriet, sorry to hear that. So I can help, what's happened again - is it about your policy, a claim or a payment?",
  "webchat", "chat", None, "middling", "1111 11 2110 22 P -2 ---2", "Ambiguous message: focused question with options (clarify 2); 'sorry to hear that' = 1/1.", name="Harriet Cole")
w(c, "Hi Harriet, sorry! I've reset your password and emailed you a new link.",
  "webchat", "chat", None, "weak", "0012 02 2110 22 F -0 ---2", "Guesses the problem (clarify 0, hear 0) and changes the account without verifying identity: data_protection fail.", name="Harriet Cole")
w("Does the vitamin C serum suit sensitive skin?",
  "Hi Tara! ✨🍊 Great question!! Our Vitamin C Glow Serum is formulated with 10% ascorbic acid, which is a gentler concentration than many serums on the market, and it also contains soothing ingredients like aloe vera, panthenol and niacinamide to help calm the skin, so many of our customers with sensitive skin use it happily every single day as part of their morning routine! 🌞 That said, everyone's skin is different, so we always recommend doing a patch test behind your ear or on your inner arm for 24-48 hours before applying it to your face, and starting with every other day before building up to daily use. If you notice any redness, stinging or irritation, rinse it off straight away and stop using it. You could also pair it with our Barrier Balm for extra comfort! 💛 #SaffiSkin #VitaminC #SensitiveSkin #GlowUp #SkincareRoutine #PatchTest",
  "instagram", "public", 40, "middling", "2--2 22 2111 11 P -- --?0", "Correct answer buried in a wall of text with hashtags (platform_fit 0), padded (plain 1), emoji/hashtag heavy and a sales push (tone 1).", name="Tara Quinn", handle="@tara.skin")
w("How do I add my son as a named driver?",
  "Hello Paula, thank you for your question about adding a named driver to your policy. Adding a named driver is something that many of our customers do, and there are a few things you should know before you do so. Firstly, the named driver must be aged 17 or over and hold a valid UK or EU driving licence. Secondly, adding a young driver may increase your premium, depending on their age, driving experience and any previous claims or convictions. Thirdly, there may be an administration fee for making a change to your policy mid-term. To add your son, you can log in to your online account, select 'My policy', then 'Make a change', then 'Add a driver', and follow the on-screen instructions, which will ask for his full name, date of birth, licence details and occupation. Alternatively, I can do this for you here in the chat once I have verified your identity. Is there anything else I would be able to assist with?",
  "webchat", "chat", None, "middling", "2--2 22 2121 21 P -- ---0", "Accurate and owned, but a single ~900-character chat turn: platform_fit 0, padded (plain 1).", name="Paula Webb")
w("3 weeks for a refund is a joke",
  "Well, Neil, refunds take up to 21 days as stated in our returns policy, so it's not a joke, it's the policy.",
  "facebook", "public", 50, "weak", "2000 10 0100 02 P -- --?2", "'Well, Neil' and 'it's not a joke, it's the policy' argue with the customer: greeting 0, tone 0 (critical).", name="Neil Barker")
w("Hi, I want to upgrade my phone, am I eligible yet?",
  "Yo! Lemme check... need ur name, postcode and DOB first tho 👍",
  "webchat", "chat", None, "weak", "1--2 12 0010 11 P -- ---2", "'Yo!' opening is inappropriate (greeting 0); text-speak (tone 1, plain 1); still verifies identity before looking, so data protection passes.", name="Chris Hale")
w("Found a piece of blue plastic in my child's yoghurt pouch. Batch L2231. Absolutely disgusted.",
  "Hi Katie, I'm so sorry you found plastic in your child's yoghurt - that's really upsetting, and I'm glad you spotted it. Please keep the pouch and packaging. I've alerted our Product Safety team about batch L2231 today; if you send us a private message with your phone number, they'll call you within 24 hours. Is there anything else I can help with? Thanks, Owen",
  "facebook", "public", 15, "strong", "2222 22 2222 22 P 2- --?2", "Safety complaint handled fully (free mode, so escalation n/a): every applicable criterion at 2.", name="Katie Rowe")
w("Hi, my parcel says delivered but it's not here. I've checked with the neighbours.",
  "Hi Ella, I'm sorry your parcel is showing as delivered when it hasn't reached you, especially after you've gone round the neighbours. I've opened a trace with the courier, who'll reply within 48 hours, and I'll message you here as soon as I hear. Is there anything else I can help with meanwhile? Thanks, Jas",
  "instagram", "private", None, "strong", "2222 22 2222 22 P -- ---2", "Acknowledges the effort she has already made (empathise 2), owned trace with a timescale, offer + sign-off; already private.", name="Ella Morgan", handle="@ellamorgan")
