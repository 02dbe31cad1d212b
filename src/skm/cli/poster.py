"""``skm poster FILE``: the one-page infographic (PNG, PDF or SVG) units post and hang up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from skm.cli.common import (
    DebugOption,
    ForceOption,
    InstrumentOption,
    InvalidOption,
    LabelsOption,
    LangOption,
    SheetOption,
    UnitOption,
    error_boundary,
    read_input,
    stderr_console,
)
from skm.errors import ExitCode, InvalidPolicy, IssueCode, SkmError
from skm.text import Lang

if TYPE_CHECKING:
    from skm.core.calc import IkmResult
    from skm.readers import Responses
    from skm.render.poster import PosterData

__all__ = ["register"]

LOGO_LIMIT_MB = 20


class Size(StrEnum):
    """Poster sizes (the same names as :class:`skm.render.poster.PosterSize`)."""

    SOCIAL = "social"
    SQUARE = "square"
    A3 = "a3"
    BANNER = "banner"


class Format(StrEnum):
    """Poster file formats."""

    PNG = "png"
    PDF = "pdf"
    SVG = "svg"


@dataclass(frozen=True)
class _Job:
    target: Path
    data: PosterData
    group: str | None = None


def _option_error(key: str, lang: Lang, exit_code: ExitCode, **params: object) -> SkmError:
    from skm.text.poster import pt  # noqa: PLC0415

    return SkmError(IssueCode.INVALID_OPTION, exit_code, reason=pt(key, lang, **params))


def resolve_format(output: Path | None, fmt: Format | None, size: Size, lang: Lang) -> Format:
    """The file format: ``--format``, else the ``-o`` suffix, else the size's usual one (PNG, print PDF)."""
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix not in {f.value for f in Format}:
            if fmt is None:
                raise _option_error("bad-format", lang, ExitCode.USAGE, suffix=output.suffix or output.name)
            raise _option_error("format-conflict", lang, ExitCode.USAGE, fmt=fmt.value, file=output.name)
        if fmt is not None and fmt.value != suffix:
            raise _option_error("format-conflict", lang, ExitCode.USAGE, fmt=fmt.value, file=output.name)
        return Format(suffix)
    if fmt is not None:
        return fmt
    return Format.PDF if size in {Size.A3, Size.BANNER} else Format.PNG


def slug(text: str) -> str:
    """A safe file-name part for a group name (ASCII letters, digits and '-'; never a path)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:40].strip("-")


def group_targets(base: Path, groups: list[str]) -> list[Path]:
    """``<base stem>_<group slug><suffix>`` for each group, unique even when slugs collide."""
    seen: set[str] = set()
    targets: list[Path] = []
    for i, group in enumerate(groups, start=1):
        part = slug(group) or f"kelompok-{i}"
        candidate, n = part, 2
        while candidate in seen:
            candidate, n = f"{part}-{n}", n + 1
        seen.add(candidate)
        targets.append(base.with_name(f"{base.stem}_{candidate}{base.suffix}"))
    return targets


def _read_logo(path: Path, lang: Lang) -> bytes:
    from skm.render.poster import LogoError, check_logo  # noqa: PLC0415

    if path.suffix.lower() not in {".png", ".jpg", ".jpeg"}:
        raise _option_error("logo-suffix", lang, ExitCode.USAGE, file=path.name)
    if not path.exists():
        raise SkmError(IssueCode.FILE_NOT_FOUND, ExitCode.INPUT_ERROR, file=str(path))
    if not path.is_file():
        raise SkmError(IssueCode.NOT_A_FILE, ExitCode.INPUT_ERROR, file=str(path))
    size = path.stat().st_size
    if size > LOGO_LIMIT_MB * 1024 * 1024:
        raise _option_error(
            "logo-too-large", lang, ExitCode.INPUT_ERROR, file=path.name, size=size // 2**20, limit=LOGO_LIMIT_MB
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _option_error("logo-unreadable", lang, ExitCode.INPUT_ERROR, file=path.name, reason=exc.strerror) from exc
    try:
        check_logo(data)
    except LogoError as exc:
        raise _option_error("logo-unreadable", lang, ExitCode.INPUT_ERROR, file=path.name, reason=str(exc)) from exc
    return data


def _check_qr(url: str, lang: Lang) -> None:
    from skm.render.poster import QR_MAX_CHARS, QrError, check_qr  # noqa: PLC0415
    from skm.text.poster import pt  # noqa: PLC0415

    text = url.strip()
    if not text:
        raise _option_error("qr-invalid", lang, ExitCode.USAGE, reason=pt("qr-empty", lang))
    if len(text) > QR_MAX_CHARS:
        reason = pt("qr-too-long", lang, n=len(text), limit=QR_MAX_CHARS)
        raise _option_error("qr-invalid", lang, ExitCode.USAGE, reason=reason)
    try:
        check_qr(text)
    except QrError as exc:
        raise _option_error("qr-invalid", lang, ExitCode.USAGE, reason=str(exc)) from exc


def _data_period(responses: Responses, lang: Lang) -> str | None:
    """The span of the respondents' dates ("5 Januari 2026 – 28 Maret 2026"), when the file has dates."""
    from skm.core.periods import day_range as date_range  # noqa: PLC0415
    from skm.readers.dates import date_values  # noqa: PLC0415

    values = [v for v in (date_values(responses) or []) if v is not None]
    if not values:
        return None
    return date_range(min(values).date(), max(values).date(), lang)


