"""`python -m app` as a child process: the real entry point, settings from the environment."""

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.log.redact import redact_string
from tests.support.env import child_env


@dataclass
class ServerProcess:
    url: str
    process: subprocess.Popen[str]
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    pumps: list[threading.Thread] = field(default_factory=list)

    def output(self) -> str:
        return "".join(self.stdout) + "".join(self.stderr)

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM, then the exit code once every output line has been read."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        for pump in self.pumps:
            pump.join(timeout=5)
        return code


def _pump(stream: object, into: list[str], port_found: threading.Event, port: list[int]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.append(line)
        if '"server.listening"' in line and not port_found.is_set():
            port.append(int(json.loads(line)["port"]))
            port_found.set()


@contextmanager
def server_process(
    variables: Mapping[str, str], cwd: Path, args: tuple[str, ...] = ("-m", "app"), timeout: float = 15
) -> Iterator[ServerProcess]:
    """Starts the server on 127.0.0.1:0 with exactly `variables` (plus what Python needs)
    in `cwd`, and waits for the log line naming the bound port. The process never
    outlives the block, even when an assertion fails."""
    env = child_env({"HOST": "127.0.0.1", "PORT": "0", "LOG_LEVEL": "info", **variables})
    process = subprocess.Popen(
        [sys.executable, *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    port: list[int] = []
    found = threading.Event()
    server = ServerProcess("", process)
    server.pumps = [
        threading.Thread(target=_pump, args=(process.stdout, server.stdout, found, port), daemon=True),
        threading.Thread(target=_pump, args=(process.stderr, server.stderr, found, port), daemon=True),
    ]
    try:
        for pump in server.pumps:
            pump.start()
        deadline = time.monotonic() + timeout
        while not found.wait(0.05):
            if process.poll() is not None or time.monotonic() > deadline:
                # Redacted: a failing test must not print what it hunts for.
                output = redact_string("".join(server.stderr))[-2000:]
                raise AssertionError(f"the server did not start (exit {process.poll()}):\n{output}")
        server.url = f"http://127.0.0.1:{port[0]}"
        yield server
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=timeout)
        for pump in server.pumps:
            if pump.is_alive():
                pump.join(timeout=5)
        # The pipes are ours to close (Popen closes them only when used as a context manager).
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()
