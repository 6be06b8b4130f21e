"""spaCy's maxout layers (in the token-to-vector encoders and embeddings) predicting with numpy's elementwise maximum.

thinc's maxout routine finds, for every output, its largest piece and which piece it was, the latter only for
training; taking the maxima alone cut an encoder layer's time by about a tenth (its matrix product is the rest).
The values are the same: a maximum is exact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from thinc.api import Model
from thinc.layers.maxout import forward as thinc_maxout_forward


def _predict(model: Model[Any, Any], inputs: Any, is_train: bool) -> tuple[Any, Callable[[Any], Any]]:
    if is_train:
        return thinc_maxout_forward(model, inputs, is_train)
    pieces = model.get_dim("nP")
    outputs = model.get_dim("nO") * pieces
    weights = model.ops.reshape2f(model.get_param("W"), outputs, model.get_dim("nI"))
    scores: np.ndarray = np.asarray(model.ops.gemm(inputs, weights, trans2=True))
    scores += model.ops.reshape1f(model.get_param("b"), outputs)
    by_piece = scores.reshape(scores.shape[0], model.get_dim("nO"), pieces)  # also for no rows
    best = np.ascontiguousarray(by_piece[:, :, 0])
    for piece in range(1, pieces):
        np.maximum(best, by_piece[:, :, piece], out=best)

    def backprop(_: Any) -> Any:
        raise NotImplementedError("this maxout layer only predicts (training runs thinc's own)")

    return best, backprop


def predict_maxout_faster(nlp: Any) -> int:
    """Every thinc maxout layer in the models of a spaCy pipeline's components made to predict with `_predict`; the
    count changed. Training (``is_train``) still runs thinc's own forward pass."""
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if node.name == "maxout" and node._func is thinc_maxout_forward:
                node.replace_callbacks(_predict, init=node.init)
                changed += 1
    return changed
