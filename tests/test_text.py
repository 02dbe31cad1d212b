"""Every sentence lives in :mod:`skm.text`, in Indonesian and English, whatever was imported first.

The catalogue is inspected in a fresh interpreter that imports only ``skm.text``: a message that
some other module adds at import time would be missing there.
"""

from __future__ import annotations

import json
import re
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from skm.core.sampling import Rounding
from skm.render.document.blocks import Chapter

SRC = Path(__file__).resolve().parent.parent / "src" / "skm"

_PROBE = """
import json, sys
import skm.text as text
from skm.errors import IssueCode
codes = {c.value: ([text.t(c.value, "id"), text.t(c.value, "en")] if text.has(c.value) else None) for c in IssueCode}
catalog = {key: list(pair) for key, pair in text.catalog().items()}
modules = sorted(m for m in sys.modules if m == "skm" or m.startswith("skm."))
print(json.dumps({"codes": codes, "catalog": catalog, "modules": modules}))
"""


@pytest.fixture(scope="module")
def fresh() -> dict[str, Any]:
    """What a fresh interpreter sees after ``import skm.text`` and nothing else of skm."""
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def _fields(template: str, suffix: str) -> set[str]:
    """The ``str.format`` fields of a template; a language suffix (``at_id``/``at_en``) is dropped."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    return {name.removesuffix(suffix) for name in names}


def test_importing_text_loads_no_other_area(fresh: dict[str, Any]) -> None:
    outside = [m for m in fresh["modules"] if m not in {"skm", "skm.errors"} and not m.startswith("skm.text")]
    assert outside == []


def test_every_issue_code_has_indonesian_and_english_text(fresh: dict[str, Any]) -> None:
    missing = sorted(code for code, pair in fresh["codes"].items() if pair is None)
    assert missing == [], f"issue codes without text: {missing}"
    empty = sorted(code for code, (idn, eng) in fresh["codes"].items() if not idn.strip() or not eng.strip())
    assert empty == []


def test_every_message_has_both_languages_with_the_same_fields(fresh: dict[str, Any]) -> None:
    catalog: dict[str, list[str]] = fresh["catalog"]
    assert len(catalog) > 350
    bad_shape = sorted(k for k, pair in catalog.items() if len(pair) != 2 or not all(s.strip() for s in pair))
    assert bad_shape == [], f"messages without Indonesian or English text: {bad_shape}"
    differing = {
        key: (sorted(_fields(idn, "_id")), sorted(_fields(eng, "_en")))
        for key, (idn, eng) in catalog.items()
        if _fields(idn, "_id") != _fields(eng, "_en")
    }
    assert differing == {}, f"Indonesian and English templates name different fields: {differing}"


_LITERAL_KEY = re.compile(r"\b(t|tr)\(\s*\"([a-z0-9-]+)\"")


def test_every_key_used_in_the_source_is_in_the_catalog(fresh: dict[str, Any]) -> None:
    catalog = set(fresh["catalog"])
    used: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        for func, key in _LITERAL_KEY.findall(path.read_text(encoding="utf-8")):
            used[f"rpt-{key}" if func == "tr" else key] = str(path.relative_to(SRC))
    assert len(used) > 200
    unknown = {key: where for key, where in sorted(used.items()) if key not in catalog}
    assert unknown == {}, f"message keys used but not in skm.text: {unknown}"


def test_no_module_outside_text_registers_sentences() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "text" not in path.relative_to(SRC).parts[:1] and re.search(r"^register\(\s*\{", path.read_text(), re.M)
    ]
    assert offenders == []


def test_keys_built_from_enum_values_exist(fresh: dict[str, Any]) -> None:
    wanted = [f"rounding-{r.value}" for r in Rounding] + [f"rpt-ch-{c.value}" for c in Chapter]
    assert [key for key in wanted if key not in fresh["catalog"]] == []
