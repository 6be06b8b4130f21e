"""rashomon: many outlets, one event. A cross-source dossier of who said what, which figures and dates are given,
what several outlets corroborate, what only one reports and where they conflict."""

import logging
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rashomon.analysis import Analysis, analyze, demo_inputs
    from rashomon.dossier import Dossier

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Analysis", "Dossier", "analyze", "demo_inputs"]
__version__ = "0.1.0"

# The public names load their modules (and spaCy, DuckDB, ...) on first use, so `rashomon --help` answers at once.
_LAZY = {"Analysis": "rashomon.analysis", "analyze": "rashomon.analysis", "demo_inputs": "rashomon.analysis"}
_LAZY["Dossier"] = "rashomon.dossier"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'rashomon' has no attribute {name!r}")
