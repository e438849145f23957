"""Word tokens with offsets, shingles, content words, quoted stretches and a sentence splitter.

Everything here is plain regex and numpy: the reuse stage runs on thousands of articles and cannot
afford a spaCy pass. Tokens are lowercased runs of word characters (punctuation, quote style and
case never break a match); their character offsets point into the original text.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
HashArray = npt.NDArray[np.uint64]
BoolArray = npt.NDArray[np.bool_]

WORD_RE = re.compile(r"\w+")
_SPLIT_RE = re.compile(r"(\w+)")

# Word n-gram length of a shingle. Five words rarely repeat by chance between independent
# reports (names + verbs + numbers), yet a copy edited every ten words keeps most of them;
# tuned on the tuning split of scripts/make_reuse_devset.py.
SHINGLE_WORDS = 5

# Content stems in more than this share of the articles (and more than COMMON_STEM_MIN_DOCS of
# them) are left out of content-word sets: "police", "people", a story's main names. Lower
# keeps fewer words per article; tuned on candidate counts of the 10,000-article synthetic speed
# corpus (bench/reuse.py) and rewrite recall on the tuning split.
COMMON_STEM_SHARE = 0.05
COMMON_STEM_MIN_DOCS = 50

# Odd 64-bit multipliers for the polynomial n-gram hash (any odd constants with mixed bits work).
_MIX_A = np.uint64(0x9E3779B97F4A7C15)
_MIX_B = np.uint64(0xBF58476D1CE4E5B9)
_MIX_C = np.uint64(0x94D049BB133111EB)

# English function words and newsroom fillers: they carry no sign of a shared source, so the
# rewrite route compares articles on the remaining content words only.
_STOPWORD_LIST = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according one two three four five six seven eight nine ten first last
    new year years day days week time may might must shall us mr mrs ms dr st may would could
    monday tuesday wednesday thursday friday saturday sunday yesterday today
"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())

# Abbreviations whose full stop does not end a sentence (lowercase, without the final dot).
_ABBREVIATION_LIST = """
    mr mrs ms dr prof st jr sr gen gov sen rep lt col sgt capt cmdr adm maj cpl pvt det insp supt
    rev hon pres vs etc inc ltd co corp no jan feb mar apr aug sep sept oct nov dec ft mt ave
    blvd rd hwy approx dept est fig u.s u.k u.n e.g i.e a.m p.m
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())

# A sentence may end after . ! ? (and closing quotes or brackets) when white space and an
# upper-case letter, digit or opening quote follow.
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LINE_RE = re.compile(r"[^\n]+")
# Quoted stretches: curly quotes may span lines; straight ones may span a line break but not a
# blank line, where an unclosed quote at the end of a paragraph would pair with the next one.
_QUOTE_RE = re.compile(r"\u201c[^\u201d]{0,2000}\u201d|\"(?:[^\"\n]|\n(?!\s*\n)){0,2000}\"")


@dataclass(slots=True)
class Doc:
    """One article's text as the reuse stage sees it: token ids and, on demand, offsets.

    ``ids`` index the run's vocabulary (see ``Vocabulary.word_hashes`` for stable word hashes).
    """

    text: str
    ids: IntArray
    _starts: IntArray | None = field(default=None, repr=False)
    _ends: IntArray | None = field(default=None, repr=False)
    _quoted: BoolArray | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def _spans(self) -> tuple[IntArray, IntArray]:
        if self._starts is None or self._ends is None:
            # split keeps the words at odd positions; offsets are running sums of part lengths
            parts = _SPLIT_RE.split(_matchable(self.text))
            lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
            ends = np.cumsum(lengths)[1::2]
            self._starts, self._ends = ends - lengths[1::2], ends
        return self._starts, self._ends

    @property
    def starts(self) -> IntArray:
        """Character offset where each token starts."""
        return self._spans()[0]

    @property
    def ends(self) -> IntArray:
        """Character offset just past each token."""
        return self._spans()[1]

    @property
    def quoted(self) -> BoolArray:
        """True for tokens inside quotation marks."""
        if self._quoted is None:
            self._quoted = quoted_mask(self.text, self.starts)
        return self._quoted


def _matchable(text: str) -> str:
    """The text to run the word regex on: lowercased when that keeps every offset in place."""
    low = text.lower()
    return low if len(low) == len(text) else text


def words(text: str) -> list[str]:
    """Lowercased word tokens of ``text``, in order."""
    source = _matchable(text)
    if source is text:
        return [w.lower() for w in WORD_RE.findall(text)]
    return WORD_RE.findall(source)


