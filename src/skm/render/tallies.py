"""The tallies table of ``skm score --format tallies`` as bytes: CSV (UTF-8) or Parquet.

Its columns are the group columns, then ``question``, ``answer``, ``count``; ``skm score`` reads it
back (:mod:`skm.readers.tallies`) and pools several exactly.
"""

from __future__ import annotations

import csv
import io

from skm.core.tallies import TALLY_COLUMNS, TallySet
from skm.render.safe import neutralise_formula

__all__ = ["tallies_bytes"]


def tallies_bytes(tallies: TallySet, suffix: str) -> bytes:
    """The tallies table as CSV (UTF-8) or, for a Parquet suffix, Parquet bytes."""
    header = [*tallies.group_by, *TALLY_COLUMNS]
    records = [[*g, q, a, n] for g, q, a, n in tallies.rows()]
    if suffix.lower() in (".parquet", ".pq"):  # as the readers take Parquet
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415

        arrays = {name: [r[i] for r in records] for i, name in enumerate(header)}
        types = {name: pa.string() for name in tallies.group_by} | {
            "question": pa.string(),
            "answer": pa.int64(),
            "count": pa.int64(),
        }
        table = pa.table({name: pa.array(arrays[name], type=types[name]) for name in header})
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        return bytes(sink.getvalue().to_pybytes())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for record in records:
        writer.writerow([neutralise_formula("" if v is None else v) for v in record])
    return buffer.getvalue().encode("utf-8")
