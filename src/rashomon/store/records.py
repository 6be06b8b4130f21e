"""Internal results as JSON for the store, and back: frozen dataclasses of plain fields, tuples, sets and dicts.

JSON rather than pickle: a store can come from elsewhere, and reading it must never run its content.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


def to_json(value: Any) -> str:
    """One result as compact JSON."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(_plain(item) for item in value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def from_json(kind: type[T], text: str, part: str | None = None) -> T:
    """A result of ``kind`` back from `to_json`'s output; with ``part``, only that field of the stored object (so
    reading one field of a large result builds nothing else)."""
    data = json.loads(text)
    built: T = _build(kind, data if part is None else data[part])
    return built


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _build(annotation: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in get_args(annotation) if a is not type(None)]
        return _build(options[0], data)
    if origin is typing.Literal or annotation in (str, int, float, bool, Any):
        return data
    if origin is tuple:
        item = get_args(annotation)[0]
        return tuple(_build(item, x) for x in data)
    if origin is frozenset:
        return frozenset(_build(get_args(annotation)[0], x) for x in data)
    if origin is dict:
        value_type = get_args(annotation)[1]
        return {key: _build(value_type, value) for key, value in data.items()}
    if dataclasses.is_dataclass(annotation):
        kind: Any = annotation
        hints = _hints(kind)
        return kind(**{name: _build(hints[name], value) for name, value in data.items()})
    return data
