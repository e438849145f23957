"""Shared fixtures: an article factory and the locations of shared development data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsprism.models import Article

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
EXAMPLES = REPO / "examples"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Build a minimal Article by hand; keyword arguments override the defaults."""

    def factory(text: str = "A sentence of news.", **fields: Any) -> Article:
        fields.setdefault("id", "a1")
        fields.setdefault("origin", "test")
        return Article(text=text, **fields)

    return factory


@pytest.fixture
def seeds_dir() -> Path:
    """The seed articles in ../shared/seeds (skips when the folder is absent)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS
