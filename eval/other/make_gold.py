import json, sys, os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold")
def A(name, country, role=None, alt=None):
    a = {"name": name, "country": country, "role": role}
    if alt: a["country_alt"] = alt
    return a
def L(name, country): return {"name": name, "country": country}
def write(stem, rows):
    with open(os.path.join(OUT, stem + ".jsonl"), "w") as f:
        for i, r in enumerate(rows, 1):
            (src, tgt, action, cameo, date, status, ev) = r[:7]
            extra = r[7] if len(r) > 7 else {}
            prec = "unknown" if date is None else ("day" if isinstance(date, str) else extra.pop("prec", "range"))
            e = {"event_id": f"{stem}#{i:02d}", "source_actor": src, "target_actor": tgt, "action": action,
                 "cameo": cameo, "cameo_root": cameo[:2], "date": date, "date_precision": prec,
                 "location": extra.pop("loc", None), "quantities": extra.pop("q", []), "status": status,
                 "evidence": ev}
            e.update(extra)
            f.write(json.dumps(e, ensure_ascii=False) + "\n")

HAMAS = A("Hamas", "PSE", "REB"); ISR = A("Israel", "ISR", "GOV"); PSE = A("Palestinians", "PSE")
write("gaza-hostages-prisoners-exchange", [
 (HAMAS, A("Israel", "ISR", "GOV", ["IRC"]), "release three Israeli hostages to the Red Cross", "0841", "2025-02-08", "occurred",
  "Hamas released three Israeli hostages in Deir al-Balah on Saturday under the Gaza ceasefire agreement, handing them over to the International Committee of the Red Cross.",
  {"loc": L("Deir al-Balah", "PSE"), "q": [{"value": 3, "unit": "hostages"}]}),
 (ISR, PSE, "free 183 Palestinian prisoners", "0841", "2025-02-08", "occurred",
  "Hours later, Israel freed 183 Palestinian prisoners from Ofer prison in the occupied West Bank, the Palestinian Prisoners' Society said.",
  {"q": [{"value": 183, "unit": "prisoners"}]}),
 (ISR, PSE, "truce in force since January 19", "0871", {"start": "2025-01-19", "end": None}, "ongoing",
  "The exchange was the fifth since the truce took effect on January 19.", {"symmetric": True, "group": "g-truce"}),
 (A("Qatar", "QAT", "GOV"), ISR, "broker the ceasefire", "045", None, "occurred",
  "Qatar and Egypt, which brokered the ceasefire together with the United States, said negotiations on the second phase of the deal would begin in Doha next week.", {"group": "g-brokers", "background": True}),
 (A("Qatar", "QAT", "GOV"), PSE, "broker the ceasefire", "045", None, "occurred",
  "Qatar and Egypt, which brokered the ceasefire together with the United States, said negotiations on the second phase of the deal would begin in Doha next week.", {"group": "g-brokers", "background": True}),
 (A("Egypt", "EGY", "GOV"), ISR, "broker the ceasefire", "045", None, "occurred",
  "Qatar and Egypt, which brokered the ceasefire together with the United States, said negotiations on the second phase of the deal would begin in Doha next week.", {"group": "g-brokers", "background": True}),
 (A("Egypt", "EGY", "GOV"), PSE, "broker the ceasefire", "045", None, "occurred",
  "Qatar and Egypt, which brokered the ceasefire together with the United States, said negotiations on the second phase of the deal would begin in Doha next week.", {"group": "g-brokers", "background": True}),
 (ISR, HAMAS, "second-phase negotiations to begin in Doha next week", "046", {"start": "2025-02-09", "end": "2025-02-15"}, "scheduled",
  "Qatar and Egypt, which brokered the ceasefire together with the United States, said negotiations on the second phase of the deal would begin in Doha next week.", {"symmetric": True, "loc": L("Doha", "QAT")}),
 (A("Benjamin Netanyahu", "ISR", "GOV"), A("Egypt", "EGY", "GOV"), "delegation to hold talks with Egyptian mediators in Cairo on Monday", "046", "2025-02-10", "scheduled",
  "Israeli Prime Minister Benjamin Netanyahu said he had ordered a delegation to travel to Cairo on Monday for talks with Egyptian mediators.", {"symmetric": True, "loc": L("Cairo", "EGY")}),
 (HAMAS, ISR, "accuse Israel of delaying tents and fuel", "112", "2025-02-08", "occurred",
  "Hamas accused Israel of delaying the delivery of tents and fuel to Gaza in violation of the agreement."),
 (A("Israeli forces", "ISR", "MIL"), PSE, "open fire on a crowd in Nuseirat, killing two", "190", "2025-02-06", "occurred",
  "Israeli forces opened fire on a crowd in the Nuseirat camp on Thursday, killing two Palestinians, the Gaza health ministry said.", {"loc": L("Nuseirat", "PSE"), "q": [{"value": 2, "unit": "killed"}]}),
 (A("United Nations", "UNO", "IGO"), ISR, "call on both sides to preserve the ceasefire", "0256", "2025-02-08", "occurred",
  "The United Nations called on both sides to preserve the ceasefire and to allow aid convoys to enter Gaza without obstruction.", {"group": "g-un", "cameo_uncertain": True}),
 (A("United Nations", "UNO", "IGO"), PSE, "call on both sides to preserve the ceasefire", "0256", "2025-02-08", "occurred",
  "The United Nations called on both sides to preserve the ceasefire and to allow aid convoys to enter Gaza without obstruction.", {"group": "g-un", "cameo_uncertain": True}),
 (ISR, PSE, "first phase of the truce due to end on March 1", "0871", {"start": None, "end": "2025-03-01"}, "ongoing",
  "The first phase of the truce is due to end on March 1, and the hostages still held in Gaza are to be freed in a second phase.", {"symmetric": True, "group": "g-truce"}),
])

