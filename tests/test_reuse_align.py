"""Issue 3: passage alignment offsets (property tests), tokens, sentences and LSH candidates."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from newsprism.bench.reuse import synthetic_articles
from newsprism.models import Article
from newsprism.reuse import find_reuse
from newsprism.reuse.align import MIN_PASSAGE_IDENTITY, align
from newsprism.reuse.candidates import (
    WINDOW_BANDS,
    WINDOW_ROWS,
    permutations,
    to_hash32,
    verbatim_candidates,
    window_signatures,
)
from newsprism.reuse.tokens import Vocabulary, quoted_mask, sentences, shingle_hashes, words

# A made-up vocabulary: random sequences over it almost never repeat five words by chance.
_HEADS = ("ka", "lo", "mi", "ren", "tas", "vo")
_TAILS = ("dul", "ne", "sar", "pi", "gor", "el", "tri", "um", "bes", "da")
VOCABULARY = [f"{h}{t}{n}" for n, (h, t) in enumerate(itertools.product(_HEADS, _TAILS * 3))]


def render(tokens: list[str], rng: random.Random) -> str:
    """Words joined into sentences and paragraphs, with varied punctuation and case."""
    out = []
    for n, token in enumerate(tokens):
        word = token.capitalize() if rng.random() < 0.1 else token
        sep = rng.choice([" ", " ", " ", ", ", ". ", ".\n\n", " - ", " \u201c"]) if n else ""
        out.append(sep + word)
    return "".join(out) + "."


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[str, str]:
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    base = [rng.choice(VOCABULARY) for _ in range(draw(st.integers(0, 260)))]
    edited = list(base)
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["insert", "delete", "substitute", "move"]))
        at = draw(st.integers(0, max(0, len(edited) - 1)))
        if op == "insert":
            edited[at:at] = [rng.choice(VOCABULARY) for _ in range(draw(st.integers(1, 30)))]
        elif op == "delete":
            del edited[at : at + draw(st.integers(1, 20))]
        elif op == "substitute" and edited:
            edited[at] = rng.choice(VOCABULARY)
        elif op == "move":
            chunk = edited[at : at + 25]
            del edited[at : at + 25]
            edited[rng.randint(0, len(edited)) : 0] = chunk
    return render(base, rng), render(edited, rng)


def is_word_start(text: str, at: int) -> bool:
    return at < len(text) and text[at].isalnum() and (at == 0 or not text[at - 1].isalnum())


def is_word_end(text: str, at: int) -> bool:
    return at > 0 and text[at - 1].isalnum() and (at == len(text) or not text[at].isalnum())


@settings(max_examples=60, deadline=None)
@given(edited_pair())
def test_passages_cut_the_same_words_from_both_texts(texts):
    first, second = texts
    a = Article(id="a", text=first)
    b = Article(id="b", text=second)
    pairs = find_reuse([a, b], rewrites=False)
    assert len(pairs) <= 1
    for pair in pairs:
        used_a: list[tuple[int, int]] = []
        used_b: list[tuple[int, int]] = []
        for p in pair.passages:
            assert 0 <= p.a_start < p.a_end <= len(first)
            assert 0 <= p.b_start < p.b_end <= len(second)
            assert is_word_start(first, p.a_start)
            assert is_word_end(first, p.a_end)
            assert is_word_start(second, p.b_start)
            assert is_word_end(second, p.b_end)
            a_words = words(first[p.a_start : p.a_end])
            b_words = words(second[p.b_start : p.b_end])
            assert Indel.normalized_similarity(a_words, b_words) >= MIN_PASSAGE_IDENTITY
            assert a_words[0] == b_words[0]
            assert a_words[-1] == b_words[-1]
            used_a.append((p.a_start, p.a_end))
            used_b.append((p.b_start, p.b_end))
        for used in (sorted(used_a), sorted(used_b)):
            assert all(x[1] <= y[0] for x, y in itertools.pairwise(used))
        assert 0.0 <= pair.containment_a <= 1.0
        assert 0.0 <= pair.containment_b <= 1.0


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(12, 300))
def test_unedited_text_is_one_exact_passage(seed, length):
    rng = random.Random(seed)
    tokens = [rng.choice(VOCABULARY) for _ in range(length)]
    first, second = render(tokens, rng), render(tokens, random.Random(seed + 1)).upper()
    (pair,) = find_reuse(
        [Article(id="a", text=first), Article(id="b", text=second)], rewrites=False
    )
    assert pair.kind == "duplicate"
    (passage,) = pair.passages
    assert words(first[passage.a_start : passage.a_end]) == tokens
    assert words(second[passage.b_start : passage.b_end]) == tokens


def test_align_works_on_token_positions():
    vocab = Vocabulary()
    a = vocab.doc("one two three four five six seven eight nine ten eleven twelve")
    b = vocab.doc("zero one two three four five six seven eight nine ten eleven twelve end")
    hashes = vocab.word_hashes()
    (passage,) = align(shingle_hashes(hashes[a.ids]), shingle_hashes(hashes[b.ids]), len(a), len(b))
    assert (passage.a_start, passage.a_end, passage.b_start, passage.b_end) == (0, 12, 1, 13)


def test_word_offsets_survive_lowercasing_that_changes_length():
    text = "\u0130stanbul harbour reopened on Monday after the storm passed"
    doc = Vocabulary().doc(text)
    assert [text[s:e].lower() for s, e in zip(doc.starts, doc.ends, strict=True)][1:] == words(
        text
    )[1:]


SENTENCE_CASES = [
    (
        "Dr. Lee arrived at 9 a.m. on Monday. The U.S. team followed.",
        ["Dr. Lee arrived at 9 a.m. on Monday.", "The U.S. team followed."],
    ),
    ("First line\nSecond line. Third sentence!", ["First line", "Second line.", "Third sentence!"]),
    ('He said: "We are ready." Then he left.', ['He said: "We are ready."', "Then he left."]),
    ("  \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_quoted_mask_curly_and_straight():
    text = 'The chief said \u201cno one was hurt\u201d and "the road is open" today'
    doc = Vocabulary().doc(text)
    quoted = [w for w, q in zip(words(text), quoted_mask(text, doc.starts), strict=True) if q]
    assert quoted == ["no", "one", "was", "hurt", "the", "road", "is", "open"]


def test_window_signature_matches_datasketch_minhash():
    vocab = Vocabulary()
    doc = vocab.doc(" ".join(VOCABULARY[:30]))
    shingles = shingle_hashes(vocab.word_hashes()[doc.ids])
    sigs, owners = window_signatures([shingles])
    assert sigs.shape[0] == 1
    assert owners.tolist() == [0]
    reference = MinHash(num_perm=WINDOW_BANDS * WINDOW_ROWS, seed=1, hashfunc=int)
    reference.update_batch(to_hash32(shingles).tolist())
    assert np.array_equal(sigs[0], reference.hashvalues)
    a, b = permutations(4)
    assert np.array_equal(np.array([a, b]), MinHash(num_perm=4, seed=1).permutations)


def test_candidates_grow_with_copies_not_with_all_pairs():
    articles = synthetic_articles(400)
    vocab = Vocabulary()
    docs = [vocab.doc(a.text) for a in articles]
    hashes = vocab.word_hashes()
    pairs = verbatim_candidates([shingle_hashes(hashes[d.ids]) for d in docs])
    assert len(pairs) < 3 * len(articles)  # 79,800 pairs exist


def test_short_copied_passage_is_a_candidate():
    rng = random.Random(3)
    hosts = [[rng.choice(VOCABULARY) for _ in range(600)] for _ in range(2)]
    passage = [rng.choice(VOCABULARY) for _ in range(70)]
    hosts[0][100:100] = passage
    hosts[1][450:450] = passage
    vocab = Vocabulary()
    docs = [vocab.doc(" ".join(h)) for h in hosts]
    hashes = vocab.word_hashes()
    assert verbatim_candidates([shingle_hashes(hashes[d.ids]) for d in docs]) == {(0, 1)}
