"""The tree reads as the pipeline: each package imports only what comes before it.

nlp/ (tagging) is pure: it imports neither monitor nor storage. storage/ (SQLite, the only SQL)
imports nothing from monitor. monitor/ (fetch, schedule, CLI, web, outputs) uses both. These
tests read every module's source with ``ast`` (nothing is imported), so a boundary crossed
anywhere fails here, naming the file and line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("nlp", "storage", "monitor")

# SQL statements may be written only under storage/. Files still allowed to, until they are moved:
SQL_ALLOWED: set[str] = set()

# A module-private name (one leading underscore) is not imported from another module. What remains,
# with the reason, as (importing file, module, name):
PRIVATE_ALLOWED = {
    # feedparser keeps its date parser (every feed date format it knows) private and has no public one
    ("monitor/parse_items.py", "feedparser.datetimes", "_parse_date"),
}

# A module has one job and fits in MAX_LINES lines (issue 16). What still exceeds it, until split:
MAX_LINES = 400
LONG_ALLOWED: set[str] = set()

# A string that is an SQL statement (the keywords are written in capitals throughout chargewatch).
SQL = re.compile(r"\b(SELECT\s+(DISTINCT\s+)?[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b"
                 r"|DELETE\s+FROM\b|CREATE\s+(UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|TRIGGER|VIEW)\b)")


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            yield rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel)


def imported(rel: str, tree: ast.AST):
    """(line, absolute module, names) of every import in the module (relative ones resolved)."""
    package = rel.removesuffix(".py").split("/")[:-1]
    if rel.endswith("__init__.py"):
        package = rel.split("/")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module, tuple(a.name for a in node.names)


def _top(module: str) -> str:
    return module.split(".")[0]


def test_nlp_imports_neither_monitor_nor_storage():
    crossed = [f"{rel}:{line}: {module}" for rel, tree in modules() if rel.startswith("nlp/")
               for line, module, _ in imported(rel, tree) if _top(module) in ("monitor", "storage")]
    assert not crossed, "nlp/ is pure (no fetching, no database):\n" + "\n".join(crossed)


def test_storage_imports_nothing_from_monitor():
    crossed = [f"{rel}:{line}: {module}" for rel, tree in modules() if rel.startswith("storage/")
               for line, module, _ in imported(rel, tree) if _top(module) == "monitor"]
    assert not crossed, "storage/ imports nothing from monitor/ (data flows one way):\n" + "\n".join(crossed)


def _strings(tree: ast.AST):
    """(line, text) of every string literal; an f-string's text with its holes as ``?``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "?" for v in node.values)


def test_no_sql_outside_storage():
    found = [f"{rel}:{line}: {text[:70]!r}" for rel, tree in modules()
             if not rel.startswith("storage/") and rel not in SQL_ALLOWED
             for line, text in _strings(tree) if SQL.search(text)]
    assert not found, "SQL belongs in storage/ (add a storage function):\n" + "\n".join(found)


def test_the_sql_pattern_finds_statements_and_not_prose():
    for sql in ("SELECT story_id FROM articles WHERE id = ?", "SELECT count(*) FROM tags",
                "INSERT OR IGNORE INTO urls (url) VALUES (?)", "UPDATE sources SET paused = 1",
                "DELETE FROM lsh WHERE key = ?", "CREATE VIRTUAL TABLE articles_fts USING fts5(title)"):
        assert SQL.search(sql), sql
    for prose in ("Select the stories to send", "update the row", "select a source", "DELETE the file"):
        assert not SQL.search(prose), prose


def test_no_private_name_imported_from_another_module():
    found = []
    for rel, tree in modules():
        for line, module, names in imported(rel, tree):
            short = module.removeprefix("monitor.") if rel.startswith("monitor/") else module
            for name in names:
                if name.startswith("_") and not name.startswith("__") and (rel, short, name) not in PRIVATE_ALLOWED \
                        and (rel, module, name) not in PRIVATE_ALLOWED:
                    found.append(f"{rel}:{line}: from {module} import {name}")
        # module._private(...) through an imported module of ours
        aliases = {alias.asname or alias.name.split(".")[-1]
                   for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                   for alias in node.names
                   if isinstance(node, ast.Import) and _top(alias.name) in PACKAGES
                   or isinstance(node, ast.ImportFrom) and (node.level or _top(node.module or "") in PACKAGES)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases \
                    and node.attr.startswith("_") and not node.attr.startswith("__"):
                found.append(f"{rel}:{node.lineno}: {node.value.id}.{node.attr}")
    assert not found, "a module-private name is private to its module (make it public, documented):\n" + \
        "\n".join(found)


def suite_modules():
    """(path, tree) of every module of the test suite (tests/, tools included)."""
    for path in sorted((ROOT / "tests").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        yield rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel)


def test_no_test_module_imports_from_conftest():
    found = [f"{rel}:{line}: {module} {', '.join(names)}".rstrip() for rel, tree in suite_modules()
             for line, module, names in imported(rel, tree)
             if module.split(".")[-1] == "conftest" or "conftest" in names]
    assert not found, "conftest.py is pytest's hook file, not a module to import (put the helper in " \
        "tests/helpers.py and import it from there):\n" + "\n".join(found)


FREE_PORT_NAME = re.compile(r"(free|closed|unused|spare)_?port$")


def _binds_port_zero(function: ast.AST) -> bool:
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "bind"
               and node.args and isinstance(node.args[0], ast.Tuple) and len(node.args[0].elts) == 2
               and isinstance(node.args[0].elts[1], ast.Constant) and node.args[0].elts[1].value == 0
               for node in ast.walk(function))


def test_one_free_port_helper():
    """A function that binds port 0 and returns something (the port), or is named like one, is a
    free-port helper: tests/helpers.py has the one (free_port, and closed_port on it). A server that
    binds port 0 and keeps listening there returns nothing and is not one."""
    found = [f"{rel}:{node.lineno}: def {node.name}" for rel, tree in suite_modules() if rel != "tests/helpers.py"
             for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
             and (FREE_PORT_NAME.search(node.name.lower())
                  or _binds_port_zero(node) and any(isinstance(n, ast.Return) and n.value is not None
                                                    for n in ast.walk(node)))]
    assert not found, "use free_port() or closed_port() from tests/helpers.py:\n" + "\n".join(found)


def test_no_module_over_the_line_limit():
    long = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES and rel not in LONG_ALLOWED:
                long.append(f"{rel}: {lines} lines")
    assert not long, f"a module over {MAX_LINES} lines does more than one job (split it):\n" + "\n".join(long)


def test_the_database_time_format_is_written_and_read_in_one_place():
    """storage/clock.py owns how times are stored (``to_iso``) and read back (``from_iso``)."""
    found = [f"{rel}:{line}: {text!r}" for rel, tree in modules() if rel != "storage/clock.py"
             for line, text in _strings(tree) if "%H:%M:%S" in text or text == "+00:00"]
    assert not found, "write and read stored times with storage.clock.to_iso / from_iso:\n" + "\n".join(found)


def test_no_write_to_another_objects_private_attribute():
    """``obj._name = ...`` reaches into someone else's object (httpx's transport once): only
    ``self`` and ``cls`` set private attributes."""
    found = []
    for rel, tree in modules():
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr.startswith("_") \
                        and not target.attr.startswith("__") \
                        and not (isinstance(target.value, ast.Name) and target.value.id in ("self", "cls")):
                    found.append(f"{rel}:{target.lineno}: {ast.unparse(target)} = ...")
    assert not found, "set private attributes only on self:\n" + "\n".join(found)