FileArgument = Annotated[
    Path,
    typer.Argument(
        metavar="BERKAS", help="Berkas jawaban (.xlsx, .xlsb, .xls, .ods, .csv). / Responses file.", show_default=False
    ),
]
SizeOption = Annotated[
    Size,
    typer.Option(
        "--size",
        help="social (1080×1350 px), square (1080×1080 px), a3 (cetak A3) atau banner (60×160 cm). / Page size.",
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="png, pdf atau svg (default: dari akhiran -o; png untuk social/square, pdf untuk a3/banner).",
        show_default=False,
    ),
]
PosterOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help="Berkas poster (default: <nama berkas>_poster.<format> di samping berkas jawaban). / Output file.",
    ),
]
PeriodLabelOption = Annotated[
    str | None,
    typer.Option(
        "--period-label",
        metavar="TEKS",
        help="Periode yang ditulis di poster, mis. 'Triwulan I 2026' (default: dari --period atau tanggal data). "
        "/ Period printed on the poster.",
    ),
]
PosterPeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        metavar="PERIODE",
        help="Hanya responden pada periode ini: 2026-01, 2026-TW1, 2026-S1 atau 2026. "
        "/ Only respondents dated in this period.",
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="KOLOM",
        help="Satu poster per kelompok kolom ini (mis. layanan). / One poster per group of this column.",
    ),
]
MinGroupOption = Annotated[
    int,
    typer.Option(
        "--min-group",
        min=1,
        metavar="N",
        help="Kelompok lebih kecil dari ini diberi tanda di posternya. / Mark smaller groups.",
    ),
]
SkipSmallOption = Annotated[
    bool,
    typer.Option("--skip-small", help="Lewati kelompok kecil (< --min-group). / Skip small groups."),
]
LogoOption = Annotated[
    Path | None,
    typer.Option("--logo", metavar="BERKAS", dir_okay=False, help="Logo unit (.png/.jpg). / Unit logo."),
]
QrOption = Annotated[
    str | None,
    typer.Option("--qr", metavar="URL", help="Kode QR ke alamat ini (hasil lengkap). / QR code to this address."),
]
PromiseOption = Annotated[
    str | None,
    typer.Option(
        "--promise",
        metavar="TEKS",
        help="Kalimat janji tindak lanjut (default: kalimat baku). / The follow-up promise line.",
    ),
]


