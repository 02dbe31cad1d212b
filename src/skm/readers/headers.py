"""Recognise which header names which question of the instrument.

Headers are recognised in two steps:

* a **code** decides alone: ``U1``, ``u 1``, ``U-01``, ``Unsur 1``, ``P1``, ``Q1`` names element 1
  of the instrument's list, ``U8a``/``U1.2`` a sub-question. Bare ``U8``/``U9`` are positional (the
  regulation's list order: U8 = complaint handling, U9 = facilities) and the output says so;
* otherwise every question of the instrument is **scored** against the header
  (:func:`header_candidates`): the similarity of the header to the question's own wording
  (case, spaces, punctuation, the questionnaire's numbering "1.", "U1 -", "P1)" and small typos
  in long words ignored), the words and phrases units use for each element (:data:`VOCABULARY`,
  one table) and the element's keywords. The table builder adds what the answers say (labels,
  scale answers) and assigns columns to questions so that each question gets its best distinct
  column (:mod:`skm.readers.assign`).

Everything here is computed once per distinct header text and instrument (cached): the header
row search calls :func:`match_header` on every cell of the first rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.readers.files import is_blank

__all__ = [
    "MIN_SCORE",
    "POINTS",
    "PROFILE_ALIASES",
    "STRONG",
    "VOCABULARY",
    "WEAK",
    "WORD",
    "Candidate",
    "ColumnMatch",
    "Reason",
    "code_match",
    "element_name",
    "header_candidates",
    "header_texts",
    "is_profile_header",
    "is_summary_label",
    "label_check",
    "match_header",
    "match_profile",
    "match_text",
    "names_question",
    "normalise_header",
    "numbering_code",
    "unique_names",
]

_CODE = re.compile(r"^(?:u|unsur|q|p)\s*[-_.]?\s*0*(\d{1,2})$")
_CODE_PREFIX = re.compile(r"^((?:u|unsur|q|p)\s*[-_.]?\s*\d{1,2}[a-z]?)\b")
_SUBQUESTION = re.compile(r"\s*\[[a-z]*\d*\]$")
_BRACKET = re.compile(r"\[([^\]]+)\]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
# the questionnaire's own numbering before the wording: "1.", "U1 -", "P1)", "No. 3", "Unsur 2:", "1a."
_NUMBERING = re.compile(r"^(?:(?:u|unsur|q|p|no|nomor|pertanyaan)\s*[-_.]?\s*)?\(?\d{1,2}[a-z]?\s*[.):\-]*\s+")

# --- the words units use -----------------------------------------------------------------

STRONG, WORD, WEAK = "strong", "word", "weak"
"""Kinds of entry: a phrase or word that names one element only, an element word, and a weak word
("waktu", "saran") that only counts in a question (a header of four words or more that names no
date or suggestion, or a column whose answers are all scale answers)."""
POINTS = {STRONG: 3.0, WORD: 2.0, WEAK: 2.0}

# ONE table: (word or phrase, element code of PermenPANRB 14/2017, weight). A word matches at the
# start of a header word ("facilit" matches "facilities"), and with a letter or two off in long
# words ("kesusaian"); a phrase matches consecutive words and hides the single words it covers.
# Sources: the regulation's example questionnaire, units' own forms (Google Forms exports, the
# e-SIKAT/SPKP forms of courts: "Jangka waktu penyelesaian", "Prosedur/Alur pelayanan", "Sarana
# prasarana pendukung", "Layanan konsultasi dan pengaduan"), English translations.
VOCABULARY: tuple[tuple[str, str, str], ...] = (
    # U1 Persyaratan
    ("persyaratan", "U1", WORD),
    ("syarat", "U1", WORD),
    ("requirement", "U1", WORD),
    ("kelengkapan berkas", "U1", STRONG),
    ("dokumen persyaratan", "U1", STRONG),
    # U2 Sistem, mekanisme, dan prosedur
    ("prosedur", "U2", WORD),
    ("procedur", "U2", WORD),
    ("mekanisme", "U2", WORD),
    ("sistem", "U2", WORD),
    ("alur", "U2", WORD),
    ("kemudahan", "U2", WORD),
    ("tata cara", "U2", STRONG),
    ("alur pelayanan", "U2", STRONG),
    # U3 Waktu penyelesaian
    ("waktu", "U3", WEAK),
    ("time", "U3", WEAK),
    ("kecepatan", "U3", WORD),
    ("penyelesaian", "U3", WORD),
    ("cepat", "U3", WORD),
    ("speed", "U3", WORD),
    ("timeliness", "U3", WORD),
    ("ketepatan waktu", "U3", STRONG),
    ("jangka waktu", "U3", STRONG),
    ("waktu penyelesaian", "U3", STRONG),
    ("lama proses", "U3", STRONG),
    ("tepat waktu", "U3", STRONG),
    ("dengan cepat", "U3", STRONG),
    ("jadwal", "U3", WORD),
    # U4 Biaya/tarif
    ("biaya", "U4", WORD),
    ("tarif", "U4", WORD),
    ("pungutan", "U4", WORD),
    ("pungli", "U4", WORD),
    ("gratis", "U4", WORD),
    ("harga", "U4", WORD),
    ("cost", "U4", WORD),
    ("fee", "U4", WORD),
    ("price", "U4", WORD),
    ("imbalan", "U4", STRONG),
    ("kewajaran biaya", "U4", STRONG),
    ("tanpa biaya", "U4", STRONG),
    # U5 Produk spesifikasi jenis pelayanan
    ("produk", "U5", STRONG),
    ("product", "U5", STRONG),
    ("spesifikasi", "U5", WORD),
    ("hasil pelayanan", "U5", STRONG),
    ("hasil layanan", "U5", STRONG),
    ("kesesuaian hasil", "U5", STRONG),
    ("produk layanan", "U5", STRONG),
    # U6 Kompetensi pelaksana
    ("kompetensi", "U6", WORD),
    ("kompeten", "U6", WORD),
    ("competen", "U6", WORD),
    ("kemampuan", "U6", WORD),
    ("cakap", "U6", WORD),
    ("kecakapan", "U6", WORD),
    ("terampil", "U6", WORD),
    ("keterampilan", "U6", WORD),
    ("keahlian", "U6", WORD),
    ("skill", "U6", WORD),
    ("pengetahuan petugas", "U6", STRONG),
    # U7 Perilaku pelaksana
    ("perilaku", "U7", WORD),
    ("kesopanan", "U7", WORD),
    ("sopan", "U7", WORD),
    ("keramahan", "U7", WORD),
    ("ramah", "U7", WORD),
    ("santun", "U7", WORD),
    ("kesantunan", "U7", WORD),
    ("sikap", "U7", WORD),
    ("attitude", "U7", WORD),
    ("courtesy", "U7", WORD),
    ("behavio", "U7", WORD),
    # U8 Penanganan pengaduan, saran dan masukan
    ("pengaduan", "U8", WORD),
    ("aduan", "U8", WORD),
    ("keluhan", "U8", WORD),
    ("complaint", "U8", WORD),
    ("saran", "U8", WEAK),
    ("masukan", "U8", WEAK),
    ("penanganan pengaduan", "U8", STRONG),
    ("layanan pengaduan", "U8", STRONG),
    # U9 Sarana dan prasarana
    ("sarana", "U9", WORD),
    ("prasarana", "U9", WORD),
    ("fasilitas", "U9", WORD),
    ("facilit", "U9", WORD),
    ("infrastruktur", "U9", WORD),
    ("infrastructure", "U9", WORD),
    ("ruang tunggu", "U9", STRONG),
    ("tempat parkir", "U9", STRONG),
    ("kenyamanan", "U9", WORD),
)

MIN_SCORE = 2.0
"""A question is a candidate for a column from this score on (one element word)."""
_QUESTION_WORDS = 4
_TEXT_POINTS = 12.0  # a header equal to the question's wording
_TEXT_MIN = 0.6  # below this similarity the wording does not count
# words every questionnaire repeats: they weigh little in the similarity of wordings
_COMMON = frozenset(
    {
        *("bagaimana", "pendapat", "saudara", "anda", "bapak", "ibu", "tentang", "menurut", "apakah"),
        *("di", "dan", "yang", "dengan", "dalam", "ini", "untuk", "ke", "pada", "dari", "atau"),
        *("the", "of", "and", "in", "to", "a", "how", "was", "were", "is", "are", "your", "you"),
    }
)


@dataclass(frozen=True)
class ColumnMatch:
    """A header recognised as a question: the question key, how, and the words that decided it."""

    key: str
    how: str  # "code", "text", "labels" or "map"
    detail: str = ""


@dataclass(frozen=True)
class Reason:
    """One piece of evidence for a candidate: ``kind`` (a message key suffix) and its words."""

    kind: str  # "text", "phrase", "word", "weak", "labels", "scale", "free-text"
    detail: str
    points: float


@dataclass(frozen=True)
class Candidate:
    """A question a column may hold, its score and the evidence behind it."""

    key: str
    score: float
    reasons: tuple[Reason, ...]

    @property
    def detail(self) -> str:
        """The words that decided it (for ``skm check``'s short "why")."""
        return ", ".join(r.detail for r in self.reasons if r.kind in {"phrase", "word", "weak"}) or next(
            (r.detail for r in self.reasons), ""
        )


def normalise_header(value: object) -> str:
    """Header text folded for matching: lower case, single spaces, no surrounding punctuation."""
    text = str(value).replace("\u00a0", " ").strip().lower()
    text = " ".join(text.split())
    return text.strip(" :*")


def _words(text: str) -> tuple[str, ...]:
    """The header's words without its numbering ("1.", "U1 -", "P1)") or punctuation."""
    return tuple(_NON_WORD.sub(" ", _NUMBERING.sub("", text)).split())


# --- codes ---------------------------------------------------------------------------------------


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
    keys_by_squash = _squashed_keys(instrument)
    # U1.a, U1-a, U1_A for the key u1a and U1_1, U1-1 for u1.1 ("U1.1" never becomes U11)
    if len(keys_by_squash.get(squashed, ())) == 1:
        key = keys_by_squash[squashed][0]
        return ColumnMatch(key, "code", key.upper())
    m = _CODE.match(text)
    if m:
        number = int(m.group(1))
        if 1 <= number <= len(instrument.elements):
            element = instrument.elements[number - 1]
            if len(element.questions) == 1:  # a bare number cannot pick one of several questions
                return ColumnMatch(element.questions[0].key, "code", element.code)
    return None


def _squashed_keys(instrument: Instrument) -> dict[str, tuple[str, ...]]:
    return _index(instrument).squashed


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


def code_match(header: object, instrument: Instrument) -> ColumnMatch | None:
    """The question a header names by its code (``U1``, ``Unsur 1``, ``U8a``, ``penilaian/u1``,
    ``U1[SQ001]``), or ``None``."""
    if not isinstance(header, str):
        return None
    text = normalise_header(header)
    cache = _index(instrument).code_cache
    if text not in cache:
        if len(cache) > 20_000:  # hostile files: bounded memory
            cache.clear()
        cache[text] = _code_of(text, instrument)
    return cache[text]


def _code_of(text: str, instrument: Instrument) -> ColumnMatch | None:
    if not text:
        return None
    # KoboToolbox paths ("penilaian/u1") and LimeSurvey sub-question codes ("U1[SQ001]") name codes too
    for candidate in dict.fromkeys([text, text.rsplit("/", 1)[-1], _SUBQUESTION.sub("", text)]):
        code = _code_match(candidate, instrument)
        if code is not None:
            return code
    return None


# --- typo-tolerant word matching ---------------------------------------------------------


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance (insert, delete, substitute, swap two neighbours), stopping past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _typo_limit(a: str, b: str) -> int:
    """Letters that may be off between two long words: one from 7 letters, two from 9."""
    shorter = min(len(a), len(b))
    return 2 if shorter >= 9 else 1 if shorter >= 7 else 0


def word_matches(token: str, word: str) -> int:
    """How a header word matches a known word: 3 equal, 2 starts with it, 1 a typo, 0 not at all."""
    if token == word:
        return 3
    if len(word) >= 4 and token.startswith(word):  # "facilit" → "facilities", "biaya" → "biayanya"
        return 2
    limit = _typo_limit(token, word)
    if limit and token[0] == word[0] and _distance(token, word, limit) <= limit:
        return 1
    return 0


# --- scoring a header against every question ---------------------------------------------


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    keys: tuple[str, ...]
    weight: str  # STRONG, WORD or WEAK
    text: str


class _Index:
    """One instrument's vocabulary and question wordings, with caches per header word and text."""

    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        reference = [(" ".join(_words(e.name.lower())), e.code) for e in PERMENPAN_14_2017.elements]
        entries: dict[tuple[str, tuple[str, ...]], _Entry] = {}
        for element in instrument.elements:
            keys = tuple(q.key for q in element.questions)
            # an element named like one of the regulation's ("Perilaku Pelaksana (kesopanan …)") gets its words
            name = " ".join(_words(element.name.lower()))
            code = next((c for n, c in reference if name == n or name.startswith(n + " ")), None)
            found: list[tuple[str, str]] = []
            if code is not None:  # the table's weights win over the element's own keywords
                found += [(text, weight) for text, element_code, weight in VOCABULARY if element_code == code]
            else:
                found.append((element.name, STRONG))
            listed = {text for text, _ in found}
            found += [(w, WORD) for w in element.keywords if w.lower() not in listed]
            for text, weight in found:
                words = tuple(_NON_WORD.sub(" ", text.lower()).split())
                if not words:
                    continue
                old = entries.get((element.code, words))
                if old is None or POINTS[old.weight] < POINTS[weight]:
                    entries[(element.code, words)] = _Entry(words, keys, weight, text.lower())
        self.entries = list(entries.values())
        self.phrases = [e for e in self.entries if len(e.words) > 1]
        self.singles: dict[str, list[_Entry]] = {}
        for entry in self.entries:
            if len(entry.words) == 1:
                self.singles.setdefault(entry.words[0], []).append(entry)
        self.questions = [(q.key, _words(q.text.lower())) for e in instrument.elements for q in e.questions]
        df: dict[str, int] = {}
        for _, words in self.questions:
            for w in set(words):
                df[w] = df.get(w, 0) + 1
        # a word in more than half the questions (of four or more) tells them apart hardly at all
        many = len(self.questions) / 2 if len(self.questions) >= 4 else len(self.questions) + 1
        self.weights = {w: 0.2 if w in _COMMON or n > many else 1.0 for w, n in df.items()}
        self.known = sorted({w for e in self.entries for w in e.words} | set(df))
        self.token_cache: dict[str, tuple[tuple[str, int], ...]] = {}
        self.raw_cache: dict[str, dict[str, list[Reason]]] = {}
        self.code_cache: dict[str, ColumnMatch | None] = {}
        self.match_cache: dict[str, ColumnMatch | None] = {}
        squashed: dict[str, list[str]] = {}
        for key in instrument.question_keys:
            squashed.setdefault(_squash(key), []).append(key)
        self.squashed = {k: tuple(v) for k, v in squashed.items()}

    def token(self, token: str) -> dict[str, int]:
        """The known words a header word matches, with how well (see :func:`word_matches`)."""
        hit = self.token_cache.get(token)
        if hit is None:
            if len(self.token_cache) > 50_000:  # hostile files: bounded memory
                self.token_cache.clear()
            hit = self.token_cache[token] = tuple(
                (w, q) for w in self.known if token[0] == w[0] and (q := word_matches(token, w))
            )
        return dict(hit)


_INDEXES: dict[int, _Index] = {}


def _index(instrument: Instrument) -> _Index:
    index = _INDEXES.get(id(instrument))
    if index is None or index.instrument is not instrument:
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        index = _INDEXES[id(instrument)] = _Index(instrument)
    return index


def _evidence(words: tuple[str, ...], index: _Index) -> dict[str, list[Reason]]:
    """Every question's evidence in a header's words: wording similarity, phrases, words."""
    if not words:
        return {}
    matched = [index.token(w) for w in words]
    if not any(matched):  # no known word: names, dates, answers, free text
        return {}
    found: dict[str, list[Reason]] = {}
    used = [False] * len(words)
    hits: list[tuple[_Entry, int]] = []
    for entry in index.phrases:  # phrases first: they hide the words they cover
        n = len(entry.words)
        for i in range(len(words) - n + 1):
            if all(matched[i + j].get(entry.words[j], 0) >= 2 for j in range(n)):  # a phrase: no typos
                hits.append((entry, i))
                for j in range(n):
                    used[i + j] = True
                break
    singles = index.singles
    for i, m in enumerate(matched):
        if used[i]:
            continue
        options = [(q, len(w), w) for w, q in m.items() if w in singles]
        if not options:
            continue
        best = max(options)
        hits.extend((entry, i) for entry in singles[best[2]])
    seen: set[tuple[str, str]] = set()
    for entry, _ in hits:
        kind = "weak" if entry.weight == WEAK else "phrase" if len(entry.words) > 1 else "word"
        for key in entry.keys:
            if (key, entry.text) in seen:
                continue
            seen.add((key, entry.text))
            found.setdefault(key, []).append(Reason(kind, entry.text, POINTS[entry.weight]))
    # the question's own wording
    weights = index.weights
    header_weight: dict[str, tuple[float, set[str]]] = {}
    for w, m in zip(words, matched, strict=True):
        if w in header_weight:
            continue
        known = {k for k in m if k in weights}
        weight = max((weights[k] for k in known), default=0.2 if w in _COMMON else 1.0)
        header_weight[w] = (weight, known)
    total_h = sum(w for w, _ in header_weight.values())
    for key, q_words in index.questions:
        q_set = set(q_words)
        if not q_set:
            continue
        total_q = sum(weights[w] for w in q_set)
        covered = set().union(*(known & q_set for _, known in header_weight.values()))
        matched_q = sum(weights[w] for w in covered)
        matched_h = sum(w for w, known in header_weight.values() if known & q_set)
        similarity = (matched_q + matched_h) / (total_q + total_h)
        if similarity >= _TEXT_MIN:
            found.setdefault(key, []).insert(
                0, Reason("text", f"{round(similarity * 100)}%", round(_TEXT_POINTS * similarity, 1))
            )
    return found


def _raw(text: str, index: _Index) -> dict[str, list[Reason]]:
    hit = index.raw_cache.get(text)
    if hit is None:
        hit = {}
        # a Google Forms grid names the element in brackets: "Penilaian [Kecepatan pelayanan]"
        for part in [m.group(1) for m in _BRACKET.finditer(text)] + [text]:
            hit = _evidence(_words(part), index)
            if any(sum(r.points for r in rs if r.kind != "weak") >= MIN_SCORE for rs in hit.values()):
                break
        if len(index.raw_cache) > 20_000:
            index.raw_cache.clear()
        index.raw_cache[text] = hit
    return hit


def question_like(header: object) -> bool:
    """Whether a header reads like a question (four words or more, not a date or suggestion header)."""
    text = normalise_header(header)
    return len(text.split()) >= _QUESTION_WORDS and match_profile(text) not in {"date", "suggestion"}


def header_candidates(header: object, instrument: Instrument, *, question: bool | None = None) -> list[Candidate]:
    """Every question the header's words point to, best first (score, then instrument order).

    Weak words ("waktu", "saran") count only when the column reads as a question: ``question``
    (the builder passes ``True`` when every answer is a scale answer), else a header of four
    words or more that does not name a date or a suggestion.
    """
    if not isinstance(header, str):
        return []
    text = normalise_header(header)
    if not text:
        return []
    index = _index(instrument)
    raw = _raw(text, index)
    if not raw:
        return []
    if question is None:
        question = question_like(text)
    order = {k: i for i, k in enumerate(instrument.question_keys)}
    out = []
    for key, reasons in raw.items():
        kept = tuple(r for r in reasons if question or r.kind != "weak")
        if kept:
            out.append(Candidate(key, round(sum(r.points for r in kept), 1), kept))
    out.sort(key=lambda c: (-c.score, order.get(c.key, 0)))
    return out


def match_text(header: object, instrument: Instrument) -> ColumnMatch | None:
    """The question a header names by its words, or ``None`` (unknown or a tie)."""
    found = [c for c in header_candidates(header, instrument) if c.score >= MIN_SCORE]
    if not found or (len(found) > 1 and found[1].score >= found[0].score):
        return None
    return ColumnMatch(found[0].key, "text", found[0].detail)


def numbering_code(header: object, instrument: Instrument) -> ColumnMatch | None:
    """The code in front of words that name no question ("U1. Pertanyaan pertama" → U1), or ``None``.

    Used only when the words name nothing: "U8 - Sarana dan prasarana" is Sarana (U9) by its words.
    """
    if not isinstance(header, str):
        return None
    text = normalise_header(header)
    prefix = _CODE_PREFIX.match(text)
    if prefix and _NUMBERING.match(text):
        return code_match(prefix.group(1), instrument)
    return None


def names_question(header: object, instrument: Instrument) -> bool:
    """Whether a header names a question at all (a code, or words pointing to one or more questions):
    the header row search counts these, ties between questions included."""
    if not isinstance(header, str):
        return False
    if match_header(header, instrument) is not None:
        return True
    return any(c.score >= MIN_SCORE for c in header_candidates(header, instrument))


def match_header(header: object, instrument: Instrument) -> ColumnMatch | None:
    """The question a header names (by code or by words), or ``None`` when it names none.

    Cells that are not text (numbers, dates) are never headers and cost nothing.
    """
    if not isinstance(header, str):
        return None
    index = _index(instrument)
    text = normalise_header(header)
    if text in index.match_cache:
        return index.match_cache[text]
    found = code_match(text, instrument) or match_text(text, instrument)
    if found is None and not header_candidates(text, instrument):
        found = numbering_code(text, instrument)
    if len(index.match_cache) > 20_000:
        index.match_cache.clear()
    index.match_cache[text] = found
    return found


def header_texts(rows: list[list[object]], header_row: int, width: int, matches: dict[int, ColumnMatch]) -> list[str]:
    """Each column's header text; a two-row header (merged "NO. RESP" above a blank) takes the text above."""
    header = rows[header_row]
    headers = [
        "" if c >= len(header) or is_blank(header[c]) else str(header[c]).replace("\n", " ").strip()
        for c in range(width)
    ]
    if header_row > 0:
        above = rows[header_row - 1]
        for c in range(min(width, len(above))):
            if not headers[c] and not is_blank(above[c]) and c not in matches:
                headers[c] = str(above[c]).replace("\n", " ").strip()
    return headers


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
        r"waktu kunjungan",
        r"jam kunjungan",
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


def _profile_hit(header: object) -> tuple[int, str] | None:
    text = normalise_header(header).replace("_", " ").strip()  # KoboToolbox names: jenis_kelamin
    if not text:
        return None
    best: tuple[int, str] | None = None
    for name, patterns in _COMPILED.items():
        for pattern in patterns:
            m = pattern.search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), name)
    return best


