from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("nexperia-china-export-ban-talks")
PUB = "2025-10-22"
nld = A("Dutch government", "NLD", "GOV")
chn = A("Chinese government", "CHN", "GOV")
karr = A("Vincent Karremans", "NLD", "GOV")
wang = A("Wang Wentao", "CHN", "GOV")
mofcom = A("Chinese Ministry of Commerce", "CHN", "GOV")
wingtech = A("Wingtech Technology", "CHN", "BUS")
nexperia = A("Nexperia", "NLD", "BUS")

g.add("041", karr, wang, "telephone call on the Nexperia dispute", "2025-10-21",
      "Dutch Economy Minister Vincent Karremans and Chinese Commerce Minister Wang Wentao held", symmetric=True)
g.add("0242", wang, nld, "urge the Netherlands to withdraw its order and stop interfering in Nexperia", "2025-10-21",
      "During the call, Wang urged")
g.add("046", nld, chn, "officials to hold follow-up talks in the coming days", R("2025-10-23", None),
      "The two ministers agreed that their officials", status="scheduled", symmetric=True,
      notes="'in the coming days': {publication+1, null}; no venue.")
g.add("112", A("He Yongqian", "CHN", "GOV"), nld, "accuse the Dutch government of improper intervention causing supply-chain chaos",
      "2025-10-16", "At a regular briefing on Thursday, ministry spokesperson", loc=L("Beijing", "CHN"))
g.add("1053", A("Chinese embassy in The Hague", "CHN", "GOV"), nld, "demand the Dutch government correct its mistakes and hand control back to Wingtech",
      "2025-10-19", "On Sunday, the Chinese embassy in The Hague demanded", loc=L("The Hague", "NLD"), uncertain=True,
      notes="Demand to return control of the company: 105 root; 1042 (policy change) also defensible.")
g.add("0354", mofcom, A("Nexperia", "NLD", "BUS", alt="EEC"), "say it will grant case-by-case exemptions from the export ban for civilian-use chips",
      "2025-10-19", "The Ministry of Commerce also said on Sunday", status="proposed", uncertain=True,
      notes="Stated intention to ease the ban (convention 9); 085 defensible.")
g.add("115", wingtech, nld, "file a legal complaint against the Dutch state over the takeover", R(None, PUB),
      "Wingtech said on Monday it had filed", prec="unknown", notes="'had filed': day not given (convention 7).")
g.add("111", wingtech, nld, "condemn excessive government intervention driven by geopolitical bias", "2025-10-20",
      "In the same statement, the Shanghai-listed company condemned")
g.add("036", karr, chn, "say he is prepared to travel to Beijing to negotiate a solution", "2025-10-21",
      "Karremans told parliament on Tuesday", status="proposed", loc=L("Beijing", "CHN"),
      notes="Location = proposed venue.")
g.add("124", karr, chn, "refuse to lift the order until Nexperia's governance is in safe hands", "2025-10-21",
      "Karremans told parliament on Tuesday", status="rejected", uncertain=True,
      notes="Refusal of the Chinese request to withdraw the order; 1241/1244 or 1232 defensible.")
g.add("036", A("Maroš Šefčovič", "EEC", "IGO"), wang, "invite Wang to Brussels for talks on export controls", R(None, PUB),
      "EU trade commissioner Maroš Šefčovič said in Strasbourg", status="proposed", loc=L("Brussels", "BEL"), prec="unknown",
      notes="'had invited' (convention 7): day not given. Location = proposed venue.")
for t in (nld, chn):
    g.add("027", A("Katherina Reiche", "DEU", "GOV"), t, "call on the Dutch and Chinese governments to settle the dispute quickly",
          "2025-10-20", "German Economy Minister Katherina Reiche on Monday called", group="g-reiche",
          notes="Appeal to two named parties, one record each (batch-8 convention 4).")
# background
g.add("1711", nld, wingtech, "take control of Nexperia under the Goods Availability Act", "2025-09-30",
      "The Dutch government took control of the Nijmegen-based company", background=True, uncertain=True,
      notes="Seizure of control of a Chinese-owned company; 172 defensible.")
g.add("163", chn, nexperia, "ban Nexperia China and its subcontractors from exporting finished components", "2025-10-04",
      "Beijing responded on 4 October", background=True)
g.add("172", A("Amsterdam Enterprise Chamber", "NLD", "JUD"), A("Zhang Xuezheng", "CHN", "BUS"),
      "suspend Wingtech's CEO as head of Nexperia and place shares under an administrator", "2025-10-07",
      "The Amsterdam Enterprise Chamber suspended", background=True, uncertain=True)
g.add("163", A("US Commerce Department", "USA", "GOV"), wingtech, "add Wingtech to the Entity List",
      R("2024-12-01", "2024-12-31"), "The US Commerce Department added Wingtech", prec="month", background=True)
g.write()
