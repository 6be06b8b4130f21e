"""Running the application: `serve(settings)` listens until interrupted."""

from __future__ import annotations

import uvicorn

from rashomon.errors import UsageError
from rashomon.web.app import create_app
from rashomon.web.settings import ServeSettings

# A DuckDB database file says so in its first bytes: "DUCK" after the checksum.
_MAGIC, _MAGIC_AT, _HEADER_END = b"DUCK", 8, 12


def check(settings: ServeSettings) -> None:
    """Refuse settings the server must not run with, saying why."""
    if not settings.loopback and not settings.token:
        raise UsageError(
            f"Listening on {settings.host} makes the store readable from other machines: give --token SECRET, "
            "which every request must then carry (or listen on 127.0.0.1)."
        )
    if not settings.db.is_file():
        raise UsageError(
            f"There is no store at {settings.db}: give the one `rashomon analyze --out DIR` made with --db "
            "(DIR/rashomon.duckdb; after `make demo`, rashomon-demo/rashomon.duckdb)."
        )
    with settings.db.open("rb") as file:
        header = file.read(_HEADER_END)
    if header[_MAGIC_AT:_HEADER_END] != _MAGIC:
        raise UsageError(
            f"{settings.db} is not a store (no DuckDB database file): give the one `rashomon analyze --out DIR` "
            "made (DIR/rashomon.duckdb)."
        )


def serve(settings: ServeSettings) -> None:
    """Serve the store until interrupted (Ctrl+C)."""
    check(settings)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=5,
    )
