"""``--config report.toml``: who publishes the report and how the survey was run.

A small TOML file (format in ``docs/report.md``) names the unit, its head and NIP, the collection
method, location and field days, the survey team, a logo, and the follow-up status of the previous
period's plan. It is read as a side file (size cap, TOML syntax errors with their line) and checked
by a pydantic model (:mod:`skm.readers.report_schema`, imported only when a file is given); every
problem is reported at once with the line of the file it is on (exit 2), with the same wording as an
instrument file's problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skm.errors import ExitCode, Issue, IssueCode, SkmError
from skm.readers.sidefile import Loc, TomlSyntax, line_issue, line_of, load_toml, read_side_file, toml_line_map

__all__ = ["FollowUp", "Logo", "ReportInfo", "load_report_config", "read_logo", "report_config_from_toml"]

MAX_LOGO = 2 << 20  # 2 MiB


@dataclass(frozen=True)
class FollowUp:
    """One row of the previous period's follow-up plan and how far it got."""

    element: str
    action: str
    status: str


@dataclass(frozen=True)
class Logo:
    """A logo picture (PNG or JPEG) for the cover."""

    data: bytes
    mime: str


@dataclass(frozen=True)
class ReportInfo:
    """What a report states about its publisher and the fieldwork (all optional)."""

    unit: str | None = None
    head: str | None = None
    nip: str | None = None
    position: str | None = None
    place: str | None = None
    method: str | None = None
    location: str | None = None
    field_days: str | None = None
    team: tuple[tuple[str, str], ...] = ()  # (name, role)
    logo: Logo | None = None
    follow_up: tuple[FollowUp, ...] = ()

    def missing(self) -> list[str]:
        """The config keys a report shows as placeholders."""
        keys = ("head", "nip", "method", "location", "field_days")
        out = [k for k in keys if not getattr(self, k)]
        if not self.team:
            out.append("team")
        return out


def _where(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(berkas)"


def _error(file: str, issues: list[Issue]) -> SkmError:
    issues = sorted(issues, key=lambda i: int(str(i.params.get("line") or 0)))
    return SkmError(IssueCode.INVALID_REPORT_CONFIG, ExitCode.USAGE, issues=issues, file=file, count=len(issues))


def report_config_from_toml(source: str, *, file: str = "report.toml", folder: Path | None = None) -> ReportInfo:
    """The report settings from TOML text; ``logo`` is read relative to ``folder``.

    Raises :class:`SkmError` (exit 2) listing every problem with its line.
    """
    try:
        data = load_toml(source, file=file, exit_code=ExitCode.USAGE)
    except TomlSyntax as exc:
        raise _error(file, [line_issue(file, exc.line, "TOML", "ip-toml", detail=exc.detail)]) from None
    lines = toml_line_map(source)
    from pydantic import ValidationError  # noqa: PLC0415 - pydantic only when a report.toml is given

    from skm.readers.report_schema import ALLOWED, ReportConfig  # noqa: PLC0415

    try:
        spec = ReportConfig.model_validate(data)
    except ValidationError as exc:
        issues: list[Issue] = []
        for err in exc.errors():
            loc: Loc = tuple(p for p in err["loc"] if p not in {"_Member", "str", "_FollowUp", "constrained-str"})
            where = _where(loc)
            if any(
                str(i.params["where"]).startswith(where) or where.startswith(str(i.params["where"])) for i in issues
            ):
                continue  # one line per place (a union lists one error per member)
            if err["type"] == "extra_forbidden":
                names = [p for p in loc if isinstance(p, str)]
                allowed = ALLOWED.get(names[0], "") if len(names) > 1 else ", ".join(ReportConfig.model_fields)
                issues.append(line_issue(file, line_of(loc, lines), where, "ip-extra", allowed=allowed))
            else:
                issues.append(line_issue(file, line_of(loc, lines), where, "ip-type", detail=err["msg"]))
        raise _error(file, issues) from None
    logo = None
    if spec.logo:
        logo = read_logo((folder or Path()) / spec.logo, file, line_of(("logo",), lines))
    team = tuple((m, "") if isinstance(m, str) else (m.name, m.role) for m in spec.team)
    return ReportInfo(
        unit=spec.unit or None,
        head=spec.head or None,
        nip=spec.nip or None,
        position=spec.position or None,
        place=spec.place or None,
        method=spec.method or None,
        location=spec.location or None,
        field_days=spec.field_days or None,
        team=team,
        logo=logo,
        follow_up=tuple(FollowUp(f.element, f.action, f.status) for f in spec.follow_up),
    )


def read_logo(path: Path, file: str = "--logo", line: int | None = None) -> Logo:
    """A PNG or JPEG logo, at most 2 MiB; anything else is one line naming the TOML line."""
    try:
        data = read_side_file(path, kind="logo", exit_code=ExitCode.USAGE, limit=MAX_LOGO)
    except SkmError:
        raise _error(file, [line_issue(file, line, "logo", "rc-logo-unreadable", path=str(path))]) from None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Logo(data, "image/png")
    if data.startswith(b"\xff\xd8\xff"):
        return Logo(data, "image/jpeg")
    raise _error(file, [line_issue(file, line, "logo", "rc-logo-kind", path=str(path))])


def load_report_config(path: Path) -> ReportInfo:
    """Read and check ``report.toml``. Raises :class:`SkmError` (exit 2)."""
    data = read_side_file(path, kind="TOML", exit_code=ExitCode.USAGE)
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SkmError(
            IssueCode.UNREADABLE, ExitCode.USAGE, file=str(path), kind="TOML", reason=str(exc)[:120]
        ) from None
    return report_config_from_toml(source, file=path.name, folder=path.parent)
