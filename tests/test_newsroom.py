"""Store-backed runs: idempotent ingest, incremental run, exports, and a SIGKILLed ingest."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsprism import newsroom
from newsprism.store import Store, text_hash

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
KILL_TOTAL = 2000
KILL_AT = 1050  # mid-way through the 11th batch of 100: inside an open transaction


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the bundled examples, ingested and run once (spaCy loads once)."""
    path = tmp_path_factory.mktemp("newsroom") / "news.db"
    with Store.open(path) as store:
        newsroom.ingest_paths(store, [str(EXAMPLES)])
        newsroom.run(store)
    return path


def test_ingest_twice_stores_each_article_once(examples_db: Path) -> None:
    with Store.open(examples_db) as store:
        again = newsroom.ingest_paths(store, [str(EXAMPLES)])
        assert (again.added, again.updated, again.unchanged) == (0, 0, 11)
        assert store.article_count() == 11


def test_run_is_incremental_and_keeps_earlier_results(examples_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(examples_db, path)
    with Store.open(path) as store:
        nothing = newsroom.run(store)
        assert (nothing.prepared, nothing.already_prepared, nothing.assembled) == (0, 11, False)
        before = {a.id: a.text for a, _ in store.prepared()}
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "late-report.txt").write_text(
            "Dam repairs begin in Carvonia\n\nEngineers began repairs on Friday, officials said.\n",
            encoding="utf-8",
        )
        newsroom.ingest_paths(store, [str(extra)])
        summary = newsroom.run(store)
        assert (summary.prepared, summary.already_prepared, summary.assembled) == (1, 11, True)
        after = {a.id: a.text for a, _ in store.prepared()}
        assert {k: after[k] for k in before} == before
        stored = {i for story in store.all_stories() for i in story["article_ids"]}
        assert "late-report" in stored


def test_stored_stories_match_the_contract(examples_db: Path) -> None:
    with Store.open(examples_db) as store:
        data = newsroom.report_dict(store)
        assert data["schema"] == "newsprism.report/1"
        assert len(data["articles"]) == 11
        # the two fictional events of one week are two stories, every article in one of them
        members = sorted(sorted(story["article_ids"]) for story in data["stories"])
        assert [{i[0] for i in ids} for ids in members] == [{"a"}, {"b"}]
        assert sum(len(ids) for ids in members) == 11
        (story,) = [s for s in data["stories"] if "a-wire-lna-original" in s["article_ids"]]
        for key in ("id", "title", "article_ids", "reuse", "source_groups", "event", "brief"):
            assert key in story
        (row,) = [row for row in store.stories() if row.id == story["id"]]
        assert row.article_count == len(story["article_ids"])
        assert "Lodestar News Agency" in row.outlets


def test_exports(examples_db: Path) -> None:
    with Store.open(examples_db) as store:
        as_json = json.loads(newsroom.export(store, "json"))
        as_md = newsroom.export(store, "md")
        as_csv = newsroom.export(store, "csv")
    assert len(as_json["stories"]) >= 1
    assert as_md.startswith("# newsprism report")
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert len(rows) == len(as_json["stories"])
    assert tuple(rows[0]) == newsroom.EVENT_COLUMNS
    assert rows[0]["articles"] == str(len(as_json["stories"][0]["article_ids"]))


def test_csv_cells_cannot_start_a_formula() -> None:
    story = {"id": "s1", "title": '=HYPERLINK("http://evil.example")', "article_ids": []}
    text = newsroom.event_csv([story], lambda ids: {})
    assert "'=HYPERLINK" in text


def _write_bundle(path: Path, total: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number in range(total):
            record = {
                "id": f"k{number:05d}",
                "title": f"Report {number} on the harbour fire",
                "source": f"Outlet {number % 7}",
                "published": "2026-02-01",
                "text": f"Fire crews worked through night {number} at the harbour. "
                f"Officials counted {number} damaged boats and said the cause was unclear.",
            }
            out.write(json.dumps(record) + "\n")


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from newsprism import newsroom
    from newsprism.store import Store

    def progress(stage, done, total):
        if stage == "store" and done == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)

    with Store.open(sys.argv[1]) as store:
        newsroom.ingest_paths(store, [sys.argv[2]], progress=progress)
    """
)


@pytest.mark.issue(7)
def test_sigkill_mid_ingest_leaves_a_sound_database(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle.jsonl"
    _write_bundle(bundle, KILL_TOTAL)
    db = tmp_path / "killed.db"
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(db), str(bundle), str(KILL_AT)],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store.open(db) as store:
        kept = store.article_count()
        # whole batches only: the batch open when the process died is gone entirely
        assert kept == (KILL_AT // newsroom.INGEST_BATCH) * newsroom.INGEST_BATCH
        raw = store.raw_articles([f"k{n:05d}" for n in range(KILL_TOTAL)])
        assert all(article.text and article.title for article in raw)
        with sqlite3.connect(db) as conn:
            for article_id, digest, text in conn.execute(
                "SELECT id, text_hash, text FROM articles"
            ):
                assert digest == text_hash(text), article_id
        summary = newsroom.ingest_paths(store, [str(bundle)])
        assert (summary.added, summary.unchanged) == (KILL_TOTAL - kept, kept)
        assert store.article_count() == KILL_TOTAL


def test_store_commands(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsprism.cli import cli

    db = str(tmp_path / "cli.db")
    runner = CliRunner()

    def invoke(*args: str) -> str:
        result = runner.invoke(cli, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    assert "11 articles added" in invoke("ingest", str(EXAMPLES), "--db", db)
    assert "0 articles added, 0 changed, 11" in invoke("ingest", str(EXAMPLES), "--db", db)
    assert "11 articles processed" in invoke("run", "--db", db)
    assert "nothing new" in invoke("run", "--db", db)
    listing = invoke("stories", "--db", db)
    with Store.open(db) as store:
        row = store.stories()[0]
        story_id = row.id
    assert story_id in listing
    assert f"{row.article_count} articles" in invoke("show", story_id[:4], "--db", db)
    out = tmp_path / "story.html"
    invoke("show", story_id, "--db", db, "-o", str(out))
    assert "Content-Security-Policy" in out.read_text(encoding="utf-8")
    assert invoke("export", "--db", db, "--format", "csv").startswith("event_id_cnty,")
    missing = runner.invoke(cli, ["show", "zzz", "--db", db])
    assert missing.exit_code == 1
    assert "no story matching 'zzz'" in missing.output
    exposed = runner.invoke(cli, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert exposed.exit_code == 1
    assert "--token" in exposed.output
    absent = runner.invoke(cli, ["stories", "--db", str(tmp_path / "none.db")])
    assert absent.exit_code == 1
    assert "no such database" in absent.output
