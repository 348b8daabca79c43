from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("belarus-prisoners-freed-coale")
PUB = "2026-02-26"
luk = A("Alexander Lukashenko", "BLR", "GOV")
blr = A("Belarusian authorities", "BLR", "GOV")
usa = A("United States", "USA", "GOV")
tsikh = A("Sviatlana Tsikhanouskaya", "BLR", "OPP")
un_sr = A("Nils Muižnieks", "UNO", "IGO")
minsk = L("Minsk", "BLR")

g.add("043", luk, A("John Coale", "USA", "GOV"), "host US envoy Coale and a US delegation for talks", "2026-02-25",
      "Lukashenko hosted Coale and a US delegation", loc=minsk, symmetric=True, uncertain=True,
      notes="Host/visit meeting (convention 4). The lede states the same meeting.")
g.add("0841", blr, A("31 political prisoners", "BLR", "OPP", alt="USA"), "pardon 31 prisoners and hand them over to US diplomats",
      "2026-02-25", "Hours later, Belarusian authorities pardoned", loc=L("Medininkai", "LTU"), qty=[Q(31, "political prisoners")],
      notes="Handover to US diplomats at the Lithuanian border crossing: target the prisoners, USA accepted.")
g.add("085", A("US Treasury Department", "USA", "GOV"), A("Belarus", "BLR", "GOV"),
      "remove Grodno Azot and the Naftan refinery from the sanctions list", "2026-02-25",
      "In return, the US Treasury Department on Wednesday removed")
g.add("0353", luk, usa, "agree to release further prisoners in the coming months", R(None, PUB),
      "Coale told reporters in Vilnius that Lukashenko had agreed", prec="unknown",
      notes="Agreement on a future release: 0353, occurred (convention 9); 'had agreed' dated {null, publication} (convention 7).")
g.add("036", luk, usa, "say he is ready for a 'big deal' with Washington", "2026-02-25",
      "According to BelTA, Lukashenko told the US delegation", status="proposed", loc=minsk, uncertain=True,
      notes="Stated readiness for a deal; 030 or 037 defensible.")
g.add("0254", luk, usa, "ask the US to lift sanctions on Belarus's state banks", "2026-02-25",
      "He also asked the United States to lift sanctions", loc=minsk)
g.add("051", tsikh, A("Donald Trump", "USA", "GOV"), "thank Trump and his team for securing the release", R("2026-02-25", PUB),
      "Exiled opposition leader Sviatlana Tsikhanouskaya thanked", notes="Undated reaction to the Wednesday release.")
g.add("022", tsikh, A("European Union", "EEC", "IGO"), "call on the EU to keep its sanctions until every political prisoner is free",
      R("2026-02-25", PUB), "But she called on the European Union", uncertain=True,
      notes="Appeal (convention 8); the specific 02x code is a judgement call.")
g.add("112", A("Pavel Latushko", "BLR", "OPP"), usa, "accuse Washington of rewarding a hostage-taker by easing sanctions",
      PUB, "Pavel Latushko, who heads", uncertain=True, notes="111 defensible.")
g.add("111", A("Kęstutis Budrys", "LTU", "GOV"), A("Belarus", "BLR", "GOV"), "criticise Minsk for trading people like goods",
      "2026-02-25", "Lithuanian Foreign Minister Kęstutis Budrys said on Wednesday")
g.add("051", un_sr, A("Belarus", "BLR", "GOV"), "welcome the releases", R("2026-02-25", PUB),
      "The UN Special Rapporteur on the situation")
g.add("0253", un_sr, A("Belarus", "BLR", "GOV"), "urge Minsk to free the more than 1,100 people still held on political grounds",
      R("2026-02-25", PUB), "The UN Special Rapporteur on the situation", qty=[Q(1100, "political prisoners")])
# background
g.add("0841", luk, A("Siarhei Tsikhanouski and 13 other prisoners", "BLR", "OPP", alt="USA"), "free Tsikhanouski and 13 other prisoners",
      R("2025-06-01", "2025-06-30"), "In June 2025, Lukashenko freed", prec="month", qty=[Q(14, "prisoners")], background=True)
g.add("043", luk, A("Keith Kellogg", "USA", "GOV"), "receive Trump's envoy Kellogg in Minsk", R("2025-06-01", "2025-06-30"),
      "In June 2025, Lukashenko freed", loc=minsk, prec="month", symmetric=True, uncertain=True, background=True)
g.add("085", usa, A("Belarus", "BLR", "GOV"), "lift sanctions on Belarusian potash", R("2025-12-01", "2025-12-31"),
      "In December 2025, the US lifted sanctions", prec="month", background=True)
g.add("0841", blr, A("123 prisoners", "BLR", "OPP", alt="USA"), "release 123 prisoners including Ales Bialiatski",
      R("2025-12-01", "2025-12-31"), "In December 2025, the US lifted sanctions", prec="month", qty=[Q(123, "prisoners")], background=True)
g.write()
