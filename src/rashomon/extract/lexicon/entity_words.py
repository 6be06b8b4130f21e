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
