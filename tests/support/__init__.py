"""Helpers the tests import: shared zones, paths, calendars, the reference."""
