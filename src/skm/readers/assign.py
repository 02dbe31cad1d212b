"""Columns → questions: the assignment that gives each question its best distinct column.

Pure Python (a small Hungarian method, O(n² m) for n questions and m columns or the reverse): the readers stay light at
import, and a file needs it only when several columns compete for the same questions.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["AMBIGUOUS_MARGIN", "assign", "close_calls", "total"]

AMBIGUOUS_MARGIN = 1.0
"""Two readings whose totals differ by less than this are too close to choose between."""


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment of an n × m matrix with n ≤ m: ``result[row] = column``, O(n² m)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: the row (1-based) holding column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    result = [0] * n
    for j in range(1, m + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


def assign(scores: Sequence[Sequence[float]]) -> list[int | None]:
    """For each row (column of the file), the index of the question it gets, or ``None``.

    Maximises the total score; a pair scoring 0 or less is never made (the row stays unmapped).
    The smaller side is solved against the larger (O(n² m)), so a sheet of hundreds of candidate
    columns for nine questions stays cheap.
    """
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if not rows or not cols:
        return [None] * rows
    top = max((s for row in scores for s in row), default=0.0)
    cost = [[top - (s if s > 0 else 0.0) for s in row] for row in scores]
    if rows <= cols:
        chosen = _hungarian(cost)
    else:
        by_question = _hungarian([[cost[i][j] for i in range(rows)] for j in range(cols)])
        chosen = [-1] * rows
        for j, i in enumerate(by_question):
            chosen[i] = j
    return [j if j >= 0 and scores[i][j] > 0 else None for i, j in enumerate(chosen)]


def total(scores: Sequence[Sequence[float]], chosen: Sequence[int | None]) -> float:
    """The total score of an assignment."""
    return sum(scores[i][j] for i, j in enumerate(chosen) if j is not None)


def _components(scores: Sequence[Sequence[float]]) -> list[tuple[list[int], list[int]]]:
    """Groups of rows and questions linked by positive scores: each is solved apart."""
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    seen_rows: set[int] = set()
    out: list[tuple[list[int], list[int]]] = []
    for start in range(rows):
        if start in seen_rows:
            continue
        group_rows, group_cols, todo = {start}, set[int](), [start]
        seen_rows.add(start)
        while todo:
            i = todo.pop()
            for j in range(cols):
                if scores[i][j] > 0 and j not in group_cols:
                    group_cols.add(j)
                    for r in range(rows):
                        if scores[r][j] > 0 and r not in seen_rows:
                            seen_rows.add(r)
                            group_rows.add(r)
                            todo.append(r)
        out.append((sorted(group_rows), sorted(group_cols)))
    return out


def close_calls(scores: Sequence[Sequence[float]], chosen: Sequence[int | None]) -> list[tuple[int, int, int | None]]:
    """The pairs of the assignment another reading matches within :data:`AMBIGUOUS_MARGIN`.

    Each is ``(row, question, other)``: forbidding row → question, the best other reading loses
    less than the margin and gives the question to row ``other`` (``None``: to no row, the row
    itself taking another question as well). Groups of rows and questions that share no score are
    independent, so each pair is re-solved within its own group only.
    """
    out: list[tuple[int, int, int | None]] = []
    for rows, cols in _components(scores):
        if not cols:
            continue
        sub = [[scores[r][c] for c in cols] for r in rows]
        sub_chosen = [cols.index(j) if (j := chosen[r]) is not None and j in cols else None for r in rows]
        best = total(sub, sub_chosen)
        for a, b in enumerate(sub_chosen):
            if b is None:
                continue
            forbidden = [list(row) for row in sub]
            forbidden[a][b] = 0.0
            other = assign(forbidden)
            if best - total(forbidden, other) < AMBIGUOUS_MARGIN:
                holder = next((rows[r] for r, q in enumerate(other) if q == b), None)
                out.append((rows[a], cols[b], holder))
    return out
