"""Per-article extraction: an `Article` and its spaCy parse in, annotations with character offsets into its clean
text out: sentences, entity mentions (`entities`), quotes with speakers (`quotes`), figures (`figures`) and time
expressions (`times`). `nlp` owns the parse; `lexicon/` holds the word tables."""
