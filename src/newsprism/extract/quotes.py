"""Quotes: direct and reported speech with the speaker resolved, and scare-quoted labels.

Reads a cleaned :class:`~newsprism.models.Article` and its
:class:`~newsprism.models.Annotation`; returns :class:`Quote` values (direct quotes, partial
quotes inside reported speech, reported speech with a reporting verb or "according to") and
:class:`Label` values (short scare-quoted terms such as an "anti-terror" operation, which are
framing and have no speaker of their own). Offsets are ``[start, end)`` into ``article.text``;
``article.text[quote.start:quote.end] == quote.text``.

Method: quotation marks are paired by :mod:`.quote_marks`; the sentences holding a quotation,
and the sentences with a reporting verb, are parsed (:mod:`.parsing`). A quotation's speaker is
the subject of the reporting verb that governs it, else of the nearest reporting verb after it
in its sentence, else before it, else the object of "according to"; a quotation with no cue at
all continues the last speaker of the previous sentences. Speakers are named as
:mod:`.speakers` resolves them (full names for surnames, names for pronouns and descriptions).

Limitations: reported speech needs a clausal complement ("said that ...") or "according to";
opinions ("believes that") are not reported speech.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..models import Annotation, Article
from .parsing import SentenceIndex, SentenceParser
from .quote_marks import QuotedSpan, find_quoted_spans
from .speakers import (
    DIRECTIVE_VERBS,
    SPEECH_VERBS,
    Speaker,
    SpeakerContext,
    according_to,
    cue_subject,
)

LOG = logging.getLogger(__name__)

# A quotation of at most this many words without a verb, used as a noun or a noun's modifier,
# is a label (framing), not a quote: "anti-terrorist" operation, "ethnic cleansing". Longer
# noun phrases in quotation marks are usually someone's words ("stricter observance of ...").
LABEL_MAX_WORDS = 4
# An unattributed quotation continues the speaker of this many previous sentences (the
# paragraph-opening quote after "X said ..."); further back, it is more often a new voice.
CONTINUATION_SENTENCES = 2
# A short sentence right after a quotation that ends its own sentence is read as the
# quotation's attribution ("Beglaryan added.") when it has a reporting verb and at most this
# many words; longer sentences are news of their own.
ATTRIBUTION_MAX_WORDS = 8
# Dependencies of a label's head inside a noun phrase (an adjective must be one of these).
LABEL_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "conj", "appos", "npadvmod"})
# Characters trimmed from the ends of reported content.
CONTENT_TRIM = " ,;:.\n-\u2013\u2014"

_IRREGULAR_FORMS = (
    "said says told tells wrote writes written spoke stated according warned urged called "
    "claimed announced insisted added"
)


def _speech_forms() -> re.Pattern[str]:
    forms = set(_IRREGULAR_FORMS.split())
    for lemma in SPEECH_VERBS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"})
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ied", lemma[:-1] + "ies"})
    return re.compile(r"\b(?:" + "|".join(sorted(forms)) + r")\b", re.IGNORECASE)


_SPEECH_FORMS = _speech_forms()


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Words attributed to a speaker: a direct quote (``direct``) or reported speech.

    ``text`` is ``article.text[start:end]``; a quotation over several paragraphs has one
    ``parts`` entry per paragraph. ``speaker`` is the name as written in the article (the full
    name when the sentence uses a surname or a pronoun); ``speaker_start``/``speaker_end``
    locate that name. ``cue`` is the reporting verb ("said", "according to").
    """

    id: str
    article_id: str
    speaker: str | None
    text: str
    direct: bool
    start: int
    end: int
    cue: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None
    parts: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The report contract's ``quotes[]`` entry, with the extra fields."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "speaker": self.speaker,
            "text": self.text,
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker_kind": self.speaker_kind,
            "parts": [list(part) for part in self.parts],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """A short scare-quoted term (framing): ``article.text[start:end] == text``.

    ``attributed_to`` is set when a reporting verb governs the term ("accused X of
    "systematic shelling""): the words are someone's, but they label rather than state.
    """

    article_id: str
    text: str
    start: int
    end: int
    attributed_to: str | None = None

    def to_dict(self) -> dict[str, object]:
        """As a plain dict."""
        return {
            "article_id": self.article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "attributed_to": self.attributed_to,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteResult:
    """Quotes and labels of one or more articles, each in offset order per article."""

    quotes: tuple[Quote, ...] = ()
    labels: tuple[Label, ...] = ()


@dataclass(slots=True)
class _Job:
    """One thing to attribute: a quotation, a label, reported content or a bare cue."""

    offset: int
    kind: str  # "direct", "label", "reported" or "cue"
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    base: int
    quoted: frozenset[int]
    subject: Token | None = None
    cue: str | None = None


def extract_quotes(
    article: Article, annotation: Annotation, *, parser: SentenceParser | None = None
) -> QuoteResult:
    """Direct quotes, reported speech and scare-quoted labels of one article."""
    parser = parser if parser is not None else SentenceParser()
    index = SentenceIndex(annotation)
    spans = find_quoted_spans(article.text)
    units = {span: _unit_bounds(article.text, index, span) for span in spans}
    candidates = [b for b in index.sentences if _has_cue_words(article.text[b[0] : b[1]])]
    docs = parser.parse(article, [*units.values(), *candidates])
    jobs: list[_Job] = []
    for span, bounds in units.items():
        jobs.append(_quotation_job(article.text, span, docs[bounds], bounds[0], spans))
    direct = [(s.start, s.end) for s, job in zip(spans, jobs, strict=True) if job.kind == "direct"]
    for bounds in candidates:
        jobs.extend(_reported_jobs(article.text, docs[bounds], bounds[0], spans, direct))
    return _attribute(article, index, sorted(jobs, key=lambda job: (job.offset, job.start)))


def extract_story_quotes(
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    *,
    parser: SentenceParser | None = None,
) -> QuoteResult:
    """:func:`extract_quotes` over several articles (annotations matched by article id)."""
    parser = parser if parser is not None else SentenceParser()
    by_id = {annotation.article_id: annotation for annotation in annotations}
    quotes: list[Quote] = []
    labels: list[Label] = []
    for article in articles:
        annotation = by_id.get(article.id)
        if annotation is None:
            LOG.warning("article %s has no annotation; its quotes are skipped", article.id)
            continue
        result = extract_quotes(article, annotation, parser=parser)
        quotes.extend(result.quotes)
        labels.extend(result.labels)
    return QuoteResult(quotes=tuple(quotes), labels=tuple(labels))


def _has_cue_words(text: str) -> bool:
    return _SPEECH_FORMS.search(text) is not None


def _unit_bounds(text: str, index: SentenceIndex, span: QuotedSpan) -> tuple[int, int]:
    """The sentences holding a quotation and its marks, plus a trailing "he said." sentence."""
    close = span.close_at if span.close_at is not None else span.end
    numbers = index.covering(span.open_at, close + 1)
    if not numbers:
        return span.open_at, close + 1
    first, last = numbers[0], numbers[-1]
    if first > 0 and text[index.sentences[first - 1][1] - 1] == ":":
        first -= 1  # 'X said:' was cut off as a sentence of its own
    start, end = index.sentences[first][0], index.sentences[last][1]
    rest = text[close + 1 : end]
    if not rest.strip(" .,;:!?") and last + 1 < len(index.sentences):
        following = index.sentences[last + 1]
        words = text[following[0] : following[1]].split()
        if "\n" not in text[end : following[0]] and (
            words[0][:1].islower()
            or (len(words) <= ATTRIBUTION_MAX_WORDS and _has_cue_words(" ".join(words)))
        ):
            end = following[1]  # the attribution was cut off as a sentence of its own
    return min(start, span.open_at), max(end, close + 1)


def _quoted_tokens(doc: Doc, base: int, spans: Sequence[QuotedSpan]) -> frozenset[int]:
    """Indices of the tokens of ``doc`` that lie inside any quotation (marks included)."""
    inside: set[int] = set()
    for span in spans:
        close = span.close_at if span.close_at is not None else span.end
        low, high = span.open_at - base, close + 1 - base
        if high <= 0 or low >= len(doc.text):
            continue
        inside.update(t.i for t in doc if low <= t.idx < high)
    return frozenset(inside)


def _span_tokens(doc: Doc, base: int, start: int, end: int) -> list[Token]:
    return [t for t in doc if start <= base + t.idx and base + t.idx + len(t.text) <= end]


def _quotation_job(
    text: str, span: QuotedSpan, doc: Doc, base: int, spans: Sequence[QuotedSpan]
) -> _Job:
    quoted = _quoted_tokens(doc, base, spans)
    tokens = _span_tokens(doc, base, span.start, span.end)
    job = _Job(span.start, "direct", span.start, span.end, span.parts, base, quoted)
    if _is_label(tokens, text, span):
        job.kind = "label"
        found = _governing_cue(tokens, quoted)
    else:
        found = _governing_cue(tokens, quoted) or _nearby_cue(doc, base, span, quoted)
    if found is not None:
        cue, subject = found
        job.cue, job.subject = cue, subject
        job.offset = base + subject.idx if job.kind == "direct" else span.start
    return job


def _is_label(tokens: Sequence[Token], text: str, span: QuotedSpan) -> bool:
    """A short verbless term used as a noun phrase or a noun's modifier."""
    words = [t for t in tokens if any(c.isalnum() for c in t.text)]
    if not words:
        return True
    if len(words) > LABEL_MAX_WORDS or len(span.parts) > 1:
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in tokens):
        return False
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if not roots:
        return False
    root = roots[0]
    if root.dep_ == "ROOT" and len(roots) == 1 and not root.is_punct:
        return root.pos_ in ("NOUN", "PROPN") and text[span.end : span.end + 1] not in ".!?"
    if root.pos_ in ("NOUN", "PROPN", "NUM", "X"):
        return True
    return root.pos_ == "ADJ" and root.dep_ in LABEL_MODIFIER_DEPS


