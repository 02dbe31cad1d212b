"""The regulation as data: elements (unsur), answer labels, weights and grade bands.

Pure module: standard library only. An :class:`Instrument` describes one questionnaire
method. :data:`PERMENPAN_14_2017` is the default (PermenPANRB 14/2017, nine elements);
other instruments (the 2004 method, custom files) are built with the same classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

__all__ = [
    "KEPMENPAN_25_2004",
    "PERMENPAN_14_2017",
    "Element",
    "GradeBand",
    "Instrument",
    "Question",
    "builtin_instruments",
    "get_instrument",
    "instrument_aliases",
]


@dataclass(frozen=True)
class Question:
    """One question of the questionnaire; ``key`` is its canonical column name (``u1``)."""

    key: str
    text: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Element:
    """One element (unsur) of the index.

    ``questions`` usually holds one question whose key is the lower-case code; an element
    with several questions gets the mean of its question means as NRR.
    ``number`` is the position of the question in the example questionnaire (U8 and U9 are
    asked in the reverse order of the regulation's list).
    """

    code: str
    name: str
    name_en: str
    questions: tuple[Question, ...]
    number: int
    weight: Fraction | None = None
    keywords: tuple[str, ...] = ()
    # expectation (harapan/kepentingan) questions: asked beside the element, never scored in the IKM;
    # ``skm stats`` compares them with the answers (importance–performance analysis)
    expectations: tuple[Question, ...] = ()

    @property
    def key(self) -> str:
        """Canonical column key of the element (lower-case code)."""
        return self.code.lower()

    @property
    def labels(self) -> tuple[str, ...]:
        """Answer labels of the first question, scored 1..n in order."""
        return self.questions[0].labels


@dataclass(frozen=True)
class GradeBand:
    """A grade (mutu) starts at ``lower`` on the 25–100 scale.

    ``inclusive`` means ``value >= lower``; otherwise ``value > lower``. The value compared is
    the converted value rounded half up to the instrument's ``grade_decimals``.
    """

    grade: str
    lower: Decimal
    inclusive: bool
    performance: str
    performance_en: str


@dataclass(frozen=True)
class Instrument:
    """A questionnaire method: its elements, scale, conversion and grade bands."""

    key: str
    title: str
    title_en: str
    elements: tuple[Element, ...]
    bands: tuple[GradeBand, ...]  # from the best grade to the worst
    scale_min: int = 1
    scale_max: int = 4
    conversion: int = 25
    grade_decimals: int = 2
    nrr_decimals: int = 4
    index_decimals: int = 4
    notes: tuple[str, ...] = field(default=())

    @property
    def codes(self) -> tuple[str, ...]:
        """Element codes in the instrument's order."""
        return tuple(e.code for e in self.elements)

    @property
    def question_keys(self) -> tuple[str, ...]:
        """Canonical column keys of every question, in order."""
        return tuple(q.key for e in self.elements for q in e.questions)

    @property
    def expectation_keys(self) -> tuple[str, ...]:
        """Column keys of the expectation questions (not part of the index), in order."""
        return tuple(q.key for e in self.elements for q in e.expectations)

    def element(self, code: str) -> Element:
        """Return the element with ``code`` (case-insensitive)."""
        for e in self.elements:
            if e.code.lower() == code.lower():
                return e
        raise KeyError(code)

    def exact_weights(self) -> tuple[Fraction, ...]:
        """The instrument's weights: declared ones, else 1/k each."""
        k = len(self.elements)
        return tuple(e.weight if e.weight is not None else Fraction(1, k) for e in self.elements)


def _q(key: str, text: str, labels: str) -> tuple[Question, ...]:
    return (Question(key=key, text=text, labels=tuple(s.strip() for s in labels.split("/"))),)


_ELEMENTS_2017 = (
    Element(
        "U1",
        "Persyaratan",
        "Requirements",
        _q(
            "u1",
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            "Tidak sesuai / Kurang sesuai / Sesuai / Sangat sesuai",
        ),
        1,
        keywords=("persyaratan", "requirement"),
    ),
    Element(
        "U2",
        "Sistem, Mekanisme, dan Prosedur",
        "Systems, mechanisms and procedures",
        _q(
            "u2",
            "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
            "Tidak mudah / Kurang mudah / Mudah / Sangat mudah",
        ),
        2,
        keywords=("prosedur", "mekanisme", "procedure"),
    ),
    Element(
        "U3",
        "Waktu Penyelesaian",
        "Completion time",
        _q(
            "u3",
            "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
            "Tidak cepat / Kurang cepat / Cepat / Sangat cepat",
        ),
        3,
        keywords=("waktu", "kecepatan", "time"),
    ),
    Element(
        "U4",
        "Biaya/Tarif",
        "Cost/tariff",
        _q(
            "u4",
            "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
            "Sangat mahal / Cukup mahal / Murah / Gratis",
        ),
        4,
        keywords=("biaya", "tarif", "cost", "fee"),
    ),
    Element(
        "U5",
        "Produk Spesifikasi Jenis Pelayanan",
        "Product specification of the service",
        _q(
            "u5",
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
            "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
            "Tidak sesuai / Kurang sesuai / Sesuai / Sangat sesuai",
        ),
        5,
        keywords=("produk", "product"),
    ),
    Element(
        "U6",
        "Kompetensi Pelaksana",
        "Staff competence",
        _q(
            "u6",
            "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
            "Tidak kompeten / Kurang kompeten / Kompeten / Sangat kompeten",
        ),
        6,
        keywords=("kompetensi", "kemampuan", "competence"),
    ),
    Element(
        "U7",
        "Perilaku Pelaksana",
        "Staff conduct",
        _q(
            "u7",
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
            "Tidak sopan dan ramah / Kurang sopan dan ramah / Sopan dan ramah / Sangat sopan dan ramah",
        ),
        7,
        keywords=("perilaku", "kesopanan", "keramahan", "behaviour", "behavior"),
    ),
    Element(
        "U8",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Handling of complaints, suggestions and feedback",
        _q(
            "u8",
            "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
            "Tidak ada / Ada tetapi tidak berfungsi / Berfungsi kurang maksimal / Dikelola dengan baik",
        ),
        9,
        keywords=("pengaduan", "complaint"),
    ),
    Element(
        "U9",
        "Sarana dan Prasarana",
        "Facilities and infrastructure",
        _q(
            "u9",
            "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
            "Buruk / Cukup / Baik / Sangat baik",
        ),
        8,
        keywords=("sarana", "prasarana", "facilit"),
    ),
)

_BANDS_2017 = (
    GradeBand("A", Decimal("88.31"), True, "Sangat baik", "Very good"),
    GradeBand("B", Decimal("76.61"), True, "Baik", "Good"),
    GradeBand("C", Decimal("65.00"), True, "Kurang baik", "Poor"),
    GradeBand("D", Decimal("25.00"), True, "Tidak baik", "Very poor"),
)

PERMENPAN_14_2017 = Instrument(
    key="permenpan-14-2017",
    title="PermenPANRB 14/2017 (9 unsur)",
    title_en="PermenPANRB 14/2017 (9 elements)",
    elements=_ELEMENTS_2017,
    bands=_BANDS_2017,
)

# --- KEP/25/M.PAN/2/2004 -------------------------------------------------------------------
# Source: Keputusan MenPAN KEP/25/M.PAN/2/2004 (Pedoman Umum Penyusunan Indeks Kepuasan
# Masyarakat Unit Pelayanan Instansi Pemerintah), as summarised in /work/shared/skm-reference.md
# §6: 14 elements, weight 1/14 (printed 0,071), conversion ×25, bands on the 25–100 value
# 25,00–43,75 D / 43,76–62,50 C / 62,51–81,25 B / 81,26–100,00 A, read gap-free as
# [25, 43.75] D, (43.75, 62.50] C, (62.50, 81.25] B, (81.25, 100] A. Question texts and answer
# labels follow the example questionnaire of that decree's annex.

_ELEMENTS_2004_SPEC = (
    (
        "Prosedur pelayanan",
        "Service procedure",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "Tidak mudah / Kurang mudah / Mudah / Sangat mudah",
        ("prosedur", "procedure"),
    ),
    (
        "Persyaratan pelayanan",
        "Service requirements",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "Tidak sesuai / Kurang sesuai / Sesuai / Sangat sesuai",
        ("persyaratan", "requirement"),
    ),
    (
        "Kejelasan petugas pelayanan",
        "Clarity of the service officer",
        "Bagaimana pendapat Saudara tentang kejelasan dan kepastian petugas yang melayani?",
        "Tidak jelas / Kurang jelas / Jelas / Sangat jelas",
        ("kejelasan", "clarity"),
    ),
    (
        "Kedisiplinan petugas pelayanan",
        "Discipline of the service officer",
        "Bagaimana pendapat Saudara tentang kedisiplinan petugas dalam memberikan pelayanan?",
        "Tidak disiplin / Kurang disiplin / Disiplin / Sangat disiplin",
        ("kedisiplinan", "disiplin", "discipline"),
    ),
    (
        "Tanggung jawab petugas pelayanan",
        "Responsibility of the service officer",
        "Bagaimana pendapat Saudara tentang tanggung jawab petugas dalam memberikan pelayanan?",
        "Tidak bertanggung jawab / Kurang bertanggung jawab / Bertanggung jawab / Sangat bertanggung jawab",
        ("tanggung jawab", "responsib"),
    ),
    (
        "Kemampuan petugas pelayanan",
        "Ability of the service officer",
        "Bagaimana pendapat Saudara tentang kemampuan petugas dalam memberikan pelayanan?",
        "Tidak mampu / Kurang mampu / Mampu / Sangat mampu",
        ("kemampuan", "ability"),
    ),
    (
        "Kecepatan pelayanan",
        "Speed of service",
        "Bagaimana pendapat Saudara tentang kecepatan pelayanan di unit ini?",
        "Tidak cepat / Kurang cepat / Cepat / Sangat cepat",
        ("kecepatan", "speed"),
    ),
    (
        "Keadilan mendapatkan pelayanan",
        "Fairness in obtaining service",
        "Bagaimana pendapat Saudara tentang keadilan untuk mendapatkan pelayanan di unit ini?",
        "Tidak adil / Kurang adil / Adil / Sangat adil",
        ("keadilan", "fairness"),
    ),
    (
        "Kesopanan dan keramahan petugas",
        "Courtesy and friendliness of the officer",
        "Bagaimana pendapat Saudara tentang kesopanan dan keramahan petugas dalam memberikan pelayanan?",
        "Tidak sopan dan ramah / Kurang sopan dan ramah / Sopan dan ramah / Sangat sopan dan ramah",
        ("kesopanan", "keramahan", "courtesy"),
    ),
    (
        "Kewajaran biaya pelayanan",
        "Reasonableness of the service cost",
        "Bagaimana pendapat Saudara tentang kewajaran biaya untuk mendapatkan pelayanan?",
        "Tidak wajar / Kurang wajar / Wajar / Sangat wajar",
        ("kewajaran", "reasonable"),
    ),
    (
        "Kepastian biaya pelayanan",
        "Certainty of the service cost",
        "Bagaimana pendapat Saudara tentang kesesuaian antara biaya yang dibayarkan dengan biaya "
        "yang telah ditetapkan?",
        "Selalu tidak sesuai / Kadang-kadang sesuai / Banyak sesuainya / Selalu sesuai",
        ("kepastian biaya", "cost certainty"),
    ),
    (
        "Kepastian jadwal pelayanan",
        "Certainty of the service schedule",
        "Bagaimana pendapat Saudara tentang ketepatan pelaksanaan terhadap jadwal waktu pelayanan?",
        "Selalu tidak tepat / Kadang-kadang tepat / Banyak tepatnya / Selalu tepat",
        ("jadwal", "schedule"),
    ),
    (
        "Kenyamanan lingkungan",
        "Comfort of the environment",
        "Bagaimana pendapat Saudara tentang kenyamanan di lingkungan unit pelayanan?",
        "Tidak nyaman / Kurang nyaman / Nyaman / Sangat nyaman",
        ("kenyamanan", "comfort"),
    ),
    (
        "Keamanan pelayanan",
        "Security of the service",
        "Bagaimana pendapat Saudara tentang keamanan pelayanan di unit ini?",
        "Tidak aman / Kurang aman / Aman / Sangat aman",
        ("keamanan", "security", "safety"),
    ),
)

_ELEMENTS_2004 = tuple(
    Element(f"U{i}", name, name_en, _q(f"u{i}", text, labels), i, keywords=keywords)
    for i, (name, name_en, text, labels, keywords) in enumerate(_ELEMENTS_2004_SPEC, 1)
)

_BANDS_2004 = (
    GradeBand("A", Decimal("81.25"), False, "Sangat baik", "Very good"),
    GradeBand("B", Decimal("62.50"), False, "Baik", "Good"),
    GradeBand("C", Decimal("43.75"), False, "Kurang baik", "Poor"),
    GradeBand("D", Decimal("25.00"), True, "Tidak baik", "Very poor"),
)

KEPMENPAN_25_2004 = Instrument(
    key="kepmenpan-25-2004",
    title="KepMenPAN KEP/25/M.PAN/2/2004 (14 unsur, metode lama)",
    title_en="KepMenPAN KEP/25/M.PAN/2/2004 (14 elements, older method)",
    elements=_ELEMENTS_2004,
    bands=_BANDS_2004,
    notes=(
        "Metode lama, digantikan PermenPANRB 14/2017; untuk membandingkan dengan hasil lama.",
        "Older method, replaced by PermenPANRB 14/2017; for comparison with old results.",
    ),
)

_INSTRUMENTS = {i.key: i for i in (PERMENPAN_14_2017, KEPMENPAN_25_2004)}

_ALIASES = {
    "permenpan-14-2017": "permenpan-14-2017",
    "permenpanrb-14-2017": "permenpan-14-2017",
    "14/2017": "permenpan-14-2017",
    "2017": "permenpan-14-2017",
    "default": "permenpan-14-2017",
    "kepmenpan-25-2004": "kepmenpan-25-2004",
    "kep-25-m.pan-2-2004": "kepmenpan-25-2004",
    "kep/25/m.pan/2/2004": "kepmenpan-25-2004",
    "25/2004": "kepmenpan-25-2004",
    "2004": "kepmenpan-25-2004",
}


def _fold(name: str) -> str:
    return "-".join(name.strip().lower().replace("_", "-").split())


def instrument_aliases() -> dict[str, str]:
    """Every accepted name (alias) and the built-in instrument key it stands for."""
    return dict(_ALIASES)


def get_instrument(name: str) -> Instrument:
    """Return a built-in instrument by key or alias (``permenpan-14-2017``, ``2004`` …).

    Raises ``KeyError`` naming the known keys.
    """
    folded = _fold(name)
    key = _ALIASES.get(folded, folded)
    try:
        return _INSTRUMENTS[key]
    except KeyError:
        known = ", ".join(sorted(_INSTRUMENTS))
        msg = f"unknown instrument {name!r}; known: {known}"
        raise KeyError(msg) from None


def builtin_instruments() -> tuple[str, ...]:
    """Keys of the built-in instruments."""
    return tuple(sorted(_INSTRUMENTS))
