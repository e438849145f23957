"""Find reuse pairs among articles: candidates by MinHash LSH, then alignment and classification.

Input: a sequence of articles (cleaned text). Output: ``ReusePair`` values, one per pair of
articles that share text (duplicate, copy, partial) or where one paraphrases the other sentence by
sentence (rewrite). Cost grows about linearly with the number of articles: only candidate pairs
from ``candidates`` are aligned, and each article has a bounded number of rewrite candidates.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..models import Article
from . import kinds
from .align import TokenPassage, align, covered
from .candidates import rewrite_candidates, verbatim_candidates
from .records import Passage, ReuseKind, ReusePair
from .rewrite import (
    REWRITE_MAX_VERBATIM,
    REWRITE_MIN_SHARE,
    Embedder,
    SentenceSet,
    attach_vectors,
    covers_most,
    lexical_candidate,
    paraphrase_chain,
    sentence_set,
)
from .tokens import Doc, HashArray, Vocabulary, doc_shingles

LOG = logging.getLogger(__name__)


@dataclass(slots=True)
class _Index:
    articles: Sequence[Article]
    vocab: Vocabulary
    docs: list[Doc]
    shingles: list[HashArray]


@dataclass(slots=True)
class _Aligned:
    i: int
    j: int
    passages: list[TokenPassage]
    overlap: kinds.Overlap
    kind: ReuseKind | None


def find_reuse(
    articles: Sequence[Article], *, embedder: Embedder | None = None, rewrites: bool = True
) -> list[ReusePair]:
    """Reuse pairs among ``articles``, ordered by the input positions of ``a`` then ``b``.

    Args:
        articles: articles with cleaned ``text``; ``a`` of each pair comes before ``b`` in it.
        embedder: sentence vectors for rewrite detection (rows L2-normalized); defaults to
            ``newsprism.embed.embed``.
        rewrites: look for rewrites too (needs sentence vectors); verbatim kinds are always found.

    Limitations: boilerplate shared by many articles (page furniture left by cleaning) is
    reported as partial reuse; a text reprinted by more than ``MAX_BUCKET_ARTICLES`` articles is
    paired through a few hub articles rather than with every copy.
    """
    index = _build_index(articles)
    candidates = verbatim_candidates(index.shingles)
    if rewrites:
        candidates |= rewrite_candidates(index.vocab.content_sets(index.docs))
    found: dict[tuple[int, int], ReusePair] = {}
    pending: list[_Aligned] = []
    for i, j in sorted(candidates):
        if articles[i].id == articles[j].id:
            continue
        aligned = _align_pair(index, i, j)
        if aligned.kind in ("duplicate", "copy") or not rewrites:
            if aligned.kind is not None:
                found[(i, j)] = _verbatim_pair(index, aligned, aligned.kind)
        else:
            pending.append(aligned)
    if pending:
        found.update(_check_rewrites(index, pending, embedder))
    LOG.info("%d candidate pairs, %d reuse pairs", len(candidates), len(found))
    return [found[key] for key in sorted(found)]


def _build_index(articles: Sequence[Article]) -> _Index:
    vocab = Vocabulary()
    docs = [vocab.doc(article.text) for article in articles]
    shingles = doc_shingles(docs, vocab.word_hashes())
    return _Index(articles=articles, vocab=vocab, docs=docs, shingles=shingles)


def _align_pair(index: _Index, i: int, j: int) -> _Aligned:
    a, b = index.docs[i], index.docs[j]
    passages = align(index.shingles[i], index.shingles[j], len(a), len(b))
    if not passages:
        return _Aligned(
            i, j, [], kinds.Overlap(containment_a=0.0, containment_b=0.0, unquoted_words=0), None
        )
    cov_a = covered(passages, len(a), side="a")
    cov_b = covered(passages, len(b), side="b")
    unquoted = min(int((cov_a & ~a.quoted).sum()), int((cov_b & ~b.quoted).sum()))
    overlap = kinds.Overlap(
        containment_a=float(cov_a.mean()),
        containment_b=float(cov_b.mean()),
        unquoted_words=unquoted,
    )
    return _Aligned(i, j, passages, overlap, kinds.verbatim_kind(overlap))


def _verbatim_pair(index: _Index, aligned: _Aligned, kind: ReuseKind) -> ReusePair:
    a, b = index.docs[aligned.i], index.docs[aligned.j]
    passages = tuple(
        Passage(
            a_start=int(a.starts[p.a_start]),
            a_end=int(a.ends[p.a_end - 1]),
            b_start=int(b.starts[p.b_start]),
            b_end=int(b.ends[p.b_end - 1]),
        )
        for p in aligned.passages
    )
    return _pair(index, aligned.i, aligned.j, kind, aligned.overlap, passages)


def _pair(
    index: _Index,
    i: int,
    j: int,
    kind: ReuseKind,
    overlap: kinds.Overlap,
    passages: tuple[Passage, ...],
) -> ReusePair:
    first, second = index.articles[i], index.articles[j]
    origin, reason = kinds.origin(first, second, overlap, by_containment=kind != "rewrite")
    copied_body = kind in ("duplicate", "copy")
    return ReusePair(
        a=first.id,
        b=second.id,
        kind=kind,
        containment_a=overlap.containment_a,
        containment_b=overlap.containment_b,
        origin=origin,
        origin_reason=reason,
        headline_changed=copied_body and kinds.headline_changed(first, second),
        passages=passages,
        substantial=kinds.is_substantial(kind, overlap),
    )


def _check_rewrites(
    index: _Index, pending: list[_Aligned], embedder: Embedder | None
) -> dict[tuple[int, int], ReusePair]:
    """Classify pairs without a verbatim copy: rewrite if paraphrased in order, else partial.

    Only pairs that pass the lexical pass are embedded and checked for paraphrases.
    """
    stems = index.vocab.stems()
    needed = sorted({k for p in pending for k in (p.i, p.j)})
    sets = {k: sentence_set(index.docs[k], stems) for k in needed}
    lexical = [p for p in pending if lexical_candidate(sets[p.i], sets[p.j])]
    if lexical:
        to_embed = sorted({k for p in lexical for k in (p.i, p.j)})
        texts = [index.articles[k].text for k in to_embed]
        attach_vectors([sets[k] for k in to_embed], texts, embedder or _default_embedder())
    LOG.debug("%d rewrite checks, %d after the lexical pass", len(pending), len(lexical))
    rewritten = {(p.i, p.j): _rewrite_pair(index, p, sets[p.i], sets[p.j]) for p in lexical}
    found: dict[tuple[int, int], ReusePair] = {}
    for aligned in pending:
        pair = rewritten.get((aligned.i, aligned.j))
        if pair is None and aligned.kind is not None:
            pair = _verbatim_pair(index, aligned, aligned.kind)
        if pair is not None:
            found[(aligned.i, aligned.j)] = pair
    return found


def _rewrite_pair(
    index: _Index, aligned: _Aligned, sa: SentenceSet, sb: SentenceSet
) -> ReusePair | None:
    verbatim = max(aligned.overlap.containment_a, aligned.overlap.containment_b)
    if verbatim >= REWRITE_MAX_VERBATIM:
        return None
    chain = paraphrase_chain(sa, sb)
    if not covers_most(sa, sb, chain, REWRITE_MIN_SHARE):
        return None
    a_spans = [sa.spans[x] for x, _ in chain]
    b_spans = [sb.spans[y] for _, y in chain]
    overlap = kinds.Overlap(
        containment_a=_word_share(index.docs[aligned.i], a_spans),
        containment_b=_word_share(index.docs[aligned.j], b_spans),
        unquoted_words=aligned.overlap.unquoted_words,
    )
    passages = tuple(
        Passage(a_start=x0, a_end=x1, b_start=y0, b_end=y1)
        for (x0, x1), (y0, y1) in zip(a_spans, b_spans, strict=True)
    )
    return _pair(index, aligned.i, aligned.j, "rewrite", overlap, passages)


def _word_share(doc: Doc, spans: list[tuple[int, int]]) -> float:
    """Share of the doc's words that start inside one of ``spans``."""
    if len(doc) == 0:
        return 0.0
    inside = np.zeros(len(doc), dtype=np.bool_)
    for start, end in spans:
        lo = int(np.searchsorted(doc.starts, start, side="left"))
        hi = int(np.searchsorted(doc.starts, end, side="left"))
        inside[lo:hi] = True
    return float(inside.mean())


def _default_embedder() -> Embedder:
    """``newsprism.embed.embed``, imported only when a rewrite check needs it."""
    from ..embed import embed

    return embed
