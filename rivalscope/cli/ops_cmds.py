"""Commands of this stage register on `cli` here."""
from . import cli  # noqa: F401
