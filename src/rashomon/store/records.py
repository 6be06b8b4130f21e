"""Internal results as JSON for the store, and back: frozen dataclasses of plain fields, tuples, sets and dicts.

JSON rather than pickle: a store can come from elsewhere, and reading it must never run its content.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, cast, get_args, get_origin

T = TypeVar("T")


def to_json(value: Any) -> str:
    """One result as compact JSON."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    kind: Any = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [_plain(item) for item in value]
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    if kind is frozenset or kind is set:
        return sorted(_plain(item) for item in value)
    if dataclasses.is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    return value


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def from_json(kind: type[T], text: str, part: str | None = None) -> T:
    """A result of ``kind`` back from `to_json`'s output; with ``part``, only that field of the stored object (so
    reading one field of a large result builds nothing else)."""
    data = json.loads(text)
    return from_data(kind, data if part is None else data[part])


def from_data(kind: type[T], data: Any) -> T:
    """A result of ``kind`` from its parsed JSON (which it takes over): for reading a stored result in part."""
    built: T = _decoder(cast(Any, kind))(data)
    return built


def _same(data: Any) -> Any:
    return data


@cache
def _decoder(annotation: Any) -> Callable[[Any], Any]:
    """A function that builds a value of ``annotation`` from its JSON form; made once per type, since working the
    annotation out for every value cost more than building it."""
    origin = get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(a for a in get_args(annotation) if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple or origin is frozenset:
        item = _decoder(get_args(annotation)[0])
        collection = tuple if origin is tuple else frozenset
        return collection if item is _same else lambda data: collection(map(item, data))
    if origin is dict:
        value = _decoder(get_args(annotation)[1])
        return _same if value is _same else lambda data: {key: value(v) for key, v in data.items()}
    if dataclasses.is_dataclass(annotation):
        kind: Any = annotation
        # Only the fields that are not plain JSON values are built; the dict is the one json.loads just made.
        built = [
            (name, decode)
            for name, hint in typing.get_type_hints(kind).items()
            if (decode := _decoder(hint)) is not _same
        ]
        if not built:
            return lambda data: kind(**data)

        def build(data: dict[str, Any]) -> Any:
            for name, decode in built:
                if name in data:
                    data[name] = decode(data[name])
            return kind(**data)

        return build
    return _same
