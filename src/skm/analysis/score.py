"""Responses → results: score a file, a DataFrame or a :class:`Responses` table."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skm.analysis.codes import factorized_with_missing
from skm.core.calc import GroupResult, IkmResult, NoAnswersError, ScoringRules, Tally, WeightPolicy, score_tallies
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.periods import Period
from skm.core.tallies import GroupTally, TallySet
from skm.errors import ExitCode, Issue, IssueCode, Severity, SkmError, combined_failure
from skm.readers import InvalidPolicy, Responses, read_responses, responses_from_frame
from skm.readers.cells import LabelBook
from skm.readers.combine import FILE_COLUMN, expand_paths, read_many
from skm.readers.dates import PERIOD_COLUMN, PERIOD_KINDS, filter_period, with_period_column
from skm.readers.engine import ENGINE_SUFFIXES, EXCEL_ENGINE_SUFFIXES, Fallback, read_tallies_engine
from skm.readers.headers import match_profile, unique_names
from skm.readers.labelfile import load_labels

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "DEFAULT_MIN_GROUP",
    "default_by",
    "find_column",
    "load",
    "read_tally_inputs",
    "rules_of",
    "score",
    "score_responses",
    "score_tally_set",
    "tally_frame",
    "tally_set",
]

DEFAULT_MIN_GROUP = 5


def tally_frame(frame: pd.DataFrame, instrument: Instrument = PERMENPAN_14_2017) -> dict[str, Tally]:
    """Per-question tallies of a canonical frame (columns ``u1``… with scores or ``<NA>``)."""
    size = instrument.scale_max - instrument.scale_min + 1
    tallies: dict[str, Tally] = {}
    for key in instrument.question_keys:
        if key not in frame.columns:
            continue
        offsets = _scale_offsets(frame[key], instrument)
        if offsets is not None:  # integers: counted with numpy
            tallies[key] = _tally_of(offsets, instrument)
            continue
        counts = frame[key].value_counts(dropna=True)
        tallies[key] = Tally(
            tuple(int(counts.get(instrument.scale_min + i, 0)) for i in range(size)), instrument.scale_min
        )
    return tallies


def _scale_offsets(series: pd.Series[Any], instrument: Instrument) -> npt.NDArray[np.signedinteger[Any]] | None:
    """Each row's answer as its place on the instrument's scale (0 for ``scale_min`` …), -1 for a blank
    or a number off the scale (which ``value_counts`` would count but no tally holds); ``None`` unless
    the column holds integers."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    if not pd.api.types.is_integer_dtype(series.dtype):
        return None
    low, high = instrument.scale_min, instrument.scale_max
    # answers are stored in one byte (Int8): worked on in two, never in eight (a million rows each)
    small = getattr(series.dtype, "itemsize", 8) <= 1 and abs(low) < 2**7 and high - low < 2**14
    offsets = series.to_numpy(dtype=np.int16 if small else np.int64, na_value=low - 1)
    if low:
        offsets -= low
    offsets[(offsets < 0) | (offsets > high - low)] = -1
    return offsets


def _tally_of(offsets: npt.NDArray[np.signedinteger[Any]], instrument: Instrument) -> Tally:
    """The tally of one question from its :func:`_scale_offsets`."""
    import numpy as np  # noqa: PLC0415

    size = instrument.scale_max - instrument.scale_min + 1
    if size <= 16:  # a few comparisons of the small integers: no copy as machine integers for bincount
        return Tally(tuple(int(np.count_nonzero(offsets == i)) for i in range(size)), instrument.scale_min)
    counted = np.bincount(offsets + 1, minlength=size + 1)  # slot 0: blanks and numbers off the scale
    return Tally(tuple(int(c) for c in counted[1:].tolist()), instrument.scale_min)


def _frame_offsets(frame: pd.DataFrame, instrument: Instrument) -> dict[str, npt.NDArray[np.signedinteger[Any]]] | None:
    """:func:`_scale_offsets` of every question column of ``frame``, ``None`` unless all hold integers."""
    out = {}
    for key in instrument.question_keys:
        if key in frame.columns:
            offsets = _scale_offsets(frame[key], instrument)
            if offsets is None:
                return None
            out[key] = offsets
    return out


