"""Business time where the data lives: SQL engines and databases.

- ``servicecharter.sql.duckdb``: ``register`` puts the calendar's functions
  (``sc_add``, ``sc_elapsed``, ``sc_deadline``...) into a DuckDB
  connection, and ``evaluate`` runs ``evaluate`` on a table of it.
- ``clock_sql`` and ``ClockSQL``: the SQL that computes ``elapsed`` and
  ``add`` from a clock table (``BusinessCalendar.clock_table``) in DuckDB,
  SQLite or PostgreSQL, for engines without Python.
- ``write``: an evaluation's lines (or any Arrow table) into a DuckDB,
  SQLite or PostgreSQL table, in one call.

duckdb and pyarrow are optional; nothing here imports them until used.
"""

from __future__ import annotations

from .clock import ClockSQL, Dialect, clock_sql
from .write import IfExists, write

__all__ = ["ClockSQL", "Dialect", "IfExists", "clock_sql", "write"]
