"""Gold for libya-coastguard-sea-lantern (published Sunday 2025-11-09)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("libya-coastguard-sea-lantern")
PUB = "2025-11-09"
PREFECT = A("Trapani prefecture", "ITA", "GOV")
ITA = A("Italy", "ITA", "GOV")
PIANT = A("Matteo Piantedosi", "ITA", "GOV")
NGO = A("Lantern Rescue", "DEU", "NGO")
SHIP = A("Sea Lantern (Lantern Rescue)", "DEU", "NGO")
LCG = A("Libyan coast guard", "LBY", "MIL")
LBY = A("Libyan authorities", "LBY", "GOV")
TRAB = A("Imad Trabelsi", "LBY", "GOV")
DEU_FO = A("German foreign office", "DEU", "GOV")
MIGR = A("migrants, most of them Sudanese", "SDN", "REF")
TRAPANI = L("Trapani", "ITA")

DET = "Hours later, the local prefecture ordered the ship held"
g.add("171", PREFECT, SHIP, "order the rescue ship held for 20 days", "2025-11-08", DET, loc=TRAPANI,
      qty=[Q(20, "days")], uncertain=True, group="g-ship-detention",
      notes="Ship detention 171 (batch-9 convention 8). The lede's 'Italian authorities ... ordered the detention' is the same act. The cause inside the sentence is not coded (batch-8 convention 7).")
g.add("172", PREFECT, NGO, "fine the charity 10,000 euros", "2025-11-08", DET, loc=TRAPANI,
      qty=[Q(10000, "euros")], uncertain=True, group="g-ship-detention",
      notes="The fine is part of the same order: second coding of one act.")
g.add("112", NGO, LCG, "accuse the patrol boat crew of firing at least 15 shots towards the rescue team", "2025-11-06",
      "The charity accused the crew of the Libyan patrol boat on Thursday",
      notes="The shooting is alleged and denied: only the accusation and the denial are coded (CONVENTIONS 11).")
g.add("016", LCG, NGO, "deny firing at the charity's boats", "2025-11-07",
      "denied on Friday that its crew had fired")
g.add("112", LCG, SHIP, "accuse the Sea Lantern of obstructing a lawful rescue operation", "2025-11-07",
      "it accused the Sea Lantern of", notes="Counter-accusation in the Friday statement; a separate act from the denial.")
g.add("174", LCG, MIGR, "intercept a boat and return 47 people to Tripoli", "2025-11-06",
      "The same patrol boat intercepted a second boat", qty=[Q(47, "people")], uncertain=True,
      notes="Pullback treated like a pushback (batch-8 convention 8). Place of interception not given.")
g.add("115", NGO, ITA, "file an appeal in Palermo's civil court against the detention", R(None, PUB),
      "Lantern Rescue said on Saturday it had filed an appeal", loc=L("Palermo", "ITA"),
      notes="'said on Saturday it had filed': batch-9 convention 14.")
g.add("043", PIANT, TRAB, "host the Libyan interior minister for talks on migration", R("2025-10-27", "2025-11-02"),
      "Piantedosi hosted his Libyan counterpart", prec="week", loc=L("Rome", "ITA"), symmetric=True, uncertain=True,
      notes="'Last week' before a Sunday publication: Monday 27 October to Sunday 2 November.")
g.add("020", DEU_FO, LBY, "call on the Libyan authorities to investigate the incident", "2025-11-07",
      "Germany's foreign office called on the Libyan authorities", uncertain=True)
# background
g.add("057", ITA, LBY, "memorandum of understanding on the Libyan coast guard", R("2017-02-01", "2017-02-28"),
      "Italy signed a memorandum of understanding with Tripoli", prec="month", symmetric=True, background=True)
g.write()
