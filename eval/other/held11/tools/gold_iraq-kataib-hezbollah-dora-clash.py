#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("iraq-kataib-hezbollah-dora-clash")
KH = A("Kataib Hezbollah", "IRQ", "UAF")
FEDPOL = A("Iraqi federal police", "IRQ", "COP")
DORA = L("Dora, Baghdad", "IRQ")

g.add("190", KH, FEDPOL, "gun battle between Kataib Hezbollah gunmen and police at the Dora agriculture directorate; a police officer and a civilian killed",
      "2025-07-27", "A federal police officer and a civilian who had come", loc=DORA, qty=[Q(2, "killed")], symmetric=True,
      notes="Sunday before a Tuesday publication. Coded as a symmetric clash: Kataib Hezbollah denies attacking and says police fired first (CONVENTIONS 11), but the exchange of fire itself is not disputed. The lede's 'fought a gun battle' is the same happening (CONVENTIONS 1).")
g.add("173", FEDPOL, KH, "detain 14 Kataib Hezbollah suspects at the scene and in follow-up raids",
      R("2025-07-27", "2025-07-28"), "Federal police detained the 14 suspects", loc=DORA, qty=[Q(14, "suspects")], group="g-dora-raids",
      notes="Sunday night and Monday. The lede ('have arrested 14 members') is the same act (CONVENTIONS 1).")
g.add("1711", FEDPOL, KH, "seize weapons and two vehicles in the same raids",
      R("2025-07-27", "2025-07-28"), "Federal police detained the 14 suspects", loc=DORA, qty=[Q(2, "vehicles")], group="g-dora-raids",
      notes="Second coding of the same raids (CONVENTIONS 2).")
g.add("112", A("Sabah al-Numan", "IRQ", "MIL"), KH, "accuse PMF Brigades 45 and 46 (Kataib Hezbollah) of a deliberate attack on state institutions",
      "2025-07-28", "Sabah al-Numan, the military spokesman", loc=None,
      notes="Statement on Monday. Sudani relieving the two brigade commanders is an order to his own forces (CONVENTIONS 15), not coded.")
g.add("016", KH, A("Iraqi government", "IRQ", "GOV"), "deny that its fighters attacked the agriculture office",
      "2025-07-28", "Kataib Hezbollah denied that its fighters had attacked the office.",
      notes="Dated from the next sentence (statement posted late on Monday).")
g.add("112", KH, FEDPOL, "accuse the federal police of firing first on 'unarmed brothers'",
      "2025-07-28", "In a statement posted late on Monday, the group said",
      notes="Separate unit from the denial (batch-9 convention 9).")
g.add("041", A("Marco Rubio", "USA", "GOV"), A("Mohammed Shia al-Sudani", "IRQ", "GOV"), "telephone call; Rubio raises concern about the draft PMF law",
      "2025-07-28", "spoke by telephone with Sudani on Monday", symmetric=True,
      notes="The concern about the draft law is the topic of the call, not coded separately.")
g.add("111", A("Tammy Bruce", "USA", "GOV"), KH, "condemn the attack on the Dora office, call Kataib Hezbollah a terrorist militia",
      "2025-07-28", "State Department spokeswoman Tammy Bruce condemned")
g.add("020", A("Tammy Bruce", "USA", "GOV"), A("Iraqi government", "IRQ", "GOV"), "urge the Iraqi government to bring the attackers to justice",
      "2025-07-28", "She urged the Iraqi government to bring", uncertain=True,
      notes="Same statement as the condemnation; separate unit (batch-9 convention 9). Generic appeal; 0213 defensible.")
g.add("030", A("PMF Commission", "IRQ", "MIL"), A("Iraqi government", "IRQ", "GOV"), "say the PMF will cooperate fully with the government investigation",
      "2025-07-29", "A spokesman for the PMF Commission said on Tuesday", status="proposed", uncertain=True,
      notes="Stated intention (CONVENTIONS 9); 0313 defensible.")
# background
g.add("112", A("Kurdistan Region interior ministry", "IRQ", "GOV"), A("PMF factions", "IRQ", "UAF"), "say the drones that hit Kurdistan oilfields were launched by outlaw groups within the PMF",
      "2025-07-17", "but the Kurdistan Region's interior ministry said on July 17", background=True,
      notes="12 days before publication. The drone strikes themselves have no named actor ('No group claimed'), not coded; 'a charge the factions dismissed' not coded (CONVENTIONS 14).")
g.add("163", A("United States", "USA", "GOV"), KH, "designate Kataib Hezbollah a terrorist organisation",
      R("2009-01-01", "2009-12-31"), "Kataib Hezbollah, which Washington designated", prec="year", background=True, uncertain=True,
      notes="Terrorist designation read as a sanction (new convention 1 of held11).")
g.add("112", A("United States", "USA", "GOV"), KH, "blame Kataib Hezbollah for the January 2024 Tower 22 drone strike",
      R("2024-01-01", "2024-01-31"), "was blamed by the United States for a January 2024 drone strike", prec="month", background=True,
      notes="The strike itself is reported only as alleged; not coded on its own.")
g.add("0871", KH, A("U.S. forces", "USA", "MIL"), "announce suspension of military operations against U.S. forces",
      R("2024-01-29", "2024-02-29"), "Days after that attack, the group announced", prec="month", background=True)
g.write()
