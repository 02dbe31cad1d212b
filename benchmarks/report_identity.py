"""Whether two versions of ``skm`` write the same Word and Excel reports: every zip member compared.

    python benchmarks/report_identity.py --before SRC [--after SRC] [--csv FILE] [--formats docx,xlsx]

Writes ``skm report`` for a few inputs with both versions (``SRC`` is a ``src`` folder, e.g.
``git archive COMMIT src | tar -x -C DIR`` gives ``DIR/src``; ``--after`` defaults to this checkout's)
and compares the reports member by member (``word/document.xml``, the PNG pictures, styles…),
not the zip files themselves (their timestamps and compression may differ). The inputs: the bundled
example in Indonesian and English, with and without the statistics, with a cover logo and an earlier
period; the example with hostile suggestions and service names (markup, control characters, formula
starts); and ``--csv`` when given (e.g. the 1 M-row benchmark file, read only). Prints one line per
report and exits with 1 when a member differs. A member that holds the time of writing
(``docProps/core.xml`` of a workbook) is compared with its timestamps blanked.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "eskm_setda_mahulu_2025.csv"
HOSTILE = [
    '<w:p>&amp; </w:tbl>\x00\x1b]]> "\'" \t tab\r\nline',
    '=HYPERLINK("http://evil.example","x")',
    "  padded  ",
    "ü 🪪 <b>&</b>",
]
_STAMP = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _hostile(folder: Path) -> Path:
    """The example with hostile suggestions and service names."""
    with EXAMPLE.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    s, j = rows[0].index("saran"), rows[0].index("jenisPelayanan")
    for i, text in enumerate(HOSTILE, start=1):
        rows[i][s] = text
        rows[i + 6][j] = text
    path = folder / "hostile.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _logo(folder: Path) -> Path:
    """A small PNG for the cover (written by Pillow, the same bytes for both versions)."""
    from PIL import Image

    path = folder / "logo.png"
    Image.new("RGB", (40, 30), (22, 50, 92)).save(path)
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        out = {name: z.read(name) for name in z.namelist()}
    if "docProps/core.xml" in out:
        out["docProps/core.xml"] = _STAMP.sub(rb"<dcterms:\1/>", out["docProps/core.xml"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the src folder of the earlier skm")
    parser.add_argument("--after", type=Path, default=ROOT / "src", help="the src folder compared (default: ours)")
    parser.add_argument("--csv", type=Path, help="a large responses file to report on as well (read only)")
    parser.add_argument("--formats", default="docx,xlsx")
    args = parser.parse_args()
    differ = False
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hostile, logo = _hostile(work), _logo(work)
        cases: list[tuple[str, list[str]]] = [
            ("example", [str(EXAMPLE)]),
            ("example en", [str(EXAMPLE), "--lang", "en"]),
            ("example no-stats", [str(EXAMPLE), "--no-stats"]),
            ("example logo previous", [str(EXAMPLE), "--logo", str(logo), "--previous", str(EXAMPLE)]),
            ("hostile", [str(hostile)]),
            ("hostile en no-stats", [str(hostile), "--lang", "en", "--no-stats"]),
        ]
        if args.csv is not None:
            cases.append((args.csv.name, [str(args.csv)]))
        for fmt in args.formats.split(","):
            for name, argv in cases:
                written = {}
                for version, src in (("before", args.before), ("after", args.after)):
                    out = work / f"{version}.{fmt}"
                    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
                    command = [sys.executable, "-m", "skm", "report", *argv, "-f", fmt, "-o", str(out), "--force"]
                    subprocess.run(command, env=env, check=True, capture_output=True)
                    written[version] = _members(out)
                before, after = written["before"], written["after"]
                changed = sorted(m for m in before.keys() | after.keys() if before.get(m) != after.get(m))
                differ = differ or bool(changed)
                size = sum(len(b) for b in after.values())
                verdict = "identical" if not changed else "DIFFER: " + ", ".join(changed)
                print(f"{fmt:<5} {name:<28} {len(after):3d} members, {size:9d} bytes: {verdict}", flush=True)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
