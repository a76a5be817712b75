"""Dataframe namespaces: business time as methods of pandas and polars columns.

``import servicecharter.frames.pandas`` registers the pandas accessor
``Series.sc``; ``import servicecharter.frames.polars`` registers the polars
expression namespace ``Expr.sc``. Each registers when its module is imported,
and only then: ``import servicecharter`` registers nothing and imports
neither library.

>>> import servicecharter.frames.pandas  # registers Series.sc
>>> import pandas as pd
>>> received = pd.Series(
...     pd.to_datetime(["2026-03-27 16:00"]).tz_localize("Europe/Paris"),
...     name="received",
... )
>>> received.sc.add(cal, "4 business hours").tolist()
[Timestamp('2026-03-30 14:00:00+0200', tz='Europe/Paris')]
"""

from __future__ import annotations
