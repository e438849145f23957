"""The curated place list: countries, capitals, US states, large cities and world regions.

Reads ``data/places.tsv`` (shipped inside the package) into :class:`Place` values. The annotator
uses it to label these names as places (GPE or LOC) where the small English model mislabels or
misses them; later stages may use it to map a place to its country.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from .errors import ModelError

PLACES_FILE = "data/places.tsv"
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """One surface form of a place, as listed in ``data/places.tsv``.

    ``country`` is the country the place is or lies in, or None for regions and for ambiguous
    short forms ("Congo", "Korea"). ``person`` marks names that are also common surnames
    ("Jordan", "Lima"): the model's PERSON reading of such a name is kept.
    """

    name: str
    label: str
    kind: str
    country: str | None = None
    person: bool = False


@functools.cache
def load_places() -> tuple[Place, ...]:
    """All places in the packaged list, in file order (a name may appear more than once)."""
    try:
        text = resources.files("newsprism").joinpath(PLACES_FILE).read_text(encoding="utf-8")
    except OSError as err:
        raise ModelError(
            f"the place list {PLACES_FILE} is missing from the newsprism package; reinstall it"
        ) from err
    places: list[Place] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or fields[1] not in PLACE_LABELS:
            raise ModelError(f"{PLACES_FILE} line {number} is malformed: {line!r}")
        fields += [""] * (5 - len(fields))
        name, label, kind, country, flags = fields[:5]
        places.append(
            Place(
                name=name,
                label=label,
                kind=kind,
                country=country or None,
                person="person" in flags.split(","),
            )
        )
    return tuple(places)


@functools.cache
def places_by_name() -> Mapping[str, tuple[Place, ...]]:
    """The places indexed by their exact surface form ("Georgia" is a country and a US state)."""
    index: dict[str, list[Place]] = {}
    for place in load_places():
        index.setdefault(place.name, []).append(place)
    return MappingProxyType({name: tuple(found) for name, found in index.items()})
