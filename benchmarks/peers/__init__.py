"""servicecharter and its peers on the same workloads: timings and agreement.

Each workload is timed per library at n = 10^3 ... 10^7 (a library stops when
its next size would exceed ``--budget`` seconds; servicecharter always runs
every size). The answers are compared element by element, where the
semantics match, on the random inputs of the largest size a peer ran and on a
fixed set of edge inputs (boundaries, holidays, weekends, DST days). Every
disagreement is counted and sorted into a cause class; none is hidden. See
docs/benchmarks.md for the workloads and the causes found.

Modules, from the bottom up: ``instants`` (int64 instants, wall clock,
display), ``model`` (schedules, inputs, implementations, checks),
``results``, ``optional`` (importing a peer), ``causes`` (known reasons for
a disagreement), ``ours`` (our side of each workload), one adapter per peer
(``pandas_cbh``, ``businesstime_hours``, ``businesstimedelta_rules``,
``exchange_calendars_xpar``, ``numpy_busday``), ``inputs``, ``workloads``,
``timing``, ``agreement``, ``runner``, ``report``, ``plot`` and ``cli``.
"""

from .agreement import classify, differing
from .causes import after_close_to_next_day_close, crosses_clock_change, sub_second
from .cli import main
from .instants import HOUR_US, NAT, wall_us
from .model import Cause, Data, Missing
from .results import SizeTiming
from .timing import skip_reason

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
    "sub_second",
    "wall_us",
]
