"""Wording of the engine, tallies files and ``skm sql`` (Indonesian, English), registered with :mod:`skm.text`."""

from __future__ import annotations

from skm.text import register

register(
    {
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
)
