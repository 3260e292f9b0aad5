"""Ralph (ralph-malph), a real learning record store, served on loopback with its file-system backend for a test."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from base64 import b64encode
from dataclasses import dataclass
from pathlib import Path

USERNAME, PASSWORD = "replyready", "lrs-test-password"


@dataclass
class RalphServer:
    url: str            # the xAPI base, e.g. http://127.0.0.1:PORT/xAPI
    data_dir: Path
    process: subprocess.Popen

    def stored(self) -> list[dict]:
        """Every statement Ralph has written to its file-system store."""
        path = self.data_dir / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def get(self, path: str) -> dict:
        request = urllib.request.Request(self.url.rsplit("/xAPI", 1)[0] + path, headers={
            "Authorization": "Basic " + b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode(),
            "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_ralph(folder: Path, timeout: float = 60.0) -> RalphServer:
    import bcrypt  # Ralph's own dependency: its credentials file holds bcrypt hashes

    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    data.mkdir(exist_ok=True)
    auth = folder / "auth.json"
    auth.write_text(json.dumps([{
        "agent": {"account": {"homePage": "http://localhost", "name": USERNAME}}, "scopes": ["all"],
        "hash": bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode(), "username": USERNAME}]))
    port = free_port()
    env = {**os.environ, "RALPH_AUTH_FILE": str(auth), "RALPH_RUNSERVER_BACKEND": "fs",
           "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(data), "RALPH_APP_DIR": str(folder / "app")}
    log = open(folder / "ralph.log", "wb")   # the server's output; closed when the process ends
    root = Path(__file__).resolve().parents[2]   # so that uvicorn can import tests.xapi.ralph_fs_app
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "tests.xapi.ralph_fs_app:app", "--host", "127.0.0.1",
                                "--port", str(port), "--log-level", "warning"],
                               env=env, stdout=log, stderr=log, cwd=root)
    server = RalphServer(f"http://127.0.0.1:{port}/xAPI", data, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("Ralph stopped at start: " + (folder / "ralph.log").read_text())
        try:
            server.get("/whoami")
            return server
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f"Ralph did not answer within {timeout} s: " + (folder / "ralph.log").read_text())


def stop_ralph(server: RalphServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
