"""Run the command-line interface: ``python -m newsprism``."""

from .cli import cli

cli()
