"""Word tables of the extractors: speech verbs and titles, figure words, time words. Data only."""
