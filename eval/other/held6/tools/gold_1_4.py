from gold_lib import Gold, A, L, Q, R

# ---------------------------------------------------------------- 1 Russia-Ukraine (wire), published Sat 2026-03-14
g = Gold("ukraine-russia-uae-pow-swap-geneva-talks")
RUS, UKR = A("Russia", "RUS", "GOV"), A("Ukraine", "UKR", "GOV")
RUSMIL, UKRMIL = A("Russian armed forces", "RUS", "MIL"), A("Ukrainian armed forces", "UKR", "MIL")
UAE, USA = A("United Arab Emirates", "ARE", "GOV"), A("United States", "USA", "GOV")
lede = ("Russia and Ukraine each freed 200", "power plant in central Ukraine.")
g.add("0841", RUS, UKR, "release 200 Ukrainian prisoners of war in a UAE-mediated exchange", "2026-03-14", lede,
      qty=[Q(200, "Ukrainian prisoners of war")], group="g-pow-swap")
g.add("0841", UKR, RUS, "release 200 Russian servicemen in the exchange", "2026-03-14", lede,
      qty=[Q(200, "Russian servicemen")], group="g-pow-swap",
      notes="Russian side confirmed in the third paragraph (Defence Ministry). Handover place (Belarusian border) not coded as location.")
g.add("045", UAE, UKR, "mediate the prisoner exchange", "2026-03-14", lede, group="g-uae-mediation")
g.add("045", UAE, RUS, "mediate the prisoner exchange", "2026-03-14", lede, group="g-uae-mediation")
g.add("051", A("Coordination Headquarters for the Treatment of Prisoners of War", "UKR", "GOV"), UAE,
      "thank the Emirates for their help with the exchange", "2026-03-14",
      "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War thanked the Emirates for their help.",
      notes="Undated statement in the day's report: publication date.")
rem = ("On Friday Ukraine received 1,000 bodies", "Shamsail Saraliyev.")
g.add("0841", RUS, UKR, "hand over 1,000 bodies said to be Ukrainian servicemen", "2026-03-13", rem,
      qty=[Q(1000, "bodies")], group="g-remains")
g.add("0841", UKR, RUS, "return the remains of 31 Russian soldiers", "2026-03-13", rem,
      qty=[Q(31, "soldiers' remains")], group="g-remains")
g.add("195", RUSMIL, UKR, "attack Ukraine with 137 drones and three ballistic missiles, damaging a thermal power plant",
      R("2026-03-13", "2026-03-14"), ("Overnight, Russia attacked Ukraine with 137 drones", "caused serious damage."),
      loc=L("Dnipropetrovsk region", "UKR"), qty=[Q(137, "drones"), Q(3, "ballistic missiles")],
      notes="'Overnight' in a Saturday report: night of Fri 13 to Sat 14.")
g.add("112", A("Volodymyr Zelenskiy", "UKR", "GOV"), RUS, "accuse Moscow of using pauses in diplomacy to hit the energy system",
      "2026-03-14", ("Zelenskiy accused Moscow of using", "air defence systems."),
      notes="The appeal to unnamed 'allies' in the same sentence is not coded (no identifiable target).")
g.add("195", RUSMIL, UKR, "guided aerial bomb hits a residential building in Kharkiv", "2026-03-14",
      ("In Kharkiv, a Russian guided aerial bomb hit", "Oleh Syniehubov said."),
      loc=L("Kharkiv", "UKR"), qty=[Q(2, "killed"), Q(11, "wounded")])
g.add("195", A("Ukraine's General Staff", "UKR", "MIL"), RUS, "drone strike on the Novozybkov oil pumping station",
      R("2026-03-13", "2026-03-14"), ("Ukraine's General Staff said its drones had hit", "feeds the Druzhba pipeline."),
      loc=L("Bryansk region", "RUS"), group="g-ukr-drones")
g.add("195", UKRMIL, RUS, "launch drones at seven Russian regions (64 reported destroyed)", R("2026-03-13", "2026-03-14"),
      "Russia's Defence Ministry said air defence units had destroyed 64 Ukrainian drones over seven regions during the night.",
      loc=L("Russia", "RUS"), qty=[Q(64, "drones destroyed")], group="g-ukr-drones",
      notes="Summary of the same night's Ukrainian drone raid; grouped with its detail (Novozybkov).")
