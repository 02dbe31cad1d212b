"""Renderers: results in, text/objects out. They never read input files or recompute.

``json`` is the one JSON contract of every command, ``prose`` the rule and method sentences,
``rows`` the per-element projection shared by every table, ``csv`` the score CSV, ``console`` and
``stats_console`` the terminal, ``document/`` the report and ``questionnaire/`` the blank form.
"""
