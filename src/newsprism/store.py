"""The store: articles, their prepared results and stories in SQLite (default) or PostgreSQL.

All SQL of newsprism lives here and in :mod:`newsprism.migrations` (SQLAlchemy Core, parameters
always bound). ``Store.open(target)`` takes a file path (SQLite in WAL mode), ``:memory:`` or a
``postgresql://`` URL, brings the schema up to date and yields a :class:`Store`. Rows are turned
into models here; stories are kept as their full contract dict (JSON) plus the columns the
story list needs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from . import migrations
from .errors import StoreError
from .models import Annotation, Article, EntityMention, Removal

LOG = logging.getLogger(__name__)

DEFAULT_DB = "newsprism.db"
# Seconds a writer waits for another writer's lock before giving up: long enough for a batch
# of a concurrent ingest to commit, short enough that a stuck process is reported.
BUSY_TIMEOUT_S = 30.0
# Bound parameters per IN (...) query: below SQLite's old 999-variable limit, so any build works.
IN_CHUNK = 900


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryRow:
    """One line of the story list: what a reader needs to choose a story."""

    id: str
    title: str | None
    start: str | None
    end: str | None
    article_count: int
    source_group_count: int | None  # None until reuse has grouped the sources
    outlets: tuple[str, ...]
    contested_count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PutSummary:
    """What storing a batch of raw articles did."""

    added: int = 0
    updated: int = 0  # same id, different text: stored anew and to be prepared again
    unchanged: int = 0  # same id and text: nothing done


_META = sa.MetaData()
ARTICLES = sa.Table(
    "articles",
    _META,
    *(sa.Column(name, sa.Text) for name in ("id", "text_hash", "origin", "source", "url")),
    *(sa.Column(name, sa.Text) for name in ("title", "published", "byline", "wire", "text")),
    sa.Column("removed", sa.Text),
    sa.Column("ingested_at", sa.Text),
)
PREPARED = sa.Table(
    "prepared",
    _META,
    *(sa.Column(name, sa.Text) for name in ("article_id", "text_hash", "source", "url")),
    *(sa.Column(name, sa.Text) for name in ("title", "published", "byline", "wire", "text")),
    sa.Column("words", sa.Integer),
    sa.Column("annotation", sa.Text),
    sa.Column("prepared_at", sa.Text),
)
REMOVED = sa.Table(
    "removed",
    _META,
    sa.Column("article_id", sa.Text),
    sa.Column("position", sa.Integer),
    sa.Column("text", sa.Text),
    sa.Column("reason", sa.Text),
)
STORIES = sa.Table(
    "stories",
    _META,
    sa.Column("id", sa.Text),
    sa.Column("position", sa.Integer),
    sa.Column("title", sa.Text),
    sa.Column("start_date", sa.Text),
    sa.Column("end_date", sa.Text),
    sa.Column("article_count", sa.Integer),
    sa.Column("source_group_count", sa.Integer),
    sa.Column("outlets", sa.Text),
    sa.Column("contested_count", sa.Integer),
    sa.Column("data", sa.Text),
)
STORY_ARTICLES = sa.Table(
    "story_articles", _META, sa.Column("story_id", sa.Text), sa.Column("article_id", sa.Text)
)
REUSE = sa.Table(
    "reuse",
    _META,
    *(sa.Column(name, sa.Text) for name in ("story_id", "a", "b", "kind", "origin", "data")),
)
# Story parts kept one row each so they can be queried across stories (e.g. every contested
# fact); ``kind`` is a figure's kind, a quote's speaker or a fact's status.
PART_TABLES = {
    name: sa.Table(
        name,
        _META,
        sa.Column("story_id", sa.Text),
        sa.Column("position", sa.Integer),
        sa.Column("item_id", sa.Text),
        sa.Column("article_id", sa.Text),
        sa.Column("kind", sa.Text),
        sa.Column("data", sa.Text),
    )
    for name in ("figures", "quotes", "facts")
}
PART_KIND_FIELD = {"figures": "kind", "quotes": "speaker", "facts": "status"}
STATE = sa.Table("state", _META, sa.Column("key", sa.Text), sa.Column("value", sa.Text))
TABLES = {table.name: table for table in _META.sorted_tables}


def text_hash(text: str) -> str:
    """The hash that tells whether an article's text changed (SHA-256, hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def database_url(target: str | Path) -> str:
    """The SQLAlchemy URL for a file path, ``:memory:`` or a database URL."""
    text = str(target)
    if text == ":memory:":
        return "sqlite://"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):  # psycopg 3, not SQLAlchemy's default psycopg2
            return "postgresql+psycopg://" + text[len(prefix) :]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


