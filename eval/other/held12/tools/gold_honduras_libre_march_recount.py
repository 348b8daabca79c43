"""Gold for honduras-libre-march-recount (published Thursday 2025-12-11)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("honduras-libre-march-recount")
PUB = "2025-12-11"
LIBRE = A("Libre party supporters", "HND", "CVL")
CNE = A("National Electoral Council (CNE)", "HND", "GOV")
HALL = A("Ana Paola Hall", "HND", "GOV")
POLICE = A("Honduran national police", "HND", "COP")
NASRALLA = A("Salvador Nasralla", "HND", "OPP")
MONCADA = A("Rixi Moncada", "HND", None)
CASTRO = A("Xiomara Castro", "HND", "GOV")
HND = A("Honduras", "HND", "GOV")
USA = A("United States", "USA", "GOV")
LANDAU = A("Christopher Landau", "USA", "GOV")
TRUMP = A("Donald Trump", "USA", "GOV")
JOH = A("Juan Orlando Hernandez", "HND", "ELI")
ASFURA = A("Nasry Asfura", "HND", "OPP")
OAS_EOM = A("Eladio Loizaga (OAS observation mission)", "OAS", "IGO")
OAS = A("Organization of American States", "OAS", "IGO")
TGU = L("Tegucigalpa", "HND")
LASTWEEK = R("2025-12-01", "2025-12-07")

MARCH = "Thousands of supporters of Honduras' governing Libre party marched"
g.add("141", LIBRE, CNE, "march on the electoral council's headquarters", "2025-12-10", MARCH, loc=TGU, group="g-libre-march",
      notes="One gathering in one sentence in which some throw stones: 141 and 145 grouped (held11 convention 5).")
g.add("145", LIBRE, POLICE, "throw stones and bottles at riot police", "2025-12-10", MARCH, loc=TGU, group="g-libre-march")
g.add("175", POLICE, LIBRE, "fire tear gas and water cannon at the crowd", "2025-12-10",
      "Police fired tear gas and used water cannon", loc=TGU)
g.add("173", POLICE, LIBRE, "arrest 11 people during the clashes", "2025-12-10",
      "Officers arrested 11 people during the clashes", loc=TGU, qty=[Q(11, "people")])
g.add("100", NASRALLA, CNE, "demand a vote-by-vote recount of all tally sheets", "2025-12-09",
      "Nasralla demanded on Tuesday a vote-by-vote recount", uncertain=True,
      notes="Demand for a recount: root 10, no closer subcode.")
g.add("112", NASRALLA, CNE, "accuse the council of manipulating the count", "2025-12-09",
      "In a video message the same day, he accused the council")
g.add("120", HALL, NASRALLA, "reject a full recount", "2025-12-10",
      "Ana Paola Hall, rejected a full recount on Wednesday", status="rejected", uncertain=True,
      notes="Refusal answering a demand (batch-9 convention 7); 123 defensible.")
g.add("112", CASTRO, USA, "accuse the United States of interfering in the election", "2025-12-09",
      "President Xiomara Castro, who cannot seek re-election")
g.add("016", LANDAU, CASTRO, "reject the interference accusation", "2025-12-10",
      "Christopher Landau rejected the accusation on Wednesday", uncertain=True,
      notes="Rebuttal without a stated denial of fact (held11 convention 11).")
g.add("130", TRUMP, HND, "warn of 'hell to pay' if the electoral authorities change the results", LASTWEEK,
      "warned last week that there would be \"hell to pay\"", prec="week", uncertain=True,
      notes="Conditional threat: occurred (batch-8 convention 3). Target: the Honduran electoral authorities.")
FREED = "was freed from a federal prison in West Virginia last week after Trump pardoned him"
g.add("0841", TRUMP, JOH, "free Hernandez from a federal prison after pardoning him", LASTWEEK, FREED, prec="week",
      loc=L("West Virginia", "USA"), uncertain=True, group="g-pardon",
      notes="Pardon followed by release: 0841 and 056 grouped as two codings of one act.")
g.add("056", TRUMP, JOH, "pardon Hernandez", R(None, "2025-12-07"), FREED, uncertain=True, group="g-pardon")
LOI = "Eladio Loizaga, urged Nasralla and Moncada on Wednesday"
g.add("020", OAS_EOM, NASRALLA, "urge him to pursue complaints through legal channels", "2025-12-10", LOI,
      uncertain=True, group="g-oas-appeal", notes="One record per named party (batch-8 convention 4); 027 defensible.")
g.add("020", OAS_EOM, MONCADA, "urge her to pursue complaints through legal channels", "2025-12-10", LOI,
      uncertain=True, group="g-oas-appeal")
# background
g.add("051", TRUMP, ASFURA, "endorse Asfura days before the vote", R(None, "2025-11-29"),
      "Donald Trump, who endorsed Asfura days before the vote", background=True)
g.add("024", OAS, HND, "call for a new election after the 2017 vote", R("2017-12-01", "2017-12-31"),
      "The OAS at the time called for a new election", prec="month", background=True, uncertain=True)
g.write()
