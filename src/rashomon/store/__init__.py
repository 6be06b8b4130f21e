"""The store: the only code that speaks SQL (DuckDB). Articles, rejections, per-article extraction results, the
story index and per-story results go in; whatever a run needs to be repeated or extended comes back out."""
