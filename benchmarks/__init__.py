"""Benchmarks of sphinx-explainer: build cost, memory, page weight (``make bench``)."""
