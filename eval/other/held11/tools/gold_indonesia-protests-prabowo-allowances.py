#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("indonesia-protests-prabowo-allowances")
PRABOWO = A("Prabowo Subianto", "IDN", "GOV")
PROT = A("Protesters (students and labour unions)", "IDN", "CVL")
DPR = A("House of Representatives (DPR)", "IDN", "LEG")
POLICE = A("Indonesian National Police", "IDN", "COP")
JKT = L("Jakarta", "IDN")

g.add("0832", PRABOWO, PROT, "announce that parties agreed to revoke lawmakers' allowances, including the housing allowance, and a moratorium on overseas visits",
      "2025-08-31", "President Prabowo Subianto said on Sunday that political parties had agreed", loc=JKT, uncertain=True,
      notes="Concession to protesters (held10 convention 4); the moratorium in the next sentence is part of the same announcement (CONVENTIONS 1). 081 defensible. His order to police and military is not coded (CONVENTIONS 15); the 'treason and terrorism' remark has no named target.")
g.add("1412", PROT, DPR, "protest outside parliament against lawmakers' allowances, spreading to other cities",
      R("2025-08-25", "2025-08-31"), "The protests began last Monday outside the parliament complex in Senayan", loc=JKT, uncertain=True,
      notes="'Last Monday' in a Monday report = 25 August; protests through the week.")
g.add("175", A("Police Mobile Brigade (Brimob)", "IDN", "COP"), A("Arif Setiawan", "IDN", "CVL"), "police armoured vehicle runs over a motorcycle taxi driver, who dies",
      "2025-08-28", "when an armoured vehicle of the police Mobile Brigade", loc=JKT, uncertain=True,
      notes="Also in the lede (CONVENTIONS 1). 180 defensible.")
g.add("055", A("Listyo Sigit Prabowo", "IDN", "COP"), A("Family of Arif Setiawan", "IDN", "CVL"), "apologise to the driver's family",
      "2025-08-29", "National Police chief General Listyo Sigit Prabowo apologised")
g.add("173", A("Propam (police internal affairs)", "IDN", "COP"), A("Seven Brimob officers", "IDN", "COP"), "detain the seven officers inside the vehicle",
      R(None, "2025-09-01"), "National Police chief General Listyo Sigit Prabowo apologised", qty=[Q(7, "officers")],
      notes="'said on Friday ... had been detained': batch-9 convention 14 ({null, publication}).")
g.add("018", PRABOWO, A("Family of Arif Setiawan", "IDN", "CVL"), "call the driver's death tragic",
      R("2025-08-28", "2025-09-01"), "The president, who is not related to the police chief", 
      notes="Empathetic comment, as the Taliban's 'deep regret' (new convention 9 of held11). Undated reaction to a dated event (CONVENTIONS 7). The investigation he ordered is an order to his own forces (CONVENTIONS 15).")
g.add("141", A("Motorcycle taxi drivers", "IDN", "CVL"), A("Police Mobile Brigade (Brimob)", "IDN", "COP"), "rally outside Brimob headquarters demanding prosecution of the officers",
      "2025-08-29", "Thousands of drivers in their companies' green jackets rallied", loc=L("Kwitang, Jakarta", "IDN"), group="g-kwitang",
      notes="The rally and the stone-throwing by some of its members are two codings of one gathering (CONVENTIONS 2).")
g.add("145", A("Motorcycle taxi drivers", "IDN", "CVL"), A("Police Mobile Brigade (Brimob)", "IDN", "COP"), "throw stones and firecrackers at the Brimob headquarters",
      "2025-08-29", "Thousands of drivers in their companies' green jackets rallied", loc=L("Kwitang, Jakarta", "IDN"), group="g-kwitang",
      uncertain=True)
g.add("145", A("Rioters in Makassar", "IDN", "CVL"), A("South Sulawesi regional legislative council", "IDN", "LEG"), "set fire to the regional legislative council building; three killed",
      "2025-08-29", "The unrest spread to Makassar on Friday night", loc=L("Makassar", "IDN"), qty=[Q(3, "killed")], uncertain=True,
      notes="1712 defensible (held10 convention 11: crowd violence 145).")
g.add("145", A("Crowds", "IDN", "CVL"), A("Ahmad Sahroni and two other legislators", "IDN", "LEG"), "ransack and loot lawmakers' homes",
      "2025-08-30", "Crowds on Saturday ransacked and looted the homes", loc=JKT, uncertain=True, notes="171 defensible.")
g.add("145", A("Crowd", "IDN", "CVL"), A("Sri Mulyani Indrawati", "IDN", "GOV"), "break into and loot the finance minister's house",
      "2025-08-31", "Early on Sunday, a group broke into the house", loc=L("South Tangerang", "IDN"), uncertain=True, notes="171 defensible.")
g.add("173", A("Jakarta police", "IDN", "COP"), PROT, "arrest 1,240 people since the protests began",
      R("2025-08-25", "2025-09-01"), "Jakarta police said on Monday they had arrested 1,240 people", loc=JKT, qty=[Q(1240, "people")])
g.add("0243", A("UN human rights office", "HCH", "IGO", alt="UNO"), A("Indonesian authorities", "IDN", "GOV"), "call on authorities to ensure security forces respect the rights to peaceful assembly and expression",
      "2025-09-01", "The UN human rights office on Monday called on Indonesian authorities")
g.add("141", A("All-Indonesia Student Executive Body (BEM SI)", "IDN", "EDU"), DPR, "hold a new rally outside parliament",
      "2025-09-02", "said it would hold a new rally outside the parliament on Tuesday", status="scheduled", loc=JKT)
# background
g.add("141", A("Students", "IDN", "EDU"), DPR, "protest against revisions to the military law",
      R("2025-03-01", "2025-03-31"), "In March, thousands protested outside the DPR", prec="month", loc=JKT, background=True)
g.write()
