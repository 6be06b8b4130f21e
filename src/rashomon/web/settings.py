"""What `rashomon serve` is told: the store, where to listen, the token, and where to keep its working files."""

from __future__ import annotations

import hashlib
import ipaddress
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


class ServeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    db: Path = Field(Path("rashomon.duckdb"), description="The store to serve (what `rashomon analyze` wrote).")
    host: str = Field("127.0.0.1", description="The address to listen on; anything but loopback needs a token.")
    port: int = Field(8000, ge=0, le=65535, description="The port to listen on (0: any free one).")
    token: str | None = Field(
        None,
        description="A secret every request must carry (an `Authorization: Bearer` header, or `?token=` once, which "
        "sets a cookie); required when listening beyond this machine.",
    )
    cache: Path | None = Field(
        None,
        description="Where the server keeps its copy of the store and its search catalog (default: a folder per "
        "store under $XDG_CACHE_HOME/rashomon/serve, else ~/.cache/rashomon/serve).",
    )
    refresh_seconds: float = Field(
        1.0, gt=0, description="How often the server looks for changes to the store (a run that ended)."
    )
    per_page: int = Field(25, ge=1, le=200, description="Stories per page of a list.")

    @property
    def loopback(self) -> bool:
        """Whether the server is reachable from this machine only."""
        if self.host in LOOPBACK_NAMES:
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def cache_folder(self) -> Path:
        if self.cache is not None:
            return self.cache
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        digest = hashlib.sha256(str(self.db.resolve()).encode()).hexdigest()[:16]
        return root / "rashomon" / "serve" / digest
