from gold_lib import Gold, A, L, Q, R

g = Gold("drc-m23-prisoner-exchange-doha-talks-resume")
gov = A("Government of the DRC", "COD", "GOV")
m23 = A("AFC/M23", "COD", "REB")
fardc = A("FARDC", "COD", "MIL")
icrc = A("ICRC", "IRC", "NGO")
doha = L("Doha", "QAT")
lede = ("The Congolese government and the AFC/M23 rebel alliance exchanged 62 prisoners", "signed a framework agreement in Doha in November.")
g.add("0841", gov, m23, "release 47 M23 detainees, flown to Goma", "2026-01-28",
      ("The ICRC said it had flown 47 M23 detainees released by Kinshasa", "held since January last year."),
      qty=[Q(47, "M23 detainees")], group="g-swap", notes="Handover place not stated as the place of the act.")
g.add("0841", m23, gov, "hand over 15 captured soldiers and police officers", "2026-01-28",
      ("The rebels in turn handed over 15 captured soldiers", "on the return flight."),
      qty=[Q(15, "soldiers and police officers")], group="g-swap")
g.add("045", icrc, gov, "facilitate the prisoner exchange", "2026-01-28", lede, group="g-swap")
g.add("045", icrc, m23, "facilitate the prisoner exchange", "2026-01-28", lede, group="g-swap",
      notes="Broker records grouped with the exchange, as with a brokered truce (CONVENTIONS 3).")
g.add("0353", gov, m23, "agree to a second exchange within three weeks", "2026-01-28",
      "The ICRC said the two sides had agreed on Wednesday to carry out a second exchange within three weeks.",
      symmetric=True)
g.add("046", gov, m23, "resume negotiations in Doha on the framework protocols", R("2026-01-26", "2026-01-30"),
      ("Delegations from both sides resumed negotiations in Doha on Monday", "the return of refugees."),
      status="ongoing", loc=doha, symmetric=True, notes="Resumed Monday, still under way on publication.")
qsent = ("Qatari Minister of State Mohammed Al-Khulaifi is mediating the talks", "until the middle of February.")
for party in (gov, m23):
    g.add("045", A("Mohammed Al-Khulaifi", "QAT", "GOV"), party, "mediate the Doha talks", R("2026-01-26", "2026-01-30"),
          qsent, status="ongoing", loc=doha, group="g-qatar")
g.add("112", A("Lawrence Kanyuka", "COD", "REB"), fardc,
      "accuse the army and Wazalendo of shelling rebel positions in violation of the ceasefire", "2026-01-29",
      ("M23 spokesman Lawrence Kanyuka accused the Congolese army (FARDC)", "violation of the ceasefire\"."))
esent = ("Army spokesman Major General Sylvain Ekenge denied the accusation", "positions near Walikale.")
g.add("016", A("Sylvain Ekenge", "COD", "MIL"), m23, "deny violating the ceasefire", R("2026-01-29", "2026-01-30"),
      esent, group="g-ekenge", notes="Undated reply to the Thursday accusation.")
g.add("112", A("Sylvain Ekenge", "COD", "MIL"), m23, "accuse the rebels of attacking Wazalendo positions near Walikale",
      R("2026-01-29", "2026-01-30"), esent, group="g-ekenge", notes="Denial and counter-accusation in one statement.")
dsent = ("In a separate statement on Wednesday, the AFC/M23 demanded the release", "next phase of the Doha process.")
g.add("1053", m23, gov, "demand release of all political prisoners and detained Tutsi civilians", "2026-01-28", dsent)
g.add("1243", A("Patrick Muyaya", "COD", "GOV"), m23, "reject the demand to release 'political prisoners'",
      "2026-01-29", ("Government spokesman Patrick Muyaya rejected the demand on Thursday", "will face justice\"."),
      status="rejected", loc=L("Kinshasa", "COD"))
nsent = ("Rwanda's foreign minister, Olivier Nduhungirehe, accused Kinshasa on Thursday", "Paul Kagame on December 4.")
g.add("112", A("Olivier Nduhungirehe", "RWA", "GOV"), gov, "accuse Kinshasa of continuing to arm the FDLR",
      "2026-01-29", nsent)
g.add("042", A("Massad Boulos", "USA", "GOV"), A("Felix Tshisekedi", "COD", "GOV"), "meet Tshisekedi in Kinshasa",
      "2026-01-27", "The accusation came two days after Massad Boulos, the senior US adviser for Africa, met Tshisekedi in Kinshasa.",
      loc=L("Kinshasa", "COD"), symmetric=True, uncertain=True, notes="'Two days after' Thursday.")
bsent = ("At the meeting, Boulos urged both governments", "the US embassy said.")
for tgt in (A("Felix Tshisekedi", "COD", "GOV"), A("Rwanda", "RWA", "GOV")):
    g.add("027", A("Massad Boulos", "USA", "GOV"), tgt, "urge speedier implementation of the Washington Accords",
          "2026-01-27", bsent, loc=L("Kinshasa", "COD"), uncertain=True, group="g-boulos-appeal")
g.add("0334", A("MONUSCO", "UNO", "PKO"), gov, "say it is ready to deploy observers to verify the ceasefire",
      "2026-01-29", ("The UN peacekeeping mission, MONUSCO, said on Thursday", "agreed on a mechanism."),
      status="proposed", notes="Offer to both parties; target coded as the DRC (both parties are COD).")
g.add("180", A("Allied Democratic Forces (ADF)", "COD", "INS", alt="UGA"), A("Villagers of Mabuo", "COD", "CVL"),
      "raid the village of Mabuo, killing at least 23 civilians", "2026-01-25",
      ("Meanwhile, in North Kivu's Lubero territory, at least 23 civilians were killed", "local civil society leaders said."),
      loc=L("Mabuo", "COD"), qty=[Q(23, "civilians killed")], notes="'Sunday night'.")
# background
g.add("057", gov, m23, "sign a framework agreement in Doha", R("2025-11-01", "2025-11-30"), lede, prec="month",
      loc=doha, symmetric=True, background=True)
g.add("192", m23, gov, "take and hold Goma", R("2025-01-01", "2025-01-31"),
      ("The ICRC said it had flown 47 M23 detainees released by Kinshasa", "held since January last year."),
      prec="month", loc=L("Goma", "COD"), uncertain=True, background=True)
g.add("057", A("Felix Tshisekedi", "COD", "GOV"), A("Paul Kagame", "RWA", "GOV"), "sign the Washington Accords",
      "2025-12-04", nsent, symmetric=True, background=True)
g.add("112", A("UN experts", "UNO", "IGO"), A("Rwanda", "RWA", "GOV"),
      "accuse Rwanda of deploying thousands of troops in eastern Congo in support of M23", R(None, "2026-01-30"),
      ("UN experts have accused Rwanda of deploying thousands of troops", "a charge Kigali denies."),
      background=True, notes="Past reports, undated.")
g.write()
