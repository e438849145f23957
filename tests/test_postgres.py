"""The store on a real PostgreSQL: a throwaway server (initdb in a temp folder, loopback port).

Skips with the reason when the PostgreSQL server binaries are missing; .ci/run installs them
(Debian package ``postgresql``). As root, the server runs as ``nobody`` (PostgreSQL refuses root).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism import newsroom
from newsprism.bench.web import fill_store
from newsprism.store import Store, StoreError

START_TIMEOUT_S = 30


def _bin_dir() -> Path | None:
    found = shutil.which("initdb") or shutil.which("pg_ctl")
    candidates = [str(Path(found).resolve().parent)] if found else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if all((Path(folder) / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    folder = _bin_dir()
    if folder is None:
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        nobody = pwd.getpwnam("nobody")
        os.chmod(root, 0o755)
        os.chown(root, nobody.pw_uid, nobody.pw_gid)
        runuser = shutil.which("runuser") or shutil.which("setpriv")
        if runuser is None:
            pytest.skip("running as root without runuser to start PostgreSQL as nobody")
        prefix = (
            [runuser, "-u", "nobody", "--"]
            if runuser.endswith("runuser")
            else [runuser, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups"]
        )
    data = root / "data"
    port = _free_port()
    run = {"check": True, "capture_output": True, "timeout": START_TIMEOUT_S}
    subprocess.run(
        [
            *prefix,
            str(folder / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale",
            "C",
        ],
        **run,  # type: ignore[call-overload]
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *prefix,
            str(folder / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "-t",
            str(START_TIMEOUT_S),
            "start",
        ],
        **run,  # type: ignore[call-overload]
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
            timeout=START_TIMEOUT_S,
        )
        shutil.rmtree(root, ignore_errors=True)


def _reset(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


def test_store_round_trip_on_postgres(pg_url: str) -> None:
    _reset(pg_url)
    with Store.open(pg_url) as store:
        ids = fill_store(store, articles=25, story_size=10)
        again = store.put_articles(store.raw_articles(["n00000-00", "n00001-03"]))
        assert again.unchanged == 2
        assert store.article_count() == 25
        rows = store.stories()
        assert {row.id for row in rows} == set(ids)
        assert rows[0].contested_count == 1
        assert store.story_ids_matching("s0000") == ids
        assert store.story_ids_matching("%") == []
        story = store.story(ids[0])
        assert story is not None
        assert story["brief"][0]["fact_id"] == "f1"
        assert store.prepared(["n00000-00"])[0][0].text.startswith("A warehouse fire")
        store.set_state("cluster", {"k": [1, 2]})
        assert store.get_state("cluster") == {"k": [1, 2]}
        csv_text = newsroom.export(store, "csv")
        assert csv_text.count("\n") == 1 + len(ids)


def test_migrations_on_postgres(pg_url: str) -> None:
    import sqlalchemy as sa

    from newsprism import migrations

    _reset(pg_url)
    with Store.open(pg_url) as store:
        assert store.version == len(migrations.MIGRATIONS)
    with Store.open(pg_url) as store:  # reopening migrates nothing
        assert store.version == len(migrations.MIGRATIONS)
    engine = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(migrations.version_table().update().values(version=99))
    engine.dispose()
    with pytest.raises(StoreError, match="schema version 99"), Store.open(pg_url):
        pass


def test_web_story_page_on_postgres(pg_url: str) -> None:
    from fastapi.testclient import TestClient

    from newsprism.web.app import create_app

    _reset(pg_url)
    with Store.open(pg_url) as store:
        fill_store(store, articles=10, story_size=10)
        client = TestClient(create_app(store, trusted_hosts=None))
        page = client.get("/stories/s00000")
        assert page.status_code == 200
        assert "Warehouse fire in Varrow kills 3" in page.text


def test_unreachable_postgres_is_a_clear_error() -> None:
    port = _free_port()  # nothing listens there
    with (
        pytest.raises(StoreError, match="connection"),
        Store.open(f"postgresql://postgres@127.0.0.1:{port}/postgres"),
    ):
        pass
