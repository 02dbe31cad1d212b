"""Recognise which header names which question of the instrument.

Three kinds of header are recognised, in this order:

* a code: ``U1``, ``u 1``, ``U-01``, ``Unsur 1``, ``P1``, ``Q1`` names element 1 of the
  instrument's list. Bare ``U8``/``U9`` are positional (the regulation's list order: U8 =
  complaint handling, U9 = facilities) and the output says so;
* text: the question as a Google Form asks it ("8. Bagaimana pendapat Saudara tentang kualitas
  sarana dan prasarana?"), the element's name ("Waktu Penyelesaian") or a paraphrase
  ("Kecepatan pelayanan", "Staff competence"), recognised by the element's keywords. A number
  before the text is the questionnaire's numbering, not the element code, and is ignored
  (the example questionnaire asks Sarana 8th and Pengaduan 9th);
* answers (done by the table builder): a column whose answers carry one element's labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from skm.core.instrument import PERMENPAN_14_2017, Instrument

__all__ = [
    "HEADER_SEARCH_ROWS",
    "PROFILE_ALIASES",
    "ColumnMatch",
    "find_header",
    "is_summary_label",
    "match_header",
    "match_profile",
    "match_text",
    "normalise_header",
]

_CODE = re.compile(r"^(?:u|unsur|q|p)\s*[-_.]?\s*0*(\d{1,2})$")
_LEADING_NUMBER = re.compile(r"^(?:(?:u|unsur|q|p|no)\s*[-_.]?\s*)?\(?\d{1,2}\s*[.):\-]*\s+")
_CODE_PREFIX = re.compile(r"^((?:u|unsur|q|p)\s*[-_.]?\s*\d{1,2})\b")
_SUBQUESTION = re.compile(r"\s*\[[a-z]*\d*\]$")
_BRACKET = re.compile(r"\[([^\]]+)\]")

# Reader-side vocabulary added to PermenPANRB 14/2017's own keywords, by element code. A keyword
# matches at the start of a word ("facilit" matches "facilities"). Weak keywords only count in
# question-like headers (four words or more) that do not name a profile attribute, so that
# "Cap waktu" or "Waktu kunjungan" are not taken for U3.
_EXTRA_KEYWORDS: dict[str, tuple[str, ...]] = {
    "U1": ("syarat", "requirement"),
    "U2": ("sistem", "kemudahan", "alur", "procedur"),
    "U3": ("kecepatan", "penyelesaian", "cepat", "speed", "timeliness", "ketepatan waktu"),
    "U4": ("kewajaran biaya", "pungutan", "fee", "cost", "price", "harga"),
    "U5": ("spesifikasi", "product"),
    "U6": ("kemampuan", "keahlian", "skill", "competen"),
    "U7": ("sopan", "ramah", "sikap", "attitude", "courtesy", "behavio"),
    "U8": ("keluhan", "complaint"),
    "U9": ("fasilitas", "facilit", "infrastruktur", "infrastructure"),
}
_WEAK_KEYWORDS = frozenset({"waktu", "time"})
_QUESTION_WORDS = 4


@dataclass(frozen=True)
class ColumnMatch:
    """A header recognised as a question: the question key, how, and the words that decided it."""

    key: str
    how: str  # "code", "text" or "labels"
    detail: str = ""


def normalise_header(value: object) -> str:
    """Header text folded for matching: lower case, single spaces, no surrounding punctuation."""
    text = str(value).replace("\u00a0", " ").strip().lower()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" :*")


def _code_match(text: str, instrument: Instrument) -> ColumnMatch | None:
    keys = instrument.question_keys
    if text in keys:
        return ColumnMatch(text, "code", text.upper())
    compact = text.replace(" ", "")
    if compact in keys:
        return ColumnMatch(compact, "code", compact.upper())
    for element in instrument.elements:
        if len(element.questions) == 1 and compact == element.code.lower().replace(" ", ""):
            return ColumnMatch(element.questions[0].key, "code", element.code)
    squashed = _squash(compact)
    by_squash: dict[str, list[str]] = {}
    for key in keys:
        by_squash.setdefault(_squash(key), []).append(key)
    # U1.a, U1-a, U1_A for the key u1a and U1_1, U1-1 for u1.1 ("U1.1" never becomes U11)
    if len(by_squash.get(squashed, [])) == 1:
        key = by_squash[squashed][0]
        return ColumnMatch(key, "code", key.upper())
    m = _CODE.match(text)
    if m:
        number = int(m.group(1))
        if 1 <= number <= len(instrument.elements):
            element = instrument.elements[number - 1]
            if len(element.questions) == 1:  # a bare number cannot pick one of several questions
                return ColumnMatch(element.questions[0].key, "code", element.code)
    return None


def code_beyond(header: object, instrument: Instrument) -> int | None:
    """The element number of a bare code header (``U12``, ``Unsur 10``) that the instrument does not
    have, else ``None``: a sign the file was made for an instrument with more elements."""
    m = _CODE.match(normalise_header(header))
    if m is None:
        return None
    number = int(m.group(1))
    return number if number > len(instrument.elements) else None


def _squash(text: str) -> str:
    """Drop separators, except that one between two digits becomes a dot."""
    text = re.sub(r"(?<=\d)[\s._\-]+(?=\d)", ".", text.strip())
    return re.sub(r"(?<!\d)[\s_\-.]+|[\s_\-.]+(?!\d)", "", text)


def _keyword_patterns(instrument: Instrument) -> list[tuple[str, str, re.Pattern[str]]]:
    out: list[tuple[str, str, re.Pattern[str]]] = []
    extra = _EXTRA_KEYWORDS if instrument.key == PERMENPAN_14_2017.key else {}
    for element in instrument.elements:
        if len(element.questions) != 1:  # words cannot pick one of several questions
            continue
        words = {w.lower() for w in element.keywords} | set(extra.get(element.code, ()))
        for word in sorted(words):
            out.append((element.questions[0].key, word, re.compile(rf"\b{re.escape(word)}")))
    return out


_CACHE: dict[Instrument, list[tuple[str, str, re.Pattern[str]]]] = {}


def match_text(header: object, instrument: Instrument) -> ColumnMatch | None:
    """The element a question-like header names by its words, or ``None`` (unknown or ambiguous)."""

    text = normalise_header(header)
    if not text:
        return None
    patterns = _CACHE.get(instrument)
    if patterns is None:
        patterns = _CACHE[instrument] = _keyword_patterns(instrument)
    candidates = [m.group(1) for m in _BRACKET.finditer(text)] + [text]
    for candidate in candidates:
        hits: dict[str, list[str]] = {}
        for key, word, pattern in patterns:
            if pattern.search(candidate):
                hits.setdefault(key, []).append(word)
        hits = {k: [w for w in ws if not any(o != w and o.startswith(w) for o in ws)] for k, ws in hits.items()}
        strong = {k: [w for w in ws if w not in _WEAK_KEYWORDS] for k, ws in hits.items()}
        strong = {k: ws for k, ws in strong.items() if ws}
        if not strong and hits:
            question_like = len(candidate.split()) >= _QUESTION_WORDS and match_profile(candidate) != "date"
            if not question_like:
                continue
            strong = hits
        if not strong:
            continue
        best = max(len(ws) for ws in strong.values())
        winners = [k for k, ws in strong.items() if len(ws) == best]
        if len(winners) == 1:
            return ColumnMatch(winners[0], "text", ", ".join(strong[winners[0]]))
        return None
    return None


def match_header(header: object, instrument: Instrument) -> ColumnMatch | None:
    """The question a header names (by code or by text), or ``None`` when it is not an element column."""
    text = normalise_header(header)
    if not text:
        return None
    # KoboToolbox paths ("penilaian/u1") and LimeSurvey sub-question codes ("U1[SQ001]") name codes too
    for candidate in dict.fromkeys([text, text.rsplit("/", 1)[-1], _SUBQUESTION.sub("", text)]):
        code = _code_match(candidate, instrument)
        if code is not None:
            return code
    # "U1. Persyaratan", "8. Bagaimana pendapat …": the words decide, the number is ignored
    rest = _LEADING_NUMBER.sub("", text)
    found = match_text(rest, instrument)
    if found is None and rest != text:
        prefix = _CODE_PREFIX.match(text)
        if prefix:
            return _code_match(prefix.group(1).strip(), instrument)
    return found


# --- respondent-profile columns -------------------------------------------------------


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


# first cell of a row of the processing template's summary block (Σ nilai/unsur, NRR/unsur …)
_SUMMARY = re.compile(
    r"^(?:σ|∑|jumlah|total|nrr|ikm|nilai|rata|rerata|indeks|mutu|kinerja|keterangan|konversi|bobot|"
    r"interval|sum|average|mean|weighted)\b",
    re.IGNORECASE,
)
_SUMMARY_MAX = 60


def is_summary_label(value: object) -> bool:
    """Whether a cell reads like the first label of a template's summary row (Σ, NRR, IKM …)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return len(text) <= _SUMMARY_MAX and bool(_SUMMARY.match(text))


