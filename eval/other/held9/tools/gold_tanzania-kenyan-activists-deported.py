from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("tanzania-kenyan-activists-deported")
PUB = "2025-05-21"
tza = A("Tanzanian government", "TZA", "GOV")
imm = A("Tanzanian immigration officers", "TZA", "GOV")
police = A("Tanzania Police Force", "TZA", "COP")
mwangi = A("Boniface Mwangi", "KEN", "HRI")
atuhaire = A("Agather Atuhaire", "UGA", "HRI")
dar = L("Dar es Salaam", "TZA")
nbo = L("Nairobi", "KEN")

g.add("174", imm, A("Martha Karua and two Kenyan lawyers", "KEN", "OPP"), "turn back Karua and two lawyers at the airport and fly them back to Nairobi",
      "2025-05-18", "Tanzanian immigration officers turned back", loc=dar, qty=[Q(3, "people deported")])
g.add("174", imm, A("Willy Mutunga", "KEN", "CVL"), "refuse entry to former Chief Justice Willy Mutunga", "2025-05-19",
      "On Monday, immigration officers at the same airport refused entry", loc=dar, uncertain=True,
      notes="Refusal of entry at the airport: 174 by analogy with pushbacks (batch-8 convention 8).")
for t in (mwangi, atuhaire):
    g.add("173", police, t, "detain Mwangi and Atuhaire at their hotel", "2025-05-19",
          "Police detained Kenyan activist Boniface Mwangi", loc=dar, group="g-mwangi-atuhaire",
          notes="One arrest of two people of two countries: one record per person, grouped.")
g.add("112", A("David Misime", "TZA", "COP"), mwangi, "say Mwangi is held over immigration irregularities and incitement",
      "2025-05-20", "Tanzania Police Force spokesman David Misime said on Tuesday", uncertain=True,
      notes="Separately stated reason for the detention (batch-8 convention 7).")
g.add("130", A("Samia Suluhu Hassan", "TZA", "GOV"), A("Kenyan activists", "KEN", "HRI"),
      "warn Kenyan activists against meddling; will not allow them to disrupt the peace", "2025-05-19",
      "Speaking at State House on Monday", loc=dar, uncertain=True,
      notes="Warning = threat (batch-8 convention 3); 137 (threaten with repression) defensible.")
g.add("173", police, A("Chadema supporters", "TZA", "OPP"), "block supporters from the court and arrest at least 12",
      "2025-05-19", "At the High Court in Dar es Salaam, where Lissu appeared", loc=dar, qty=[Q(12, "supporters arrested")])
g.add("111", A("Faith Odhiambo", "KEN", "NGO"), tza, "condemn Karua's deportation as an assault on regional integration",
      "2025-05-18", "LSK president Faith Odhiambo on Sunday condemned", notes="LSK president; LSK coded KEN NGO.")
g.add("0253", A("Musalia Mudavadi", "KEN", "GOV"), tza, "raise Mwangi's detention and call for his immediate release",
      "2025-05-20", "Prime Cabinet Secretary and Foreign Affairs Cabinet Secretary Musalia Mudavadi")
g.add("111", A("Bobi Wine", "UGA", "OPP"), tza, "denounce Atuhaire's detention as an abduction", "2025-05-20",
      "Uganda's opposition leader Robert Kyagulanyi")
g.add("141", A("Kenyan activists", "KEN", "CVL"), tza, "march to the Tanzanian High Commission to protest and demand the release of Mwangi and Atuhaire",
      "2025-05-20", "On Tuesday afternoon, about 200 activists marched", loc=nbo, qty=[Q(200, "activists")])
g.add("133", A("Kenyan activists", "KEN", "CVL"), tza, "threaten to march to the Namanga border post on Friday unless the two are freed",
      R("2025-05-20", PUB), "The organisers said they would march",
      notes="Conditional threat of protest: 133, occurred (batch-8 convention 3). Undated, after the Tuesday march.")
g.add("0253", A("UN Human Rights Office", "UNO", "IGO", alt="HCH"), tza, "urge the authorities to release Mwangi and Atuhaire",
      "2025-05-20", "The UN Human Rights Office said on Tuesday")
# background
lissu = A("Tundu Lissu", "TZA", "OPP")
g.add("173", police, lissu, "arrest Lissu after a rally in Mbinga", "2025-04-09", "Lissu, Chadema's chairman, was arrested",
      loc=L("Mbinga", "TZA"), background=True, group="g-lissu-arrest")
g.add("173", A("Tanzanian prosecutors", "TZA", "JUD"), lissu, "charge Lissu with treason", "2025-04-10",
      "Lissu, Chadema's chairman, was arrested", background=True, group="g-lissu-arrest")
g.add("1722", A("Independent National Electoral Commission", "TZA", "GOV"), A("Chadema", "TZA", "OPP"),
      "disqualify Chadema from the election", "2025-04-12", "The Independent National Electoral Commission disqualified",
      background=True)
g.add("120", A("Chadema", "TZA", "OPP"), A("Independent National Electoral Commission", "TZA", "GOV"),
      "refuse to sign the electoral code of conduct", R(None, "2025-04-12"), "The Independent National Electoral Commission disqualified",
      status="rejected", prec="unknown", background=True, uncertain=True)
g.add("046", A("Kenya", "KEN", "GOV"), tza, "negotiate the removal of non-tariff barriers at border crossings", R(None, PUB),
      "Regional diplomats say the episode", status="ongoing", prec="unknown", symmetric=True, background=True,
      notes="Ongoing talks mentioned as context by 'regional diplomats': background.")
g.write()
