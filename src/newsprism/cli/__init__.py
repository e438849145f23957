"""Command-line interface: thin click commands over the library.

Every command calls one library function, prints its result and turns a NewsprismError into a
one-line message with a non-zero exit. Problems with single inputs are printed one per line on
stderr; the run goes on with the other inputs. One module per command group: ``analyze``,
``store_commands`` (ingest, run, stories, show, export, serve) and ``bench``.
"""

from __future__ import annotations

from . import analyze, bench, store_commands
from .common import cli

__all__ = ["analyze", "bench", "cli", "store_commands"]
