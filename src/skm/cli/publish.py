"""``skm publish FILES... -o site/``: a static open-results site, one period per responses file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from skm.cli.common import (
    DebugOption,
    ForceOption,
    InstrumentOption,
    InvalidOption,
    LabelsOption,
    LangOption,
    RoundIndexOption,
    RoundNrrOption,
    SheetOption,
    WeightOption,
    command_inputs,
    error_boundary,
    fail_usage,
    stderr_console,
)
from skm.cli.report import ConfigOption
from skm.core.calc import ScoringRules, WeightPolicy
from skm.errors import InvalidPolicy
from skm.text import Lang, t

__all__ = ["register"]


def publish(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="BERKAS...",
            help="Berkas jawaban, satu per periode (urut dari yang terlama). / Responses files, one per period.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FOLDER",
            help="Folder situs (harus belum ada atau kosong, kecuali --force). / Site folder.",
        ),
    ] = Path("situs-skm"),
    force: ForceOption = False,
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="NAMA", help="Nama unit pelayanan. / Service unit name.")
    ] = None,
    period_label: Annotated[
        list[str] | None,
        typer.Option(
            "--period-label",
            metavar="TEKS",
            help="Periode tiap berkas, berulang, urutan sama dengan berkas (mis. 2026-TW1 atau 'Triwulan I 2026'). "
            "/ Period of each file, repeated in file order.",
        ),
    ] = None,
    licence: Annotated[
        str,
        typer.Option(
            "--licence",
            metavar="LISENSI",
            help="Lisensi data terbuka: cc-by-4.0 (default), cc0-1.0 atau odbl-1.0. / Open-data licence.",
        ),
    ] = "cc-by-4.0",
    config: ConfigOption = None,
    posters: Annotated[
        bool,
        typer.Option(
            "--posters/--no-posters",
            help="Infografis tiap periode (skm poster, PNG 1080×1350 dan 1080×1080). / Posters per period.",
        ),
    ] = True,
    instrument: InstrumentOption = None,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    labels: LabelsOption = None,
    weight: WeightOption = WeightPolicy.EXACT,
    round_nrr: RoundNrrOption = None,
    round_index: RoundIndexOption = None,
    with_stats: Annotated[
        bool,
        typer.Option("--stats/--no-stats", help="Uji statistik di laporan tiap periode. / Statistics in each report."),
    ] = True,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Buat situs hasil terbuka (folder statis). / Write a static open-results site.

    Halaman indeks per periode dan per layanan, laporan lengkap, data terbuka (JSON/CSV) dengan
    lisensi yang disebutkan; tanpa skrip dan tanpa sumber luar, terbaca di ponsel.
    """
    with error_boundary(lang, debug):
        from skm.cli.report import gather, note_placeholders, report_info  # noqa: PLC0415
        from skm.output import check_folder, write_folder  # noqa: PLC0415
        from skm.render.site import LICENCES, SitePeriod, build_site, site_posters  # noqa: PLC0415

        if licence not in LICENCES:
            fail_usage(t("publish-licence", lang, licence=licence, known=", ".join(LICENCES)))
        periods = period_label or []
        if periods and len(periods) != len(files):
            fail_usage(t("publish-periods", lang, periods=len(periods), files=len(files)))
        inputs = command_inputs(files, labels=labels, instrument=instrument, extra=[config])
        check_folder(output, inputs=inputs, force=force)
        info = report_info(config, head=None, nip=None, logo=None, lang=lang)
        rules = ScoringRules(weight=weight, nrr_decimals=round_nrr, index_decimals=round_index)
        site: list[SitePeriod] = []
        for i, file in enumerate(files):
            data = gather(
                file,
                instrument=instrument,
                sheet=sheet,
                invalid=invalid,
                labels=labels,
                lang=lang,
                rules=rules,
                with_stats=with_stats,
                unit=unit or info.unit,
                period_label=periods[i] if periods else None,
                info=info,
            )
            site.append(SitePeriod(data, site_posters(data) if posters else None))
        write_folder(
            output, build_site(site, licence=licence), inputs=[*files, *([config] if config else [])], force=force
        )
        stderr_console().print(t("publish-written", lang, folder=output, index=output / "index.html"), markup=False)
        note_placeholders(info, lang)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("publish")(publish)
