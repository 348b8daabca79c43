#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("venezuela-us-prisoner-swap-cecot")
VEN = A("Venezuelan government", "VEN", "GOV")
USA = A("United States", "USA", "GOV")
SLV = A("Nayib Bukele's government", "SLV", "GOV")
BUKELE = A("Nayib Bukele", "SLV", "GOV")
MIGR = A("Venezuelan migrants held in CECOT", "VEN", "CVL")
LEDE = "Venezuela released 10 U.S. citizens and permanent residents on Friday"

g.add("0841", VEN, USA, "release 10 U.S. citizens and permanent residents",
      "2025-07-18", LEDE, loc=L("Maiquetía", "VEN"), qty=[Q(10, "U.S. citizens and permanent residents")], group="g-swap",
      notes="One 0841 per direction, grouped (CONVENTIONS 3). Departure airport from the next sentence.")
g.add("0841", A("El Salvador", "SLV", "GOV", alt="USA"), VEN, "hand over 252 Venezuelan migrants held in CECOT",
      "2025-07-18", LEDE, qty=[Q(252, "Venezuelan migrants")], group="g-swap",
      notes="El Salvador held them on the United States' behalf: alt USA. Bukele's post on X describes the same handover (CONVENTIONS 1).")
g.add("051", A("Marco Rubio", "USA", "GOV"), BUKELE, "thank Bukele for helping to secure the arrangement",
      R("2025-07-18", "2025-07-19"), "He thanked Bukele for", notes="Undated reaction to the dated swap: {event date, publication} (CONVENTIONS 7).")
g.add("0353", VEN, A("Venezuelan political prisoners", "VEN", "OPP", alt="USA"), "agree to free a substantial number of political prisoners",
      R(None, "2025-07-19"), "He thanked Bukele for", 
      notes="Agreement already reached on a future step: 0353, occurred (CONVENTIONS 9); 'had agreed': {null, publication} (CONVENTIONS 7).")
g.add("0841", VEN, A("Venezuelan political prisoners", "VEN", "OPP"), "release at least 80 political prisoners",
      R("2025-07-18", "2025-07-19"), "said on Saturday that at least 80 political prisoners", qty=[Q(80, "political prisoners")],
      notes="'since Friday night' as reported on Saturday.")
g.add("112", A("Nicolás Maduro", "VEN", "GOV"), USA, "say the migrants had been 'kidnapped' by the United States",
      "2025-07-18", "President Nicolás Maduro, speaking on state television on Friday night")
g.add("1122", A("Diosdado Cabello", "VEN", "GOV"), BUKELE, "accuse El Salvador of beating and sexually abusing the returnees and say Venezuela will hold Bukele responsible",
      "2025-07-19", "Cabello told a news conference in Caracas on Saturday", loc=L("Caracas", "VEN"))
g.add("092", A("Tarek William Saab", "VEN", "JUD"), BUKELE, "open a criminal investigation into Bukele, his justice minister and the CECOT director",
      R(None, "2025-07-19"), "Attorney General Tarek William Saab announced on Saturday", uncertain=True,
      notes="'announced on Saturday that his office had opened': batch-9 convention 14. 091 defensible.")
g.add("051", A("María Corina Machado", "VEN", "OPP"), VEN, "welcome the release of the political prisoners",
      R("2025-07-18", "2025-07-19"), "Opposition leader María Corina Machado, who remains in hiding",
      notes="Undated reaction to a dated event (CONVENTIONS 7).")
g.add("112", A("María Corina Machado", "VEN", "OPP"), VEN, "accuse the government of keeping hostages to trade them",
      R("2025-07-18", "2025-07-19"), "Opposition leader María Corina Machado, who remains in hiding",
      notes="Separate unit from the welcome (batch-9 convention 9).")
g.add("141", A("Relatives of political prisoners", "VEN", "CVL"), A("SEBIN", "VEN", "SPY"), "gather outside SEBIN headquarters demanding news of detainees",
      "2025-07-19", "Relatives of those still detained gathered outside", loc=L("Caracas", "VEN"))
# background
g.add("174", USA, MIGR, "deport 252 Venezuelans to El Salvador's CECOT prison",
      R("2025-03-15", "2025-03-16"), "The 252 men were flown to El Salvador on March 15 and 16", loc=None, background=True,
      notes="Also summarised in the lede ('whom the United States had deported ... in March'). Target alt none: the men, not El Salvador.")
g.add("112", A("Trump administration", "USA", "GOV"), MIGR, "accuse the migrants of belonging to Tren de Aragua",
      R("2025-03-01", "2025-03-31"), "The men had spent four months in El Salvador's Terrorism Confinement Center", prec="month", background=True)
g.add("173", VEN, A("Mark Delaney", "USA", "CVL"), "arrest a U.S. contractor near the Colombian border",
      R("2024-01-01", "2024-12-31"), "Among them was Mark Delaney", prec="year", background=True)
g.add("1125", VEN, A("Mark Delaney", "USA", "CVL"), "accuse him of espionage",
      R("2024-01-01", "2024-12-31"), "Among them was Mark Delaney", prec="year", background=True,
      notes="Undated; taken as contemporaneous with the arrest.")
g.add("042", A("Richard Grenell", "USA", "GOV"), A("Nicolás Maduro", "VEN", "GOV"), "visit Caracas and meet Maduro at Miraflores",
      R("2025-01-01", "2025-01-31"), "In January, Trump's special envoy Richard Grenell met Maduro", prec="month",
      loc=L("Caracas", "VEN"), symmetric=True, uncertain=True, background=True)
g.add("0841", VEN, USA, "release six Americans who flew home with Grenell",
      R("2025-01-01", "2025-01-31"), "In January, Trump's special envoy Richard Grenell met Maduro", prec="month",
      qty=[Q(6, "Americans")], background=True)
g.add("0841", VEN, A("U.S. Air Force veteran", "USA", "CVL"), "free a U.S. Air Force veteran",
      R("2025-05-01", "2025-05-31"), "A U.S. Air Force veteran was freed in May", prec="month", background=True)
g.write()
