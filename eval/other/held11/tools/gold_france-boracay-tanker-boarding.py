#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("france-boracay-tanker-boarding")
SHIP = A("Boracay (tanker, Benin flag)", "BEN", "BUS", alt="RUS")
CREW = A("Captain and first officer of the Boracay (Chinese nationals)", "CHN", "CVL")
FRA = A("France", "FRA", "GOV")
PUTIN = A("Vladimir Putin", "RUS", "GOV")
MACRON = A("Emmanuel Macron", "FRA", "GOV")

g.add("171", A("French navy", "FRA", "MIL"), SHIP, "board and detain the tanker off Saint-Nazaire",
      "2025-09-27", "The Boracay, a 244-metre tanker sailing under the flag of Benin", loc=L("off Saint-Nazaire", "FRA"),
      uncertain=True, notes="Detention of a ship: 171, the ship as flag state BUS with alt RUS (batch-9 convention 8). Saturday before a Friday publication; international waters, but the nearest place named is French.")
g.add("173", A("Brest prosecutor's office", "FRA", "JUD"), CREW, "take the captain and first officer into police custody; the captain is summoned to trial in Brest on 23 February 2026",
      "2025-10-01", "The captain and the first officer, both Chinese nationals", loc=L("Brest", "FRA"),
      notes="Custody (Wednesday) and the order to stand trial (Thursday) are one legal action; the trial date is not coded on its own (new convention 4 of held11). The lede's 'ordered to stand trial' is the same unit. Dropping the case against the first officer is not coded.")
g.add("0841", A("Brest prosecutor's office", "FRA", "JUD"), CREW, "release the captain and first officer from custody",
      "2025-10-02", "The captain and the first officer, both Chinese nationals",
      notes="Also summarised in the lede (CONVENTIONS 1).")
g.add("0842", FRA, SHIP, "allow the tanker to leave French waters",
      "2025-10-02", "was then allowed to leave French waters",
      notes="Thursday evening, from the lede ('resumed its voyage on Thursday evening').")
g.add("112", MACRON, CREW, "say the crew committed very serious offences",
      "2025-10-01", "Speaking in Copenhagen on Wednesday on the sidelines", loc=L("Copenhagen", "DNK"), uncertain=True,
      notes="1121 defensible.")
g.add("112", MACRON, A("Russia", "RUS", "GOV"), "say the shadow fleet finances 30-40% of Russia's war effort and bypasses European sanctions",
      "2025-10-01", "He said the shadow fleet's operations financed", loc=L("Copenhagen", "DNK"),
      notes="Same remarks as the preceding sentence (dated from it). The call on 'Europeans' is not coded (CONVENTIONS 13).")
g.add("112", PUTIN, FRA, "describe the boarding as 'piracy' and say France is diverting attention from domestic problems",
      "2025-10-02", "described the boarding as \"piracy\"", loc=L("Sochi", "RUS"), uncertain=True,
      notes="111 equally defensible.")
g.add("016", PUTIN, A("Denmark", "DNK", "GOV", alt="FRA"), "deny military cargo on board and deny Russia was behind the drone sightings over Denmark",
      "2025-10-02", "He said there had been no military cargo on board", loc=L("Sochi", "RUS"),
      notes="Dated from the preceding sentence (Valdai forum, Thursday).")
g.add("020", A("Chinese embassy in Paris", "CHN", "GOV"), FRA, "request consular access to the two crew members",
      R(None, "2025-10-03"), "China's embassy in Paris said on Thursday", uncertain=True, group="g-china-consular",
      notes="'said on Thursday it had requested': held10 convention 16, batch-9 convention 14.")
g.add("0243", A("Chinese embassy in Paris", "CHN", "GOV"), FRA, "urge France to protect the crew members' legitimate rights and interests",
      "2025-10-02", "China's embassy in Paris said on Thursday", group="g-china-consular",
      notes="Second coding of the same embassy statement (CONVENTIONS 2, as the DEM Party's 1053 + 0243).")
# background
g.add("171", A("Estonian authorities", "EST", "GOV"), SHIP, "detain the vessel (then named Kiwala) for sailing without a valid flag",
      R("2025-04-01", "2025-04-30"), "Under the name Kiwala, the same vessel", prec="month", background=True, uncertain=True)
g.add("163", A("European Union", "EEC", "IGO"), SHIP, "add the tanker to the sanctions list in the 17th package",
      R("2025-05-01", "2025-05-31"), "The European Union added the tanker to its sanctions list in May", prec="month", background=True)
g.write()
