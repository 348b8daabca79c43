#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("tajikistan-afghan-border-chinese-workers")
TJK = A("Tajik foreign ministry", "TJK", "GOV")
TAL = A("Taliban administration", "AFG", "GOV", alt="TAL")
GANG = A("Criminal group operating from Afghanistan", "AFG", "CRM")
WORKERS = A("Chinese workers", "CHN", "CVL", alt="TJK")
CHN = A("Chinese foreign ministry", "CHN", "GOV")

g.add("020", TJK, TAL, "urge the Taliban to take effective measures to secure their side of the border",
      "2025-12-02", "Tajikistan urged Afghanistan's Taliban authorities on Tuesday", uncertain=True, group="g-tjk-appeal",
      notes="Summary and detail of one statement (CONVENTIONS 1). Taliban authorities: AFG GOV, alt TAL (new convention 2 of held11). 0212 defensible.")
g.add("0213", TJK, TAL, "say Kabul is expected to prevent attacks from Afghan soil and hand over those responsible",
      "2025-12-02", "said it expected Kabul to", uncertain=True, group="g-tjk-appeal",
      notes="Detail of the same statement; hand-over read as an appeal for judicial cooperation. Suspending border trade is only a possibility ('did not say'), not coded.")
g.add("195", GANG, WORKERS, "drone carrying explosives and a firearm hits the camp of a Chinese gold-mining company, killing three workers",
      "2025-11-26", "Three employees of a Chinese gold-mining company were killed late on Wednesday", loc=L("Shamsiddin Shohin district, Khatlon", "TJK"),
      qty=[Q(3, "killed")], group="g-drone-camp",
      notes="Two conventions meet (CONVENTIONS 10: drone strikes 195; armed-group attacks on civilians 18x): both codings kept and grouped (CONVENTIONS 2). Actor from the GKNB's attribution in the next sentence; alt TJK because the attack hit Tajik territory (CONVENTIONS 21).")
g.add("180", GANG, WORKERS, "attack on a Chinese company camp killing three workers",
      "2025-11-26", "Three employees of a Chinese gold-mining company were killed late on Wednesday", loc=L("Shamsiddin Shohin district, Khatlon", "TJK"),
      qty=[Q(3, "killed")], group="g-drone-camp")
g.add("180", A("Gunmen from Afghanistan", "AFG", "CRM"), WORKERS, "gunmen fire on a China Road and Bridge Corporation camp, killing two workers",
      "2025-11-30", "On Sunday night, gunmen who crossed the river fired on a camp", loc=L("Kalai Khumb, Darvoz district", "TJK"),
      qty=[Q(2, "killed"), Q(1, "wounded")])
g.add("190", A("Tajik border troops", "TJK", "MIL"), A("Gunmen from Afghanistan", "AFG", "CRM"), "exchange fire with the gunmen as they withdraw",
      "2025-11-30", "Border troops exchanged fire with the group", symmetric=True,
      notes="Dated from the preceding sentence (Sunday night).")
g.add("111", CHN, GANG, "strongly condemn the attacks",
      "2025-12-01", "The Chinese foreign ministry said on Monday that China")
for tgt in (A("Tajikistan", "TJK", "GOV"), A("Taliban administration", "AFG", "GOV", alt="TAL")):
    g.add("020", A("Lin Jian", "CHN", "GOV"), tgt, "urge Tajikistan and Afghanistan to take all necessary measures to track down the perpetrators and protect Chinese nationals",
          "2025-12-01", "Spokesman Lin Jian told a regular briefing in Beijing", uncertain=True, group="g-chn-appeal", loc=L("Beijing", "CHN"),
          notes="Appeal to two named parties: one record each, grouped (batch-8 convention 4). 0234 defensible. The embassy's advice to Chinese citizens is not coded (own nationals).")
g.add("018", TAL, A("China", "CHN", "GOV", alt="TJK"), "express deep regret over the deaths",
      "2025-11-27", "The Taliban administration expressed \"deep regret\"")
g.add("0313", A("Abdul Qahar Balkhi", "AFG", "GOV", alt="TAL"), A("Tajikistan", "TJK", "GOV"), "say the Islamic Emirate is ready to cooperate fully with Tajikistan in the investigation",
      "2025-11-27", "Its foreign ministry spokesman, Abdul Qahar Balkhi, blamed", status="proposed", uncertain=True,
      notes="Stated intention (CONVENTIONS 9); dated from the preceding sentence (Thursday). The blame on unnamed 'circles' is not coded (no identifiable target).")
g.add("046", A("Tajik border officials", "TJK", "MIL"), A("Afghan border officials", "AFG", "MIL", alt="TAL"), "meet at the Panji Poyon crossing to discuss border security",
      "2025-12-01", "Tajik and Afghan border officials met on Monday", loc=L("Panji Poyon", "TJK"), symmetric=True)
g.add("042", A("Chinese security officials", "CHN", "GOV"), A("Tajikistan", "TJK", "GOV"), "team arrives in Dushanbe to help with the investigation",
      "2025-12-04", "A team of Chinese security officials will arrive in Dushanbe on Thursday", status="scheduled",
      loc=L("Dushanbe", "TJK"), symmetric=True, uncertain=True)
# background
g.add("054", A("Russia", "RUS", "GOV"), TAL, "formally recognise the Taliban government",
      R("2025-07-01", "2025-07-31"), "Russia became the first country to formally recognise the Taliban government in July", prec="month", background=True)
g.add("180", A("Islamic State", "AFG", "INS"), A("Chinese citizens", "CHN", "CVL", alt="AFG"), "attack a Kabul hotel popular with Chinese businessmen, wounding five Chinese citizens",
      R("2022-12-01", "2022-12-31"), "although an attack on a Kabul hotel popular with Chinese businessmen", prec="month",
      loc=L("Kabul", "AFG"), qty=[Q(5, "wounded")], background=True,
      notes="Actor from the claim in the next sentence.")
g.add("015", A("Islamic State", "AFG", "INS"), A("Afghanistan", "AFG", "GOV", alt="CHN"), "claim responsibility for the Kabul hotel attack",
      R("2022-12-01", "2022-12-31"), "Islamic State claimed responsibility for that attack.", prec="month", background=True,
      notes="Claim of responsibility: 015 with the state as target (batch-9 convention 12).")
g.write()
