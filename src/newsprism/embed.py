"""Sentence embeddings: texts in, L2-normalized 256-dimensional float32 vectors out.

The model is a static token-embedding table distilled with model2vec from
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0; see ``data/embeddings/NOTICE``), shipped
as package data and rebuilt by ``scripts/distill_embeddings.py``. A text's vector is the mean of
its tokens' vectors, L2-normalized, as model2vec computes it (up to its float16 rounding);
loading needs only
``tokenizers``, ``safetensors`` and numpy (no torch, no network).

Limitations: word order is ignored ("A beat B" and "B beat A" get one vector), and a text with
no known token (empty, or only symbols the vocabulary lacks) gets the zero vector, whose cosine
with anything is 0.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import os
import re
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np
import numpy.typing as npt
from safetensors import SafetensorError
from safetensors.numpy import load as load_safetensors
from tokenizers import Tokenizer

from .errors import ModelError

LOG = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]

# Width of the shipped artifact's vectors (DESIGN.md: 256 PCA dimensions of MiniLM's 384).
DIM = 256
# Tokens per text, as model2vec's default: later tokens are ignored. 512 wordpieces are about
# 400 words, the lead of a long article; a sentence or claim never comes near it.
MAX_TOKENS = 512
# Characters kept before tokenizing, so a stray megabyte of text is not tokenized only to be
# truncated. English wordpieces average under 5 characters: on 2,635 news articles (GVA, ECB+)
# this cut never changed the first MAX_TOKENS tokens.
MAX_CHARS = MAX_TOKENS * 16
# Texts per batch: bounds the per-batch buffers (token ids, sums: a few MB) while keeping the
# Rust tokenizer's batches of new chunks large enough to use every core.
DEFAULT_BATCH_SIZE = 1024
# Whitespace-separated chunks whose token ids are remembered. Distinct chunks in news text grow
# slowly (about 28,000 in 20,000 GVA sentences); the cache is emptied when full, and costs at
# most about 12 MB.
CHUNK_CACHE_SIZE = 65_536
# What the BERT normalizer and pre-tokenizer treat as whitespace (checked against every code
# point): tab, LF, CR, the space separators (Unicode category Zs) and the line and paragraph
# separators. Other control characters (form feed, \x1c-\x1f, \x85) are deleted rather than
# split on, so splitting on Python's wider notion of whitespace would change the tokens.
_BERT_WHITESPACE = re.compile("[\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")

ARTIFACT_FILES = ("model.safetensors", "tokenizer.json", "config.json")
TENSOR_NAME = "embeddings"
REBUILD_HINT = (
    "reinstall newsprism, or rebuild the artifact with scripts/distill_embeddings.py "
    "(its docstring gives the setup)"
)


class Embedder:
    """A static embedding table with its tokenizer; turns texts into unit vectors.

    Build it with :func:`load_embedder`. Safe to share between threads.
    """

    __slots__ = ("_chunk_ids", "_tokenizer", "_vectors")

    def __init__(self, *, tokenizer: Tokenizer, vectors: npt.NDArray[np.floating]) -> None:
        if vectors.ndim != 2 or vectors.shape[0] != tokenizer.get_vocab_size():
            raise ModelError(
                f"embedding table of shape {vectors.shape} does not match a tokenizer of "
                f"{tokenizer.get_vocab_size()} tokens; {REBUILD_HINT}"
            )
        tokenizer = Tokenizer.from_str(tokenizer.to_str())  # a private copy we may configure
        tokenizer.no_padding()
        tokenizer.no_truncation()  # _token_ids truncates, after joining the chunks
        self._tokenizer = tokenizer
        # float32 in memory (30 MB): summing float16 in numpy is slow and loses precision.
        table = np.array(vectors, dtype=np.float32, order="C")
        # model2vec drops unknown tokens: [UNK] has a vector but means "no information". A zero
        # row has the same effect on the normalized mean, without filtering ids.
        unk = getattr(tokenizer.model, "unk_token", None)
        unk_id = tokenizer.token_to_id(unk) if isinstance(unk, str) else None
        if unk_id is not None:
            table[unk_id] = 0.0
        table.setflags(write=False)
        self._vectors: Vectors = table
        self._chunk_ids: dict[str, tuple[int, ...]] = {}

    @property
    def dim(self) -> int:
        """Width of the vectors."""
        return int(self._vectors.shape[1])

    def embed(self, texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Vectors:
        """Embed ``texts``: an array of shape (len(texts), dim), float32, rows of unit length.

        A text without any known token gets a zero row.
        """
        if isinstance(texts, str):
            raise TypeError("embed takes a sequence of texts; wrap a single text in a list")
        if batch_size < 1:
            raise ValueError(f"batch_size must be positive, got {batch_size}")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            batch = texts[start : start + batch_size]
            out[start : start + len(batch)] = self._embed_batch(batch)
        return out

    def _embed_batch(self, texts: Sequence[str]) -> Vectors:
        import scipy.sparse  # here, not at the top: it takes longer to import than the model

        ids, indptr = self._token_ids(texts)
        # A texts x vocabulary count matrix times the table sums each text's token vectors
        # without materializing one vector per token (25x faster than gather + reduceat).
        counts = scipy.sparse.csr_matrix(
            (np.ones(ids.size, dtype=np.float32), ids, indptr),
            shape=(len(texts), self._vectors.shape[0]),
        )
        sums = np.asarray(counts @ self._vectors, dtype=np.float32)
        # The mean's direction is the sum's: normalizing the sum gives the normalized mean.
        return _unit_rows(sums)

    def _token_ids(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Token ids of all texts in one array, and where each text's ids start (CSR ``indptr``).

        Each text's ids are those the tokenizer gives it, cut at MAX_TOKENS. The BERT tokenizer
        never lets a token span whitespace, so a text's ids are its whitespace-separated
        chunks' ids joined; chunks repeat a lot in news text (Zipf), so each is tokenized once
        and remembered (3-5x faster than tokenizing every text).
        """
        chunk_lists = [_BERT_WHITESPACE.split(text[:MAX_CHARS]) for text in texts]
        chunks = list(itertools.chain.from_iterable(chunk_lists))
        cache = self._chunk_ids
        # A batch-local view, so another thread clearing the shared cache cannot break us.
        known = {chunk: cache.get(chunk) for chunk in set(chunks)}
        missing = [chunk for chunk, ids in known.items() if ids is None]
        if missing:
            encodings = self._tokenizer.encode_batch_fast(missing, add_special_tokens=False)
            fresh = {chunk: tuple(enc.ids) for chunk, enc in zip(missing, encodings, strict=True)}
            known.update(fresh)
            if len(cache) + len(fresh) > CHUNK_CACHE_SIZE:
                cache.clear()
            cache.update(fresh)
        chunk_ids = [known[chunk] or () for chunk in chunks]
        chunk_lengths = np.fromiter(map(len, chunk_ids), dtype=np.int64, count=len(chunk_ids))
        ids = np.fromiter(
            itertools.chain.from_iterable(chunk_ids), dtype=np.int64, count=chunk_lengths.sum()
        )
        # Token offsets at chunk boundaries, then at text boundaries (every text has a chunk).
        chunk_ends = np.cumsum(np.fromiter(map(len, chunk_lists), dtype=np.int64))
        token_ends = np.cumsum(chunk_lengths)[chunk_ends - 1] if chunks else chunk_ends
        indptr = np.concatenate(([0], token_ends)).astype(np.int64)
        lengths = np.diff(indptr)
        if (lengths > MAX_TOKENS).any():
            position = np.arange(ids.size) - np.repeat(indptr[:-1], lengths)
            ids = ids[position < MAX_TOKENS]
            indptr = np.concatenate(([0], np.cumsum(np.minimum(lengths, MAX_TOKENS))))
        return ids, indptr


