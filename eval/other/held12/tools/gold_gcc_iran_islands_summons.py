"""Gold for gcc-iran-islands-summons (published Tuesday 2025-09-23)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("gcc-iran-islands-summons")
PUB = "2025-09-23"
IRN = A("Iran", "IRN", "GOV")
IRN_MFA = A("Iranian foreign ministry", "IRN", "GOV")
BAGHAEI = A("Esmaeil Baghaei", "IRN", "GOV")
ARAGHCHI = A("Abbas Araghchi", "IRN", "GOV")
TANGSIRI = A("Alireza Tangsiri", "IRN", "MIL")
ARE = A("United Arab Emirates", "ARE", "GOV")
ARE_AMB = A("UAE ambassador in Tehran", "ARE", "GOV")
ARE_MFA = A("UAE foreign ministry", "ARE", "GOV")
GCC = A("GCC ministerial council", "GCC", "IGO")
ISR = A("Israel", "ISR", "GOV")
ISR_MIL = A("Israel", "ISR", "MIL")
QAT_PM = A("Sheikh Mohammed bin Abdulrahman Al Thani", "QAT", "GOV")
HAMAS = A("Hamas officials in Doha", "PSE", "REB", alt=["HMS", "QAT"])
CHN = A("China's ambassador", "CHN", "GOV")
NY = L("New York", "USA")

g.add("114", IRN_MFA, ARE_AMB, "summon the UAE ambassador to protest over the GCC statement", "2025-09-22",
      "The ministry summoned the Emirati ambassador the same day", loc=L("Tehran", "IRN"), uncertain=True,
      notes="Lede and detail describe one summons; evidence is the detail. 111 equally defensible (batch-8 convention 1).")
GCCS = "The Gulf Cooperation Council (GCC) ministerial council, meeting"
g.add("027", GCC, IRN, "call on Iran to settle the islands dispute by negotiation or at the ICJ", "2025-09-21", GCCS,
      loc=NY, uncertain=True, notes="026 defensible.")
g.add("111", GCC, ISR, "condemn Israel's strike in Doha as a flagrant violation of Qatar's sovereignty", "2025-09-21",
      "In the same statement, the ministers condemned", loc=NY,
      notes="A separate act in the same statement (batch-9 convention 9).")
g.add("125", BAGHAEI, GCC, "reject the call for negotiation: sovereignty not open to negotiation", "2025-09-22",
      "Esmaeil Baghaei, rejected the council's call", status="rejected", uncertain=True,
      notes="Refusal of an appeal (batch-9 convention 7); 127 defensible.")
g.add("111", BAGHAEI, GCC, "call the GCC statement baseless", "2025-09-22",
      "He said the GCC statement was \"baseless\"")
UAE = "The UAE foreign ministry said on Tuesday that it rejected the summons"
g.add("111", ARE_MFA, IRN, "reject Iran's summons of its ambassador", PUB, UAE, uncertain=True,
      notes="Rejecting the other side's unilateral act (held10 convention 2).")
g.add("027", ARE_MFA, IRN, "renew the call for Iran to accept referral to the ICJ", PUB, UAE, uncertain=True,
      notes="Separate unit from the rejection (batch-9 convention 9).")
g.add("138", TANGSIRI, ARE, "warn of a decisive response to any move against the islands", "2025-09-22",
      "Alireza Tangsiri, warned on Monday")
g.add("044", ARAGHCHI, QAT_PM, "meet in New York during the General Assembly", "2025-09-22",
      "met Qatar's Prime Minister and Foreign Minister", loc=NY, symmetric=True,
      notes="Meeting at a third location (CONVENTIONS 4).")
g.add("030", ARAGHCHI, ARE, "say Tehran wants friendly relations with its Gulf neighbours, including the UAE", "2025-09-22",
      "He told reporters afterwards that Tehran wanted", status="proposed",
      notes="Stated intention (CONVENTIONS 9); target the one neighbour named.")
# background
g.add("195", ISR_MIL, HAMAS, "strike Hamas officials in Doha", "2025-09-09",
      "In the same statement, the ministers condemned", loc=L("Doha", "QAT"), background=True)
g.add("192", IRN, ARE, "take control of Greater Tunb, Lesser Tunb and Abu Musa", R("1971-11-01", "1971-11-30"),
      "Iran took control of the islands in November 1971", prec="month", background=True)
g.add("114", IRN, CHN, "summon China's ambassador over a China-GCC statement", R("2023-12-01", "2023-12-31"),
      "In December 2023, Iran summoned China's ambassador", prec="month", background=True, uncertain=True)
g.add("050", ARE, IRN, "return the UAE ambassador to Tehran", R("2022-01-01", "2022-12-31"),
      "Relations between Tehran and Abu Dhabi have otherwise improved", prec="year", background=True, uncertain=True)
g.add("190", ISR, IRN, "12-day war between Israel and Iran", R("2025-06-13", "2025-06-24"),
      "Relations between Tehran and Abu Dhabi have otherwise improved", symmetric=True, background=True,
      notes="Context summary (CONVENTIONS 5).")
g.write()
