"""Word tables for figure extraction: qualifiers, number words, vague amounts, units and the contexts that rule a
number out (dates, times of day, ids). Data only; the logic lives in :mod:`rashomon.extract.figures`.
"""

from __future__ import annotations

from rashomon.text import numbers
from rashomon.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS

# Qualifier phrase (lower-case words) -> the bound it puts on the amount: "~" about, ">" at least or more, "<" at
# most or less, "=" exact. Longest phrases are tried first; any bound but "=" makes the figure approximate.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("about",): "~", ("around",): "~", ("roughly",): "~", ("nearly",): "~", ("almost",): "~", ("some",): "~",
    ("approximately",): "~", ("approx.",): "~", ("circa",): "~", ("estimated",): "~", ("an", "estimated"): "~",
    ("close", "to"): "~", ("an", "approximate"): "~", ("approximate",): "~", ("upward", "of"): ">",
    ("over",): ">", ("upwards", "of"): ">", ("more", "than"): ">", ("at", "least"): ">", ("just", "over"): ">",
    ("well", "over"): ">", ("in", "excess", "of"): ">", ("north", "of"): ">", ("no", "fewer", "than"): ">",
    ("no", "less", "than"): ">", ("above",): ">", ("greater", "than"): ">", ("higher", "than"): ">",
    ("under",): "<", ("less", "than"): "<", ("fewer", "than"): "<", ("at", "most"): "<", ("up", "to"): "<",
    ("as", "many", "as"): "<", ("as", "much", "as"): "<", ("as", "few", "as"): "<", ("just", "under"): "<",
    ("well", "under"): "<", ("below",): "<", ("no", "more", "than"): "<", ("lower", "than"): "<",
    ("exactly",): "=", ("just",): "=", ("only",): "=", ("precisely",): "=",
}  # fmt: skip
# The same bounds keyed by the qualifier as the dossier gives it ("more than").
QUALIFIER_BOUNDS: dict[str, str] = {" ".join(key): bound for key, bound in QUALIFIERS.items()}

SMALL_NUMBERS: dict[str, int] = numbers.NUMBER_WORDS

# Adjectives before a number that stress its size rather than say what it counts ("a whopping 80 million
# followers" counts followers; "the top three seeds" counts top seeds).
EMPHASIS_WORDS: frozenset[str] = frozenset(
    """whopping staggering mere massive huge hefty modest paltry meagre meager impressive incredible remarkable
    astonishing astounding stunning extraordinary unprecedented measly scant cool full solid healthy low high
    lowly""".split()
)

# Multiplying words; "a dozen", "1.5 million", "two hundred".
# South Asian English adds the lakh (100,000) and the crore (ten million): "Rs 500 crore", "20 lakh people".
SCALES: dict[str, float] = {
    **{word: float(value) for word, value in numbers.SCALES.items()},
    **{"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7},
    # Wire-service abbreviations as words: "$1.5 bln", "2.1 trln yen".
    **{"bln": 1e9, "trln": 1e12, "mn": 1e6, "tn": 1e12},
}

# Vague amounts: value None, always approximate. Plural nouns count what follows "of" ("dozens of people"), each
# with the unit it counts in: the amount lies between one and ten of those units, the unit multiplied along a chain
# ("dozens": 12 to 120; "tens of thousands": 10,000 to 100,000), as NewsQuant's annotators read them.
VAGUE_UNITS: dict[str, float] = {
    "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
    "scores": 20, "tens": 10,
}  # fmt: skip
VAGUE_OF_WORDS: frozenset[str] = frozenset(VAGUE_UNITS)
# Of those, the ones that are only an amount when "of" follows ("scores of homes", not "the scores").
VAGUE_NEEDS_OF: frozenset[str] = frozenset({"scores", "tens"})
# Determiners that are vague amounts only before a counted noun ("several days").
VAGUE_DETERMINERS: frozenset[str] = frozenset({"several"})
# Vague words before a scale ("several hundred", "a few thousand", "a couple of dozen") -> the least and greatest
# multiple of the scale they mean.
VAGUE_MULTIPLES: dict[tuple[str, ...], tuple[float, float]] = {
    ("several",): (3, 10), ("a", "few"): (2, 10), ("a", "couple", "of"): (2, 3), ("a", "couple"): (2, 3),
}  # fmt: skip

ORDINAL_WORDS: frozenset[str] = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "thirtieth", "fortieth", "fiftieth", "hundredth", "thousandth", "millionth",
})  # fmt: skip

# Month names and abbreviations (lower-case, without a final period): a number beside one is a day or a year.
MONTHS: frozenset[str] = frozenset(name.lower() for name in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))
# Days of the week, lower case: when, not what, even where the model misses them as dates ("said tuesday").
WEEKDAY_WORDS: frozenset[str] = frozenset(name.lower() for name in WEEKDAYS)

# Words after a number that make it a clock time.
TIME_OF_DAY: frozenset[str] = frozenset(
    {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "bst", "cet", "msk", "est"}
)

