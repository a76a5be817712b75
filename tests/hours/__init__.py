"""Tests of servicecharter.hours: OpeningHours, its parts, holidays, notation."""
