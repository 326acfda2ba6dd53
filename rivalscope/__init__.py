"""rivalscope: competitive benchmarking and feedback mining into SQLite + Datasette."""

__version__ = "0.1.0"
