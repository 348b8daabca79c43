from gold_lib import Gold, A, L, Q, R

g = Gold("philippines-china-ayungin-shoal-water-cannon-resupply")
ccg = A("China Coast Guard", "CHN", "COP")
mission = A("Philippine Navy resupply mission (Unaizah May 5)", "PHL", "MIL")
phl = A("Philippines", "PHL", "GOV")
chn = A("China", "CHN", "GOV")
shoal = L("Ayungin (Second Thomas) Shoal", "PHL")
g.add("190", ccg, mission, "fire water cannon at a Philippine supply boat, injuring three crew", "2026-04-11",
      ("Chinese coast guard ships blocked and fired water cannon", "the Philippine Coast Guard (PCG) said."),
      loc=shoal, qty=[Q(3, "crew members injured")], uncertain=True, group="g-ayungin",
      notes="Water cannon: 190 uncertain (17x defensible), grouped with the blocking (CONVENTIONS 2).")
g.add("191", ccg, mission, "block the supply boat's path about eight nautical miles from the shoal", "2026-04-11",
      ("The wooden-hulled Unaizah May 5, chartered by the Philippine Navy", "said in a statement."),
      loc=shoal, group="g-ayungin")
g.add("112", A("Liu Dejun", "CHN", "COP"), phl, "accuse Philippine vessels of illegally intruding near Ren'ai Jiao",
      "2026-04-11", ("China Coast Guard spokesperson Liu Dejun said on Saturday", "in accordance with the law."),
      notes="The next sentence ('He accused Manila of repeatedly breaking its promises') is the same statement.")
g.add("114", A("Department of Foreign Affairs", "PHL", "GOV"), chn,
      "lodge a diplomatic protest and summon the Chinese deputy chief of mission", "2026-04-11",
      ("The Department of Foreign Affairs (DFA) said it had lodged a diplomatic protest", "\"dangerous and unlawful\" actions."),
      loc=L("Manila", "PHL"))
g.add("111", A("Ferdinand Marcos Jr.", "PHL", "GOV"), ccg, "condemn the 'aggressive and reckless' conduct of the Chinese ships",
      "2026-04-11", ("President Ferdinand Marcos Jr. condemned", "conduct of the Chinese ships."),
      loc=L("Pampanga", "PHL"), notes="Date and place from the quote in the next sentence.")
esent = ("In a statement issued late on Saturday, the Chinese Embassy in Manila said", "differences through dialogue\".")
emb = A("Chinese Embassy in Manila", "CHN", "GOV")
g.add("114", emb, phl, "lodge 'stern representations' with the Philippine side", "2026-04-11", esent,
      loc=L("Manila", "PHL"), group="g-embassy")
g.add("0256", emb, phl, "urge Manila to stop its provocations and return to dialogue", "2026-04-11", esent,
      loc=L("Manila", "PHL"), group="g-embassy", notes="Protest and appeal in one statement (CONVENTIONS 2).")
usent = ("The US State Department called on China", "anywhere in the South China Sea.")
g.add("0256", A("US State Department", "USA", "GOV"), chn, "call on China to desist from dangerous conduct",
      R("2026-04-11", "2026-04-12"), usent, notes="Undated reaction to the Saturday incident.")
g.add("0334", A("US State Department", "USA", "GOV"), phl,
      "reaffirm that the Mutual Defense Treaty covers attacks on Philippine forces and vessels",
      R("2026-04-11", "2026-04-12"), usent, status="proposed", uncertain=True,
      notes="Security commitment; 032/052 also defensible.")
g.add("062", A("Armed Forces of the Philippines", "PHL", "MIL"), A("US forces", "USA", "MIL"),
      "hold the annual Balikatan exercises", R("2026-04-09", "2026-05-08"),
      ("The incident came two days after thousands of Filipino and American troops launched", "islands facing Taiwan."),
      status="ongoing", loc=L("Philippines", "PHL"), symmetric=True,
      notes="Launched 'two days after' = Thursday before the Saturday incident; runs until May 8.")
g.add("111", A("Endo Kazuya", "JPN", "GOV"), chn, "say Tokyo strongly opposes China's use of water cannon",
      "2026-04-12", ("Japan's ambassador to Manila, Endo Kazuya, said on Sunday", "against Philippine vessels."))
# background
bsent = ("In June 2024, a Filipino navy sailor lost a thumb", "resupply missions the following month.")
g.add("190", ccg, A("Philippine Navy", "PHL", "MIL"), "ram and board Philippine boats; a sailor loses a thumb",
      R("2024-06-01", "2024-06-30"), bsent, prec="month", loc=shoal, uncertain=True, background=True)
g.add("030", phl, chn, "reach a 'provisional understanding' on resupply missions", R("2024-07-01", "2024-07-31"),
      bsent, prec="month", symmetric=True, background=True)
g.write()
