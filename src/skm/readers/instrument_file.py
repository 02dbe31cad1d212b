"""Custom instruments from a TOML file, and the ``--instrument NAME|FILE`` resolver.

A unit that adds or renames elements, asks several questions per element, uses its own
labels, weights, scale or grade bands describes its questionnaire in a TOML file (format in
``docs/instrumen.md``; example ``examples/instrumen_kustom.toml``). The file is parsed with the
standard library's :mod:`tomllib`, validated with pydantic, checked (weights sum to exactly 1,
keys unique, bands ordered …) and turned into a pure :class:`~skm.core.instrument.Instrument`.

Every problem is collected and reported at once with the LINE of the file it is on, as an
:class:`~skm.errors.SkmError` (exit 2).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from skm.core.instrument import (
    PERMENPAN_14_2017,
    Element,
    GradeBand,
    Instrument,
    Question,
    builtin_instruments,
    get_instrument,
)
from skm.errors import ExitCode, Issue, IssueCode, SkmError
from skm.text import Lang, t

__all__ = ["instrument_from_toml", "load_instrument_file", "resolve_instrument"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class QuestionSpec(_Model):
    """One question of an element; ``kind = "expectation"`` marks an expectation (harapan) question."""

    key: str | None = None
    text: str | None = None
    labels: list[str] | None = None
    kind: Literal["performance", "expectation"] = "performance"


class ElementSpec(_Model):
    """One element (unsur)."""

    code: str = Field(min_length=1)
    name: str | None = None
    name_en: str | None = None
    weight: str | int | float | None = None
    labels: list[str] | None = None
    keywords: list[str] | None = None
    questions: list[QuestionSpec] | None = None


class BandSpec(_Model):
    """One grade band: ``lower`` on the converted scale."""

    grade: str = Field(min_length=1)
    lower: str | int | float
    inclusive: bool = True
    performance: str = Field(min_length=1)
    performance_en: str | None = None


class InstrumentSpec(_Model):
    """The whole file."""

    key: str | None = None
    title: str | None = None
    title_en: str | None = None
    base: str | None = None
    scale: list[int] | None = None
    conversion: int | None = Field(default=None, gt=0)
    labels: list[str] | None = None
    notes: list[str] | None = None
    elements: list[ElementSpec] | None = None
    bands: list[BandSpec] | None = None


# --- locating keys in the TOML source --------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- \"']+?)\s*\]\]?\s*(?:#.*)?$")
_KEYLINE = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")

Loc = tuple[str | int, ...]


def toml_line_map(source: str) -> dict[Loc, int]:
    """Map the location of every table and key (``("elements", 2, "weight")``) to its 1-based line.

    Understands ``[table]``, ``[[array.of.tables]]`` (nested under the latest parent entry)
    and ``key = value`` lines; inline tables map to the line of their key.
    """
    lines: dict[Loc, int] = {}
    counters: dict[Loc, int] = {}
    current: Loc = ()
    for number, raw in enumerate(source.splitlines(), 1):
        header = _HEADER.match(raw)
        if header and not raw.lstrip().startswith("#"):
            is_array = header.group(1) == "[["
            names = [n.strip().strip("\"'") for n in header.group(2).split(".")]
            path: Loc = ()
            for i, name in enumerate(names):
                path = (*path, name)
                last = i == len(names) - 1
                if last and is_array:
                    index = counters.get(path, -1) + 1
                    counters[path] = index
                    path = (*path, index)
                elif not last and path in counters:
                    path = (*path, counters[path])
                lines.setdefault(path, number)
            current = path
            continue
        key = _KEYLINE.match(raw)
        if key and not raw.lstrip().startswith("#"):
            lines.setdefault((*current, key.group(1)), number)
    return lines


def line_of(loc: Loc, lines: dict[Loc, int]) -> int | None:
    """The line of ``loc`` or of its nearest enclosing key or table."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _where(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(berkas)"


@dataclass
class _Problems:
    file: str
    lines: dict[Loc, int]
    issues: list[Issue]

    def add(self, loc: Loc, key: str, **params: object) -> None:
        issue = _issue(self.file, line_of(loc, self.lines), _where(loc), key, **params)
        if not any(i.params["at_en"] == issue.params["at_en"] and i.params["problem"] == key for i in self.issues):
            self.issues.append(issue)


