from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("iran-irgc-seizes-tanker-hormuz")
PUB = "2025-11-15"
IRGC = A("Revolutionary Guards navy", "IRN", "MIL")
SHIP = A("Sea Lantern", "MHL", "BUS")
IRN = A("Iran", "IRN", "GOV")

g.add("171", IRGC, SHIP, "seize the tanker and force it into Iranian waters", "2025-11-14",
      "Guards speedboats and a helicopter intercepted the Sea Lantern", loc=L("Gulf of Oman off Khor Fakkan", "ARE"),
      uncertain=True, notes="Ship detention: 171, flag state + BUS (batch-9 convention 8). The lede is the same unit; "
      "the crew are not said to be arrested.")
g.add("112", IRGC, SHIP, "say the tanker carried 'unauthorised cargo'", "2025-11-14",
      "The Revolutionary Guards navy said in a statement carried by state media", uncertain=True,
      notes="Separately stated reason for the seizure (batch-8 convention 7).")
g.add("112", A("Iran's judiciary", "IRN", "JUD"), SHIP, "say the vessel carried about 30,000 tonnes of smuggled gasoil",
      "2025-11-15", "Iran's judiciary said on Saturday that the vessel", uncertain=True,
      qty=[Q(30000, "tonnes of gasoil")])
g.add("016", A("Kastellan Ship Management", "CYP", "BUS"), IRN, "say the fuel was loaded legally with all documentation in order",
      "2025-11-15", "Kastellan Ship Management, the Limassol-based company")
g.add("111", A("U.S. State Department", "USA", "GOV"), IRN, "condemn the seizure as a flagrant violation of international law",
      R("2025-11-14", PUB), "The U.S. State Department condemned the seizure")
g.add("1053", A("Tommy Pigott", "USA", "GOV"), IRN, "demand the immediate release of the vessel and its crew",
      R("2025-11-14", PUB), "In the same statement, spokesman Tommy Pigott demanded",
      notes="Separate unit from the condemnation (batch-9 convention 9).")
g.add("1243", A("Esmaeil Baghaei", "IRN", "GOV"), A("United States", "USA", "GOV"),
      "reject the U.S. demand to release the ship", PUB, "Iran's foreign ministry spokesman Esmaeil Baghaei rejected",
      status="rejected", uncertain=True, notes="Refusal answering a demand (batch-9 convention 7).")
g.add("0253", A("UAE foreign ministry", "ARE", "GOV"), IRN, "call on Iran to release the tanker and respect freedom of navigation",
      PUB, "The United Arab Emirates' foreign ministry on Saturday called on Iran")
g.add("020", A("Indian embassy in Tehran", "IND", "GOV"), IRN, "ask for consular access to the Indian sailors",
      R(None, PUB), "India's embassy in Tehran said it had asked", uncertain=True,
      notes="'said it had asked': batch-9 convention 14.")
# background
g.add("171", A("Revolutionary Guards", "IRN", "MIL"), A("MSC Aries", "PRT", "BUS", alt="ISR"),
      "board the container ship MSC Aries", R("2024-04-01", "2024-04-30"), "In April 2024 the Guards boarded",
      prec="month", uncertain=True, background=True)
g.add("171", A("Revolutionary Guards", "IRN", "MIL"), A("Advantage Sweet", "MHL", "BUS"),
      "seize the tanker Advantage Sweet", R("2023-01-01", "2023-12-31"), "In April 2024 the Guards boarded",
      prec="year", uncertain=True, background=True, notes="'a year earlier' than April 2024.")
g.add("190", A("Israel", "ISR", "GOV"), IRN, "war between Iran and Israel", R("2025-06-01", "2025-06-30"),
      "Iran's Revolutionary Guards seized a Marshall Islands-flagged oil products tanker", prec="month",
      symmetric=True, uncertain=True, background=True, notes="Context summary (CONVENTIONS 5).")
g.write()
