from gold_lib import Gold, A, L, Q, R

# ---------------------------------------------------------------- 5 South Sudan (broadcaster), published Fri 2025-03-28
g = Gold("south-sudan-machar-house-arrest-clashes-juba")
SSDGOV, MACHAR = A("South Sudan government", "SSD", "GOV"), A("Riek Machar", "SSD", "OPP")
SSPDF, IO = A("South Sudan People's Defence Forces (SSPDF)", "SSD", "MIL"), A("SPLA-IO", "SSD", "REB")
KIIR = A("Salva Kiir", "SSD", "GOV")
g.add("173", A("Chol Thon Balok", "SSD", "GOV"), MACHAR, "place Machar under house arrest and disarm his bodyguards", "2025-03-26",
      ("South Sudan's First Vice-President Riek Machar has been placed", "disarmed his bodyguards."),
      loc=L("Juba", "SSD"), notes="Act of arrest dated Wednesday (occurred); the house arrest continues but the coded act is the arrest.")
oyet = ("Oyet Nathaniel Pierino, deputy chairman", "400,000 people died.")
g.add("111", A("Oyet Nathaniel Pierino", "SSD", "OPP"), SSDGOV, "denounce the arrest as abrogating the peace agreement", "2025-03-27", oyet)
g.add("057", SSDGOV, A("SPLM-IO", "SSD", "OPP"), "sign the 2018 peace agreement", R("2018-09-01", "2018-09-30"), oyet,
      prec="month", symmetric=True, background=True)
mak = ("Information Minister Michael Makuei Lueth told reporters", "earlier this month.")
g.add("112", A("Michael Makuei Lueth", "SSD", "GOV"), MACHAR, "accuse Machar of plotting and of directing the White Army", "2025-03-27", mak)
g.add("190", A("White Army", "SSD", "UAF"), SSPDF, "overrun an army garrison in Nasir", R("2025-03-01", "2025-03-27"), mak,
      loc=L("Nasir", "SSD"), prec="month", background=True, notes="'Earlier this month': 1st of month to the day before publication.")
g.add("173", SSDGOV, A("Machar's allies", "SSD", "OPP"), "arrest Petroleum Minister Puot Kang Chol and deputy army chief Gabriel Duop Lam",
      R("2025-03-01", "2025-03-27"), ("Several of Machar's allies, including", "after the fall of Nasir."), prec="month", background=True)
fight = ("The army and forces loyal to Machar clashed on Monday", "helicopter gunships on Tuesday.")
g.add("190", SSPDF, IO, "clash near the SPLA-IO cantonment site at Wondurba", "2025-03-24", fight,
      loc=L("Wondurba", "SSD"), symmetric=True,
      notes="SSPDF's 'repulsed an unprovoked attack' (next paragraph) is the same clash.")
g.add("195", SSPDF, IO, "attack SPLA-IO positions with helicopter gunships", "2025-03-25", fight, loc=L("Lainya county", "SSD"))
g.add("0256", A("Nicholas Haysom (UNMISS)", "UNO", "PKO"), A("South Sudanese parties", "SSD", None),
      "urge the parties to agree an immediate ceasefire", "2025-03-27",
      ("Its head, Nicholas Haysom, urged the parties", "\"step back from the brink\"."),
      notes="Date from the preceding sentence ('warned on Thursday').")
g.add("0253", A("IGAD", "IAD", "IGO", alt="IGAD"), SSDGOV, "call for Machar's release", R("2025-03-26", "2025-03-28"),
      ("The Intergovernmental Authority on Development (IGAD), the regional bloc", "on the crisis next week."),
      notes="IGAD's own ministerial session is an internal meeting, not coded.")
g.add("0253", A("United States", "USA", "GOV"), KIIR, "urge Kiir to reverse the arrest", R("2025-03-26", "2025-03-28"),
      "The United States also urged President Salva Kiir to reverse the arrest.")