RSF = A("Rapid Support Forces", "SDN", "REB"); SDN = A("Sudan", "SDN", "GOV"); SDNMIL = A("Sudanese army", "SDN", "MIL")
write("sudan-port-sudan-drones", [
 (RSF, SDN, "drone strikes on fuel depots and airport in Port Sudan", "195", "2025-05-06", "occurred",
  "Drones launched by the paramilitary Rapid Support Forces struck fuel depots and the main airport in Port Sudan on Tuesday, the army said, the third consecutive day of attacks on the city that has served as the seat of Sudan's army-aligned government.",
  {"loc": L("Port Sudan", "SDN")}),
 (SDN, A("United Arab Emirates", "ARE", "GOV"), "cut diplomatic ties with the UAE", "161", "2025-05-06", "occurred",
  "Sudan's government cut diplomatic ties with the United Arab Emirates on Tuesday, accusing it of supplying the RSF with the drones used in the attacks."),
 (SDN, A("United Arab Emirates", "ARE", "GOV"), "accuse the UAE of supplying drones to the RSF", "112", "2025-05-06", "occurred",
  "Sudan's government cut diplomatic ties with the United Arab Emirates on Tuesday, accusing it of supplying the RSF with the drones used in the attacks."),
 (A("Abdel Fattah al-Burhan", "SDN", "MIL"), RSF, "reject calls for new talks with the RSF", "125", "2025-05-06", "rejected",
  "Army chief Abdel Fattah al-Burhan rejected calls for a new round of talks with the RSF, saying there would be no negotiations while the group occupied civilian homes."),
 (SDNMIL, RSF, "Jeddah talks (collapsed)", "046", {"start": "2023-01-01", "end": "2023-12-31"}, "occurred",
  "Talks between the two sides in the Saudi city of Jeddah collapsed in 2023.", {"symmetric": True, "background": True, "prec": "year", "loc": L("Jeddah", "SAU")}),
 (A("Saudi Arabia", "SAU", "GOV"), SDN, "urge both sides to return to negotiations", "02", "2025-05-06", "occurred",
  "Saudi Arabia and the United States, which mediated the Jeddah talks, urged both sides to return to negotiations.", {"group": "g-urge", "cameo_uncertain": True}),
 (A("United States", "USA", "GOV"), SDN, "urge both sides to return to negotiations", "02", "2025-05-06", "occurred",
  "Saudi Arabia and the United States, which mediated the Jeddah talks, urged both sides to return to negotiations.", {"group": "g-urge", "cameo_uncertain": True}),
 (A("Saudi Arabia", "SAU", "GOV"), SDN, "mediated the Jeddah talks", "045", None, "occurred",
  "Saudi Arabia and the United States, which mediated the Jeddah talks, urged both sides to return to negotiations.", {"group": "g-jeddah-med", "background": True}),
 (A("United States", "USA", "GOV"), SDN, "mediated the Jeddah talks", "045", None, "occurred",
  "Saudi Arabia and the United States, which mediated the Jeddah talks, urged both sides to return to negotiations.", {"group": "g-jeddah-med", "background": True}),
 (RSF, A("Sudan", "SDN"), "shell the Abu Shouk camp, killing 12 civilians", "194", "2025-05-05", "occurred",
  "Meanwhile, the RSF shelled the Abu Shouk displacement camp near El Fasher on Monday, killing at least 12 civilians, according to local activists.",
  {"loc": L("Abu Shouk", "SDN"), "q": [{"value": 12, "unit": "civilians"}], "cameo_uncertain": True}),
 (A("World Food Programme", "UNO", "IGO", ["WFP"]), A("Sudan", "SDN"), "deliver food aid to 50,000 people in El Fasher", "073", {"start": "2025-04-27", "end": "2025-05-03"}, "occurred",
  "The World Food Programme said it had delivered food aid to 50,000 people in the besieged city of El Fasher last week, its first convoy since February.",
  {"loc": L("El Fasher", "SDN"), "q": [{"value": 50000, "unit": "people"}], "prec": "week"}),
])

