from gold_lib import Gold, A, L, Q, R

g = Gold("armenia-azerbaijan-delimitation-commissions-gabala")
arm_c = A("Armenian delimitation commission (Mher Grigoryan)", "ARM", "GOV")
aze_c = A("Azerbaijani delimitation commission (Shahin Mustafayev)", "AZE", "GOV")
arm = A("Armenia", "ARM", "GOV")
aze = A("Azerbaijan", "AZE", "GOV")
gabala = L("Gabala", "AZE")
lede = ("The state commissions on the delimitation of the border between Armenia and Azerbaijan met on Saturday",
        "said in an identical statement.")
g.add("046", arm_c, aze_c, "13th meeting of the border delimitation commissions", "2025-11-15", lede, loc=gabala,
      symmetric=True)
g.add("030", arm_c, aze_c, "agree to start joint field work on the Tavush-Gazakh section next spring", "2025-11-15",
      lede, loc=gabala, symmetric=True, notes="Agreement on a future step: status occurred (CONVENTIONS 9).")
g.add("057", A("Mher Grigoryan", "ARM", "GOV"), A("Shahin Mustafayev", "AZE", "GOV"),
      "sign a protocol on the results of the meeting", "2025-11-15",
      "At the end of the talks, Grigoryan and Mustafayev signed a protocol on the results of the meeting.",
      loc=gabala, symmetric=True)
g.add("046", arm_c, aze_c, "next meeting of the commissions, in Armenia", R("2026-01-01", "2026-01-31"),
      "The commissions also agreed that their next meeting would be held in Armenia in January, the statement said.",
      status="scheduled", prec="month", loc=L("Armenia", "ARM"), symmetric=True)
g.add("1044", A("Ilham Aliyev", "AZE", "GOV"), arm,
      "demand that Armenia remove the Karabakh unification reference from its constitution before signing",
      "2025-11-17", ("Speaking at an international forum in Baku on Monday", "only after that happened."),
      loc=L("Baku", "AZE"))
psent = ("Pashinyan, answering questions from lawmakers in Yerevan on Wednesday", "\"moving the goalposts\".")
g.add("037", A("Nikol Pashinyan", "ARM", "GOV"), aze, "say Armenia is ready to sign the peace agreement 'tomorrow'",
      "2025-11-12", psent, status="proposed", loc=L("Yerevan", "ARM"), uncertain=True,
      notes="Readiness to sign; 036/057-intent also defensible.")
g.add("112", A("Nikol Pashinyan", "ARM", "GOV"), aze, "accuse Baku of 'moving the goalposts'", "2025-11-12", psent,
      loc=L("Yerevan", "ARM"))
g.add("112", A("Azerbaijani defence ministry", "AZE", "MIL"), A("Armenian forces", "ARM", "MIL"),
      "accuse Armenian forces of firing small arms at positions in Kalbajar", "2025-11-16",
      ("On the ground, the line has been largely calm since the summer", "Kalbajar district overnight."),
      notes="The alleged firing is denied: only accusation and denial coded (CONVENTIONS 11).")
g.add("016", A("Armenian defence ministry", "ARM", "MIL"), A("Azerbaijani defence ministry", "AZE", "MIL"),
      "deny the claim, calling it disinformation", R("2025-11-16", "2025-11-18"),
      "Armenia's defence ministry denied the claim, calling it \"disinformation\".")
g.add("061", A("American engineering team", "USA", None), arm, "begin surveying the TRIPP route through southern Armenia",
      R(None, "2025-11-14"), ("The U.S. embassy in Yerevan said on Friday that a team of American engineers", "Nakhchivan exclave."),
      loc=L("southern Armenia", "ARM"), uncertain=True, notes="'Had begun' before the Friday statement.")
ksent = ("Prime Minister Irakli Kobakhidze hosted Mirzoyan in Tbilisi on Thursday", "his office said.")
g.add("043", A("Irakli Kobakhidze", "GEO", "GOV"), A("Ararat Mirzoyan", "ARM", "GOV"), "host Mirzoyan in Tbilisi",
      "2025-11-13", ksent, loc=L("Tbilisi", "GEO"), symmetric=True, uncertain=True)
g.add("039", A("Irakli Kobakhidze", "GEO", "GOV"), A("Armenia", "ARM", "GOV", alt="AZE"),
      "offer Georgia as a venue for the signing of the peace treaty", "2025-11-13", ksent, status="proposed",
      uncertain=True, notes="Offer to host; 030 also defensible. Both parties are targets (country_alt AZE).")
rsent = ("In Yerevan, several thousand opposition supporters rallied", "plotting a coup.")
g.add("1411", A("Armenian opposition supporters", "ARM", "OPP"), A("Nikol Pashinyan", "ARM", "GOV"),
      "rally outside the government building demanding Pashinyan's resignation", "2025-11-16", rsent,
      loc=L("Yerevan", "ARM"))
g.add("173", A("Armenian police", "ARM", "COP"), A("Protesters", "ARM", "OPP"), "detain 14 protesters", "2025-11-16",
      ("Police detained 14 protesters who tried to block Baghramyan Avenue", "the Interior Ministry said."),
      loc=L("Yerevan", "ARM"), qty=[Q(14, "protesters detained")])
# background
g.add("044", A("Nikol Pashinyan", "ARM", "GOV"), A("Ilham Aliyev", "AZE", "GOV"), "meet at the White House",
      "2025-08-08", ("It was the 13th meeting of the commissions", "met at the White House in August."),
      loc=L("White House, Washington", "USA"), symmetric=True, background=True,
      notes="Day from the August 8 paragraph.")
asent = ("On August 8, Prime Minister Nikol Pashinyan and President Ilham Aliyev signed a joint declaration",
         "nearly four decades of conflict.")
g.add("057", A("Nikol Pashinyan", "ARM", "GOV"), A("Ilham Aliyev", "AZE", "GOV"), "sign a joint declaration",
      "2025-08-08", asent, loc=L("Washington", "USA"), symmetric=True, background=True)
g.add("057", A("Ararat Mirzoyan", "ARM", "GOV"), A("Jeyhun Bayramov", "AZE", "GOV"), "initial the peace agreement",
      "2025-08-08", asent, loc=L("Washington", "USA"), symmetric=True, background=True)
g.add("173", A("Armenian authorities", "ARM", "GOV"), A("Archbishop Bagrat Galstanyan", "ARM", "OPP"),
      "arrest Galstanyan on charges of plotting a coup", R("2025-06-01", "2025-06-30"), rsent, prec="month",
      background=True)
g.add("190", A("Azerbaijan", "AZE", "MIL"), A("Nagorno-Karabakh Armenian forces", "ARM", "SEP", alt="AZE"),
      "recapture Nagorno-Karabakh in a lightning offensive", R("2023-09-01", "2023-09-30"),
      ("The Armenian Apostolic Church has been at odds with Pashinyan", "to flee to Armenia."),
      prec="month", background=True)
g.write()