class Store:
    """An open newsprism database. Use :meth:`open`; every method runs its own transaction."""

    def __init__(self, engine: sa.Engine, *, display: str) -> None:
        self._engine = engine
        self.display = display

    @classmethod
    @contextmanager
    def open(cls, target: str | Path = DEFAULT_DB, *, must_exist: bool = False) -> Iterator[Store]:
        """Open (and create or migrate) the database at ``target``.

        Args:
            target: a file path (SQLite, WAL mode), ``:memory:``, or a ``postgresql://`` URL.
            must_exist: refuse to create a new SQLite file (for commands that only read).

        Raises:
            StoreError: the database cannot be opened, is not a newsprism database, or has a
                schema version newer than this newsprism knows.
        """
        url = database_url(target)
        if must_exist and url.startswith("sqlite:///") and not Path(url[10:]).exists():
            raise StoreError(f"{target}: no such database; store articles with 'newsprism ingest'")
        store = cls(_make_engine(url), display=_display(url))
        try:
            store._migrate()
            yield store
        finally:
            store._engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite: no lock upgrade deadlocks)."""
        try:
            with self._engine.connect() as conn:
                conn.execution_options(newsprism_write=True)
                with conn.begin():
                    yield conn
        except sa.exc.OperationalError as err:
            raise StoreError(f"{self.display}: {_reason(err)}") from err

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except sa.exc.OperationalError as err:
            raise StoreError(f"{self.display}: {_reason(err)}") from err

    def _migrate(self) -> None:
        known = len(migrations.MIGRATIONS)
        try:
            with self._write() as conn:
                version = migrations.current_version(conn)
                if version > known:
                    raise StoreError(
                        f"{self.display} has schema version {version}, newer than this "
                        f"newsprism knows ({known}); upgrade newsprism to open it"
                    )
                applied = migrations.apply(conn)
        except sa.exc.DatabaseError as err:
            raise StoreError(f"{self.display}: cannot open the database ({_reason(err)})") from err
        if applied:
            LOG.info("%s: applied migrations %s", self.display, ", ".join(applied))

    @property
    def version(self) -> int:
        """The schema version of the database."""
        with self._read() as conn:
            return migrations.current_version(conn)

    # -- raw articles -------------------------------------------------------------------------

    def put_articles(
        self, articles: Sequence[Article], *, progress: Callable[[int], None] | None = None
    ) -> PutSummary:
        """Store raw ``articles`` in one transaction: new ids added, changed texts replaced
        (their prepared results dropped), the same id and text left alone."""
        added = updated = unchanged = 0
        now = _now()
        with self._write() as conn:
            known = _hashes(conn, [article.id for article in articles])
            for done, article in enumerate(articles, start=1):
                digest = text_hash(article.text)
                row = _raw_row(article, digest=digest, now=now)
                if article.id not in known:
                    conn.execute(ARTICLES.insert().values(row))
                    added += 1
                elif known[article.id] != digest:
                    conn.execute(PREPARED.delete().where(PREPARED.c.article_id == article.id))
                    conn.execute(ARTICLES.update().where(ARTICLES.c.id == article.id).values(row))
                    updated += 1
                else:
                    unchanged += 1
                known[article.id] = digest
                if progress is not None:
                    progress(done)
        return PutSummary(added=added, updated=updated, unchanged=unchanged)

    def article_count(self) -> int:
        """How many raw articles are stored."""
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(ARTICLES)).scalar_one())

    def pending_ids(self) -> list[str]:
        """Ids of raw articles whose current text has no prepared result yet, in id order."""
        join = ARTICLES.outerjoin(PREPARED, PREPARED.c.article_id == ARTICLES.c.id)
        query = (
            sa.select(ARTICLES.c.id)
            .select_from(join)
            .where(
                sa.or_(
                    PREPARED.c.article_id.is_(None), PREPARED.c.text_hash != ARTICLES.c.text_hash
                )
            )
            .order_by(ARTICLES.c.id)
        )
        with self._read() as conn:
            return [row.id for row in conn.execute(query)]

    def raw_articles(self, ids: Sequence[str]) -> list[Article]:
        """The raw articles with these ids, in the order given (unknown ids are left out)."""
        with self._read() as conn:
            rows = {row.id: row for row in _select_in(conn, ARTICLES, ARTICLES.c.id, ids)}
        return [_raw_article(rows[i]) for i in ids if i in rows]

    # -- prepared articles --------------------------------------------------------------------

    def put_prepared(self, articles: Sequence[Article], annotations: Sequence[Annotation]) -> None:
        """Store cleaned articles with their annotations and removed lines, in one transaction.

        Each is tied to the raw text it was made from; an article whose raw text is gone or
        changed meanwhile is skipped (it will be prepared again).
        """
        by_id = {annotation.article_id: annotation for annotation in annotations}
        now = _now()
        with self._write() as conn:
            raw = _hashes(conn, [article.id for article in articles])
            for article in articles:
                if article.id not in raw:
                    continue
                conn.execute(PREPARED.delete().where(PREPARED.c.article_id == article.id))
                annotation = by_id.get(article.id) or Annotation(
                    article_id=article.id, sentences=(), entities=(), words=0
                )
                conn.execute(
                    PREPARED.insert().values(
                        _prepared_row(article, annotation, digest=raw[article.id], now=now)
                    )
                )
                if article.removed:
                    conn.execute(
                        REMOVED.insert(),
                        [
                            {
                                "article_id": article.id,
                                "position": position,
                                "text": removal.text,
                                "reason": removal.reason,
                            }
                            for position, removal in enumerate(article.removed)
                        ],
                    )

    def prepared_count(self) -> int:
        """How many articles have prepared results."""
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(PREPARED)).scalar_one())

    def prepared(self, ids: Sequence[str] | None = None) -> list[tuple[Article, Annotation]]:
        """Prepared articles and their annotations (all, or these ids in the order given)."""
        with self._read() as conn:
            if ids is None:
                rows = list(conn.execute(sa.select(PREPARED).order_by(PREPARED.c.article_id)))
                wanted = [row.article_id for row in rows]
            else:
                rows = _select_in(conn, PREPARED, PREPARED.c.article_id, ids)
                wanted = list(ids)
            removed = _removed(conn, [row.article_id for row in rows] if ids else None)
            origins = _origins(conn, [row.article_id for row in rows] if ids else None)
        by_id = {row.article_id: row for row in rows}
        return [
            (
                _prepared_article(by_id[i], removed.get(i, ()), origins.get(i, "")),
                _annotation(i, by_id[i].annotation, by_id[i].words),
            )
            for i in wanted
            if i in by_id
        ]

    def article(self, article_id: str) -> Article | None:
        """One article: its prepared (cleaned) form when there is one, else the raw one."""
        found = self.prepared([article_id])
        if found:
            return found[0][0]
        raw = self.raw_articles([article_id])
        return raw[0] if raw else None

    def article_meta(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Id, outlet, title, date, url and wire of these articles, without their text."""
        columns = [PREPARED.c[name] for name in ("article_id", "source", "title", "published")]
        columns += [PREPARED.c.url, PREPARED.c.wire, PREPARED.c.byline]
        with self._read() as conn:
            found: dict[str, dict[str, Any]] = {}
            for chunk in _chunks(ids):
                query = sa.select(*columns).where(PREPARED.c.article_id.in_(chunk))
                for row in conn.execute(query):
                    found[row.article_id] = {
                        "id": row.article_id,
                        "source": row.source,
                        "title": row.title,
                        "published": row.published,
                        "url": row.url,
                        "wire": row.wire,
                        "byline": row.byline,
                    }
        return found

    # -- stories ------------------------------------------------------------------------------

    def replace_stories(self, stories: Sequence[dict[str, Any]]) -> None:
        """Replace every stored story with ``stories`` (contract dicts), in one transaction."""
        with self._write() as conn:
            sources = _sources(conn)
            conn.execute(STORIES.delete())  # parts go with them (ON DELETE CASCADE)
            for table in (STORY_ARTICLES, REUSE, *PART_TABLES.values()):
                conn.execute(table.delete())  # also for back ends that ignore cascades
            for position, story in enumerate(stories):
                conn.execute(STORIES.insert().values(_story_row(story, position, sources)))
                _insert_parts(conn, story)

    def story_count(self) -> int:
        """How many stories are stored."""
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(STORIES)).scalar_one())

    def stories(self, *, limit: int | None = None, offset: int = 0) -> list[StoryRow]:
        """Stories for a list, latest first (by their last article's date), then by position."""
        columns = [column for column in STORIES.c if column.name != "data"]
        query = (
            sa.select(*columns)
            .order_by(sa.nulls_last(STORIES.c.end_date.desc()), STORIES.c.position)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [
                StoryRow(
                    id=row.id,
                    title=row.title,
                    start=row.start_date,
                    end=row.end_date,
                    article_count=row.article_count,
                    source_group_count=row.source_group_count,
                    outlets=tuple(json.loads(row.outlets)),
                    contested_count=row.contested_count,
                )
                for row in conn.execute(query)
            ]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """A story's full contract dict, or None."""
        with self._read() as conn:
            data = conn.execute(sa.select(STORIES.c.data).where(STORIES.c.id == story_id)).scalar()
        return None if data is None else dict(json.loads(data))

    def all_stories(self) -> list[dict[str, Any]]:
        """Every story's contract dict, in the order they were stored."""
        with self._read() as conn:
            query = sa.select(STORIES.c.data).order_by(STORIES.c.position)
            return [dict(json.loads(data)) for data in conn.execute(query).scalars()]

    def story_ids_matching(self, prefix: str) -> list[str]:
        """Ids of stories equal to or starting with ``prefix`` (for ids typed by hand)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = sa.select(STORIES.c.id).where(
            sa.or_(STORIES.c.id == prefix, STORIES.c.id.like(escaped + "%", escape="\\"))
        )
        with self._read() as conn:
            found = list(conn.execute(query.order_by(STORIES.c.id)).scalars())
        return [prefix] if prefix in found else found

    def stories_of_article(self, article_id: str) -> list[tuple[str, str | None]]:
        """(id, title) of the stories an article belongs to."""
        join = STORY_ARTICLES.join(STORIES, STORIES.c.id == STORY_ARTICLES.c.story_id)
        query = (
            sa.select(STORIES.c.id, STORIES.c.title)
            .select_from(join)
            .where(STORY_ARTICLES.c.article_id == article_id)
            .order_by(STORIES.c.position)
        )
        with self._read() as conn:
            return [(row.id, row.title) for row in conn.execute(query)]

    def contested_facts(self) -> list[tuple[str, dict[str, Any]]]:
        """(story id, fact) for every contested fact stored."""
        facts = PART_TABLES["facts"]
        query = (
            sa.select(facts.c.story_id, facts.c.data)
            .where(facts.c.kind == "contested")
            .order_by(facts.c.story_id, facts.c.position)
        )
        with self._read() as conn:
            return [(row.story_id, json.loads(row.data)) for row in conn.execute(query)]

    # -- state of incremental stages ----------------------------------------------------------

    def get_state(self, key: str) -> Any:
        """The JSON value stored under ``key`` by an incremental stage, or None."""
        with self._read() as conn:
            value = conn.execute(sa.select(STATE.c.value).where(STATE.c.key == key)).scalar()
        return None if value is None else json.loads(value)

    def set_state(self, key: str, value: Any) -> None:
        """Keep a JSON-serialisable value under ``key`` (replacing any earlier one)."""
        with self._write() as conn:
            conn.execute(STATE.delete().where(STATE.c.key == key))
            conn.execute(STATE.insert().values(key=key, value=json.dumps(value)))


# -- engine -------------------------------------------------------------------------------------


def _make_engine(url: str) -> sa.Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    memory = url == "sqlite://"
    engine = sa.create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_S},
        # one shared connection: each new connection to :memory: would be a new empty database
        poolclass=StaticPool if memory else None,
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL survives a killed process; only an OS crash may lose the last commit
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get("newsprism_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _display(url: str) -> str:
    if url.startswith("sqlite:///"):
        return url[10:]
    if url == "sqlite://":
        return ":memory:"
    return sa.make_url(url).render_as_string(hide_password=True)


def _reason(err: sa.exc.DBAPIError | sa.exc.SQLAlchemyError) -> str:
    original = getattr(err, "orig", None)
    return " ".join(str(original or err).split())[:200]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start : start + IN_CHUNK]


def _select_in(
    conn: sa.Connection, table: sa.Table, column: sa.Column[Any], ids: Sequence[str]
) -> list[sa.Row[Any]]:
    rows: list[sa.Row[Any]] = []
    for chunk in _chunks(list(dict.fromkeys(ids))):
        rows.extend(conn.execute(sa.select(table).where(column.in_(chunk))))
    return rows


def _hashes(conn: sa.Connection, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(list(dict.fromkeys(ids))):
        query = sa.select(ARTICLES.c.id, ARTICLES.c.text_hash).where(ARTICLES.c.id.in_(chunk))
        found.update((row.id, row.text_hash) for row in conn.execute(query))
    return found


def _removed(conn: sa.Connection, ids: Sequence[str] | None) -> dict[str, tuple[Removal, ...]]:
    query = sa.select(REMOVED).order_by(REMOVED.c.article_id, REMOVED.c.position)
    rows: Iterable[sa.Row[Any]]
    if ids is None:
        rows = conn.execute(query)
    else:
        rows = [
            r
            for chunk in _chunks(ids)
            for r in conn.execute(query.where(REMOVED.c.article_id.in_(chunk)))
        ]
    found: dict[str, list[Removal]] = {}
    for row in rows:
        found.setdefault(row.article_id, []).append(Removal(text=row.text, reason=row.reason))
    return {key: tuple(value) for key, value in found.items()}


def _origins(conn: sa.Connection, ids: Sequence[str] | None) -> dict[str, str]:
    query = sa.select(ARTICLES.c.id, ARTICLES.c.origin)
    if ids is None:
        return {row.id: row.origin for row in conn.execute(query)}
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        found.update((r.id, r.origin) for r in conn.execute(query.where(ARTICLES.c.id.in_(chunk))))
    return found


def _sources(conn: sa.Connection) -> dict[str, str | None]:
    found: dict[str, str | None] = {
        row.id: row.source for row in conn.execute(sa.select(ARTICLES.c.id, ARTICLES.c.source))
    }
    query = sa.select(PREPARED.c.article_id, PREPARED.c.source)
    found.update((row.article_id, row.source) for row in conn.execute(query))
    return found


def _raw_row(article: Article, *, digest: str, now: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "text_hash": digest,
        "origin": article.origin,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "byline": article.byline,
        "wire": article.wire,
        "text": article.text,
        "removed": json.dumps([[r.text, r.reason] for r in article.removed], ensure_ascii=False),
        "ingested_at": now,
    }


def _raw_article(row: sa.Row[Any]) -> Article:
    return Article(
        id=row.id,
        text=row.text,
        origin=row.origin,
        source=row.source,
        url=row.url,
        title=row.title,
        published=row.published,
        byline=row.byline,
        wire=row.wire,
        removed=tuple(Removal(text=t, reason=r) for t, r in json.loads(row.removed)),
    )


def _prepared_row(
    article: Article, annotation: Annotation, *, digest: str, now: str
) -> dict[str, Any]:
    encoded = {
        "sentences": [list(sentence) for sentence in annotation.sentences],
        "entities": [[e.start, e.end, e.label, e.text] for e in annotation.entities],
    }
    return {
        "article_id": article.id,
        "text_hash": digest,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "byline": article.byline,
        "wire": article.wire,
        "text": article.text,
        "words": annotation.words,
        "annotation": json.dumps(encoded, ensure_ascii=False),
        "prepared_at": now,
    }


def _prepared_article(row: sa.Row[Any], removed: tuple[Removal, ...], origin: str) -> Article:
    return Article(
        id=row.article_id,
        text=row.text,
        origin=origin,
        source=row.source,
        url=row.url,
        title=row.title,
        published=row.published,
        byline=row.byline,
        wire=row.wire,
        removed=removed,
    )


def _annotation(article_id: str, data: str, words: int) -> Annotation:
    decoded = json.loads(data)
    return Annotation(
        article_id=article_id,
        sentences=tuple((int(s), int(e)) for s, e in decoded["sentences"]),
        entities=tuple(
            EntityMention(start=s, end=e, label=label, text=text)
            for s, e, label, text in decoded["entities"]
        ),
        words=words,
    )


def _story_row(
    story: dict[str, Any], position: int, sources: dict[str, str | None]
) -> dict[str, Any]:
    article_ids = [str(i) for i in story.get("article_ids", [])]
    outlets = sorted({s for i in article_ids if (s := sources.get(i))})
    groups = story.get("source_groups") or []
    contested = sum(1 for fact in story.get("facts") or [] if fact.get("status") == "contested")
    return {
        "id": story["id"],
        "position": position,
        "title": story.get("title"),
        "start_date": story.get("start"),
        "end_date": story.get("end"),
        "article_count": len(article_ids),
        "source_group_count": len(groups) if groups else None,
        "outlets": json.dumps(outlets, ensure_ascii=False),
        "contested_count": contested,
        "data": json.dumps(story, ensure_ascii=False),
    }


def _insert_parts(conn: sa.Connection, story: dict[str, Any]) -> None:
    story_id = story["id"]
    article_ids = list(dict.fromkeys(str(i) for i in story.get("article_ids", [])))
    if article_ids:
        conn.execute(
            STORY_ARTICLES.insert(), [{"story_id": story_id, "article_id": i} for i in article_ids]
        )
    pairs = {(str(p.get("a")), str(p.get("b"))): p for p in story.get("reuse") or []}
    if pairs:
        conn.execute(
            REUSE.insert(),
            [
                {
                    "story_id": story_id,
                    "a": a,
                    "b": b,
                    "kind": pair.get("kind"),
                    "origin": pair.get("origin"),
                    "data": json.dumps(pair, ensure_ascii=False),
                }
                for (a, b), pair in pairs.items()
            ],
        )
    for name, table in PART_TABLES.items():
        items = story.get(name) or []
        if not items:
            continue
        conn.execute(
            table.insert(),
            [
                {
                    "story_id": story_id,
                    "position": position,
                    "item_id": _text_or_none(item.get("id")),
                    "article_id": _text_or_none(item.get("article_id")),
                    "kind": _text_or_none(item.get(PART_KIND_FIELD[name])),
                    "data": json.dumps(item, ensure_ascii=False),
                }
                for position, item in enumerate(items)
            ],
        )


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)
