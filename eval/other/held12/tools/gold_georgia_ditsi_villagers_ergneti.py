"""Gold for georgia-ditsi-villagers-ergneti (published Wednesday 2026-02-11)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("georgia-ditsi-villagers-ergneti")
PUB = "2026-02-11"
GEO = A("Georgia", "GEO", "GOV")
SSG = A("State Security Service of Georgia", "GEO", "SPY")
BOTCH = A("Maka Botchorishvili", "GEO", "GOV")
KOBA = A("Irakli Kobakhidze", "GEO", "GOV")
VILL = A("Ditsi villagers", "GEO", "CVL")
SO = A("South Ossetian de facto authorities", "GEO", "GOV")
SO_KGB = A("South Ossetian de facto KGB", "GEO", "SPY")
SO_COURT = A("court in Tskhinvali", "GEO", "JUD")
ABKH = A("Abkhazia", "GEO", "GOV")
RUS = A("Russia", "RUS", "GOV")
RUS_BG = A("Russian border guards", "RUS", "MIL")
ZAKH = A("Maria Zakharova", "RUS", "GOV")
EUMM = A("EU Monitoring Mission (EUMM)", "EEC", "IGO")
OSCE = A("OSCE", "SCE", "IGO")
GRONO = A("Magdalena Grono", "EEC", "IGO")
ERG = L("Ergneti", "GEO")

g.add("173", RUS_BG, VILL, "detain four villagers collecting firewood near Ditsi", "2026-02-08",
      "The four men, all from the village of Ditsi", loc=L("Ditsi, Gori municipality", "GEO"),
      qty=[Q(4, "villagers")], notes="Detainers named in the lede (Russian border guards); Sunday = 2026-02-08.")
g.add("0841", SO, VILL, "release a 71-year-old detainee and hand him over at Ergneti", "2026-02-09",
      "South Ossetian officials released one of them", loc=ERG, qty=[Q(1, "villager")])
g.add("028", SSG, EUMM, "ask the EUMM to use its hotline to secure the detainees' return", R(None, PUB),
      "it had asked the European Union Monitoring Mission (EUMM)", uncertain=True,
      notes="'said ... it had asked': batch-9 convention 14. 020 defensible.")
g.add("111", BOTCH, RUS, "call the detentions a gross violation of international law", PUB,
      "Foreign Minister Maka Botchorishvili called the detentions",
      notes="Condemnation and demand in one statement are separate units (batch-9 convention 9).")
g.add("1053", BOTCH, RUS, "demand that Moscow ensure the men are returned immediately", PUB,
      "Foreign Minister Maka Botchorishvili called the detentions",
      notes="The lede's 'Georgia ... demanded the release' is the same act; evidence is the detail sentence.")
g.add("112", SO_KGB, VILL, "say the men illegally crossed the state border", R("2026-02-10", PUB),
      "the region's de facto KGB said the men had", uncertain=True,
      notes="Accusation given as the reason for the custody, stated separately (batch-8 convention 7). Undated statement reporting Tuesday's court order.")
g.add("173", SO_COURT, VILL, "order three men held for two months pending trial", "2026-02-10",
      "a local court had ordered on Tuesday", loc=L("Tskhinvali", "GEO"), qty=[Q(3, "villagers")],
      notes="Court custody two days after the arrest: separate unit (batch-8 convention 10).")
g.add("112", ZAKH, GEO, "accuse Tbilisi of staging provocations along the line", "2026-02-10",
      "Maria Zakharova accused Tbilisi on Tuesday")
g.add("041", KOBA, GRONO, "discuss the detentions by telephone", "2026-02-09",
      "Prime Minister Irakli Kobakhidze said he had discussed the case", symmetric=True)
g.add("051", KOBA, EUMM, "thank the EUMM for its attention to the occupation line", R("2026-02-09", PUB),
      "Prime Minister Irakli Kobakhidze said he had discussed the case")
g.add("0253", EUMM, SO, "urge the de facto authorities to free the three men", "2026-02-10",
      "urged the de facto authorities in Tskhinvali on Tuesday")
# IPRM meeting on Thursday 2026-02-12: one 046 per pair, one 045 per co-chair and party
IPRM = "Thursday's meeting in Ergneti, held under"
for a, b in ((GEO, RUS), (GEO, SO), (SO, RUS)):
    g.add("046", a, b, "IPRM meeting at Ergneti", "2026-02-12", IPRM, status="scheduled", loc=ERG,
          symmetric=True, group="g-iprm-meeting",
          notes="Participants from the lede (Georgian, Russian and South Ossetian officials).")
for m in (EUMM, OSCE):
    for p in (GEO, RUS, SO):
        g.add("045", m, p, "co-chair the IPRM meeting at Ergneti", "2026-02-12", IPRM, status="scheduled",
              loc=ERG, group="g-iprm-cochairs")
g.add("046", GEO, RUS, "next round of the Geneva International Discussions", R("2026-03-01", "2026-03-31"),
      "The Geneva International Discussions, the only other forum", status="scheduled", prec="month",
      loc=L("Geneva", "CHE"), symmetric=True)
# background
PREV = "The previous meeting, in December, ended"
for a, b in ((GEO, RUS), (GEO, SO), (SO, RUS)):
    g.add("046", a, b, "previous IPRM meeting", R("2025-12-01", "2025-12-31"), PREV, prec="month", loc=ERG,
          symmetric=True, background=True, group="g-iprm-december")
g.add("161", GEO, RUS, "sever diplomatic relations", R("2008-01-01", "2008-12-31"),
      "Georgia severed diplomatic relations with Russia", prec="year", background=True)
g.add("190", RUS, GEO, "five-day war", R("2008-08-01", "2008-08-31"),
      "Georgia severed diplomatic relations with Russia", prec="month", symmetric=True, background=True)
for tgt in (SO, ABKH):
    g.add("054", RUS, tgt, "recognise as an independent state", R("2008-08-01", "2008-12-31"),
          "Georgia severed diplomatic relations with Russia", prec="year", background=True,
          group="g-recognition-2008", notes="Breakaway region coded with its parent state's code (held10 convention 1).")
g.write()
