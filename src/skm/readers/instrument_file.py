"""Custom instruments from a TOML file, and the ``--instrument NAME|FILE`` resolver.

A unit that adds or renames elements, asks several questions per element, uses its own
labels, weights, scale or grade bands describes its questionnaire in a TOML file (format in
``docs/instrumen.md``; example ``examples/instrumen_kustom.toml``). The file is read by
:mod:`skm.readers.sidefile` (size cap, TOML syntax errors with their line) and validated by the
pydantic models, which carry the rules: field validators check single values (a weight's form
and range, a band's bound, the scale, the base instrument), the model validator the rules that
join several parts (labels against the scale, weights summing to exactly 1, unique codes and
keys, ordered bands …) and builds the pure :class:`~skm.core.instrument.Instrument`. A rule's
pydantic error type is its message key. When a single value breaks a rule, a second, lenient
pass runs the file-wide rules too, so every problem is reported at once with the LINE of the
file it is on, as an :class:`~skm.errors.SkmError` (exit 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

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
from skm.readers.sidefile import Loc, TomlSyntax, line_issue, line_of, load_toml, read_side_file, toml_line_map

__all__ = ["instrument_from_toml", "load_instrument_file", "resolve_instrument", "toml_line_map"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


def _lenient(info: ValidationInfo) -> bool:
    """The second pass (see :func:`instrument_from_toml`): single-value rules were already reported,
    so a broken value is let through for the file-wide rules to run."""
    return bool(info.context and info.context.get("lenient"))


def _rule(key: str, **params: object) -> PydanticCustomError:
    """A broken rule as a pydantic error: its type is the problem's message key, its context the params."""
    return PydanticCustomError(key, key, params)


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

    @field_validator("weight")
    @classmethod
    def _weight_readable_and_in_range(cls, value: str | int | float | None, info: ValidationInfo) -> object:
        if value is None or _lenient(info):
            return value
        weight = _fraction(value)
        if weight is None:
            raise _rule("ip-weight-format", value=value)
        if not 0 < weight <= 1:
            raise _rule("ip-weight-range", value=value)
        return value


class BandSpec(_Model):
    """One grade band: ``lower`` on the converted scale."""

    grade: str = Field(min_length=1)
    lower: str | int | float
    inclusive: bool = True
    performance: str = Field(min_length=1)
    performance_en: str | None = None

    @field_validator("lower")
    @classmethod
    def _lower_is_a_decimal(cls, value: str | int | float, info: ValidationInfo) -> object:
        if not _lenient(info) and _decimal(value) is None:
            raise _rule("ip-decimal", value=value)
        return value


