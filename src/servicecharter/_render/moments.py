"""The former home of ``en_moments``, kept while ``servicecharter.testing`` imports it.

Nothing here but the names ``testing`` uses; import them from ``en_moments``.
"""

from __future__ import annotations

from .en_moments import business_words, moment, show_year

__all__ = ["business_words", "moment", "show_year"]
