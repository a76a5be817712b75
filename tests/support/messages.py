"""Error messages name the offending value and say how to fix it."""

from __future__ import annotations

import re

# A message "says how to fix it" when it shows what is expected or what to do.
FIX = re.compile(
    r"expected|like|e\.g\.|use |pass |convert|merge|keep one|check|raise |call |"
    r"attach|drop|install|known:|one of|must be|tz_localize|\.date\(\)",
    re.IGNORECASE,
)


def assert_message(
    error: BaseException, *needles: str, fix: re.Pattern[str] | None = FIX
) -> None:
    """The message names each needle and (unless fix is None) a way out."""
    message = str(error)
    for needle in needles:
        assert needle in message, f"{needle!r} not named in: {message!r}"
    if fix is not None:
        assert fix.search(message), f"no fix suggested in: {message!r}"