COD = A("Democratic Republic of Congo", "COD", "GOV"); RWA = A("Rwanda", "RWA", "GOV"); M23 = A("M23", "COD", "REB")
write("congo-rwanda-peace-deal", [
 (COD, RWA, "sign a peace agreement in Washington", "057", "2025-06-27", "occurred",
  "The foreign ministers of the Democratic Republic of Congo and Rwanda signed a peace agreement in Washington on Friday, in a deal brokered by the United States and Qatar to end fighting in eastern Congo.",
  {"symmetric": True, "loc": L("Washington", "USA")}),
 (A("United States", "USA", "GOV"), COD, "broker the deal", "045", "2025-06-27", "occurred",
  "The foreign ministers of the Democratic Republic of Congo and Rwanda signed a peace agreement in Washington on Friday, in a deal brokered by the United States and Qatar to end fighting in eastern Congo.", {"group": "g-brokers"}),
 (A("United States", "USA", "GOV"), RWA, "broker the deal", "045", "2025-06-27", "occurred",
  "The foreign ministers of the Democratic Republic of Congo and Rwanda signed a peace agreement in Washington on Friday, in a deal brokered by the United States and Qatar to end fighting in eastern Congo.", {"group": "g-brokers"}),
 (A("Qatar", "QAT", "GOV"), COD, "broker the deal", "045", "2025-06-27", "occurred",
  "The foreign ministers of the Democratic Republic of Congo and Rwanda signed a peace agreement in Washington on Friday, in a deal brokered by the United States and Qatar to end fighting in eastern Congo.", {"group": "g-brokers"}),
 (A("Qatar", "QAT", "GOV"), RWA, "broker the deal", "045", "2025-06-27", "occurred",
  "The foreign ministers of the Democratic Republic of Congo and Rwanda signed a peace agreement in Washington on Friday, in a deal brokered by the United States and Qatar to end fighting in eastern Congo.", {"group": "g-brokers"}),
 (RWA, COD, "commit to withdraw troops within 90 days", "0356", "2025-06-27", "occurred",
  "Under the agreement, Rwanda committed to withdraw its troops from Congolese territory within 90 days.", {"cameo_uncertain": True}),
 (A("Felix Tshisekedi", "COD", "GOV"), A("Paul Kagame", "RWA", "GOV"), "meeting in Washington next month", "046", {"start": "2025-07-01", "end": "2025-07-31"}, "scheduled",
  "Congolese President Felix Tshisekedi is expected to meet Rwandan President Paul Kagame in Washington next month to seal the deal.", {"symmetric": True, "loc": L("Washington", "USA"), "prec": "month"}),
 (M23, A("Democratic Republic of Congo", "COD"), "seized Goma and Bukavu", "19", {"start": "2025-01-01", "end": "2025-06-28"}, "occurred",
  "The M23 rebels, who seized the cities of Goma and Bukavu earlier this year, are not party to the agreement.", {"background": True, "cameo_uncertain": True}),
 (M23, COD, "separate talks in Doha", "046", None, "ongoing",
  "The M23 and the Congolese government are holding separate talks in Doha, mediated by Qatar.", {"symmetric": True, "loc": L("Doha", "QAT")}),
 (A("Qatar", "QAT", "GOV"), M23, "mediate the Doha talks", "045", None, "ongoing",
  "The M23 and the Congolese government are holding separate talks in Doha, mediated by Qatar.", {"group": "g-doha-med"}),
 (A("Qatar", "QAT", "GOV"), COD, "mediate the Doha talks", "045", None, "ongoing",
  "The M23 and the Congolese government are holding separate talks in Doha, mediated by Qatar.", {"group": "g-doha-med"}),
 (A("Lawrence Kanyuka", "COD", "REB"), A("Congolese army", "COD", "MIL"), "accuse the army of bombing rebel positions", "112", {"start": "2025-06-26", "end": "2025-06-28"}, "occurred",
  "M23 spokesman Lawrence Kanyuka accused the Congolese army of bombing rebel positions in South Kivu on Thursday, in violation of an earlier truce."),
])

