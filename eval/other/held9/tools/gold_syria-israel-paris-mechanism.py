from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("syria-israel-paris-mechanism")
PUB = "2026-01-08"
syr = A("Syria", "SYR", "GOV")
isr = A("Israel", "ISR", "GOV")
idf = A("Israeli military", "ISR", "MIL")
paris = L("Paris", "FRA")
days = R("2026-01-05", "2026-01-06")

g.add("046", A("Asaad al-Shaibani", "SYR", "GOV"), A("Yechiel Leiter", "ISR", "GOV"), "two days of direct talks in Paris",
      days, "Syrian Foreign Minister Asaad al-Shaibani and Israel's ambassador", loc=paris, symmetric=True)
for t in (syr, isr):
    g.add("045", A("Tom Barrack", "USA", "GOV"), t, "mediate the Paris talks, shuttling between the delegations", days,
          "US special envoy Tom Barrack mediated", loc=paris, group="g-barrack")
g.add("030", syr, isr, "agree to establish a joint cell of military liaison officers to defuse incidents", "2026-01-06",
      "At the end of the talks on Tuesday, the two sides agreed", loc=paris, symmetric=True, uncertain=True,
      notes="Agreement on a future step, occurred (convention 9); 0356 or 0312 defensible. Lede states the same agreement.")
g.add("046", syr, isr, "meet again later this month on a broader security arrangement", R("2026-01-09", "2026-01-31"),
      "A US official said the delegations would meet again", status="scheduled", symmetric=True, prec="month",
      notes="'later this month': publication+1 to the month's end; no venue.")
for t in (syr, isr):
    g.add("045", A("United States", "USA", "GOV"), t, "host the next round under US auspices", R("2026-01-09", "2026-01-31"),
          "A US official said the delegations would meet again", status="scheduled", prec="month", group="g-us-next-round")
g.add("173", idf, A("Residents of Jubata al-Khashab", "SYR", "CVL"), "detain three men in a pre-dawn raid", "2026-01-07",
      "Israeli soldiers entered the village", loc=L("Jubata al-Khashab", "SYR"), qty=[Q(3, "men detained")])
g.add("195", idf, A("Driver near Beit Jinn", "SYR", "CVL"), "drone strike on a car, killing its driver", "2026-01-06",
      "On Tuesday, an Israeli drone struck", loc=L("Beit Jinn", "SYR"), qty=[Q(1, "killed")],
      notes="The Israeli claim that the man smuggled weapons to Hezbollah is the military's account of the target, not coded.")
g.add("111", A("Syrian foreign ministry", "SYR", "GOV"), isr, "condemn the raid as a flagrant violation of sovereignty and the 1974 agreement",
      R("2026-01-07", PUB), "Syria's foreign ministry condemned the raid", notes="Undated reaction to the Wednesday raid.")
g.add("1056", A("Syrian foreign ministry", "SYR", "GOV"), isr, "demand Israel withdraw from all areas entered since December 2024",
      R("2026-01-07", PUB), "In the same statement, the ministry demanded", uncertain=True)
g.add("114", A("UNDOF", "UNO", "PKO"), idf, "lodge a protest over Israeli troops in the area of separation", R(None, PUB),
      "The UN Disengagement Observer Force (UNDOF) said on Wednesday", prec="unknown", uncertain=True,
      notes="'had lodged' (convention 7); 111 defensible.")
g.add("1246", A("Israel Katz", "ISR", "GOV"), syr, "say Israeli forces will not withdraw from Mount Hermon or the buffer zone",
      "2026-01-07", "Israeli Defence Minister Israel Katz said on Wednesday", status="rejected", uncertain=True,
      notes="Refusal answering Syria's withdrawal demand.")
g.add("037", A("Ahmed al-Sharaa", "SYR", "GOV"), isr, "say Syria is ready for a security agreement if Israel returns to the December 8, 2024 lines",
      "2026-01-06", "Speaking to reporters in Damascus on Tuesday", status="proposed", loc=L("Damascus", "SYR"), uncertain=True,
      notes="Conditional offer (convention 9); 036 defensible.")
# background
g.add("192", idf, syr, "move into the buffer zone and seize positions on Mount Hermon", R("2024-12-01", "2024-12-31"),
      "Israel moved troops into the UN-patrolled buffer zone", prec="month", background=True)
g.add("195", isr, syr, "strike the defence ministry and army headquarters in Damascus", R("2025-07-01", "2025-07-31"),
      "In July 2025, Israel struck", loc=L("Damascus", "SYR"), prec="month", background=True)
g.add("190", A("Syrian government forces", "SYR", "MIL"), A("Druze fighters", "SYR", "UAF"), "clashes in Sweida",
      R("2025-07-01", "2025-07-31"), "In July 2025, Israel struck", loc=L("Sweida", "SYR"), prec="month",
      symmetric=True, background=True)
g.add("085", A("Donald Trump", "USA", "GOV"), syr, "lift most US sanctions on Syria", R("2025-01-01", "2025-12-31"),
      "Washington has pushed both sides towards a deal", prec="year", background=True)
g.add("046", syr, isr, "earlier rounds of direct contacts since last year", R("2025-01-01", "2026-01-04"),
      "Syrian Foreign Minister Asaad al-Shaibani and Israel's ambassador", prec="unknown", symmetric=True, background=True,
      notes="Context summary ('the fifth round ... since last year'): background.")
g.write()
