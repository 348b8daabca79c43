from gold_lib import Gold, A, L, Q, R
g = Gold("lt-by-balloon-border-closure")
LTU = A("Lithuania", "LTU", "GOV"); BLR = A("Belarus", "BLR", "GOV")
RUG = A("Inga Ruginiene", "LTU", "GOV")
g.add("163", LTU, BLR, "close the two remaining road crossings with Belarus", "2026-02-11",
      ("Lithuania closed its two remaining road crossings", "three times in four days."),
      loc=L("Medininkai and Salcininkai checkpoints", "LTU"), uncertain=True,
      notes="Border closure as a restriction of exchange (163); 191 defensible.")
g.add("112", RUG, BLR, "accuse the Minsk regime of a hybrid attack", "2026-02-11",
      ("\"This is not smuggling any more", "after an emergency cabinet meeting."))
g.add("1053", RUG, BLR, "demand that Belarus release about 1,000 Lithuanian lorries", "2026-02-11",
      ("Ruginiene also demanded that Belarus", "since the previous closure in October."),
      qty=[Q(1000, "Lithuanian lorries")], notes="Undated, same press appearance as the Wednesday closure.")
g.add("1711", A("Belarusian customs", "BLR", "GOV"), A("Lithuanian hauliers", "LTU", "BUS"),
      "impound Lithuanian lorries", R("2025-11-01", "2025-11-30"),
      ("Belarusian customs impounded the vehicles in November", "unless hauliers pay storage fees."),
      prec="month", background=True)
g.add("1243", A("Belarusian customs", "BLR", "GOV"), A("Lithuanian hauliers", "LTU", "BUS"),
      "refuse to release the impounded lorries unless storage fees are paid", R("2025-11-01", "2026-02-11"),
      ("Belarusian customs impounded the vehicles in November", "unless hauliers pay storage fees."),
      status="ongoing", prec="month", background=True, uncertain=True)
g.add("016", A("Belarusian foreign ministry", "BLR", "GOV"), LTU, "deny any link to the balloons", "2026-02-11",
      ("Belarus's foreign ministry rejected the accusation on Wednesday", "\"nothing to do with\" the balloons."))
g.add("111", A("Ruslan Varankov", "BLR", "GOV"), LTU, "call the closure economic blackmail", "2026-02-11",
      ("Ministry spokesman Ruslan Varankov called the closure", "to score points in Brussels.\""))
g.add("130", A("Alexander Lukashenko", "BLR", "GOV"), LTU, "warn Minsk would respond symmetrically if crossings shut again",
      "2026-02-10", ("Belarusian President Alexander Lukashenko, speaking on state television on Tuesday", "what measures he had in mind."))
g.add("173", A("Lithuanian police", "LTU", "COP"), A("four Lithuanian men", "LTU", "CRM"),
      "detain four men suspected of collecting balloon cargo", "2026-02-09",
      ("Police detained four Lithuanian men near the village of Dieveniskes", "said in a statement."),
      loc=L("Dieveniskes", "LTU"), qty=[Q(4, "people detained")])
g.add("051", A("Kaja Kallas", "EEC", "IGO"), LTU, "express full solidarity with Lithuania", "2026-02-10",
      ("The European Union's foreign policy chief Kaja Kallas said on Tuesday", "\"in full solidarity\" with Lithuania."),
      uncertain=True, notes="Support; 053 equally defensible.")
g.add("1312", A("Kaja Kallas", "EEC", "IGO"), BLR, "say Brussels is preparing new sanctions on Belarusian individuals and companies",
      "2026-02-10", ("She said Brussels was preparing new sanctions", "\"within weeks.\""))
g.add("042", A("Marcin Kierwinski", "POL", "GOV"), A("Vladislav Kondratovic", "LTU", "GOV"),
      "visit Vilnius for talks with the Lithuanian interior minister", "2026-02-10",
      ("Polish Interior Minister Marcin Kierwinski travelled to Vilnius on Tuesday", "Vladislav Kondratovic."),
      loc=L("Vilnius", "LTU"), symmetric=True, uncertain=True)
g.add("030", A("Marcin Kierwinski", "POL", "GOV"), A("Vladislav Kondratovic", "LTU", "GOV"),
      "agree to set up a joint monitoring cell for low-flying objects", "2026-02-10",
      ("The two ministers agreed to set up a joint monitoring cell", "interior ministry statement."),
      loc=L("Vilnius", "LTU"), symmetric=True, uncertain=True,
      notes="Agreement on a future step: 03x occurred (CONVENTIONS 9); 031/0312 defensible.")
g.add("163", LTU, BLR, "close the border for almost a month (late October 2025)", R("2025-10-21", "2025-11-30"),
      ("Lithuania first shut the border for almost a month in late October 2025", "on the Belarusian side."),
      prec="month", background=True)
g.write()
