"""Clean: a `RawDocument` in, an `Article` (clean body, title, date, outlet, byline, captions, language) or a
`Rejected` out.

`article` is the entry point (`clean`); page text is split by `page_text` with the line model (`lines`, weights
in `line_weights`, debris tables in `debris`; its headline, posting date and outlet in `page_facts`); saved pages
through `html/` (their dates from `html.pagedate`: what the markup declares, the date lines the page shows, its
address); date lines of page text from `pubdate` (its words in many languages in `date_words`); languages from
`language`.
"""