# Words before a number that make it an identifier ("ID: 318272", "No. 5", "page 3").
ID_WORDS: frozenset[str] = frozenset({"id", "no", "no.", "nos", "number", "#", "code", "ref", "page", "tel", "phone"})
# Singular labels of a fact box a small number after is an amount of ("Death toll: 45", "Age: 34"); after any
# other singular label (an episode, a rank, a player's name) it is a place in an order or a mark, not an amount.
COUNTING_LABELS: frozenset[str] = frozenset(
    """toll total tally count turnout attendance population age height weight length width depth distance area
    capacity temperature cost price budget value revenue turnover profit loss debt salary wage fee fine rate
    score margin majority death injury casualty""".split()
)

# Nouns that count many in their singular form ("350 staff", "200 head of cattle"): a number before them is a count,
# where before another singular noun it names the thing ("the 486 chip", "a 911 call").
SINGULAR_COUNT_NOUNS: frozenset[str] = frozenset(
    """staff crew personnel police cattle livestock aircraft clergy infantry cavalry artillery militia offspring
    fish sheep deer swine poultry head grand""".split()
)
# Determiners right before such a number and noun, which make the noun singular in use ("a 911 call", "the 486
# chip", "its 80486 chip"); after a bare number a noun may be a plural spelt as its singular ("300 elk").
NAMING_DETERMINERS: frozenset[str] = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your"})
# Nouns of a level a count reaches ("passed the 600 mark", "short of the 176 majority"): the number is an amount.
LEVEL_NOUNS: frozenset[str] = frozenset({"mark", "level", "threshold", "barrier", "milestone", "line", "majority"})

# Entity types whose numbers are part of a name ("Boeing 737", "Apollo 11").
NAME_ENTITY_TYPES: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"}
)

# Time units, any spelling -> singular unit.
TIME_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "min": "minute",
    "mins": "minute", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century", "yr": "year",
    "yrs": "year", "wk": "week", "wks": "week", "annum": "year",
}  # fmt: skip

# Words after which a count is of more of a kind counted before, in a parallel clause ("killed 253 people and
# injured 5,000 others", "killed 10 people, injuring dozens more"): the unit is that kind's. "other" is the unit of
# a count of others, which never gives its kind.
MORE_OF_A_KIND_WORDS: frozenset[str] = frozenset({"others", "other", "more"})
# The kinds "others" are more of: people in general ("killed two children and injured four others" need not be
# children).
OTHERS_KINDS: frozenset[str] = frozenset({"people", "person"})
# Counted nouns whose singular form is not what we report.
# Also plurals the model's lemmatizer gets wrong ("doses" -> "dos", "taxes" -> "taxis").
UNIT_OVERRIDES: dict[str, str] = {
    "people": "people", "persons": "people", "police": "police", "doses": "dose", "taxes": "tax",
    "species": "species", "series": "series",  # the same in the plural, which the lemmatizer cuts ("specie")
}  # fmt: skip

PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "pct", "pc"})

# Currency signs before an amount, lower case; "us" and "a" follow a "$" ("$US55m", "$A82m").
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₪": "ILS", "₩": "KRW",
    "hk$": "HKD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "s$": "SGD", "r$": "BRL",
    "rm": "MYR", "rs": "INR", "rs.": "INR",
    # "£" and "¥" as ASCII folding (unidecode) writes them, glued to the amount: "PS2.7m", "Y=28,030".
    "ps": "GBP", "y=": "JPY",
    "nt$": "TWD", "rmb": "CNY", "dh": "AED", "dhs": "AED", "rp": "IDR", "₱": "PHP", "₺": "TRY", "₦": "NGN",
    "₫": "VND", "฿": "THB", "₴": "UAH", "₸": "KZT", "₵": "GHS", "ksh": "KES", "e£": "EGP", "zł": "PLN",
    "৳": "BDT", "₲": "PYG", "₡": "CRC", "₭": "LAK", "₮": "MNT", "₼": "AZN", "₾": "GEL", "֏": "AMD",
}  # fmt: skip
# Letters glued before an amount as their currencies write them ("Rs5", "RM5"): money even on one digit, where other
# spellings ("RS5", an Audi) and ASCII stand-ins for a sign ("PS5" for "£5") as often name a model.
CURRENCY_PREFIX_SPELLINGS: frozenset[str] = frozenset({"Rs", "RM", "Rp", "RMB", "Dh", "Dhs", "KSh", "zł"})
# A word before a "$" that names the dollar ("US $58", "HK $5.4m"), or glued after it ("$US55m").
DOLLAR_COUNTRIES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "hk": "HKD", "a": "AUD", "au": "AUD", "aus": "AUD", "c": "CAD", "ca": "CAD",
    "can": "CAD", "nz": "NZD", "s": "SGD", "sg": "SGD",
}  # fmt: skip
# ISO codes written beside an amount ("USD 1,700", "110 JPY").
CURRENCY_CODES: frozenset[str] = frozenset(
    """USD EUR GBP JPY CNY AUD CAD HKD NZD SGD MYR ILS INR RUB TRY CHF ZAR KRW BRL MXN PHP UAH AZN AMD NGN PKR SEK
    NOK DKK PLN IDR THB AED SAR EGP KES GEL BTC HUF CZK RON BGN HRK TWD VND BDT KZT QAR KWD CLP COP ARS LKR NPR
    BHD OMR JOD MAD TND GHS UGX TZS ETB ZMW PEN ISK RSD IQD IRR LBP MMK KHR MNT UZS XOF XAF JMD ETH PYG CRC LAK
    VES""".split()
)