troika = ("Kiir met the ambassadors of the Troika countries", "committed to the peace deal.")
for c, n in (("USA", "United States"), ("GBR", "Britain"), ("NOR", "Norway")):
    g.add("043", KIIR, A(f"ambassador of {n}", c, "GOV"), "receive Troika ambassadors at State House", "2025-03-27", troika,
          loc=L("Juba", "SSD"), symmetric=True, uncertain=True, group="g-troika",
          notes="Host/visit meeting: either order; 040/042/043 equally defensible.")
au = ("The African Union said its Panel of the Wise", "and the SPLM-IO.")
g.add("045", A("African Union Panel of the Wise", "AFU", "IGO"), KIIR, "mediate between Kiir and the SPLM-IO", "2025-03-30", au,
      status="scheduled", loc=L("Juba", "SSD"), group="g-au", notes="Arrival 'on Sunday' after a Friday publication.")
g.add("045", A("African Union Panel of the Wise", "AFU", "IGO"), A("SPLM-IO", "SSD", "OPP"), "mediate between Kiir and the SPLM-IO",
      "2025-03-30", au, status="scheduled", loc=L("Juba", "SSD"), group="g-au")
ruto = ("Kenyan President William Ruto said he had spoken to Kiir", "as a special envoy.")
g.add("041", A("William Ruto", "KEN", "GOV"), KIIR, "telephone conversation", R(None, "2025-03-28"), ruto, symmetric=True, prec="unknown")
g.add("042", A("Raila Odinga (Kenyan special envoy)", "KEN", "GOV"), SSDGOV, "be sent to Juba as special envoy",
      R("2025-03-28", None), ruto, status="scheduled", loc=L("Juba", "SSD"), prec="unknown",
      notes="Planned visit with no day: open range from publication.")
uga = ("Uganda, which deployed special forces to Juba", "has not commented.")
g.add("074", A("Ugandan special forces", "UGA", "MIL"), SSDGOV, "deploy special forces to Juba", R("2025-03-01", "2025-03-27"), uga,
      loc=L("Juba", "SSD"), prec="month", background=True, notes="'Has not commented' is negated, not coded.")
g.add("0234", KIIR, A("Uganda", "UGA", "GOV"), "request Ugandan troop deployment", R("2025-03-01", "2025-03-27"), uga,
      prec="month", background=True)
g.write()

# ---------------------------------------------------------------- 6 Turkey-PKK (regional newspaper), published Sat 2025-07-12
g = Gold("pkk-fighters-burn-weapons-sulaymaniyah-commission")
PKK, TURGOV = A("Kurdistan Workers' Party (PKK)", "TUR", "REB"), A("Turkey", "TUR", "GOV")
ERD, DEM = A("Recep Tayyip Erdoğan", "TUR", "GOV"), A("DEM Party", "TUR", "OPP")
OCALAN = A("Abdullah Öcalan", "TUR", "REB")
lede = ("Thirty fighters of the Kurdistan Workers' Party (PKK)", "the group's disarmament.")
g.add("0873", PKK, TURGOV, "thirty fighters burn their weapons in a disarmament ceremony", "2025-07-11", lede,
      loc=L("near Sulaymaniyah", "IRQ"), qty=[Q(30, "fighters")])
g.add("190", PKK, TURGOV, "begin an insurgency against the Turkish state", R("1984-01-01", "1984-12-31"), lede,
      prec="year", background=True)
g.add("043", A("Kurdistan Regional Government (KRG)", "IRQ", "GOV"), A("Turkish delegation (DEM Party MPs, MIT officials)", "TUR", None),
      "host the disarmament ceremony attended by a Turkish delegation", "2025-07-11",
      ("The ceremony, which was hosted by the Kurdistan Regional Government", "Organisation (MIT)."),
      loc=L("near Sulaymaniyah", "IRQ"), symmetric=True, uncertain=True,
      notes="Host/visit: either order; 042/043 equally defensible. KRG coded as Iraq.")
