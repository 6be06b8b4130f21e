"""The store: the only code that speaks SQL. Articles, rejections, per-article extraction results, the story index
and per-story results go in (DuckDB, `database`); whatever a run needs to be repeated or extended comes back out. For
`rashomon serve`, a search catalog of a store's copy (SQLite FTS5, `catalog`) and the queries that list and find
stories in it (`listing`)."""