# Currency words after a number (singular lemma) -> ISO code.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "ruble": "RUB", "rouble": "RUB", "manat": "AZN", "dram": "AMD", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "lira": "TRY", "hryvnia": "UAH", "rupee": "INR", "sterling": "GBP",
    "shekel": "ILS", "ringgit": "MYR", "won": "KRW", "rand": "ZAR", "naira": "NGN", "baht": "THB", "rupiah": "IDR",
    "zloty": "PLN", "lari": "GEL", "kuna": "HRK", "dirham": "AED", "riyal": "SAR", "bitcoin": "BTC",
    "forint": "HUF", "koruna": "CZK", "leu": "RON", "lev": "BGN", "dong": "VND", "taka": "BDT", "tenge": "KZT",
    "franc": "CHF", "krona": "SEK", "kronor": "SEK", "reais": "BRL", "cedi": "GHS", "birr": "ETB", "kyat": "MMK",
    "riel": "KHR", "tugrik": "MNT", "kwacha": "ZMW", "quid": "GBP", "buck": "USD", "lei": "RON", "leva": "BGN",
    "bolivar": "VES",
}  # fmt: skip
# Currencies named with the country's adjective ("Australian dollars", "Danish crowns"): (adjective, lemma) -> code.
NATIONAL_CURRENCIES: dict[tuple[str, str], str] = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("kong", "dollar"): "HKD",
    ("zealand", "dollar"): "NZD", ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("danish", "crown"): "DKK", ("danish", "krone"): "DKK", ("danish", "kroner"): "DKK",
    ("norwegian", "crown"): "NOK", ("norwegian", "krone"): "NOK", ("norwegian", "kroner"): "NOK",
    ("swedish", "crown"): "SEK", ("swedish", "krona"): "SEK", ("swedish", "kronor"): "SEK",
    ("swiss", "franc"): "CHF", ("mexican", "peso"): "MXN", ("philippine", "peso"): "PHP",
    ("brazilian", "real"): "BRL", ("egyptian", "pound"): "EGP", ("british", "pound"): "GBP",
    ("pound", "sterling"): "GBP", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("brazilian", "reais"): "BRL", ("african", "rand"): "ZAR", ("saudi", "riyal"): "SAR", ("qatari", "riyal"): "QAR",
    ("emirati", "dirham"): "AED", ("uae", "dirham"): "AED", ("moroccan", "dirham"): "MAD",
    ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX", ("tanzanian", "shilling"): "TZS",
    ("argentine", "peso"): "ARS", ("argentinian", "peso"): "ARS", ("chilean", "peso"): "CLP",
    ("colombian", "peso"): "COP", ("russian", "rouble"): "RUB", ("russian", "ruble"): "RUB",
    ("turkish", "lira"): "TRY", ("lebanese", "pound"): "LBP", ("iranian", "rial"): "IRR", ("omani", "rial"): "OMR",
    ("jordanian", "dinar"): "JOD", ("kuwaiti", "dinar"): "KWD", ("iraqi", "dinar"): "IQD",
    ("bahraini", "dinar"): "BHD", ("tunisian", "dinar"): "TND", ("korean", "won"): "KRW", ("japanese", "yen"): "JPY",
    ("chinese", "yuan"): "CNY", ("lankan", "rupee"): "LKR", ("nepalese", "rupee"): "NPR", ("nigerian", "naira"): "NGN",
    ("icelandic", "krona"): "ISK", ("czech", "koruna"): "CZK", ("czech", "crown"): "CZK", ("jamaican", "dollar"): "JMD",
}  # fmt: skip
# Scale words glued to or after an amount of money ("$13.6M", "HK$5.4m", "$1.7bn"); "m" and "k" only for money.
MONEY_SCALES: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trln": 1e12,
}  # fmt: skip
# Glued to any number ("2.8bn km").
GLUED_SCALES: dict[str, float] = {"mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trln": 1e12}
# Scales the tokenizer splits off a number ("4.3M sales" -> "4.3", "M"), with their case: a lower-case "m" is a metre.
GLUED_SCALE_TOKENS: dict[str, float] = {
    "M": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "B": 1e9, "tn": 1e12, "trln": 1e12,
}  # fmt: skip

