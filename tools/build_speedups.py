"""Build the compiled copies of the tagger's hot modules (``nlp/compiled.py`` says why and how
they are used): ``python tools/build_speedups.py``, which ``make`` runs whenever nlp/ changes.

Each module in ``nlp.compiled.MODULES`` is copied into a scratch package named ``nlp`` (so that its
compiled name is ``nlp.<module>``), compiled by Cython with its annotations left as Python's (the
same values, the same tags), and the copies, then their manifest (the sha256 of each source as
compiled), are written to ``nlp.compiled.build_dir()``. A failed build leaves the old copies' manifest
in place, and the loader uses a copy only while its source is unchanged. Exit status 1 on failure,
with the compiler's message: the tagger then runs as Python, as it does without a build."""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp import compiled  # noqa: E402  (the list of modules and where their copies go)


def build(out: Path | None = None) -> list[str]:
    """Compile each module of ``compiled.MODULES`` whose copy is missing or was made from another
    source, Cython or Python; the names compiled (none when every copy is current)."""
    import Cython
    from Cython.Build import cythonize
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    out = out or compiled.build_dir()
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    made = {"cython": Cython.__version__, "python": sys.version.split()[0]}
    try:
        old = json.loads((out / compiled.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    current = old.get("sources", {}) if all(old.get(k) == v for k, v in made.items()) else {}
    sources = {name: compiled.source_hash(compiled.PACKAGE / f"{name}.py") for name in compiled.MODULES}
    todo = [name for name in compiled.MODULES
            if current.get(name) != sources[name] or not (out / f"{name}{suffix}").is_file()]
    if not todo:
        return []
    with tempfile.TemporaryDirectory(prefix="chargewatch-build-") as tmp:
        package = Path(tmp) / "nlp"
        package.mkdir()
        (package / "__init__.py").write_text("", encoding="utf-8")
        for name in todo:
            shutil.copyfile(compiled.PACKAGE / f"{name}.py", package / f"{name}.py")
            if (compiled.PACKAGE / f"{name}.pxd").is_file():  # (C types for its hot loop, read by Cython only)
                shutil.copyfile(compiled.PACKAGE / f"{name}.pxd", package / f"{name}.pxd")
            sources[name] = compiled.source_hash(package / f"{name}.py")  # (as compiled, if it changed meanwhile)
        extensions = cythonize([str(package / f"{name}.py") for name in todo], quiet=True,
                               nthreads=os.cpu_count() or 1,
                               compiler_directives={"language_level": 3, "annotation_typing": False})
        command = build_ext(Distribution({"ext_modules": extensions, "script_args": []}))
        command.build_lib, command.build_temp = str(Path(tmp) / "lib"), str(Path(tmp) / "temp")
        command.parallel = os.cpu_count() or 1
        command.ensure_finalized()
        command.run()
        out.mkdir(parents=True, exist_ok=True)
        (out / compiled.MANIFEST).unlink(missing_ok=True)  # no manifest while the copies change
        for name in todo:
            shutil.copyfile(Path(tmp) / "lib" / "nlp" / f"{name}{suffix}", out / f".{name}.new")
            os.replace(out / f".{name}.new", out / f"{name}{suffix}")
    manifest = {**made, "sources": sources}
    (out / f"{compiled.MANIFEST}.new").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(out / f"{compiled.MANIFEST}.new", out / compiled.MANIFEST)
    return todo


def main() -> int:
    try:
        names = build()
    except Exception as exc:  # (a missing compiler or Cython: the tagger still runs, as Python)
        print(f"tools/build_speedups.py: no compiled modules ({type(exc).__name__}: {exc}); "
              "the tagger runs as pure Python, with the same tags, about an eighth slower", file=sys.stderr)
        return 1
    where = compiled.build_dir().relative_to(ROOT)
    print(f"compiled {len(names)} of nlp/'s modules into {where}" if names else f"{where}: every compiled module is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
