"""The pages' templates: this package's own, beside the report's (a story page is the report's `story_section`).

The environment is an overlay of the report's, so the report's macros render here as they do in report.html; it
autoescapes everything and prints every value through `present.inert`. The report's style sheet (its template
`report.css`, which report.html inlines) is served as a file: the pages allow no inline script, nor inline style.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader

from rashomon.render.html import environment as report_environment
from rashomon.render.view import figure_unit, figure_value
from rashomon.web.present import inert, path_part, web_link


@cache
def environment() -> Environment:
    report = report_environment()
    pages = report.overlay(
        loader=ChoiceLoader(
            [PackageLoader("rashomon.web", "templates"), PackageLoader("rashomon.render", "templates")]
        ),
        finalize=inert,
    )
    pages.filters["segment"] = path_part
    pages.filters["web_link"] = web_link
    pages.filters["figure_value"] = figure_value
    pages.filters["figure_unit"] = figure_unit
    return pages


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def style_sheets() -> dict[str, bytes]:
    """The style sheets the pages link to, by name."""
    report = PackageLoader("rashomon.render", "templates").get_source(environment(), "report.css")[0]
    own = resources.files("rashomon.web").joinpath("static", "web.css").read_bytes()
    return {"report.css": report.encode(), "web.css": own}
