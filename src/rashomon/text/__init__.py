"""Text helpers every stage shares: name keys, word patterns, calendar and number words (written once)."""