class Vocabulary:
    """Maps words to small integer ids shared by all articles of one run."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._hashes: HashArray = np.zeros(0, dtype=np.uint64)
        self._stems: IntArray | None = None

    def doc(self, text: str) -> Doc:
        """Tokenize ``text`` into a Doc whose ids come from this vocabulary."""
        ids = self._ids
        tokens = words(text)
        arr = np.fromiter(
            (ids.setdefault(w, len(ids)) for w in tokens), dtype=np.int64, count=len(tokens)
        )
        return Doc(text=text, ids=arr)

    def word_hashes(self) -> HashArray:
        """For each word id, a 64-bit hash of the word itself: shingles built from these hash
        the same whatever else is in the run."""
        known = self._hashes.shape[0]
        if known < len(self._ids):
            new_words = itertools.islice(self._ids, known, None)
            new = np.fromiter((word_hash(w) for w in new_words), dtype=np.uint64)
            self._hashes = np.concatenate((self._hashes, new))
        return self._hashes

    def content_sets(self, docs: Sequence[Doc]) -> list[IntArray]:
        """Distinct content stems of each doc, without stems common across the collection.

        A stem found in more than ``COMMON_STEM_SHARE`` of the docs (and in more than
        ``COMMON_STEM_MIN_DOCS``) tells nothing about who copied whom; left in, it makes every
        pair of docs look alike.
        """
        stems = self.stems()
        sets = []
        for doc in docs:
            uniq = np.unique(stems[doc.ids])
            sets.append(uniq[uniq >= 0])
        if not sets:
            return sets
        df = np.bincount(np.concatenate(sets), minlength=stems.shape[0])
        limit = max(COMMON_STEM_MIN_DOCS, COMMON_STEM_SHARE * len(docs))
        common = df > limit
        return [s[~common[s]] for s in sets]

    def stems(self) -> IntArray:
        """For each word id, the id of its crude stem, or -1 for stop words.

        Stem ids are word ids too (the id of the first word seen with that stem), so a stem
        and a word never collide. Recomputed when the vocabulary has grown.
        """
        if self._stems is None or self._stems.shape[0] != len(self._ids):
            stems = np.full(len(self._ids), -1, dtype=np.int64)
            first: dict[str, int] = {}
            for w, i in self._ids.items():
                if w not in STOPWORDS and len(w) > 1:
                    stems[i] = first.setdefault(stem(w), i)
            self._stems = stems
        return self._stems


def stem(word: str) -> str:
    """A crude English suffix stripper: enough to match "continuing" with "continue"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


# Suffixes stripped by stem(), longest first, and the shortest stem left behind.
_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ers",
    "ies",
    "ied",
    "ed",
    "es",
    "er",
    "ly",
    "e",
    "s",
)
_MIN_STEM = 3


def word_hash(word: str) -> int:
    """A stable 64-bit hash of a word (Python's own hash() changes between processes)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def shingle_hashes(hashes: HashArray, n: int = SHINGLE_WORDS) -> HashArray:
    """64-bit hashes of every run of ``n`` consecutive word hashes (empty when fewer words)."""
    count = hashes.shape[0] - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    mixed = mix64(hashes + _MIX_C)
    acc = np.zeros(count, dtype=np.uint64)
    for k in range(n):
        acc = acc * _MIX_A + mixed[k : k + count]
    return mix64(acc)


def doc_shingles(docs: Sequence[Doc], word_hashes: HashArray) -> list[HashArray]:
    """``shingle_hashes`` of every doc, computed in one pass over all their words."""
    if not docs:
        return []
    lengths = np.array([len(doc) for doc in docs], dtype=np.int64)
    ids = np.concatenate([doc.ids for doc in docs])
    every = shingle_hashes(word_hashes[ids])
    starts = np.cumsum(lengths) - lengths
    counts = np.maximum(lengths - SHINGLE_WORDS + 1, 0)
    return [every[start : start + count] for start, count in zip(starts, counts, strict=True)]


def mix64(values: HashArray) -> HashArray:
    """The splitmix64 finalizer: a fixed bijection on 64-bit integers with good avalanche."""
    x = values.copy()
    x ^= x >> np.uint64(30)
    x *= _MIX_B
    x ^= x >> np.uint64(27)
    x *= _MIX_C
    x ^= x >> np.uint64(31)
    return x


def quoted_mask(text: str, starts: IntArray) -> BoolArray:
    """For each token start, whether it lies inside a quoted stretch of ``text``."""
    mask = np.zeros(starts.shape[0], dtype=np.bool_)
    for match in _QUOTE_RE.finditer(text):
        lo = int(np.searchsorted(starts, match.start(), side="left"))
        hi = int(np.searchsorted(starts, match.end(), side="left"))
        mask[lo:hi] = True
    return mask


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` of ``text``: lines, split further after . ! ?.

    A light regex splitter (not spaCy): every line break ends a sentence, and a full stop does
    unless it follows a known abbreviation or a single letter. Spans exclude surrounding space.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        start = line.start()
        for end_match in _SENTENCE_END_RE.finditer(line.group()):
            cut = line.start() + end_match.end()
            if _ends_in_abbreviation(text, line.start() + end_match.start()):
                continue
            _add_span(spans, text, start, cut)
            start = cut
        _add_span(spans, text, start, line.end())
    return spans


def _ends_in_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    if text[dot] != ".":
        return False
    begin = dot
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].lower()
    return len(word) == 1 or word in _ABBREVIATIONS


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
