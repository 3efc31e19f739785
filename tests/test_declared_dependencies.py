"""Every third-party package the shipped code imports is declared in pyproject.toml.

An import that works only because another dependency happens to pull its
package in (numpy through OpenCV) breaks the day that dependency changes its
own requirements, on a user's machine and not on ours. The production packages
are the ones ``[tool.setuptools]`` ships; their imports are read from the
source (every ``import`` statement, also the ones inside functions and
``try`` blocks), mapped to distributions by the installed metadata, and each
must be in ``[project].dependencies`` or an optional extra other than ``dev``.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The development tools are not there at run time: production code may not need them.
DEV_EXTRA = "dev"


def _production_packages() -> list[str]:
    include = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    return sorted({pattern.rstrip("*") for pattern in include})


def _requirement_name(spec: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> set[str]:
    project = PYPROJECT["project"]
    specs = list(project["dependencies"])
    for extra, extra_specs in project.get("optional-dependencies", {}).items():
        if extra != DEV_EXTRA:
            specs += extra_specs
    return {_requirement_name(s) for s in specs}


def _imported_top_levels(root: Path, package: str) -> dict[str, list[str]]:
    """Top-level module name → the files importing it (absolute imports only)."""
    found: dict[str, list[str]] = {}
    for path in sorted((root / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], []).append(path.relative_to(root).as_posix())
    return found


def undeclared_imports(root: Path = ROOT, packages: list[str] | None = None) -> list[str]:
    """One sentence per third-party module imported by shipped code without a declaration."""
    first_party = set(packages or _production_packages())
    distributions = importlib.metadata.packages_distributions()
    declared = _declared()
    problems: list[str] = []
    for package in sorted(first_party):
        for module, files in sorted(_imported_top_levels(root, package).items()):
            if module in first_party or module in sys.stdlib_module_names:
                continue
            dists = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
            if not dists:
                problems.append(f"{module} (imported by {files[0]}) is not installed and not declared")
            elif not dists & declared:
                problems.append(f"{module} (imported by {files[0]}) comes from {sorted(dists)}, not declared")
    return problems


def test_the_shipped_packages_are_the_ones_checked() -> None:
    assert {"casefile", "ocr", "export", "gui"} <= set(_production_packages())


def test_every_third_party_import_is_declared() -> None:
    assert undeclared_imports() == []


def test_an_undeclared_import_is_caught(tmp_path: Path) -> None:
    """The check itself can fail: a module importing a package nobody declared is reported."""
    pkg = tmp_path / "ocr"
    pkg.mkdir()
    # pytest is installed (dev extra only), never a run-time dependency; numpy is declared.
    (pkg / "probe.py").write_text("import numpy\n\ndef f() -> None:\n    import pytest\n", encoding="utf-8")
    problems = undeclared_imports(tmp_path, ["ocr"])
    assert len(problems) == 1 and problems[0].startswith("pytest (imported by ocr/probe.py)"), problems
