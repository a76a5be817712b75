"""Tests of the package's edges and of the package as a whole.

Edges: the testing toolkit, the pytest plugin, the command line, the bundled
examples, the error hierarchy. Whole package: public names, release builds,
documentation pages, interop with dataframe libraries, scale-out, the peer
benchmark.
"""
