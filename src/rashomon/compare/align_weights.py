"""The statement-alignment model: logistic-regression weights over `align.FEATURES` and the decision
threshold (written by `benchmarks/alignment.py --fit`)."""

from __future__ import annotations

from typing import Final

# char, embedding, names, names_apart, numbers, numbers_apart, dates, dates_apart
COEFFICIENTS: Final = (2.0947, 5.5279, 0.3134, -0.2388, 0.8981, -0.8856, 0.9728, -0.6224)
INTERCEPT: Final = -2.8854
# Above the class-balanced fit's balanced-accuracy point (0.5): within a story most sentence pairs are
# different statements and each sentence takes its best match, so a false corroboration costs more.
THRESHOLD: Final = 0.7