class InstrumentSpec(_Model):
    """The whole file. Single values are checked by field validators; the rules that join several
    parts (labels against the scale, weights summing to 1, unique codes, ordered bands …) by the
    model validator, which also builds the :class:`Instrument` (:attr:`instrument`)."""

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
    _instrument: Instrument | None = PrivateAttr(default=None)

    @field_validator("base")
    @classmethod
    def _base_is_known(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and not _lenient(info) and _base(value) is None:
            raise _rule("ip-base", value=value, known=", ".join(builtin_instruments()))
        return value

    @field_validator("scale")
    @classmethod
    def _scale_is_lowest_highest(cls, value: list[int] | None, info: ValidationInfo) -> list[int] | None:
        if value is not None and not _lenient(info) and not _scale_ok(value):
            raise _rule("ip-scale")
        return value

    @model_validator(mode="after")
    def _file_wide_rules(self, info: ValidationInfo) -> InstrumentSpec:
        context = info.context or {}
        found = _Found(context.get("lines", {}))
        instrument = _build(self, found, str(context.get("stem", "custom")))
        if found.problems:
            raise ValidationError.from_exception_data(
                "instrument",
                [
                    InitErrorDetails(type=_rule(key, **params), loc=loc, input=None)
                    for loc, key, params in found.problems
                ],
            )
        self._instrument = instrument
        return self

    @property
    def instrument(self) -> Instrument:
        """The instrument the file describes (set once every rule holds)."""
        assert self._instrument is not None
        return self._instrument


@dataclass
class _Found:
    """Problems met by the file-wide rules: location, message key and its params."""

    lines: dict[Loc, int]
    problems: list[tuple[Loc, str, dict[str, object]]] = field(default_factory=list)

    def add(self, loc: Loc, key: str, **params: object) -> None:
        if not any(loc == seen and key == known for seen, known, _ in self.problems):  # once per place
            self.problems.append((loc, key, params))


def _base(name: str) -> Instrument | None:
    try:
        return get_instrument(name)
    except KeyError:
        return None


def _scale_ok(scale: list[int]) -> bool:
    return len(scale) == 2 and scale[0] < scale[1]


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
        issue = line_issue(self.file, line_of(loc, self.lines), _where(loc), key, **params)
        if not any(i.params["at_en"] == issue.params["at_en"] and i.params["problem"] == key for i in self.issues):
            self.issues.append(issue)


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
        if kind.startswith("ip-"):
            problems.add(loc, kind, **err.get("ctx", {}))
        elif kind == "missing":
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


@dataclass
class _Scale:
    """The scale an instrument file settles on, and the labels it needs."""

    base: Instrument
    low: int
    high: int
    conversion: int
    top_labels: tuple[str, ...] | None = None

    @property
    def needed(self) -> int:
        return self.high - self.low + 1

    @property
    def same_as_base(self) -> bool:
        base = self.base
        return (self.low, self.high, self.conversion) == (base.scale_min, base.scale_max, base.conversion)

    def labels(self, problems: _Found, loc: Loc, labels: list[str]) -> tuple[str, ...]:
        """``labels`` normalised; a problem when their number does not fit the scale."""
        if len(labels) != self.needed:
            problems.add(loc, "ip-labels-count", count=len(labels), low=self.low, high=self.high, needed=self.needed)
        return _labels(labels)


def _scale(spec: InstrumentSpec, problems: _Found) -> _Scale:
    """The base instrument, scale, conversion and top-level labels."""
    base = (_base(spec.base) if spec.base is not None else None) or PERMENPAN_14_2017
    low, high = base.scale_min, base.scale_max
    if spec.scale is not None and _scale_ok(spec.scale):  # a broken scale: ElementSpec's validator said so
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
    scale = _Scale(base, low, high, conversion)
    if spec.labels is not None:
        scale.top_labels = scale.labels(problems, ("labels",), spec.labels)
    return scale


def _base_elements(scale: _Scale, problems: _Found) -> list[Element]:
    """No ``[[elements]]``: the base instrument's elements, with the file's labels if any."""
    if not scale.same_as_base and scale.top_labels is None:
        problems.add(("scale",), "ip-no-labels")
    return [
        Element(
            e.code,
            e.name,
            e.name_en,
            tuple(Question(q.key, q.text, scale.top_labels or q.labels) for q in e.questions),
            e.number,
            e.weight,
            e.keywords,
        )
        for e in scale.base.elements
    ]


@dataclass
class _Seen:
    """Codes and question keys met so far (duplicates are problems) and the weights given."""

    codes: dict[str, Loc]
    keys: dict[str, Loc]
    weights: list[tuple[Loc, Fraction]]


def _inherited(base: Instrument, code: str, es: ElementSpec) -> Element | None:
    """The base element of the same code, unless the file renames it (then nothing is inherited)."""
    try:
        inherited = base.element(code)
    except KeyError:
        return None
    if es.name and " ".join(es.name.lower().split()) != inherited.name.lower():
        return None
    return inherited


def _questions(
    es: ElementSpec,
    loc: Loc,
    name: str,
    inherited: Element | None,
    element_labels: tuple[str, ...] | None,
    scale: _Scale,
    problems: _Found,
    seen: _Seen,
) -> list[Question]:
    """The questions of one element: given, inherited from the base, or one named after the element."""
    code = es.code.strip()
    default_labels = element_labels or scale.top_labels
    if default_labels is None and inherited is not None and scale.same_as_base:
        default_labels = inherited.labels
    given = [(j, qs) for j, qs in enumerate(es.questions or []) if qs.kind != "expectation"]
    q_specs = given if es.questions is not None and (given or len(given) == len(es.questions)) else None
    if q_specs is None:  # no questions, or expectation questions only: the performance question as usual
        if inherited is not None and scale.same_as_base and element_labels is None and scale.top_labels is None:
            return list(inherited.questions)
        q_specs = [(0, QuestionSpec())]
    if not q_specs:
        problems.add((*loc, "questions"), "ip-missing")
    many = len(q_specs) > 1
    questions: list[Question] = []
    for n, (j, qs) in enumerate(q_specs):
        qloc: Loc = (*loc, "questions", j) if given else loc
        key = (qs.key or (f"{code.lower()}{chr(ord('a') + n)}" if many else code.lower())).strip().lower()
        if not _KEY_RE.match(key):
            problems.add((*qloc, "key") if qs.key else (*loc, "code"), "ip-key-format", value=key)
        labels = scale.labels(problems, (*qloc, "labels"), qs.labels) if qs.labels is not None else default_labels
        if labels is None:
            problems.add(qloc, "ip-no-labels")
            labels = tuple(str(v) for v in range(scale.low, scale.high + 1))
        inherited_text = inherited.questions[0].text if inherited is not None and not many else None
        questions.append(Question(key, qs.text or inherited_text or name, labels))
        key_loc = (*qloc, "key") if qs.key else (*loc, "code")
        if key in seen.keys:
            problems.add(key_loc, "ip-duplicate", value=key)
        seen.keys[key] = key_loc
    return questions


def _expectations(es: ElementSpec, loc: Loc, name: str, scale: _Scale, problems: _Found, seen: _Seen) -> list[Question]:
    """The expectation (harapan) questions of one element: asked beside it, never scored.

    Default key ``h1`` for element ``U1`` (``h1a``, ``h1b`` … with several), else ``<code>h``;
    default labels are the scale's numbers.
    """
    code = es.code.strip()
    specs = [(j, qs) for j, qs in enumerate(es.questions or []) if qs.kind == "expectation"]
    stem = f"h{code[1:]}" if code[:1].upper() == "U" and code[1:].isdigit() else f"{code.lower()}h"
    out: list[Question] = []
    for n, (j, qs) in enumerate(specs):
        qloc: Loc = (*loc, "questions", j)
        key = (qs.key or stem + (chr(ord("a") + n) if len(specs) > 1 else "")).strip().lower()
        if not _KEY_RE.match(key):
            problems.add((*qloc, "key"), "ip-key-format", value=key)
        labels = scale.labels(problems, (*qloc, "labels"), qs.labels) if qs.labels is not None else None
        out.append(Question(key, qs.text or name, labels or tuple(str(v) for v in range(scale.low, scale.high + 1))))
        key_loc = (*qloc, "key") if qs.key else qloc
        if key in seen.keys:
            problems.add(key_loc, "ip-duplicate", value=key)
        seen.keys[key] = key_loc
    return out


def _element(i: int, es: ElementSpec, scale: _Scale, problems: _Found, seen: _Seen) -> Element:
    """One ``[[elements]]`` entry, checked."""
    loc: Loc = ("elements", i)
    code = es.code.strip()
    if code.lower() in seen.codes:
        problems.add((*loc, "code"), "ip-duplicate", value=code)
    seen.codes[code.lower()] = loc
    inherited = _inherited(scale.base, code, es)
    element_labels = scale.labels(problems, (*loc, "labels"), es.labels) if es.labels is not None else None
    name = es.name or (inherited.name if inherited else None)
    if name is None:
        problems.add((*loc, "name"), "ip-missing")
        name = code
    questions = _questions(es, loc, name, inherited, element_labels, scale, problems, seen)
    expectations = _expectations(es, loc, name, scale, problems, seen)
    weight = _fraction(es.weight) if es.weight is not None else None
    if weight is not None and not 0 < weight <= 1:
        weight = None  # reported by ElementSpec's validator
    if weight is not None:
        seen.weights.append(((*loc, "weight"), weight))
    return Element(
        code=code,
        name=name,
        name_en=es.name_en or (inherited.name_en if inherited else name),
        questions=tuple(questions),
        number=i + 1,
        weight=weight,
        keywords=tuple(es.keywords) if es.keywords is not None else (inherited.keywords if inherited else ()),
        expectations=tuple(expectations),
    )


def _check_weights(specs: list[ElementSpec], seen: _Seen, problems: _Found) -> None:
    """Weights are given for all elements or none, and sum to exactly 1."""
    given = [e for e in specs if "weight" in e.model_fields_set and e.weight is not None]
    if given and len(given) != len(specs):
        first = next(i for i, e in enumerate(specs) if e.weight is None)
        problems.add(("elements", first), "ip-weight-partial", given=len(given), k=len(specs))
    elif seen.weights and len(seen.weights) == len(specs):
        total = sum((w for _, w in seen.weights), Fraction(0))
        if total != 1:
            problems.add(
                seen.weights[0][0],
                "ip-weight-sum",
                total=str(total),
                decimal=f"{float(total):.6g}",
                gap=str(total - 1),
            )


def _elements(spec: InstrumentSpec, scale: _Scale, problems: _Found) -> list[Element]:
    """The elements: the base instrument's, or the file's checked one by one and as a whole."""
    if spec.elements is None:
        return _base_elements(scale, problems)
    if not spec.elements:
        problems.add(("elements",), "ip-no-elements")
    seen = _Seen({}, {}, [])
    elements = [_element(i, es, scale, problems, seen) for i, es in enumerate(spec.elements)]
    _check_weights(spec.elements, seen, problems)
    return elements


def _bands(spec: InstrumentSpec, scale: _Scale, problems: _Found) -> list[GradeBand]:
    """The grade bands: the base's (same scale) or the file's, ordered and within the converted range."""
    if spec.bands is None:
        if scale.same_as_base:
            return list(scale.base.bands)
        problems.add(("bands",) if ("bands",) in problems.lines else ("scale",), "ip-bands-needed")
        return []
    bottom, top = scale.low * scale.conversion, scale.high * scale.conversion
    bands: list[GradeBand] = []
    grades: set[str] = set()
    previous: Decimal | None = None
    for i, bs in enumerate(spec.bands):
        loc = ("bands", i)
        if bs.grade in grades:
            problems.add((*loc, "grade"), "ip-duplicate", value=bs.grade)
        grades.add(bs.grade)
        lower = _decimal(bs.lower)
        if lower is None:  # reported by BandSpec's validator
            continue
        if not bottom <= lower <= top:
            problems.add((*loc, "lower"), "ip-band-range", value=bs.lower, low=bottom, high=top)
        if previous is not None and lower >= previous:
            problems.add((*loc, "lower"), "ip-bands-order")
        previous = lower
        bands.append(GradeBand(bs.grade, lower, bs.inclusive, bs.performance, bs.performance_en or bs.performance))
    if not spec.bands:
        problems.add(("bands",), "ip-missing")
    return bands


def _build(spec: InstrumentSpec, problems: _Found, stem: str) -> Instrument | None:
    """The instrument of a type-checked file, or ``None`` with every problem recorded."""
    scale = _scale(spec, problems)
    elements = _elements(spec, scale, problems)
    bands = _bands(spec, scale, problems)
    if problems.problems:
        return None
    title = spec.title or spec.key or stem
    return Instrument(
        key=spec.key or stem,
        title=title,
        title_en=spec.title_en or title,
        elements=tuple(elements),
        bands=tuple(bands),
        scale_min=scale.low,
        scale_max=scale.high,
        conversion=scale.conversion,
        grade_decimals=scale.base.grade_decimals,
        notes=tuple(spec.notes or ()),
    )


def instrument_from_toml(source: str, *, file: str = "<instrument>", stem: str = "custom") -> Instrument:
    """Build an instrument from TOML text. Raises :class:`SkmError` (exit 2) listing every problem."""
    problems = _Problems(file, {}, [])
    try:
        data = load_toml(source, file=file, exit_code=ExitCode.USAGE)
    except TomlSyntax as exc:
        problems.issues.append(line_issue(file, exc.line, "TOML", "ip-toml", detail=exc.detail))
        raise _error(problems) from None
    problems.lines = toml_line_map(source)
    context = {"stem": stem, "lines": problems.lines}
    try:
        return InstrumentSpec.model_validate(data, context=context).instrument
    except ValidationError as exc:
        _pydantic_problems(exc, problems)
        kinds = {str(e["type"]) for e in exc.errors()}
    if kinds & _SINGLE_VALUE_RULES and all(k.startswith("ip-") for k in kinds):
        # only single values broke a rule: the file-wide rules are checked too, so all is said at once
        try:
            InstrumentSpec.model_validate(data, context={**context, "lenient": True})
        except ValidationError as exc:
            _pydantic_problems(exc, problems)
    raise _error(problems)


# the rules of the field validators (the first pass stops before the file-wide rules when one breaks)
_SINGLE_VALUE_RULES = frozenset({"ip-weight-format", "ip-weight-range", "ip-decimal", "ip-base", "ip-scale"})


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
    data = read_side_file(path, kind="TOML", exit_code=ExitCode.USAGE, not_found=IssueCode.INSTRUMENT_FILE_NOT_FOUND)
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
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
