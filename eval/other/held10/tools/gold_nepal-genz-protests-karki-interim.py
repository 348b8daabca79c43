from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("nepal-genz-protests-karki-interim")
PUB = "2025-09-13"
NPL = A("Nepal", "NPL", "GOV")
GZ = A("Gen Z protesters", "NPL", "CVL")
KTM = L("Kathmandu", "NPL")
POU = A("Ram Chandra Poudel", "NPL", "GOV")

g.add("0834", POU, GZ, "dissolve the House of Representatives, meeting a key demand of the protesters", "2025-09-12",
      "President Ram Chandra Poudel dissolved the House of Representatives", uncertain=True,
      notes="Setting the election date and swearing in Karki are not coded (no target).")
g.add("141", GZ, NPL, "march on parliament against the social media ban and corruption", "2025-09-08",
      "The unrest began on Monday, when tens of thousands", loc=KTM)
g.add("175", A("Nepal Police", "NPL", "COP"), GZ, "open fire on protesters outside parliament, killing 19", "2025-09-08",
      "Police opened fire on protesters who broke through barricades", loc=KTM, qty=[Q(19, "people killed")])
g.add("0831", A("Ramesh Lekhak", "NPL", "GOV"), GZ, "resign as home minister", "2025-09-08",
      "Home Minister Ramesh Lekhak resigned on Monday evening", uncertain=True)
g.add("081", NPL, GZ, "lift the social media ban", R("2025-09-08", "2025-09-09"),
      "Home Minister Ramesh Lekhak resigned on Monday evening", uncertain=True,
      notes="'hours later' after Monday evening. 0832 defensible.")
g.add("145", A("crowds of protesters", "NPL", "CVL"), NPL,
      "set fire to parliament, Singha Durbar and politicians' homes", "2025-09-09",
      "On Tuesday, crowds set fire to the parliament building", loc=KTM, uncertain=True, notes="1712 also defensible.")
g.add("0831", A("KP Sharma Oli", "NPL", "GOV"), GZ, "resign as prime minister", "2025-09-09",
      "Oli resigned that afternoon.", uncertain=True,
      notes="The Poudel sentence ('forced ... Oli from office') restates it.")
g.add("1723", A("Nepal Army", "NPL", "MIL"), A("residents of Nepal", "NPL", "CVL"), "impose a nationwide curfew",
      "2025-09-09", "The army took over security on Tuesday night", loc=L("Nepal", "NPL"))
g.add("0813", A("Nepal Army", "NPL", "MIL"), A("residents of Kathmandu", "NPL", "CVL"), "ease the curfew in the capital",
      PUB, "Nepal's new interim Prime Minister Sushila Karki began work", loc=KTM)
SIG = A("Ashok Raj Sigdel", "NPL", "MIL")
REP = A("Gen Z representatives", "NPL", "CVL")
g.add("046", SIG, REP, "hold talks with protest representatives at army headquarters", R("2025-09-10", "2025-09-11"),
      "Army chief General Ashok Raj Sigdel held talks", loc=KTM, symmetric=True, group="g-army-talks")
g.add("045", SIG, REP, "carry the protesters' demands to the president", R("2025-09-10", "2025-09-11"),
      "Army chief General Ashok Raj Sigdel held talks", loc=KTM, group="g-army-talks",
      notes="Talks and go-between role: codings of one happening, grouped (CONVENTIONS 2-3).")
g.add("045", SIG, POU, "carry the protesters' demands to the president", R("2025-09-10", "2025-09-11"),
      "Army chief General Ashok Raj Sigdel held talks", loc=KTM, group="g-army-talks")
TURK = A("Volker Türk", "HCH", "IGO", alt="UNO")
g.add("111", TURK, A("Nepal security forces", "NPL", "COP"), "say he was shocked by the killings", "2025-09-08",
      "The UN High Commissioner for Human Rights, Volker Türk", uncertain=True)
g.add("0256", TURK, A("Nepal security forces", "NPL", "COP"), "urge security forces to exercise maximum restraint",
      "2025-09-08", "The UN High Commissioner for Human Rights, Volker Türk",
      notes="Separate unit from the expression of shock (batch-9 convention 9).")
g.add("051", A("Narendra Modi", "IND", "GOV"), A("Sushila Karki", "NPL", "GOV"), "congratulate Karki", PUB,
      "Indian Prime Minister Narendra Modi congratulated Karki")
# background
g.add("172", NPL, A("social media platforms", "USA", "BUS"), "block 26 unregistered platforms including Facebook, YouTube and X",
      "2025-09-04", "The government had blocked 26 platforms", qty=[Q(26, "platforms")], background=True,
      notes="Nine days before publication: older than the 7-day window of CONVENTIONS 5.")
g.write()
