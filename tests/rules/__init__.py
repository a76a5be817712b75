"""Tests of servicecharter.rules: deadline rules, scalar and array, and their words."""
