"""Settings: the limits and knobs a user may change, in one frozen dataclass.

Thresholds that belong to one stage's method live as named constants in that stage's module,
each with a comment saying what it trades off and what data it was tuned on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import SettingsError

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Limits for reading inputs and running the pipeline."""

    # Larger files are refused: a news article is rarely over 1 MB of HTML; 25 MB admits JSONL
    # bundles of a few thousand articles while keeping a stray video or disk image out.
    max_file_bytes: int = 25 * MIB
    # JSONL bundles may hold many articles; a separate cap so a 1 GB dump is still refused.
    max_bundle_bytes: int = 512 * MIB
    # Download cap per URL or feed: pages above 10 MB are almost never articles.
    max_fetch_bytes: int = 10 * MIB
    # Seconds to wait for a server; a newsroom batch should not hang on one dead host.
    fetch_timeout: float = 20.0
    user_agent: str = "newsprism/0.1 (+offline news analysis)"
    # Articles per spaCy batch: larger batches are faster but hold more docs in memory.
    batch_size: int = 64
    # Worker processes for annotation; 1 avoids fork start-up cost on small inputs.
    n_process: int = 1

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_bundle_bytes", "max_fetch_bytes", "batch_size"):
            if getattr(self, name) <= 0:
                raise SettingsError(f"setting {name} must be positive")
        if self.fetch_timeout <= 0:
            raise SettingsError("setting fetch_timeout must be positive")
        if self.n_process < 1:
            raise SettingsError("setting n_process must be at least 1")


DEFAULT_SETTINGS = Settings()
