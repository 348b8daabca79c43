from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("benin-foiled-coup-ecowas-deployment")
PUB = "2025-12-09"
BEN = A("Benin", "BEN", "GOV")
MUT = A("mutinous soldiers (Military Committee for Refoundation)", "BEN", "MIL")
ECO = A("ECOWAS", "WAS", "IGO")
COT = L("Cotonou", "BEN")

g.add("173", A("Benin government", "BEN", "GOV"), MUT, "arrest 14 people, 12 of them soldiers, over the coup attempt",
      R("2025-12-07", PUB), "Government spokesman Wilfried Léandre Houngbédji said on Tuesday that 14 people",
      qty=[Q(14, "people arrested")],
      notes="'had been arrested since Sunday'. The lede repeats it; the detail sentence is the evidence.")
g.add("190", MUT, A("Patrice Talon", "BEN", "GOV"), "attack the president's residence", "2025-12-07",
      "Shortly before dawn, mutinous troops had attacked Talon's residence", loc=COT,
      notes="The television announcement itself is not coded (no CAMEO act beyond the attack).")
g.add("190", A("forces loyal to the government", "BEN", "MIL"), MUT, "fight the mutineers around the residence and ORTB",
      "2025-12-07", "Forces loyal to the government fought the mutineers", loc=COT, symmetric=True)
g.add("195", A("Nigerian Air Force", "NGA", "MIL"), MUT, "strike mutineer positions on the outskirts of Cotonou",
      "2025-12-07", "Nigerian Air Force jets struck positions held by the mutineers", loc=COT)
g.add("0232", BEN, A("Nigeria", "NGA", "GOV"), "ask Abuja for air support to dislodge the coup plotters", "2025-12-07",
      "Presidential spokesman Bayo Onanuga said the strikes were carried out after",
      notes="The request preceded Sunday afternoon's strikes.")
g.add("111", ECO, MUT, "condemn an 'unconstitutional attempt to seize power'", "2025-12-07",
      "In a statement late on Sunday, the ECOWAS Commission condemned")
g.add("074", ECO, BEN, "order the deployment of standby force elements to Benin", "2025-12-07",
      "In a statement late on Sunday, the ECOWAS Commission condemned", group="g-standby-force",
      notes="Separate unit from the condemnation in the same statement (batch-9 convention 9).")
g.add("074", A("Nigerian contingent", "NGA", "MIL"), BEN, "first Nigerian contingent of about 200 soldiers lands in Cotonou",
      "2025-12-08", "The first Nigerian contingent, about 200 soldiers, landed", loc=COT, qty=[Q(200, "soldiers")],
      group="g-standby-force", notes="Detail of the ECOWAS deployment; the lede's 'took up positions' is the same unit.")
g.add("111", A("Mahmoud Ali Youssouf", "AFU", "IGO"), MUT, "condemn the coup attempt", R("2025-12-07", PUB),
      "African Union Commission chairperson Mahmoud Ali Youssouf also condemned")
g.add("020", A("Mahmoud Ali Youssouf", "AFU", "IGO"), A("Beninese army", "BEN", "MIL"),
      "call on the army to remain under civilian authority", R("2025-12-07", PUB),
      "African Union Commission chairperson Mahmoud Ali Youssouf also condemned", uncertain=True,
      notes="Separate unit from the condemnation (batch-9 convention 9).")
g.add("051", A("Patrice Talon", "BEN", "GOV"), A("Nigeria", "NGA", "GOV"), "thank Nigeria for its solidarity", "2025-12-07",
      "He said the situation was \"totally under control\"", group="g-thanks")
g.add("051", A("Patrice Talon", "BEN", "GOV"), ECO, "thank ECOWAS for its solidarity", "2025-12-07",
      "He said the situation was \"totally under control\"", group="g-thanks")
g.add("130", A("Patrice Talon", "BEN", "GOV"), MUT, "warn the plotters they will answer before the courts", "2025-12-07",
      "\"Those who believed they could take Benin hostage", uncertain=True, notes="Threat of prosecution (137 defensible).")
g.add("042", A("ECOWAS ministerial delegation", "WAS", "IGO", alt="SLE"), A("Patrice Talon", "BEN", "GOV"),
      "delegation of foreign ministers led by Timothy Kabba to travel to Cotonou to meet Talon", "2025-12-11",
      "ECOWAS said a delegation of foreign ministers led by", status="scheduled", loc=COT, symmetric=True, uncertain=True)
# background
g.add("1722", A("Benin electoral commission", "BEN", "GOV"), A("Les Démocrates", "BEN", "OPP"),
      "exclude the main opposition party from the presidential race", R("2025-10-01", "2025-10-31"),
      "His chosen successor, Finance Minister Romuald Wadagni", prec="month", background=True)
g.add("190", A("JNIM", "MLI", "INS", alt="ALQ"), A("Beninese army", "BEN", "MIL"),
      "kill 54 soldiers in an attack on two army positions", R("2025-04-01", "2025-04-30"),
      "Fighters of the al Qaeda-linked group JNIM killed 54 soldiers", prec="month",
      loc=L("northern Benin", "BEN"), qty=[Q(54, "soldiers killed")], background=True)
for c, n in (("NER", "Niger"), ("MLI", "Mali"), ("BFA", "Burkina Faso")):
    g.add("161", A(n, c, "GOV"), ECO, "leave ECOWAS", R("2025-01-01", PUB),
          "Niger, Mali and Burkina Faso, all ruled by juntas, left ECOWAS this year", prec="year",
          background=True, uncertain=True, group="g-bg-aes-exit")
g.add("138", ECO, A("Niger junta", "NER", "MIL"), "threaten to use force to reverse the July 2023 coup",
      R("2023-07-01", PUB), "The bloc threatened to use force to reverse", prec="unknown", background=True)
g.write()
