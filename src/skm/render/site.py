"""The open-results site of ``skm publish``: a static folder a unit uploads to its website.

:func:`build_site` turns one :class:`~skm.analysis.facts.ReportData` per period into a mapping
``relative path → content``: an index of the periods, one page per period and per service, the
full HTML report of each period, posters when given, and the open data (tallies, result JSON and
CSV) under a stated licence. Pages are plain HTML with the report's stylesheet: no script, no
request outside the folder, readable on a phone. Nothing here reads a file or recomputes a number.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from skm.analysis.facts import ReportData, percent
from skm.render.csv import result_csv
from skm.render.document.blocks import BarChart, fmt
from skm.render.document.html import CSS, escape, render_html, render_section, svg_bar_chart
from skm.render.document.sections import build_document, section_elements, section_headline, section_services
from skm.render.json import dumps, report_to_dict, result_to_dict
from skm.render.safe import neutralise_formula
from skm.text import Lang
from skm.text.report import tr

__all__ = ["LICENCES", "SitePeriod", "build_site", "period_slug", "site_posters", "slugify"]

#: Licences a unit can state for its open data: key → (name, URL written as text).
LICENCES: dict[str, tuple[str, str]] = {
    "cc-by-4.0": ("Creative Commons Attribution 4.0 International (CC BY 4.0)", "creativecommons.org/licenses/by/4.0/"),
    "cc0-1.0": ("CC0 1.0 Universal (domain publik)", "creativecommons.org/publicdomain/zero/1.0/"),
    "odbl-1.0": ("Open Data Commons Open Database License (ODbL) 1.0", "opendatacommons.org/licenses/odbl/1-0/"),
}

_SITE_CSS = """
.site-nav{font-size:9.5pt;margin:0 0 10px;color:var(--muted)}
.site-nav a{color:var(--navy)}
.downloads{list-style:none;padding:0;margin:6px 0 12px;display:flex;flex-wrap:wrap;gap:8px}
.downloads li a{display:inline-block;border:1px solid var(--line);border-left:4px solid var(--navy);
  padding:6px 10px;color:var(--ink);text-decoration:none;background:var(--soft)}
.downloads li a:hover{background:#dde5ef}
.services{columns:2;column-gap:24px;padding-left:18px}
.licence{font-size:9pt;color:var(--muted);border-top:1px solid var(--line);padding-top:8px;margin-top:18px}
img.poster{display:block;width:100%;max-width:420px;height:auto;border:1px solid var(--line);margin:6px 0 14px}
@media screen and (max-width:700px){.services{columns:1}}
"""


@dataclass(frozen=True)
class SitePeriod:
    """One period of the site: its report facts and the posters made for it (file name → bytes)."""

    data: ReportData
    posters: Mapping[str, bytes] | None = None


def site_posters(data: ReportData) -> dict[str, bytes]:
    """The infographics of one period (``skm poster``): social-media portrait and square PNG."""
    from skm.render.poster import PosterData, PosterFormat, PosterSize, render_poster  # noqa: PLC0415 - matplotlib

    poster = PosterData(
        data.result,
        lang=data.lang,
        unit=data.unit_text,
        period=data.period_text,
        logo=data.info.logo.data if data.info is not None and data.info.logo is not None else None,
    )
    return {
        "poster-1080x1350.png": render_poster(poster, PosterSize.SOCIAL, PosterFormat.PNG),
        "poster-1080x1080.png": render_poster(poster, PosterSize.SQUARE, PosterFormat.PNG),
    }


def slugify(text: str, fallback: str = "x") -> str:
    """A safe, readable file or folder name: ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def period_slug(data: ReportData) -> str:
    """The folder of a period: its code (``2026-tw1``), else its data's dates, else the file name."""
    if data.period:
        return slugify(data.period, "periode")
    if data.first_date is not None and data.last_date is not None:
        return f"{data.first_date.isoformat()}_{data.last_date.isoformat()}"
    return slugify(data.source_name.rsplit(".", 1)[0], "periode")


def _page(title: str, body: str, lang: Lang, depth: int, footer: str) -> str:
    home = "../" * depth + "index.html"
    nav = "" if depth == 0 else f'<p class="site-nav"><a href="{home}">← {escape(tr("site-home", lang))}</a></p>'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}{_SITE_CSS}</style>\n</head>\n<body>\n"
        f'<main class="page">\n{nav}{body}\n<footer><span>{escape(footer)}</span></footer>\n</main>\n</body>\n</html>\n'
    )


