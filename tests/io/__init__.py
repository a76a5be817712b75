"""Tests of servicecharter.io: charter files (TOML, JSON), their errors and schema."""
