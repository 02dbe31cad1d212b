"""Recognise respondent-profile columns by their usual names.

Canonical attribute names: ``date``, ``gender``, ``age``, ``education``, ``occupation``,
``service``, ``unit``, ``suggestion``, ``disability``. Readers record which frame column
holds each one in :attr:`Responses.profile`, so ``--by layanan`` or a report's profile
tables work whatever the spelling in the file.
"""

from __future__ import annotations

import re

from skm.readers.columns import normalise_header

__all__ = ["PROFILE_ALIASES", "match_profile"]

# canonical name → header patterns (matched against the folded header, whole words)
PROFILE_ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        r"cap waktu",
        r"timestamp",
        r"tanggal",
        r"tgl",
        r"date",
        r"created[_ ]?at",
        r"waktu survei",
        r"submitted",
        r"submission[_ ]?time",
        r"submit ?date",
    ),
    "gender": (r"jenis kelamin", r"jenkel", r"kelamin", r"gender", r"sex", r"l/p"),
    "age": (r"usia", r"umur", r"age"),
    "education": (r"pendidikan", r"pendidikan terakhir", r"education"),
    "occupation": (r"pekerjaan", r"pekerjaan utama", r"occupation", r"profesi", r"job"),
    "service": (r"jenis ?layanan", r"jenis pelayanan", r"jenispelayanan", r"layanan", r"pelayanan", r"service"),
    "unit": (r"unit", r"bagian", r"unit layanan", r"unit kerja", r"bidang", r"satker", r"opd"),
    "suggestion": (r"saran", r"masukan", r"kritik", r"suggestion", r"comment", r"komentar"),
    "disability": (r"disabilitas", r"difabel", r"disability"),
}

_COMPILED = {
    name: tuple(re.compile(rf"(?:^|\b){p}(?:\b|$)") for p in patterns) for name, patterns in PROFILE_ALIASES.items()
}


def match_profile(header: object) -> str | None:
    """The canonical profile attribute a header names, or ``None``.

    The earliest pattern position wins, so "Jenis layanan yang diterima" is a service and
    "Saran dan masukan untuk layanan" a suggestion.
    """
    text = normalise_header(header).replace("_", " ").strip()  # KoboToolbox names: jenis_kelamin
    if not text:
        return None
    best: tuple[int, str] | None = None
    for name, patterns in _COMPILED.items():
        for pattern in patterns:
            m = pattern.search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), name)
    return best[1] if best else None
