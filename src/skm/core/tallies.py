"""Grouped tallies: the mergeable aggregate of a survey. Pure: standard library only.

A :class:`TallySet` holds, for each group (a tuple of group-column values, ``()`` for no
grouping), the number of respondents and one :class:`~skm.core.calc.Tally` per question. Two
sets over the same groups add exactly (counts add), so files, halves of a file, units and
machines are pooled by ``+`` and the index of the pool is computed on all respondents.
This is the contract of ``skm score --format tallies`` and of the SQL ``skm sql`` prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from skm.core.calc import Tally
from skm.core.instrument import PERMENPAN_14_2017, Instrument

__all__ = [
    "RESPONDENTS",
    "TALLY_COLUMNS",
    "GroupTally",
    "TallySet",
]

RESPONDENTS = "*"  # the question name of the respondents-count row of a tallies table
TALLY_COLUMNS = ("question", "answer", "count")  # the last columns of a tallies table, after its groups


@dataclass(frozen=True)
class GroupTally:
    """Respondents and per-question tallies of one group."""

    respondents: int
    tallies: Mapping[str, Tally]

    def __add__(self, other: GroupTally) -> GroupTally:
        keys = list(dict.fromkeys([*self.tallies, *other.tallies]))
        merged = {}
        for k in keys:
            a, b = self.tallies.get(k), other.tallies.get(k)
            merged[k] = a + b if a is not None and b is not None else a if a is not None else b
        return GroupTally(self.respondents + other.respondents, {k: v for k, v in merged.items() if v is not None})


@dataclass(frozen=True)
class TallySet:
    """Tallies per group; ``group_by`` names the group columns (empty: one pooled group ``()``)."""

    instrument: Instrument = PERMENPAN_14_2017
    group_by: tuple[str, ...] = ()
    groups: Mapping[tuple[str, ...], GroupTally] = field(default_factory=dict)

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[tuple[str, ...], str, int | None, int]],
        *,
        instrument: Instrument = PERMENPAN_14_2017,
        group_by: tuple[str, ...] = (),
    ) -> TallySet:
        """Build from ``(group, question, answer, count)`` rows; question :data:`RESPONDENTS` carries
        the respondents count (answer ``None``). Rows of one cell add up; every group has a tally for
        every question of the instrument (zeros where no row names it). Raises ``ValueError`` for an
        answer outside the instrument's scale, an unknown question or a negative count."""
        low, high = instrument.scale_min, instrument.scale_max
        keys = set(instrument.question_keys)
        respondents: dict[tuple[str, ...], int] = {}
        counts: dict[tuple[str, ...], dict[str, list[int]]] = {}
        for group, question, answer, count in rows:
            if count < 0:
                msg = f"negative count {count} for {question}"
                raise ValueError(msg)
            respondents.setdefault(group, 0)
            per = counts.setdefault(group, {})
            if question == RESPONDENTS:
                respondents[group] += count
                continue
            if question not in keys:
                msg = f"unknown question {question!r}"
                raise ValueError(msg)
            if answer is None or not low <= answer <= high:
                msg = f"answer {answer!r} of {question} is outside the scale {low}–{high}"
                raise ValueError(msg)
            per.setdefault(question, [0] * (high - low + 1))[answer - low] += count
        groups = {
            g: GroupTally(
                respondents[g],
                {k: Tally(tuple(per.get(k, [0] * (high - low + 1))), low) for k in instrument.question_keys},
            )
            for g, per in counts.items()
        }
        return cls(instrument, group_by, groups)

    def rows(self) -> list[tuple[tuple[str, ...], str, int | None, int]]:
        """``(group, question, answer, count)`` rows, groups sorted, zero counts left out."""
        out: list[tuple[tuple[str, ...], str, int | None, int]] = []
        for group in sorted(self.groups):
            part = self.groups[group]
            out.append((group, RESPONDENTS, None, part.respondents))
            for key in self.instrument.question_keys:
                tally = part.tallies.get(key)
                if tally is None:
                    continue
                out.extend((group, key, tally.scale_min + i, c) for i, c in enumerate(tally.counts) if c)
        return out

    def total(self) -> GroupTally:
        """All groups pooled."""
        pooled = GroupTally(0, {})
        for part in self.groups.values():
            pooled = pooled + part
        return pooled

    def __add__(self, other: TallySet) -> TallySet:
        if self.group_by != other.group_by or self.instrument.key != other.instrument.key:
            msg = "cannot pool tallies with different group columns or instruments"
            raise ValueError(msg)
        groups = dict(self.groups)
        for g, part in other.groups.items():
            groups[g] = groups[g] + part if g in groups else part
        return TallySet(self.instrument, self.group_by, groups)

    def ungrouped(self) -> TallySet:
        """The same respondents as one pooled group."""
        return TallySet(self.instrument, (), {(): self.total()})
