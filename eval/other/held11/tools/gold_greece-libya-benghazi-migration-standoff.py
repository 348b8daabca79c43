#!/usr/bin/env python3
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("greece-libya-benghazi-migration-standoff")
HAMMAD = A("Libyan government of Osama Hammad (eastern Libya)", "LBY", "GOV")
BENGHAZI = L("Benghazi", "LBY")
GRC = A("Greek government", "GRC", "GOV")
EXPEL = "declare the EU migration delegation persona non grata and order it to leave on arrival in Benghazi"
for tgt in (A("Magnus Brunner", "EEC", "IGO"), A("Thanos Plevris", "GRC", "GOV"),
            A("Matteo Piantedosi", "ITA", "GOV"), A("Byron Camilleri", "MLT", "GOV")):
    g.add("174", HAMMAD, tgt, EXPEL, "2025-07-08", "The crackdown follows an embarrassing episode in Benghazi on Tuesday",
          loc=BENGHAZI, group="g-benghazi-expulsion",
          notes="One record per member of the delegation, grouped (batch-9 convention 5; batch-8 convention 4). The members are named in the next sentence.")
g.add("112", HAMMAD, A("EU delegation", "EEC", "IGO", alt=["GRC", "ITA", "MLT"]),
      "accuse the visitors of a flagrant breach of diplomatic norms and of Libyan sovereignty",
      R("2025-07-08", "2025-07-12"), "In a statement, the Hammad government accused", uncertain=True,
      notes="Separately stated accusation that gives the reason for the expulsion (batch-8 convention 7); undated reaction to a dated event (CONVENTIONS 7).")
g.add("120", A("EU delegation", "EEC", "IGO", alt=["GRC", "ITA", "MLT"]), HAMMAD, "refuse to be photographed with members of the eastern government",
      "2025-07-08", "the delegation had refused to be photographed", status="rejected", uncertain=True,
      notes="Reason given by officials in Brussels; refusal answering an implicit request (batch-9 convention 7). 'which the EU does not recognise' is habitual, not coded.")
g.add("036", A("Magnus Brunner", "EEC", "IGO"), A("Libya", "LBY", "GOV"), "say he intends to return to Libya as soon as possible to pursue talks",
      "2025-07-09", "saying he intended to return to Libya", status="proposed", loc=L("Libya", "LBY"),
      notes="Stated intention (CONVENTIONS 9), dated from the preceding sentence ('on Wednesday'); location = proposed venue.")
g.add("042", A("Giorgos Gerapetritis", "GRC", "GOV"), A("Khalifa Haftar", "LBY", "MIL"), "visit Benghazi and meet Haftar",
      "2025-07-06", "travelled to Benghazi last Sunday", loc=BENGHAZI, symmetric=True, uncertain=True,
      notes="'Last Sunday' in a Saturday report = 6 July.")
g.add("042", A("Giorgos Gerapetritis", "GRC", "GOV"), A("Abdul Hamid Dbeibah", "LBY", "GOV"), "visit Tripoli for talks with Dbeibah",
      "2025-07-06", "travelled to Benghazi last Sunday", loc=L("Tripoli", "LBY"), symmetric=True, uncertain=True,
      notes="Second visit the same day ('the same day').")
g.add("046", GRC, A("Eastern Libyan delegation", "LBY", "GOV"), "talks in Athens on migration and maritime boundaries",
      R("2025-07-14", "2025-07-20"), "A delegation from eastern Libya is expected in Athens next week", prec="week",
      status="scheduled", loc=L("Athens", "GRC"), symmetric=True)
g.add("111", A("UNHCR", "HCR", "IGO", alt="UNO"), GRC, "criticise the asylum suspension as a dangerous precedent",
      "2025-07-11", "The UN refugee agency, UNHCR, criticised the suspension on Friday")
g.add("0231", A("Mayor of Chania", "GRC", "GOV"), GRC, "ask the government for emergency funds to house new arrivals",
      R(None, "2025-07-12"), "who has asked the government for emergency funds",
      notes="Completed at an unknown time ('has asked'): CONVENTIONS 7.")
g.add("112", A("Greek opposition parties", "GRC", "OPP"), GRC, "accuse the government of breaking international law",
      R("2025-07-09", "2025-07-12"), "Opposition parties accused the government of breaking international law.",
      notes="Undated reaction to the measure announced on Wednesday (CONVENTIONS 7).")
g.add("016", A("Thanos Plevris", "GRC", "GOV"), A("Greek opposition parties", "GRC", "OPP"), "dismiss the criticism that the law breaks international law",
      "2025-07-11", "Plevris dismissed the criticism", uncertain=True,
      notes="Rebuttal of an accusation read as a denial (CONVENTIONS 11).")
# background
g.add("057", A("Government of National Accord (Tripoli)", "LBY", "GOV"), A("Turkey", "TUR", "GOV"), "sign a maritime boundary memorandum",
      R("2019-11-01", "2019-11-30"), "Relations between Athens and Libya have been strained since November 2019", prec="month",
      symmetric=True, background=True)
g.add("161", GRC, A("Libya", "LBY", "GOV"), "expel the Libyan ambassador in protest at the memorandum",
      R("2019-12-01", "2019-12-31"), "Weeks later, in December 2019, Greece expelled the Libyan ambassador in protest.", prec="month",
      background=True, uncertain=True, group="g-bg-ambassador", notes="Batch-9 convention 1.")
g.add("174", GRC, A("Libyan ambassador to Greece", "LBY", "GOV"), "expel the Libyan ambassador",
      R("2019-12-01", "2019-12-31"), "Weeks later, in December 2019, Greece expelled the Libyan ambassador in protest.", prec="month",
      background=True, uncertain=True, group="g-bg-ambassador")
g.write()
