"""The pydantic model of ``report.toml`` (:mod:`skm.readers.report_config`), in its own module so that
pydantic is imported only when a report settings file is read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ALLOWED", "ReportConfig"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)


class _Member(_Model):
    name: str = Field(min_length=1, max_length=200)
    role: str = Field(default="", max_length=200)


class _FollowUp(_Model):
    element: str = Field(min_length=1, max_length=200)
    action: str = Field(default="", max_length=1000)
    status: str = Field(default="", max_length=200)


class ReportConfig(_Model):
    unit: str | None = Field(default=None, max_length=300)
    head: str | None = Field(default=None, max_length=200)
    nip: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 .]*$")
    position: str | None = Field(default=None, max_length=200)
    place: str | None = Field(default=None, max_length=200)
    method: str | None = Field(default=None, max_length=1000)
    location: str | None = Field(default=None, max_length=1000)
    field_days: str | None = Field(default=None, max_length=300)
    team: list[_Member | str] = Field(default_factory=list, max_length=100)
    logo: str | None = Field(default=None, max_length=1000)
    follow_up: list[_FollowUp] = Field(default_factory=list, max_length=200)


ALLOWED = {
    "team": ", ".join(_Member.model_fields),
    "follow_up": ", ".join(_FollowUp.model_fields),
}