def _issue(file: str, line: int | None, where: str, key: str, **params: object) -> Issue:
    """One line-numbered problem, its text prepared in both languages."""
    at = {
        lang: t("instrument-at", lang, line=line, where=where) if line is not None else where
        for lang in (Lang.ID, Lang.EN)
    }
    return Issue(
        IssueCode.INVALID_INSTRUMENT,
        file=file,
        params={
            "line": line,
            "where": where,
            "problem": key,
            "at_id": at[Lang.ID],
            "at_en": at[Lang.EN],
            "problem_id": t(key, Lang.ID, **params),
            "problem_en": t(key, Lang.EN, **params),
        },
    )


def _allowed(loc: Loc) -> str:
    names = [p for p in loc if isinstance(p, str)]
    model: type[BaseModel] = InstrumentSpec
    if "bands" in names[:-1]:
        model = BandSpec
    elif "questions" in names[:-1]:
        model = QuestionSpec
    elif "elements" in names[:-1]:
        model = ElementSpec
    return ", ".join(model.model_fields)


def _pydantic_problems(exc: ValidationError, problems: _Problems) -> None:
    for err in exc.errors():
        loc: Loc = tuple(err["loc"])
        kind = err["type"]
        if kind == "missing":
            problems.add(loc, "ip-missing")
        elif kind == "extra_forbidden":
            problems.add(loc, "ip-extra", allowed=_allowed(loc))
        else:
            # keep the first union member's message (pydantic lists one error per member)
            loc = tuple(p for p in loc if not (isinstance(p, str) and p in {"str", "int", "float"}))
            if any(i.params.get("where") == _where(loc) for i in problems.issues):
                continue
            problems.add(loc, "ip-type", detail=err["msg"])


def _fraction(value: str | int | float) -> Fraction | None:
    try:
        if isinstance(value, float):
            return Fraction(str(value))
        return Fraction(str(value).strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        return None


def _decimal(value: str | int | float) -> Decimal | None:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _labels(raw: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(s.split()) for s in raw)


_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9._\-]*$")


