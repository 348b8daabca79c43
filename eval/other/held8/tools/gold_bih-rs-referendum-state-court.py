from gold_lib import Gold, A, L, Q, R
g = Gold("bih-rs-referendum-state-court")
NSRS = A("National Assembly of Republika Srpska", "BIH", "LEG")
SCHMIDT = A("Christian Schmidt", "BIH", "IGO", alt=["DEU"])
DODIK = A("Milorad Dodik", "BIH", "GOV")
OFFICIALS = A("two senior Republika Srpska interior ministry officials", "BIH", "COP")
SIPA = A("State Investigation and Protection Agency (SIPA)", "BIH", "COP")
BL = L("Banja Luka", "BIH")
g.add("128", NSRS, A("Bosnia and Herzegovina state court and prosecutor's office", "BIH", "JUD"),
      "vote to hold a referendum on no longer recognising state court rulings", "2026-04-21",
      ("Lawmakers in Bosnia's Serb-run entity, Republika Srpska, voted on Tuesday", "for more than a year."),
      loc=BL, uncertain=True,
      notes="Defiance of state judicial institutions (128); the referendum itself (June 14) is an internal vote, not coded.")
g.add("139", SCHMIDT, NSRS, "threaten to annul the decision unless withdrawn within seven days", "2026-04-22",
      ("The international community's High Representative, Christian Schmidt, said on Wednesday", "within seven days."),
      uncertain=True, notes="Ultimatum; 130 equally defensible. Schmidt coded as the international office in BIH, alt DEU.")
g.add("111", A("Office of the High Representative", "BIH", "IGO", alt=["DEU"]), NSRS,
      "describe the vote as a direct attack on the constitutional order", R("2026-04-21", "2026-04-22"),
      ("His office described the vote as a direct attack", "Dayton peace agreement."))
g.add("111", DODIK, SCHMIDT, "call Schmidt an illegitimate foreigner", "2026-04-21",
      ("Milorad Dodik, leader of the ruling SNSD party in Republika Srpska, told thousands", "for the Serbs.\""), loc=BL,
      notes="Dodik coded GOV as leader of the entity's ruling party.")
g.add("041", DODIK, A("Vladimir Putin", "RUS", "GOV"), "brief Putin in a telephone call", "2026-04-20",
      ("Dodik also said he had briefed Russian President Vladimir Putin", "in a telephone call on Monday."), symmetric=True)
g.add("111", A("U.S. Embassy in Sarajevo", "USA", "GOV"), NSRS, "condemn the vote as a reckless step", "2026-04-22",
      ("The U.S. Embassy in Sarajevo condemned the vote on Wednesday", "and the region.\""), loc=L("Sarajevo", "BIH"))
g.add("0242", A("EU delegation to Bosnia and Herzegovina", "EEC", "IGO"), NSRS,
      "urge the assembly to reverse its decision and return to dialogue", R("2026-04-21", "2026-04-22"),
      ("The European Union's delegation urged the assembly", "within state institutions."), uncertain=True,
      notes="Appeal; 026 (return to dialogue) equally defensible.")
g.add("043", A("Igor Kalabukhov", "RUS", "GOV"), DODIK, "meet Dodik in Banja Luka", "2026-04-22",
      ("Russia's ambassador to Bosnia, Igor Kalabukhov, met Dodik", "on Wednesday."), loc=BL, symmetric=True, uncertain=True)
g.add("111", A("Maria Zakharova", "RUS", "GOV"), SCHMIDT, "say Schmidt has no mandate and his threats are colonial pressure",
      "2026-04-22", ("Moscow's foreign ministry spokeswoman Maria Zakharova told a briefing", "the Serbian people.\""),
      loc=L("Moscow", "RUS"), notes="Undated; reaction to Schmidt's Wednesday threat.")
g.add("173", SIPA, OFFICIALS, "detain two senior RS interior ministry officials", "2026-04-20",
      ("The vote followed the detention on Monday", "Protection Agency (SIPA)."), qty=[Q(2, "officials detained")])
g.add("1121", A("Bosnian state prosecutors", "BIH", "JUD"), OFFICIALS, "accuse the officials of obstructing a court warrant",
      R("2026-04-20", "2026-04-22"), ("Prosecutors accuse them of obstructing", "issued in March."), uncertain=True)
MUP = A("Republika Srpska interior ministry", "BIH", "GOV")
g.add("1053", MUP, SIPA, "demand the immediate release of the two officials", R("2026-04-20", "2026-04-22"),
      ("The entity's interior ministry demanded their immediate release", "foreign-run agency.\""), group="g-rs-mup")
g.add("111", MUP, SIPA, "call the detentions a kidnapping by a foreign-run agency", R("2026-04-20", "2026-04-22"),
      ("The entity's interior ministry demanded their immediate release", "foreign-run agency.\""), group="g-rs-mup")
g.add("173", A("Bosnia and Herzegovina state court", "BIH", "JUD"), OFFICIALS, "order one month in custody for the two officials",
      "2026-04-22", ("A state court judge ordered on Wednesday", "for one month."), qty=[Q(2, "officials")])
g.add("111", A("Denis Becirovic", "BIH", "GOV"), NSRS, "say the referendum amounts to secession by instalments",
      R("2026-04-21", "2026-04-22"), ("Bosniak member of the state presidency Denis Becirovic said", "to respond firmly."),
      notes="The call on 'the international community' is a vague target, not coded (CONVENTIONS 13).")
g.add("116", A("Bosnia and Herzegovina state court", "BIH", "JUD"), DODIK,
      "convict Dodik of defying the High Representative's decisions", R("2025-02-01", "2025-02-28"),
      ("Dodik was convicted by the state court in February 2025", "dominant political figure."),
      prec="month", background=True, uncertain=True)
g.write()
