"""Rewrite detection: most sentences of one article have a close paraphrase in the other, in order.

Sentences come from the light regex splitter in ``tokens`` (spaCy would be too slow for this
stage). Two passes keep the cost down: a lexical pass over sentence content-word stems (sparse
matrix products) discards most candidate pairs, and only articles of the pairs that survive are
embedded, with sentence vectors from ``newsprism.embed.embed`` (L2-normalized rows) or an
embedder passed in by the caller. In each pass, the sentence pairs kept are the longest chain
that runs in the same order through both articles (a longest increasing subsequence).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from .tokens import BoolArray, Doc, IntArray, sentences

LOG = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], npt.NDArray[np.float32]]
Chain = list[tuple[int, int]]

# Cosine at which two sentences count as paraphrases. Lower finds looser rewrites but pairs
# sentences that merely report the same fact ("police said a man was shot"); tuned on the
# MRPC-built rewrites and the same-incident GVA negatives of the tuning split.
PARAPHRASE_COSINE = 0.8

# Share of the shorter article's sentences that must have an in-order paraphrase ("most").
REWRITE_MIN_SHARE = 0.6

# Fewer paraphrased sentences than this is too little evidence: three short sentences on one
# shooting written independently can match by chance.
REWRITE_MIN_SENTENCES = 4

# A rewrite has little verbatim text: when this share of either article is already in verbatim
# passages, the pair is partial reuse (or an edited copy), not a rewrite.
REWRITE_MAX_VERBATIM = 0.5

# A sentence with this share of its words inside quotation marks is a quotation: two reports
# carrying the same statement are not rewrites of each other, so such pairs never count.
QUOTED_SENTENCE_SHARE = 0.5

# Sentences with fewer words are datelines, bylines and captions, not reported content.
MIN_SENTENCE_WORDS = 5

# Lexical pass: two sentences may be paraphrases when they share this share of the content
# stems of the shorter one, and at least LEXICAL_MIN_SHARED stems. Loose on purpose (a
# paraphrase keeps names, numbers and some nouns); only pairs it passes are embedded.
LEXICAL_OVERLAP = 0.3
LEXICAL_MIN_SHARED = 2
# Share of the shorter article's sentences the lexical chain must cover to go on to the
# embedding pass; below REWRITE_MIN_SHARE so that reworded sentences still get their chance.
LEXICAL_MIN_SHARE = 0.4


@dataclass(slots=True)
class SentenceSet:
    """The content sentences of one article: spans, content-stem bags and (later) vectors."""

    spans: tuple[tuple[int, int], ...]
    bags: sparse.csr_matrix
    sizes: IntArray
    quoted: BoolArray
    vectors: FloatArray | None = None


def sentence_set(doc: Doc, stems: IntArray) -> SentenceSet:
    """Content sentences (at least ``MIN_SENTENCE_WORDS`` words) of a doc with their stem bags."""
    bounds = np.array(sentences(doc.text), dtype=np.int64).reshape(-1, 2)
    first = np.searchsorted(doc.starts, bounds[:, 0], side="left")
    last = np.searchsorted(doc.starts, bounds[:, 1], side="left")
    keep = last - first >= MIN_SENTENCE_WORDS
    bounds, first, last = bounds[keep], first[keep], last[keep]
    spans = tuple((int(x), int(y)) for x, y in bounds)
    # sentence number of every token (-1 outside kept sentences), then distinct (sentence, stem)
    owner = np.full(len(doc), -1, dtype=np.int64)
    for n, (lo, hi) in enumerate(zip(first.tolist(), last.tolist(), strict=True)):
        owner[lo:hi] = n
    token_stems = stems[doc.ids]
    valid = (owner >= 0) & (token_stems >= 0)
    cells = np.unique(owner[valid] * stems.shape[0] + token_stems[valid])
    rows, cols = np.divmod(cells, stems.shape[0])
    bags = sparse.csr_matrix(
        (np.ones(cells.shape[0], dtype=np.float32), (rows, cols)),
        shape=(len(spans), stems.shape[0]),
    )
    sizes = np.bincount(rows, minlength=len(spans)).astype(np.int64)
    quoted_tokens = np.add.reduceat(doc.quoted.astype(np.int64), first) if len(spans) else first
    quoted = quoted_tokens >= QUOTED_SENTENCE_SHARE * (last - first)
    return SentenceSet(spans=spans, bags=bags, sizes=sizes, quoted=quoted)


def lexical_chain(a: SentenceSet, b: SentenceSet) -> Chain:
    """In-order chain of sentence pairs sharing enough content stems (the cheap pass)."""
    if not a.spans or not b.spans:
        return []
    shared = (a.bags @ b.bags.T).tocoo()
    smaller = np.minimum(a.sizes[shared.row], b.sizes[shared.col])
    keep = (shared.data >= LEXICAL_MIN_SHARED) & (shared.data >= LEXICAL_OVERLAP * smaller)
    return _chain(a, b, shared.row[keep], shared.col[keep])


def paraphrase_chain(a: SentenceSet, b: SentenceSet) -> Chain:
    """In-order chain of sentence pairs whose vectors' cosine reaches ``PARAPHRASE_COSINE``."""
    if a.vectors is None or b.vectors is None or not a.spans or not b.spans:
        return []
    ii, jj = np.nonzero(a.vectors @ b.vectors.T >= PARAPHRASE_COSINE)
    return _chain(a, b, ii, jj)