def default_artifact() -> Traversable:
    """The folder of the embedding artifact shipped inside the package."""
    return resources.files("newsprism") / "data" / "embeddings"


def load_embedder(path: str | os.PathLike[str] | None = None) -> Embedder:
    """Load the embedder from ``path`` (default: the shipped artifact); cached per path.

    Raises:
        ModelError: the artifact is missing or broken; the message says how to rebuild it.
    """
    key = None if path is None else str(Path(path).resolve())
    return _load_cached(key)


@functools.cache
def _load_cached(key: str | None) -> Embedder:
    folder: Traversable = default_artifact() if key is None else Path(key)
    try:
        config = json.loads(folder.joinpath("config.json").read_text(encoding="utf-8"))
        tensors = load_safetensors(folder.joinpath("model.safetensors").read_bytes())
        tokenizer_json = folder.joinpath("tokenizer.json").read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise ModelError(
            f"embedding artifact missing: {err.filename or folder}; {REBUILD_HINT}"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, SafetensorError) as err:
        raise ModelError(
            f"embedding artifact in {folder} is unreadable ({err}); {REBUILD_HINT}"
        ) from err
    try:
        tokenizer = Tokenizer.from_str(tokenizer_json)
    except Exception as err:  # tokenizers raises a plain Exception for a malformed file
        raise ModelError(
            f"embedding tokenizer in {folder} is broken ({err}); {REBUILD_HINT}"
        ) from err
    vectors = tensors.get(TENSOR_NAME)
    if vectors is None or not isinstance(config, dict):
        raise ModelError(
            f"embedding artifact in {folder} lacks its {TENSOR_NAME!r} table; {REBUILD_HINT}"
        )
    if vectors.ndim != 2 or vectors.shape[1] != config.get("hidden_dim"):
        raise ModelError(
            f"embedding table in {folder} has shape {vectors.shape}, but config.json says "
            f"{config.get('hidden_dim')} dimensions; {REBUILD_HINT}"
        )
    embedder = Embedder(tokenizer=tokenizer, vectors=vectors)
    LOG.debug("loaded embeddings from %s: %d tokens x %d", folder, vectors.shape[0], embedder.dim)
    return embedder