def _build(spec: InstrumentSpec, problems: _Problems, stem: str) -> Instrument | None:
    base = PERMENPAN_14_2017
    if spec.base is not None:
        try:
            base = get_instrument(spec.base)
        except KeyError:
            problems.add(("base",), "ip-base", value=spec.base, known=", ".join(builtin_instruments()))
    low, high = base.scale_min, base.scale_max
    if spec.scale is not None:
        if len(spec.scale) != 2 or spec.scale[0] >= spec.scale[1]:
            problems.add(("scale",), "ip-scale")
        else:
            low, high = spec.scale
    conversion = spec.conversion
    if conversion is None:
        if (low, high) == (base.scale_min, base.scale_max):
            conversion = base.conversion
        elif 100 % high == 0:
            conversion = 100 // high
        else:
            problems.add(("scale",), "ip-conversion", high=high)
            conversion = 1
    needed = high - low + 1
    same_scale = (low, high, conversion) == (base.scale_min, base.scale_max, base.conversion)

    def check_labels(loc: Loc, labels: list[str]) -> tuple[str, ...]:
        if len(labels) != needed:
            problems.add(loc, "ip-labels-count", count=len(labels), low=low, high=high, needed=needed)
        return _labels(labels)

    top_labels = check_labels(("labels",), spec.labels) if spec.labels is not None else None

    # elements
    specs = spec.elements
    elements: list[Element] = []
    if specs is None:
        if not same_scale and top_labels is None:
            problems.add(("scale",), "ip-no-labels")
        elements = [
            Element(
                e.code,
                e.name,
                e.name_en,
                tuple(Question(q.key, q.text, top_labels or q.labels) for q in e.questions),
                e.number,
                e.weight,
                e.keywords,
            )
            for e in base.elements
        ]
    elif not specs:
        problems.add(("elements",), "ip-no-elements")
    seen_codes: dict[str, Loc] = {}
    seen_keys: dict[str, Loc] = {}
    weights: list[tuple[Loc, Fraction]] = []
    for i, es in enumerate(specs or []):
        loc: Loc = ("elements", i)
        code = es.code.strip()
        if code.lower() in seen_codes:
            problems.add((*loc, "code"), "ip-duplicate", value=code)
        seen_codes[code.lower()] = loc
        try:
            inherited: Element | None = base.element(code)
        except KeyError:
            inherited = None
        if inherited is not None and es.name and " ".join(es.name.lower().split()) != inherited.name.lower():
            inherited = None  # a renamed element is a new element: nothing is taken from the base
        element_labels = check_labels((*loc, "labels"), es.labels) if es.labels is not None else None
        default_labels = element_labels or top_labels
        if default_labels is None and inherited is not None and same_scale:
            default_labels = inherited.labels
        name = es.name or (inherited.name if inherited else None)
        if name is None:
            problems.add((*loc, "name"), "ip-missing")
            name = code
        questions: list[Question] = []
        q_specs = es.questions
        e_specs = [(j, qs) for j, qs in enumerate(q_specs or []) if qs.kind == "expectation"]
        if q_specs is not None and e_specs:  # expectation questions only: the performance question as usual
            q_specs = [qs for qs in q_specs if qs.kind != "expectation"] or None
        if q_specs is None:
            if inherited is not None and same_scale and element_labels is None and top_labels is None:
                questions = list(inherited.questions)
            else:
                q_specs = [QuestionSpec()]
        if q_specs is not None and not q_specs:
            problems.add((*loc, "questions"), "ip-missing")
        many = q_specs is not None and len(q_specs) > 1
        for j, qs in enumerate(q_specs or []):
            qloc: Loc = (*loc, "questions", j) if es.questions is not None else loc
            key = (qs.key or (f"{code.lower()}{chr(ord('a') + j)}" if many else code.lower())).strip().lower()
            if not _KEY_RE.match(key):
                problems.add((*qloc, "key") if qs.key else (*loc, "code"), "ip-key-format", value=key)
            labels = check_labels((*qloc, "labels"), qs.labels) if qs.labels is not None else default_labels
            if labels is None:
                problems.add(qloc, "ip-no-labels")
                labels = tuple(str(v) for v in range(low, high + 1))
            inherited_text = inherited.questions[0].text if inherited is not None and not many else None
            questions.append(Question(key, qs.text or inherited_text or name, labels))
            key_loc = (*qloc, "key") if qs.key else (*loc, "code")
            if key in seen_keys:
                problems.add(key_loc, "ip-duplicate", value=key)
            seen_keys[key] = key_loc
        expectations: list[Question] = []
        for n, (j, qs) in enumerate(e_specs):
            qloc = (*loc, "questions", j)
            digits = code[1:] if code[:1].upper() == "U" and code[1:].isdigit() else code.lower()
            default = f"h{digits}" + (chr(ord("a") + n) if len(e_specs) > 1 else "")
            key = (qs.key or default).strip().lower()
            if not _KEY_RE.match(key):
                problems.add((*qloc, "key"), "ip-key-format", value=key)
            labels = check_labels((*qloc, "labels"), qs.labels) if qs.labels is not None else None
            expectations.append(Question(key, qs.text or name, labels or tuple(str(v) for v in range(low, high + 1))))
            key_loc = (*qloc, "key") if qs.key else (*qloc,)
            if key in seen_keys:
                problems.add(key_loc, "ip-duplicate", value=key)
            seen_keys[key] = key_loc
        weight: Fraction | None = None
        if es.weight is not None:
            weight = _fraction(es.weight)
            if weight is None:
                problems.add((*loc, "weight"), "ip-weight-format", value=es.weight)
            elif not 0 < weight <= 1:
                problems.add((*loc, "weight"), "ip-weight-range", value=es.weight)
            else:
                weights.append(((*loc, "weight"), weight))
        elements.append(
            Element(
                code=code,
                name=name,
                name_en=es.name_en or (inherited.name_en if inherited else name),
                questions=tuple(questions),
                number=i + 1,
                weight=weight,
                keywords=tuple(es.keywords) if es.keywords is not None else (inherited.keywords if inherited else ()),
                expectations=tuple(expectations),
            )
        )
    given = [e for e in specs or [] if e.weight is not None]
    if given and len(given) != len(specs or []):
        first = next(i for i, e in enumerate(specs or []) if e.weight is None)
        problems.add(("elements", first), "ip-weight-partial", given=len(given), k=len(specs or []))
    elif weights and len(weights) == len(specs or []):
        total = sum((w for _, w in weights), Fraction(0))
        if total != 1:
            problems.add(
                weights[0][0],
                "ip-weight-sum",
                total=str(total),
                decimal=f"{float(total):.6g}",
                gap=str(total - 1),
            )

    # bands
    bands: list[GradeBand] = []
    if spec.bands is None:
        if same_scale:
            bands = list(base.bands)
        else:
            problems.add(("bands",) if ("bands",) in problems.lines else ("scale",), "ip-bands-needed")
    else:
        bottom, top = low * conversion, high * conversion
        grades: set[str] = set()
        previous: Decimal | None = None
        for i, bs in enumerate(spec.bands):
            loc = ("bands", i)
            if bs.grade in grades:
                problems.add((*loc, "grade"), "ip-duplicate", value=bs.grade)
            grades.add(bs.grade)
            lower = _decimal(bs.lower)
            if lower is None:
                problems.add((*loc, "lower"), "ip-decimal", value=bs.lower)
                continue
            if not bottom <= lower <= top:
                problems.add((*loc, "lower"), "ip-band-range", value=bs.lower, low=bottom, high=top)
            if previous is not None and lower >= previous:
                problems.add((*loc, "lower"), "ip-bands-order")
            previous = lower
            bands.append(GradeBand(bs.grade, lower, bs.inclusive, bs.performance, bs.performance_en or bs.performance))
        if not spec.bands:
            problems.add(("bands",), "ip-missing")
    if problems.issues:
        return None
    title = spec.title or spec.key or stem
    return Instrument(
        key=spec.key or stem,
        title=title,
        title_en=spec.title_en or title,
        elements=tuple(elements),
        bands=tuple(bands),
        scale_min=low,
        scale_max=high,
        conversion=conversion,
        grade_decimals=base.grade_decimals,
        notes=tuple(spec.notes or ()),
    )


