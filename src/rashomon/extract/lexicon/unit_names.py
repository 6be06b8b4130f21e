"""Units named by quantulum3's vocabulary, for the measures our own tables (`figure_words`) do not list.

NewsQuant names units as quantulum3 does, so its package data (``units.json``: each unit's name, kind of quantity,
full names, symbols and metric prefixes) gives both the readings and the names. Only the data is read: the parser is
never imported. The vocabulary is loaded once, on first use, and kept (it is fixed package data, not state).

What is taken, and why so little:
- full names and their plurals ("hectoliters", "astronomical units"), written in lower case, in more than three
  letters, and not everyday words ("bar", "league", "cup": quantulum3's list of common English words);
- symbols of two or more characters that name one unit only and are no common word unless written in a mixed
  case no word has ("GeV", "hL"); spaced from the number, a symbol of fewer than four letters in lower case or
  capitalised ("kn", "rad", "Gal") is left out, as such letters abbreviate anything;
- never a count, a currency or a time (our tables and the counted-noun reading give those), nor the exotic metric
  prefixes ("attometre" for "am").
Our tables come first, and a unit both know keeps our name ("kilohm", not "kiloohm"). A one-letter symbol they
read ("F": Fahrenheit) takes another of its readings only where the words next to it name that reading's kind of
quantity and no other ("2.5 F" beside a capacitor is a farad), see `context_reading`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from rashomon.extract.lexicon import figure_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Kinds of quantity our own tables and rules read (counts, money, time), left to them.
_SKIPPED_ENTITIES = frozenset({"dimensionless", "currency", "time", "typographical element"})
# Metric prefixes news writes: the rest ("atto", "zepto", "yotta") make symbols out of common letters ("am", "zm").
_PREFIXES = {
    "P": "peta", "T": "tera", "G": "giga", "M": "mega", "k": "kilo", "h": "hecto", "d": "deci", "c": "centi",
    "m": "milli", "µ": "micro", "n": "nano",
}  # fmt: skip
_WORD_SPLIT = re.compile(r"[\s-]+")
# Full names that are everyday words or read a noun after a unit as part of it: "three quartets" (a nibble),
# "two moles", "a 45 degree angle" (a degree and the angle it measures), "a 2 second arc".
_EVERYDAY_NAMES = frozenset({
    "quartet", "quartets", "tetrad", "tetrads", "tetrade", "tetrades", "peck", "pecks", "mole", "moles", "nibble",
    "nibbles", "nybble", "nybbles", "nyble", "nybles", "degree angle", "degree angles", "second arc", "second arcs",
    "minute arc", "minute arcs", "per second", "per seconds",
})  # fmt: skip
# How many tokens either side of a one-letter symbol may name its kind of quantity ("a 2.5 F capacitor").
_CONTEXT = 6
# The stem two words must share to name one kind of quantity ("capacitor", "capacitance"); shorter names of
# kinds are everyday words ("charge", "length", "volume": "charged with murder" names no electric charge).
_STEM = 7


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Full names (lower-case word tuples, plurals included) and symbols (with their case) -> unit name, and
    each unit's kind of quantity."""

    surfaces: dict[tuple[str, ...], str]
    symbols: dict[str, str]
    all_symbols: dict[str, frozenset[str]]
    entities: dict[str, str]
    longest: int
    ours: dict[str, str]  # quantulum3's name -> the name our tables give the same unit ("kiloohm" -> "kilohm")

    def named(self, name: str) -> str:
        """A unit's name as the rest of the extractor gives it, so one unit has one name."""
        return self.ours.get(name, name)


def _package_text(*parts: str) -> str:
    return resources.files("quantulum3").joinpath(*parts).read_text(encoding="utf-8")


