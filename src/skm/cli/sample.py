"""``skm sample``: minimum number of respondents (Krejcie & Morgan by default).

Imports nothing heavy: it must start faster than ``import pandas``.
"""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path
from typing import Annotated

import typer

from skm.cli.common import DebugOption, LangOption, TableJson, error_boundary, fail_usage, print_renderable
from skm.core.sampling import Method, Rounding, SampleSize, ServiceSample, allocate, sample_size
from skm.text import Lang, t

__all__ = ["parse_services", "register"]


def _whole(text: str, lang: Lang) -> int:
    if text.startswith("--"):
        fail_usage(t("sample-unknown-option", lang, value=text))
    try:
        value = Fraction(text.strip().replace("_", ""))
    except (ValueError, ZeroDivisionError):
        fail_usage(t("sample-bad-population", lang, value=text))
    if value.denominator != 1 or value < 1:
        fail_usage(t("sample-bad-population", lang, value=text))
    return int(value)


def _unit_interval(text: str, key: str, lang: Lang) -> Fraction:
    try:
        value = Fraction(text.strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        fail_usage(t(f"sample-bad-{key}", lang, value=text))
    if not 0 < value < 1:
        fail_usage(t(f"sample-bad-{key}", lang, value=text))
    return value


def parse_services(options: list[str], file: Path | None, lang: Lang) -> dict[str, int]:
    """Service populations from repeated NAME=N options and/or a CSV of service,population (exit 2 on errors)."""
    services: dict[str, int] = {}
    for item in options:
        name, sep, number = item.rpartition("=")
        if not sep or not name.strip():
            fail_usage(t("sample-bad-service", lang, value=item))
        services[name.strip()] = _whole(number, lang)
    if file is not None:
        try:
            from skm.readers.files import decode_text, sniff_delimiter  # noqa: PLC0415

            text = decode_text(file.read_bytes(), file)
        except OSError as exc:
            fail_usage(t("sample-services-file", lang, file=file, reason=exc.strerror))
        rows = [r for r in csv.reader(text.splitlines(), delimiter=sniff_delimiter(text)) if any(c.strip() for c in r)]
        for line, row in enumerate(rows, 1):
            if len(row) < 2:
                fail_usage(t("sample-services-file", lang, file=file, reason=t("sample-services-row", lang, line=line)))
            if line == 1 and not row[1].strip().replace("_", "").isdigit():
                continue  # header row
            services[row[0].strip()] = _whole(row[1], lang)
    return services


def sample(
    population: Annotated[
        str | None,
        typer.Argument(metavar="POPULASI", help="Jumlah populasi pengguna layanan. / Population (service users)."),
    ] = None,
    method: Annotated[Method, typer.Option(help="Rumus ukuran sampel. / Sample-size formula.")] = Method.KREJCIE_MORGAN,
    rounding: Annotated[
        Rounding | None,
        typer.Option(
            help="Pembulatan: half-up (tabel K&M) atau up. Default: half-up untuk K&M, up untuk Slovin/Cochran."
        ),
    ] = None,
    margin: Annotated[str, typer.Option(metavar="D", help="Batas kesalahan d/e, 0–1. / Margin of error.")] = "0.05",
    confidence: Annotated[
        str,
        typer.Option(metavar="C", help="Tingkat kepercayaan (K&M, Cochran). 0.95 → X² = 3,841. / Confidence level."),
    ] = "0.95",
    proportion: Annotated[
        str, typer.Option(metavar="P", help="Proporsi P (K&M, Cochran). / Population proportion.")
    ] = "0.5",
    service: Annotated[
        list[str] | None,
        typer.Option(
            "--service",
            metavar="NAMA=POPULASI",
            help='Populasi per layanan, berulang: --service "KTP-el=1200". / Per service.',
        ),
    ] = None,
    services_file: Annotated[
        Path | None,
        typer.Option(
            "--services-file",
            help="CSV berisi layanan,populasi. / CSV of service,population.",
            dir_okay=False,
            readable=False,
        ),
    ] = None,
    output_format: Annotated[TableJson, typer.Option("--format", help="table atau json.")] = TableJson.TABLE,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Hitung ukuran sampel minimum (Krejcie & Morgan). / Minimum survey sample size.

    Contoh / examples: skm sample 1000 → 278;  skm sample --service "KTP-el=1200" --service "KK=800"
    """
    with error_boundary(lang, debug):
        m = _unit_interval(margin, "margin", lang)
        c = _unit_interval(confidence, "confidence", lang)
        p = _unit_interval(proportion, "proportion", lang)
        services = parse_services(service or [], services_file, lang)
        if population is None and not services:
            fail_usage(t("sample-no-population", lang))
        total = sum(services.values())
        n = total if population is None else _whole(population, lang)
        if services and n != total:
            fail_usage(t("sample-population-mismatch", lang, population=n, total=total))

        def size(pop: int) -> SampleSize:
            return sample_size(pop, method=method, rounding=rounding, margin=m, confidence=c, proportion=p)

        overall = size(n)
        shares = allocate(overall.sample, services) if services else {}
        rows = [ServiceSample(k, v, size(v).sample, shares[k]) for k, v in services.items()]
        if output_format is TableJson.JSON:
            from skm.render.json import dumps, sample_to_dict  # noqa: PLC0415

            data = sample_to_dict(overall, rows)
            typer.echo(dumps(data))
            return
        from skm.render.console import sample_renderable  # noqa: PLC0415

        print_renderable(sample_renderable(overall, lang, rows))


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    # "-5" must reach the population check (one clear line) instead of "No such option: -5"
    app.command("sample", context_settings={"ignore_unknown_options": True})(sample)