def instrument_from_toml(source: str, *, file: str = "<instrument>", stem: str = "custom") -> Instrument:
    """Build an instrument from TOML text. Raises :class:`SkmError` (exit 2) listing every problem."""
    problems = _Problems(file, {}, [])
    try:
        data: dict[str, Any] = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        text = str(exc)
        found = _TOML_POSITION.search(text)
        line = int(found.group(1)) if found else max(1, len(source.splitlines()))
        detail = _TOML_POSITION.sub("", text).replace("(at end of document)", "").strip()
        problems.issues.append(_issue(file, line, "TOML", "ip-toml", detail=detail))
        raise _error(problems) from None
    problems.lines = toml_line_map(source)
    try:
        spec = InstrumentSpec.model_validate(data)
    except ValidationError as exc:
        _pydantic_problems(exc, problems)
        raise _error(problems) from None
    instrument = _build(spec, problems, stem)
    if instrument is None:
        raise _error(problems)
    return instrument


def _error(problems: _Problems) -> SkmError:
    issues = sorted(problems.issues, key=lambda i: int(str(i.params.get("line") or 0)))
    return SkmError(
        IssueCode.INVALID_INSTRUMENT_FILE,
        ExitCode.USAGE,
        issues=issues,
        file=problems.file,
        count=len(issues),
    )


def load_instrument_file(path: str | Path) -> Instrument:
    """Read and validate an instrument file (TOML). Raises :class:`SkmError` (exit 2)."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SkmError(IssueCode.INSTRUMENT_FILE_NOT_FOUND, ExitCode.USAGE, file=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SkmError(
            IssueCode.UNREADABLE, ExitCode.USAGE, file=str(path), kind="TOML", reason=str(exc)[:120]
        ) from None
    return instrument_from_toml(source, file=path.name, stem=path.stem)


def resolve_instrument(value: str | Path | Instrument | None) -> Instrument:
    """``--instrument NAME|FILE``: a built-in name or alias, or the path of a TOML file.

    ``None`` is the default (PermenPANRB 14/2017). A value that ends in ``.toml`` or names an
    existing file is read as an instrument file. Raises :class:`SkmError` (exit 2).
    """
    if value is None:
        return PERMENPAN_14_2017
    if isinstance(value, Instrument):
        return value
    text = str(value)
    path = Path(text)
    if isinstance(value, Path) or text.lower().endswith(".toml") or path.is_file():
        return load_instrument_file(path)
    try:
        return get_instrument(text)
    except KeyError:
        raise SkmError(
            IssueCode.UNKNOWN_INSTRUMENT, ExitCode.USAGE, name=text, known=", ".join(builtin_instruments())
        ) from None
