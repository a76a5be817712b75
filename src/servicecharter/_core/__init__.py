"""The core: int64 microseconds, the vectorised timeline, zones and conversion.

Knows nothing of opening hours, calendars or charters. Layers above import
the modules they need: ``units`` (the vocabulary), ``timeline`` (the
compiled business clock), ``zone`` (wall clock to UTC), ``convert``
(instants and durations in), ``durations`` (durations and periods as text).
"""
