#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("guinea-bissau-coup-ecowas-suspension")
MIL = A("High Military Command for the Restoration of Order", "GNB", "MIL")
EMB = A("Umaro Sissoco Embaló", "GNB", "GOV")
GNB = A("Guinea-Bissau", "GNB", "GOV")
BISSAU = L("Bissau", "GNB")
ECOWAS = A("ECOWAS", "WAS", "IGO", alt="ECOWAS")
DIAS = A("Fernando Dias campaign", "GNB", "OPP")

g.add("173", MIL, EMB, "arrest President Embaló in his office at the presidential palace",
      "2025-11-26", "Embaló told a French news magazine by telephone", loc=BISSAU,
      notes="Also in the lede ('detained President Umaro Sissoco Embaló'); one record, the fuller sentence (CONVENTIONS 1). The coup itself is not coded (CONVENTIONS 16).")
g.add("0841", MIL, A("Umaro Sissoco Embaló", "GNB", "GOV", alt="SEN"), "allow Embaló to leave for Dakar on a plane chartered by Senegal",
      "2025-11-27", "He was allowed to leave the country on Thursday",
      notes="Release handed to a foreign government: alt SEN (batch-9 convention 3). Place of the handover not stated (CONVENTIONS 22).")
g.add("171", MIL, A("National Electoral Commission", "GNB", "GOV"), "occupy the electoral commission headquarters and seize tally sheets and servers",
      "2025-11-26", "Soldiers also occupied the headquarters of the National Electoral Commission", loc=BISSAU)
g.add("173", MIL, A("Domingos Simões Pereira", "GNB", "OPP"), "detain PAIGC leader Pereira at his home",
      "2025-11-26", "Domingos Simões Pereira, the leader of the PAIGC party", loc=BISSAU,
      notes="Source inferred: the soldiers who seized power (the sentence is passive).")
g.add("075", A("Nigeria", "NGA", "GOV"), A("Fernando Dias", "GNB", "OPP"), "grant Dias protection at the Nigerian embassy in Bissau",
      R(None, "2025-11-29"), "Nigeria's foreign ministry said on Friday it had granted", loc=BISSAU,
      notes="'said on Friday it had granted': batch-9 convention 14.")
g.add("112", DIAS, EMB, "accuse Embaló of staging the takeover to stop the count ('a simulated coup')",
      R("2025-11-26", "2025-11-29"), "Dias's campaign accused Embaló of staging the takeover",
      notes="Undated reaction to a dated event (CONVENTIONS 7). Coded with the denial; the alleged staging is not coded (CONVENTIONS 11).")
g.add("016", A("Spokesman for Embaló", "GNB", "GOV"), DIAS, "reject the accusation as absurd and insulting",
      "2025-11-28", "A spokesman for Embaló rejected the accusation on Friday")
g.add("161", ECOWAS, GNB, "suspend Guinea-Bissau from all ECOWAS decision-making bodies",
      "2025-11-27", "The Economic Community of West African States (ECOWAS) suspended Guinea-Bissau", uncertain=True,
      notes="Suspension from a regional organisation read as reducing relations (held10 convention 13); 163 defensible.")
g.add("1053", ECOWAS, MIL, "demand the immediate and unconditional release of all detained officials",
      "2025-11-27", "In the same communiqué, the bloc demanded",
      notes="Separate unit from the suspension in the same communiqué (batch-9 convention 9).")
g.add("042", A("ECOWAS heads of state mission", "WAS", "IGO", alt="ECOWAS"), MIL, "mission of heads of state to travel to Bissau to meet the military authorities",
      R("2025-11-30", None), "said a mission of heads of state would travel to Bissau", status="scheduled", loc=BISSAU,
      symmetric=True, uncertain=True, notes="'In the coming days' = {publication+1, null} (batch-9 convention 10).")
g.add("161", A("African Union Peace and Security Council", "AFU", "IGO"), GNB, "suspend Guinea-Bissau from all AU activities",
      "2025-11-28", "The African Union's Peace and Security Council followed on Friday", uncertain=True)
g.add("111", A("Mahmoud Ali Youssouf", "AFU", "IGO"), MIL, "condemn the unconstitutional change of government",
      "2025-11-26", "AU Commission chairman Mahmoud Ali Youssouf had condemned")
# background
g.add("190", A("National Guard", "GNB", "MIL"), A("Presidential guard", "GNB", "MIL"), "fighting in Bissau between the National Guard and the presidential guard",
      R("2023-12-01", "2023-12-31"), "In December 2023, fighting broke out in Bissau", prec="month", loc=BISSAU,
      symmetric=True, background=True)
g.add("112", EMB, A("Guinea-Bissau opposition", "GNB", "OPP"), "accuse his opponents of an attempted coup",
      R("2023-12-01", "2023-12-31"), "In December 2023, fighting broke out in Bissau", prec="month", background=True,
      notes="Dissolving parliament is not coded (not a concession, no outside target).")
g.add("1722", A("Supreme Court of Guinea-Bissau", "GNB", "JUD"), A("Domingos Simões Pereira", "GNB", "OPP"), "reject Pereira's presidential bid",
      R(None, "2025-11-29"), "Domingos Simões Pereira, the leader of the PAIGC party", background=True, uncertain=True,
      notes="Relative clause, undated ('had been rejected'), before the election: context, background.")
g.write()
