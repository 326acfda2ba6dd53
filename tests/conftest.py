"""Shared fixtures: in-memory store, a 127.0.0.1 static server, CLI runner."""
from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from rivalscope.store import open_db

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def db():
    """A fresh in-memory rivalscope database with the core schema."""
    database = open_db(None)
    yield database
    database.close()


@pytest.fixture
def runner():
    return CliRunner()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture
def serve_directory():
    """serve_directory(path) -> base URL of a static server on 127.0.0.1 (port 0)."""
    servers = []

    def start(path: Path, handler=None) -> str:
        h = handler or functools.partial(_QuietHandler, directory=str(path))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(db_path):
    """`rivalscope serve` on a free 127.0.0.1 port, in a child process; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rivalscope", "serve", "--db", str(db_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    proc.kill()
                    raise RuntimeError("rivalscope serve did not start: " + (proc.stdout.read() or ""))
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)
