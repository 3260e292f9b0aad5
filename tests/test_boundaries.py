"""The dependency rule, enforced: simulator/, rubrics/, portfolio/ and xapi/ stay plain Python.

They never import Flask, its extensions, Werkzeug, SQLAlchemy or the web layer; calls go one way
(portfolio -> rubrics -> simulator); each heavy library is imported by one module only.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAIN_PACKAGES = ("simulator", "rubrics", "portfolio", "xapi")
FORBIDDEN_EVERYWHERE = ("flask", "flask_", "werkzeug", "sqlalchemy", "web", "app", "alembic", "huey", "redis")
FORBIDDEN_BY_PACKAGE = {"simulator": ("rubrics", "portfolio"), "rubrics": ("portfolio",), "portfolio": (),
                        "xapi": ("simulator", "rubrics", "portfolio")}   # xapi stands alone: plain values in
ONE_MODULE_LIBRARIES = {"textblob": "rubrics", "weasyprint": "portfolio", "faker": "simulator"}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def package_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("package", PLAIN_PACKAGES)
def test_plain_packages_never_import_the_web_layer_or_database(package):
    offenders = []
    for path in package_files(package):
        for name in imported_modules(path):
            head = top(name)
            if head in FORBIDDEN_EVERYWHERE or head.startswith("flask_") or head in FORBIDDEN_BY_PACKAGE[package]:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_each_heavy_library_is_imported_by_one_module_only():
    users: dict[str, set[str]] = {lib: set() for lib in ONE_MODULE_LIBRARIES}
    for package in PLAIN_PACKAGES + ("web",):
        for path in package_files(package):
            for name in imported_modules(path):
                if top(name) in users:
                    users[top(name)].add(str(path.relative_to(ROOT)))
    for lib, files in users.items():
        assert len(files) <= 1, f"{lib} is imported by {sorted(files)}: keep it behind one module"
        for f in files:
            assert f.startswith(ONE_MODULE_LIBRARIES[lib] + "/"), \
                f"{lib} belongs in {ONE_MODULE_LIBRARIES[lib]}/, not {f}"


def test_boundary_check_sees_a_forbidden_import(tmp_path):
    # The parser must catch both import forms, or the rule above could pass vacuously.
    probe = tmp_path / "probe.py"
    probe.write_text("import flask\nfrom sqlalchemy.orm import Session\nfrom . import sibling\n")
    assert imported_modules(probe) == ["flask", "sqlalchemy.orm"]
