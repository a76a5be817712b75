"""Write docs/charter.schema.json, the JSON Schema of charter files.

The schema comes from ``servicecharter.schema()``, which derives it from the
same declarations that read and write files; run this after changing the
format (``python docs/gen_schema.py``). A test fails when the committed file
and the generated schema differ.
"""

from __future__ import annotations

import json
from pathlib import Path

from servicecharter import schema

TARGET = Path(__file__).with_name("charter.schema.json")


def render() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
