"""Tests of servicecharter.compliance: evaluate, pauses, obligation status."""
