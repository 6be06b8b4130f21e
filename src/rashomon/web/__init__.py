"""The web UI and HTTP API over a store (`rashomon serve`).

In: a store `rashomon analyze` wrote (read through a copy, so a run can go on writing it). Out: pages (stories found
by words and filters, a story as the report shows it, an article with its annotations, an entity across stories) and
their JSON twins under /api/, in dossier.json's own models. Modules: `settings` (what the server is told), `snapshot`
and `served` (copies of the store and when to take them), search and lists through `store.catalog` and `store.listing`,
`reading` (a story's dossier from the store), `answers` (what each page answers), `app`, `api`, `pages`,
`templating`, `present` (content made inert, bodies marked up) and `server`.
"""

from rashomon.web.app import create_app
from rashomon.web.server import serve
from rashomon.web.settings import ServeSettings

__all__ = ["ServeSettings", "create_app", "serve"]
