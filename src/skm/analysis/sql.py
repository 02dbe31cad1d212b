"""The SQL that computes skm's tallies inside a warehouse (``skm sql``). Pure text: no database here.

The query returns the tallies table ``skm score`` reads (group columns, ``question``,
``answer``, ``count``; question ``*`` counts respondents), so a ministry runs it where the data
lives and scores the result exactly: ``skm score tallies.csv``. Two table shapes:

* wide: one row per respondent, one column per question (``u1`` … ``u9``) holding the score;
* long: one row per answer: a respondent id, the question (``u1``/``U1`` …) and the score.

The rules are the reader's: a respondent is a row (wide) or an id (long) with at least one
answer; answers outside the scale (or not whole numbers) are left out of the tallies, as
``--invalid skip`` leaves them out; a blank group value is the group ``(kosong)``. Labels
("Sangat puas") must be mapped to scores before (a CASE in a view, or read the export with skm).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from skm.core.instrument import PERMENPAN_14_2017, Instrument

__all__ = ["DIALECTS", "SqlNameError", "tallies_sql"]

DIALECTS = ("duckdb", "postgres", "bigquery", "spark", "sqlite")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$")


class SqlNameError(ValueError):
    """A table or column name that cannot be put in the query safely."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)


@dataclass(frozen=True)
class _Dialect:
    quote: str
    text: str
    integer: str


_DIALECTS = {
    "duckdb": _Dialect('"', "VARCHAR", "INTEGER"),
    "postgres": _Dialect('"', "TEXT", "INTEGER"),
    "bigquery": _Dialect("`", "STRING", "INT64"),
    "spark": _Dialect("`", "STRING", "INT"),
    "sqlite": _Dialect('"', "TEXT", "INTEGER"),
}


def _ident(name: str, dialect: _Dialect) -> str:
    if not _NAME.match(name):
        raise SqlNameError(name)
    return ".".join(f"{dialect.quote}{part}{dialect.quote}" for part in name.split("."))


def tallies_sql(
    table: str,
    *,
    dialect: str = "duckdb",
    instrument: Instrument = PERMENPAN_14_2017,
    by: Sequence[str] = (),
    long: bool = False,
    respondent: str = "respondent_id",
    question: str = "question",
    answer: str = "answer",
    columns: dict[str, str] | None = None,
) -> str:
    """The SELECT that returns the tallies of ``table`` (see the module docstring).

    ``columns`` maps question keys to the wide table's column names (default: the keys, ``u1`` …).
    Raises :class:`SqlNameError` for a name that is not a plain (dotted) identifier.
    """
    d = _DIALECTS[dialect]
    low, high = instrument.scale_min, instrument.scale_max
    scale = ", ".join(str(v) for v in range(low, high + 1))
    keys = list(instrument.question_keys)
    src = _ident(table, d)
    groups = [_ident(g, d) for g in by]
    labels = [f"COALESCE(NULLIF(TRIM(CAST({g} AS {d.text})), ''), '(kosong)')" for g in groups]
    out_names = [_ident(g.split(".")[-1], d) for g in by]
    g_select = "".join(f"{label} AS {name}, " for label, name in zip(labels, out_names, strict=True))
    g_list = "".join(f"{name}, " for name in out_names)
    g_group = ", ".join(out_names)
    q_col, a_col, n_col = (_ident(n, d) for n in ("question", "answer", "count"))
    head = (
        f"-- skm tallies ({instrument.key}, scale {low}-{high}) from {table} "
        f"({'long: one row per answer' if long else 'wide: one row per respondent'}).\n"
        "-- Save the result as CSV or Parquet and score it exactly: skm score tallies.csv\n"
    )
    if long:
        rid, qc, ac = _ident(respondent, d), _ident(question, d), _ident(answer, d)
        key_list = ", ".join(f"'{k}'" for k in keys)
        q_text = f"LOWER(TRIM(CAST({qc} AS {d.text})))"
        base = (
            f"WITH skm_answers AS (\n  SELECT {g_select}{rid} AS _respondent, {q_text} AS _q, {ac} AS _a\n"
            f"  FROM {src}\n  WHERE {ac} IS NOT NULL AND {q_text} IN ({key_list})\n)\n"
        )
        parts = [
            f"SELECT {g_list}'*' AS {q_col}, CAST(NULL AS {d.integer}) AS {a_col}, "
            f"COUNT(DISTINCT _respondent) AS {n_col}\nFROM skm_answers" + (f"\nGROUP BY {g_group}" if groups else ""),
            f"SELECT {g_list}_q AS {q_col}, CAST(_a AS {d.integer}) AS {a_col}, COUNT(*) AS {n_col}\nFROM skm_answers\n"
            f"WHERE _a IN ({scale})\nGROUP BY {g_list}_q, CAST(_a AS {d.integer})",
        ]
    else:
        names = columns or {}
        cols = {k: _ident(names.get(k, k), d) for k in keys}
        any_answer = " OR ".join(f"{c} IS NOT NULL" for c in cols.values())
        base = (
            f"WITH skm_rows AS (\n  SELECT {g_select}{', '.join(f'{c} AS _{k}' for k, c in cols.items())}\n"
            f"  FROM {src}\n  WHERE {any_answer}\n)\n"
        )
        parts = [
            f"SELECT {g_list}'*' AS {q_col}, CAST(NULL AS {d.integer}) AS {a_col}, COUNT(*) AS {n_col}\nFROM skm_rows"
            + (f"\nGROUP BY {g_group}" if groups else "")
        ]
        parts += [
            f"SELECT {g_list}'{k}' AS {q_col}, CAST(_{k} AS {d.integer}) AS {a_col}, COUNT(*) AS {n_col}\n"
            f"FROM skm_rows\nWHERE _{k} IN ({scale})\nGROUP BY {g_list}CAST(_{k} AS {d.integer})"
            for k in keys
        ]
    order = ", ".join([*(str(i + 1) for i in range(len(groups))), str(len(groups) + 1), str(len(groups) + 2)])
    return head + base + "\nUNION ALL\n".join(parts) + f"\nORDER BY {order};\n"
