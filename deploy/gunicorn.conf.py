"""gunicorn's settings for Reply Ready: `gunicorn -c deploy/gunicorn.conf.py` (scripts/start.sh uses it).

Every value can be set from the environment, so one file serves a laptop and a server:
  BIND (default HOST:PORT, 127.0.0.1:5000)   WEB_CONCURRENCY (workers; default 2 x cores + 1, at most 8)
  GUNICORN_TIMEOUT (seconds, default 30)     ACCESS_LOG ("-" standard output, a file path, or "off")
Long exports never run in a request (the task queue makes them), so 30 s is a generous timeout for a page.
"""
from __future__ import annotations

import gc
import multiprocessing
import os

wsgi_app = "app:create_app()"
bind = os.environ.get("BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 8))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load the app (and the scorer's analysers) once in the master and fork the workers from it: less memory and a
# faster start. create_app() opens no database connection, so no connection is shared across the fork.
preload_app = True


def pre_fork(_server, _worker) -> None:
    """Move everything the preloaded app made into the collector's permanent generation before a worker is forked:
    a full collection then scans only what requests make. Measured in process on a progress page (issue 17): the
    two full collections in 200 draws took 150 ms each with ~170,000 startup objects tracked, under 3 ms frozen.
    It also keeps the collector from writing to (and so copying) the pages the workers share with the master."""
    gc.freeze()


# A worker is replaced after this many requests (with jitter, so they do not all restart at once): a slow leak
# in any library cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
_access = os.environ.get("ACCESS_LOG", "-")
accesslog = None if _access == "off" else _access
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'   # no cookies, no query-string secrets beyond the path
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