g.add("024", A("Besê Hozat", "TUR", "REB"), TURGOV, "call on Ankara to take legal steps for militants' return to politics", "2025-07-11",
      ("Besê Hozat, a senior PKK commander", "democratic politics."),
      notes="Appeal for legal/political change; base code 024 (sub-code unclear).")
g.add("051", A("Masrour Barzani", "IRQ", "GOV"), PKK, "welcome the disarmament step as historic", R("2025-07-11", "2025-07-12"),
      ("KRG Prime Minister Masrour Barzani welcomed", "hundreds of villages."),
      notes="Turkish air strikes 'have for years killed' = habitual, not coded.")
erd = ("Speaking to officials of his Justice and Development Party", "reintegrated into society.")
g.add("051", ERD, PKK, "praise the 'sincerity' of the ceremony", "2025-07-12", erd, loc=L("Ankara", "TUR"))
g.add("034", ERD, PKK, "announce a parliamentary commission on the legal framework of the process", "2025-07-12", erd,
      status="proposed", loc=L("Ankara", "TUR"), uncertain=True,
      notes="Announced institutional step: 034 or 037 equally defensible; not yet set up, so proposed.")
rec = ("Erdoğan, who received a DEM Party delegation", "\"a terror-free Turkey\".")
g.add("043", ERD, DEM, "receive a DEM Party delegation at the presidential complex", "2025-07-07", rec,
      loc=L("Ankara", "TUR"), symmetric=True, uncertain=True)
g.add("043", ERD, DEM, "earlier meeting with the DEM Party delegation", R("2025-04-01", "2025-04-30"), rec,
      prec="month", symmetric=True, uncertain=True, background=True)
g.add("173", TURGOV, OCALAN, "capture Öcalan in Kenya", R("1999-01-01", "1999-12-31"),
      ("The ceremony followed a video message from Abdullah Öcalan", "in Kenya in 1999."),
      loc=L("Kenya", "KEN"), prec="year", background=True)
g.add("024", OCALAN, A("Turkish parliament", "TUR", "LEG"), "urge parliament to set up a commission on disarmament and transition", "2025-07-09",
      ("In the recording, released on Wednesday", "the transition to politics."))
dem = ("The DEM Party, which has acted as an intermediary", "conditions of detention.")
g.add("1053", DEM, TURGOV, "demand the release of ill prisoners and of Selahattin Demirtaş", "2025-07-11", dem, group="g-dem",
      notes="'Has acted as an intermediary' = habitual, not coded.")
g.add("0243", DEM, TURGOV, "call for better conditions of detention for Öcalan", "2025-07-11", dem, group="g-dem", uncertain=True,
      notes="Same Friday statement as the demand; grouped.")
g.add("173", TURGOV, A("Selahattin Demirtaş", "TUR", "OPP"), "jail Demirtaş", R("2016-11-01", "2016-11-30"), dem,
      prec="month", background=True)
g.add("1243", A("Yılmaz Tunç", "TUR", "GOV"), DEM, "rule out a general amnesty", "2025-07-12",
      ("Justice Minister Yılmaz Tunç, however,", "involved in violence."), status="rejected")
g.add("190", A("Turkish armed forces", "TUR", "MIL"), PKK, "'neutralise' 14 PKK militants in northern Iraq", R("2025-07-03", "2025-07-10"),
      ("Even as the ceremony was being prepared, the Defence Ministry", "have not stopped."),
      loc=L("northern Iraq", "IRQ"), qty=[Q(14, "militants")], prec="week",
      notes="'Over the past week' as of the Thursday statement.")
g.add("0353", A("Devlet Bahçeli", "TUR", "LEG"), OCALAN, "suggest Öcalan could be granted parole if he told fighters to disband",
      R("2024-10-01", "2024-10-31"), ("The disarmament is the product of a process", "to disband."),
      status="proposed", prec="month", background=True)