def _instrument(instrument: Instrument | str | Path) -> Instrument:
    if isinstance(instrument, Instrument):
        return instrument
    from skm.readers.instrument_file import resolve_instrument  # noqa: PLC0415 - pydantic only when asked

    return resolve_instrument(instrument)


def load(
    source: str | Path | list[str | Path] | tuple[str | Path, ...] | pd.DataFrame | Responses,
    *,
    instrument: Instrument | str | Path = PERMENPAN_14_2017,
    sheet: str | int | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    labels: LabelBook | str | Path | None = None,
    column_map: Mapping[str, str] | None = None,
) -> Responses:
    """Read and validate ``source`` (a path, a DataFrame or already-read responses).

    ``instrument`` is an :class:`Instrument`, a built-in name (``kepmenpan-25-2004``) or the
    path of a custom instrument file (TOML, see ``docs/instrumen.md``).

    Several paths, or a folder, are read as one table with a ``berkas`` column naming each
    file (see :mod:`skm.readers.combine`).

    ``labels`` adds a unit's own answer labels: a :class:`LabelBook` or the path of a labels
    file (``--labels``; see :func:`skm.readers.labelfile.load_labels`).

    ``column_map`` (``--map J=U5``) says which column holds which question when the headers do not.
    """
    if isinstance(source, Responses):
        return source
    instrument = _instrument(instrument)
    if isinstance(labels, str | Path):
        labels = load_labels(Path(labels), instrument)
    if isinstance(source, list | tuple) or (isinstance(source, str | Path) and Path(source).is_dir()):
        paths = [Path(p) for p in source] if isinstance(source, list | tuple) else [Path(source)]
        return read_many(
            paths, sheet=sheet, instrument=instrument, invalid=invalid, labels=labels, column_map=column_map
        )
    if isinstance(source, str | Path):
        return read_responses(
            source, sheet=sheet, instrument=instrument, invalid=invalid, labels=labels, column_map=column_map
        )
    return responses_from_frame(source, instrument=instrument, invalid=invalid, labels=labels, column_map=column_map)


def find_column(responses: Responses, name: str) -> str:
    """The attribute column called ``name`` (case- and space-insensitive), or the column
    holding the profile attribute ``name`` names (``layanan``, ``service``, ``gender`` …)."""
    wanted = " ".join(name.lower().split())
    for column in responses.attribute_columns():
        if " ".join(column.lower().split()) == wanted:
            return column
    canonical = wanted if wanted in responses.profile else match_profile(wanted)
    if canonical is not None and canonical in responses.profile:
        return responses.profile[canonical]
    raise SkmError(
        IssueCode.UNKNOWN_COLUMN,
        ExitCode.USAGE,
        column=name,
        columns=", ".join(f"'{c}'" for c in responses.attribute_columns()) or "-",
    )


def _score_frame(frame: pd.DataFrame, instrument: Instrument, rules: ScoringRules) -> IkmResult:
    return score_tallies(tally_frame(frame, instrument), len(frame), instrument, rules)


def _group_codes(column: pd.Series) -> tuple[npt.NDArray[np.intp], list[str]]:
    """Each row's group as a code into the sorted group names: its value stripped, ``(kosong)`` for a
    blank; computed once per distinct value (a text column's codes are shared: :mod:`skm.analysis.codes`)."""
    import numpy as np  # noqa: PLC0415 - numpy and pandas only when a frame is scored
    import pandas as pd  # noqa: PLC0415

    if pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
        codes, uniques = factorized_with_missing(column)
    else:
        raw, found = pd.factorize(column, use_na_sentinel=False)
        codes, uniques = raw, list(found)
    blank = [v is None or v is pd.NA or v != v for v in uniques]  # noqa: PLR0124 - NaN
    names = ["(kosong)" if b else str(v).strip() for v, b in zip(uniques, blank, strict=True)]
    ordered = sorted(set(names))  # the groups in groupby(sort=True)'s order
    position = {name: i for i, name in enumerate(ordered)}
    mapped = np.array([position[name] for name in names], dtype=np.intp)
    return (mapped[codes] if len(mapped) else np.zeros(len(codes), dtype=np.intp)), ordered


def _lower_columns(frame: pd.DataFrame) -> set[str]:
    return {" ".join(str(c).lower().split()) for c in frame.columns}


