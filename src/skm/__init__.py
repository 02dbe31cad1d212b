"""skm: the Indonesian public-service satisfaction index (SKM/IKM), computed exactly.

The public API is loaded lazily so that ``skm --help`` and ``skm sample`` stay fast::

    import skm
    result = skm.score("responses.xlsx")      # or a pandas DataFrame
    print(result.ikm_display, result.grade)    # 92.84 A
    skm.sample_size(1000).sample               # 278
    skm.stats_to_dict(skm.stats("responses.xlsx", by="layanan"))  # = skm stats --format json
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "score": "skm.api",
    "load": "skm.api",
    "score_responses": "skm.api",
    "tally_frame": "skm.api",
    "read_responses": "skm.readers",
    "Responses": "skm.readers",
    "compute_ikm": "skm.core.calc",
    "score_tallies": "skm.core.calc",
    "IkmResult": "skm.core.calc",
    "ElementScore": "skm.core.calc",
    "ScoringRules": "skm.core.calc",
    "WeightPolicy": "skm.core.calc",
    "Tally": "skm.core.calc",
    "round_half_up": "skm.core.calc",
    "sample_size": "skm.core.sampling",
    "Instrument": "skm.core.instrument",
    "PERMENPAN_14_2017": "skm.core.instrument",
    "KEPMENPAN_25_2004": "skm.core.instrument",
    "get_instrument": "skm.core.instrument",
    "load_instrument_file": "skm.readers.instrument_file",
    "SkmError": "skm.errors",
    "ExitCode": "skm.errors",
    "result_to_dict": "skm.render.json",
    "stats": "skm.analysis.stats",
    "StatsResult": "skm.analysis.stats",
    "stats_to_dict": "skm.render.json",
}

__all__ = [
    "KEPMENPAN_25_2004",
    "PERMENPAN_14_2017",
    "ElementScore",
    "ExitCode",
    "IkmResult",
    "Instrument",
    "Responses",
    "ScoringRules",
    "SkmError",
    "StatsResult",
    "Tally",
    "WeightPolicy",
    "__version__",
    "compute_ikm",
    "get_instrument",
    "load",
    "load_instrument_file",
    "read_responses",
    "result_to_dict",
    "round_half_up",
    "sample_size",
    "score",
    "score_responses",
    "score_tallies",
    "stats",
    "stats_to_dict",
    "tally_frame",
]

if TYPE_CHECKING:
    from skm.analysis.stats import StatsResult, stats
    from skm.api import load, score, score_responses, tally_frame
    from skm.core.calc import (
        ElementScore,
        IkmResult,
        ScoringRules,
        Tally,
        WeightPolicy,
        compute_ikm,
        round_half_up,
        score_tallies,
    )
    from skm.core.instrument import KEPMENPAN_25_2004, PERMENPAN_14_2017, Instrument, get_instrument
    from skm.core.sampling import sample_size
    from skm.errors import ExitCode, SkmError
    from skm.readers import Responses, read_responses
    from skm.readers.instrument_file import load_instrument_file
    from skm.render.json import result_to_dict, stats_to_dict


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'skm' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
