"""Candidate article pairs for reuse, found without comparing all pairs.

Two routes, both MinHash LSH with a fixed seed and datasketch's ``affine32`` permutation scheme:

* verbatim: a MinHash per overlapping window of about 45 words of shingles, banded so that two
  windows sharing about half their shingles collide; a paragraph or two copied into a much
  longer article is still found, which a whole-article MinHash (Jaccard) would miss.
  The window signatures are banded in numpy: datasketch's MinHashLSH spends about 4 us per
  band insert in Python, which at 10,000 articles (290,000 windows, 8 bands) would cost 10 s.
* rewrite: datasketch's MinHashLSH over each article's set of content words; a rewrite keeps
  names, numbers and most nouns while changing the wording. Each article keeps only its nearest
  candidates, so a story with many articles cannot make the cost quadratic.

Reference: Leskovec, Rajaraman and Ullman, Mining of Massive Datasets, chapter 3.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from .tokens import HashArray, IntArray, mix64

LOG = logging.getLogger(__name__)

UIntArray = npt.NDArray[np.uint32]

# Seed of the MinHash permutations: fixed so the same input always gives the same pairs.
MINHASH_SEED = 1

# Shingles per half window; a window is two consecutive halves (about 45 words), so any shared
# passage of WINDOW_STRIDE * 2.5 words contains a full window of each side offset by at most
# half a stride (Jaccard >= 0.6). Smaller finds shorter shared passages but costs more windows;
# 40 missed a third of the two-paragraph excerpts of the tuning split, 20 misses none.
WINDOW_STRIDE = 20

# LSH bands x rows per band for windows. Two rows: windows of unrelated text share almost no
# 5-word shingles, so even loose bands add few false pairs; eight bands find a window pair at
# Jaccard 0.5 with probability 0.9 and at 0.3 with 0.5, and a copied passage offers several
# window pairs. Tuned on candidate recall of the tuning split (make_reuse_devset.py).
WINDOW_BANDS = 8
WINDOW_ROWS = 2

# A bucket holding windows of more articles than this is boilerplate or a text reprinted
# everywhere; its articles are paired with its first few members only, to stay near-linear.
MAX_BUCKET_ARTICLES = 40
STAR_HUBS = 3

# Articles per numpy batch when computing window signatures (memory vs per-call overhead).
SIGNATURE_BATCH = 256

# Permutations of the content-word MinHash and the Jaccard threshold datasketch tunes its bands
# for. On the tuning split, MRPC-built rewrites share 0.46 or more of their content stems (5th
# percentile), independent reports of one GVA incident 0.10 (median; 95th percentile 0.23);
# spun rewrites keep fewer words than MRPC paraphrases, hence the bar sits low.
CONTENT_PERM = 64
CONTENT_JACCARD = 0.25

# Nearest content-word neighbours an article keeps as rewrite candidates: bounds the rewrite
# checks to this many per article whatever the size of a story.
REWRITE_NEIGHBOURS = 8

_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


def permutations(num_perm: int) -> tuple[UIntArray, UIntArray]:
    """The affine permutation parameters (a, b) datasketch draws for ``MINHASH_SEED``."""
    perms = np.asarray(
        MinHash(num_perm=num_perm, seed=MINHASH_SEED, scheme="affine32").permutations,
        dtype=np.uint32,
    )
    return perms[0].copy(), perms[1].copy()


def fmix32(values: UIntArray) -> UIntArray:
    """MurmurHash3's 32-bit finalizer, the pre-mix datasketch applies before its permutations."""
    s1, m1, s2, m2 = _FMIX32
    x: UIntArray = values ^ (values >> s1)
    x = x * m1
    x = x ^ (x >> s2)
    x = x * m2
    out: UIntArray = x ^ (x >> s1)
    return out


def to_hash32(hashes: HashArray) -> UIntArray:
    """The high 32 bits of 64-bit hashes, as datasketch's affine32 scheme expects."""
    return (hashes >> np.uint64(32)).astype(np.uint32)


