from gold_lib import Gold, A, L, Q, R

g = Gold("mali-jnim-kayes-fuel-convoy-attack")
jnim = A("JNIM", "MLI", "INS", alt="ALQ")
fama = A("Malian Armed Forces (FAMa)", "MLI", "MIL")
mli = A("Mali transitional government", "MLI", "GOV")
kayes = L("Kayes", "MLI")
g.add("190", jnim, fama, "attack an army-escorted fuel convoy, killing at least 15 soldiers and drivers", "2026-02-01",
      ("Fighters from the al-Qaeda-linked Group for the Support of Islam and Muslims (JNIM)", "security and local sources told RSI."),
      loc=kayes, qty=[Q(15, "soldiers and drivers killed"), Q(40, "tankers set on fire")], group="g-kayes")
g.add("190", fama, jnim, "repel the attack and 'neutralise' about 30 militants", "2026-02-01",
      ("The Malian Armed Forces (FAMa) said in a statement on Monday", "toll for its own losses."),
      loc=kayes, qty=[Q(30, "militants neutralised")], group="g-kayes",
      notes="The army's side of the same clash (CONVENTIONS 2).")
g.add("015", jnim, fama, "claim the Kayes attack", "2026-02-02",
      "JNIM claimed the attack in a message published by its Az-Zallaqa media arm on Monday.")
g.add("195", A("Africa Corps", "RUS", "MIL"), jnim, "helicopter strikes on JNIM positions near Nioro du Sahel",
      "2026-02-02", ("On Monday, helicopters of Russia's Africa Corps", "\"dozens of militants were eliminated\"."),
      loc=L("Nioro du Sahel", "MLI"))
csent = ("The transitional government's spokesman, General Issa Ousmane Coulibaly", "terrorism in the Sahel\".")
g.add("112", A("Issa Ousmane Coulibaly", "MLI", "GOV"), A("France", "FRA", "GOV"),
      "accuse France of continuing to sponsor terrorism in the Sahel", "2026-02-02", csent)
g.add("016", A("French foreign ministry", "FRA", "GOV"), mli, "reject the allegation as baseless",
      R("2026-02-02", "2026-02-03"), "France's foreign ministry rejected the allegation as \"baseless\".",
      notes="Undated reaction to the Monday accusation.")
asent = ("In Bamako, gendarmes on Saturday arrested six leaders", "union officials said.")
g.add("173", A("Malian gendarmerie", "MLI", "COP"), A("Tanker drivers' union leaders", "MLI", "LAB"),
      "arrest six leaders of the tanker drivers' union", "2026-01-31", asent, loc=L("Bamako", "MLI"),
      qty=[Q(6, "union leaders arrested")])
g.add("1432", A("National union of tanker drivers", "MLI", "LAB"), mli,
      "call an indefinite strike to demand armed escorts for convoys", "2026-01-29", asent,
      notes="'Two days after' Saturday.")
g.add("190", A("JNIM", "BFA", "INS", alt=["MLI", "ALQ"]), A("Burkina Faso army and VDP", "BFA", "MIL"),
      "overrun an army base in Djibo, killing at least 20", "2026-01-29",
      ("In neighbouring Burkina Faso, JNIM fighters overran an army base in Djibo", "two security sources."),
      loc=L("Djibo", "BFA"), qty=[Q(20, "soldiers and VDP killed")])
tsent = ("Traore spoke by telephone with Mali's transitional president", "Goita's office said.")
g.add("041", A("Ibrahim Traore", "BFA", "GOV"), A("Assimi Goita", "MLI", "GOV"), "phone call", "2026-02-02", tsent,
      symmetric=True)
g.add("0312", A("Ibrahim Traore", "BFA", "GOV"), A("Assimi Goita", "MLI", "GOV"),
      "pledge to send AES troops and aircraft to secure the Senegal corridor", "2026-02-02", tsent,
      status="proposed", uncertain=True, notes="0332/0334 also defensible.")
ecowas = A("ECOWAS", "WAS", "IGO", alt="ECOWAS")
g.add("0314", ecowas, mli, "say ECOWAS is ready to share intelligence with Bamako", "2026-02-02",
      ("The Economic Community of West African States (ECOWAS), which the three juntas quit", "share intelligence with Bamako."),
      status="proposed", group="g-ecowas")
g.add("0212", A("Omar Alieu Touray", "WAS", "IGO", alt="ECOWAS"),
      A("Alliance of Sahel States (AES) countries", "MLI", "GOV", alt=["BFA", "NER"]),
      "call on the AES countries to resume security cooperation with their neighbours", "2026-02-02",
      ("\"Terrorism knows no borders,\" the commission's president", "cooperation with their neighbours."),
      group="g-ecowas", notes="Offer and appeal in one statement (CONVENTIONS 2); AES has no code.")
g.add("111", A("Antonio Guterres", "UNO", "IGO"), jnim, "condemn the Kayes attack", "2026-02-02",
      ("UN Secretary-General Antonio Guterres condemned the attack", "his spokesman said."))
# background
g.add("191", jnim, mli, "blockade of fuel imports to Mali", R("2025-09-01", None),
      ("JNIM has imposed a blockade on fuel imports to Mali since September", "severe shortages in Bamako."),
      status="ongoing", prec="month", background=True, notes="Context summary 'since September' (CONVENTIONS 5).")
g.add("160", A("Mali, Burkina Faso and Niger juntas", "MLI", "GOV", alt=["BFA", "NER"]), ecowas,
      "quit ECOWAS", R("2025-01-01", "2025-01-31"),
      ("The Economic Community of West African States (ECOWAS), which the three juntas quit", "share intelligence with Bamako."),
      prec="month", uncertain=True, background=True)
g.write()