def score_responses(
    responses: Responses,
    *,
    rules: ScoringRules | None = None,
    by: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
) -> IkmResult:
    """Score read responses, optionally per group of the attribute column ``by``.

    The result carries what was read: the source, the invalid cells left out and the reading
    warnings (they go out with the result, e.g. in its JSON).
    """
    rules = rules or ScoringRules()
    instrument = responses.instrument
    frame = responses.frame
    offsets = _frame_offsets(frame, instrument)  # each question's answers as numbers, once
    try:
        if offsets is None:
            total = _score_frame(frame, instrument, rules)
        else:
            tallies = {k: _tally_of(o, instrument) for k, o in offsets.items()}
            total = score_tallies(tallies, len(frame), instrument, rules)
    except NoAnswersError as exc:
        raise SkmError(
            IssueCode.NO_ANSWERS, ExitCode.INVALID_DATA, file=responses.source, codes=", ".join(exc.codes)
        ) from exc
    total = replace(
        total,
        source=responses.source,
        skipped_cells=tuple(responses.errors),
        warnings=tuple(i for i in responses.issues if i not in responses.errors),
    )
    if by is None:
        return total

    word = by.strip().lower()
    if word in PERIOD_KINDS and PERIOD_COLUMN not in frame.columns and word not in _lower_columns(frame):
        responses = with_period_column(responses, PERIOD_KINDS[word])
        frame = responses.frame  # the same rows, one more column
        by = PERIOD_COLUMN
    column = find_column(responses, by)
    groups: list[GroupResult] = []
    for group, size, tallies in _group_tallies(frame, frame[column], instrument, offsets):
        try:
            result: IkmResult | None = score_tallies(tallies, size, instrument, rules)
            missing: tuple[str, ...] = ()
        except NoAnswersError as exc:
            result, missing = None, exc.codes
        groups.append(GroupResult(group, size, result, size < min_group, missing))
    return replace(total, group_by=column, groups=tuple(groups))


def _group_tallies(
    frame: pd.DataFrame,
    column: pd.Series,
    instrument: Instrument,
    offsets: dict[str, npt.NDArray[np.signedinteger[Any]]] | None,
) -> list[tuple[str, int, dict[str, Tally]]]:
    """Each group of ``column`` (sorted by name): its respondents and its :func:`tally_frame`. Integer
    answers (``offsets``: :func:`_frame_offsets`) are counted for every group at once (one ``bincount``
    per question on group × answer)."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    codes, names = _group_codes(column)
    keys = [k for k in instrument.question_keys if k in frame.columns]  # all a group's score reads
    if offsets is None:  # not integers: each group's rows tallied by value_counts
        labels = pd.Series(np.array(names, dtype=object)[codes], index=frame.index, dtype=object)
        return [
            (str(name), len(part), tally_frame(part, instrument))
            for name, part in frame[keys].groupby(labels, sort=True)
        ]
    count = len(names)
    sizes = np.bincount(codes, minlength=count).tolist()
    size = instrument.scale_max - instrument.scale_min + 1
    slots = size + 1  # per group: slot 0 for blanks and numbers off the scale, then each answer
    tables = _answer_tables(codes, [offsets[k] for k in keys], count, slots)
    return [
        (name, sizes[g], {k: Tally(tuple(t[g]), instrument.scale_min) for k, t in zip(keys, tables, strict=True)})
        for g, name in enumerate(names)
        if sizes[g]
    ]


# at most this many cells (group × answer of each question) in one count: a few questions a pass
_GROUP_CELLS = 4096


def _answer_tables(
    codes: npt.NDArray[np.intp], offsets: list[npt.NDArray[np.signedinteger[Any]]], count: int, slots: int
) -> list[list[list[int]]]:
    """Per question (its :func:`_scale_offsets`), per group (``codes``, ``count`` groups): the
    respondents giving each answer. Several questions are counted in one pass (their answers as one
    number in radix ``slots``, small integers while they fit) and each question's table is a margin."""
    import numpy as np  # noqa: PLC0415

    width = 1
    while width < len(offsets) and count * slots ** (width + 1) <= _GROUP_CELLS:
        width += 1
    dtype = np.int16 if count * slots**width < 2**15 else np.intp
    group: npt.NDArray[np.signedinteger[Any]] = codes.astype(dtype)
    tables: list[list[list[int]]] = []
    for start in range(0, len(offsets), width):
        chunk = offsets[start : start + width]
        cells = group.copy()
        for offset in chunk:  # slot 0 for a blank or a number off the scale (-1), then each answer
            cells *= slots
            cells += offset
        cells += sum(slots**i for i in range(len(chunk)))  # each offset + 1
        shape = (count, *([slots] * len(chunk)))
        table = np.bincount(cells, minlength=math.prod(shape)).reshape(shape)
        for i in range(len(chunk)):
            others = tuple(a for a in range(1, len(chunk) + 1) if a != i + 1)
            tables.append(table.sum(axis=others)[:, 1:].tolist() if others else table[:, 1:].tolist())
    return tables


