"""The names of ``skm stats`` flags (their sentences are in :mod:`skm.text.catalog.stats`).

The prose built from the statistics lives in :mod:`skm.render.prose`, the JSON in
:mod:`skm.render.json` and the terminal tables in :mod:`skm.render.stats_console`.
"""

from __future__ import annotations

from skm.text import Lang, t

__all__ = ["flag_label"]


def flag_label(kind: str, lang: Lang | str = Lang.ID) -> str:
    """Human name of a flag kind."""
    return t(f"stats-flag-{kind}", lang)
