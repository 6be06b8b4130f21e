"""Ingest: files and folders in, one `RawDocument` (or a `Rejected` with its reason) per article out.

`inputs` finds and reads files (text, HTML, JSON Lines, WARC, feeds), `encoding` decodes their bytes, `archives`
reads WARC records, `feeds` RSS/Atom entries, `markup` refuses pages nested past reason before they are parsed.
"""