def rules_of(
    rules: ScoringRules | None = None,
    *,
    weight: WeightPolicy | str | None = None,
    round_nrr: int | None = None,
    round_index: int | None = None,
) -> ScoringRules:
    """The scoring rules: ``rules`` as given, or built from the CLI's options ``--weight``,
    ``--round-nrr`` and ``--round-index`` (exact weights and no early rounding by default)."""
    if rules is not None:
        if weight is not None or round_nrr is not None or round_index is not None:
            msg = "give either rules or weight/round_nrr/round_index, not both"
            raise ValueError(msg)
        return rules
    return ScoringRules(
        weight=WeightPolicy(weight or WeightPolicy.EXACT), nrr_decimals=round_nrr, index_decimals=round_index
    )


def default_by(responses: Responses, by: str | None) -> str | None:
    """The grouping: ``by`` as given, else per file when several files were read (``berkas``)."""

    return by or (FILE_COLUMN if FILE_COLUMN in responses.frame.columns else None)


def score(
    source: str | Path | list[str | Path] | tuple[str | Path, ...] | pd.DataFrame | Responses,
    *,
    instrument: Instrument | str | Path = PERMENPAN_14_2017,
    rules: ScoringRules | None = None,
    weight: WeightPolicy | str | None = None,
    round_nrr: int | None = None,
    round_index: int | None = None,
    by: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    sheet: str | int | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    labels: LabelBook | str | Path | None = None,
    period: str | Period | None = None,
    column_map: Mapping[str, str] | None = None,
) -> IkmResult:
    """Read (if needed), validate and score responses: the result ``skm score`` prints, with the
    same options (``weight``, ``round_nrr``, ``round_index``, ``by``, ``min_group``, ``sheet``,
    ``invalid``, ``labels``, ``period``, ``instrument``, ``column_map`` for ``--map``), so that
    ``skm.result_to_dict(skm.score(path, ...))`` is the document of ``skm score path ... --format json``.

    ``source`` is a path (.xlsx, .xlsb, .xls, .ods, .csv), several paths or a folder (pooled and, unless
    ``by`` says otherwise, grouped per file), a DataFrame whose columns are headers (``U1``…``U9``
    plus attributes) or :class:`Responses`. ``period`` (``2026-TW1``, ``2026-01`` …) keeps only
    the respondents dated in it. Raises :class:`SkmError`.
    """
    chosen = rules_of(rules, weight=weight, round_nrr=round_nrr, round_index=round_index)
    responses = load(source, instrument=instrument, sheet=sheet, invalid=invalid, labels=labels, column_map=column_map)
    if period is not None:
        responses, _ = filter_period(responses, period)
    return score_responses(responses, rules=chosen, by=default_by(responses, by), min_group=min_group)


def tally_set(responses: Responses, by: str | None = None) -> TallySet:
    """The grouped tallies of read responses (per the attribute column ``by``, or pooled)."""
    instrument = responses.instrument
    frame = responses.frame
    if by is None:
        return TallySet(instrument, (), {(): GroupTally(len(frame), tally_frame(frame, instrument))})
    column = find_column(responses, by)
    labels = frame[column].map(lambda v: "(kosong)" if v is None or v != v else str(v).strip())  # noqa: PLR0124 - NaN
    groups: dict[tuple[str, ...], GroupTally] = {
        (str(name),): GroupTally(len(part), tally_frame(part, instrument))
        for name, part in frame.groupby(labels, sort=True)
    }
    return TallySet(instrument, (column,), groups)