g.add("192", RUSMIL, UKR, "take control of the village of Novopavlivka (Russian claim)", R(None, "2026-03-14"),
      ("The ministry also said Russian forces had taken control", "Donetsk region."),
      loc=L("Novopavlivka", "UKR"), uncertain=True, prec="unknown",
      notes="Claimed capture: 192 or 190 equally defensible. Day of capture not given.")
geneva = ("Rustem Umerov, secretary of Ukraine's National Security", "Geneva on Wednesday.")
g.add("046", UKR, RUS, "hold next round of negotiations in Geneva", "2026-03-18", geneva, status="scheduled",
      loc=L("Geneva", "CHE"), symmetric=True, notes="Wednesday after a Saturday publication = planned day 18 March. Confirmed by Peskov (next paragraph).")
g.add("045", USA, UKR, "mediate the Geneva negotiations", "2026-03-18", geneva, status="scheduled",
      loc=L("Geneva", "CHE"), group="g-us-geneva")
g.add("045", USA, RUS, "mediate the Geneva negotiations", "2026-03-18", geneva, status="scheduled",
      loc=L("Geneva", "CHE"), group="g-us-geneva")
g.add("0353", UKR, RUS, "agree to prepare a further exchange of up to 500 prisoners each", R(None, "2026-03-14"),
      ("Umerov said the two sides had also agreed", "on April 12."), symmetric=True,
      qty=[Q(500, "prisoners each (up to)")], prec="unknown",
      notes="Agreement already made (status occurred); its day is not given. Hoped-for exchange date (before 12 April) is not the agreement's date.")
feb = "Saturday's swap was the first since Feb. 5, when each side freed 157 prisoners."
g.add("0841", RUS, UKR, "free 157 Ukrainian prisoners", "2026-02-05", feb, qty=[Q(157, "prisoners")], group="g-bg-feb", background=True)
g.add("0841", UKR, RUS, "free 157 Russian prisoners", "2026-02-05", feb, qty=[Q(157, "prisoners")], group="g-bg-feb", background=True)
may = "The largest exchange of the war, 1,000 for 1,000, took place last May after direct talks in Istanbul."
g.add("0841", RUS, UKR, "1,000-for-1,000 exchange", R("2025-05-01", "2025-05-31"), may, prec="month",
      qty=[Q(1000, "prisoners")], group="g-bg-may", background=True)
g.add("0841", UKR, RUS, "1,000-for-1,000 exchange", R("2025-05-01", "2025-05-31"), may, prec="month",
      qty=[Q(1000, "prisoners")], group="g-bg-may", background=True)
g.add("046", UKR, RUS, "direct talks in Istanbul", R("2025-05-01", "2025-05-31"), may, prec="month",
      loc=L("Istanbul", "TUR"), symmetric=True, background=True)
g.write()

# ---------------------------------------------------------------- 2 Israel-Iran (broadcaster), published Tue 2025-06-24
g = Gold("israel-iran-ceasefire-holds-trump-qatar-iaea")
ISR, IRN = A("Israel", "ISR", "GOV"), A("Iran", "IRN", "GOV")
ISRMIL, IRNMIL = A("Israeli military", "ISR", "MIL"), A("Iranian armed forces", "IRN", "MIL")
TRUMP = A("Donald Trump", "USA", "GOV")
g.add("0871", ISR, IRN, "ceasefire between Israel and Iran takes effect and holds", R("2025-06-24", None),
      ("A ceasefire between Israel and Iran appeared to be holding", "accused both of breaking it."),
      status="ongoing", symmetric=True, group="g-ceasefire", prec="day",
      notes="Truce began 07:00 local time on 24 June (third paragraph); open end.")
ann = ("Trump announced late on Monday that Israel and Iran", "at Israeli cities.")
g.add("045", TRUMP, ISR, "broker the Israel-Iran ceasefire", "2025-06-23", ann, group="g-ceasefire")
g.add("045", TRUMP, IRN, "broker the Israel-Iran ceasefire", "2025-06-23", ann, group="g-ceasefire",
      notes="US proposal conveyed to Tehran with Qatar's help (Qatar's role section).")
g.add("195", ISRMIL, IRN, "12 days of strikes on Iran's nuclear and military sites", R("2025-06-13", "2025-06-23"), ann,
      background=True, notes="Context summary of the war ('12 days of war').")
