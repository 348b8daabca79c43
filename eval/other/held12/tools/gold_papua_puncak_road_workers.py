"""Gold for papua-puncak-road-workers (published Friday 2026-01-23)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("papua-puncak-road-workers")
PUB = "2026-01-23"
TPNPB = A("West Papua National Liberation Army (TPNPB)", "IDN", "SEP")
OPM = A("Free Papua Movement (OPM)", "IDN", "SEP")
SAMBOM = A("Sebby Sambom", "IDN", "SEP")
KOGOYA = A("TPNPB fighters led by Egianus Kogoya", "IDN", "SEP")
WORKERS = A("road construction workers", "IDN", "CVL")
MINERS = A("gold miners in Yahukimo", "IDN", "CVL")
IDN = A("Indonesia", "IDN", "GOV")
TNI = A("Indonesian military", "IDN", "MIL")
PIGAI = A("Natalius Pigai", "IDN", "GOV")
PUNCAK = A("Puncak regency administration", "IDN", "GOV")
DISPL = A("displaced villagers", "IDN", "REF")
KOMNAS = A("Komnas HAM", "IDN", "HRI")
MEHRTENS = A("Phillip Mehrtens", "NZL", "CVL")

LEDE = "Separatist rebels in Indonesia's Central Papua province killed four construction workers"
WUL = L("Wuloni, Puncak regency", "IDN")
g.add("180", TPNPB, WORKERS, "kill four construction workers in an attack on a road project", "2026-01-20", LEDE, loc=WUL,
      qty=[Q(4, "workers killed")], group="g-wuloni-attack",
      notes="Killings and abductions in one attack: two codings grouped (CONVENTIONS 2, the Maga precedent). Tuesday from the next sentence.")
g.add("181", TPNPB, WORKERS, "abduct two construction workers", "2026-01-20", LEDE, loc=WUL,
      qty=[Q(2, "workers abducted")], group="g-wuloni-attack")
g.add("015", TPNPB, IDN, "claim the attack", "2026-01-21", "said on Wednesday it had carried out the attack",
      notes="Claim of responsibility, state as target (batch-9 convention 12).")
g.add("1125", SAMBOM, WORKERS, "accuse the workers of being military intelligence agents", "2026-01-21",
      "accused the workers of being intelligence agents", uncertain=True,
      notes="Separately stated accusation given as the reason for the killings (batch-8 convention 7).")
COND = "Sambom said the group would release the two surviving workers only if"
g.add("0353", SAMBOM, IDN, "offer to free the two hostages if troops leave Puncak", "2026-01-22", COND,
      status="proposed", group="g-hostage-condition",
      notes="Conditional offer (CONVENTIONS 9) and demand for withdrawal: two codings of one statement.")
g.add("1056", SAMBOM, TNI, "demand the withdrawal of troops from Puncak", "2026-01-22", COND,
      uncertain=True, group="g-hostage-condition")
g.add("1383", SAMBOM, TNI, "threaten to kill the hostages if soldiers attempt a rescue", "2026-01-22",
      "He said they would be killed if soldiers attempted a rescue",
      notes="Conditional threat: occurred (batch-8 convention 3). The lede's summary is the same act.")
g.add("190", TNI, TPNPB, "clash with rebels in Gome, killing three", "2026-01-22",
      "Indonesian troops clashed with rebels in the Gome district", loc=L("Gome, Puncak regency", "IDN"),
      qty=[Q(3, "people killed")], symmetric=True)
g.add("1122", SAMBOM, TNI, "accuse soldiers of firing indiscriminately at a village", R("2026-01-22", PUB),
      "accused soldiers of firing indiscriminately at a village",
      notes="Alleged and denied: only accusation and denial coded (CONVENTIONS 11).")
g.add("016", TNI, TPNPB, "deny the claim, saying all three were armed", R("2026-01-22", PUB),
      "The military spokesman denied the claim")
g.add("111", PIGAI, TPNPB, "condemn the killing of the workers as a crime against humanity", "2026-01-21",
      "condemned the killing of the workers on Wednesday",
      notes="'those responsible must be brought to justice' has no named addressee: not coded (CONVENTIONS 13).")
g.add("073", PUNCAK, DISPL, "distribute rice, cooking oil and blankets to the displaced", "2026-01-22",
      "The Puncak regency administration distributed rice", loc=L("Ilaga", "IDN"))
g.add("092", KOMNAS, TPNPB, "send a team to gather information on the killings", R(None, PUB),
      "said it had sent a team to Puncak", loc=L("Puncak regency", "IDN"), uncertain=True,
      notes="'said it had sent': batch-9 convention 14. Target: the perpetrators of the killings.")
# background
DES = "in 2021 designated the TPNPB and the OPM as terrorist organisations"
g.add("163", IDN, TPNPB, "designate as a terrorist organisation", R("2021-01-01", "2021-12-31"), DES, prec="year",
      uncertain=True, background=True, group="g-designation-2021", notes="held11 convention 1.")
g.add("163", IDN, OPM, "designate as a terrorist organisation", R("2021-01-01", "2021-12-31"), DES, prec="year",
      uncertain=True, background=True, group="g-designation-2021")
g.add("180", TPNPB, MINERS, "kill at least 11 gold miners in Yahukimo", R("2025-04-01", "2025-04-30"),
      "when the TPNPB killed at least 11 gold miners", prec="month", loc=L("Yahukimo regency", "IDN"),
      qty=[Q(11, "miners killed")], background=True,
      notes="The accusation in the same sentence is the reason for the act and is not coded (batch-8 convention 7).")
g.add("181", KOGOYA, MEHRTENS, "abduct the New Zealand pilot in Nduga", R("2023-02-01", "2023-02-28"),
      "In February 2023, TPNPB fighters led by Egianus Kogoya abducted", prec="month", loc=L("Nduga regency", "IDN"),
      background=True)
g.add("0841", TPNPB, MEHRTENS, "release the pilot after 19 months", R("2024-09-01", "2024-09-30"),
      "The rebels released him in September 2024", prec="month", background=True)
g.write()
