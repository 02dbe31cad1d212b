"""Messages of the engine for large files, tallies files and ``skm sql``.

Loaded by :mod:`skm.text` with the other catalogues; reached through :func:`skm.text.t`.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "tallies-no-period": (
        "berkas tallies sudah berupa agregat: --period dan --sheet tidak dapat dipakai; saring periode "
        "saat membuat tallies (skm score --period … --format tallies)",
        "a tallies file is already an aggregate: --period and --sheet do not apply; filter the period "
        "when making the tallies (skm score --period … --format tallies)",
    ),
    "tallies-unknown-group": (
        "--by '{column}' bukan kolom kelompok berkas tallies ini (yang ada: {columns}); buat tallies "
        "dengan --by {column}",
        "--by '{column}' is not a group column of these tallies (found: {columns}); make the tallies "
        "with --by {column}",
    ),
    "sql-bad-name": (
        "nama '{name}' tidak dapat dipakai sebagai nama tabel/kolom SQL (huruf, angka, _ dan . saja)",
        "'{name}' cannot be used as an SQL table/column name (letters, digits, _ and . only)",
    ),
}