g.add("195", IRNMIL, ISR, "fire hundreds of ballistic missiles at Israeli cities", R("2025-06-13", "2025-06-23"), ann,
      background=True)
g.add("195", IRNMIL, ISR, "missile strike on a residential building in Beersheba", "2025-06-24",
      ("Iranian missiles hit a residential building in the southern city of Beersheba", "emergency services said."),
      loc=L("Beersheba", "ISR"), qty=[Q(4, "killed")])
g.add("195", ISRMIL, IRN, "final wave of strikes on targets in Tehran before the truce", R("2025-06-23", "2025-06-24"),
      ("The Israeli military said it had carried out a final wave", "(04:00 GMT)."), loc=L("Tehran", "IRN"),
      notes="'In the hours before the truce began' at 07:00 on 24 June: night of 23-24 June.")
g.add("0356", A("Benjamin Netanyahu", "ISR", "GOV"), IRN, "agree to Trump's proposal for a bilateral ceasefire", "2025-06-24",
      ("Prime Minister Benjamin Netanyahu's office said in a statement", "of its operation."),
      notes="Acceptance of a ceasefire: 0356, target the side spared (dev convention).")
g.add("112", A("Israel Katz", "ISR", "GOV"), IRN, "accuse Tehran of a 'blatant violation' of the truce", "2025-06-24",
      ("Defence Minister Israel Katz accused Tehran", "respond forcefully."),
      notes="The alleged launches ('Israel said two missiles had been launched') are denied by Iran and coded only through the accusation; the order to his own military is not coded.")
g.add("016", IRNMIL, ISR, "deny firing missiles after the ceasefire took effect", "2025-06-24",
      "Iran's armed forces denied firing any missiles after the ceasefire took effect, state media reported.")
acc = ("Speaking to reporters at the White House", "had violated the deal.")
g.add("112", TRUMP, ISR, "say Israel violated the ceasefire", "2025-06-24", acc, group="g-trump-accuse")
g.add("112", TRUMP, IRN, "say Iran violated the ceasefire", "2025-06-24", acc, group="g-trump-accuse")
g.add("1056", TRUMP, ISR, "demand Israel not drop bombs and bring its pilots home", "2025-06-24",
      ("He then wrote on his Truth Social platform:", "HOME, NOW!\""))
g.add("195", ISRMIL, IRN, "destroy a radar installation near Tehran", "2025-06-24",
      ("Netanyahu's office later said Israel had held back", "radar installation near Tehran."),
      loc=L("near Tehran", "IRN"), notes="'Held back from further attacks' is a negated act, not coded.")
g.add("045", A("Sheikh Mohammed bin Abdulrahman Al Thani", "QAT", "GOV"), IRN,
      "persuade Iranian officials by phone to accept the US ceasefire proposal", "2025-06-23",
      ("A Qatari official told Horizon 24 that Prime Minister", "accept the US proposal."),
      notes="Qatar mediating with Iran only (one party named).")
udeid = ("The mediation came hours after Iran fired missiles at the Al Udeid", "at the weekend.")
g.add("195", IRNMIL, A("US forces at Al Udeid air base", "USA", "MIL", alt="QAT"), "fire missiles at the Al Udeid air base",
      "2025-06-23", udeid, loc=L("Al Udeid air base", "QAT"),
      notes="Target is the US base on Qatari soil; Qatar accepted as target country.")
g.add("195", A("US military", "USA", "MIL"), IRN, "strike three Iranian nuclear sites", R("2025-06-21", "2025-06-22"), udeid,
      loc=L("Iran", "IRN"), qty=[Q(3, "nuclear sites")], notes="'At the weekend' = Sat-Sun before the Tuesday publication.")
g.add("111", A("Qatar foreign ministry", "QAT", "GOV"), IRN, "condemn the attack on Al Udeid as a violation of sovereignty",
      R("2025-06-23", "2025-06-24"), ("Qatar's foreign ministry condemned the attack", "sovereignty and airspace."),
      notes="Reaction to a Monday event, day not given.")
g.add("0356", A("Abbas Araghchi", "IRN", "GOV"), ISR, "say Iran will not continue its response if Israel stops", "2025-06-24",
      ("Iran's Foreign Minister Abbas Araghchi wrote on X", "against the Iranian people."), status="proposed",
      notes="Conditional offer to stop: proposed. Undated post: publication date.")
