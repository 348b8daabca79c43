"""Gold for kurram-jirga-truce-extension (published Thursday 2025-08-14)."""
from gold_lib import A, L, Q, R
from sentence_gold import SGold

g = SGold("kurram-jirga-truce-extension")
PUB = "2025-08-14"
JIRGA = A("Kurram grand jirga of tribal elders", "PAK", "CVL")
SUNNI = A("Sunni tribes of Kurram", "PAK", "UAF")
SHIA = A("Shia tribes of Kurram", "PAK", "UAF")
SUNNI_EL = A("Sunni elders of Bagan", "PAK", "CVL")
SHIA_LEAD = A("Shia leaders in Parachinar", "PAK", "CVL")
GUNMEN = A("gunmen", "PAK", "UAF")
BAGAN_MEN = A("armed men from Bagan", "PAK", "UAF")
FC = A("Frontier Corps convoy escort", "PAK", "MIL")
CVL = A("convoy passengers and drivers", "PAK", "CVL")
POLICE = A("Kurram district police", "PAK", "COP")
SUSPECTS = A("suspects", "PAK", "CRM")
KPGOV = A("Khyber Pakhtunkhwa government", "PAK", "GOV")
SAIF = A("Barrister Muhammad Ali Saif", "PAK", "GOV")
GANDAPUR = A("Ali Amin Gandapur", "PAK", "GOV")
RESID = A("residents of Parachinar", "PAK", "CVL")
KURRAM = L("Kurram", "PAK")
KOHAT = L("Kohat", "PAK")
BAGAN = L("Bagan, Lower Kurram", "PAK")

# truce extension brokered by the jirga on Wednesday 2025-08-13
LEDE = "A grand jirga of tribal elders on Wednesday extended"
g.add("045", JIRGA, SUNNI, "broker the extension of the ceasefire", "2025-08-13", LEDE, loc=KOHAT, group="g-truce-extension")
g.add("045", JIRGA, SHIA, "broker the extension of the ceasefire", "2025-08-13", LEDE, loc=KOHAT, group="g-truce-extension")
g.add("0871", SUNNI, SHIA, "ceasefire extended by three months, until November 15", R("2025-08-13", "2025-11-15"), LEDE,
      status="ongoing", loc=KURRAM, symmetric=True, group="g-truce-extension",
      notes="Extended truce in force at publication; end date from the next sentence (held10 convention 7).")
g.add("057", SUNNI, SHIA, "elders of both sides sign the extension", "2025-08-13",
      "Elders from both sides signed the extension", loc=KOHAT, symmetric=True, group="g-truce-extension",
      notes="Second coding of the agreed extension (CONVENTIONS 2, held10 convention 1).")
# Monday's ambush (2025-08-11)
AMB = "where gunmen hiding in the hills opened fire on a convoy"
g.add("190", GUNMEN, FC, "ambush a convoy escorted by the Frontier Corps", "2025-08-11", AMB, loc=BAGAN,
      qty=[Q(60, "vehicles")], group="g-bagan-ambush",
      notes="A soldier and a driver killed (next sentence): attack on security forces (190) and on civilians (180), grouped (held11 convention 3).")
g.add("180", GUNMEN, CVL, "open fire on a food and passenger convoy, killing a driver", "2025-08-11", AMB, loc=BAGAN,
      qty=[Q(60, "vehicles")], group="g-bagan-ambush")
g.add("190", FC, GUNMEN, "return fire, killing two attackers", "2025-08-11",
      "Two of the attackers were killed when the escort returned fire", loc=BAGAN, qty=[Q(2, "attackers killed")])
g.add("173", POLICE, SUSPECTS, "arrest 14 suspects in raids around Bagan and Mandori", R(None, PUB),
      "Police said on Tuesday they had arrested 14 suspects", loc=KURRAM, qty=[Q(14, "suspects")],
      notes="'said on Tuesday they had arrested': batch-9 convention 14.")
SH = "Shia leaders in Parachinar accused armed men from Bagan"
g.add("112", SHIA_LEAD, BAGAN_MEN, "accuse armed men from Bagan of carrying out the ambush", R("2025-08-11", PUB), SH,
      notes="Undated reaction to Monday's attack (CONVENTIONS 7).")
g.add("100", SHIA_LEAD, KPGOV, "demand the arrest of everyone involved before convoys resume", R("2025-08-11", PUB), SH,
      uncertain=True, notes="Accusation and demand are separate units (batch-9 convention 9). 1013 defensible.")
SU = "Elders of the Sunni tribes of Bagan condemned the attack on Tuesday"
g.add("111", SUNNI_EL, GUNMEN, "condemn the ambush", "2025-08-12", SU)
g.add("016", SUNNI_EL, SHIA_LEAD, "deny that anyone from their villages took part", "2025-08-12", SU,
      notes="Denial of the Shia leaders' accusation (CONVENTIONS 11).")
g.add("073", KPGOV, RESID, "airlift five tonnes of medicines to Parachinar", "2025-08-12",
      "the government had airlifted five tonnes of medicines", loc=L("Parachinar", "PAK"), qty=[Q(5, "tonnes of medicines")])
g.add("137", SAIF, SUNNI, "warn that militias violating the truce face anti-terrorism laws", "2025-08-13",
      "He warned both sides that any militia", uncertain=True, group="g-saif-warning",
      notes="Warning to two named sides: one record per side (batch-8 convention 4); 130 defensible.")
g.add("137", SAIF, SHIA, "warn that militias violating the truce face anti-terrorism laws", "2025-08-13",
      "He warned both sides that any militia", uncertain=True, group="g-saif-warning")
g.add("051", GANDAPUR, JIRGA, "praise the elders' decision", "2025-08-13",
      "Chief Minister Ali Amin Gandapur praised the elders")
# background
g.add("190", SUNNI, SHIA, "sectarian fighting that killed more than 130 people", R("2024-11-01", "2024-12-31"),
      "Fighting last November and December killed more than 130 people", prec="month", loc=KURRAM,
      qty=[Q(130, "people killed")], symmetric=True, background=True)
g.add("180", GUNMEN, CVL, "attack a passenger convoy near Mandori, killing at least 42", "2024-11-21",
      "Fighting last November and December killed more than 130 people", loc=L("Mandori, Kurram", "PAK"),
      qty=[Q(42, "people killed")], background=True)
JAN = "The jirga brokered a peace agreement between the tribes on January 1"
g.add("045", JIRGA, SUNNI, "broker the January peace agreement", "2025-01-01", JAN, background=True, group="g-january-agreement")
g.add("045", JIRGA, SHIA, "broker the January peace agreement", "2025-01-01", JAN, background=True, group="g-january-agreement")
g.add("057", SUNNI, SHIA, "peace agreement: hand over heavy weapons, demolish bunkers", "2025-01-01", JAN,
      symmetric=True, background=True, group="g-january-agreement")
g.write()
