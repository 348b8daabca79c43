from gold_lib import Gold, A, L, Q, R

g = Gold("mexico-cartel-suspects-transfer-us-trump-strike-threat")
mex = A("Government of Mexico", "MEX", "GOV")
usa = A("United States", "USA", "GOV")
lede = ("Mexico sent 37 alleged members of drug cartels to the United States on Wednesday", "fentanyl trafficking.")
g.add("063", mex, usa, "transfer 37 alleged cartel members to the United States", "2026-03-04", lede,
      qty=[Q(37, "alleged cartel members")],
      notes="Transfer of prisoners to another state's justice system coded as judicial cooperation (063); 174 also seen.")
g.add("0213", A("U.S. Justice Department", "USA", "GOV"), mex, "request the transfer of the cartel suspects",
      R(None, "2026-03-05"), ("He said the transfer had been requested by the U.S. Justice Department", "formal extradition proceedings."),
      notes="Request at an unknown time before the transfer (CONVENTIONS 7).")
g.add("051", A("Pam Bondi", "USA", "GOV"), mex, "thank Mexico for its 'unprecedented cooperation'",
      R("2026-03-04", "2026-03-05"), ("U.S. Attorney General Pam Bondi thanked Mexico", "Virginia and New York."),
      notes="Undated reaction to the Wednesday transfer.")
g.add("138", A("Donald Trump", "USA", "GOV"), mex, "threaten to order strikes on cartel targets inside Mexico",
      "2026-03-03", ("The transfer came a day after U.S. President Donald Trump threatened", "\"do a lot more, and fast\"."),
      loc=L("White House, Washington", "USA"), notes="Date and place from the next sentence ('on Tuesday').")
g.add("120", A("Claudia Sheinbaum", "MEX", "GOV"), A("Donald Trump", "USA", "GOV"),
      "reject any intervention by foreign forces on Mexican territory", "2026-03-04",
      "Sheinbaum rejected the idea at her morning news conference on Wednesday.", status="rejected",
      loc=L("Mexico City", "MEX"), uncertain=True, notes="Rejection of threatened military action; 1212 also defensible.")
msent = ("Garcia Harfuch met U.S. Ambassador Ronald Johnson in Mexico City on Tuesday", "the Foreign Ministry said.")
g.add("040", A("Omar Garcia Harfuch", "MEX", "GOV"), A("Ronald Johnson", "USA", "GOV"),
      "meet to review the security cooperation framework", "2026-03-03", msent, loc=L("Mexico City", "MEX"),
      symmetric=True, uncertain=True)
g.add("046", mex, usa, "high-level security group meeting in Washington", "2026-03-18", msent, status="scheduled",
      loc=L("Washington", "USA"), symmetric=True)
g.add("114", A("Mexican Foreign Ministry", "MEX", "GOV"), usa,
      "send a diplomatic note protesting a U.S. military surveillance flight near Baja California", "2026-03-02",
      ("Separately, the Foreign Ministry said it had sent a diplomatic note", "notifying Mexican authorities."))
rsent = ("Mexican marines on Monday arrested a regional commander", "the Navy said.")
g.add("173", A("Mexican Navy marines", "MEX", "MIL"), A("'El Guero Flaco', Los Chapitos commander", "MEX", "CRM"),
      "arrest a regional commander of Los Chapitos in a raid", "2026-03-02", rsent, loc=L("Culiacan", "MEX"),
      group="g-culiacan")
g.add("190", A("Mexican Navy marines", "MEX", "MIL"), A("Los Chapitos gunmen", "MEX", "CRM"),
      "shootout with the commander's bodyguards; two marines wounded", "2026-03-02",
      "Two marines were wounded in a shootout with the commander's bodyguards during the operation.",
      loc=L("Culiacan", "MEX"), qty=[Q(2, "marines wounded")], symmetric=True, uncertain=True, group="g-culiacan",
      notes="Same raid as the arrest (CONVENTIONS 2); 193 also defensible.")
g.add("180", A("Gunmen", "MEX", "CRM"), A("Bar patrons in Salamanca", "MEX", "CVL"),
      "kill 11 people and wound seven at a bar", "2026-03-01",
      ("In the central state of Guanajuato, gunmen killed 11 people", "the state prosecutor's office said."),
      loc=L("Salamanca", "MEX"), qty=[Q(11, "people killed"), Q(7, "people wounded")], notes="'Late on Sunday'.")
# background
bsent = ("Mexico sent 29 cartel figures, including veteran drug lord Rafael Caro Quintero", "another 26 in August.")
g.add("063", mex, usa, "transfer 29 cartel figures including Caro Quintero", R("2025-02-01", "2025-02-28"), bsent,
      prec="month", qty=[Q(29, "cartel figures")], background=True)
g.add("063", mex, usa, "transfer another 26 cartel figures", R("2025-08-01", "2025-08-31"), bsent,
      prec="month", qty=[Q(26, "cartel figures")], background=True)
g.add("030", mex, usa, "agree a security cooperation framework", R("2025-09-01", "2025-09-30"), msent, prec="month",
      symmetric=True, background=True)
g.add("163", A("Donald Trump", "USA", "GOV"), mex, "impose 25% tariffs on Mexican goods not covered by USMCA",
      R("2025-03-01", "2025-03-31"), ("Trump imposed 25% tariffs on Mexican goods", "threatened to raise them."),
      prec="month", background=True)
g.add("172", usa, A("Mexican cartels", "MEX", "CRM"), "designate six cartels as foreign terrorist organizations",
      R("2025-02-01", "2025-02-28"), "Washington also designated six Mexican cartels as foreign terrorist organizations in February 2025.",
      prec="month", uncertain=True, background=True)
g.add("190", A("Los Chapitos", "MEX", "CRM"), A("Zambada faction (Los Mayos)", "MEX", "CRM"),
      "factional fighting in Culiacan", R("2024-09-01", None),
      ("Culiacan, the capital of Sinaloa state, has been torn by fighting", "flown to the United States."),
      status="ongoing", prec="month", symmetric=True, uncertain=True, background=True)
g.write()