g.add("0255", A("Rafael Grossi", "IAE", "IGO"), IRN, "urge Iran to let inspectors return and resume cooperation", "2025-06-24",
      ("Rafael Grossi, head of the UN's International Atomic Energy Agency", "\"without delay\"."))
g.write()

# ---------------------------------------------------------------- 3 US-Venezuela (regional newspaper), published Thu 2025-10-30
g = Gold("venezuela-condemns-us-boat-strikes-region-reacts")
VEN, USA, COL = A("Venezuela", "VEN", "GOV"), A("United States", "USA", "GOV"), A("Colombia", "COL", "GOV")
TRUMP, MADURO = A("Donald Trump", "USA", "GOV"), A("Nicolás Maduro", "VEN", "GOV")
USMIL = A("US forces", "USA", "MIL")
g.add("111", VEN, USA, "condemn the US boat strikes as 'extrajudicial executions'", "2025-10-29",
      ("Venezuela on Wednesday condemned the latest", "spilling into open conflict."), group="g-ven-condemn")
g.add("112", A("Yván Gil", "VEN", "GOV"), USA, "accuse Washington of using the drug fight as cover to topple Maduro", "2025-10-29",
      ("Foreign Minister Yván Gil, in a statement read on state television", "on the planet\"."), group="g-ven-condemn",
      notes="Same Wednesday statement as the lede's condemnation: summary and detail grouped.")
g.add("190", USMIL, A("Tren de Aragua (alleged boat operators)", "VEN", "CRM"),
      "strike two vessels off the Paria peninsula, killing 14", "2025-10-28",
      ("The strikes on Tuesday, in which US forces destroyed two vessels", "as a terrorist organisation."),
      loc=L("off the Paria peninsula", "VEN"), qty=[Q(2, "vessels"), Q(14, "killed")], uncertain=True,
      notes="Weapon not stated: 190 or 195 equally defensible.")
g.add("190", USMIL, A("boat said to have left Venezuela", "VEN", None), "first strike on a boat, killing 11",
      R("2025-09-01", "2025-09-10"), ("They brought to at least 57", "killed 11 people."),
      qty=[Q(11, "killed")], uncertain=True, background=True, prec="unknown", notes="'Early September'.")
g.add("036", MADURO, TRUMP, "say he is ready to talk face to face with Trump", "2025-10-29",
      ("Maduro himself, speaking at a rally in Caracas", "peace in the Caribbean\"."), status="proposed",
      loc=L("Caracas", "VEN"))
g.add("125", A("White House", "USA", "GOV"), MADURO, "brush aside Maduro's offer of talks", R("2025-10-29", "2025-10-30"),
      "The White House was quick to brush the offer aside.", status="rejected",
      notes="Leavitt's words in the next sentence are the same act.")
g.add("154", A("Vladimir Padrino López", "VEN", "MIL"), USA, "deploy some 200,000 troops for coastal exercises",
      R(None, "2025-10-29"), ("Venezuela's defence minister, General Vladimir Padrino López", "US \"threats\"."),
      loc=L("Venezuelan coast", "VEN"), qty=[Q(200000, "troops")], uncertain=True, prec="unknown",
      notes="154 or 150 equally defensible; deployment reported on Wednesday, start not given.")
g.add("154", A("Pentagon", "USA", "MIL"), VEN, "order the aircraft carrier USS Gerald R. Ford to the Caribbean",
      R("2025-10-20", "2025-10-26"), ("The aircraft carrier USS Gerald R. Ford", "on Venezuelan soil."), prec="week",
      notes="'Last week' = Mon-Sun of the previous calendar week. Target Venezuela from context (fears in Caracas).")
g.add("161", COL, USA, "recall its ambassador in Washington for consultations", R("2025-10-20", "2025-10-26"),
      ("Colombia, whose president, Gustavo Petro, has become", "for consultations last week."), prec="week")
oct19 = ("The move followed remarks on Oct. 19", "would be cut off.")
g.add("111", TRUMP, A("Gustavo Petro", "COL", "GOV"), "call Petro 'an illegal drug leader'", "2025-10-19", oct19, background=True)
g.add("1621", TRUMP, COL, "say all US aid to Colombia would be cut off", "2025-10-19", oct19, background=True)
g.add("112", A("Gustavo Petro", "COL", "GOV"), USA, "accuse the United States of 'murder' over a strike that killed a Colombian fisherman",
      "2025-10-29", ("On Wednesday Petro said a Colombian fisherman", "\"murder\"."))
