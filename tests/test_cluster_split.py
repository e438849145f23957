"""The shared-neighbour split test of refinement, on invented similarity matrices."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsprism.cluster import DEFAULT_PARAMS
from newsprism.cluster.refine import shared_neighbours, split_part


def _two_lookalikes() -> np.ndarray:
    """Two events of six reports each: alike within (0.5), almost as alike across (0.35)."""
    rng = np.random.default_rng(7)
    similarity = np.full((12, 12), 0.35) + rng.uniform(-0.02, 0.02, (12, 12))
    similarity[:6, :6] = similarity[6:, 6:] = 0.5
    similarity = (similarity + similarity.T) / 2
    np.fill_diagonal(similarity, 1.0)
    return similarity


def test_lookalike_events_are_cut_by_their_neighbourhoods():
    similarity = _two_lookalikes()
    part = split_part(similarity, DEFAULT_PARAMS)
    assert part is not None
    assert set(np.flatnonzero(part)) in ({0, 1, 2, 3, 4, 5}, {6, 7, 8, 9, 10, 11})


def test_without_the_neighbour_test_the_lookalikes_stay_together():
    params = replace(DEFAULT_PARAMS, shared_split_threshold=0.0)
    assert split_part(_two_lookalikes(), params) is None


def test_one_diffuse_event_is_not_cut():
    rng = np.random.default_rng(3)
    similarity = rng.uniform(0.3, 0.5, (12, 12))
    similarity = (similarity + similarity.T) / 2
    np.fill_diagonal(similarity, 1.0)
    assert split_part(similarity, DEFAULT_PARAMS) is None


def test_copies_of_one_wire_story_do_not_cut_it():
    """Three reports, each reprinted four times: every report's nearest neighbours are its own
    copies, yet the copies count as one report and three cannot make two halves of two."""
    rng = np.random.default_rng(5)
    similarity = np.full((12, 12), 0.4) + rng.uniform(-0.02, 0.02, (12, 12))
    for start in (0, 4, 8):
        similarity[start : start + 4, start : start + 4] = 0.95
    similarity = (similarity + similarity.T) / 2
    np.fill_diagonal(similarity, 1.0)
    assert split_part(similarity, DEFAULT_PARAMS) is None


def test_shared_neighbours_overlap():
    similarity = np.array(
        [[1.0, 0.9, 0.1, 0.0], [0.9, 1.0, 0.2, 0.0], [0.1, 0.2, 1.0, 0.8], [0.0, 0.0, 0.8, 1.0]]
    )
    shared = shared_neighbours(similarity, 1)
    assert shared[0, 1] == 1.0  # both are {0, 1}
    assert shared[2, 3] == 1.0
    assert shared[0, 3] == 0.0
    assert np.allclose(shared, shared.T)
