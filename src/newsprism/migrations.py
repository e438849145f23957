"""The store's schema as an append-only list of migration functions.

Each migration takes an open SQLAlchemy connection inside a transaction and moves the schema one
version up. Never edit or reorder a released migration: append a new one. The version a database
is at is the number of migrations applied to it, kept in the one-row table ``schema_version``.
:mod:`newsprism.store` decides when to run them and what to do with an unknown version.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

Migration = Callable[[sa.Connection], None]

MIGRATIONS: list[Migration] = []
migration = MIGRATIONS.append

VERSION_TABLE = "schema_version"


def _id() -> sa.Text:
    return sa.Text()


@migration
def m001_initial(conn: sa.Connection) -> None:
    """Raw and prepared articles, removed lines, annotations, stories and their parts, state."""
    meta = sa.MetaData()
    sa.Table(
        "articles",
        meta,
        sa.Column("id", _id(), primary_key=True),
        sa.Column("text_hash", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("wire", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("removed", sa.Text, nullable=False),  # JSON: furniture removed at ingest
        sa.Column("ingested_at", sa.Text, nullable=False),
    )
    sa.Table(
        "prepared",
        meta,
        sa.Column(
            "article_id",
            _id(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("text_hash", sa.Text, nullable=False),  # of the raw text it was made from
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("wire", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("annotation", sa.Text, nullable=False),  # JSON: sentences and entities
        sa.Column("prepared_at", sa.Text, nullable=False),
    )
    sa.Table(
        "removed",
        meta,
        sa.Column(
            "article_id",
            _id(),
            sa.ForeignKey("prepared.article_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    sa.Table(
        "stories",
        meta,
        sa.Column("id", _id(), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("start_date", sa.Text),
        sa.Column("end_date", sa.Text, index=True),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("source_group_count", sa.Integer),  # null until source groups exist
        sa.Column("outlets", sa.Text, nullable=False),  # JSON list of outlet names
        sa.Column("contested_count", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),  # JSON: the story's full contract dict
    )
    sa.Table(
        "story_articles",
        meta,
        sa.Column(
            "story_id", _id(), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("article_id", _id(), primary_key=True, index=True),
    )
    sa.Table(
        "reuse",
        meta,
        sa.Column(
            "story_id", _id(), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("a", _id(), primary_key=True),
        sa.Column("b", _id(), primary_key=True),
        sa.Column("kind", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
    )
    for name in ("figures", "quotes", "facts"):
        sa.Table(
            name,
            meta,
            sa.Column(
                "story_id",
                _id(),
                sa.ForeignKey("stories.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column("position", sa.Integer, primary_key=True),
            sa.Column("item_id", sa.Text),
            sa.Column("article_id", sa.Text, index=True),  # facts: null (claims hold articles)
            sa.Column("kind", sa.Text),  # figures: kind; quotes: speaker; facts: status
            sa.Column("data", sa.Text, nullable=False),
        )
    sa.Table(
        "state",  # key/value state of incremental stages (e.g. a clusterer), JSON values
        meta,
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    meta.create_all(conn)


def version_table() -> sa.Table:
    """The one-row table holding the number of migrations applied."""
    return sa.Table(VERSION_TABLE, sa.MetaData(), sa.Column("version", sa.Integer, nullable=False))


def current_version(conn: sa.Connection) -> int:
    """How many migrations the database behind ``conn`` has had (0 for an empty database)."""
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return 0
    value = conn.execute(sa.select(version_table().c.version)).scalar()
    return int(value or 0)


def apply(conn: sa.Connection, *, upto: int | None = None) -> list[str]:
    """Run the migrations the database lacks, each recorded as it goes; returns their names.

    The caller holds one transaction around this call, so a failed migration leaves the
    database at its earlier version.
    """
    table = version_table()
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        table.create(conn)
        conn.execute(table.insert().values(version=0))
    done = current_version(conn)
    applied = []
    for number, step in enumerate(MIGRATIONS[done:upto], start=done + 1):
        step(conn)
        conn.execute(table.update().values(version=number))
        applied.append(step.__name__)
    return applied
