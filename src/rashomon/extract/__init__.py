"""Per-article extraction: an `Article` and its spaCy parse in, annotations with character offsets into its clean
text out: sentences, entity mentions (`entities`; a capital acting for its government refers to its country:
`metonymy`), quotes with speakers (`quotes`), figures (`figures`) and time
expressions (`times`). `nlp` owns the parse; `lexicon/` holds the word tables."""
