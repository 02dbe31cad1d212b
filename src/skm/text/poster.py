"""The poster's sentences (``skm poster``): :func:`pt` reads the ``poster-`` keys of
:mod:`skm.text.catalog.poster`."""

from __future__ import annotations

from skm.text import Lang, t

__all__ = ["pt"]


def pt(key: str, lang: Lang | str, /, **params: object) -> str:
    """The poster text for ``key`` in ``lang``."""
    return t(f"poster-{key}", lang, **params)
