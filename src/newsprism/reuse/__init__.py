"""Text reuse between articles: duplicates, copies, partial reuse, rewrites and source groups.

Five outlets reprinting one wire story are one source, not five. ``find_reuse`` takes articles
(cleaned text) and returns ``ReusePair`` values with the shared passages as ``[start, end)``
offsets into both texts; ``source_groups`` turns them, with the articles' outlets, into
independent source groups.

Modules by technique: ``tokens`` (words, shingles, sentences), ``candidates`` (MinHash LSH),
``align`` (seed-and-extend passages), ``rewrite`` (in-order sentence paraphrases), ``kinds``
(kind, origin, headline), ``groups`` (source groups), ``find`` (the stage itself).
"""

from __future__ import annotations

from .find import find_reuse
from .groups import reuse_components, source_groups
from .records import OriginReason, Passage, ReuseKind, ReusePair, SourceGroup
from .rewrite import Embedder

__all__ = [
    "Embedder",
    "OriginReason",
    "Passage",
    "ReuseKind",
    "ReusePair",
    "SourceGroup",
    "find_reuse",
    "reuse_components",
    "source_groups",
]
