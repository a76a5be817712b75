"""Charter files: TOML and JSON in and out, and the JSON Schema of the format.

``load``/``loads`` read a charter, ``dump``/``dumps`` write it back
losslessly, ``schema`` describes the format; ``to_data``/``from_data``
convert to and from plain data.
"""

from __future__ import annotations

from .files import Format, dump, dumps, from_data, load, loads, schema, to_data

__all__ = ["Format", "dump", "dumps", "from_data", "load", "loads", "schema", "to_data"]
