from gold_lib import Gold, A, L, Q, R

g = Gold("pakistan-afghanistan-chaman-clash-istanbul-talks")
pak_mil = A("Pakistani forces", "PAK", "MIL")
afg_mil = A("Afghan Taliban forces", "AFG", "MIL", alt="TAL")
pak = A("Pakistan", "PAK", "GOV")
afg = A("Afghan Taliban government", "AFG", "GOV", alt="TAL")
ttp = A("Tehreek-e-Taliban Pakistan (TTP)", "PAK", "INS", alt="TAL")
ist = L("Istanbul", "TUR")
lede = ("Pakistani and Afghan Taliban forces exchanged heavy fire", "shoring up a fragile ceasefire.")
g.add("190", pak_mil, afg_mil, "exchange heavy fire along the border near the Chaman crossing",
      R("2026-02-15", "2026-02-16"), lede, loc=L("Chaman", "PAK"), symmetric=True,
      qty=[Q(2, "Pakistani soldiers killed"), Q(5, "Pakistani soldiers wounded"), Q(3, "Afghan civilians killed")],
      notes="'Overnight' in a Monday report. Tolls from ISPR and Mujahid.")
g.add("112", A("ISPR", "PAK", "MIL"), afg_mil, "accuse Afghan forces of opening fire without provocation",
      R("2026-02-15", "2026-02-16"), ("Pakistan's military media wing, Inter-Services Public Relations (ISPR), said",
      "destroying several Afghan posts."), notes="Undated statement about the overnight clash.")
g.add("112", A("Zabihullah Mujahid", "AFG", "GOV", alt="TAL"), pak_mil,
      "accuse Pakistani forces of starting the fighting by shelling homes in Spin Boldak", "2026-02-16",
      ("Taliban government spokesman Zabihullah Mujahid said", "\"responded in self-defence\"."),
      notes="Undated statement in a report of the day. The alleged shelling is contested, so only the accusation is coded.")
tsent = ("The talks in Istanbul, due to open on Tuesday", "worst border battles in years in October.")
g.add("046", A("Khawaja Asif", "PAK", "GOV"), A("Rahmatullah Najib", "AFG", "GOV", alt="TAL"),
      "hold third round of talks in Istanbul", "2026-02-17", tsent, status="scheduled", loc=ist, symmetric=True,
      notes="Delegation heads from the next sentence.")
for med in (A("Turkey", "TUR", "GOV"), A("Qatar", "QAT", "GOV")):
    for party in (pak, afg):
        g.add("045", med, party, "mediate the third round of Pakistan-Afghanistan talks in Istanbul", "2026-02-17",
              tsent, status="scheduled", loc=ist, group="g-istanbul-mediation")
g.add("138", A("Khawaja Asif", "PAK", "GOV"), afg, "warn Pakistan will strike terrorist hideouts; 'open war' if talks fail",
      "2026-02-15", ("Asif warned on Sunday that Pakistan would", "operates from Afghan soil."))
g.add("138", A("Mullah Mohammad Yaqoob", "AFG", "GOV", alt="TAL"), pak,
      "warn Afghanistan would respond to any violation of its airspace and territory", "2026-02-16",
      ("In Kabul, Taliban defence minister Mullah Mohammad Yaqoob said", "airspace and territory\"."),
      loc=L("Kabul", "AFG"), notes="Undated statement in a report of the day.")
g.add("112", A("Afghan officials", "AFG", "GOV", alt="TAL"), pak,
      "accuse Pakistan of a drone strike in Barmal that killed five civilians", R("2026-02-14", "2026-02-16"),
      ("Afghan officials also accused Pakistan of carrying out a drone strike", "including two children."),
      notes="Alleged strike denied by Pakistan: only accusation and denial coded (CONVENTIONS 11).")
g.add("016", A("Attaullah Tarar", "PAK", "GOV"), afg, "deny carrying out the Barmal drone strike", "2026-02-15",
      ("Pakistan's information minister, Attaullah Tarar, denied the charge on Sunday", "\"target only terrorists\"."))
g.add("190", ttp, A("Pakistani police", "PAK", "COP"), "attack a police checkpoint in Bannu, killing four policemen",
      "2026-02-13", ("Separately, police said TTP fighters attacked a police checkpoint", "more than two hours."),
      loc=L("Bannu", "PAK"), qty=[Q(4, "policemen killed")])
g.add("015", ttp, A("Pakistani police", "PAK", "COP"), "claim responsibility for the Bannu attack", "2026-02-14",
      "The TTP claimed responsibility in a statement sent to journalists on Saturday.")
g.add("190", pak_mil, ttp, "kill 11 militants in an operation in Datta Khel, North Waziristan", "2026-02-14",
      ("The army said on Sunday that security forces had killed 11 militants", "North Waziristan on Saturday."),
      loc=L("Datta Khel", "PAK"), qty=[Q(11, "militants killed")])
g.add("114", A("Pakistan Foreign Office", "PAK", "GOV"), afg,
      "summon the Afghan charge d'affaires and lodge a strong protest", "2026-02-15",
      ("Pakistan's Foreign Office summoned the Afghan charge d'affaires", "militants based in Afghanistan."),
      loc=L("Islamabad", "PAK"))
qsent = ("Qatar's foreign ministry urged both sides on Sunday", "give the Istanbul talks a chance.")
for party in (pak, afg):
    g.add("0256", A("Qatar foreign ministry", "QAT", "GOV"), party, "urge maximum restraint", "2026-02-15", qsent,
          group="g-qatar-appeal")
fsent = ("Turkish Foreign Minister Hakan Fidan spoke by telephone", "Turkish diplomatic sources said.")
g.add("041", A("Hakan Fidan", "TUR", "GOV"), A("Ishaq Dar", "PAK", "GOV"), "phone call", "2026-02-15", fsent,
      symmetric=True)
g.add("041", A("Hakan Fidan", "TUR", "GOV"), A("Amir Khan Muttaqi", "AFG", "GOV", alt="TAL"), "phone call",
      "2026-02-15", fsent, symmetric=True, notes="A separate call ('and separately with').")
# background
g.add("190", pak_mil, afg_mil, "worst border battles in years", R("2025-10-01", "2025-10-31"), tsent, prec="month",
      symmetric=True, background=True)
csent = ("A ceasefire agreed in Doha on Oct. 19", "agreement on a monitoring mechanism.")
g.add("0871", pak, afg, "ceasefire agreed in Doha, largely holding", R("2025-10-19", None), csent,
      status="ongoing", loc=L("Doha", "QAT"), prec="day", symmetric=True, background=True)
g.add("046", pak, afg, "second round of talks in Istanbul, ended without agreement", R("2025-11-01", "2025-11-10"),
      csent, loc=ist, symmetric=True, background=True, notes="'Early November'.")
g.write()
