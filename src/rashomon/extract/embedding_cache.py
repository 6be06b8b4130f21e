"""Token embeddings worked out once per distinct token: a spaCy token-to-vector model's embedding layer made a cache.

The embedding layer of spaCy's `MultiHashEmbed` gives each token a vector that depends only on the token's own row of
lexical features (norm, prefix, suffix, shape, ...): the same row, the same vector. News repeats its words, so a batch
of articles holds a few distinct rows for every hundred tokens; the wrapped layer embeds each distinct row once, keeps
the vectors for later batches, and gives exactly the vectors the layer would have given (the rows are computed by the
layer's own sublayers, row by row alike).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from thinc.api import Model

# Distinct feature rows kept (each a vector of a few hundred bytes); the cache starts afresh beyond it.
_CACHE_LIMIT = 150_000
# The sublayers of the embedding layer this cache reproduces, by name (MultiHashEmbed without static vectors).
_EMBED_LAYOUT = ("extract_features", "list2ragged", "with_array(", "with_array(maxout", "ragged2list")
# Each cached layer's vectors by feature row, kept beside the model rather than in its attributes, which are saved
# with it.
_CACHES: dict[int, dict[bytes, np.ndarray]] = {}


def _is_cacheable(embed: Model[Any, Any]) -> bool:
    names = [layer.name for layer in embed.layers]
    return len(names) == len(_EMBED_LAYOUT) and all(
        name.startswith(prefix) for name, prefix in zip(names, _EMBED_LAYOUT, strict=True)
    )


def _cached_forward(model: Model[Any, Any], docs: list[Any], is_train: bool) -> tuple[list[Any], Any]:
    embed: Model[Any, Any] = model.layers[0]
    if is_train:
        return embed(docs, is_train)
    cache = _CACHES.setdefault(model.id, {})
    features = embed.layers[0].predict(docs)
    lengths = [len(rows) for rows in features]
    if not sum(lengths):
        return embed(docs, is_train)
    rows = np.ascontiguousarray(np.concatenate(features))
    keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
    distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    names = [key.tobytes() for key in distinct]
    missing = [i for i, name in enumerate(names) if name not in cache]
    if missing:
        hashed = embed.layers[2].layers[0].predict(rows[first[missing]])
        made = embed.layers[3].layers[0].predict(hashed)
        if len(cache) + len(missing) > _CACHE_LIMIT:
            cache.clear()
        for i, vector in zip(missing, made, strict=True):
            cache[names[i]] = vector
    vectors = np.stack([cache[name] for name in names])[inverse.reshape(-1)]
    outputs = np.split(vectors, np.cumsum(lengths)[:-1])

    def backprop(_: Any) -> Any:
        raise NotImplementedError("the cached embedding layer only predicts")

    return outputs, backprop


def cache_embeddings(model: Model[Any, Any]) -> int:
    """Every embedding layer inside ``model`` (those its nodes refer to as "embed") replaced in place by a cached one
    of the same results; the count replaced. A layer of another design is left as it is."""
    replaced = 0
    for node in list(model.walk()):
        if not node.has_ref("embed"):
            continue
        embed = node.get_ref("embed")
        if embed.name.startswith("cached(") or not _is_cacheable(embed) or embed not in node.layers:
            continue
        cached: Model[Any, Any] = Model(f"cached({embed.name})", _cached_forward, layers=[embed])
        node.layers[node.layers.index(embed)] = cached
        node.set_ref("embed", cached)
        replaced += 1
    return replaced


def cache_pipeline_embeddings(nlp: Any) -> int:
    """`cache_embeddings` on the model of every component of a spaCy pipeline; the count replaced."""
    models = (getattr(component, "model", None) for _, component in nlp.pipeline)
    return sum(cache_embeddings(model) for model in models if isinstance(model, Model))
