"""Extraction: figures, quotes, entities, claims and dates found in annotated articles."""
