from gold_lib import A, L, Q, R
from held_util import HGold as Gold

g = Gold("balochistan-highway-attack-kalat")
PUB = "2026-03-12"
bla = A("Balochistan Liberation Army", "PAK", "SEP")
pak = A("Pakistan", "PAK", "GOV")
mil = A("Pakistani security forces", "PAK", "MIL")
pax = A("Bus passengers", "PAK", "CVL")
kalat = L("Kalat", "PAK")
night = R("2026-03-11", "2026-03-12")

g.add("181", bla, pax, "stop two coaches at a roadblock and take 11 passengers", "2026-03-11",
      "About 20 gunmen set up a roadblock", loc=kalat, qty=[Q(11, "passengers taken")], group="g-kalat-raid",
      notes="Gunmen identified as BLA by its claim. Abduction and killings are two codings of one raid (convention 2).")
g.add("180", bla, pax, "shoot seven of the abducted passengers dead at the roadside", night,
      "Seven of the men were shot dead", loc=kalat, qty=[Q(7, "passengers killed")], group="g-kalat-raid",
      notes="Killings of civilians in a raid: 180 (convention 10). Killed late Wednesday, bodies found Thursday.")
g.add("190", bla, A("Frontier Corps", "PAK", "MIL"), "attack a Frontier Corps post with rockets and automatic weapons, killing three soldiers",
      night, "Overnight, militants also attacked", loc=L("Mangochar", "PAK"), qty=[Q(3, "soldiers killed")],
      notes="'Overnight' in a Thursday report: {Wednesday, Thursday}.")
g.add("015", bla, pak, "claim responsibility for both attacks", "2026-03-12",
      "The banned Balochistan Liberation Army (BLA) claimed")
g.add("138", A("BLA spokesman", "PAK", "SEP"), A("Pakistani security forces", "PAK", "MIL", alt="CHN"),
      "warn of further attacks on 'occupying forces' and Chinese-funded projects", "2026-03-12",
      "In the same statement, a BLA spokesman warned", uncertain=True,
      notes="Threat of attack; China is a genuine second target (Chinese-funded projects).")
g.add("190", mil, bla, "operation in Kalat and Mangochar; nine militants killed in exchanges of fire", "2026-03-12",
      "The military's media wing, Inter-Services Public Relations", loc=kalat, qty=[Q(9, "militants killed")], symmetric=True)
g.add("111", A("Shehbaz Sharif", "PAK", "GOV"), bla, "condemn the killings as a cowardly act of terrorism", night,
      "Prime Minister Shehbaz Sharif condemned", notes="Undated reaction to the Wednesday night attack.")
g.add("112", A("Mohsin Naqvi", "PAK", "GOV"), A("India", "IND", "GOV"), "accuse India of sponsoring the attackers", "2026-03-12",
      "Interior Minister Mohsin Naqvi accused India")
g.add("016", A("Indian Ministry of External Affairs", "IND", "GOV"), pak, "reject the allegation as baseless", "2026-03-12",
      "India's Ministry of External Affairs rejected",
      notes="Denial of the accusation (convention 11); the alleged sponsorship itself is not coded.")
g.add("172", A("Balochistan provincial government", "PAK", "GOV"), A("Residents of Balochistan", "PAK", "CVL"),
      "ban night-time highway travel in six districts and suspend mobile internet in Kalat and Mastung", "2026-03-12",
      "The provincial government on Thursday banned", uncertain=True, notes="1723 (curfew) defensible.")
g.add("111", A("Chinese embassy in Islamabad", "CHN", "GOV"), bla, "condemn the attack", night,
      "China's embassy in Islamabad condemned", notes="Undated reaction.")
g.add("0234", A("Chinese embassy in Islamabad", "CHN", "GOV"), pak, "urge Pakistan to step up security for Chinese personnel and projects",
      night, "China's embassy in Islamabad condemned", uncertain=True)
g.add("173", A("Quetta police", "PAK", "COP"), A("Baloch Yakjehti Committee activists", "PAK", "HRI"),
      "detain at least 15 BYC activists after a protest", "2026-03-11", "Separately, police in Quetta detained",
      loc=L("Quetta", "PAK"), qty=[Q(15, "activists detained")],
      notes="The police breaking up the protest (same root 17) is covered by this record.")
g.add("141", A("Baloch Yakjehti Committee", "PAK", "HRI"), pak, "protest outside the Quetta press club against enforced disappearances",
      "2026-03-11", "Separately, police in Quetta detained", loc=L("Quetta", "PAK"), qty=[Q(300, "protesters")],
      notes="Protest stated in the arrest sentence; the size from the BYC statement.")
# background
g.add("173", A("Pakistani authorities", "PAK", "GOV"), A("Mahrang Baloch", "PAK", "HRI"), "arrest Mahrang Baloch",
      R("2025-03-01", "2025-03-31"), "The group's leader, Mahrang Baloch", prec="month", background=True)
g.add("181", bla, A("Jaffar Express passengers", "PAK", "CVL"), "hijack the Jaffar Express and take passengers hostage",
      "2025-03-11", "Wednesday's attack came a year to the day", loc=L("Bolan Pass", "PAK"), background=True)
g.add("190", mil, A("Militants in Balochistan", "PAK", "SEP"), "kill hundreds of militants in operations since January 2025",
      R("2025-01-01", PUB), "Pakistan's military says it has killed", background=True, prec="unknown",
      notes="Context summary (convention 5).")
g.write()
