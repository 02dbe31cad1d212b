"""The core stays pure, and the fast commands stay fast."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

CORE = ["skm.core.calc", "skm.core.instrument", "skm.core.sampling", "skm.errors", "skm.text", "skm.core.periods"]
FORBIDDEN = ["typer", "rich", "openpyxl", "click", "pandas", "python_calamine"]


@pytest.mark.slow
@pytest.mark.parametrize("module", CORE)
def test_core_imports_no_io_or_cli_libraries(module: str) -> None:
    code = f"import sys, {module}; print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv", [["--help"], ["sample", "1000"], ["sample", "--help"], ["score", "--help"], ["report", "--help"]]
)
def test_help_and_sample_do_not_import_pandas(argv: list[str]) -> None:
    code = (
        "import sys\nfrom skm.cli import app\n"
        f"try:\n    app({argv!r})\nexcept SystemExit:\n    pass\n"
        "print('PANDAS' if 'pandas' in sys.modules else 'OK')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "OK"


# --------------------------------------------------------------------------- layers (docs/architecture.md)

SRC = Path(__file__).resolve().parents[1] / "src" / "skm"

# layer → the layers it may import at run time (imports under TYPE_CHECKING do not count)
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "text": {"errors"},
    "core": {"errors", "text"},
    "output": {"errors", "text"},
    "readers": {"errors", "text", "core"},
    "analysis": {"errors", "text", "core", "readers"},
    "render": {"errors", "text", "core", "analysis"},
    "cli": {"errors", "text", "core", "output", "readers", "analysis", "render"},
    "api": {"errors", "text", "core", "output", "readers", "analysis", "render"},
    "__main__": {"cli"},
}
MAX_FUNCTION_LINES = 120


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _runtime_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "skm":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else _resolve(node.module))
        elif isinstance(node, ast.Import):
            found |= {_resolve(a.name) for a in node.names if a.name.split(".")[0] == "skm"}
    return found


GRAPH = {name: _runtime_imports(path) - {name} for name, path in MODULES.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None  # "skm" itself is the lazy facade


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = sorted(m for m in MODULES if _layer(m) is not None and _layer(m) not in ALLOWED)
    assert unknown == []


def test_layers_import_only_what_docs_architecture_allows() -> None:
    wrong = []
    for module, imports in sorted(GRAPH.items()):
        layer = _layer(module)
        if layer is None:
            continue
        for target in sorted(imports):
            other = _layer(target)
            if other is not None and other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_nothing_inside_skm_imports_the_public_facade() -> None:
    assert sorted(m for m, imports in GRAPH.items() if "skm.api" in imports) == []


def test_no_import_cycles() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt in GRAPH and nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert cycles == []


def test_the_checker_sees_a_cycle_and_a_layer_breach() -> None:
    """The rules above must be able to fail: the import reader finds real imports."""
    assert "skm.core.calc" in GRAPH["skm.core.calc"] or "skm.core.instrument" in GRAPH["skm.core.calc"]
    assert _layer("skm.render.json") == "render"
    assert "render" not in ALLOWED["core"]


@pytest.mark.slow
def test_no_function_is_longer_than_120_lines() -> None:
    long = []
    for module, path in sorted(MODULES.items()):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {lines} lines")
    assert long == []


HEAVY = ["pandas", "numpy", "scipy", "pydantic", "openpyxl", "docx", "matplotlib", "duckdb", "python_calamine", "rich"]


def _lazy_skm_imports() -> dict[str, set[str]]:
    """Function-level imports of skm modules outside the CLI edge and the lazy facade."""
    found: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        if module == "skm" or _layer(module) == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and inner.module and inner.module.split(".")[0] == "skm":
                        found.setdefault(_resolve(inner.module), set()).add(module)
    return found


@pytest.mark.slow
def test_lazy_internal_imports_only_where_they_spare_a_heavy_library() -> None:
    """Inside skm (the CLI edge aside), an skm module is imported in a function only when importing
    it loads a heavy library: every other import belongs at the top of the module."""
    needless = []
    for target, users in sorted(_lazy_skm_imports().items()):
        code = f"import sys, {target}; print(any(m in sys.modules for m in {HEAVY!r}))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        if out.stdout.strip() != "True":
            needless += [f"{user} imports {target} inside a function" for user in sorted(users)]
    assert needless == []
