from gold_lib import Gold, A, L, Q, R
g = Gold("bgd-arakan-army-fishermen-naf")
AA = A("Arakan Army", "MMR", "REB"); FISH = A("Bangladeshi fishermen", "BGD", "CVL")
BGB = A("Border Guard Bangladesh", "BGD", "MIL"); BGD = A("Bangladesh", "BGD", "GOV")
LEDE = ("Myanmar's Arakan Army released 19 Bangladeshi fishermen on Tuesday", "officials said.")
g.add("0841", AA, FISH, "release 19 fishermen to Bangladeshi border guards", "2026-01-13", LEDE,
      loc=L("Naf river near Teknaf", "BGD"), qty=[Q(19, "fishermen released")])
g.add("181", AA, FISH, "seize 30 fishermen at sea", "2026-01-05",
      ("The fishermen, all from Shah Porir Dwip, were detained on Jan. 5", "still being held."),
      loc=L("Bay of Bengal near Saint Martin's Island", "BGD"), qty=[Q(30, "fishermen seized (19 released, 11 held)")],
      group="g-seizure", uncertain=True,
      notes="Detention of civilians by a non-state armed group: 181 (173 defensible). Jan 5 lies in the previous week: required.")
g.add("171", AA, FISH, "seize four trawlers", "2026-01-05", LEDE, qty=[Q(4, "trawlers")], group="g-seizure",
      uncertain=True, notes="Second coding of the seizure (lede: 'seized them at sea along with four trawlers').")
g.add("1053", A("Md Touhid Hossain", "BGD", "GOV"), AA, "demand the release of the remaining fishermen without conditions",
      "2026-01-13", ("Bangladesh's foreign affairs adviser, Md Touhid Hossain, demanded on Tuesday", "without conditions.\""))
g.add("0353", AA, BGD, "say the remaining men will be released after verification", "2026-01-13",
      ("In a statement on its Telegram channel the same day", "waters under its control."), status="proposed",
      notes="Stated intention (CONVENTIONS 9).")
g.add("112", AA, FISH, "accuse the fishermen of fishing illegally in its waters", "2026-01-13",
      ("In a statement on its Telegram channel the same day", "waters under its control."))
g.add("112", A("Khaing Thukha", "MMR", "REB"), BGD, "accuse Bangladeshi authorities of letting Rohingya armed groups use camps as rear bases",
      R("2026-01-13", "2026-01-14"), ("The group's spokesman, Khaing Thukha, also accused", "inside Rakhine state."))
g.add("016", BGB, A("Arakan Army", "MMR", "REB"), "reject the allegation that armed groups operate from Bangladesh", "2026-01-14",
      ("The BGB rejected the allegation on Wednesday", "from Bangladeshi soil."))
g.add("190", A("Rohingya Solidarity Organisation (RSO)", "MMR", "REB"), AA, "attack an Arakan Army outpost near Maungdaw",
      "2026-01-10", ("The Arakan Army said fighters of the Rohingya Solidarity Organisation (RSO) attacked", "in the fighting."),
      loc=L("Maungdaw", "MMR"), qty=[Q(2, "Arakan Army soldiers killed")],
      notes="Attributed by the AA; not denied by the RSO ('could not be reached' is not a denial).")
g.add("192", AA, A("Myanmar military", "MMR", "MIL"), "seize control of the entire border with Bangladesh",
      R("2024-12-01", "2024-12-31"), ("The Arakan Army, which seized control of Myanmar's entire 271-km border", "weeks or months."),
      prec="month", background=True, uncertain=True, notes="Detentions 'over the past year' are habitual, not coded.")
g.add("195", A("Myanmar military", "MMR", "MIL"), A("civilians in Kyauktaw", "MMR", "CVL"), "bomb a market, killing at least 12 civilians",
      "2026-01-11", ("A military jet bombed a market in Kyauktaw township on Sunday", "and the Arakan Army."),
      loc=L("Kyauktaw", "MMR"), qty=[Q(12, "civilians killed"), Q(20, "wounded")],
      notes="'continued its air campaign' is a habitual summary; 'did not respond' negated.")
g.add("174", BGB, A("Rohingya", "MMR", "REF"), "push back 37 Rohingya trying to enter by boat", "2026-01-12",
      ("Border guards said they pushed back 37 Rohingya", "near Whykong on Monday."), loc=L("Whykong", "BGD"),
      qty=[Q(37, "Rohingya pushed back")], uncertain=True)
g.add("046", A("Asad Alam Siam", "BGD", "GOV"), A("Myanmar", "MMR", "GOV"), "hold talks in Naypyitaw on repatriation and border security",
      R("2026-01-19", "2026-01-25"), ("A Bangladeshi delegation led by Foreign Secretary Asad Alam Siam", "the foreign ministry said on Wednesday."),
      loc=L("Naypyitaw", "MMR"), status="scheduled", symmetric=True, prec="week")
g.write()