def permuted(hash32: UIntArray, a: UIntArray, b: UIntArray) -> UIntArray:
    """Matrix of permuted hash values: one row per input value, one column per permutation."""
    with np.errstate(over="ignore"):
        mixed = fmix32(hash32)
        return mixed[:, None] * a[None, :] + b[None, :]


def window_signatures(
    shingles: Sequence[HashArray],
) -> tuple[UIntArray, IntArray]:
    """MinHash signatures of every window of every article, and the article of each window."""
    a, b = permutations(WINDOW_BANDS * WINDOW_ROWS)
    sigs: list[UIntArray] = []
    owners: list[IntArray] = []
    for first in range(0, len(shingles), SIGNATURE_BATCH):
        batch = shingles[first : first + SIGNATURE_BATCH]
        sig, owner = _batch_signatures(batch, a, b)
        sigs.append(sig)
        owners.append(owner + first)
    if not sigs:
        return np.zeros((0, a.shape[0]), dtype=np.uint32), np.zeros(0, dtype=np.int64)
    return np.concatenate(sigs), np.concatenate(owners)


def _batch_signatures(
    batch: Sequence[HashArray], a: UIntArray, b: UIntArray
) -> tuple[UIntArray, IntArray]:
    lengths = np.array([h.shape[0] for h in batch], dtype=np.int64)
    nonempty = np.nonzero(lengths)[0]
    if nonempty.shape[0] == 0:
        return np.zeros((0, a.shape[0]), dtype=np.uint32), np.zeros(0, dtype=np.int64)
    flat = np.concatenate([batch[int(k)] for k in nonempty])
    values = permuted(to_hash32(flat), a, b)
    block_starts: list[int] = []
    block_owner: list[int] = []
    offset = 0
    for k in nonempty:
        n = int(lengths[k])
        for start in range(0, n, WINDOW_STRIDE):
            block_starts.append(offset + start)
            block_owner.append(int(k))
        offset += n
    blocks = np.minimum.reduceat(values, np.array(block_starts), axis=0)
    owner = np.array(block_owner, dtype=np.int64)
    # a window is a block and the next one of the same article; one-block articles keep it alone
    same = owner[1:] == owner[:-1]
    pairs = np.minimum(blocks[:-1], blocks[1:])[same]
    pair_owner = owner[:-1][same]
    alone = np.ones(owner.shape[0], dtype=np.bool_)
    alone[1:] &= ~same
    alone[:-1] &= ~same
    sig = np.concatenate([pairs, blocks[alone]])
    own = np.concatenate([pair_owner, owner[alone]])
    return sig, own


def band_pairs(sigs: UIntArray, owners: IntArray, bands: int, rows: int) -> set[tuple[int, int]]:
    """Article pairs ``(i, j)``, ``i < j``, with two windows in one bucket of some band."""
    keys = [_band_keys(sigs, band, rows) for band in range(bands)]
    if not keys or sigs.shape[0] == 0:
        return set()
    key = np.concatenate(keys)
    owner = np.tile(owners, bands)
    order = np.lexsort((owner, key))
    key, owner = key[order], owner[order]
    distinct = np.ones(key.shape[0], dtype=np.bool_)
    distinct[1:] = (key[1:] != key[:-1]) | (owner[1:] != owner[:-1])
    key, owner = key[distinct], owner[distinct]
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    sizes = np.diff(np.append(starts, key.shape[0]))
    twos = starts[sizes == 2]  # by far the most common bucket: one pair, owners already sorted
    pairs = set(zip(owner[twos].tolist(), owner[twos + 1].tolist(), strict=True))
    for start, size in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist(), strict=True):
        _add_bucket(pairs, owner[start : start + size].tolist())
    return pairs


