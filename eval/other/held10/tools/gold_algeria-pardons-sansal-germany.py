from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("algeria-pardons-sansal-germany")
PUB = "2025-11-13"
TEB = A("Abdelmadjid Tebboune", "DZA", "GOV")
DZA = A("Algeria", "DZA", "GOV")
FRA = A("France", "FRA", "GOV")
SAN = A("Boualem Sansal", "DZA", "CVL", alt=["DEU", "FRA"])
STE = A("Frank-Walter Steinmeier", "DEU", "GOV")
MAC = A("Emmanuel Macron", "FRA", "GOV")

g.add("0841", TEB, SAN, "pardon Sansal and transfer him to Germany for medical care", "2025-11-12",
      "Tebboune granted the pardon on Wednesday", notes="Released to a foreign government: country_alt DEU "
      "(batch-9 convention 3) and FRA (his second nationality). The lede is the same unit.")
g.add("0253", STE, TEB, "ask Tebboune to pardon Sansal as a humanitarian gesture", "2025-11-10",
      "German President Frank-Walter Steinmeier had asked Tebboune on Monday",
      notes="The offer to have him treated in Germany is part of the same request.")
g.add("041", STE, TEB, "telephone call before the pardon", "2025-11-12",
      "The two presidents spoke by telephone on Wednesday afternoon", symmetric=True)
g.add("051", MAC, TEB, "thank Tebboune for 'a gesture of humanity'", R("2025-11-12", PUB),
      "In Paris, President Emmanuel Macron thanked Tebboune", group="g-macron-thanks")
g.add("051", MAC, STE, "thank Steinmeier for his 'precious help'", R("2025-11-12", PUB),
      "In Paris, President Emmanuel Macron thanked Tebboune", group="g-macron-thanks")
g.add("036", MAC, DZA, "say France is ready to resume a 'demanding and respectful' dialogue", R("2025-11-12", PUB),
      "Macron said France was ready to resume", status="proposed")
g.add("051", A("Friedrich Merz", "DEU", "GOV"), TEB, "welcome the pardon and thank Tebboune", "2025-11-12",
      "German Chancellor Friedrich Merz welcomed the pardon")
g.add("111", A("Ahmed Attaf", "DZA", "GOV"), FRA, "criticise a 'campaign of pressure and insults' waged from Paris",
      "2025-11-12", "Foreign Minister Ahmed Attaf told the state news agency APS")
g.add("0253", A("Jean-Noël Barrot", "FRA", "GOV"), DZA, "call on Algeria to free a jailed French sports journalist",
      PUB, "Foreign Minister Jean-Noël Barrot, speaking in a radio interview")
# background
g.add("116", A("Algerian court", "DZA", "JUD"), A("French sports journalist", "FRA", "MED"),
      "sentence a French journalist to seven years for 'glorifying terrorism'", R("2025-06-01", "2025-06-30"),
      "Foreign Minister Jean-Noël Barrot, speaking in a radio interview", prec="month", background=True)
g.add("173", DZA, SAN, "arrest Sansal at Algiers airport", R("2024-11-01", "2024-11-30"),
      "Sansal was arrested at Algiers airport", prec="month", loc=L("Algiers", "DZA"), background=True)
g.add("116", A("Dar El Beida court", "DZA", "JUD"), SAN, "sentence Sansal to five years for undermining national unity",
      R("2025-03-01", "2025-03-31"), "A court in Dar El Beida sentenced him in March", prec="month",
      loc=L("Dar El Beida", "DZA"), background=True)
g.add("116", A("Algerian appeals court", "DZA", "JUD"), SAN, "uphold Sansal's sentence on appeal",
      R("2025-07-01", "2025-07-31"), "A court in Dar El Beida sentenced him in March", prec="month", background=True)
g.add("051", FRA, A("Morocco", "MAR", "GOV"), "back Morocco's autonomy plan for Western Sahara",
      R("2024-07-01", "2024-07-31"), "His detention came months after France backed", prec="month", background=True)
g.add("161", DZA, FRA, "withdraw its ambassador from Paris", R("2024-07-01", "2024-07-31"),
      "His detention came months after France backed", prec="month", background=True, uncertain=True)
g.add("042", A("Jean-Noël Barrot", "FRA", "GOV"), TEB, "travel to Algiers and meet Tebboune", R("2025-04-01", "2025-04-30"),
      "Barrot travelled to Algiers in April", prec="month", loc=L("Algiers", "DZA"), symmetric=True, uncertain=True,
      background=True)
g.add("174", DZA, A("French embassy staff", "FRA", "GOV"), "expel 12 French embassy staff", R("2025-04-01", "2025-04-30"),
      "Algeria expelled 12 French embassy staff", prec="month", qty=[Q(12, "embassy staff")], uncertain=True,
      background=True, group="g-bg-dza-expels")
g.add("161", DZA, FRA, "expel 12 French embassy staff", R("2025-04-01", "2025-04-30"),
      "Algeria expelled 12 French embassy staff", prec="month", qty=[Q(12, "embassy staff")], uncertain=True,
      background=True, group="g-bg-dza-expels")
g.add("173", A("French investigators", "FRA", "JUD"), A("Algerian consular official", "DZA", "GOV"),
      "charge an Algerian consular official over a kidnapping", R("2025-04-01", "2025-04-30"),
      "Algeria expelled 12 French embassy staff", prec="month", background=True)
g.add("174", FRA, A("Algerian diplomats", "DZA", "GOV"), "expel 12 Algerian diplomats", R("2025-04-01", "2025-04-30"),
      "Algeria expelled 12 French embassy staff", prec="month", qty=[Q(12, "diplomats")], uncertain=True,
      background=True, group="g-bg-fra-expels")
g.add("161", FRA, DZA, "expel 12 Algerian diplomats", R("2025-04-01", "2025-04-30"),
      "Algeria expelled 12 French embassy staff", prec="month", qty=[Q(12, "diplomats")], uncertain=True,
      background=True, group="g-bg-fra-expels")
g.add("161", FRA, DZA, "recall its ambassador for consultations", R("2025-04-01", "2025-04-30"),
      "Algeria expelled 12 French embassy staff", prec="month", uncertain=True, background=True,
      notes="Separate unit from the expulsion (batch-9 convention 1).")
g.write()
