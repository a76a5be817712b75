"""Run servicecharter and its installed peers on the same workloads; compare answers.

Run from the repository root::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_peers.py
    PYTHONPATH=src .venv/bin/python benchmarks/bench_peers.py --sizes 1000,10000

The benchmark is the package next to this file, ``benchmarks/peers/`` (its
docstring says what is measured and where); this file is its command line.
Run as a file, Python puts this folder first on ``sys.path``, so ``peers``
and ``common`` import without installing anything.
"""

import sys

from peers import main

if __name__ == "__main__":
    sys.exit(main())
