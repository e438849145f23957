"""Migrations: append-only, recorded, matching the store's tables, refusing newer databases."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from newsprism import migrations
from newsprism.store import TABLES, Store, StoreError


def test_fresh_database_is_at_the_latest_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "n.db") as store:
        assert store.version == len(migrations.MIGRATIONS)


def test_migration_names_are_numbered_in_order() -> None:
    names = [step.__name__ for step in migrations.MIGRATIONS]
    assert all(name.startswith(f"m{n:03d}_") for n, name in enumerate(names, start=1))


def test_store_tables_match_the_migrated_schema(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Store.open(path):
        pass
    inspector = sa.inspect(sa.create_engine(f"sqlite:///{path}"))
    for name, table in TABLES.items():
        columns = {column["name"] for column in inspector.get_columns(name)}
        assert columns == {column.name for column in table.columns}, name


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    for _ in range(2):
        with Store.open(path) as store:
            assert store.version == len(migrations.MIGRATIONS)


def test_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Store.open(path):
        pass
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(migrations.version_table().update().values(version=999))
    engine.dispose()
    with pytest.raises(StoreError, match="schema version 999, newer than"), Store.open(path):
        pass


def test_a_failing_migration_leaves_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "n.db"
    with Store.open(path):
        pass

    def m999_broken(conn: sa.Connection) -> None:
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        conn.exec_driver_sql("THIS IS NOT SQL")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m999_broken])
    with pytest.raises(StoreError), Store.open(path):
        pass
    monkeypatch.undo()
    inspector = sa.inspect(sa.create_engine(f"sqlite:///{path}"))
    assert not inspector.has_table("half_done")
    with Store.open(path) as store:
        assert store.version == len(migrations.MIGRATIONS)
