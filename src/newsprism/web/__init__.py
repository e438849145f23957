"""The web UI and JSON API over a store (``newsprism serve``) and the shared HTML templates."""
