from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("australia-expels-iran-ambassador")
PUB = "2025-08-27"
aus = A("Australian government", "AUS", "GOV")
irn = A("Iran", "IRN", "GOV")
irgc = A("Islamic Revolutionary Guard Corps", "IRN", "MIL")
alb = A("Anthony Albanese", "AUS", "GOV")
bag = A("Esmaeil Baghaei", "IRN", "GOV")
cbr = L("Canberra", "AUS")
react = R("2025-08-26", PUB)

g.add("161", alb, irn, "expel Iran's ambassador and three other officials", "2025-08-26",
      "Prime Minister Anthony Albanese told a press conference in Canberra on Tuesday", loc=cbr,
      qty=[Q(4, "Iranian officials expelled")], group="g-expel", uncertain=True,
      notes="Expulsion of an ambassador: 161 (reduce relations) and 174 (expel individuals) both kept, grouped (convention 2).")
g.add("174", alb, A("Ahmad Sadeghi", "IRN", "GOV"), "declare the ambassador persona non grata and order him to leave within seven days",
      "2025-08-26", "Prime Minister Anthony Albanese told a press conference in Canberra on Tuesday", loc=cbr,
      qty=[Q(4, "Iranian officials expelled")], group="g-expel", uncertain=True)
g.add("161", aus, irn, "suspend operations at the Australian embassy in Tehran and withdraw its diplomats", R(None, PUB),
      "The government also suspended operations", prec="unknown", uncertain=True,
      notes="Day of the suspension not given (announced with the expulsion); 166 defensible.")
g.add("112", alb, irn, "accuse Iran of dangerous acts of aggression orchestrated on Australian soil", "2025-08-26",
      "Albanese accused Iran on Tuesday", loc=cbr)
g.add("112", A("Mike Burgess", "AUS", "SPY"), irgc, "say ASIO concluded the IRGC directed the Bondi and Melbourne arson attacks",
      "2025-08-26", "ASIO director-general Mike Burgess told the same press conference", loc=cbr,
      notes="The alleged IRGC attacks themselves are not coded (convention 11: accusation and denial).")
g.add("1312", alb, irgc, "say the government will legislate to list the IRGC as a state sponsor of terrorism", react,
      "Albanese said the government would legislate", uncertain=True,
      notes="Announced sanction not yet adopted: 1312 (batch-8 convention 2).")
g.add("016", bag, A("Australia", "AUS", "GOV"), "reject the accusations as entirely baseless", react,
      "Iranian Foreign Ministry spokesman Esmaeil Baghaei rejected", notes="'within hours' of the Tuesday announcement.")
g.add("1313", bag, A("Australia", "AUS", "GOV"), "warn of a reciprocal response to diplomatic action", react,
      "Baghaei also warned", uncertain=True, notes="Conditional threat, occurred (batch-8 convention 3).")
g.add("114", A("Iranian foreign ministry", "IRN", "GOV"), A("Australian chargé d'affaires in Tehran", "AUS", "GOV"),
      "summon Australia's chargé d'affaires", R(None, PUB), "On Wednesday morning, Iranian state television reported",
      loc=L("Tehran", "IRN"), prec="unknown", uncertain=True,
      notes="'had summoned' (convention 7); summons coded 114 (batch-8 convention 1).")
g.add("051", A("Gideon Sa'ar", "ISR", "GOV"), A("Australia", "AUS", "GOV"), "praise Australia's strong and decisive move", react,
      "Foreign Minister Gideon Sa'ar praised",
      notes="His appeal to 'other Western countries' is not coded (vague target, convention 13).")
g.add("051", A("Alex Ryvchin", "AUS", "NGO"), aus, "praise the government for acting on ASIO's findings", react,
      "At home, the Executive Council of Australian Jewry")
g.add("051", A("Sussan Ley", "AUS", "OPP"), aus, "say the Coalition supports the expulsion", react,
      "Opposition Leader Sussan Ley said")
g.add("111", A("Sussan Ley", "AUS", "OPP"), aus, "say the government was too slow to confront the threat from Tehran", react,
      "Opposition Leader Sussan Ley said")
g.add("173", A("Victoria Police", "AUS", "COP"), A("Suspect in the synagogue fire", "AUS", "CRM"), "charge a third man over the synagogue fire",
      R(None, PUB), "Victoria Police said on Tuesday", prec="unknown", notes="'had charged' (convention 7).")
g.add("030", A("Penny Wong", "AUS", "GOV"), irn, "say Australia will maintain some diplomatic lines with Iran to help Australians there",
      PUB, "Wong said Australia would maintain", status="proposed", uncertain=True,
      notes="Stated intention (convention 9); undated statement dated to publication (convention 7). 036 defensible.")
# background
g.add("163", aus, irgc, "impose targeted sanctions on IRGC members", R("2022-01-01", "2023-12-31"),
      "Australia imposed targeted sanctions", prec="year", background=True)
g.add("175", irn, A("Iranian protesters", "IRN", "CVL"), "crack down on the protests after Mahsa Amini's death",
      R("2022-01-01", "2022-12-31"), "Australia imposed targeted sanctions", prec="year", background=True, uncertain=True)
g.write()