def _is_cue(token: Token, quoted: frozenset[int]) -> bool:
    """A reporting verb outside quotation marks, not negated ("did not say")."""
    return (
        token.i not in quoted
        and token.lemma_.lower() in SPEECH_VERBS
        and token.pos_ == "VERB"
        and not any(child.dep_ == "neg" for child in token.children)
    )


def _governing_cue(tokens: Sequence[Token], quoted: frozenset[int]) -> tuple[str, Token] | None:
    """The reporting verb that has the quotation in its complement, with its subject."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in inside and token.head.i != token.i:
            continue
        for ancestor in token.ancestors:
            if _is_cue(ancestor, quoted):
                subject = cue_subject(ancestor)
                if subject is not None and subject.i not in quoted:
                    return ancestor.text, subject
    return None


def _nearby_cue(
    doc: Doc, base: int, span: QuotedSpan, quoted: frozenset[int]
) -> tuple[str, Token] | None:
    """A reporting verb after the quotation in its sentence, else before it, else "according"."""
    close = (span.close_at if span.close_at is not None else span.end) - base
    open_at = span.open_at - base
    after = [t for t in doc if t.idx > close and t.i not in quoted]
    if after:
        sentence_end = after[0].sent.end
        after = [t for t in after if t.i < sentence_end]
    before = [t for t in doc if t.idx < open_at and t.i not in quoted]
    if before:
        sentence_start = doc[max(0, before[-1].i)].sent.start
        before = [t for t in before if t.i >= sentence_start]
    for token in [*after, *reversed(before)]:
        if _is_cue(token, quoted):
            subject = cue_subject(token)
            if subject is not None and subject.i not in quoted:
                return token.text, subject
    for token in [*after, *before]:
        source = according_to(token)
        if source is not None and source.i not in quoted:
            return "according to", source
    return None


def _reported_jobs(
    text: str,
    doc: Doc,
    base: int,
    spans: Sequence[QuotedSpan],
    direct: Sequence[tuple[int, int]],
) -> Iterator[_Job]:
    """Reported speech and bare reporting cues in one parsed sentence."""
    quoted = _quoted_tokens(doc, base, spans)
    for token in doc:
        source = according_to(token)
        if source is not None and source.i not in quoted:
            bounds = _according_content(text, doc, base, token)
            yield _reported_job(text, bounds, direct, base, quoted, source, "according to")
            continue
        if not _is_cue(token, quoted):
            continue
        subject = cue_subject(token)
        if subject is None or subject.i in quoted:
            continue
        content = _verb_content(text, doc, base, token)
        yield _reported_job(text, content, direct, base, quoted, subject, token.text)


def _reported_job(
    text: str,
    bounds: tuple[int, int] | None,
    direct: Sequence[tuple[int, int]],
    base: int,
    quoted: frozenset[int],
    subject: Token,
    cue: str,
) -> _Job:
    offset = base + subject.idx
    if bounds is not None:
        start, end = bounds
        overlaps = any(start < d_end and d_start < end for d_start, d_end in direct)
        if not overlaps and start < end:
            return _Job(offset, "reported", start, end, ((start, end),), base, quoted, subject, cue)
    return _Job(offset, "cue", offset, offset, (), base, quoted, subject, cue)


def _verb_content(text: str, doc: Doc, base: int, verb: Token) -> tuple[int, int] | None:
    """The reported clause of a reporting verb: its complement clause, or the clause it
    interrupts ("Many others, he said, had gone ...")."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in DIRECTIVE_VERBS):
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
            return _trimmed(text, base + tokens[0].idx, base + _end(tokens[-1]))
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        head = verb.head
        start, end = base + head.left_edge.idx, base + _end(head.right_edge)
        own_start, own_end = base + verb.left_edge.idx, base + _end(verb.right_edge)
        if own_end >= end - 1:
            end = own_start
        elif own_start <= start:
            start = own_end
        return _trimmed(text, start, end)
    return None