# Measures: the unit as written -> its name (singular, British spelling, as CQE/quantulum name units).
# Symbols are matched with their case ("m" metre, "M" not; "C" Celsius, "c" not); words in lower case.
UNIT_SYMBOLS: dict[str, str] = {
    "m": "metre", "km": "kilometre", "cm": "centimetre", "mm": "millimetre", "μm": "micrometre", "µm": "micrometre",
    "nm": "nanometre", "mi": "mile", "ft": "foot", "yd": "yard", "″": "inch", "kg": "kilogram", "g": "gram",
    "mg": "milligram", "lb": "pound-mass", "lbs": "pound-mass", "oz": "ounce", "t": "metric ton", "L": "litre",
    "l": "litre", "ml": "millilitre", "mL": "millilitre", "W": "watt", "kW": "kilowatt", "MW": "megawatt",
    "GW": "gigawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "V": "volt", "kV": "kilovolt", "A": "ampere", "mAh": "milliampere-hour",
    "Hz": "hertz", "HZ": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "Ghz": "gigahertz",
    "KB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte", "Mbps": "megabit per second",
    "Gbps": "gigabit per second", "C": "celsius", "°C": "celsius", "F": "fahrenheit", "°F": "fahrenheit",
    "°": "degree", "Nm": "newton metre", "Pa": "pascal", "kPa": "kilopascal", "MPa": "megapascal",
    "GPa": "gigapascal", "m2": "square metre", "m²": "square metre", "km2": "square kilometre",
    "km²": "square kilometre", "sqm": "square metre", "ha": "hectare", "sec": "second",
    "ms": "millisecond", "p": "penny", "PS": "horsepower", "mmBTU": "mega british thermal unit",
    "MMBtu": "mega british thermal unit", "mmBtu": "mega british thermal unit",
    "h": "hour", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute",
    "Wh": "watt hour", "TW": "terawatt", "mW": "milliwatt", "mA": "milliampere", "kJ": "kilojoule",
    "MJ": "megajoule", "kcal": "kilocalorie", "dB": "decibel", "psi": "pound per square inch", "kN": "kilonewton",
    "PB": "petabyte", "Gb": "gigabit", "Mb": "megabit", "kbps": "kilobit per second", "Tbps": "terabit per second",
    "ns": "nanosecond", "μs": "microsecond", "µs": "microsecond", "cc": "cubic centimetre",
    "cm3": "cubic centimetre", "cm²": "square centimetre", "cm2": "square centimetre",
    "fps": "frame per second", "bbl": "barrel", "mg/L": "milligram per litre", "THz": "terahertz",
    "bp": "basis point", "bps": "basis point", "MP": "megapixel", "pp": "percentage point",
    "ºC": "celsius", "ºF": "fahrenheit", "º": "degree", "mmHg": "millimetre of mercury",
    "m3": "cubic metre", "m³": "cubic metre", "sqft": "square foot", "ft2": "square foot",
    "ppts": "percentage point", "Ω": "ohm", "kΩ": "kilohm", "MΩ": "megohm", "lm": "lumen", "lx": "lux",
    "mol": "mole", "Bq": "becquerel", "Sv": "sievert", "mSv": "millisievert", "μSv": "microsievert",
    "µSv": "microsievert", "hPa": "hectopascal", "mbar": "millibar", "bar": "bar", "atm": "atmosphere",
    "gal": "gallon", "µg": "microgram", "μg": "microgram", "mcg": "microgram", "GJ": "gigajoule",
    "dL": "decilitre", "dl": "decilitre", "¢": "cent", "N": "newton", "nmi": "nautical mile",
    "bpd": "barrel per day", "bopd": "barrel per day", "Gt": "gigaton", "Mt": "megatonne",
    "tbsp": "tablespoon", "tsp": "teaspoon", "Gbit": "gigabit", "Mbit": "megabit", "kbit": "kilobit",
    "T": "tesla", "mT": "millitesla", "ac": "acre",
}  # fmt: skip
# Units written with a slash the tokenizer splits ("500,000 b/d", "9.8 m/s"), whose first part alone is a letter.
SLASH_UNITS: dict[str, str] = {
    "b/d": "barrel per day", "bbl/d": "barrel per day", "m/s": "metre per second", "ft/s": "foot per second",
}  # fmt: skip
# Time symbols read as a unit only after a slash ("7,000 MB/s", "500,000 b/d"); alone they are letters.
SLASH_TIME_SYMBOLS: dict[str, str] = {"s": "second", "h": "hour", "hr": "hour", "d": "day", "yr": "year"}
# Symbols wire copy writes with a plural "s" ("600 kgs", "80 kms", "5 yds"); no word is spelt so.
PLURAL_SYMBOL_STEMS: frozenset[str] = frozenset({"km", "kg", "cm", "mm", "ml", "mg", "yd", "oz", "sqm", "kcal"})
# Symbols that are everyday nouns too: a unit only where no noun follows that they describe ("2 bar", not "two bar
# staff" or "5 bar workers").
NOUN_SYMBOLS: frozenset[str] = frozenset({"bar"})
# Symbols read as a unit only glued to the number ("45c a share"): spaced, "35 c" is Celsius or a section's letter.
# So is "in" ("6ft 4in"): spaced, it is the preposition.
GLUED_UNIT_SYMBOLS: dict[str, str] = {"c": "cent", "¢": "cent", "in": "inch"}
# A mobile network's generation ("a 4G network", "5G data"), as NewsQuant names it: a "G" glued to 2 to 6 beside a
# word of `NETWORK_WORDS` (elsewhere "9G" is g-force). It names a technology, no amount: `NAME_UNITS`.
GENERATION_UNIT = "generation wireless"
NETWORK_WORDS: frozenset[str] = frozenset(
    """network phone smartphone handset iphone mobile cellular wireless data spectrum broadband coverage lte signal
    connectivity carrier operator tower mast rollout modem chip speed internet telecom equipment gear technology
    auction licence license licences licenses service services infrastructure""".split()
)
# Units of figures that name a thing by number and measure no amount ("a 4G network"): two of them differ without
# conflicting ("4G" vs "5G" networks are two things, not two counts of one).
NAME_UNITS: frozenset[str] = frozenset({GENERATION_UNIT})
UNIT_WORDS: dict[str, str] = {
    "metre": "metre", "meter": "metre", "kilometre": "kilometre", "kilometer": "kilometre",
    "centimetre": "centimetre", "centimeter": "centimetre", "millimetre": "millimetre", "millimeter": "millimetre",
    "micrometre": "micrometre", "micrometer": "micrometre", "micron": "micrometre", "nanometre": "nanometre",
    "nanometer": "nanometre", "mile": "mile", "foot": "foot", "feet": "foot", "inch": "inch", "yard": "yard",
    "kilogram": "kilogram", "kilo": "kilogram", "gram": "gram", "gramme": "gram", "milligram": "milligram",
    "tonne": "metric ton", "ton": "ton", "gigatonne": "gigaton", "gigaton": "gigaton", "ounce": "ounce",
    "litre": "litre", "liter": "litre", "millilitre": "millilitre", "milliliter": "millilitre", "gallon": "gallon",
    "barrel": "barrel", "pint": "pint", "quart": "quart", "acre": "acre", "hectare": "hectare",
    "watt": "watt", "kilowatt": "kilowatt", "megawatt": "megawatt", "gigawatt": "gigawatt", "volt": "volt",
    "hertz": "hertz", "horsepower": "horsepower", "hp": "horsepower", "bhp": "brake horsepower",
    "celsius": "celsius", "centigrade": "celsius", "fahrenheit": "fahrenheit", "degree": "degree",
    "celcius": "celsius", "farenheit": "fahrenheit",  # as often misspelt
    "mph": "mile per hour", "kph": "kilometre per hour", "km/h": "kilometre per hour",
    "km/hr": "kilometre per hour", "kmh": "kilometre per hour", "mpg": "mile per gallon",
    "rpm": "revolutions per minute",
    "knot": "knot", "ppm": "part per million", "ppb": "parts-per-billion", "gigapascal": "gigapascal",
    "byte": "byte", "gigabyte": "gigabyte", "megabyte": "megabyte", "terabyte": "terabyte",
    "kwh": "kilowatt hour", "mah": "milliampere-hour", "ghz": "gigahertz", "mhz": "megahertz",
    "khz": "kilohertz", "hz": "hertz", "lb-ft": "foot pound-force", "pound-feet": "pound-foot",
    "pound": "pound-mass", "joule": "joule", "kilojoule": "kilojoule", "calorie": "calorie",
    "kilocalorie": "kilocalorie", "newton": "newton", "pascal": "pascal", "decibel": "decibel", "ohm": "ohm",
    "farad": "farad", "ampere": "ampere", "amp": "ampere", "milliamp": "milliampere", "kelvin": "kelvin",
    "terawatt": "terawatt", "milliwatt": "milliwatt", "kilovolt": "kilovolt", "pixel": "pixel",
    "megapixel": "megapixel", "bit": "bit", "kilobit": "kilobit", "megabit": "megabit", "gigabit": "gigabit",
    "terabit": "terabit", "kilobyte": "kilobyte", "petabyte": "petabyte", "nanosecond": "nanosecond",
    "microsecond": "microsecond", "millisecond": "millisecond", "carat": "carat", "teaspoon": "teaspoon",
    "tablespoon": "tablespoon", "megatonne": "megatonne", "kilotonne": "kilotonne", "terahertz": "terahertz",
    "lumen": "lumen", "lux": "lux", "becquerel": "becquerel", "sievert": "sievert", "millisievert": "millisievert",
    "microsievert": "microsievert", "hectopascal": "hectopascal", "millibar": "millibar",
    "coulomb": "coulomb", "microgram": "microgram", "kiloton": "kiloton", "megaton": "megaton", "bushel": "bushel",
    "furlong": "furlong", "fathom": "fathom", "gigajoule": "gigajoule", "megajoule": "megajoule",
    "magnitude": "magnitude",
}  # fmt: skip
# Units written in two or three words (lower case) -> name.
UNIT_PHRASES: dict[tuple[str, ...], str] = {
    ("sq", "m"): "square metre", ("sq", "ft"): "square foot", ("sq", "km"): "square kilometre",
    ("square", "metre"): "square metre", ("square", "meter"): "square metre", ("square", "foot"): "square foot",
    ("square", "feet"): "square foot", ("square", "kilometre"): "square kilometre",
    ("square", "kilometer"): "square kilometre", ("square", "mile"): "square mile",
    ("cubic", "metre"): "cubic metre", ("cubic", "meter"): "cubic metre", ("cubic", "foot"): "cubic foot",
    ("cubic", "feet"): "cubic foot", ("degree", "celsius"): "celsius", ("degree", "fahrenheit"): "fahrenheit",
    ("degree", "c"): "celsius", ("degree", "f"): "fahrenheit", ("basis", "point"): "basis point",
    ("°", "c"): "celsius", ("°", "f"): "fahrenheit", ("°", "celsius"): "celsius", ("°", "fahrenheit"): "fahrenheit",
    ("degree", "centigrade"): "celsius", ("°", "centigrade"): "celsius", ("degree", "celcius"): "celsius",
    ("degree", "farenheit"): "fahrenheit",
    ("percentage", "point"): "percentage point", ("nautical", "mile"): "nautical mile",
    ("light", "year"): "light year", ("metric", "ton"): "metric ton", ("kilowatt", "hour"): "kilowatt hour",
    ("megawatt", "hour"): "megawatt hour", ("gigawatt", "hour"): "gigawatt hour",
    ("fluid", "ounce"): "fluid ounce", ("square", "centimetre"): "square centimetre",
    ("square", "centimeter"): "square centimetre", ("square", "inch"): "square inch", ("cubic", "inch"): "cubic inch",
    ("fl", "oz"): "fluid ounce", ("lb", "-", "ft"): "foot pound-force", ("pound", "-", "foot"): "pound-foot",
    ("pound", "-", "feet"): "pound-foot", ("british", "thermal", "unit"): "british thermal unit",
    ("million", "british", "thermal", "unit"): "mega british thermal unit",
}  # fmt: skip
# Words after a unit that make it a rate ("$58 per barrel", "$3,500 a month", "80 miles an hour").
RATE_WORDS: frozenset[str] = frozenset({"per", "a", "an", "/"})
# Nouns a rate may be "a" or "an" of besides time units ("$1,271 an ounce"); after "per" any noun does.
RATE_NOUNS: frozenset[str] = frozenset(
    {"share", "barrel", "ounce", "gallon", "litre", "liter", "tonne", "ton", "head", "person", "night", "piece"}
    | {"dozen"}  # "$3 a dozen" (eggs)
)
# Nouns of an earthquake: a number written with a decimal point before one is its magnitude ("a 4.4 quake").
QUAKE_NOUNS: frozenset[str] = frozenset({"quake", "earthquake", "temblor", "tremor", "aftershock", "shock"})
# Participles before a quake's magnitude ("a quake measuring 5.6", "registering 4.1").
MAGNITUDE_VERBS: frozenset[str] = frozenset({"measuring", "registering"})
# Words between "magnitude" and its number ("a magnitude of 4.6", "put the magnitude at 6.1", "ranging from 3.6").
MAGNITUDE_LINKS: frozenset[str] = frozenset({"of", "at", "from", "ranging", "between"})
# Scales named before their number ("a magnitude 5.8 quake", "Mach 2").
UNITS_BEFORE: dict[str, str] = {"magnitude": "magnitude", "mach": "mach"}
# Rates written as one abbreviation after a unit ("7.5% p.a.", "£30,000 pa"): the time they are per.
RATE_ABBREVIATIONS: dict[str, str] = {"p.a.": "year", "pa": "year", "p.a": "year", "pcm": "month"}
# Words after "a year", "a day" that make it a time, not a rate ("$6bn a year earlier", "a month into the strike").
NOT_RATE_AFTER: frozenset[str] = frozenset({"ago", "earlier", "later", "before", "after", "since", "from", "into"})
# Words after a number whose hyphened unit comes later ("two- and three-bedroom homes", "four-, five- and six-").
SUSPENDED_LINKS: frozenset[str] = frozenset({",", "and", "or", "to"})
# Words joining the ends of a range ("5 to 7 per cent", "between 4% and 5%", "15-22 miles", "three or four years").
RANGE_WORDS: frozenset[str] = frozenset({"to", "-", "–", "and", "or"})
# Words after a number that make it a multiplier ("six times the size", "1.4 times book value").
# Words that say which way a listed name moved, without a verb: "Lloyds down 1.5 per cent", "Burlington by 2.6%".
MOVE_WORDS: frozenset[str] = frozenset({"up", "down", "by", "+", "-", "−"})
# Words after which a listed name starts: "..., A2 Milk up 4 per cent", "such as Blackmores up 9.4 per cent".
LIST_OPENERS: frozenset[str] = frozenset({",", ";", ":", "—", "–", "and", "as", "while", "whereas"})
# The second figure of a move says where the name ended: "up 9.4 per cent to $84", "down 68p at 1112p".
MOVE_END_WORDS: frozenset[str] = frozenset({"to", "at"})
# Words before a bare number that compare it with the figure just before, in that figure's unit: "up from",
# "compared with", "against", "versus".
COMPARED_WORDS: frozenset[str] = frozenset({"from", "with", "against", "versus", "vs", "vs."})
# A bare "from" compares only after a word of change ("up from 2.9", "rose to $5 from 4"), not in "raised $2 from 40".
FROM_CHANGE_WORDS: frozenset[str] = frozenset(
    """up down higher lower rose fell grew rising falling growing increased decreased dropped climbed""".split()
)
# Verbs of change (lemmas) a figure moved to hangs from, before a bare "from": "rose to 45 percent from 40".
CHANGE_VERBS: frozenset[str] = frozenset(
    """rise fall climb drop grow jump increase decrease decline gain lose slip slide surge soar plunge plummet
    sink tumble dip edge rebound recover shrink swell expand contract cut lower reduce widen narrow
    improve worsen double halve triple go""".split()
)
MULTIPLIER_WORDS: frozenset[str] = frozenset({"times", "fold"})
# A multiplier in one word: "a tenfold rise", "grew threefold".
FOLD_WORDS: dict[str, float] = {
    **{f"{word}fold": float(value) for word, value in SMALL_NUMBERS.items() if value > 1},
    "hundredfold": 100.0,
    "thousandfold": 1000.0,
}
# Fractions written as one character, alone or after a whole number: "½ of the land", "2½ years".
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
# Written on the number: "3x higher".
MULTIPLIER_SIGNS: frozenset[str] = frozenset({"x", "X", "×"})
# Words before a time unit that make it a date, not a counted unit ("2.1 last year").
TIME_DETERMINERS: frozenset[str] = frozenset({"last", "next", "this", "that", "every", "each"})
# Time units whose "-old" compound gives an age ("a 50-year-old man", "an 18 month-old daughter").
AGE_WORDS: frozenset[str] = frozenset({"old"})
# Verbs by which a person is or reaches an age ("she is 72", "who turned 60"), and the subjects that are persons.
AGE_VERBS: frozenset[str] = frozenset({"be", "turn"})
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "i", "who"})
# Lemmas of dying before "at" and an age ("dies at 91", "dying at 91", "dead at 95", "died in prison at 77").
DEATH_WORDS: frozenset[str] = frozenset({"die", "dead"})
# Nouns of a count of the dead ("the number of people dead at 52", "the toll of dead at 40"): no one died at it.
TOLL_NOUNS: frozenset[str] = frozenset({"number", "toll", "tally", "count", "total"})
# Nouns an age is "of" ("at the age of 92", "between the ages of 18 and 25").
AGE_NOUNS: frozenset[str] = frozenset({"age", "ages"})
# An age in years is below this ("dies at 91"; not "at 130").
MAX_AGE = 120
# Words after an hour of the clock ("at 3 a.m.", "at 5 o'clock"), and the parts of a day said "in the" after one
# ("at 3 in the morning"): a time, no age.
CLOCK_WORDS: frozenset[str] = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "o’clock"})
DAY_PARTS: frozenset[str] = frozenset({"morning", "afternoon", "evening", "night"})
# Marks after which a sentence starts, so a capital "A" there is the article ("said: A $5 fee", "(A $5 fee)").
SENTENCE_OPENERS: frozenset[str] = frozenset({".", "!", "?", ":", '"', "“", "(", "—", "–", "-", "--", "\n"})
# Words before a number that make it negative ("minus 5", "minus-130 degrees").
MINUS_WORDS: frozenset[str] = frozenset({"minus", "negative"})
# Signs of a margin either way ("±3 points"): the amount is the margin's size, not negative.
PLUS_MINUS_SIGNS: frozenset[str] = frozenset({"±"})
# What the tokenizer leaves of a "+/-" after splitting off its "+" ("+", "/-4%"): the rest of a margin's sign.
SPLIT_PLUS_MINUS: frozenset[str] = frozenset({"/-", "/−"})
# Words between "plus" and "minus" in a margin ("plus or minus 3", "plus/minus 3", "plus-or-minus 3", split by the
# tokenizer "plus", "-", "or", "-", "minus").
PLUS_MINUS_LINKS: frozenset[str] = frozenset({"or", "/", "-"})
# Nouns of one unit that a fraction may take with "a" ("half a point", "a fifth of a cent", "a third of a cup") and
# that the measure and currency tables do not hold.
PART_UNIT_NOUNS: frozenset[str] = frozenset({"point", "cent", "penny", "pence", "cup", "teaspoon", "tablespoon"})
# The unit of a share of a whole ("a third of voters", "one in five adults", "half the staff").
FRACTION_UNIT = numbers.FRACTION_UNIT
# Fractions: the word -> its denominator ("a third of", "two-thirds of", "half of").
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
# Adjectives of size after a length ("2m tall players", "a 5km long queue"): the "m" is a metre, not a million.
DIMENSION_WORDS: frozenset[str] = frozenset({"tall", "long", "wide", "high", "deep", "thick", "across", "square"})
# Determiners "half" takes without "of": "half the staff", "half its workforce".
HALF_DETERMINERS: frozenset[str] = frozenset(
    {"the", "its", "their", "his", "her", "our", "your", "all", "this", "these"}
)
# Street words after a number: the number is part of an address ("575 Wilbraham Road").
ADDRESS_WORDS: frozenset[str] = frozenset(
    {"road", "rd", "street", "st", "avenue", "ave", "way", "lane", "drive", "boulevard", "blvd", "place", "court"}
)

