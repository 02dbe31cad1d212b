"""Responses → results: score a file, a DataFrame or a :class:`Responses` table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from skm.core.calc import GroupResult, IkmResult, NoAnswersError, ScoringRules, Tally, WeightPolicy, score_tallies
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.periods import Period
from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers import InvalidPolicy, Responses, read_responses, responses_from_frame
from skm.readers.cells import LabelBook
from skm.readers.headers import match_profile

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_MIN_GROUP",
    "default_by",
    "find_column",
    "load",
    "rules_of",
    "score",
    "score_responses",
    "tally_frame",
]

DEFAULT_MIN_GROUP = 5


def tally_frame(frame: pd.DataFrame, instrument: Instrument = PERMENPAN_14_2017) -> dict[str, Tally]:
    """Per-question tallies of a canonical frame (columns ``u1``… with scores or ``<NA>``)."""
    size = instrument.scale_max - instrument.scale_min + 1
    tallies: dict[str, Tally] = {}
    for key in instrument.question_keys:
        if key not in frame.columns:
            continue
        counts = frame[key].value_counts(dropna=True)
        tallies[key] = Tally(
            tuple(int(counts.get(instrument.scale_min + i, 0)) for i in range(size)), instrument.scale_min
        )
    return tallies


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
        from skm.readers.labelfile import load_labels  # noqa: PLC0415

        labels = load_labels(Path(labels), instrument)
    if isinstance(source, list | tuple) or (isinstance(source, str | Path) and Path(source).is_dir()):
        from skm.readers.combine import read_many  # noqa: PLC0415

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
    try:
        total = _score_frame(frame, instrument, rules)
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
    from skm.readers.dates import PERIOD_COLUMN, PERIOD_KINDS, with_period_column  # noqa: PLC0415

    word = by.strip().lower()
    if word in PERIOD_KINDS and PERIOD_COLUMN not in frame.columns and word not in _lower_columns(frame):
        responses = with_period_column(responses, PERIOD_KINDS[word])
        frame = responses.frame
        by = PERIOD_COLUMN
    column = find_column(responses, by)
    labels = frame[column].map(lambda v: "(kosong)" if v is None or v != v else str(v).strip())  # noqa: PLR0124 - NaN
    groups: list[GroupResult] = []
    for name, part in frame.groupby(labels, sort=True):
        group = str(name)
        try:
            result: IkmResult | None = _score_frame(part, instrument, rules)
            missing: tuple[str, ...] = ()
        except NoAnswersError as exc:
            result, missing = None, exc.codes
        groups.append(GroupResult(group, len(part), result, len(part) < min_group, missing))
    return replace(total, group_by=column, groups=tuple(groups))


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
    from skm.readers.combine import FILE_COLUMN  # noqa: PLC0415

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

    ``source`` is a path (.xlsx, .xls, .ods, .csv), several paths or a folder (pooled and, unless
    ``by`` says otherwise, grouped per file), a DataFrame whose columns are headers (``U1``…``U9``
    plus attributes) or :class:`Responses`. ``period`` (``2026-TW1``, ``2026-01`` …) keeps only
    the respondents dated in it. Raises :class:`SkmError`.
    """
    chosen = rules_of(rules, weight=weight, round_nrr=round_nrr, round_index=round_index)
    responses = load(source, instrument=instrument, sheet=sheet, invalid=invalid, labels=labels, column_map=column_map)
    if period is not None:
        from skm.readers.dates import filter_period  # noqa: PLC0415

        responses, _ = filter_period(responses, period)
    return score_responses(responses, rules=chosen, by=default_by(responses, by), min_group=min_group)
