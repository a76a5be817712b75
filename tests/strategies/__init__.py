"""Tests of servicecharter.strategies: the hypothesis strategies users get."""
