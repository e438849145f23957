"""Article keys -> sparse unit vectors weighted by rarity, and the document frequencies behind them.

Reads :class:`~newsprism.cluster.features.ArticleFeatures`; returns rows of a SciPy CSR matrix
whose columns come from a growing :class:`Lexicon` (key -> column, with each key's document
frequency). A key's weight is its block weight times ``1 + log(count)`` times
``idf ** IDF_POWER``; keys seen in a single article (once all are in) and keys in more than
:data:`MAX_DF_SHARE` of the articles (and more than :data:`MAX_DF_FLOOR`) get no weight.

Reference: Salton & Buckley, "Term-weighting approaches in automatic text retrieval" (1988).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .features import ArticleFeatures

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# Values below were chosen with the clustering parameters (scripts/tune_cluster.py tune: mean
# of B-cubed F1 and ARI over ECB+ train and the GVA tuning half), unless said otherwise.

# Weight of each kind of key in the content vector. Headline words, numbers and dates mentioned
# count double: a shared figure ("40 firefighters"), day or headline word marks the same event more
# than a shared body word. Numbers and dates were flat between 0.5 and 2; the title weight 2
# gained 0.002 of the objective, the names weight 1 (vs 2) 0.006.
BLOCK_WEIGHTS: Mapping[str, float] = {
    "words": 1.0,
    "title": 2.0,
    "names": 1.0,
    "numbers": 2.0,
    "dates": 2.0,
}
# Rare keys weigh more than plain idf says: 1.5 lifted same-event pair AUC on both ECB+ train
# (0.923 -> 0.927) and the GVA tuning half (0.973 -> 0.974); 2.0 let single odd words dominate.
IDF_POWER = 1.5
# Keys in fewer articles count with RARE_KEY_WEIGHT once all articles are in (refinement): a key
# seen once cannot match anything and only shrinks the cosine of long articles (ECB+ train
# within-topic pair AUC 0.912 -> 0.923). While articles arrive they count fully.
MIN_DF = 2
# Tuned over 0, 0.2 and 0.4: 0 scored best. A nonzero share would keep some weight on the names
# only one article mentions, which mark it as another event.
RARE_KEY_WEIGHT = 0.0
# Keys in more than this share of the articles carry no weight ("police", "said", a topic's own
# vocabulary): they say "same kind of news", not "same event", and dropping them keeps the
# similarity graph sparse and fast. Tuned over 0.05, 0.1 and 0.2.
MAX_DF_SHARE = 0.05
# ... but a key in at most this many articles always keeps its weight: one story may have that
# many reports (the largest ECB+ train story has 22), and in a collection of a few hundred
# articles its own names would otherwise count as background. Set by that reasoning, not tuned.
MAX_DF_FLOOR = 30

# The kinds of dates keys (by their first two characters) that say when an event happened:
# days, month-days, months and years. Clock hours are left out: reports of one event give
# different hours for its stages.
TIME_KINDS = frozenset({"d:", "md", "m:", "y:"})

_PREFIXES: Mapping[str, str] = {"words": "", "title": "t:", "names": "", "numbers": "", "dates": ""}


@dataclass(frozen=True, slots=True)
class Bag:
    """One article's keys as lexicon columns, with block weights and counts (same order)."""

    columns: IntArray
    weights: FloatArray
    counts: FloatArray


def content_keys(features: ArticleFeatures) -> dict[str, tuple[float, int]]:
    """Every content key of ``features`` with its block weight and count."""
    keys: dict[str, tuple[float, int]] = {}
    for block, weight in BLOCK_WEIGHTS.items():
        prefix = _PREFIXES[block]
        bag: Mapping[str, int] = getattr(features, block)
        for key, count in bag.items():
            keys[prefix + key] = (weight, count)
    return keys


def focus_keys(features: ArticleFeatures) -> list[dict[str, tuple[float, int]]]:
    """The person (surname), place and time keys of ``features``, weight 1, one bag per focus
    space (see :data:`~newsprism.cluster.scoring.SPACES`)."""
    return [
        {f"p:{key}": (1.0, count) for key, count in features.persons.items()},
        {f"l:{key}": (1.0, count) for key, count in features.places.items()},
        {key: (1.0, count) for key, count in features.dates.items() if key[:2] in TIME_KINDS},
    ]


