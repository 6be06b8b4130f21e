"""The model's attribute ruler (coarse part of speech, morphology and a few lemmas from the fine tags), done as table
lookups with the same result.

spaCy's `AttributeRuler` runs its ~180 token patterns through a `Matcher` over every token, a sixth of the whole
parse. Nearly all its patterns test one token's tag, lower-case form, dependency or being white space, so what they
give a token depends on those four values alone: worked out once per combination and kept, the rest of the work is a
lookup. A word form or dependency no pattern names counts as one "other" value in a key, so a new word seldom
makes a new key. The few two-token patterns ("gon na", expletive "there is") are checked where their first token
matches.
As in spaCy, every pattern is matched on the values before any is applied, and a later pattern's values win.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG, intify_attr
from spacy.tokens import Doc

# The token attributes the patterns test, in the order of a token's key.
_TESTED = (TAG, LOWER, DEP, IS_SPACE)
_TESTED_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# What the patterns may set, in the order of the arrays written back.
_SET = (TAG, POS, MORPH, LEMMA, DEP)
_CACHE_LIMIT = 200_000  # keys or word forms kept (at most about 40 MB); the tables start afresh beyond it
_LOWER, _DEP = _TESTED.index(LOWER), _TESTED.index(DEP)


class UnsupportedPatternError(ValueError):
    """A pattern tests or sets something the table does not handle; the model's own ruler must run instead."""


@dataclass(frozen=True, slots=True)
class _Test:
    """One token's conditions: per tested attribute, a value set (or its complement), or a regular expression."""

    conditions: tuple[tuple[int, str, Any], ...]  # (index into the key, "in" | "not_in" | "regex", values)

    def holds(self, key: tuple[int, ...], strings: Any) -> bool:
        for position, kind, values in self.conditions:
            value = key[position]
            if kind == "in":
                if value not in values:
                    return False
            elif kind == "not_in":
                if value in values:
                    return False
            elif not values.search(strings[value] if value else ""):
                return False
        return True


@dataclass(frozen=True, slots=True)
class _Pattern:
    number: int  # the ruler's order: later numbers win
    tests: tuple[_Test, ...]
    index: int  # which matched token gets the values
    values: tuple[tuple[int, int], ...]  # (position in _SET, value)


def _test(token: Mapping[str, Any], strings: Any) -> _Test:
    conditions: list[tuple[int, str, Any]] = []
    for name, wanted in token.items():
        if name not in _TESTED_NAMES:
            raise UnsupportedPatternError(f"attribute {name}")
        position = _TESTED_NAMES.index(name)

        def code(value: Any, name: str = name) -> int:
            return int(value) if name == "IS_SPACE" else (strings.add(value) if value else 0)

        if isinstance(wanted, dict):
            ((operator, operand),) = wanted.items()
            if operator in ("IN", "NOT_IN"):
                conditions.append((position, operator.lower(), frozenset(code(v) for v in operand)))
            elif operator == "REGEX":
                conditions.append((position, "regex", re.compile(operand)))
            else:
                raise UnsupportedPatternError(f"operator {operator}")
        else:
            conditions.append((position, "in", frozenset({code(wanted)})))
    return _Test(tuple(conditions))


def _named(tests: Sequence[_Test], position: int) -> np.ndarray:
    """Every value the tests name for one tested attribute (in a set to be in or not to be in)."""
    named = {v for t in tests for p, kind, values in t.conditions if p == position and kind != "regex" for v in values}
    return np.array(sorted(named), dtype=np.uint64)


def _collapsible(tests: Sequence[_Test]) -> bool:
    """Whether 0 (the empty string) can stand for every word form no test names: no test names it, no expression
    matches it."""
    for test in tests:
        for position, kind, values in test.conditions:
            if position == _LOWER and ((kind == "regex" and values.search("")) or (kind != "regex" and 0 in values)):
                return False
    return True


@dataclass(frozen=True, slots=True)
class _KeyMatch:
    single: tuple[_Pattern, ...]  # the one-token patterns that match, in order
    starts: tuple[_Pattern, ...]  # the longer patterns whose first token matches


def _required_tags(pattern: _Pattern) -> frozenset[int] | None:
    """The tags a pattern's first token must have, or None if it tests no tag."""
    for position, kind, values in pattern.tests[0].conditions:
        if position == 0 and kind == "in":
            return frozenset(values)
    return None


