"""rashomon: many outlets, one event. A cross-source dossier of who said what, which figures and dates are given,
what several outlets corroborate, what only one reports and where they conflict."""

import logging

from rashomon.analysis import Analysis, analyze, demo_inputs
from rashomon.dossier import Dossier

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Analysis", "Dossier", "analyze", "demo_inputs"]
__version__ = "0.1.0"
