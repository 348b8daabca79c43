from gold_lib import Gold, A, L, Q, R

g = Gold("moldova-transnistria-gas-working-group-bender-talks")
chiveri = A("Valeriu Chiveri", "MDA", "GOV")
ignatiev = A("Vitaly Ignatiev", "MDA", "SEP")
kras = A("Vadim Krasnoselsky", "MDA", "SEP")
tiraspol = A("Transnistrian authorities", "MDA", "SEP")
mdgov = A("Government of Moldova", "MDA", "GOV")
keid = A("Kelly Keiderling", "SCE", "IGO")
bender = L("Bender", "MDA")
lede = ("Negotiators from Moldova and its Russian-backed", "coldest week of the winter.")

g.add("046", chiveri, ignatiev, "hold first direct 1+1 talks since September", "2026-01-13", lede,
      loc=bender, symmetric=True, notes="Venue and participants from the next sentence.")
ch = ("It was chaired by the head of the OSCE mission", "a pragmatic spirit\".")
g.add("045", keid, chiveri, "chair (mediate) the 1+1 talks in Bender", "2026-01-13", ch, loc=bender, group="g-osce")
g.add("045", keid, ignatiev, "chair (mediate) the 1+1 talks in Bender", "2026-01-13", ch, loc=bender, group="g-osce")
g.add("0311", chiveri, ignatiev, "agree to set up a joint working group on gas supplies", "2026-01-13", lede,
      loc=bender, symmetric=True, uncertain=True,
      notes="Agreement already reached on a future step: status occurred (CONVENTIONS 9); 030 equally defensible.")
g.add("046", mdgov, tiraspol, "hold next round of 1+1 talks in Bender", "2026-01-27",
      ("The next round of 1+1 talks was scheduled", "the OSCE said in a statement."),
      status="scheduled", loc=bender, symmetric=True)
g.add("112", kras, mdgov, "accuse Chisinau of imposing an economic blockade", "2026-01-12",
      ("Transnistrian leader Vadim Krasnoselsky on Monday accused", "fuel and medicines."))
g.add("131", kras, mdgov, "threaten to cut electricity supplies from the Kuchurgan plant to the rest of Moldova",
      "2026-01-12", ("He threatened to cut electricity supplies", "by the end of the month."),
      notes="Conditional threat (non-force); same Monday statement.")
g.add("016", A("Daniel Voda", "MDA", "GOV"), kras, "deny imposing a blockade", "2026-01-12",
      "The government in Chisinau rejected the accusation.", notes="Date from the spokesman's quote in the next sentence.")
g.add("173", A("Moldovan police", "MDA", "COP"), A("Igor Balan", "MDA", "SEP"),
      "detain a Transnistrian customs official on charges of abuse of office", "2026-01-11",
      ("Tensions rose further after Moldovan police on Sunday detained", "on charges of abuse of office."),
      loc=L("Varnita", "MDA"))
g.add("1053", tiraspol, mdgov, "demand the immediate release of the detained official", R("2026-01-11", "2026-01-14"),
      ("Tiraspol demanded his immediate release", "ahead of the negotiations\"."),
      notes="Undated reaction to the Sunday arrest.")
g.add("0331", A("Marta Kos", "EEC", "IGO"), mdgov,
      "offer 20 million euros to help buy gas for Transnistria's residents, on condition of monitoring", "2026-01-12",
      ("EU enlargement commissioner Marta Kos said on Monday", "how the fuel is distributed."),
      status="proposed", qty=[Q(20000000, "euros")])
g.add("121", ignatiev, A("Marta Kos", "EEC", "IGO"), "reject the EU's monitoring condition attached to gas aid",
      "2026-01-13", ("Ignatiev rejected that condition on Tuesday", "supervision from Brussels\"."),
      status="rejected", uncertain=True, notes="Rejection of the terms of an aid offer; 120/127 also defensible.")
zak = A("Maria Zakharova", "RUS", "GOV")
zsent = ("In Moscow, Russian foreign ministry spokeswoman Maria Zakharova", "debt to Gazprom\".")
g.add("112", zak, mdgov, "accuse Chisinau of using energy as a weapon against Transnistria", "2026-01-13", zsent,
      loc=L("Moscow", "RUS"))
g.add("0311", zak, mdgov, "say Russia is ready to resume gas deliveries once Moldova settles its Gazprom debt",
      "2026-01-13", zsent, status="proposed", loc=L("Moscow", "RUS"), uncertain=True,
      notes="Conditional offer (CONVENTIONS 9).")
ssent = ("President Maia Sandu, speaking at a news conference", "it keeps in Transnistria.")
g.add("042", A("Oana Toiu", "ROU", "GOV", alt="ROM"), A("Maia Sandu", "MDA", "GOV"), "Romanian foreign minister visits Chisinau",
      "2026-01-12", ssent, loc=L("Chisinau", "MDA"), symmetric=True, uncertain=True)
g.add("0256", A("Maia Sandu", "MDA", "GOV"), A("Russia", "RUS", "GOV"),
      "call on Russia to withdraw its troops from Transnistria", "2026-01-12", ssent, loc=L("Chisinau", "MDA"))
g.add("051", A("Ukraine", "UKR", "GOV"), mdgov, "welcome the Moldova-Transnistria talks",
      R("2026-01-13", "2026-01-14"), ("Ukraine, whose border with Transnistria", "welcomed Tuesday's meeting."),
      notes="Both parties are MDA; target coded as Moldova. Undated reaction to the Tuesday meeting.")
# background
g.add("160", A("Gazprom", "RUS", "BUS"), A("Moldova", "MDA", "GOV"), "halt gas deliveries to Moldova", "2025-01-01",
      ("Gazprom halted deliveries to Moldova on January 1, 2025", "since the war of 1992."),
      background=True, uncertain=True)
g.add("160", A("Ukraine", "UKR", "GOV"), A("Russia", "RUS", "GOV"), "end the transit of Russian gas",
      R("2024-12-31", "2025-01-01"), ("Gazprom halted deliveries to Moldova on January 1, 2025", "since the war of 1992."),
      background=True, uncertain=True)
g.write()
