"""Exceptions raised by newsprism.

* NewsprismError          base class; the CLI shows its message and exits 1
  + InputError            an input (file, URL, record) cannot be read as an article
    + FetchError          a page or feed could not be downloaded
    + ParseError          a page, feed or record could not be parsed
  + ModelError            a language model or embedding artifact is missing or broken
  + StoreError            the database is missing, locked, or at an unknown schema version
  + SettingsError         a setting is missing or out of range
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class for every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """An input cannot be read as an article; the message names the input."""


class FetchError(InputError):
    """A page or feed could not be downloaded."""


class ParseError(InputError):
    """A page, feed or record could not be parsed."""


class ModelError(NewsprismError):
    """A language model or embedding artifact is missing or broken."""


class StoreError(NewsprismError):
    """The database is missing, unreadable, locked, or at an unknown schema version."""


class SettingsError(NewsprismError):
    """A setting is missing or out of range."""
