"""Tests of servicecharter._core: reading instants and durations in, time zones."""