def _licence(lang: Lang, licence: str, depth: int) -> str:
    name, url = LICENCES[licence]
    link = "../" * depth + "LISENSI.txt"
    return (
        f'<p class="licence">{escape(tr("site-licence", lang, licence=name, url=url))} '
        f'<a href="{link}">LISENSI.txt</a></p>'
    )


def _downloads(items: Sequence[tuple[str, str]]) -> str:
    lis = "".join(f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for href, label in items)
    return f'<ul class="downloads">{lis}</ul>'


def tally_csv(data: ReportData) -> str:
    """The answer tallies: per element, how many respondents gave each answer value."""
    inst = data.result.instrument
    values = list(range(inst.scale_min, inst.scale_max + 1))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "element", *(f"answer_{v}" for v in values), "answered"])
    for e in data.result.elements:
        writer.writerow([neutralise_formula(e.code), neutralise_formula(e.name), *e.counts, sum(e.counts)])
    return buffer.getvalue()


def profile_csv(data: ReportData) -> str:
    """The respondent profile counts (no row is a person: only counts per category)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["attribute", "category", "count", "percent"])
    for p in data.profiles:
        for label, n in p.rows:
            writer.writerow([p.name, neutralise_formula(label), n, percent(n, p.total)])
    return buffer.getvalue()


def _period_page(period: SitePeriod, slug: str, licence: str, services: list[tuple[str, str, str]]) -> str:
    data = period.data
    lang = data.lang
    doc = build_document(data, [section_headline, section_elements, section_services])
    sections = "".join(render_section(s, doc, str(i)) for i, s in enumerate(doc.sections, start=1))
    downloads = [("laporan.html", tr("site-report", lang))]
    downloads += [
        ("data/hasil.json", tr("site-json", lang)),
        ("data/hasil.csv", tr("site-csv", lang)),
        ("data/sebaran.csv", tr("site-tally", lang)),
        ("data/profil.csv", tr("site-profile", lang)),
    ]
    posters = ""
    if period.posters:
        downloads += [(f"poster/{name}", f"{tr('site-poster', lang)} {name}") for name in period.posters]
        first = next((n for n in period.posters if n.endswith(".png")), None)
        if first is not None:
            posters = f'<img class="poster" src="poster/{escape(first)}" alt="{escape(tr("site-poster", lang))}">'
    service_list = ""
    if services:
        items = "".join(
            f'<li><a href="layanan/{escape(s)}.html">{escape(name)}</a> — {escape(text)}</li>'
            for s, name, text in services
        )
        service_list = f"<h3>{escape(tr('site-services', lang))}</h3><ul class='services'>{items}</ul>"
    body = (
        f'<header class="cover"><div class="kicker">{escape(tr("site-kicker", lang))}</div>'
        f'<h1>{escape(data.unit_text)}</h1><p class="period">{escape(data.period_text)}</p></header>'
        f'<h2 class="first">{escape(tr("site-downloads", lang))}</h2>{_downloads(downloads)}{posters}'
        f"{sections}{service_list}{_licence(lang, licence, 1)}"
    )
    return _page(f"{data.unit_text} — {data.period_text}", body, lang, 1, doc.footer)


def _service_page(data: ReportData, group: str, small: bool, licence: str, footer: str) -> str:
    lang = data.lang
    doc = build_document(data, [section_headline, section_elements])
    sections = "".join(render_section(s, doc, str(i)) for i, s in enumerate(doc.sections, start=1))
    note = f'<p class="note">{escape(tr("site-small", lang, minimum=data.min_group))}</p>' if small else ""
    body = (
        f'<header class="cover"><div class="kicker">{escape(tr("site-kicker", lang))}</div>'
        f'<h1>{escape(group)}</h1><p class="period">{escape(data.unit_text)} · {escape(data.period_text)}</p>'
        f"</header>{note}{sections}"
        f'<p><a href="../index.html">{escape(tr("site-back-period", lang, period=data.period_text))}</a></p>'
        f"{_licence(lang, licence, 2)}"
    )
    return _page(f"{group} — {data.period_text}", body, lang, 2, footer)


def _index(periods: Sequence[tuple[str, SitePeriod]], licence: str, footer: str) -> str:
    latest = periods[-1][1].data
    lang = latest.lang
    doc = build_document(latest, [section_headline])
    headline = "".join(render_section(s, doc, "") for s in doc.sections)
    rows = []
    for slug, p in reversed(periods):
        r = p.data.result
        perf = r.band.performance_en if lang is Lang.EN else r.band.performance
        rows.append(
            f'<tr><td><a href="{escape(slug)}/index.html">{escape(p.data.period_text)}</a></td>'
            f'<td class="num">{r.respondents}</td><td class="num">{escape(fmt(r.ikm_display, lang))}</td>'
            f"<td>{escape(r.grade)}</td><td>{escape(perf)}</td>"
            f'<td><a href="{escape(slug)}/laporan.html">{escape(tr("site-report-short", lang))}</a></td></tr>'
        )
    head = "".join(
        ('<th class="num">' if k in {"respondents-short", "ikm"} else "<th>") + f"{escape(tr(k, lang))}</th>"
        for k in ("period", "respondents-short", "ikm", "grade", "performance", "site-report-short")
    )
    table = (
        f'<div class="tscroll"><table data-table="periods"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    chart = ""
    if len(periods) > 1:
        first = periods[-1][1].data.result
        bands = tuple(
            (b.lower, b.grade)
            for b in first.instrument.bands
            if b.lower > first.instrument.conversion * first.instrument.scale_min
        )
        chart = svg_bar_chart(
            BarChart(
                tr("site-chart-periods", lang),
                tuple(p.data.period_text for _, p in periods),
                tuple(p.data.result.ikm_display for _, p in periods),
                minimum=Decimal(first.instrument.conversion * first.instrument.scale_min),
                maximum=Decimal(first.instrument.conversion * first.instrument.scale_max),
                bands=bands,
                grades=tuple(p.data.result.grade for _, p in periods),
                series=tr("ikm", lang),
            ),
            doc,
        )
    body = (
        f'<header class="cover"><div class="kicker">{escape(tr("site-kicker", lang))}</div>'
        f"<h1>{escape(latest.unit_text)}</h1>"
        f'<p class="sub">{escape(tr("site-intro", lang))}</p>'
        f'<p class="period">{escape(tr("site-latest", lang, period=latest.period_text))}</p></header>'
        f"{headline}<h2>{escape(tr('site-periods', lang))}</h2>{table}{chart}"
        f"<h2>{escape(tr('site-open-data', lang))}</h2><p>{escape(tr('site-open-data-text', lang))}</p>"
        f"{_licence(lang, licence, 0)}"
    )
    return _page(f"{tr('doc-title', lang)} — {latest.unit_text}", body, lang, 0, footer)


def _licence_text(periods: Sequence[tuple[str, SitePeriod]], licence: str) -> str:
    data = periods[-1][1].data
    name, url = LICENCES[licence]
    return tr("site-licence-file", data.lang, unit=data.unit_text, licence=name, url=url) + "\n"


def build_site(periods: Sequence[SitePeriod], *, licence: str = "cc-by-4.0") -> dict[str, str | bytes]:
    """Every file of the site, ``relative path → text or bytes``; periods in the order given
    (oldest first: the last one is the index's headline)."""
    if not periods:
        msg = "a site needs at least one period"
        raise ValueError(msg)
    slugs: list[tuple[str, SitePeriod]] = []
    seen: set[str] = set()
    for p in periods:
        base = period_slug(p.data)
        slug, n = base, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        slugs.append((slug, p))
    footer = build_document(periods[-1].data, []).footer
    files: dict[str, str | bytes] = {
        "index.html": _index(slugs, licence, footer),
        "LISENSI.txt": _licence_text(slugs, licence),
    }
    for slug, p in slugs:
        data = p.data
        lang = data.lang
        services: list[tuple[str, str, str]] = []
        used: set[str] = set()
        if data.by_service is not None:
            for g in data.by_service.groups:
                if g.result is None:
                    continue
                s = slugify(g.group, "layanan")
                base, n = s, 2
                while s in used:
                    s, n = f"{base}-{n}", n + 1
                used.add(s)
                text = f"IKM {fmt(g.result.ikm_display, lang)} ({g.result.grade}), n = {g.respondents}"
                services.append((s, g.group, text))
                group_data = replace(data, result=g.result, by_service=None, unit=data.unit_text)
                files[f"{slug}/layanan/{s}.html"] = _service_page(group_data, g.group, g.small, licence, footer)
        files[f"{slug}/index.html"] = _period_page(p, slug, licence, services)
        files[f"{slug}/laporan.html"] = render_html(build_document(data))
        scored = data.by_service if data.by_service is not None else data.result
        files[f"{slug}/data/hasil.json"] = dumps(result_to_dict(scored, lang)) + "\n"
        files[f"{slug}/data/laporan.json"] = dumps(report_to_dict(data)) + "\n"
        files[f"{slug}/data/hasil.csv"] = result_csv(scored)
        files[f"{slug}/data/sebaran.csv"] = tally_csv(data)
        files[f"{slug}/data/profil.csv"] = profile_csv(data)
        for name, content in (p.posters or {}).items():
            files[f"{slug}/poster/{name}"] = content
    return files
