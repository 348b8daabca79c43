#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("peru-jeri-lima-state-of-emergency")
JERI = A("José Jerí", "PER", "GOV")
GOV = A("Peruvian government", "PER", "GOV")
PROT = A("Protesters (Generation Z collective and student federations)", "PER", "CVL")
POL = A("Peruvian National Police", "PER", "COP")
LIMA = L("Lima", "PER")

g.add("1724", JERI, A("Residents of Lima and Callao", "PER", "CVL"), "declare a 30-day state of emergency in Lima and Callao",
      "2025-10-21", "declared a 30-day state of emergency in Lima", loc=LIMA,
      notes="Late on Tuesday; decree published before midnight.")
g.add("0343", A("Ernesto Álvarez", "PER", "GOV"), A("Protesters", "PER", "CVL"), "say peaceful protest will be respected under the emergency",
      "2025-10-22", "Prime Minister Ernesto Álvarez told reporters on Wednesday", status="proposed", uncertain=True,
      notes="Stated intention (CONVENTIONS 9). That the army will 'support, not replace' the police is an arrangement of his own forces, not coded.")
g.add("141", PROT, GOV, "march again in central Lima",
      "2025-10-23", "said they would march again in central Lima on Thursday", status="scheduled", loc=LIMA,
      notes="Planned day: Thursday after a Wednesday publication.")
g.add("111", A("Andrea Huamán (Generation Z collective)", "PER", "CVL"), GOV, "say the government is using crime as an excuse to silence the streets",
      "2025-10-22", "They are using crime as an excuse to silence the streets",
      notes="Undated statement in a report of the day (CONVENTIONS 7).")
g.add("1411", A("Protesters", "PER", "CVL"), JERI, "march demanding Jerí's resignation and the closure of Congress",
      "2025-10-15", "Thousands of people marched through the centre of the capital last Wednesday", loc=LIMA)
g.add("145", A("Protesters", "PER", "CVL"), POL, "throw stones and fireworks at police lines near Congress",
      "2025-10-15", "As night fell, groups of protesters threw stones", loc=LIMA, uncertain=True,
      notes="Police response with tear gas in the same sentence is part of the police-response unit g-oct15-police.")
g.add("175", POL, A("Protesters", "PER", "CVL"), "fire tear gas at protesters near Congress",
      "2025-10-15", "As night fell, groups of protesters threw stones", loc=LIMA, group="g-oct15-police",
      notes="One police response to the protest that night: tear gas and the fatal shot grouped (new convention 3 of held11).")
g.add("175", POL, A("Eduardo Ccahuana", "PER", "CVL"), "shoot dead a protester near Plaza Francia",
      "2025-10-15", "Eduardo Ccahuana, a 32-year-old hip-hop artist", loc=LIMA, group="g-oct15-police",
      notes="Agent from the next sentence (a police sub-officer fired the shot).")
g.add("015", A("Óscar Arriola", "PER", "COP"), A("Protesters", "PER", "CVL"), "acknowledge that a police sub-officer fired the fatal shot",
      "2025-10-17", "acknowledged on Friday that a police sub-officer had fired the shot",
      notes="Acknowledgement of responsibility (batch-9 convention 12).")
g.add("173", A("Prosecutors", "PER", "JUD"), A("Police sub-officer", "PER", "COP"), "detain the officer who fired the shot",
      "2025-10-17", "The officer was detained on Friday and, on Sunday", 
      notes="Arrest and court custody order are two days apart: separate units (batch-8 convention 10).")
g.add("173", A("Lima judge", "PER", "JUD"), A("Police sub-officer", "PER", "COP"), "order nine months of preventive custody for the officer",
      "2025-10-19", "The officer was detained on Friday and, on Sunday")
g.add("1231", JERI, A("Protesters", "PER", "CVL"), "rule out resigning",
      "2025-10-20", ('"I will not resign.', "at the Government Palace on Monday."), status="rejected", uncertain=True,
      notes="Refusal answering the protesters' demand (batch-9 convention 7). Dated from the attribution ('on Monday').")
g.add("0251", A("Josué Gutiérrez", "PER", "GOV"), GOV, "urge the government to lift the restrictions on assembly and keep the military out of crowd control",
      "2025-10-22", "urged the government on Wednesday to lift the restrictions", uncertain=True)
g.add("051", A("Transport unions", "PER", "LAB"), JERI, "welcome the emergency decree",
      R("2025-10-21", "2025-10-22"), "They have welcomed the emergency decree",
      notes="Undated reaction to a dated event (CONVENTIONS 7). Separate unit from the strike threat in the same sentence (batch-9 convention 9).")
g.add("133", A("Transport unions", "PER", "LAB"), GOV, "threaten to strike again if killings of drivers do not stop",
      "2025-10-21", "They have welcomed the emergency decree",
      notes="Conditional protest plan: 133, occurred (batch-9 convention 11).")
# background
g.add("143", A("Transport unions", "PER", "LAB"), GOV, "strike in Lima over extortion killings",
      "2025-10-06", "staged a strike in Lima on October 6", loc=LIMA, background=True)
g.add("175", A("Peruvian security forces", "PER", "MIL"), A("Protesters", "PER", "CVL"), "kill more than 50 people during protests after Castillo's removal",
      R("2022-12-01", "2023-01-31"), "More than 50 people were killed by security forces", prec="month", background=True)
g.write()
