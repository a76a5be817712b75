"""servicecharter and its peers on the same workloads: timings and agreement.

Each workload is timed per library at n = 10^3 ... 10^7, every library the
same number of runs (``--repeat``) at every size, and reported by the median
(a peer stops when its next size's runs would exceed ``--budget`` seconds;
servicecharter always runs every size). The answers are compared element by
element, where the semantics match, on the random inputs of the largest size
a peer ran and on a fixed set of edge inputs (boundaries, holidays, weekends,
DST days). Every disagreement is counted and sorted into a cause class;
none is hidden. See docs/benchmarks.md for the workloads and the causes
found.

The modules, one per part and one per peer, and how they layer:
benchmarks/README.md, "Layout". The entry point is ``bench_peers.py``.
"""

from .agreement import classify, differing
from .causes import after_close_to_next_day_close, crosses_clock_change, sub_second
from .cli import main
from .instants import HOUR_US, NAT, wall_us
from .model import Cause, Data, Missing
from .results import SizeTiming
from .timing import skip_reason, skipped_words

__all__ = [
    "HOUR_US",
    "NAT",
    "Cause",
    "Data",
    "Missing",
    "SizeTiming",
    "after_close_to_next_day_close",
    "classify",
    "crosses_clock_change",
    "differing",
    "main",
    "skip_reason",
    "skipped_words",
    "sub_second",
    "wall_us",
]