feb = ("In February Öcalan called on the group", "ending its armed struggle.")
g.add("025", OCALAN, PKK, "call on the PKK to lay down its arms", R("2025-02-01", "2025-02-28"), feb, prec="month", background=True)
g.add("0873", PKK, TURGOV, "announce its dissolution and the end of its armed struggle", R("2025-05-01", "2025-05-31"), feb,
      loc=L("northern Iraq", "IRQ"), prec="month", background=True)
past = ("Talks between Turkish officials and Öcalan produced", "the following winter.")
g.add("046", TURGOV, OCALAN, "talks that produced a ceasefire", R(None, "2013-12-31"), past, symmetric=True, background=True, prec="year")
g.add("0871", PKK, TURGOV, "2013 ceasefire, collapsed in July 2015", R("2013-01-01", "2015-07-31"), past,
      status="expired", symmetric=True, background=True, prec="month")
g.add("190", TURGOV, PKK, "fighting resumes in the south-east", R("2015-07-01", "2015-12-31"), past,
      loc=L("south-east Turkey", "TUR"), symmetric=True, background=True, prec="month")
g.add("1723", TURGOV, A("residents of Kurdish districts", "TUR", "CVL"), "impose round-the-clock curfews in Cizre and Diyarbakır",
      R("2015-12-01", "2016-02-29"), past, loc=L("Cizre", "TUR"), background=True, prec="month",
      notes="'The following winter' after July 2015.")
g.write()

# ---------------------------------------------------------------- 7 Mozambique (broadcaster), published Mon 2025-08-18
g = Gold("mozambique-cabo-delgado-attacks-sadc-rwanda")
INS = A("Islamist insurgents (al-Shabab)", "MOZ", "INS")
MOZGOV, MOZMIL = A("Mozambique", "MOZ", "GOV"), A("Mozambican army", "MOZ", "MIL")
VILL = A("villagers", "MOZ", "CVL")
CHAPO = A("Daniel Chapo", "MOZ", "GOV")
SADC = A("SADC", "SAD", "IGO", alt="SADC")
g.add("1823", INS, VILL, "behead at least seven villagers", "2025-08-16",
      ("Islamist insurgents in northern Mozambique have beheaded", "the eight-year conflict."),
      loc=L("Mapate, Ancuabe district", "MOZ"), qty=[Q(7, "villagers killed")], group="g-mapate",
      notes="Lede summary; the day and place come from the detail paragraph. Displacement has no acting party, not coded; the SADC summit itself is a multilateral meeting, not coded.")
g.add("180", INS, VILL, "raid the village of Mapate", "2025-08-16",
      ("The militants, who have pledged allegiance", "told Afrivision by phone."),
      loc=L("Mapate, Ancuabe district", "MOZ"), group="g-mapate")
g.add("190", INS, MOZMIL, "attack an army position, killing two soldiers", "2025-08-14",
      ("Two days earlier the insurgents attacked", "a military source said."),
      loc=L("near Mocímboa da Praia", "MOZ"), qty=[Q(2, "soldiers killed")], notes="Two days before Saturday = Thursday 14 Aug.")
g.add("015", A("Islamic State Mozambique Province", "MOZ", "INS"), MOZGOV, "claim responsibility for both attacks",
      R("2025-08-14", "2025-08-18"), ("The group's local affiliate, which Islamic State calls", "Amaq news agency."),
      notes="Undated claim: from the first attack to publication.")
g.add("154", A("Cristóvão Chume", "MOZ", "GOV"), INS, "send reinforcements to Ancuabe", R("2025-08-16", "2025-08-18"),
      "Defence Minister Cristóvão Chume said reinforcements had been sent to Ancuabe.", loc=L("Ancuabe", "MOZ"))
g.add("190", INS, A("Mozambican police", "MOZ", "COP"), "attack police stations, beginning the insurgency",
      R("2017-10-01", "2017-10-31"), ("The International Organization for Migration (IOM) said", "in October 2017."),
      loc=L("Mocímboa da Praia", "MOZ"), prec="month", background=True)
