"""Word tables for reported speech and speaker resolution: data, applied by `quotes.py` and `entities.py`."""

from __future__ import annotations

# Lemmas of verbs that introduce reported speech, direct or indirect.
SPEECH_VERBS: frozenset[str] = frozenset(
    """say tell add note state claim argue warn insist announce explain acknowledge admit deny declare
    stress emphasize emphasise assert contend maintain remark reply respond answer comment suggest predict
    vow pledge promise urge call echo describe write tweet post report confirm reiterate recall concede
    complain caution estimate believe think""".split()
)
# Speech verbs that may take an indirect-speech clause (a `ccomp`); "call" or "describe" report words, not claims.
CLAUSE_SPEECH_VERBS: frozenset[str] = frozenset(
    """say tell add note state claim argue warn insist announce explain acknowledge admit deny declare
    stress emphasize emphasise assert contend maintain remark reply respond answer comment suggest predict
    vow pledge promise write tweet post report confirm reiterate recall concede complain caution estimate""".split()
)
# Cue words that report a sight, not words, when passive: "only the stumps could be seen rising from the water".
PERCEPTION_VERBS: frozenset[str] = frozenset({"see", "hear", "watch", "spot", "show"})
# "according to X" and similar prepositional attributions.
ATTRIBUTION_PHRASES: tuple[str, ...] = ("according to",)
# Adverbs that credit their clause to unnamed reports: "The firm is reportedly weighing a sale". Not "allegedly",
# which PolNeAR train marks as an attribution 2 times in 12.
ATTRIBUTION_ADVERBS: frozenset[str] = frozenset({"reportedly"})

PERSONAL_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them"})

# Office titles, lower case, longest first when matched; used to map "the Armenian prime minister" to a name.
TITLES: tuple[str, ...] = (
    "deputy prime minister",
    "prime minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "vice president",
    "president",
    "chancellor",
    "premier",
    "governor",
    "mayor",
    "secretary of state",
    "transportation secretary",
    "secretary",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "chief",
    "commissioner",
    "director",
    "king",
    "queen",
    "pope",
    "general",
    "ambassador",
    "gov.",
    "sen.",
    "rep.",
    "gen.",
    "pres.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "supt.",
)
# Head nouns of subjects that speak for the organisation or place named inside them ("a spokesman for the
# fire department", "Maryland officials", "India's embassy").
ROLE_NOUNS: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson official officials representative representatives ministry
    embassy office department agency authorities authority police government administration""".split()
)

# Demonyms whose first five letters differ from their country's (the rest match by prefix: Russian ~ Russia).
DEMONYM_COUNTRY: dict[str, str] = {
    "american": "united states",
    "u.s.": "united states",
    "us": "united states",
    "british": "united kingdom",
    "uk": "united kingdom",
    "french": "france",
    "german": "germany",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "chinese": "china",
    "japanese": "japan",
    "turkish": "turkey",
    "greek": "greece",
    "polish": "poland",
    "spanish": "spain",
    "swedish": "sweden",
    "danish": "denmark",
    "finnish": "finland",
    "irish": "ireland",
    "israeli": "israel",
    "iraqi": "iraq",
    "saudi": "saudi arabia",
    "emirati": "united arab emirates",
    "filipino": "philippines",
    "thai": "thailand",
    "welsh": "wales",
    "scottish": "scotland",
}

# Nouns of the occasion or medium words were said in ("in a statement", "during an interview", "at a rally"): a
# phrase of them after a speech verb's reported words tells where they were said, not what.
OCCASION_NOUNS: frozenset[str] = frozenset(
    """statement interview speech ruling remark remarks letter email e-mail tweet post conference call hearing
    briefing rally appearance release video op-ed column memo filing broadcast debate event meeting session
    address testimony""".split()
)

# Nouns of the terms a source spoke on ("speaking on condition of anonymity", "spoke on background"): the phrase
# tells how words were given, never what they were.
TERMS_NOUNS: frozenset[str] = frozenset({"condition", "background"})
# Capitalised rubrics that open a paragraph with a colon, not a speaker.
NOT_SPEAKERS: frozenset[str] = frozenset(
    {
        "update", "updated", "note", "editor's note", "editor’s note", "watch", "read", "read more", "more",
        "related", "photo", "photos", "video", "breaking", "source", "sources", "correction", "clarification",
        "q", "a", "question", "answer", "transcript", "partial transcript", "byline", "warning", "live", "listen",
        "see also",
    }
)  # fmt: skip
# The prepositions PolNeAR puts in a cue far more often than in the content after it ("asked about", "accused of",
# "warned against"); not "to", which opens whom words were said to as often, nor "as" ("described as “unhinged”"),
# nor those that as often tell when, where or how ("at the time", "in a hearing", "by phone", "with reporters").
# The counts are in docs/decisions.md.
CUE_PREPOSITIONS: frozenset[str] = frozenset({"about", "of", "for", "on", "against", "over", "from"})
# Adverbs by which the writer links a sentence to the one before ("However, growth slowed"): not the source's words,
# as "Frankly," or "Unfortunately," may be.
LINKING_ADVERBS: frozenset[str] = frozenset(
    {"however", "indeed", "still", "meanwhile", "moreover", "additionally", "yet", "furthermore", "nonetheless",
     "nevertheless", "also", "separately", "further"}
)  # fmt: skip
# Nouns that name a person (lemmas): a body named before one only tells what kind of person speaks ("a Carrier
# executive", "Sanders advisers"), and is not the speaker. Words ending in -man, -men or -ist count unlisted.
PERSON_NOUNS: frozenset[str] = frozenset(
    """adviser advisor aide ally analyst ambassador anchor assistant attorney author boss boy brother businessman
    candidate captain ceo chair chairman chairwoman chancellor chief citizen co-founder columnist commander
    commentator commissioner congressman congresswoman consultant contender correspondent councilman councilwoman
    counsel cousin critic daughter delegate democrat deputy detective developer diplomat director doctor donor
    economist editor employee executive expert father figure founder friend front-runner general girl governor guy
    host husband individual insider inspector investigator investor judge justice king lady lawmaker lawyer leader
    legislator lieutenant magnate manager mayor member minister moderator mogul mother narrator neighbor neighbour
    neurosurgeon nominee officer official operative organizer owner partner pastor person physician pilot pope
    president priest prince princess producer professor prosecutor queen rabbi representative republican researcher
    resident rival secretary senator sergeant sheriff sister son source speaker spokesman spokesperson spokeswoman
    staffer star strategist student supporter surgeon teacher treasurer tycoon veteran victim voter widow wife
    witness woman worker writer actor actress admiral
    accountant agent architect athlete attendant auditor banker broker buyer cashier child clerk coach contractor
    customer dealer designer driver electrician engineer farmer fan firefighter guard historian intern kid
    librarian mechanic midwife musician negotiator nurse paramedic parent passenger patient photographer
    planner player programmer reporter shopper soldier subscriber technician teen teenager therapist trader
    trainer user volunteer""".split()
)
# The nouns for a man and for a woman: "he" stands for no "actress" described, "she" for no "businessman".
MALE_NOUNS: frozenset[str] = frozenset(
    "boy brother businessman chairman congressman councilman father guy husband king man prince son spokesman".split()
)
FEMALE_NOUNS: frozenset[str] = frozenset(
    """actress businesswoman chairwoman congresswoman councilwoman daughter girl lady mother princess queen sister
    spokeswoman widow wife woman""".split()
)
