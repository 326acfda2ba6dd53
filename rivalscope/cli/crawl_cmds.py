"""`crawl`, `demo` and `serve` (filled in by the foundation work)."""
from . import cli  # noqa: F401
