"""Clean: a `RawDocument` in, an `Article` (clean body, title, date, outlet, byline, captions, language) or a
`Rejected` out.

`article` is the entry point (`clean`); page text goes through the line model (`lines`, weights in `line_weights`,
debris tables in `debris`); saved pages through `html/`; dates come from `pubdate`, languages from `language`.
"""
