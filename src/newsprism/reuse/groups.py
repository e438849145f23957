"""Independent source groups: articles that share text, or come from one outlet, count once.

Two articles fall in one group when a reuse pair joins them (duplicate, copy, rewrite, or
partial reuse that is substantial) or when they have the same outlet; groups are the connected
components of those links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import Article
from .records import ReusePair, SourceGroup


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def joins(pair: ReusePair) -> bool:
    """Whether this reuse pair makes its two articles one source."""
    return pair.kind != "partial" or pair.substantial


def reuse_components(ids: Sequence[str], pairs: Iterable[ReusePair]) -> list[tuple[str, ...]]:
    """Groups of article ids joined by reuse alone (outlets ignored), each sorted, in id order."""
    uf = _UnionFind(ids)
    for pair in pairs:
        if joins(pair) and pair.a in uf.parent and pair.b in uf.parent:
            uf.union(pair.a, pair.b)
    return _components(uf, ids)


def source_groups(articles: Sequence[Article], pairs: Iterable[ReusePair]) -> list[SourceGroup]:
    """Independent source groups of ``articles``: reuse links plus same-outlet links.

    Ids are ``g1``, ``g2``... in the order of each group's smallest article id; article ids in a
    group are sorted. An article without a known outlet is its own outlet.
    """
    ids = [article.id for article in articles]
    uf = _UnionFind(ids)
    for pair in pairs:
        if joins(pair) and pair.a in uf.parent and pair.b in uf.parent:
            uf.union(pair.a, pair.b)
    first_of_outlet: dict[str, str] = {}
    for article in articles:
        outlet = _outlet(article.source)
        if outlet:
            uf.union(first_of_outlet.setdefault(outlet, article.id), article.id)
    return [
        SourceGroup(id=f"g{n}", article_ids=members)
        for n, members in enumerate(_components(uf, ids), start=1)
    ]


def _components(uf: _UnionFind, ids: Sequence[str]) -> list[tuple[str, ...]]:
    members: dict[str, list[str]] = {}
    for item in dict.fromkeys(ids):
        members.setdefault(uf.find(item), []).append(item)
    return sorted((tuple(sorted(group)) for group in members.values()), key=lambda g: g[0])


def _outlet(source: str | None) -> str:
    """A comparable outlet name: lowercase, without a leading ``www.`` and a port."""
    if not source:
        return ""
    outlet = source.strip().lower()
    outlet = outlet.removeprefix("www.")
    host, _, port = outlet.rpartition(":")
    return host if host and port.isdigit() else outlet