HOU = A("Houthis", "YEM", "REB")
write("red-sea-houthi-ships", [
 (HOU, A("Eternity C (Liberia)", "LBR"), "sink the Eternity C in the Red Sea", "190", {"start": "2025-07-07", "end": "2025-07-09"}, "occurred",
  "Yemen's Houthi rebels said on Wednesday they had sunk the Liberian-flagged bulk carrier Eternity C in the Red Sea, the second commercial vessel the group has destroyed this week.",
  {"group": "g-eternity", "loc": L("Red Sea", None)}),
 (HOU, A("Magic Seas (Liberia)", "LBR"), "attack the Magic Seas", "190", "2025-07-06", "occurred",
  "On Sunday, the group attacked the Magic Seas, another Liberian-flagged ship, forcing its crew to abandon the vessel."),
 (A("United States", "USA", "GOV"), HOU, "condemn the attacks", "111", "2025-07-09", "occurred",
  "The United States condemned the attacks on Wednesday and said it would hold the Houthis responsible."),
 (A("Israel", "ISR", "MIL"), A("Yemen (Houthi-held ports)", "YEM"), "strike Hodeidah, Ras Isa and Salif", "195", "2025-07-07", "occurred",
  "Israel struck the Houthi-held ports of Hodeidah, Ras Isa and Salif on Monday, saying they were used to transfer Iranian weapons.", {"loc": L("Hodeidah", "YEM"), "cameo_uncertain": True}),
 (HOU, A("Israel", "ISR"), "fire two ballistic missiles at Israel", "195", "2025-07-08", "occurred",
  "The Houthis fired two ballistic missiles at Israel on Tuesday in response, the Israeli military said, adding that both were intercepted.", {"q": [{"value": 2, "unit": "missiles"}]}),
 (A("Oman", "OMN", "GOV"), A("United States", "USA", "GOV"), "mediated a US-Houthi truce in May", "045", {"start": "2025-05-01", "end": "2025-05-31"}, "occurred",
  "Oman, which mediated a truce between the United States and the Houthis in May, called for restraint.", {"group": "g-oman", "background": True, "prec": "month"}),
 (A("Oman", "OMN", "GOV"), HOU, "mediated a US-Houthi truce in May", "045", {"start": "2025-05-01", "end": "2025-05-31"}, "occurred",
  "Oman, which mediated a truce between the United States and the Houthis in May, called for restraint.", {"group": "g-oman", "background": True, "prec": "month"}),
 (A("United States", "USA", "GOV"), HOU, "US-Houthi truce of May", "0871", {"start": "2025-05-01", "end": None}, "ongoing",
  "Oman, which mediated a truce between the United States and the Houthis in May, called for restraint.", {"symmetric": True, "background": True}),
])

