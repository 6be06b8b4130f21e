"""Capitals that news uses for their governments ("Moscow denied", "Baku's forces", "talks with Beijing"), and the
words around a name that make it an actor rather than a place: data, applied by `extract/metonymy.py`."""

from __future__ import annotations

# Capital (or seat of government) -> the country as news names it, written to join the country's own mentions
# ("United States" joins "U.S." and "US"; "United Kingdom" joins "UK").
CAPITAL_COUNTRY: dict[str, str] = {
    "Abu Dhabi": "United Arab Emirates", "Abuja": "Nigeria", "Accra": "Ghana", "Addis Ababa": "Ethiopia",
    "Algiers": "Algeria", "Amman": "Jordan", "Ankara": "Turkey", "Ashgabat": "Turkmenistan", "Asmara": "Eritrea",
    "Astana": "Kazakhstan", "Athens": "Greece", "Baghdad": "Iraq", "Baku": "Azerbaijan", "Bamako": "Mali",
    "Bangkok": "Thailand", "Beijing": "China", "Beirut": "Lebanon", "Belgrade": "Serbia", "Berlin": "Germany",
    "Bern": "Switzerland", "Bishkek": "Kyrgyzstan", "Bogota": "Colombia", "Bogotá": "Colombia",
    "Brasilia": "Brazil", "Brasília": "Brazil", "Bratislava": "Slovakia", "Brussels": "European Union",
    "Bucharest": "Romania", "Budapest": "Hungary", "Buenos Aires": "Argentina", "Cairo": "Egypt",
    "Canberra": "Australia", "Caracas": "Venezuela", "Chisinau": "Moldova", "Colombo": "Sri Lanka",
    "Copenhagen": "Denmark", "Dakar": "Senegal", "Damascus": "Syria", "Dhaka": "Bangladesh", "Doha": "Qatar",
    "Dublin": "Ireland", "Dushanbe": "Tajikistan", "Hanoi": "Vietnam", "Havana": "Cuba", "Helsinki": "Finland",
    "Islamabad": "Pakistan", "Jakarta": "Indonesia", "Jerusalem": "Israel", "Kabul": "Afghanistan",
    "Kampala": "Uganda", "Kathmandu": "Nepal", "Khartoum": "Sudan", "Kiev": "Ukraine", "Kigali": "Rwanda",
    "Kinshasa": "Democratic Republic of the Congo", "Kuala Lumpur": "Malaysia", "Kyiv": "Ukraine",
    "Lima": "Peru", "Lisbon": "Portugal", "Ljubljana": "Slovenia", "London": "United Kingdom", "Madrid": "Spain",
    "Managua": "Nicaragua", "Manila": "Philippines", "Mexico City": "Mexico", "Minsk": "Belarus",
    "Moscow": "Russia", "Muscat": "Oman", "Nairobi": "Kenya", "Naypyidaw": "Myanmar", "Naypyitaw": "Myanmar",
    "New Delhi": "India", "Niamey": "Niger", "Nicosia": "Cyprus", "Oslo": "Norway", "Ottawa": "Canada",
    "Paris": "France", "Phnom Penh": "Cambodia", "Prague": "Czech Republic", "Pretoria": "South Africa",
    "Pyongyang": "North Korea", "Quito": "Ecuador", "Rabat": "Morocco", "Riga": "Latvia", "Riyadh": "Saudi Arabia",
    "Rome": "Italy", "Sanaa": "Yemen", "Santiago": "Chile", "Sarajevo": "Bosnia and Herzegovina",
    "Seoul": "South Korea",
    "Skopje": "North Macedonia", "Sofia": "Bulgaria", "Stockholm": "Sweden", "Taipei": "Taiwan",
    "Tallinn": "Estonia", "Tashkent": "Uzbekistan", "Tbilisi": "Georgia", "Tehran": "Iran", "Teheran": "Iran",
    "The Hague": "Netherlands", "Tirana": "Albania", "Tokyo": "Japan", "Tripoli": "Libya", "Tunis": "Tunisia",
    "Ulaanbaatar": "Mongolia", "Vienna": "Austria", "Vilnius": "Lithuania", "Warsaw": "Poland",
    "Washington": "United States", "Wellington": "New Zealand", "Yerevan": "Armenia", "Zagreb": "Croatia",
}  # fmt: skip