def _prefixed(name: str, unit: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    """The unit and its prefixed forms ("farad" -> "microfarad", symbol "µF"), as quantulum3 makes them."""
    found: list[tuple[str, dict[str, object]]] = [(name, unit)]
    surfaces, symbols = _strings(unit, "surfaces"), _strings(unit, "symbols")
    for prefix in _strings(unit, "prefixes"):
        if prefix in _PREFIXES:
            word = _PREFIXES[prefix]
            found.append(
                (
                    word + name,
                    {
                        "entity": unit["entity"],
                        "surfaces": [word + surface for surface in surfaces],
                        # the micro sign and the Greek mu are both written
                        "symbols": [p + symbol for symbol in symbols for p in {prefix, prefix.replace("µ", "μ")}],
                    },
                )
            )
    return found


def _strings(unit: dict[str, object], key: str) -> list[str]:
    """A list field of a unit's entry ("surfaces", "symbols", "prefixes"), empty where it has none."""
    found = unit.get(key)
    return [str(item) for item in found] if isinstance(found, list) else []


def _plurals(word: str) -> set[str]:
    """A word and its regular plurals ("inch" -> "inches", "century" -> "centuries")."""
    forms = {word, f"{word}s"}
    if word.endswith(("s", "x", "ch", "sh")):
        forms.add(f"{word}es")
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.add(f"{word[:-1]}ies")
    return forms


@cache
def vocabulary() -> Vocabulary:
    """quantulum3's units as lookup tables, read once."""
    units: dict[str, dict[str, object]] = json.loads(_package_text("units.json"))
    common = frozenset(_package_text("_lang", "en_US", "common-words.txt").split())
    surface_names: dict[tuple[str, ...], set[str]] = defaultdict(set)
    symbol_names: dict[str, set[str]] = defaultdict(set)
    entities: dict[str, str] = {}
    for base, raw in units.items():
        for name, unit in _prefixed(base, raw):
            entity = str(unit.get("entity", ""))
            entities[name] = entity
            for symbol in _strings(unit, "symbols"):
                symbol_names[symbol].add(name)
            if entity in _SKIPPED_ENTITIES:
                continue
            for surface in {name, *_strings(unit, "surfaces")}:
                _add_surface(surface_names, surface, name, common)
    surfaces = {
        key: next(iter(names))
        for key, names in surface_names.items()
        if len(names) == 1 and " ".join(key) not in _EVERYDAY_NAMES
    }
    symbols = {
        symbol: next(iter(names))
        for symbol, names in symbol_names.items()
        if len(names) == 1
        and len(symbol) > 1
        and entities[next(iter(names))] not in _SKIPPED_ENTITIES
        and (symbol.lower() not in common or _mixed_case(symbol))
    }
    return Vocabulary(
        surfaces=surfaces,
        symbols=symbols,
        all_symbols={symbol: frozenset(names) for symbol, names in symbol_names.items()},
        entities=entities,
        longest=max(len(key) for key in surfaces),
        ours=_our_names(units),
    )


def _our_names(units: dict[str, dict[str, object]]) -> dict[str, str]:
    """The names our tables give quantulum3's units, by a full name they share ("tonne" -> "metric ton") or by a
    symbol when the two names are spellings of one ("kΩ": "kiloohm" -> "kilohm"); a symbol alone says nothing, as
    one is several units across the two ("bps": our basis points, its bits per second)."""
    found: dict[str, str] = {}
    for base, raw in units.items():
        for name, unit in _prefixed(base, raw):
            if unit.get("entity") in _SKIPPED_ENTITIES:
                continue
            surfaces = [surface.lower() for surface in (name, *_strings(unit, "surfaces"))]
            known = [figure_words.UNIT_WORDS.get(surface) for surface in surfaces]
            known += [figure_words.UNIT_PHRASES.get(tuple(_WORD_SPLIT.split(surface))) for surface in surfaces]
            by_symbol = (
                figure_words.UNIT_SYMBOLS.get(symbol) for symbol in _strings(unit, "symbols") if len(symbol) > 1
            )
            known += [k for k in by_symbol if k and k[:3] == name[:3] and k[-3:] == name[-3:]]
            ours = next((k for k in known if k), None)
            if ours and ours != name:
                found[name] = ours
    return found


def _mixed_case(symbol: str) -> bool:
    """ "hL", "GeV": a case no word or acronym is written in ("HL", "Hl" and "hl" may be)."""
    return not (symbol.islower() or symbol.isupper() or symbol.istitle())


def _add_surface(table: dict[tuple[str, ...], set[str]], surface: str, name: str, common: frozenset[str]) -> None:
    """A full name, with the plurals of its last word, and of the word before "per" or "of" ("pounds per hour",
    "millimetres of mercury")."""
    words = tuple(word for word in _WORD_SPLIT.split(surface.lower()) if word)
    if not words or (len(words) == 1 and (len(words[0]) < 4 or words[0] in common)):
        return
    if not all(word.isalpha() for word in words):
        return
    if words[-1].endswith("tre"):
        _add_surface(table, " ".join((*words[:-1], f"{words[-1][:-3]}ter")), name, common)  # "hectoliter"
    for form in _plurals(words[-1]):
        table[(*words[:-1], form)].add(name)
    for joining in ("per", "of"):
        if joining in words[1:]:
            at = words.index(joining)
            for form in _plurals(words[at - 1]):
                table[(*words[: at - 1], form, *words[at:])].add(name)


def surface_unit(words: list[str]) -> tuple[int, str] | None:
    """The longest full name of a unit the words start with (lower case, hyphens left out): how many words it
    takes and the unit's name; None if they start with none."""
    table = vocabulary()
    for size in range(min(table.longest, len(words)), 0, -1):
        name = table.surfaces.get(tuple(words[:size]))
        if name is not None:
            return size, table.named(name)
    return None


def symbol_unit(text: str, glued: bool) -> str | None:
    """The unit a symbol names alone, or None. Spaced from its number, a symbol of fewer than four letters all in
    lower case or capitalised is left out: "kn", "rad", "Gal", "Ly" are as often a word, a name or an initial."""
    text = text[:-1] if len(text) > 2 and text[-1] in ".-" else text  # "13 TeV." ending a sentence
    if not glued and len(text) < 4 and text.isalpha() and (text.islower() or text.istitle()):
        return None
    table = vocabulary()
    name = table.symbols.get(text)
    return table.named(name) if name is not None else None


def settled_by_context(symbol: str, context: list[str]) -> str | None:
    """The one reading of an ambiguous symbol whose kind of quantity a word of the context names ("capacitor"
    for the farad of "2.5 F", "temperatures" for its Fahrenheit), or None when no word or several settle it."""
    table = vocabulary()
    # A count, a currency or a time is never read from a symbol here ("47 C" by a "currency" is no centavo).
    names = {n for n in table.all_symbols.get(symbol, frozenset()) if table.entities[n] not in _SKIPPED_ENTITIES}
    if len(names) < 2:
        return None
    settled = {name for name in names if _named(table.entities[name], context)}
    return next(iter(settled)) if len(settled) == 1 else None


def _named(entity: str, context: list[str]) -> bool:
    """Whether a word of the context names the kind of quantity: "capacitance" by "capacitor" or
    "supercapacitors", "temperature" by "temperatures"."""
    stems = [word[:_STEM] for word in _WORD_SPLIT.split(entity.lower()) if len(word) >= _STEM]
    return any(stem in word for stem in stems for word in context)


def context_reading(symbol: str, ours: str, context: list[str]) -> str | None:
    """Another reading of a symbol our tables read as ``ours``, when the words near it name its kind of quantity and
    not ours ("2.5 F" by a capacitor is a farad, not Fahrenheit); None keeps ours."""
    settled = settled_by_context(symbol, context)
    if settled is None:
        return None
    table = vocabulary()
    ours_name = table.surfaces.get(tuple(_WORD_SPLIT.split(ours.lower())), ours)
    if table.entities.get(settled) == table.entities.get(ours_name):
        return None
    return table.named(settled)


def reading(doc: Doc, at: int, ours: str | None) -> tuple[int, str | None]:
    """The unit starting at token ``at`` (after a number) as the vocabulary reads it beside ``ours``, what our
    tables give for that token alone: the last token it takes and its name. A full name of several words comes
    first ("newton-metres" over "newton"), then ours (for a one-letter symbol, unless the sentence settles another
    reading: "2.5 F" by a capacitor), then a name or symbol of the vocabulary."""
    found = measure_at(doc, at)
    if found is not None and found[0] > at:
        return found
    if ours is not None:
        tok = doc[at]
        other = None
        if len(tok.text) == 1 and len(vocabulary().all_symbols.get(tok.text, ())) > 1:
            near = doc[max(tok.sent.start, at - _CONTEXT) : min(tok.sent.end, at + _CONTEXT + 1)]
            other = context_reading(tok.text, ours, [t.lower_ for t in near])
        return at, other or ours
    return found if found is not None else (at, None)


def measure_at(doc: Doc, at: int) -> tuple[int, str] | None:
    """A unit of the vocabulary starting at token ``at`` of ``doc`` (after a number): the last token it takes
    and its name, or None. Full names first (the longest), then a symbol."""
    words: list[str] = []
    tokens: list[int] = []
    for k in range(at, min(at + 2 * vocabulary().longest, len(doc))):
        tok = doc[k]
        if tok.text == "-" and words and not doc[k - 1].whitespace_:
            continue  # "light-year", "newton-metres"
        if not tok.is_lower or not tok.is_alpha:
            break
        words.append(tok.lower_)
        tokens.append(k)
    found = surface_unit(words) if words else None
    if found is not None:
        return tokens[found[0] - 1], found[1]
    glued = at > 0 and not doc[at - 1].whitespace_
    name = symbol_unit(doc[at].text, glued)
    if name is None or _hyphened_on(doc, at):
        return None
    return at, name


def _hyphened_on(doc: Doc, at: int) -> bool:
    """Whether the symbol is hyphened to the word after it, as letters naming a thing are ("3 MeV-class")."""
    return at + 1 < len(doc) and doc[at + 1].text == "-" and not doc[at].whitespace_
