"""Tests of servicecharter._render: render (documents, words) and explain."""