def covers_most(a: SentenceSet, b: SentenceSet, chain: Chain, share: float) -> bool:
    """Whether the chain covers ``share`` of the sentences of the article with fewer of them."""
    shorter = min(len(a.spans), len(b.spans))
    if len(chain) < REWRITE_MIN_SENTENCES or shorter == 0:
        return False
    return len(chain) / shorter >= share


def lexical_candidate(a: SentenceSet, b: SentenceSet) -> bool:
    """Whether the pair is worth embedding: enough sentences share content stems in order."""
    return covers_most(a, b, lexical_chain(a, b), LEXICAL_MIN_SHARE)


def attach_vectors(sets: Sequence[SentenceSet], texts: Sequence[str], embedder: Embedder) -> None:
    """Embed the sentences of all ``sets`` in one call (each distinct sentence once)."""
    distinct: dict[str, int] = {}
    for sentence_spans, text in zip((s.spans for s in sets), texts, strict=True):
        for start, end in sentence_spans:
            distinct.setdefault(text[start:end], len(distinct))
    if not distinct:
        return
    vectors = np.asarray(embedder(list(distinct)), dtype=np.float32)
    for sentence_set_, text in zip(sets, texts, strict=True):
        rows = [distinct[text[start:end]] for start, end in sentence_set_.spans]
        sentence_set_.vectors = vectors[np.array(rows, dtype=np.int64)]
    LOG.debug("embedded %d distinct sentences", len(distinct))


def _chain(
    a: SentenceSet, b: SentenceSet, ii: npt.NDArray[np.intp], jj: npt.NDArray[np.intp]
) -> Chain:
    """Longest in-order chain of matches ``(ii[k], jj[k])``, quotation pairs left out."""
    keep = ~(a.quoted[ii] & b.quoted[jj])
    ii, jj = ii[keep], jj[keep]
    if ii.shape[0] == 0:
        return []
    # sort by i ascending and j descending, so a strictly increasing run of j uses each i once
    order = np.lexsort((-jj.astype(np.int64), ii))
    return _longest_increasing([(int(ii[k]), int(jj[k])) for k in order])


def _longest_increasing(pairs: list[tuple[int, int]]) -> Chain:
    """Longest subsequence of ``pairs`` with strictly increasing second items (patience sort)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos] = j
            tail_index[pos] = k
        previous[k] = tail_index[pos - 1] if pos > 0 else -1
    chain: Chain = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    chain.reverse()
    return chain
