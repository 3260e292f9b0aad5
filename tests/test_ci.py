"""The test set-up itself: which database the tests use, browsers required in CI, and what .ci/run does.

.ci/run is run for real in a scratch copy of its folder layout, with scripts/test.sh and .venv/bin/python
replaced by stubs that log what they were called with (and with which environment) and exit as told.
"""
import os
import re
import stat
import subprocess

import pytest

from tests.browser.conftest import require_chromium
from tests.conftest import ROOT, server_database_url

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("DATABASE_URL", "TEST_DATABASE_URL", "CI", "REQUIRE_BROWSER"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_tests_use_a_postgresql_database_url(clean_env):
    clean_env.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    assert server_database_url() == PG


def test_tests_never_use_a_developers_sqlite_database_url(clean_env):
    clean_env.setenv("DATABASE_URL", "sqlite:///instance/simulator.sqlite")
    assert server_database_url() is None


def test_test_database_url_still_wins(clean_env):
    clean_env.setenv("DATABASE_URL", "postgresql://elsewhere/db")
    clean_env.setenv("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    assert server_database_url() == PG


def test_without_chromium_browser_tests_skip_on_a_developers_machine(clean_env, tmp_path):
    with pytest.raises(pytest.skip.Exception):
        require_chromium(str(tmp_path / "no-chromium"))


@pytest.mark.parametrize("name, value", [("CI", "true"), ("REQUIRE_BROWSER", "1")])
def test_without_chromium_browser_tests_fail_in_ci(clean_env, tmp_path, name, value):
    clean_env.setenv(name, value)
    with pytest.raises(pytest.fail.Exception, match="required here"):
        require_chromium(str(tmp_path / "no-chromium"))


STUB_PYTHON = """#!/usr/bin/env bash
if [ "$1" = "-" ]; then exit "${PROBE_RC:-1}"; fi   # the server probes: python - URL <<PY
echo "python $* | DATABASE_URL=${DATABASE_URL:-} TEST_DATABASE_URL=${TEST_DATABASE_URL:-} REDIS_URL=${REDIS_URL:-} \
REQUIRE_BROWSER=${REQUIRE_BROWSER:-}" >> "$CI_LOG"
case "$*" in *redis*) exit "${REDIS_RC:-0}";; *ruff*|*mypy*) exit "${LINT_RC:-0}";; *) exit "${PG_RC:-0}";; esac
"""
STUB_TEST_SH = """#!/usr/bin/env bash
echo "test.sh $* | DATABASE_URL=${DATABASE_URL:-} TEST_DATABASE_URL=${TEST_DATABASE_URL:-} \
REQUIRE_BROWSER=${REQUIRE_BROWSER:-}" >> "$CI_LOG"
exit "${SQLITE_RC:-0}"
"""
STUB_SETUP_SH = """#!/usr/bin/env bash
echo "setup.sh $*" >> "$CI_LOG"
exit "${SETUP_RC:-0}"
"""


@pytest.fixture
def run_ci(tmp_path):
    """run_ci(PROBE_RC=..., SQLITE_RC=..., ...) -> (exit code, output, log lines) of a real .ci/run."""
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "run").write_text((ROOT / ".ci" / "run").read_text())
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "test.sh").write_text(STUB_TEST_SH)
    (tmp_path / "scripts" / "setup.sh").write_text(STUB_SETUP_SH)
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    python = tmp_path / ".venv" / "bin" / "python"
    python.write_text(STUB_PYTHON)
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    log = tmp_path / "ci.log"

    def run(**env):
        log.write_text("")
        base = {k: v for k, v in os.environ.items() if k not in ("CI_POSTGRES_URL", "CI_REDIS_URL")}
        done = subprocess.run(["bash", str(tmp_path / ".ci" / "run")], capture_output=True, text=True, timeout=60,
                              env={**base, "CI_LOG": str(log), **{k: str(v) for k, v in env.items()}})
        return done.returncode, done.stdout, log.read_text().splitlines()

    return run


