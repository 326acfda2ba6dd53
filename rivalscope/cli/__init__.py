"""The `rivalscope` command: thin click commands over the library.

Each command module registers its commands on `cli`; the library never imports click.
Domain errors become one clear line and an exit code (DESIGN.md: 0 ok, 1 recorded
failures, 2 bad input or config, 3 locked).
"""
from __future__ import annotations

import os

# numpy's OpenBLAS keeps its threads spinning after each small product (language
# identification does one per review): a crawl burned a second core for nothing (34 s of
# CPU for 19 s of wall time, 19 s with one thread, same wall time). rivalscope gets its
# parallelism from processes, so one BLAS thread each unless the user says otherwise.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import click  # noqa: E402

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="rivalscope")
def cli():
    """Competitive benchmarking and feedback mining: crawl competitors' pricing, messaging
    and reviews, extract themes and sentiment, publish benchmark tables in Datasette."""


# Command modules register themselves on import (one module per stage keeps them apart).
from . import setup_cmds  # noqa: E402,F401
from . import crawl_cmds  # noqa: E402,F401
from . import extract_cmds  # noqa: E402,F401
from . import feedback_cmds  # noqa: E402,F401
from . import nlp_cmds  # noqa: E402,F401
from . import bench_cmds  # noqa: E402,F401
from . import ops_cmds  # noqa: E402,F401
