"""The statement-alignment model: logistic-regression weights over `align.FEATURES` and the decision
threshold (written by `benchmarks/alignment.py --fit`)."""

from __future__ import annotations

from typing import Final

# char, embedding, names, names_apart, numbers, numbers_apart, dates, dates_apart
COEFFICIENTS: Final = (1.9497, 5.2261, 0.6438, -0.0966, 0.9965, -0.8708, 0.9892, -0.6872)
INTERCEPT: Final = -2.5487
# Above the class-balanced fit's balanced-accuracy point (0.5): within a story most sentence pairs are
# different statements and each sentence takes its best match, so a false corroboration costs more.
THRESHOLD: Final = 0.7