def test_ci_says_plainly_when_postgresql_and_redis_are_absent_and_sqlite_decides(run_ci):
    code, out, log = run_ci(PROBE_RC=1)
    assert code == 0
    assert "=== PostgreSQL: SKIPPED: no server reachable at 127.0.0.1:5432/test" in out
    assert "=== Redis: SKIPPED: no server reachable" in out
    assert out.rstrip().endswith("=== CI result: PASSED ===")
    assert log[0] == "setup.sh --tests"        # once, before the runs that share what it installs
    runs = [line for line in log if "pytest" in line or line.startswith("test.sh")]
    assert len(runs) == 1 and runs[0].startswith("test.sh")


def test_ci_runs_the_sqlite_suite_on_sqlite_even_when_database_url_is_set(run_ci):
    _code, _out, log = run_ci(PROBE_RC=1, DATABASE_URL="postgresql://prod/db", TEST_DATABASE_URL="postgresql://x/y")
    assert [line for line in log if line.startswith("test.sh")] == \
        ["test.sh  | DATABASE_URL= TEST_DATABASE_URL= REQUIRE_BROWSER=1"]


def test_ci_runs_web_and_browser_tests_on_postgresql_through_database_url(run_ci):
    code, out, log = run_ci(PROBE_RC=0, TEST_DATABASE_URL="postgresql://x/y")
    assert code == 0, out
    postgres = [re.sub(r"--basetemp \S+ ", "", line) for line in log if "tests/web" in line]
    assert postgres == [f"python -m pytest -q tests/web tests/browser | DATABASE_URL={PG} TEST_DATABASE_URL= "
                        "REDIS_URL= REQUIRE_BROWSER=1"]
    assert out.rstrip().endswith("=== CI result: PASSED ===")


@pytest.mark.parametrize("failing", ["SQLITE_RC", "PG_RC"])
def test_ci_counts_pytest_exit_5_no_tests_as_a_failure(run_ci, failing):
    code, out, _log = run_ci(PROBE_RC=0, **{failing: 5})
    assert code == 1
    assert "collected no tests: counted as a failure" in out
    assert out.rstrip().endswith("=== CI result: FAILED ===")


def test_ci_fails_when_the_postgresql_run_fails(run_ci):
    code, out, _log = run_ci(PROBE_RC=0, PG_RC=1)
    assert code == 1 and "PostgreSQL: database tests" in out and "FAILED (exit 1)" in out
    assert out.rstrip().endswith("=== CI result: FAILED ===")


def test_ci_runs_ruff_and_mypy_and_passes_when_they_find_nothing(run_ci):
    code, out, log = run_ci(PROBE_RC=1)
    assert code == 0, out
    assert [line.split(" |")[0] for line in log if "ruff" in line or "mypy" in line] == \
        ["python -m ruff check .", "python -m mypy"]


@pytest.mark.parametrize("failing", ["ruff", "mypy"])
def test_ci_fails_on_a_lint_or_type_error(run_ci, tmp_path, failing):
    # The stub python exits LINT_RC for both tools; a real finding in either makes the run fail.
    code, out, _log = run_ci(PROBE_RC=1, LINT_RC=1)
    assert code == 1
    assert ("Lint: ruff check .: FAILED" if failing == "ruff" else "Types: mypy (simulator, portfolio): FAILED") in out
    assert out.rstrip().endswith("=== CI result: FAILED ===")


def test_ci_stops_before_any_test_when_setup_fails(run_ci):
    code, out, log = run_ci(PROBE_RC=0, SETUP_RC=1)
    assert code == 1 and log == ["setup.sh --tests"]
    assert out.rstrip().endswith("=== CI result: FAILED ===")


def test_ci_prints_the_postgresql_run_after_it_ends_and_counts_it(run_ci):
    code, out, log = run_ci(PROBE_RC=0, PG_RC=0)
    assert code == 0
    assert out.index("=== SQLite: whole suite") < out.index("=== PostgreSQL: database tests")
    assert sum("tests/web tests/browser" in line for line in log) == 1
