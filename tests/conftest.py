"""Shared fixtures: a local HTTP server the fetching tests script, and the fixture folder."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Reply:
    """One scripted answer: status, headers, body, and an optional pause before sending."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str | None] = field(default_factory=dict)  # None drops a header
    pause: float = 0.0
    drop: bool = False  # close the connection without answering


class ScriptedServer(ThreadingHTTPServer):
    """Serves each path's replies in order (the last one repeats); 404 for unknown paths."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ScriptedHandler)
        self.replies: dict[str, list[Reply]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def serve(self, path: str, *replies: Reply) -> str:
        self.replies[path] = list(replies)
        return self.base + path

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up mid-body (a size cap, a timeout) is expected here."""

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]


class ScriptedHandler(BaseHTTPRequestHandler):
    server: ScriptedServer

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        queue = self.server.replies.get(self.path) or [Reply(404, b"not here")]
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        time.sleep(reply.pause)
        if reply.drop:
            self.close_connection = True
            return
        self.send_response(reply.status)
        headers = {"Content-Length": str(len(reply.body)), **reply.headers}
        for name, value in headers.items():
            if value is not None:
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture
def server():
    """A scripted HTTP server on 127.0.0.1, stopped after the test."""
    scripted = ScriptedServer()
    thread = threading.Thread(target=scripted.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield scripted
    scripted.shutdown()
    scripted.server_close()


@pytest.fixture(scope="session")
def nlp():
    """The newsclaims spaCy pipeline, loaded once per test session."""
    from extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def dead_url() -> str:
    """A URL on a port that was free a moment ago: nothing listens there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/story"
