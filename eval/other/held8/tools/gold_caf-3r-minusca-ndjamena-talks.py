from gold_lib import Gold, A, L, Q, R
g = Gold("caf-3r-minusca-ndjamena-talks")
R3 = A("3R", "CAF", "REB"); UPC = A("Union for Peace in Central Africa (UPC)", "CAF", "REB")
GOV = A("Central African Republic", "CAF", "GOV"); FACA = A("Central African armed forces (FACA)", "CAF", "MIL")
MIN = A("MINUSCA", "UNO", "PKO"); TCD = A("Chad", "TCD", "GOV"); TOU = A("Faustin-Archange Touadera", "CAF", "GOV")
KOUI = L("Koui", "CAF"); NDJ = L("N'Djamena", "TCD")
g.add("190", R3, MIN, "ambush a UN patrol near Koui, killing a Bangladeshi peacekeeper", "2026-05-24",
      ("A Bangladeshi peacekeeper was killed and three others wounded on Sunday", "the UN mission MINUSCA said."),
      loc=KOUI, qty=[Q(1, "peacekeeper killed"), Q(3, "peacekeepers wounded")], group="g-koui")
g.add("190", MIN, R3, "return fire on the attackers", "2026-05-24",
      ("It said the peacekeepers returned fire", "towards the Cameroonian border."), loc=KOUI, group="g-koui",
      notes="Same clash seen from the other side.")
GUT = A("Antonio Guterres", "UNO", "IGO")
g.add("111", GUT, R3, "condemn the attack on the patrol", "2026-05-25",
      ("UN Secretary-General Antonio Guterres condemned the attack on Monday", "may constitute war crimes."), group="g-guterres")
g.add("020", GUT, GOV, "call on the authorities to bring those responsible to justice", "2026-05-25",
      ("UN Secretary-General Antonio Guterres condemned the attack on Monday", "may constitute war crimes."),
      group="g-guterres", uncertain=True, notes="Second coding of the same statement.")
g.add("195", FACA, R3, "carry out drone strikes on 3R positions near Bocaranga", "2026-05-25",
      ("The Central African armed forces (FACA) said they had carried out drone strikes", "\"neutralising\" several fighters."),
      loc=L("Bocaranga", "CAF"), notes="Africa Corps support is habitual context, not coded.")
g.add("112", A("Bobo Ahmadou", "CAF", "REB"), A("Central African armed forces (FACA)", "CAF", "MIL", alt=["RUS"]),
      "accuse the army and its Russian mercenaries of killing nine civilians", R("2026-05-25", "2026-05-27"),
      ("A spokesman for the 3R, who gave his name as Colonel Bobo Ahmadou, accused", "in the strikes."),
      qty=[Q(9, "civilians killed (alleged)")], uncertain=True)
g.add("016", A("Maxime Balalou", "CAF", "GOV"), R3, "reject the claim that civilians were killed", "2026-05-26",
      ("Government spokesman Maxime Balalou rejected the claim", "had been targeted."))
DEAL = ("Under an agreement signed in N'Djamena in April 2025", "national disarmament programme.")
APR = R("2025-04-01", "2025-04-30")
for p in (R3, UPC):
    g.add("057", GOV, p, "sign the N'Djamena agreement to end hostilities", APR, DEAL, loc=NDJ, symmetric=True,
          prec="month", background=True, group="g-2025-deal")
for p in (GOV, R3, UPC):
    g.add("045", TCD, p, "mediate the N'Djamena agreement", APR, DEAL, loc=NDJ, prec="month", background=True,
          group="g-2025-deal")
g.add("127", R3, GOV, "parts of the 3R break away from the deal", R("2025-04-01", "2025-12-31"),
      "Parts of the 3R broke away from the deal within months.", prec="year", background=True, uncertain=True)
WEEK = R("2026-06-01", "2026-06-07")
TALKS = ("Chad will host a new round of talks between the government and the two groups", "said on Tuesday.")
for p in (R3, UPC):
    g.add("046", GOV, p, "hold a new round of talks in N'Djamena next week", WEEK, TALKS, loc=NDJ, status="scheduled",
          symmetric=True, prec="week", group="g-ndj-talks")
for p in (GOV, R3, UPC):
    g.add("045", TCD, p, "host and mediate the new round of talks", WEEK, TALKS, loc=NDJ, status="scheduled",
          prec="week", group="g-ndj-mediation", notes="Announced by Foreign Minister Abderaman Koulamallah.")
g.add("0873", UPC, GOV, "hand over 120 weapons at a demobilisation site", "2026-05-22",
      ("Meanwhile, UPC fighters handed over 120 weapons", "the government said."), loc=L("Bambari", "CAF"),
      qty=[Q(120, "weapons")])
g.add("036", TOU, R3, "say the government is ready to resume dialogue with the 3R", "2026-05-26",
      ("President Faustin-Archange Touadera, speaking in Bangui on Tuesday", "civilians or peacekeepers."),
      loc=L("Bangui", "CAF"), status="proposed")
g.add("138", TOU, R3, "warn the army would respond with all necessary force to new attacks", "2026-05-26",
      ("President Faustin-Archange Touadera, speaking in Bangui on Tuesday", "civilians or peacekeepers."),
      loc=L("Bangui", "CAF"))
RUG = A("Valentine Rugwabiza", "UNO", "PKO")
g.add("0256", RUG, R3, "urge the 3R to respect the cessation of hostilities", "2026-05-26",
      ("MINUSCA chief Valentine Rugwabiza urged the 3R leadership", "Ouham-Pende region."), group="g-rugwabiza")
g.add("0255", RUG, R3, "urge the 3R to let humanitarian convoys move freely", "2026-05-26",
      ("MINUSCA chief Valentine Rugwabiza urged the 3R leadership", "Ouham-Pende region."), group="g-rugwabiza",
      uncertain=True, notes="Second coding of the same appeal.")
g.add("163", A("UN Security Council", "UNO", "IGO"), R3, "renew sanctions on the group's leaders", R("2025-01-01", "2025-12-31"),
      ("The UN Security Council renewed its sanctions on the group's leaders last year.",)[0], prec="year", background=True)
g.write()
