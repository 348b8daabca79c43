from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("ecuador-noboa-convoy-conaie-strike")
PUB = "2025-10-09"
NOB = A("Daniel Noboa", "ECU", "GOV")
ECU = A("Ecuador", "ECU", "GOV")
CON = A("CONAIE", "ECU", "NGM")
JAR = A("Carolina Jaramillo", "ECU", "GOV")
VAR = A("Marlon Vargas", "ECU", "NGM")
CHU = A("Ecuadorian Episcopal Conference", "ECU", "NGO")

g.add("145", A("crowd of protesters", "ECU", "CVL"), NOB, "hurl stones and bricks at the presidential convoy", "2025-10-07",
      "A crowd of several hundred people hurled stones", loc=L("El Tambo", "ECU"), uncertain=True,
      notes="Stated as fact; the gunfire is only alleged and is not coded on its own (CONVENTIONS 11). 180 defensible.")
g.add("115", A("Inés Manzano", "ECU", "GOV"), A("attackers of the convoy", "ECU", "CVL"),
      "file a criminal complaint for attempted murder", "2025-10-07",
      "Energy and Environment Minister Inés Manzano, who was travelling with Noboa")
g.add("173", A("Ecuadorian police", "ECU", "COP"), A("five people at the scene", "ECU", "CVL"),
      "arrest five people; a judge orders pretrial detention on terrorism charges", "2025-10-07",
      "Police arrested five people at the scene", loc=L("El Tambo", "ECU"), qty=[Q(5, "people arrested")],
      notes="Arrest (Tuesday) and custody order (Wednesday) are one day apart: one unit (batch-8 convention 10).")
g.add("112", JAR, CON, "accuse CONAIE leaders of inciting the attack", "2025-10-08",
      "Government spokeswoman Carolina Jaramillo said on Wednesday", notes="The lede is the same unit.")
g.add("016", VAR, ECU, "deny that any protester fired at the convoy", R("2025-10-07", PUB),
      "CONAIE's president, Marlon Vargas, denied")
g.add("112", VAR, ECU, "accuse the government of staging an assassination attempt", R("2025-10-07", PUB),
      "He accused the government of \"staging an assassination attempt\"")
g.add("144", A("CONAIE protesters", "ECU", "CVL"), ECU, "block the Pan-American Highway at more than a dozen points",
      "2025-10-08", "Protesters on Wednesday blocked the Pan-American Highway", uncertain=True,
      notes="1442 (obstruct passage for policy change) is the likely full code.")
g.add("1232", NOB, CON, "refuse to reverse the decree eliminating the diesel subsidy", "2025-10-08",
      "Noboa, speaking at a military base in Latacunga", status="rejected", loc=L("Latacunga", "ECU"), uncertain=True,
      notes="Refusal answering the strike's demand (batch-9 convention 7).")
g.add("1724", NOB, A("residents of Cañar and two other provinces", "ECU", "CVL"),
      "extend the state of emergency to three more provinces", "2025-10-04", "On Saturday, Noboa extended a state of emergency")
g.add("039", CHU, ECU, "offer to mediate between the government and CONAIE", "2025-10-06",
      "The Ecuadorian Episcopal Conference said on Monday", status="proposed", group="g-church-mediation")
g.add("039", CHU, CON, "offer to mediate between the government and CONAIE", "2025-10-06",
      "The Ecuadorian Episcopal Conference said on Monday", status="proposed", group="g-church-mediation")
g.add("0256", CHU, ECU, "call on both sides to avoid 'a spiral of violence'", "2025-10-06",
      "The Ecuadorian Episcopal Conference said on Monday", uncertain=True, group="g-church-appeal")
g.add("0256", CHU, CON, "call on both sides to avoid 'a spiral of violence'", "2025-10-06",
      "The Ecuadorian Episcopal Conference said on Monday", uncertain=True, group="g-church-appeal")
g.add("038", VAR, CHU, "say CONAIE would accept the bishops' mediation if detained protesters are released", "2025-10-08",
      "Vargas said on Wednesday that CONAIE would accept", status="proposed", notes="Conditional offer (CONVENTIONS 9).")
g.add("125", JAR, CON, "refuse to sit down with CONAIE's leadership while roads remain blocked", PUB,
      "But Jaramillo said the government would not sit down", status="rejected", uncertain=True,
      notes="Undated statement: publication date (CONVENTIONS 7). 126 defensible.")
g.add("0256", A("UN human rights office", "HCH", "IGO", alt="UNO"), ECU,
      "urge authorities to ensure security forces use force only when strictly necessary", "2025-10-08",
      "The United Nations human rights office in Geneva on Wednesday urged", uncertain=True)
# background
g.add("143", CON, ECU, "call an indefinite national strike", "2025-09-22", "CONAIE called the indefinite strike on Sept. 22",
      background=True, uncertain=True)
g.add("175", A("Ecuadorian soldiers", "ECU", "MIL"), A("community member", "ECU", "CVL"),
      "shoot dead a community member during clashes", "2025-09-28",
      "A 46-year-old community member was shot dead", loc=L("Cotacachi", "ECU"), background=True, uncertain=True)
g.add("0832", A("Lenín Moreno", "ECU", "GOV"), CON, "withdraw a decree scrapping fuel subsidies after 11 days of protests",
      R("2019-10-01", "2019-10-31"), "In October 2019, then-President Lenín Moreno", prec="month", background=True)
g.add("0832", A("Guillermo Lasso", "ECU", "GOV"), CON, "cut fuel prices to end an 18-day strike",
      R("2022-06-01", "2022-06-30"), "In October 2019, then-President Lenín Moreno", prec="month", background=True)
g.write()
