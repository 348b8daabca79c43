from gold_lib import Gold, A, L, Q, R
g = Gold("jpn-chn-senkaku-coast-guard")
JPN = A("Japan", "JPN", "GOV"); CHN = A("China", "CHN", "GOV")
CCG = A("China Coast Guard", "CHN", "MIL"); JCG = A("Japan Coast Guard", "JPN", "COP")
SEN = L("Senkaku Islands", "JPN")
g.add("150", CCG, JPN, "sail four ships into Japanese territorial waters around the Senkakus for two days",
      R("2026-07-06", "2026-07-07"), ("Four Chinese coast guard ships sailed into Japanese territorial waters", "the Japan Coast Guard said."),
      loc=SEN, qty=[Q(4, "coast guard ships")], uncertain=True,
      notes="Show of force by state vessels in contested waters; location country as administered (JPN).")
g.add("105", JCG, CCG, "order the Chinese ships to leave the waters", R("2026-07-06", "2026-07-07"),
      ("Japanese patrol vessels repeatedly radioed the Chinese ships", "in Naha said."), loc=SEN, uncertain=True,
      notes="'repeatedly' within the one incursion, not habitual.")
FUN = A("Takehiro Funakoshi", "JPN", "GOV"); WU = A("Wu Jianghao", "CHN", "GOV")
g.add("114", FUN, WU, "summon the Chinese ambassador to lodge a strong protest", "2026-07-07",
      ("Vice Foreign Minister Takehiro Funakoshi summoned Chinese Ambassador Wu Jianghao", "foreign ministry said."),
      group="g-funakoshi", uncertain=True, notes="Summons to protest: 114 (root 11); 111 equally defensible.")
g.add("100", FUN, WU, "demand that China prevent a recurrence", "2026-07-07",
      ("Vice Foreign Minister Takehiro Funakoshi summoned Chinese Ambassador Wu Jianghao", "foreign ministry said."),
      group="g-funakoshi", uncertain=True, notes="Second coding of the same summons (CONVENTIONS 2).")
g.add("114", A("Sun Weidong", "CHN", "GOV"), A("Kenji Kanasugi", "JPN", "GOV"),
      "summon the Japanese ambassador to protest 'harassment' of Chinese ships", "2026-07-07",
      ("Vice Foreign Minister Sun Weidong summoned Japanese Ambassador Kenji Kanasugi", "by the Japanese coast guard."),
      uncertain=True, notes="'the same evening' = Tuesday.")
g.add("120", A("Mao Ning", "CHN", "GOV"), JPN, "say Beijing rejected Japan's representations", "2026-07-08",
      ("At a regular briefing in Beijing on Wednesday", "so-called representations.\""), loc=L("Beijing", "CHN"),
      status="rejected")
g.add("173", A("Chinese state security authorities", "CHN", "SPY"), A("Japanese trading-company employee", "JPN", "BUS"),
      "detain a Japanese employee on suspicion of espionage", R("2026-06-29", "2026-07-05"),
      ("In a separate case, Chief Cabinet Secretary Minoru Kihara said on Tuesday", "on suspicion of espionage."),
      loc=L("Beijing", "CHN"), prec="week", qty=[Q(1, "person detained")])
g.add("1053", A("Minoru Kihara", "JPN", "GOV"), CHN, "demand the detained man's early release", "2026-07-07",
      ("Kihara demanded the man's early release", "consular access."))
KOI = A("Shinjiro Koizumi", "JPN", "GOV"); PAP = A("Samuel Paparo", "USA", "MIL")
g.add("043", KOI, PAP, "meet the U.S. Indo-Pacific commander in Tokyo", "2026-07-06",
      ("Defence Minister Shinjiro Koizumi met Admiral Samuel Paparo", "in Tokyo on Monday."),
      loc=L("Tokyo", "JPN"), symmetric=True, uncertain=True)
g.add("0312", KOI, PAP, "agree to expand joint surveillance around the southwestern islands", "2026-07-06",
      ("The two agreed to expand joint surveillance", "defence ministry said."), loc=L("Tokyo", "JPN"), symmetric=True,
      notes="Agreement on a future step: 03x occurred (CONVENTIONS 9).")
g.add("036", JPN, A("Wang Yi", "CHN", "GOV"), "propose a Motegi-Wang meeting at the ASEAN Regional Forum in Manila",
      R(None, "2026-07-08"), ("Japan has proposed that Foreign Minister Toshimitsu Motegi", "in Manila next week."),
      loc=L("Manila", "PHL"), status="proposed", prec="unknown",
      notes="Proposal dated by when it was made (unknown); location = proposed venue. 'have not responded' is negated.")
g.add("0334", A("George Glass", "USA", "GOV"), JPN, "say the U.S. defence commitment under Article 5 applies to the Senkakus",
      "2026-07-07", ("U.S. Ambassador to Japan George Glass said on Tuesday", "applies fully to the Senkakus.\""),
      uncertain=True, notes="Commitment to defend: 0334; 052 defensible.")
TWN = A("Taiwan foreign ministry", "TWN", "GOV")
for tgt in (JPN, CHN):
    g.add("0256", TWN, tgt, "urge Tokyo and Beijing to exercise restraint", "2026-07-07",
          ("Taiwan's foreign ministry, which also claims the islands, urged", "to exercise restraint."), group="g-twn-restraint")
g.add("163", CHN, JPN, "advise Chinese citizens against travelling to Japan", R("2025-11-01", "2025-11-30"),
      ("Relations between the two countries have been strained since", "against travelling to Japan."),
      prec="month", background=True, uncertain=True)
g.add("173", JPN, A("Chinese trawler captain", "CHN", "CVL"), "arrest a Chinese trawler captain near the islands",
      R("2010-01-01", "2010-12-31"), ("In 2010, Japan's arrest of a Chinese trawler captain", "between the two countries."),
      prec="year", background=True)
g.write()
