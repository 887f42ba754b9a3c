"""Tooling shared by the test suite and the benchmarks (not shipped in the package)."""