g.add("073", A("World Food Programme", "WFP", "IGO", alt="UNO"), A("displaced families", "MOZ", "REF"),
      "distribute food to displaced families", R(None, "2025-08-18"),
      ("The World Food Programme (WFP) said it had begun", "short of funds."), status="ongoing",
      loc=L("Chiúre", "MOZ"), prec="unknown")
rwa = ("Rwandan troops, who have been deployed in Cabo Delgado", "near Macomia on Sunday.")
g.add("190", A("Rwandan troops", "RWA", "MIL"), INS, "kill 11 insurgents in an operation", "2025-08-17", rwa,
      loc=L("near Macomia", "MOZ"), qty=[Q(11, "insurgents killed")])
g.add("074", A("Rwandan troops", "RWA", "MIL"), MOZGOV, "deployment in Cabo Delgado since July 2021", R("2021-07-01", None), rwa,
      status="ongoing", loc=L("Cabo Delgado", "MOZ"), prec="month", background=True)
g.add("0334", A("Ronald Rwivanga", "RWA", "MIL"), MOZGOV, "say Rwandan forces will stay as long as needed", "2025-08-18",
      ("Rwanda Defence Force spokesman Brig. Gen. Ronald Rwivanga", "partners need us\"."), status="proposed",
      notes="Undated statement in the day's report: publication date.")
g.add("0232", CHAPO, SADC, "appeal to SADC member states for logistical support and funding", "2025-08-17",
      ("At the summit of the Southern African Development Community (SADC)", "porous borders\"."),
      loc=L("Antananarivo", "MDG"))
g.add("051", SADC, A("Rwanda", "RWA", "GOV"), "commend Rwanda for its contribution to security in Cabo Delgado", "2025-08-17",
      ("The leaders' final communiqué commended Rwanda", "humanitarian response."), loc=L("Antananarivo", "MDG"),
      notes="Appeal to 'the international community' (vague target) not coded.")
g.add("190", INS, A("Palma", "MOZ", None), "overrun the town of Palma", R("2021-03-01", "2021-03-31"),
      ("The renewed violence comes at a sensitive moment for TotalEnergies", "in March 2021."),
      loc=L("Palma", "MOZ"), prec="month", uncertain=True, background=True,
      notes="190/192 equally defensible. TotalEnergies halting work is a business decision with no target, not coded.")
tot = ("The French company's chief executive, Patrick Pouyanné", "before the end of the year.")
g.add("043", CHAPO, A("Patrick Pouyanné (TotalEnergies)", "FRA", "MNC"), "meet TotalEnergies' chief executive", "2025-08-13", tot,
      loc=L("Maputo", "MOZ"), symmetric=True, uncertain=True)
g.add("0311", A("TotalEnergies", "FRA", "MNC"), MOZGOV, "say it intends to lift force majeure on Mozambique LNG before year-end",
      "2025-08-13", tot, status="proposed")
g.write()

# ---------------------------------------------------------------- 8 Cyprus (wire), published Tue 2025-03-18
g = Gold("cyprus-geneva-informal-meeting-crossings")
CHR, TAT = A("Nikos Christodoulides", "CYP", "GOV"), A("Ersin Tatar", "CYP", "GOV")
GUT = A("Antonio Guterres", "UNO", "IGO")
GEN = L("Geneva", "CHE")
lede = ("Greek Cypriot and Turkish Cypriot leaders agreed on Tuesday", "on the island's future.")
g.add("030", CHR, TAT, "agree to work towards opening new crossing points", "2025-03-18", lede, loc=GEN,
      symmetric=True, group="g-cbm", uncertain=True,
      notes="Agreement on future steps, no signing: 03 root; 030/036/0351 equally defensible.")
g.add("030", CHR, TAT, "agree on six initiatives (crossings, demining, youth committee, cemeteries)", "2025-03-18",
      ("He said the leaders had agreed on six initiatives", "sides of the divide."), loc=GEN,
      symmetric=True, group="g-cbm", uncertain=True)
