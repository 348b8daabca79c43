from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("finland-tanker-cable-detention")
PUB = "2026-01-09"
fin = A("Finland", "FIN", "GOV")
rus = A("Russia", "RUS", "GOV")
ship = A("Aurora Crest", "COK", "BUS", alt="RUS")
crew = A("Aurora Crest crew members", "RUS", "CVL")
krp = A("National Bureau of Investigation (KRP)", "FIN", "COP")
zak = A("Maria Zakharova", "RUS", "GOV")
gof = L("Gulf of Finland", "FIN")

g.add("114", A("Russian Foreign Ministry", "RUS", "GOV"), fin, "summon Finland's ambassador to protest against the tanker detention",
      "2026-01-08", "Russia summoned Finland's ambassador in Moscow on Thursday", loc=L("Moscow", "RUS"),
      group="g-summons", uncertain=True, notes="Summons to protest: 114, 111 defensible (batch-8 convention 1).")
g.add("1053", A("Russian Foreign Ministry", "RUS", "GOV"), fin, "demand the immediate release of the crew and the tanker",
      "2026-01-08", "Russian officials demanded the immediate release", loc=L("Moscow", "RUS"), group="g-summons",
      notes="Demand made in the Thursday note of protest: grouped with the summons.")
g.add("171", A("Finnish Border Guard", "FIN", "COP"), ship, "board and detain the tanker, steer it to an anchorage off Porvoo",
      "2026-01-06", "The Finnish Border Guard boarded", loc=gof, uncertain=True,
      notes="Seizure of a vessel; 173 defensible. Border Guard coded as COP (interior ministry).")
g.add("173", krp, crew, "arrest the captain, first officer and chief engineer", "2026-01-07",
      "The National Bureau of Investigation (KRP) arrested", qty=[Q(3, "crew members")])
g.add("112", A("Risto Lohi", "FIN", "COP"), crew, "say investigators suspect the crew of aggravated criminal mischief and interference with telecommunications",
      R("2026-01-07", PUB), "Detective Chief Superintendent Risto Lohi told", uncertain=True,
      notes="Separately stated reason for the arrests: 112 uncertain (batch-8 convention 7). Undated, after the Wednesday arrests.")
g.add("112", A("Petteri Orpo", "FIN", "GOV"), rus, "accuse Russia's shadow fleet of threatening Finland's critical infrastructure",
      "2026-01-07", "Prime Minister Petteri Orpo said on Wednesday")
g.add("150", A("Russian navy", "RUS", "MIL"), A("Finnish Border Guard", "FIN", "COP"),
      "corvette approaches the EEZ edge and shadows the Border Guard escort vessel", "2026-01-07",
      "The Finnish Navy said a Russian corvette", loc=gof, uncertain=True)
g.add("111", zak, fin, "call the detention an act of state piracy", "2026-01-08", "Foreign Ministry spokeswoman Maria Zakharova on Thursday called",
      loc=L("Moscow", "RUS"))
g.add("016", zak, fin, "reject as absurd suggestions that Russia was behind the cable damage", "2026-01-08",
      "At the same briefing, Zakharova rejected", loc=L("Moscow", "RUS"),
      notes="Denial answering Orpo's accusation; the alleged sabotage itself is not coded (convention 11).")
g.add("1243", A("Elina Valtonen", "FIN", "GOV"), rus, "reject the Russian demand to release the crew and tanker", "2026-01-09",
      "Foreign Minister Elina Valtonen on Friday rejected", status="rejected", uncertain=True)
g.add("051", A("Kaja Kallas", "EEC", "IGO"), fin, "praise Finland's swift and decisive action", "2026-01-08",
      "EU foreign policy chief Kaja Kallas praised")
g.add("1312", A("Kaja Kallas", "EEC", "IGO"), A("Aurora Crest and its Dubai-registered manager", "ARE", "BUS", alt=["COK", "RUS"]),
      "say the Commission will propose adding the tanker and its manager to the shadow-fleet sanctions list", "2026-01-08",
      "Kallas also said the Commission would propose",
      notes="Proposal of a sanction not yet adopted: 1312, occurred (batch-8 convention 2). Same Thursday remarks.")
g.add("0334", A("NATO", "NAT", "IGO"), fin, "say it will send two more frigates to the Gulf of Finland under Baltic Sentry",
      "2026-01-08", "NATO said on Thursday it would send", status="proposed", loc=gof, qty=[Q(2, "frigates")],
      uncertain=True, notes="Stated intention (convention 9); 074 or 154 defensible.")
g.add("041", A("Alexander Stubb", "FIN", "GOV"), A("Alar Karis", "EST", "GOV"), "telephone call on Gulf of Finland security",
      "2026-01-08", "President Alexander Stubb spoke by telephone", symmetric=True)
g.add("091", A("Finnish Customs", "FIN", "GOV"), ship, "open an inquiry into whether the cargo breached EU sanctions",
      R(None, PUB), "Finnish customs have also opened", prec="unknown",
      notes="'have also opened': day not given.")
# background
g.add("171", fin, A("Eagle S", "COK", "BUS", alt="RUS"), "detain the shadow-fleet tanker Eagle S after the Estlink 2 cable was cut",
      R("2024-12-01", "2024-12-31"), "Finland detained another shadow fleet tanker", prec="month", background=True, uncertain=True)
g.write()
