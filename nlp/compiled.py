"""Compiled copies of the tagger's hot modules, used only while each matches its source.

Tagging is pure Python, and most of its time is the interpreter's own: thousands of small steps
per article (the tokenizer's pass over the tokens, the words read around each name). Cython
compiles those modules unchanged to C (``tools/build_speedups.py``; their annotations are not
read as C types, so every value behaves exactly as in Python; only the tokenizer's loop has C types,
given apart in ``tokenize.pxd``), about an eighth faster and with the same tags (``tests/test_compiled.py``). The copies live outside the package, in
``build/speedups/<interpreter>/``, beside a manifest of the sha256 of each source they were made
from. ``install`` (called by ``nlp/__init__``) puts a finder first on ``sys.meta_path`` that loads a
copy only when its source is unchanged: a module edited since the build runs as Python until
``make`` builds it again, never stale. Nothing is compiled at run time; without a build (a plain
``pip install``, no compiler) everything runs as Python. ``CHARGEWATCH_PURE_PYTHON=1`` turns the
copies off (a profiler such as py-spy sees inside Python frames only).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import sysconfig
from pathlib import Path

# the modules an article passes through, in tagging order (not the ones that read data files
# next to their source: a compiled copy's ``__file__`` is in the build directory)
MODULES = ("tokenize", "quotes", "sentences", "layout", "pieces", "cues", "people", "acronyms", "mentions",
           "name_lists", "ties", "features", "together", "other_lede", "aboutness", "topic_roles",
           "supplier_mentions", "evidence", "tagger")
PACKAGE = Path(__file__).resolve().parent
MANIFEST = "manifest.json"
OFF = "CHARGEWATCH_PURE_PYTHON"


def build_dir() -> Path:
    """Where this interpreter's compiled copies are: one directory per interpreter and platform."""
    tag = (sysconfig.get_config_var("EXT_SUFFIX") or ".so").strip(".").removesuffix(".so").replace(".", "-")
    return PACKAGE.parent / "build" / "speedups" / (tag or "default")


def source_hash(path: Path) -> str:
    """The sha256 of a module's source and of the Cython types beside it (``<module>.pxd``), if any."""
    digest = hashlib.sha256(path.read_bytes())
    types = path.with_suffix(".pxd")
    if types.is_file():
        digest.update(b"\0" + types.read_bytes())
    return digest.hexdigest()


def usable(directory: Path, package: Path = PACKAGE) -> dict[str, Path]:
    """Module name -> compiled copy, for each copy in ``directory`` whose source in ``package`` is
    the one it was built from (none when there is no manifest or it cannot be read)."""
    try:
        made = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    out = {}
    for name, digest in made.items():
        source, copy = package / f"{name}.py", directory / f"{name}{suffix}"
        if name in MODULES and copy.is_file() and source.is_file() and source_hash(source) == digest:
            out[f"nlp.{name}"] = copy
    return out


class _Finder:
    """A meta path finder for the compiled copies only; every other import goes on as usual."""

    def __init__(self, copies: dict[str, Path]):
        self.copies = copies

    def find_spec(self, fullname, path=None, target=None):
        copy = self.copies.get(fullname)
        return importlib.util.spec_from_file_location(fullname, copy) if copy else None


ACTIVE: tuple[str, ...] = ()  # the modules that run compiled in this process


def install() -> tuple[str, ...]:
    """Load the usable compiled copies from now on (once per process); the modules that will."""
    global ACTIVE
    if ACTIVE or os.environ.get(OFF, "") not in ("", "0") or any(isinstance(f, _Finder) for f in sys.meta_path):
        return ACTIVE
    copies = usable(build_dir())  # (nlp/__init__ runs this before any of its modules is imported)
    if copies:
        sys.meta_path.insert(0, _Finder(copies))
    ACTIVE = tuple(sorted(copies))
    return ACTIVE