lula = ("Brazil's president, Luiz Inácio Lula da Silva, who met Trump", "the whole continent.")
LULA = A("Luiz Inácio Lula da Silva", "BRA", "GOV")
g.add("044", LULA, TRUMP, "meet Trump on the sidelines of a summit in Kuala Lumpur", "2025-10-26", lula,
      loc=L("Kuala Lumpur", "MYS"), symmetric=True)
g.add("039", LULA, A("Donald Trump", "USA", "GOV", alt="VEN"), "offer to act as a go-between with Caracas",
      R("2025-10-26", "2025-10-30"), lula, status="proposed",
      notes="Offer made to Trump about Venezuela: Venezuela accepted as target too.")
grav = ("Prime Minister Kamla Persad-Bissessar has been among", "\"hostile provocation\".")
g.add("062", A("US Navy", "USA", "MIL"), A("Trinidad and Tobago Defence Force", "TTO", "MIL"),
      "joint exercises during the USS Gravely's port call", R("2025-10-26", "2025-10-29"), grav,
      loc=L("Port of Spain", "TTO"), symmetric=True, group="g-gravely",
      notes="Persad-Bissessar's backing of the strikes is habitual ('has been among'), not coded.")
g.add("042", A("US Navy", "USA", "MIL"), A("Trinidad and Tobago", "TTO", "GOV"), "USS Gravely docks in Port of Spain",
      "2025-10-26", grav, loc=L("Port of Spain", "TTO"), group="g-gravely")
g.add("111", VEN, A("Trinidad and Tobago", "TTO", "GOV"), "denounce the warship visit as a 'hostile provocation'",
      R("2025-10-26", "2025-10-30"), grav, notes="Reaction to the Sunday visit; day not given.")
y19 = ("Relations between Washington and Caracas have been frozen", "closed ever since.")
g.add("161", MADURO, USA, "break off diplomatic ties with the United States", R("2019-01-01", "2019-01-31"), y19,
      prec="month", background=True)
g.add("054", USA, A("Juan Guaidó", "VEN", "OPP"), "recognise Guaidó as interim president", R("2019-01-01", "2019-01-31"), y19,
      prec="month", background=True)
g.add("173", A("US Justice Department", "USA", "JUD"), MADURO, "indict Maduro on narco-terrorism charges",
      R("2020-03-01", "2020-03-31"), ("A year later, in March 2020", "$50 million."), prec="month", background=True)
g.write()

# ---------------------------------------------------------------- 4 Nigeria (wire), published Mon 2025-11-24
g = Gold("nigeria-kebbi-schoolgirls-freed-air-strikes")
GUN = A("gunmen (bandits)", "NGA", "CRM")
PUPILS = A("schoolchildren", "NGA", "EDU")
NGA, NGAMIL = A("Nigeria federal government", "NGA", "GOV"), A("Nigerian security forces", "NGA", "MIL")
IDRIS = A("Nasir Idris", "NGA", "GOV")
g.add("0841", A("kidnappers of the Maga schoolgirls", "NGA", "CRM"), A("Maga schoolgirls", "NGA", "EDU"),
      "release 24 abducted schoolgirls", "2025-11-23",
      ("The girls were released by their captors late on Sunday", "no ransom had been paid."),
      loc=L("Zamfara state", "NGA"), qty=[Q(24, "schoolgirls")],
      notes="Lede ('have been freed, the presidency said on Monday') reports the same release.")
maga = ("Gunmen stormed the Government Girls Comprehensive Secondary School", "seizing 25 students.")
g.add("181", GUN, PUPILS, "abduct 25 students from a girls' school in Maga", "2025-11-17", maga,
      loc=L("Maga", "NGA"), qty=[Q(25, "students")], group="g-maga")
g.add("180", GUN, A("school staff member", "NGA", "EDU"), "shoot dead a member of staff during the raid", "2025-11-17", maga,
      loc=L("Maga", "NGA"), qty=[Q(1, "killed")], group="g-maga", uncertain=True,
      notes="Killing during the same raid; grouped with the abduction. 180/1823 equally defensible.")