# Words before a year-like number that make it a year even before a plural noun ("in 2000 elections").
YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "since", "of", "by", "until", "till", "from", "before", "after", "during", "the", "'s"}
)

# Common scales for comparing figures across outlets: a unit -> (kind of quantity, factor to that kind's base unit).
DAYS_PER_UNIT: dict[str, float] = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14,
    "month": 30.44, "year": 365.25, "decade": 3652.5, "century": 36525,
}  # fmt: skip
METRES_PER_UNIT: dict[str, float] = {
    "mile": 1609.344, "km": 1000, "kilometre": 1000, "kilometer": 1000, "metre": 1, "meter": 1, "m": 1,
    "foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "yard": 0.9144, "inch": 0.0254, "cm": 0.01, "mm": 0.001,
    "centimetre": 0.01, "millimetre": 0.001,
    "nautical mile": 1852,
}  # fmt: skip
# Counted nouns that all count people, so "dozens of people" and "six troops" are the same kind of quantity.
PEOPLE_UNITS: frozenset[str] = frozenset(
    """people person life victim civilian soldier troop fighter refugee resident worker passenger crew
    member child adult man woman casualty hostage prisoner detainee peacekeeper officer protester""".split()
)

# Direction of change (`figure_direction`): lemmas of the verbs and nouns that move an amount, and the words that
# say the way without a verb ("up 2%", "34% higher"). The figure is the size of the move when it hangs from one of
# them ("rose 5%", "fell by 3 points", "an increase of $3 billion").
UP_VERBS: frozenset[str] = frozenset(
    """rise climb gain jump surge soar rally advance grow increase rebound recover add boost raise lift hike expand
    swell spike leap rocket skyrocket firm accelerate improve balloon mount""".split()
)
DOWN_VERBS: frozenset[str] = frozenset(
    """fall drop decline decrease slip slide sink plunge plummet tumble slump dip lose shed cut reduce lower shrink
    contract ease retreat sag crash dive tank slash trim weaken erode""".split()
)
UP_NOUNS: frozenset[str] = frozenset(
    """rise increase gain jump growth surge rally hike boost climb rebound advance upturn uptick spike""".split()
)
DOWN_NOUNS: frozenset[str] = frozenset(
    """fall drop decline decrease cut reduction slump dip plunge slide downturn contraction tumble""".split()
)
UP_WORDS: frozenset[str] = frozenset({"up", "higher", "upward", "upwards"})
DOWN_WORDS: frozenset[str] = frozenset({"down", "lower", "downward", "downwards"})
# Words of a fall only as an adverb before a price, percent or points ("shares closed off 2%", "off $1"); as a
# verb's particle ("laid off 600") or after the amount ("3 days off", "30% off") they say nothing of a move.
OFF_WORDS: frozenset[str] = frozenset({"off"})
# Units of a price's part ("off 3p", "off 5 cents"), which with MOVE_UNITS and a currency make a market move's units.
PRICE_PART_UNITS: frozenset[str] = frozenset({"penny", "cent"})
# Verbs whose direct object is the size of the move ("gained 3%", "lost 2.7 percent", "added 15 sen"); the object
# of another ("raised $2 million", "cut 6,000 jobs") is what was moved, not by how much, unless it is a share.
# Not "gain", "lose", "add", "shed": their object is a move only in a move's units ("gained 3%", `MOVE_UNITS`); with
# money it is what was won or lost ("lost $1.2 billion in the quarter").
AMOUNT_OBJECT_VERBS: frozenset[str] = frozenset(
    """jump climb rise fall drop slide slip plunge plummet tumble surge soar advance""".split()
)
# Lengths: followed by a place ("30 miles from the coast", "20 km north of"), a distance, not a move.
LENGTH_UNITS: frozenset[str] = frozenset(
    {"mile", "kilometre", "metre", "foot", "yard", "inch", "centimetre", "millimetre", "nautical mile"}
)
PLACE_AFTER_LENGTH: frozenset[str] = frozenset(
    """from off away north south east west northeast northwest southeast southwest inland offshore outside
    beyond short""".split()
)
# Units a direct object of any change verb is a move in ("cut 5%", "trimmed 25 basis points").
MOVE_UNITS: frozenset[str] = frozenset({"percent", "point", "basis point", "percentage point"})
# A figure after these is the level reached or left ("rose 5% to 3.65", "down 68p at 1112p", "up from 2.9"): it
# carries no direction of its own.
LEVEL_PREPOSITIONS: frozenset[str] = frozenset({"to", "at", "from"})
