"""Readers: files (or DataFrames) in, a canonical :class:`Responses` table plus issues out."""

from skm.errors import InvalidPolicy
from skm.readers.responses import ColumnInfo, Responses, SkippedRow
from skm.readers.table import read_responses, responses_from_frame

__all__ = [
    "ColumnInfo",
    "InvalidPolicy",
    "Responses",
    "SkippedRow",
    "read_responses",
    "responses_from_frame",
]
