"""Issue 2 acceptance on the seed articles (read from ../shared at run time).

The furniture SEEDS.md lists is identified here by its position in the raw files, so no text of
the seeds is written into this repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.clean import normalize
from newsprism.cli import cli

# Non-empty raw lines that are page furniture, by seed file prefix and line position
# (negative positions count from the end). From ../shared/SEEDS.md.
FURNITURE = {"000": {0, 5}, "001": set(), "002": {1}, "003": {0, -2, -1}, "004": set()}


def raw_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    out = tmp_path_factory.mktemp("seeds") / "r.json"
    result = CliRunner().invoke(cli, ["analyze", str(seeds), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output + result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    report["_seeds"] = seeds
    return report


def test_ids_are_file_stems(seed_report: dict):
    stems = sorted(p.stem for p in seed_report["_seeds"].glob("*.txt"))
    assert sorted(a["id"] for a in seed_report["articles"]) == stems
    assert len(stems) == 5
    assert len(seed_report["stories"]) == 1
    assert sorted(seed_report["stories"][0]["article_ids"]) == stems


def test_headline_is_first_line_only_where_a_blank_line_follows(seed_report: dict):
    for article in seed_report["articles"]:
        raw = (seed_report["_seeds"] / f"{article['id']}.txt").read_text(encoding="utf-8")
        first, _, rest = raw.partition("\n")
        short_then_blank = rest.startswith("\n") and len(first.split()) <= 20
        if short_then_blank:
            assert article["title"] == normalize(first.strip())
        else:
            assert article["title"] is None


@pytest.mark.parametrize("prefix", sorted(FURNITURE))
def test_furniture_removed_and_news_kept(seed_report: dict, prefix: str):
    (article,) = [a for a in seed_report["articles"] if a["id"].startswith(prefix)]
    lines = raw_lines(seed_report["_seeds"] / f"{article['id']}.txt")
    furniture = {i % len(lines) for i in FURNITURE[prefix]}
    headline = 0 if article["title"] else None
    removed = " ".join(normalize(r["text"]) for r in article["removed"])
    text = article["text"]
    for index, line in enumerate(lines):
        line = normalize(line)
        if index == headline:
            continue
        if index in furniture:
            assert line not in text, f"furniture kept: line {index}"
            assert line in removed, f"furniture not listed as removed: line {index}"
            assert all(r["reason"] for r in article["removed"])
        else:
            assert line in text, f"news line {index} removed"