# Lemmas of verbs whose subject acts as a government would: speaking, deciding, negotiating, acting on another
# state. A place is the subject of other verbs ("Moscow hosted the games", "Paris is cold").
AGENT_VERBS: frozenset[str] = frozenset(
    """accuse allege announce answer approve argue ask back ban blame block call caution claim condemn confirm
    criticise criticize decline demand deny deploy deport dismiss expel extradite hail impose insist invade invite
    lodge negotiate object oppose order pledge praise press propose protest push recall recognise recognize refuse
    reiterate reject reply respond retaliate ratify sanction say seek send sign state summon support suspend
    threaten urge veto vow warn withdraw""".split()
)
# The type of a government named for its capital where it is not a place ("Brussels" for the European Union).
GOVERNMENT_TYPES: dict[str, str] = {"European Union": "ORG"}
# Words before a name that make it a person's ("Mr. Santiago", "Judge Paris", "Coach Lima").
HONORIFICS: frozenset[str] = frozenset(
    """mr mrs ms miss dr prof rev sir dame lady lord judge justice coach officer det detective sgt sergeant cpl
    pvt lt capt captain col gen maj adm cmdr mayor gov governor sen senator rep president minister chief
    inspector sheriff father sister brother""".split()
)
# Words that make a capital's possession or council its city's ("Moscow's city government", "London's police
# force", "the mayor of Paris", "Tokyo's governor"): then the article's capital is the city.
CITY_WORDS: frozenset[str] = frozenset(
    """city metropolitan municipal municipality local police health transport transit fire school schools county
    regional mayor governor council councillor councilman councilwoman hall assembly""".split()
)
# Roles a team signs, trades or plays (a team is named for its city: "Washington signed quarterback ...").
TEAM_WORDS: frozenset[str] = frozenset(
    """quarterback pitcher defenceman defenseman forward striker goalkeeper goalie midfielder guard center centre
    coach manager outfielder infielder catcher linebacker receiver rookie draft season game match playoff
    playoffs team club""".split()
)
# Lemmas of verbs whose object is a government when it is a capital ("urged Tehran to", "accused Baku of"); not
# "visited Moscow" nor "invaded Kyiv".
OBJECT_VERBS: frozenset[str] = frozenset(
    """accuse ask blame condemn criticise criticize invite press pressure recognise recognize sanction urge
    warn""".split()
)
# Nouns after which "on" or "against" names a government ("sanctions on Tehran"); not a strike on a city.
MEASURE_NOUNS: frozenset[str] = frozenset({"sanction", "pressure", "embargo", "tariff", "restriction"})
# Nouns a capital owns as a government ("Baku's forces", "Moscow's envoy"), not as a city ("Moscow's mayor").
ACTOR_NOUNS: frozenset[str] = frozenset(
    """accusation ally ambassador army claim decision delegation demand diplomat embassy envoy force government
    invasion military minister ministry negotiator offer official plan policy position proposal refusal regime
    response sanction stance support troop""".split()
)
# Nouns whose "with" / "between" names governments ("talks with Beijing", "relations between Baku and Yerevan").
RELATION_NOUNS: frozenset[str] = frozenset(
    """agreement conflict deal dialogue dispute negotiation peace rapprochement relation rift talk tension tie
    treaty truce war""".split()
)
# Words beside "Washington" that make it the state, not the government ("Washington state", "Washington's
# Legislature"): then no mention of it in the article stands for the United States.
STATE_WORDS: frozenset[str] = frozenset(
    {"state", "State", "Legislature", "legislature", "Senate", "House", "governor", "Gov.", "lawmakers", "Olympia"}
)
# Groups the model tags as nationalities that say nothing of states: parties ("Democrats", "Tories").
PARTY_WORDS: frozenset[str] = frozenset(
    """democrat democrats democratic republican republicans gop conservative conservatives liberal liberals tory
    tories labour socialist socialists green greens""".split()
)
