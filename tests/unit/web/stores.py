"""Stores the web tests serve: the demo corpus, a hostile article, and articles a later run adds."""

from __future__ import annotations

import json
from pathlib import Path

# Every field a page shows, written to run script if a page let it: tags, handlers, a javascript: URL, and bidi
# overrides and isolates that would reorder what a reader sees.
HOSTILE_ID = "hostile-<script>alert(1)</script>"
HOSTILE = {
    "id": HOSTILE_ID,
    "title": "<script>alert('title')</script> Harbour \u202egnp\u202c council \u2066vote\u2069",
    "outlet": "Evil \u202eSWEN\u202c <img src=x onerror=alert('outlet')>",
    "byline": "<b onmouseover=alert('byline')>Mallory</b>",
    "url": "javascript:alert('url')",
    "published": "2024-05-02",
    "body": (
        "The harbour council voted on Thursday to close the old ferry pier, council member Jane Roe said. "
        "<script>alert('body')</script> <img src=x onerror=alert('img')> "
        "<a href=\"javascript:alert('link')\">click</a> "
        "\u202eThe vote was 7 to 2.\u202c \u2067Residents objected.\u2069 "
        '"We will appeal," said Jane Roe, who leads the residents\' group.'
    ),
}

# A later run's articles: two outlets on one new event.
LATER = [
    {
        "id": "later-ferry-1",
        "title": "Ferry service to resume on the Elbe after storm",
        "outlet": "Hamburg Courier",
        "published": "2024-06-11",
        "body": "Ferry service on the Elbe will resume on Wednesday after a storm damaged two landing stages, the "
        "port authority said on Tuesday. About 40 crossings were cancelled on Monday.",
    },
    {
        "id": "later-ferry-2",
        "title": "Elbe ferries back on Wednesday, port authority says",
        "outlet": "North Sea Post",
        "published": "2024-06-11",
        "body": "The port authority said on Tuesday that Elbe ferry service would resume on Wednesday. A storm on "
        "Monday damaged two landing stages and about 40 crossings were cancelled.",
    },
]


def write_records(folder: Path, name: str, records: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