def score_tally_set(
    tallies: TallySet,
    *,
    rules: ScoringRules | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    source: str = "-",
    grouped: bool = True,
    issues: Sequence[Issue] = (),
    invalid_total: int = 0,
) -> IkmResult:
    """Score grouped tallies: the pooled index on all respondents, and each group's (when ``grouped``).

    The same result :func:`score_responses` gives for the respondents the tallies count; ``issues``
    (what reading found) go out with it, as skipped cells and warnings; ``invalid_total`` counts the
    invalid cells when ``issues`` lists only the first of them.
    """
    rules = rules or ScoringRules()
    instrument = tallies.instrument
    total = tallies.total()
    try:
        result = score_tallies(total.tallies, total.respondents, instrument, rules)
    except NoAnswersError as exc:
        raise SkmError(IssueCode.NO_ANSWERS, ExitCode.INVALID_DATA, file=source, codes=", ".join(exc.codes)) from exc
    errors = tuple(i for i in issues if i.severity is Severity.ERROR)
    result = replace(
        result,
        source=source,
        skipped_cells=errors,
        warnings=tuple(i for i in issues if i.severity is not Severity.ERROR),
        skipped_total=invalid_total if invalid_total > len(errors) else 0,
    )
    if not tallies.group_by or not grouped:
        return result
    groups: list[GroupResult] = []
    for key in sorted(tallies.groups, key=" / ".join):
        part = tallies.groups[key]
        try:
            scored: IkmResult | None = score_tallies(part.tallies, part.respondents, instrument, rules)
            missing: tuple[str, ...] = ()
        except NoAnswersError as exc:
            scored, missing = None, exc.codes
        groups.append(GroupResult(" / ".join(key), part.respondents, scored, part.respondents < min_group, missing))
    return replace(result, group_by=" / ".join(tallies.group_by), groups=tuple(groups))


def read_tally_inputs(
    paths: list[Path],
    *,
    instrument: Instrument = PERMENPAN_14_2017,
    labels: LabelBook | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    by: str | None = None,
    sheet: str | int | None = None,
    min_bytes: int = 4 << 20,
) -> tuple[TallySet, str, list[Issue], int] | None:
    """Read responses files into pooled tallies, the large CSV/Parquet/xlsx ones with the engine
    (:mod:`skm.readers.engine`) and the others with the reference reader: ``(tallies, source, issues,
    invalid total)``, grouped per ``by``, else per file when there are several (as :func:`load` groups).

    ``None`` when no file is large enough for the engine to be worth its start (the caller then
    reads :class:`Responses` as usual). Every file is read before failing, so the error lists the
    problems of all files at once.
    """

    files = expand_paths(paths)
    # xlsx: the engine parses the sheet once (fastexcel) and its first rows from the guard's scan; whole
    # processes break even near 10 000 rows (≈ 0.6 MB, measured 2026-12), so from a quarter of ``min_bytes``
    large = [
        p.is_file()
        and p.suffix.lower() in ENGINE_SUFFIXES
        and p.stat().st_size >= (min_bytes // 4 if p.suffix.lower() in EXCEL_ENGINE_SUFFIXES else min_bytes)
        for p in files
    ]
    if not any(large):
        return None
    names = unique_names([p.name for p in files])
    several = len(files) > 1
    parts: list[TallySet] = []
    issues: list[Issue] = []
    invalid_total = 0
    failures: list[SkmError] = []
    for path, name, big in zip(files, names, large, strict=True):
        engine = big
        try:
            if engine:
                try:
                    read = read_tallies_engine(
                        path,
                        instrument=instrument,
                        labels=labels,
                        invalid=invalid,
                        group_by=(by,) if by else (),
                        group_name=name if several and not by else None,
                        sheet=sheet,
                    )
                    part, part_issues, part_invalid = read.tallies, read.issues, read.invalid_total
                except Fallback:
                    engine = False
            if not engine:
                responses = read_responses(path, sheet=sheet, instrument=instrument, invalid=invalid, labels=labels)
                part = tally_set(responses, by)
                if several and not by:
                    part = TallySet(instrument, (FILE_COLUMN,), {(name,): part.total()})
                part_issues, part_invalid = responses.issues, len(responses.errors)
        except SkmError as exc:
            failures.append(exc)
            continue
        parts.append(part)
        issues.extend(part_issues)
        invalid_total += part_invalid
    if failures:
        raise combined_failure(failures)
    pooled = parts[0]
    for part in parts[1:]:
        if part.group_by != pooled.group_by:  # a --by column named differently in two files: as the reference
            return None
        pooled = pooled + part
    return pooled, ", ".join(names), issues, invalid_total
