"""Sending one statement to a learning record store over HTTP (the standard library's urllib: no new dependency).

PUT /statements?statementId=<id> is idempotent: an LRS that has the same statement already answers 204 (or 409 if
a different one has that id, which is our bug, not the network's). Errors say whether trying again can help.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

XAPI_VERSION = "1.0.3"


class LrsError(Exception):
    """The LRS did not store the statement. `retry` says whether sending it again later may work."""

    def __init__(self, message: str, *, retry: bool, status: int | None = None):
        super().__init__(message)
        self.retry = retry
        self.status = status


@dataclass(frozen=True)
class Lrs:
    endpoint: str          # e.g. https://lrs.example.org/xAPI/ (the statements resource is <endpoint>/statements)
    username: str = ""
    password: str = ""
    timeout: float = 10.0

    def statements_url(self, statement_id: str) -> str:
        query = urllib.parse.urlencode({"statementId": statement_id})
        return f"{self.endpoint.rstrip('/')}/statements?{query}"

    def headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION}
        if self.username or self.password:
            token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        return headers

    def put(self, statement: dict) -> int:
        """Store one statement; return the HTTP status (204, or 200 from some LRSs). Raise LrsError otherwise."""
        body = json.dumps(statement, separators=(",", ":")).encode("utf-8")
        request = urllib.request.Request(self.statements_url(statement["id"]), data=body, method="PUT",
                                         headers=self.headers())
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:   # the configured LRS URL
                return response.status
        except urllib.error.HTTPError as exc:
            detail = exc.read(500).decode("utf-8", "replace")
            # 408, 429 and 5xx are the LRS's passing trouble, 401 and 403 our account there (fixed by configuration);
            # any other 4xx refuses this statement as it is.
            retry = exc.code in (401, 403, 408, 429) or exc.code >= 500
            raise LrsError(f"LRS answered {exc.code}: {detail}", retry=retry, status=exc.code) from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            raise LrsError(f"LRS unreachable: {getattr(exc, 'reason', exc)}", retry=True) from exc
