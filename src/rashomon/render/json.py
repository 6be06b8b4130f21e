"""The dossier as JSON: the contract of CONTRACT.md, validated by the models in `rashomon.dossier`."""

from __future__ import annotations

from rashomon.dossier import Dossier


def render_json(dossier: Dossier) -> str:
    return dossier.model_dump_json(indent=2) + "\n"