def _according_content(text: str, doc: Doc, base: int, according: Token) -> tuple[int, int]:
    """The sentence without its "according to X" phrase when the phrase opens or ends it."""
    sentence = according.sent
    start, end = base + sentence.start_char, base + sentence.end_char
    own_start = base + according.left_edge.idx
    own_end = base + _end(according.right_edge)
    if not text[start:own_start].strip(" ,"):
        start = own_end
    elif not text[own_end:end].strip(" ,.;:!?\"'"):
        end = own_start
    return _trimmed(text, start, end)


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in CONTENT_TRIM:
        start += 1
    while end > start and text[end - 1] in CONTENT_TRIM:
        end -= 1
    return start, end


def _attribute(article: Article, index: SentenceIndex, jobs: Sequence[_Job]) -> QuoteResult:
    """Resolve speakers in reading order, so pronouns see the speakers named before them."""
    context = SpeakerContext(article, index)
    quotes: list[Quote] = []
    labels: list[Label] = []
    for job in jobs:
        speaker: Speaker | None = None
        if job.subject is not None:
            speaker = context.speaker_for(job.subject, job.base, job.quoted)
        if job.kind == "label":
            text = article.text[job.start : job.end]
            attributed = speaker.name if speaker is not None else None
            labels.append(
                Label(
                    article_id=article.id,
                    text=text,
                    start=job.start,
                    end=job.end,
                    attributed_to=attributed,
                )
            )
            continue
        if job.cue == "according to" and speaker is not None and speaker.kind == "unknown":
            speaker = None  # "according to the constitution", "according to reports"
        if speaker is None and job.kind == "direct":
            speaker = context.recent_speaker(job.start, sentences=CONTINUATION_SENTENCES)
        if speaker is not None:
            context.record(job.offset, speaker)
        if job.kind == "cue" or (job.kind == "reported" and speaker is None):
            continue
        quotes.append(_make_quote(article, job, speaker))
    quotes.sort(key=lambda quote: (quote.start, quote.end))
    numbered = [
        replace(quote, id=f"{article.id}:q{number}") for number, quote in enumerate(quotes, 1)
    ]
    return QuoteResult(quotes=tuple(numbered), labels=tuple(labels))


def _make_quote(article: Article, job: _Job, speaker: Speaker | None) -> Quote:
    return Quote(
        id="",
        article_id=article.id,
        speaker=speaker.name if speaker is not None else None,
        text=article.text[job.start : job.end],
        direct=job.kind == "direct",
        start=job.start,
        end=job.end,
        cue=job.cue,
        speaker_start=speaker.start if speaker is not None else None,
        speaker_end=speaker.end if speaker is not None else None,
        speaker_kind=speaker.kind if speaker is not None else None,
        parts=job.parts,
    )
