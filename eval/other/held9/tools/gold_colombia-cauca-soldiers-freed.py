from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("colombia-cauca-soldiers-freed")
PUB = "2026-02-16"
res = A("Residents of El Plateado", "COL", "CVL")
army = A("Colombian army", "COL", "MIL")
cp = A("Carlos Patiño front (EMC)", "COL", "REB")
marin = A("Iris Marín", "COL", "GOV")
unmis = A("UN Verification Mission in Colombia", "UNO", "IGO")
plateado = L("El Plateado", "COL")
argelia = L("Argelia", "COL")

g.add("181", res, army, "surround, disarm and hold 34 soldiers in a rural school", "2026-02-14",
      "Residents of the village of El Plateado surrounded the troops on Saturday morning",
      loc=plateado, qty=[Q(34, "soldiers")], uncertain=True,
      notes="Civilians holding soldiers ('asonada'); 173 or 181 defensible. Number from the lede.")
g.add("195", A("Colombian air force", "COL", "MIL"), cp, "bomb a camp of the Carlos Patiño front, killing seven fighters",
      "2026-02-12", "On Thursday, the air force bombed a camp", loc=argelia, qty=[Q(7, "fighters killed")])
g.add("190", army, cp, "clash with fighters of the front; one soldier killed, two wounded", "2026-02-13",
      "Troops then clashed with fighters of the front near Argelia on Friday", loc=argelia,
      qty=[Q(1, "soldiers killed"), Q(2, "soldiers wounded")], symmetric=True)
g.add("0253", marin, res, "call on residents to let the soldiers go and admit a humanitarian commission", "2026-02-14",
      "On Saturday, Ombudsman Iris Marín called on the residents", loc=None)
for party in (res, army):
    for med in (marin, unmis):
        g.add("045", med, party, "negotiate overnight with community leaders and army commanders to secure the release",
              R("2026-02-14", "2026-02-15"), "Marín said her staff and officials of the UN Verification Mission",
              loc=plateado, group="g-mediation",
              notes="Mediation by the Ombudsman's office and the UN mission, one record per mediator and party; the lede's 'talks brokered by' is the same happening.")
g.add("0841", res, army, "hand the 34 soldiers over to the humanitarian commission", "2026-02-15",
      "The villagers handed the soldiers over to the humanitarian commission", loc=plateado, qty=[Q(34, "soldiers")])
for t in (A("Ombudsman's office", "COL", "GOV"), unmis):
    g.add("051", A("Luis Emilio Cardozo", "COL", "MIL"), t, "thank the Ombudsman's office and the UN mission for ending the standoff",
          R("2026-02-15", PUB), "The army's commander, General Luis Emilio Cardozo, thanked", group="g-thanks",
          notes="Undated reaction to the Sunday release.")
g.add("112", A("Pedro Sánchez", "COL", "GOV"), cp, "accuse the front of forcing villagers to confront the troops", "2026-02-15",
      "Defence Minister Pedro Sánchez accused the Carlos Patiño front on Sunday")
g.add("016", cp, A("Colombian government", "COL", "GOV"), "deny any role in the standoff", R("2026-02-15", PUB),
      "In a message posted on social media, the Carlos Patiño front denied",
      notes="Undated reaction to Sánchez's Sunday accusation.")
g.add("111", A("Gustavo Petro", "COL", "GOV"), cp, "denounce the front as a drug-trafficking army", "2026-02-15",
      "President Gustavo Petro on Sunday denounced the front")
g.add("173", A("Attorney General's office", "COL", "JUD"), A("Community leaders of El Plateado", "COL", "CVL"),
      "obtain arrest warrants for four community leaders", R(None, PUB),
      "The Attorney General's office said on Monday it had obtained arrest warrants",
      qty=[Q(4, "community leaders")], prec="unknown",
      notes="'had obtained': day not given. The accusation inside the same sentence is not coded separately (batch-8 convention 7).")
for party in (army, cp):
    g.add("020", marin, party, "urge the armed forces and the front to keep civilians out of the conflict", PUB,
          "Speaking to reporters in Popayán on Monday, Marín urged", loc=L("Popayán", "COL"), group="g-marin-appeal",
          uncertain=True, notes="Appeal to two named parties, one record each; 0256 defensible.")
g.add("046", A("Colombian government", "COL", "GOV"), A("Estado Mayor de Bloques y Frente", "COL", "REB"),
      "open the next round of peace talks", "2026-02-24",
      "Gloria Quiceno, who heads the government delegation, said the next round", status="scheduled",
      loc=L("Tibú", "COL"), symmetric=True)
# background
g.add("127", A("Estado Mayor Central dissidents", "COL", "REB"), A("Colombian government", "COL", "GOV"),
      "reject the 2016 peace deal with the FARC", R("2016-01-01", "2016-12-31"),
      "The troops were part of an operation against the Carlos Patiño front", status="rejected", prec="year",
      background=True)
g.add("164", A("Colombian government", "COL", "GOV"), A("EMC faction of Iván Mordisco", "COL", "REB"),
      "break off peace talks", R("2024-01-01", "2024-12-31"), "Petro's government broke off peace talks",
      prec="year", background=True)
g.add("181", A("Residents of the Micay canyon", "COL", "CVL"), A("Colombian security forces", "COL", "MIL"),
      "hold 28 soldiers and police officers for two days", R("2025-03-01", "2025-03-31"),
      "In March last year, residents of the same canyon held 28 soldiers", prec="month",
      qty=[Q(28, "soldiers and police officers")], background=True, uncertain=True)
g.add("0841", A("Residents of the Micay canyon", "COL", "CVL"), A("Colombian security forces", "COL", "MIL"),
      "release the 28 soldiers and police officers", R("2025-03-01", "2025-03-31"),
      "In March last year, residents of the same canyon held 28 soldiers", prec="month",
      qty=[Q(28, "soldiers and police officers")], background=True)
g.write()
