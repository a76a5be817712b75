"""Tests of servicecharter.charter: the Charter model, its parts and validation."""
