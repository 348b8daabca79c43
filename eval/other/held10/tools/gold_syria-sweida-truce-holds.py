from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("syria-sweida-truce-holds")
PUB = "2025-07-21"
SYR = A("Syria", "SYR", "GOV")
SYRM = A("Syrian government forces", "SYR", "MIL")
DRU = A("Druze factions", "SYR", "UAF")
TRB = A("Bedouin tribal fighters", "SYR", "UAF")
ISRM = A("Israeli military", "ISR", "MIL")
SWE = L("Sweida", "SYR")

g.add("0871", A("Syrian presidency", "SYR", "GOV"), A("Druze factions and Bedouin tribal fighters", "SYR", "UAF"),
      "announce an immediate ceasefire in Sweida, which largely holds", R("2025-07-19", None),
      "The presidency of interim President Ahmed al-Sharaa announced", status="ongoing", loc=SWE,
      notes="The lede ('largely held on Monday') is the same unit: status ongoing. The deployment of internal "
      "security forces is an order to own forces (CONVENTIONS 15).")
BAR = A("Tom Barrack", "USA", "GOV")
g.add("045", BAR, A("Israel", "ISR", "GOV"), "mediate an Israel-Syria ceasefire", "2025-07-19",
      "Hours earlier, U.S. envoy Tom Barrack said", group="g-isr-syr-truce")
g.add("045", BAR, SYR, "mediate an Israel-Syria ceasefire", "2025-07-19",
      "Hours earlier, U.S. envoy Tom Barrack said", group="g-isr-syr-truce")
g.add("0871", A("Israel", "ISR", "GOV"), SYR, "agree to a ceasefire", "2025-07-19",
      "Hours earlier, U.S. envoy Tom Barrack said", symmetric=True, group="g-isr-syr-truce",
      notes="Brokered ceasefire grouped with the broker's 045 records (CONVENTIONS 3). 'Backed by Turkey, Jordan' "
      "is reported by Barrack and not coded.")
g.add("0874", TRB, DRU, "pull out of Sweida city", "2025-07-20", "By Sunday evening, the tribal fighters had pulled out",
      loc=SWE)
g.add("073", A("Syrian Arab Red Crescent", "SYR", "NGO", alt=["RCR", "IRC"]), A("residents of Sweida", "SYR", "CVL"),
      "send a convoy of 32 trucks with food, medicine and fuel into Sweida", "2025-07-20",
      "A convoy of 32 trucks from the Syrian Arab Red Crescent", loc=SWE, qty=[Q(32, "trucks")])
g.add("112", A("Men of Dignity", "SYR", "UAF"), TRB, "accuse tribal gunmen of shelling Walgha overnight", PUB,
      "But a Druze armed group, the Men of Dignity, accused",
      notes="The alleged shelling is not coded on its own.")
g.add("190", SYRM, A("Druze fighters", "SYR", "UAF"), "clash with Druze fighters", R("2025-07-13", PUB),
      "Government troops sent in to restore order clashed", loc=SWE, symmetric=True,
      notes="Undated within the week. The killing of civilians is an accusation by residents and monitors "
      "(vague source) and is not coded.")
g.add("195", ISRM, SYRM, "strike Syrian tanks moving towards Sweida", R("2025-07-14", "2025-07-15"),
      "had struck Syrian tanks moving towards Sweida")
g.add("195", ISRM, SYR, "strike the defence ministry headquarters in Damascus and near the presidential palace",
      "2025-07-16", "On Wednesday it escalated", loc=L("Damascus", "SYR"))
g.add("138", A("Israel Katz", "ISR", "GOV"), SYRM, "warn Israel will 'continue to act forcefully' until forces withdraw",
      "2025-07-16", "Defence Minister Israel Katz warned on Wednesday")
g.add("0874", SYRM, DRU, "pull out of Sweida city under a deal with Druze leaders", R("2025-07-16", "2025-07-17"),
      "Government forces pulled out of Sweida city overnight into Thursday", loc=SWE)
g.add("180", A("Druze fighters", "SYR", "UAF"), A("Bedouin residents", "SYR", "CVL"), "turn on Bedouin neighbourhoods",
      R("2025-07-17", PUB), "Government forces pulled out of Sweida city overnight into Thursday", loc=SWE, uncertain=True,
      notes="Armed-group attack on civilians (CONVENTIONS 10).")
g.add("154", TRB, DRU, "converge on the province from across Syria", R("2025-07-17", PUB),
      "Tribal fighters from across Syria converged", uncertain=True)
g.add("112", A("Ahmed al-Sharaa", "SYR", "GOV"), A("Israel", "ISR", "GOV"),
      "accuse Israel of seeking to 'turn Syria into an arena of chaos'", "2025-07-17",
      "In a televised address on Thursday, Sharaa accused Israel")
for c, n in (("USA", "United States"), ("JOR", "Jordan")):
    g.add("020", A("Hikmat al-Hijri", "SYR", "UAF"), A(n, c, "GOV"), "call on the US and Jordan to act as guarantors of the truce",
          "2025-07-20", "Sheikh Hikmat al-Hijri, the most influential", uncertain=True, group="g-hijri-appeal",
          notes="Appeal to two named parties (batch-8 convention 4).")
g.add("020", A("Marco Rubio", "USA", "GOV"), SYR, "urge the authorities to hold accountable anyone responsible for atrocities",
      "2025-07-19", "U.S. Secretary of State Marco Rubio urged", uncertain=True)
# background
g.add("181", A("Druze clans", "SYR", "CVL"), A("Bedouin clans", "SYR", "CVL"), "tit-for-tat kidnappings", "2025-07-13",
      "The violence erupted on July 13", symmetric=True, background=True,
      notes="Eight days before publication: background (CONVENTIONS 5).")
g.add("190", A("pro-government gunmen", "SYR", "UAF"), A("Druze fighters", "SYR", "UAF"), "clashes near Damascus",
      R("2025-04-21", "2025-05-10"), "In late April and early May, clashes", prec="unknown",
      loc=L("near Damascus", "SYR"), qty=[Q(100, "people killed (more than)")], symmetric=True, background=True)
g.add("195", A("Israeli military", "ISR", "MIL"), SYR, "strike near the presidential palace as a warning",
      R("2025-04-21", "2025-05-10"), "In late April and early May, clashes", prec="unknown", loc=L("Damascus", "SYR"),
      background=True)
g.add("190", A("Islamist-led rebels", "SYR", "REB"), A("Bashar al-Assad", "SYR", "GOV"), "oust Bashar al-Assad",
      R("2024-12-01", "2024-12-31"), "The fighting was the worst in Sweida since", prec="month", uncertain=True,
      background=True)
g.write()