_PROFILE_WORDS = 4


def is_profile_header(header: object) -> bool:
    """Whether a header is a short profile header: it starts with a profile name and has at most
    four words ("Jenis Layanan", "Kritik dan Saran", "Waktu kunjungan" is not: no profile name)."""
    hit = _profile_hit(header)
    return hit is not None and hit[0] == 0 and len(normalise_header(header).split()) <= _PROFILE_WORDS


def match_profile(header: object) -> str | None:
    """The canonical profile attribute a header names, or ``None``.

    The earliest pattern position wins, so "Jenis layanan yang diterima" is a service and
    "Saran dan masukan untuk layanan" a suggestion.
    """
    best = _profile_hit(header)
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


def unique_names(names: Sequence[str]) -> list[str]:
    """``names`` with repeats told apart as the reader shows them: ``Saran``, ``Saran (2)`` …"""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


# U8 and U9 swap places between the regulation's list and many forms: their labels decide
_POSITIONAL = frozenset({"u8", "u9"})


def label_check(
    instrument: Instrument, match: ColumnMatch, label_key: frozenset[str] | None
) -> tuple[ColumnMatch, dict[str, str]] | None:
    """A column whose answers carry the labels of another element than its header names: the
    match to use (a positional U8/U9 header follows its labels; any other keeps its header) and
    the parameters of the HEADER_LABEL_MISMATCH warning; ``None`` when the labels agree or say nothing."""
    if label_key is None or match.key in label_key:
        return None
    used = match
    if match.how == "code" and match.key in _POSITIONAL and len(label_key) == 1 and label_key <= _POSITIONAL:
        (new_key,) = label_key
        used = ColumnMatch(new_key, "labels", f"{match.detail} → {new_key.upper()}")
    params = {
        "header_element": element_name(instrument, match.key),
        "label_element": " / ".join(element_name(instrument, k) for k in sorted(label_key)),
        "used": element_name(instrument, used.key),
    }
    return used, params


def element_name(instrument: Instrument, key: str) -> str:
    """How messages name the element of question ``key``: ``U3 (Waktu Penyelesaian)``, or the
    question key itself when its element has several questions."""
    for element in instrument.elements:
        if any(q.key == key for q in element.questions):
            return f"{element.code} ({element.name})" if len(element.questions) == 1 else key.upper()
    return key.upper()
