"""Gold for sri-lanka-navy-rameswaram-fishermen (published Thursday 2026-03-12)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("sri-lanka-navy-rameswaram-fishermen")
PUB = "2026-03-12"
SLN = A("Sri Lankan Navy", "LKA", "MIL")
LKA = A("Sri Lanka", "LKA", "GOV")
KAYTS = A("Kayts magistrate", "LKA", "JUD")
CHANDRA = A("Ramalingam Chandrasekar", "LKA", "GOV")
LKA_FISH = A("Sri Lankan fishermen", "LKA", "CVL")
FISH = A("Rameswaram fishermen", "IND", "CVL")
FISH22 = A("22 Tamil Nadu fishermen", "IND", "CVL")
INDFISH = A("Indian fishermen", "IND", "CVL")
TRAWLERS = A("three Rameswaram trawlers", "IND", "BUS")
STALIN = A("M.K. Stalin", "IND", "GOV")
JAISH = A("S. Jaishankar", "IND", "GOV")
HCI = A("Indian High Commission in Colombo", "IND", "GOV")
ASSOC = A("Rameswaram fishermen's associations", "IND", "LAB")
IND = A("India", "IND", "GOV")
DELFT = L("Delft Island", "LKA")

LEDE = "The Sri Lankan Navy arrested 17 fishermen from Rameswaram"
g.add("173", SLN, FISH, "arrest 17 fishermen off Delft", "2026-03-10", LEDE, loc=DELFT, qty=[Q(17, "fishermen")],
      group="g-arrest", notes="Arrest and next-day remand: one 173 unit (held11 convention 7). The accusation inside the lede is not coded on its own.")
g.add("173", KAYTS, FISH, "remand the 17 fishermen until March 24", "2026-03-11",
      "A magistrate in Kayts remanded them on Wednesday", loc=L("Kayts", "LKA"), qty=[Q(17, "fishermen")], group="g-arrest")
g.add("171", SLN, TRAWLERS, "seize three mechanised trawlers", "2026-03-10", LEDE, loc=DELFT, qty=[Q(3, "trawlers")],
      uncertain=True, notes="Boat seizure and crew arrest are separate units (batch-9 convention 8).")
g.add("112", SLN, FISH, "say the fishermen were poaching with banned bottom trawling nets", R("2026-03-10", PUB),
      "A Navy spokesman in Colombo said the fishermen had been", uncertain=True,
      notes="Separately stated accusation behind the arrest (batch-8 convention 7).")
g.add("0253", STALIN, JAISH, "urge him to take up the matter with Colombo and secure the fishermen's release", "2026-03-11",
      ("Chief Minister M.K. Stalin wrote to External Affairs Minister", "the release of the fishermen and their boats."),
      uncertain=True, notes="020 defensible.")
g.add("020", HCI, LKA, "request consular access to the fishermen", R(None, PUB),
      "it had requested consular access to the fishermen", uncertain=True,
      notes="held10 convention 16; 'said on Wednesday it had requested': batch-9 convention 14.")
g.add("143", ASSOC, IND, "begin an indefinite strike, keeping 600 boats in harbour", R("2026-03-11", None),
      "began an indefinite strike on Wednesday", status="ongoing", prec="day", loc=L("Rameswaram", "IND"),
      qty=[Q(600, "mechanised boats")])
g.add("137", CHANDRA, INDFISH, "say the Navy will keep arresting Indian fishermen as long as trawlers enter", "2026-03-11",
      "the Navy would keep arresting Indian fishermen", uncertain=True,
      notes="Conditional threat of arrests: occurred (batch-8 convention 3); 130 defensible.")
g.add("141", LKA_FISH, IND, "demonstrate against Indian trawlers", "2026-03-09",
      "Sri Lankan fishermen held a demonstration in Point Pedro", loc=L("Point Pedro", "LKA"))
g.add("0841", LKA, FISH22, "free 22 fishermen arrested in January", "2026-03-09",
      "Sri Lanka freed 22 Tamil Nadu fishermen", qty=[Q(22, "fishermen")], notes="'The same day' = Monday.")
g.add("046", IND, LKA, "Joint Working Group on Fisheries to meet", R("2026-03-13", "2026-03-31"),
      "Chandrasekar said the Joint Working Group on Fisheries", status="scheduled", prec="month",
      loc=L("New Delhi", "IND"), symmetric=True, notes="'Later this month': batch-9 convention 10.")
g.add("133", ASSOC, IND, "plan a demonstration on Friday if the fishermen are not released", PUB,
      "would also stage a demonstration outside the Rameswaram railway station",
      notes="Conditional protest plan (batch-9 convention 11). Undated statement: publication day.")
# background
g.add("173", SLN, FISH22, "arrest 22 fishermen off Mannar", R("2026-01-01", "2026-01-31"),
      "Sri Lanka freed 22 Tamil Nadu fishermen", prec="month", loc=L("Mannar", "LKA"), qty=[Q(22, "fishermen")],
      background=True, notes="Earlier arrest in a relative clause (held11 convention 14).")
g.add("046", IND, LKA, "previous Joint Working Group meeting", R("2024-10-01", "2024-10-31"),
      "The group last met in Colombo in October 2024", prec="month", loc=L("Colombo", "LKA"), symmetric=True, background=True)
g.add("030", IND, LKA, "agree to explore a long-term solution", R("2024-10-01", "2024-10-31"),
      "The group last met in Colombo in October 2024", prec="month", loc=L("Colombo", "LKA"), symmetric=True, background=True)
g.add("057", IND, LKA, "1974 agreement recognising Sri Lanka's sovereignty over Katchatheevu", R("1974-01-01", "1974-12-31"),
      "Under a 1974 agreement, India recognised", prec="year", symmetric=True, background=True)
g.write()