def embed(texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Vectors:
    """Embed ``texts`` with the shipped model: shape (len(texts), 256), float32, unit rows.

    Empty input gives shape (0, 256); a text without any known token gives a zero row.
    """
    return load_embedder().embed(texts, batch_size=batch_size)


def cosine(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Cosine similarity of two vectors, in [-1, 1]; 0.0 when either is all zeros."""
    vector_a = np.asarray(a, dtype=np.float64).ravel()
    vector_b = np.asarray(b, dtype=np.float64).ravel()
    norm = float(np.linalg.norm(vector_a) * np.linalg.norm(vector_b))
    if norm == 0.0:
        return 0.0
    return float(np.clip(np.dot(vector_a, vector_b) / norm, -1.0, 1.0))


def cosine_matrix(a: npt.ArrayLike, b: npt.ArrayLike) -> Vectors:
    """Cosine similarity of every row of ``a`` with every row of ``b``: shape (len(a), len(b)).

    Rows of all zeros score 0.0 against everything.
    """
    rows_a = _unit_rows(np.atleast_2d(np.asarray(a, dtype=np.float32)))
    rows_b = _unit_rows(np.atleast_2d(np.asarray(b, dtype=np.float32)))
    similarity: Vectors = rows_a @ rows_b.T
    # Rounding can put a unit vector's product with itself a hair above 1.
    np.clip(similarity, -1.0, 1.0, out=similarity)
    return similarity


def _unit_rows(matrix: Vectors) -> Vectors:
    """Rows scaled to unit length; rows of all zeros stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = np.zeros_like(matrix)
    np.divide(matrix, norms, out=unit, where=norms > 0)
    return unit
