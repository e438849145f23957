"""Tests for newsprism.embed: shapes, normalization, determinism, similarity and loading."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism import embed as embed_module
from newsprism.embed import (
    DIM,
    MAX_CHARS,
    MAX_TOKENS,
    Embedder,
    cosine,
    cosine_matrix,
    default_artifact,
    embed,
    load_embedder,
)
from newsprism.errors import ModelError

SENTENCES = [
    "Rescue teams pulled three survivors from the collapsed apartment block overnight.",
    "The central bank kept its main interest rate unchanged on Thursday.",
    "Officials said at least 12 people were injured when the bridge gave way.",
    "Voters in the northern province queued for hours outside polling stations.",
]

# (paraphrase a, paraphrase b, unrelated to both), all written for these tests.
PARAPHRASE_TRIPLES = [
    (
        "Rescue teams pulled three survivors from the collapsed apartment block overnight.",
        "Overnight, rescuers brought three people out alive from the ruins of the apartment block.",
        "The central bank kept its main interest rate unchanged on Thursday.",
    ),
    (
        "The ministry said 40 people had been killed in the shelling.",
        "Forty people died in the shelling, according to the ministry.",
        "The football club announced the signing of a young striker from Brazil.",
    ),
    (
        "Thousands of residents fled the town as the fighting drew closer.",
        "As fighting approached, thousands of people left the town.",
        "A new exhibition of medieval manuscripts opens at the city library next week.",
    ),
]

# Text drawn from everything the tokenizer treats specially: Zs spaces, control characters that
# it deletes, accents it strips, CJK it splits, punctuation, digits and plain words.
TRICKY_CHARS = (
    " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u2028\u2029\u3000\x00\ufffd\u0301é漢字.,'\"$%-"
)
tricky_text = st.lists(
    st.one_of(
        st.sampled_from(["Killed", "the", "évacués", "Tarnholt", "27", "unbelievably", "naïve"]),
        st.text(alphabet=st.sampled_from(TRICKY_CHARS), max_size=4),
        st.text(max_size=6),
    ),
    max_size=12,
).map("".join)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder()


def test_shape_dtype_and_unit_rows(embedder: Embedder) -> None:
    vectors = embedder.embed(SENTENCES)
    assert vectors.shape == (len(SENTENCES), DIM)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_module_level_embed_uses_shipped_model(embedder: Embedder) -> None:
    np.testing.assert_array_equal(embed(SENTENCES[:2]), embedder.embed(SENTENCES[:2]))


def test_empty_input_gives_empty_matrix() -> None:
    vectors = embed([])
    assert vectors.shape == (0, DIM)
    assert vectors.dtype == np.float32


def test_text_without_tokens_gets_zero_row(embedder: Embedder) -> None:
    vectors = embedder.embed(["", "   \n\t", SENTENCES[0]])
    assert not vectors[:2].any()
    assert cosine(vectors[0], vectors[2]) == 0.0


def test_deterministic_and_independent_of_batching(embedder: Embedder) -> None:
    first = embedder.embed(SENTENCES)
    np.testing.assert_array_equal(first, embedder.embed(SENTENCES))
    np.testing.assert_array_equal(first, embedder.embed(SENTENCES, batch_size=1))
    fresh = Embedder(
        tokenizer=embedder._tokenizer, vectors=np.asarray(embedder._vectors, dtype=np.float16)
    )
    np.testing.assert_allclose(fresh.embed(SENTENCES), first, atol=1e-6)


def test_batch_size_must_be_positive(embedder: Embedder) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        embedder.embed(SENTENCES, batch_size=0)


def test_single_string_is_refused(embedder: Embedder) -> None:
    with pytest.raises(TypeError, match="sequence of texts"):
        embedder.embed(SENTENCES[0])


@pytest.mark.parametrize(("text_a", "text_b", "unrelated"), PARAPHRASE_TRIPLES)
def test_paraphrase_scores_higher_than_unrelated(
    embedder: Embedder, text_a: str, text_b: str, unrelated: str
) -> None:
    vec_a, vec_b, vec_other = embedder.embed([text_a, text_b, unrelated])
    assert cosine(vec_a, vec_b) > cosine(vec_a, vec_other) + 0.2
    assert cosine(vec_a, vec_b) > cosine(vec_b, vec_other) + 0.2


def test_cosine_matrix_matches_cosine(embedder: Embedder) -> None:
    vectors = embedder.embed(SENTENCES)
    matrix = cosine_matrix(vectors, vectors[:2])
    assert matrix.shape == (len(SENTENCES), 2)
    assert matrix[2, 1] == pytest.approx(cosine(vectors[2], vectors[1]), abs=1e-6)
    assert cosine_matrix(np.zeros(DIM), vectors[0])[0, 0] == 0.0


@settings(max_examples=60, deadline=None)
@given(text_a=tricky_text, text_b=tricky_text)
def test_similarity_symmetric_and_self_similarity_one(
    embedder: Embedder, text_a: str, text_b: str
) -> None:
    vec_a, vec_b = embedder.embed([text_a, text_b])
    assert cosine(vec_a, vec_b) == pytest.approx(cosine(vec_b, vec_a), abs=1e-12)
    assert -1.0 <= cosine(vec_a, vec_b) <= 1.0
    if vec_a.any():
        assert cosine(vec_a, vec_a) == pytest.approx(1.0, abs=1e-6)
        np.testing.assert_allclose(np.linalg.norm(vec_a), 1.0, atol=1e-5)


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(tricky_text, max_size=4))
def test_chunked_tokenization_equals_the_tokenizer(embedder: Embedder, texts: list[str]) -> None:
    ids, indptr = embedder._token_ids(texts)
    reference = embedder._tokenizer.encode_batch(
        [text[:MAX_CHARS] for text in texts], add_special_tokens=False
    )
    got = [ids[indptr[i] : indptr[i + 1]].tolist() for i in range(len(texts))]
    assert got == [encoding.ids[:MAX_TOKENS] for encoding in reference]


def test_long_text_is_cut_at_max_tokens(embedder: Embedder) -> None:
    long_text = "casualties " * (MAX_TOKENS + 50) + "orchestra"
    _, indptr = embedder._token_ids([long_text, "short"])
    assert indptr[1] - indptr[0] == MAX_TOKENS
    np.testing.assert_array_equal(
        embedder.embed([long_text]), embedder.embed(["casualties " * (MAX_TOKENS + 1)])
    )


def test_matches_model2vec_encode(embedder: Embedder) -> None:
    model2vec = pytest.importorskip("model2vec")
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = Path(str(default_artifact()))
    static = model2vec.StaticModel(
        vectors=load_file(str(folder / "model.safetensors"))["embeddings"],
        tokenizer=Tokenizer.from_file(str(folder / "tokenizer.json")),
        normalize=True,
    )
    texts = [*SENTENCES, "Ünïcode, CJK 漢字 and [UNK]-only ☃ symbols", "☃"]
    expected = static.encode(texts, use_multiprocessing=False).astype(np.float32)
    # model2vec averages in float16; we sum in float32.
    np.testing.assert_allclose(embedder.embed(texts), expected, atol=2e-3)


def test_load_embedder_is_cached() -> None:
    assert load_embedder() is load_embedder()


def test_missing_artifact_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"missing.*distill_embeddings\.py"):
        load_embedder(tmp_path / "no-such-folder")


def _copy_artifact(target: Path) -> Path:
    source = Path(str(default_artifact()))
    target.mkdir()
    for name in embed_module.ARTIFACT_FILES:
        shutil.copyfile(source / name, target / name)
    return target


def test_broken_weights_raise_model_error(tmp_path: Path) -> None:
    folder = _copy_artifact(tmp_path / "broken")
    (folder / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelError, match="unreadable"):
        load_embedder(folder)


def test_broken_tokenizer_raises_model_error(tmp_path: Path) -> None:
    folder = _copy_artifact(tmp_path / "broken")
    (folder / "tokenizer.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelError, match="tokenizer"):
        load_embedder(folder)


def test_config_disagreeing_with_weights_raises_model_error(tmp_path: Path) -> None:
    folder = _copy_artifact(tmp_path / "broken")
    (folder / "config.json").write_text('{"hidden_dim": 384}', encoding="utf-8")
    with pytest.raises(ModelError, match="384"):
        load_embedder(folder)


def test_table_not_matching_tokenizer_raises_model_error(embedder: Embedder) -> None:
    with pytest.raises(ModelError, match="does not match"):
        Embedder(tokenizer=embedder._tokenizer, vectors=np.zeros((10, DIM), dtype=np.float32))


def test_runs_without_torch_or_hub_libraries() -> None:
    code = (
        "import sys\n"
        "from newsprism.embed import embed\n"
        "assert embed(['A short sentence.']).shape == (1, 256)\n"
        "heavy = {'torch', 'transformers', 'huggingface_hub', 'model2vec'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    env = {"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)
