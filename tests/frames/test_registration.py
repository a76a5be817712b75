"""The namespaces register when their module is imported, and never before."""

from __future__ import annotations

import subprocess
import sys


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def test_the_package_registers_nothing_and_imports_no_frame_library() -> None:
    code = (
        "import sys, servicecharter, servicecharter.frames, servicecharter.sql\n"
        "import servicecharter.sql.duckdb\n"
        "servicecharter.BusinessCalendar\n"
        "print(','.join(m for m in ('pandas', 'polars', 'pyarrow', 'duckdb')"
        " if m in sys.modules))\n"
    )
    assert run(code) == ""


def test_each_module_registers_its_namespace() -> None:
    code = (
        "import pandas as pd, polars as pl\n"
        "before = (hasattr(pd.Series([1]), 'sc'), hasattr(pl.col('a'), 'sc'))\n"
        "import servicecharter.frames.pandas, servicecharter.frames.polars\n"
        "after = (hasattr(pd.Series([1]), 'sc'), hasattr(pl.col('a'), 'sc'))\n"
        "print(before, after)\n"
    )
    assert run(code) == "(False, False) (True, True)"
