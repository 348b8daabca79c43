from gold_lib import Gold, A, L, Q, R

g = Gold("india-china-corps-commander-talks-demchok-grazing")
bhalla = A("Hitesh Bhalla", "IND", "MIL")
pla = A("South Xinjiang Military District commander", "CHN", "MIL")
ind_mil = A("Indian Army", "IND", "MIL")
chn_mil = A("People's Liberation Army", "CHN", "MIL")
moldo = L("Moldo", "CHN")
lede = ("India and China on Thursday held the 24th round", "around Demchok from the spring.")
g.add("046", bhalla, pla, "hold 24th round of Corps Commander-level talks", "2026-03-12", lede, loc=moldo,
      symmetric=True, notes="Delegation heads from the next sentence; meeting point on the Chinese side.")
g.add("030", ind_mil, chn_mil, "agree to let graziers from both sides return to pastures around Demchok",
      "2026-03-12", lede, loc=moldo, symmetric=True,
      notes="Agreement reached on a future step: status occurred (CONVENTIONS 9).")
g.add("0356", A("Chinese delegation", "CHN", "MIL"), A("Indian delegation", "IND", "MIL"),
      "propose a new buffer zone along the Charding Nala", "2026-03-12",
      ("According to two officials familiar with the discussions", "have repeatedly faced off."),
      status="proposed", loc=moldo, uncertain=True, notes="Attributed to two officials; 030 also defensible.")
g.add("127", A("Indian delegation", "IND", "MIL"), A("Chinese delegation", "CHN", "MIL"),
      "turn down the Chinese buffer-zone proposal", "2026-03-12",
      ("The Indian side turned the suggestion down", "the officials said."), status="rejected", loc=moldo,
      uncertain=True)
g.add("191", chn_mil, A("Indian graziers", "IND", "CVL"), "stop about 30 graziers and turn them back from a pasture",
      "2026-03-07", ("On March 7, PLA soldiers in armoured vehicles", "south of the Charding Nala."),
      loc=L("Demchok", "IND"), qty=[Q(30, "graziers turned back")], uncertain=True,
      notes="Restriction of movement by troops; 171/150 also defensible.")
g.add("114", ind_mil, chn_mil, "raise the face-off with the Chinese side over the hotline", "2026-03-08",
      "The Army said it had raised the matter with the Chinese side over the hotline the following day.",
      notes="'The following day' = the day after March 7.")
g.add("0256", A("Rajnath Singh", "IND", "GOV"), A("China", "CHN", "GOV"),
      "call on China to pull back additional troops and equipment from the LAC", "2026-03-11",
      ("Defence Minister Rajnath Singh, addressing troops in Leh on Wednesday", "to the LAC since 2020."),
      loc=L("Leh", "IND"))
g.add("027", A("Lin Jian", "CHN", "GOV"), A("India", "IND", "GOV"),
      "urge New Delhi to meet China halfway on a boundary settlement", "2026-03-13",
      ("In Beijing, foreign ministry spokesperson Lin Jian", "boundary settlement."), loc=L("Beijing", "CHN"))
g.add("046", A("India", "IND", "GOV"), A("China", "CHN", "GOV"), "hold next WMCC meeting in Beijing",
      R("2026-03-15", "2026-03-31"), ("The two countries will hold the next meeting of the Working Mechanism",
      "later this month, the MEA said."), status="scheduled", loc=L("Beijing", "CHN"), prec="month",
      symmetric=True, notes="'Later this month' = day after publication to month end.")
jr = ("Party general secretary Jairam Ramesh said on Friday", "brief Parliament on the talks.")
g.add("111", A("Jairam Ramesh", "IND", "OPP"), A("Government of India", "IND", "GOV"),
      "criticise the government for 'quietly accepting' loss of patrolling access", "2026-03-13", jr, group="g-congress")
g.add("100", A("Jairam Ramesh", "IND", "OPP"), A("Government of India", "IND", "GOV"),
      "demand that the government brief Parliament on the talks", "2026-03-13", jr, group="g-congress",
      notes="Two codings of one statement (CONVENTIONS 2).")
# background
g.add("190", chn_mil, ind_mil, "deadly clash in the Galwan Valley", R("2020-06-01", "2020-06-30"),
      ("The corps commander talks were set up after the deadly clash", "were killed."),
      prec="month", loc=L("Galwan Valley", "IND"), symmetric=True, background=True,
      qty=[Q(20, "Indian soldiers killed"), Q(4, "Chinese troops killed")])
bg2 = ("In October 2024, the two sides reached an agreement", "President Xi Jinping in Kazan.")
g.add("030", A("India", "IND", "GOV"), A("China", "CHN", "GOV"),
      "reach agreement on patrolling arrangements in Depsang and Demchok", R("2024-10-01", "2024-10-31"), bg2,
      prec="month", symmetric=True, background=True)
g.add("044", A("Narendra Modi", "IND", "GOV"), A("Xi Jinping", "CHN", "GOV"), "meet in Kazan",
      R("2024-10-01", "2024-10-31"), bg2, prec="month", loc=L("Kazan", "RUS"), symmetric=True, background=True)
g.add("042", A("Narendra Modi", "IND", "GOV"), A("China", "CHN", "GOV"), "visit China (Tianjin) for the SCO summit",
      R("2025-08-01", "2025-08-31"), ("Direct flights between the two countries resumed last year", "in seven years."),
      prec="month", loc=L("Tianjin", "CHN"), symmetric=True, uncertain=True, background=True)
g.write()
