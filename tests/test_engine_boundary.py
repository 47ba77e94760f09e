"""The engine package is plain Python: it imports without Django and its modules form no import cycle."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

ENGINE = pathlib.Path(__file__).resolve().parent.parent / "engine"


def test_engine_imports_without_django():
    """A fresh interpreter with no settings imports the whole engine surface and never loads django."""
    code = (
        "import os, sys; os.environ.pop('DJANGO_SETTINGS_MODULE', None)\n"
        "import engine, pkgutil, importlib\n"
        "for m in pkgutil.walk_packages(engine.__path__, 'engine.'): importlib.import_module(m.name)\n"
        "assert callable(engine.decide) and callable(engine.read_pdf) and callable(engine.detect)\n"
        "print(sorted(n for n in sys.modules if n == 'django' or n.startswith('django.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ENGINE.parent, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout


def _module_name(path: pathlib.Path) -> str:
    rel = path.relative_to(ENGINE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _engine_imports() -> dict[str, set[str]]:
    """Module name -> engine modules it imports (at any depth of the file, lazy imports included)."""
    graph: dict[str, set[str]] = {}
    modules = {_module_name(p) for p in ENGINE.rglob("*.py")}
    for path in ENGINE.rglob("*.py"):
        name = _module_name(path)
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            deps |= {t for t in targets if t in modules and t != name and t != "engine"}
        graph[name] = deps
    return graph


def test_engine_has_no_import_cycle():
    graph = _engine_imports()
    assert "engine.verdicts" in graph and "engine.library" in graph
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            assert state.get(dep) != 1, "import cycle: " + " -> ".join([*trail, node, dep])
            if dep not in state:
                visit(dep, [*trail, node])
        state[node] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [])


def test_engine_modules_never_import_django_or_the_apps():
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for n in names:
                top = n.split(".")[0]
                assert top not in {
                    "django",
                    "rest_framework",
                    "rq",
                    "django_rq",
                    "nexa",
                    "specs",
                    "audits",
                    "jobs",
                }, f"{path.name} imports {n}"


def test_the_apps_reach_the_engine_through_its_surface_only():
    """The Django apps import ``engine`` itself (``from engine import decide``), never its submodules, so the
    engine's inside can be rearranged without touching them (benchmarks, a dev tool, may reach further)."""
    root = pathlib.Path(__file__).resolve().parent.parent
    inside = []
    for app in ("audits", "specs", "jobs", "nexa"):
        for path in (root / app).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                elif isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                inside += [f"{path.relative_to(root)}: {n}" for n in names if n.startswith("engine.")]
    assert inside == []
