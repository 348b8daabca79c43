from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("azerbaijan-russia-sputnik-detentions")
PUB = "2025-07-01"
AZE = A("Azerbaijan", "AZE", "GOV")
RUSG = A("Russia", "RUS", "GOV")

g.add("173", A("State Security Service", "AZE", "SPY"), A("Sputnik Azerbaijan director and editor-in-chief", "RUS", "MED"),
      "detain Sputnik Azerbaijan's director and editor-in-chief", "2025-06-30",
      "Officers from Azerbaijan's State Security Service searched the agency's office",
      loc=L("Baku", "AZE"), qty=[Q(2, "Sputnik Azerbaijan staff")],
      notes="Lede repeats it ('Azerbaijani police detained two senior employees'); the detail sentence is the evidence.")
g.add("112", A("Azerbaijani interior ministry", "AZE", "GOV"), A("Sputnik Azerbaijan director and editor-in-chief", "RUS", "MED"),
      "say the two men were suspected of working for the FSB", R("2025-06-30", PUB),
      "The interior ministry said Sputnik Azerbaijan had been operating without accreditation", uncertain=True,
      notes="Separately stated reason for the arrest (batch-8 convention 7); undated reaction to a dated event.")
g.add("016", A("Rossiya Segodnya", "RUS", "MED"), A("Azerbaijani interior ministry", "AZE", "GOV"),
      "dismiss the espionage allegation as absurd", PUB,
      "Rossiya Segodnya, Sputnik's parent company, dismissed the allegation")
g.add("114", A("Russian foreign ministry", "RUS", "GOV"), A("Rahman Mustafayev", "AZE", "GOV"),
      "summon Azerbaijan's ambassador in protest", "2025-06-30",
      "Russia's foreign ministry summoned Azerbaijan's ambassador", uncertain=True, group="g-summons")
g.add("1053", A("Russian foreign ministry", "RUS", "GOV"), AZE,
      "demand the immediate release of the journalists", "2025-06-30",
      "Russia's foreign ministry summoned Azerbaijan's ambassador", group="g-summons",
      notes="Demand made in the summons: second coding of one act (batch-8 convention 1).")
g.add("111", A("Maria Zakharova", "RUS", "GOV"), AZE, "call the raid an unfriendly act", R("2025-06-30", PUB),
      "She called the raid \"an unfriendly act\"")
g.add("173", A("Baku police", "AZE", "COP"), A("Russian citizens", "RUS", "CVL"),
      "detain eight Russian citizens over suspected drug trafficking and cybercrime", "2025-06-30",
      "Police in Baku also detained eight Russian citizens", loc=L("Baku", "AZE"), qty=[Q(8, "Russian citizens")])
g.add("020", A("Russian embassy in Baku", "RUS", "GOV"), AZE, "request consular access to the eight detained Russians",
      R(None, PUB), "Russia's embassy said it had requested consular access", uncertain=True,
      notes="'said it had requested': batch-9 convention 14.")
g.add("173", A("Russian police", "RUS", "COP"), A("Azerbaijani diaspora in Yekaterinburg", "AZE", "CVL"),
      "raid homes of Azerbaijanis and detain about 50 people", "2025-06-27",
      "The row erupted on Friday, when Russian police raided", loc=L("Yekaterinburg", "RUS"),
      qty=[Q(50, "people detained")],
      notes="Count from the next sentence, which has no actor; the deaths have no stated acting party and are not coded.")
g.add("112", A("Azerbaijan's Prosecutor General's Office", "AZE", "JUD"), A("Russian police", "RUS", "COP"),
      "say forensic examinations showed the brothers died of injuries caused by beatings", "2025-06-29",
      "Azerbaijan's Prosecutor General's Office said on Sunday",
      notes="Accusation; the alleged killing is not coded on its own (CONVENTIONS 11).")
g.add("016", A("Russia's Investigative Committee", "RUS", "JUD"), A("Azerbaijan", "AZE", "GOV"),
      "say one brother died of heart failure", R("2025-06-27", PUB),
      "Russia's Investigative Committee said one of the brothers", uncertain=True,
      notes="Implicit denial of the beating allegation (010 defensible).")
g.add("160", AZE, RUSG, "cancel all cultural events planned in Azerbaijan by Russian bodies", "2025-06-28",
      "Baku responded on Saturday by cancelling all cultural events", uncertain=True)
g.add("161", AZE, A("Alexei Overchuk", "RUS", "GOV"), "call off a visit by Russian Deputy Prime Minister Overchuk",
      "2025-06-29", "On Sunday it called off a visit by Russian Deputy Prime Minister", uncertain=True,
      notes="125 defensible.")
g.add("100", AZE, RUSG, "demand that Russia open a criminal case and punish those responsible", R(None, PUB),
      "Foreign Minister Jeyhun Bayramov told reporters on Tuesday", uncertain=True,
      notes="'had demanded' reported on Tuesday: batch-9 convention 14.")
g.add("111", A("Dmitry Peskov", "RUS", "GOV"), AZE, "criticise the detentions in Baku as unjustified", PUB,
      "Kremlin spokesman Dmitry Peskov on Tuesday criticised")
g.add("036", A("Dmitry Peskov", "RUS", "GOV"), AZE, "say Moscow intends to resolve the dispute through dialogue", PUB,
      "He said Moscow valued its ties with Azerbaijan", status="proposed", uncertain=True, notes="037 defensible.")
g.add("1313", A("Leonid Slutsky", "RUS", "LEG"), AZE,
      "say the Duma could review cooperation programmes with Baku if the Russians are not released", PUB,
      "A senior Russian lawmaker, Leonid Slutsky,",
      notes="Conditional threat, status occurred (batch-8 convention 3).")
# background
g.add("195", A("Russian air defence", "RUS", "MIL"), A("Azerbaijan Airlines", "AZE", "BUS"),
      "hit an Azerbaijan Airlines passenger jet with air defence fire", R("2024-12-01", "2024-12-31"),
      "Relations between the two former Soviet republics", prec="month", loc=L("Chechnya", "RUS"),
      qty=[Q(38, "people killed")], background=True, uncertain=True)
g.add("055", A("Vladimir Putin", "RUS", "GOV"), A("Ilham Aliyev", "AZE", "GOV"),
      "apologise for the 'tragic incident' in Russian airspace", R("2024-12-01", "2024-12-31"),
      "Russian President Vladimir Putin apologised to President Ilham Aliyev", prec="month",
      background=True, group="g-bg-call")
g.add("041", A("Vladimir Putin", "RUS", "GOV"), A("Ilham Aliyev", "AZE", "GOV"), "telephone call",
      R("2024-12-01", "2024-12-31"), "Russian President Vladimir Putin apologised to President Ilham Aliyev",
      prec="month", symmetric=True, background=True, group="g-bg-call")
g.add("112", A("Ilham Aliyev", "AZE", "GOV"), RUSG, "accuse Moscow of trying to hush up the cause of the crash",
      R("2025-01-01", "2025-01-31"), "Aliyev accused Moscow in January", prec="month", background=True)
g.add("1031", A("Ilham Aliyev", "AZE", "GOV"), RUSG, "demand compensation for the victims' families",
      R("2025-01-01", PUB), "Aliyev accused Moscow in January", prec="unknown", background=True, uncertain=True,
      notes="'has since demanded': context, background.")
g.write()