# --- the header row -------------------------------------------------------------------

HEADER_SEARCH_ROWS = 50
_VERDICTS: dict[Instrument, dict[tuple[type, object], ColumnMatch | None]] = {}
_VERDICTS_MAX = 200_000


def _letters_only(instrument: Instrument) -> bool:
    """Whether every question key and element code holds a letter (then no number can name one)."""
    return all(any(ch.isalpha() for ch in k) for k in instrument.question_keys) and all(
        any(ch.isalpha() for ch in e.code) for e in instrument.elements
    )


def find_header(rows: Sequence[Sequence[object]], instrument: Instrument) -> tuple[int, dict[int, ColumnMatch]]:
    """The 0-based header row among the first :data:`HEADER_SEARCH_ROWS` (most element columns,
    earliest on ties) and its matches; ``(-1, {})`` when no row names an element.

    Cheap per file: each distinct cell is matched once (answer cells and a folder's repeated
    headers hit a cache of verdicts), numbers are never run through the matcher's regexes (no key
    of a built-in instrument is a number), and the search stops at a row of the widest width whose
    every cell names a question (no row can then map more).
    """
    search = rows[:HEADER_SEARCH_ROWS]
    widest = max((len(r) for r in search), default=0)
    skip_numbers = _letters_only(instrument)
    verdicts = _VERDICTS.setdefault(instrument, {})
    if len(verdicts) > _VERDICTS_MAX:
        verdicts.clear()
    best_row, best = -1, dict[int, ColumnMatch]()
    for r, row in enumerate(search):
        matches: dict[int, ColumnMatch] = {}
        for c, v in enumerate(row):
            kind = type(v)
            if skip_numbers and (kind is int or kind is float):
                continue
            try:
                key = (kind, v)
                hit = verdicts[key] if key in verdicts else verdicts.setdefault(key, match_header(v, instrument))
            except TypeError:  # an unhashable cell value
                hit = match_header(v, instrument)
            if hit is not None:
                matches[c] = hit
        if len(matches) > len(best):
            best_row, best = r, matches
            if len(best) == widest:
                break  # a row whose every cell names a question: no row can name more
    return best_row, best