for who in (CHR, TAT, A("Greece", "GRC", "GOV"), A("Turkey", "TUR", "GOV"), A("United Kingdom", "GBR", "GOV")):
    g.add("045", GUT, who, "host and chair the informal meeting on Cyprus", R("2025-03-17", "2025-03-18"), lede, loc=GEN, group="g-un",
          notes="One record per participant (mediator with each party).")
talks = ("The talks in Geneva brought together", "in July 2017.")
g.add("046", CHR, TAT, "informal talks in the broader format", R("2025-03-17", "2025-03-18"), talks, loc=GEN, symmetric=True,
      notes="Participation of the guarantor powers is covered by the UN records.")
g.add("046", A("Greek Cypriot side", "CYP", "GOV"), A("Turkish Cypriot side", "CYP", "GOV"), "formal negotiations at Crans-Montana",
      R("2017-07-01", "2017-07-31"), talks, loc=L("Crans-Montana", "CHE"), prec="month", symmetric=True, background=True)
nxt = ("The parties had also agreed to meet again", "to prepare the ground.")
g.add("046", CHR, TAT, "meet again in the broader format", R("2025-07-01", "2025-07-31"), nxt, status="scheduled",
      prec="month", symmetric=True)
g.add("042", A("María Ángela Holguín (UN envoy)", "UNO", "IGO"), A("Cyprus", "CYP", "GOV"), "visit the island to prepare the ground",
      R("2025-03-19", None), nxt, status="scheduled", loc=L("Cyprus", "CYP"), prec="unknown", notes="'In the coming weeks'.")
tat = ("Tatar said he had presented a proposal", "negotiations for a federation.")
g.add("037", TAT, CHR, "present a proposal for a two-state settlement", R("2025-03-17", "2025-03-18"), tat, status="proposed",
      loc=GEN, uncertain=True, notes="Settlement proposal: 037/036 equally defensible.")
g.add("125", TAT, CHR, "refuse to return to negotiations for a federation", R("2025-03-17", "2025-03-18"), tat, status="rejected", loc=GEN)
g.add("127", CHR, TAT, "reject the two-state proposal", "2025-03-18",
      ("Christodoulides rejected the proposal", "bicommunal federation."), status="rejected", loc=GEN)
g.add("127", A("George Gerapetritis", "GRC", "GOV"), A("Ersin Tatar", "CYP", "GOV", alt="TUR"), "say Athens would never accept a two-state solution",
      R("2025-03-17", "2025-03-18"), "Greek Foreign Minister George Gerapetritis said Athens would never accept a two-state solution.",
      status="rejected", loc=GEN, notes="Rejects the Turkish Cypriot/Turkish two-state plan: Turkey accepted as target country.")
fid = ("His Turkish counterpart, Hakan Fidan, who met Gerapetritis", "Tatar's vision.")
g.add("044", A("Hakan Fidan", "TUR", "GOV"), A("George Gerapetritis", "GRC", "GOV"), "meet on the sidelines of the talks", "2025-03-17", fid,
      loc=GEN, symmetric=True)
g.add("051", A("Hakan Fidan", "TUR", "GOV"), TAT, "say Ankara fully supports Tatar's vision", R("2025-03-17", "2025-03-18"), fid, loc=GEN)
g.add("031", A("United Kingdom", "GBR", "GOV"), A("Cyprus", "CYP", "GOV"), "offer sovereign base land for a solar energy park",
      "2025-03-18", ("Britain is ready to make land in its sovereign base areas", "Stephen Doughty."), status="proposed",
      notes="Undated statement in the day's report: publication date.")
g.add("190", A("Turkish armed forces", "TUR", "MIL"), A("Cyprus", "CYP", "GOV"), "invade the north of Cyprus", R("1974-01-01", "1974-12-31"),
      ("Cyprus has been split since 1974", "union with Greece."), loc=L("northern Cyprus", "CYP"), prec="year", background=True,
      notes="The coup has no CAMEO-coded target here and is not coded; crossings 'first opened' in 2003 is actor-less, not coded.")
g.write()
