"""The HTML report: one self-contained file, outlets side by side, every statement linking to its sentence.

All article content is untrusted: the template environment autoescapes everything.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon.dossier import Dossier
from rashomon.render.view import anchor, story_views


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("rashomon.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["anchor"] = anchor
    return environment


def render_html(dossier: Dossier) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(dossier=dossier, stories=story_views(dossier))