TAL = A("Taliban", "AFG", "REB")
write("nypost-taliban-hostage-swap", [
 (TAL, A("United States", "USA", None, ["AUS"]), "release an American and an Australian hostage in a prisoner swap", "0841", "2019-11-19", "occurred",
  "Two hostages — an American and an Australian — who had been held by the Taliban in Afghanistan since 2016 were released Tuesday in a prisoner swap for three high-ranking insurgents.", {"group": "g-hostages"}),
 (TAL, A("United States", "USA", "MIL", ["AUS"]), "hand the hostages over to US forces in Zabul", "0841", "2019-11-19", "occurred",
  "American Kevin King and Australian Timothy Weeks, both professors at the American University of Kabul, were handed over to US forces in the country’s southern Zabul province, an insurgent source told Agence France-Presse.", {"group": "g-hostages", "loc": L("Zabul", "AFG")}),
 (A("Afghan government", "AFG", "GOV"), TAL, "free three Taliban prisoners and send them to Qatar", "0841", "2019-11-19", "occurred",
  "Their release came hours after the Afghan government freed three Taliban prisoners and sent them to Qatar.", {"group": "g-prisoners"}),
 (A("Afghan government", "AFG", "GOV"), TAL, "Taliban members released in Doha", "0841", "2019-11-19", "occurred",
  "The Taliban members were released in Doha, Qatar, where the group maintains a political office, according to a Taliban representative.", {"group": "g-prisoners", "loc": L("Doha", "QAT")}),
 (A("Ashraf Ghani", "AFG", "GOV"), TAL, "announce the potential exchange", "0353", {"start": "2019-11-11", "end": "2019-11-17"}, "proposed",
  "When Afghan President Ashraf Ghani first announced the potential exchange last week, he said Kabul had ensured that the freed militants would not return to the front line.", {"prec": "week"}),
 (TAL, A("Afghan government", "AFG", "GOV"), "long refused to negotiate with Kabul", "125", None, "rejected",
  "He also said he hoped the swap would “pave the way” for unofficial direct talks between his government and the Taliban, who have long refused to negotiate peace with Kabul.", {"background": True}),
 (A("United States", "USA", "GOV"), TAL, "direct US-Taliban talks", "046", None, "occurred",
  "Washington and the Taliban had been holding direct talks pursuing an agreement for US troops to begin leaving Afghanistan.", {"symmetric": True, "background": True}),
 (A("Donald Trump", "USA", "GOV"), TAL, "scuttle the talks in September", "12", {"start": "2019-09-01", "end": "2019-09-30"}, "occurred",
  "They were on the verge of a deal when President Trump scuttled the talks in September, citing Taliban violence.", {"background": True, "cameo_uncertain": True, "prec": "month"}),
])

write("aljazeera-afghanistan-helicopter", [
 (TAL, None, "claim responsibility for shooting down the helicopter", "015", "2019-11-20", "occurred",
  "The Afghan Taliban, however, claimed responsibility for shooting down the helicopter, which it said crashed in Logar province south of the capital Kabul."),
 (TAL, A("United States", "USA", None, ["AUS"]), "swap two Western hostages for three commanders", "0841", "2019-11-19", "occurred",
  "The crash comes a day after the Taliban swapped two Western hostages for three of its commanders held by the Afghan government, raising hopes of a thaw in relations between the armed group and coalition forces."),
 (A("Afghan government", "AFG", "GOV"), TAL, "release three Taliban commanders in the swap", "0841", "2019-11-19", "occurred",
  "The crash comes a day after the Taliban swapped two Western hostages for three of its commanders held by the Afghan government, raising hopes of a thaw in relations between the armed group and coalition forces."),
 (A("United States", "USA", "GOV"), A("Afghanistan", "AFG"), "invade Afghanistan in 2001", "19", {"start": "2001-10-07", "end": "2001-12-31"}, "occurred",
  "Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country in the wake of the September 11, 2001 attacks.", {"background": True, "cameo_uncertain": True}),
])