def poster(
    file: FileArgument,
    size: SizeOption = Size.SOCIAL,
    output_format: FormatOption = None,
    output: PosterOutputOption = None,
    force: ForceOption = False,
    unit: UnitOption = None,
    period_label: PeriodLabelOption = None,
    period: PosterPeriodOption = None,
    by: ByOption = None,
    min_group: MinGroupOption = 5,
    skip_small: SkipSmallOption = False,
    logo: LogoOption = None,
    qr: QrOption = None,
    promise: PromiseOption = None,
    instrument: InstrumentOption = None,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    labels: LabelsOption = None,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Buat poster infografis hasil SKM (satu halaman). / Make the one-page SKM infographic.

    Memuat unit, periode, IKM, mutu dan kinerja, jumlah responden, nilai tiap unsur (25 × NRR)
    berwarna menurut mutu, unsur terlemah dengan janji tindak lanjut, logo dan kode QR (opsional),
    dan ucapan terima kasih. Angka sama persis dengan skm score.
    """
    with error_boundary(lang, debug):
        from skm.analysis.score import score_responses  # noqa: PLC0415
        from skm.output import check_output, write_atomic  # noqa: PLC0415
        from skm.readers.dates import parse_period  # noqa: PLC0415
        from skm.render.poster import PosterData, PosterFormat, PosterSize, render_poster  # noqa: PLC0415
        from skm.text.poster import pt  # noqa: PLC0415

        fmt = resolve_format(output, output_format, size, lang)
        wanted = parse_period(period) if period is not None else None  # a usage error before any reading
        if qr is not None:
            _check_qr(qr, lang)
        logo_bytes = _read_logo(logo, lang) if logo is not None else None
        inputs = [file, *([logo] if logo is not None else [])]
        base = output or file.with_name(f"{file.stem}_poster.{fmt.value}")
        if by is None:
            check_output(base, inputs=inputs, force=force)  # refuse before the reading work
        responses = read_input(
            [file], instrument=instrument, sheet=sheet, invalid=invalid, labels=labels, lang=lang, progress=True
        )
        err = stderr_console()
        if wanted is not None:
            from skm.readers.dates import filter_period  # noqa: PLC0415
            from skm.text import t  # noqa: PLC0415

            responses, left_out = filter_period(responses, wanted)
            if left_out:
                err.print(t("period-excluded", lang, count=left_out, period=wanted.label), markup=False)
        result = score_responses(responses, by=by, min_group=min_group)
        shown_period = period_label or (wanted.name(lang) if wanted is not None else _data_period(responses, lang))
        pooled = PosterData(
            result,
            lang=lang,
            unit=unit,
            period=shown_period,
            promise=promise,
            logo=logo_bytes,
            qr_url=qr.strip() if qr is not None else None,
        )
        if by is None:
            jobs = [_Job(base, pooled)]
        else:
            jobs = _group_jobs(result, pooled, base, by, min_group=min_group, skip_small=skip_small, lang=lang)
            for job in jobs:  # every target is checked before the first is written
                check_output(job.target, inputs=inputs, force=force)
        if unit is None:
            err.print(pt("no-unit", lang, placeholder=pt("unit-unknown", lang)), markup=False)
        for job in jobs:
            content = render_poster(job.data, PosterSize(size.value), PosterFormat(fmt.value))
            write_atomic(job.target, content, inputs=inputs, force=force)
            err.print(pt("written", lang, file=job.target), markup=False, highlight=False)


def _group_jobs(
    result: IkmResult, pooled: PosterData, base: Path, by: str, *, min_group: int, skip_small: bool, lang: Lang
) -> list[_Job]:
    """One poster per ``--by`` group that can be shown; skipped and small groups said on stderr."""
    from skm.text.poster import pt  # noqa: PLC0415

    err = stderr_console()
    kept = []
    for g in result.groups:
        if g.result is None:
            err.print(pt("group-skipped", lang, group=g.group, codes=", ".join(g.missing)), markup=False)
        elif g.small and skip_small:
            err.print(pt("group-skipped-small", lang, group=g.group, n=g.respondents, minimum=min_group), markup=False)
        else:
            if g.small:
                err.print(pt("group-small", lang, group=g.group, n=g.respondents, minimum=min_group), markup=False)
            kept.append(g)
    if not kept:
        raise _option_error("no-groups", lang, ExitCode.INVALID_DATA, column=result.group_by or by)
    jobs: list[_Job] = []
    for g, target in zip(kept, group_targets(base, [g.group for g in kept]), strict=True):
        assert g.result is not None
        data = replace(
            pooled,
            result=g.result,
            group_column=result.group_by,
            group=g.group,
            small_below=min_group if g.small else None,
        )
        jobs.append(_Job(target, data, g.group))
    return jobs


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("poster")(poster)