def _band_keys(sigs: UIntArray, band: int, rows: int) -> HashArray:
    """One 64-bit key per window for one band (the band number is mixed in)."""
    key = np.full(sigs.shape[0], band + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            key = mix64(key ^ sigs[:, band * rows + r].astype(np.uint64))
    return key


def _add_bucket(pairs: set[tuple[int, int]], members: list[int]) -> None:
    if len(members) > MAX_BUCKET_ARTICLES:
        for hub in members[:STAR_HUBS]:
            pairs.update((hub, m) for m in members if m > hub)
        return
    for x, first in enumerate(members):
        pairs.update((first, second) for second in members[x + 1 :])


def verbatim_candidates(shingles: Sequence[HashArray]) -> set[tuple[int, int]]:
    """Article pairs (by index) that likely share a passage of text."""
    sigs, owners = window_signatures(shingles)
    pairs = band_pairs(sigs, owners, WINDOW_BANDS, WINDOW_ROWS)
    LOG.debug("%d windows, %d verbatim candidate pairs", sigs.shape[0], len(pairs))
    return pairs


def content_signatures(content: Sequence[IntArray]) -> UIntArray:
    """Whole-article MinHash signatures of content-word id sets (all ones for empty sets)."""
    a, b = permutations(CONTENT_PERM)
    sigs = np.full((len(content), CONTENT_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    for first in range(0, len(content), SIGNATURE_BATCH):
        batch = content[first : first + SIGNATURE_BATCH]
        lengths = np.array([ids.shape[0] for ids in batch], dtype=np.int64)
        nonempty = np.flatnonzero(lengths)
        if nonempty.shape[0] == 0:
            continue
        flat = np.concatenate([batch[int(k)] for k in nonempty]).astype(np.uint64)
        values = permuted(to_hash32(mix64(flat)), a, b)
        starts = np.concatenate(([0], np.cumsum(lengths[nonempty])[:-1]))
        sigs[first + nonempty] = np.minimum.reduceat(values, starts, axis=0)
    return sigs


def rewrite_candidates(content: Sequence[IntArray]) -> set[tuple[int, int]]:
    """Article pairs (by index) whose content words overlap as a rewrite's would.

    Pairs come from datasketch's LSH buckets; each article then keeps its
    ``REWRITE_NEIGHBOURS`` nearest partners by estimated Jaccard.
    """
    sigs = content_signatures(content)
    lsh = MinHashLSH(threshold=CONTENT_JACCARD, num_perm=CONTENT_PERM)
    perms = np.array(permutations(CONTENT_PERM))
    for k, ids in enumerate(content):
        if ids.shape[0]:
            sketch = MinHash(hashvalues=sigs[k], permutations=perms, scheme="affine32")
            lsh.insert(k, sketch, check_duplication=False)
    found: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for bucket, size in table.itemcounts().items():
            if size > 1:
                _add_bucket(found, sorted(table.get(bucket)))
    if not found:
        return set()
    pairs = np.array(sorted(found), dtype=np.int64)
    estimate = (sigs[pairs[:, 0]] == sigs[pairs[:, 1]]).mean(axis=1)
    close = estimate >= CONTENT_JACCARD
    kept = _nearest(pairs[close], estimate[close], REWRITE_NEIGHBOURS)
    LOG.debug("%d rewrite candidate pairs (of %d in LSH buckets)", len(kept), len(found))
    return kept


def _nearest(pairs: IntArray, score: npt.NDArray[np.float64], k: int) -> set[tuple[int, int]]:
    """Pairs that are among the ``k`` best-scored pairs of either of their articles."""
    if pairs.shape[0] == 0:
        return set()
    ends = np.concatenate((pairs[:, 0], pairs[:, 1]))
    index = np.tile(np.arange(pairs.shape[0]), 2)
    order = np.lexsort((index, -np.tile(score, 2), ends))
    ends, index = ends[order], index[order]
    group_start = np.flatnonzero(np.concatenate(([True], ends[1:] != ends[:-1])))
    rank = np.arange(ends.shape[0]) - np.repeat(
        group_start, np.diff(np.append(group_start, ends.shape[0]))
    )
    chosen = np.unique(index[rank < k])
    return {(int(pairs[c, 0]), int(pairs[c, 1])) for c in chosen}
