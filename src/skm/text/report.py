"""Report wording by its short key; the sentences are in :mod:`skm.text.catalog.report`.

Every report key is stored with the ``rpt-`` prefix so it cannot clash with another area's keys.
"""

from __future__ import annotations

from skm.text import Lang, t
from skm.text.catalog.report import PREFIX

__all__ = ["tr"]


def tr(key: str, lang: Lang | str, /, **params: object) -> str:
    """The report text for ``key`` in ``lang``."""
    return t(PREFIX + key, lang, **params)