class Lexicon:
    """Key -> column, and each column's document frequency over the articles counted."""

    __slots__ = ("_df", "columns", "docs")

    def __init__(self) -> None:
        self.columns: dict[str, int] = {}
        self._df: IntArray = np.zeros(1024, dtype=np.int64)
        self.docs = 0

    def __len__(self) -> int:
        return len(self.columns)

    def bag(self, keys: Mapping[str, tuple[float, int]]) -> Bag:
        """The bag of ``keys``, adding new keys as new columns."""
        columns = self.columns
        ids = [columns.setdefault(key, len(columns)) for key in keys]
        if len(columns) > len(self._df):
            grown = np.zeros(max(2 * len(self._df), len(columns)), dtype=np.int64)
            grown[: len(self._df)] = self._df
            self._df = grown
        values = list(keys.values())
        return Bag(
            np.asarray(ids, dtype=np.int64),
            np.asarray([weight for weight, _ in values], dtype=np.float64),
            np.asarray([count for _, count in values], dtype=np.float64),
        )

    def observe(self, bag: Bag) -> None:
        """Count one article holding the (distinct) keys of ``bag``."""
        self._df[bag.columns] += 1
        self.docs += 1

    def set_df(self, key: str, count: int) -> None:
        """Set the document frequency of ``key`` (when loading a saved state)."""
        self.bag({key: (1.0, 1)})
        self._df[self.columns[key]] = count

    def rarity(self, columns: IntArray, *, min_df: int = MIN_DF) -> FloatArray:
        """``idf ** IDF_POWER`` of each column, 0 for keys that must carry no weight.

        ``min_df`` 1 keeps keys seen once: while articles arrive, a key's first article must
        keep it, or its story could never be found through it.
        """
        df = self._df[columns].astype(np.float64)
        idf = np.log((1.0 + self.docs) / (1.0 + df)) + 1.0
        factor = np.where(df >= min_df, 1.0, RARE_KEY_WEIGHT)
        factor = np.where(df <= max(MAX_DF_SHARE * self.docs, MAX_DF_FLOOR), factor, 0.0)
        return factor * idf**IDF_POWER

    def to_state(self) -> dict[str, object]:
        """Frequencies as JSON: keys seen in one article only are left out (they weigh 0)."""
        names = sorted(self.columns)
        kept = {key: int(self._df[self.columns[key]]) for key in names}
        return {"docs": self.docs, "counts": {k: v for k, v in kept.items() if v >= MIN_DF}}

    def load_state(self, state: Mapping[str, object]) -> None:
        """Inverse of :meth:`to_state`, into an empty lexicon."""
        counts, docs = state.get("counts"), state.get("docs")
        if not isinstance(counts, Mapping) or not isinstance(docs, int):
            raise ValueError("frequencies need 'docs' (an integer) and 'counts' (an object)")
        for key, count in counts.items():
            self.set_df(str(key), int(count))
        self.docs = docs


def weigh(
    bags: Sequence[Bag], lexicon: Lexicon, *, rarity: bool = True, min_df: int = MIN_DF
) -> sp.csr_matrix:
    """One L2-normalized row per bag; a bag with no weighted key gives an empty row.

    With ``rarity`` False every key has rarity 1 (used for the person vectors, where the
    question is only "the same people?"); ``min_df`` as in :meth:`Lexicon.rarity`.
    """
    lengths = np.fromiter((len(bag.columns) for bag in bags), dtype=np.int64, count=len(bags))
    columns = np.concatenate([bag.columns for bag in bags]) if bags else np.zeros(0, np.int64)
    weights = np.concatenate([bag.weights for bag in bags]) if bags else np.zeros(0)
    counts = np.concatenate([bag.counts for bag in bags]) if bags else np.zeros(0)
    values = weights * (1.0 + np.log(np.maximum(counts, 1.0)))
    if rarity:
        values = values * lexicon.rarity(columns, min_df=min_df)
    rows = np.repeat(np.arange(len(bags)), lengths)
    norms = np.sqrt(np.bincount(rows, values * values, minlength=len(bags)))
    values = values / np.where(norms > 0, norms, 1.0)[rows]
    keep = values > 0
    matrix = sp.csr_matrix(
        (values[keep], (rows[keep], columns[keep])), shape=(len(bags), max(len(lexicon), 1))
    )
    matrix.sum_duplicates()
    return matrix


def widen(matrix: sp.csr_matrix, columns: int) -> sp.csr_matrix:
    """``matrix`` with as many columns as the lexicon has now (new columns are empty)."""
    if matrix.shape[1] >= columns:
        return matrix
    return sp.csr_matrix(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], columns)
    )
