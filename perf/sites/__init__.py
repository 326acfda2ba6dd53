"""Benchmark sites: the synthetic market pre-rendered into memory and served fast."""
