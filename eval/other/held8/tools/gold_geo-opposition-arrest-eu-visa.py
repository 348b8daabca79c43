from gold_lib import Gold, A, L, Q, R
g = Gold("geo-opposition-arrest-eu-visa")
GEO = A("Georgia", "GEO", "GOV"); EU = A("European Union", "EEC", "IGO")
POL = A("Georgian police", "GEO", "COP"); LOM = A("Nino Lomidze", "GEO", "OPP")
KOB = A("Irakli Kobakhidze", "GEO", "GOV"); TBS = L("Tbilisi", "GEO")
PROT = A("protesters", "GEO", "CVL")
g.add("173", POL, LOM, "detain opposition leader Nino Lomidze outside her home", "2026-03-10",
      ("Georgian police detained Nino Lomidze", "a rally outside parliament."), loc=TBS)
g.add("112", A("Georgian interior ministry", "GEO", "GOV"), LOM, "say she is suspected of organising group violence",
      R("2026-03-10", "2026-03-12"), ("The interior ministry said she was suspected", "nine years in prison."), uncertain=True,
      notes="1121 (accuse of crime) fits too. The Friday court hearing is a future procedural step, not coded.")
g.add("141", PROT, GEO, "march along Rustaveli Avenue to demand Lomidze's release", "2026-03-11",
      ("Several thousand people marched along Rustaveli Avenue on Wednesday evening", "since the winter."),
      loc=L("Rustaveli Avenue, Tbilisi", "GEO"), group="g-rally")
g.add("1053", PROT, GEO, "demand Lomidze's release", "2026-03-11",
      ("Several thousand people marched along Rustaveli Avenue on Wednesday evening", "since the winter."),
      loc=L("Rustaveli Avenue, Tbilisi", "GEO"), group="g-rally", notes="Second coding of the march.")
g.add("175", A("Georgian riot police", "GEO", "COP"), PROT, "use pepper spray to clear protesters", "2026-03-11",
      ("Riot police used pepper spray to clear protesters", "disobeying police."), loc=TBS,
      notes="'tried to block' is an attempt, not coded.")
g.add("173", A("Georgian interior ministry", "GEO", "GOV"), PROT, "detain 14 people overnight", R("2026-03-11", "2026-03-12"),
      ("Riot police used pepper spray to clear protesters", "disobeying police."), loc=TBS, qty=[Q(14, "people detained")])
g.add("1312", A("European Commission", "EEC", "IGO"), GEO, "propose suspending visa-free travel for Georgian citizens",
      "2026-03-09", ("The European Commission on Monday formally proposed suspending", "treatment of peaceful protesters."),
      uncertain=True, notes="Formal proposal of a sanction not yet adopted: 1312; 163 (status proposed) defensible.")
g.add("112", KOB, EU, "accuse the EU of blackmail and of financing the radical opposition", "2026-03-11",
      ("Prime Minister Irakli Kobakhidze accused the European Union on Wednesday", "non-governmental organisations."))
g.add("130", A("Maka Botchorishvili", "GEO", "GOV"), EU, "threaten mirror measures against EU officials if the suspension is adopted",
      R("2026-03-09", "2026-03-12"), ("Foreign Minister Maka Botchorishvili said Tbilisi would respond", "without giving details."),
      uncertain=True)
OFF = A("two senior Georgian interior ministry officials", "GEO", "COP")
g.add("163", A("United Kingdom", "GBR", "GOV"), OFF, "impose sanctions on two senior interior ministry officials", "2026-03-10",
      ("Britain on Tuesday imposed sanctions on two senior interior ministry officials", "in December 2024."),
      qty=[Q(2, "officials sanctioned")], notes="'holds responsible' is the reason for the sanction, not a separate act.")
g.add("111", KOB, A("United Kingdom", "GBR", "GOV"), "call the British sanctions absurd and politically motivated",
      R("2026-03-10", "2026-03-12"), ("Kobakhidze called the British sanctions", "protect public order.\""), group="g-kob-uk")
g.add("052", KOB, OFF, "defend the sanctioned officials", R("2026-03-10", "2026-03-12"),
      ("Kobakhidze called the British sanctions", "protect public order.\""), group="g-kob-uk", uncertain=True)
g.add("042", A("Pawel Herczynski", "EEC", "IGO"), A("Lomidze's family", "GEO", "CVL"), "visit Lomidze's family", "2026-03-11",
      ("The EU ambassador to Georgia, Pawel Herczynski, visited Lomidze's family", "\"very closely.\""), loc=TBS,
      symmetric=True, uncertain=True)
SPK = A("spokesperson for Kaja Kallas", "EEC", "IGO")
g.add("111", SPK, GEO, "call the arrest another deeply worrying step", R("2026-03-10", "2026-03-12"),
      ("A spokesperson for the EU's foreign policy chief Kaja Kallas said", "her immediate release."), group="g-eeas")
g.add("0253", SPK, GEO, "call for Lomidze's immediate release", R("2026-03-10", "2026-03-12"),
      ("A spokesperson for the EU's foreign policy chief Kaja Kallas said", "her immediate release."), group="g-eeas")
g.add("042", KOB, A("Viktor Orban", "HUN", "GOV"), "travel to Budapest for talks with Orban", "2026-03-19",
      ("Kobakhidze is scheduled to travel to Budapest on March 19", "in Brussels."), loc=L("Budapest", "HUN"),
      status="scheduled", symmetric=True, uncertain=True,
      notes="EU foreign ministers' Monday meeting is an internal meeting, not coded (CONVENTIONS 15).")
g.add("164", GEO, EU, "shelve EU accession talks until 2028", R("2024-11-01", "2024-11-30"),
      ("It announced in November 2024 that it was shelving talks", "ever since."), prec="month", background=True)
g.write()