idr = ("Idris thanked the security agencies", "Zamfara and Niger states.")
g.add("051", IDRIS, NGAMIL, "thank the security agencies for the girls' release", R("2025-11-23", "2025-11-24"), idr,
      notes="Remarks after the Sunday-night release; day not given.")
g.add("0234", IDRIS, NGA, "urge the federal government to station more troops in border communities", R("2025-11-23", "2025-11-24"), idr)
g.add("181", GUN, PUPILS, "abduct 303 pupils and 12 teachers from St. Mary's Catholic school", "2025-11-21",
      ("The release came two days after gunmen abducted 303 pupils", "in the country's history."),
      loc=L("Papiri", "NGA"), qty=[Q(303, "pupils"), Q(12, "teachers")],
      notes="Two days before the Sunday release = Friday 21 Nov. The escape of 50 children has no acting party and is not coded.")
g.add("154", A("Bola Tinubu", "NGA", "GOV"), A("armed gangs (bandits)", "NGA", "CRM"),
      "order police and army to deploy more personnel and approve recruiting 20,000 police", "2025-11-23",
      ("President Bola Tinubu on Sunday ordered", "said in a statement."), loc=L("Kebbi and Niger states", "NGA"),
      qty=[Q(20000, "police officers")], uncertain=True, notes="153 or 154 equally defensible.")
g.add("195", A("Nigerian Air Force", "NGA", "MIL"), A("bandits", "NGA", "CRM"), "air strikes on bandit camps",
      R("2025-11-21", "2025-11-24"), ("The Nigerian Air Force said it had carried out a series of air strikes", "logistics bases."),
      loc=L("Kainji and Kamuku forests", "NGA"), prec="day", notes="'Since Friday' up to the report.")
g.add("173", A("Kebbi police", "NGA", "COP"), A("suspected gang informants", "NGA", "CRM"), "arrest four suspected informants",
      R(None, "2025-11-24"), "Police in Kebbi said they had arrested four men suspected of acting as informants for the gang that carried out the Maga raid.",
      loc=L("Kebbi state", "NGA"), qty=[Q(4, "suspects")], prec="unknown")
g.add("190", A("Islamic State West Africa Province (ISWAP)", "NGA", "INS"), A("Nigerian army", "NGA", "MIL"),
      "attack a military base; troops repel it and kill 17 insurgents", "2025-11-23",
      ("In the northeast, fighters from Islamic State West Africa Province", "killed 17 insurgents."),
      loc=L("Damboa, Borno state", "NGA"), qty=[Q(17, "insurgents killed")], symmetric=True,
      notes="Attack and repulse coded as one clash; either actor order matches.")
gut = ("U.N. Secretary-General Antonio Guterres", "said on Saturday.")
GUT = A("Antonio Guterres", "UNO", "IGO")
g.add("111", GUT, GUN, "strongly condemn the attack on the Papiri school", "2025-11-22", gut)
g.add("0253", GUT, GUN, "call for the immediate and unconditional release of those still held", "2025-11-22", gut,
      notes="'Called for' = appeal (02x), not demand (10x).")
sd = ("In Washington, the State Department condemned the abductions", "Christian communities.")
g.add("111", A("US State Department", "USA", "GOV"), GUN, "condemn the abductions", R("2025-11-17", "2025-11-24"), sd,
      notes="Undated reaction: from the first abduction to publication.")
g.add("020", A("US State Department", "USA", "GOV"), NGA, "urge Nigeria to do more to protect Christian communities",
      R("2025-11-17", "2025-11-24"), sd, uncertain=True, notes="Appeal; sub-code unclear (020/0243/0242).")
g.add("138", A("Donald Trump", "USA", "GOV"), A("Nigeria", "NGA", "GOV"),
      "threaten military action if the killing of Christians continued", "2025-11-01",
      ("President Donald Trump on Nov. 1 threatened", "a charge Abuja rejects."), background=True,
      notes="'A charge Abuja rejects' is habitual (present tense), not coded.")
g.add("181", A("Boko Haram", "NGA", "INS"), A("Chibok schoolgirls", "NGA", "EDU"), "seize 276 schoolgirls in Chibok",
      R("2014-04-01", "2014-04-30"), ("The spate of abductions has revived memories", "in Borno state."),
      loc=L("Chibok", "NGA"), qty=[Q(276, "schoolgirls")], prec="month", background=True)
g.write()
