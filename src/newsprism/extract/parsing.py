"""Dependency parses of chosen stretches of an article, made on demand and kept for reuse.

The fast annotation pass has no parser. Quotes, claims and entity aliases need dependencies
only for a few sentences, so :class:`SentenceParser` parses just the ``[start, end)`` stretches
asked for (``nlp.pipe`` over their texts) and caches the docs by article and offsets; a token's
offset in the article is ``start + token.idx``. Sentence look-ups by offset are in
:class:`SentenceIndex`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..annotate import load_pipeline
from ..models import Annotation, Article, EntityMention

# Stretches per spaCy batch: the parsed stretches are sentences, so a batch this size holds a
# few articles' worth; larger batches gain little speed on short texts.
PARSE_BATCH_SIZE = 128
# Components not run on parsed stretches: entities come from the annotation pass (whose
# mentions every stage shares), so re-running ner here would only cost time.
SKIPPED_COMPONENTS = ("ner", "newsprism_places")
# Longest entity mention looked back over when finding the mention at an offset; names are far
# shorter, so this only bounds the search.
MAX_MENTION_CHARS = 200


class SentenceParser:
    """Parse stretches of articles with the full pipeline (parser included), caching the docs.

    One parser may be shared by the quote, claim and entity stages so that a sentence is parsed
    once. ``nlp`` defaults to :func:`newsprism.annotate.load_pipeline` with the parser.
    """

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        # keyed by article id, offsets and the text itself, so a changed text is re-parsed
        self._docs: dict[tuple[str, int, int, str], Doc] = {}

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline used, loaded on first use."""
        if self._nlp is None:
            self._nlp = load_pipeline(parser=True)
        return self._nlp

    def parse(
        self, article: Article, bounds: Iterable[tuple[int, int]]
    ) -> dict[tuple[int, int], Doc]:
        """Docs for the ``[start, end)`` stretches of ``article.text``, parsing those not cached."""
        wanted = list(dict.fromkeys(bounds))
        text = article.text
        keys = {b: (article.id, b[0], b[1], text[b[0] : b[1]]) for b in wanted}
        missing = [b for b in wanted if keys[b] not in self._docs]
        if missing:
            texts = (text[start:end] for start, end in missing)
            skip = [name for name in SKIPPED_COMPONENTS if name in self.nlp.pipe_names]
            docs = self.nlp.pipe(texts, batch_size=PARSE_BATCH_SIZE, disable=skip)
            for bounds_, doc in zip(missing, docs, strict=True):
                self._docs[keys[bounds_]] = doc
        return {b: self._docs[keys[b]] for b in wanted}

    def clear(self) -> None:
        """Forget the cached docs (they hold memory for every parsed stretch)."""
        self._docs.clear()


class SentenceIndex:
    """Find the sentences of one annotated article by character offset."""

    def __init__(self, annotation: Annotation) -> None:
        self.sentences: tuple[tuple[int, int], ...] = tuple(sorted(annotation.sentences))
        self._starts = [start for start, _ in self.sentences]
        self.entities: tuple[EntityMention, ...] = tuple(
            sorted(annotation.entities, key=lambda m: (m.start, m.end))
        )
        self._entity_starts = [mention.start for mention in self.entities]

    def index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the last one starting before it)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def covering(self, start: int, end: int) -> list[int]:
        """Indices of the sentences that overlap ``[start, end)``, in order."""
        if not self.sentences:
            return []
        first = self.index_at(start)
        last = self.index_at(max(start, end - 1))
        return list(range(first, last + 1))

    def entities_between(self, start: int, end: int) -> Sequence[EntityMention]:
        """Entity mentions that start inside ``[start, end)``."""
        low = bisect.bisect_left(self._entity_starts, start)
        high = bisect.bisect_left(self._entity_starts, end)
        return self.entities[low:high]

    def entity_at(self, start: int, end: int) -> EntityMention | None:
        """The entity mention overlapping ``[start, end)``, if any (the longest one)."""
        low = bisect.bisect_left(self._entity_starts, start - MAX_MENTION_CHARS)
        high = bisect.bisect_left(self._entity_starts, end)
        found = [m for m in self.entities[low:high] if start < m.end]
        return max(found, key=lambda m: m.end - m.start) if found else None
