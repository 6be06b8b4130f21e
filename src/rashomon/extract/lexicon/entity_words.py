"""Words that correct the small model's names: what is not a name, what a name's context says it is."""

from __future__ import annotations

# Time zones the model tags as organisations ("05.30 GMT"): a time, not an entity.
TIME_ZONES: frozenset[str] = frozenset(
    {"GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "JST", "KST", "AEST", "AEDT", "HKT", "SGT"}
    | {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST", "ET", "PT", "CT"}
)

# Nouns that, just before a name, say it names a vessel ("the container ship Dali", "the tanker Front Altair").
VESSEL_NOUNS: frozenset[str] = frozenset(
    {"ship", "vessel", "freighter", "tanker", "containership", "carrier", "ferry", "boat", "yacht", "barge", "tug"}
    | {"tugboat", "trawler", "liner", "submarine", "destroyer", "frigate", "cruiser", "warship", "icebreaker"}
)

# Last words that make a name a place whatever the model tagged it ("Francis Scott Key Bridge", "Patapsco River").
PLACE_HEADS: frozenset[str] = frozenset(
    {"bridge", "tunnel", "airport", "river", "bay", "harbor", "harbour", "highway", "road", "street", "avenue"}
    | {"boulevard", "beltway", "interstate", "canal", "strait", "channel", "sea", "ocean", "lake", "island"}
    | {"islands", "peninsula", "mountain", "mountains", "valley", "square", "coast", "pier", "dam", "port"}
)

# Titles and ranks the model runs into the end of a name ("Maryland State Police Superintendent Col"), and that
# show a one-word "organisation" before them is a portfolio ("Transportation Secretary Pete Buttigieg").
TITLE_WORDS: frozenset[str] = frozenset(
    {"superintendent", "col", "colonel", "gen", "general", "lt", "capt", "captain", "sgt", "sergeant", "maj"}
    | {"cmdr", "adm", "admiral", "chief", "commissioner", "director", "secretary", "minister", "spokesman"}
    | {"spokeswoman", "spokesperson", "gov", "governor", "sen", "senator", "rep", "mayor", "president", "officer"}
    | {"chairman", "chairwoman", "chair", "ceo", "head", "deputy", "inspector", "sheriff", "judge", "prosecutor"}
)

# Words an acronym leaves out ("National Transportation Safety Board" -> NTSB, "Department of Justice" -> DOJ).
ACRONYM_SKIPS: frozenset[str] = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la"})

# Country names and their short forms that may open an organisation's name ("US National Transportation Safety
# Board" is the National Transportation Safety Board), as name keys.
COUNTRY_PREFIXES: frozenset[str] = frozenset(
    {"us", "u s", "usa", "united states", "american", "uk", "u k", "british", "eu", "european", "un"}
)

# Common nouns that, in apposition to a name or just before it, say it names an organisation ("the shipping group
# Maersk", "Brawner Builders, the company that ...").
ORG_NOUNS: frozenset[str] = frozenset(
    {"company", "firm", "group", "corporation", "conglomerate", "operator", "manufacturer", "maker", "carmaker"}
    | {"automaker", "airline", "bank", "lender", "insurer", "retailer", "broadcaster", "newspaper", "agency"}
    | {"charity", "organisation", "organization", "party", "union", "startup", "subsidiary", "contractor"}
    | {"supplier", "publisher", "network", "giant", "outlet", "consortium", "militia", "cartel"}
)

# Common nouns that say a name is a place: in apposition ("Nagorno-Karabakh, a region that ..."), or before "of"
# ("the city of Sochi", "the Mexican state of Sinaloa", "the Black Sea resort of Sochi").
PLACE_NOUNS: frozenset[str] = frozenset(
    {"city", "town", "village", "hamlet", "resort", "port", "province", "state", "region", "district", "county"}
    | {"capital", "island", "republic", "enclave", "exclave", "territory", "oblast", "municipality", "suburb"}
    | {"neighbourhood", "neighborhood", "kingdom", "country", "emirate", "prefecture", "governorate", "canton"}
    | {"borough", "commune", "archipelago", "peninsula", "township", "settlement", "krai", "raion", "metropolis"}
)

# Nouns besides those that, before "of", say what follows is a place ("residents of Elmwood", "north of Kyiv").
PLACE_OF_NOUNS: frozenset[str] = PLACE_NOUNS | frozenset(
    {"residents", "inhabitants", "citizens", "outskirts", "suburbs", "streets", "centre", "center", "north"}
    | {"south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)

# Nouns a place name modifies as the head of its phrase ("Armenia's Syunik province", "the Donetsk region").
REGION_NOUNS: frozenset[str] = frozenset(
    {"province", "region", "district", "county", "oblast", "governorate", "prefecture", "state", "krai", "raion"}
    | {"canton", "municipality"}
)

# Last words that make a name of two words or more a company whatever the model tagged it ("Grace Ocean Ltd").
ORG_HEADS: frozenset[str] = frozenset(
    {"ltd", "limited", "inc", "corp", "corporation", "co", "llc", "plc", "gmbh", "ag", "nv", "bv", "sa", "group"}
    | {"holdings", "company", "bank", "airlines", "airways", "lines", "shipping"}
)

# Verbs whose agent, for a vessel, is a company: ships are owned, managed and chartered by firms ("The ship is owned
# by Grace Ocean").
OWNER_VERBS: frozenset[str] = frozenset({"own", "operate", "manage", "charter", "lease", "insure"})
