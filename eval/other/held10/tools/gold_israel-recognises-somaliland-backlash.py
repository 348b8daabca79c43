from gold_lib import A, L, Q, R
from sentence_gold import SGold as Gold

g = Gold("israel-recognises-somaliland-backlash")
PUB = "2025-12-28"
NET = A("Benjamin Netanyahu", "ISR", "GOV")
ISR = A("Israel", "ISR", "GOV")
SLD = A("Somaliland", "SOM", "GOV")
IRRO = A("Abdirahman Mohamed Abdullahi (Irro)", "SOM", "GOV")
SOM = A("Somalia", "SOM", "GOV")
N = "Somaliland has no code of its own; it is coded SOM GOV, as the KRG is IRQ GOV (CONVENTIONS 19)."

g.add("054", NET, SLD, "recognise Somaliland as an independent and sovereign state", "2025-12-26",
      "Prime Minister Benjamin Netanyahu announced on Friday that Israel recognised Somaliland",
      group="g-recognition", notes=N)
g.add("057", NET, IRRO, "sign a joint declaration of mutual recognition", "2025-12-26",
      "Netanyahu and Foreign Minister Gideon Saar signed a joint declaration", symmetric=True, group="g-recognition",
      notes="The signed declaration is the recognition itself: two codings of one act (CONVENTIONS 2).")
g.add("036", NET, IRRO, "invite Irro to make an official visit to Israel", "2025-12-26",
      "Netanyahu also invited Irro to make an official visit", status="proposed", loc=L("Israel", "ISR"))
g.add("030", NET, SLD, "say the two governments will expand cooperation in agriculture, health and technology",
      "2025-12-26", "Netanyahu also invited Irro to make an official visit", status="proposed", uncertain=True)
g.add("051", IRRO, NET, "thank Netanyahu for 'a historic and courageous step'", R("2025-12-26", PUB),
      "Irro thanked Netanyahu")
g.add("032", IRRO, ISR, "say Somaliland will join the Abraham Accords", R("2025-12-26", PUB),
      "He said Somaliland would join the Abraham Accords", status="proposed", uncertain=True)
g.add("111", SOM, ISR, "condemn the recognition as a deliberate attack on Somalia's sovereignty", "2025-12-26",
      "Somalia's federal government condemned the recognition late on Friday", uncertain=True)
g.add("041", A("Hassan Sheikh Mohamud", "SOM", "GOV"), A("Recep Tayyip Erdoğan", "TUR", "GOV"),
      "telephone call on the recognition", "2025-12-27", "President Hassan Sheikh Mohamud discussed the decision",
      symmetric=True)
for c, n in (("SOM", "Somali foreign minister"), ("TUR", "Turkish foreign minister"), ("DJI", "Djiboutian foreign minister")):
    g.add("041", A("Badr Abdelatty", "EGY", "GOV"), A(n, c, "GOV"), "telephone call on the recognition", "2025-12-26",
          "Egypt's Foreign Minister Badr Abdelatty spoke by phone on Friday night", symmetric=True, group="g-abdelatty-calls",
          notes="One call per counterpart, grouped (batch-8 convention 4).")
for c, n in (("EGY", "Badr Abdelatty"), ("SOM", "Somali foreign minister"), ("TUR", "Turkish foreign minister"),
             ("DJI", "Djiboutian foreign minister")):
    g.add("111", A(n, c, "GOV"), ISR, "joint statement rejecting the recognition as a flagrant violation of international law",
          R("2025-12-26", PUB), "The four ministers then issued a joint statement", uncertain=True, group="g-joint-statement",
          notes="One record per signatory, grouped. 'Rejecting' a unilateral act is coded as disapproval, not 12x.")
g.add("111", A("Mahmoud Ali Youssouf", "AFU", "IGO"), ISR, "reject the move and warn of 'a dangerous precedent'",
      R("2025-12-26", PUB), "African Union Commission chairperson Mahmoud Ali Youssouf also rejected", uncertain=True)
g.add("111", A("Ahmed Aboul Gheit", "ARL", "IGO"), ISR, "condemn the recognition", "2025-12-27",
      "Arab League Secretary-General Ahmed Aboul Gheit condemned", loc=L("Cairo", "EGY"))
g.add("141", A("protesters in Mogadishu", "SOM", "CVL"), ISR, "protest against Israel's recognition of Somaliland",
      "2025-12-27", "Hundreds of people took to the streets of Mogadishu", loc=L("Mogadishu", "SOM"),
      notes="Lede is the fullest statement; the later Mogadishu paragraph is the same unit.")
# background
g.add("057", A("Abiy Ahmed", "ETH", "GOV"), A("Muse Bihi Abdi", "SOM", "GOV"),
      "sign a memorandum of understanding on sea access", R("2024-01-01", "2024-01-31"),
      "In January 2024, Ethiopian Prime Minister Abiy Ahmed signed", prec="month", symmetric=True, background=True)
g.add("161", SOM, A("Ethiopia", "ETH", "GOV"), "expel Ethiopia's ambassador", R("2024-04-01", "2024-04-30"),
      "Mogadishu expelled Ethiopia's ambassador three months later", prec="month", uncertain=True, background=True,
      group="g-bg-expel")
g.add("174", SOM, A("Ethiopian ambassador", "ETH", "GOV"), "expel Ethiopia's ambassador", R("2024-04-01", "2024-04-30"),
      "Mogadishu expelled Ethiopia's ambassador three months later", prec="month", uncertain=True, background=True,
      group="g-bg-expel")
for c, n in (("SOM", "Somalia"), ("ETH", "Ethiopia")):
    g.add("045", A("Turkey", "TUR", "GOV"), A(n, c, "GOV"), "mediate talks between Somalia and Ethiopia",
          R("2024-04-01", "2024-12-31"), "Mogadishu expelled Ethiopia's ambassador three months later", prec="unknown",
          loc=L("Ankara", "TUR"), background=True, group="g-bg-ankara")
g.add("057", SOM, A("Ethiopia", "ETH", "GOV"), "agree the Ankara Declaration", R("2024-12-01", "2024-12-31"),
      "Mogadishu expelled Ethiopia's ambassador three months later", prec="month", loc=L("Ankara", "TUR"),
      symmetric=True, background=True, group="g-bg-ankara")
g.write()
