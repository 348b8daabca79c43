from gold_lib import Gold, A, L, Q, R
g = Gold("cmr-anglophone-bafut-teachers")
ADF = A("Ambazonia Defence Forces", "CMR", "SEP")
SEP = A("Anglophone separatist fighters", "CMR", "SEP")
GOV = A("Cameroon", "CMR", "GOV"); MIL = A("Cameroon army", "CMR", "MIL")
STAFF = A("teachers and principal of the Bafut government secondary school", "CMR", "EDU")
SADI = A("Rene Emmanuel Sadi", "CMR", "GOV")
IGA = A("Interim Government of Ambazonia", "CMR", "SEP")
g.add("0841", ADF, STAFF, "release 11 teachers and a school principal", "2025-11-19",
      ("Anglophone separatist fighters in Cameroon's North-West region on Wednesday released", "local officials and church sources said."),
      loc=L("Mbengwi", "CMR"), qty=[Q(12, "hostages (11 teachers and a principal)")],
      notes="Lede names the release with its count; handover near Mbengwi (next sentence). ADF named in para 3.")
g.add("181", ADF, STAFF, "storm the school and abduct the staff", "2025-11-12",
      ("Fighters of the Ambazonia Defence Forces (ADF) stormed the school on Nov. 12", "witnesses said at the time."),
      loc=L("Bafut", "CMR"), qty=[Q(12, "staff abducted")], notes="Nov 12 lies in the previous calendar week: required.")
g.add("051", A("Adolphe Lele L'Afrique", "CMR", "GOV"), A("Catholic clergy of Bamenda", "CMR", None),
      "thank the clergy for their work in the release", R("2025-11-19", "2025-11-20"),
      ("Regional governor Adolphe Lele L'Afrique said no ransom had been paid", "\"discreet and courageous\" work."),
      notes="'no ransom had been paid' is negated, not coded. Undated reaction to the Wednesday release.")
g.add("130", A("General Ebube", "CMR", "SEP"), A("schools in English-speaking areas", "CMR", "EDU"),
      "threaten to 'visit' any school that reopens", "2025-11-18",
      ("He threatened to \"visit\" any other school", "calendar allows it."), uncertain=True)
g.add("190", MIL, SEP, "raid a separatist camp near Batibo, killing seven fighters", "2025-11-15",
      ("The defence ministry said in a statement on Monday", "near Batibo on Saturday."),
      loc=L("Batibo", "CMR"), qty=[Q(7, "separatist fighters killed")])
g.add("112", A("residents of villages near Batibo", "CMR", "CVL"), MIL, "accuse soldiers of burning about 20 homes",
      R("2025-11-15", "2025-11-20"),
      ("Residents of two villages near Batibo accused soldiers", "during the operation."), qty=[Q(20, "homes")],
      notes="Alleged burning not coded on its own (CONVENTIONS 11).")
g.add("016", A("Cyrille Serge Atonfack Guemo", "CMR", "MIL"), A("residents of villages near Batibo", "CMR", "CVL"),
      "dismiss the burning account as separatist propaganda", "2025-11-19",
      ("Army spokesman Colonel Cyrille Serge Atonfack Guemo dismissed", "to journalists on Wednesday."))
g.add("190", SEP, A("Cameroon gendarmerie", "CMR", "COP"), "attack a gendarmerie post in Ndop, killing two gendarmes",
      "2025-11-18", ("Separatist fighters attacked a gendarmerie post in Ndop", "a security source said."),
      loc=L("Ndop", "CMR"), qty=[Q(2, "gendarmes killed")],
      notes="The Kumba market bomb has no named attacker: not coded.")
g.add("036", SADI, SEP, "say the government is open to dialogue with those who lay down their arms", "2025-11-18",
      ("On the political front, Communication Minister Rene Emmanuel Sadi", "\"terrorists\" on foreign soil."),
      status="proposed", group="g-sadi-dialogue", notes="Conditional willingness to talk.")
g.add("125", SADI, SEP, "rule out negotiating with 'terrorists' abroad", "2025-11-18",
      ("On the political front, Communication Minister Rene Emmanuel Sadi", "\"terrorists\" on foreign soil."),
      status="rejected", group="g-sadi-dialogue", notes="Same statement, second coding (CONVENTIONS 2).")
g.add("0356", IGA, GOV, "offer a conditional unilateral ceasefire from Dec 20 to Jan 5", "2025-11-19",
      ("A rival separatist faction, the Interim Government of Ambazonia, on Wednesday offered", "over the same period."),
      status="proposed")
g.add("028", IGA, GOV, "ask Yaounde to accept Swiss or Vatican mediation", "2025-11-19",
      ("In a statement signed by its \"president\", it also asked Yaounde", "Vatican mediation."))
g.add("1246", SADI, IGA, "dismiss the ceasefire offer and say operations would continue", "2025-11-20",
      ("Sadi dismissed the offer on Thursday", "military operations would continue."), status="rejected",
      uncertain=True, notes="Rejection of a ceasefire offer; 120/111 defensible.")
NKEA = A("Andrew Nkea Fuanya", "CMR", None)
g.add("0256", NKEA, MIL, "urge the army to observe a Christmas truce", R("2025-11-19", "2025-11-20"),
      ("Archbishop Andrew Nkea Fuanya of Bamenda urged", "over the Christmas season."), group="g-nkea-truce")
g.add("0256", NKEA, SEP, "urge the armed groups to observe a Christmas truce", R("2025-11-19", "2025-11-20"),
      ("Archbishop Andrew Nkea Fuanya of Bamenda urged", "over the Christmas season."), group="g-nkea-truce")
g.add("126", GOV, A("Canada", "CAN", "GOV"), "distance itself from the Canadian facilitation initiative",
      R("2023-01-01", "2023-01-31"), ("The government has rejected outside mediation since", "a day after Ottawa announced it."),
      status="rejected", prec="month", background=True)
g.add("039", A("Canada", "CAN", "GOV"), GOV, "announce a facilitation initiative", R("2023-01-01", "2023-01-31"),
      ("The government has rejected outside mediation since", "a day after Ottawa announced it."),
      status="proposed", prec="month", background=True)
g.write()