class AttributeTable:
    """The values a model's attribute ruler sets, applied to parsed documents."""

    def __init__(self, patterns: Sequence[Mapping[str, Any]], vocab: Any) -> None:
        self.vocab = vocab
        single: list[_Pattern] = []
        multiple: list[_Pattern] = []
        for number, entry in enumerate(patterns):
            values = []
            for name, value in entry["attrs"].items():
                attr = intify_attr(name)
                if attr not in _SET:
                    raise UnsupportedPatternError(f"sets {name}")
                code = vocab.morphology.add(value) if attr == MORPH else (vocab.strings.add(value) if value else 0)
                values.append((_SET.index(attr), code))
            for sequence in entry["patterns"]:
                pattern = _Pattern(
                    number, tuple(_test(t, vocab.strings) for t in sequence), entry.get("index", 0), tuple(values)
                )
                (single if len(sequence) == 1 else multiple).append(pattern)
        # Patterns by the tag their first token must have (most test one), so a new key is tried against few.
        self._by_tag: dict[int, list[_Pattern]] = {}
        self._any_tag: list[_Pattern] = []
        tests = [test for pattern in single + multiple for test in pattern.tests]
        self._named_lowers = _named(tests, _LOWER)
        self._named_deps = _named(tests, _DEP)
        self._lower_patterns = [v for t in tests for p, kind, v in t.conditions if p == _LOWER and kind == "regex"]
        self._collapse = _collapsible(tests)
        # A dependency label no test names (tests name 0, "no label", too), where no expression tests them.
        self._other_dep = next(v for v in range(1, len(self._named_deps) + 2) if v not in self._named_deps)
        if any(p == _DEP and kind == "regex" for t in tests for p, kind, _ in t.conditions):
            self._other_dep = -1
        for pattern in single + multiple:
            tags = _required_tags(pattern)
            for tag in tags or ():
                self._by_tag.setdefault(tag, []).append(pattern)
            if tags is None:
                self._any_tag.append(pattern)
        self._reset()

    def _reset(self) -> None:
        self._ids: dict[tuple[int, ...], int] = {}
        self._matched_lowers: dict[int, bool] = {}  # word form -> whether a pattern's expression matches it
        self._matches: list[_KeyMatch] = []
        self._rows = np.zeros((1024, len(_SET)), dtype=np.uint64)
        self._sets = np.zeros((1024, len(_SET)), dtype=bool)
        self._starts = np.zeros(1024, dtype=bool)

    def _keys(self, doc: Doc) -> np.ndarray:
        """Each token's tested values, a word form or dependency no pattern names made the one "other" value (no
        pattern tells such values apart)."""
        rows: np.ndarray = doc.to_array(list(_TESTED))
        if self._collapse:
            unnamed = np.flatnonzero(~np.isin(rows[:, _LOWER], self._named_lowers))
            if self._lower_patterns and len(unnamed):
                forms, where = np.unique(rows[unnamed, _LOWER], return_inverse=True)
                matched = np.array([self._matches_a_pattern(form) for form in forms.tolist()], dtype=bool)
                unnamed = unnamed[~matched[where]]
            rows[unnamed, _LOWER] = 0
        if self._other_dep >= 0:
            rows[~np.isin(rows[:, _DEP], self._named_deps), _DEP] = self._other_dep
        return rows

    def _matches_a_pattern(self, form: int) -> bool:
        found = self._matched_lowers.get(form)
        if found is None:
            text = self.vocab.strings[form] if form else ""
            found = self._matched_lowers[form] = any(p.search(text) for p in self._lower_patterns)
        return found

    def _add(self, key: tuple[int, ...]) -> int:
        """What the patterns make of a token with this key, worked out once: its number in the tables."""
        strings = self.vocab.strings
        candidates = sorted(self._by_tag.get(key[0], []) + self._any_tag, key=lambda p: p.number)
        matched = [p for p in candidates if p.tests[0].holds(key, strings)]
        single = tuple(p for p in matched if len(p.tests) == 1)
        merged: dict[int, int] = {}
        for pattern in single:
            merged.update(pattern.values)
        number = len(self._matches)
        if number == len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
            self._sets = np.concatenate([self._sets, np.zeros_like(self._sets)])
            self._starts = np.concatenate([self._starts, np.zeros_like(self._starts)])
        for position, value in merged.items():
            self._rows[number, position] = value
            self._sets[number, position] = True
        match = _KeyMatch(single, tuple(p for p in matched if len(p.tests) > 1))
        self._starts[number] = bool(match.starts)
        self._matches.append(match)
        self._ids[key] = number
        return number

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self._matches) >= _CACHE_LIMIT or len(self._matched_lowers) >= _CACHE_LIMIT:
            self._reset()
        keys = [tuple(row) for row in self._keys(doc).tolist()]
        known = self._ids
        ids = np.array([known[k] if k in known else self._add(k) for k in keys])
        values = np.where(self._sets[ids], self._rows[ids], doc.to_array(list(_SET)).astype(np.uint64))
        # Longer patterns, checked only where their first token matches; then every match on that token is applied
        # in the ruler's order, later ones winning.
        extra: dict[int, list[tuple[int, tuple[tuple[int, int], ...]]]] = {}
        for start in np.nonzero(self._starts[ids])[0].tolist():
            for pattern in self._matches[ids[start]].starts:
                width = len(pattern.tests)
                if start + width > len(keys) or not all(
                    test.holds(keys[start + k], self.vocab.strings) for k, test in enumerate(pattern.tests[1:], 1)
                ):
                    continue
                target = start + (pattern.index if pattern.index >= 0 else width + pattern.index)
                extra.setdefault(target, []).append((pattern.number, pattern.values))
        for target, matches in extra.items():
            single = self._matches[ids[target]].single
            for _, pattern_values in sorted([(p.number, p.values) for p in single] + matches):
                for position, value in pattern_values:
                    values[target, position] = value
        doc.from_array(list(_SET), values)  # type: ignore[arg-type]  # a uint64 array, as Doc.to_array gives
        return doc
