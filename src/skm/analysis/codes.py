"""One factorisation per text column, shared by every consumer after the read.

``skm report`` and ``skm stats`` look at the same profile columns several times: the duplicate check
normalises them, the repeated-suggestion check counts them, the groups by service label them, the
report counts each column's distinct values. Each of these used to hash the million cells of the
column again (``pd.factorize``); :func:`factorized` hashes a column once and keeps its codes while
the column's storage lives, so every later consumer works on integer codes and the few distinct
values.

Only columns stored in Arrow (the engine reader's ``str`` columns) are kept: their storage is one
object whose identity says the values are the same. Any other column is factorised on each call,
as before.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = ["factorized", "factorized_with_missing", "warm"]

# id(extension array) → (weak reference to it, its Arrow storage, codes, uniques)
_CACHE: dict[int, tuple[weakref.ref[Any], object, npt.NDArray[np.signedinteger[Any]], list[object]]] = {}


def factorized(series: pd.Series[Any]) -> tuple[npt.NDArray[np.signedinteger[Any]], list[object]]:
    """``pd.factorize(series, sort=False)`` as ``(codes, uniques.tolist())``: each distinct value
    numbered as it first appears, -1 for a missing value. The codes are read-only and shared."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    array = series.array
    storage = getattr(array, "_pa_array", None)
    key = id(array)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is array and hit[1] is storage:
        return hit[2], hit[3]
    encoded = _arrow_text_codes(storage)
    if encoded is not None:
        codes, uniques = encoded
    else:
        raw, found = pd.factorize(series, sort=False)
        # kept while the column lives: four bytes a row (half of pandas' codes) when the values are fewer than 2³¹
        codes = raw.astype(np.int32) if len(found) < 2**31 - 1 else np.asarray(raw, dtype=np.intp)
        uniques = found.tolist()
    codes.flags.writeable = False
    if storage is not None:  # Arrow storage: replaced, never changed in place, when the column is set
        try:
            ref = weakref.ref(array, lambda _: _CACHE.pop(key, None))
        except TypeError:  # pragma: no cover - every pandas extension array takes weak references
            return codes, uniques
        _CACHE[key] = (ref, storage, codes, uniques)
    return codes, uniques


def warm(columns: Iterable[pd.Series[Any]]) -> None:
    """Factorise now (:func:`factorized`) those of ``columns`` stored in Arrow, so that their later
    consumers find the codes kept; the other columns are left alone (nothing would be kept for them).
    Arrow's hashing releases the GIL: a thread can do this while the caller computes something else."""
    for series in columns:
        if getattr(series.array, "_pa_array", None) is not None:
            factorized(series)


def _arrow_text_codes(storage: object) -> tuple[npt.NDArray[np.int32], list[object]] | None:
    """What ``pd.factorize`` computes for Arrow text (its dictionary encoding, missing values masked),
    without its copies: the indices kept as Arrow's four-byte integers, the dictionary as Python
    strings. ``None`` unless ``storage`` is a chunked array of (large) strings."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    if not (
        isinstance(storage, pa.ChunkedArray)
        and (pa.types.is_string(storage.type) or pa.types.is_large_string(storage.type))
        and len(storage)
    ):
        return None
    combined = storage.dictionary_encode(null_encoding="mask").combine_chunks()
    indices = combined.indices
    if indices.null_count:
        indices = indices.fill_null(-1)
    codes = np.asarray(indices.to_numpy(zero_copy_only=False), dtype=np.int32)
    return codes, combined.dictionary.to_pylist()


def factorized_with_missing(series: pd.Series[Any]) -> tuple[npt.NDArray[np.signedinteger[Any]], list[object]]:
    """``pd.factorize(series, sort=False, use_na_sentinel=False)`` as ``(codes, uniques.tolist())``
    for a column of a pandas string dtype: a missing value is one more distinct value (the dtype's
    ``na_value``), numbered where it first appears; from :func:`factorized`'s shared codes."""
    import numpy as np  # noqa: PLC0415

    codes, uniques = factorized(series)
    missing = np.flatnonzero(codes < 0)
    if not missing.size:
        return codes, uniques
    first = int(missing[0])
    before = codes[:first]
    at = int(before.max()) + 1 if before.size else 0  # distinct values seen before the first missing one
    out = codes.copy()
    out[codes >= at] += 1
    out[missing] = at
    out.flags.writeable = False
    missing_value = getattr(series.dtype, "na_value", float("nan"))  # what pd.factorize puts in its place
    return out, [*uniques[:at], missing_value, *uniques[at:]]
