from gold_lib import Gold, A, L, Q, R
g = Gold("egy-eth-gerd-flood-releases")
EGY = A("Egypt", "EGY", "GOV"); ETH = A("Ethiopia", "ETH", "GOV"); SDN = A("Sudan", "SDN", "GOV")
ABD = A("Badr Abdelatty", "EGY", "GOV")
CAIRO = L("Cairo", "EGY"); ADD = L("Addis Ababa", "ETH")
g.add("112", EGY, ETH, "accuse Ethiopia of reckless and unilateral releases from the GERD", "2026-09-16",
      ("Egypt on Wednesday accused Ethiopia", "in more than a decade."), loc=CAIRO,
      notes="Lede; Abdelatty's news-conference sentence is the same accusation (one record).")
g.add("130", ABD, ETH, "say Egypt reserves the right to take all measures to defend its water security", "2026-09-16",
      ("\"Egypt reserves its full right under the United Nations Charter", "he said."), loc=CAIRO)
g.add("114", A("Egyptian foreign ministry", "EGY", "GOV"), A("Ethiopia", "ETH", "GOV", alt=["UNO"]),
      "send a letter of complaint about the dam to the Security Council president", "2026-09-15",
      ("The foreign ministry said Cairo had sent a letter", "regional peace and security."),
      notes="Complaint about Ethiopia addressed to the UNSC: target Ethiopia, alt UNO.")
g.add("016", A("Ethiopian foreign ministry", "ETH", "GOV"), EGY, "reject the Egyptian accusations as baseless", "2026-09-16",
      ("Ethiopia's foreign ministry rejected the Egyptian accusations", "on Wednesday evening."))
for tgt in (EGY, SDN):
    g.add("036", ETH, tgt, "invite Egypt and Sudan to technical talks in Addis Ababa on Sept 28", "2026-09-16",
          ("In the same statement, Addis Ababa invited Egypt and Sudan", "extreme flood events.\""),
          loc=ADD, status="proposed", group="g-eth-invite", notes="Location = proposed venue; talks not agreed, so no 046.")
g.add("125", ABD, ETH, "refuse to return to 'talks for the sake of talks'", "2026-09-16",
      ("Abdelatty said on Wednesday that Egypt would not return", "operation of the dam."), status="rejected")
g.add("111", SDN, ETH, "criticise Addis Ababa over the flooding", R(None, "2026-09-17"),
      "Sudan, which has borne the brunt of the flooding along the Blue Nile, has also criticised Addis Ababa.",
      group="g-sdn-criticism", prec="unknown", notes="Summary of the Monday statement (CONVENTIONS 1).")
g.add("112", A("Sudanese irrigation ministry", "SDN", "GOV"), ETH, "say Ethiopia released huge quantities of water without warning",
      "2026-09-14", ("Sudan's irrigation ministry said on Monday", "Sennar and Blue Nile states."), group="g-sdn-criticism")
BUR = A("Abdel Fattah al-Burhan", "SDN", "GOV"); ABIY = A("Abiy Ahmed", "ETH", "GOV")
g.add("041", BUR, ABIY, "speak by telephone", "2026-09-14",
      ("Sudan's army chief and head of the Sovereignty Council, Abdel Fattah al-Burhan, spoke by telephone", "the council said."),
      symmetric=True)
g.add("030", BUR, ABIY, "agree to set up a joint technical committee on flood warnings", "2026-09-14",
      "The two leaders agreed to set up a joint technical committee on flood warnings.", symmetric=True, uncertain=True,
      notes="Agreement on a future step: 03x occurred (CONVENTIONS 9).")
g.add("042", A("Kamil Idris", "SDN", "GOV"), A("Abdel Fattah al-Sisi", "EGY", "GOV"), "visit Cairo for talks with Sisi",
      "2026-09-15", ("Sudanese Prime Minister Kamil Idris arrived in Cairo on Tuesday", "on the crisis."),
      loc=CAIRO, symmetric=True, uncertain=True)
g.add("057", SDN, EGY, "sign a memorandum on sharing hydrological data", "2026-09-15",
      ("The two sides signed a memorandum of understanding", "the Egyptian presidency said."), loc=CAIRO, symmetric=True)
YOU = A("Mahmoud Ali Youssouf", "AFU", "IGO")
for tgt in (EGY, ETH, SDN):
    g.add("039", YOU, tgt, "offer to convene the three countries in Addis Ababa", "2026-09-16",
          ("The African Union Commission chairperson, Mahmoud Ali Youssouf, said on Wednesday", "escalatory rhetoric."),
          loc=ADD, status="proposed", group="g-au-offer")
for tgt in (EGY, ETH, SDN):
    g.add("020", YOU, tgt, "urge the three countries to avoid escalatory rhetoric", "2026-09-16",
          ("The African Union Commission chairperson, Mahmoud Ali Youssouf, said on Wednesday", "escalatory rhetoric."),
          group="g-au-offer", notes="Second coding of the same statement (CONVENTIONS 2).")
g.add("164", EGY, ETH, "declare the last round of negotiations a failure", R("2023-12-01", "2023-12-31"),
      ("Cairo declared the last round of negotiations a failure in December 2023", "continuing construction."),
      prec="month", background=True)
g.add("112", EGY, ETH, "accuse Addis Ababa of using the talks as cover for construction", R("2023-12-01", "2023-12-31"),
      ("Cairo declared the last round of negotiations a failure in December 2023", "continuing construction."),
      prec="month", background=True)
g.write()
