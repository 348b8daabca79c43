"""Gold for sierra-leone-guinea-yenga-border (published Thursday 2026-05-14)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("sierra-leone-guinea-yenga-border")
PUB = "2026-05-14"
SLE = A("Sierra Leone", "SLE", "GOV")
SLE_MFA = A("Sierra Leone foreign ministry", "SLE", "GOV")
SLE_MIL = A("Sierra Leone defence ministry", "SLE", "MIL")
KABBA = A("Timothy Musa Kabba", "SLE", "GOV")
BIO = A("Julius Maada Bio", "SLE", "GOV")
KAIL = A("residents of Kailahun", "SLE", "CVL")
GIN = A("Guinea", "GIN", "GOV")
GIN_AMB = A("Guinea's ambassador", "GIN", "GOV")
GIN_MIL = A("Guinean army", "GIN", "MIL")
DOUMB = A("Mamadi Doumbouya", "GIN", "GOV")
TOURAY = A("Omar Alieu Touray", "WAS", "IGO", alt="ECOWAS")
KOROMA = A("Ernest Bai Koroma", "SLE", "GOV")
CONDE = A("Alpha Conde", "GIN", "GOV")

g.add("114", SLE, GIN_AMB, "summon Guinea's ambassador over the Yenga incursion", "2026-05-11",
      "Sierra Leone summoned Guinea's ambassador on Monday", loc=L("Freetown", "SLE"), uncertain=True,
      group="g-summons", notes="Summons to protest: 114, 111 defensible (batch-8 convention 1).")
g.add("1056", SLE_MFA, GIN_AMB, "demand that the soldiers be withdrawn without delay", "2026-05-11",
      "It said it had handed Guinea's ambassador a protest note", loc=L("Freetown", "SLE"), uncertain=True,
      group="g-summons", notes="Demand made in the summons: grouped (batch-8 convention 1). 105 defensible.")
g.add("112", SLE_MFA, GIN_MIL, "allege that 30 Guinean soldiers crossed the Moa, set up a checkpoint and raised the flag",
      R("2026-05-11", PUB), "Sierra Leone's foreign ministry said in a statement that about 30 Guinean soldiers",
      notes="The incursion is alleged and denied: only the accusation and the denial are coded (CONVENTIONS 11). Undated statement reporting Monday's summons.")
g.add("016", GIN_MIL, SLE, "deny entering Sierra Leonean territory", "2026-05-12",
      "Guinea's army said in a statement on Tuesday")
g.add("112", KABBA, GIN, "accuse Guinea of trying to change facts on the ground", "2026-05-12",
      "Foreign Minister Timothy Musa Kabba told parliament on Tuesday",
      notes="A second body on another day: a separate unit (held10 convention 15).")
g.add("041", BIO, DOUMB, "telephone call on the border row", "2026-05-13",
      "President Julius Maada Bio and his Guinean counterpart Mamadi Doumbouya spoke by telephone", symmetric=True)
g.add("046", SLE, GIN, "joint technical committee to meet in Conakry", R("2026-05-18", "2026-05-24"),
      "The two leaders agreed that a joint technical committee", status="scheduled", prec="week",
      loc=L("Conakry", "GIN"), symmetric=True, notes="'Next week' after a Thursday publication.")
g.add("036", BIO, GIN, "say Sierra Leone will defend its territory through dialogue with Guinea", "2026-05-13",
      "but we will do it through dialogue with our brothers in Guinea", status="proposed",
      notes="Stated intention (CONVENTIONS 9).")
g.add("154", SLE_MIL, GIN, "deploy additional troops to Koindu", R(None, PUB),
      "Sierra Leone's defence ministry said it had deployed additional troops", loc=L("Koindu", "SLE"),
      uncertain=True, notes="'said it had deployed': batch-9 convention 14. Target implied by the context.")
g.add("141", KAIL, GIN_MIL, "march calling on the Guinean soldiers to leave", "2026-05-12",
      "several hundred people marched through the town on Tuesday", loc=L("Kailahun", "SLE"))
TOU = "Omar Alieu Touray, urged Sierra Leone and Guinea"
g.add("0256", TOURAY, SLE, "urge restraint", "2026-05-13", TOU, group="g-ecowas-appeal")
g.add("0256", TOURAY, GIN, "urge restraint", "2026-05-13", TOU, group="g-ecowas-appeal")
# background
g.add("074", GIN_MIL, SLE, "move troops into the area to help Sierra Leone's army fight the RUF", R("1997-01-01", "1999-12-31"),
      "Guinean troops first moved into the area in the late 1990s", prec="year", background=True)
g.add("057", KOROMA, CONDE, "sign a joint communique acknowledging that Yenga belongs to Sierra Leone", R("2012-01-01", "2012-12-31"),
      "In 2012, then presidents Ernest Bai Koroma and Alpha Conde", prec="year", symmetric=True, background=True)
g.write()
